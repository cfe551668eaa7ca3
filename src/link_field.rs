//! The meeting-link field: says at once what kind of link was pasted, or what is wrong.

use leptos::prelude::*;
use protocol::join_link::{self, JoinLink, JoinLinkError, MeetingHosts};

/// The verdict on what is in the field, in words for the person who typed it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkVerdict {
    /// The field is empty: a hint, not an error.
    Empty,
    /// A link this app can join.
    Joinable(String),
    /// A meeting link this app cannot join, and why.
    NotJoinable(String),
    /// Not a usable meeting link, and what to do.
    Invalid(String),
}

impl LinkVerdict {
    /// Judges a classification result.
    pub fn of(result: &Result<JoinLink, JoinLinkError>) -> Self {
        match result {
            Ok(JoinLink::Online(meeting)) => Self::Joinable(format!(
                "Skype for Business Online meeting {}. You can join it as a guest.",
                meeting.meeting_id
            )),
            Ok(JoinLink::OnPremises(meeting)) => Self::NotJoinable(format!(
                "This is a meeting ({}) on a company's own Skype for Business Server. This page joins \
                 Skype for Business Online meetings only: open the link directly in your browser, or \
                 ask the organizer for an online meeting link.",
                meeting.meeting_id
            )),
            Ok(JoinLink::ConferenceUri(uri)) => Self::NotJoinable(format!(
                "This is a meeting's conference address ({}), not a join link. Ask the organizer for \
                 the https:// link to the meeting.",
                uri.meeting_id
            )),
            Err(JoinLinkError::Empty) => Self::Empty,
            Err(error) => Self::Invalid(error.to_string()),
        }
    }

    fn message(&self) -> &str {
        match self {
            Self::Empty => "Paste the link from your meeting invitation.",
            Self::Joinable(text) | Self::NotJoinable(text) | Self::Invalid(text) => text,
        }
    }

    fn class(&self) -> &'static str {
        match self {
            Self::Empty => "verdict verdict--hint",
            Self::Joinable(_) => "verdict verdict--ok",
            Self::NotJoinable(_) | Self::Invalid(_) => "verdict verdict--error",
        }
    }
}

/// A labelled field for the meeting link, with a live verdict read out to screen readers.
#[component]
pub fn LinkField(
    /// Hosts that serve online join links besides the public ones.
    hosts: MeetingHosts,
    /// The link to start with (from the page URL, say).
    #[prop(optional, into)]
    initial: String,
    /// Told the classification whenever the text changes.
    #[prop(optional, into)]
    on_change: Option<Callback<Result<JoinLink, JoinLinkError>>>,
) -> impl IntoView {
    let text = RwSignal::new(initial);
    let result = Memo::new(move |_| join_link::classify(&text.get(), &hosts));
    let verdict = Memo::new(move |_| LinkVerdict::of(&result.get()));
    Effect::new(move |_| {
        let result = result.get();
        if let Some(on_change) = on_change {
            on_change.run(result);
        }
    });
    let invalid = move || {
        matches!(
            verdict.get(),
            LinkVerdict::Invalid(_) | LinkVerdict::NotJoinable(_)
        )
    };
    view! {
        <div class="field">
            <label for="join-link" class="field__label">"Meeting link"</label>
            <input
                id="join-link"
                class="field__input"
                type="url"
                inputmode="url"
                autocomplete="off"
                spellcheck="false"
                placeholder="https://meet.lync.com/…"
                aria-describedby="join-link-verdict"
                aria-invalid=move || invalid().to_string()
                prop:value=move || text.get()
                on:input:target=move |ev| text.set(ev.target().value())
            />
            <p id="join-link-verdict" class=move || verdict.get().class() role="status" aria-live="polite">
                {move || verdict.get().message().to_owned()}
            </p>
        </div>
    }
}
