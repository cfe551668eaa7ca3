//! In-browser component tests (headless Chromium via wasm-bindgen-test-runner).

#![cfg(target_arch = "wasm32")]

use guest_join::driver::Snapshot;
use guest_join::guest::Unread;
use guest_join::link_field::LinkField;
use guest_join::meeting::MeetingScreen;
use leptos::prelude::*;
use protocol::date::Timestamp;
use protocol::join::{ChatMessage, Delivery, MessageDirection, MessageId, Person, Phase};
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

fn texts(root: &web_sys::HtmlElement, selector: &str) -> Vec<String> {
    let nodes = root.query_selector_all(selector).expect("query");
    (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .map(|node| node.text_content().unwrap_or_default())
        .collect()
}

fn message(id: u64, direction: MessageDirection, text: &str, delivery: Delivery) -> ChatMessage {
    ChatMessage {
        id: MessageId(id),
        direction,
        sender: "Sam (Advisor)".to_owned(),
        text: text.to_owned(),
        at: Timestamp::from_secs(1_700_000_000),
        delivery,
    }
}

fn person(name: &str, is_leader: bool, in_lobby: bool) -> Person {
    Person {
        name: name.to_owned(),
        is_leader,
        is_guest: !is_leader,
        in_lobby,
    }
}

#[wasm_bindgen_test]
async fn the_meeting_shows_people_chat_states_and_markup_as_text() {
    let snapshot = RwSignal::new(Snapshot {
        phase: Phase::InMeeting {
            since: Timestamp::from_secs(1_700_000_000),
        },
        subject: Some("Mortgage advice".to_owned()),
        participants: vec![
            person("Sam (Advisor)", true, false),
            person("Bob", false, true),
            person("Eve", false, true),
        ],
        messages: vec![
            message(
                1,
                MessageDirection::Incoming,
                "<img src=x onerror=alert(1)>",
                Delivery::Received,
            ),
            message(2, MessageDirection::Outgoing, "on its way", Delivery::Sending),
            message(3, MessageDirection::Outgoing, "arrived", Delivery::Sent),
            message(4, MessageDirection::Outgoing, "lost", Delivery::Failed),
        ],
        chat_ready: true,
        ..Snapshot::default()
    });
    let unread = Unread {
        count: RwSignal::new(0),
        first: RwSignal::new(None),
    };
    let (root, _handle) = mount(move || {
        view! {
            <MeetingScreen
                snapshot=snapshot
                driver=StoredValue::new_local(None)
                unread=unread
                announcement=RwSignal::new(String::new())
            />
        }
        .into_any()
    });

    assert_eq!(texts(&root, "#screen-title"), ["Mortgage advice"]);
    assert_eq!(
        texts(&root, "#people-title"),
        ["People (2)"],
        "you and Sam; the lobby apart"
    );
    assert_eq!(
        texts(&root, "[data-testid=lobby-count]"),
        ["2 people are waiting in the lobby"]
    );
    assert_eq!(
        texts(&root, "[data-testid=message-text]"),
        ["<img src=x onerror=alert(1)>", "on its way", "arrived", "lost"]
    );
    assert!(
        root.query_selector("img").expect("query").is_none(),
        "markup is never inserted"
    );
    assert_eq!(
        texts(&root, ".message__status"),
        ["Sending…", "Sent", "Not sent. Try again"]
    );
    assert_eq!(texts(&root, "[data-testid=retry-message]"), ["Try again"]);
    assert!(texts(&root, "[data-testid=reconnecting]").is_empty());

    snapshot.update(|s| s.reconnecting = true);
    leptos::task::tick().await;
    assert_eq!(texts(&root, "[data-testid=status]"), ["Reconnecting…"]);
    assert_eq!(texts(&root, "[data-testid=reconnecting]").len(), 1);
}
