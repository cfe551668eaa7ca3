//! What the simulator serves: tenants, app registrations, endpoints, meetings, timers and
//! quirks. Read from TOML, built by tests, or seeded by `--demo`.

use std::net::{IpAddr, Ipv4Addr};

use protocol::taapi::AccessLevel;
use serde::{Deserialize, Serialize};

/// The whole configuration.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SimConfig {
    /// Where to listen.
    #[serde(default)]
    pub service: ServiceConfig,
    /// Timers.
    #[serde(default)]
    pub timers: Timers,
    /// Quirks of the real servers to reproduce.
    #[serde(default)]
    pub quirks: Quirks,
    /// Tenants.
    #[serde(default)]
    pub tenants: Vec<TenantConfig>,
    /// Azure AD app registrations.
    #[serde(default)]
    pub apps: Vec<AppConfig>,
    /// Trusted application endpoints.
    #[serde(default)]
    pub endpoints: Vec<EndpointConfig>,
    /// Meetings that exist from the start.
    #[serde(default)]
    pub meetings: Vec<MeetingConfig>,
    /// The on-premises Skype for Business Server the simulator also plays.
    #[serde(default)]
    pub on_premises: OnPremisesConfig,
}

/// An organisation's own Skype for Business Server (protocol.md §3): its SIP domain, whose
/// meetings it hosts, and the web origins its `CrossDomainAuthorizationList` lets in.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OnPremisesConfig {
    /// The SIP domain (`contoso.com`): the server hosts the meetings whose organizer is in
    /// it, and autodiscovery is `lyncdiscover.<domain>`.
    #[serde(default)]
    pub sip_domain: Option<String>,
    /// Origins (scheme, host and port) allowed to call from a browser
    /// (`Set-CsWebServiceConfiguration -CrossDomainAuthorizationList`).
    #[serde(default)]
    pub cross_domain_authorization_list: Vec<String>,
    /// A split-domain topology: guests' applications live on a second pool, whose web
    /// tickets are its own (protocol.md §3.5).
    #[serde(default)]
    pub split_domain: bool,
    /// The `lyncdiscover` root answers with only a `redirect` to the pool's root, which a
    /// client follows after the documented security check (protocol.md §3.2).
    #[serde(default)]
    pub root_redirect: bool,
    /// Meetings are homed on the second pool: the first pool's `user` resource, once
    /// signed in, answers a `redirect` to the second's, which wants a ticket of its own
    /// (protocol.md §3.5).
    #[serde(default)]
    pub homed_on_second_pool: bool,
}

/// Listening address and one port per host (0 picks a free port).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceConfig {
    /// The address every host binds.
    pub bind: IpAddr,
    /// Azure AD ("login.microsoftonline.com").
    pub login_port: u16,
    /// Discovery ("api.skypeforbusiness.com").
    pub api_port: u16,
    /// The Trusted Application API applications ("ring2noammeetings.resources.lync.com").
    pub ring_port: u16,
    /// UCWA and redirected TAAPI calls ("webpool….infra.lync.com").
    pub webpool_port: u16,
    /// Meeting join URLs ("meet.lync.com").
    pub meet_port: u16,
    /// The control API.
    pub control_port: u16,
    /// On-premises autodiscovery ("lyncdiscover.contoso.com").
    #[serde(default)]
    pub lyncdiscover_port: u16,
    /// The on-premises web pool ("lyncweb.contoso.com"): user resource and web tickets.
    #[serde(default)]
    pub pool_port: u16,
    /// A second on-premises pool, for the split-domain topology.
    #[serde(default)]
    pub pool2_port: u16,
}

impl Default for ServiceConfig {
    fn default() -> Self {
        Self {
            bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
            login_port: 0,
            api_port: 0,
            ring_port: 0,
            webpool_port: 0,
            meet_port: 0,
            control_port: 0,
            lyncdiscover_port: 0,
            pool_port: 0,
            pool2_port: 0,
        }
    }
}

/// Timers the documentation leaves open; see the README for the choices.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Timers {
    /// Shortest long-poll `timeout` honoured (UCWA: 180 s; tests use less).
    pub min_event_timeout_secs: u64,
    /// Longest long-poll `timeout` honoured (UCWA: 1800 s).
    pub max_event_timeout_secs: u64,
    /// Default long-poll `timeout` when the client sends none (UCWA: 180 s).
    pub default_event_timeout_secs: u64,
    /// An application with no request for this long expires (`410`).
    pub app_idle_secs: u64,
    /// An expired application is forgotten (`404`) after this long.
    pub app_forget_secs: u64,
    /// A guest nobody admits is dropped from the lobby after this long.
    pub lobby_timeout_secs: u64,
    /// Lifetime of a guest (`psat`) token (8 h in every published token).
    pub psat_lifetime_secs: u64,
    /// Lifetime of an Azure AD token.
    pub aad_token_lifetime_secs: u64,
    /// Lifetime of an ad-hoc meeting (8 h per the docs).
    pub adhoc_meeting_secs: u64,
    /// Someone who said they are typing and said nothing more stops typing after this
    /// long (`setIsTyping` starts "a short timer"; the length is not documented).
    #[serde(default = "default_typing_secs")]
    pub typing_secs: u64,
    /// Lifetime of an on-premises anonymous web ticket (an hour, per the docs).
    #[serde(default = "default_web_ticket_secs")]
    pub web_ticket_secs: u64,
}

fn default_typing_secs() -> u64 {
    5
}

fn default_web_ticket_secs() -> u64 {
    3600
}

impl Default for Timers {
    fn default() -> Self {
        Self {
            min_event_timeout_secs: 180,
            max_event_timeout_secs: 1800,
            default_event_timeout_secs: 180,
            app_idle_secs: 300,
            app_forget_secs: 900,
            lobby_timeout_secs: 900,
            psat_lifetime_secs: 8 * 3600,
            aad_token_lifetime_secs: 3600,
            adhoc_meeting_secs: 8 * 3600,
            typing_secs: default_typing_secs(),
            web_ticket_secs: default_web_ticket_secs(),
        }
    }
}

/// Which link-relation namespace to write.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Namespace {
    /// `service:` (current docs).
    #[default]
    Service,
    /// `ms:rtc:saas:` (recorded traffic; also sent when a request has `X-Ms-Namespace: internal`).
    Internal,
}

impl Namespace {
    /// The prefix.
    pub fn prefix(self) -> &'static str {
        match self {
            Self::Service => "service:",
            Self::Internal => "ms:rtc:saas:",
        }
    }
}

/// Which date format to write.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateFormat {
    /// `"\/Date(ms)\/"`, as UCWA's JSON does.
    #[default]
    Ajax,
    /// ISO-8601, as the documentation does.
    Iso,
    /// `"\\/Date(ms)\\/"`, over-escaped as some recorded responses are.
    DoubleEscaped,
}

/// How `anonApplicationTokens` refuses a `meetingUrl` that leads to no meeting that is on.
/// The documents leave the code open (protocol.md §8 item 6).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingUrlRefusal {
    /// `400 BadRequest/ParameterValidationFailure` naming `meetingUrl` (§8 item 6's first).
    #[default]
    ParameterValidation,
    /// `403 Forbidden` (§8 item 6's second).
    Forbidden,
    /// `404 NotFound/DestinationNotFound`, as the join itself answers an unknown meeting.
    DestinationNotFound,
}

/// The real servers' quirks and the documents' alternatives, switchable at run time
/// through the control API, the configuration file and the command line.
///
/// The default is the strictest documented behaviour; each field names one lenient or
/// alternative behaviour a client must also cope with. [`Quirks::all`] switches every
/// alternative on at once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Quirks {
    /// Rel namespace of TAAPI and discover links.
    pub namespace: Namespace,
    /// Write `&` in hrefs as the six characters `\u0026` (the JSON text holds `\\u0026`).
    pub literal_u0026: bool,
    /// Date format.
    pub dates: DateFormat,
    /// Answer TAAPI `POST`s on the ring host with `307` to the webpool host.
    pub redirect_307: bool,
    /// Status of a successful `anonApplicationTokens` (docs: 200, recorded: 201).
    pub anon_token_status: u16,
    /// Use the legacy discover parameter `anonymousContext` instead of
    /// `anonymousMeetingJoinContext`.
    pub legacy_discover_parameter: bool,
    /// Embed the participant resource in participant events and in the `participants`
    /// collection. Strict: events carry only `link` (with `title`) and `in`, and the
    /// collection only links; a client reads the resources with `GET`.
    pub embed_participants: bool,
    /// Deliver a join's events in one response. Strict: the join's start (invitation,
    /// conversation, local participant, meeting, messaging) in one response and the roster
    /// with the completion in a later one.
    pub join_in_one_response: bool,
    /// Put an ending's conversation `deleted` (the event with the reason) in the response
    /// after the one with the `Disconnected` updates. Strict: one response.
    pub ending_in_two_responses: bool,
    /// Support `OPTIONS` on UCWA resources (resource pages document it; HTTP.md says UCWA
    /// does not): preflights list it and an `OPTIONS` request gets the resource's metadata.
    pub options_method: bool,
    /// How an unknown or finished meeting's URL is refused when a token is asked for it.
    pub meeting_url_refusal: MeetingUrlRefusal,
    /// `Access-Control-Max-Age` of preflight answers, in seconds (0: browsers cache none).
    pub preflight_max_age_secs: u32,
    /// On premises: write the `MsRtcOAuth` challenge's `href` unquoted, as one documented
    /// example does. Strict: quoted.
    pub unquoted_challenge_href: bool,
    /// On premises: send both `401` challenges folded into one `WWW-Authenticate` line.
    /// Strict: one line each.
    pub folded_challenges: bool,
    /// On premises: answer CORS for the origins of the `CrossDomainAuthorizationList`, as
    /// servers did for the Web SDK's `cors: true`. Strict: no CORS, only the XFrame.
    pub on_premises_cors: bool,
}

impl Default for Quirks {
    fn default() -> Self {
        Self {
            namespace: Namespace::Service,
            literal_u0026: false,
            dates: DateFormat::Ajax,
            redirect_307: false,
            anon_token_status: 201,
            legacy_discover_parameter: false,
            embed_participants: false,
            join_in_one_response: false,
            ending_in_two_responses: false,
            options_method: false,
            meeting_url_refusal: MeetingUrlRefusal::ParameterValidation,
            preflight_max_age_secs: 7200,
            unquoted_challenge_href: false,
            folded_challenges: false,
            on_premises_cors: false,
        }
    }
}

impl Quirks {
    /// The strictest documented behaviour: every quirk off.
    pub fn strict() -> Self {
        Self::default()
    }

    /// Every quirk on, each enumerated one at its least common documented value, and
    /// preflights never cached.
    pub fn all() -> Self {
        Self {
            namespace: Namespace::Internal,
            literal_u0026: true,
            dates: DateFormat::DoubleEscaped,
            redirect_307: true,
            anon_token_status: 200,
            legacy_discover_parameter: true,
            embed_participants: true,
            join_in_one_response: true,
            ending_in_two_responses: true,
            options_method: true,
            meeting_url_refusal: MeetingUrlRefusal::Forbidden,
            preflight_max_age_secs: 0,
            unquoted_challenge_href: true,
            folded_challenges: true,
            on_premises_cors: true,
        }
    }

    /// Sets one quirk from `name=value` (or just `name` for a switch), as the command line
    /// and `simulator quirks` give it. `all` and `strict` set every quirk.
    ///
    /// # Errors
    /// A sentence naming the unknown quirk or the value it cannot take.
    pub fn set(&mut self, setting: &str) -> Result<(), String> {
        let (name, value) = match setting.split_once('=') {
            Some((name, value)) => (name.trim(), Some(value.trim())),
            None => (setting.trim(), None),
        };
        match name {
            "all" => *self = Self::all(),
            "strict" | "none" => *self = Self::strict(),
            _ => {
                let mut fields = serde_json::to_value(&*self).map_err(|e| e.to_string())?;
                let slot = fields
                    .get_mut(name)
                    .ok_or_else(|| format!("there is no quirk called {name:?}; see `simulator quirks`"))?;
                let text = value.unwrap_or("true");
                *slot =
                    serde_json::from_str(text).unwrap_or_else(|_| serde_json::Value::String(text.to_owned()));
                *self =
                    serde_json::from_value(fields).map_err(|e| format!("{name} cannot be {text:?}: {e}"))?;
            }
        }
        Ok(())
    }
}

/// A tenant.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TenantConfig {
    /// The tenant id (a GUID).
    pub id: String,
    /// The tenant's domain, e.g. `contoso.onmicrosoft.com`.
    pub domain: String,
    /// The name in meeting URLs, e.g. `contoso`.
    pub name: String,
}

/// A permission the Trusted Application API grants.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Permission {
    /// "Guest user join services": `anonApplicationTokens`.
    GuestJoin,
    /// "Create on-demand Skype meetings": `adhocMeetings`.
    CreateMeetings,
    /// "Send/Receive Instant Messages".
    Messaging,
}

/// An Azure AD app registration.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AppConfig {
    /// The client id.
    pub client_id: String,
    /// The client secret.
    pub client_secret: String,
    /// The tenant it lives in.
    pub tenant: String,
    /// Whether a tenant admin consented.
    #[serde(default = "yes")]
    pub consented: bool,
    /// Permissions granted.
    #[serde(default = "all_permissions")]
    pub permissions: Vec<Permission>,
    /// Its App ID URI (the audience of callback tokens).
    #[serde(default)]
    pub app_id_uri: Option<String>,
    /// Where callbacks go.
    #[serde(default)]
    pub callback_url: Option<String>,
}

fn yes() -> bool {
    true
}

fn all_permissions() -> Vec<Permission> {
    vec![
        Permission::GuestJoin,
        Permission::CreateMeetings,
        Permission::Messaging,
    ]
}

/// A trusted application endpoint.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EndpointConfig {
    /// Its SIP URI (lower case).
    pub sip: String,
    /// The app registration it belongs to.
    pub client_id: String,
}

/// Someone scripted into a meeting.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonConfig {
    /// Display name.
    pub name: String,
    /// Whether they lead (organizer/presenter).
    #[serde(default)]
    pub leader: bool,
}

/// A meeting.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeetingConfig {
    /// The meeting id (conference id), 8 upper-case letters and digits.
    pub id: String,
    /// The tenant id.
    pub tenant: String,
    /// The organizer's user name (the part before `@`).
    pub organizer: String,
    /// The organizer's display name.
    pub organizer_name: String,
    /// The subject.
    pub subject: String,
    /// Lobby policy: `Everyone` goes straight in; `Locked`/`Invited` wait for admission.
    pub access_level: AccessLevel,
    /// Whether the organizer is present from the start.
    #[serde(default = "yes")]
    pub organizer_present: bool,
    /// Other people present from the start.
    #[serde(default)]
    pub participants: Vec<PersonConfig>,
    /// How to join by phone; without it, nobody may (`phoneUserAdmission` `Disabled`).
    #[serde(default)]
    pub dial_in: Option<DialInConfig>,
}

/// How to join a meeting by phone, as its `phoneDialInInformation` resource tells it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DialInConfig {
    /// The conference ID callers key in.
    pub conference_id: String,
    /// The region whose number is offered first.
    pub default_region: String,
    /// A number per region.
    pub numbers: Vec<DialInNumber>,
}

/// A region's dial-in number.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DialInNumber {
    /// The region, e.g. `Seattle`.
    pub region: String,
    /// The number, international form: `+12065550123`.
    pub number: String,
}

/// Errors in a configuration.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// The TOML is malformed or has unknown fields.
    #[error("{path} is not a valid simulator configuration: {source}")]
    Parse {
        /// The file.
        path: String,
        /// Why.
        source: toml::de::Error,
    },
    /// A reference to something that does not exist.
    #[error("{0}")]
    Invalid(String),
}

impl SimConfig {
    /// Reads a TOML file.
    ///
    /// # Errors
    /// [`ConfigError`] naming the file and the problem.
    pub fn from_file(path: &std::path::Path) -> Result<Self, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.display().to_string(),
            source,
        })?;
        let config: Self = toml::from_str(&text).map_err(|source| ConfigError::Parse {
            path: path.display().to_string(),
            source,
        })?;
        config.validate()?;
        Ok(config)
    }

    /// Checks cross-references (tenants of apps, meetings, endpoints).
    ///
    /// # Errors
    /// [`ConfigError::Invalid`] saying which entry refers to what.
    pub fn validate(&self) -> Result<(), ConfigError> {
        let tenant_exists = |id: &str| self.tenants.iter().any(|t| t.id == id);
        for app in &self.apps {
            if !tenant_exists(&app.tenant) {
                return Err(ConfigError::Invalid(format!(
                    "app {} is in tenant {}, which is not configured",
                    app.client_id, app.tenant
                )));
            }
        }
        for endpoint in &self.endpoints {
            if !self.apps.iter().any(|a| a.client_id == endpoint.client_id) {
                return Err(ConfigError::Invalid(format!(
                    "endpoint {} belongs to app {}, which is not configured",
                    endpoint.sip, endpoint.client_id
                )));
            }
            if endpoint.sip != endpoint.sip.to_lowercase() || !endpoint.sip.starts_with("sip:") {
                return Err(ConfigError::Invalid(format!(
                    "endpoint {} must be a lower-case sip: URI",
                    endpoint.sip
                )));
            }
        }
        for meeting in &self.meetings {
            if !tenant_exists(&meeting.tenant) {
                return Err(ConfigError::Invalid(format!(
                    "meeting {} is in tenant {}, which is not configured",
                    meeting.id, meeting.tenant
                )));
            }
            if meeting.id.is_empty()
                || meeting.id.len() > 32
                || !meeting.id.bytes().all(|b| b.is_ascii_alphanumeric())
            {
                return Err(ConfigError::Invalid(format!(
                    "meeting id {:?} must be 1 to 32 letters and digits",
                    meeting.id
                )));
            }
        }
        Ok(())
    }
}
