//! The app framed in a partner's page: tells that page what happens (its stage, how many
//! people, unread messages, its height) and takes its commands (leave, set the name, focus
//! the chat), as `protocol::embed` defines them; applies the partner's brand and the theme.
//!
//! Only a page on a listed partner origin is spoken to, and only its window's commands
//! are taken: the middle tier lists the partners in `<meta name="guest-join-partners">`
//! and their brands in `<meta name="guest-join-brands">`. An unlisted page gets nothing.

use std::cell::Cell;
use std::rc::Rc;

use protocol::embed::{self, Command, Envelope, Event, Incoming};
use serde::Deserialize;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{MessageEvent, Window};

use crate::config;

/// `<meta name="guest-join-partners">`: the partner origins that may frame the app and
/// receive its events, separated by spaces.
pub const PARTNERS_META: &str = "guest-join-partners";
/// `<meta name="guest-join-brands">`: the partners' brands, as JSON.
pub const BRANDS_META: &str = "guest-join-brands";

/// A partner's look, as the middle tier validated it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct Brand {
    /// The partner origin it belongs to.
    pub origin: String,
    /// The accent colour (`#rrggbb`), for buttons; white text on it meets WCAG AA.
    #[serde(default)]
    pub accent: Option<String>,
    /// A logo on the partner's own origin.
    #[serde(default)]
    pub logo: Option<String>,
    /// The name to show beside it.
    #[serde(default)]
    pub name: Option<String>,
}

/// The partner page around the app, when it is a listed partner's.
#[derive(Clone, Debug)]
pub struct Partner {
    origin: String,
    parent: Window,
    /// The partner's brand, if it has one.
    pub brand: Option<Brand>,
}

impl Partner {
    /// The partner page framing this one, if the page is framed by a listed partner.
    pub fn around_this_page() -> Option<Self> {
        let window = web_sys::window()?;
        let parent = window.parent().ok()??;
        if js_sys::Object::is(&parent, &window) {
            return None;
        }
        let origin = parent_origin(&window)?;
        let listed = config::meta(PARTNERS_META)
            .unwrap_or_default()
            .split_whitespace()
            .any(|partner| partner.eq_ignore_ascii_case(&origin));
        if !listed {
            leptos::logging::warn!(
                "guest-join: framed by {origin}, which is not a listed partner; it gets no events and its commands are ignored"
            );
            return None;
        }
        let brand = config::meta(BRANDS_META)
            .and_then(|json| serde_json::from_slice::<Vec<Brand>>(json.as_bytes()).ok())
            .unwrap_or_default()
            .into_iter()
            .find(|brand| brand.origin.eq_ignore_ascii_case(&origin));
        Some(Self {
            origin,
            parent,
            brand,
        })
    }

    /// Tells the partner page `event`.
    pub fn tell(&self, event: Event) {
        let serializer = serde_wasm_bindgen::Serializer::json_compatible();
        if let Ok(message) = serde::Serialize::serialize(&Envelope::new(event), &serializer) {
            // The browser delivers it only if the parent is still on that origin.
            let _ = self.parent.post_message(&message, &self.origin);
        }
    }

    /// Calls `on_command` with each command the partner page sends, for as long as the
    /// page lives. Messages from any other window or origin are ignored.
    pub fn listen(&self, on_command: impl Fn(Command) + 'static) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let (origin, parent) = (self.origin.clone(), self.parent.clone());
        let warned = Rc::new(Cell::new(false));
        let handler = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            let from_parent = event
                .source()
                .is_some_and(|source| js_sys::Object::is(&source, &parent));
            if !from_parent || !event.origin().eq_ignore_ascii_case(&origin) {
                return;
            }
            let Ok(message) = serde_wasm_bindgen::from_value::<serde_json::Value>(event.data()) else {
                return;
            };
            match embed::read(&message) {
                Incoming::Command(command) => on_command(command),
                Incoming::OtherVersion(version) if !warned.replace(true) => leptos::logging::warn!(
                    "guest-join: ignoring messages of API version {version}; this app speaks version {}",
                    embed::VERSION
                ),
                Incoming::Unknown if !warned.replace(true) => {
                    leptos::logging::warn!(
                        "guest-join: ignoring a message this app does not know: {message}"
                    );
                }
                _ => {}
            }
        });
        let _ = window.add_event_listener_with_callback("message", handler.as_ref().unchecked_ref());
        // The listener lives as long as the page.
        handler.forget();
    }
}

/// The origin of the page framing this one: Chromium and Safari say it in
/// `location.ancestorOrigins`; elsewhere the referrer's origin is the best evidence.
fn parent_origin(window: &Window) -> Option<String> {
    let location = window.location();
    let ancestors = js_sys::Reflect::get(&location, &"ancestorOrigins".into()).ok();
    if let Some(first) = ancestors
        .filter(|list| !list.is_undefined())
        .and_then(|list| js_sys::Reflect::get(&list, &0.into()).ok())
        .and_then(|origin| origin.as_string())
    {
        return Some(first);
    }
    let referrer = window.document()?.referrer();
    protocol::Url::parse(&referrer)
        .ok()
        .map(|url| url.origin().ascii_serialization())
        .filter(|origin| origin != "null")
}

/// Applies `?theme=light|dark` (anything else follows the device) and a partner's accent.
pub fn apply_look(theme: Option<&str>, brand: Option<&Brand>) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    if let Some(theme @ ("light" | "dark")) = theme {
        let _ = root.set_attribute("data-theme", theme);
    }
    let accent = brand
        .and_then(|b| b.accent.as_deref())
        .filter(|a| is_hex_colour(a));
    if let (Some(accent), Some(root)) = (accent, root.dyn_ref::<web_sys::HtmlElement>()) {
        // Set through the CSS object model, which the content security policy allows.
        let _ = root.style().set_property("--brand", accent);
    }
}

/// `#rrggbb`: the only colour form the middle tier passes on; checked again here so that a
/// hand-edited page cannot inject CSS.
fn is_hex_colour(text: &str) -> bool {
    text.len() == 7 && text.starts_with('#') && text[1..].chars().all(|c| c.is_ascii_hexdigit())
}

/// The content height, for [`Event::Size`].
pub fn content_height() -> u32 {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .map_or(0, |root| u32::try_from(root.scroll_height()).unwrap_or(0))
}

/// Calls `on_height` with the content height whenever the page's size changes.
pub fn on_resize(on_height: impl Fn(u32) + 'static) {
    let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    else {
        return;
    };
    let last = Cell::new(0);
    let callback = Closure::<dyn Fn()>::new(move || {
        let height = content_height();
        if last.replace(height) != height {
            on_height(height);
        }
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        // The browser keeps an observer that observes something alive; the callback must
        // outlive this function, for as long as the page.
        observer.observe(&body);
        callback.forget();
    }
}
