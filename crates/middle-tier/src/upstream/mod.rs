//! The middle tier's client of Azure AD and the Trusted Application API.
//!
//! Every exchange is built and read by the `protocol` crate; this module only sends, and
//! decides how long a guest waits:
//! - Each operation (a guest token, a meeting) has one deadline, well inside the 20 s the
//!   app waits; retries, redirects and the shared fetches below all fit in it.
//! - The Azure AD token is cached and refreshed before it expires; discovery and the
//!   application's capability links are cached for an hour. Each is fetched by one task
//!   at a time, shared by everyone who asks meanwhile (`shared_fetch.rs`), and no
//!   lock is held while anything is on the network.
//! - A failure is remembered for a few seconds (`outage.rs`): a queue of guests is told at
//!   once, with `Retry-After`, instead of each repeating the failing chain.
//! - Requests are sent by `transport.rs`: one same-site `307` followed, `502`–`504`
//!   retried with jitter while no one else is failing, the request id sent along.

mod outage;
mod transport;

use std::sync::Arc;
use std::time::{Duration, Instant};

use futures_util::future::BoxFuture;
use protocol::aad;
use protocol::error::ErrorSubcode;
use protocol::guest_api::{UpstreamFailure, UpstreamStep};
use protocol::taapi::{self, AdhocMeeting, AdhocMeetingInput, AnonApplicationTokenInput};
use protocol::{HttpResponse, ProtocolError, Secret, ServiceError, Url, http_util};
use tracing::Instrument;

pub use self::outage::UpstreamHealth;
use self::outage::{Outage, Ticket};
use self::transport::{Call, Transport};
use crate::config::{Azure, UpstreamPolicy};
use crate::metrics::{CacheLabels, Metrics};
use crate::shared_fetch::{Fetched, SharedFetch, Source, spawned};

/// How long discovery and capabilities stay cached.
const CAPABILITIES_TTL: Duration = Duration::from_secs(3600);
/// The longest an Azure AD token is trusted, whatever its `expires_in` says: a day.
const MAX_TOKEN_LIFETIME_S: u64 = 24 * 3600;

/// A request of the upstream chain, for logs and metrics.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Step {
    /// Azure AD's token endpoint.
    AadToken,
    /// The Trusted Application API's discover document.
    Discover,
    /// `applications?endpointId=`.
    Applications,
    /// The application resource and its capability links.
    Application,
    /// `anonApplicationTokens`: a guest token.
    AnonToken,
    /// `adhocMeetings`: a new meeting.
    AdhocMeeting,
}

impl Step {
    /// The call, as the middle tier's error document names it.
    fn public(self) -> UpstreamStep {
        match self {
            Self::AadToken => UpstreamStep::AadToken,
            Self::Discover => UpstreamStep::Discover,
            Self::Applications => UpstreamStep::Applications,
            Self::Application => UpstreamStep::Application,
            Self::AnonToken => UpstreamStep::AnonApplicationTokens,
            Self::AdhocMeeting => UpstreamStep::AdhocMeeting,
        }
    }

    /// Its name in logs and metrics.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::AadToken => "aad_token",
            Self::Discover => "discover",
            Self::Applications => "applications",
            Self::Application => "application",
            Self::AnonToken => "anon_token",
            Self::AdhocMeeting => "adhoc_meeting",
        }
    }
}

/// Why an upstream call failed. Details are for the log; guests see [`crate::error`]'s
/// sentences.
#[derive(Debug, Clone, thiserror::Error)]
pub enum UpstreamError {
    /// The service is down, slow or overloaded; trying later may work.
    #[error("upstream unavailable: {detail}")]
    Unavailable {
        /// What happened, for the log.
        detail: String,
        /// How long the upstream asked callers to wait, or the failure is remembered.
        retry_after: Option<Duration>,
    },
    /// The service answered in a way that cannot be used: a body that is not the document
    /// expected, or a redirect that is not followed.
    #[error("upstream answer unusable: {0}")]
    Unusable(String),
    /// The meeting does not exist, or is not in this organisation.
    #[error("meeting not found: {0}")]
    MeetingNotFound(String),
    /// This service is set up wrongly (credentials, endpoint, permissions).
    #[error("misconfigured: {0}")]
    Misconfigured(String),
    /// The service refused for another reason.
    #[error("refused: {0}")]
    Rejected(String),
    /// A failure, with where it happened: for staff diagnosing a link.
    #[error("{cause}")]
    At {
        /// Which call, which host, what it answered.
        place: Box<UpstreamFailure>,
        /// The failure.
        cause: Box<UpstreamError>,
    },
    /// A failure of a moment ago, remembered; the upstream was not asked this time.
    #[error("{cause} (remembered; the upstream was not asked again)")]
    Remembered {
        /// The failure remembered.
        cause: Box<UpstreamError>,
        /// How long the memory lasts.
        retry_after: Duration,
    },
}

impl UpstreamError {
    /// This failure, noted as `step`'s at `host`, which answered `answer` (if it did).
    pub(super) fn at(self, step: Step, host: &str, answer: Option<&HttpResponse>) -> Self {
        if matches!(self, Self::At { .. }) {
            return self;
        }
        let document = answer.and_then(|a| serde_json::from_slice::<ServiceError>(a.body()).ok());
        let aad = answer.and_then(|a| serde_json::from_slice::<aad::AadError>(a.body()).ok());
        let place = UpstreamFailure {
            step: step.public(),
            host: host.to_owned(),
            status: answer.map(|a| a.status().as_u16()),
            code: document
                .as_ref()
                .map(|d| d.code.as_str().to_owned())
                .or_else(|| aad.map(|a| a.error)),
            subcode: document.and_then(|d| d.subcode).map(|s| s.as_str().to_owned()),
        };
        Self::At {
            place: Box::new(place),
            cause: Box::new(self),
        }
    }

    /// What kind of failure this is, without where it happened.
    pub fn kind(&self) -> &Self {
        match self {
            Self::At { cause, .. } => cause.kind(),
            other => other,
        }
    }

    /// Where it happened, when known (a remembered failure keeps its place).
    pub fn place(&self) -> Option<&UpstreamFailure> {
        match self {
            Self::At { place, .. } => Some(place),
            Self::Remembered { cause, .. } => cause.place(),
            _ => None,
        }
    }

    fn from_protocol(error: &ProtocolError) -> Self {
        let detail = error.to_string();
        match error {
            ProtocolError::Aad { .. } => Self::Misconfigured(detail),
            ProtocolError::MissingLink { .. } => Self::Misconfigured(detail),
            ProtocolError::Decode { .. } | ProtocolError::InvalidHref { .. } => Self::Unusable(detail),
            // A meeting URL the service does not know, or whose meeting is over, is refused
            // in a shape the documents leave open (§8 item 6): `400 ParameterValidationFailure`
            // naming `meetingUrl`, `403`, or `404 DestinationNotFound`. Each means the same to
            // a guest: this link leads to no meeting that is on now.
            _ if error.status() == Some(400)
                && error
                    .service_error()
                    .is_some_and(|e| e.names_parameter("meetingUrl")) =>
            {
                Self::MeetingNotFound(detail)
            }
            _ => match (
                error.status(),
                error.service_error().and_then(|e| e.subcode.clone()),
            ) {
                (Some(404), Some(ErrorSubcode::DestinationNotFound)) => Self::MeetingNotFound(detail),
                (Some(403), Some(ErrorSubcode::ApplicationNotFound)) | (Some(401), _) => {
                    Self::Misconfigured(detail)
                }
                (Some(403), _) => Self::MeetingNotFound(detail),
                (Some(status), _) if status >= 500 => Self::Unavailable {
                    detail,
                    retry_after: None,
                },
                (Some(status), _) if (300..400).contains(&status) => Self::Unusable(detail),
                _ => Self::Rejected(detail),
            },
        }
    }

    /// Whether this failure is the upstream's, not the request's: it will fail the next
    /// guest too, so it is remembered.
    pub fn is_outage(&self) -> bool {
        match self {
            Self::Unavailable { .. } | Self::Unusable(_) | Self::Misconfigured(_) => true,
            Self::Remembered { cause, .. } | Self::At { cause, .. } => cause.is_outage(),
            Self::MeetingNotFound(_) | Self::Rejected(_) => false,
        }
    }

    /// How long callers should wait before trying again, when known.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            Self::Unavailable { retry_after, .. } => *retry_after,
            Self::Remembered { retry_after, .. } => Some(*retry_after),
            Self::At { cause, .. } => cause.retry_after(),
            _ => None,
        }
    }

    /// A shared fetch that ended without an outcome.
    fn stopped() -> Self {
        Self::Unavailable {
            detail: "the fetch stopped before it finished".to_owned(),
            retry_after: None,
        }
    }

    /// This failure, remembered for `retry_after` more.
    fn remembered(&self, retry_after: Duration) -> Self {
        let cause = match self {
            Self::Remembered { cause, .. } => cause.clone(),
            other => Box::new(other.clone()),
        };
        Self::Remembered { cause, retry_after }
    }

    /// A few words for `/readyz` and metrics.
    pub fn summary(&self) -> &'static str {
        match self {
            Self::Unavailable { .. } => "unavailable",
            Self::Unusable(_) => "unusable answer",
            Self::MeetingNotFound(_) => "meeting not found",
            Self::Misconfigured(_) => "misconfigured",
            Self::Rejected(_) => "refused",
            Self::Remembered { cause, .. } | Self::At { cause, .. } => cause.summary(),
        }
    }
}

#[derive(Clone, Debug)]
struct Capabilities {
    anon_tokens: Url,
    adhoc_meetings: Option<Url>,
}

/// A minted guest token.
#[derive(Debug, Clone)]
pub struct MintedToken {
    /// `psat=…`.
    pub token: Secret,
    /// When it expires.
    pub expires_at: protocol::date::WireDate,
    /// The discover URL to hand the guest.
    pub discover_url: Url,
}

/// What `/readyz` reports: what is cached and what the failure memory says, found
/// without asking the upstream anything.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Readiness {
    /// Whether the application's capabilities are known.
    pub capabilities_known: bool,
    /// Whether an Azure AD token is at hand and not due for refresh.
    pub token_fresh: bool,
    /// Whether the capabilities are being fetched now.
    pub fetching: bool,
    /// The failure memory.
    pub health: UpstreamHealth,
}

impl Readiness {
    /// Ready for guests: the capabilities are known and no failure is remembered.
    pub fn is_ready(&self) -> bool {
        self.capabilities_known && self.health == UpstreamHealth::Working
    }
}

#[derive(Debug)]
struct Inner {
    transport: Transport,
    metrics: Arc<Metrics>,
    azure: Azure,
    policy: UpstreamPolicy,
    token: SharedFetch<Secret, UpstreamError>,
    capabilities: SharedFetch<Capabilities, UpstreamError>,
    outage: Outage,
}

/// The upstream client; clones share caches and failure memory.
#[derive(Clone, Debug)]
pub struct Upstream {
    inner: Arc<Inner>,
}

impl Upstream {
    /// A client for the configured tenant and endpoint.
    ///
    /// # Errors
    /// When the HTTP client cannot be built (no TLS roots, say).
    pub fn new(azure: Azure, policy: UpstreamPolicy, metrics: Arc<Metrics>) -> Result<Self, reqwest::Error> {
        Ok(Self {
            inner: Arc::new(Inner {
                transport: Transport::new(Arc::clone(&metrics))?,
                metrics,
                azure,
                policy,
                token: SharedFetch::new(),
                capabilities: SharedFetch::new(),
                outage: Outage::new(policy.failure_memory),
            }),
        })
    }

    /// Runs `work` as one operation: refused at once while a failure is remembered, given
    /// one deadline, and its outcome remembered.
    async fn operation<T>(
        &self,
        work: impl AsyncFnOnce(Instant, &mut Ticket) -> Result<T, UpstreamError>,
    ) -> Result<T, UpstreamError> {
        let mut admission = self.inner.outage.admit().inspect_err(|_| {
            self.inner.metrics.remembered_failures.inc();
        })?;
        let deadline = Instant::now() + self.inner.policy.deadline;
        let outcome = tokio::time::timeout_at(deadline.into(), work(deadline, &mut admission.ticket))
            .await
            .unwrap_or_else(|_| {
                Err(UpstreamError::Unavailable {
                    detail: format!(
                        "no answer within the {} s deadline",
                        self.inner.policy.deadline.as_secs()
                    ),
                    retry_after: None,
                })
            });
        admission.finish(&outcome);
        // A guest is told to wait as long as the failure is remembered.
        outcome.map_err(|error| match error {
            UpstreamError::Unavailable {
                detail,
                retry_after: None,
            } => UpstreamError::Unavailable {
                detail,
                retry_after: Some(self.inner.policy.failure_memory.max(Duration::from_secs(1))),
            },
            other => other,
        })
    }

    /// Mints a guest token for `meeting_url`, usable from `origin`.
    ///
    /// # Errors
    /// [`UpstreamError`].
    pub async fn guest_token(
        &self,
        request_id: &str,
        session: &str,
        origin: &str,
        meeting_url: &str,
    ) -> Result<MintedToken, UpstreamError> {
        let input = AnonApplicationTokenInput {
            application_session_id: session.to_owned(),
            allowed_origins: origin.to_owned(),
            meeting_url: Some(meeting_url.to_owned()),
            other: serde_json::Map::new(),
        };
        self.operation(async |deadline, ticket| {
            let mut retried = false;
            loop {
                let capabilities = self.inner.capabilities(request_id).await?;
                let token = self.inner.aad_token(request_id).await?;
                let request = taapi::anon_token_request(&capabilities.anon_tokens, &token, &input)
                    .map_err(|e| UpstreamError::Rejected(e.to_string()))?;
                let call = Call {
                    step: Step::AnonToken,
                    deadline,
                    request_id,
                };
                let response = self
                    .inner
                    .transport
                    .send(call, &request, &self.inner.outage, ticket)
                    .await?;
                match taapi::parse_anon_token(&response) {
                    Ok(minted) => {
                        let discover_url = minted
                            .discover(&capabilities.anon_tokens)
                            .map_err(|e| UpstreamError::Unusable(e.to_string()))?;
                        return Ok(MintedToken {
                            token: minted.token,
                            expires_at: minted.expiry_time,
                            discover_url,
                        });
                    }
                    // A revoked token or a moved application: start over once with fresh ones.
                    Err(error) if !retried && is_stale(&error) => {
                        tracing::info!(%error, "refreshing the Azure AD token and capabilities");
                        retried = true;
                        self.inner.token.forget();
                        self.inner.capabilities.forget();
                    }
                    Err(error) => return self.inner.read(Step::AnonToken, Err(error)),
                }
            }
        })
        .await
    }

    /// Creates an ad-hoc meeting.
    ///
    /// # Errors
    /// [`UpstreamError`]; `Misconfigured` when the app may not create meetings.
    pub async fn create_meeting(
        &self,
        request_id: &str,
        input: &AdhocMeetingInput,
    ) -> Result<AdhocMeeting, UpstreamError> {
        self.operation(async |deadline, ticket| {
            let capabilities = self.inner.capabilities(request_id).await?;
            let url = capabilities.adhoc_meetings.ok_or_else(|| {
                UpstreamError::Misconfigured(
                    "the app lacks the \"Create on-demand Skype meetings\" permission".to_owned(),
                )
            })?;
            let token = self.inner.aad_token(request_id).await?;
            let request = taapi::adhoc_meeting_request(&url, &token, input)
                .map_err(|e| UpstreamError::Rejected(e.to_string()))?;
            let call = Call {
                step: Step::AdhocMeeting,
                deadline,
                request_id,
            };
            let response = self
                .inner
                .transport
                .send(call, &request, &self.inner.outage, ticket)
                .await?;
            self.inner
                .read(Step::AdhocMeeting, taapi::parse_adhoc_meeting(&response))
        })
        .await
    }

    /// What is cached and remembered; asks the upstream nothing.
    pub fn readiness(&self) -> Readiness {
        Readiness {
            capabilities_known: self.inner.capabilities.is_known(),
            token_fresh: self.inner.token.fresh().is_some(),
            fetching: self.inner.capabilities.is_fetching(),
            health: self.inner.outage.state(),
        }
    }

    /// Fetches the Azure AD token and the capabilities in the background, unless they are
    /// known, being fetched, or a failure is remembered: so a new instance becomes ready
    /// before its first guest, and a readiness probe never starts more than one fetch.
    pub fn warm_up(&self, request_id: &str) {
        let readiness = self.readiness();
        if readiness.capabilities_known || readiness.fetching || readiness.health != UpstreamHealth::Working {
            return;
        }
        let upstream = self.clone();
        let request_id = request_id.to_owned();
        tokio::spawn(
            async move {
                let warmed = upstream
                    .operation(async |_, _| upstream.inner.capabilities(&request_id).await.map(drop))
                    .await;
                if let Err(error) = warmed {
                    tracing::debug!(%error, "warming up failed");
                }
            }
            .in_current_span(),
        );
    }
}

impl Inner {
    /// A parsed answer of `step`; a failure is counted, and noted with where it happened.
    fn read<T>(&self, step: Step, parsed: Result<T, ProtocolError>) -> Result<T, UpstreamError> {
        parsed.map_err(|problem| {
            let error = UpstreamError::from_protocol(&problem);
            self.transport.count_failure(step, &error);
            let host = match step {
                Step::AadToken => &self.azure.login_url,
                _ => &self.azure.discover_url,
            };
            let place = UpstreamFailure {
                step: step.public(),
                host: host.host_str().unwrap_or_default().to_owned(),
                status: problem.status(),
                code: match &problem {
                    ProtocolError::Aad { error, .. } => Some(error.error.clone()),
                    other => other.service_error().map(|e| e.code.as_str().to_owned()),
                },
                subcode: problem
                    .service_error()
                    .and_then(|e| e.subcode.as_ref())
                    .map(|s| s.as_str().to_owned()),
            };
            UpstreamError::At {
                place: Box::new(place),
                cause: Box::new(error),
            }
        })
    }

    fn count_lookup(&self, cache: &'static str, source: Source) {
        let outcome = match source {
            Source::Cached => "hit",
            Source::Fetched => "refresh",
            Source::Joined => "shared",
        };
        self.metrics
            .cache
            .get_or_create(&CacheLabels { cache, outcome })
            .inc();
    }

    /// A value shared by every guest (in `cache`): cached, else from the fetch under way,
    /// else fetched by `fetch` as a task of its own, so a guest who gives up does not
    /// cancel it for the others. The lookup is counted under `name`.
    async fn shared<T, F>(
        self: &Arc<Self>,
        name: &'static str,
        cache: fn(&Self) -> &SharedFetch<T, UpstreamError>,
        request_id: &str,
        fetch: fn(Arc<Self>, String) -> F,
    ) -> Result<T, UpstreamError>
    where
        T: Clone + Send + Sync + 'static,
        F: Future<Output = Fetched<T, UpstreamError>> + Send + 'static,
    {
        let start = || -> BoxFuture<'static, Fetched<T, UpstreamError>> {
            let fetching = fetch(Arc::clone(self), request_id.to_owned());
            spawned(fetching.in_current_span(), UpstreamError::stopped())
        };
        let (value, source) = cache(self).get(start).await?;
        self.count_lookup(name, source);
        Ok(value)
    }

    /// The Azure AD token.
    async fn aad_token(self: &Arc<Self>, request_id: &str) -> Result<Secret, UpstreamError> {
        self.shared(
            "aad_token",
            |inner| &inner.token,
            request_id,
            |inner, id| async move { inner.fetch_aad_token(&id).await },
        )
        .await
    }

    async fn fetch_aad_token(&self, request_id: &str) -> Fetched<Secret, UpstreamError> {
        let call = Call {
            step: Step::AadToken,
            deadline: Instant::now() + self.policy.deadline,
            request_id,
        };
        let request = aad::token_request(&self.azure.login_url, &self.azure.credentials())
            .map_err(|e| UpstreamError::Misconfigured(e.to_string()))?;
        let response = self
            .transport
            .send(call, &request, &self.outage, &mut self.outage.ticket())
            .await?;
        let token = self.read(Step::AadToken, aad::parse_token_response(&response))?;
        // Azure AD grants an hour or so; the cap keeps a nonsense `expires_in` from
        // overflowing the clock arithmetic below.
        let lifetime = Duration::from_secs(
            u64::try_from(token.expires_in.value)
                .unwrap_or(0)
                .clamp(1, MAX_TOKEN_LIFETIME_S),
        );
        // Refresh with a fifth of the lifetime (at most five minutes) to spare.
        let margin = (lifetime / 5).min(Duration::from_secs(300));
        tracing::info!(lifetime_s = lifetime.as_secs(), "got an Azure AD token");
        Ok((token.access_token, Instant::now() + lifetime - margin))
    }

    /// The application's capability links.
    async fn capabilities(self: &Arc<Self>, request_id: &str) -> Result<Capabilities, UpstreamError> {
        self.shared(
            "capabilities",
            |inner| &inner.capabilities,
            request_id,
            |inner, id| async move { inner.fetch_capabilities(&id).await },
        )
        .await
    }

    async fn fetch_capabilities(self: &Arc<Self>, request_id: &str) -> Fetched<Capabilities, UpstreamError> {
        let deadline = Instant::now() + self.policy.deadline;
        let mut ticket = self.outage.ticket();
        let token = self.aad_token(request_id).await?;
        let fail = |e: ProtocolError| UpstreamError::from_protocol(&e);
        let call = |step| Call {
            step,
            deadline,
            request_id,
        };
        let discover_url = &self.azure.discover_url;
        let request = taapi::discover_request(discover_url, &token).map_err(fail)?;
        let response = self
            .transport
            .send(call(Step::Discover), &request, &self.outage, &mut ticket)
            .await?;
        let discover = self.read(Step::Discover, taapi::parse_discover(&response))?;
        let applications_url = self.read(Step::Discover, discover.applications(discover_url))?;
        let request =
            taapi::applications_request(&applications_url, &self.azure.endpoint, &token).map_err(fail)?;
        let response = self
            .transport
            .send(call(Step::Applications), &request, &self.outage, &mut ticket)
            .await?;
        let applications = self.read(Step::Applications, taapi::parse_applications(&response))?;
        let application_url = self.read(
            Step::Applications,
            applications.application(&http_util::request_url(&request).map_err(fail)?),
        )?;
        let request = taapi::application_request(&application_url, &token).map_err(fail)?;
        let response = self
            .transport
            .send(call(Step::Application), &request, &self.outage, &mut ticket)
            .await?;
        let application = self.read(Step::Application, taapi::parse_application(&response))?;
        let capabilities = Capabilities {
            anon_tokens: self.read(
                Step::Application,
                application.anon_application_tokens(&application_url),
            )?,
            adhoc_meetings: application.adhoc_meetings(&application_url).ok(),
        };
        Ok((capabilities, Instant::now() + CAPABILITIES_TTL))
    }
}

/// A `401` means the Azure AD token went stale; `403 ApplicationNotFound` may mean the
/// cached application link did.
fn is_stale(error: &ProtocolError) -> bool {
    match error.status() {
        Some(401) => true,
        Some(403) => error
            .service_error()
            .is_some_and(|e| e.is(&ErrorSubcode::ApplicationNotFound)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refusal(status: u16, body: &str) -> UpstreamError {
        let response = http::Response::builder()
            .status(status)
            .header("content-type", "application/json; charset=utf-8")
            .body(body.as_bytes().to_vec())
            .expect("a response");
        let error = taapi::parse_anon_token(&response).expect_err("a refusal");
        UpstreamError::from_protocol(&error)
    }

    #[test]
    fn every_documented_refusal_of_a_meeting_url_means_no_meeting_on_now() {
        for (status, body) in [
            (
                400,
                r#"{"code":"BadRequest","subcode":"ParameterValidationFailure","parameters":{"meetingUrl":"Invalid"}}"#,
            ),
            (
                400,
                r#"{"code":"BadRequest","subcode":"ParameterValidationFailure","parameters":[{"name":"meetingUrl","reason":"Invalid"}]}"#,
            ),
            (
                403,
                r#"{"code":"Forbidden","message":"The meeting is not in this tenant."}"#,
            ),
            (404, r#"{"code":"NotFound","subcode":"DestinationNotFound"}"#),
        ] {
            assert!(
                matches!(refusal(status, body), UpstreamError::MeetingNotFound(_)),
                "{status} {body}"
            );
        }
    }

    #[test]
    fn other_refusals_keep_their_meaning() {
        let other_parameter = refusal(
            400,
            r#"{"code":"BadRequest","subcode":"ParameterValidationFailure","parameters":{"allowedOrigins":"Invalid"}}"#,
        );
        assert!(
            matches!(other_parameter, UpstreamError::Rejected(_)),
            "{other_parameter:?}"
        );
        let endpoint = refusal(403, r#"{"code":"Forbidden","subcode":"ApplicationNotFound"}"#);
        assert!(
            matches!(endpoint, UpstreamError::Misconfigured(_)),
            "{endpoint:?}"
        );
        let down = refusal(503, r#"{"code":"ServiceUnavailable"}"#);
        assert!(matches!(down, UpstreamError::Unavailable { .. }), "{down:?}");
        let garbled = refusal(201, "{\"token\": ");
        assert!(matches!(garbled, UpstreamError::Unusable(_)), "{garbled:?}");
    }

    #[test]
    fn outages_are_remembered_and_refusals_are_not() {
        assert!(refusal(503, "{}").is_outage());
        assert!(refusal(201, "not json").is_outage());
        assert!(!refusal(404, r#"{"code":"NotFound","subcode":"DestinationNotFound"}"#).is_outage());
        let remembered = refusal(503, "{}").remembered(Duration::from_secs(3));
        assert_eq!(remembered.retry_after(), Some(Duration::from_secs(3)));
        assert_eq!(
            remembered.remembered(Duration::from_secs(1)).summary(),
            "unavailable",
            "a remembered failure is remembered once, not nested"
        );
    }
}
