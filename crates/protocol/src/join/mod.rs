//! The guest join state machine: from "link entered" to in the meeting, and out again.
//!
//! Shaped like `quinn-proto`: it performs no I/O and reads no clock. The driver (the
//! browser app, or a test) feeds it user actions and [`Input`]s, each with `now`, and drains
//! [`Command`]s (send this request, cancel that one, start a timer) and [`Update`]s (for
//! announcements). Nothing here panics on a surprising input: an action that makes no
//! sense in the current phase returns [`ProtocolError::InvalidTransition`], and a response
//! for a request the machine no longer cares about is ignored.
//!
//! The path: token from the middle tier → anonymous discover (both run while the guest
//! types) → create the UCWA application with the guest's display name (ahead of the Join
//! click when the name is already known, a remembered one say, otherwise at the click) →
//! park the event channel *and* post the invitation, which carries the name given at the
//! click → follow events through the lobby into the meeting → add messaging → chat.
//!
//! Events are read as the documents allow them to come: split over several responses,
//! participants named only by their link's title (their resources are read afterwards, off
//! the join's path), and a conversation's end announced first without a reason and then,
//! maybe in the next response, with it.
//!
//! On premises (a Skype for Business Server, protocol.md §3) the token and discover are
//! replaced by the server's own sign-in ([`crate::on_premises::SignIn`]: autodiscovery,
//! the web-ticket challenge, an anonymous web ticket, the `user` resource); the guest's
//! application is created from the `applications` link it leads to, and from there the
//! join is the same. The ticket is renewed with `ms_rtc_renew`, keeping the guest's
//! identity.
//!
//! Event-channel discipline: exactly one long-poll is parked at a time, and the next one is
//! parked before the events of a response are processed. A dropped channel is retried
//! with backoff on the same URL (so nothing is lost); `404`/`410` re-create the
//! application and rejoin; `401` fetches a fresh token for the same
//! `applicationSessionId` and repeats what failed.

mod events;
mod model;
// The on-premises sign-in and ticket renewal, or without the feature their refusal: an
// app that joins online meetings only does not carry them.
#[cfg(feature = "on-premises")]
mod on_premises;
#[cfg(not(feature = "on-premises"))]
#[path = "online_only.rs"]
mod on_premises;
mod trace;

use events::{PendingEnding, RosterEntry};

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use http::StatusCode;
use url::Url;

pub use model::*;
pub use trace::{Exchange, JoinStep, Problem, diagnostics_reason};

use crate::date::Timestamp;
use crate::error::{ErrorSubcode, ProtocolError};
use crate::guest_api::{self, GuestErrorCode, GuestTokenError, GuestTokenRequest, StaffAccess};
use crate::secret::Secret;
use crate::{HttpRequest, HttpResponse, ucwa};

fn valid_name(display_name: &str) -> Result<String, ProtocolError> {
    let name = display_name.trim();
    if name.is_empty() || name.chars().count() > ucwa::MAX_DISPLAY_NAME {
        return Err(ProtocolError::InvalidInput {
            field: "display name",
            reason: format!("it must be 1 to {} characters", ucwa::MAX_DISPLAY_NAME),
        });
    }
    Ok(name.to_owned())
}

/// Longest chat message accepted, in characters.
pub const MAX_MESSAGE_CHARS: usize = 4000;

/// How long the event channel may stay down before the machine gives up.
const RECONNECT_GIVE_UP_MS: i64 = 10 * 60 * 1000;
/// How many times an application is re-created after the server lost it.
const MAX_APP_RECOVERIES: u32 = 3;
/// How many fresh tokens in a row may be refused before access counts as expired.
const MAX_TOKEN_RENEWALS: u32 = 2;
/// Renew the token this long before it expires.
const TOKEN_RENEW_MARGIN_MS: i64 = 5 * 60 * 1000;
/// The longest [`Command::StartTimer`] asks for: 2³¹ − 1 ms (about 24.8 days), the most a
/// browser's `setTimeout` waits. A longer delay wraps to a negative one there, which fires at
/// once; a token renewal due later simply happens early.
pub const MAX_TIMER_MS: u32 = 0x7fff_ffff;

/// What the machine needs to know before it starts.
#[derive(Clone, Debug)]
pub struct JoinConfig {
    /// The middle tier's base URL.
    pub middle_tier: Url,
    /// The meeting's (normalised) online join URL.
    pub meeting_url: String,
    /// A signed invitation, when the guest came with one.
    pub invitation: Option<String>,
    /// A session id from an earlier visit, to keep the same guest identity.
    pub application_session_id: Option<String>,
    /// The UI culture, e.g. `en-us`.
    pub culture: String,
    /// The client's user agent string (≤ 100 characters).
    pub user_agent: String,
    /// A random prefix for operation ids, chosen by the driver (≤ 32 characters).
    pub operation_prefix: String,
    /// Join this on-premises server instead of the online service; the middle tier, the
    /// meeting URL and the invitation are then not used.
    pub on_premises: Option<OnPremisesServer>,
}

/// An on-premises meeting to join (protocol.md §3).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OnPremisesServer {
    /// The meeting's conference URI.
    pub conference: crate::join_link::ConferenceUri,
    /// Autodiscovery roots to ask, in order: usually
    /// [`crate::on_premises::autodiscover_roots`] of the conference's domain.
    pub roots: Vec<Url>,
    /// Hosts a root answering over plain HTTP may redirect to, beyond the domain.
    pub trusted_hosts: Vec<String>,
}

impl OnPremisesServer {
    /// The server of an on-premises meeting `link` (a simple URL or a conference URI):
    /// its conference from `domains`, asked at `roots` (protocol.md §3.1, §3.2). `None` for
    /// an online link.
    pub fn for_link(
        link: &crate::join_link::JoinLink,
        domains: &crate::on_premises::SimpleUrlDomains,
        roots: &crate::on_premises::AutodiscoverRoots,
    ) -> Option<Self> {
        use crate::join_link::JoinLink;
        let conference = match link {
            JoinLink::OnPremises(meeting) => crate::on_premises::conference_uri(meeting, domains),
            JoinLink::ConferenceUri(conference) => conference.clone(),
            JoinLink::Online(_) => return None,
        };
        let domain = conference.organizer.rsplit_once('@')?.1.to_owned();
        Some(Self {
            roots: roots.roots_for(&domain).ok()?,
            trusted_hosts: roots.trusted_hosts(),
            conference,
        })
    }
}

/// How far the background part of a join got.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Milestones {
    /// The middle tier handed out a guest token.
    pub token: bool,
    /// The meeting service answered the discover request from this page.
    pub discovered: bool,
    /// The guest application exists.
    pub application: bool,
}

/// Identifies a request the machine asked to send.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RequestId(pub u64);

/// Identifies a timer the machine asked to start.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TimerId(pub u64);

/// Something the driver must do.
#[derive(Debug)]
pub enum Command {
    /// Send the request; report back with [`Input::Response`] or [`Input::TransportFailed`].
    Send {
        /// The request's id.
        id: RequestId,
        /// The request.
        request: Box<HttpRequest>,
        /// Give up after this long and report [`Input::TransportFailed`].
        timeout_ms: u32,
    },
    /// Abort the request if it is still running; its outcome no longer matters.
    Cancel {
        /// The request's id.
        id: RequestId,
    },
    /// Report [`Input::TimerFired`] after this long.
    StartTimer {
        /// The timer's id.
        id: TimerId,
        /// Delay in milliseconds, at most [`MAX_TIMER_MS`].
        after_ms: u32,
    },
}

/// Something that happened to a request or timer.
#[derive(Debug)]
pub enum Input {
    /// A response arrived (any status).
    Response {
        /// Which request.
        id: RequestId,
        /// The response.
        response: HttpResponse,
    },
    /// The request failed without a response (network down, blocked by CORS, timed out).
    TransportFailed {
        /// Which request.
        id: RequestId,
    },
    /// A timer fired.
    TimerFired {
        /// Which timer.
        id: TimerId,
    },
}

/// Each request the machine makes, with what it needs to be rebuilt for a retry.
#[derive(Clone, Debug, PartialEq, Eq)]
enum RequestKind {
    Token,
    /// A step of the on-premises sign-in (its request is the sign-in's current one).
    // Only the `on-premises` feature starts a sign-in.
    #[cfg_attr(not(feature = "on-premises"), allow(dead_code))]
    SignIn,
    /// The on-premises web ticket's renewal.
    RenewTicket,
    Discover,
    CreateApplication,
    Invite,
    Events(Url),
    AddMessaging(Url),
    SendMessage(MessageId),
    Roster(Url),
    Participant(Url),
    SetIsTyping(Url),
    OnlineMeeting(Url),
    DialIn(Url),
    Leave,
    Cleanup(Url),
}

impl RequestKind {
    /// The step on the way in this request is, if it is one.
    fn step(&self) -> Option<JoinStep> {
        match self {
            Self::Token => Some(JoinStep::GuestToken),
            Self::Discover | Self::SignIn => Some(JoinStep::Discover),
            Self::CreateApplication => Some(JoinStep::CreateApplication),
            Self::Invite => Some(JoinStep::JoinMeeting),
            Self::Leave => Some(JoinStep::Leave),
            _ => None,
        }
    }

    /// How many transport failures or `5xx` answers are retried.
    fn max_retries(&self) -> u32 {
        match self {
            Self::Events(_) => u32::MAX,
            Self::Token
            | Self::SignIn
            | Self::RenewTicket
            | Self::Discover
            | Self::CreateApplication
            | Self::Invite
            | Self::AddMessaging(_) => 4,
            Self::SendMessage(_) => 2,
            Self::Roster(_) | Self::Participant(_) | Self::OnlineMeeting(_) | Self::DialIn(_) => 1,
            Self::SetIsTyping(_) | Self::Leave | Self::Cleanup(_) => 0,
        }
    }

    fn timeout_ms(&self) -> u32 {
        match self {
            // The server holds a long-poll up to its 180 s default timeout.
            Self::Events(_) => 210_000,
            Self::Token | Self::Discover | Self::SignIn | Self::RenewTicket => 20_000,
            _ => 30_000,
        }
    }
}

#[derive(Debug)]
struct Pending {
    kind: RequestKind,
    url: Url,
    attempt: u32,
}

#[derive(Debug)]
enum TimerPurpose {
    Retry {
        kind: RequestKind,
        attempt: u32,
    },
    RenewToken,
    /// The conversation went away without a reason; stop waiting for one.
    SettleEnding,
}

#[derive(Debug)]
struct Access {
    token: Secret,
    discover_url: Url,
}

#[derive(Debug)]
struct Discovered {
    anon_applications: Url,
    conference_uri: String,
}

#[derive(Debug)]
struct AppLinks {
    self_url: Url,
    join_online_meeting: Url,
    me_uri: Option<String>,
}

/// Where chat is in the conversation.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Chat {
    Unavailable,
    CanAdd(Url),
    Adding,
    /// Messages go to `send`; `typing` tells the others the guest is typing.
    Connected {
        send: Url,
        typing: Option<Url>,
    },
}

/// How often at most the guest's typing is told to the service: `setIsTyping` starts "a
/// short timer on the server" (setIsTyping_ref.md) whose length is not documented, so it is
/// renewed every few seconds while keys are pressed.
pub const TYPING_RENEW_MS: i64 = 3_000;

/// How far the guest got with the meeting service. Each stage holds what the ones before it
/// got, so that a request is built only from a stage that has what it needs: an application
/// cannot exist without the discover answer it was made at, nor that without a token.
#[derive(Debug, Default)]
enum Reach {
    /// Nothing yet.
    #[default]
    Nothing,
    /// A token (online, the middle tier's; on premises, a web ticket).
    Token(Access),
    /// And where applications are made.
    Discovered(Access, Discovered),
    /// And the guest's application.
    Application(Access, Discovered, AppLinks),
}

impl Reach {
    fn access(&self) -> Option<&Access> {
        match self {
            Self::Nothing => None,
            Self::Token(access) | Self::Discovered(access, _) | Self::Application(access, _, _) => {
                Some(access)
            }
        }
    }

    #[cfg(feature = "on-premises")]
    fn access_mut(&mut self) -> Option<&mut Access> {
        match self {
            Self::Nothing => None,
            Self::Token(access) | Self::Discovered(access, _) | Self::Application(access, _, _) => {
                Some(access)
            }
        }
    }

    fn discovered(&self) -> Option<(&Access, &Discovered)> {
        match self {
            Self::Discovered(access, discovered) | Self::Application(access, discovered, _) => {
                Some((access, discovered))
            }
            Self::Nothing | Self::Token(_) => None,
        }
    }

    fn application(&self) -> Option<(&Access, &Discovered, &AppLinks)> {
        match self {
            Self::Application(access, discovered, app) => Some((access, discovered, app)),
            _ => None,
        }
    }

    /// A new token, or a renewed one for what was reached with the old.
    fn set_access(&mut self, fresh: Access) {
        match self {
            Self::Nothing => *self = Self::Token(fresh),
            Self::Token(access) | Self::Discovered(access, _) | Self::Application(access, _, _) => {
                *access = fresh;
            }
        }
    }

    /// The discover answer, to a token; `false` without one.
    fn discover(&mut self, discovered: Discovered) -> bool {
        match std::mem::take(self) {
            Self::Token(access) => {
                *self = Self::Discovered(access, discovered);
                true
            }
            other => {
                *self = other;
                false
            }
        }
    }

    /// The guest's application, made at the discovered place; `false` before discover.
    fn set_application(&mut self, app: AppLinks) -> bool {
        match std::mem::take(self) {
            Self::Discovered(access, discovered) | Self::Application(access, discovered, _) => {
                *self = Self::Application(access, discovered, app);
                true
            }
            other => {
                *self = other;
                false
            }
        }
    }

    /// The application is gone (left, lost or ended); the token and discover stay.
    fn forget_application(&mut self) -> Option<AppLinks> {
        match std::mem::take(self) {
            Self::Application(access, discovered, app) => {
                *self = Self::Discovered(access, discovered);
                Some(app)
            }
            other => {
                *self = other;
                None
            }
        }
    }
}

/// The guest join state machine. See the module docs.
#[derive(Debug)]
pub struct GuestJoin {
    config: JoinConfig,
    phase: Phase,
    display_name: Option<String>,
    join_requested: bool,
    session_id: Option<String>,
    /// The token, the discover answer and the application, as far as they go.
    reach: Reach,
    participants_url: Option<Url>,
    /// The roster key of the guest's own participant, so events about it are not listed.
    local_key: Option<String>,
    chat: Chat,
    subject: Option<String>,
    pending: BTreeMap<RequestId, Pending>,
    timers: BTreeMap<TimerId, TimerPurpose>,
    reconnecting_since: Option<Timestamp>,
    awaiting_token: Vec<RequestKind>,
    token_renewals: u32,
    app_recoveries: u32,
    invite_operation: Option<String>,
    roster: BTreeMap<String, RosterEntry>,
    /// Participant resources waiting to be read.
    detail_queue: VecDeque<Url>,
    ending: Option<PendingEnding>,
    /// Who is typing, by roster key, with their name.
    typing: BTreeMap<String, String>,
    /// When the guest's typing was last told to the service.
    typing_told: Option<Timestamp>,
    /// The meeting resource, to read when its event did not embed it.
    meeting_url: Option<Url>,
    /// Where the meeting's phone details are, once known.
    dial_in_url: Option<Url>,
    /// The conference ID the meeting resource gives (the phone details may repeat it).
    phone_conference_id: Option<String>,
    /// Whether the meeting resource itself was seen (embedded in its event, or read).
    meeting_seen: bool,
    dial_in: Option<DialIn>,
    messages: Vec<ChatMessage>,
    message_operations: BTreeMap<MessageId, String>,
    seen_incoming: BTreeSet<String>,
    next_id: u64,
    next_operation: u64,
    commands: VecDeque<Command>,
    updates: VecDeque<Update>,
    /// What the steps on the way in got back, newest last.
    exchanges: VecDeque<Exchange>,
    /// Set for a link check outside a browser: tokens come from the staff API.
    staff: Option<StaffAccess>,
    /// On premises: the sign-in under way, and where the web ticket was issued.
    on_premises: on_premises::State,
}

impl GuestJoin {
    /// A machine that has done nothing yet.
    pub fn new(config: JoinConfig) -> Self {
        let session_id = config.application_session_id.clone();
        Self {
            config,
            phase: Phase::Idle,
            display_name: None,
            join_requested: false,
            session_id,
            reach: Reach::Nothing,
            participants_url: None,
            local_key: None,
            chat: Chat::Unavailable,
            subject: None,
            pending: BTreeMap::new(),
            timers: BTreeMap::new(),
            reconnecting_since: None,
            awaiting_token: Vec::new(),
            token_renewals: 0,
            app_recoveries: 0,
            invite_operation: None,
            roster: BTreeMap::new(),
            detail_queue: VecDeque::new(),
            ending: None,
            typing: BTreeMap::new(),
            typing_told: None,
            meeting_url: None,
            dial_in_url: None,
            phone_conference_id: None,
            meeting_seen: false,
            dial_in: None,
            messages: Vec::new(),
            message_operations: BTreeMap::new(),
            seen_incoming: BTreeSet::new(),
            next_id: 0,
            next_operation: 0,
            commands: VecDeque::new(),
            updates: VecDeque::new(),
            exchanges: VecDeque::new(),
            staff: None,
            on_premises: on_premises::State::default(),
        }
    }

    // ----- what the UI reads -------------------------------------------------------------

    /// Where the guest is.
    pub fn phase(&self) -> &Phase {
        &self.phase
    }

    /// Whether the event channel is down and being restored, and since when.
    pub fn reconnecting_since(&self) -> Option<Timestamp> {
        self.reconnecting_since
    }

    /// The meeting subject, once known.
    pub fn subject(&self) -> Option<&str> {
        self.subject.as_deref()
    }

    /// The session id to keep the same guest identity on rejoin.
    pub fn application_session_id(&self) -> Option<&str> {
        self.session_id.as_deref()
    }

    /// Everyone else in the meeting and its lobby, ordered by name.
    pub fn participants(&self) -> Vec<&Person> {
        let mut people: Vec<&Person> = self.roster.values().map(|entry| &entry.person).collect();
        people.sort_by(|a, b| by_name(&a.name, &b.name));
        people
    }

    /// The names of the others typing a message now, in name order.
    pub fn typing(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self.typing.values().map(String::as_str).collect();
        names.sort_by(|a, b| by_name(a, b));
        names
    }

    /// How to join the meeting by phone, when the meeting offers it.
    pub fn dial_in(&self) -> Option<&DialIn> {
        self.dial_in.as_ref()
    }

    /// How many people wait in the lobby.
    pub fn lobby_count(&self) -> usize {
        self.roster.values().filter(|entry| entry.person.in_lobby).count()
    }

    /// The chat so far, oldest first.
    pub fn messages(&self) -> &[ChatMessage] {
        &self.messages
    }

    /// Whether chat can be used now (messages sent earlier are queued until it can).
    pub fn chat_ready(&self) -> bool {
        matches!(self.chat, Chat::Connected { .. })
    }

    /// How far the background part of a join got: a token, the discover answer, an
    /// application. A link check reports these one by one.
    pub fn milestones(&self) -> Milestones {
        Milestones {
            token: self.reach.access().is_some(),
            discovered: self.reach.discovered().is_some(),
            application: self.reach.application().is_some(),
        }
    }

    /// Makes this machine a link check run outside a browser (a command, a monitor): its
    /// guest tokens come from the middle tier's staff API with `access`, for the website
    /// the answer names, which the driver then presents as its `Origin`.
    #[must_use]
    pub fn checking_as_staff(mut self, access: StaffAccess) -> Self {
        self.staff = Some(access);
        self
    }

    /// What each request on the way in (token, discover, application, join, leave) got
    /// back, oldest first: to explain a failure in staff terms.
    pub fn exchanges(&self) -> impl Iterator<Item = &Exchange> {
        self.exchanges.iter()
    }

    /// On premises, the server's cross-domain frame (XFrame) through which a browser must
    /// send a request to `url` when the server answers it no CORS (protocol.md §5.2):
    /// an autodiscovery root's `/xframe`, or an `xframe` link the server gave for that
    /// origin. `None` online, or for an origin no frame is known for.
    pub fn frame_for(&self, url: &Url) -> Option<Url> {
        self.on_premises.frame_for(url)
    }

    /// [`GuestJoin::frame_for`] the URL `request` goes to; online, `None` without reading it.
    pub fn frame_for_request(&self, request: &HttpRequest) -> Option<Url> {
        self.config.on_premises.as_ref()?;
        self.frame_for(&crate::http_util::request_url(request).ok()?)
    }

    /// The next command for the driver.
    pub fn poll_command(&mut self) -> Option<Command> {
        self.commands.pop_front()
    }

    /// The next update for the UI.
    pub fn poll_update(&mut self) -> Option<Update> {
        self.updates.pop_front()
    }

    // ----- user actions ------------------------------------------------------------------

    /// Gets the token and discovers the service ahead of the Join click.
    ///
    /// # Errors
    /// [`ProtocolError::InvalidTransition`] unless idle.
    pub fn prefetch(&mut self) -> Result<(), ProtocolError> {
        match self.phase {
            Phase::Idle => {
                self.set_phase(Phase::GettingAccess);
                self.get_access()
            }
            _ => Err(self.invalid("prefetch")),
        }
    }

    /// The guest's name, known before the Join click (remembered from an earlier visit, or
    /// passed by a partner page): the application, which the service creates with a display
    /// name, is then created ahead, so that the click costs only the join itself. The name
    /// given to [`GuestJoin::join`] is the one the meeting shows: the invitation carries it.
    ///
    /// # Errors
    /// [`ProtocolError::InvalidInput`] for an empty or over-long name.
    pub fn set_display_name(&mut self, display_name: &str) -> Result<(), ProtocolError> {
        self.display_name = Some(valid_name(display_name)?);
        if self.phase == Phase::Ready && self.reach.application().is_none() && !self.creating_application() {
            return self.send(RequestKind::CreateApplication, 0);
        }
        Ok(())
    }

    fn creating_application(&self) -> bool {
        self.pending
            .values()
            .any(|p| p.kind == RequestKind::CreateApplication)
    }

    /// The guest pressed Join with this display name.
    ///
    /// # Errors
    /// [`ProtocolError::InvalidInput`] for an empty or over-long name;
    /// [`ProtocolError::InvalidTransition`] when already joining or joined.
    pub fn join(&mut self, display_name: &str) -> Result<(), ProtocolError> {
        let name = valid_name(display_name)?;
        match &self.phase {
            Phase::Idle => {
                self.display_name = Some(name);
                self.join_requested = true;
                self.set_phase(Phase::GettingAccess);
                self.get_access()
            }
            Phase::GettingAccess => {
                // The prefetch goes on and joins as soon as the application exists.
                self.display_name = Some(name);
                self.join_requested = true;
                if self.reach.discovered().is_some() {
                    self.set_phase(Phase::Connecting);
                }
                Ok(())
            }
            Phase::Ready => {
                self.display_name = Some(name);
                self.join_requested = true;
                self.set_phase(Phase::Connecting);
                if self.reach.application().is_some() {
                    self.invite_operation = Some(self.operation_id());
                    self.send(RequestKind::Invite, 0)
                } else if self.creating_application() {
                    // Created ahead with a remembered name: the join follows it.
                    Ok(())
                } else {
                    self.send(RequestKind::CreateApplication, 0)
                }
            }
            Phase::Over(Ending::Failed(_)) => {
                self.display_name = Some(name);
                self.restart()
            }
            _ => Err(self.invalid("join")),
        }
    }

    /// Sends a chat message; it is queued if chat is still connecting.
    ///
    /// # Errors
    /// [`ProtocolError::InvalidInput`] for an empty or over-long message;
    /// [`ProtocolError::InvalidTransition`] when not in the meeting.
    pub fn send_message(&mut self, text: &str, now: Timestamp) -> Result<MessageId, ProtocolError> {
        let text = text.trim();
        if text.is_empty() || text.chars().count() > MAX_MESSAGE_CHARS {
            return Err(ProtocolError::InvalidInput {
                field: "message",
                reason: format!("it must be 1 to {MAX_MESSAGE_CHARS} characters"),
            });
        }
        if !matches!(self.phase, Phase::InMeeting { .. }) {
            return Err(self.invalid("send a message"));
        }
        let id = MessageId(self.next_id());
        let operation = self.operation_id();
        self.message_operations.insert(id, operation);
        self.messages.push(ChatMessage {
            id,
            direction: MessageDirection::Outgoing,
            sender: self.display_name.clone().unwrap_or_default(),
            text: text.to_owned(),
            at: now,
            delivery: Delivery::Sending,
        });
        if self.chat_ready() {
            self.send(RequestKind::SendMessage(id), 0)?;
        }
        Ok(id)
    }

    /// The guest pressed a key in the message box: tells the others the guest is typing, at
    /// most every [`TYPING_RENEW_MS`]. Nothing happens while chat is not connected.
    ///
    /// # Errors
    /// [`ProtocolError::InvalidHref`] only if the typing link cannot be used.
    pub fn guest_is_typing(&mut self, now: Timestamp) -> Result<(), ProtocolError> {
        let Chat::Connected {
            typing: Some(url), ..
        } = &self.chat
        else {
            return Ok(());
        };
        if self
            .typing_told
            .is_some_and(|told| now.millis_since(told) < TYPING_RENEW_MS)
        {
            return Ok(());
        }
        let url = url.clone();
        self.typing_told = Some(now);
        self.send(RequestKind::SetIsTyping(url), 0)
    }

    /// Tries a failed message again (with the same operation id, so it cannot arrive twice).
    ///
    /// # Errors
    /// [`ProtocolError::InvalidTransition`] unless the message failed and the guest is in
    /// the meeting.
    pub fn retry_message(&mut self, id: MessageId) -> Result<(), ProtocolError> {
        let in_meeting = matches!(self.phase, Phase::InMeeting { .. });
        let Some(message) = self.messages.iter_mut().find(|m| m.id == id) else {
            return Err(self.invalid("retry an unknown message"));
        };
        if message.delivery != Delivery::Failed || !in_meeting {
            return Err(self.invalid("retry a message"));
        }
        message.delivery = Delivery::Sending;
        self.updates.push_back(Update::DeliveryChanged(id));
        if self.chat_ready() {
            self.send(RequestKind::SendMessage(id), 0)?;
        }
        Ok(())
    }

    /// Leaves the meeting (or stops joining).
    ///
    /// # Errors
    /// [`ProtocolError::InvalidTransition`] when it is already over.
    pub fn leave(&mut self) -> Result<(), ProtocolError> {
        match self.phase {
            Phase::Over(_) => Err(self.invalid("leave")),
            Phase::Leaving => Ok(()),
            _ if self.reach.application().is_some() => {
                self.cancel_all();
                self.set_phase(Phase::Leaving);
                self.send(RequestKind::Leave, 0)
            }
            _ => {
                self.finish(Ending::Left);
                Ok(())
            }
        }
    }

    /// Joins again after leaving, being removed, the meeting ending or a failure: a fresh
    /// token for the same `applicationSessionId`, then the whole join. Chat is kept.
    ///
    /// # Errors
    /// [`ProtocolError::InvalidTransition`] unless it is over.
    pub fn rejoin(&mut self) -> Result<(), ProtocolError> {
        match self.phase {
            Phase::Over(_) if self.display_name.is_some() => self.restart(),
            _ => Err(self.invalid("rejoin")),
        }
    }

    // ----- inputs ------------------------------------------------------------------------

    /// Feeds an outcome in.
    ///
    /// # Errors
    /// [`ProtocolError::InvalidInput`]/[`ProtocolError::InvalidHref`] only when a request
    /// cannot even be built (e.g. a configured URL is unusable); every server answer,
    /// however odd, is absorbed into the phase instead.
    pub fn handle(&mut self, input: Input, now: Timestamp) -> Result<(), ProtocolError> {
        match input {
            Input::Response { id, response } => {
                let Some(pending) = self.pending.remove(&id) else {
                    return Ok(());
                };
                if let Some(step) = pending.kind.step() {
                    self.keep(Exchange::answered(step, &pending.url, &response, now));
                }
                self.on_response(pending, &response, now)
            }
            Input::TransportFailed { id } => {
                let Some(pending) = self.pending.remove(&id) else {
                    return Ok(());
                };
                if let Some(step) = pending.kind.step() {
                    self.keep(Exchange::unanswered(step, &pending.url, now));
                }
                self.on_transport_failure(pending, now)
            }
            Input::TimerFired { id } => match self.timers.remove(&id) {
                Some(TimerPurpose::Retry { kind, attempt }) => self.send(kind, attempt),
                Some(TimerPurpose::RenewToken) => self.renew_token(None),
                Some(TimerPurpose::SettleEnding) => {
                    self.settle_ending(true);
                    Ok(())
                }
                None => Ok(()),
            },
        }
    }

    // ----- internals ---------------------------------------------------------------------

    fn invalid(&self, input: &'static str) -> ProtocolError {
        ProtocolError::InvalidTransition {
            state: self.phase.name(),
            input,
        }
    }

    fn keep(&mut self, exchange: Exchange) {
        if self.exchanges.len() == trace::MAX_EXCHANGES {
            self.exchanges.pop_front();
        }
        self.exchanges.push_back(exchange);
    }

    fn next_id(&mut self) -> u64 {
        self.next_id += 1;
        self.next_id
    }

    fn operation_id(&mut self) -> String {
        self.next_operation += 1;
        self.prefixed(&self.next_operation.to_string())
    }

    /// `suffix` after the driver's prefix (its first 32 characters): the ids this client
    /// gives its operations and its endpoint.
    fn prefixed(&self, suffix: &str) -> String {
        let prefix: String = self.config.operation_prefix.chars().take(32).collect();
        format!("{prefix}-{suffix}")
    }

    fn set_phase(&mut self, phase: Phase) {
        if self.phase != phase {
            self.phase = phase;
            self.updates.push_back(Update::PhaseChanged);
        }
    }

    fn restart(&mut self) -> Result<(), ProtocolError> {
        self.cancel_all();
        self.reach = Reach::Nothing;
        self.on_premises = on_premises::State::default();
        self.reset_conversation();
        self.app_recoveries = 0;
        self.token_renewals = 0;
        self.reconnecting_since = None;
        self.join_requested = true;
        self.set_phase(Phase::GettingAccess);
        self.get_access()
    }

    /// Starts getting access: a guest token from the middle tier, or on premises the
    /// server's sign-in.
    fn get_access(&mut self) -> Result<(), ProtocolError> {
        let Some(server) = self.config.on_premises.clone() else {
            return self.send(RequestKind::Token, 0);
        };
        self.start_sign_in(server)
    }

    fn reset_conversation(&mut self) {
        self.participants_url = None;
        self.local_key = None;
        self.detail_queue.clear();
        self.ending = None;
        self.typing.clear();
        self.typing_told = None;
        self.meeting_url = None;
        self.dial_in_url = None;
        self.phone_conference_id = None;
        self.meeting_seen = false;
        self.chat = Chat::Unavailable;
        self.invite_operation = None;
        if !self.roster.is_empty() {
            self.roster.clear();
            self.updates.push_back(Update::RosterChanged);
        }
    }

    fn cancel_all(&mut self) {
        let ids: Vec<RequestId> = self.pending.keys().copied().collect();
        for id in ids {
            self.pending.remove(&id);
            self.commands.push_back(Command::Cancel { id });
        }
        self.timers.clear();
        self.awaiting_token.clear();
    }

    /// How many event-channel requests are outstanding or scheduled for retry. The
    /// discipline is at most one; tests assert it.
    pub fn event_polls(&self) -> usize {
        self.outstanding(|kind| matches!(kind, RequestKind::Events(_)))
    }

    /// How many requests of a kind are in flight or scheduled for a retry.
    fn outstanding(&self, of_kind: impl Fn(&RequestKind) -> bool) -> usize {
        let in_flight = self.pending.values().filter(|p| of_kind(&p.kind)).count();
        let scheduled = self
            .timers
            .values()
            .filter(|t| matches!(t, TimerPurpose::Retry { kind, .. } if of_kind(kind)))
            .count();
        in_flight + scheduled
    }

    /// Builds and queues a request.
    fn send(&mut self, kind: RequestKind, attempt: u32) -> Result<(), ProtocolError> {
        let request = match self.build(&kind) {
            Ok(request) => request,
            Err(error) => {
                self.fail(Self::failure_for_build_error(&error));
                return Err(error);
            }
        };
        let url = crate::http_util::request_url(&request)?;
        let id = RequestId(self.next_id());
        let timeout_ms = kind.timeout_ms();
        self.pending.insert(id, Pending { kind, url, attempt });
        self.commands.push_back(Command::Send {
            id,
            request: Box::new(request),
            timeout_ms,
        });
        Ok(())
    }

    fn failure_for_build_error(error: &ProtocolError) -> JoinFailure {
        match error {
            ProtocolError::MissingLink { .. } | ProtocolError::Decode { .. } => JoinFailure::Incompatible,
            _ => JoinFailure::LinkNotUsable,
        }
    }

    fn token(&self) -> Result<&Secret, ProtocolError> {
        self.reach
            .access()
            .map(|a| &a.token)
            .ok_or(ProtocolError::InvalidTransition {
                state: self.phase.name(),
                input: "a request without a token",
            })
    }

    fn build(&self, kind: &RequestKind) -> Result<HttpRequest, ProtocolError> {
        let missing = |what: &'static str| ProtocolError::InvalidTransition {
            state: self.phase.name(),
            input: what,
        };
        match kind {
            RequestKind::Token => {
                let request = GuestTokenRequest {
                    meeting_url: self.config.meeting_url.clone(),
                    display_name: self.display_name.clone(),
                    invitation: self.config.invitation.clone(),
                    application_session_id: self.session_id.clone(),
                };
                match &self.staff {
                    Some(access) => {
                        guest_api::staff_check_token_request(&self.config.middle_tier, access, request)
                    }
                    None => guest_api::token_request(&self.config.middle_tier, &request),
                }
            }
            RequestKind::SignIn => self.sign_in_request(),
            RequestKind::RenewTicket => self.renewal_request(),
            RequestKind::Discover => {
                let access = self
                    .reach
                    .access()
                    .ok_or_else(|| missing("discover without a token"))?;
                ucwa::discover_request(&access.discover_url)
            }
            RequestKind::CreateApplication => {
                let (access, discovered) = self
                    .reach
                    .discovered()
                    .ok_or_else(|| missing("create an application before discover"))?;
                // On premises the name comes with the join, and `endpointId` is expected.
                let on_premises = self.config.on_premises.is_some();
                let input = ucwa::ApplicationInput {
                    anonymous_display_name: self.display_name.clone().filter(|_| !on_premises),
                    culture: self.config.culture.clone(),
                    user_agent: self.config.user_agent.clone(),
                    // One per attempt: an attempt that timed out may have made its
                    // application, and a second with its `endpointId` is refused (§3.6).
                    endpoint_id: on_premises.then(|| self.prefixed(&format!("endpoint{}", self.next_id))),
                    other: serde_json::Map::new(),
                };
                ucwa::create_application_request(&discovered.anon_applications, &access.token, &input)
            }
            RequestKind::Invite => {
                let (access, discovered, app) = self
                    .reach
                    .application()
                    .ok_or_else(|| missing("join without an application"))?;
                let input = ucwa::OnlineMeetingInvitationInput {
                    online_meeting_uri: discovered.conference_uri.clone(),
                    anonymous_display_name: self.display_name.clone(),
                    operation_id: self
                        .invite_operation
                        .clone()
                        .ok_or_else(|| missing("join without an operation"))?,
                    importance: Some(ucwa::Importance::Normal),
                    subject: None,
                    thread_id: None,
                    other: serde_json::Map::new(),
                };
                ucwa::join_meeting_request(&app.join_online_meeting, &access.token, &input)
            }
            RequestKind::Events(url) => ucwa::events_request(url, self.token()?),
            RequestKind::AddMessaging(url) => {
                ucwa::add_messaging_request(url, self.token()?, &self.prefixed("chat"))
            }
            RequestKind::SendMessage(id) => {
                let Chat::Connected { send: send_url, .. } = &self.chat else {
                    return Err(missing("send before chat connected"));
                };
                let message = self
                    .messages
                    .iter()
                    .find(|m| m.id == *id)
                    .ok_or_else(|| missing("send an unknown message"))?;
                let operation = self
                    .message_operations
                    .get(id)
                    .ok_or_else(|| missing("send a message without an operation"))?;
                ucwa::send_message_request(send_url, self.token()?, operation, &message.text)
            }
            RequestKind::Roster(url)
            | RequestKind::Participant(url)
            | RequestKind::OnlineMeeting(url)
            | RequestKind::DialIn(url) => {
                crate::http_util::empty(http::Method::GET, url, Some(self.token()?))
            }
            RequestKind::SetIsTyping(url) => {
                crate::http_util::empty(http::Method::POST, url, Some(self.token()?))
            }
            RequestKind::Leave => {
                let (access, _, app) = self
                    .reach
                    .application()
                    .ok_or_else(|| missing("leave without an application"))?;
                ucwa::delete_request(&app.self_url, &access.token)
            }
            RequestKind::Cleanup(url) => ucwa::delete_request(url, self.token()?),
        }
    }

    fn on_transport_failure(&mut self, pending: Pending, now: Timestamp) -> Result<(), ProtocolError> {
        match pending.kind {
            RequestKind::Leave => {
                self.finish(Ending::Left);
                Ok(())
            }
            RequestKind::Cleanup(_)
            | RequestKind::Roster(_)
            | RequestKind::SetIsTyping(_)
            | RequestKind::OnlineMeeting(_)
            | RequestKind::DialIn(_) => Ok(()),
            RequestKind::Participant(url) => {
                self.on_participant_details(&url, None);
                Ok(())
            }
            // An autodiscovery root that does not answer is not the one: the sign-in asks
            // the next.
            RequestKind::SignIn if self.on_premises.discovering() => self.on_sign_in(None, now),
            // For discover too: a browser reports a refused origin (no CORS headers) exactly
            // like a network failure, so after the retries both stay possible.
            _ => self.retry_or_fail(pending, now, JoinFailure::NetworkLost),
        }
    }

    fn mark_reconnecting(&mut self, now: Timestamp) {
        if self.reconnecting_since.is_none() && self.phase.is_joined() {
            self.reconnecting_since = Some(now);
            self.updates.push_back(Update::Reconnecting);
        }
    }

    fn mark_reconnected(&mut self) {
        if self.reconnecting_since.take().is_some() {
            self.updates.push_back(Update::Reconnected);
        }
    }

    /// Retries with exponential backoff, or gives up with `failure`. A failing event
    /// channel means the guest is reconnecting.
    fn retry_or_fail(
        &mut self,
        pending: Pending,
        now: Timestamp,
        failure: JoinFailure,
    ) -> Result<(), ProtocolError> {
        if matches!(pending.kind, RequestKind::Events(_)) {
            self.mark_reconnecting(now);
        }
        let gave_up_reconnecting = self
            .reconnecting_since
            .is_some_and(|since| now.millis_since(since) > RECONNECT_GIVE_UP_MS);
        if pending.attempt >= pending.kind.max_retries() || gave_up_reconnecting {
            return self.give_up(&pending.kind, failure);
        }
        let delay = 1000u32.saturating_mul(1 << pending.attempt.min(5)).min(30_000);
        self.start_timer(
            TimerPurpose::Retry {
                kind: pending.kind,
                attempt: pending.attempt + 1,
            },
            i64::from(delay),
        );
        Ok(())
    }

    /// Asks for a timer for `purpose` in `after_ms`, waiting no longer than [`MAX_TIMER_MS`].
    fn start_timer(&mut self, purpose: TimerPurpose, after_ms: i64) {
        let id = TimerId(self.next_id());
        self.timers.insert(id, purpose);
        let after_ms = u32::try_from(after_ms.clamp(0, i64::from(MAX_TIMER_MS))).unwrap_or(MAX_TIMER_MS);
        self.commands.push_back(Command::StartTimer { id, after_ms });
    }

    /// A request failed for good.
    fn give_up(&mut self, kind: &RequestKind, failure: JoinFailure) -> Result<(), ProtocolError> {
        match kind {
            RequestKind::SendMessage(id) => {
                self.set_delivery(*id, Delivery::Failed);
                Ok(())
            }
            RequestKind::AddMessaging(_) => {
                self.chat = Chat::Unavailable;
                self.fail_queued_messages();
                Ok(())
            }
            RequestKind::Roster(_)
            | RequestKind::Cleanup(_)
            | RequestKind::SetIsTyping(_)
            | RequestKind::OnlineMeeting(_)
            | RequestKind::DialIn(_) => Ok(()),
            RequestKind::Participant(url) => {
                self.on_participant_details(url, None);
                Ok(())
            }
            RequestKind::Leave => {
                self.finish(Ending::Left);
                Ok(())
            }
            _ => {
                self.fail(failure);
                Ok(())
            }
        }
    }

    fn fail(&mut self, failure: JoinFailure) {
        self.finish(Ending::Failed(failure));
    }

    /// Ends the join: cancels what is running and frees the application on the server.
    fn finish(&mut self, ending: Ending) {
        if matches!(self.phase, Phase::Over(_)) {
            return;
        }
        self.cancel_all();
        if let Some(app) = self.reach.forget_application()
            && !matches!(ending, Ending::Left)
        {
            // Best effort: the server would expire it anyway.
            let _ = self.send(RequestKind::Cleanup(app.self_url), 0);
        }
        self.reconnecting_since = None;
        self.fail_queued_messages();
        self.reset_conversation();
        self.set_phase(Phase::Over(ending));
    }

    fn fail_queued_messages(&mut self) {
        let stuck: Vec<MessageId> = self
            .messages
            .iter()
            .filter(|m| m.delivery == Delivery::Sending)
            .map(|m| m.id)
            .collect();
        for id in stuck {
            self.set_delivery(id, Delivery::Failed);
        }
    }

    fn set_delivery(&mut self, id: MessageId, delivery: Delivery) {
        if let Some(message) = self.messages.iter_mut().find(|m| m.id == id)
            && message.delivery != delivery
        {
            message.delivery = delivery;
            self.updates.push_back(Update::DeliveryChanged(id));
        }
    }

    /// Asks for a fresh token; `resume` is re-sent once it arrives.
    fn renew_token(&mut self, resume: Option<RequestKind>) -> Result<(), ProtocolError> {
        if matches!(self.phase, Phase::Over(_) | Phase::Leaving) {
            return Ok(());
        }
        if let Some(kind) = resume {
            self.token_renewals += 1;
            if self.token_renewals > MAX_TOKEN_RENEWALS {
                self.fail(JoinFailure::AccessExpired);
                return Ok(());
            }
            if !self.awaiting_token.contains(&kind) {
                self.awaiting_token.push(kind);
            }
        }
        let kind = if self.config.on_premises.is_some() {
            RequestKind::RenewTicket
        } else {
            RequestKind::Token
        };
        if self.outstanding(|outstanding| *outstanding == kind) > 0 {
            return Ok(());
        }
        self.send(kind, 0)
    }

    fn schedule_token_renewal(&mut self, expires_at: Timestamp, now: Timestamp) {
        self.timers
            .retain(|_, purpose| !matches!(purpose, TimerPurpose::RenewToken));
        let due = expires_at.plus_millis(-TOKEN_RENEW_MARGIN_MS).millis_since(now);
        if due > 0 {
            self.start_timer(TimerPurpose::RenewToken, due);
        }
    }

    fn on_response(
        &mut self,
        pending: Pending,
        response: &HttpResponse,
        now: Timestamp,
    ) -> Result<(), ProtocolError> {
        let status = response.status();
        if matches!(self.phase, Phase::Over(_)) {
            return Ok(());
        }
        if status == StatusCode::UNAUTHORIZED && self.on_other_pool(&pending.kind, &pending.url, response)? {
            return Ok(());
        }
        // Transient server trouble is retried the same way for every request.
        if matches!(
            status,
            StatusCode::INTERNAL_SERVER_ERROR
                | StatusCode::BAD_GATEWAY
                | StatusCode::SERVICE_UNAVAILABLE
                | StatusCode::GATEWAY_TIMEOUT
                | StatusCode::TOO_MANY_REQUESTS
        ) && !matches!(
            pending.kind,
            RequestKind::Token | RequestKind::Leave | RequestKind::Cleanup(_)
        ) {
            return self.retry_or_fail(pending, now, JoinFailure::ServiceUnavailable);
        }
        match pending.kind.clone() {
            RequestKind::Token => self.on_token(pending, response, now),
            RequestKind::SignIn => self.on_sign_in(Some(response), now),
            RequestKind::RenewTicket => self.on_ticket_renewed(response, now),
            RequestKind::Discover => self.on_discover(pending, response),
            RequestKind::CreateApplication => self.on_application(pending, response, now),
            RequestKind::Invite => self.on_invite(&pending, response, now),
            RequestKind::Events(_) => self.on_events(pending, response, now),
            RequestKind::AddMessaging(_) => self.on_add_messaging(pending, response),
            RequestKind::SendMessage(id) => self.on_sent(pending, id, response),
            RequestKind::Roster(_) => {
                self.on_roster(&pending.url, response);
                Ok(())
            }
            RequestKind::Participant(url) => {
                self.on_participant_details(&url, Some(response));
                Ok(())
            }
            RequestKind::OnlineMeeting(url) => {
                self.on_meeting_resource(&url, response);
                Ok(())
            }
            RequestKind::DialIn(_) => {
                self.on_dial_in(response);
                Ok(())
            }
            RequestKind::SetIsTyping(_) => Ok(()),
            RequestKind::Leave => {
                self.finish(Ending::Left);
                Ok(())
            }
            RequestKind::Cleanup(_) => Ok(()),
        }
    }

    fn on_token(
        &mut self,
        pending: Pending,
        response: &HttpResponse,
        now: Timestamp,
    ) -> Result<(), ProtocolError> {
        let token = match guest_api::parse_token_response(response) {
            Ok(token) => token,
            Err(GuestTokenError::Refused(refusal)) => {
                // A session id the service no longer honours (it restarted with another key)
                // is dropped, and a new one asked for, while no application holds the old one.
                if refusal.error == GuestErrorCode::SessionNotValid
                    && self.session_id.is_some()
                    && self.reach.application().is_none()
                {
                    self.session_id = None;
                    return self.send(RequestKind::Token, 0);
                }
                let failure = match refusal.error {
                    GuestErrorCode::InvalidMeetingLink | GuestErrorCode::MeetingHostNotAllowed => {
                        JoinFailure::LinkNotUsable
                    }
                    GuestErrorCode::OriginNotAllowed => JoinFailure::OriginNotAllowed,
                    GuestErrorCode::InvitationRequired => JoinFailure::InvitationRequired,
                    GuestErrorCode::InvitationInvalid => JoinFailure::InvitationInvalid,
                    GuestErrorCode::InvitationExpired => JoinFailure::InvitationExpired,
                    GuestErrorCode::MeetingNotFound => JoinFailure::MeetingNotFound,
                    GuestErrorCode::RateLimited => JoinFailure::RateLimited {
                        retry_after_secs: crate::http_util::retry_after_secs(response),
                    },
                    GuestErrorCode::ServiceUnavailable | GuestErrorCode::Internal => {
                        JoinFailure::ServiceUnavailable
                    }
                    GuestErrorCode::InvalidRequest
                    | GuestErrorCode::SessionNotValid
                    | GuestErrorCode::Other(_) => JoinFailure::Refused,
                };
                if refusal.retryable && failure == JoinFailure::ServiceUnavailable {
                    return self.retry_or_fail(pending, now, failure);
                }
                self.fail(failure);
                return Ok(());
            }
            Err(GuestTokenError::Protocol(error)) => {
                let failure = match error.status() {
                    Some(status) if status >= 500 => JoinFailure::ServiceUnavailable,
                    _ => JoinFailure::Incompatible,
                };
                if failure == JoinFailure::ServiceUnavailable {
                    return self.retry_or_fail(pending, now, failure);
                }
                self.fail(failure);
                return Ok(());
            }
        };
        let discover_url = match Url::parse(&token.discover_url) {
            Ok(url) if matches!(url.scheme(), "http" | "https") => url,
            _ => {
                self.fail(JoinFailure::Incompatible);
                return Ok(());
            }
        };
        let expires_at = token.expires_at.at();
        self.session_id = Some(token.application_session_id);
        if self.subject.is_none() && token.subject.is_some() {
            self.subject = token.subject;
            self.updates.push_back(Update::SubjectChanged);
        }
        self.reach.set_access(Access {
            token: token.token,
            discover_url,
        });
        self.schedule_token_renewal(expires_at, now);
        if self.reach.discovered().is_none() {
            // A discover already under way (or waiting to retry) uses the new token when
            // it goes out; a second one would create a second application.
            if self.outstanding(|kind| *kind == RequestKind::Discover) > 0 {
                return Ok(());
            }
            return self.send(RequestKind::Discover, 0);
        }
        // A renewal: repeat what the old token could no longer do.
        for kind in std::mem::take(&mut self.awaiting_token) {
            self.send(kind, 0)?;
        }
        Ok(())
    }

    fn on_discover(&mut self, pending: Pending, response: &HttpResponse) -> Result<(), ProtocolError> {
        let discover = match ucwa::parse_discover(response) {
            Ok(discover) => discover,
            Err(error) => {
                return match error.status() {
                    Some(401) => self.renew_token(Some(RequestKind::Discover)),
                    Some(403) => {
                        self.fail(JoinFailure::OriginNotAllowed);
                        Ok(())
                    }
                    Some(404 | 410) => {
                        self.fail(JoinFailure::MeetingNotFound);
                        Ok(())
                    }
                    _ => {
                        self.fail(JoinFailure::Incompatible);
                        Ok(())
                    }
                };
            }
        };
        let anon_applications = discover.anon_applications(&pending.url);
        let (Ok(anon_applications), Some(conference_uri)) = (anon_applications, discover.conference_id)
        else {
            self.fail(JoinFailure::Incompatible);
            return Ok(());
        };
        if self.reach.discovered().is_some() {
            // A second answer (a retry raced its original) has nothing new to say.
            return Ok(());
        }
        self.on_discovered(Discovered {
            anon_applications,
            conference_uri,
        })
    }

    /// Where the application is made is known.
    fn on_discovered(&mut self, discovered: Discovered) -> Result<(), ProtocolError> {
        if !self.reach.discover(discovered) {
            return Err(self.invalid("a discover answer without a token"));
        }
        // The service creates the application with the guest's display name, so it waits
        // for one: made now when the name is already known (and the machine is ready once it
        // exists), otherwise at the click.
        if self.display_name.is_some() {
            if self.join_requested {
                self.set_phase(Phase::Connecting);
            }
            return self.send(RequestKind::CreateApplication, 0);
        }
        self.set_phase(Phase::Ready);
        Ok(())
    }

    fn on_application(
        &mut self,
        pending: Pending,
        response: &HttpResponse,
        now: Timestamp,
    ) -> Result<(), ProtocolError> {
        let application = match ucwa::parse_application(response) {
            Ok(application) => application,
            Err(error) => return self.on_step_error(RequestKind::CreateApplication, &error, now),
        };
        let links = (|| -> Result<(AppLinks, Url), ProtocolError> {
            let base = &pending.url;
            let communication = application.communication()?;
            let me_uri = application.me()?.and_then(|me| me.uri);
            Ok((
                AppLinks {
                    self_url: application.self_url(base)?,
                    join_online_meeting: communication.join_online_meeting(base)?,
                    me_uri,
                },
                application.events(base)?,
            ))
        })();
        let Ok((app, events)) = links else {
            self.fail(JoinFailure::Incompatible);
            return Ok(());
        };
        if !self.reach.set_application(app) {
            return Err(self.invalid("an application before discover"));
        }
        // Park the event channel first so the invitation's `started` event cannot be missed.
        self.send(RequestKind::Events(events), 0)?;
        if self.join_requested {
            self.invite_operation = Some(self.operation_id());
            return self.send(RequestKind::Invite, 0);
        }
        self.set_phase(Phase::Ready);
        Ok(())
    }

    fn on_invite(
        &mut self,
        pending: &Pending,
        response: &HttpResponse,
        now: Timestamp,
    ) -> Result<(), ProtocolError> {
        match ucwa::parse_created("join the meeting", response, &pending.url) {
            Ok(_) => Ok(()),
            Err(error) => self.on_step_error(RequestKind::Invite, &error, now),
        }
    }

    /// Maps a failed join step to what happens next.
    fn on_step_error(
        &mut self,
        kind: RequestKind,
        error: &ProtocolError,
        now: Timestamp,
    ) -> Result<(), ProtocolError> {
        let subcode = error.service_error().and_then(|e| e.subcode.clone());
        match (error.status(), subcode) {
            (Some(401), _) => self.renew_token(Some(kind)),
            (Some(404), Some(ErrorSubcode::ApplicationNotFound)) | (Some(410), _) => {
                self.recover_application(now)
            }
            (Some(404), _) => {
                self.fail(JoinFailure::MeetingNotFound);
                Ok(())
            }
            // The invitation was already posted (a retry raced its original).
            (Some(409), Some(ErrorSubcode::AlreadyExists)) if kind == RequestKind::Invite => Ok(()),
            (Some(403), _) => {
                let origin = matches!(&error, ProtocolError::Service { error, .. }
                    if error.message.as_deref().is_some_and(|m| m.to_ascii_lowercase().contains("origin")));
                self.fail(if origin {
                    JoinFailure::OriginNotAllowed
                } else {
                    JoinFailure::Refused
                });
                Ok(())
            }
            (Some(_), Some(ErrorSubcode::TooManyParticipants | ErrorSubcode::TooManyLobbyParticipants)) => {
                self.fail(JoinFailure::MeetingFull);
                Ok(())
            }
            (Some(status), _) if status < 500 => {
                self.fail(JoinFailure::Refused);
                Ok(())
            }
            _ => {
                self.fail(JoinFailure::Incompatible);
                Ok(())
            }
        }
    }

    /// The server lost the application: make a new one and join again, keeping chat.
    fn recover_application(&mut self, now: Timestamp) -> Result<(), ProtocolError> {
        self.app_recoveries += 1;
        if self.app_recoveries > MAX_APP_RECOVERIES || self.reach.discovered().is_none() {
            self.fail(JoinFailure::NetworkLost);
            return Ok(());
        }
        let ids: Vec<RequestId> = self
            .pending
            .iter()
            .filter(|(_, p)| !matches!(p.kind, RequestKind::Token | RequestKind::RenewTicket))
            .map(|(id, _)| *id)
            .collect();
        for id in ids {
            self.pending.remove(&id);
            self.commands.push_back(Command::Cancel { id });
        }
        self.timers
            .retain(|_, purpose| matches!(purpose, TimerPurpose::RenewToken));
        // What waited for a fresh token was addressed to the lost application; the new one
        // asks again for whatever it needs.
        self.awaiting_token.clear();
        self.reach.forget_application();
        self.reset_conversation();
        self.fail_queued_messages();
        if self.phase.is_joined() {
            self.mark_reconnecting(now);
        } else {
            self.set_phase(Phase::Connecting);
        }
        self.send(RequestKind::CreateApplication, 0)
    }

    fn on_events(
        &mut self,
        pending: Pending,
        response: &HttpResponse,
        now: Timestamp,
    ) -> Result<(), ProtocolError> {
        let events = match ucwa::events::parse_events(response) {
            Ok(events) => events,
            Err(error) => {
                let subcode = error.service_error().and_then(|e| e.subcode.clone());
                return match (error.status(), subcode) {
                    (Some(409), Some(ErrorSubcode::PGetReplaced)) => {
                        self.fail(JoinFailure::OpenedElsewhere);
                        Ok(())
                    }
                    (Some(401), _) => self.renew_token(Some(pending.kind)),
                    // The conversation already ended; the application went with it.
                    (Some(404 | 410), _) if self.ending.is_some() => {
                        self.settle_ending(true);
                        Ok(())
                    }
                    (Some(404 | 410), _) => self.recover_application(now),
                    // Another error, or a 200 whose body is not an event response (a
                    // proxy's page, say): try the same URL again, and give up if it never
                    // gets better.
                    _ => self.retry_or_fail(pending, now, JoinFailure::Incompatible),
                };
            }
        };
        // The token works, so earlier refusals no longer count towards giving up.
        self.token_renewals = 0;
        let Some((continuation, link)) = events.continuation() else {
            self.fail(JoinFailure::Incompatible);
            return Ok(());
        };
        let next = match link.resolve(&pending.url) {
            Ok(next) => next,
            Err(_) => {
                self.fail(JoinFailure::Incompatible);
                return Ok(());
            }
        };
        self.mark_reconnected();
        // Park the next long-poll before touching the events.
        self.send(RequestKind::Events(next), 0)?;
        match continuation {
            ucwa::events::Continuation::Next => {}
            ucwa::events::Continuation::Resync => {
                if let Some(url) = self.participants_url.clone() {
                    self.send(RequestKind::Roster(url), 0)?;
                }
            }
            ucwa::events::Continuation::Resume if self.ending.is_some() => {
                self.settle_ending(true);
                return Ok(());
            }
            ucwa::events::Continuation::Resume => {
                // The server closed the conversations while we were away: join again.
                if self.phase.is_joined() || matches!(self.phase, Phase::Connecting) {
                    self.reset_conversation();
                    self.invite_operation = Some(self.operation_id());
                    self.send(RequestKind::Invite, 0)?;
                }
            }
        }
        self.apply_events(&events, &pending.url, now);
        Ok(())
    }

    fn on_add_messaging(&mut self, pending: Pending, response: &HttpResponse) -> Result<(), ProtocolError> {
        if ucwa::parse_created("add chat", response, &pending.url).is_err() {
            if response.status() == StatusCode::UNAUTHORIZED {
                return self.renew_token(Some(pending.kind));
            }
            self.chat = Chat::Unavailable;
            self.fail_queued_messages();
        }
        Ok(())
    }

    fn on_sent(
        &mut self,
        pending: Pending,
        id: MessageId,
        response: &HttpResponse,
    ) -> Result<(), ProtocolError> {
        match ucwa::parse_created("send a message", response, &pending.url) {
            Ok(_) => {
                self.set_delivery(id, Delivery::Sent);
                Ok(())
            }
            Err(error) if error.status() == Some(401) => self.renew_token(Some(pending.kind)),
            Err(_) => {
                self.set_delivery(id, Delivery::Failed);
                Ok(())
            }
        }
    }

    /// Sends every queued outgoing message now that chat is connected.
    fn flush_outbox(&mut self) -> Result<(), ProtocolError> {
        let in_flight: BTreeSet<MessageId> = self
            .pending
            .values()
            .filter_map(|p| match p.kind {
                RequestKind::SendMessage(id) => Some(id),
                _ => None,
            })
            .collect();
        let queued: Vec<MessageId> = self
            .messages
            .iter()
            .filter(|m| m.delivery == Delivery::Sending && !in_flight.contains(&m.id))
            .map(|m| m.id)
            .collect();
        for id in queued {
            self.send(RequestKind::SendMessage(id), 0)?;
        }
        Ok(())
    }
}

/// Orders names without regard to ASCII case. Unicode case folding would add its tables
/// (12 KB) to the browser's download; names beyond ASCII still sort, by code point.
fn by_name(a: &str, b: &str) -> std::cmp::Ordering {
    let a = a.bytes().map(|byte| byte.to_ascii_lowercase());
    a.cmp(b.bytes().map(|byte| byte.to_ascii_lowercase()))
}
