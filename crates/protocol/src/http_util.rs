//! Building requests and reading responses, shared by every exchange in the crate.

use http::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE, LOCATION, RETRY_AFTER, WWW_AUTHENTICATE};
use http::{HeaderName, HeaderValue, Method, StatusCode};
use serde::Serialize;
use serde::de::DeserializeOwned;
use url::Url;

use crate::error::{ProtocolError, ServiceError, kept_body};
use crate::secret::Secret;
use crate::{HttpRequest, HttpResponse};

/// The JSON media type every exchange here uses.
pub const JSON: &str = "application/json";
/// The form media type of token endpoints.
pub const FORM: &str = "application/x-www-form-urlencoded";

/// Why a UCWA or Trusted Application API request failed, in the service's words.
pub const X_MS_DIAGNOSTICS: HeaderName = HeaderName::from_static("x-ms-diagnostics");
/// The middle tier's id for a request.
pub const X_REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");
/// The meeting service's id for a request.
pub const X_MS_CORRELATION_ID: HeaderName = HeaderName::from_static("x-ms-correlation-id");
/// The client's id for a request, echoed by the meeting service.
pub const CLIENT_REQUEST_ID: HeaderName = HeaderName::from_static("client-request-id");

/// Every response header this crate reads. A transport may copy just these: in a browser,
/// naming them ahead saves parsing every header name at run time (and its code).
pub const RESPONSE_HEADERS_READ: [HeaderName; 8] = [
    CONTENT_TYPE,
    WWW_AUTHENTICATE,
    LOCATION,
    RETRY_AFTER,
    X_MS_DIAGNOSTICS,
    X_REQUEST_ID,
    X_MS_CORRELATION_ID,
    CLIENT_REQUEST_ID,
];

/// Starts a request with `Accept: application/json` and, if given, `Authorization: Bearer …`.
fn builder(
    method: Method,
    url: &Url,
    bearer: Option<&Secret>,
) -> Result<http::request::Builder, ProtocolError> {
    let mut builder = http::Request::builder()
        .method(method)
        .uri(url.as_str())
        .header(ACCEPT, JSON);
    if let Some(token) = bearer {
        let mut value = HeaderValue::from_str(&format!("Bearer {}", token.expose())).map_err(|_| {
            ProtocolError::InvalidInput {
                field: "token",
                reason: "it contains characters a header cannot carry".to_owned(),
            }
        })?;
        // A request's `Debug` then shows `Sensitive` instead of the token.
        value.set_sensitive(true);
        builder = builder.header(AUTHORIZATION, value);
    }
    Ok(builder)
}

fn finish(builder: http::request::Builder, url: &Url, body: Vec<u8>) -> Result<HttpRequest, ProtocolError> {
    builder
        .body(body)
        .map_err(|e| ProtocolError::invalid_href(url.as_str(), e))
}

/// A `GET` (or `DELETE`, …) without a body.
///
/// # Errors
/// [`ProtocolError::InvalidHref`] if `url` is not a valid request target;
/// [`ProtocolError::InvalidInput`] if the token cannot go in a header.
pub fn empty(method: Method, url: &Url, bearer: Option<&Secret>) -> Result<HttpRequest, ProtocolError> {
    finish(builder(method, url, bearer)?, url, Vec::new())
}

/// A request with a JSON body.
///
/// # Errors
/// As [`empty`], and [`ProtocolError::InvalidInput`] if `body` cannot be serialized.
pub fn json<T: Serialize>(
    method: Method,
    url: &Url,
    bearer: Option<&Secret>,
    body: &T,
) -> Result<HttpRequest, ProtocolError> {
    let bytes = serde_json::to_vec(body).map_err(|e| ProtocolError::InvalidInput {
        field: "body",
        reason: e.to_string(),
    })?;
    finish(
        builder(method, url, bearer)?.header(CONTENT_TYPE, JSON),
        url,
        bytes,
    )
}

/// A request with a text body of the given media type (UCWA's `sendMessage`).
///
/// # Errors
/// As [`empty`].
pub fn text(
    method: Method,
    url: &Url,
    bearer: Option<&Secret>,
    content_type: &str,
    body: &str,
) -> Result<HttpRequest, ProtocolError> {
    finish(
        builder(method, url, bearer)?.header(CONTENT_TYPE, content_type),
        url,
        body.as_bytes().to_vec(),
    )
}

/// A `POST` with an `application/x-www-form-urlencoded` body.
///
/// # Errors
/// As [`empty`].
pub fn form(url: &Url, pairs: &[(&str, &str)]) -> Result<HttpRequest, ProtocolError> {
    let body = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish();
    finish(
        builder(Method::POST, url, None)?.header(CONTENT_TYPE, FORM),
        url,
        body.into_bytes(),
    )
}

/// Decodes a JSON body, reporting the JSON path of the first value that does not fit.
///
/// # Errors
/// [`ProtocolError::Decode`], with the body kept (tokens redacted).
pub fn decode_json<T: DeserializeOwned>(what: &'static str, body: &[u8]) -> Result<T, ProtocolError> {
    serde_json::from_slice(body).map_err(|e| ProtocolError::Decode {
        what,
        path: crate::json_path::at(body, e.line(), e.column()),
        message: crate::secret::redact(&e.to_string()),
        body: kept_body(body),
    })
}

/// Returns the body if the status is one of `expected`; otherwise the error the server
/// reported.
///
/// # Errors
/// [`ProtocolError::Service`] when the body is a UCWA/TAAPI error document,
/// [`ProtocolError::UnexpectedStatus`] otherwise.
pub fn expect<'r>(
    what: &'static str,
    response: &'r HttpResponse,
    expected: &[StatusCode],
) -> Result<&'r [u8], ProtocolError> {
    if expected.contains(&response.status()) {
        Ok(response.body())
    } else {
        Err(error_from(what, response))
    }
}

/// The error a non-success response stands for.
pub fn error_from(what: &'static str, response: &HttpResponse) -> ProtocolError {
    let status = response.status().as_u16();
    match serde_json::from_slice::<ServiceError>(response.body()) {
        Ok(error) => ProtocolError::Service { what, status, error },
        Err(_) => ProtocolError::UnexpectedStatus {
            what,
            status,
            body: kept_body(response.body()),
        },
    }
}

/// The whole seconds a `Retry-After` header asks for, if it has that form (the HTTP-date
/// form is not used by the services here).
pub fn retry_after_secs(response: &HttpResponse) -> Option<u64> {
    response
        .headers()
        .get(RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()
}

/// The `Location` header, resolved against the request URL.
pub fn location(response: &HttpResponse, base: &Url) -> Option<Url> {
    let value = response.headers().get(LOCATION)?.to_str().ok()?;
    crate::links::Href::new(value).resolve(base).ok()
}

/// Where a temporary redirect (307/308) must be re-sent as is, if it may be.
///
/// The Trusted Application API answers `307` with a `Location` on another host of the
/// same service (and `redirect=1` in its query); the method, body and `Authorization` must
/// be re-sent there once. Browsers' `fetch` drops `Authorization` across origins, so
/// servers follow it themselves. Because the re-sent request carries credentials, a
/// redirect off the service's site or down to plain `http` is not followed: see
/// [`same_site`].
pub fn redirect_target(response: &HttpResponse, request_url: &Url) -> Option<Url> {
    matches!(
        response.status(),
        StatusCode::TEMPORARY_REDIRECT | StatusCode::PERMANENT_REDIRECT
    )
    .then(|| location(response, request_url))
    .flatten()
    .filter(|target| same_site(request_url, target))
}

/// Whether `to` may receive what was sent to `from`: no weaker scheme, and the same IP
/// address, or a domain under the same last two labels (the ring and webpool hosts are
/// `*.resources.lync.com` and `*.infra.lync.com`).
pub fn same_site(from: &Url, to: &Url) -> bool {
    let scheme_holds = to.scheme() == from.scheme() || (from.scheme() == "http" && to.scheme() == "https");
    let site = |domain: &str| {
        let labels: Vec<&str> = domain.trim_end_matches('.').rsplit('.').take(2).collect();
        (labels.len() == 2).then(|| labels.join(".").to_ascii_lowercase())
    };
    scheme_holds
        && match (from.host(), to.host()) {
            (Some(a), Some(b)) if a == b => true,
            (Some(url::Host::Domain(a)), Some(url::Host::Domain(b))) => {
                site(a).is_some() && site(a) == site(b)
            }
            _ => false,
        }
}

/// Re-targets `request` at `target`, keeping method, headers and body (for a 307).
pub fn redirected(request: &HttpRequest, target: &Url) -> Result<HttpRequest, ProtocolError> {
    let mut builder = http::Request::builder()
        .method(request.method().clone())
        .uri(target.as_str());
    for (name, value) in request.headers() {
        builder = builder.header(name, value);
    }
    finish(builder, target, request.body().clone())
}

/// The URL a request targets.
///
/// # Errors
/// [`ProtocolError::InvalidHref`] if it is not an absolute URL (never the case for requests
/// built here).
pub fn request_url(request: &HttpRequest) -> Result<Url, ProtocolError> {
    let text = request.uri().to_string();
    Url::parse(&text).map_err(|e| ProtocolError::invalid_href(&text, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn redirect(from: &str, location: &str) -> Option<String> {
        let response = http::Response::builder()
            .status(StatusCode::TEMPORARY_REDIRECT)
            .header(LOCATION, location)
            .body(Vec::new())
            .expect("a response");
        redirect_target(&response, &Url::parse(from).expect("a URL")).map(String::from)
    }

    #[test]
    fn redirects_are_followed_within_the_service() {
        let from =
            "https://noammeetings.resources.lync.com/platformService/v1/applications/1/anonApplicationTokens";
        let to = "https://webpoolbl20r04.infra.lync.com/platformservice/v1/applications/1/anonApplicationTokens?redirect=1";
        assert_eq!(redirect(from, to).as_deref(), Some(to));
        assert_eq!(
            redirect("http://127.0.0.1:8402/a", "http://127.0.0.1:8403/a?redirect=1").as_deref(),
            Some("http://127.0.0.1:8403/a?redirect=1")
        );
        assert_eq!(
            redirect("http://api.lync.com/a", "/b").as_deref(),
            Some("http://api.lync.com/b"),
            "relative to the request"
        );
    }

    #[test]
    fn credentials_never_follow_a_redirect_elsewhere() {
        let from = "https://noammeetings.resources.lync.com/a";
        for to in [
            "https://attacker.example/a",
            "https://lync.com.attacker.example/a",
            "http://webpool.infra.lync.com/a",
            "https://127.0.0.1/a",
        ] {
            assert_eq!(redirect(from, to), None, "{to}");
        }
        assert_eq!(
            redirect("http://127.0.0.1:8402/a", "http://127.0.0.2:8402/a"),
            None
        );
        assert_eq!(
            redirect("http://localhost/a", "http://otherhost/a"),
            None,
            "single labels"
        );
        assert_eq!(
            redirect("http://localhost:1/a", "http://localhost:2/a").as_deref(),
            Some("http://localhost:2/a")
        );
    }
}
