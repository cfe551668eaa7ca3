//! Sending one upstream request:
//! - within the operation's deadline: each attempt gets what time is left, at most
//!   [`ATTEMPT_TIMEOUT`];
//! - a `307` to the same site is followed once, re-sending method, body and
//!   `Authorization`; any other redirect is refused, so no credentials leave the service;
//! - `502`–`504` and no answer at all are retried twice, after the upstream's
//!   `Retry-After` (up to [`MAX_RETRY_AFTER`]) or a jittered backoff, and only while this
//!   request is alone in seeing failures ([`Outage::alone`]);
//! - the request id goes upstream as `client-request-id`, so both sides' logs meet.

use std::sync::Arc;
use std::time::{Duration, Instant};

use protocol::{HttpRequest, HttpResponse, http_util};
use rand::Rng;

use super::outage::{Outage, Ticket};
use super::{Step, UpstreamError};
use crate::metrics::{Metrics, StepErrorLabels, StepLabels};

/// The longest one attempt may take, whatever the deadline leaves.
const ATTEMPT_TIMEOUT: Duration = Duration::from_secs(10);
/// How many times a failed attempt is retried.
const MAX_RETRIES: u32 = 2;
/// The longest `Retry-After` waited for; a longer one fails at once, so a guest does not
/// wait, and the failure is remembered for as long as it asks.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(5);
/// The first backoff without `Retry-After`; it doubles with each retry.
const BACKOFF: Duration = Duration::from_millis(200);
/// The header Azure AD and the Trusted Application API log a caller's request id under.
const CLIENT_REQUEST_ID: &str = "client-request-id";

/// One request of an operation.
#[derive(Clone, Copy, Debug)]
pub(super) struct Call<'a> {
    pub(super) step: Step,
    pub(super) deadline: Instant,
    pub(super) request_id: &'a str,
}

/// The HTTP client upstream.
#[derive(Debug)]
pub(super) struct Transport {
    http: reqwest::Client,
    metrics: Arc<Metrics>,
}

impl Transport {
    /// A client that follows no redirects by itself.
    ///
    /// # Errors
    /// When the client cannot be built (no TLS roots, say).
    pub(super) fn new(metrics: Arc<Metrics>) -> Result<Self, reqwest::Error> {
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("guest-join-middle-tier/", env!("CARGO_PKG_VERSION")))
            .build()?;
        Ok(Self { http, metrics })
    }

    /// Sends `request`, retrying as the module says. A `5xx` answer is an error here.
    ///
    /// # Errors
    /// [`UpstreamError::Unavailable`] for a `5xx` or no answer in time,
    /// [`UpstreamError::Unusable`] for a redirect that is not followed.
    pub(super) async fn send(
        &self,
        call: Call<'_>,
        request: &HttpRequest,
        outage: &Outage,
        ticket: &mut Ticket,
    ) -> Result<HttpResponse, UpstreamError> {
        let host = request.uri().host().unwrap_or_default().to_owned();
        let mut retries = 0;
        loop {
            let outcome = self.send_following(call, request).await;
            // `500` and `501` say the request itself cannot work; the others may pass.
            let (failure, retryable, answer) = match outcome {
                Ok(response) if response.status().is_server_error() => {
                    let retryable = matches!(response.status().as_u16(), 502..=504);
                    (
                        unavailable_answer(call.step, &response),
                        retryable,
                        Some(response),
                    )
                }
                Ok(response) => return Ok(response),
                Err(error @ UpstreamError::Unavailable { .. }) => (error, true, None),
                Err(error) => {
                    self.count_failure(call.step, &error);
                    return Err(error.at(call.step, &host, None));
                }
            };
            self.count_failure(call.step, &failure);
            outage.attempt_failed(ticket, &failure);
            let wait = failure.retry_after().unwrap_or_else(|| backoff(retries));
            let give_up = !retryable
                || retries >= MAX_RETRIES
                || wait > MAX_RETRY_AFTER
                || Instant::now() + wait >= call.deadline
                || !outage.alone(ticket);
            tracing::warn!(
                step = call.step.as_str(),
                attempt = retries + 1,
                error = %failure,
                retrying_in_ms = (!give_up).then_some(wait.as_millis() as u64),
                "upstream failed"
            );
            if give_up {
                return Err(failure.at(call.step, &host, answer.as_ref()));
            }
            retries += 1;
            tokio::time::sleep(wait).await;
        }
    }

    /// Counts a failure of `step`.
    pub(super) fn count_failure(&self, step: Step, error: &UpstreamError) {
        self.metrics
            .upstream_errors
            .get_or_create(&StepErrorLabels {
                step: step.as_str(),
                kind: error.summary(),
            })
            .inc();
    }

    /// One attempt: follows a same-site `307` once, refuses any other redirect.
    async fn send_following(
        &self,
        call: Call<'_>,
        request: &HttpRequest,
    ) -> Result<HttpResponse, UpstreamError> {
        let response = self.transmit(call, request).await?;
        if !response.status().is_redirection() {
            return Ok(response);
        }
        let url = http_util::request_url(request).map_err(|e| UpstreamError::Rejected(e.to_string()))?;
        let Some(target) = http_util::redirect_target(&response, &url) else {
            return Err(UpstreamError::Unusable(format!(
                "{}: redirected ({}) off its own site or to plain http; not followed, so no \
                 credentials leave the service",
                call.step.as_str(),
                response.status().as_u16()
            )));
        };
        let redirected =
            http_util::redirected(request, &target).map_err(|e| UpstreamError::Rejected(e.to_string()))?;
        let response = self.transmit(call, &redirected).await?;
        if response.status().is_redirection() {
            return Err(UpstreamError::Unusable(format!(
                "{}: redirected again ({}); one redirect is followed, never a loop",
                call.step.as_str(),
                response.status().as_u16()
            )));
        }
        Ok(response)
    }

    async fn transmit(&self, call: Call<'_>, request: &HttpRequest) -> Result<HttpResponse, UpstreamError> {
        let left = call.deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(UpstreamError::Unavailable {
                detail: format!("{}: no time left before the deadline", call.step.as_str()),
                retry_after: None,
            });
        }
        let mut builder = self
            .http
            .request(request.method().clone(), request.uri().to_string())
            .timeout(left.min(ATTEMPT_TIMEOUT))
            .header(CLIENT_REQUEST_ID, call.request_id);
        for (name, value) in request.headers() {
            builder = builder.header(name, value);
        }
        let started = Instant::now();
        let unavailable = |error: &reqwest::Error| UpstreamError::Unavailable {
            detail: format!("{}: {}", call.step.as_str(), describe(error)),
            retry_after: None,
        };
        let sent = builder.body(request.body().clone()).send().await;
        self.metrics
            .upstream_duration
            .get_or_create(&StepLabels {
                step: call.step.as_str(),
            })
            .observe(started.elapsed().as_secs_f64());
        let response = sent.map_err(|e| unavailable(&e))?;
        let status = response.status();
        let mut out = http::Response::builder().status(status);
        for (name, value) in response.headers() {
            out = out.header(name, value);
        }
        let body = response.bytes().await.map_err(|e| unavailable(&e))?;
        tracing::debug!(
            step = call.step.as_str(),
            status = status.as_u16(),
            elapsed_ms = started.elapsed().as_millis() as u64,
            "upstream answered"
        );
        out.body(body.to_vec())
            .map_err(|e| UpstreamError::Rejected(e.to_string()))
    }
}

/// A `5xx` answer as an error, with the `Retry-After` it asked for.
fn unavailable_answer(step: Step, response: &HttpResponse) -> UpstreamError {
    UpstreamError::Unavailable {
        detail: format!("{}: answered {}", step.as_str(), response.status().as_u16()),
        retry_after: retry_after(response),
    }
}

/// `Retry-After` in seconds, if the answer has one.
fn retry_after(response: &HttpResponse) -> Option<Duration> {
    response
        .headers()
        .get(http::header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok())
        .map(Duration::from_secs)
}

/// The wait before retry `retries + 1`: doubling, with half of it random so that requests
/// that failed together do not come back together.
fn backoff(retries: u32) -> Duration {
    let base = BACKOFF * 2u32.saturating_pow(retries);
    base.mul_f64(rand::thread_rng().gen_range(0.5..1.5))
}

/// A reqwest error in words, without the URL (which may carry a token).
fn describe(error: &reqwest::Error) -> &'static str {
    if error.is_timeout() {
        "no answer in time"
    } else if error.is_connect() {
        "could not connect"
    } else if error.is_body() || error.is_decode() {
        "the response body failed"
    } else {
        "the request failed"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_and_jitters() {
        let waits: Vec<Duration> = (0..200).map(|_| backoff(0)).collect();
        assert!(
            waits
                .iter()
                .all(|w| (Duration::from_millis(100)..Duration::from_millis(300)).contains(w))
        );
        assert!(waits.iter().any(|w| *w != waits[0]), "not all the same: jittered");
        assert!(backoff(1) >= Duration::from_millis(200));
    }

    #[test]
    fn a_5xx_answer_keeps_its_retry_after() {
        let response = http::Response::builder()
            .status(503)
            .header("retry-after", "3")
            .body(Vec::new())
            .expect("response");
        let error = unavailable_answer(Step::AnonToken, &response);
        assert_eq!(error.retry_after(), Some(Duration::from_secs(3)));
        assert!(error.to_string().contains("anon_token: answered 503"), "{error}");
    }
}
