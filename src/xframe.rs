//! Requests through an on-premises server's cross-domain frame (XFrame, protocol.md §5.2).
//!
//! A Skype for Business Server answers a page on another origin either with CORS, if its
//! administrator listed that origin for it, or only through its XFrame page: a hidden
//! iframe of the server's own origin that takes a request by `postMessage`, makes it there,
//! and posts the answer back. The protocol crate converts requests and answers
//! (`protocol::xframe`); this module keeps one frame per frame URL and matches answers to
//! requests by their `messageId`.

use std::cell::RefCell;

use protocol::xframe::{FrameRequest, FrameResponse};
use protocol::{HttpRequest, HttpResponse, Url};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, HtmlIFrameElement, MessageEvent};

use crate::transport::{self, NoResponse};

/// One frame: loading (its messages wait) or loaded (its window takes them).
struct Frame {
    url: String,
    origin: String,
    window: Option<web_sys::Window>,
    waiting: Vec<String>,
}

/// The page's frames and the requests waiting for them. A join uses two or three frames and
/// a few requests at a time, so lists do.
#[derive(Default)]
struct Frames {
    frames: Vec<Frame>,
    /// Each request's `messageId` and `resolve`.
    pending: Vec<(u32, js_sys::Function)>,
    next_id: u32,
    /// Origins whose server answered a direct request with no CORS: the frame is used.
    framed_origins: Vec<String>,
    listening: bool,
}

impl Frames {
    fn take_pending(&mut self, id: u32) -> Option<js_sys::Function> {
        let at = self.pending.iter().position(|(pending, _)| *pending == id)?;
        Some(self.pending.swap_remove(at).1)
    }
}

thread_local! {
    static FRAMES: RefCell<Frames> = RefCell::default();
}

/// Sends `request`; to an on-premises server whose frame is `frame`, directly first, which
/// works where the server answers this page's origin with CORS, and through the frame from
/// the first request the server answers without (remembered for its origin).
///
/// # Errors
/// [`NoResponse`] when neither way got an answer, or `signal` aborted.
pub async fn send(
    request: &HttpRequest,
    frame: Option<&Url>,
    signal: &AbortSignal,
) -> Result<HttpResponse, NoResponse> {
    // One place awaits a fetch, so the browser downloads its code once.
    let Some(frame) = frame else {
        return transport::send(request, signal).await;
    };
    let origin = Url::parse(&request.uri().to_string())
        .map_err(|_| NoResponse)?
        .origin()
        .ascii_serialization();
    if !FRAMES.with_borrow(|frames| frames.framed_origins.contains(&origin)) {
        match transport::send(request, signal).await {
            // A server's CORS may hide the challenge of a `401`: only the frame reads it.
            Ok(response) if !hides_challenge(&response) => return Ok(response),
            Ok(_) => return through_frame(request, frame, signal).await,
            Err(NoResponse) if signal.aborted() => return Err(NoResponse),
            // A page cannot tell a CORS refusal from a host that is not there. A server
            // that is there serves its frame; one that is not is not worth waiting for.
            Err(NoResponse) if !reachable(frame, signal).await => return Err(NoResponse),
            Err(NoResponse) => FRAMES.with_borrow_mut(|frames| {
                // Requests failing together each find the same thing out.
                if !frames.framed_origins.contains(&origin) {
                    frames.framed_origins.push(origin);
                }
            }),
        }
    }
    through_frame(request, frame, signal).await
}

/// Whether `response` is a `401` whose `WWW-Authenticate` CORS kept from the page (it is not
/// among the headers protocol.md's servers expose), so the challenge must be read through
/// the frame. A `401` is refused, not done, so asking again does nothing twice.
fn hides_challenge(response: &HttpResponse) -> bool {
    response.status() == http::StatusCode::UNAUTHORIZED
        && !response.headers().contains_key(http::header::WWW_AUTHENTICATE)
}

/// Posts `request` through its frame without waiting for the answer, if requests to its
/// origin go through one: the page is closing, and nobody will read it.
pub fn send_as_page_closes(request: &HttpRequest, frame: &Url) -> bool {
    let framed = Url::parse(&request.uri().to_string()).is_ok_and(|url| {
        FRAMES.with_borrow(|frames| {
            frames
                .framed_origins
                .contains(&url.origin().ascii_serialization())
        })
    });
    if framed && let Ok(message) = FrameRequest::from_http(request, serde_json::Value::Null) {
        post(frame, serde_json::to_string(&message).unwrap_or_default());
    }
    framed
}

/// Whether `frame`'s server answers at all (an opaque `no-cors` request needs no CORS).
async fn reachable(frame: &Url, signal: &AbortSignal) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let init = web_sys::RequestInit::new();
    init.set_mode(web_sys::RequestMode::NoCors);
    init.set_signal(Some(signal));
    JsFuture::from(window.fetch_with_str_and_init(frame.as_str(), &init))
        .await
        .is_ok()
}

async fn through_frame(
    request: &HttpRequest,
    frame: &Url,
    signal: &AbortSignal,
) -> Result<HttpResponse, NoResponse> {
    let id = FRAMES.with_borrow_mut(|frames| {
        frames.next_id = frames.next_id.wrapping_add(1);
        frames.next_id
    });
    let message = FrameRequest::from_http(request, id.into()).map_err(|_| NoResponse)?;
    let message = serde_json::to_string(&message).map_err(|_| NoResponse)?;
    let mut settle = None;
    let answer = js_sys::Promise::new(&mut |resolve, reject| settle = Some((resolve, reject)));
    let (resolve, reject) = settle.ok_or(NoResponse)?;
    // An abort (a timeout, a cancel) rejects the wait; the frame's late answer is dropped.
    signal
        .add_event_listener_with_callback("abort", &reject)
        .map_err(|_| NoResponse)?;
    FRAMES.with_borrow_mut(|frames| frames.pending.push((id, resolve)));
    post(frame, message);
    let answer = JsFuture::from(answer).await;
    FRAMES.with_borrow_mut(|frames| frames.take_pending(id));
    let text = answer.ok().and_then(|data| data.as_string()).ok_or(NoResponse)?;
    serde_json::from_str::<FrameResponse>(&text)
        .ok()
        .and_then(|answer| answer.to_http())
        .ok_or(NoResponse)
}

/// Posts `message` to the frame at `url`, making the frame first if there is none yet.
fn post(url: &Url, message: String) {
    listen();
    FRAMES.with_borrow_mut(|frames| {
        let at = match frames.frames.iter().position(|frame| frame.url == url.as_str()) {
            Some(at) => at,
            None => {
                make_frame(url);
                frames.frames.push(Frame {
                    url: url.to_string(),
                    origin: url.origin().ascii_serialization(),
                    window: None,
                    waiting: Vec::new(),
                });
                frames.frames.len() - 1
            }
        };
        let frame = &mut frames.frames[at];
        match &frame.window {
            Some(window) => {
                let _ = window.post_message(&JsValue::from_str(&message), &frame.origin);
            }
            None => frame.waiting.push(message),
        }
    });
}

/// Adds a hidden frame of `url` to the page; once it loads, the messages waiting for it go.
fn make_frame(url: &Url) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(element) = document
        .create_element("iframe")
        .ok()
        .and_then(|e| e.dyn_into::<HtmlIFrameElement>().ok())
    else {
        return;
    };
    let key = url.to_string();
    let loaded = element.clone();
    let on_load = Closure::<dyn FnMut()>::new(move || {
        let Some(window) = loaded.content_window() else {
            return;
        };
        FRAMES.with_borrow_mut(|frames| {
            if let Some(frame) = frames.frames.iter_mut().find(|frame| frame.url == key) {
                for message in frame.waiting.drain(..) {
                    let _ = window.post_message(&JsValue::from_str(&message), &frame.origin);
                }
                frame.window = Some(window);
            }
        });
    });
    element.set_onload(Some(on_load.as_ref().unchecked_ref()));
    // The frame lives as long as the page.
    on_load.forget();
    element.set_hidden(true);
    element.set_title("");
    element.set_src(url.as_str());
    if let Some(body) = document.body() {
        let _ = body.append_child(&element);
    }
}

/// Listens, once per page, for the frames' answers.
fn listen() {
    if FRAMES.with_borrow_mut(|frames| std::mem::replace(&mut frames.listening, true)) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| {
        let origin = event.origin();
        let Some(text) = event.data().as_string() else {
            return;
        };
        // Only a frame of ours answers, and only with the id of a request still waiting.
        let Ok(answer) = serde_json::from_str::<FrameResponse>(&text) else {
            return;
        };
        let Some(id) = answer.message_id.as_u64().and_then(|id| u32::try_from(id).ok()) else {
            return;
        };
        let resolve = FRAMES.with_borrow_mut(|frames| {
            let ours = frames.frames.iter().any(|frame| frame.origin == origin);
            ours.then(|| frames.take_pending(id)).flatten()
        });
        if let Some(resolve) = resolve {
            let _ = resolve.call1(&JsValue::NULL, &JsValue::from_str(&text));
        }
    });
    let _ = window.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    on_message.forget();
}
