//! What guests do: join a meeting, add and stop chat, send messages, leave, delete their
//! application; and the conversation and participants a guest reads.

use std::collections::BTreeMap;

use protocol::date::Timestamp;
use protocol::ucwa::events::EventType;
use protocol::ucwa::resources::{ConversationState, MessageBody, ModalityState};
use serde_json::Value;

use crate::ids::{now_ms, random_hex};
use crate::model::{Conversation, Ending, Gone, Network, Person, Presence, Stage};
use crate::refusal::Refusal;
use crate::state::{Outbox, State};
use crate::tell::{Invitation, Modality, Outgoing, Style, Tell};

impl State {
    /// The guest `app` joins meeting `uri` (operation `operation_id`); returns the
    /// invitation href. Repeating an operation id returns the same invitation.
    ///
    /// # Errors
    /// [`Refusal`]: gone application, token for another meeting (403), unknown meeting
    /// (404), a second join (409).
    pub fn join(
        &mut self,
        app_id: &str,
        uri: &str,
        operation_id: &str,
        name: Option<&str>,
    ) -> Result<String, Refusal> {
        let style = Style::of(&self.quirks);
        let app = self.app(app_id)?;
        if let Some(conv) = &app.conversation {
            if conv.operation_id == operation_id {
                return Ok(Tell::new(app.collection, &app.id, &conv.id, &conv.person, style)
                    .invitation_href(&conv.invitation));
            }
            return Err(Refusal::AlreadyExists);
        }
        if !app.conference.eq_ignore_ascii_case(uri) {
            return Err(Refusal::ConferenceMismatch);
        }
        if let Some(name) = name.filter(|n| !n.trim().is_empty()) {
            app.name = name.trim().to_owned();
        }
        let meeting_id = self
            .meeting_by_uri(uri)
            .filter(|m| m.is_on(now_ms()))
            .map(|m| m.id.clone())
            .ok_or(Refusal::DestinationNotFound)?;
        let app = self.apps.get_mut(app_id).ok_or(Refusal::ApplicationNotFound)?;
        let conversation = Conversation {
            id: random_hex(16),
            meeting: meeting_id.clone(),
            person: app.person_id(),
            invitation: random_hex(16),
            operation_id: operation_id.to_owned(),
            stage: Stage::InLobby,
            messaging: false,
            messaging_invitations: BTreeMap::new(),
            sent: BTreeMap::new(),
            next_message: 1,
        };
        let tell = Tell::new(
            app.collection,
            app_id,
            &conversation.id,
            &conversation.person,
            style,
        );
        let invitation_id = conversation.invitation.clone();
        let (name, me_uri, person_id) = (app.name.clone(), app.me_uri(), app.person_id());
        app.conversation = Some(conversation);
        let meeting = self
            .meetings
            .get_mut(&meeting_id)
            .ok_or(Refusal::DestinationNotFound)?;
        let lobby = meeting.guests_wait_in_lobby();
        // Without a lobby the guest is let in below, under this same lock.
        let person = Person {
            id: person_id.clone(),
            name: name.clone(),
            uri: me_uri,
            leader: false,
            network: Network::Guest,
            presence: if lobby {
                Presence::Lobby
            } else {
                Presence::InMeeting
            },
            app: Some(app_id.to_owned()),
            since_ms: now_ms(),
        };
        meeting.people.insert(person_id.clone(), person.clone());
        let meeting = meeting.clone();
        let invitation = Invitation {
            id: &invitation_id,
            operation_id,
            conference_uri: &meeting.conference_uri,
            name: &name,
        };
        let mut outbox = Outbox::default();
        outbox.push(
            app_id,
            tell.from_communication(vec![
                tell.invitation_started(&invitation),
                tell.conversation_added(&meeting),
            ]),
        );
        outbox.push(
            app_id,
            tell.from_conversation(vec![
                tell.local_participant(EventType::Added, &person),
                tell.online_meeting_added(&meeting),
                tell.messaging(ModalityState::Disconnected),
            ]),
        );
        if lobby {
            outbox.push(
                app_id,
                tell.from_communication(vec![
                    tell.conversation_updated(ConversationState::InLobby, &meeting),
                ]),
            );
            self.announce(
                &mut outbox,
                &meeting_id,
                &person,
                Tell::participant_added,
                Some(app_id),
            );
            self.deliver(outbox);
            self.demo.guest_waiting(&meeting, &person_id);
        } else {
            // Straight in. The roster and the completion follow in a later response, unless
            // the quirk sends the whole join at once.
            if !self.quirks.join_in_one_response {
                outbox.later_response(app_id);
            }
            // Cannot fail: the guest was added to the meeting just now, under this lock.
            self.admission(&mut outbox, &meeting_id, &person_id)
                .map_err(|_| Refusal::DestinationNotFound)?;
            self.deliver(outbox);
        }
        Ok(tell.invitation_href(&invitation_id))
    }

    /// A guest adds chat to their conversation; returns the messaging invitation href.
    ///
    /// # Errors
    /// [`Refusal`] when the guest is not in the meeting.
    pub fn add_messaging(
        &mut self,
        app_id: &str,
        conversation: &str,
        operation_id: &str,
    ) -> Result<String, Refusal> {
        let (conv_state, tell) = self.guest_conversation(app_id, conversation)?;
        if conv_state.stage != Stage::Connected {
            return Err(Refusal::MessagingBeforeAdmission);
        }
        if let Some(existing) = conv_state.messaging_invitations.get(operation_id) {
            return Ok(tell.messaging_invitation_href(existing));
        }
        let invitation = random_hex(16);
        conv_state
            .messaging_invitations
            .insert(operation_id.to_owned(), invitation.clone());
        conv_state.messaging = true;
        let mut outbox = Outbox::default();
        outbox.push(
            app_id,
            tell.from_communication(vec![tell.messaging_invitation_started(&invitation, operation_id)]),
        );
        outbox.push(
            app_id,
            tell.from_conversation(vec![
                tell.messaging(ModalityState::Connecting),
                tell.messaging(ModalityState::Connected),
            ]),
        );
        outbox.push(
            app_id,
            tell.from_communication(vec![
                tell.messaging_invitation_succeeded(&invitation, operation_id),
            ]),
        );
        self.deliver(outbox);
        Ok(tell.messaging_invitation_href(&invitation))
    }

    /// A guest stops chat.
    ///
    /// # Errors
    /// [`Refusal`] when there is no such conversation.
    pub fn stop_messaging(&mut self, app_id: &str, conversation: &str) -> Result<(), Refusal> {
        let (conv_state, tell) = self.guest_conversation(app_id, conversation)?;
        conv_state.messaging = false;
        let mut outbox = Outbox::default();
        outbox.push(
            app_id,
            tell.from_conversation(vec![tell.messaging(ModalityState::Disconnected)]),
        );
        self.deliver(outbox);
        Ok(())
    }

    /// A guest sends a chat message; returns the message href. Repeating an operation id
    /// returns the same message and delivers nothing twice.
    ///
    /// # Errors
    /// [`Refusal`] when chat is not connected.
    pub fn send_message(
        &mut self,
        app_id: &str,
        conversation: &str,
        operation_id: &str,
        text: &str,
    ) -> Result<String, Refusal> {
        let stamp = crate::render::date(&self.quirks, Timestamp::from_millis(now_ms()));
        let name = self.app(app_id)?.name.clone();
        let (conv_state, tell) = self.guest_conversation(app_id, conversation)?;
        if !conv_state.messaging {
            return Err(Refusal::ChatNotConnected);
        }
        if let Some(n) = conv_state.sent.get(operation_id) {
            return Ok(tell.message_href(*n));
        }
        conv_state.next_message += 1;
        let n = conv_state.next_message;
        conv_state.sent.insert(operation_id.to_owned(), n);
        let (meeting, person_id) = (conv_state.meeting.clone(), conv_state.person.clone());
        let message = Outgoing {
            number: n,
            time_stamp: &stamp,
            sender_name: &name,
            operation_id,
        };
        let mut outbox = Outbox::default();
        outbox.push(
            app_id,
            tell.from_conversation(vec![
                tell.message_outgoing_started(&message),
                tell.message_outgoing_delivered(&message),
            ]),
        );
        self.deliver(outbox);
        if let Some(person) = self
            .meetings
            .get(&meeting)
            .and_then(|m| m.people.get(&person_id))
            .cloned()
        {
            let body = MessageBody::Plain(text.to_owned());
            self.broadcast(&meeting, &person, &body, Some(app_id));
            if let Some(m) = self.meetings.get(&meeting) {
                self.demo.guest_said(m, &person.name, text);
            }
        }
        Ok(tell.message_href(n))
    }

    /// A guest says they are typing (`POST setIsTyping`).
    ///
    /// # Errors
    /// [`Refusal`] when chat is not connected.
    pub fn set_is_typing(&mut self, app_id: &str, conversation: &str) -> Result<(), Refusal> {
        let (conv_state, _) = self.guest_conversation(app_id, conversation)?;
        if !conv_state.messaging {
            return Err(Refusal::ChatNotConnected);
        }
        let (meeting, person_id) = (conv_state.meeting.clone(), conv_state.person.clone());
        if let Some(person) = self
            .meetings
            .get(&meeting)
            .and_then(|m| m.people.get(&person_id))
            .cloned()
        {
            self.now_typing(&meeting, &person);
        }
        Ok(())
    }

    /// A guest leaves the conversation (`DELETE conversation`).
    ///
    /// # Errors
    /// [`Refusal`] when there is no such conversation.
    pub fn leave_conversation(&mut self, app_id: &str, conversation: &str) -> Result<(), Refusal> {
        let app = self.app(app_id)?;
        let (meeting, person) = app
            .conversation
            .as_ref()
            .filter(|c| c.id == conversation)
            .map(|c| (c.meeting.clone(), c.person.clone()))
            .ok_or(Refusal::ConversationNotFound)?;
        self.end_guest(&meeting, &person, Ending::Left)
            // Cannot fail: a guest with a conversation is in its meeting.
            .map_err(|_| Refusal::ConversationNotFound)
    }

    /// Deletes a guest application (leaving its meeting).
    ///
    /// # Errors
    /// [`Refusal::ApplicationExpired`] or [`Refusal::ApplicationNotFound`].
    pub fn delete_app(&mut self, app_id: &str) -> Result<(), Refusal> {
        self.app(app_id)?;
        self.retire_app(app_id, Gone::Deleted);
        Ok(())
    }

    /// The conversation resource of a guest, as `GET` returns it.
    pub fn conversation_view(&self, app_id: &str, conversation: &str) -> Option<Value> {
        let (conv_state, tell) = self.guest_view(app_id, conversation)?;
        let meeting = self.meetings.get(&conv_state.meeting)?;
        let state = match conv_state.stage {
            Stage::InLobby => ConversationState::InLobby,
            Stage::Connected => ConversationState::Connected,
        };
        let active: &[Modality] = if conv_state.messaging {
            &[Modality::Messaging]
        } else {
            &[]
        };
        Some(tell.conversation(state, meeting, active))
    }

    /// The online meeting of a guest's conversation, as `GET` returns it.
    pub fn online_meeting_view(&self, app_id: &str, conversation: &str) -> Option<Value> {
        let (conv_state, tell) = self.guest_view(app_id, conversation)?;
        let meeting = self.meetings.get(&conv_state.meeting)?;
        Some(tell.online_meeting(meeting))
    }

    /// How to join the guest's meeting by phone, as `GET phoneDialInInformation` returns
    /// it; `None` when the guest is in no meeting, or their meeting has no dial-in.
    pub fn dial_in_view(&self, app_id: &str) -> Option<Value> {
        let app = self.apps.get(app_id).filter(|app| app.expired_at.is_none())?;
        let conversation = app.conversation.as_ref()?;
        let (_, tell) = self.guest_view(app_id, &conversation.id)?;
        let dial_in = self.meetings.get(&conversation.meeting)?.dial_in.as_ref()?;
        Some(tell.phone_dial_in(dial_in))
    }

    /// Participant `person` of a guest's conversation, as `GET` returns it.
    pub fn participant_view(&self, app_id: &str, conversation: &str, person: &str) -> Option<Value> {
        let (conv_state, tell) = self.guest_view(app_id, conversation)?;
        let found = self.meetings.get(&conv_state.meeting)?.people.get(person)?;
        Some(tell.participant_resource(found))
    }

    /// The participants collection of a guest's conversation (everyone but the guest).
    pub fn participants_view(&self, app_id: &str, conversation: &str) -> Option<Value> {
        let (conv_state, tell) = self.guest_view(app_id, conversation)?;
        let meeting = self.meetings.get(&conv_state.meeting)?;
        Some(tell.participants(meeting.people.values().filter(|p| p.id != conv_state.person)))
    }

    /// The guest's conversation `conversation`, to change, and how the guest is told of it.
    fn guest_conversation(
        &mut self,
        app_id: &str,
        conversation: &str,
    ) -> Result<(&mut Conversation, Tell), Refusal> {
        let style = Style::of(&self.quirks);
        let app = self.app(app_id)?;
        let collection = app.collection;
        let found = app
            .conversation
            .as_mut()
            .filter(|c| c.id == conversation)
            .ok_or(Refusal::ConversationNotFound)?;
        let tell = Tell::new(collection, app_id, &found.id, &found.person, style);
        Ok((found, tell))
    }

    /// The guest's conversation `conversation`, to read, and how the guest is told of it.
    fn guest_view(&self, app_id: &str, conversation: &str) -> Option<(&Conversation, Tell)> {
        let app = self.apps.get(app_id)?;
        let found = app.conversation.as_ref().filter(|c| c.id == conversation)?;
        let tell = Tell::new(
            app.collection,
            app_id,
            &found.id,
            &found.person,
            Style::of(&self.quirks),
        );
        Some((found, tell))
    }
}
