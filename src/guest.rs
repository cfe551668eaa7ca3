//! The guest's way in: link → name → steps → lobby → meeting → the page after.
//!
//! The token and the meeting service's discovery are fetched while the guest types their
//! name. The service creates the guest's application with a display name, so that step
//! waits for one: when the name is known ahead (remembered from an earlier visit, or passed
//! by a partner page) the application is created at once and the Join click costs one
//! request; otherwise it is created at the click.

use std::rc::Rc;

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use protocol::date::Timestamp;
use protocol::embed::{Command as EmbedCommand, EndReason, Event as EmbedEvent, Stage as EmbedStage};
use protocol::join::{
    Delivery, Ending, JoinConfig, MessageDirection, MessageId, OnPremisesServer, Phase, Update as JoinUpdate,
};
use protocol::join_link::{self, JoinLink, JoinLinkError, MeetingHosts};

use crate::config::{self, PageConfig};
use crate::driver::{self, Driver, DriverSlot, Snapshot, UpdateListener};
use crate::early::{self, EarlyForm};
use crate::embed::{self, Partner};
use crate::link_field::LinkField;
use crate::parts;
use crate::tr;
use crate::ui::{self, ScreenTitle, Step, Steps};
use crate::{attention, storage, words};

/// The longest display name the form takes.
pub const MAX_NAME: usize = 60;

/// What the client calls itself (UCWA's `userAgent`).
pub const USER_AGENT: &str = concat!("guest-join/", env!("CARGO_PKG_VERSION"), " (web)");

/// Which screen is up.
#[derive(Clone, Debug, PartialEq)]
enum Stage {
    Link,
    Name,
    Joining(Step),
    Lobby { since: Timestamp },
    Meeting,
    Over(Ending),
}

impl Stage {
    /// Screens differ by kind; a new step is not a new screen.
    fn kind(&self) -> u8 {
        match self {
            Self::Link => 0,
            Self::Name => 1,
            Self::Joining(_) => 2,
            Self::Lobby { .. } => 3,
            Self::Meeting => 4,
            Self::Over(_) => 5,
        }
    }
}

/// A meeting the guest can join, and the way in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Meeting {
    /// The link, as the page keeps it (the session id is kept per link).
    pub link: String,
    /// The meeting's code, shown on the name screen.
    pub meeting_id: String,
    /// The server to sign in to, for a meeting on premises; `None` online.
    pub on_premises: Option<OnPremisesServer>,
}

impl Meeting {
    /// The meeting `link` leads to, if this page can join it.
    pub fn of(link: &Result<JoinLink, JoinLinkError>, settings: &config::OnPremises) -> Option<Self> {
        let on_premises =
            |link: &JoinLink| OnPremisesServer::for_link(link, &settings.simple_urls, &settings.roots);
        match link.as_ref().ok()? {
            JoinLink::Online(meeting) => Some(Self {
                link: meeting.url.to_string(),
                meeting_id: meeting.meeting_id.clone(),
                on_premises: None,
            }),
            found @ JoinLink::OnPremises(meeting) => Some(Self {
                link: meeting.url.to_string(),
                meeting_id: meeting.meeting_id.clone(),
                on_premises: Some(on_premises(found)?),
            }),
            found @ JoinLink::ConferenceUri(conference) => Some(Self {
                link: conference.to_string(),
                meeting_id: conference.meeting_id.clone(),
                on_premises: Some(on_premises(found)?),
            }),
        }
    }
}

/// Unread chat, for the title and the "new messages" marker.
#[derive(Clone, Copy, Debug)]
pub struct Unread {
    /// How many arrived while the page was hidden.
    pub count: RwSignal<usize>,
    /// The first of them, where the marker goes.
    pub first: RwSignal<Option<MessageId>>,
}

/// The guest flow.
#[component]
pub fn GuestPage(
    /// The page's settings.
    config: PageConfig,
    /// The listed partner page framing the app, if any.
    partner: Option<Partner>,
    /// What the guest did on the page's early name screen before the app started.
    early: Option<EarlyForm>,
) -> impl IntoView {
    let hosts = config.meeting_hosts.clone();
    let link = RwSignal::new(config.join.clone().unwrap_or_default());
    // A link from the page URL counts as confirmed only if it leads to a meeting; otherwise
    // the guest fixes it first, and nothing is fetched for half-typed links.
    let from_page = config
        .join
        .as_deref()
        .map(|text| join_link::classify(text, &hosts));
    let settings = config.on_premises.clone();
    let confirmed = RwSignal::new(from_page.is_some_and(|link| Meeting::of(&link, &settings).is_some()));
    let meeting = Memo::new({
        let settings = settings.clone();
        move |_| Meeting::of(&join_link::classify(&link.get(), &hosts), &settings)
    });
    let snapshot = RwSignal::new(Snapshot::default());
    let clicked = RwSignal::new(false);
    let attempt = RwSignal::new(0u32);
    let announcement = RwSignal::new(String::new());
    let unread = Unread {
        count: RwSignal::new(0),
        first: RwSignal::new(None),
    };
    // The early form was filled from the same sources, then perhaps edited: it wins.
    let name = RwSignal::new(match &early {
        Some(form) => form.name.clone(),
        None => config
            .name
            .clone()
            .or_else(storage::remembered_name)
            .unwrap_or_default(),
    });
    let early_join = StoredValue::new(early.as_ref().is_some_and(|form| form.join_pressed));
    match &early {
        Some(form) if form.join_pressed => ui::focus_screen_title(),
        Some(form) if form.had_focus => early::refocus_name("display-name"),
        _ => {}
    }
    let driver: DriverSlot = StoredValue::new_local(None);
    let listener = announcer(announcement, unread);
    let (middle_tier, invite) = (config.middle_tier.clone(), config.invite.clone());

    // A confirmed, joinable link gets a driver, which starts fetching access at once.
    Effect::new(move |_| {
        attempt.track();
        let Some(meeting) = meeting.get().filter(|_| confirmed.get()) else {
            driver.set_value(None);
            return;
        };
        let join = JoinConfig {
            middle_tier: middle_tier.clone(),
            application_session_id: storage::session_id(&meeting.link),
            meeting_url: meeting.link,
            invitation: invite.clone(),
            culture: config::culture(),
            user_agent: USER_AGENT.to_owned(),
            operation_prefix: config::random_hex(12),
            on_premises: meeting.on_premises,
        };
        // The meeting screen is fetched now, while the guest types, not when they are let in.
        parts::prefetch_meeting_screen();
        let fresh = Driver::new(join, snapshot, Rc::clone(&listener));
        let typed = name.get_untracked().trim().to_owned();
        let _ = fresh.act(|machine| {
            // A name known ahead lets the application be created with it while the page waits.
            if !typed.is_empty() {
                let _ = machine.set_display_name(&typed);
            }
            machine.prefetch()
        });
        // A Join pressed on the early form, before the app started, is carried out now.
        let join_now = early_join.get_value() && name_problem(&typed).is_none();
        early_join.set_value(false);
        if join_now {
            storage::remember_name(&typed);
            let _ = fresh.act(|machine| machine.join(&typed));
        }
        clicked.set(join_now);
        driver.set_value(Some(fresh));
    });

    // Closing the tab leaves the meeting (and removes an application made ahead of time).
    let _ = window_event_listener_untyped("pagehide", move |_| {
        let _ = driver.try_with_value(|slot| {
            if let Some(driver) = slot {
                driver.leave_as_page_closes();
            }
        });
    });

    // Keep the session id, so a reload rejoins as the same guest.
    Effect::new(move |_| {
        if let (Some(meeting), Some(id)) = (meeting.get(), snapshot.with(|s| s.session_id.clone())) {
            storage::keep_session_id(&meeting.link, &id);
        }
    });

    let stage = Memo::new(move |_| {
        if !confirmed.get() || meeting.with(Option::is_none) {
            return Stage::Link;
        }
        let pressed = clicked.get();
        match snapshot.with(|s| s.phase.clone()) {
            Phase::Idle | Phase::GettingAccess | Phase::Ready if !pressed => Stage::Name,
            Phase::Idle | Phase::GettingAccess | Phase::Ready => Stage::Joining(Step::GettingAccess),
            Phase::Connecting => Stage::Joining(Step::Connecting),
            Phase::Lobby { since } => Stage::Lobby { since },
            Phase::InMeeting { .. } | Phase::Leaving => Stage::Meeting,
            Phase::Over(ending) => Stage::Over(ending),
        }
    });
    let kind = Memo::new(move |_| stage.with(Stage::kind));
    Effect::new(move |previous: Option<u8>| {
        let now = kind.get();
        if previous.is_some_and(|p| p != now) {
            ui::focus_screen_title();
        }
        now
    });

    // The title tells the guest what is going on even in a background tab.
    Effect::new(move |_| {
        let subject = snapshot.with(|s| s.subject.clone());
        let subject = subject.as_deref();
        let title = match stage.get() {
            Stage::Lobby { .. } => match subject {
                Some(subject) => tr!("tab-title-lobby", subject = subject),
                None => tr!("tab-title-lobby-no-subject"),
            },
            Stage::Meeting => match (unread.count.get(), subject) {
                (0, Some(subject)) => tr!("tab-title-meeting", subject = subject),
                (0, None) => tr!("tab-title-meeting-no-subject"),
                (n, Some(subject)) => tr!("tab-title-meeting-unread", count = n, subject = subject),
                (n, None) => tr!("tab-title-meeting-unread-no-subject", count = n),
            },
            Stage::Over(ending) => words::outcome(&ending).title,
            Stage::Joining(_) => match subject {
                Some(subject) => tr!("tab-title-joining", subject = subject),
                None => tr!("tab-title-joining-no-subject"),
            },
            Stage::Link | Stage::Name => attention::base_title(),
        };
        attention::set_title(&title);
    });

    let start_over = move || {
        driver::act(driver, |machine| {
            if matches!(machine.phase(), Phase::Over(_) | Phase::Idle) {
                Ok(())
            } else {
                machine.leave()
            }
        });
        confirmed.set(false);
        clicked.set(false);
    };
    let retry = move || {
        if clicked.get_untracked() {
            driver::act(driver, protocol::join::GuestJoin::rejoin);
        } else {
            attempt.update(|n| *n += 1);
        }
    };
    let leave = move || {
        driver::act(driver, protocol::join::GuestJoin::leave);
    };

    if let Some(partner) = partner {
        tell_partner(&partner, stage, snapshot, unread);
        partner.listen(move |command| match command {
            EmbedCommand::Leave => {
                if matches!(stage.get_untracked(), Stage::Link | Stage::Name) {
                    confirmed.set(false);
                } else {
                    leave();
                }
            }
            EmbedCommand::SetName { name: given } => {
                let given = given.trim().to_owned();
                let usable = !given.is_empty() && given.chars().count() <= MAX_NAME;
                if usable && matches!(stage.get_untracked(), Stage::Link | Stage::Name) {
                    name.set(given.clone());
                    // Known ahead now: the application can be made with it while the page waits.
                    driver::act(driver, move |machine| machine.set_display_name(&given));
                }
            }
            EmbedCommand::FocusChat => ui::focus_by_id("chat-input"),
        });
        partner.tell(EmbedEvent::Ready {
            version: protocol::embed::VERSION,
            capabilities: protocol::embed::CAPABILITIES.map(str::to_owned).to_vec(),
        });
    }

    view! {
        <main class="page">
            {move || match stage.get() {
                Stage::Link => view! { <LinkScreen link=link confirmed=confirmed hosts=config.meeting_hosts.clone() settings=settings.clone() /> }.into_any(),
                Stage::Name => {
                    view! {
                        <NameScreen
                            name=name
                            meeting=meeting
                            snapshot=snapshot
                            on_join=Callback::new(move |typed: String| {
                                storage::remember_name(&typed);
                                clicked.set(true);
                                driver::act(driver, move |machine| machine.join(&typed));
                            })
                            on_change_link=Callback::new(move |()| start_over())
                        />
                    }
                        .into_any()
                }
                Stage::Joining(step) => view! { <JoiningScreen step=step snapshot=snapshot on_cancel=Callback::new(move |()| leave()) /> }.into_any(),
                Stage::Lobby { since } => view! { <LobbyScreen since=since snapshot=snapshot on_leave=Callback::new(move |()| leave()) /> }.into_any(),
                Stage::Meeting => parts::when_fetched(async move {
                    let screen = parts::meeting_screen(snapshot, driver, unread, announcement).await;
                    // Had it still to arrive, the stage's focus found no heading to move to.
                    ui::focus_screen_title();
                    screen
                }),
                Stage::Over(ending) => {
                    view! { <OutcomeScreen ending=ending on_retry=Callback::new(move |()| retry()) on_change_link=Callback::new(move |()| start_over()) /> }.into_any()
                }
            }}
        </main>
        <div class="sr-only" role="status" aria-live="polite" aria-atomic="true" data-testid="announcer">
            {move || announcement.get()}
        </div>
    }
}

/// Tells the partner page the guest's stage, the number of people, unread messages and the
/// page's height, each time one changes.
fn tell_partner(partner: &Partner, stage: Memo<Stage>, snapshot: RwSignal<Snapshot>, unread: Unread) {
    let to = partner.clone();
    Effect::new(move |_| {
        let (stage, reason, error) = match stage.get() {
            Stage::Link => (EmbedStage::Checking, None, None),
            Stage::Name => (EmbedStage::Name, None, None),
            Stage::Joining(_) => (EmbedStage::Joining, None, None),
            Stage::Lobby { .. } => (EmbedStage::Lobby, None, None),
            Stage::Meeting => (EmbedStage::Meeting, None, None),
            Stage::Over(ending) => {
                let (reason, error) = match ending {
                    Ending::Left => (EndReason::Left, None),
                    Ending::Removed => (EndReason::Removed, None),
                    Ending::Denied => (EndReason::Denied, None),
                    Ending::LobbyTimedOut => (EndReason::LobbyTimeout, None),
                    Ending::MeetingEnded => (EndReason::Ended, None),
                    Ending::Failed(failure) => (EndReason::Failed, Some(failure.code().to_owned())),
                };
                (EmbedStage::Ended, Some(reason), error)
            }
        };
        to.tell(EmbedEvent::Stage { stage, reason, error });
    });
    let to = partner.clone();
    let people = Memo::new(move |_| {
        snapshot.with(|s| match s.phase {
            Phase::InMeeting { .. } => s.participants.iter().filter(|p| !p.in_lobby).count() + 1,
            _ => 0,
        })
    });
    Effect::new(move |_| to.tell(EmbedEvent::People { count: people.get() }));
    let to = partner.clone();
    Effect::new(move |_| {
        to.tell(EmbedEvent::Unread {
            count: unread.count.get(),
        })
    });
    let to = partner.clone();
    embed::on_resize(move |height| to.tell(EmbedEvent::Size { height }));
}

/// Turns the machine's updates into spoken announcements, notifications and unread counts.
fn announcer(announcement: RwSignal<String>, unread: Unread) -> UpdateListener {
    Rc::new(move |update: &JoinUpdate, snapshot: &Snapshot| {
        let subject = snapshot.subject.as_deref();
        let text = match update {
            JoinUpdate::Admitted => {
                let body = match subject {
                    Some(subject) => tr!("notify-admitted-body", subject = subject),
                    None => tr!("notify-admitted-body-no-subject"),
                };
                attention::notify(&tr!("notify-admitted-title"), &body);
                Some(tr!("announce-admitted"))
            }
            JoinUpdate::ParticipantJoined(name) => {
                Some(tr!("announce-participant-joined", name = name.as_str()))
            }
            JoinUpdate::ParticipantLeft(name) => Some(tr!("announce-participant-left", name = name.as_str())),
            JoinUpdate::MessageReceived(id) => {
                snapshot.messages.iter().find(|m| m.id == *id).map(|message| {
                    if attention::page_hidden() {
                        unread.count.update(|n| *n += 1);
                        if unread.first.get_untracked().is_none() {
                            unread.first.set(Some(*id));
                        }
                        attention::notify(
                            &tr!("notify-message-title", sender = message.sender.as_str()),
                            &message.text,
                        );
                    }
                    tr!(
                        "announce-message",
                        sender = message.sender.as_str(),
                        text = message.text.as_str()
                    )
                })
            }
            JoinUpdate::DeliveryChanged(id) => snapshot
                .messages
                .iter()
                .find(|m| {
                    m.id == *id && m.direction == MessageDirection::Outgoing && m.delivery == Delivery::Failed
                })
                .map(|_| tr!("announce-message-failed")),
            JoinUpdate::Reconnecting => Some(tr!("announce-reconnecting")),
            JoinUpdate::Reconnected => Some(tr!("announce-reconnected")),
            JoinUpdate::PhaseChanged => match &snapshot.phase {
                Phase::Lobby { .. } => Some(tr!("announce-lobby")),
                Phase::InMeeting { .. } => Some(match subject {
                    Some(subject) => tr!("announce-in-meeting", subject = subject),
                    None => tr!("announce-in-meeting-no-subject"),
                }),
                Phase::Over(ending) => Some(words::outcome(ending).title),
                _ => None,
            },
            // Typing is shown, not spoken: announcing every pause would drown the chat.
            JoinUpdate::SubjectChanged
            | JoinUpdate::RosterChanged
            | JoinUpdate::TypingChanged
            | JoinUpdate::DialInKnown => None,
        };
        if let Some(text) = text {
            announcement.set(text);
        }
    })
}

/// Entering or fixing the meeting link.
#[component]
fn LinkScreen(
    link: RwSignal<String>,
    confirmed: RwSignal<bool>,
    hosts: MeetingHosts,
    settings: config::OnPremises,
) -> impl IntoView {
    let joinable = RwSignal::new(false);
    let initial = link.get_untracked();
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if joinable.get_untracked() {
            confirmed.set(true);
        }
    };
    view! {
        <section class="card" aria-labelledby=ui::SCREEN_TITLE>
            <ScreenTitle text=tr!("link-title") />
            <p class="lead">{tr!("link-lead")}</p>
            <form class="stack" on:submit=submit novalidate>
                <LinkField
                    hosts=hosts
                    initial=initial
                    on_change=Callback::new(move |result: Result<JoinLink, JoinLinkError>| {
                        let meeting = Meeting::of(&result, &settings);
                        joinable.set(meeting.is_some());
                        if let Some(meeting) = meeting {
                            link.set(meeting.link);
                        }
                    })
                />
                <button type="submit" class="button button--primary" data-testid="continue" disabled=move || !joinable.get()>
                    {tr!("link-continue")}
                </button>
            </form>
            <ui::LanguageChoice />
        </section>
    }
}

/// The name, with the meeting's subject when known, and the Join button.
#[component]
fn NameScreen(
    name: RwSignal<String>,
    meeting: Memo<Option<Meeting>>,
    snapshot: RwSignal<Snapshot>,
    on_join: Callback<String>,
    on_change_link: Callback<()>,
) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let typed = name.get_untracked().trim().to_owned();
        error.set(name_problem(&typed));
        if error.with_untracked(Option::is_none) {
            on_join.run(typed);
        }
    };
    let title = move || match snapshot.with(|s| s.subject.clone()) {
        Some(subject) => tr!("name-title-subject", subject = subject.as_str()),
        None => tr!("name-title"),
    };
    let meeting_id = move || meeting.with(|m| m.as_ref().map(|m| m.meeting_id.clone()).unwrap_or_default());
    view! {
        <section class="card" aria-labelledby=ui::SCREEN_TITLE>
            <ScreenTitle text=Signal::derive(title) />
            <p class="muted">
                {ui::message_view(&tr!("name-meeting-id", meeting_id = ui::SLOTS[0]), move |_| {
                    view! { <span data-testid="meeting-id">{meeting_id}</span> }.into_any()
                })}
            </p>
            <form class="stack" on:submit=submit novalidate>
                <div class="field">
                    <label for="display-name" class="field__label">{tr!("name-label")}</label>
                    <input
                        id="display-name"
                        class="field__input"
                        dir="auto"
                        type="text"
                        autocomplete="name"
                        maxlength=MAX_NAME
                        required
                        aria-describedby="display-name-help"
                        aria-invalid=move || error.with(Option::is_some).to_string()
                        prop:value=move || name.get()
                        on:input:target=move |ev| name.set(ev.target().value())
                    />
                    <p id="display-name-help" class=move || if error.with(Option::is_some) { "field__help field__help--error" } else { "field__help" }>
                        {move || error.get().unwrap_or_else(|| tr!("name-help"))}
                    </p>
                </div>
                <button type="submit" class="button button--primary" data-testid="join">{tr!("name-join")}</button>
            </form>
            <button type="button" class="button button--link" on:click=move |_| on_change_link.run(())>{tr!("name-change-link")}</button>
            <ui::LanguageChoice keep=Callback::new(move |()| {
                let typed = name.get_untracked();
                if !typed.trim().is_empty() {
                    storage::remember_name(typed.trim());
                }
            }) />
        </section>
    }
}

/// Why a (trimmed) display name cannot be used, in the guest's words. `index.html`'s early
/// name screen says the first of these too, before the app has loaded.
fn name_problem(name: &str) -> Option<String> {
    if name.is_empty() {
        Some(tr!("name-error-empty"))
    } else if name.chars().count() > MAX_NAME {
        Some(tr!("name-error-too-long", max = MAX_NAME))
    } else {
        None
    }
}

/// The steps, while the join is under way.
#[component]
fn JoiningScreen(step: Step, snapshot: RwSignal<Snapshot>, on_cancel: Callback<()>) -> impl IntoView {
    let title = move || match snapshot.with(|s| s.subject.clone()) {
        Some(subject) => tr!("joining-title-subject", subject = subject.as_str()),
        None => tr!("joining-title"),
    };
    view! {
        <section class="card" aria-labelledby=ui::SCREEN_TITLE aria-busy="true">
            <ScreenTitle text=Signal::derive(title) />
            <Steps current=step />
            <button type="button" class="button" on:click=move |_| on_cancel.run(())>{tr!("joining-cancel")}</button>
        </section>
    }
}

/// Waiting to be let in, with how long it has been.
#[component]
fn LobbyScreen(since: Timestamp, snapshot: RwSignal<Snapshot>, on_leave: Callback<()>) -> impl IntoView {
    let now = RwSignal::new(config::now());
    let ticker = StoredValue::new_local(Some(gloo_timers::callback::Interval::new(1000, move || {
        now.set(config::now())
    })));
    on_cleanup(move || ticker.set_value(None));
    let lead = move || match snapshot.with(|s| s.subject.clone()) {
        Some(subject) => ui::message_view(&tr!("lobby-lead", subject = ui::SLOTS[0]), move |_| {
            view! { <strong><bdi>{subject.clone()}</bdi></strong> }.into_any()
        }),
        None => tr!("lobby-lead-no-subject").into_any(),
    };
    view! {
        <section class="card" aria-labelledby=ui::SCREEN_TITLE>
            <ScreenTitle text=tr!("lobby-title") />
            <Steps current=Step::WaitingInLobby />
            <p class="lead">{lead}</p>
            <p class="lobby__clock">
                {ui::message_view(&tr!("lobby-waiting-for", time = ui::SLOTS[0]), move |_| {
                    view! {
                        <span data-testid="lobby-elapsed" aria-hidden="true">{move || words::clock(now.get().millis_since(since))}</span>
                        <span class="sr-only">{move || words::elapsed(now.get().millis_since(since))}</span>
                    }
                        .into_any()
                })}
            </p>
            // Inside a partner's page only the frame's title would change; the partner page
            // hears of the admission instead.
            <Show when=|| !attention::in_frame()>
                <p class="muted">{tr!("lobby-tab-hint")}</p>
            </Show>
            <ui::NotifyMe label=tr!("lobby-notify-me") />
            <button type="button" class="button" on:click=move |_| on_leave.run(())>{tr!("lobby-leave")}</button>
        </section>
    }
}

/// After: left, ended, removed, denied, or failed, with what to do next.
#[component]
fn OutcomeScreen(ending: Ending, on_retry: Callback<()>, on_change_link: Callback<()>) -> impl IntoView {
    let words = words::outcome(&ending);
    view! {
        <section class="card" aria-labelledby=ui::SCREEN_TITLE data-testid="outcome">
            <ScreenTitle text=words.title />
            <p class="lead">{words.detail}</p>
            <p>{words.next_step}</p>
            <div class="actions">
                {words.retry.map(|label| view! {
                    <button type="button" class="button button--primary" data-testid="retry" on:click=move |_| on_retry.run(())>{label}</button>
                })}
                <button type="button" class="button" on:click=move |_| on_change_link.run(())>{tr!("outcome-change-link")}</button>
            </div>
        </section>
    }
}
