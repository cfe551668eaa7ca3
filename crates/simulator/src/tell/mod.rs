//! What a guest is told: the UCWA resources and events of their application and
//! conversation, shaped like the recorded payloads (`crates/protocol/tests/fixtures`).
//!
//! Everything a guest reads about their meeting is written here, from typed values; the
//! operations decide what happens and to whom, and ask [`Tell`] for the words.

use protocol::ucwa::events::{EventStatus, EventType};
use protocol::ucwa::resources::{
    ConversationState, Direction, InvitationState, MessageBody, ModalityState, Role,
};
use serde_json::{Value, json};

use crate::config::{DialInConfig, Quirks};
use crate::model::{Ending, Meeting, Network, Person, Presence};

mod application;
#[cfg(test)]
mod tests;

pub use application::{AppPaths, application, methods_at};

/// The join operation, as its `onlineMeetingInvitation` resource describes it.
#[derive(Clone, Copy, Debug)]
pub struct Invitation<'a> {
    /// The invitation's id.
    pub id: &'a str,
    /// The operation id the guest joined with.
    pub operation_id: &'a str,
    /// The conference the guest asked for.
    pub conference_uri: &'a str,
    /// The guest's display name.
    pub name: &'a str,
}

/// A message the guest sent, as its `message` resource describes it.
#[derive(Clone, Copy, Debug)]
pub struct Outgoing<'a> {
    /// Its number in the conversation.
    pub number: u64,
    /// When, rendered.
    pub time_stamp: &'a str,
    /// The guest's display name.
    pub sender_name: &'a str,
    /// The operation id the guest sent it with.
    pub operation_id: &'a str,
}

/// A modality that can be active in a conversation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Modality {
    /// Chat.
    Messaging,
}

impl Modality {
    fn as_str(self) -> &'static str {
        match self {
            Self::Messaging => "Messaging",
        }
    }
}

/// How far an outgoing message got: messages the guest sends report it as their `state`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Progress {
    /// Being sent: `Connecting`.
    Sending,
    /// Delivered: `Connected`.
    Delivered,
}

impl Progress {
    fn as_str(self) -> &'static str {
        match self {
            Self::Sending => "Connecting",
            Self::Delivered => "Connected",
        }
    }
}

/// The rel a participant resource is written under.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Whose {
    /// The guest themself: `localParticipant`.
    Own,
    /// Anyone else: `participant`.
    Other,
}

/// How the quirks in force shape what a guest is told.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Style {
    /// Participant events and the `participants` collection embed the resources.
    pub embed_participants: bool,
}

impl Style {
    /// The style `quirks` ask for.
    pub fn of(quirks: &Quirks) -> Self {
        Self {
            embed_participants: quirks.embed_participants,
        }
    }
}

/// The events that end a guest's conversation, in the order they are sent: the
/// `Disconnected` updates first, without a reason, then the `deleted` that carries it.
#[derive(Clone, Debug)]
pub struct ConversationEnded {
    /// Sent by the conversation: the guest's local participant left.
    pub local_participant_left: Value,
    /// Sent by `communication`: the conversation is `Disconnected`, no reason yet.
    pub disconnected: Value,
    /// Sent by `communication`: the conversation is gone, and why.
    pub deleted: Value,
}

/// What one guest is told about their conversation: resources and events, with the hrefs
/// of their application.
#[derive(Clone, Debug)]
pub struct Tell {
    app: AppPaths,
    conv: String,
    me: String,
    style: Style,
}

impl Tell {
    /// For the guest of application `app_id` (of `collection`) in conversation
    /// `conversation`, who is person `me` of the meeting, in `style`.
    pub fn new(collection: &str, app_id: &str, conversation: &str, me: &str, style: Style) -> Self {
        let app = AppPaths::new(collection, app_id);
        let conv = app.conversation(conversation);
        Self {
            app,
            conv,
            me: me.to_owned(),
            style,
        }
    }

    fn sub(&self, path: &str) -> String {
        format!("{}/{path}", self.conv)
    }

    fn participant_href(&self, id: &str) -> String {
        format!("{}/participants/{id}", self.conv)
    }

    /// The href of the join operation `id`.
    pub fn invitation_href(&self, id: &str) -> String {
        self.app.invitation(id)
    }

    /// The href of the messaging invitation `id`.
    pub fn messaging_invitation_href(&self, id: &str) -> String {
        self.app.messaging_invitation(id)
    }

    /// The href of message number `n`.
    pub fn message_href(&self, n: u64) -> String {
        self.sub(&format!("messaging/messages/{n}"))
    }

    /// Events from the guest's `communication` resource, as one sender group.
    pub fn from_communication(&self, events: Vec<Value>) -> Value {
        sender("communication", &self.app.communication(), events)
    }

    /// Events from the guest's conversation, as one sender group.
    pub fn from_conversation(&self, events: Vec<Value>) -> Value {
        sender("conversation", &self.conv, events)
    }

    // The join.

    /// The join started: the invitation is `Connecting` (and stays so in the lobby).
    pub fn invitation_started(&self, invitation: &Invitation<'_>) -> Value {
        let href = self.invitation_href(invitation.id);
        let resource = self.invitation(invitation, InvitationState::Connecting);
        event(
            EventType::Started,
            "onlineMeetingInvitation",
            &href,
            Some(resource),
        )
    }

    /// The join succeeded: the guest is in the meeting.
    pub fn invitation_succeeded(&self, invitation: &Invitation<'_>) -> Value {
        self.invitation_completed(invitation, InvitationState::Connected, EventStatus::Success)
    }

    /// The join failed because of `ending`.
    pub fn invitation_failed(&self, invitation: &Invitation<'_>, ending: Ending) -> Value {
        with_reason(
            self.invitation_completed(invitation, InvitationState::Failed, EventStatus::Failure),
            ending,
        )
    }

    fn invitation_completed(
        &self,
        invitation: &Invitation<'_>,
        state: InvitationState,
        status: EventStatus,
    ) -> Value {
        let href = self.invitation_href(invitation.id);
        let resource = self.invitation(invitation, state);
        completed(
            event(
                EventType::Completed,
                "onlineMeetingInvitation",
                &href,
                Some(resource),
            ),
            status,
        )
    }

    fn invitation(&self, invitation: &Invitation<'_>, state: InvitationState) -> Value {
        let href = self.invitation_href(invitation.id);
        json!({
            "anonymousDisplayName": invitation.name,
            "direction": Direction::Outgoing.as_str(),
            "importance": "Normal",
            "onlineMeetingUri": invitation.conference_uri,
            "operationId": invitation.operation_id,
            "state": state.as_str(),
            "_links": {
                "self": {"href": href},
                "conversation": {"href": self.conv},
                "cancel": {"href": format!("{href}/cancel")},
            },
            "rel": "onlineMeetingInvitation",
        })
    }

    // The conversation.

    /// The conversation resource in `state`, in `meeting`, with `active` modalities.
    pub fn conversation(&self, state: ConversationState, meeting: &Meeting, active: &[Modality]) -> Value {
        self.conversation_resource(state, &meeting.subject, meeting.people.len(), active)
    }

    fn conversation_resource(
        &self,
        state: ConversationState,
        subject: &str,
        participant_count: usize,
        active: &[Modality],
    ) -> Value {
        let modalities: Vec<&str> = active.iter().map(|m| m.as_str()).collect();
        json!({
            "state": state.as_str(),
            "subject": subject,
            "importance": "Normal",
            "threadId": format!("AQ{}", self.conv.len()),
            "activeModalities": modalities,
            "participantCount": participant_count,
            "recording": false,
            "audienceMessaging": "Enabled",
            "audienceMute": "Disabled",
            "_links": {
                "self": {"href": self.conv},
                "localParticipant": {"href": self.participant_href(&self.me)},
                "messaging": {"href": self.sub("messaging")},
                "onlineMeeting": {"href": self.sub("onlineMeeting")},
                "participants": {"href": self.sub("participants")},
                "leaders": {"href": self.sub("leaders")},
                "attendees": {"href": self.sub("attendees")},
                "lobby": {"href": self.sub("lobby")},
            },
            "rel": "conversation",
        })
    }

    /// The conversation appeared, `Connecting`.
    pub fn conversation_added(&self, meeting: &Meeting) -> Value {
        let resource = self.conversation(ConversationState::Connecting, meeting, &[]);
        event(EventType::Added, "conversation", &self.conv, Some(resource))
    }

    /// The conversation moved to `state` (`InLobby`, `Connected`).
    pub fn conversation_updated(&self, state: ConversationState, meeting: &Meeting) -> Value {
        let resource = self.conversation(state, meeting, &[]);
        event(EventType::Updated, "conversation", &self.conv, Some(resource))
    }

    /// The conversation ended because of `ending`, told as protocol.md §8 item 30 has it:
    /// the local participant leaves, the conversation is `updated` to `Disconnected`, then
    /// `deleted` with the reason.
    pub fn conversation_ended(&self, ending: Ending) -> ConversationEnded {
        let resource = self.conversation_resource(ConversationState::Disconnected, "", 0, &[]);
        ConversationEnded {
            local_participant_left: event(
                EventType::Deleted,
                "localParticipant",
                &self.participant_href(&self.me),
                None,
            ),
            disconnected: event(EventType::Updated, "conversation", &self.conv, Some(resource)),
            deleted: with_reason(
                event(EventType::Deleted, "conversation", &self.conv, None),
                ending,
            ),
        }
    }

    /// The online meeting the conversation is in appeared.
    pub fn online_meeting_added(&self, meeting: &Meeting) -> Value {
        event(
            EventType::Added,
            "onlineMeeting",
            &self.sub("onlineMeeting"),
            Some(self.online_meeting(meeting)),
        )
    }

    /// The conversation's `onlineMeeting` resource. When people may join by phone it gives
    /// the conference ID and links the dial-in numbers (onlineMeeting_ref.md).
    pub fn online_meeting(&self, meeting: &Meeting) -> Value {
        let mut resource = json!({
            "accessLevel": meeting.access_level.as_str(),
            "entryExitAnnouncement": "Disabled",
            "joinUrl": meeting.join_url,
            "onlineMeetingUri": meeting.conference_uri,
            "organizerUri": meeting.organizer_uri,
            "phoneUserAdmission": if meeting.dial_in.is_some() { "Enabled" } else { "Disabled" },
            "subject": meeting.subject,
            "_links": {
                "self": {"href": self.sub("onlineMeeting")},
                "conversation": {"href": self.conv},
            },
            "rel": "onlineMeeting",
        });
        if let Some(dial_in) = &meeting.dial_in {
            resource["conferenceId"] = json!(dial_in.conference_id);
            resource["_links"]["phoneDialInInformation"] = json!({"href": self.app.phone_dial_in()});
        }
        resource
    }

    /// How to join the meeting by phone, shaped like phoneDialInInformation_ref.md's sample.
    pub fn phone_dial_in(&self, dial_in: &DialInConfig) -> Value {
        let href = self.app.phone_dial_in();
        let regions: Vec<Value> = dial_in
            .numbers
            .iter()
            .enumerate()
            .map(|(i, number)| {
                json!({
                    "rel": "dialInRegion",
                    "languages": ["en-US"],
                    "name": number.region,
                    "number": format!("tel:{}", number.number),
                    "_links": {"self": {"href": format!("{href}/{}", 500 + i)}},
                })
            })
            .collect();
        json!({
            "rel": "phoneDialInInformation",
            "conferenceId": dial_in.conference_id,
            "defaultRegion": dial_in.default_region,
            "isAudioConferenceProviderEnabled": false,
            "tollFreeNumbers": [],
            "_links": {"self": {"href": href}},
            "_embedded": {"dialInRegion": regions},
        })
    }

    // People.

    fn participant(&self, person: &Person, whose: Whose) -> Value {
        let href = self.participant_href(&person.id);
        let role = if person.leader {
            Role::Leader
        } else {
            Role::Attendee
        };
        json!({
            "anonymous": person.network == Network::Guest,
            "inLobby": person.presence == Presence::Lobby,
            "local": whose == Whose::Own,
            "name": person.name,
            "organizer": false,
            "role": role.as_str(),
            "sourceNetwork": person.network.source_network(),
            "uri": person.uri,
            "_links": {
                "self": {"href": href},
                "conversation": {"href": self.conv},
                "participantMessaging": {"href": format!("{href}/messaging")},
            },
            "rel": match whose {
                Whose::Own => "localParticipant",
                Whose::Other => "participant",
            },
        })
    }

    /// The guest themself (`localParticipant`) was `kind` (`added` on joining, `updated`
    /// on admission).
    pub fn local_participant(&self, kind: EventType, me: &Person) -> Value {
        let resource = self.participant(me, Whose::Own);
        event(
            kind,
            "localParticipant",
            &self.participant_href(&me.id),
            Some(resource),
        )
    }

    /// Someone joined, or is waiting in the lobby (then `in` says so). The link's title
    /// names them; the resource is embedded only with the `embed_participants` quirk.
    pub fn participant_added(&self, person: &Person) -> Value {
        let href = self.participant_href(&person.id);
        let mut event = if self.style.embed_participants {
            event(
                EventType::Added,
                "participant",
                &href,
                Some(self.participant(person, self.whose(person))),
            )
        } else {
            event(EventType::Added, "participant", &href, None)
        };
        event["link"]["title"] = Value::String(person.name.clone());
        self.in_lobby(event, person)
    }

    fn whose(&self, person: &Person) -> Whose {
        if person.id == self.me {
            Whose::Own
        } else {
            Whose::Other
        }
    }

    /// A participant resource, as `GET` returns it.
    pub fn participant_resource(&self, person: &Person) -> Value {
        self.participant(person, self.whose(person))
    }

    /// Someone left, or left the lobby (then `in` says so); the link keeps their name.
    pub fn participant_left(&self, person: &Person) -> Value {
        let mut event = event(
            EventType::Deleted,
            "participant",
            &self.participant_href(&person.id),
            None,
        );
        event["link"]["title"] = Value::String(person.name.clone());
        self.in_lobby(event, person)
    }

    /// `person` started typing: added to `typingParticipants` (typingParticipants_ref.md).
    pub fn typing_started(&self, person: &Person) -> Value {
        self.typing(EventType::Added, person)
    }

    /// `person` stopped typing: deleted from `typingParticipants`.
    pub fn typing_stopped(&self, person: &Person) -> Value {
        self.typing(EventType::Deleted, person)
    }

    fn typing(&self, kind: EventType, person: &Person) -> Value {
        // As typingParticipants_ref.md's samples: the link has no title, so a client finds
        // the name in what it knows of the participant.
        let mut event = event(kind, "participant", &self.participant_href(&person.id), None);
        event["in"] =
            json!({"rel": "typingParticipants", "href": self.sub("participants/typingParticipants")});
        event
    }

    fn in_lobby(&self, mut event: Value, person: &Person) -> Value {
        if person.presence == Presence::Lobby {
            event["in"] = json!({"rel": "lobby", "href": self.sub("lobby")});
        }
        event
    }

    /// The `participants` collection of `people`: links titled with their names, as the
    /// documented collections are written, and the resources too with the
    /// `embed_participants` quirk.
    pub fn participants<'p>(&self, people: impl IntoIterator<Item = &'p Person>) -> Value {
        let people: Vec<&Person> = people.into_iter().collect();
        let links: Vec<Value> = people
            .iter()
            .map(|p| json!({"href": self.participant_href(&p.id), "title": p.name}))
            .collect();
        let mut collection = json!({
            "_links": {"self": {"href": self.sub("participants")}, "participant": links},
            "rel": "participants",
        });
        if self.style.embed_participants {
            let resources: Vec<Value> = people
                .iter()
                .map(|p| self.participant(p, self.whose(p)))
                .collect();
            collection["_embedded"] = json!({ "participant": resources });
        }
        collection
    }

    // Chat.

    /// The messaging modality moved to `state`; its links say what the guest may do.
    pub fn messaging(&self, state: ModalityState) -> Value {
        let mut links = json!({
            "self": {"href": self.sub("messaging")},
            "conversation": {"href": self.conv},
        });
        match state {
            ModalityState::Connected => {
                links["sendMessage"] = json!({"href": self.sub("messaging/messages")});
                links["stopMessaging"] = json!({"href": self.sub("messaging/terminate")});
                links["setIsTyping"] = json!({"href": self.sub("messaging/typing")});
                links["typingParticipants"] = json!({"href": self.sub("participants/typingParticipants")});
            }
            ModalityState::Disconnected => {
                links["addMessaging"] = json!({"href": self.sub("messaging/messagingInvitations")});
            }
            ModalityState::Connecting | ModalityState::Notified | ModalityState::Other(_) => {}
        }
        let resource = json!({
            "state": state.as_str(),
            "negotiatedMessageFormats": ["Plain"],
            "_links": links,
            "rel": "messaging",
        });
        event(
            EventType::Updated,
            "messaging",
            &self.sub("messaging"),
            Some(resource),
        )
    }

    fn messaging_invitation(&self, id: &str, operation_id: &str, state: InvitationState) -> Value {
        json!({
            "direction": Direction::Outgoing.as_str(),
            "importance": "Normal",
            "operationId": operation_id,
            "state": state.as_str(),
            "_links": {"self": {"href": self.messaging_invitation_href(id)}, "conversation": {"href": self.conv}},
            "rel": "messagingInvitation",
        })
    }

    /// Adding chat (messaging invitation `id`) started.
    pub fn messaging_invitation_started(&self, id: &str, operation_id: &str) -> Value {
        let resource = self.messaging_invitation(id, operation_id, InvitationState::Connecting);
        event(
            EventType::Started,
            "messagingInvitation",
            &self.messaging_invitation_href(id),
            Some(resource),
        )
    }

    /// Adding chat (messaging invitation `id`) succeeded.
    pub fn messaging_invitation_succeeded(&self, id: &str, operation_id: &str) -> Value {
        let resource = self.messaging_invitation(id, operation_id, InvitationState::Connected);
        completed(
            event(
                EventType::Completed,
                "messagingInvitation",
                &self.messaging_invitation_href(id),
                Some(resource),
            ),
            EventStatus::Success,
        )
    }

    fn message(&self, n: u64, direction: &Direction, time_stamp: &str, sender: (&str, &str)) -> Value {
        let (sender_id, sender_name) = sender;
        json!({
            "direction": direction.as_str(),
            "timeStamp": time_stamp,
            "_links": {
                "self": {"href": self.message_href(n)},
                "messaging": {"href": self.sub("messaging")},
                "participant": {"href": self.participant_href(sender_id), "title": sender_name},
            },
            "rel": "message",
        })
    }

    /// Message number `n` arrived from `from`, written at `time_stamp`.
    pub fn message_incoming(&self, n: u64, time_stamp: &str, from: &Person, body: &MessageBody) -> Value {
        let (rel, uri) = match body {
            MessageBody::Plain(text) => ("plainMessage", protocol::data_uri::encode("text/plain", text)),
            MessageBody::Html(text) => ("htmlMessage", protocol::data_uri::encode("text/html", text)),
        };
        let mut resource = self.message(n, &Direction::Incoming, time_stamp, (&from.id, &from.name));
        resource["_links"][rel] = json!({"href": uri});
        completed(
            event(
                EventType::Completed,
                "message",
                &self.message_href(n),
                Some(resource),
            ),
            EventStatus::Success,
        )
    }

    fn outgoing(&self, message: &Outgoing<'_>, progress: Progress) -> Value {
        let mut resource = self.message(
            message.number,
            &Direction::Outgoing,
            message.time_stamp,
            (&self.me, message.sender_name),
        );
        resource["operationId"] = json!(message.operation_id);
        resource["state"] = json!(progress.as_str());
        resource
    }

    /// Sending the guest's message started.
    pub fn message_outgoing_started(&self, message: &Outgoing<'_>) -> Value {
        let resource = self.outgoing(message, Progress::Sending);
        event(
            EventType::Started,
            "message",
            &self.message_href(message.number),
            Some(resource),
        )
    }

    /// The guest's message was delivered.
    pub fn message_outgoing_delivered(&self, message: &Outgoing<'_>) -> Value {
        let resource = self.outgoing(message, Progress::Delivered);
        completed(
            event(
                EventType::Completed,
                "message",
                &self.message_href(message.number),
                Some(resource),
            ),
            EventStatus::Success,
        )
    }
}

/// A sender group: `{rel, href, events}`.
fn sender(rel: &str, href: &str, events: Vec<Value>) -> Value {
    json!({"rel": rel, "href": href, "events": events})
}

/// An event of `kind` about `rel` at `href`, embedding `resource` when given.
///
/// A link to a named resource (a participant) carries the name as its `title`, as recorded.
fn event(kind: EventType, rel: &str, href: &str, resource: Option<Value>) -> Value {
    let mut event = json!({"link": {"rel": rel, "href": href}, "type": kind.as_str()});
    if let Some(resource) = resource {
        if let Some(name) = resource.get("name").and_then(Value::as_str) {
            event["link"]["title"] = Value::String(name.to_owned());
        }
        event["_embedded"] = json!({ rel: resource });
    }
    event
}

/// Adds the `status` of a completed operation.
fn completed(mut event: Value, status: EventStatus) -> Value {
    event["status"] = json!(status.as_str());
    event
}

/// Adds the `reason` of a server-initiated change or a failure.
fn with_reason(mut event: Value, ending: Ending) -> Value {
    let (code, subcode, message) = match ending {
        Ending::Denied => (
            "RemoteFailure",
            "Denied",
            "The lobby participant was denied from the conference.",
        ),
        Ending::LobbyTimeout => (
            "Timeout",
            "Timeout",
            "Nobody admitted you from the lobby in time.",
        ),
        Ending::Ejected => (
            "RemoteFailure",
            "Ejected",
            "An organizer removed you from the meeting.",
        ),
        Ending::MeetingEnded => ("RemoteFailure", "Ended", "The meeting has ended."),
        Ending::Left => ("None", "None", "You left the meeting."),
    };
    event["reason"] = json!({"code": code, "subcode": subcode, "message": message});
    event
}
