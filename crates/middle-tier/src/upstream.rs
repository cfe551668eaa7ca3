//! The middle tier's client of Azure AD and the Trusted Application API.
//!
//! Every exchange is built and read by the `protocol` crate; this module only sends.
//! - The Azure AD token is cached and refreshed before it expires, single-flight: however
//!   many guests arrive at once, one token request goes out.
//! - Discovery and the application's capability links are cached for an hour.
//! - A `307` is followed once, re-sending method, body and `Authorization`.
//! - `502`/`503`/`504` and network failures are retried twice, honouring `Retry-After`.
//! - Every request has a timeout.

use std::time::{Duration, Instant};

use protocol::aad;
use protocol::error::ErrorSubcode;
use protocol::taapi::{self, AdhocMeeting, AdhocMeetingInput, AnonApplicationTokenInput};
use protocol::{HttpRequest, HttpResponse, ProtocolError, Secret, Url, http_util};
use tokio::sync::Mutex;

use crate::config::Azure;

/// How long one upstream request may take.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(15);
/// How long discovery and capabilities stay cached.
const CAPABILITIES_TTL: Duration = Duration::from_secs(3600);
/// How many times a `503`-like answer or a network failure is retried.
const MAX_RETRIES: u32 = 2;
/// The longest `Retry-After` honoured; longer waits fail fast instead.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(5);
/// The longest an Azure AD token is trusted, whatever its `expires_in` says: a day.
const MAX_TOKEN_LIFETIME_S: u64 = 24 * 3600;

/// Why an upstream call failed. Details are for the log; guests see [`crate::error`]'s
/// sentences.
#[derive(Debug, Clone, thiserror::Error)]
pub enum UpstreamError {
    /// The service is down, slow or overloaded; trying later may work.
    #[error("upstream unavailable: {0}")]
    Unavailable(String),
    /// The meeting does not exist, or is not in this organisation.
    #[error("meeting not found: {0}")]
    MeetingNotFound(String),
    /// This service is set up wrongly (credentials, endpoint, permissions).
    #[error("misconfigured: {0}")]
    Misconfigured(String),
    /// The service refused for another reason.
    #[error("refused: {0}")]
    Rejected(String),
}

impl UpstreamError {
    fn from_protocol(error: &ProtocolError) -> Self {
        let detail = error.to_string();
        match error {
            ProtocolError::Aad { .. } => Self::Misconfigured(detail),
            ProtocolError::MissingLink { .. } => Self::Misconfigured(detail),
            ProtocolError::Decode { .. } | ProtocolError::InvalidHref { .. } => Self::Rejected(detail),
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
                (Some(status), _) if status >= 500 => Self::Unavailable(detail),
                _ => Self::Rejected(detail),
            },
        }
    }
}

#[derive(Debug)]
struct CachedToken {
    token: Secret,
    refresh_at: Instant,
}

#[derive(Clone, Debug)]
struct Capabilities {
    anon_tokens: Url,
    adhoc_meetings: Option<Url>,
    fetched: Instant,
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

/// The upstream client.
#[derive(Debug)]
pub struct Upstream {
    http: reqwest::Client,
    azure: Azure,
    token: Mutex<Option<CachedToken>>,
    capabilities: Mutex<Option<Capabilities>>,
}

impl Upstream {
    /// A client for the configured tenant and endpoint.
    ///
    /// # Errors
    /// When the HTTP client cannot be built (no TLS roots, say).
    pub fn new(azure: Azure) -> Result<Self, reqwest::Error> {
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(REQUEST_TIMEOUT)
            .user_agent(concat!("guest-join-middle-tier/", env!("CARGO_PKG_VERSION")))
            .build()?;
        Ok(Self {
            http,
            azure,
            token: Mutex::new(None),
            capabilities: Mutex::new(None),
        })
    }

    /// Sends one request: follows a `307` once, retries unavailability.
    async fn send(&self, request: &HttpRequest) -> Result<HttpResponse, UpstreamError> {
        let mut attempt = 0;
        loop {
            let outcome = self.send_once(request).await;
            let retry_after = match &outcome {
                Ok(response) if matches!(response.status().as_u16(), 502..=504) => {
                    Some(retry_after(response))
                }
                Ok(_) => None,
                Err(_) => Some(Duration::from_millis(500)),
            };
            match retry_after {
                Some(wait) if attempt < MAX_RETRIES && wait <= MAX_RETRY_AFTER => {
                    attempt += 1;
                    tracing::info!(
                        attempt,
                        wait_ms = wait.as_millis() as u64,
                        "upstream unavailable; retrying"
                    );
                    tokio::time::sleep(wait).await;
                }
                _ => return outcome,
            }
        }
    }

    async fn send_once(&self, request: &HttpRequest) -> Result<HttpResponse, UpstreamError> {
        let response = self.transmit(request).await?;
        let url = http_util::request_url(request).map_err(|e| UpstreamError::Rejected(e.to_string()))?;
        match http_util::redirect_target(&response, &url) {
            Some(target) => {
                let redirected = http_util::redirected(request, &target)
                    .map_err(|e| UpstreamError::Rejected(e.to_string()))?;
                self.transmit(&redirected).await
            }
            None => {
                if response.status().is_redirection() {
                    tracing::warn!(
                        status = response.status().as_u16(),
                        "upstream redirected off its own site or to plain http; not followed, so \
                         no credentials leave the service"
                    );
                }
                Ok(response)
            }
        }
    }

    async fn transmit(&self, request: &HttpRequest) -> Result<HttpResponse, UpstreamError> {
        let mut builder = self
            .http
            .request(request.method().clone(), request.uri().to_string());
        for (name, value) in request.headers() {
            builder = builder.header(name, value);
        }
        let started = Instant::now();
        let response = builder.body(request.body().clone()).send().await.map_err(|e| {
            UpstreamError::Unavailable(format!(
                "{} {}: {}",
                request.method(),
                request.uri().path(),
                describe(&e)
            ))
        })?;
        let status = response.status();
        let mut out = http::Response::builder().status(status);
        for (name, value) in response.headers() {
            out = out.header(name, value);
        }
        let body = response
            .bytes()
            .await
            .map_err(|e| UpstreamError::Unavailable(describe(&e)))?;
        tracing::debug!(method = %request.method(), path = request.uri().path(), status = status.as_u16(), elapsed_ms = started.elapsed().as_millis() as u64, "upstream");
        out.body(body.to_vec())
            .map_err(|e| UpstreamError::Rejected(e.to_string()))
    }

    /// The Azure AD token, fetched at most once at a time and refreshed early.
    ///
    /// # Errors
    /// [`UpstreamError`].
    pub async fn aad_token(&self) -> Result<Secret, UpstreamError> {
        let mut cached = self.token.lock().await;
        if let Some(token) = cached.as_ref().filter(|t| Instant::now() < t.refresh_at) {
            return Ok(token.token.clone());
        }
        let request = aad::token_request(&self.azure.login_url, &self.azure.credentials())
            .map_err(|e| UpstreamError::Misconfigured(e.to_string()))?;
        let response = self.send(&request).await?;
        let token = aad::parse_token_response(&response).map_err(|e| {
            if e.status().is_some_and(|s| s >= 500) {
                UpstreamError::Unavailable(e.to_string())
            } else {
                UpstreamError::Misconfigured(e.to_string())
            }
        })?;
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
        *cached = Some(CachedToken {
            token: token.access_token.clone(),
            refresh_at: Instant::now() + lifetime - margin,
        });
        Ok(token.access_token)
    }

    async fn forget_token(&self) {
        *self.token.lock().await = None;
    }

    async fn forget_capabilities(&self) {
        *self.capabilities.lock().await = None;
    }

    async fn capabilities(&self) -> Result<Capabilities, UpstreamError> {
        let mut cached = self.capabilities.lock().await;
        if let Some(capabilities) = cached.as_ref().filter(|c| c.fetched.elapsed() < CAPABILITIES_TTL) {
            return Ok(capabilities.clone());
        }
        let token = self.aad_token().await?;
        let fail = |e: ProtocolError| UpstreamError::from_protocol(&e);
        let discover_url = &self.azure.discover_url;
        let discover = taapi::parse_discover(
            &self
                .send(&taapi::discover_request(discover_url, &token).map_err(fail)?)
                .await?,
        )
        .map_err(fail)?;
        let applications_url = discover.applications(discover_url).map_err(fail)?;
        let request =
            taapi::applications_request(&applications_url, &self.azure.endpoint, &token).map_err(fail)?;
        let applications = taapi::parse_applications(&self.send(&request).await?).map_err(fail)?;
        let application_url = applications
            .application(&http_util::request_url(&request).map_err(fail)?)
            .map_err(fail)?;
        let application = taapi::parse_application(
            &self
                .send(&taapi::application_request(&application_url, &token).map_err(fail)?)
                .await?,
        )
        .map_err(fail)?;
        let capabilities = Capabilities {
            anon_tokens: application
                .anon_application_tokens(&application_url)
                .map_err(fail)?,
            adhoc_meetings: application.adhoc_meetings(&application_url).ok(),
            fetched: Instant::now(),
        };
        *cached = Some(capabilities.clone());
        Ok(capabilities)
    }

    /// Mints a guest token for `meeting_url`, usable from `origin`.
    ///
    /// # Errors
    /// [`UpstreamError`].
    pub async fn guest_token(
        &self,
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
        let mut retried = false;
        loop {
            let capabilities = self.capabilities().await?;
            let token = self.aad_token().await?;
            let request = taapi::anon_token_request(&capabilities.anon_tokens, &token, &input)
                .map_err(|e| UpstreamError::Rejected(e.to_string()))?;
            let response = self.send(&request).await?;
            match taapi::parse_anon_token(&response) {
                Ok(minted) => {
                    let discover_url = minted
                        .discover(&capabilities.anon_tokens)
                        .map_err(|e| UpstreamError::Rejected(e.to_string()))?;
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
                    self.forget_token().await;
                    self.forget_capabilities().await;
                }
                Err(error) => return Err(UpstreamError::from_protocol(&error)),
            }
        }
    }

    /// Creates an ad-hoc meeting.
    ///
    /// # Errors
    /// [`UpstreamError`]; `Misconfigured` when the app may not create meetings.
    pub async fn create_meeting(&self, input: &AdhocMeetingInput) -> Result<AdhocMeeting, UpstreamError> {
        let capabilities = self.capabilities().await?;
        let url = capabilities.adhoc_meetings.ok_or_else(|| {
            UpstreamError::Misconfigured(
                "the app lacks the \"Create on-demand Skype meetings\" permission".to_owned(),
            )
        })?;
        let token = self.aad_token().await?;
        let request = taapi::adhoc_meeting_request(&url, &token, input)
            .map_err(|e| UpstreamError::Rejected(e.to_string()))?;
        taapi::parse_adhoc_meeting(&self.send(&request).await?).map_err(|e| UpstreamError::from_protocol(&e))
    }

    /// Whether the upstream can be used: a token and the capabilities are at hand.
    ///
    /// # Errors
    /// [`UpstreamError`].
    pub async fn ready(&self) -> Result<(), UpstreamError> {
        self.capabilities().await.map(drop)
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

/// `Retry-After` in seconds, or one second.
fn retry_after(response: &HttpResponse) -> Duration {
    response
        .headers()
        .get(http::header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok())
        .map_or(Duration::from_secs(1), Duration::from_secs)
}

/// A reqwest error in words, without the URL (which may carry a token).
fn describe(error: &reqwest::Error) -> String {
    let kind = if error.is_timeout() {
        "timed out"
    } else if error.is_connect() {
        "could not connect"
    } else if error.is_body() || error.is_decode() {
        "the response body failed"
    } else {
        "the request failed"
    };
    kind.to_owned()
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
        assert!(matches!(down, UpstreamError::Unavailable(_)), "{down:?}");
    }
}
