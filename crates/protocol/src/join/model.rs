//! What the join state machine exposes: phases, endings, failures, participants, chat.

use crate::date::Timestamp;
use crate::identity::Origin;

/// Where the guest is, as the UI shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Nothing has happened yet.
    Idle,
    /// Asking the middle tier for a guest token.
    GettingAccess,
    /// Ready for the Join click: token and discover are done, and so is the application
    /// when the guest's name was known ahead. (A name given while ready starts the
    /// application at once; the click then waits for it.)
    Ready,
    /// Creating the application and joining.
    Connecting,
    /// Waiting in the lobby since the given time.
    Lobby {
        /// When the guest entered the lobby.
        since: Timestamp,
    },
    /// In the meeting since the given time.
    InMeeting {
        /// When the guest got in.
        since: Timestamp,
    },
    /// Leaving (the application is being deleted).
    Leaving,
    /// It is over; the reason says how.
    Over(Ending),
}

impl Phase {
    /// A short name for logs and errors.
    pub fn name(&self) -> &'static str {
        match self {
            Self::Idle => "idle",
            Self::GettingAccess => "getting access",
            Self::Ready => "ready to join",
            Self::Connecting => "connecting",
            Self::Lobby { .. } => "waiting in the lobby",
            Self::InMeeting { .. } => "in the meeting",
            Self::Leaving => "leaving",
            Self::Over(_) => "over",
        }
    }

    /// Whether the guest is in the lobby or the meeting.
    pub fn is_joined(&self) -> bool {
        matches!(self, Self::Lobby { .. } | Self::InMeeting { .. })
    }
}

/// How a join ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ending {
    /// The guest left.
    Left,
    /// The organizer ended the meeting (or it ended while the guest waited).
    MeetingEnded,
    /// An organizer removed the guest.
    Removed,
    /// An organizer denied entry from the lobby.
    Denied,
    /// Nobody admitted the guest in time.
    LobbyTimedOut,
    /// Something went wrong.
    Failed(JoinFailure),
}

/// Why a join failed. Each kind maps to one plain sentence in the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JoinFailure {
    /// The link is not a usable meeting link for this service (middle tier's verdict).
    LinkNotUsable,
    /// The meeting does not exist, or not in this organisation.
    MeetingNotFound,
    /// Visitors need an invitation and none (or an invalid one) was given.
    InvitationRequired,
    /// The invitation is forged, damaged or for another meeting.
    InvitationInvalid,
    /// The invitation expired.
    InvitationExpired,
    /// This website may not join meetings through this service.
    OriginNotAllowed,
    /// The guest's access expired and could not be renewed.
    AccessExpired,
    /// The meeting is full.
    MeetingFull,
    /// The service said no, for a reason that has no better name.
    Refused,
    /// The service is unavailable; trying later may work.
    ServiceUnavailable,
    /// Too many attempts from this browser; wait a little.
    RateLimited {
        /// How long the service asked to wait, when it said (`Retry-After`).
        retry_after_secs: Option<u64>,
    },
    /// The network failed and did not come back.
    NetworkLost,
    /// Another window took over this guest's connection.
    OpenedElsewhere,
    /// The service answered something this client does not understand.
    Incompatible,
}

impl JoinFailure {
    /// A short public code, for a partner page or a log (`origin_not_allowed`, …).
    pub fn code(&self) -> &'static str {
        match self {
            Self::LinkNotUsable => "link_not_usable",
            Self::MeetingNotFound => "meeting_not_found",
            Self::InvitationRequired => "invitation_required",
            Self::InvitationInvalid => "invitation_invalid",
            Self::InvitationExpired => "invitation_expired",
            Self::OriginNotAllowed => "origin_not_allowed",
            Self::AccessExpired => "access_expired",
            Self::MeetingFull => "meeting_full",
            Self::Refused => "refused",
            Self::ServiceUnavailable => "service_unavailable",
            Self::RateLimited { .. } => "rate_limited",
            Self::NetworkLost => "network_lost",
            Self::OpenedElsewhere => "opened_elsewhere",
            Self::Incompatible => "incompatible",
        }
    }

    /// Whether trying again (the same way) may work.
    pub fn retry_safe(&self) -> bool {
        matches!(
            self,
            Self::ServiceUnavailable
                | Self::NetworkLost
                | Self::AccessExpired
                | Self::RateLimited { .. }
                | Self::OpenedElsewhere
                | Self::Incompatible
        )
    }
}

/// Which way a chat message went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MessageDirection {
    /// From someone else.
    Incoming,
    /// From the guest.
    Outgoing,
}

/// Where an outgoing message is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Delivery {
    /// On its way (or waiting for chat to connect).
    Sending,
    /// The service accepted it.
    Sent,
    /// It could not be sent; [`crate::join::GuestJoin::retry_message`] tries again.
    Failed,
    /// An incoming message.
    Received,
}

/// Identifies a chat message within one join session.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MessageId(pub u64);

/// A chat message, already safe to display as text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChatMessage {
    /// Local id.
    pub id: MessageId,
    /// Incoming or outgoing.
    pub direction: MessageDirection,
    /// Who wrote it (the guest's own name for outgoing messages).
    pub sender: String,
    /// Plain text; incoming HTML has been reduced to text.
    pub text: String,
    /// When it was sent or received.
    pub at: Timestamp,
    /// Delivery state.
    pub delivery: Delivery,
}

/// Someone in the meeting or its lobby.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    /// Display name.
    pub name: String,
    /// Whether they organise or present.
    pub is_leader: bool,
    /// Where they come from: the organizer's organisation, a guest, a Skype user, …
    pub origin: Origin,
    /// Whether they are waiting in the lobby.
    pub in_lobby: bool,
}

/// How to join the meeting by phone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DialIn {
    /// The conference ID to key in after dialling.
    pub conference_id: Option<String>,
    /// The numbers to call, the default region's first.
    pub numbers: Vec<PhoneNumber>,
    /// A web page listing every number, when the service has one.
    pub directory: Option<String>,
}

/// A number to call to join the meeting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhoneNumber {
    /// The region it serves, e.g. `Redmond`.
    pub region: Option<String>,
    /// The number as given, without `tel:` (`+14255550100`).
    pub number: String,
    /// Whether calling it is free.
    pub toll_free: bool,
}

impl PhoneNumber {
    /// The `tel:` URI that dials it.
    pub fn tel_uri(&self) -> String {
        format!("tel:{}", self.number)
    }
}

/// Something that just happened, for announcements and notifications.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Update {
    /// The phase changed; read [`crate::join::GuestJoin::phase`].
    PhaseChanged,
    /// The guest was let in from the lobby.
    Admitted,
    /// Someone joined.
    ParticipantJoined(String),
    /// Someone left.
    ParticipantLeft(String),
    /// The participant list changed in another way (role, lobby).
    RosterChanged,
    /// A message arrived.
    MessageReceived(MessageId),
    /// An outgoing message changed delivery state.
    DeliveryChanged(MessageId),
    /// The meeting subject became known or changed.
    SubjectChanged,
    /// Who is typing changed; read [`crate::join::GuestJoin::typing`].
    TypingChanged,
    /// How to join by phone became known; read [`crate::join::GuestJoin::dial_in`].
    DialInKnown,
    /// The connection dropped; the machine is trying to restore it.
    Reconnecting,
    /// The connection is back.
    Reconnected,
}
