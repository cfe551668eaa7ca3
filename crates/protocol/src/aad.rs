//! Azure AD client-credentials tokens: what the middle tier needs before anything else.
//!
//! `POST {login}/{tenant}/oauth2/token` with `grant_type=client_credentials`. AAD v1 writes
//! numbers as JSON strings (`"expires_in":"3599"`); readers here accept either.

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};
use url::Url;

use crate::date::Timestamp;
use crate::error::ProtocolError;
use crate::secret::Secret;
use crate::{HttpRequest, HttpResponse, http_util};

/// The application's credentials and the audience it wants a token for.
#[derive(Clone, Debug)]
pub struct ClientCredentials {
    /// Tenant id or domain (`contoso.onmicrosoft.com`).
    pub tenant: String,
    /// The application (client) id.
    pub client_id: String,
    /// The client secret.
    pub client_secret: Secret,
    /// The audience: the Trusted Application API resource (`https://api.skypeforbusiness.com`
    /// in current docs, `https://NOAMmeetings.resources.lync.com` in older ones).
    pub resource: String,
}

/// Builds the token request against `login_base` (`https://login.microsoftonline.com`).
///
/// # Errors
/// [`ProtocolError::InvalidInput`] if the tenant would change the path (it must be one
/// segment); [`ProtocolError::InvalidHref`] if the base is unusable.
pub fn token_request(
    login_base: &Url,
    credentials: &ClientCredentials,
) -> Result<HttpRequest, ProtocolError> {
    let tenant = credentials.tenant.trim();
    if tenant.is_empty() || tenant.contains(['/', '?', '#', '\\']) || tenant.starts_with('.') {
        return Err(ProtocolError::InvalidInput {
            field: "tenant",
            reason: "it must be a tenant id or domain".to_owned(),
        });
    }
    let mut url = login_base.clone();
    url.path_segments_mut()
        .map_err(|()| ProtocolError::invalid_href(login_base.as_str(), "it cannot have a path"))?
        .pop_if_empty()
        .extend([tenant, "oauth2", "token"]);
    http_util::form(
        &url,
        &[
            ("grant_type", "client_credentials"),
            ("client_id", &credentials.client_id),
            ("client_secret", credentials.client_secret.expose()),
            ("resource", &credentials.resource),
        ],
    )
}

/// A successful token response.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AadToken {
    /// The access token.
    pub access_token: Secret,
    /// Always `Bearer`.
    pub token_type: String,
    /// Lifetime in seconds.
    #[serde(deserialize_with = "number_or_string")]
    pub expires_in: NumberText,
    /// Expiry in seconds since the epoch.
    #[serde(
        default,
        deserialize_with = "optional_number_or_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub expires_on: Option<NumberText>,
    /// Start of validity in seconds since the epoch.
    #[serde(
        default,
        deserialize_with = "optional_number_or_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub not_before: Option<NumberText>,
    /// The audience the token is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource: Option<String>,
    /// Anything else (`ext_expires_in`, …).
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

impl AadToken {
    /// When the token expires: `expires_on` if given, else `issued_at + expires_in`.
    pub fn expires_at(&self, issued_at: Timestamp) -> Timestamp {
        self.expires_on.as_ref().map_or_else(
            || issued_at.plus_millis(self.expires_in.value.saturating_mul(1000)),
            |on| Timestamp::from_secs(on.value),
        )
    }
}

/// A number that AAD may have written as a JSON string; it re-serializes as it came.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NumberText {
    /// The value.
    pub value: i64,
    /// Whether it came as a string.
    pub quoted: bool,
}

impl NumberText {
    /// A value written as a string, as AAD v1 does.
    pub fn quoted(value: i64) -> Self {
        Self { value, quoted: true }
    }
}

impl Serialize for NumberText {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.quoted {
            serializer.serialize_str(&self.value.to_string())
        } else {
            serializer.serialize_i64(self.value)
        }
    }
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawNumber {
    Number(i64),
    Text(String),
}

fn number_or_string<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NumberText, D::Error> {
    match RawNumber::deserialize(deserializer)? {
        RawNumber::Number(value) => Ok(NumberText { value, quoted: false }),
        RawNumber::Text(text) => text
            .trim()
            .parse()
            .map(NumberText::quoted)
            .map_err(|_| serde::de::Error::custom(format!("`{text}` is not a number"))),
    }
}

fn optional_number_or_string<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<NumberText>, D::Error> {
    number_or_string(deserializer).map(Some)
}

/// AAD's OAuth error document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AadError {
    /// `invalid_client`, `unauthorized_client`, `invalid_resource`, …
    pub error: String,
    /// Explanation, for logs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_description: Option<String>,
    /// Numeric AADSTS codes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub error_codes: Vec<i64>,
    /// Anything else (`timestamp`, `trace_id`, `correlation_id`).
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

impl std::fmt::Display for AadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.error)?;
        if let Some(codes) = self.error_codes.first() {
            write!(f, " (AADSTS{codes})")?;
        }
        Ok(())
    }
}

/// Reads the token response.
///
/// # Errors
/// [`ProtocolError::Aad`] with AAD's error document, [`ProtocolError::UnexpectedStatus`],
/// or [`ProtocolError::Decode`].
pub fn parse_token_response(response: &HttpResponse) -> Result<AadToken, ProtocolError> {
    const WHAT: &str = "get an Azure AD token";
    if response.status().is_success() {
        return http_util::decode_json(WHAT, response.body());
    }
    let status = response.status().as_u16();
    match serde_json::from_slice::<AadError>(response.body()) {
        Ok(error) => Err(ProtocolError::Aad {
            what: WHAT,
            status,
            error,
        }),
        Err(_) => Err(http_util::error_from(WHAT, response)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn credentials() -> ClientCredentials {
        ClientCredentials {
            tenant: "contoso.onmicrosoft.com".to_owned(),
            client_id: "d4daaf71".to_owned(),
            client_secret: Secret::new("s3cr&t=+"),
            resource: "https://NOAMmeetings.resources.lync.com".to_owned(),
        }
    }

    #[test]
    fn token_request_is_a_form_post_to_the_tenant() {
        let base = Url::parse("https://login.microsoftonline.com/").expect("url");
        let request = token_request(&base, &credentials()).expect("builds");
        assert_eq!(
            request.uri(),
            "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/token"
        );
        let body = String::from_utf8(request.body().clone()).expect("utf8");
        assert!(body.contains("grant_type=client_credentials"));
        assert!(body.contains("client_secret=s3cr%26t%3D%2B"));
        assert!(body.contains("resource=https%3A%2F%2FNOAMmeetings.resources.lync.com"));
        assert!(!format!("{:?}", credentials()).contains("s3cr"));
    }

    #[test]
    fn tenant_cannot_escape_its_path_segment() {
        let base = Url::parse("https://login.microsoftonline.com").expect("url");
        let mut bad = credentials();
        bad.tenant = "../evil".to_owned();
        assert!(token_request(&base, &bad).is_err());
    }

    #[test]
    fn numbers_may_be_strings_or_numbers() {
        let quoted: AadToken = serde_json::from_str(
            r#"{"token_type":"Bearer","expires_in":"3599","expires_on":"1492076011","access_token":"x"}"#,
        )
        .expect("parses");
        assert_eq!(quoted.expires_in.value, 3599);
        assert_eq!(
            quoted.expires_at(Timestamp::EPOCH),
            Timestamp::from_secs(1_492_076_011)
        );
        let bare: AadToken =
            serde_json::from_str(r#"{"token_type":"Bearer","expires_in":3599,"access_token":"x"}"#)
                .expect("parses");
        assert_eq!(
            bare.expires_at(Timestamp::from_secs(10)),
            Timestamp::from_secs(3609)
        );
    }
}
