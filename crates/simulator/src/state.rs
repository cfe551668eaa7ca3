//! The simulator's state, in memory: the [`Store`] (state behind one lock, keys behind
//! another), lookups, and the delivery of what an operation tells guests.
//!
//! The operations live beside it: `guests.rs` (what guests do) and `organizer.rs` (what
//! the organizer, the control API and the clock do). Each locks once, changes what it
//! must, and queues in an `Outbox` the events every affected guest sees; they are pushed
//! to each guest's [`EventChannel`] while the lock is held, so every guest sees changes in
//! one order.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, MutexGuard, RwLock, RwLockReadGuard, RwLockWriteGuard};
use std::time::Instant;

use axum::http::HeaderMap;
use serde_json::Value;
use url::Url;

use crate::channel::EventChannel;
use crate::config::{
    AppConfig, EndpointConfig, MeetingConfig, OnPremisesConfig, Quirks, SimConfig, TenantConfig, Timers,
};
use crate::demo::Script;
use crate::faults::Faults;
use crate::ids::{now_ms, random_digits, random_hex, slug};
use crate::journal::{HostName, Journal};
use crate::keys::KeyRing;
use crate::model::{
    Endpoint, Hosts, Meeting, Network, NewApplication, Person, Presence, Stage, UcwaApp, join_url,
};
use crate::refusal::{AddMeetingError, ControlError, Refusal};
use crate::request;
use crate::tell::{AppPaths, Style, Tell};

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
    /// The demo staff's script, in demo mode.
    pub demo: Script,
    /// Who is typing, by meeting and person id, with when they last said so.
    pub typing: BTreeMap<(String, String), Instant>,
    /// On premises: the anonymous web tickets issued, by ticket.
    pub web_tickets: BTreeMap<String, WebTicketGrant>,
    /// On premises: the SIP domain and the origins allowed.
    pub on_premises: OnPremisesConfig,
}

/// What an on-premises anonymous web ticket stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WebTicketGrant {
    /// The anonymous identity; a renewed ticket keeps it.
    pub identity: String,
    /// The conference URI the ticket is for (a join elsewhere is refused).
    pub conference_uri: String,
    /// The host (and port) of the pool that issued it: tickets are scoped to it.
    pub issuer: String,
    /// When it expires, seconds since the epoch.
    pub expires_secs: i64,
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
    /// Where this host listens.
    pub fn url(&self) -> &Url {
        let hosts = &self.store.hosts;
        match self.host {
            HostName::Login => &hosts.login,
            HostName::Api => &hosts.api,
            HostName::Ring => &hosts.ring,
            HostName::Webpool => &hosts.webpool,
            HostName::Meet => &hosts.meet,
            HostName::Control => &hosts.control,
            HostName::Lyncdiscover => &hosts.lyncdiscover,
            HostName::Pool => &hosts.pool,
            HostName::Pool2 => &hosts.pool2,
        }
    }

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
                demo: Script::default(),
                typing: BTreeMap::new(),
                web_tickets: BTreeMap::new(),
                on_premises: config.on_premises.clone(),
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
        // A meeting of the on-premises server's domain is linked by its simple URL, which the
        // pool serves (`/meet/<organizer>/<id>`, protocol.md §3.1).
        let on_premises = state.on_premises.sip_domain.as_deref() == Some(tenant.domain.as_str());
        let join_url = match on_premises {
            true => format!("{}meet/{}/{id}", self.hosts.pool, config.organizer),
            false => join_url(&self.hosts.meet, &tenant.name, &config.organizer, &id),
        };
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
            dial_in: config.dial_in.clone(),
        };
        let now = now_ms();
        if config.organizer_present {
            let person = Person {
                id: format!("{}@{}", config.organizer, tenant.domain),
                name: config.organizer_name.clone(),
                uri: organizer_uri,
                leader: true,
                network: Network::Organisation,
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
                network: Network::Organisation,
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
#[derive(Debug, Default)]
pub(crate) struct Outbox(Vec<(String, Queued)>);

#[derive(Debug)]
enum Queued {
    Sender(Value),
    /// What follows goes out in a later response.
    Break,
}

impl Outbox {
    /// Queues a sender group for application `app`.
    pub(crate) fn push(&mut self, app: &str, sender: Value) {
        self.0.push((app.to_owned(), Queued::Sender(sender)));
    }

    /// Makes what is queued for `app` from now on go out in a later response than what is
    /// queued already, as servers split one change over several responses.
    pub(crate) fn later_response(&mut self, app: &str) {
        self.0.push((app.to_owned(), Queued::Break));
    }
}

impl State {
    /// Pushes what `outbox` holds: per application, in the order first queued, split into
    /// the responses [`Outbox::later_response`] asked for.
    pub(crate) fn deliver(&mut self, outbox: Outbox) {
        let mut grouped: BTreeMap<String, Vec<Vec<Value>>> = BTreeMap::new();
        let mut order = Vec::new();
        for (app, queued) in outbox.0 {
            if !grouped.contains_key(&app) {
                order.push(app.clone());
            }
            let responses = grouped.entry(app).or_insert_with(|| vec![Vec::new()]);
            match queued {
                Queued::Sender(sender) => {
                    if let Some(response) = responses.last_mut() {
                        response.push(sender);
                    }
                }
                Queued::Break => responses.push(Vec::new()),
            }
        }
        for app in order {
            if let (Some(responses), Some(target)) = (grouped.remove(&app), self.channels.get_mut(&app)) {
                target.push_responses(responses);
            }
        }
    }

    /// Person `person` of meeting `meeting`.
    pub(crate) fn person(&self, meeting: &str, person: &str) -> Result<&Person, ControlError> {
        self.meetings
            .get(meeting)
            .ok_or(ControlError::NoSuchMeeting)?
            .people
            .get(person)
            .ok_or(ControlError::NoSuchPerson)
    }

    /// The application `id` if it can be used.
    ///
    /// # Errors
    /// [`Refusal::ApplicationExpired`] or [`Refusal::ApplicationNotFound`].
    pub fn app(&mut self, id: &str) -> Result<&mut UcwaApp, Refusal> {
        match self.apps.get_mut(id) {
            Some(app) if app.expired_at.is_some() => Err(Refusal::ApplicationExpired),
            Some(app) => Ok(app),
            None => Err(Refusal::ApplicationNotFound),
        }
    }

    /// Forgets an application and its event channel (a parked poll ends as its sender
    /// is dropped).
    pub(crate) fn forget_app(&mut self, id: &str) {
        self.apps.remove(id);
        self.channels.remove(id);
    }

    /// Creates a guest application, with its event channel.
    pub fn create_app(&mut self, new: NewApplication) -> &UcwaApp {
        let id = loop {
            let id = random_digits(12);
            if !self.apps.contains_key(&id) {
                break id;
            }
        };
        let paths = AppPaths::new(new.collection, &id);
        let app = UcwaApp {
            id: id.clone(),
            collection: new.collection,
            session_id: new.session_id,
            origins: new.origins,
            conference: new.conference,
            name: new.name,
            number: random_digits(10),
            culture: new.culture,
            user_agent: new.user_agent,
            endpoint_id: new.endpoint_id,
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

    /// Every live guest application with a conversation in `meeting`.
    pub(crate) fn listeners(&self, meeting: &str) -> Vec<Listener> {
        let style = Style::of(&self.quirks);
        self.apps
            .values()
            .filter(|app| app.expired_at.is_none())
            .filter_map(|app| {
                let conv = app.conversation.as_ref().filter(|c| c.meeting == meeting)?;
                Some(Listener {
                    app: app.id.clone(),
                    tell: Tell::new(app.collection, &app.id, &conv.id, &conv.person, style),
                    stage: conv.stage,
                    chat: conv.messaging,
                })
            })
            .collect()
    }

    /// Tells every admitted guest in `meeting` (but `except`) about `person`, in the words
    /// of `event` ([`Tell::participant_added`] or [`Tell::participant_left`]).
    pub(crate) fn announce(
        &self,
        outbox: &mut Outbox,
        meeting: &str,
        person: &Person,
        event: fn(&Tell, &Person) -> Value,
        except: Option<&str>,
    ) {
        for listener in self.listeners(meeting) {
            if listener.stage != Stage::Connected || Some(listener.app.as_str()) == except {
                continue;
            }
            let tell = &listener.tell;
            outbox.push(&listener.app, tell.from_conversation(vec![event(tell, person)]));
        }
    }
}

/// A guest who hears what happens in their meeting.
#[derive(Debug)]
pub(crate) struct Listener {
    /// Their application's id.
    pub(crate) app: String,
    /// How they are told.
    pub(crate) tell: Tell,
    /// Lobby or meeting.
    pub(crate) stage: Stage,
    /// Whether they have chat.
    pub(crate) chat: bool,
}
