//! The simulator's signing keys: RS256 JWTs for Azure AD tokens, guest (`psat`) tokens and
//! callback tokens, and the JWKS that publishes them.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use rsa::RsaPrivateKey;
use rsa::pkcs1::EncodeRsaPrivateKey;
use rsa::traits::PublicKeyParts;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

/// One RSA key.
struct Key {
    kid: String,
    encoding: EncodingKey,
    decoding: DecodingKey,
    modulus: String,
    exponent: String,
}

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Key")
            .field("kid", &self.kid)
            .finish_non_exhaustive()
    }
}

impl Key {
    fn generate(kid: String) -> Self {
        let private = RsaPrivateKey::new(&mut rand::rngs::OsRng, 2048)
            .expect("RSA key generation cannot fail for 2048 bits");
        let der = private.to_pkcs1_der().expect("a fresh key encodes");
        let modulus = URL_SAFE_NO_PAD.encode(private.n().to_bytes_be());
        let exponent = URL_SAFE_NO_PAD.encode(private.e().to_bytes_be());
        let decoding = DecodingKey::from_rsa_components(&modulus, &exponent).expect("valid components");
        Self {
            kid,
            encoding: EncodingKey::from_rsa_der(der.as_bytes()),
            decoding,
            modulus,
            exponent,
        }
    }
}

/// Published keys (newest signs) plus one unpublished key for tests of unknown `kid`s.
#[derive(Debug)]
pub struct KeyRing {
    published: Vec<Key>,
    unpublished: Key,
}

impl Default for KeyRing {
    fn default() -> Self {
        Self::generate()
    }
}

impl KeyRing {
    /// Fresh keys.
    pub fn generate() -> Self {
        Self {
            published: vec![Key::generate(random_kid())],
            unpublished: Key::generate(random_kid()),
        }
    }

    /// Publishes a new signing key; older keys stay valid (as AAD's rollover does).
    pub fn rotate(&mut self) -> String {
        let key = Key::generate(random_kid());
        let kid = key.kid.clone();
        self.published.push(key);
        kid
    }

    fn active(&self) -> &Key {
        self.published.last().expect("there is always a published key")
    }

    /// Signs `claims` with the active key (RS256, `kid` and `x5t` in the header).
    pub fn sign<T: Serialize>(&self, claims: &T) -> String {
        sign_with(self.active(), claims)
    }

    /// Signs with a key that is not (yet) in the JWKS.
    pub fn sign_unpublished<T: Serialize>(&self, claims: &T) -> String {
        sign_with(&self.unpublished, claims)
    }

    /// Publishes the key [`KeyRing::sign_unpublished`] used, as a rollover would.
    pub fn publish_unpublished(&mut self) {
        let next = Key::generate(random_kid());
        let key = std::mem::replace(&mut self.unpublished, next);
        self.published.push(key);
    }

    /// Verifies a token signed by a published key.
    ///
    /// # Errors
    /// jsonwebtoken's error: bad signature, expired, unknown `kid`, wrong algorithm, …
    pub fn verify<T: DeserializeOwned>(
        &self,
        token: &str,
        validation: &Validation,
    ) -> Result<T, jsonwebtoken::errors::Error> {
        let header = jsonwebtoken::decode_header(token)?;
        let key = self
            .published
            .iter()
            .find(|k| Some(&k.kid) == header.kid.as_ref())
            .ok_or_else(|| {
                jsonwebtoken::errors::Error::from(jsonwebtoken::errors::ErrorKind::InvalidKeyFormat)
            })?;
        jsonwebtoken::decode::<T>(token, &key.decoding, validation).map(|data| data.claims)
    }

    /// The JWKS document.
    pub fn jwks(&self) -> Value {
        let keys: Vec<Value> = self
            .published
            .iter()
            .map(|k| {
                json!({
                    "kty": "RSA",
                    "use": "sig",
                    "alg": "RS256",
                    "kid": k.kid,
                    "x5t": k.kid,
                    "n": k.modulus,
                    "e": k.exponent,
                })
            })
            .collect();
        json!({ "keys": keys })
    }
}

fn sign_with<T: Serialize>(key: &Key, claims: &T) -> String {
    let mut header = Header::new(Algorithm::RS256);
    header.kid = Some(key.kid.clone());
    header.x5t = Some(key.kid.clone());
    jsonwebtoken::encode(&header, claims, &key.encoding).expect("RS256 signing with a valid key cannot fail")
}

fn random_kid() -> String {
    let bytes: [u8; 15] = rand::random();
    URL_SAFE_NO_PAD.encode(bytes)
}

/// A validation for RS256 tokens with `exp` and `nbf` checked and a little clock leeway.
pub fn rs256_validation() -> Validation {
    let mut validation = Validation::new(Algorithm::RS256);
    validation.validate_nbf = true;
    validation.leeway = 30;
    validation.validate_aud = false;
    validation.required_spec_claims.clear();
    validation.required_spec_claims.insert("exp".to_owned());
    validation
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signed_tokens_verify_and_rotation_keeps_old_keys() {
        let mut ring = KeyRing::generate();
        let exp = jsonwebtoken::get_current_timestamp() + 60;
        let first = ring.sign(&json!({"sub": "a", "exp": exp}));
        ring.rotate();
        let second = ring.sign(&json!({"sub": "b", "exp": exp}));
        let validation = rs256_validation();
        assert_eq!(
            ring.verify::<Value>(&first, &validation).expect("old key")["sub"],
            "a"
        );
        assert_eq!(
            ring.verify::<Value>(&second, &validation).expect("new key")["sub"],
            "b"
        );
        let unknown = ring.sign_unpublished(&json!({"exp": exp}));
        assert!(ring.verify::<Value>(&unknown, &validation).is_err());
        ring.publish_unpublished();
        assert!(ring.verify::<Value>(&unknown, &validation).is_ok());
        assert_eq!(ring.jwks()["keys"].as_array().map(Vec::len), Some(3));
    }
}
