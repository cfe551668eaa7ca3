//! Who someone in a meeting is, told from their participant resource: someone of the
//! organizer's organisation, an anonymous guest, a Skype user, or someone from another
//! organisation.
//!
//! Skype (and Live Messenger) users reach Skype for Business through Microsoft's consumer
//! federation, with a SIP URI made from their Microsoft account: `user@example.com` becomes
//! `sip:user(example.com)@msn.com` (seed "Skype connectivity and Lync applications").
//! Federated organisations and the public cloud are told apart by the participant's
//! `sourceNetwork` (`SameEnterprise`, `Federated`, `PublicCloud`, `Everyone`, `Unknown`).

/// Where someone in the meeting comes from, as far as the guest can tell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Not known (yet): their resource has not been read, or does not say.
    Unknown,
    /// The organizer's own organisation.
    Organisation,
    /// An anonymous guest, as this one is.
    Guest,
    /// A Skype user, signed in with this Microsoft account (`user@example.com`).
    Skype {
        /// The Microsoft account, an email address.
        account: String,
    },
    /// Someone from another organisation, federated with the organizer's.
    OtherOrganisation,
}

/// What a participant's resource says about who they are.
pub fn origin(uri: Option<&str>, anonymous: Option<bool>, source_network: Option<&str>) -> Origin {
    if anonymous == Some(true) {
        return Origin::Guest;
    }
    if let Some(account) = uri.and_then(skype_account) {
        return Origin::Skype { account };
    }
    match source_network {
        Some(network) if network.eq_ignore_ascii_case("SameEnterprise") => Origin::Organisation,
        Some(network)
            if network.eq_ignore_ascii_case("Federated") || network.eq_ignore_ascii_case("PublicCloud") =>
        {
            Origin::OtherOrganisation
        }
        _ => Origin::Unknown,
    }
}

/// The Microsoft account behind a Skype user's SIP URI: `sip:user(example.com)@msn.com`
/// gives `user@example.com`. `None` for any other URI.
pub fn skype_account(uri: &str) -> Option<String> {
    let address = uri
        .get(..4)
        .filter(|scheme| scheme.eq_ignore_ascii_case("sip:"))
        .map_or(uri, |_| &uri[4..]);
    let (user_part, domain) = address.rsplit_once('@')?;
    if !domain.eq_ignore_ascii_case("msn.com") {
        return None;
    }
    let (user, rest) = user_part.split_once('(')?;
    let account_domain = rest.strip_suffix(')')?;
    let plain = |text: &str| {
        !text.is_empty()
            && text
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | '+'))
    };
    (plain(user) && plain(account_domain) && account_domain.contains('.'))
        .then(|| format!("{user}@{account_domain}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skype_users_are_known_by_their_microsoft_account() {
        assert_eq!(
            skype_account("sip:user(example.com)@msn.com").as_deref(),
            Some("user@example.com")
        );
        assert_eq!(
            skype_account("SIP:jane.doe(outlook.co.uk)@MSN.COM").as_deref(),
            Some("jane.doe@outlook.co.uk")
        );
        for other in [
            "sip:user@msn.com",
            "sip:user(example.com)@contoso.com",
            "sip:(example.com)@msn.com",
            "sip:user()@msn.com",
            "sip:user(localhost)@msn.com",
            "sip:us<er(example.com)@msn.com",
            "not a uri",
        ] {
            assert_eq!(skype_account(other), None, "{other}");
        }
    }

    #[test]
    fn the_resource_says_where_someone_comes_from() {
        assert_eq!(
            origin(Some("sip:1@anonymous.invalid"), Some(true), Some("Everyone")),
            Origin::Guest
        );
        assert_eq!(
            origin(
                Some("sip:user(example.com)@msn.com"),
                Some(false),
                Some("PublicCloud")
            ),
            Origin::Skype {
                account: "user@example.com".to_owned()
            }
        );
        assert_eq!(
            origin(Some("sip:ann@fabrikam.com"), Some(false), Some("Federated")),
            Origin::OtherOrganisation
        );
        assert_eq!(
            origin(Some("sip:sam@contoso.com"), Some(false), Some("SameEnterprise")),
            Origin::Organisation
        );
        assert_eq!(origin(Some("sip:sam@contoso.com"), None, None), Origin::Unknown);
    }
}
