//! Operations: a request id on every response, structured logs without secrets, and
//! security headers.

use std::sync::Arc;
use std::time::Instant;

use axum::extract::{Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use tracing::Instrument;

use crate::AppState;
use crate::error::ApiError;
use crate::metrics::CodeLabels;

/// The header carrying the request id.
pub const REQUEST_ID: &str = "x-request-id";

/// The id of the request being handled: an extension of every request, quoted in its
/// error body and logs, and sent upstream as `client-request-id`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequestId(pub String);

impl RequestId {
    /// A new id, for work no request asked for (warming up at start).
    pub fn generate() -> Self {
        Self(new_request_id())
    }

    /// The caller's id if it is sane (1–64 letters, digits, `-`, `_`), else a new one.
    fn from_caller(given: Option<&str>) -> Self {
        let sane = given.filter(|id| {
            (1..=64).contains(&id.len())
                && id
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        });
        Self(sane.map_or_else(new_request_id, str::to_owned))
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A random id in the form of a version 4 GUID, the form Azure AD expects in
/// `client-request-id`.
fn new_request_id() -> String {
    let hex = random_hex(16);
    let variant = ["8", "9", "a", "b"][usize::from(rand::random::<u8>() % 4)];
    format!(
        "{}-{}-4{}-{variant}{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[13..16],
        &hex[17..20],
        &hex[20..32]
    )
}

/// Gives every request an id (the caller's, if sane), logs the request without query or
/// body, puts the id on the response and into error bodies. Everything logged while the
/// request is handled carries the id.
pub async fn request_id(State(state): State<Arc<AppState>>, mut request: Request, next: Next) -> Response {
    let id = RequestId::from_caller(request.headers().get(REQUEST_ID).and_then(|v| v.to_str().ok()));
    let (method, path) = (request.method().clone(), request.uri().path().to_owned());
    let started = Instant::now();
    request.extensions_mut().insert(id.clone());
    let span = tracing::info_span!("request", request_id = %id.as_str());
    let mut response = next.run(request).instrument(span).await;
    if let Some(error) = response.extensions().get::<ApiError>().cloned() {
        state
            .metrics
            .refusals
            .get_or_create(&CodeLabels {
                code: error.code().as_str().to_owned(),
            })
            .inc();
        response = with_request_id(error, response, id.as_str());
    }
    if let Ok(value) = HeaderValue::from_str(id.as_str()) {
        response.headers_mut().insert(REQUEST_ID, value);
    }
    tracing::info!(request_id = %id.as_str(), %method, path = %path, status = response.status().as_u16(), elapsed_ms = started.elapsed().as_millis() as u64, "request");
    response
}

/// Re-renders an error body with the request id, so a guest can quote it to support.
fn with_request_id(error: ApiError, response: Response, id: &str) -> Response {
    let (mut parts, _) = response.into_parts();
    parts.headers.remove(header::CONTENT_LENGTH);
    let body = serde_json::to_vec(&error.document(Some(id))).unwrap_or_default();
    Response::from_parts(parts, axum::body::Body::from(body))
}

/// `bytes` random bytes in hex: request and session ids.
pub(crate) fn random_hex(bytes: usize) -> String {
    (0..bytes)
        .map(|_| format!("{:02x}", rand::random::<u8>()))
        .collect()
}

/// Headers every response carries; HTML gets the app's content security policy.
pub async fn security_headers(State(state): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    let api = request.uri().path().starts_with("/api/");
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    if api {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    let is_html = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if is_html {
        headers.insert(header::CONTENT_SECURITY_POLICY, state.site.csp.clone());
    }
    response
}
