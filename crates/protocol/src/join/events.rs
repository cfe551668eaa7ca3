//! How each event on the channel moves the join along.

use url::Url;

use super::{Chat, GuestJoin, RequestKind};
use crate::date::Timestamp;
use crate::error::{ErrorSubcode, ServiceError};
use crate::html;
use crate::join::model::{ChatMessage, Delivery, Ending, MessageDirection, MessageId, Person, Phase, Update};
use crate::ucwa::events::{Event, EventStatus, EventType, EventsResponse};
use crate::ucwa::resources::{
    Conversation, ConversationState, Direction, Message, MessageBody, Messaging, ModalityState,
    OnlineMeeting, OnlineMeetingInvitation, Participant, Role,
};

impl GuestJoin {
    /// Applies a response's events in order.
    pub(super) fn apply_events(&mut self, response: &EventsResponse, base: &Url, now: Timestamp) {
        for (_, event) in response.events() {
            if matches!(self.phase, Phase::Over(_)) {
                return;
            }
            // A malformed embedded resource spoils one event, not the meeting.
            let _ = self.apply_event(event, base, now);
        }
    }

    fn apply_event(&mut self, event: &Event, base: &Url, now: Timestamp) -> Result<(), crate::ProtocolError> {
        match event.target() {
            "onlineMeetingInvitation" => {
                let invitation: Option<OnlineMeetingInvitation> = event.resource("the invitation")?;
                self.on_invitation(event, invitation.as_ref(), now);
            }
            "conversation" => {
                let conversation: Option<Conversation> = event.resource("the conversation")?;
                self.on_conversation(event, conversation.as_ref(), base, now);
            }
            "localParticipant" => {
                let me: Option<Participant> = event.resource("the local participant")?;
                if event.event_type != EventType::Deleted
                    && me.as_ref().and_then(|p| p.in_lobby) == Some(true)
                {
                    self.enter_lobby(now);
                }
            }
            "participant" => {
                let participant: Option<Participant> = event.resource("a participant")?;
                self.on_participant(event, participant.as_ref(), base);
            }
            "onlineMeeting" => {
                let meeting: Option<OnlineMeeting> = event.resource("the online meeting")?;
                if let Some(subject) = meeting.and_then(|m| m.subject) {
                    self.set_subject(subject);
                }
            }
            "messaging" => {
                let messaging: Option<Messaging> = event.resource("messaging")?;
                if let Some(messaging) = messaging {
                    self.on_messaging(&messaging, base);
                }
            }
            "messagingInvitation"
                if event.event_type == EventType::Completed && event.status == Some(EventStatus::Failure) =>
            {
                self.chat = Chat::Unavailable;
                self.fail_queued_messages();
            }
            "message" => {
                let message: Option<Message> = event.resource("a message")?;
                self.on_message(event, message.as_ref(), now);
            }
            _ => {}
        }
        Ok(())
    }

    fn on_invitation(&mut self, event: &Event, invitation: Option<&OnlineMeetingInvitation>, now: Timestamp) {
        // Only our own join counts; its operation id says which one that is.
        let ours = invitation
            .and_then(|i| i.operation_id.as_deref())
            .is_none_or(|op| Some(op) == self.invite_operation.as_deref());
        if !ours {
            return;
        }
        if let Some(subject) = invitation.and_then(|i| i.subject.clone()) {
            self.set_subject(subject);
        }
        if event.event_type != EventType::Completed {
            return;
        }
        match event.status {
            Some(EventStatus::Success) => self.enter_meeting(now),
            _ => {
                let ending = ending_for(event.reason.as_ref(), matches!(self.phase, Phase::Lobby { .. }));
                self.finish(ending);
            }
        }
    }

    fn on_conversation(
        &mut self,
        event: &Event,
        conversation: Option<&Conversation>,
        base: &Url,
        now: Timestamp,
    ) {
        if let Some(conversation) = conversation {
            if let Some(url) = conversation
                .links
                .get("participants")
                .and_then(|l| l.resolve(base).ok())
            {
                self.participants_url = Some(url);
            }
            if let Some(subject) = conversation.subject.clone().filter(|s| !s.trim().is_empty()) {
                self.set_subject(subject);
            }
        }
        let state = conversation.and_then(|c| c.state.clone());
        match (&event.event_type, state) {
            (EventType::Deleted, _) | (_, Some(ConversationState::Disconnected))
                if (self.phase.is_joined() || matches!(self.phase, Phase::Connecting)) =>
            {
                let ending = ending_for(event.reason.as_ref(), matches!(self.phase, Phase::Lobby { .. }));
                self.finish(ending);
            }
            (_, Some(ConversationState::InLobby)) => self.enter_lobby(now),
            // The invitation's completion is the documented signal; a Connected conversation
            // without a lobby flag is the same fact, seen earlier or instead.
            (_, Some(ConversationState::Connected | ConversationState::Conferenced)) => {
                if matches!(self.phase, Phase::Lobby { .. }) {
                    self.enter_meeting(now);
                }
            }
            _ => {}
        }
    }

    fn on_participant(&mut self, event: &Event, participant: Option<&Participant>, base: &Url) {
        let Some(key) = roster_key(&event.link.href, base) else {
            return;
        };
        if participant.is_some_and(|p| self.is_me(p)) {
            return;
        }
        if event.event_type == EventType::Deleted {
            if let Some(person) = self.roster.remove(&key) {
                self.updates.push_back(Update::ParticipantLeft(person.name));
            }
            return;
        }
        let Some(participant) = participant else {
            return;
        };
        let person = person(
            participant,
            event.link.title.as_deref(),
            event.collection() == Some("lobby"),
        );
        let previous = self.roster.insert(key, person.clone());
        match previous {
            None if !person.in_lobby => self.updates.push_back(Update::ParticipantJoined(person.name)),
            Some(previous) if previous.in_lobby && !person.in_lobby => {
                self.updates.push_back(Update::ParticipantJoined(person.name));
            }
            Some(previous) if previous == person => {}
            _ => self.updates.push_back(Update::RosterChanged),
        }
    }

    fn on_messaging(&mut self, messaging: &Messaging, base: &Url) {
        let link = |rel: &str| messaging.links.get(rel).and_then(|l| l.resolve(base).ok());
        match messaging.state {
            Some(ModalityState::Connected) => {
                if let Some(send) = link("sendMessage") {
                    self.chat = Chat::Connected(send);
                    let _ = self.flush_outbox();
                }
            }
            Some(ModalityState::Connecting) if !matches!(self.chat, Chat::Connected(_)) => {
                self.chat = Chat::Adding;
            }
            Some(ModalityState::Disconnected) => match (&self.chat, link("addMessaging")) {
                // Chat that was connected and dropped stays off; the conversation events
                // say whether the meeting itself ended.
                (Chat::Connected(_), _) => {
                    self.chat = Chat::Unavailable;
                    self.fail_queued_messages();
                }
                (Chat::Adding, _) => {}
                (_, Some(add)) => {
                    self.chat = Chat::CanAdd(add);
                    self.maybe_add_messaging();
                }
                (_, None) => {}
            },
            _ => {}
        }
    }

    fn maybe_add_messaging(&mut self) {
        if let (Phase::InMeeting { .. }, Chat::CanAdd(url)) = (&self.phase, &self.chat) {
            let url = url.clone();
            self.chat = Chat::Adding;
            let _ = self.send(RequestKind::AddMessaging(url), 0);
        }
    }

    fn on_message(&mut self, event: &Event, message: Option<&Message>, now: Timestamp) {
        let Some(message) = message else {
            return;
        };
        let outgoing = message.direction == Some(Direction::Outgoing);
        if outgoing {
            // Our own message's fate: match it by operation id.
            if event.event_type == EventType::Completed
                && let Some(id) = self.message_for_operation(message.operation_id.as_deref())
            {
                let delivery = if event.status == Some(EventStatus::Failure) {
                    Delivery::Failed
                } else {
                    Delivery::Sent
                };
                self.set_delivery(id, delivery);
            }
            return;
        }
        let key = message.links.get("self").map_or_else(
            || event.link.href.as_str().to_owned(),
            |l| l.href.as_str().to_owned(),
        );
        if !self.seen_incoming.insert(key) {
            return;
        }
        let text = match message.body() {
            Some(Ok(MessageBody::Plain(text))) => text.trim().to_owned(),
            Some(Ok(MessageBody::Html(markup))) => html::to_text(&markup),
            Some(Err(_)) | None => return,
        };
        if text.is_empty() {
            return;
        }
        let id = MessageId(self.next_id());
        self.messages.push(ChatMessage {
            id,
            direction: MessageDirection::Incoming,
            sender: message
                .sender_name()
                .or(event.link.title.as_deref())
                .unwrap_or("Someone")
                .to_owned(),
            text,
            at: message.time_stamp.as_ref().map_or(now, crate::date::WireDate::at),
            delivery: Delivery::Received,
        });
        self.updates.push_back(Update::MessageReceived(id));
    }

    fn message_for_operation(&self, operation: Option<&str>) -> Option<MessageId> {
        let operation = operation?;
        self.message_operations
            .iter()
            .find(|(_, op)| op.as_str() == operation)
            .map(|(id, _)| *id)
    }

    fn set_subject(&mut self, subject: String) {
        if self.subject.as_deref() != Some(subject.as_str()) {
            self.subject = Some(subject);
            self.updates.push_back(Update::SubjectChanged);
        }
    }

    fn enter_lobby(&mut self, now: Timestamp) {
        if matches!(self.phase, Phase::Connecting) {
            self.set_phase(Phase::Lobby { since: now });
        }
    }

    fn enter_meeting(&mut self, now: Timestamp) {
        let from_lobby = matches!(self.phase, Phase::Lobby { .. });
        let recovering = matches!(self.phase, Phase::InMeeting { .. });
        if !(from_lobby || recovering || matches!(self.phase, Phase::Connecting)) {
            return;
        }
        self.app_recoveries = 0;
        if !recovering {
            self.set_phase(Phase::InMeeting { since: now });
        }
        self.mark_reconnected();
        if from_lobby {
            self.updates.push_back(Update::Admitted);
        }
        self.maybe_add_messaging();
    }

    /// Whether `participant` is this guest.
    fn is_me(&self, participant: &Participant) -> bool {
        participant.local == Some(true)
            || participant
                .uri
                .as_deref()
                .is_some_and(|uri| self.app.as_ref().and_then(|a| a.me_uri.as_deref()) == Some(uri))
    }

    /// Rebuilds the participant list after a `resync`.
    pub(super) fn on_roster(&mut self, base: &Url, response: &crate::HttpResponse) {
        #[derive(serde::Deserialize)]
        struct Participants {
            #[serde(rename = "_embedded", default)]
            embedded: crate::links::Embedded,
        }
        let Ok(body) = crate::http_util::expect("list participants", response, &[http::StatusCode::OK])
        else {
            return;
        };
        let Ok(list) = serde_json::from_slice::<Participants>(body) else {
            return;
        };
        let Ok(Some(people)) = list
            .embedded
            .get::<Vec<Participant>>("participant", "participants")
        else {
            return;
        };
        self.roster = people
            .iter()
            .filter(|p| !self.is_me(p))
            .filter_map(|p| {
                Some((
                    roster_key(&p.links.get("self")?.href, base)?,
                    person(p, None, false),
                ))
            })
            .collect();
        self.updates.push_back(Update::RosterChanged);
    }
}

/// The key of a participant in the roster: the path of its resource, so that a relative
/// href in an event and an absolute one in a participant list name the same person.
fn roster_key(href: &crate::links::Href, base: &Url) -> Option<String> {
    href.resolve(base).ok().map(|url| url.path().to_owned())
}

/// Someone as the roster shows them; `title` is the name the event's link carries, and
/// `in_lobby_by_default` applies when the resource does not say.
fn person(participant: &Participant, title: Option<&str>, in_lobby_by_default: bool) -> Person {
    Person {
        name: participant
            .name
            .as_deref()
            .or(title)
            .filter(|n| !n.trim().is_empty())
            .unwrap_or("Guest")
            .to_owned(),
        is_leader: participant.role == Some(Role::Leader) || participant.organizer == Some(true),
        is_guest: participant.anonymous == Some(true),
        in_lobby: participant.in_lobby.unwrap_or(in_lobby_by_default),
    }
}

/// How a failed join or a lost conversation ends, from the server's reason.
fn ending_for(reason: Option<&ServiceError>, in_lobby: bool) -> Ending {
    match reason.and_then(|r| r.subcode.as_ref()) {
        Some(ErrorSubcode::Denied | ErrorSubcode::Declined) => Ending::Denied,
        Some(ErrorSubcode::Timeout) if in_lobby => Ending::LobbyTimedOut,
        Some(ErrorSubcode::Ended) => Ending::MeetingEnded,
        Some(ErrorSubcode::Ejected | ErrorSubcode::Removed) => Ending::Removed,
        Some(ErrorSubcode::DestinationNotFound) => Ending::Failed(super::JoinFailure::MeetingNotFound),
        Some(ErrorSubcode::TooManyParticipants | ErrorSubcode::TooManyLobbyParticipants) => {
            Ending::Failed(super::JoinFailure::MeetingFull)
        }
        _ if in_lobby => Ending::Denied,
        _ => Ending::MeetingEnded,
    }
}
