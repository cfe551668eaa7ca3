//! The simulator's state, in memory, and the operations on it.
//!
//! Handlers never touch the state directly: they call [`Store`] methods, which lock once,
//! change what they must, and queue the events every affected guest sees. Events are
//! pushed to each guest's [`EventChannel`] while the lock is held, so every guest sees
//! changes in one order.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, MutexGuard, RwLock, RwLockReadGuard, RwLockWriteGuard};
use std::time::{Duration, Instant};

use axum::http::HeaderMap;
use protocol::date::Timestamp;
use serde_json::Value;
use url::Url;

use crate::channel::{EventChannel, PollOutcome};
use crate::config::{AppConfig, EndpointConfig, MeetingConfig, Quirks, SimConfig, TenantConfig, Timers};
use crate::faults::Faults;
use crate::ids::{now_ms, random_digits, random_hex, slug};
use crate::journal::{HostName, Journal};
use crate::keys::KeyRing;
use crate::model::{
    ChatLine, Conversation, Endpoint, Gone, Hosts, Meeting, Person, Presence, Stage, UcwaApp, join_url,
};
use crate::refusal::{AddMeetingError, ControlError, Refusal};
use crate::request;
use crate::resources::{self as res, AppPaths, ConvPaths};

/// Something the demo staff does later.
#[derive(Clone, Debug)]
enum Scheduled {
    Admit {
        meeting: String,
        person: String,
    },
    Say {
        meeting: String,
        from: String,
        text: String,
    },
    StaffReturns {
        meeting: String,
    },
}

/// The demo's staff member: admits guests and answers chat.
#[derive(Clone, Debug)]
pub struct DemoStaff {
    /// Their meetings.
    pub meetings: Vec<String>,
    /// Their person id in each meeting.
    pub person: String,
    /// Their name.
    pub name: String,
    /// How long before they admit a guest from the lobby.
    pub admit_after: Duration,
}

/// Everything mutable.
#[derive(Debug)]
pub struct State {
    /// Tenants.
    pub tenants: Vec<TenantConfig>,
    /// App registrations.
    pub registrations: Vec<AppConfig>,
    /// TAAPI endpoints.
    pub endpoints: Vec<Endpoint>,
    /// Meetings by id.
    pub meetings: BTreeMap<String, Meeting>,
    /// Guest applications by id.
    pub apps: BTreeMap<String, UcwaApp>,
    /// Each guest application's event channel, by application id.
    pub channels: BTreeMap<String, EventChannel>,
    /// Quirk modes.
    pub quirks: Quirks,
    /// Injected faults.
    pub faults: Faults,
    /// The request journal.
    pub journal: Journal,
    /// Guest tokens issued before these instants (seconds) no longer work, by session id.
    pub token_floor: BTreeMap<String, i64>,
    /// Origins of live guest tokens, with their latest expiry (for preflights that carry
    /// no token).
    pub live_origins: BTreeMap<String, i64>,
    /// The demo's staff member, in demo mode.
    pub demo: Option<DemoStaff>,
    scheduled: Vec<(Instant, Scheduled)>,
}

/// What every handler of one host gets: the store, and which host it is.
#[derive(Clone, Debug)]
pub struct HostState {
    /// The store.
    pub store: Arc<Store>,
    /// Which host.
    pub host: HostName,
}

impl HostState {
    /// The rel namespace to write for a request with `headers`.
    pub fn namespace(&self, headers: &HeaderMap) -> &'static str {
        request::namespace(self.store.lock().quirks.namespace, headers)
    }
}

/// The store: state behind one lock, keys behind another.
#[derive(Debug)]
pub struct Store {
    state: Mutex<State>,
    keys: RwLock<KeyRing>,
    /// Where each host listens.
    pub hosts: Hosts,
    /// Timers.
    pub timers: Timers,
}

impl Store {
    /// A store for `config`, listening at `hosts`.
    pub fn new(config: &SimConfig, hosts: Hosts) -> Self {
        let endpoints = config
            .endpoints
            .iter()
            .enumerate()
            .filter_map(|(i, e): (usize, &EndpointConfig)| {
                let app = config.apps.iter().find(|a| a.client_id == e.client_id)?;
                Some(Endpoint {
                    sip: e.sip.clone(),
                    client_id: e.client_id.clone(),
                    tenant: app.tenant.clone(),
                    app_id: (3_877_116_191u64 + i as u64 * 7919).to_string(),
                })
            })
            .collect();
        let store = Self {
            state: Mutex::new(State {
                tenants: config.tenants.clone(),
                registrations: config.apps.clone(),
                endpoints,
                meetings: BTreeMap::new(),
                apps: BTreeMap::new(),
                channels: BTreeMap::new(),
                quirks: config.quirks.clone(),
                faults: Faults::default(),
                journal: Journal::default(),
                token_floor: BTreeMap::new(),
                live_origins: BTreeMap::new(),
                demo: None,
                scheduled: Vec::new(),
            }),
            keys: RwLock::new(KeyRing::generate()),
            hosts,
            timers: config.timers.clone(),
        };
        for meeting in &config.meetings {
            // Validated configs only name known tenants.
            let _ = store.add_meeting(meeting);
        }
        store
    }

    /// Locks the state.
    pub fn lock(&self) -> MutexGuard<'_, State> {
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The signing keys.
    pub fn keys(&self) -> RwLockReadGuard<'_, KeyRing> {
        self.keys
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The signing keys, to rotate them.
    pub fn keys_mut(&self) -> RwLockWriteGuard<'_, KeyRing> {
        self.keys
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Adds a meeting from configuration; returns its join URL.
    ///
    /// # Errors
    /// [`AddMeetingError`] for an unknown tenant or a taken id.
    pub fn add_meeting(&self, config: &MeetingConfig) -> Result<String, AddMeetingError> {
        let mut state = self.lock();
        let tenant = state
            .tenants
            .iter()
            .find(|t| t.id == config.tenant)
            .cloned()
            .ok_or(AddMeetingError::UnknownTenant)?;
        let id = config.id.to_ascii_uppercase();
        if state.meetings.contains_key(&id) {
            return Err(AddMeetingError::IdTaken);
        }
        let organizer_uri = format!("sip:{}@{}", config.organizer, tenant.domain);
        let join_url = join_url(&self.hosts.meet, &tenant.name, &config.organizer, &id);
        let mut meeting = Meeting {
            id: id.clone(),
            tenant: tenant.id.clone(),
            organizer_uri: organizer_uri.clone(),
            subject: config.subject.clone(),
            access_level: config.access_level.clone(),
            join_url: join_url.clone(),
            conference_uri: format!("{organizer_uri};gruu;opaque=app:conf:focus:id:{id}"),
            people: BTreeMap::new(),
            chat: Vec::new(),
            expires_ms: None,
        };
        let now = now_ms();
        if config.organizer_present {
            let person = Person {
                id: format!("{}@{}", config.organizer, tenant.domain),
                name: config.organizer_name.clone(),
                uri: organizer_uri,
                leader: true,
                anonymous: false,
                presence: Presence::InMeeting,
                app: None,
                since_ms: now,
            };
            meeting.people.insert(person.id.clone(), person);
        }
        for (i, person) in config.participants.iter().enumerate() {
            let user = format!("{}{}", slug(&person.name), i + 1);
            let person = Person {
                id: format!("{user}@{}", tenant.domain),
                name: person.name.clone(),
                uri: format!("sip:{user}@{}", tenant.domain),
                leader: person.leader,
                anonymous: false,
                presence: Presence::InMeeting,
                app: None,
                since_ms: now,
            };
            meeting.people.insert(person.id.clone(), person);
        }
        state.meetings.insert(id, meeting);
        Ok(join_url)
    }
}

/// Events to push after an operation, per application.
#[derive(Default)]
struct Outbox(Vec<(String, Value)>);

impl Outbox {
    fn push(&mut self, app: &str, sender: Value) {
        self.0.push((app.to_owned(), sender));
    }
}

impl State {
    fn deliver(&mut self, outbox: Outbox) {
        let mut grouped: BTreeMap<String, Vec<Value>> = BTreeMap::new();
        let mut order = Vec::new();
        for (app, sender) in outbox.0 {
            if !grouped.contains_key(&app) {
                order.push(app.clone());
            }
            grouped.entry(app).or_default().push(sender);
        }
        for app in order {
            if let (Some(senders), Some(target)) = (grouped.remove(&app), self.channels.get_mut(&app)) {
                target.push(senders);
            }
        }
    }

    /// Person `person` of meeting `meeting`.
    fn person(&self, meeting: &str, person: &str) -> Result<&Person, ControlError> {
        self.meetings
            .get(meeting)
            .ok_or(ControlError::NoSuchMeeting)?
            .people
            .get(person)
            .ok_or(ControlError::NoSuchPerson)
    }

    /// The application `id` if it can be used, touching its idle timer.
    ///
    /// # Errors
    /// [`Refusal::ApplicationExpired`] or [`Refusal::ApplicationNotFound`].
    pub fn app(&mut self, id: &str) -> Result<&mut UcwaApp, Refusal> {
        match self.apps.get_mut(id) {
            Some(app) if app.expired_at.is_some() => Err(Refusal::ApplicationExpired),
            Some(app) => {
                app.last_activity = Instant::now();
                Ok(app)
            }
            None => Err(Refusal::ApplicationNotFound),
        }
    }

    /// Forgets an application and its event channel (a parked poll ends as its sender
    /// is dropped).
    fn forget_app(&mut self, id: &str) {
        self.apps.remove(id);
        self.channels.remove(id);
    }

    /// Creates a guest application.
    #[allow(clippy::too_many_arguments)]
    pub fn create_app(
        &mut self,
        session_id: &str,
        origins: Vec<String>,
        conference: &str,
        name: &str,
        culture: &str,
        user_agent: &str,
    ) -> &UcwaApp {
        let id = loop {
            let id = random_digits(12);
            if !self.apps.contains_key(&id) {
                break id;
            }
        };
        let paths = AppPaths::new(&id);
        let app = UcwaApp {
            id: id.clone(),
            session_id: session_id.to_owned(),
            origins,
            conference: conference.to_owned(),
            name: name.to_owned(),
            number: random_digits(10),
            culture: culture.to_owned(),
            user_agent: user_agent.to_owned(),
            last_activity: Instant::now(),
            expired_at: None,
            conversation: None,
        };
        self.channels
            .insert(id.clone(), EventChannel::new(paths.app, random_hex(24), 14));
        self.apps.entry(id).or_insert(app)
    }

    /// Looks a meeting up by its join URL (host, tenant name and id; case-insensitively).
    pub fn meeting_by_url(&self, url: &str, meet: &Url) -> Option<&Meeting> {
        let url = Url::parse(url).ok()?;
        if url.host_str()? != meet.host_str()? || url.port_or_known_default() != meet.port_or_known_default()
        {
            return None;
        }
        let segments: Vec<&str> = url.path_segments()?.filter(|s| !s.is_empty()).collect();
        let [tenant_name, organizer, id] = segments.as_slice() else {
            return None;
        };
        let meeting = self.meetings.get(&id.to_ascii_uppercase())?;
        let tenant = self.tenants.iter().find(|t| t.id == meeting.tenant)?;
        let organizer_user = meeting
            .organizer_uri
            .trim_start_matches("sip:")
            .split('@')
            .next()?;
        (tenant.name.eq_ignore_ascii_case(tenant_name) && organizer_user.eq_ignore_ascii_case(organizer))
            .then_some(meeting)
    }

    /// A meeting by its conference URI.
    pub fn meeting_by_uri(&self, uri: &str) -> Option<&Meeting> {
        self.meetings
            .values()
            .find(|m| m.conference_uri.eq_ignore_ascii_case(uri))
    }

    fn guests_in(&self, meeting: &str) -> Vec<(String, ConvPaths, Stage, bool)> {
        self.apps
            .values()
            .filter(|app| app.expired_at.is_none())
            .filter_map(|app| {
                let conv = app.conversation.as_ref().filter(|c| c.meeting == meeting)?;
                Some((
                    app.id.clone(),
                    ConvPaths {
                        conv: AppPaths::new(&app.id).conversation(&conv.id),
                    },
                    conv.stage,
                    conv.messaging,
                ))
            })
            .collect()
    }

    /// Tells every admitted guest (but `except`) about `person`.
    fn announce(
        &self,
        outbox: &mut Outbox,
        meeting: &str,
        person: &Person,
        kind: &str,
        except: Option<&str>,
    ) {
        for (app, conv, state, _) in self.guests_in(meeting) {
            if state != Stage::Connected || Some(app.as_str()) == except {
                continue;
            }
            outbox.push(
                &app,
                res::sender(
                    "conversation",
                    &conv.conv,
                    vec![participant_event(&conv, person, kind)],
                ),
            );
        }
    }

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
            self.schedule_demo_admission(&meeting_id, &person_id);
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

    /// Lets a guest in from the lobby.
    ///
    /// # Errors
    /// [`ControlError::NoSuchMeeting`], [`ControlError::NoSuchPerson`], or
    /// [`ControlError::NotInLobby`] if the person is not waiting.
    pub fn admit(&mut self, meeting: &str, person: &str) -> Result<(), ControlError> {
        let waiting = self.person(meeting, person)?.presence == Presence::Lobby;
        if !waiting {
            return Err(ControlError::NotInLobby);
        }
        self.admit_guest(meeting, person)
    }

    fn admit_guest(&mut self, meeting_id: &str, person_id: &str) -> Result<(), ControlError> {
        let mut outbox = Outbox::default();
        self.admission(&mut outbox, meeting_id, person_id)?;
        self.deliver(outbox);
        Ok(())
    }

    /// Moves a guest into the meeting and adds what everyone is told to `outbox`.
    fn admission(
        &mut self,
        outbox: &mut Outbox,
        meeting_id: &str,
        person_id: &str,
    ) -> Result<(), ControlError> {
        let meeting = self
            .meetings
            .get_mut(meeting_id)
            .ok_or(ControlError::NoSuchMeeting)?;
        let person = meeting
            .people
            .get_mut(person_id)
            .ok_or(ControlError::NoSuchPerson)?;
        person.presence = Presence::InMeeting;
        let person = person.clone();
        let meeting = meeting.clone();
        let app_id = person.app.clone().ok_or(ControlError::NotAGuest)?;
        let app = self.apps.get_mut(&app_id).ok_or(ControlError::NotAGuest)?;
        let paths = AppPaths::new(&app.id);
        let Some(conversation) = app.conversation.as_mut() else {
            return Err(ControlError::NotAGuest);
        };
        conversation.stage = Stage::Connected;
        let conv = ConvPaths {
            conv: paths.conversation(&conversation.id),
        };
        let invitation_href = paths.invitation(&conversation.invitation);
        let operation_id = conversation.operation_id.clone();
        let mut roster: Vec<Value> = meeting
            .people
            .values()
            .filter(|p| p.id != person.id)
            .map(|p| participant_event(&conv, p, "added"))
            .collect();
        roster.push(res::event(
            "updated",
            "localParticipant",
            &conv.participant(&person.id),
            Some(res::participant(
                &conv,
                &person.id,
                &person.name,
                &person.uri,
                false,
                true,
                false,
                true,
            )),
        ));
        outbox.push(&app_id, res::sender("conversation", &conv.conv, roster));
        outbox.push(
            &app_id,
            res::sender(
                "communication",
                &paths.communication(),
                vec![
                    res::event(
                        "updated",
                        "conversation",
                        &conv.conv,
                        Some(res::conversation(
                            &conv,
                            "Connected",
                            &meeting.subject,
                            &[],
                            meeting.people.len(),
                            &person.id,
                        )),
                    ),
                    res::completed(
                        res::event(
                            "completed",
                            "onlineMeetingInvitation",
                            &invitation_href,
                            Some(res::invitation(
                                &invitation_href,
                                &conv.conv,
                                "Connected",
                                &operation_id,
                                &meeting.conference_uri,
                                &person.name,
                            )),
                        ),
                        true,
                        None,
                    ),
                ],
            ),
        );
        self.announce(outbox, meeting_id, &person, "added", Some(&app_id));
        Ok(())
    }

    /// Turns a guest away from the lobby (`Denied`, or `Timeout` when nobody admitted them).
    ///
    /// # Errors
    /// [`ControlError`] as for [`State::admit`].
    pub fn deny(&mut self, meeting: &str, person: &str, timed_out: bool) -> Result<(), ControlError> {
        if self.person(meeting, person)?.presence != Presence::Lobby {
            return Err(ControlError::NotInLobby);
        }
        let reason = if timed_out {
            (
                "Timeout",
                "Timeout",
                "Nobody admitted you from the lobby in time.",
            )
        } else {
            (
                "RemoteFailure",
                "Denied",
                "The lobby participant was denied from the conference.",
            )
        };
        self.end_guest(meeting, person, reason, true)
    }

    /// Removes a guest (`Ejected`) or a scripted person from the meeting.
    ///
    /// # Errors
    /// [`ControlError::NoSuchMeeting`] or [`ControlError::NoSuchPerson`].
    pub fn remove(&mut self, meeting: &str, person: &str) -> Result<(), ControlError> {
        let found = self.person(meeting, person)?.clone();
        if found.app.is_some() {
            return self.end_guest(
                meeting,
                person,
                (
                    "RemoteFailure",
                    "Ejected",
                    "An organizer removed you from the meeting.",
                ),
                false,
            );
        }
        if let Some(m) = self.meetings.get_mut(meeting) {
            m.people.remove(person);
        }
        let mut outbox = Outbox::default();
        self.announce(&mut outbox, meeting, &found, "deleted", None);
        self.deliver(outbox);
        Ok(())
    }

    /// Ends a guest's conversation with `reason`; the guest's application stays.
    fn end_guest(
        &mut self,
        meeting: &str,
        person: &str,
        reason: (&str, &str, &str),
        as_failed_join: bool,
    ) -> Result<(), ControlError> {
        let found = self
            .meetings
            .get_mut(meeting)
            .ok_or(ControlError::NoSuchMeeting)?
            .people
            .remove(person)
            .ok_or(ControlError::NoSuchPerson)?;
        let mut outbox = Outbox::default();
        if let Some(app) = found.app.as_ref().and_then(|id| self.apps.get_mut(id))
            && let Some(conversation) = app.conversation.take()
        {
            let paths = AppPaths::new(&app.id);
            let conv = ConvPaths {
                conv: paths.conversation(&conversation.id),
            };
            let (code, subcode, message) = reason;
            let mut conv_events = vec![];
            if conversation.messaging {
                conv_events.push(res::event(
                    "updated",
                    "messaging",
                    &conv.sub("messaging"),
                    Some(res::messaging(&conv, "Disconnected")),
                ));
            }
            if !conv_events.is_empty() {
                outbox.push(&app.id, res::sender("conversation", &conv.conv, conv_events));
            }
            let mut comm_events = Vec::new();
            if as_failed_join {
                let href = paths.invitation(&conversation.invitation);
                comm_events.push(res::completed(
                    res::event(
                        "completed",
                        "onlineMeetingInvitation",
                        &href,
                        Some(res::invitation(
                            &href,
                            &conv.conv,
                            "Failed",
                            &conversation.operation_id,
                            &app.conference,
                            &app.name,
                        )),
                    ),
                    false,
                    Some(reason),
                ));
            }
            comm_events.push(res::with_reason(
                res::event(
                    "updated",
                    "conversation",
                    &conv.conv,
                    Some(res::conversation(
                        &conv,
                        "Disconnected",
                        "",
                        &[],
                        0,
                        &conversation.person,
                    )),
                ),
                code,
                subcode,
                message,
            ));
            comm_events.push(res::with_reason(
                res::event("deleted", "conversation", &conv.conv, None),
                code,
                subcode,
                message,
            ));
            outbox.push(
                &app.id,
                res::sender("communication", &paths.communication(), comm_events),
            );
        }
        self.announce(&mut outbox, meeting, &found, "deleted", found.app.as_deref());
        self.deliver(outbox);
        Ok(())
    }

    /// The organizer ends the meeting: everyone leaves. The join URL keeps working, as a
    /// real meeting's does, and a later join starts it again.
    ///
    /// # Errors
    /// [`ControlError::NoSuchMeeting`].
    pub fn end_meeting(&mut self, meeting: &str) -> Result<(), ControlError> {
        let people: Vec<Person> = self
            .meetings
            .get(meeting)
            .ok_or(ControlError::NoSuchMeeting)?
            .people
            .values()
            .cloned()
            .collect();
        for person in people.iter().filter(|p| p.app.is_some()) {
            let as_failed_join = person.presence == Presence::Lobby;
            self.end_guest(
                meeting,
                &person.id,
                ("RemoteFailure", "Ended", "The meeting has ended."),
                as_failed_join,
            )?;
        }
        if let Some(m) = self.meetings.get_mut(meeting) {
            m.people.clear();
        }
        self.scheduled.retain(|(_, s)| !matches!(s, Scheduled::Admit { meeting: m, .. } | Scheduled::Say { meeting: m, .. } if m == meeting));
        Ok(())
    }

    /// A scripted person joins.
    ///
    /// # Errors
    /// [`ControlError::NoSuchMeeting`].
    pub fn add_person(&mut self, meeting: &str, name: &str, leader: bool) -> Result<String, ControlError> {
        let m = self.meetings.get(meeting).ok_or(ControlError::NoSuchMeeting)?;
        let domain = self
            .tenants
            .iter()
            .find(|t| t.id == m.tenant)
            .map(|t| t.domain.clone())
            .unwrap_or_default();
        let base = slug(name);
        let mut n = 1;
        let id = loop {
            let id = format!("{base}{n}@{domain}");
            if !m.people.contains_key(&id) {
                break id;
            }
            n += 1;
        };
        let person = Person {
            id: id.clone(),
            name: name.to_owned(),
            uri: format!("sip:{id}"),
            leader,
            anonymous: false,
            presence: Presence::InMeeting,
            app: None,
            since_ms: now_ms(),
        };
        if let Some(m) = self.meetings.get_mut(meeting) {
            m.people.insert(id.clone(), person.clone());
        }
        let mut outbox = Outbox::default();
        self.announce(&mut outbox, meeting, &person, "added", None);
        self.deliver(outbox);
        Ok(id)
    }

    /// Someone says something in the meeting chat; every guest with chat receives it.
    ///
    /// # Errors
    /// [`ControlError::NoSuchMeeting`] or [`ControlError::NoSuchPerson`].
    pub fn say(&mut self, meeting: &str, from: &str, text: &str, html: bool) -> Result<(), ControlError> {
        let person = self.person(meeting, from)?.clone();
        self.broadcast(meeting, &person, text, html, None);
        Ok(())
    }

    fn broadcast(&mut self, meeting: &str, from: &Person, text: &str, html: bool, except: Option<&str>) {
        let at = now_ms();
        if let Some(m) = self.meetings.get_mut(meeting) {
            m.chat.push(ChatLine {
                from: from.name.clone(),
                text: text.to_owned(),
                at_ms: at,
            });
        }
        let stamp = crate::render::date(&self.quirks, Timestamp::from_millis(at));
        let (rel, media) = if html {
            ("htmlMessage", "text/html")
        } else {
            ("plainMessage", "text/plain")
        };
        let uri = protocol::data_uri::encode(media, text);
        let mut outbox = Outbox::default();
        for (app_id, conv, state, messaging) in self.guests_in(meeting) {
            if state != Stage::Connected || !messaging || Some(app_id.as_str()) == except {
                continue;
            }
            let Some(n) = self
                .apps
                .get_mut(&app_id)
                .and_then(|a| a.conversation.as_mut())
                .map(|c| {
                    c.next_message += 1;
                    c.next_message
                })
            else {
                continue;
            };
            let message = res::message(
                &conv,
                n,
                "Incoming",
                &stamp,
                &from.id,
                &from.name,
                Some((rel, uri.clone())),
                None,
            );
            let href = conv.sub(&format!("messaging/messages/{n}"));
            outbox.push(
                &app_id,
                res::sender(
                    "conversation",
                    &conv.conv,
                    vec![res::completed(
                        res::event("completed", "message", &href, Some(message)),
                        true,
                        None,
                    )],
                ),
            );
        }
        self.deliver(outbox);
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
            self.schedule_demo_reply(&meeting, &person.name, text);
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

    /// Expires a guest application now (as if it idled), or forgets it.
    pub fn retire_app(&mut self, app_id: &str, how: Gone) {
        let Some(app) = self.apps.get_mut(app_id) else {
            return;
        };
        if let Some(channel) = self.channels.get_mut(app_id) {
            channel.release_parked(PollOutcome::Gone);
        }
        let left = app
            .conversation
            .as_ref()
            .map(|c| (c.meeting.clone(), c.person.clone()));
        app.conversation = None;
        if let Some((meeting, person)) = left
            && let Some(found) = self
                .meetings
                .get_mut(&meeting)
                .and_then(|m| m.people.remove(&person))
        {
            let mut outbox = Outbox::default();
            self.announce(&mut outbox, &meeting, &found, "deleted", Some(app_id));
            self.deliver(outbox);
        }
        match how {
            Gone::Expired => {
                if let Some(app) = self.apps.get_mut(app_id) {
                    app.expired_at = Some(Instant::now());
                }
            }
            Gone::Deleted => self.forget_app(app_id),
        }
    }

    /// Runs what is due: idle expiry, lobby timeouts, the demo staff's actions.
    pub fn tick(&mut self, timers: &Timers) {
        let now = Instant::now();
        let idle = Duration::from_secs(timers.app_idle_secs);
        let forget = Duration::from_secs(timers.app_forget_secs);
        let idle_apps: Vec<String> = self
            .apps
            .values()
            .filter(|a| {
                a.expired_at.is_none()
                    && !self.channels.get(&a.id).is_some_and(EventChannel::is_parked)
                    && now.duration_since(a.last_activity) > idle
            })
            .map(|a| a.id.clone())
            .collect();
        for id in idle_apps {
            self.retire_app(&id, Gone::Expired);
        }
        let forgotten: Vec<String> = self
            .apps
            .values()
            .filter(|a| a.expired_at.is_some_and(|at| now.duration_since(at) > forget))
            .map(|a| a.id.clone())
            .collect();
        for id in forgotten {
            self.forget_app(&id);
        }
        let lobby_limit = i64::try_from(timers.lobby_timeout_secs)
            .unwrap_or(i64::MAX)
            .saturating_mul(1000);
        let now_ms = now_ms();
        let timed_out: Vec<(String, String)> = self
            .meetings
            .values()
            .flat_map(|m| m.people.values().map(move |p| (m.id.clone(), p)))
            .filter(|(_, p)| p.presence == Presence::Lobby && now_ms - p.since_ms > lobby_limit)
            .map(|(m, p)| (m, p.id.clone()))
            .collect();
        for (meeting, person) in timed_out {
            let _ = self.deny(&meeting, &person, true);
        }
        self.live_origins.retain(|_, exp| *exp > now_ms / 1000);
        let due: Vec<Scheduled> = {
            let (due, later): (Vec<_>, Vec<_>) = std::mem::take(&mut self.scheduled)
                .into_iter()
                .partition(|(at, _)| *at <= now);
            self.scheduled = later;
            due.into_iter().map(|(_, s)| s).collect()
        };
        for action in due {
            let _ = match action {
                Scheduled::Admit { meeting, person } => self.admit(&meeting, &person),
                Scheduled::Say { meeting, from, text } => self.say(&meeting, &from, &text, false),
                Scheduled::StaffReturns { meeting } => self.staff_returns(&meeting),
            };
        }
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

    fn schedule_demo_admission(&mut self, meeting: &str, person: &str) {
        let Some(staff) = self
            .demo
            .clone()
            .filter(|s| s.meetings.iter().any(|m| m == meeting))
        else {
            return;
        };
        let staff_present = self
            .meetings
            .get(meeting)
            .is_some_and(|m| m.people.contains_key(&staff.person));
        let mut at = Instant::now();
        if !staff_present {
            at += Duration::from_secs(1);
            self.scheduled.push((
                at,
                Scheduled::StaffReturns {
                    meeting: meeting.to_owned(),
                },
            ));
        }
        self.scheduled.push((
            at + staff.admit_after,
            Scheduled::Admit {
                meeting: meeting.to_owned(),
                person: person.to_owned(),
            },
        ));
    }

    fn schedule_demo_reply(&mut self, meeting: &str, guest: &str, text: &str) {
        let Some(staff) = self
            .demo
            .clone()
            .filter(|s| s.meetings.iter().any(|m| m == meeting))
        else {
            return;
        };
        if !self
            .meetings
            .get(meeting)
            .is_some_and(|m| m.people.contains_key(&staff.person))
        {
            return;
        }
        let first_name = guest.split_whitespace().next().unwrap_or(guest);
        let reply = if text.trim_end().ends_with('?') {
            format!("Good question, {first_name}. Let me check that for you.")
        } else {
            format!("Thanks, {first_name}. I've noted that.")
        };
        self.scheduled.push((
            Instant::now() + Duration::from_millis(1200),
            Scheduled::Say {
                meeting: meeting.to_owned(),
                from: staff.person.clone(),
                text: reply,
            },
        ));
    }

    fn staff_returns(&mut self, meeting: &str) -> Result<(), ControlError> {
        let Some(staff) = self.demo.clone() else {
            return Ok(());
        };
        let m = self.meetings.get(meeting).ok_or(ControlError::NoSuchMeeting)?;
        if m.people.contains_key(&staff.person) {
            return Ok(());
        }
        let person = Person {
            id: staff.person.clone(),
            name: staff.name.clone(),
            uri: format!("sip:{}", staff.person),
            leader: true,
            anonymous: false,
            presence: Presence::InMeeting,
            app: None,
            since_ms: now_ms(),
        };
        if let Some(m) = self.meetings.get_mut(meeting) {
            m.people.insert(person.id.clone(), person.clone());
        }
        let mut outbox = Outbox::default();
        self.announce(&mut outbox, meeting, &person, "added", None);
        self.deliver(outbox);
        Ok(())
    }
}

/// A participant event about `person` in the conversation `conv`.
fn participant_event(conv: &ConvPaths, person: &Person, kind: &str) -> Value {
    let href = conv.participant(&person.id);
    let in_lobby = person.presence == Presence::Lobby;
    let mut event = if kind == "deleted" {
        res::event("deleted", "participant", &href, None)
    } else {
        res::event(
            kind,
            "participant",
            &href,
            Some(res::participant(
                conv,
                &person.id,
                &person.name,
                &person.uri,
                person.leader,
                person.anonymous,
                in_lobby,
                false,
            )),
        )
    };
    if kind == "deleted" {
        event["link"]["title"] = Value::String(person.name.clone());
    }
    if in_lobby {
        event["in"] = serde_json::json!({"rel": "lobby", "href": conv.sub("lobby")});
    }
    event
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
