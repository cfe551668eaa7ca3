//! The meeting-link field: says at once what kind of link was pasted, or what is wrong.

use leptos::prelude::*;
use protocol::join_link::{self, JoinLink, JoinLinkError, MeetingHosts};

use crate::tr;

/// The verdict on what is in the field, in words for the person who typed it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkVerdict {
    /// The field is empty: a hint, not an error.
    Empty,
    /// A link this app can join.
    Joinable(String),
    /// Not a usable meeting link, and what to do.
    Invalid(String),
}

impl LinkVerdict {
    /// Judges a classification result.
    pub fn of(result: &Result<JoinLink, JoinLinkError>) -> Self {
        let on_premises =
            |meeting_id: &str| Self::Joinable(tr!("link-field-on-premises", meeting_id = meeting_id));
        match result {
            Ok(JoinLink::Online(meeting)) => Self::Joinable(tr!(
                "link-field-joinable",
                meeting_id = meeting.meeting_id.as_str()
            )),
            Ok(JoinLink::OnPremises(meeting)) => on_premises(&meeting.meeting_id),
            Ok(JoinLink::ConferenceUri(uri)) => on_premises(&uri.meeting_id),
            Err(JoinLinkError::Empty) => Self::Empty,
            Err(error) => Self::Invalid(link_error(error)),
        }
    }

    fn message(&self) -> String {
        match self {
            Self::Empty => tr!("link-field-hint"),
            Self::Joinable(text) | Self::Invalid(text) => text.clone(),
        }
    }

    fn class(&self) -> &'static str {
        match self {
            Self::Empty => "verdict verdict--hint",
            Self::Joinable(_) => "verdict verdict--ok",
            Self::Invalid(_) => "verdict verdict--error",
        }
    }
}

/// What is wrong with a link, in the page's language. The protocol crate's `Display` says
/// the same in English; it stays the words for an error the catalogue does not know yet.
fn link_error(error: &JoinLinkError) -> String {
    match error {
        JoinLinkError::TooLong => tr!("link-error-too-long"),
        JoinLinkError::NotALink => tr!("link-error-not-a-link"),
        JoinLinkError::UnsupportedScheme(scheme) => {
            tr!("link-error-unsupported-scheme", scheme = scheme.as_str())
        }
        JoinLinkError::Insecure => tr!("link-error-insecure"),
        JoinLinkError::TeamsLink => tr!("link-error-teams"),
        JoinLinkError::NotAMeetingLink => tr!("link-error-not-a-meeting"),
        JoinLinkError::MissingMeetingId => tr!("link-error-missing-meeting-id"),
        JoinLinkError::NotAConference => tr!("link-error-not-a-conference"),
        JoinLinkError::HasCredentials => tr!("link-error-has-credentials"),
        // `Empty` is the hint, not an error; the enum is `#[non_exhaustive]`.
        other => other.to_string(),
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
    let invalid = move || matches!(verdict.get(), LinkVerdict::Invalid(_));
    view! {
        <div class="field">
            <label for="join-link" class="field__label">{tr!("link-field-label")}</label>
            <input
                id="join-link"
                class="field__input"
                type="url"
                inputmode="url"
                autocomplete="off"
                spellcheck="false"
                placeholder=tr!("link-field-placeholder")
                aria-describedby="join-link-verdict"
                aria-invalid=move || invalid().to_string()
                prop:value=move || text.get()
                on:input:target=move |ev| text.set(ev.target().value())
            />
            <p id="join-link-verdict" class=move || verdict.get().class() role="status" aria-live="polite">
                {move || verdict.get().message()}
            </p>
        </div>
    }
}
