//! What each request on a guest's way in got back, kept so that a failed join can be
//! explained in staff terms: which step, which host, what status, the service's public
//! error code and subcode, its diagnostics reason, and the request id to quote.
//!
//! Nothing here holds a token: only statuses, public codes, hosts and ids are kept, and
//! texts pass through [`redact`].

use http::HeaderName;
use url::Url;

use crate::date::Timestamp;
use crate::guest_api::{GuestApiError, UpstreamFailure};
use crate::http_util::{CLIENT_REQUEST_ID, X_MS_CORRELATION_ID, X_MS_DIAGNOSTICS, X_REQUEST_ID};
use crate::secret::redact;
use crate::{HttpResponse, ServiceError};

/// How many exchanges are kept; older ones are dropped (a long meeting renews its token).
pub(crate) const MAX_EXCHANGES: usize = 32;

/// The longest reason or message kept.
const MAX_TEXT: usize = 300;

/// A step on the way in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum JoinStep {
    /// The middle tier's guest token.
    GuestToken,
    /// The meeting service's discover.
    Discover,
    /// Creating the guest application.
    CreateApplication,
    /// Joining the meeting (`onlineMeetingInvitations`).
    JoinMeeting,
    /// Leaving (deleting the application).
    Leave,
}

impl JoinStep {
    /// A short name, as reports and `--json` output use it.
    pub fn name(self) -> &'static str {
        match self {
            Self::GuestToken => "guest_token",
            Self::Discover => "discover",
            Self::CreateApplication => "create_application",
            Self::JoinMeeting => "join_meeting",
            Self::Leave => "leave",
        }
    }
}

/// One request of a step and what came back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exchange {
    /// The step.
    pub step: JoinStep,
    /// The host asked, `host[:port]`.
    pub host: String,
    /// The HTTP status; `None` when no answer could be read (the network failed, the
    /// request timed out, or a browser hid a refused cross-origin answer).
    pub status: Option<u16>,
    /// The id the answer carried (the middle tier's `x-request-id`, the meeting service's
    /// `X-MS-Correlation-Id` or echoed `client-request-id`).
    pub request_id: Option<String>,
    /// What the service said was wrong, for an answer that is not a success.
    pub problem: Option<Problem>,
    /// When the answer (or its absence) was noticed.
    pub at: Timestamp,
}

/// What a service said about a failure, in its public terms.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Problem {
    /// The public error code (`Forbidden`, `meeting_not_found`, …).
    pub code: Option<String>,
    /// The subcode (`DestinationNotFound`, …).
    pub subcode: Option<String>,
    /// The service's own words: its message, or the `reason` of `X-Ms-diagnostics`.
    pub reason: Option<String>,
    /// For the middle tier: which call upstream failed, and how.
    pub upstream: Option<UpstreamFailure>,
}

impl Exchange {
    /// What `response` to a `step` request to `url` says.
    pub(crate) fn answered(step: JoinStep, url: &Url, response: &HttpResponse, at: Timestamp) -> Self {
        let header = |name: HeaderName| {
            response
                .headers()
                .get(name)
                .and_then(|value| value.to_str().ok())
                .map(|text| short(&redact(text)))
        };
        let status = response.status();
        let problem = (!status.is_success()).then(|| {
            if step == JoinStep::GuestToken {
                middle_tier_problem(response)
            } else {
                service_problem(response, header(X_MS_DIAGNOSTICS).as_deref())
            }
        });
        let request_id = match step {
            JoinStep::GuestToken => header(X_REQUEST_ID).or_else(|| {
                serde_json::from_slice::<GuestApiError>(response.body())
                    .ok()
                    .and_then(|error| error.request_id)
            }),
            _ => header(X_MS_CORRELATION_ID).or_else(|| header(CLIENT_REQUEST_ID)),
        };
        Self {
            step,
            host: host_of(url),
            status: Some(status.as_u16()),
            request_id,
            problem,
            at,
        }
    }

    /// A `step` request to `url` that got no answer.
    pub(crate) fn unanswered(step: JoinStep, url: &Url, at: Timestamp) -> Self {
        Self {
            step,
            host: host_of(url),
            status: None,
            request_id: None,
            problem: None,
            at,
        }
    }
}

fn middle_tier_problem(response: &HttpResponse) -> Problem {
    match serde_json::from_slice::<GuestApiError>(response.body()) {
        Ok(error) => Problem {
            code: Some(error.error.as_str().to_owned()),
            subcode: None,
            reason: Some(short(&redact(&error.message))),
            upstream: error.upstream,
        },
        Err(_) => Problem::default(),
    }
}

fn service_problem(response: &HttpResponse, diagnostics: Option<&str>) -> Problem {
    let document = serde_json::from_slice::<ServiceError>(response.body()).ok();
    let reason = diagnostics.and_then(diagnostics_reason).or_else(|| {
        document
            .as_ref()
            .and_then(|d| d.message.as_deref())
            .map(|m| short(&redact(m)))
    });
    Problem {
        code: document.as_ref().map(|d| d.code.as_str().to_owned()),
        subcode: document
            .as_ref()
            .and_then(|d| d.subcode.as_ref())
            .map(|s| s.as_str().to_owned()),
        reason,
        upstream: None,
    }
}

/// The `reason="…"` of an `X-Ms-diagnostics` header
/// (`28020;source="fe.contoso.com";reason="No valid security token."`).
pub fn diagnostics_reason(header: &str) -> Option<String> {
    let start = header.find("reason=\"")? + "reason=\"".len();
    let rest = &header[start..];
    let end = rest.find('"').unwrap_or(rest.len());
    let reason = rest[..end].trim();
    (!reason.is_empty()).then(|| short(reason))
}

fn host_of(url: &Url) -> String {
    let host = url.host_str().unwrap_or_default();
    match url.port() {
        Some(port) => format!("{host}:{port}"),
        None => host.to_owned(),
    }
}

fn short(text: &str) -> String {
    text.chars().take(MAX_TEXT).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(status: u16, headers: &[(&str, &str)], body: &str) -> HttpResponse {
        let mut builder = http::Response::builder().status(status);
        for (name, value) in headers {
            builder = builder.header(*name, *value);
        }
        builder.body(body.as_bytes().to_vec()).expect("response")
    }

    fn url(text: &str) -> Url {
        Url::parse(text).expect("url")
    }

    #[test]
    fn a_refusal_from_the_meeting_service_keeps_its_codes_reason_and_id() {
        let answer = response(
            403,
            &[
                (
                    "X-Ms-diagnostics",
                    "28072;source=\"fe1.contoso.com\";reason=\"Service does not allow a cross domain request from this origin.\"",
                ),
                ("X-MS-Correlation-Id", "2147483648"),
            ],
            r#"{"code":"Forbidden","subcode":"NotAllowed","message":"Origin not allowed"}"#,
        );
        let exchange = Exchange::answered(
            JoinStep::Discover,
            &url("https://webpoolbl20r04.infra.lync.com:4443/ucwa/discover"),
            &answer,
            Timestamp::from_millis(5),
        );
        assert_eq!(exchange.host, "webpoolbl20r04.infra.lync.com:4443");
        assert_eq!(exchange.status, Some(403));
        assert_eq!(exchange.request_id.as_deref(), Some("2147483648"));
        let problem = exchange.problem.expect("a problem");
        assert_eq!(problem.code.as_deref(), Some("Forbidden"));
        assert_eq!(problem.subcode.as_deref(), Some("NotAllowed"));
        assert_eq!(
            problem.reason.as_deref(),
            Some("Service does not allow a cross domain request from this origin.")
        );
    }

    #[test]
    fn a_middle_tier_refusal_keeps_its_code_request_id_and_upstream_detail() {
        let answer = response(
            502,
            &[],
            r#"{"error":"service_unavailable","message":"The meeting service is unavailable.","retryable":true,
                "requestId":"req-42","upstream":{"step":"anon_application_tokens","host":"api.skypeforbusiness.com","status":503,"code":"ServiceUnavailable"}}"#,
        );
        let exchange = Exchange::answered(
            JoinStep::GuestToken,
            &url("https://join.bank.example/api/v1/guest-token"),
            &answer,
            Timestamp::from_millis(5),
        );
        assert_eq!(exchange.host, "join.bank.example");
        assert_eq!(exchange.request_id.as_deref(), Some("req-42"));
        let problem = exchange.problem.expect("a problem");
        assert_eq!(problem.code.as_deref(), Some("service_unavailable"));
        let upstream = problem.upstream.expect("upstream");
        assert_eq!(
            upstream.step,
            crate::guest_api::UpstreamStep::AnonApplicationTokens
        );
        assert_eq!(upstream.status, Some(503));
    }

    #[test]
    fn success_has_no_problem_and_tokens_never_stay() {
        let answer = response(201, &[("client-request-id", "psat=abc.def.ghi")], "{}");
        let exchange = Exchange::answered(
            JoinStep::CreateApplication,
            &url("http://127.0.0.1:8404/ucwa/psanon/v1/applications"),
            &answer,
            Timestamp::from_millis(5),
        );
        assert_eq!(exchange.host, "127.0.0.1:8404");
        assert!(exchange.problem.is_none());
        assert!(
            !exchange.request_id.unwrap_or_default().contains("abc.def"),
            "a token in a header is redacted"
        );
    }

    #[test]
    fn the_reason_is_read_from_diagnostics() {
        assert_eq!(
            diagnostics_reason("28020;source=\"fe\";reason=\"No valid security token.\"").as_deref(),
            Some("No valid security token.")
        );
        assert_eq!(diagnostics_reason("28020;source=\"fe\""), None);
        assert_eq!(diagnostics_reason("reason=\"\""), None);
    }
}
