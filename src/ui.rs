//! Small pieces every screen uses: the focusable screen title, the join steps, the
//! notification offer.

use leptos::prelude::*;

use crate::tr;

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

    fn label(self) -> String {
        match self {
            Self::CheckingLink => tr!("step-checking-link"),
            Self::GettingAccess => tr!("step-getting-access"),
            Self::Connecting => tr!("step-connecting"),
            Self::WaitingInLobby => tr!("step-waiting-in-lobby"),
            Self::InMeeting => tr!("step-in-meeting"),
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
        <ol class="steps" aria-label=tr!("steps-label")>
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
                            format!(" {}", tr!("step-done"))
                        } else if step == now {
                            format!(" {}", tr!("step-in-progress"))
                        } else {
                            String::new()
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
    #[prop(into)]
    label: String,
) -> impl IntoView {
    let can_ask = RwSignal::new(crate::attention::can_ask_for_notifications());
    view! {
        <Show when=move || can_ask.get()>
            <button type="button" class="button" data-testid="notify-me" on:click=move |_| {
                crate::attention::ask_for_notifications();
                can_ask.set(false);
            }>{label.clone()}</button>
        </Show>
    }
}

/// Stand-ins for a message's text variables where markup goes in their place (a bold
/// subject, a name in a `<bdi>`, a span a test finds): format the message with them (a
/// variable `= ui::SLOTS[0]` in [`tr!`](crate::tr)), and [`message_view`] puts the markup
/// there, wherever the language places the variable. They are private-use characters,
/// which no message and no translation has.
pub const SLOTS: [&str; 2] = ["\u{E000}", "\u{E001}"];

/// A piece of a message cut at its [`SLOTS`], by [`message_parts`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    /// The message's own words.
    Text(String),
    /// Where `SLOTS[index]` was.
    Slot(usize),
}

/// `message` (formatted with [`SLOTS`] for some of its variables) cut at them, in the
/// language's order. The isolation a right-to-left language puts around a text variable is
/// left out there: the markup in its place isolates it.
pub fn message_parts(message: &str) -> Vec<Part> {
    let mut parts = Vec::new();
    let mut words = String::new();
    let mut after_slot = false;
    for c in message.chars() {
        if let Some(index) = SLOTS.iter().position(|slot| slot.starts_with(c)) {
            if words.ends_with('\u{2068}') {
                words.pop();
            }
            if !words.is_empty() {
                parts.push(Part::Text(std::mem::take(&mut words)));
            }
            parts.push(Part::Slot(index));
            after_slot = true;
        } else {
            if !(after_slot && c == '\u{2069}') {
                words.push(c);
            }
            after_slot = false;
        }
    }
    if !words.is_empty() {
        parts.push(Part::Text(words));
    }
    parts
}

/// `message` (formatted with [`SLOTS`] for some of its variables) as a view, with
/// `slot(index)`'s markup in place of `SLOTS[index]`.
pub fn message_view(message: &str, mut slot: impl FnMut(usize) -> AnyView) -> AnyView {
    message_parts(message)
        .into_iter()
        .map(|part| match part {
            Part::Text(text) => text.into_any(),
            Part::Slot(index) => slot(index),
        })
        .collect_view()
        .into_any()
}

/// The page's language, to change: every language by its own name. Choosing one opens the
/// page again in it; `keep` runs first, to keep what was typed.
#[component]
pub fn LanguageChoice(
    /// Keeps what the guest typed before the page opens again.
    #[prop(optional)]
    keep: Option<Callback<()>>,
) -> impl IntoView {
    let current = crate::i18n::language().tag;
    let options = catalogue::LANGUAGES
        .iter()
        .map(|language| {
            view! {
                <option value=language.tag lang=language.tag selected=language.tag == current>{language.name}</option>
            }
        })
        .collect_view();
    view! {
        <div class="field language-choice">
            <label for="language" class="field__label">{tr!("language-label")}</label>
            <select id="language" class="field__input" data-testid="language" on:change:target=move |ev| {
                if let Some(keep) = keep {
                    keep.run(());
                }
                crate::i18n::switch_to(&ev.target().value());
            }>
                {options}
            </select>
        </div>
    }
}
