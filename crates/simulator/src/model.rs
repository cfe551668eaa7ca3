//! The simulator's world as plain data: hosts, meetings and the people in them, guests'
//! applications and conversations, TAAPI endpoints. No JSON, no locks, no operations.

use std::collections::BTreeMap;
use std::time::Instant;

use protocol::taapi::AccessLevel;
use serde::{Deserialize, Serialize};
use url::Url;

use crate::config::DialInConfig;

/// The base URL of every simulated host.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Hosts {
    /// Azure AD.
    pub login: Url,
    /// Discovery.
    pub api: Url,
    /// TAAPI applications.
    pub ring: Url,
    /// UCWA and redirected TAAPI calls.
    pub webpool: Url,
    /// Meeting join URLs.
    pub meet: Url,
    /// The control API.
    pub control: Url,
    /// On-premises autodiscovery (`lyncdiscover.<domain>`).
    pub lyncdiscover: Url,
    /// The on-premises web pool (`lyncweb.<domain>`).
    pub pool: Url,
    /// A second on-premises pool (split domain).
    pub pool2: Url,
}

/// Where a person is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Presence {
    /// Waiting for admission.
    Lobby,
    /// In the meeting.
    InMeeting,
}

/// A person in a meeting: scripted (played by the control API) or a guest.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Person {
    /// Id within the meeting, `user@domain`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// SIP URI.
    pub uri: String,
    /// Organizer or presenter.
    pub leader: bool,
    /// Where they come from: the organisation, a guest, a Skype user, …
    pub network: Network,
    /// Lobby or meeting.
    pub presence: Presence,
    /// The guest's application, for guests.
    pub app: Option<String>,
    /// When they arrived (ms since the epoch).
    pub since_ms: i64,
}

/// Where a person in a meeting comes from. It decides their SIP URI and what their
/// participant resource says as `sourceNetwork` (SourceNetwork_ref.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Network {
    /// The organizer's organisation: `SameEnterprise`.
    Organisation,
    /// An anonymous guest: `Everyone`, and `anonymous` true.
    Guest,
    /// A Skype user through Microsoft's consumer federation: `PublicCloud`, with a SIP URI
    /// made from their Microsoft account, `sip:user(example.com)@msn.com` (seed 003).
    Skype,
    /// Someone from a federated organisation: `Federated`.
    OtherOrganisation,
}

impl Network {
    /// The `sourceNetwork` their participant resource gives.
    pub fn source_network(self) -> &'static str {
        match self {
            Self::Organisation => "SameEnterprise",
            Self::Guest => "Everyone",
            Self::Skype => "PublicCloud",
            Self::OtherOrganisation => "Federated",
        }
    }
}

/// Who someone added through the control API is, besides their name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Affiliation {
    /// One of the organizer's organisation.
    #[default]
    Organisation,
    /// A Skype user with this Microsoft account (`user@example.com`).
    Skype {
        /// The Microsoft account.
        account: String,
    },
    /// Someone of another organisation, whose SIP domain is `domain`.
    OtherOrganisation {
        /// Their organisation's SIP domain.
        domain: String,
    },
}

/// A chat line, as the control API reports it.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ChatLine {
    /// Who wrote it.
    pub from: String,
    /// The text.
    pub text: String,
    /// When (ms since the epoch).
    pub at_ms: i64,
}

/// A meeting.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Meeting {
    /// The meeting id.
    pub id: String,
    /// The tenant id.
    pub tenant: String,
    /// The organizer's SIP URI.
    pub organizer_uri: String,
    /// The subject.
    pub subject: String,
    /// The lobby policy.
    pub access_level: AccessLevel,
    /// The join URL.
    pub join_url: String,
    /// The conference URI.
    pub conference_uri: String,
    /// Who is there.
    pub people: BTreeMap<String, Person>,
    /// The chat so far.
    pub chat: Vec<ChatLine>,
    /// When it expires (ms since the epoch), for ad-hoc meetings.
    pub expires_ms: Option<i64>,
    /// How to join it by phone, when people may.
    pub dial_in: Option<DialInConfig>,
}

impl Meeting {
    /// Whether an anonymous guest waits in the lobby. `SameEnterprise` keeps them there
    /// too: an anonymous guest is never in the same enterprise.
    pub fn guests_wait_in_lobby(&self) -> bool {
        matches!(
            self.access_level,
            AccessLevel::Locked | AccessLevel::Invited | AccessLevel::SameEnterprise
        )
    }

    /// Whether the meeting can still be joined at `now_ms` (ad-hoc meetings expire).
    pub fn is_on(&self, now_ms: i64) -> bool {
        self.expires_ms.is_none_or(|at| at > now_ms)
    }
}

/// Joins a meeting's URL from its parts.
pub fn join_url(meet: &Url, tenant_name: &str, organizer: &str, id: &str) -> String {
    let base = meet.as_str().trim_end_matches('/');
    format!("{base}/{tenant_name}/{organizer}/{id}")
}

/// Where a guest's conversation is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Waiting in the lobby.
    InLobby,
    /// In the meeting.
    Connected,
}

/// A guest's conversation in a meeting.
#[derive(Clone, Debug)]
pub struct Conversation {
    /// Its id.
    pub id: String,
    /// The meeting's id.
    pub meeting: String,
    /// The guest's person id in the meeting.
    pub person: String,
    /// The id of the join operation's invitation.
    pub invitation: String,
    /// The operation id the guest joined with.
    pub operation_id: String,
    /// Lobby or meeting.
    pub stage: Stage,
    /// Whether chat is added.
    pub messaging: bool,
    /// Messaging invitation ids by the operation id that added chat.
    pub messaging_invitations: BTreeMap<String, String>,
    /// Numbers of the messages sent, by operation id.
    pub sent: BTreeMap<String, u64>,
    /// The number the last message got.
    pub next_message: u64,
}

/// Why an application can no longer be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gone {
    /// It expired (idle, or by the control API): `410 InactiveApplicationExpired`.
    Expired,
    /// It was deleted or forgotten: `404 ApplicationNotFound`.
    Deleted,
}

/// A guest's UCWA application. Its event channel is kept beside it, in the state.
#[derive(Debug)]
pub struct UcwaApp {
    /// The id.
    pub id: String,
    /// The applications collection it belongs to: [`PSANON_APPLICATIONS`] online, or
    /// [`ON_PREMISES_APPLICATIONS`] on the on-premises pool. Its hrefs are under it.
    pub collection: &'static str,
    /// The `applicationSessionId` of its token.
    pub session_id: String,
    /// The origins its token allows.
    pub origins: Vec<String>,
    /// The conference URI its token is for.
    pub conference: String,
    /// The guest's display name.
    pub name: String,
    /// The guest's number (`sip:<number>@anonymous.invalid`).
    pub number: String,
    /// Culture.
    pub culture: String,
    /// User agent.
    pub user_agent: String,
    /// The client's `endpointId`, if it gave one (unique among a user's running
    /// applications on premises).
    pub endpoint_id: Option<String>,
    /// When it expired, if it did.
    pub expired_at: Option<Instant>,
    /// The guest's conversation, once they joined a meeting.
    pub conversation: Option<Conversation>,
}

impl UcwaApp {
    /// The guest's SIP URI.
    pub fn me_uri(&self) -> String {
        format!("sip:{}@anonymous.invalid", self.number)
    }

    /// The guest's person id in a meeting.
    pub fn person_id(&self) -> String {
        format!("{}@anonymous.invalid", self.number)
    }

    /// The id of the guest's conversation, if they joined a meeting.
    pub fn conversation_id(&self) -> Option<String> {
        self.conversation.as_ref().map(|c| c.id.clone())
    }
}

/// The online guests' applications (`POST anonApplications`), on the webpool host.
pub const PSANON_APPLICATIONS: &str = "/ucwa/psanon/v1/applications";
/// The applications of web-ticket holders on the on-premises pool (`POST applications`).
pub const ON_PREMISES_APPLICATIONS: &str = "/ucwa/oauth/v1/applications";

/// The on-premises pool's web-ticket service.
pub const WEB_TICKET_PATH: &str = "/WebTicket/oauthtoken";

/// What a guest's token and request say about the application they create.
#[derive(Clone, Debug)]
pub struct NewApplication {
    /// The applications collection it is created in.
    pub collection: &'static str,
    /// The `applicationSessionId` of the token.
    pub session_id: String,
    /// The origins the token allows.
    pub origins: Vec<String>,
    /// The conference URI the token is for.
    pub conference: String,
    /// The guest's display name.
    pub name: String,
    /// Culture.
    pub culture: String,
    /// User agent.
    pub user_agent: String,
    /// The client's `endpointId`, if it gave one.
    pub endpoint_id: Option<String>,
}

/// Why a guest's conversation ends; each is told with its own `reason`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ending {
    /// Turned away from the lobby.
    Denied,
    /// Nobody admitted them from the lobby in time.
    LobbyTimeout,
    /// An organizer removed them.
    Ejected,
    /// The meeting ended for everyone.
    MeetingEnded,
    /// They left.
    Left,
}

impl Ending {
    /// Whether the guest hears this as their join failing (the invitation completes with
    /// `Failure`), for a guest who was `presence`: a denial or a lobby timeout always, the
    /// meeting ending or an ejection while they still waited; leaving never.
    pub fn fails_the_join(self, presence: Presence) -> bool {
        match self {
            Self::Denied | Self::LobbyTimeout => true,
            Self::MeetingEnded | Self::Ejected => presence == Presence::Lobby,
            Self::Left => false,
        }
    }
}

/// A TAAPI application endpoint.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Endpoint {
    /// Its SIP URI.
    pub sip: String,
    /// Its app registration.
    pub client_id: String,
    /// Its tenant.
    pub tenant: String,
    /// Its TAAPI application id (a number).
    pub app_id: String,
}
