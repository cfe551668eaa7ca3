//! The meeting resources events carry: invitation, conversation, participant, messaging,
//! message, and the online meeting itself.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::data_uri;
use crate::date::WireDate;
use crate::links::{Embedded, Links};

string_enum! {
    /// How urgent an invitation is.
    pub enum Importance {
        /// Normal.
        Normal = "Normal",
        /// Urgent.
        Urgent = "Urgent",
        /// Emergency.
        Emergency = "Emergency",
    }
}

string_enum! {
    /// State of an invitation (joining is one).
    pub enum InvitationState {
        /// Being processed, including while waiting in the lobby.
        Connecting = "Connecting",
        /// Done.
        Connected = "Connected",
        /// Failed.
        Failed = "Failed",
        /// Cancelled.
        Cancelled = "Cancelled",
        /// Declined.
        Declined = "Declined",
        /// Ringing.
        Alerting = "Alerting",
        /// Forwarded.
        Forwarded = "Forwarded",
        /// Ringing a team.
        TeamRing = "TeamRing",
    }
}

string_enum! {
    /// State of a conversation.
    pub enum ConversationState {
        /// Escalated to a conference.
        Conferenced = "Conferenced",
        /// Escalating to a conference.
        Conferencing = "Conferencing",
        /// In the meeting.
        Connected = "Connected",
        /// Joining.
        Connecting = "Connecting",
        /// Gone.
        Disconnected = "Disconnected",
        /// Going.
        Disconnecting = "Disconnecting",
        /// Incoming.
        Incoming = "Incoming",
        /// Waiting in the lobby.
        InLobby = "InLobby",
    }
}

string_enum! {
    /// State of a modality such as messaging.
    pub enum ModalityState {
        /// Usable.
        Connected = "Connected",
        /// Being added.
        Connecting = "Connecting",
        /// Not (yet) added; `addMessaging` adds it.
        Disconnected = "Disconnected",
        /// Incoming, not accepted.
        Notified = "Notified",
    }
}

string_enum! {
    /// Which way something travels.
    pub enum Direction {
        /// Towards us.
        Incoming = "Incoming",
        /// From us.
        Outgoing = "Outgoing",
    }
}

string_enum! {
    /// A participant's role in the meeting.
    pub enum Role {
        /// Attendee.
        Attendee = "Attendee",
        /// Presenter/organizer.
        Leader = "Leader",
    }
}

/// The join operation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OnlineMeetingInvitation {
    /// `Connecting` while processed (lobby included), then `Connected` or `Failed`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<InvitationState>,
    /// The operation id the client sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operation_id: Option<String>,
    /// The conference URI.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub online_meeting_uri: Option<String>,
    /// The subject.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// Links: `self`, `conversation`, …
    #[serde(rename = "_links", default)]
    pub links: Links,
    /// Anything else (`direction`, `importance`, …).
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

/// A conversation: the guest's view of the meeting.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Conversation {
    /// `Connecting` → (`InLobby`) → `Connected` → `Disconnected`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<ConversationState>,
    /// The subject.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// How many are in the meeting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participant_count: Option<u32>,
    /// Active modalities, e.g. `["Messaging"]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active_modalities: Option<Vec<String>>,
    /// Links: `self`, `messaging`, `participants`, `localParticipant`, `onlineMeeting`, …
    #[serde(rename = "_links", default)]
    pub links: Links,
    /// Anything else.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

/// A participant (or the local participant).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Participant {
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// SIP URI.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
    /// `Attendee` or `Leader`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// Whether the participant is an anonymous guest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anonymous: Option<bool>,
    /// Whether the participant waits in the lobby.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_lobby: Option<bool>,
    /// Whether this is the guest themself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local: Option<bool>,
    /// Whether the participant organised the meeting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organizer: Option<bool>,
    /// Where they come from: `SameEnterprise`, `Federated`, `PublicCloud`, `Everyone`,
    /// `Unknown` (see [`crate::identity`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_network: Option<String>,
    /// Links: `self`, `conversation`, `admit`, `reject`, …
    #[serde(rename = "_links", default)]
    pub links: Links,
    /// Anything else.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

/// The messaging modality of a conversation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Messaging {
    /// `Disconnected` (add it), `Connecting`, `Connected` (send).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<ModalityState>,
    /// Formats both sides accept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub negotiated_message_formats: Option<Vec<String>>,
    /// Links: `addMessaging`, `sendMessage` (when connected), `stopMessaging`, …
    #[serde(rename = "_links", default)]
    pub links: Links,
    /// Anything else.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

/// A chat message.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Message {
    /// `Incoming` or `Outgoing`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    /// When it was sent (AJAX or ISO form).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_stamp: Option<WireDate>,
    /// The operation id of an outgoing message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operation_id: Option<String>,
    /// Links: `self`, `participant` (title = sender's name), `plainMessage`/`htmlMessage`
    /// (data URIs), `messaging`, …
    #[serde(rename = "_links", default)]
    pub links: Links,
    /// Anything else.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

/// A message's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MessageBody {
    /// Plain text.
    Plain(String),
    /// HTML, to be sanitized before display (see [`crate::html`]).
    Html(String),
}

impl Message {
    /// The message text: plain text if offered, else HTML.
    ///
    /// # Errors
    /// [`data_uri::DataUriError`] when the data URI is malformed.
    pub fn body(&self) -> Option<Result<MessageBody, data_uri::DataUriError>> {
        if let Some(link) = self.links.get("plainMessage") {
            return Some(data_uri::decode(link.href.as_str()).map(|d| MessageBody::Plain(d.text)));
        }
        let link = self.links.get("htmlMessage")?;
        Some(data_uri::decode(link.href.as_str()).map(|d| MessageBody::Html(d.text)))
    }

    /// The sender's display name, from the `participant` link's title.
    pub fn sender_name(&self) -> Option<&str> {
        self.links
            .get("participant")
            .and_then(|link| link.title.as_deref())
            .filter(|title| !title.trim().is_empty())
    }
}

/// The operation that adds messaging to a conversation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MessagingInvitation {
    /// State.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<InvitationState>,
    /// The operation id the client sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operation_id: Option<String>,
    /// Links.
    #[serde(rename = "_links", default)]
    pub links: Links,
    /// Anything else.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

/// The online meeting a conversation belongs to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OnlineMeeting {
    /// The subject.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// The join URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub join_url: Option<String>,
    /// The conference URI.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub online_meeting_uri: Option<String>,
    /// The organizer's SIP URI.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organizer_uri: Option<String>,
    /// The conference ID a caller keys in after dialling one of the meeting's numbers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conference_id: Option<String>,
    /// Whether people may join by phone (`Enabled`, `Disabled`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_user_admission: Option<String>,
    /// Links: `self`, `conversation`, `organizer`, `phoneDialInInformation`.
    #[serde(rename = "_links", default)]
    pub links: Links,
    /// Anything else (`accessLevel`, `disclaimerBody`, …).
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

impl OnlineMeeting {
    /// Whether the meeting says that nobody may join by phone.
    pub fn phone_disabled(&self) -> bool {
        self.phone_user_admission
            .as_deref()
            .is_some_and(|admission| admission.eq_ignore_ascii_case("Disabled"))
    }
}

/// How to join a meeting by phone (UCWA's `phoneDialInInformation`, linked from the
/// meeting): numbers per region, and the conference ID to key in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PhoneDialInInformation {
    /// The conference ID to key in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conference_id: Option<String>,
    /// The region whose number to offer first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_region: Option<String>,
    /// A public web page listing every dial-in number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_directory_uri: Option<String>,
    /// The audio conference provider's toll number, when one is used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub toll_number: Option<String>,
    /// The audio conference provider's toll-free numbers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub toll_free_numbers: Option<Vec<String>>,
    /// Whether an audio conference provider serves the meeting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_audio_conference_provider_enabled: Option<bool>,
    /// Links: `self`.
    #[serde(rename = "_links", default)]
    pub links: Links,
    /// `dialInRegion`: a number per region.
    #[serde(rename = "_embedded", default, skip_serializing_if = "Embedded::is_empty")]
    pub embedded: Embedded,
    /// Anything else (`internalDirectoryUri`, `participantPassCode`, …).
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

/// A region's dial-in number.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DialInRegion {
    /// The region, e.g. `Redmond`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The number, as a `tel:` URI.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Languages the conferencing attendant speaks there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub languages: Option<Vec<String>>,
    /// Links.
    #[serde(rename = "_links", default)]
    pub links: Links,
    /// Anything else.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}
