//! What callers are told when something goes wrong: a code, a plain sentence, whether
//! retrying may help, and the request id. Details stay in the log.

use std::borrow::Cow;
use std::time::Duration;

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use protocol::guest_api::{GuestApiError, GuestErrorCode, UpstreamFailure};

use crate::upstream::UpstreamError;

/// An error on the public API.
#[derive(Debug, Clone)]
pub struct ApiError {
    status: StatusCode,
    code: GuestErrorCode,
    message: Cow<'static, str>,
    retry_after: Option<u64>,
    /// Which call to Microsoft's services failed, and how: public codes and hosts only.
    upstream: Option<Box<UpstreamFailure>>,
}

impl ApiError {
    fn new(status: StatusCode, code: GuestErrorCode, message: impl Into<Cow<'static, str>>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
            retry_after: None,
            upstream: None,
        }
    }

    /// The request body is not what the API takes.
    pub fn invalid_request(message: &'static str) -> Self {
        Self::new(StatusCode::BAD_REQUEST, GuestErrorCode::InvalidRequest, message)
    }

    /// The meeting link is not a meeting link.
    pub fn invalid_meeting_link() -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            GuestErrorCode::InvalidMeetingLink,
            "The meeting link is not a Skype for Business meeting link.",
        )
    }

    /// The meeting link's host is not served here.
    pub fn meeting_host_not_allowed() -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            GuestErrorCode::MeetingHostNotAllowed,
            "This service does not join meetings hosted there.",
        )
    }

    /// The calling web page's origin is not allowed.
    pub fn origin_not_allowed() -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            GuestErrorCode::OriginNotAllowed,
            "This website is not allowed to join meetings through this service.",
        )
    }

    /// An invitation is required.
    pub fn invitation_required() -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            GuestErrorCode::InvitationRequired,
            "Joining needs the invitation link you were sent.",
        )
    }

    /// The invitation is forged, damaged or for another meeting.
    pub fn invitation_invalid() -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            GuestErrorCode::InvitationInvalid,
            "The invitation is not valid for this meeting.",
        )
    }

    /// The invitation expired.
    pub fn invitation_expired() -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            GuestErrorCode::InvitationExpired,
            "The invitation has expired.",
        )
    }

    /// The session id sent back was not issued for this meeting and website.
    pub fn session_not_yours() -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            GuestErrorCode::SessionNotValid,
            "This session was not started by this service for this meeting from this website. Join again without it.",
        )
    }

    /// Too many requests; the client may try again in `retry_after` seconds.
    pub fn rate_limited(retry_after: u64) -> Self {
        let unit = if retry_after == 1 { "second" } else { "seconds" };
        Self {
            retry_after: Some(retry_after),
            ..Self::new(
                StatusCode::TOO_MANY_REQUESTS,
                GuestErrorCode::RateLimited,
                format!("Too many attempts. Try again in {retry_after} {unit}."),
            )
        }
    }

    /// Missing or wrong staff key.
    pub fn unauthorized() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            GuestErrorCode::InvalidRequest,
            "A valid staff key is required.",
        )
    }

    /// A feature this deployment switched off.
    pub fn not_enabled(message: &'static str) -> Self {
        Self::new(StatusCode::NOT_FOUND, GuestErrorCode::InvalidRequest, message)
    }

    /// More requests are in flight than the service takes at once.
    pub fn busy() -> Self {
        Self {
            retry_after: Some(1),
            ..Self::new(
                StatusCode::SERVICE_UNAVAILABLE,
                GuestErrorCode::ServiceUnavailable,
                "The service is busy right now. Please try again in a moment.",
            )
        }
    }

    /// The request took longer than the service allows one.
    pub fn timed_out() -> Self {
        Self {
            retry_after: Some(1),
            ..Self::new(
                StatusCode::SERVICE_UNAVAILABLE,
                GuestErrorCode::ServiceUnavailable,
                "The request took too long. Please try again in a moment.",
            )
        }
    }

    /// The service itself is broken or misconfigured.
    pub fn internal() -> Self {
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            GuestErrorCode::Internal,
            "The service is not working right now. Please try again later.",
        )
    }

    /// What an upstream failure means for the caller; the details go to the log here.
    pub fn from_upstream(error: &UpstreamError) -> Self {
        let mut answer = Self::for_upstream_failure(error);
        answer.upstream = error.place().cloned().map(Box::new);
        answer
    }

    fn for_upstream_failure(error: &UpstreamError) -> Self {
        // Whole seconds, rounded up: a guest told "0" would come straight back.
        let seconds = |wait: Duration| (wait.as_secs() + u64::from(wait.subsec_nanos() > 0)).max(1);
        match error {
            UpstreamError::Unavailable { detail, retry_after } => {
                tracing::warn!(%detail, "upstream unavailable");
                Self::unavailable(retry_after.map_or(5, seconds))
            }
            UpstreamError::Unusable(detail) => {
                tracing::warn!(%detail, "upstream answer unusable");
                Self::unusable(5)
            }
            UpstreamError::MeetingNotFound(detail) => {
                tracing::info!(%detail, "meeting not found");
                Self::new(
                    StatusCode::NOT_FOUND,
                    GuestErrorCode::MeetingNotFound,
                    "This link doesn't lead to a meeting that's on now. Ask for a new link.",
                )
            }
            UpstreamError::Misconfigured(detail) => {
                tracing::error!(%detail, "the middle tier is misconfigured");
                Self::internal()
            }
            UpstreamError::Rejected(detail) => {
                tracing::warn!(%detail, "upstream refused");
                Self::new(
                    StatusCode::BAD_GATEWAY,
                    GuestErrorCode::ServiceUnavailable,
                    "The meeting service refused the request. Please try again later.",
                )
            }
            UpstreamError::At { cause, .. } => Self::for_upstream_failure(cause),
            // Logged when it happened; a crowd told about it again adds nothing to the log.
            UpstreamError::Remembered { cause, retry_after } => {
                tracing::debug!(error = %cause, "told the guest about a remembered upstream failure");
                match cause.kind() {
                    UpstreamError::Unusable(_) => Self::unusable(seconds(*retry_after)),
                    UpstreamError::Misconfigured(_) => Self::internal(),
                    _ => Self::unavailable(seconds(*retry_after)),
                }
            }
        }
    }

    fn unavailable(retry_after: u64) -> Self {
        Self {
            retry_after: Some(retry_after),
            ..Self::new(
                StatusCode::SERVICE_UNAVAILABLE,
                GuestErrorCode::ServiceUnavailable,
                "The meeting service is unavailable right now. Please try again in a moment.",
            )
        }
    }

    fn unusable(retry_after: u64) -> Self {
        Self {
            retry_after: Some(retry_after),
            ..Self::new(
                StatusCode::BAD_GATEWAY,
                GuestErrorCode::ServiceUnavailable,
                "The meeting service gave an answer this service cannot use. Please try again later.",
            )
        }
    }

    /// The public error code.
    pub fn code(&self) -> &GuestErrorCode {
        &self.code
    }

    /// Whether retrying may work.
    pub fn retryable(&self) -> bool {
        matches!(
            self.code,
            GuestErrorCode::ServiceUnavailable | GuestErrorCode::RateLimited | GuestErrorCode::Internal
        )
    }
}

impl ApiError {
    /// The error document, with the request id when known.
    pub fn document(&self, request_id: Option<&str>) -> GuestApiError {
        GuestApiError {
            error: self.code.clone(),
            message: self.message.clone().into_owned(),
            retryable: self.retryable(),
            request_id: request_id.map(str::to_owned),
            upstream: self.upstream.as_deref().cloned(),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (self.status, Json(self.document(None))).into_response();
        if let Some(after) = self.retry_after
            && let Ok(value) = HeaderValue::from_str(&after.to_string())
        {
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
        response.extensions_mut().insert(self);
        response
    }
}
