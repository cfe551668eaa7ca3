//! What the control API and tests see of the state: owned, serialisable views of
//! meetings, the people in them, and guests' applications.

use protocol::taapi::AccessLevel;
use serde::Serialize;

use crate::channel::EventChannel;
use crate::model::{ChatLine, Meeting, Network, Person, Presence};
use crate::state::State;

/// A person in a meeting, as the control API shows them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PersonView {
    /// Their id in the meeting (`user@domain`).
    pub id: String,
    /// Display name.
    pub name: String,
    /// Organizer or presenter.
    pub leader: bool,
    /// An anonymous guest.
    pub guest: bool,
    /// Lobby or meeting.
    pub presence: Presence,
    /// A guest's application id.
    pub application: Option<String>,
}

impl PersonView {
    fn of(person: &Person) -> Self {
        Self {
            id: person.id.clone(),
            name: person.name.clone(),
            leader: person.leader,
            guest: person.network == Network::Guest,
            presence: person.presence,
            application: person.app.clone(),
        }
    }
}

/// A meeting with who is there and its chat, as the control API shows it.
#[derive(Clone, Debug, Serialize)]
pub struct MeetingView {
    /// The meeting id.
    pub id: String,
    /// The subject.
    pub subject: String,
    /// The lobby policy.
    pub access_level: AccessLevel,
    /// The join URL.
    pub join_url: String,
    /// The conference URI.
    pub conference_uri: String,
    /// Who is there (in the meeting or its lobby), by id.
    pub people: Vec<PersonView>,
    /// The chat so far.
    pub chat: Vec<ChatLine>,
}

impl MeetingView {
    fn of(meeting: &Meeting) -> Self {
        Self {
            id: meeting.id.clone(),
            subject: meeting.subject.clone(),
            access_level: meeting.access_level.clone(),
            join_url: meeting.join_url.clone(),
            conference_uri: meeting.conference_uri.clone(),
            people: meeting.people.values().map(PersonView::of).collect(),
            chat: meeting.chat.clone(),
        }
    }
}

/// A guest's application.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ApplicationView {
    /// The id.
    pub id: String,
    /// The guest's display name.
    pub name: String,
    /// The `applicationSessionId` of its token.
    pub session_id: String,
    /// Whether it expired (`410` from now on).
    pub expired: bool,
    /// Whether an event-channel long-poll is parked.
    pub parked: bool,
    /// The guest's conversation, once they joined a meeting.
    pub conversation: Option<String>,
    /// The `culture` it was created with.
    pub culture: String,
}

impl State {
    /// Meeting `id` (as stored: upper case).
    pub fn meeting_view(&self, id: &str) -> Option<MeetingView> {
        self.meetings.get(id).map(MeetingView::of)
    }

    /// Every meeting, by id.
    pub fn meeting_views(&self) -> Vec<MeetingView> {
        self.meetings.values().map(MeetingView::of).collect()
    }

    /// Every guest application, by id, expired ones included.
    pub fn application_views(&self) -> Vec<ApplicationView> {
        self.apps
            .values()
            .map(|app| ApplicationView {
                id: app.id.clone(),
                name: app.name.clone(),
                session_id: app.session_id.clone(),
                expired: app.expired_at.is_some(),
                parked: self.channels.get(&app.id).is_some_and(EventChannel::is_parked),
                conversation: app.conversation_id(),
                culture: app.culture.clone(),
            })
            .collect()
    }
}
