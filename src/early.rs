//! The page's early name screen: what the guest typed and pressed before the app started.
//!
//! On a slow connection the wasm takes seconds to arrive, so `index.html` carries the name
//! screen and a few lines of script that show it for a join link and hold a Join pressed
//! early. When the app starts it takes over from that form (the name, the press, the focus)
//! and removes it, so nothing the guest did is lost and no id appears twice.

use wasm_bindgen::JsCast;

/// The early form's `<main>`.
const EARLY: &str = "early";
/// Set on it by the page's script when Join was pressed with a name.
const JOIN_PRESSED: &str = "data-join-pressed";

/// What the guest did on the early form.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EarlyForm {
    /// The name field's content.
    pub name: String,
    /// Join was pressed (with a name) before the app started.
    pub join_pressed: bool,
    /// The name field had the keyboard focus.
    pub had_focus: bool,
}

/// Reads and removes the early form; `None` when it was never shown (no join link, the
/// staff check) or is not on the page.
pub fn take_over() -> Option<EarlyForm> {
    let document = web_sys::window()?.document()?;
    let early = document.get_element_by_id(EARLY)?;
    let shown = !early.has_attribute("hidden");
    let input = early
        .query_selector("input")
        .ok()
        .flatten()
        .and_then(|input| input.dyn_into::<web_sys::HtmlInputElement>().ok());
    let form = input.filter(|_| shown).map(|input| EarlyForm {
        name: input.value(),
        join_pressed: early.has_attribute(JOIN_PRESSED),
        had_focus: document
            .active_element()
            .is_some_and(|active| active == *input.unchecked_ref::<web_sys::Element>()),
    });
    early.remove();
    form
}

/// Puts the caret back at the end of the name, where the guest was typing.
pub fn refocus_name(id: &str) {
    leptos::prelude::request_animation_frame({
        let id = id.to_owned();
        move || {
            let input = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(&id))
                .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok());
            if let Some(input) = input {
                let _ = input.focus();
                let end = u32::try_from(input.value().encode_utf16().count()).unwrap_or(u32::MAX);
                let _ = input.set_selection_range(end, end);
            }
        }
    });
}
