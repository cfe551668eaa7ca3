//! Sends the protocol crate's requests with `fetch` (gloo-net) and hands back responses.
//!
//! A network failure, a CORS refusal and a timeout all look the same to a page: the
//! request failed without a response.

use gloo_net::http::{Method, RequestBuilder};
use protocol::{HttpRequest, HttpResponse};
use wasm_bindgen::JsValue;
use web_sys::AbortSignal;

/// The request got no response.
#[derive(Debug, Clone, Copy)]
pub struct NoResponse;

/// Sends `request`; `signal` aborts it (cancel or timeout).
///
/// # Errors
/// [`NoResponse`] when fetch fails: network down, CORS refused, aborted.
pub async fn send(request: &HttpRequest, signal: &AbortSignal) -> Result<HttpResponse, NoResponse> {
    let method = Method::from_bytes(request.method().as_str().as_bytes()).map_err(|_| NoResponse)?;
    let mut builder = RequestBuilder::new(&request.uri().to_string())
        .method(method)
        .abort_signal(Some(signal));
    for (name, value) in request.headers() {
        if let Ok(value) = value.to_str() {
            builder = builder.header(name.as_str(), value);
        }
    }
    let built = if request.body().is_empty() {
        builder.build()
    } else {
        builder.body(js_sys::Uint8Array::from(request.body().as_slice()))
    }
    .map_err(|_| NoResponse)?;
    let response = built.send().await.map_err(|_| NoResponse)?;
    let mut out = http::Response::builder().status(response.status());
    let headers = response.headers();
    for name in protocol::http_util::RESPONSE_HEADERS_READ {
        if let Some(value) = headers.get(name.as_str()) {
            out = out.header(name, value);
        }
    }
    let body = response.binary().await.map_err(|_| NoResponse)?;
    out.body(body).map_err(|_| NoResponse)
}

/// Sends `request` so that it outlives the page (`fetch` with `keepalive`): how a guest
/// who closes the tab still leaves the meeting. Nobody is left to read the answer.
pub fn send_as_page_closes(request: &HttpRequest) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let init = web_sys::RequestInit::new();
    init.set_method(request.method().as_str());
    if let Ok(headers) = web_sys::Headers::new() {
        for (name, value) in request.headers() {
            if let Ok(value) = value.to_str() {
                let _ = headers.set(name.as_str(), value);
            }
        }
        init.set_headers(&headers);
    }
    if !request.body().is_empty() {
        init.set_body(&js_sys::Uint8Array::from(request.body().as_slice()));
    }
    // web-sys has no setter for `keepalive`.
    let _ = js_sys::Reflect::set(&init, &JsValue::from_str("keepalive"), &JsValue::TRUE);
    let _ = window.fetch_with_str_and_init(&request.uri().to_string(), &init);
}
