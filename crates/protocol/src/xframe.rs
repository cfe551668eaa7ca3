//! The messages of an on-premises server's cross-domain frame (XFrame, protocol.md §5.2):
//! a page on another origin posts a request to the server's `XFrame.html` as a JSON
//! string, the frame makes it from the server's own origin, and posts the answer back.
//! A server that does not answer a page's origin with CORS can only be reached this way.
//!
//! The shapes are UCWA's "Cross-domain IFRAME" page: a request has jQuery-like keys
//! (`type`, `url`, `headers`, `data`, `accepts`, `contentType`, `messageId`, …), an answer
//! has XHR's (`status`, `statusText`, `responseText`, `headers` as one string,
//! `messageId`). Both convert to and from this crate's [`HttpRequest`] and
//! [`HttpResponse`], so the join machine does not know which transport carried them.

use std::collections::BTreeMap;

use http::{HeaderName, HeaderValue, Method};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::ProtocolError;
use crate::http_util::RESPONSE_HEADERS_READ;
use crate::{HttpRequest, HttpResponse};

/// A request posted to the frame. Its `Debug` leaves out the headers and the body, which
/// carry the web ticket.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FrameRequest {
    /// The HTTP method (`get`, `post`, … in the samples; any case).
    #[serde(rename = "type")]
    pub method: String,
    /// The absolute URL.
    pub url: String,
    /// Request headers, `Authorization` included.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub headers: BTreeMap<String, String>,
    /// The body, as text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<String>,
    /// The `Accept` header, jQuery's way.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accepts: Option<String>,
    /// The `Content-Type` header, jQuery's way.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    /// Whatever identifies the request to its sender; the answer carries it back.
    #[serde(default)]
    pub message_id: Value,
}

/// An answer the frame posts back. Its `Debug` leaves out the body, which can carry a
/// web ticket.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FrameResponse {
    /// The HTTP status; `0` when the frame's own request failed.
    pub status: u16,
    /// The status text.
    #[serde(default)]
    pub status_text: String,
    /// The body, as text.
    #[serde(default)]
    pub response_text: String,
    /// The headers, as XHR's `getAllResponseHeaders()` writes them: `name: value` lines.
    #[serde(default)]
    pub headers: String,
    /// The request's `messageId`.
    #[serde(default)]
    pub message_id: Value,
}

impl std::fmt::Debug for FrameRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FrameRequest")
            .field("method", &self.method)
            .field("url", &crate::secret::redact(&self.url))
            .field("message_id", &self.message_id)
            .finish_non_exhaustive()
    }
}

impl std::fmt::Debug for FrameResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FrameResponse")
            .field("status", &self.status)
            .field("message_id", &self.message_id)
            .finish_non_exhaustive()
    }
}

impl FrameRequest {
    /// The frame request that makes `request`, identified by `message_id`.
    ///
    /// # Errors
    /// [`ProtocolError::InvalidInput`] for a body that is not text (every body of this
    /// protocol is JSON, a form or a message).
    pub fn from_http(request: &HttpRequest, message_id: Value) -> Result<Self, ProtocolError> {
        let data = (!request.body().is_empty())
            .then(|| String::from_utf8(request.body().clone()))
            .transpose()
            .map_err(|_| ProtocolError::InvalidInput {
                field: "body",
                reason: "the cross-domain frame carries text bodies only".to_owned(),
            })?;
        // Inserted one by one: collecting would sort first, code a browser downloads.
        let mut headers = BTreeMap::new();
        for (name, value) in request.headers() {
            if let Ok(value) = value.to_str() {
                headers.insert(canonical(name), value.to_owned());
            }
        }
        Ok(Self {
            method: request.method().as_str().to_ascii_lowercase(),
            url: request.uri().to_string(),
            headers,
            data,
            accepts: None,
            content_type: None,
            message_id,
        })
    }

    /// The HTTP request this frame request stands for (what the frame sends).
    ///
    /// # Errors
    /// [`ProtocolError::InvalidInput`] for a method, URL or header HTTP cannot carry.
    pub fn to_http(&self) -> Result<HttpRequest, ProtocolError> {
        let invalid = |field: &'static str, reason: String| ProtocolError::InvalidInput { field, reason };
        let method = Method::from_bytes(self.method.to_ascii_uppercase().as_bytes())
            .map_err(|_| invalid("type", format!("`{}` is not an HTTP method", self.method)))?;
        let mut builder = http::Request::builder().method(method).uri(&self.url);
        let implied = [("Accept", &self.accepts), ("Content-Type", &self.content_type)];
        for (name, value) in implied.iter().filter_map(|(n, v)| Some((*n, v.as_ref()?))) {
            if !self.headers.keys().any(|k| k.eq_ignore_ascii_case(name)) {
                builder = builder.header(name, value);
            }
        }
        for (name, value) in &self.headers {
            let name = HeaderName::from_bytes(name.as_bytes())
                .map_err(|_| invalid("headers", format!("`{name}` is not a header name")))?;
            let value = HeaderValue::from_str(value)
                .map_err(|_| invalid("headers", format!("the value of `{name}` cannot be sent")))?;
            builder = builder.header(name, value);
        }
        builder
            .body(self.data.clone().unwrap_or_default().into_bytes())
            .map_err(|e| invalid("url", crate::secret::redact(&e.to_string())))
    }
}

impl FrameResponse {
    /// The answer to post back for `response`.
    pub fn from_http(response: &HttpResponse, message_id: Value) -> Self {
        let headers = response
            .headers()
            .iter()
            .filter_map(|(name, value)| Some(format!("{}: {}\r\n", canonical(name), value.to_str().ok()?)))
            .collect();
        Self {
            status: response.status().as_u16(),
            status_text: response
                .status()
                .canonical_reason()
                .unwrap_or_default()
                .to_owned(),
            response_text: String::from_utf8_lossy(response.body()).into_owned(),
            headers,
            message_id,
        }
    }

    /// The HTTP response the answer stands for, with the headers this crate reads
    /// ([`RESPONSE_HEADERS_READ`]); `None` when the frame could not make the request at all
    /// (status `0`: no connection, or the browser refused it).
    pub fn to_http(&self) -> Option<HttpResponse> {
        let mut builder = http::Response::builder().status(self.status);
        for line in self.headers.split(['\r', '\n']) {
            let Some((name, value)) = line.split_once(':') else {
                continue;
            };
            // Matching the known names spares a browser the parser of every header name.
            let known = RESPONSE_HEADERS_READ
                .into_iter()
                .find(|known| known.as_str().eq_ignore_ascii_case(name.trim()));
            if let (Some(name), Ok(value)) = (known, HeaderValue::from_str(value.trim())) {
                builder = builder.header(name, value);
            }
        }
        builder.body(self.response_text.clone().into_bytes()).ok()
    }
}

/// A header name with each dash-separated word capitalised (`Content-Type`), as the
/// samples write them; header names are case-insensitive, so nothing depends on it.
fn canonical(name: &HeaderName) -> String {
    name.as_str()
        .split('-')
        .map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// The GET of UCWA's "Cross-domain IFRAME" page, as its sample posts it.
    #[test]
    fn the_documented_request_is_read() {
        let posted = r#"{"accepts":"application/json","type":"get","url":"https://lyncdiscover.sipdomain.com/","xhrFields":{"withCredentials":true},"messageId":{"Id":7}}"#;
        let request: FrameRequest = serde_json::from_str(posted).expect("the documented shape");
        let http = request.to_http().expect("an HTTP request");
        assert_eq!(http.method(), Method::GET);
        assert_eq!(http.uri(), "https://lyncdiscover.sipdomain.com/");
        assert_eq!(http.headers()["accept"], "application/json");
        assert_eq!(request.message_id, json!({"Id": 7}));
    }

    /// The sample's Transport: headers as an object, `Authorization` among them, the body
    /// as `data`.
    #[test]
    fn a_request_goes_through_the_frame_and_back_unchanged() {
        let original = crate::http_util::json(
            Method::POST,
            &url::Url::parse("https://lyncweb.contoso.com/ucwa/oauth/v1/applications").expect("url"),
            Some(&crate::Secret::new("cwt=AAEB")),
            &json!({"userAgent": "guest-join", "endpointId": "e1", "culture": "en-US"}),
        )
        .expect("request");
        let framed = FrameRequest::from_http(&original, json!(3)).expect("framed");
        assert_eq!(framed.method, "post");
        assert_eq!(framed.headers["Authorization"], "Bearer cwt=AAEB");
        assert_eq!(framed.headers["Content-Type"], "application/json");
        let posted = serde_json::to_string(&framed).expect("json");
        let received: FrameRequest = serde_json::from_str(&posted).expect("read back");
        let sent = received.to_http().expect("http");
        assert_eq!(sent.method(), original.method());
        assert_eq!(sent.uri(), original.uri());
        assert_eq!(sent.headers(), original.headers());
        assert_eq!(sent.body(), original.body());
        assert!(
            FrameRequest {
                method: "no method".to_owned(),
                ..received
            }
            .to_http()
            .is_err()
        );
    }

    /// The documented answer: status, text, body, and the headers as one string, which is
    /// where the sample reads a refused origin's reason from.
    #[test]
    fn an_answer_comes_back_with_its_headers() {
        let refusal = http::Response::builder()
            .status(403)
            .header("x-ms-diagnostics", r#"28072;source="lyncweb.contoso.com";reason="Service does not allow a cross domain request from this origin.""#)
            .header("content-type", "application/json")
            .body(br#"{"code":"Forbidden"}"#.to_vec())
            .expect("response");
        let answer = FrameResponse::from_http(&refusal, json!({"Id": 9}));
        assert_eq!(answer.status_text, "Forbidden");
        assert!(
            answer.headers.contains("X-Ms-Diagnostics: 28072;"),
            "{}",
            answer.headers
        );
        let posted = serde_json::to_string(&answer).expect("json");
        assert!(
            posted.contains(r#""responseText":"{\"code\":\"Forbidden\"}""#),
            "{posted}"
        );
        let back: FrameResponse = serde_json::from_str(&posted).expect("read back");
        let response = back.to_http().expect("a response");
        assert_eq!(response.status(), 403);
        assert_eq!(
            response
                .headers()
                .get("x-ms-diagnostics")
                .and_then(|v| v.to_str().ok())
                .and_then(crate::join::diagnostics_reason)
                .as_deref(),
            Some("Service does not allow a cross domain request from this origin.")
        );
        assert_eq!(response.body(), refusal.body());
        // XHR's own way: `\r\n` between lines, none after the last, odd spacing.
        let xhr: FrameResponse = serde_json::from_value(json!({
            "status": 201, "responseText": "", "messageId": 1,
            "headers": "location: /ucwa/oauth/v1/applications/105\r\ncontent-length:0"
        }))
        .expect("xhr shape");
        let created = xhr.to_http().expect("response");
        assert_eq!(created.headers()["location"], "/ucwa/oauth/v1/applications/105");
        // Only the headers the crate reads are kept.
        assert!(created.headers().get("content-length").is_none());
        let failed: FrameResponse = serde_json::from_value(json!({"status": 0})).expect("no answer");
        assert!(failed.to_http().is_none());
    }
}
