//! In the meeting: the subject, a live participant list, group chat, who is typing, and
//! how to dial in.
//!
//! Message text is always rendered as text: incoming HTML was already reduced to plain
//! text by the protocol crate, and nothing is ever inserted as markup. Only `http` and
//! `https` links in it become links, as elements built here.

use leptos::ev::{KeyboardEvent, SubmitEvent};
use leptos::html;
use leptos::prelude::*;
use protocol::identity::Origin;
use protocol::join::{ChatMessage, Delivery, DialIn, MessageDirection, Person, Phase};
use protocol::text_links::{self, Piece};
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use crate::attention;
use crate::driver::{self, DriverSlot, Snapshot};
use crate::guest::Unread;
use crate::tr;
use crate::ui::{self, ScreenTitle};

/// Longest message the composer takes (the protocol allows the same).
const MAX_MESSAGE: usize = protocol::join::MAX_MESSAGE_CHARS;

/// The meeting.
#[component]
pub fn MeetingScreen(
    /// What the machine shows.
    snapshot: RwSignal<Snapshot>,
    /// The running join.
    driver: DriverSlot,
    /// Unread chat.
    unread: Unread,
    /// Where announcements go.
    announcement: RwSignal<String>,
) -> impl IntoView {
    // Coming back to the tab reads what arrived meanwhile.
    let on_visible = Closure::<dyn Fn()>::new(move || {
        if !attention::page_hidden() {
            unread.count.set(0);
        }
    });
    let _ =
        document().add_event_listener_with_callback("visibilitychange", on_visible.as_ref().unchecked_ref());
    let on_visible = StoredValue::new_local(Some(on_visible));
    on_cleanup(move || {
        on_visible.update_value(|closure| {
            if let Some(closure) = closure.take() {
                let _ = document().remove_event_listener_with_callback(
                    "visibilitychange",
                    closure.as_ref().unchecked_ref(),
                );
            }
        });
    });

    let subject = move || {
        snapshot
            .with(|s| s.subject.clone())
            .unwrap_or_else(|| tr!("meeting-title-fallback"))
    };
    let leaving = move || snapshot.with(|s| s.phase == Phase::Leaving);
    let status = move || {
        if leaving() {
            tr!("meeting-status-leaving")
        } else if snapshot.with(|s| s.reconnecting) {
            tr!("meeting-status-reconnecting")
        } else {
            tr!("meeting-status-in")
        }
    };
    let leave = move |_| {
        driver::act(driver, protocol::join::GuestJoin::leave);
    };
    view! {
        <section class="meeting" aria-labelledby=ui::SCREEN_TITLE>
            <header class="meeting__header">
                <div>
                    <ScreenTitle text=Signal::derive(subject) />
                    <p class="meeting__status" data-testid="status">{status}</p>
                </div>
                <div class="meeting__actions">
                    <ui::NotifyMe label=tr!("meeting-notify-me") />
                    <button type="button" class="button button--danger" data-testid="leave" disabled=leaving on:click=leave>
                        {tr!("meeting-leave")}
                    </button>
                </div>
            </header>
            <Show when=move || snapshot.with(|s| s.reconnecting)>
                <p class="banner" data-testid="reconnecting">
                    {tr!("meeting-reconnecting-banner")}
                </p>
            </Show>
            <div class="meeting__body">
                <Chat snapshot=snapshot driver=driver unread=unread announcement=announcement />
                <div class="meeting__side">
                    <Roster snapshot=snapshot />
                    {move || snapshot.with(|s| s.dial_in.clone()).map(|dial_in| view! { <DialInDetails dial_in=dial_in /> })}
                </div>
            </div>
        </section>
    }
}

/// Who is here, and how many wait in the lobby.
#[component]
fn Roster(snapshot: RwSignal<Snapshot>) -> impl IntoView {
    let in_meeting = move || snapshot.with(|s| s.participants.iter().filter(|p| !p.in_lobby).count() + 1);
    let lobby = move || snapshot.with(|s| s.participants.iter().filter(|p| p.in_lobby).count());
    view! {
        <section class="roster" aria-labelledby="people-title">
            <h2 id="people-title" class="section-title">{move || tr!("roster-title", count = in_meeting())}</h2>
            <Show when=move || { lobby() > 0 }>
                <p class="roster__lobby" data-testid="lobby-count">
                    {move || tr!("roster-lobby-count", count = lobby())}
                </p>
            </Show>
            <ul class="roster__list" data-testid="roster">
                <li class="roster__person">
                    <bdi class="roster__name">{tr!("roster-you")}</bdi>
                    <span class="badge">{tr!("roster-you-badge")}</span>
                </li>
                {move || {
                    snapshot.with(|s| {
                        s.participants.iter().filter(|p| !p.in_lobby).map(roster_entry).collect_view()
                    })
                }}
            </ul>
        </section>
    }
}

/// One person in the roster: their name, what they do in the meeting, and where they come
/// from when that is not the organizer's organisation.
fn roster_entry(person: &Person) -> impl IntoView + use<> {
    let role = person.is_leader.then(|| tr!("roster-organizer"));
    let (origin, account) = match &person.origin {
        Origin::Guest => (Some(tr!("roster-origin-guest")), None),
        Origin::Skype { account } => (Some(tr!("roster-origin-skype")), Some(account.clone())),
        Origin::OtherOrganisation => (Some(tr!("roster-origin-other-organisation")), None),
        Origin::Organisation | Origin::Unknown => (None, None),
    };
    view! {
        <li class="roster__person" data-testid="participant">
            <span class="roster__who">
                <bdi class="roster__name">{person.name.clone()}</bdi>
                {account.map(|account| view! { <bdi class="roster__account" data-testid="account">{account}</bdi> })}
            </span>
            <span class="roster__badges">
                {role.map(|role| view! { <span class="badge">{role}</span> })}
                {origin.map(|origin| view! { <span class="badge badge--origin" data-testid="origin">{origin}</span> })}
            </span>
        </li>
    }
}

/// How to join by phone: the numbers as `tel:` links, and the conference ID to key in.
#[component]
fn DialInDetails(dial_in: DialIn) -> impl IntoView {
    let conference_id = dial_in.conference_id.clone();
    view! {
        <section class="dial-in" aria-labelledby="dial-in-title" data-testid="dial-in">
            <h2 id="dial-in-title" class="section-title">{tr!("dial-in-title")}</h2>
            <ul class="dial-in__numbers">
                {dial_in
                    .numbers
                    .iter()
                    .map(|number| {
                        let region = number.region.clone().unwrap_or_else(|| tr!("dial-in-call"));
                        let region = if number.toll_free {
                            tr!("dial-in-toll-free", region = region.as_str())
                        } else {
                            region
                        };
                        view! {
                            <li>
                                <span class="dial-in__region">{region}</span>
                                " "
                                <a href=number.tel_uri() data-testid="dial-in-number">{number.number.clone()}</a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            {conference_id.map(|id| view! {
                <p class="dial-in__conference">
                    {ui::message_view(&tr!("dial-in-conference-id", id = ui::SLOTS[0]), move |_| {
                        view! { <span data-testid="conference-id">{id.clone()}</span> }.into_any()
                    })}
                </p>
            })}
            {dial_in.directory.map(|url| view! {
                <p><a href=url rel="noopener noreferrer" target="_blank">{tr!("dial-in-more-numbers")}</a></p>
            })}
        </section>
    }
}

/// A message's text, with its web links clickable and everything else as text.
fn message_text(text: &str) -> impl IntoView + use<> {
    text_links::pieces(text)
        .into_iter()
        .map(|piece| match piece {
            Piece::Text(text) => text.into_any(),
            Piece::Link { text, url } => view! {
                <a href=url.to_string() rel="noopener noreferrer" target="_blank" data-testid="message-link">{text}</a>
            }
            .into_any(),
        })
        .collect_view()
}

/// "Sam is typing…", for one, two or more people, each name isolated so that a name in
/// another script cannot reorder the sentence around it.
fn typing_line(names: &[String]) -> AnyView {
    match names {
        [] => ().into_any(),
        [one] => ui::message_view(&tr!("typing-one", name = ui::SLOTS[0]), |_| {
            view! { <bdi>{one.clone()}</bdi> }.into_any()
        }),
        [one, two] => ui::message_view(
            &tr!("typing-two", first = ui::SLOTS[0], second = ui::SLOTS[1]),
            |index| {
                let name = if index == 0 { one } else { two };
                view! { <bdi>{name.clone()}</bdi> }.into_any()
            },
        ),
        _ => tr!("typing-several").into_any(),
    }
}

/// The time of day of `at`, hours and minutes, as the page's language writes times, in
/// the guest's variant of it when the browser has one (12- or 24-hour).
fn local_time(at: protocol::date::Timestamp) -> String {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"hour".into(), &"numeric".into());
    let _ = js_sys::Reflect::set(&options, &"minute".into(), &"2-digit".into());
    let format = js_sys::Intl::DateTimeFormat::new(&crate::config::time_locales(), &options);
    format
        .format()
        .call1(
            &wasm_bindgen::JsValue::NULL,
            &wasm_bindgen::JsValue::from_f64(at.millis() as f64),
        )
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_default()
}

/// The chat log and composer.
#[component]
fn Chat(
    snapshot: RwSignal<Snapshot>,
    driver: DriverSlot,
    unread: Unread,
    announcement: RwSignal<String>,
) -> impl IntoView {
    let draft = RwSignal::new(String::new());
    let log = NodeRef::<html::Ol>::new();
    let ready = move || snapshot.with(|s| s.chat_ready);
    let count = move || snapshot.with(|s| s.messages.len());

    // Keep the newest message in view.
    Effect::new(move |_| {
        count();
        if let Some(log) = log.get() {
            request_animation_frame(move || log.set_scroll_top(log.scroll_height()));
        }
    });

    let send = move || {
        let text = draft.get_untracked().trim().to_owned();
        if text.is_empty() {
            return;
        }
        if driver::act(driver, |m| m.send_message(&text, crate::config::now())).is_some() {
            draft.set(String::new());
            unread.first.set(None);
        } else {
            announcement.set(tr!("announce-send-failed"));
        }
    };
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        send();
    };
    let keydown = move |ev: KeyboardEvent| {
        if ev.key() == "Enter" && !ev.shift_key() && !ev.is_composing() {
            ev.prevent_default();
            send();
        }
    };
    let retry = move |id| {
        driver::act(driver, |m| m.retry_message(id));
    };
    view! {
        <section class="chat" aria-labelledby="chat-title">
            <h2 id="chat-title" class="section-title">{tr!("chat-title")}</h2>
            // A log, as assistive technology expects of a chat; silent, because the status
            // announcer already speaks each new message once.
            <div role="log" aria-labelledby="chat-title" aria-live="off" data-testid="chat-region">
                <ol class="chat__log" node_ref=log aria-label=tr!("chat-log-label") data-testid="chat-log" tabindex="0">
                    <Show when=move || count() == 0>
                        <li class="chat__empty">{tr!("chat-empty")}</li>
                    </Show>
                    <For
                        each=move || snapshot.with(|s| s.messages.clone())
                        key=|m: &ChatMessage| (m.id, m.delivery)
                        children=move |message: ChatMessage| {
                            let id = message.id;
                            let marker = move || unread.first.get() == Some(id);
                            let outgoing = message.direction == MessageDirection::Outgoing;
                            let class = if outgoing { "message message--outgoing" } else { "message message--incoming" };
                            view! {
                                <Show when=marker>
                                    <li class="chat__divider" role="separator" data-testid="unread-marker">{tr!("chat-new-messages")}</li>
                                </Show>
                                <li class=class data-testid="message">
                                    <p class="message__meta">
                                        <bdi class="message__sender">{if outgoing { tr!("chat-sender-you") } else { message.sender.clone() }}</bdi>
                                        " "
                                        <time class="message__time" datetime=message.at.to_iso8601()>{local_time(message.at)}</time>
                                    </p>
                                    <p class="message__text" dir="auto" data-testid="message-text">{message_text(&message.text)}</p>
                                    {outgoing.then(|| match message.delivery {
                                        Delivery::Sending => view! { <p class="message__status">{tr!("chat-sending")}</p> }.into_any(),
                                        Delivery::Sent => view! { <p class="message__status">{tr!("chat-sent")}</p> }.into_any(),
                                        Delivery::Failed => view! {
                                            <p class="message__status message__status--failed">
                                                {tr!("chat-not-sent")}
                                                " "
                                                <button type="button" class="button button--link" data-testid="retry-message" on:click=move |_| retry(id)>
                                                    {tr!("chat-retry")}
                                                </button>
                                            </p>
                                        }.into_any(),
                                        Delivery::Received => ().into_any(),
                                    })}
                                </li>
                            }
                        }
                    />
                </ol>
            </div>
            // Shown, not announced: a screen reader would hear every pause in someone's typing.
            <p class="chat__typing" data-testid="typing">{move || snapshot.with(|s| typing_line(&s.typing))}</p>
            <form class="chat__composer" on:submit=submit>
                <label for="chat-input" class="sr-only">{tr!("chat-input-label")}</label>
                <textarea
                    id="chat-input"
                    class="field__input chat__input"
                    dir="auto"
                    rows="2"
                    maxlength=MAX_MESSAGE
                    placeholder=move || if ready() { tr!("chat-placeholder") } else { tr!("chat-placeholder-connecting") }
                    aria-describedby="chat-help"
                    prop:value=move || draft.get()
                    on:input:target=move |ev| {
                        let text = ev.target().value();
                        if !text.trim().is_empty() {
                            driver::act(driver, |m| m.guest_is_typing(crate::config::now()));
                        }
                        draft.set(text);
                    }
                    on:keydown=keydown
                ></textarea>
                <p id="chat-help" class="sr-only">{tr!("chat-input-help")}</p>
                <button type="submit" class="button button--primary" data-testid="send">{tr!("chat-send")}</button>
            </form>
        </section>
    }
}
