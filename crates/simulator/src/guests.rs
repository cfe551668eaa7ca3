//! What guests do: join a meeting, add and stop chat, send messages, leave, delete their
//! application; and the conversation and participants a guest reads.

use std::collections::BTreeMap;

use protocol::date::Timestamp;
use serde_json::Value;

use crate::ids::{now_ms, random_hex};
use crate::model::{Conversation, Gone, Person, Presence, Stage};
use crate::refusal::Refusal;
use crate::resources::{self as res, AppPaths, ConvPaths};
use crate::state::{Outbox, State};

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
        let app = self.app(app_id)?;
        if let Some(conv) = &app.conversation {
            if conv.operation_id == operation_id {
                return Ok(AppPaths::new(&app.id).invitation(&conv.invitation));
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
            .map(|m| m.id.clone())
            .ok_or(Refusal::DestinationNotFound)?;
        let app = self.apps.get_mut(app_id).ok_or(Refusal::ApplicationNotFound)?;
        let paths = AppPaths::new(&app.id);
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
        let invitation_href = paths.invitation(&conversation.invitation);
        let conv = ConvPaths {
            conv: paths.conversation(&conversation.id),
        };
        let (name, me_uri, person_id) = (app.name.clone(), app.me_uri(), app.person_id());
        app.conversation = Some(conversation);
        let meeting = self
            .meetings
            .get_mut(&meeting_id)
            .ok_or(Refusal::DestinationNotFound)?;
        let lobby = meeting.guests_wait_in_lobby();
        let person = Person {
            id: person_id.clone(),
            name: name.clone(),
            uri: me_uri.clone(),
            leader: false,
            anonymous: true,
            presence: Presence::Lobby,
            app: Some(app_id.to_owned()),
            since_ms: now_ms(),
        };
        meeting.people.insert(person_id.clone(), person.clone());
        let meeting = meeting.clone();
        let mut outbox = Outbox::default();
        let comm = paths.communication();
        let invitation = res::invitation(
            &invitation_href,
            &conv.conv,
            "Connecting",
            operation_id,
            &meeting.conference_uri,
            &name,
        );
        outbox.push(
            app_id,
            res::sender(
                "communication",
                &comm,
                vec![
                    res::event(
                        "started",
                        "onlineMeetingInvitation",
                        &invitation_href,
                        Some(invitation),
                    ),
                    res::event(
                        "added",
                        "conversation",
                        &conv.conv,
                        Some(res::conversation(
                            &conv,
                            "Connecting",
                            &meeting.subject,
                            &[],
                            meeting.people.len(),
                            &person_id,
                        )),
                    ),
                ],
            ),
        );
        outbox.push(
            app_id,
            res::sender(
                "conversation",
                &conv.conv,
                vec![
                    res::event(
                        "added",
                        "localParticipant",
                        &conv.participant(&person_id),
                        Some(res::participant(
                            &conv, &person_id, &name, &me_uri, false, true, lobby, true,
                        )),
                    ),
                    res::event(
                        "added",
                        "onlineMeeting",
                        &conv.sub("onlineMeeting"),
                        Some(res::online_meeting(
                            &conv,
                            &meeting.subject,
                            &meeting.join_url,
                            &meeting.conference_uri,
                            &meeting.organizer_uri,
                            meeting.access_level.as_str(),
                        )),
                    ),
                    res::event(
                        "updated",
                        "messaging",
                        &conv.sub("messaging"),
                        Some(res::messaging(&conv, "Disconnected")),
                    ),
                ],
            ),
        );
        if lobby {
            outbox.push(
                app_id,
                res::sender(
                    "communication",
                    &comm,
                    vec![res::event(
                        "updated",
                        "conversation",
                        &conv.conv,
                        Some(res::conversation(
                            &conv,
                            "InLobby",
                            &meeting.subject,
                            &[],
                            meeting.people.len(),
                            &person_id,
                        )),
                    )],
                ),
            );
            self.announce(&mut outbox, &meeting_id, &person, "added", Some(app_id));
            self.deliver(outbox);
            self.demo.guest_waiting(&meeting, &person_id);
        } else {
            // Straight in: the roster and the completion go out with the rest, so a parked
            // poll gets the whole join in one response.
            // Cannot fail: the guest was added to the meeting just now, under this lock.
            self.admission(&mut outbox, &meeting_id, &person_id)
                .map_err(|_| Refusal::DestinationNotFound)?;
            self.deliver(outbox);
        }
        Ok(invitation_href)
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
        let app = self.app(app_id)?;
        let paths = AppPaths::new(&app.id);
        let conv_state = app
            .conversation
            .as_mut()
            .filter(|c| c.id == conversation)
            .ok_or(Refusal::ConversationNotFound)?;
        if conv_state.stage != Stage::Connected {
            return Err(Refusal::MessagingBeforeAdmission);
        }
        if let Some(existing) = conv_state.messaging_invitations.get(operation_id) {
            return Ok(paths.messaging_invitation(existing));
        }
        let invitation = random_hex(16);
        conv_state
            .messaging_invitations
            .insert(operation_id.to_owned(), invitation.clone());
        conv_state.messaging = true;
        let conv = ConvPaths {
            conv: paths.conversation(&conv_state.id),
        };
        let href = paths.messaging_invitation(&invitation);
        let mut outbox = Outbox::default();
        outbox.push(
            app_id,
            res::sender(
                "communication",
                &paths.communication(),
                vec![res::event(
                    "started",
                    "messagingInvitation",
                    &href,
                    Some(res::messaging_invitation(
                        &href,
                        &conv.conv,
                        "Connecting",
                        operation_id,
                    )),
                )],
            ),
        );
        outbox.push(
            app_id,
            res::sender(
                "conversation",
                &conv.conv,
                vec![
                    res::event(
                        "updated",
                        "messaging",
                        &conv.sub("messaging"),
                        Some(res::messaging(&conv, "Connecting")),
                    ),
                    res::event(
                        "updated",
                        "messaging",
                        &conv.sub("messaging"),
                        Some(res::messaging(&conv, "Connected")),
                    ),
                ],
            ),
        );
        outbox.push(
            app_id,
            res::sender(
                "communication",
                &paths.communication(),
                vec![res::completed(
                    res::event(
                        "completed",
                        "messagingInvitation",
                        &href,
                        Some(res::messaging_invitation(
                            &href,
                            &conv.conv,
                            "Connected",
                            operation_id,
                        )),
                    ),
                    true,
                    None,
                )],
            ),
        );
        self.deliver(outbox);
        Ok(href)
    }

    /// A guest stops chat.
    ///
    /// # Errors
    /// [`Refusal`] when there is no such conversation.
    pub fn stop_messaging(&mut self, app_id: &str, conversation: &str) -> Result<(), Refusal> {
        let app = self.app(app_id)?;
        let paths = AppPaths::new(&app.id);
        let conv_state = app
            .conversation
            .as_mut()
            .filter(|c| c.id == conversation)
            .ok_or(Refusal::ConversationNotFound)?;
        conv_state.messaging = false;
        let conv = ConvPaths {
            conv: paths.conversation(&conv_state.id),
        };
        let mut outbox = Outbox::default();
        outbox.push(
            app_id,
            res::sender(
                "conversation",
                &conv.conv,
                vec![res::event(
                    "updated",
                    "messaging",
                    &conv.sub("messaging"),
                    Some(res::messaging(&conv, "Disconnected")),
                )],
            ),
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
        let app = self.app(app_id)?;
        let paths = AppPaths::new(&app.id);
        let conv_state = app
            .conversation
            .as_mut()
            .filter(|c| c.id == conversation)
            .ok_or(Refusal::ConversationNotFound)?;
        if !conv_state.messaging {
            return Err(Refusal::ChatNotConnected);
        }
        let conv = ConvPaths {
            conv: paths.conversation(&conv_state.id),
        };
        if let Some(n) = conv_state.sent.get(operation_id) {
            return Ok(conv.sub(&format!("messaging/messages/{n}")));
        }
        conv_state.next_message += 1;
        let n = conv_state.next_message;
        conv_state.sent.insert(operation_id.to_owned(), n);
        let (meeting, person_id) = (conv_state.meeting.clone(), conv_state.person.clone());
        let href = conv.sub(&format!("messaging/messages/{n}"));
        let name = app.name.clone();
        let outgoing = |state: &str| {
            res::message(
                &conv,
                n,
                "Outgoing",
                &stamp,
                &person_id,
                &name,
                None,
                Some(operation_id),
            )
            .tap_state(state)
        };
        let mut outbox = Outbox::default();
        outbox.push(
            app_id,
            res::sender(
                "conversation",
                &conv.conv,
                vec![
                    res::event("started", "message", &href, Some(outgoing("Connecting"))),
                    res::completed(
                        res::event("completed", "message", &href, Some(outgoing("Connected"))),
                        true,
                        None,
                    ),
                ],
            ),
        );
        self.deliver(outbox);
        if let Some(person) = self
            .meetings
            .get(&meeting)
            .and_then(|m| m.people.get(&person_id))
            .cloned()
        {
            self.broadcast(&meeting, &person, text, false, Some(app_id));
            if let Some(m) = self.meetings.get(&meeting) {
                self.demo.guest_said(m, &person.name, text);
            }
        }
        Ok(href)
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
        self.end_guest(
            &meeting,
            &person,
            ("None", "None", "You left the meeting."),
            false,
        )
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
        let app = self.apps.get(app_id)?;
        let conv_state = app.conversation.as_ref().filter(|c| c.id == conversation)?;
        let meeting = self.meetings.get(&conv_state.meeting)?;
        let conv = ConvPaths {
            conv: AppPaths::new(&app.id).conversation(&conv_state.id),
        };
        let state = match conv_state.stage {
            Stage::InLobby => "InLobby",
            Stage::Connected => "Connected",
        };
        let modalities: &[&str] = if conv_state.messaging { &["Messaging"] } else { &[] };
        Some(res::conversation(
            &conv,
            state,
            &meeting.subject,
            modalities,
            meeting.people.len(),
            &conv_state.person,
        ))
    }

    /// The participants collection of a guest's conversation (everyone but the guest).
    pub fn participants_view(&self, app_id: &str, conversation: &str) -> Option<Value> {
        let app = self.apps.get(app_id)?;
        let conv_state = app.conversation.as_ref().filter(|c| c.id == conversation)?;
        let meeting = self.meetings.get(&conv_state.meeting)?;
        let conv = ConvPaths {
            conv: AppPaths::new(&app.id).conversation(&conv_state.id),
        };
        let people: Vec<Value> = meeting
            .people
            .values()
            .filter(|p| p.id != conv_state.person)
            .map(|p| {
                res::participant(
                    &conv,
                    &p.id,
                    &p.name,
                    &p.uri,
                    p.leader,
                    p.anonymous,
                    p.presence == Presence::Lobby,
                    false,
                )
            })
            .collect();
        Some(serde_json::json!({
            "_links": {"self": {"href": conv.sub("participants")}},
            "_embedded": {"participant": people},
            "rel": "participants",
        }))
    }
}

/// Sets `state` on a message resource (outgoing messages report their progress).
trait TapState {
    fn tap_state(self, state: &str) -> Self;
}

impl TapState for Value {
    fn tap_state(mut self, state: &str) -> Self {
        self["state"] = Value::String(state.to_owned());
        self
    }
}
