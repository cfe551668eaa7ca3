//! Small pieces every screen uses: the focusable screen title, the join steps, the
//! notification offer.

use leptos::prelude::*;

/// The id of each screen's heading; focus moves there when the screen changes, so keyboard
/// and screen-reader users land on what changed.
pub const SCREEN_TITLE: &str = "screen-title";

/// Moves focus to the screen heading once it is rendered.
pub fn focus_screen_title() {
    request_animation_frame(|| {
        if let Some(title) = document().get_element_by_id(SCREEN_TITLE)
            && let Ok(title) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(title)
        {
            let _ = title.focus();
        }
    });
}

/// Moves focus to the element with `id`, if it is on the page.
pub fn focus_by_id(id: &str) {
    if let Some(element) = document().get_element_by_id(id)
        && let Ok(element) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element)
    {
        let _ = element.focus();
    }
}

/// A screen's heading.
#[component]
pub fn ScreenTitle(
    /// The text.
    #[prop(into)]
    text: Signal<String>,
) -> impl IntoView {
    view! { <h1 id=SCREEN_TITLE class="screen__title" tabindex="-1">{move || text.get()}</h1> }
}

/// The visible steps of a join.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Step {
    /// The link is being checked.
    CheckingLink,
    /// The guest token is being fetched.
    GettingAccess,
    /// The application and the join.
    Connecting,
    /// Waiting in the lobby.
    WaitingInLobby,
    /// In.
    InMeeting,
}

impl Step {
    const ALL: [Self; 5] = [
        Self::CheckingLink,
        Self::GettingAccess,
        Self::Connecting,
        Self::WaitingInLobby,
        Self::InMeeting,
    ];

    fn label(self) -> &'static str {
        match self {
            Self::CheckingLink => "Checking the link",
            Self::GettingAccess => "Getting access",
            Self::Connecting => "Connecting",
            Self::WaitingInLobby => "Waiting in the lobby",
            Self::InMeeting => "In the meeting",
        }
    }
}

/// The join steps, with the current one marked (`aria-current="step"`).
#[component]
pub fn Steps(
    /// The step under way.
    #[prop(into)]
    current: Signal<Step>,
) -> impl IntoView {
    view! {
        <ol class="steps" aria-label="Joining progress">
            {Step::ALL
                .into_iter()
                .map(|step| {
                    let state = move || {
                        let now = current.get();
                        if step < now {
                            "steps__item steps__item--done"
                        } else if step == now {
                            "steps__item steps__item--current"
                        } else {
                            "steps__item"
                        }
                    };
                    let aria_current = move || (current.get() == step).then_some("step");
                    let suffix = move || {
                        let now = current.get();
                        if step < now {
                            " (done)"
                        } else if step == now {
                            " (in progress)"
                        } else {
                            ""
                        }
                    };
                    view! {
                        <li class=state aria-current=aria_current>
                            {step.label()}
                            <span class="sr-only">{suffix}</span>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}

/// Offers system notifications, where the browser can still be asked (not already decided,
/// and not inside another site's frame); gone once clicked.
#[component]
pub fn NotifyMe(
    /// What the button says.
    label: &'static str,
) -> impl IntoView {
    let can_ask = RwSignal::new(crate::attention::can_ask_for_notifications());
    view! {
        <Show when=move || can_ask.get()>
            <button type="button" class="button" data-testid="notify-me" on:click=move |_| {
                crate::attention::ask_for_notifications();
                can_ask.set(false);
            }>{label}</button>
        </Show>
    }
}
