//! In-browser component tests (headless Chromium via wasm-bindgen-test-runner).

#![cfg(target_arch = "wasm32")]

use guest_join::link_field::LinkField;
use leptos::prelude::*;
use protocol::join_link::MeetingHosts;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().expect("window").document().expect("document")
}

/// Mounts a view into a fresh element and returns the element.
fn mount(view: impl FnOnce() -> AnyView + 'static) -> (web_sys::HtmlElement, impl Drop) {
    let root: web_sys::HtmlElement = document()
        .create_element("section")
        .expect("section")
        .unchecked_into();
    document()
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    let handle = mount_to(root.clone(), view);
    (root, handle)
}

async fn type_into(root: &web_sys::HtmlElement, text: &str) {
    let input: web_sys::HtmlInputElement = root
        .query_selector("#join-link")
        .expect("query")
        .expect("input")
        .unchecked_into();
    input.set_value(text);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict("input", &init).expect("event");
    input.dispatch_event(&event).expect("dispatch");
    leptos::task::tick().await;
}

fn verdict(root: &web_sys::HtmlElement) -> (String, String) {
    let verdict = root
        .query_selector("#join-link-verdict")
        .expect("query")
        .expect("verdict");
    (verdict.text_content().unwrap_or_default(), verdict.class_name())
}

#[wasm_bindgen_test]
async fn the_link_field_says_what_kind_of_link_was_pasted() {
    let (root, _handle) = mount(|| view! { <LinkField hosts=MeetingHosts::new() /> }.into_any());
    let (hint, class) = verdict(&root);
    assert!(hint.contains("Paste the link"), "{hint}");
    assert!(class.contains("verdict--hint"));

    type_into(&root, "https://meet.lync.com/contoso/testuser/1SD8D0WZ").await;
    let (text, class) = verdict(&root);
    assert!(
        text.contains("Online meeting 1SD8D0WZ") || text.contains("meeting 1SD8D0WZ"),
        "{text}"
    );
    assert!(class.contains("verdict--ok"), "{class}");

    type_into(&root, "https://join.contoso.com/meet/john/BW9Z1MJD").await;
    let (text, class) = verdict(&root);
    assert!(text.contains("own Skype for Business Server"), "{text}");
    assert!(class.contains("verdict--error"));

    type_into(
        &root,
        "sip:john@contoso.com;gruu;opaque=app:conf:focus:id:BW9Z1MJD",
    )
    .await;
    assert!(verdict(&root).0.contains("conference address"));

    type_into(&root, "https://meet.lync.com/contoso/testuser").await;
    let (text, _) = verdict(&root);
    assert!(text.contains("cut off"), "{text}");
    let input = root.query_selector("#join-link").expect("query").expect("input");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
}
