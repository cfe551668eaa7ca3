//! Responses in the shapes the real services used: JSON written with the server quirks,
//! IIS's `401` page with its two challenges, Azure AD's OAuth errors. (UCWA/TAAPI error
//! documents are [`crate::refusal::Refusal`]s.)

use axum::body::Body;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};
use url::Url;

use crate::config::Quirks;
use crate::ids::{now_ms, random_hex};
use crate::render::with_port_4443;

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

/// IIS's `401`: an HTML body and both challenges, as recorded. The `MsRtcOAuth` challenge
/// points at the WebTicket service of `pool`.
pub fn unauthorized(pool: &Url) -> Response {
    let web_ticket = format!("{}/WebTicket/oauthtoken", with_port_4443(pool));
    challenges(&web_ticket, &Quirks::strict())
}

/// `path` on the on-premises `pool`, absolute.
pub fn pool_url(pool: &Url, path: &str) -> String {
    format!("{}{path}", pool.as_str().trim_end_matches('/'))
}

/// An on-premises pool's `401`: IIS's page and both challenges, the `MsRtcOAuth` one
/// naming the `pool`'s web-ticket service and the grants it takes (protocol.md §3.3). The
/// quirks choose the documented alternatives: an unquoted `href`, and one folded line.
pub fn on_premises_unauthorized(pool: &Url, quirks: &Quirks) -> Response {
    challenges(&pool_url(pool, crate::model::WEB_TICKET_PATH), quirks)
}

fn challenges(web_ticket: &str, quirks: &Quirks) -> Response {
    let href = if quirks.unquoted_challenge_href {
        web_ticket.to_owned()
    } else {
        format!("\"{web_ticket}\"")
    };
    let bearer = "Bearer trusted_issuers=\"00000002-0000-0ff1-ce00-000000000000@*\", client_id=\"00000004-0000-0ff1-ce00-000000000000\"";
    let oauth = format!(
        "MsRtcOAuth href={href},grant_type=\"urn:microsoft.rtc:windows,urn:microsoft.rtc:anonmeeting,password\""
    );
    let lines = if quirks.folded_challenges {
        vec![format!("{bearer}, {oauth}")]
    } else {
        vec![bearer.to_owned(), oauth]
    };
    let mut response = (StatusCode::UNAUTHORIZED, "<html><head><title>401 - Unauthorized</title></head><body>401 - Unauthorized: Access is denied due to invalid credentials.</body></html>").into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    for line in lines {
        if let Ok(value) = HeaderValue::from_str(&line) {
            headers.append(header::WWW_AUTHENTICATE, value);
        }
    }
    response
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A meeting's join page: real ones carried a `conf:sip:…%3Frequired…` link that clients
/// such as SIPE read the conference URI from, and so does this one.
pub fn meeting_page(subject: &str, conference_uri: &str) -> Response {
    let conf = escape_html(conference_uri);
    axum::response::Html(format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{subject}</title></head><body>\
         <h1>{subject}</h1><p>This is a Skype for Business meeting (simulated).</p>\
         <p><a href=\"conf:{conf}%3Frequired-media=audio\">Join with Skype for Business</a></p></body></html>",
        subject = escape_html(subject),
    ))
    .into_response()
}

/// The page for a join link that leads to no meeting.
pub fn meeting_page_not_found() -> Response {
    (
        StatusCode::NOT_FOUND,
        axum::response::Html(
            "<!doctype html><title>Meeting not found</title><p>This meeting does not exist.</p>",
        ),
    )
        .into_response()
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

/// Marks a response whose connection the fault injector drops.
#[derive(Clone, Copy, Debug)]
pub struct DroppedConnection;

/// A `200` whose body fails at once: the client sees its connection drop.
pub fn dropped_connection() -> Response {
    let stream = futures_util::stream::once(async {
        Err::<bytes::Bytes, std::io::Error>(std::io::Error::new(
            std::io::ErrorKind::ConnectionReset,
            "dropped by fault injection",
        ))
    });
    let mut response = Response::new(Body::from_stream(stream));
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(UCWA_JSON));
    response.extensions_mut().insert(DroppedConnection);
    response
}
