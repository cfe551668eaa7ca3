//! Reading requests the way the real servers did: JSON bodies with case-insensitive
//! property names, query parameters matched case-insensitively, bearer tokens, the guest
//! token in a discover URL, and the rel namespace a request asks for.

use std::collections::BTreeMap;

use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use serde_json::Value;

use crate::config::Namespace;
use crate::refusal::Refusal;

/// The rel namespace to write: `configured`, or `ms:rtc:saas:` when the request says
/// `X-Ms-Namespace: internal`.
pub fn namespace(configured: Namespace, headers: &HeaderMap) -> &'static str {
    let internal = headers
        .get("x-ms-namespace")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.eq_ignore_ascii_case("internal"));
    if internal {
        Namespace::Internal.prefix()
    } else {
        configured.prefix()
    }
}

/// Reads a JSON object body with case-insensitive property names (`known` are the
/// spellings to normalise to): `415` for another content type, `400 DeserializationFailure`
/// for anything but a JSON object.
pub fn json_body(headers: &HeaderMap, body: &[u8], known: &[&str]) -> Result<Value, Response> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_ascii_lowercase();
    if !content_type.starts_with("application/json")
        && !content_type.starts_with("application/vnd.microsoft.com.ucwa+json")
    {
        return Err(Refusal::UnsupportedMediaType.into_response());
    }
    let mut value: Value =
        serde_json::from_slice(body).map_err(|_| Refusal::DeserializationFailure.into_response())?;
    if !value.is_object() {
        return Err(Refusal::DeserializationFailure.into_response());
    }
    protocol::links::relax_key_case(&mut value, known);
    Ok(value)
}

/// A non-empty string property of a JSON body, trimmed.
pub fn text_field(input: &Value, name: &str) -> Option<String> {
    input
        .get(name)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

/// The first query parameter (in name order) whose name is one of `names`, matched
/// case-insensitively as the real servers did.
pub fn query_param_any<'q>(query: &'q BTreeMap<String, String>, names: &[&str]) -> Option<&'q str> {
    query
        .iter()
        .find(|(k, _)| names.iter().any(|name| k.eq_ignore_ascii_case(name)))
        .map(|(_, v)| v.as_str())
}

/// The query parameter `name`, matched case-insensitively.
pub fn query_param<'q>(query: &'q BTreeMap<String, String>, name: &str) -> Option<&'q str> {
    query_param_any(query, &[name])
}

/// The bearer token of a request, if any.
pub fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
}

/// The guest token in a discover URL's query (decoded twice: it travels as `psat%253d…`).
pub fn discover_context(query: Option<&str>) -> Option<String> {
    let query = query?;
    let value = url::form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| {
            k.eq_ignore_ascii_case("anonymousMeetingJoinContext")
                || k.eq_ignore_ascii_case("anonymousContext")
        })
        .map(|(_, v)| v.into_owned())?;
    let decoded: String = url::form_urlencoded::parse(format!("t={}", value.replace('+', "%2B")).as_bytes())
        .next()?
        .1
        .into_owned();
    Some(decoded)
}
