//! Sends the protocol crate's requests with `fetch` (gloo-net) and hands back responses.
//!
//! A network failure, a CORS refusal and a timeout all look the same to a page: the
//! request failed without a response.

use gloo_net::http::{Method, RequestBuilder};
use protocol::{HttpRequest, HttpResponse};
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
    for (name, value) in response.headers().entries() {
        out = out.header(name, value);
    }
    let body = response.binary().await.map_err(|_| NoResponse)?;
    out.body(body).map_err(|_| NoResponse)
}
