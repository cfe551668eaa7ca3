//! What kind of link a guest pasted, or what is wrong with it.
//!
//! Three kinds of meeting address exist:
//! - an online join URL, `https://meet.lync.com/<tenant>/<organizer>/<meeting id>`, which this
//!   product joins through the middle tier;
//! - an on-premises join URL, `https://meet.contoso.com/<organizer>/<id>` or
//!   `https://join.contoso.com/meet/<organizer>/<id>`, served by a company's own server;
//! - a conference SIP URI, `sip:<organizer>@<domain>;gruu;opaque=app:conf:focus:id:<id>`.
//!
//! People paste links wrapped in `<…>`, quotes, or Outlook "Safe Links"; those wrappers are
//! removed first. Guessing a SIP URI from a URL is unreliable (the SIPE project removed
//! its heuristic), so no such mapping is attempted.

use std::fmt;

use url::Url;

/// The longest link accepted; real join links are under 200 characters.
pub const MAX_LINK_LEN: usize = 2048;

/// Hosts that serve online (Skype for Business Online) join URLs.
///
/// `*.lync.com` and `*.skypeforbusiness.com` always count; deployments add their own (the
/// simulator's meeting host, say) with [`MeetingHosts::with_host`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MeetingHosts {
    extra: Vec<String>,
    on_premises: Vec<String>,
}

impl MeetingHosts {
    /// Only the public Skype for Business Online hosts.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a host (`meet.example.com`, `127.0.0.1:8444`, or `*.example.com` for any host
    /// under that domain) that serves online join URLs.
    #[must_use]
    pub fn with_host(mut self, host: &str) -> Self {
        self.extra.push(host.trim().to_ascii_lowercase());
        self
    }

    /// These hosts and the host of `link` (if it has one): to read a link shaped like a
    /// join URL on any host, and tell afterwards whether its host is one of these.
    #[must_use]
    pub fn and_host_of(self, link: &str) -> Self {
        let host = Url::parse(link.trim()).ok().and_then(|url| {
            let host = url.host_str()?.to_owned();
            Some(url.port().map_or(host.clone(), |port| format!("{host}:{port}")))
        });
        match host {
            Some(host) => self.with_host(&host),
            None => self,
        }
    }

    /// Adds a host (`meet.fabrikam.com`, `127.0.0.1:8409`) that serves an on-premises
    /// server's meeting links: configured, so trusted over plain `http` as well (a test bed).
    #[must_use]
    pub fn with_on_premises_host(mut self, host: &str) -> Self {
        self.on_premises.push(host.trim().to_ascii_lowercase());
        self
    }

    /// Whether `url`'s host was added with [`MeetingHosts::with_host`].
    pub fn is_configured(&self, url: &Url) -> bool {
        listed(&self.extra, url)
    }

    /// Whether `url`'s host was added with [`MeetingHosts::with_on_premises_host`].
    pub fn is_on_premises(&self, url: &Url) -> bool {
        listed(&self.on_premises, url)
    }

    /// Whether `url` is served by Skype for Business Online.
    pub fn is_online(&self, url: &Url) -> bool {
        let public = url.host_str().is_some_and(|host| {
            let host = host.to_ascii_lowercase();
            ["lync.com", "skypeforbusiness.com"]
                .iter()
                .any(|domain| host == *domain || host.ends_with(&format!(".{domain}")))
        });
        public || self.is_configured(url)
    }
}

/// Whether `url`'s host, with or without its port, is in `entries` (`*.domain` entries
/// cover the hosts under that domain).
fn listed(entries: &[String], url: &Url) -> bool {
    let Some(host) = url.host_str() else {
        return false;
    };
    let host = host.to_ascii_lowercase();
    let with_port = url.port().map(|port| format!("{host}:{port}"));
    entries.iter().any(|entry| {
        *entry == host
            || Some(entry) == with_port.as_ref()
            || entry
                .strip_prefix("*.")
                .is_some_and(|domain| host.ends_with(&format!(".{domain}")))
    })
}

/// A link the product understands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JoinLink {
    /// A Skype for Business Online join URL: joinable.
    Online(OnlineMeeting),
    /// A join URL of an on-premises Skype for Business Server.
    OnPremises(OnPremisesMeeting),
    /// A conference SIP URI.
    ConferenceUri(ConferenceUri),
}

/// An online meeting join URL, normalised.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OnlineMeeting {
    /// The join URL without query or fragment; this is what goes to the middle tier.
    pub url: Url,
    /// The tenant or region segment (`contoso`, `NOAMmeetings`).
    pub tenant: String,
    /// The organizer segment.
    pub organizer: String,
    /// The meeting id.
    pub meeting_id: String,
}

/// An on-premises meeting join URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OnPremisesMeeting {
    /// The join URL as given.
    pub url: Url,
    /// The organizer segment.
    pub organizer: String,
    /// The meeting id.
    pub meeting_id: String,
}

/// A conference (focus) SIP URI.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConferenceUri {
    /// `organizer@domain`.
    pub organizer: String,
    /// The meeting id.
    pub meeting_id: String,
}

impl fmt::Display for ConferenceUri {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "sip:{};gruu;opaque=app:conf:focus:id:{}",
            self.organizer, self.meeting_id
        )
    }
}

/// What is wrong with a link. `Display` is a plain sentence for the person who pasted it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum JoinLinkError {
    /// Nothing was entered.
    #[error("Paste the meeting link from your invitation.")]
    Empty,
    /// Far longer than any meeting link.
    #[error("That text is too long to be a meeting link. Copy only the link from your invitation.")]
    TooLong,
    /// Not a link at all.
    #[error("That doesn't look like a link. Meeting links start with https://")]
    NotALink,
    /// A link of another kind (`mailto:`, `ftp:`, …).
    #[error("That is a {0}: link, not a meeting link. Meeting links start with https://")]
    UnsupportedScheme(String),
    /// An unencrypted link to a host not known to serve meetings.
    #[error("That link is not secure (http://). Ask the organizer for the https:// meeting link.")]
    Insecure,
    /// A Microsoft Teams link.
    #[error(
        "That is a Microsoft Teams link. Open it in Teams instead; this page joins Skype for Business meetings."
    )]
    TeamsLink,
    /// A web page that is not a meeting.
    #[error(
        "That link doesn't lead to a meeting. Check that you copied the whole link from your invitation."
    )]
    NotAMeetingLink,
    /// The link is cut short.
    #[error(
        "That meeting link looks cut off: the meeting code at its end is missing. Copy the whole link from your invitation."
    )]
    MissingMeetingId,
    /// A person's SIP address rather than a meeting's.
    #[error("That is a person's Skype address, not a meeting. Ask the organizer for the meeting link.")]
    NotAConference,
    /// A user name or password before the host (`https://user:pass@meet.lync.com/…`): no
    /// meeting link has one, and a link that does is a trick or a mistake.
    #[error(
        "That link has a user name or password in it, which meeting links never have. Copy the link from your invitation again."
    )]
    HasCredentials,
}

/// Classifies a pasted link.
///
/// # Errors
/// [`JoinLinkError`] saying what is wrong with it.
pub fn classify(input: &str, hosts: &MeetingHosts) -> Result<JoinLink, JoinLinkError> {
    classify_at_depth(input, hosts, 0)
}

fn classify_at_depth(input: &str, hosts: &MeetingHosts, depth: u8) -> Result<JoinLink, JoinLinkError> {
    let text = unwrap(input);
    if text.is_empty() {
        return Err(JoinLinkError::Empty);
    }
    if text.len() > MAX_LINK_LEN {
        return Err(JoinLinkError::TooLong);
    }
    if text.chars().any(char::is_whitespace) {
        return Err(JoinLinkError::NotALink);
    }
    let lower = text.to_ascii_lowercase();
    if let Some(conf) = lower.strip_prefix("conf:") {
        // Meeting pages link `conf:sip:…%3Frequired…`; the URI ends before the `?`.
        let decoded = percent_decode_lossy(&text[5..5 + conf.len()]);
        let uri = decoded.split('?').next().unwrap_or_default();
        return parse_conference_uri(uri).map(JoinLink::ConferenceUri);
    }
    if lower.starts_with("sip:") {
        return parse_conference_uri(text).map(JoinLink::ConferenceUri);
    }
    if !crate::links::plain_ascii_host(text) {
        return Err(JoinLinkError::NotALink);
    }
    let url = match Url::parse(text) {
        Ok(url) => url,
        Err(url::ParseError::RelativeUrlWithoutBase) if looks_like_host_and_path(text) => {
            Url::parse(&format!("https://{text}")).map_err(|_| JoinLinkError::NotALink)?
        }
        Err(_) => return Err(JoinLinkError::NotALink),
    };
    match url.scheme() {
        "https" | "http" => {}
        other => return Err(JoinLinkError::UnsupportedScheme(other.to_owned())),
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(JoinLinkError::HasCredentials);
    }
    let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
    if depth == 0 && host.ends_with("safelinks.protection.outlook.com") {
        let target = url
            .query_pairs()
            .find(|(key, _)| key == "url")
            .map(|(_, value)| value.into_owned());
        return match target {
            Some(target) => classify_at_depth(&target, hosts, depth + 1),
            None => Err(JoinLinkError::NotAMeetingLink),
        };
    }
    if host == "teams.microsoft.com" || host == "teams.live.com" || host.ends_with(".teams.microsoft.com") {
        return Err(JoinLinkError::TeamsLink);
    }
    let segments: Vec<String> = url
        .path_segments()
        .into_iter()
        .flatten()
        .filter(|segment| !segment.is_empty())
        .map(percent_decode_lossy)
        .collect();
    if hosts.is_online(&url) {
        if url.scheme() == "http" && !hosts.is_configured(&url) {
            return Err(JoinLinkError::Insecure);
        }
        return online_meeting(&url, &segments);
    }
    if url.scheme() == "http" && !hosts.is_on_premises(&url) {
        return Err(JoinLinkError::Insecure);
    }
    on_premises_meeting(&url, &segments)
}

fn online_meeting(url: &Url, segments: &[String]) -> Result<JoinLink, JoinLinkError> {
    match segments {
        [tenant, organizer, id] if is_meeting_id(id) && is_path_name(tenant) && is_path_name(organizer) => {
            let mut canonical = url.clone();
            canonical.set_query(None);
            canonical.set_fragment(None);
            canonical.set_path(&format!("/{tenant}/{organizer}/{id}"));
            Ok(JoinLink::Online(OnlineMeeting {
                url: canonical,
                tenant: tenant.clone(),
                organizer: organizer.clone(),
                meeting_id: id.clone(),
            }))
        }
        [_, _] | [_] => Err(JoinLinkError::MissingMeetingId),
        _ => Err(JoinLinkError::NotAMeetingLink),
    }
}

fn on_premises_meeting(url: &Url, segments: &[String]) -> Result<JoinLink, JoinLinkError> {
    // OCS 2007 R2: https://imdf.<domain>/Join?uri=<conference uri>&key=<key>
    if let [join] = segments
        && join.eq_ignore_ascii_case("join")
        && let Some((_, uri)) = url.query_pairs().find(|(key, _)| key == "uri")
    {
        return parse_conference_uri(&uri).map(JoinLink::ConferenceUri);
    }
    let (organizer, id) = match segments {
        [meet, organizer, id] if meet.eq_ignore_ascii_case("meet") => (organizer, id),
        [organizer, id] => (organizer, id),
        _ => return Err(JoinLinkError::NotAMeetingLink),
    };
    if !is_meeting_id(id) || !is_path_name(organizer) {
        return Err(JoinLinkError::NotAMeetingLink);
    }
    Ok(JoinLink::OnPremises(OnPremisesMeeting {
        url: url.clone(),
        organizer: organizer.clone(),
        meeting_id: id.clone(),
    }))
}

/// Parses `sip:<organizer>@<domain>;gruu;opaque=app:conf:focus:id:<id>`.
///
/// # Errors
/// [`JoinLinkError::NotAConference`] for a SIP URI without a conference id, or
/// [`JoinLinkError::NotALink`] for one without `user@domain`.
pub fn parse_conference_uri(text: &str) -> Result<ConferenceUri, JoinLinkError> {
    let mut parts = text.trim().split(';');
    let address = parts.next().unwrap_or_default();
    let address = address
        .get(..4)
        .filter(|scheme| scheme.eq_ignore_ascii_case("sip:"))
        .map(|_| &address[4..])
        .ok_or(JoinLinkError::NotALink)?;
    // A user part with `:` is not a user (a doubled `sip:sip:` prefix, a password).
    let valid_address = address.split_once('@').is_some_and(|(user, domain)| {
        !user.is_empty() && !user.contains(':') && domain.contains('.') && !domain.contains('@')
    });
    if !valid_address {
        return Err(JoinLinkError::NotALink);
    }
    const FOCUS: &str = "opaque=app:conf:focus:id:";
    let id = parts
        .find_map(|param| {
            param
                .get(..FOCUS.len())
                .filter(|prefix| prefix.eq_ignore_ascii_case(FOCUS))
                .map(|_| &param[FOCUS.len()..])
        })
        .filter(|id| is_meeting_id(id))
        .ok_or(JoinLinkError::NotAConference)?;
    Ok(ConferenceUri {
        organizer: address.to_owned(),
        meeting_id: id.to_owned(),
    })
}

/// Removes what people and mail clients wrap links in.
fn unwrap(input: &str) -> &str {
    let mut text = input.trim();
    loop {
        text = text.trim_end_matches(['.', ',', ';']).trim();
        let stripped = [('<', '>'), ('"', '"'), ('\'', '\''), ('(', ')'), ('[', ']')]
            .iter()
            .find_map(|&(open, close)| text.strip_prefix(open).and_then(|t| t.strip_suffix(close)));
        match stripped {
            Some(inner) => text = inner.trim(),
            None => break,
        }
    }
    text
}

fn looks_like_host_and_path(text: &str) -> bool {
    let host = text.split('/').next().unwrap_or_default();
    host.contains('.') && text.contains('/') && !host.contains(['@', ':'])
}

fn is_meeting_id(id: &str) -> bool {
    (1..=32).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric())
}

fn is_path_name(segment: &str) -> bool {
    (1..=128).contains(&segment.len())
        && segment
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'))
}

pub(crate) fn percent_decode_lossy(text: &str) -> String {
    url::form_urlencoded::parse(format!("x={}", text.replace('+', "%2B")).as_bytes())
        .next()
        .map(|(_, value)| value.into_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classify_default(text: &str) -> Result<JoinLink, JoinLinkError> {
        classify(text, &MeetingHosts::new())
    }

    #[test]
    fn online_links_from_the_docs() {
        for (link, id) in [
            ("https://meet.lync.com/contoso/testuser/1SD8D0WZ", "1SD8D0WZ"),
            (
                "https://meet.resources.lync.com/NOAMmeetings/bl20r04meet1692/YOKMXY1C",
                "YOKMXY1C",
            ),
            (
                "  <https://meet.lync.com/contoso/testuser/1SD8D0WZ?sl=1#x>. ",
                "1SD8D0WZ",
            ),
            ("meet.lync.com/contoso/testuser/1SD8D0WZ/", "1SD8D0WZ"),
        ] {
            match classify_default(link) {
                Ok(JoinLink::Online(meeting)) => {
                    assert_eq!(meeting.meeting_id, id);
                    assert!(meeting.url.query().is_none(), "{link}");
                }
                other => panic!("{link}: {other:?}"),
            }
        }
    }

    #[test]
    fn on_premises_links_from_the_docs() {
        for link in [
            "https://meet.contoso.com/bmauldin/IB88RLLY",
            "https://join.contoso.com/meet/john/BW9Z1MJD",
            "https://meet.litwareinc.com/kenmyer/071200",
        ] {
            assert!(
                matches!(classify_default(link), Ok(JoinLink::OnPremises(_))),
                "{link}"
            );
        }
    }

    #[test]
    fn conference_uris_in_their_forms() {
        let expected = ConferenceUri {
            organizer: "testuser@contoso.onmicrosoft.com".to_owned(),
            meeting_id: "1SD8D0WZ".to_owned(),
        };
        for link in [
            "sip:testuser@contoso.onmicrosoft.com;gruu;opaque=app:conf:focus:id:1SD8D0WZ",
            "SIP:testuser@contoso.onmicrosoft.com;gruu;opaque=app:conf:focus:id:1SD8D0WZ",
            "conf:sip:testuser@contoso.onmicrosoft.com;gruu;opaque=app:conf:focus:id:1SD8D0WZ%3Frequired-media=audio",
            "https://imdf.contoso.com/Join?uri=sip%3Atestuser%40contoso.onmicrosoft.com%3Bgruu%3Bopaque%3Dapp%3Aconf%3Afocus%3Aid%3A1SD8D0WZ&key=1",
        ] {
            assert_eq!(
                classify_default(link),
                Ok(JoinLink::ConferenceUri(expected.clone())),
                "{link}"
            );
        }
        assert_eq!(
            expected.to_string(),
            "sip:testuser@contoso.onmicrosoft.com;gruu;opaque=app:conf:focus:id:1SD8D0WZ"
        );
    }

    #[test]
    fn safe_links_are_unwrapped() {
        let wrapped = "https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fmeet.lync.com%2Fcontoso%2Ftestuser%2F1SD8D0WZ&data=x";
        assert!(matches!(classify_default(wrapped), Ok(JoinLink::Online(_))));
    }

    #[test]
    fn any_host_can_be_read_and_then_told_apart_from_the_served_ones() {
        let served = MeetingHosts::new().with_host("meet.bank.example");
        let link = "https://meet.elsewhere.example:8443/contoso/sam/ADV1SE24";
        let Ok(JoinLink::Online(meeting)) = classify(link, &served.clone().and_host_of(link)) else {
            panic!("read as a join URL");
        };
        assert!(!served.is_configured(&meeting.url));
        assert_eq!(MeetingHosts::new().and_host_of("not a link"), MeetingHosts::new());
    }

    #[test]
    fn configured_hosts_count_as_online_even_over_http() {
        let hosts = MeetingHosts::new().with_host("127.0.0.1:8444");
        let link = "http://127.0.0.1:8444/contoso/advisor/ABCD1234";
        assert!(matches!(classify(link, &hosts), Ok(JoinLink::Online(_))));
        assert_eq!(classify_default(link), Err(JoinLinkError::Insecure));
    }

    #[test]
    fn configured_on_premises_hosts_may_link_over_http() {
        let hosts = MeetingHosts::new().with_on_premises_host("127.0.0.1:8409");
        let link = "http://127.0.0.1:8409/meet/alex/BRANCH01";
        assert!(matches!(classify(link, &hosts), Ok(JoinLink::OnPremises(_))));
        assert_eq!(classify_default(link), Err(JoinLinkError::Insecure));
        let elsewhere = "http://127.0.0.1:8410/meet/alex/BRANCH01";
        assert_eq!(classify(elsewhere, &hosts), Err(JoinLinkError::Insecure));
    }

    #[test]
    fn a_wildcard_host_covers_the_hosts_under_its_domain() {
        let hosts = MeetingHosts::new().with_host("*.corp.example");
        let online = |link: &str| matches!(classify(link, &hosts), Ok(JoinLink::Online(_)));
        assert!(online("https://meet.corp.example/contoso/advisor/ABCD1234"));
        assert!(online("https://a.b.corp.example/contoso/advisor/ABCD1234"));
        assert!(
            !online("https://corp.example/contoso/advisor/ABCD1234"),
            "the domain itself"
        );
        assert!(!online("https://meet.notcorp.example/contoso/advisor/ABCD1234"));
    }

    #[test]
    fn says_what_is_wrong() {
        for (link, error) in [
            ("", JoinLinkError::Empty),
            ("   ", JoinLinkError::Empty),
            ("hello there", JoinLinkError::NotALink),
            (
                "mailto:a@b.com",
                JoinLinkError::UnsupportedScheme("mailto".to_owned()),
            ),
            (
                "https://teams.microsoft.com/l/meetup-join/19%3ameeting",
                JoinLinkError::TeamsLink,
            ),
            (
                "https://meet.lync.com/contoso/testuser",
                JoinLinkError::MissingMeetingId,
            ),
            ("https://www.example.com/", JoinLinkError::NotAMeetingLink),
            (
                "http://meet.lync.com/contoso/testuser/1SD8D0WZ",
                JoinLinkError::Insecure,
            ),
            ("sip:someone@contoso.com", JoinLinkError::NotAConference),
            ("sip:nobody", JoinLinkError::NotALink),
            // Hosts other than plain ASCII: refused alike in debug and release builds.
            ("A¡./", JoinLinkError::NotALink),
            (
                "https://Meet.Lyñc.com/contoso/testuser/1SD8D0WZ",
                JoinLinkError::NotALink,
            ),
            (
                "https://MEET%C2%A1.lync.com/contoso/testuser/1SD8D0WZ",
                JoinLinkError::NotALink,
            ),
            (
                "https://user:pass@meet.lync.com/contoso/testuser/1SD8D0WZ",
                JoinLinkError::HasCredentials,
            ),
            (
                "https://someone@meet.lync.com/contoso/testuser/1SD8D0WZ",
                JoinLinkError::HasCredentials,
            ),
        ] {
            assert_eq!(classify_default(link), Err(error), "{link:?}");
        }
        assert_eq!(
            classify_default(&"a".repeat(MAX_LINK_LEN + 1)),
            Err(JoinLinkError::TooLong)
        );
    }
}
