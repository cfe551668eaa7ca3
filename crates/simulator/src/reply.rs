//! Responses in the shapes the real services used: UCWA/TAAPI error documents, IIS's `401`
//! page with its two challenges, Azure AD's OAuth errors.

use axum::body::Body;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use crate::config::Quirks;
use crate::ids::{now_ms, random_hex};
use crate::model::Gone;
use crate::store::OpError;

/// The UCWA JSON media type the servers answered with.
pub const UCWA_JSON: &str = "application/json; charset=utf-8";

/// A JSON body rendered with the server quirks.
pub fn json(status: StatusCode, value: &Value, quirks: &Quirks) -> Response {
    let mut response = Response::new(Body::from(crate::render::json(value, quirks)));
    *response.status_mut() = status;
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(UCWA_JSON));
    response
}

/// A UCWA/TAAPI error document.
pub fn error(status: StatusCode, code: &str, subcode: Option<&str>, message: &str) -> Response {
    let mut body = json!({"code": code, "message": message});
    if let Some(subcode) = subcode {
        body["subcode"] = json!(subcode);
    }
    let mut response = (status, axum::Json(body)).into_response();
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(UCWA_JSON));
    if let Ok(value) = HeaderValue::from_str(&format!(
        "{};source=\"simulator\";reason=\"{}\"",
        status.as_u16(),
        message.replace('"', "'")
    )) {
        response.headers_mut().insert("x-ms-diagnostics", value);
    }
    response
}

/// `400 ParameterValidationFailure` naming the parameter.
pub fn invalid_parameter(name: &str, reason: &str) -> Response {
    let body = json!({
        "code": "BadRequest",
        "subcode": "ParameterValidationFailure",
        "message": format!("Please check what you entered and try again: {name} is {reason}."),
        "parameters": [{"name": name, "reason": reason}],
    });
    let mut response = (StatusCode::BAD_REQUEST, axum::Json(body)).into_response();
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(UCWA_JSON));
    response
}

/// `400 DeserializationFailure`.
pub fn bad_json() -> Response {
    error(
        StatusCode::BAD_REQUEST,
        "BadRequest",
        Some("DeserializationFailure"),
        "The request body could not be read as JSON.",
    )
}

/// `415 UnsupportedMediaType`.
pub fn unsupported_media_type() -> Response {
    error(
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "UnsupportedMediaType",
        Some("UnsupportedMediaType"),
        "The content type is not supported here.",
    )
}

/// IIS's `401`: an HTML body and both challenges, as recorded.
pub fn unauthorized(webticket: &str) -> Response {
    let mut response = (StatusCode::UNAUTHORIZED, "<html><head><title>401 - Unauthorized</title></head><body>401 - Unauthorized: Access is denied due to invalid credentials.</body></html>").into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    headers.append(
        header::WWW_AUTHENTICATE,
        HeaderValue::from_static("Bearer trusted_issuers=\"00000002-0000-0ff1-ce00-000000000000@*\", client_id=\"00000004-0000-0ff1-ce00-000000000000\""),
    );
    if let Ok(value) = HeaderValue::from_str(&format!(
        "MsRtcOAuth href=\"{webticket}\",grant_type=\"urn:microsoft.rtc:windows,urn:microsoft.rtc:anonmeeting,password\""
    )) {
        headers.append(header::WWW_AUTHENTICATE, value);
    }
    response
}

/// An Azure AD OAuth error.
pub fn aad_error(status: StatusCode, error: &str, code: u32, description: &str) -> Response {
    let now = now_ms();
    let body = json!({
        "error": error,
        "error_description": format!("AADSTS{code}: {description}\r\nTrace ID: {}\r\nCorrelation ID: {}\r\nTimestamp: {}", random_hex(16), random_hex(16), protocol::date::Timestamp::from_millis(now).to_iso8601()),
        "error_codes": [code],
        "timestamp": protocol::date::Timestamp::from_millis(now).to_iso8601(),
        "trace_id": random_hex(16),
        "correlation_id": random_hex(16),
    });
    (status, axum::Json(body)).into_response()
}

/// The response for an operation error.
pub fn op_error(failure: &OpError) -> Response {
    match failure {
        OpError::NotFound(subcode) => error_response(
            StatusCode::NOT_FOUND,
            "NotFound",
            subcode,
            "The resource was not found.",
        ),
        OpError::Forbidden(message) => error(StatusCode::FORBIDDEN, "Forbidden", None, message),
        OpError::Conflict(subcode) => error_response(
            StatusCode::CONFLICT,
            "Conflict",
            subcode,
            "The request conflicts with the resource's state.",
        ),
        OpError::Invalid(parameter) => invalid_parameter(parameter, "Invalid"),
        OpError::Gone(Gone::Expired) => error(
            StatusCode::GONE,
            "Gone",
            Some("InactiveApplicationExpired"),
            "The application expired because no event channel request was parked for too long.",
        ),
        OpError::Gone(Gone::Deleted) => error(
            StatusCode::NOT_FOUND,
            "NotFound",
            Some("ApplicationNotFound"),
            "The application does not exist.",
        ),
    }
}

fn error_response(status: StatusCode, code: &str, subcode: &str, message: &str) -> Response {
    let subcode = subcode
        .chars()
        .all(|c| c.is_ascii_alphanumeric())
        .then_some(subcode);
    error(status, code, subcode, message)
}
