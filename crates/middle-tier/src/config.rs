//! Settings: a TOML file, then environment variables on top. A bad setting stops the
//! service at start with a message naming the field.
//!
//! Secrets (the client secret, the staff key, the invitation signing key) come from the
//! environment or from a file, never from the TOML itself, and are held as [`Secret`]s.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use protocol::Secret;
use protocol::aad::ClientCredentials;
use serde::Deserialize;
use url::Url;

/// Where the upstream services are by default: a local simulator in `--demo` layout.
pub const DEFAULT_LOGIN_URL: &str = "http://127.0.0.1:8401/";
/// The default Trusted Application API discover URL (the local simulator).
pub const DEFAULT_DISCOVER_URL: &str = "http://127.0.0.1:8402/platformservice/discover";
/// The default meeting host (the local simulator).
pub const DEFAULT_MEETING_HOST: &str = "127.0.0.1:8405";

/// The file's shape; every field may also come from the environment.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSettings {
    listen: Option<String>,
    public_url: Option<String>,
    #[serde(default)]
    azure: FileAzure,
    #[serde(default)]
    meetings: FileMeetings,
    #[serde(default)]
    partners: Vec<Partner>,
    #[serde(default)]
    staff: FileSecretRef,
    #[serde(default)]
    invitations: FileInvitations,
    #[serde(default)]
    callback: FileCallback,
    #[serde(default)]
    app: FileApp,
    #[serde(default)]
    limits: FileLimits,
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
struct FileMeetings {
    allowed_hosts: Option<Vec<String>>,
    require_invitation: Option<bool>,
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
struct FileLimits {
    requests_per_minute: Option<u32>,
}

/// A partner whose web pages may ask for guest tokens, and may frame the app.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Partner {
    /// A name, for logs.
    pub name: String,
    /// Its web origins (`https://bank.example`).
    pub origins: Vec<String>,
}

/// The Azure AD application and the Trusted Application API it calls.
#[derive(Clone, Debug)]
pub struct Azure {
    /// The app's tenant, client id and secret, and the audience to ask Azure AD for.
    pub credentials: ClientCredentials,
    /// The trusted application endpoint's SIP URI.
    pub endpoint: String,
    /// Azure AD's base URL.
    pub login_url: Url,
    /// The Trusted Application API discover URL.
    pub discover_url: Url,
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
    /// Hosts whose meeting join URLs this service hands tokens for.
    pub meeting_hosts: Vec<String>,
    /// Whether a guest must bring a signed invitation.
    pub require_invitation: bool,
    /// Origins allowed to ask for tokens: the service's own, and every partner's.
    pub allowed_origins: Vec<String>,
    /// Partners, for logs and `frame-ancestors`.
    pub partners: Vec<Partner>,
    /// The staff API key (the staff API is off without one).
    pub staff_key: Option<Secret>,
    /// The key invitations are signed with.
    pub invitation_key: Option<Secret>,
    /// How long an invitation stays valid.
    pub invitation_hours: u32,
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
    /// Requests per minute one client may make to the APIs.
    pub requests_per_minute: u32,
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
        let listen_text = env
            .var("GUEST_JOIN_LISTEN")
            .or(file.listen)
            .unwrap_or_else(|| "127.0.0.1:8080".to_owned());
        let listen: SocketAddr = listen_text.parse().map_err(|_| {
            problem(
                "listen (GUEST_JOIN_LISTEN)",
                format!("{listen_text:?} is not an address:port such as 127.0.0.1:8080"),
            )
        })?;
        let public_text = env
            .var("GUEST_JOIN_PUBLIC_URL")
            .or(file.public_url)
            .unwrap_or_else(|| format!("http://{listen}/"));
        let public_url = web_url("public_url (GUEST_JOIN_PUBLIC_URL)", &public_text)?;

        let azure = &file.azure;
        let required =
            |field: &str, variable: &str, from_file: &Option<String>| -> Result<String, ConfigError> {
                env.var(variable)
                    .or_else(|| from_file.clone())
                    .map(|v| v.trim().to_owned())
                    .filter(|v| !v.is_empty())
                    .ok_or_else(|| problem(&format!("{field} ({variable})"), "is required"))
            };
        let tenant = required("azure.tenant", "GUEST_JOIN_TENANT", &azure.tenant)?;
        let client_id = required("azure.client_id", "GUEST_JOIN_CLIENT_ID", &azure.client_id)?;
        let endpoint =
            required("azure.endpoint", "GUEST_JOIN_ENDPOINT", &azure.endpoint)?.to_ascii_lowercase();
        if !endpoint.starts_with("sip:") || !endpoint.contains('@') {
            return Err(problem(
                "azure.endpoint (GUEST_JOIN_ENDPOINT)",
                "must be the endpoint's SIP URI, such as sip:helpdesk@contoso.onmicrosoft.com",
            ));
        }
        let client_secret = secret(
            env,
            "GUEST_JOIN_CLIENT_SECRET",
            azure.client_secret_file.as_deref(),
            "azure.client_secret_file",
        )?
        .ok_or_else(|| {
            problem(
                "azure client secret (GUEST_JOIN_CLIENT_SECRET or azure.client_secret_file)",
                "is required",
            )
        })?;
        let login_url = web_url(
            "azure.login_url (GUEST_JOIN_LOGIN_URL)",
            &env.var("GUEST_JOIN_LOGIN_URL")
                .or(azure.login_url.clone())
                .unwrap_or_else(|| DEFAULT_LOGIN_URL.to_owned()),
        )?;
        let discover_url = web_url(
            "azure.discover_url (GUEST_JOIN_DISCOVER_URL)",
            &env.var("GUEST_JOIN_DISCOVER_URL")
                .or(azure.discover_url.clone())
                .unwrap_or_else(|| DEFAULT_DISCOVER_URL.to_owned()),
        )?;
        let resource = env
            .var("GUEST_JOIN_RESOURCE")
            .or(azure.resource.clone())
            .unwrap_or_else(|| discover_url.origin().ascii_serialization());

        let meeting_hosts: Vec<String> = match env.var("GUEST_JOIN_MEETING_HOSTS") {
            Some(list) => split_list(&list),
            None => file
                .meetings
                .allowed_hosts
                .clone()
                .unwrap_or_else(|| vec![DEFAULT_MEETING_HOST.to_owned()]),
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
                "meetings.allowed_hosts (GUEST_JOIN_MEETING_HOSTS)",
                "list host or host:port entries, such as meet.lync.com",
            ));
        }
        let require_invitation = match env.var("GUEST_JOIN_REQUIRE_INVITATION") {
            Some(value) => parse_bool(
                "meetings.require_invitation (GUEST_JOIN_REQUIRE_INVITATION)",
                &value,
            )?,
            None => file.meetings.require_invitation.unwrap_or(false),
        };

        let mut partners = file.partners;
        if let Some(extra) = env.var("GUEST_JOIN_ALLOWED_ORIGINS") {
            partners.push(Partner {
                name: "GUEST_JOIN_ALLOWED_ORIGINS".to_owned(),
                origins: split_list(&extra),
            });
        }
        let mut allowed_origins = vec![public_url.origin().ascii_serialization()];
        for partner in &partners {
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
                if !allowed_origins.contains(&normalised) {
                    allowed_origins.push(normalised);
                }
            }
        }

        let staff_key = secret(
            env,
            "GUEST_JOIN_STAFF_KEY",
            file.staff.key_file.as_deref(),
            "staff.key_file",
        )?;
        if staff_key.as_ref().is_some_and(|k| k.expose().len() < 16) {
            return Err(problem(
                "staff key (GUEST_JOIN_STAFF_KEY)",
                "must be at least 16 characters",
            ));
        }
        let invitation_key = secret(
            env,
            "GUEST_JOIN_INVITATION_KEY",
            file.invitations.key_file.as_deref(),
            "invitations.key_file",
        )?;
        if invitation_key.as_ref().is_some_and(|k| k.expose().len() < 32) {
            return Err(problem(
                "invitation key (GUEST_JOIN_INVITATION_KEY)",
                "must be at least 32 characters",
            ));
        }
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

        let callback_audience = env
            .var("GUEST_JOIN_CALLBACK_AUDIENCE")
            .or(file.callback.audience)
            .unwrap_or_else(|| client_id.clone());
        let openid_default = format!(
            "{}/{tenant}/.well-known/openid-configuration",
            login_url.as_str().trim_end_matches('/')
        );
        let openid_configuration = web_url(
            "callback.openid_configuration",
            &file.callback.openid_configuration.unwrap_or(openid_default),
        )?;
        let min_key_refresh_secs = match env.var("GUEST_JOIN_MIN_KEY_REFRESH_SECS") {
            Some(value) => value.parse().map_err(|_| {
                problem(
                    "callback.min_key_refresh_secs (GUEST_JOIN_MIN_KEY_REFRESH_SECS)",
                    "must be a whole number of seconds",
                )
            })?,
            None => file.callback.min_key_refresh_secs.unwrap_or(30),
        };

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
                    "{} has no index.html: build the app first (trunk build --release)",
                    dir.display()
                ),
            ));
        }
        let connect_src = match env.var("GUEST_JOIN_CONNECT_SRC") {
            Some(list) => split_list(&list),
            None => file.app.connect_src.unwrap_or_default(),
        };
        let requests_per_minute = match env.var("GUEST_JOIN_REQUESTS_PER_MINUTE") {
            Some(value) => value.parse().map_err(|_| {
                problem(
                    "limits.requests_per_minute (GUEST_JOIN_REQUESTS_PER_MINUTE)",
                    "must be a whole number",
                )
            })?,
            None => file.limits.requests_per_minute.unwrap_or(60),
        };
        if requests_per_minute == 0 {
            return Err(problem("limits.requests_per_minute", "must be at least 1"));
        }

        Ok(Self {
            listen,
            public_url,
            azure: Azure {
                credentials: ClientCredentials {
                    tenant,
                    client_id,
                    client_secret,
                    resource,
                },
                endpoint,
                login_url,
                discover_url,
            },
            meeting_hosts,
            require_invitation,
            allowed_origins,
            partners,
            staff_key,
            invitation_key,
            invitation_hours,
            callback_audience,
            openid_configuration,
            min_key_refresh_secs,
            static_dir,
            connect_src,
            requests_per_minute,
        })
    }
}

impl Settings {
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

/// A secret from an environment variable, or else from a file.
fn secret(
    env: &impl Environment,
    variable: &str,
    file: Option<&Path>,
    field: &str,
) -> Result<Option<Secret>, ConfigError> {
    if let Some(value) = env.var(variable).or_else(|| {
        env.var(&format!("{variable}_FILE"))
            .and_then(|path| std::fs::read_to_string(path).ok())
    }) {
        return Ok(Some(Secret::new(value.trim())));
    }
    let Some(path) = file else {
        return Ok(None);
    };
    let text = std::fs::read_to_string(path)
        .map_err(|e| problem(field, format!("cannot read {}: {e}", path.display())))?;
    let value = text.trim();
    if value.is_empty() {
        return Err(problem(field, format!("{} is empty", path.display())));
    }
    Ok(Some(Secret::new(value)))
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

    #[test]
    fn defaults_point_at_a_local_simulator() {
        let settings = Settings::load(None, &env(MINIMAL)).expect("valid");
        assert_eq!(settings.azure.login_url.as_str(), DEFAULT_LOGIN_URL);
        assert_eq!(settings.meeting_hosts, [DEFAULT_MEETING_HOST]);
        assert_eq!(settings.allowed_origins, ["http://127.0.0.1:8080"]);
        assert!(
            !format!("{settings:?}").contains("s3cret"),
            "the secret never shows in Debug"
        );
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
        let mut vars = MINIMAL.to_vec();
        vars.push(("GUEST_JOIN_ALLOWED_ORIGINS", "https://bank.example/login"));
        let error = Settings::load(None, &env(&vars)).expect_err("a path is not an origin");
        assert!(error.to_string().contains("origins"), "{error}");
        let mut vars = MINIMAL.to_vec();
        vars.push(("GUEST_JOIN_LISTEN", "everywhere"));
        assert!(
            Settings::load(None, &env(&vars))
                .expect_err("bad address")
                .to_string()
                .contains("listen")
        );
        let mut vars = MINIMAL.to_vec();
        vars.push(("GUEST_JOIN_REQUIRE_INVITATION", "true"));
        assert!(
            Settings::load(None, &env(&vars))
                .expect_err("no key")
                .to_string()
                .contains("invitation key")
        );
    }

    #[test]
    fn files_are_read_and_unknown_fields_refused() {
        let dir = std::env::temp_dir().join(format!("mt-config-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let path = dir.join("settings.toml");
        std::fs::write(&path, "[azure]\ntenant = \"t\"\nclient_id = \"c\"\nendpoint = \"sip:a@b.com\"\n[[partners]]\nname = \"Bank\"\norigins = [\"https://bank.example\"]\n").expect("write");
        let settings =
            Settings::load(Some(&path), &env(&[("GUEST_JOIN_CLIENT_SECRET", "x")])).expect("valid");
        assert_eq!(
            settings.allowed_origins,
            ["http://127.0.0.1:8080", "https://bank.example"]
        );
        std::fs::write(&path, "[azure]\ntennant = \"t\"\n").expect("write");
        let error = Settings::load(Some(&path), &env(&[])).expect_err("typo");
        assert!(error.to_string().contains("tennant"), "{error}");
    }
}
