//! The request journal: every request any host served, for tests, benchmarks and people.

use serde::{Deserialize, Serialize};

/// Which simulated host served a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HostName {
    /// Azure AD.
    Login,
    /// Discovery.
    Api,
    /// TAAPI applications.
    Ring,
    /// UCWA and redirected TAAPI calls.
    Webpool,
    /// Meeting join pages.
    Meet,
    /// The control API.
    Control,
    /// On-premises autodiscovery.
    Lyncdiscover,
    /// The on-premises web pool.
    Pool,
    /// A second on-premises pool (split domain).
    Pool2,
}

impl HostName {
    /// The name the real service used, for logs.
    pub fn label(self) -> &'static str {
        match self {
            Self::Login => "login",
            Self::Api => "api",
            Self::Ring => "ring",
            Self::Webpool => "webpool",
            Self::Meet => "meet",
            Self::Control => "control",
            Self::Lyncdiscover => "lyncdiscover",
            Self::Pool => "pool",
            Self::Pool2 => "pool2",
        }
    }
}

/// A protocol step, recognised from method and path; faults target steps.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// `POST /{tenant}/oauth2/token`.
    AadToken,
    /// OpenID configuration or JWKS.
    AadKeys,
    /// TAAPI `GET discover`.
    TaapiDiscover,
    /// TAAPI `GET applications?endpointId=`.
    Applications,
    /// TAAPI `GET application`.
    Application,
    /// TAAPI `POST anonApplicationTokens`.
    AnonToken,
    /// TAAPI `POST adhocMeetings`.
    AdhocMeeting,
    /// Guest `GET discover?anonymousMeetingJoinContext=`.
    GuestDiscover,
    /// `POST anonApplications`.
    CreateApplication,
    /// `GET`/`DELETE` the application.
    ApplicationResource,
    /// The event channel long-poll.
    Events,
    /// `POST onlineMeetingInvitations`.
    JoinMeeting,
    /// `POST addMessaging`.
    AddMessaging,
    /// `POST sendMessage`.
    SendMessage,
    /// Anything else in a conversation (stop messaging, typing, leave, participants).
    Conversation,
    /// A meeting's join page.
    MeetPage,
    /// The control API.
    Control,
    /// On premises: `GET` of the autodiscovery root.
    Autodiscover,
    /// On premises: `GET` of the `user` resource.
    UserResource,
    /// On premises: `POST WebTicket/oauthtoken`.
    WebTicket,
    /// On premises: the cross-domain frame's page.
    XFrame,
    /// Something unknown.
    Other,
}

impl Step {
    /// Recognises the step of a request.
    pub fn of(host: HostName, method: &http::Method, path: &str, query: Option<&str>) -> Self {
        let path = path.to_ascii_lowercase();
        let guest_context = query.is_some_and(|q| {
            let q = q.to_ascii_lowercase();
            q.contains("anonymousmeetingjoincontext=") || q.contains("anonymouscontext=")
        });
        let post = method == http::Method::POST;
        match host {
            HostName::Login if path.ends_with("/oauth2/token") => Self::AadToken,
            HostName::Login => Self::AadKeys,
            HostName::Api if path.starts_with("/platformservice/discover") && guest_context => {
                Self::GuestDiscover
            }
            HostName::Api if path.starts_with("/platformservice/discover") => Self::TaapiDiscover,
            HostName::Meet => Self::MeetPage,
            HostName::Control => Self::Control,
            HostName::Lyncdiscover | HostName::Pool | HostName::Pool2
                if path.ends_with("/xframe") || path.ends_with("/xframe.html") =>
            {
                Self::XFrame
            }
            HostName::Lyncdiscover => Self::Autodiscover,
            HostName::Pool if path == "/autodiscover/autodiscoverservice.svc/root" => Self::Autodiscover,
            HostName::Pool | HostName::Pool2 if path.ends_with("/webticket/oauthtoken") => Self::WebTicket,
            HostName::Pool if path.starts_with("/meet/") => Self::MeetPage,
            HostName::Pool | HostName::Pool2 if path.contains("/oauth/user") => Self::UserResource,
            _ if path.ends_with("/anontokens") || path.ends_with("/anonapplicationtokens") => Self::AnonToken,
            _ if path.ends_with("/adhocmeetings") => Self::AdhocMeeting,
            _ if path.starts_with("/platformservice/v1/applications/") => Self::Application,
            _ if path.starts_with("/platformservice/v1/applications") => Self::Applications,
            _ if (path == "/ucwa/psanon/v1/applications" || path == "/ucwa/oauth/v1/applications")
                && post =>
            {
                Self::CreateApplication
            }
            _ if path.ends_with("/events") => Self::Events,
            _ if path.ends_with("/onlinemeetinginvitations") && post => Self::JoinMeeting,
            _ if path.ends_with("/messaging/messaginginvitations") && post => Self::AddMessaging,
            _ if path.ends_with("/messaging/messages") && post => Self::SendMessage,
            _ if path.contains("/communication/") => Self::Conversation,
            _ if path.starts_with("/ucwa/psanon/v1/applications/")
                || path.starts_with("/ucwa/oauth/v1/applications/") =>
            {
                Self::ApplicationResource
            }
            _ => Self::Other,
        }
    }
}

/// One request.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct JournalEntry {
    /// Order of arrival.
    pub seq: u64,
    /// Milliseconds since the epoch when it arrived.
    pub at_ms: i64,
    /// Which host.
    pub host: HostName,
    /// The method.
    pub method: String,
    /// Path and query, tokens redacted.
    pub path: String,
    /// The step.
    pub step: Step,
    /// The status answered (0 when the connection was dropped).
    pub status: u16,
    /// The `Origin` header, if any.
    pub origin: Option<String>,
    /// Whether it was a CORS preflight.
    pub preflight: bool,
    /// How long the simulator took, in milliseconds (long-polls included).
    pub latency_ms: u64,
    /// For an event-channel response, each event it delivered as `"<type> <rel>"`
    /// (`"completed onlineMeetingInvitation"`): what a guest was waiting for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<String>,
}

/// Attached to an event-channel response for the journal: the events it delivered.
#[derive(Clone, Debug, Default)]
pub struct DeliveredEvents(pub Vec<String>);

impl DeliveredEvents {
    /// Lists the events in an event-channel response body.
    pub fn of(response: &serde_json::Value) -> Self {
        let senders = response.get("sender").and_then(serde_json::Value::as_array);
        let events = senders
            .into_iter()
            .flatten()
            .filter_map(|sender| sender.get("events").and_then(serde_json::Value::as_array))
            .flatten()
            .map(|event| {
                let kind = event
                    .get("type")
                    .and_then(serde_json::Value::as_str)
                    .unwrap_or("?");
                let rel = event
                    .pointer("/link/rel")
                    .and_then(serde_json::Value::as_str)
                    .unwrap_or("?");
                format!("{kind} {rel}")
            });
        Self(events.collect())
    }
}

/// The journal: the newest entries, up to a bound.
#[derive(Debug, Default)]
pub struct Journal {
    entries: std::collections::VecDeque<JournalEntry>,
    next_seq: u64,
}

/// How many entries the journal keeps.
const MAX_ENTRIES: usize = 20_000;

impl Journal {
    /// Records an entry, assigning its sequence number.
    pub fn record(&mut self, mut entry: JournalEntry) {
        self.next_seq += 1;
        entry.seq = self.next_seq;
        if self.entries.len() == MAX_ENTRIES {
            self.entries.pop_front();
        }
        self.entries.push_back(entry);
    }

    /// How many kept entries are of `step`.
    pub fn count(&self, step: Step) -> usize {
        self.entries.iter().filter(|e| e.step == step).count()
    }

    /// Every kept entry, oldest first.
    pub fn entries(&self) -> Vec<JournalEntry> {
        self.entries.iter().cloned().collect()
    }

    /// Forgets everything.
    pub fn clear(&mut self) {
        self.entries.clear();
    }
}
