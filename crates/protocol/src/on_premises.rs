//! The on-premises anonymous join's own exchanges (Skype for Business Server,
//! protocol.md §3): from a meeting link to the conference URI, autodiscovery, the web-ticket
//! challenge, the anonymous web ticket and its renewal, and the `user` resource that leads
//! to `applications`. From the application on, the event channel, lobby, chat and endings
//! are the UCWA the online flow uses ([`crate::ucwa`]).
//!
//! Like the rest of the crate it builds requests and reads responses; it sends nothing.

use http::header::WWW_AUTHENTICATE;
use http::{Method, StatusCode};
use serde::Deserialize;
use serde_json::Value;
use url::Url;

use crate::error::{ProtocolError, kept_body};
use crate::html;
use crate::http_util::{self, X_MS_DIAGNOSTICS};
use crate::join_link::{ConferenceUri, OnPremisesMeeting, parse_conference_uri, percent_decode_lossy};
use crate::links::Resource;
use crate::secret::Secret;
use crate::{HttpRequest, HttpResponse};

/// Where a pool serves its cross-domain frame when no answer has named it: the path of the
/// `xframe` links in protocol.md's examples, which the Web SDK also uses (§5.2).
pub const XFRAME_PATH: &str = "/Autodiscover/XFrame/XFrame.html";

/// The web-ticket grant of an anonymous meeting guest (§3.3, §3.4).
pub const ANONYMOUS_GRANT: &str = "urn:microsoft.rtc:anonmeeting";

/// Which SIP domain a simple-URL host serves: an administrator configures a Meet simple
/// URL per SIP domain (`New-CsSimpleUrl -Component meet -Domain fabrikam.com
/// -SimpleUrlEntry https://meet.fabrikam.com`), so the host alone does not say the domain.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SimpleUrlDomains(Vec<(String, String)>);

impl SimpleUrlDomains {
    /// Reads `host=domain` pairs separated by commas or white space
    /// (`meet.fabrikam.com=fabrikam.com, join.contoso.com=contoso.com`). A host may carry
    /// a port (`127.0.0.1:8409=fabrikam.com`).
    ///
    /// # Errors
    /// A sentence naming the first pair that is not `host=domain`.
    pub fn parse(text: &str) -> Result<Self, String> {
        let pairs = settings_pairs(text, "host=domain, as in meet.contoso.com=contoso.com")?;
        pairs
            .into_iter()
            .map(|(host, domain)| {
                let (name, port) = host.split_once(':').unwrap_or((&host, "0"));
                (is_host(name) && port.parse::<u16>().is_ok() && is_domain(&domain))
                    .then_some((host.clone(), domain))
                    .ok_or_else(|| format!("`{host}` is not a host, as in meet.contoso.com=contoso.com"))
            })
            .collect::<Result<_, _>>()
            .map(Self)
    }

    /// The hosts configured, as `host` or `host:port`: their links are meetings on premises.
    pub fn hosts(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(host, _)| host.as_str())
    }

    /// The SIP domain of meetings linked at `url`: the one configured for its host (with
    /// its port, if it has one), else the host without its first label
    /// (`meet.contoso.com` → `contoso.com`), the heuristic clients used when the server's
    /// join launcher was not asked. It can be wrong, which is why a meeting page that names
    /// its conference ([`read_meet_page`]) is preferred.
    pub fn domain_for(&self, url: &Url) -> String {
        let host = url
            .host_str()
            .unwrap_or_default()
            .trim_end_matches('.')
            .to_ascii_lowercase();
        let with_port = url.port().map(|port| format!("{host}:{port}"));
        let configured = |key: &str| self.0.iter().find(|(h, _)| h == key).map(|(_, d)| d.clone());
        if let Some(domain) = with_port
            .as_deref()
            .and_then(configured)
            .or_else(|| configured(&host))
        {
            return domain;
        }
        match host.split_once('.') {
            Some((_, rest)) if rest.contains('.') => rest.to_owned(),
            _ => host,
        }
    }
}

/// Where to find a SIP domain's server when DNS does not say (a test bed, a server named
/// otherwise): `domain=root` pairs, each root asked instead of the two
/// [`autodiscover_roots`] of its domain, and trusted as a redirect target.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AutodiscoverRoots(Vec<(String, Url)>);

impl AutodiscoverRoots {
    /// Reads `domain=root` pairs separated by commas or white space
    /// (`fabrikam.com=https://lyncdiscover.fabrikam.net/`).
    ///
    /// # Errors
    /// A sentence naming the first pair that is not `domain=root`.
    pub fn parse(text: &str) -> Result<Self, String> {
        let example = "domain=root, as in fabrikam.com=https://lyncdiscover.fabrikam.net/";
        settings_pairs(text, example)?
            .into_iter()
            .map(|(domain, root)| {
                Url::parse(&root)
                    .ok()
                    .filter(|url| is_domain(&domain) && matches!(url.scheme(), "http" | "https"))
                    .map(|url| (domain.clone(), url))
                    .ok_or_else(|| format!("`{domain}={root}` is not {example}"))
            })
            .collect::<Result<_, _>>()
            .map(Self)
    }

    /// The roots to ask for `domain`'s server, in order: the configured ones, else the
    /// documented two.
    ///
    /// # Errors
    /// [`ProtocolError::InvalidInput`] if `domain` is not a domain name.
    pub fn roots_for(&self, domain: &str) -> Result<Vec<Url>, ProtocolError> {
        let domain = domain.trim_end_matches('.').to_ascii_lowercase();
        let configured: Vec<Url> = self
            .0
            .iter()
            .filter(|(d, _)| *d == domain)
            .map(|(_, root)| root.clone())
            .collect();
        if configured.is_empty() {
            return autodiscover_roots(&domain).map(Vec::from);
        }
        Ok(configured)
    }

    /// The configured roots.
    pub fn roots(&self) -> impl Iterator<Item = &Url> {
        self.0.iter().map(|(_, root)| root)
    }

    /// The configured roots' hosts: a root answering over plain HTTP may redirect to them.
    pub fn trusted_hosts(&self) -> Vec<String> {
        self.0
            .iter()
            .filter_map(|(_, root)| root.host_str().map(str::to_owned))
            .collect()
    }
}

/// `key=value` pairs separated by commas or white space, lower-cased; `example` says what
/// a pair should look like.
fn settings_pairs(text: &str, example: &str) -> Result<Vec<(String, String)>, String> {
    text.split([',', ' ', '\n', '\t'])
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            pair.split_once('=')
                .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
                .filter(|(k, v)| !k.is_empty() && !v.is_empty())
                .map(|(k, v)| {
                    (
                        k,
                        if v.contains("://") {
                            v
                        } else {
                            v.to_ascii_lowercase()
                        },
                    )
                })
                .ok_or_else(|| format!("`{pair}` is not {example}"))
        })
        .collect()
}

fn is_host(text: &str) -> bool {
    !text.is_empty()
        && text
            .split('.')
            .all(|label| !label.is_empty() && label.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
}

fn is_domain(text: &str) -> bool {
    text.contains('.') && is_host(text)
}

/// The conference URI a meeting link stands for, from its host's SIP domain (§3.1):
/// `https://meet.contoso.com/john/BW9Z1MJD` → `sip:john@contoso.com;gruu;opaque=app:conf:focus:id:BW9Z1MJD`.
pub fn conference_uri(meeting: &OnPremisesMeeting, domains: &SimpleUrlDomains) -> ConferenceUri {
    let domain = domains.domain_for(&meeting.url);
    ConferenceUri {
        organizer: format!("{}@{domain}", meeting.organizer),
        meeting_id: meeting.meeting_id.clone(),
    }
}

/// What a meeting's web page says about the meeting (§3.1, as pidgin-sipe reads it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MeetPage {
    /// The page links the meeting's conference: `href="conf:sip:…%3Frequired…"`.
    Conference(ConferenceUri),
    /// The page names the organizer's own join launcher to ask instead.
    JoinLauncher(Url),
    /// Neither: the conference URI must come from the link itself.
    Silent,
}

/// Reads a meeting page fetched from its join link (`page_url`).
pub fn read_meet_page(html: &str, page_url: &Url) -> MeetPage {
    let lower = html.to_ascii_lowercase();
    for (at, _) in lower.match_indices("conf:sip") {
        let rest = &html[at + "conf:".len()..];
        let end = rest.find(['"', '\'', '<', '>', ' ']).unwrap_or(rest.len());
        let decoded = percent_decode_lossy(&html::decode_entities(&rest[..end]));
        let uri = decoded.split('?').next().unwrap_or_default();
        if let Ok(conference) = parse_conference_uri(uri) {
            return MeetPage::Conference(conference);
        }
    }
    for marker in ["domainownerjoinlauncherurl = \"", "domainownerjoinlauncherurl=\""] {
        if let Some(at) = lower.find(marker) {
            let rest = &html[at + marker.len()..];
            let href = html::decode_entities(&rest[..rest.find('"').unwrap_or(rest.len())]);
            if let Ok(url) = page_url.join(href.trim())
                && url.scheme() == "https"
            {
                return MeetPage::JoinLauncher(url);
            }
        }
    }
    MeetPage::Silent
}

/// The autodiscovery roots to try for `domain`, internal first (§3.2):
/// `https://lyncdiscoverinternal.<domain>/`, then `https://lyncdiscover.<domain>/`.
///
/// # Errors
/// [`ProtocolError::InvalidInput`] if `domain` is not a domain name.
pub fn autodiscover_roots(domain: &str) -> Result<[Url; 2], ProtocolError> {
    let domain = domain.trim().trim_end_matches('.').to_ascii_lowercase();
    let root = |prefix: &str| {
        Url::parse(&format!("https://{prefix}.{domain}/"))
            .ok()
            .filter(|_| is_domain(&domain))
            .ok_or_else(|| ProtocolError::InvalidInput {
                field: "domain",
                reason: format!("`{domain}` is not a domain name"),
            })
    };
    Ok([root("lyncdiscoverinternal")?, root("lyncdiscover")?])
}

/// `GET` of an autodiscovery root or a `user` resource, with the web ticket once there is
/// one.
///
/// # Errors
/// As [`http_util::empty`].
pub fn get(url: &Url, ticket: Option<&Secret>) -> Result<HttpRequest, ProtocolError> {
    http_util::empty(Method::GET, url, ticket)
}

/// What an autodiscovery root answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Root {
    /// Where the user resource and the cross-domain frame are.
    User {
        /// The `user` resource (answers 401 with the web-ticket challenge at first).
        user: Url,
        /// The XFrame page, for browsers the server does not answer with CORS.
        xframe: Option<Url>,
    },
    /// Ask this root instead, once [`redirect_is_safe`] allows it.
    Redirect(Url),
}

/// Reads an autodiscovery root's answer to a `GET` of `requested`.
///
/// A `3xx` to the same host is a redirect (the server moves plain `http` to `https`); one
/// to another host, a `404`, or any other failure means this root is not the one, and the
/// next of [`autodiscover_roots`] is tried. (The documents fail a redirect "to a different
/// domain"; without the public-suffix list the host is the part that can be compared
/// safely.)
///
/// # Errors
/// [`ProtocolError::MissingLink`] for a root with neither `user` nor `redirect`; the
/// server's error otherwise.
pub fn read_root(response: &HttpResponse, requested: &Url) -> Result<Root, ProtocolError> {
    const WHAT: &str = "discover the meeting's server";
    if response.status().is_redirection() {
        return http_util::location(response, requested)
            .filter(|target| target.host_str() == requested.host_str())
            .map(Root::Redirect)
            .ok_or_else(|| http_util::error_from(WHAT, response));
    }
    let body = http_util::expect(WHAT, response, &[StatusCode::OK])?;
    Ok(
        match leads(WHAT, body, requested, "user", "the autodiscovery root")? {
            Leads::On { target, xframe } => Root::User { user: target, xframe },
            Leads::Elsewhere(redirect) => Root::Redirect(redirect),
        },
    )
}

/// Where a resource on the way in leads: its `rel` link (with the XFrame of its pool), or
/// else its `redirect`.
enum Leads {
    On { target: Url, xframe: Option<Url> },
    Elsewhere(Url),
}

fn leads(
    what: &'static str,
    body: &[u8],
    base: &Url,
    rel: &'static str,
    resource: &'static str,
) -> Result<Leads, ProtocolError> {
    let found: Resource = http_util::decode_json(what, body)?;
    if let Some(link) = found.links.get(rel) {
        let xframe = found
            .links
            .get("xframe")
            .map(|link| link.resolve(base))
            .transpose()?;
        return Ok(Leads::On {
            target: link.resolve(base)?,
            xframe,
        });
    }
    match found.links.get("redirect") {
        Some(redirect) => Ok(Leads::Elsewhere(redirect.resolve(base)?)),
        None => Err(ProtocolError::MissingLink { rel, resource }),
    }
}

/// The documented security check before following a root's `redirect` (§3.2): an answer
/// that came over HTTPS may redirect anywhere; one over plain HTTP only within the domain
/// the guest is joining (`sign_in_domain`) or to a host the deployment trusts.
pub fn redirect_is_safe(
    answered: &Url,
    redirect: &Url,
    sign_in_domain: &str,
    trusted_hosts: &[String],
) -> bool {
    if answered.scheme() == "https" {
        return true;
    }
    let host = redirect.host_str().unwrap_or_default().to_ascii_lowercase();
    let domain = sign_in_domain.to_ascii_lowercase();
    host == domain
        || host.ends_with(&format!(".{domain}"))
        || trusted_hosts
            .iter()
            .any(|trusted| trusted.eq_ignore_ascii_case(&host))
}

/// Where and how to get a web ticket: the `MsRtcOAuth` challenge of a `401` (§3.3).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WebTicketService {
    /// The token endpoint (`…/WebTicket/oauthtoken`).
    pub href: Url,
    /// The grants it offers.
    pub grant_types: Vec<String>,
}

impl WebTicketService {
    /// Whether it lets meeting guests in without an account.
    pub fn allows_guests(&self) -> bool {
        self.grant_types.iter().any(|grant| grant == ANONYMOUS_GRANT)
    }
}

/// Reads the `MsRtcOAuth` challenge of a `401`, whether it comes as its own
/// `WWW-Authenticate` line or folded into one with the `Bearer` challenge, with its `href`
/// quoted or not.
///
/// # Errors
/// [`ProtocolError::MissingLink`] if no `MsRtcOAuth` challenge with an `href` is there;
/// [`ProtocolError::InvalidHref`] if its `href` is not a URL.
pub fn web_ticket_service(
    response: &HttpResponse,
    requested: &Url,
) -> Result<WebTicketService, ProtocolError> {
    let header = response
        .headers()
        .get_all(WWW_AUTHENTICATE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .collect::<Vec<_>>()
        .join(", ");
    let missing = || ProtocolError::MissingLink {
        rel: "MsRtcOAuth href",
        resource: "the server's sign-in challenge",
    };
    let at = header
        .to_ascii_lowercase()
        .find("msrtcoauth")
        .ok_or_else(missing)?;
    let params = challenge_params(&header[at + "msrtcoauth".len()..]);
    let href = params
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case("href"))
        .map(|(_, value)| value.as_str())
        .ok_or_else(missing)?;
    let href = requested
        .join(href)
        .map_err(|e| ProtocolError::invalid_href(href, e))?;
    let grant_types = params
        .iter()
        .filter(|(name, _)| name.eq_ignore_ascii_case("grant_type"))
        .flat_map(|(_, value)| value.split(','))
        .map(|grant| grant.trim().to_owned())
        .filter(|grant| !grant.is_empty())
        .collect();
    Ok(WebTicketService { href, grant_types })
}

/// The `name=value` parameters of one challenge, up to the next scheme. A quoted value
/// may hold commas; an unquoted one ends at the next comma, except that an unquoted
/// `grant_type` takes the bare grant names after it too (`grant_type=password,urn:…`).
fn challenge_params(text: &str) -> Vec<(String, String)> {
    let mut params: Vec<(String, String)> = Vec::new();
    let mut rest = text;
    loop {
        rest = rest.trim_start_matches([' ', ',', '\t']);
        let name_end = rest.find(['=', ' ', ',']).unwrap_or(rest.len());
        if !rest[name_end..].starts_with('=') {
            // A bare word: another grant of an unquoted list, or the next scheme.
            let word = &rest[..name_end];
            match params.last_mut() {
                Some((name, value))
                    if name.eq_ignore_ascii_case("grant_type")
                        && (word.contains(':') || word == "password") =>
                {
                    value.push(',');
                    value.push_str(word);
                    rest = &rest[name_end..];
                    continue;
                }
                _ => break,
            }
        }
        let name = rest[..name_end].trim().to_owned();
        rest = &rest[name_end + 1..];
        let value = if let Some(quoted) = rest.strip_prefix('"') {
            let end = quoted.find('"').unwrap_or(quoted.len());
            rest = quoted.get(end + 1..).unwrap_or_default();
            quoted[..end].to_owned()
        } else {
            let end = rest.find(',').unwrap_or(rest.len());
            let value = rest[..end].trim().to_owned();
            rest = &rest[end..];
            value
        };
        params.push((name, value));
        if rest.is_empty() {
            break;
        }
    }
    params
}

/// The anonymous web-ticket request for `conference` (§3.4): its meeting id is the
/// `password`. Renewing passes the ticket held (`renew`), so that the guest keeps the same
/// identity for the rest of the meeting.
///
/// # Errors
/// As [`http_util::form`].
pub fn web_ticket_request(
    service: &WebTicketService,
    conference: &ConferenceUri,
    renew: Option<&Secret>,
) -> Result<HttpRequest, ProtocolError> {
    let uri = conference.to_string();
    let mut pairs = vec![
        ("grant_type", ANONYMOUS_GRANT),
        ("password", conference.meeting_id.as_str()),
        ("ms_rtc_conferenceuri", uri.as_str()),
    ];
    if let Some(ticket) = renew {
        pairs.push(("ms_rtc_renew", ticket.expose()));
    }
    http_util::form(&service.href, &pairs)
}

/// An anonymous web ticket.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WebTicket {
    /// `cwt=…`, for `Authorization: Bearer`.
    pub access_token: Secret,
    /// Seconds it lives (an hour for a meeting guest).
    pub expires_in: i64,
    /// `local` when the server says so.
    pub identity_scope: Option<String>,
}

/// Why the web-ticket service refused: its OAuth `error` and, where the server added an
/// `X-Ms-diagnostics` header, its reason.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the sign-in service refused the guest ({error}{})", reason.as_ref().map(|r| format!(": {r}")).unwrap_or_default())]
pub struct WebTicketRefused {
    /// `invalid_grant` (a wrong conference key), `unsupported_grant_type` (guests are not
    /// allowed), `invalid_request`, `invalid_scope`, `server_error`.
    pub error: String,
    /// The server's words, from `X-Ms-diagnostics` (not to be depended on).
    pub reason: Option<String>,
    /// The HTTP status.
    pub status: u16,
}

/// What went wrong getting a web ticket.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum WebTicketError {
    /// The service answered with its OAuth error.
    #[error(transparent)]
    Refused(WebTicketRefused),
    /// Anything else: another status, a body of another shape.
    #[error(transparent)]
    Protocol(#[from] ProtocolError),
}

/// Reads the web-ticket service's answer. `expires_in` is a number in the documents; a
/// string holding one is read too.
///
/// # Errors
/// [`WebTicketError::Refused`] with the service's OAuth error; [`WebTicketError::Protocol`]
/// for another status or shape.
pub fn read_web_ticket(response: &HttpResponse) -> Result<WebTicket, WebTicketError> {
    const WHAT: &str = "get a guest web ticket";
    #[derive(Deserialize)]
    struct Answer {
        access_token: String,
        #[serde(default)]
        expires_in: Option<Value>,
        #[serde(default)]
        ms_rtc_identityscope: Option<String>,
    }
    #[derive(Deserialize)]
    struct Refusal {
        error: String,
    }
    let status = response.status();
    // The documented refusals are `400`s; anything else is the service failing.
    if status == StatusCode::BAD_REQUEST {
        return match serde_json::from_slice::<Refusal>(response.body()) {
            Ok(refusal) => Err(WebTicketError::Refused(WebTicketRefused {
                error: refusal.error,
                reason: response
                    .headers()
                    .get(X_MS_DIAGNOSTICS)
                    .and_then(|value| value.to_str().ok())
                    .and_then(crate::join::diagnostics_reason),
                status: status.as_u16(),
            })),
            Err(_) => Err(http_util::error_from(WHAT, response).into()),
        };
    }
    if !status.is_success() {
        return Err(http_util::error_from(WHAT, response).into());
    }
    let answer: Answer = http_util::decode_json(WHAT, response.body())?;
    let expires_in = match &answer.expires_in {
        Some(Value::Number(n)) => n.as_i64(),
        Some(Value::String(text)) => text.trim().parse().ok(),
        _ => None,
    }
    .ok_or_else(|| ProtocolError::Decode {
        what: WHAT,
        path: "expires_in".to_owned(),
        message: "a web ticket must say how long it lives".to_owned(),
        body: kept_body(response.body()),
    })?;
    Ok(WebTicket {
        access_token: Secret::new(answer.access_token),
        expires_in,
        identity_scope: answer.ms_rtc_identityscope,
    })
}

/// What the `user` resource answered (§3.3, §3.5).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum User {
    /// A web ticket is needed first (the `401` of the first `GET`, or of a pool the
    /// ticket does not cover).
    Challenge(WebTicketService),
    /// Where to create the guest's application.
    Applications {
        /// The `applications` link.
        applications: Url,
        /// The XFrame page of the pool the application lives in.
        xframe: Option<Url>,
    },
    /// The meeting is homed on another pool: ask its `user` resource, with a ticket of
    /// its own if it challenges.
    Redirect(Url),
}

/// Reads the `user` resource's answer to a `GET` of `requested`.
///
/// # Errors
/// The server's error for another status; [`ProtocolError::MissingLink`] for a `user`
/// with neither `applications` nor `redirect`.
pub fn read_user(response: &HttpResponse, requested: &Url) -> Result<User, ProtocolError> {
    const WHAT: &str = "find where to join";
    if response.status() == StatusCode::UNAUTHORIZED {
        return web_ticket_service(response, requested).map(User::Challenge);
    }
    let body = http_util::expect(WHAT, response, &[StatusCode::OK])?;
    Ok(
        match leads(WHAT, body, requested, "applications", "the user resource")? {
            Leads::On { target, xframe } => User::Applications {
                applications: target,
                xframe,
            },
            Leads::Elsewhere(redirect) => User::Redirect(redirect),
        },
    )
}

/// Whether a web ticket issued by `issuer` (its token endpoint) is good at `target`: web
/// tickets are scoped to the server that issued them, so an `applications` link on another
/// server (a split-domain topology) needs a ticket of its own (§3.5).
pub fn ticket_covers(issuer: &Url, target: &Url) -> bool {
    issuer.origin() == target.origin()
}

/// Why a guest could not sign in to the meeting's server.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum SignInError {
    /// No autodiscovery root answered as one.
    #[error("the meeting's server could not be found")]
    NoServer,
    /// The server refuses calls from this page's origin (`CrossDomainAuthorizationList`).
    #[error("the meeting's server does not accept guests from this website")]
    OriginRefused,
    /// The server offers no anonymous meeting grant.
    #[error("the meeting's server does not let guests in")]
    GuestsNotAllowed,
    /// The web-ticket service refused the guest (a wrong conference, an unknown meeting).
    #[error(transparent)]
    Refused(WebTicketRefused),
    /// The server stopped answering part way (no connection, a timeout; in a browser also
    /// a refusal the browser hides).
    #[error("the meeting's server stopped answering")]
    NoAnswer,
    /// Redirects or challenges went round in circles.
    #[error("the meeting's server sent the guest round in circles")]
    TooManySteps,
    /// An answer of another shape, or a failure on the way.
    #[error(transparent)]
    Protocol(ProtocolError),
}

/// Where a signed-in guest creates their application, and the ticket to do it with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignedIn {
    /// The `applications` link.
    pub applications: Url,
    /// The web ticket (`Authorization: Bearer cwt=…`).
    pub ticket: WebTicket,
    /// The service that issued it, to renew it at.
    pub service: WebTicketService,
    /// Every cross-domain frame learned on the way (the application's pool's among them),
    /// for [`frame_for`].
    pub frames: Vec<Url>,
}

/// The cross-domain frame (XFrame) that makes requests to `url`'s origin, among `frames`:
/// the most recently learned one of that origin (protocol.md §5.2).
pub fn frame_for<'f>(frames: &'f [Url], url: &Url) -> Option<&'f Url> {
    frames.iter().rev().find(|frame| frame.origin() == url.origin())
}

impl SignedIn {
    /// The request that renews the ticket before it expires, keeping the guest's
    /// identity (§3.4).
    ///
    /// # Errors
    /// As [`web_ticket_request`].
    pub fn renewal(&self, conference: &ConferenceUri) -> Result<HttpRequest, ProtocolError> {
        web_ticket_request(&self.service, conference, Some(&self.ticket.access_token))
    }
}

/// What to do next in a sign-in.
#[derive(Debug)]
pub enum Next {
    /// Send this request and give its answer to [`SignIn::on_response`].
    Send(HttpRequest),
    /// Signed in.
    Done(SignedIn),
}

/// Where a sign-in is.
#[derive(Clone, Debug)]
enum Stage {
    /// Asking root `index` of the list, or a root it redirected to.
    Discover { index: usize, url: Url },
    /// Asking the `user` resource, with or without a ticket.
    User {
        url: Url,
        ticket: Option<(WebTicket, WebTicketService)>,
    },
    /// Asking `service` for a ticket, to ask `user` with it after.
    Ticket { service: WebTicketService, user: Url },
}

/// The on-premises sign-in of a meeting guest (§3.2–§3.5), one request at a time: the
/// autodiscovery roots in order, the root's `redirect`s after the security check, the
/// `user` resource and its challenge, the anonymous web ticket, and `user` again with it,
/// following a `redirect` to another pool (and its own challenge). Sans-IO, like the rest
/// of the crate: the driver sends each request and hands back the answer, or `None` when
/// none came.
#[derive(Clone, Debug)]
pub struct SignIn {
    conference: ConferenceUri,
    roots: Vec<Url>,
    sign_in_domain: String,
    trusted_hosts: Vec<String>,
    stage: Stage,
    steps: u32,
    frames: Vec<Url>,
}

/// More requests than an honest server needs: two roots, a few redirects, two pools with a
/// challenge and a ticket each.
const MAX_SIGN_IN_STEPS: u32 = 16;

impl SignIn {
    /// Signs a guest in to `conference`'s server, asking `roots` in order (usually
    /// [`autodiscover_roots`] of the conference's domain, or one configured root). A
    /// `redirect` over plain HTTP is followed only within `sign_in_domain` or to one of
    /// `trusted_hosts`.
    ///
    /// # Errors
    /// [`SignInError::NoServer`] without a root to ask.
    pub fn start(
        conference: ConferenceUri,
        roots: Vec<Url>,
        trusted_hosts: Vec<String>,
    ) -> Result<(Self, HttpRequest), SignInError> {
        let first = roots.first().cloned().ok_or(SignInError::NoServer)?;
        // An autodiscovery root's frame is `/xframe` on its host, where the UCWA sample
        // frames it before any answer has named one.
        let frames = roots
            .iter()
            .filter_map(|root| root.join("/xframe").ok())
            .collect();
        let sign_in_domain = conference
            .organizer
            .rsplit_once('@')
            .map(|(_, domain)| domain.to_ascii_lowercase())
            .unwrap_or_default();
        let mut sign_in = Self {
            conference,
            roots,
            sign_in_domain,
            trusted_hosts,
            stage: Stage::Discover {
                index: 0,
                url: first.clone(),
            },
            steps: 0,
            frames,
        };
        let request = sign_in.get(&first, None)?;
        Ok((sign_in, request))
    }

    /// The cross-domain frames learned so far: each root's, and the `xframe` links the
    /// answers gave.
    pub fn frames(&self) -> &[Url] {
        &self.frames
    }

    fn learn_frame(&mut self, frame: Option<Url>) {
        if let Some(frame) = frame.filter(|frame| !self.frames.contains(frame)) {
            self.frames.push(frame);
        }
    }

    /// Makes sure a frame is known for `url`'s origin before it is asked: a pool reached by
    /// a redirect, or holding the applications, has not named its frame yet, so its
    /// documented place is assumed ([`XFRAME_PATH`]).
    fn expect_frame_at(&mut self, url: &Url) {
        if frame_for(&self.frames, url).is_none() {
            self.learn_frame(url.join(XFRAME_PATH).ok());
        }
    }

    /// Whether the sign-in is still looking for its server among the autodiscovery roots
    /// (where a root that does not answer is simply not the one).
    pub fn discovering(&self) -> bool {
        matches!(self.stage, Stage::Discover { .. })
    }

    /// Counts a request, refusing more than an honest server needs.
    fn step(&mut self) -> Result<(), SignInError> {
        self.steps += 1;
        if self.steps > MAX_SIGN_IN_STEPS {
            return Err(SignInError::TooManySteps);
        }
        Ok(())
    }

    fn get(&mut self, url: &Url, ticket: Option<&Secret>) -> Result<HttpRequest, SignInError> {
        self.step()?;
        get(url, ticket).map_err(SignInError::Protocol)
    }

    /// The next request or the result, given the answer to the last request (`None` when
    /// it got none: no connection, a timeout).
    ///
    /// # Errors
    /// [`SignInError`] when the sign-in cannot go on.
    pub fn on_response(&mut self, response: Option<&HttpResponse>) -> Result<Next, SignInError> {
        if let Some(response) = response
            && refuses_origin(response)
        {
            return Err(SignInError::OriginRefused);
        }
        match self.stage.clone() {
            Stage::Discover { index, url } => self.on_root(index, &url, response),
            Stage::User { url, ticket } => {
                let response = response.ok_or(SignInError::NoAnswer)?;
                self.on_user(&url, ticket, response)
            }
            Stage::Ticket { service, user } => {
                let response = response.ok_or(SignInError::NoAnswer)?;
                let ticket = read_web_ticket(response).map_err(|error| match error {
                    WebTicketError::Refused(refused) => SignInError::Refused(refused),
                    WebTicketError::Protocol(error) => SignInError::Protocol(error),
                })?;
                let request = self.get(&user, Some(&ticket.access_token))?;
                self.stage = Stage::User {
                    url: user,
                    ticket: Some((ticket, service)),
                };
                Ok(Next::Send(request))
            }
        }
    }

    fn on_root(
        &mut self,
        index: usize,
        url: &Url,
        response: Option<&HttpResponse>,
    ) -> Result<Next, SignInError> {
        let root = response.map(|response| read_root(response, url));
        match root {
            Some(Ok(Root::User { user, xframe })) => {
                self.learn_frame(xframe);
                let request = self.get(&user, None)?;
                self.stage = Stage::User {
                    url: user,
                    ticket: None,
                };
                Ok(Next::Send(request))
            }
            Some(Ok(Root::Redirect(target)))
                if redirect_is_safe(url, &target, &self.sign_in_domain, &self.trusted_hosts) =>
            {
                // Another autodiscovery root is framed at its `/xframe`, as the first is; a
                // pool's root at the pool's documented frame.
                if target.path() == "/" {
                    self.learn_frame(target.join("/xframe").ok());
                } else {
                    self.expect_frame_at(&target);
                }
                let request = self.get(&target, None)?;
                self.stage = Stage::Discover { index, url: target };
                Ok(Next::Send(request))
            }
            // No answer, a refusal, or an unsafe redirect: this root is not the one.
            _ => {
                let next = index + 1;
                let url = self.roots.get(next).cloned().ok_or(SignInError::NoServer)?;
                let request = self.get(&url, None)?;
                self.stage = Stage::Discover { index: next, url };
                Ok(Next::Send(request))
            }
        }
    }

    fn on_user(
        &mut self,
        url: &Url,
        ticket: Option<(WebTicket, WebTicketService)>,
        response: &HttpResponse,
    ) -> Result<Next, SignInError> {
        match read_user(response, url).map_err(SignInError::Protocol)? {
            User::Challenge(service) => {
                if !service.allows_guests() {
                    return Err(SignInError::GuestsNotAllowed);
                }
                self.step()?;
                let request =
                    web_ticket_request(&service, &self.conference, None).map_err(SignInError::Protocol)?;
                self.stage = Stage::Ticket {
                    service,
                    user: url.clone(),
                };
                Ok(Next::Send(request))
            }
            User::Redirect(target) => {
                // A ticket is good on the server that issued it: another pool challenges for
                // its own, and is not sent this one.
                let ticket = ticket.filter(|(_, service)| ticket_covers(&service.href, &target));
                self.expect_frame_at(&target);
                let request = self.get(&target, ticket.as_ref().map(|(t, _)| &t.access_token))?;
                self.stage = Stage::User { url: target, ticket };
                Ok(Next::Send(request))
            }
            User::Applications { applications, xframe } => {
                self.learn_frame(xframe);
                self.expect_frame_at(&applications);
                let (ticket, service) = ticket.ok_or(SignInError::Protocol(ProtocolError::MissingLink {
                    rel: "MsRtcOAuth href",
                    resource: "the user resource, which let a guest in without a ticket",
                }))?;
                Ok(Next::Done(SignedIn {
                    applications,
                    ticket,
                    service,
                    frames: self.frames.clone(),
                }))
            }
        }
    }
}

/// Whether `response` is the server refusing the page's origin (§5.2): `403` with the
/// documented reason.
fn refuses_origin(response: &HttpResponse) -> bool {
    response.status() == StatusCode::FORBIDDEN
        && response
            .headers()
            .get(X_MS_DIAGNOSTICS)
            .and_then(|value| value.to_str().ok())
            .and_then(crate::join::diagnostics_reason)
            .is_some_and(|reason| reason.to_ascii_lowercase().contains("cross domain request"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(text: &str) -> Url {
        Url::parse(text).expect("url")
    }

    fn response(status: u16, headers: &[(&str, &str)], body: &str) -> HttpResponse {
        let mut builder = http::Response::builder().status(status);
        for (name, value) in headers {
            builder = builder.header(*name, *value);
        }
        builder.body(body.as_bytes().to_vec()).expect("response")
    }

    fn meeting(link: &str) -> OnPremisesMeeting {
        match crate::join_link::classify(link, &crate::join_link::MeetingHosts::default()) {
            Ok(crate::join_link::JoinLink::OnPremises(meeting)) => meeting,
            other => panic!("{link}: {other:?}"),
        }
    }

    /// protocol.md §3.1: the join launcher's own example, and the seed's `join.` host.
    #[test]
    fn a_meeting_link_becomes_its_conference_uri() {
        let none = SimpleUrlDomains::default();
        assert_eq!(
            conference_uri(&meeting("https://meet.inframss.dk/tu27/7Q3DSSYV"), &none).to_string(),
            "sip:tu27@inframss.dk;gruu;opaque=app:conf:focus:id:7Q3DSSYV"
        );
        assert_eq!(
            conference_uri(&meeting("https://join.contoso.com/meet/john/BW9Z1MJD"), &none).to_string(),
            "sip:john@contoso.com;gruu;opaque=app:conf:focus:id:BW9Z1MJD"
        );
        // The heuristic is wrong where the simple URL is under another domain; the
        // configured mapping says which.
        let mapped = SimpleUrlDomains::parse("meet.fabrikam-online.com=fabrikam.com").expect("parses");
        assert_eq!(
            conference_uri(
                &meeting("https://meet.fabrikam-online.com/kenmyer/071200"),
                &mapped
            )
            .organizer,
            "kenmyer@fabrikam.com"
        );
        assert!(SimpleUrlDomains::parse("meet.contoso.com").is_err());
        assert!(SimpleUrlDomains::parse("meet.contoso.com=contoso").is_err());
        // A test bed's host has a port; the same host on another port is another server.
        let ported = SimpleUrlDomains::parse("127.0.0.1:8409=fabrikam.com").expect("parses");
        assert_eq!(
            ported.domain_for(&url("http://127.0.0.1:8409/meet/alex/BRANCH01")),
            "fabrikam.com"
        );
        assert_eq!(
            ported.domain_for(&url("http://127.0.0.1:8410/meet/alex/BRANCH01")),
            "0.0.1"
        );
        assert_eq!(ported.hosts().collect::<Vec<_>>(), ["127.0.0.1:8409"]);
        assert!(SimpleUrlDomains::parse("127.0.0.1:port=fabrikam.com").is_err());
    }

    /// A configured root replaces the documented two for its domain only, and is trusted as
    /// a redirect target.
    #[test]
    fn a_configured_root_replaces_autodiscovery_for_its_domain() {
        let roots = AutodiscoverRoots::parse("Fabrikam.com=http://127.0.0.1:8408/").expect("parses");
        assert_eq!(
            roots.roots_for("fabrikam.com").expect("roots"),
            [url("http://127.0.0.1:8408/")]
        );
        assert_eq!(
            roots.roots_for("contoso.com").expect("roots"),
            autodiscover_roots("contoso.com").expect("roots")
        );
        assert_eq!(roots.trusted_hosts(), ["127.0.0.1"]);
        assert!(AutodiscoverRoots::parse("fabrikam.com=lyncdiscover.fabrikam.com").is_err());
        assert!(AutodiscoverRoots::parse("fabrikam=https://lyncdiscover.fabrikam.com/").is_err());
        assert!(AutodiscoverRoots::parse("fabrikam.com=ftp://lyncdiscover.fabrikam.com/").is_err());
    }

    /// A simple URL and a pasted conference URI lead to the same server; an online link to none.
    #[test]
    fn an_on_premises_link_names_its_conference_and_roots() {
        use crate::join::OnPremisesServer;
        use crate::join_link::{JoinLink, MeetingHosts, classify};
        let domains = SimpleUrlDomains::parse("meet.fabrikam-online.com=fabrikam.com").expect("parses");
        let roots = AutodiscoverRoots::default();
        let server = |link: &str| {
            let link: JoinLink = classify(link, &MeetingHosts::new()).expect("a link");
            OnPremisesServer::for_link(&link, &domains, &roots)
        };
        let simple = server("https://meet.fabrikam-online.com/kenmyer/071200").expect("a server");
        let pasted =
            server("sip:kenmyer@fabrikam.com;gruu;opaque=app:conf:focus:id:071200").expect("a server");
        assert_eq!(simple, pasted);
        assert_eq!(simple.roots, autodiscover_roots("fabrikam.com").expect("roots"));
        assert!(simple.trusted_hosts.is_empty());
        assert_eq!(server("https://meet.lync.com/contoso/john/ABCD1234"), None);
    }

    /// protocol.md §3.1: pidgin-sipe reads `href="conf:sip:…%3Frequired…"` from the page,
    /// HTML entities decoded, up to the `?`; else the join launcher the page names.
    #[test]
    fn a_meeting_page_names_its_conference_or_its_join_launcher() {
        let page_url = url("https://meet.contoso.com/john/BW9Z1MJD");
        let page = r#"<a id="conf" href="conf:sip:john@contoso.com;gruu;opaque=app:conf:focus:id:BW9Z1MJD%3Frequired-media=audio&amp;x=1">Join</a>"#;
        assert_eq!(
            read_meet_page(page, &page_url),
            MeetPage::Conference(ConferenceUri {
                organizer: "john@contoso.com".to_owned(),
                meeting_id: "BW9Z1MJD".to_owned(),
            })
        );
        let encoded = r#"<a href="conf:sip%3Ajohn%40contoso.com%3Bgruu%3Bopaque%3Dapp%3Aconf%3Afocus%3Aid%3ABW9Z1MJD%3Frequired">"#;
        assert!(matches!(
            read_meet_page(encoded, &page_url),
            MeetPage::Conference(_)
        ));
        let launcher = r#"<script>var domainOwnerJoinLauncherUrl = "https://pool.contoso.com/meet/JoinLauncher?a=1&amp;b=2";</script>"#;
        assert_eq!(
            read_meet_page(launcher, &page_url),
            MeetPage::JoinLauncher(url("https://pool.contoso.com/meet/JoinLauncher?a=1&b=2"))
        );
        // A doubled scheme is no conference.
        let doubled = r#"<a href="conf:sip:sip%3Ajohn%40contoso.com%3Bgruu%3Bopaque%3Dapp%3Aconf%3Afocus%3Aid%3ABW9Z1MJD">"#;
        assert_eq!(read_meet_page(doubled, &page_url), MeetPage::Silent);
        let insecure = r#"<div sb-data-domainOwnerJoinLauncherUrl="http://pool.contoso.com/jl"></div>"#;
        assert_eq!(read_meet_page(insecure, &page_url), MeetPage::Silent);
        assert_eq!(
            read_meet_page("<html>Sign in</html>", &page_url),
            MeetPage::Silent
        );
    }

    /// protocol.md §3.2: internal first, then external; the documented root answer.
    #[test]
    fn autodiscovery_tries_internal_then_external_and_reads_the_root() {
        let [internal, external] = autodiscover_roots("Contoso.com").expect("roots");
        assert_eq!(internal.as_str(), "https://lyncdiscoverinternal.contoso.com/");
        assert_eq!(external.as_str(), "https://lyncdiscover.contoso.com/");
        assert!(autodiscover_roots("contoso").is_err());
        assert!(autodiscover_roots("contoso.com/evil").is_err());

        let root = r#"{"_links":{"self":{"href":"https://lyncweb.contoso.com/Autodiscover/AutodiscoverService.svc/root?originalDomain=contoso.com"},"user":{"href":"https://lyncweb.contoso.com/Autodiscover/AutodiscoverService.svc/root/oauth/user?originalDomain=contoso.com"},"xframe":{"href":"https://lyncweb.contoso.com/Autodiscover/XFrame/XFrame.html"}}}"#;
        assert_eq!(
            read_root(&response(200, &[], root), &external).expect("root"),
            Root::User {
                user: url(
                    "https://lyncweb.contoso.com/Autodiscover/AutodiscoverService.svc/root/oauth/user?originalDomain=contoso.com"
                ),
                xframe: Some(url("https://lyncweb.contoso.com/Autodiscover/XFrame/XFrame.html")),
            }
        );
        let redirect = r#"{"_links":{"redirect":{"href":"https://lyncdiscover.emea.contoso.com/"}}}"#;
        assert_eq!(
            read_root(&response(200, &[], redirect), &external).expect("redirect"),
            Root::Redirect(url("https://lyncdiscover.emea.contoso.com/"))
        );
        // http → https on the same domain is followed; a 302 to another domain fails.
        let plain = url("http://lyncdiscover.contoso.com/");
        assert_eq!(
            read_root(
                &response(301, &[("location", "https://lyncdiscover.contoso.com/")], ""),
                &plain
            )
            .expect("upgrade"),
            Root::Redirect(external.clone())
        );
        assert!(
            read_root(
                &response(302, &[("location", "https://evil.example/")], ""),
                &plain
            )
            .is_err()
        );
        assert!(read_root(&response(404, &[], ""), &internal).is_err());
        assert!(matches!(
            read_root(&response(200, &[], r#"{"_links":{}}"#), &external),
            Err(ProtocolError::MissingLink { .. })
        ));
    }

    /// protocol.md §3.2's security check.
    #[test]
    fn a_redirect_over_plain_http_stays_in_the_domain_or_the_trusted_hosts() {
        let https = url("https://lyncdiscover.contoso.com/");
        let http = url("http://lyncdiscover.contoso.com/");
        let elsewhere = url("https://lyncdiscover.fabrikam.com/");
        let inside = url("https://lyncdiscover.emea.contoso.com/");
        assert!(redirect_is_safe(&https, &elsewhere, "contoso.com", &[]));
        assert!(redirect_is_safe(&http, &inside, "contoso.com", &[]));
        assert!(!redirect_is_safe(&http, &elsewhere, "contoso.com", &[]));
        assert!(redirect_is_safe(
            &http,
            &elsewhere,
            "contoso.com",
            &["lyncdiscover.fabrikam.com".to_owned()]
        ));
        assert!(!redirect_is_safe(
            &http,
            &url("https://notcontoso.com/"),
            "contoso.com",
            &[]
        ));
    }

    /// protocol.md §3.3: two header lines, quoted; unquoted `href`; one folded line.
    #[test]
    fn the_challenge_is_read_in_every_documented_shape() {
        let user = url("https://lyncweb.contoso.com/Autodiscover/AutodiscoverService.svc/root/oauth/user");
        let bearer = r#"Bearer trusted_issuers="00000002-0000-0ff1-ce00-000000000000@contoso.com", client_id="00000004-0000-0ff1-ce00-000000000000""#;
        let quoted = r#"MsRtcOAuth href="https://lyncweb.contoso.com/WebTicket/oauthtoken",grant_type="urn:microsoft.rtc:windows,urn:microsoft.rtc:anonmeeting,password""#;
        let two_lines = response(
            401,
            &[("www-authenticate", bearer), ("www-authenticate", quoted)],
            "<html>401</html>",
        );
        let service = web_ticket_service(&two_lines, &user).expect("challenge");
        assert_eq!(
            service.href.as_str(),
            "https://lyncweb.contoso.com/WebTicket/oauthtoken"
        );
        assert_eq!(
            service.grant_types,
            [
                "urn:microsoft.rtc:windows",
                "urn:microsoft.rtc:anonmeeting",
                "password"
            ]
        );
        assert!(service.allows_guests());

        let folded = response(401, &[("www-authenticate", &format!("{quoted}, {bearer}"))], "");
        assert_eq!(web_ticket_service(&folded, &user).expect("folded"), service);
        let folded_other_way = response(401, &[("www-authenticate", &format!("{bearer}, {quoted}"))], "");
        assert_eq!(
            web_ticket_service(&folded_other_way, &user).expect("folded"),
            service
        );

        let unquoted = response(
            401,
            &[(
                "www-authenticate",
                r#"MsRtcOAuth href=https://contoso.com/WebTicket/oauthtoken,grant_type="urn:microsoft.rtc:windows,urn:microsoft.rtc:passive""#,
            )],
            "",
        );
        let service = web_ticket_service(&unquoted, &user).expect("unquoted");
        assert_eq!(service.href.as_str(), "https://contoso.com/WebTicket/oauthtoken");
        assert!(!service.allows_guests());

        let bare_list = response(
            401,
            &[(
                "www-authenticate",
                "MsRtcOAuth href=/WebTicket/oauthtoken,grant_type=urn:microsoft.rtc:anonmeeting,password",
            )],
            "",
        );
        let service = web_ticket_service(&bare_list, &user).expect("bare");
        assert_eq!(
            service.href.as_str(),
            "https://lyncweb.contoso.com/WebTicket/oauthtoken"
        );
        assert_eq!(service.grant_types, [ANONYMOUS_GRANT, "password"]);

        let bearer_only = response(401, &[("www-authenticate", bearer)], "");
        assert!(matches!(
            web_ticket_service(&bearer_only, &user),
            Err(ProtocolError::MissingLink { .. })
        ));
    }

    fn conference() -> ConferenceUri {
        ConferenceUri {
            organizer: "john@contoso.com".to_owned(),
            meeting_id: "G03W98W4".to_owned(),
        }
    }

    fn service() -> WebTicketService {
        WebTicketService {
            href: url("https://lyncweb.contoso.com/WebTicket/oauthtoken"),
            grant_types: vec![ANONYMOUS_GRANT.to_owned()],
        }
    }

    /// protocol.md §3.4's request, encoded as the sample encodes it, and its renewal.
    #[test]
    fn the_web_ticket_request_is_the_documented_form() {
        let request = web_ticket_request(&service(), &conference(), None).expect("request");
        assert_eq!(request.method(), Method::POST);
        assert_eq!(request.uri(), "https://lyncweb.contoso.com/WebTicket/oauthtoken");
        assert_eq!(
            request.headers()["content-type"],
            "application/x-www-form-urlencoded"
        );
        assert_eq!(
            String::from_utf8(request.body().clone()).expect("utf-8"),
            "grant_type=urn%3Amicrosoft.rtc%3Aanonmeeting&password=G03W98W4\
             &ms_rtc_conferenceuri=sip%3Ajohn%40contoso.com%3Bgruu%3Bopaque%3Dapp%3Aconf%3Afocus%3Aid%3AG03W98W4"
        );
        let ticket = Secret::new("cwt=AAEB+x/y=");
        let renewal = web_ticket_request(&service(), &conference(), Some(&ticket)).expect("renewal");
        let body = String::from_utf8(renewal.body().clone()).expect("utf-8");
        assert!(body.ends_with("&ms_rtc_renew=cwt%3DAAEB%2Bx%2Fy%3D"), "{body}");
    }

    /// protocol.md §3.4's answers: the documented one, a real one, and the 400s.
    #[test]
    fn the_web_ticket_answer_and_its_refusals_are_read() {
        let ticket = read_web_ticket(&response(
            200,
            &[("content-type", "application/json;charset=UTF-8")],
            r#"{"access_token":"cwt=AAID.x","expires_in":3543,"token_type":"Bearer"}"#,
        ))
        .expect("ticket");
        assert_eq!(ticket.access_token.expose(), "cwt=AAID.x");
        assert_eq!(ticket.expires_in, 3543);
        let local = read_web_ticket(&response(
            200,
            &[],
            r#"{"access_token":"cwt=A","token_type":"Bearer","expires_in":"3600","ms_rtc_identityscope":"local"}"#,
        ))
        .expect("ticket");
        assert_eq!(
            (local.expires_in, local.identity_scope.as_deref()),
            (3600, Some("local"))
        );
        assert!(read_web_ticket(&response(200, &[], r#"{"access_token":"cwt=A"}"#)).is_err());

        let refused = read_web_ticket(&response(
            400,
            &[(
                "x-ms-diagnostics",
                r#"28029;source="fe.contoso.com";reason="Authentication type not allowed.""#,
            )],
            r#"{"error":"unsupported_grant_type"}"#,
        ));
        assert_eq!(
            refused,
            Err(WebTicketError::Refused(WebTicketRefused {
                error: "unsupported_grant_type".to_owned(),
                reason: Some("Authentication type not allowed.".to_owned()),
                status: 400,
            }))
        );
        let html = read_web_ticket(&response(500, &[], "<html>Server Error</html>"));
        assert!(matches!(
            html,
            Err(WebTicketError::Protocol(ProtocolError::UnexpectedStatus {
                status: 500,
                ..
            }))
        ));
    }

    /// protocol.md §3.5: the challenge, the applications link, a redirect; split domains.
    #[test]
    fn the_user_resource_leads_to_applications() {
        let user = url("https://lyncweb.contoso.com/Autodiscover/AutodiscoverService.svc/root/oauth/user");
        let challenge = response(
            401,
            &[(
                "www-authenticate",
                r#"MsRtcOAuth href="https://lyncweb.contoso.com/WebTicket/oauthtoken",grant_type="urn:microsoft.rtc:anonmeeting""#,
            )],
            "",
        );
        assert!(
            matches!(read_user(&challenge, &user), Ok(User::Challenge(service)) if service.allows_guests())
        );
        let found = response(
            200,
            &[],
            r#"{"_links":{"self":{"href":"https://lyncweb.contoso.com/Autodiscover/AutodiscoverService.svc/root/oauth/user"},"applications":{"href":"https://lyncweb.contoso.com/ucwa/oauth/v1/applications"},"xframe":{"href":"https://lyncweb.contoso.com/Autodiscover/XFrame/XFrame.html"}}}"#,
        );
        let User::Applications { applications, xframe } = read_user(&found, &user).expect("user") else {
            panic!("no applications");
        };
        assert_eq!(
            applications.as_str(),
            "https://lyncweb.contoso.com/ucwa/oauth/v1/applications"
        );
        assert!(xframe.is_some());
        let redirect = response(
            200,
            &[],
            r#"{"_links":{"redirect":{"href":"https://pool2.contoso.com/Autodiscover/AutodiscoverService.svc/root/oauth/user"}}}"#,
        );
        assert!(matches!(read_user(&redirect, &user), Ok(User::Redirect(_))));
        assert!(read_user(&response(403, &[], ""), &user).is_err());

        let issuer = url("https://lyncweb.contoso.com/WebTicket/oauthtoken");
        assert!(ticket_covers(&issuer, &applications));
        assert!(!ticket_covers(
            &issuer,
            &url("https://pool2.contoso.com/ucwa/oauth/v1/applications")
        ));
        assert!(!ticket_covers(
            &issuer,
            &url("https://lyncweb.contoso.com:4443/ucwa/oauth/v1/applications")
        ));
    }

    const ROOT: &str = r#"{"_links":{"self":{"href":"https://lyncweb.contoso.com/Autodiscover/AutodiscoverService.svc/root?originalDomain=contoso.com"},"user":{"href":"https://lyncweb.contoso.com/Autodiscover/AutodiscoverService.svc/root/oauth/user?originalDomain=contoso.com"},"xframe":{"href":"https://lyncweb.contoso.com/Autodiscover/XFrame/XFrame.html"}}}"#;

    fn challenge_from(pool: &str, grants: &str) -> HttpResponse {
        response(
            401,
            &[(
                "www-authenticate",
                &format!(r#"MsRtcOAuth href="https://{pool}/WebTicket/oauthtoken",grant_type="{grants}""#),
            )],
            "<html>401</html>",
        )
    }

    fn ticket_answer(token: &str) -> HttpResponse {
        response(
            200,
            &[],
            &format!(r#"{{"access_token":"{token}","token_type":"Bearer","expires_in":3600}}"#),
        )
    }

    fn applications_on(pool: &str) -> HttpResponse {
        response(
            200,
            &[],
            &format!(
                r#"{{"_links":{{"applications":{{"href":"https://{pool}/ucwa/oauth/v1/applications"}}}}}}"#
            ),
        )
    }

    fn sign_in() -> (SignIn, HttpRequest) {
        let roots = autodiscover_roots("contoso.com").expect("roots").to_vec();
        SignIn::start(conference(), roots, Vec::new()).expect("starts")
    }

    fn send(next: Result<Next, SignInError>) -> HttpRequest {
        match next {
            Ok(Next::Send(request)) => request,
            other => panic!("expected a request, got {other:?}"),
        }
    }

    fn bearer(request: &HttpRequest) -> Option<&str> {
        request
            .headers()
            .get("authorization")
            .and_then(|v| v.to_str().ok())
    }

    /// protocol.md §3's sequence: the internal root does not answer, the external one does;
    /// `user` challenges; the ticket; `user` again with it.
    #[test]
    fn a_guest_signs_in_through_the_documented_steps() {
        let (mut sign_in, first) = sign_in();
        assert_eq!(first.uri(), "https://lyncdiscoverinternal.contoso.com/");
        let external = send(sign_in.on_response(None));
        assert_eq!(external.uri(), "https://lyncdiscover.contoso.com/");
        let user = send(sign_in.on_response(Some(&response(200, &[], ROOT))));
        assert_eq!(user.method(), Method::GET);
        assert!(
            user.uri()
                .to_string()
                .ends_with("/root/oauth/user?originalDomain=contoso.com")
        );
        assert_eq!(bearer(&user), None);
        let ticket = send(sign_in.on_response(Some(&challenge_from("lyncweb.contoso.com", ANONYMOUS_GRANT))));
        assert_eq!(ticket.method(), Method::POST);
        assert!(String::from_utf8_lossy(ticket.body()).contains("password=G03W98W4"));
        let with_ticket = send(sign_in.on_response(Some(&ticket_answer("cwt=AAEB"))));
        assert_eq!(with_ticket.uri(), user.uri());
        assert_eq!(bearer(&with_ticket), Some("Bearer cwt=AAEB"));
        let Ok(Next::Done(signed_in)) = sign_in.on_response(Some(&applications_on("lyncweb.contoso.com")))
        else {
            panic!("not signed in");
        };
        assert_eq!(
            signed_in.applications.as_str(),
            "https://lyncweb.contoso.com/ucwa/oauth/v1/applications"
        );
        assert_eq!(signed_in.ticket.access_token.expose(), "cwt=AAEB");
        let renewal = signed_in.renewal(&conference()).expect("renewal");
        assert!(String::from_utf8_lossy(renewal.body()).contains("ms_rtc_renew=cwt%3DAAEB"));
    }

    /// §3.5: the meeting is homed on another pool, whose own challenge gives a second ticket.
    #[test]
    fn a_redirect_to_another_pool_gets_a_ticket_of_its_own() {
        let (mut sign_in, _) = sign_in();
        send(sign_in.on_response(Some(&response(200, &[], ROOT))));
        send(sign_in.on_response(Some(&challenge_from("lyncweb.contoso.com", ANONYMOUS_GRANT))));
        send(sign_in.on_response(Some(&ticket_answer("cwt=FIRST"))));
        let redirect = response(
            200,
            &[],
            r#"{"_links":{"redirect":{"href":"https://pool2.contoso.com/Autodiscover/AutodiscoverService.svc/root/oauth/user"}}}"#,
        );
        let pool2 = send(sign_in.on_response(Some(&redirect)));
        assert_eq!(pool2.uri().host(), Some("pool2.contoso.com"));
        // The redirect named no frame for the other pool; its documented place is assumed.
        assert_eq!(
            frame_for(sign_in.frames(), &url("https://pool2.contoso.com/any")).map(Url::as_str),
            Some("https://pool2.contoso.com/Autodiscover/XFrame/XFrame.html")
        );
        let second = send(sign_in.on_response(Some(&challenge_from("pool2.contoso.com", ANONYMOUS_GRANT))));
        assert_eq!(second.uri(), "https://pool2.contoso.com/WebTicket/oauthtoken");
        let again = send(sign_in.on_response(Some(&ticket_answer("cwt=SECOND"))));
        assert_eq!(bearer(&again), Some("Bearer cwt=SECOND"));
        let Ok(Next::Done(signed_in)) = sign_in.on_response(Some(&applications_on("pool2.contoso.com")))
        else {
            panic!("not signed in");
        };
        assert!(ticket_covers(&signed_in.service.href, &signed_in.applications));
    }

    /// §3.2's security check decides whether a root's redirect is followed; §5.2's refusal
    /// and a server without the guest grant end the sign-in with their own errors.
    #[test]
    fn redirects_refusals_and_circles_end_as_documented() {
        let plain_root = url("http://lyncdiscover.contoso.com/");
        let redirect_to = |target: &str| {
            response(
                200,
                &[],
                &format!(r#"{{"_links":{{"redirect":{{"href":"{target}"}}}}}}"#),
            )
        };
        let (mut sign_in, _) = SignIn::start(
            conference(),
            vec![plain_root.clone(), url("https://lyncdiscover.contoso.com/")],
            Vec::new(),
        )
        .expect("starts");
        // Over plain HTTP, a redirect out of the domain is not followed: the next root is asked.
        let next = send(sign_in.on_response(Some(&redirect_to("https://lyncdiscover.evil.example/"))));
        assert_eq!(next.uri(), "https://lyncdiscover.contoso.com/");
        let followed =
            send(sign_in.on_response(Some(&redirect_to("https://lyncdiscover.emea.contoso.com/"))));
        assert_eq!(followed.uri(), "https://lyncdiscover.emea.contoso.com/");
        let frame = |sign_in: &SignIn, at: &str| frame_for(sign_in.frames(), &url(at)).map(Url::to_string);
        // Another autodiscovery root is framed at its `/xframe`, a pool's root at the pool's frame.
        assert_eq!(
            frame(&sign_in, "https://lyncdiscover.emea.contoso.com/"),
            Some("https://lyncdiscover.emea.contoso.com/xframe".to_owned())
        );
        let pool_root = "https://lyncweb.contoso.com/Autodiscover/AutodiscoverService.svc/root";
        send(sign_in.on_response(Some(&redirect_to(pool_root))));
        assert_eq!(
            frame(&sign_in, pool_root),
            Some("https://lyncweb.contoso.com/Autodiscover/XFrame/XFrame.html".to_owned())
        );
        assert!(matches!(sign_in.on_response(None), Err(SignInError::NoServer)));

        let (mut sign_in, _) = sign_in_default();
        let refused = response(
            403,
            &[(
                "x-ms-diagnostics",
                r#"28072;source="lyncweb.contoso.com";reason="Service does not allow a cross domain request from this origin.""#,
            )],
            "",
        );
        assert!(matches!(
            sign_in.on_response(Some(&refused)),
            Err(SignInError::OriginRefused)
        ));

        let (mut sign_in, _) = sign_in_default();
        send(sign_in.on_response(Some(&response(200, &[], ROOT))));
        assert!(matches!(
            sign_in.on_response(Some(&challenge_from(
                "lyncweb.contoso.com",
                "urn:microsoft.rtc:windows,password"
            ))),
            Err(SignInError::GuestsNotAllowed)
        ));

        let (mut sign_in, _) = sign_in_default();
        send(sign_in.on_response(Some(&response(200, &[], ROOT))));
        send(sign_in.on_response(Some(&challenge_from("lyncweb.contoso.com", ANONYMOUS_GRANT))));
        let wrong_key = response(400, &[], r#"{"error":"invalid_grant"}"#);
        assert!(
            matches!(sign_in.on_response(Some(&wrong_key)), Err(SignInError::Refused(r)) if r.error == "invalid_grant")
        );

        let (mut sign_in, _) = sign_in_default();
        send(sign_in.on_response(Some(&response(200, &[], ROOT))));
        let itself = response(
            200,
            &[],
            r#"{"_links":{"redirect":{"href":"/Autodiscover/AutodiscoverService.svc/root/oauth/user"}}}"#,
        );
        let mut outcome = sign_in.on_response(Some(&itself));
        for _ in 0..MAX_SIGN_IN_STEPS {
            if outcome.is_err() {
                break;
            }
            outcome = sign_in.on_response(Some(&itself));
        }
        assert!(matches!(outcome, Err(SignInError::TooManySteps)));
    }

    fn sign_in_default() -> (SignIn, HttpRequest) {
        SignIn::start(
            conference(),
            vec![url("https://lyncdiscover.contoso.com/")],
            Vec::new(),
        )
        .expect("starts")
    }
}
