//! Session ids bound to their guest. A guest who drops, or whose token expires, sends back
//! the `applicationSessionId` it was given and gets a fresh token for the same session, so
//! the meeting service keeps treating it as the same guest. The id can be read from the
//! guest's token, so a bare id would let anyone who saw one mint tokens for that session
//! and drive the guest's application. The id therefore carries an HMAC over itself, the
//! meeting and the calling page's origin: it is honoured only for that meeting, from that
//! origin, and only ids this service (or another instance with the same key) issued.
//!
//! The form is `<32 hex digits>-<43 base64url characters>`, 76 characters: within the
//! Trusted Application API's limit of 100, and an opaque string to the app.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::Mac;
use protocol::guest_api::MAX_SESSION_ID_LEN;
use secrecy::SecretString;

use crate::signing::{HmacSha256, mac};

/// Hex digits of the random part.
const NONCE_LEN: usize = 32;
/// Base64url characters of an HMAC-SHA256 without padding.
const MAC_LEN: usize = 43;
/// The length of every id issued.
pub const SESSION_ID_LEN: usize = NONCE_LEN + 1 + MAC_LEN;
const _: () = assert!(SESSION_ID_LEN <= MAX_SESSION_ID_LEN);

/// Why a session id sent back was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SessionError {
    /// Not an id this service issues.
    #[error("the session id is not in the form this service issues")]
    Malformed,
    /// Issued for another meeting or origin, under another key, or forged.
    #[error("the session id was not issued for this meeting and origin")]
    NotIssuedHere,
}

/// Issues and checks session ids.
#[derive(Debug)]
pub struct Sessions {
    key: SecretString,
}

impl Sessions {
    /// Sessions signed with `key`, or with a key made up now when none is configured (then
    /// ids outlive neither a restart nor a move to another instance).
    pub fn new(key: Option<SecretString>) -> Self {
        Self {
            key: key.unwrap_or_else(|| SecretString::from(crate::ops::random_hex(32))),
        }
    }

    fn signature(&self, nonce: &str, meeting_url: &str, origin: &str) -> HmacSha256 {
        let mut signature = mac(&self.key);
        // Separated and labelled, so no two different triples sign the same bytes.
        for part in ["guest-join session v1", nonce, meeting_url, origin] {
            signature.update(&(part.len() as u64).to_be_bytes());
            signature.update(part.as_bytes());
        }
        signature
    }

    /// A new session id for a guest joining `meeting_url` from `origin`.
    pub fn issue(&self, meeting_url: &str, origin: &str) -> String {
        let nonce = crate::ops::random_hex(NONCE_LEN / 2);
        let tag = self
            .signature(&nonce, meeting_url, origin)
            .finalize()
            .into_bytes();
        format!("{nonce}-{}", URL_SAFE_NO_PAD.encode(tag))
    }

    /// Checks that `id` was issued here for `meeting_url` and `origin` (constant time).
    ///
    /// # Errors
    /// [`SessionError`].
    pub fn verify(&self, id: &str, meeting_url: &str, origin: &str) -> Result<(), SessionError> {
        let (nonce, tag) = id.split_once('-').ok_or(SessionError::Malformed)?;
        let nonce_ok = nonce.len() == NONCE_LEN
            && nonce
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        if !nonce_ok || tag.len() != MAC_LEN {
            return Err(SessionError::Malformed);
        }
        let tag = URL_SAFE_NO_PAD.decode(tag).map_err(|_| SessionError::Malformed)?;
        self.signature(nonce, meeting_url, origin)
            .verify_slice(&tag)
            .map_err(|_| SessionError::NotIssuedHere)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MEETING: &str = "https://meet.lync.com/contoso/advisor/ABCD1234";
    const BANK: &str = "https://bank.example";

    fn sessions() -> Sessions {
        Sessions::new(Some(SecretString::from(
            "a session signing key of 32+ characters",
        )))
    }

    #[test]
    fn an_id_is_honoured_for_its_meeting_and_origin_only() {
        let sessions = sessions();
        let id = sessions.issue(MEETING, BANK);
        assert_eq!(id.len(), SESSION_ID_LEN);
        assert!(
            id.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'),
            "{id}"
        );
        assert_eq!(sessions.verify(&id, MEETING, BANK), Ok(()));
        assert_eq!(
            sessions.verify(&id, "https://meet.lync.com/contoso/advisor/OTHER123", BANK),
            Err(SessionError::NotIssuedHere)
        );
        assert_eq!(
            sessions.verify(&id, MEETING, "https://evil.example"),
            Err(SessionError::NotIssuedHere)
        );
        assert_ne!(sessions.issue(MEETING, BANK), id, "every id is new");
    }

    #[test]
    fn forged_foreign_and_malformed_ids_are_refused() {
        let id = sessions().issue(MEETING, BANK);
        let elsewhere = Sessions::new(None);
        assert_eq!(
            elsewhere.verify(&id, MEETING, BANK),
            Err(SessionError::NotIssuedHere),
            "another key"
        );
        let (nonce, tag) = id.split_once('-').expect("two parts");
        let other_nonce = format!("{}-{tag}", "0".repeat(NONCE_LEN));
        assert_eq!(
            sessions().verify(&other_nonce, MEETING, BANK),
            Err(SessionError::NotIssuedHere),
            "the tag does not carry over to another nonce"
        );
        for malformed in [
            "",
            "abc",
            nonce,
            "0123456789abcdef0123456789abcdef",
            &format!("{}-{tag}", nonce.to_ascii_uppercase()),
            &format!("{nonce}-{}", &tag[1..]),
            &format!("{nonce}-{}!", &tag[1..]),
        ] {
            assert_eq!(
                sessions().verify(malformed, MEETING, BANK),
                Err(SessionError::Malformed),
                "{malformed:?}"
            );
        }
    }
}
