//! HMAC-SHA256 under one of the service's signing keys: invitations and session ids.

use hmac::{Hmac, Mac};
use secrecy::{ExposeSecret, SecretString};
use sha2::Sha256;

/// HMAC-SHA256.
pub(crate) type HmacSha256 = Hmac<Sha256>;

/// A MAC keyed with `key`.
pub(crate) fn mac(key: &SecretString) -> HmacSha256 {
    // HMAC hashes keys longer than a block and pads shorter ones: no length is refused.
    HmacSha256::new_from_slice(key.expose_secret().as_bytes()).expect("HMAC takes keys of any length")
}
