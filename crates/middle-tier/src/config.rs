//! Settings: a TOML file, then environment variables on top. A bad setting stops the
//! service at start with a message naming the field.
//!
//! Secrets (the client secret, the staff key, the invitation and session signing keys) come
//! from the environment or from a file, never from the TOML itself. They are held as
//! [`SecretString`]s, which are wiped from memory when dropped.
//!
//! The defaults are the real Microsoft services, reached over `https`. A plain-`http`
//! upstream (the simulator) needs the development switch, so a deployment that forgets a
//! setting never sends the client secret in clear.

use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use ipnet::IpNet;
use protocol::Secret;
use protocol::aad::ClientCredentials;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use url::Url;

/// Azure AD.
pub const MICROSOFT_LOGIN_URL: &str = "https://login.microsoftonline.com/";
/// The Trusted Application API's discover URL.
pub const MICROSOFT_DISCOVER_URL: &str = "https://api.skypeforbusiness.com/platformservice/discover";
/// Where Skype for Business Online meetings are joined.
pub const MICROSOFT_MEETING_HOST: &str = "meet.lync.com";
/// The environment variable of the development switch that allows plain-`http` upstreams.
pub const ALLOW_HTTP_VARIABLE: &str = "GUEST_JOIN_ALLOW_HTTP_UPSTREAMS";

/// The file's shape; every field may also come from the environment.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSettings {
    listen: Option<String>,
    public_url: Option<String>,
    #[serde(default)]
    azure: FileAzure,
    #[serde(default)]
    upstream: FileUpstream,
    #[serde(default)]
    meetings: FileMeetings,
    #[serde(default)]
    partners: Vec<Partner>,
    #[serde(default)]
    staff: FileSecretRef,
    #[serde(default)]
    invitations: FileInvitations,
    #[serde(default)]
    sessions: FileSecretRef,
    #[serde(default)]
    callback: FileCallback,
    #[serde(default)]
    app: FileApp,
    #[serde(default)]
    proxy: FileProxy,
    #[serde(default)]
    limits: FileLimits,
    #[serde(default)]
    metrics: FileMetrics,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileAzure {
    tenant: Option<String>,
    client_id: Option<String>,
    client_secret_file: Option<PathBuf>,
    endpoint: Option<String>,
    login_url: Option<String>,
    discover_url: Option<String>,
    resource: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileUpstream {
    deadline_secs: Option<u64>,
    failure_memory_secs: Option<u64>,
    allow_http: Option<bool>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileMeetings {
    allowed_hosts: Option<Vec<String>>,
    require_invitation: Option<bool>,
    on_premises_hosts: Option<Vec<String>>,
    autodiscover: Option<Vec<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSecretRef {
    key_file: Option<PathBuf>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileInvitations {
    key_file: Option<PathBuf>,
    lifetime_hours: Option<u32>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileCallback {
    audience: Option<String>,
    openid_configuration: Option<String>,
    min_key_refresh_secs: Option<u64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileApp {
    static_dir: Option<PathBuf>,
    connect_src: Option<Vec<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileProxy {
    trusted: Option<Vec<String>>,
    header: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileLimits {
    requests_per_minute: Option<u32>,
    staff_per_minute: Option<u32>,
    callback_per_minute: Option<u32>,
    health_per_minute: Option<u32>,
    header_read_timeout_secs: Option<u64>,
    request_timeout_secs: Option<u64>,
    max_connections: Option<usize>,
    max_in_flight: Option<usize>,
    shutdown_grace_secs: Option<u64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileMetrics {
    listen: Option<String>,
}

/// A partner whose web pages may ask for guest tokens, and may frame the app.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Partner {
    /// A name, for logs.
    pub name: String,
    /// Its web origins (`https://bank.example`).
    pub origins: Vec<String>,
    /// The accent colour of its brand, `#rrggbb`, for the app's buttons when the partner
    /// frames it. White text on it must meet WCAG AA (4.5:1).
    #[serde(default)]
    pub accent: Option<String>,
    /// Its logo, on one of its own origins.
    #[serde(default)]
    pub logo: Option<String>,
    /// The name shown beside the logo.
    #[serde(default)]
    pub display_name: Option<String>,
}

impl Partner {
    /// Checks the brand: a colour that is a colour with enough contrast, a logo on the
    /// partner's own origin, a short plain name. Nothing a page could be injected with.
    fn check_brand(&self) -> Result<(), ConfigError> {
        let field = |what: &str| format!("partners.{}.{what}", self.name);
        if let Some(accent) = &self.accent {
            let Some(rgb) = hex_colour(accent) else {
                return Err(problem(
                    &field("accent"),
                    format!("{accent:?} must be a colour written #rrggbb"),
                ));
            };
            let ratio = contrast_with_white(rgb);
            if ratio < 4.5 {
                return Err(problem(
                    &field("accent"),
                    format!(
                        "{accent} has {ratio:.1}:1 contrast with the white text of buttons; WCAG AA needs 4.5:1, \
                         so choose a darker shade"
                    ),
                ));
            }
        }
        if let Some(logo) = &self.logo {
            let url = web_url(&field("logo"), logo)?;
            let origin = url.origin().ascii_serialization();
            let own = self
                .origins
                .iter()
                .filter_map(|o| Url::parse(o.trim()).ok())
                .any(|o| o.origin().ascii_serialization() == origin);
            if !own {
                return Err(problem(
                    &field("logo"),
                    format!("{logo:?} must be on one of the partner's own origins"),
                ));
            }
        }
        if let Some(name) = &self.display_name
            && (name.trim().is_empty() || name.chars().count() > 60 || name.chars().any(char::is_control))
        {
            return Err(problem(
                &field("display_name"),
                "must be 1 to 60 characters of plain text",
            ));
        }
        Ok(())
    }
}

/// `#rrggbb` as red, green and blue.
fn hex_colour(text: &str) -> Option<[u8; 3]> {
    let hex = text.strip_prefix('#').filter(|h| h.len() == 6)?;
    let channel = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
    Some([channel(0)?, channel(2)?, channel(4)?])
}

/// The WCAG contrast ratio between `rgb` and white.
fn contrast_with_white(rgb: [u8; 3]) -> f64 {
    let linear = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let luminance = 0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2]);
    1.05 / (luminance + 0.05)
}

/// The Azure AD application and the Trusted Application API it calls.
#[derive(Clone, Debug)]
pub struct Azure {
    /// The app's tenant (id or domain).
    pub tenant: String,
    /// The app registration's client id.
    pub client_id: String,
    /// The app registration's client secret.
    pub client_secret: SecretString,
    /// The audience to ask Azure AD for.
    pub resource: String,
    /// The trusted application endpoint's SIP URI.
    pub endpoint: String,
    /// Azure AD's base URL.
    pub login_url: Url,
    /// The Trusted Application API discover URL.
    pub discover_url: Url,
}

impl Azure {
    /// The credentials for one token request. The copy of the secret they hold lives only
    /// as long as that request is being built.
    pub fn credentials(&self) -> ClientCredentials {
        ClientCredentials {
            tenant: self.tenant.clone(),
            client_id: self.client_id.clone(),
            client_secret: Secret::new(self.client_secret.expose_secret()),
            resource: self.resource.clone(),
        }
    }
}

/// How long a guest's request may wait on the upstream, and how long an outage is
/// remembered.
#[derive(Clone, Copy, Debug)]
pub struct UpstreamPolicy {
    /// The most one guest request may spend upstream, retries included. The app waits 20 s
    /// for the middle tier; this answers well before.
    pub deadline: Duration,
    /// How long a failure is remembered: meanwhile guests are told at once that the service
    /// is unavailable instead of each repeating the failing chain.
    pub failure_memory: Duration,
}

/// Which header a trusted proxy names the client in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ForwardedHeader {
    /// `X-Forwarded-For: client, proxy1, proxy2`.
    XForwardedFor,
    /// RFC 7239 `Forwarded: for=client, for=proxy1`.
    Forwarded,
}

/// The proxies in front of the service, whose word on the client's address is trusted.
#[derive(Clone, Debug)]
pub struct Proxies {
    /// Addresses and networks of trusted proxies.
    pub trusted: Vec<IpNet>,
    /// The one header they write (a client can send the other one, so it is never read).
    pub header: ForwardedHeader,
}

/// Requests one client may make per minute, by kind of route.
#[derive(Clone, Copy, Debug)]
pub struct PerMinute {
    /// `POST /api/v1/guest-token`.
    pub token: u32,
    /// The staff API.
    pub staff: u32,
    /// The meeting service's callbacks.
    pub callback: u32,
    /// `/healthz` and `/readyz`.
    pub health: u32,
}

/// What the server allows a client, and how long it waits.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Rate limits per client.
    pub per_minute: PerMinute,
    /// How long a client may take to send a request's headers.
    pub header_read_timeout: Duration,
    /// How long one request may take from its headers to the response.
    pub request_timeout: Duration,
    /// Open connections at once; more wait to be accepted.
    pub max_connections: usize,
    /// Requests being handled at once; more are told the service is busy.
    pub max_in_flight: usize,
    /// How long a shutdown waits for requests in flight.
    pub shutdown_grace: Duration,
}

/// Everything the service needs, validated.
#[derive(Clone, Debug)]
pub struct Settings {
    /// Where to listen.
    pub listen: SocketAddr,
    /// The service's own public base URL (its origin may always ask for tokens).
    pub public_url: Url,
    /// Azure AD and TAAPI.
    pub azure: Azure,
    /// Deadline and failure memory for upstream calls.
    pub upstream: UpstreamPolicy,
    /// Hosts whose meeting join URLs this service hands tokens for.
    pub meeting_hosts: Vec<String>,
    /// Whether a guest must bring a signed invitation.
    pub require_invitation: bool,
    /// On-premises simple-URL hosts and their SIP domains (`meet.fabrikam.com=fabrikam.com`),
    /// for the app: their links are joined on the company's own server, without this service.
    pub on_premises_hosts: Vec<String>,
    /// Where the app discovers a SIP domain's on-premises server when DNS does not say
    /// (`fabrikam.com=https://lyncdiscover.fabrikam.net/`).
    pub autodiscover: Vec<String>,
    /// Origins allowed to ask for tokens: the service's own, and every partner's.
    pub allowed_origins: Vec<String>,
    /// Partners, for logs and `frame-ancestors`.
    pub partners: Vec<Partner>,
    /// The staff API key (the staff API is off without one).
    pub staff_key: Option<SecretString>,
    /// The key invitations are signed with.
    pub invitation_key: Option<SecretString>,
    /// How long an invitation stays valid.
    pub invitation_hours: u32,
    /// The key session ids are signed with. Without one, each start makes its own, and a
    /// guest's session is honoured only by the instance that began it.
    pub session_key: Option<SecretString>,
    /// The audience callback tokens must carry (the app's App ID URI).
    pub callback_audience: String,
    /// Where the signing keys of callback tokens are published.
    pub openid_configuration: Url,
    /// The shortest interval between key refreshes an unknown `kid` may trigger (guards
    /// against floods of made-up key ids).
    pub min_key_refresh_secs: u64,
    /// The built app to serve, if any.
    pub static_dir: Option<PathBuf>,
    /// Extra `connect-src` entries for the app's CSP (the meeting service's hosts).
    pub connect_src: Vec<String>,
    /// The proxies in front of the service.
    pub proxies: Proxies,
    /// Rate limits, timeouts and caps.
    pub limits: Limits,
    /// Where to serve Prometheus metrics, if anywhere.
    pub metrics_listen: Option<SocketAddr>,
}

/// A setting that is missing or wrong.
#[derive(Debug, thiserror::Error)]
#[error("{field}: {problem}")]
pub struct ConfigError {
    /// The field, as written in the file (or the environment variable).
    pub field: String,
    /// What is wrong, and what to do.
    pub problem: String,
}

fn problem(field: &str, text: impl Into<String>) -> ConfigError {
    ConfigError {
        field: field.to_owned(),
        problem: text.into(),
    }
}

/// A setting's name in the file and its environment variable, as errors quote them.
#[derive(Clone, Copy)]
struct Key {
    field: &'static str,
    variable: &'static str,
}

impl Key {
    const fn new(field: &'static str, variable: &'static str) -> Self {
        Self { field, variable }
    }

    fn label(self) -> String {
        format!("{} ({})", self.field, self.variable)
    }

    /// The environment's value, else the file's.
    fn text(self, env: &impl Environment, file: Option<String>) -> Option<String> {
        env.var(self.variable).or(file)
    }

    /// A value parsed from the environment, else the file's, else `default`.
    fn parsed<T: FromStr>(
        self,
        env: &impl Environment,
        file: Option<T>,
        default: T,
        expected: &str,
    ) -> Result<T, ConfigError> {
        match env.var(self.variable) {
            Some(text) => text
                .trim()
                .parse()
                .map_err(|_| problem(&self.label(), format!("{text:?} is not {expected}"))),
            None => Ok(file.unwrap_or(default)),
        }
    }

    /// Like [`Key::parsed`], for a count that must lie in `range`.
    fn within<T>(
        self,
        env: &impl Environment,
        file: Option<T>,
        default: T,
        range: std::ops::RangeInclusive<T>,
    ) -> Result<T, ConfigError>
    where
        T: FromStr + PartialOrd + std::fmt::Display + Copy,
    {
        let value = self.parsed(env, file, default, "a whole number")?;
        if range.contains(&value) {
            Ok(value)
        } else {
            Err(problem(
                &self.label(),
                format!("must be {} to {}", range.start(), range.end()),
            ))
        }
    }

    /// Whole seconds in `range`, as a [`Duration`].
    fn seconds(
        self,
        env: &impl Environment,
        file: Option<u64>,
        default: u64,
        range: std::ops::RangeInclusive<u64>,
    ) -> Result<Duration, ConfigError> {
        self.within(env, file, default, range).map(Duration::from_secs)
    }

    fn flag(self, env: &impl Environment, file: Option<bool>) -> Result<bool, ConfigError> {
        match env.var(self.variable) {
            Some(value) => parse_bool(&self.label(), &value),
            None => Ok(file.unwrap_or(false)),
        }
    }

    /// A list from the environment (separated by commas, spaces or semicolons), else the
    /// file's, else empty; `check` reads it whole and says what is wrong with it.
    fn list<T>(
        self,
        env: &impl Environment,
        file: Option<Vec<String>>,
        check: fn(&str) -> Result<T, String>,
    ) -> Result<Vec<String>, ConfigError> {
        let list = env
            .var(self.variable)
            .map(|list| split_list(&list))
            .or(file)
            .unwrap_or_default();
        check(&list.join(" ")).map_err(|e| problem(&self.label(), e))?;
        Ok(list)
    }
}

/// Where values come from besides the file (the process environment, or a test's map).
pub trait Environment {
    /// The variable's value, if set and not empty.
    fn var(&self, name: &str) -> Option<String>;
}

/// The process environment.
#[derive(Debug, Clone, Copy)]
pub struct ProcessEnvironment;

impl Environment for ProcessEnvironment {
    fn var(&self, name: &str) -> Option<String> {
        std::env::var(name).ok().filter(|v| !v.trim().is_empty())
    }
}

impl<F: Fn(&str) -> Option<String>> Environment for F {
    fn var(&self, name: &str) -> Option<String> {
        self(name).filter(|v| !v.trim().is_empty())
    }
}

impl Settings {
    /// Reads the file (if any) and the environment.
    ///
    /// # Errors
    /// [`ConfigError`] naming the first bad field.
    pub fn load(file: Option<&Path>, env: &impl Environment) -> Result<Self, ConfigError> {
        let parsed = match file {
            Some(path) => {
                let text = std::fs::read_to_string(path)
                    .map_err(|e| problem("--config", format!("cannot read {}: {e}", path.display())))?;
                toml::from_str::<FileSettings>(&text)
                    .map_err(|e| problem(&path.display().to_string(), e.to_string()))?
            }
            None => FileSettings::default(),
        };
        Self::from_parts(parsed, env)
    }

    fn from_parts(file: FileSettings, env: &impl Environment) -> Result<Self, ConfigError> {
        let listen_key = Key::new("listen", "GUEST_JOIN_LISTEN");
        let listen = address(
            listen_key,
            &listen_key
                .text(env, file.listen)
                .unwrap_or_else(|| "127.0.0.1:8080".to_owned()),
        )?;
        let public_key = Key::new("public_url", "GUEST_JOIN_PUBLIC_URL");
        let public_url = web_url(
            &public_key.label(),
            &public_key
                .text(env, file.public_url)
                .unwrap_or_else(|| format!("http://{listen}/")),
        )?;

        let allow_http =
            Key::new("upstream.allow_http", ALLOW_HTTP_VARIABLE).flag(env, file.upstream.allow_http)?;
        let azure = azure(file.azure, allow_http, env)?;
        let upstream = UpstreamPolicy {
            deadline: Key::new("upstream.deadline_secs", "GUEST_JOIN_UPSTREAM_DEADLINE_SECS").seconds(
                env,
                file.upstream.deadline_secs,
                12,
                1..=18,
            )?,
            failure_memory: Key::new(
                "upstream.failure_memory_secs",
                "GUEST_JOIN_UPSTREAM_FAILURE_MEMORY_SECS",
            )
            .seconds(env, file.upstream.failure_memory_secs, 5, 0..=60)?,
        };

        let hosts_key = Key::new("meetings.allowed_hosts", "GUEST_JOIN_MEETING_HOSTS");
        let meeting_hosts: Vec<String> = match env.var(hosts_key.variable) {
            Some(list) => split_list(&list),
            None => file
                .meetings
                .allowed_hosts
                .unwrap_or_else(|| vec![MICROSOFT_MEETING_HOST.to_owned()]),
        }
        .into_iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
        if meeting_hosts.is_empty()
            || meeting_hosts
                .iter()
                .any(|h| h.is_empty() || h.contains(['/', ' ']))
        {
            return Err(problem(
                &hosts_key.label(),
                "list host or host:port entries, such as meet.lync.com",
            ));
        }
        let require_invitation = Key::new("meetings.require_invitation", "GUEST_JOIN_REQUIRE_INVITATION")
            .flag(env, file.meetings.require_invitation)?;
        let on_premises_hosts = Key::new("meetings.on_premises_hosts", "GUEST_JOIN_ON_PREMISES_HOSTS").list(
            env,
            file.meetings.on_premises_hosts,
            protocol::on_premises::SimpleUrlDomains::parse,
        )?;
        let autodiscover = Key::new("meetings.autodiscover", "GUEST_JOIN_AUTODISCOVER").list(
            env,
            file.meetings.autodiscover,
            protocol::on_premises::AutodiscoverRoots::parse,
        )?;

        let mut partners = file.partners;
        if let Some(json) = env.var("GUEST_JOIN_PARTNERS") {
            let listed: Vec<Partner> = serde_json::from_str(&json).map_err(|e| {
                problem(
                    "GUEST_JOIN_PARTNERS",
                    format!("must be a JSON list of partners like the file's [[partners]] ({e})"),
                )
            })?;
            partners.extend(listed);
        }
        if let Some(extra) = env.var("GUEST_JOIN_ALLOWED_ORIGINS") {
            partners.push(Partner {
                name: "GUEST_JOIN_ALLOWED_ORIGINS".to_owned(),
                origins: split_list(&extra),
                accent: None,
                logo: None,
                display_name: None,
            });
        }
        for partner in &partners {
            partner.check_brand()?;
        }
        let allowed_origins = allowed_origins(&public_url, &partners)?;

        let staff_key = secret(
            env,
            "GUEST_JOIN_STAFF_KEY",
            file.staff.key_file.as_deref(),
            "staff.key_file",
        )?;
        at_least(&staff_key, 16, "staff key (GUEST_JOIN_STAFF_KEY)")?;
        let invitation_key = secret(
            env,
            "GUEST_JOIN_INVITATION_KEY",
            file.invitations.key_file.as_deref(),
            "invitations.key_file",
        )?;
        at_least(&invitation_key, 32, "invitation key (GUEST_JOIN_INVITATION_KEY)")?;
        if require_invitation && invitation_key.is_none() {
            return Err(problem(
                "meetings.require_invitation",
                "needs an invitation key (GUEST_JOIN_INVITATION_KEY or invitations.key_file)",
            ));
        }
        let invitation_hours = file.invitations.lifetime_hours.unwrap_or(24);
        if !(1..=24 * 30).contains(&invitation_hours) {
            return Err(problem("invitations.lifetime_hours", "must be 1 to 720"));
        }
        let session_key = secret(
            env,
            "GUEST_JOIN_SESSION_KEY",
            file.sessions.key_file.as_deref(),
            "sessions.key_file",
        )?;
        at_least(&session_key, 32, "session key (GUEST_JOIN_SESSION_KEY)")?;

        let callback_audience = env
            .var("GUEST_JOIN_CALLBACK_AUDIENCE")
            .or(file.callback.audience)
            .unwrap_or_else(|| azure.client_id.clone());
        let openid_default = format!(
            "{}/{}/.well-known/openid-configuration",
            azure.login_url.as_str().trim_end_matches('/'),
            azure.tenant
        );
        let openid_configuration = upstream_url(
            "callback.openid_configuration",
            &file.callback.openid_configuration.unwrap_or(openid_default),
            allow_http,
        )?;
        let min_key_refresh_secs =
            Key::new("callback.min_key_refresh_secs", "GUEST_JOIN_MIN_KEY_REFRESH_SECS").parsed(
                env,
                file.callback.min_key_refresh_secs,
                30,
                "a whole number of seconds",
            )?;

        let static_dir = env
            .var("GUEST_JOIN_STATIC_DIR")
            .map(PathBuf::from)
            .or(file.app.static_dir);
        if let Some(dir) = &static_dir
            && !dir.join("index.html").is_file()
        {
            return Err(problem(
                "app.static_dir (GUEST_JOIN_STATIC_DIR)",
                format!(
                    "{} has no index.html: build the app first (./x build)",
                    dir.display()
                ),
            ));
        }
        let connect_src = match env.var("GUEST_JOIN_CONNECT_SRC") {
            Some(list) => split_list(&list),
            None => file.app.connect_src.unwrap_or_default(),
        };

        let proxies = proxies(file.proxy, env)?;
        let limits = limits(&file.limits, env)?;
        let metrics_key = Key::new("metrics.listen", "GUEST_JOIN_METRICS_LISTEN");
        let metrics_listen = metrics_key
            .text(env, file.metrics.listen)
            .map(|text| address(metrics_key, &text))
            .transpose()?;
        // Port 0 asks the system for a free port, different for each listener.
        if metrics_listen.is_some_and(|metrics| metrics == listen && listen.port() != 0) {
            return Err(problem(
                &metrics_key.label(),
                "must differ from listen: metrics are not for the public",
            ));
        }

        Ok(Self {
            listen,
            public_url,
            azure,
            upstream,
            meeting_hosts,
            require_invitation,
            on_premises_hosts,
            autodiscover,
            allowed_origins,
            partners,
            staff_key,
            invitation_key,
            invitation_hours,
            session_key,
            callback_audience,
            openid_configuration,
            min_key_refresh_secs,
            static_dir,
            connect_src,
            proxies,
            limits,
            metrics_listen,
        })
    }

    /// The same settings served at `public_url` (its origin replaces the old one on the
    /// allowlist), for a service bound to a port chosen at run time.
    #[must_use]
    pub fn with_public_url(mut self, public_url: Url) -> Self {
        let old = self.public_url.origin().ascii_serialization();
        let new = public_url.origin().ascii_serialization();
        self.allowed_origins
            .retain(|origin| *origin != old && *origin != new);
        self.allowed_origins.insert(0, new);
        self.public_url = public_url;
        self
    }

    /// Whether people beyond this machine can reach the service: it listens on more than
    /// loopback, or its public URL names another host.
    pub fn is_public(&self) -> bool {
        let public_host_is_local = match self.public_url.host() {
            Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
            Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
            Some(url::Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
            None => true,
        };
        !self.listen.ip().is_loopback() || !public_host_is_local
    }
}

fn azure(file: FileAzure, allow_http: bool, env: &impl Environment) -> Result<Azure, ConfigError> {
    let required = |key: Key, from_file: Option<String>| -> Result<String, ConfigError> {
        key.text(env, from_file)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
            .ok_or_else(|| problem(&key.label(), "is required"))
    };
    let tenant = required(Key::new("azure.tenant", "GUEST_JOIN_TENANT"), file.tenant)?;
    let client_id = required(
        Key::new("azure.client_id", "GUEST_JOIN_CLIENT_ID"),
        file.client_id,
    )?;
    let endpoint_key = Key::new("azure.endpoint", "GUEST_JOIN_ENDPOINT");
    let endpoint = required(endpoint_key, file.endpoint)?.to_ascii_lowercase();
    if !endpoint.starts_with("sip:") || !endpoint.contains('@') {
        return Err(problem(
            &endpoint_key.label(),
            "must be the endpoint's SIP URI, such as sip:helpdesk@contoso.onmicrosoft.com",
        ));
    }
    let client_secret = secret(
        env,
        "GUEST_JOIN_CLIENT_SECRET",
        file.client_secret_file.as_deref(),
        "azure.client_secret_file",
    )?
    .ok_or_else(|| {
        problem(
            "azure client secret (GUEST_JOIN_CLIENT_SECRET or azure.client_secret_file)",
            "is required",
        )
    })?;
    let login_key = Key::new("azure.login_url", "GUEST_JOIN_LOGIN_URL");
    let login_url = upstream_url(
        &login_key.label(),
        &login_key
            .text(env, file.login_url)
            .unwrap_or_else(|| MICROSOFT_LOGIN_URL.to_owned()),
        allow_http,
    )?;
    let discover_key = Key::new("azure.discover_url", "GUEST_JOIN_DISCOVER_URL");
    let discover_url = upstream_url(
        &discover_key.label(),
        &discover_key
            .text(env, file.discover_url)
            .unwrap_or_else(|| MICROSOFT_DISCOVER_URL.to_owned()),
        allow_http,
    )?;
    let resource = Key::new("azure.resource", "GUEST_JOIN_RESOURCE")
        .text(env, file.resource)
        .unwrap_or_else(|| discover_url.origin().ascii_serialization());
    Ok(Azure {
        tenant,
        client_id,
        client_secret,
        resource,
        endpoint,
        login_url,
        discover_url,
    })
}

fn allowed_origins(public_url: &Url, partners: &[Partner]) -> Result<Vec<String>, ConfigError> {
    let mut allowed = vec![public_url.origin().ascii_serialization()];
    for partner in partners {
        for origin in &partner.origins {
            let field = format!("partners.{}.origins", partner.name);
            let url = web_url(&field, origin)?;
            if url.path() != "/" || url.query().is_some() {
                return Err(problem(
                    &field,
                    format!("{origin:?} must be an origin (scheme://host[:port]) without a path"),
                ));
            }
            let normalised = url.origin().ascii_serialization();
            if !allowed.contains(&normalised) {
                allowed.push(normalised);
            }
        }
    }
    Ok(allowed)
}

fn proxies(file: FileProxy, env: &impl Environment) -> Result<Proxies, ConfigError> {
    let trusted_key = Key::new("proxy.trusted", "GUEST_JOIN_TRUSTED_PROXIES");
    let listed = match env.var(trusted_key.variable) {
        Some(list) => split_list(&list),
        None => file.trusted.unwrap_or_default(),
    };
    let trusted = listed
        .iter()
        .map(|entry| {
            let entry = entry.trim();
            IpNet::from_str(entry)
                .or_else(|_| IpAddr::from_str(entry).map(IpNet::from))
                .map(|network| network.trunc())
                .map_err(|_| {
                    problem(
                        &trusted_key.label(),
                        format!("{entry:?} is not an address or network such as 10.0.0.0/8 or ::1"),
                    )
                })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let header_key = Key::new("proxy.header", "GUEST_JOIN_FORWARDED_HEADER");
    let header = match header_key
        .text(env, file.header)
        .map(|h| h.trim().to_ascii_lowercase())
        .as_deref()
    {
        None | Some("x-forwarded-for") => ForwardedHeader::XForwardedFor,
        Some("forwarded") => ForwardedHeader::Forwarded,
        Some(other) => {
            return Err(problem(
                &header_key.label(),
                format!("{other:?} is neither x-forwarded-for nor forwarded"),
            ));
        }
    };
    Ok(Proxies { trusted, header })
}

fn limits(file: &FileLimits, env: &impl Environment) -> Result<Limits, ConfigError> {
    let per_minute = |field, variable, from_file, default| {
        Key::new(field, variable).within(env, from_file, default, 1..=1_000_000)
    };
    Ok(Limits {
        per_minute: PerMinute {
            token: per_minute(
                "limits.requests_per_minute",
                "GUEST_JOIN_REQUESTS_PER_MINUTE",
                file.requests_per_minute,
                60,
            )?,
            staff: per_minute(
                "limits.staff_per_minute",
                "GUEST_JOIN_STAFF_PER_MINUTE",
                file.staff_per_minute,
                60,
            )?,
            callback: per_minute(
                "limits.callback_per_minute",
                "GUEST_JOIN_CALLBACK_PER_MINUTE",
                file.callback_per_minute,
                600,
            )?,
            health: per_minute(
                "limits.health_per_minute",
                "GUEST_JOIN_HEALTH_PER_MINUTE",
                file.health_per_minute,
                120,
            )?,
        },
        header_read_timeout: Key::new(
            "limits.header_read_timeout_secs",
            "GUEST_JOIN_HEADER_READ_TIMEOUT_SECS",
        )
        .seconds(env, file.header_read_timeout_secs, 10, 1..=300)?,
        request_timeout: Key::new("limits.request_timeout_secs", "GUEST_JOIN_REQUEST_TIMEOUT_SECS").seconds(
            env,
            file.request_timeout_secs,
            30,
            1..=600,
        )?,
        max_connections: Key::new("limits.max_connections", "GUEST_JOIN_MAX_CONNECTIONS").within(
            env,
            file.max_connections,
            1024,
            1..=1_000_000,
        )?,
        max_in_flight: Key::new("limits.max_in_flight", "GUEST_JOIN_MAX_IN_FLIGHT").within(
            env,
            file.max_in_flight,
            512,
            1..=1_000_000,
        )?,
        shutdown_grace: Key::new("limits.shutdown_grace_secs", "GUEST_JOIN_SHUTDOWN_GRACE_SECS").seconds(
            env,
            file.shutdown_grace_secs,
            20,
            0..=600,
        )?,
    })
}

fn address(key: Key, text: &str) -> Result<SocketAddr, ConfigError> {
    text.trim().parse().map_err(|_| {
        problem(
            &key.label(),
            format!("{text:?} is not an address:port such as 127.0.0.1:8080"),
        )
    })
}

fn web_url(field: &str, text: &str) -> Result<Url, ConfigError> {
    let url = Url::parse(text.trim()).map_err(|e| problem(field, format!("{text:?} is not a URL ({e})")))?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return Err(problem(
            field,
            format!("{text:?} must be an http:// or https:// URL"),
        ));
    }
    Ok(url)
}

/// A URL the service sends its credentials to: `https`, unless the development switch
/// allows a local simulator's plain `http`.
fn upstream_url(field: &str, text: &str, allow_http: bool) -> Result<Url, ConfigError> {
    let url = web_url(field, text)?;
    if url.scheme() == "http" && !allow_http {
        return Err(problem(
            field,
            format!(
                "{text:?} must be an https:// URL: the client secret and tokens are sent there. \
                 Only a local simulator may be plain http, with {ALLOW_HTTP_VARIABLE}=true"
            ),
        ));
    }
    Ok(url)
}

fn split_list(text: &str) -> Vec<String> {
    text.split([',', ' ', ';'])
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

fn parse_bool(field: &str, text: &str) -> Result<bool, ConfigError> {
    match text.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Ok(true),
        "0" | "false" | "no" | "off" => Ok(false),
        _ => Err(problem(field, format!("{text:?} is not true or false"))),
    }
}

fn at_least(key: &Option<SecretString>, length: usize, field: &str) -> Result<(), ConfigError> {
    if key.as_ref().is_some_and(|k| k.expose_secret().len() < length) {
        return Err(problem(field, format!("must be at least {length} characters")));
    }
    Ok(())
}

/// A secret from an environment variable, else from the file `<VARIABLE>_FILE` names,
/// else from the file the settings file names. A file named but unreadable stops the start.
fn secret(
    env: &impl Environment,
    variable: &str,
    file: Option<&Path>,
    field: &str,
) -> Result<Option<SecretString>, ConfigError> {
    if let Some(value) = env.var(variable) {
        return Ok(Some(SecretString::from(value.trim())));
    }
    let file_variable = format!("{variable}_FILE");
    let (path, named_by) = match (env.var(&file_variable), file) {
        (Some(path), _) => (PathBuf::from(path), file_variable),
        (None, Some(path)) => (path.to_path_buf(), field.to_owned()),
        (None, None) => return Ok(None),
    };
    let text = SecretString::from(
        std::fs::read_to_string(&path)
            .map_err(|e| problem(&named_by, format!("cannot read {}: {e}", path.display())))?,
    );
    let value = text.expose_secret().trim();
    if value.is_empty() {
        return Err(problem(&named_by, format!("{} is empty", path.display())));
    }
    Ok(Some(SecretString::from(value)))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: BTreeMap<String, String> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        move |name: &str| map.get(name).cloned()
    }

    const MINIMAL: &[(&str, &str)] = &[
        ("GUEST_JOIN_TENANT", "contoso.onmicrosoft.com"),
        ("GUEST_JOIN_CLIENT_ID", "app"),
        ("GUEST_JOIN_CLIENT_SECRET", "s3cret"),
        ("GUEST_JOIN_ENDPOINT", "sip:helpdesk@contoso.onmicrosoft.com"),
    ];

    fn with(extra: &[(&'static str, &'static str)]) -> Vec<(&'static str, &'static str)> {
        let mut vars = MINIMAL.to_vec();
        vars.extend_from_slice(extra);
        vars
    }

    #[test]
    fn defaults_point_at_microsoft_over_https() {
        let settings = Settings::load(None, &env(MINIMAL)).expect("valid");
        assert_eq!(settings.azure.login_url.as_str(), MICROSOFT_LOGIN_URL);
        assert_eq!(settings.azure.discover_url.as_str(), MICROSOFT_DISCOVER_URL);
        assert_eq!(settings.azure.resource, "https://api.skypeforbusiness.com");
        assert_eq!(settings.meeting_hosts, [MICROSOFT_MEETING_HOST]);
        assert_eq!(settings.allowed_origins, ["http://127.0.0.1:8080"]);
        assert!(
            settings.proxies.trusted.is_empty(),
            "no proxy is trusted unless listed"
        );
        assert!(settings.metrics_listen.is_none());
        assert!(
            !format!("{settings:?}").contains("s3cret"),
            "the secret never shows in Debug"
        );
        assert!(!settings.is_public(), "loopback only");
    }

    #[test]
    fn plain_http_upstreams_need_the_development_switch() {
        for (variable, url) in [
            ("GUEST_JOIN_LOGIN_URL", "http://127.0.0.1:8401/"),
            (
                "GUEST_JOIN_DISCOVER_URL",
                "http://127.0.0.1:8402/platformservice/discover",
            ),
        ] {
            let error = Settings::load(None, &env(&with(&[(variable, url)]))).expect_err("plain http");
            assert!(error.field.contains(variable), "{error}");
            assert!(error.problem.contains(ALLOW_HTTP_VARIABLE), "{error}");
            let settings = Settings::load(
                None,
                &env(&with(&[(variable, url), (ALLOW_HTTP_VARIABLE, "true")])),
            )
            .expect("allowed for development");
            assert!(
                settings.azure.login_url.as_str().starts_with("http")
                    && settings.openid_configuration.scheme() == settings.azure.login_url.scheme()
            );
        }
    }

    #[test]
    fn a_secret_file_that_cannot_be_read_stops_the_start_naming_it() {
        let missing = std::env::temp_dir().join(format!("mt-no-such-secret-{}", std::process::id()));
        let missing_text = missing.to_str().expect("utf8").to_owned();
        let vars: Vec<(&str, &str)> = MINIMAL[..2]
            .iter()
            .copied()
            .chain([
                ("GUEST_JOIN_ENDPOINT", "sip:helpdesk@contoso.onmicrosoft.com"),
                ("GUEST_JOIN_CLIENT_SECRET_FILE", missing_text.as_str()),
            ])
            .collect();
        let error = Settings::load(None, &env(&vars)).expect_err("unreadable");
        assert_eq!(error.field, "GUEST_JOIN_CLIENT_SECRET_FILE");
        assert!(error.problem.contains(&missing_text), "{error}");

        let empty = std::env::temp_dir().join(format!("mt-empty-secret-{}", std::process::id()));
        std::fs::write(&empty, "\n").expect("write");
        let empty_text = empty.to_str().expect("utf8").to_owned();
        let vars = with(&[]);
        let mut vars: Vec<(&str, &str)> = vars;
        vars.push(("GUEST_JOIN_STAFF_KEY_FILE", &empty_text));
        let error = Settings::load(None, &env(&vars)).expect_err("empty");
        assert!(error.to_string().contains("is empty"), "{error}");
    }

    #[test]
    fn trusted_proxies_are_networks_and_the_header_is_one_of_two() {
        let settings = Settings::load(
            None,
            &env(&with(&[
                (
                    "GUEST_JOIN_TRUSTED_PROXIES",
                    "10.0.0.0/8, 192.168.1.7 ::1 fd00::1/64",
                ),
                ("GUEST_JOIN_FORWARDED_HEADER", "Forwarded"),
            ])),
        )
        .expect("valid");
        let trusted: Vec<String> = settings.proxies.trusted.iter().map(ToString::to_string).collect();
        assert_eq!(trusted, ["10.0.0.0/8", "192.168.1.7/32", "::1/128", "fd00::/64"]);
        assert_eq!(settings.proxies.header, ForwardedHeader::Forwarded);
        for (variable, value, field) in [
            ("GUEST_JOIN_TRUSTED_PROXIES", "10.0.0.0/33", "proxy.trusted"),
            ("GUEST_JOIN_TRUSTED_PROXIES", "proxy.internal", "proxy.trusted"),
            ("GUEST_JOIN_FORWARDED_HEADER", "x-real-ip", "proxy.header"),
            ("GUEST_JOIN_MAX_CONNECTIONS", "0", "limits.max_connections"),
            (
                "GUEST_JOIN_UPSTREAM_DEADLINE_SECS",
                "30",
                "upstream.deadline_secs",
            ),
            ("GUEST_JOIN_METRICS_LISTEN", "127.0.0.1:8080", "metrics.listen"),
        ] {
            let error = Settings::load(None, &env(&with(&[(variable, value)]))).expect_err(value);
            assert!(error.field.starts_with(field), "{variable}={value}: {error}");
        }
    }

    #[test]
    fn a_service_reachable_from_elsewhere_is_public() {
        for (variable, value) in [
            ("GUEST_JOIN_LISTEN", "0.0.0.0:8080"),
            ("GUEST_JOIN_PUBLIC_URL", "https://join.bank.example/"),
        ] {
            let settings = Settings::load(None, &env(&with(&[(variable, value)]))).expect("valid");
            assert!(settings.is_public(), "{variable}={value}");
        }
    }

    #[test]
    fn errors_name_the_field() {
        let cases: &[(&[(&str, &str)], &str)] = &[
            (&MINIMAL[1..], "azure.tenant"),
            (
                &[
                    ("GUEST_JOIN_TENANT", "t"),
                    ("GUEST_JOIN_CLIENT_ID", "c"),
                    ("GUEST_JOIN_ENDPOINT", "sip:a@b"),
                ],
                "client secret",
            ),
            (
                &[
                    ("GUEST_JOIN_TENANT", "t"),
                    ("GUEST_JOIN_CLIENT_ID", "c"),
                    ("GUEST_JOIN_CLIENT_SECRET", "s"),
                    ("GUEST_JOIN_ENDPOINT", "helpdesk"),
                ],
                "azure.endpoint",
            ),
        ];
        for (vars, field) in cases {
            let error = Settings::load(None, &env(vars)).expect_err("invalid");
            assert!(error.to_string().contains(field), "{error}");
        }
        // The on-premises settings are read as the app will read them.
        for (variable, value, field) in [
            (
                "GUEST_JOIN_ON_PREMISES_HOSTS",
                "meet.fabrikam.com",
                "meetings.on_premises_hosts",
            ),
            (
                "GUEST_JOIN_AUTODISCOVER",
                "fabrikam.com=lyncdiscover",
                "meetings.autodiscover",
            ),
        ] {
            let error = Settings::load(None, &env(&with(&[(variable, value)]))).expect_err("invalid");
            assert!(error.to_string().contains(field), "{error}");
        }
        let settings = Settings::load(
            None,
            &env(&with(&[
                ("GUEST_JOIN_ON_PREMISES_HOSTS", "meet.fabrikam.com=fabrikam.com"),
                (
                    "GUEST_JOIN_AUTODISCOVER",
                    "fabrikam.com=https://lyncdiscover.fabrikam.net/",
                ),
            ])),
        )
        .expect("valid");
        assert_eq!(settings.on_premises_hosts, ["meet.fabrikam.com=fabrikam.com"]);
        assert_eq!(
            settings.autodiscover,
            ["fabrikam.com=https://lyncdiscover.fabrikam.net/"]
        );
        let error = Settings::load(
            None,
            &env(&with(&[(
                "GUEST_JOIN_ALLOWED_ORIGINS",
                "https://bank.example/login",
            )])),
        )
        .expect_err("a path is not an origin");
        assert!(error.to_string().contains("origins"), "{error}");
        assert!(
            Settings::load(None, &env(&with(&[("GUEST_JOIN_LISTEN", "everywhere")])))
                .expect_err("bad address")
                .to_string()
                .contains("listen")
        );
        assert!(
            Settings::load(None, &env(&with(&[("GUEST_JOIN_REQUIRE_INVITATION", "true")])))
                .expect_err("no key")
                .to_string()
                .contains("invitation key")
        );
        assert!(
            Settings::load(None, &env(&with(&[("GUEST_JOIN_SESSION_KEY", "too short")])))
                .expect_err("short key")
                .to_string()
                .contains("session key")
        );
    }

    #[test]
    fn a_partner_brand_is_checked_at_start() {
        let partner =
            |brand: &str| format!(r#"[{{"name": "Bank", "origins": ["https://bank.example"], {brand}}}]"#);
        let load = |json: String| {
            let mut vars: Vec<(&str, String)> = MINIMAL.iter().map(|(k, v)| (*k, (*v).to_owned())).collect();
            vars.push(("GUEST_JOIN_PARTNERS", json));
            let map: BTreeMap<String, String> = vars.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
            Settings::load(None, &move |name: &str| map.get(name).cloned())
        };
        let good = load(partner(
            r##""accent": "#0b5cad", "logo": "https://bank.example/logo.svg", "display_name": "Example Bank""##,
        ))
        .expect("a good brand");
        assert!(good.allowed_origins.contains(&"https://bank.example".to_owned()));
        assert_eq!(good.partners[0].accent.as_deref(), Some("#0b5cad"));
        for (brand, field) in [
            (r##""accent": "#ffd700""##, "accent"),
            (r##""accent": "red; background: url(x)""##, "accent"),
            (r##""logo": "https://elsewhere.example/logo.svg""##, "logo"),
            (r##""logo": "javascript:alert(1)""##, "logo"),
            (r##""display_name": """##, "display_name"),
        ] {
            let error = load(partner(brand)).expect_err(brand);
            assert!(error.to_string().contains(field), "{brand}: {error}");
        }
        assert!(load("not json".to_owned()).is_err());
    }

    #[test]
    fn files_are_read_and_unknown_fields_refused() {
        let dir = std::env::temp_dir().join(format!("mt-config-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let path = dir.join("settings.toml");
        std::fs::write(&path, "[azure]\ntenant = \"t\"\nclient_id = \"c\"\nendpoint = \"sip:a@b.com\"\n[[partners]]\nname = \"Bank\"\norigins = [\"https://bank.example\"]\n[proxy]\ntrusted = [\"10.1.2.3\"]\n[limits]\nmax_in_flight = 7\n").expect("write");
        let settings =
            Settings::load(Some(&path), &env(&[("GUEST_JOIN_CLIENT_SECRET", "x")])).expect("valid");
        assert_eq!(
            settings.allowed_origins,
            ["http://127.0.0.1:8080", "https://bank.example"]
        );
        assert_eq!(settings.limits.max_in_flight, 7);
        assert_eq!(settings.proxies.trusted.len(), 1);
        std::fs::write(&path, "[azure]\ntennant = \"t\"\n").expect("write");
        let error = Settings::load(Some(&path), &env(&[])).expect_err("typo");
        assert!(error.to_string().contains("tennant"), "{error}");
    }
}
