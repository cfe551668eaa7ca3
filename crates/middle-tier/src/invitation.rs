//! Signed invitations: a staff member hands a visitor a link that only works for one
//! meeting, until it expires.
//!
//! An invitation is `base64url(payload).base64url(HMAC-SHA256(key, payload))`; the payload
//! names the meeting's join URL and the expiry. Comparison is constant-time.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::Mac;
use secrecy::SecretString;
use serde::{Deserialize, Serialize};

use crate::signing::mac;

/// What an invitation grants.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Grant {
    /// The meeting's join URL (normalised).
    #[serde(rename = "m")]
    pub meeting_url: String,
    /// Expiry, seconds since the epoch.
    #[serde(rename = "e")]
    pub expires: i64,
    /// The meeting subject, shown to the guest before joining.
    #[serde(rename = "s", default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
}

/// Why an invitation was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum InvitationError {
    /// Not an invitation, or tampered with.
    #[error("the invitation is malformed or its signature does not match")]
    Invalid,
    /// For another meeting.
    #[error("the invitation is for another meeting")]
    WrongMeeting,
    /// Past its expiry.
    #[error("the invitation has expired")]
    Expired,
}

/// Signs a grant.
pub fn sign(key: &SecretString, grant: &Grant) -> String {
    let payload = serde_json::to_vec(grant).expect("a grant serializes");
    let mut mac = mac(key);
    mac.update(&payload);
    format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(&payload),
        URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
    )
}

/// Checks an invitation for `meeting_url` at `now` (seconds).
///
/// # Errors
/// [`InvitationError`].
pub fn verify(
    key: &SecretString,
    invitation: &str,
    meeting_url: &str,
    now: i64,
) -> Result<Grant, InvitationError> {
    let (payload, signature) = invitation
        .trim()
        .split_once('.')
        .ok_or(InvitationError::Invalid)?;
    let payload = URL_SAFE_NO_PAD
        .decode(payload)
        .map_err(|_| InvitationError::Invalid)?;
    let signature = URL_SAFE_NO_PAD
        .decode(signature)
        .map_err(|_| InvitationError::Invalid)?;
    let mut mac = mac(key);
    mac.update(&payload);
    mac.verify_slice(&signature)
        .map_err(|_| InvitationError::Invalid)?;
    let grant: Grant = serde_json::from_slice(&payload).map_err(|_| InvitationError::Invalid)?;
    if grant.meeting_url != meeting_url {
        return Err(InvitationError::WrongMeeting);
    }
    if now >= grant.expires {
        return Err(InvitationError::Expired);
    }
    Ok(grant)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> SecretString {
        SecretString::from("an invitation signing key, 32+ chars")
    }

    fn grant() -> Grant {
        Grant {
            meeting_url: "https://meet.lync.com/c/o/ABCD1234".to_owned(),
            expires: 2_000,
            subject: Some("Advice".to_owned()),
        }
    }

    #[test]
    fn a_signed_invitation_verifies_for_its_meeting() {
        let invitation = sign(&key(), &grant());
        assert_eq!(
            verify(&key(), &invitation, &grant().meeting_url, 1_000),
            Ok(grant())
        );
    }

    #[test]
    fn expired_wrong_meeting_and_tampered_invitations_are_refused() {
        let invitation = sign(&key(), &grant());
        assert_eq!(
            verify(&key(), &invitation, &grant().meeting_url, 2_000),
            Err(InvitationError::Expired)
        );
        assert_eq!(
            verify(&key(), &invitation, "https://meet.lync.com/c/o/OTHER123", 1_000),
            Err(InvitationError::WrongMeeting)
        );
        let (payload, signature) = invitation.split_once('.').expect("two parts");
        let forged = serde_json::to_vec(&Grant {
            expires: 9_999_999_999,
            ..grant()
        })
        .expect("json");
        let tampered = format!("{}.{signature}", URL_SAFE_NO_PAD.encode(forged));
        assert_eq!(
            verify(&key(), &tampered, &grant().meeting_url, 1_000),
            Err(InvitationError::Invalid)
        );
        assert_eq!(
            verify(
                &SecretString::from("another key entirely, also long"),
                &invitation,
                &grant().meeting_url,
                1_000
            ),
            Err(InvitationError::Invalid)
        );
        assert_eq!(
            verify(&key(), payload, &grant().meeting_url, 1_000),
            Err(InvitationError::Invalid)
        );
        assert_eq!(
            verify(&key(), "", &grant().meeting_url, 1_000),
            Err(InvitationError::Invalid)
        );
    }
}
