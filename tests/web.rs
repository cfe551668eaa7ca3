//! In-browser component tests (headless Chromium via wasm-bindgen-test-runner).

#![cfg(target_arch = "wasm32")]

use guest_join::driver::Snapshot;
use guest_join::guest::Unread;
use guest_join::link_field::LinkField;
use guest_join::meeting::MeetingScreen;
use leptos::prelude::*;
use protocol::date::Timestamp;
use protocol::identity::Origin;
use protocol::join::{
    ChatMessage, Delivery, DialIn, MessageDirection, MessageId, Person, Phase, PhoneNumber,
};
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

    // A company's own server's simple URL, and the same meeting's conference address.
    type_into(&root, "https://join.contoso.com/meet/john/BW9Z1MJD").await;
    let (text, class) = verdict(&root);
    assert!(
        text.contains("Skype for Business Server meeting BW9Z1MJD"),
        "{text}"
    );
    assert!(class.contains("verdict--ok"), "{class}");

    type_into(
        &root,
        "sip:john@contoso.com;gruu;opaque=app:conf:focus:id:BW9Z1MJD",
    )
    .await;
    let (text, class) = verdict(&root);
    assert!(
        text.contains("Skype for Business Server meeting BW9Z1MJD"),
        "{text}"
    );
    assert!(class.contains("verdict--ok"), "{class}");

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
        origin: if is_leader {
            Origin::Organisation
        } else {
            Origin::Guest
        },
        in_lobby,
    }
}

/// The meeting screen showing `snapshot`, with no join running behind it.
fn mount_meeting(snapshot: RwSignal<Snapshot>) -> (web_sys::HtmlElement, impl Drop) {
    let unread = Unread {
        count: RwSignal::new(0),
        first: RwSignal::new(None),
    };
    mount(move || {
        view! {
            <MeetingScreen
                snapshot=snapshot
                driver=StoredValue::new_local(None)
                unread=unread
                announcement=RwSignal::new(String::new())
            />
        }
        .into_any()
    })
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
    let (root, _handle) = mount_meeting(snapshot);

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

#[wasm_bindgen_test]
async fn the_meeting_shows_links_typing_origins_and_dial_in() {
    let snapshot = RwSignal::new(Snapshot {
        phase: Phase::InMeeting {
            since: Timestamp::from_secs(1_700_000_000),
        },
        participants: vec![
            Person {
                name: "Jo".to_owned(),
                is_leader: false,
                origin: Origin::Skype {
                    account: "jo@example.com".to_owned(),
                },
                in_lobby: false,
            },
            Person {
                name: "Fay".to_owned(),
                is_leader: true,
                origin: Origin::OtherOrganisation,
                in_lobby: false,
            },
        ],
        messages: vec![message(
            1,
            MessageDirection::Incoming,
            "See https://example.com/a_(b). Not javascript:alert(1)",
            Delivery::Received,
        )],
        typing: vec!["Sam".to_owned(), "Jo".to_owned()],
        dial_in: Some(DialIn {
            conference_id: Some("51930482".to_owned()),
            numbers: vec![PhoneNumber {
                region: Some("Seattle".to_owned()),
                number: "+12065550123".to_owned(),
                toll_free: true,
            }],
            directory: None,
        }),
        chat_ready: true,
        ..Snapshot::default()
    });
    let (root, _handle) = mount_meeting(snapshot);

    let links = root.query_selector_all(".message__text a").expect("query");
    assert_eq!(links.length(), 1, "only the web link is a link");
    let link: web_sys::Element = links.item(0).expect("link").dyn_into().expect("element");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://example.com/a_(b)")
    );
    assert_eq!(link.get_attribute("rel").as_deref(), Some("noopener noreferrer"));
    assert_eq!(link.get_attribute("target").as_deref(), Some("_blank"));
    assert_eq!(
        texts(&root, "[data-testid=message-text]"),
        ["See https://example.com/a_(b). Not javascript:alert(1)"]
    );
    assert_eq!(texts(&root, "[data-testid=typing]"), ["Sam and Jo are typing…"]);
    // Names and messages may be in another script than the page: each is isolated.
    assert_eq!(
        root.query_selector_all("[data-testid=typing] bdi")
            .expect("query")
            .length(),
        2
    );
    assert_eq!(
        root.query_selector_all("bdi.roster__name")
            .expect("query")
            .length(),
        3,
        "you and the two others"
    );
    let text = root
        .query_selector("[data-testid=message-text]")
        .expect("query")
        .expect("a message");
    assert_eq!(text.get_attribute("dir").as_deref(), Some("auto"));
    assert_eq!(texts(&root, "[data-testid=account]"), ["jo@example.com"]);
    assert_eq!(
        texts(&root, "[data-testid=origin]"),
        ["Skype", "Guest from another organisation"]
    );
    assert_eq!(texts(&root, "[data-testid=conference-id]"), ["51930482"]);
    let number: web_sys::Element = root
        .query_selector("[data-testid=dial-in-number]")
        .expect("query")
        .expect("a number");
    assert_eq!(number.get_attribute("href").as_deref(), Some("tel:+12065550123"));
    assert_eq!(texts(&root, ".dial-in__region"), ["Seattle (free)"]);

    snapshot.update(|s| s.typing = vec!["A".into(), "B".into(), "C".into()]);
    leptos::task::tick().await;
    assert_eq!(
        texts(&root, "[data-testid=typing]"),
        ["Several people are typing…"]
    );
    snapshot.update(|s| s.typing.clear());
    leptos::task::tick().await;
    assert_eq!(texts(&root, "[data-testid=typing]"), [""]);
}
