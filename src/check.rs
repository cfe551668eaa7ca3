//! The staff link check (`?check`): does this link work, from this website, before it goes
//! out? It runs the same steps a guest's browser would — a guest token from the middle
//! tier, the meeting service's discover, a guest application — reports each with its time,
//! then removes the application. Nobody joins the meeting.

use std::rc::Rc;

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use protocol::join::{Ending, JoinConfig, Phase};
use protocol::join_link::{self, JoinLink, JoinLinkError};

use crate::config::{self, PageConfig};
use crate::driver::{self, Driver, DriverSlot, Snapshot};
use crate::link_field::LinkField;
use crate::ui::{self, ScreenTitle};
use crate::words;

/// One row of the report.
#[derive(Clone, Debug, PartialEq)]
struct Row {
    what: &'static str,
    state: RowState,
}

#[derive(Clone, Debug, PartialEq)]
enum RowState {
    Waiting,
    Running,
    Passed(i64),
    Failed,
}

const STEPS: [&str; 4] = [
    "The link is a Skype for Business Online meeting link",
    "This service hands out guest access for the meeting",
    "The meeting service accepts guests from this website",
    "A guest can be set up in the meeting service",
];

/// The link check page.
#[component]
pub fn LinkCheckPage(
    /// The page's settings.
    config: PageConfig,
) -> impl IntoView {
    let link = RwSignal::new(config.join.clone().unwrap_or_default());
    let snapshot = RwSignal::new(Snapshot::default());
    let driver: DriverSlot = StoredValue::new_local(None);
    let started = RwSignal::new(None::<protocol::date::Timestamp>);
    let times = RwSignal::new([None::<i64>; 3]);
    let hosts = config.meeting_hosts.clone();
    let hosts_for_check = hosts.clone();
    let middle_tier = config.middle_tier.clone();
    let invite = config.invite.clone();

    // Note when each milestone is reached.
    Effect::new(move |_| {
        let milestones = snapshot.with(|s| s.milestones);
        let Some(start) = started.get_untracked() else {
            return;
        };
        let elapsed = config::now().millis_since(start);
        times.update(|t| {
            for (slot, reached) in
                t.iter_mut()
                    .zip([milestones.token, milestones.discovered, milestones.application])
            {
                if reached && slot.is_none() {
                    *slot = Some(elapsed);
                }
            }
        });
        // Done: remove the application, so nobody lingers in the service.
        if snapshot.with(|s| s.phase == Phase::Ready) {
            driver::act(driver, protocol::join::GuestJoin::leave);
        }
    });

    let check = move |ev: SubmitEvent| {
        ev.prevent_default();
        times.set([None; 3]);
        snapshot.set(Snapshot::default());
        let Ok(JoinLink::Online(meeting)) = join_link::classify(&link.get_untracked(), &hosts_for_check)
        else {
            started.set(None);
            driver.set_value(None);
            return;
        };
        started.set(Some(config::now()));
        let join = JoinConfig {
            middle_tier: middle_tier.clone(),
            meeting_url: meeting.url.to_string(),
            invitation: invite.clone(),
            application_session_id: None,
            culture: config::culture(),
            user_agent: crate::guest::USER_AGENT.to_owned(),
            operation_prefix: config::random_hex(12),
        };
        let fresh = Driver::new(join, snapshot, Rc::new(|_, _| {}));
        let _ = fresh.act(|machine| {
            machine.set_display_name("Link check")?;
            machine.prefetch()
        });
        driver.set_value(Some(fresh));
    };

    let rows = move || {
        let Some(_) = started.get() else {
            return Vec::new();
        };
        let t = times.get();
        let failed = snapshot.with(|s| matches!(s.phase, Phase::Over(Ending::Failed(_))));
        let mut rows = vec![Row {
            what: STEPS[0],
            state: RowState::Passed(0),
        }];
        let mut previous = 0;
        let mut blocked = false;
        for (i, time) in t.iter().enumerate() {
            let state = match (time, blocked) {
                (Some(at), _) => {
                    let took = at - previous;
                    previous = *at;
                    RowState::Passed(took)
                }
                (None, true) => RowState::Waiting,
                (None, false) => {
                    blocked = true;
                    if failed {
                        RowState::Failed
                    } else {
                        RowState::Running
                    }
                }
            };
            rows.push(Row {
                what: STEPS[i + 1],
                state,
            });
        }
        rows
    };
    let verdict = move || {
        started.get()?;
        match snapshot.with(|s| s.phase.clone()) {
            Phase::Ready | Phase::Leaving | Phase::Over(Ending::Left) if times.get()[2].is_some() => Some((
                true,
                "This link works. Guests can join from this website.".to_owned(),
                String::new(),
            )),
            Phase::Over(ending @ Ending::Failed(_)) => {
                let words = words::outcome(&ending);
                Some((
                    false,
                    format!("{}. {}", words.title, words.detail),
                    words.next_step.into_owned(),
                ))
            }
            _ => None,
        }
    };

    view! {
        <main class="page">
            <section class="card" aria-labelledby=ui::SCREEN_TITLE>
                <ScreenTitle text="Check a meeting link" />
                <p class="lead">"Before you send a link to a customer, check that a guest can join with it from this website. Nobody joins the meeting."</p>
                <form class="stack" on:submit=check novalidate>
                    <LinkField hosts=hosts initial=link.get_untracked() on_change=Callback::new(move |result: Result<JoinLink, JoinLinkError>| {
                        if let Ok(JoinLink::Online(meeting)) = result {
                            link.set(meeting.url.to_string());
                        } else {
                            link.set(String::new());
                        }
                    }) />
                    <button type="submit" class="button button--primary" data-testid="check">"Check link"</button>
                </form>
                <ol class="check" aria-label="Check results" aria-live="polite" data-testid="check-results">
                    {move || rows().into_iter().map(|row| {
                        let (class, state) = match row.state {
                            RowState::Waiting => ("check__row", "Not checked".to_owned()),
                            RowState::Running => ("check__row check__row--running", "Checking…".to_owned()),
                            RowState::Passed(ms) => ("check__row check__row--passed", format!("Passed in {ms} ms")),
                            RowState::Failed => ("check__row check__row--failed", "Failed".to_owned()),
                        };
                        view! { <li class=class><span>{row.what}</span> <span class="check__state">{state}</span></li> }
                    }).collect_view()}
                </ol>
                {move || verdict().map(|(ok, text, next)| view! {
                    <div class=if ok { "verdict-box verdict-box--ok" } else { "verdict-box verdict-box--error" } role="status" data-testid="check-verdict">
                        <p>{text}</p>
                        {(!next.is_empty()).then(|| view! { <p>{next}</p> })}
                    </div>
                })}
            </section>
        </main>
    }
}
