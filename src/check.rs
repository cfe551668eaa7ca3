//! The staff link check (`?check`): does this link work, from this website, before it goes
//! out? It runs the same steps a guest's browser would — a guest token from the middle
//! tier, the meeting service's discover (on premises: the sign-in to the company's own
//! server instead of both), a guest application — and reports each with its time; a failed step says in staff terms what failed and what to do, with the request id.
//! "Copy report" gives the same as plain text for a ticket. Nobody joins the meeting unless
//! staff ask the check to, as a visible "Link check" participant who leaves at once.

use std::rc::Rc;

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use protocol::check::{CheckReport, Context, Entered, Outcome, Run, Verdict};
use protocol::date::Timestamp;
use protocol::join::{JoinConfig, Phase};
use protocol::join_link::{self, JoinLink, JoinLinkError};

use crate::config::{self, PageConfig};
use crate::driver::{self, Driver, DriverSlot, Snapshot};
use crate::guest::Meeting;
use crate::i18n::PageWords;
use crate::link_field::LinkField;
use crate::tr;
use crate::ui::{self, ScreenTitle};

/// The name the check joins under, when it joins.
fn check_name() -> String {
    tr!("check-participant-name")
}

/// One check run, as the page follows it.
#[derive(Clone, Debug, PartialEq)]
struct Running {
    meeting: Meeting,
    started: Timestamp,
    joins: bool,
    entered: Option<(Entered, Timestamp)>,
}

/// The link check page.
#[component]
pub fn LinkCheckPage(
    /// The page's settings.
    config: PageConfig,
) -> impl IntoView {
    let link = RwSignal::new(config.join.clone().unwrap_or_default());
    let joins = RwSignal::new(false);
    let snapshot = RwSignal::new(Snapshot::default());
    let driver: DriverSlot = StoredValue::new_local(None);
    let running = RwSignal::new(None::<Running>);
    let copied = RwSignal::new(None::<String>);
    let hosts = config.meeting_hosts.clone();
    let hosts_for_check = hosts.clone();
    let on_premises = config.on_premises.clone();
    let on_premises_for_field = on_premises.clone();
    let middle_tier = config.middle_tier.clone();
    let invite = config.invite.clone();
    let context = Context {
        origin: window().location().origin().unwrap_or_default(),
        in_browser: true,
        client: window().navigator().user_agent().unwrap_or_default(),
    };

    // Once the steps are done, leave: remove the application (and the visible participant,
    // when the check joined), so nothing lingers in the service.
    Effect::new(move |_| {
        let phase = snapshot.with(|s| s.phase.clone());
        let Some(run) = running.get_untracked() else {
            return;
        };
        let entered = match phase {
            Phase::Lobby { since } => Some((Entered::Lobby, since)),
            Phase::InMeeting { since } => Some((Entered::Meeting, since)),
            _ => None,
        };
        if run.joins && entered.is_some() && run.entered.is_none() {
            running.set(Some(Running { entered, ..run }));
            driver::act(driver, protocol::join::GuestJoin::leave);
        } else if !run.joins && phase == Phase::Ready {
            driver::act(driver, protocol::join::GuestJoin::leave);
        }
    });

    let check = move |ev: SubmitEvent| {
        ev.prevent_default();
        snapshot.set(Snapshot::default());
        copied.set(None);
        let classified = join_link::classify(&link.get_untracked(), &hosts_for_check);
        let Some(meeting) = Meeting::of(&classified, &on_premises) else {
            running.set(None);
            driver.set_value(None);
            return;
        };
        let join = JoinConfig {
            middle_tier: middle_tier.clone(),
            meeting_url: meeting.link.clone(),
            invitation: invite.clone(),
            application_session_id: None,
            culture: config::culture(),
            user_agent: crate::guest::USER_AGENT.to_owned(),
            operation_prefix: config::random_hex(12),
            on_premises: meeting.on_premises.clone(),
        };
        let joining = joins.get_untracked();
        running.set(Some(Running {
            meeting,
            started: config::now(),
            joins: joining,
            entered: None,
        }));
        let fresh = Driver::new(join, snapshot, Rc::new(|_, _| {}));
        let name = check_name();
        let _ = fresh.act(|machine| {
            if joining {
                machine.join(&name)
            } else {
                machine.set_display_name(&name)?;
                machine.prefetch()
            }
        });
        driver.set_value(Some(fresh));
    };

    let report = Memo::new(move |_| {
        let run = running.get()?;
        snapshot.with(|s| {
            let ending = match &s.phase {
                Phase::Over(ending) => Some(ending.clone()),
                _ => None,
            };
            let run_view = Run {
                exchanges: s.exchanges.iter().collect(),
                started: run.started,
                joins: run.joins,
                entered: run.entered,
                ending,
                on_premises: run.meeting.on_premises.is_some(),
            };
            let meeting = &run.meeting;
            Some(CheckReport::new(
                &meeting.link,
                &meeting.meeting_id,
                &context,
                &run_view,
                &PageWords,
            ))
        })
    });

    let copy = move |_| {
        let Some(text) = report.with_untracked(|r| r.as_ref().map(|r| r.to_text(&PageWords))) else {
            return;
        };
        let clipboard = window().navigator().clipboard();
        let promise = clipboard.write_text(&text);
        leptos::task::spawn_local(async move {
            let done = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            copied.set(Some(if done {
                tr!("check-copied")
            } else {
                tr!("check-copy-failed")
            }));
        });
    };

    view! {
        <main class="page">
            <section class="card" aria-labelledby=ui::SCREEN_TITLE>
                <ScreenTitle text=tr!("check-title") />
                <p class="lead">{tr!("check-lead")}</p>
                <form class="stack" on:submit=check novalidate>
                    <LinkField hosts=hosts initial=link.get_untracked() on_change=Callback::new(move |result: Result<JoinLink, JoinLinkError>| {
                        link.set(Meeting::of(&result, &on_premises_for_field).map(|m| m.link).unwrap_or_default());
                    }) />
                    <div class="field field--checkbox">
                        <input
                            id="check-joins"
                            type="checkbox"
                            data-testid="check-joins"
                            prop:checked=move || joins.get()
                            on:change:target=move |ev| joins.set(ev.target().checked())
                        />
                        <label for="check-joins">
                            {tr!("check-joins-label", name = check_name().as_str())}
                        </label>
                    </div>
                    <button type="submit" class="button button--primary" data-testid="check">{tr!("check-submit")}</button>
                </form>
                <p class="muted">
                    {move || if joins.get() {
                        tr!("check-joins-note", name = check_name().as_str())
                    } else {
                        tr!("check-no-join-note")
                    }}
                </p>
                <ol class="check" aria-label=tr!("check-results-label") aria-live="polite" data-testid="check-results">
                    {move || report.with(|r| r.as_ref().map(|r| r.steps.clone()).unwrap_or_default()).into_iter().map(|step| {
                        let (class, state) = match (step.outcome, step.took_ms) {
                            (Outcome::NotRun, _) => ("check__row", tr!("check-state-not-checked")),
                            (Outcome::Running, _) => ("check__row check__row--running", tr!("check-state-checking")),
                            (Outcome::Passed, Some(ms)) => ("check__row check__row--passed", tr!("check-state-passed-in", ms = ms)),
                            (Outcome::Passed, None) => ("check__row check__row--passed", tr!("check-state-passed")),
                            (Outcome::Failed, _) => ("check__row check__row--failed", tr!("check-state-failed")),
                        };
                        let details = step.detail_lines(&PageWords);
                        view! {
                            <li class=class data-testid="check-step">
                                <div class="check__line"><span>{step.step.title(&PageWords)}</span> <span class="check__state">{state}</span></div>
                                {(!details.is_empty()).then(|| view! {
                                    <ul class="check__details" data-testid="check-details">
                                        {details.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                                    </ul>
                                })}
                            </li>
                        }
                    }).collect_view()}
                </ol>
                {move || report.with(|r| r.as_ref().map(CheckReport::verdict)).and_then(|verdict| {
                    let (ok, text) = match verdict {
                        Verdict::Works => (true, tr!("check-verdict-works")),
                        Verdict::Fails => (false, tr!("check-verdict-fails")),
                        Verdict::Running => return None,
                    };
                    Some(view! {
                        <div class=if ok { "verdict-box verdict-box--ok" } else { "verdict-box verdict-box--error" } role="status" data-testid="check-verdict">
                            <p>{text}</p>
                        </div>
                        <div class="actions">
                            <button type="button" class="button" data-testid="copy-report" on:click=copy>{tr!("check-copy-report")}</button>
                        </div>
                        <p class="muted" role="status" data-testid="copy-status">{move || copied.get().unwrap_or_default()}</p>
                        <details class="check__report">
                            <summary>{tr!("check-show-report")}</summary>
                            <pre data-testid="report-text">{move || report.with(|r| r.as_ref().map(|r| r.to_text(&PageWords)).unwrap_or_default())}</pre>
                        </details>
                    })
                })}
            </section>
        </main>
    }
}
