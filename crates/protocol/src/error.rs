//! Typed protocol errors that keep what the server said.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::secret::redact;

/// How much of an unparseable body an error keeps.
const MAX_KEPT_BODY: usize = 2048;

/// Everything that can go wrong while building a request or reading a response.
///
/// `Display` is written for developers and logs; the app maps variants to sentences a
/// guest understands. No variant ever holds a token: bodies are passed through
/// [`redact`] before they are stored.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ProtocolError {
    /// The server answered with its documented error document (`{code, subcode, message}`).
    #[error("{what}: the server answered {status} {error}")]
    Service {
        /// What was being done, e.g. "create the application".
        what: &'static str,
        /// The HTTP status.
        status: u16,
        /// The server's error document.
        error: ServiceError,
    },
    /// Azure AD answered with its OAuth error document.
    #[error("{what}: Azure AD answered {status} {error}")]
    Aad {
        /// What was being done.
        what: &'static str,
        /// The HTTP status.
        status: u16,
        /// AAD's error document.
        error: crate::aad::AadError,
    },
    /// A status the exchange does not allow, with a body that is not an error document
    /// (an IIS HTML page, a proxy's text, nothing).
    #[error("{what}: unexpected status {status}")]
    UnexpectedStatus {
        /// What was being done.
        what: &'static str,
        /// The HTTP status.
        status: u16,
        /// The start of the body, tokens redacted.
        body: String,
    },
    /// The body did not have the documented shape.
    #[error("{what}: could not read the response at `{path}`: {message}")]
    Decode {
        /// What was being read.
        what: &'static str,
        /// JSON path of the first value that did not fit, e.g. `_links.self.href`.
        path: String,
        /// The decoder's explanation, tokens redacted.
        message: String,
        /// The start of the body, tokens redacted.
        body: String,
    },
    /// A resource lacks a link the next step must follow.
    #[error("{resource} has no `{rel}` link")]
    MissingLink {
        /// The link relation (without namespace), e.g. `anonApplications`.
        rel: &'static str,
        /// The resource that should have carried it.
        resource: &'static str,
    },
    /// An href or URL could not be used.
    #[error("unusable href `{href}`: {reason}")]
    InvalidHref {
        /// The href, tokens redacted.
        href: String,
        /// Why it could not be used.
        reason: String,
    },
    /// A value we were asked to send breaks a documented rule (length, required field).
    #[error("invalid {field}: {reason}")]
    InvalidInput {
        /// The field.
        field: &'static str,
        /// What rule it breaks.
        reason: String,
    },
    /// The join state machine was given an input that makes no sense in its state.
    #[error("cannot handle {input} while {state}")]
    InvalidTransition {
        /// The state it was in.
        state: &'static str,
        /// The input it was given.
        input: &'static str,
    },
}

impl ProtocolError {
    /// The HTTP status behind this error, if it came from a response.
    pub fn status(&self) -> Option<u16> {
        match self {
            Self::Service { status, .. }
            | Self::Aad { status, .. }
            | Self::UnexpectedStatus { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// The server's error document, if it sent one.
    pub fn service_error(&self) -> Option<&ServiceError> {
        match self {
            Self::Service { error, .. } => Some(error),
            _ => None,
        }
    }

    pub(crate) fn invalid_href(href: &str, reason: impl ToString) -> Self {
        Self::InvalidHref {
            href: redact(href),
            reason: redact(&reason.to_string()),
        }
    }
}

/// Keeps the first [`MAX_KEPT_BODY`] bytes of a body as text, with tokens redacted.
pub(crate) fn kept_body(body: &[u8]) -> String {
    let end = body.len().min(MAX_KEPT_BODY);
    redact(&String::from_utf8_lossy(&body[..end]))
}

string_enum! {
    /// The `code` of a UCWA/TAAPI error; it follows the HTTP status.
    pub enum ErrorCode {
        /// 400.
        BadRequest = "BadRequest",
        /// 401 (sent by TAAPI as well as IIS).
        Unauthorized = "Unauthorized",
        /// 403.
        Forbidden = "Forbidden",
        /// 404.
        NotFound = "NotFound",
        /// 405.
        MethodNotAllowed = "MethodNotAllowed",
        /// 406.
        NotAcceptable = "NotAcceptable",
        /// 409.
        Conflict = "Conflict",
        /// 410.
        Gone = "Gone",
        /// 412.
        PreconditionFailed = "PreconditionFailed",
        /// 413.
        EntityTooLarge = "EntityTooLarge",
        /// 415.
        UnsupportedMediaType = "UnsupportedMediaType",
        /// 428.
        PreconditionRequired = "PreconditionRequired",
        /// 429.
        TooManyRequests = "TooManyRequests",
        /// 500.
        ServiceFailure = "ServiceFailure",
        /// 503.
        ServiceUnavailable = "ServiceUnavailable",
        /// 504 or an asynchronous timeout.
        Timeout = "Timeout",
        /// Asynchronous: the failure happened on the far side (declined, denied, …).
        RemoteFailure = "RemoteFailure",
        /// Asynchronous: the failure happened locally.
        LocalFailure = "LocalFailure",
        /// Asynchronous: not a failure, information.
        Informational = "Informational",
    }
}

string_enum! {
    /// The `subcode` of a UCWA/TAAPI error: the detail a client acts on.
    pub enum ErrorSubcode {
        /// No detail.
        None = "None",
        /// The request timed out, or the lobby wait did.
        Timeout = "Timeout",
        /// The body was not valid JSON for the resource.
        DeserializationFailure = "DeserializationFailure",
        /// Anonymous users may not do this.
        AnonymousNotAllowed = "AnonymousNotAllowed",
        /// The resource already exists.
        AlreadyExists = "AlreadyExists",
        /// The application (or TAAPI application) does not exist.
        ApplicationNotFound = "ApplicationNotFound",
        /// Too many applications for this user.
        TooManyApplications = "TooManyApplications",
        /// The application expired because no event-channel request was parked.
        InactiveApplicationExpired = "InactiveApplicationExpired",
        /// The user agent is not allowed.
        UserAgentNotAllowed = "UserAgentNotAllowed",
        /// The operation was canceled.
        Canceled = "Canceled",
        /// The invitation was declined.
        Declined = "Declined",
        /// The meeting or user was not found.
        DestinationNotFound = "DestinationNotFound",
        /// No meeting server is available.
        Unavailable = "Unavailable",
        /// The meeting is full.
        TooManyParticipants = "TooManyParticipants",
        /// The lobby is full.
        TooManyLobbyParticipants = "TooManyLobbyParticipants",
        /// The participant was removed.
        Removed = "Removed",
        /// The meeting server is shutting down.
        TemporarilyUnavailable = "TemporarilyUnavailable",
        /// Not allowed.
        NotAllowed = "NotAllowed",
        /// The attendee is not allowed in.
        AttendeeNotAllowed = "AttendeeNotAllowed",
        /// An organizer removed the participant.
        Ejected = "Ejected",
        /// The lobby participant was denied entry.
        Denied = "Denied",
        /// The meeting has ended.
        Ended = "Ended",
        /// Some input failed validation; see `parameters`.
        ParameterValidationFailure = "ParameterValidationFailure",
        /// Something expired.
        Expired = "Expired",
        /// A newer event-channel request replaced this one.
        PGetReplaced = "PGetReplaced",
        /// The requested API version is not supported.
        ApiVersionNotSupported = "APIVersionNotSupported",
        /// The remote event channel is unreachable.
        CallbackChannelError = "CallbackChannelError",
        /// There is no backup pool to redirect to.
        CannotRedirect = "CannotRedirect",
        /// Another operation is pending.
        AnotherOperationPending = "AnotherOperationPending",
    }
}

/// The error document UCWA and the Trusted Application API send:
/// `{"code": …, "subcode": …, "message": …}`.
///
/// Only `code` is required; unknown properties are kept so nothing the server said is lost.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServiceError {
    /// The error code, which follows the HTTP status.
    pub code: ErrorCode,
    /// The detail a client acts on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subcode: Option<ErrorSubcode>,
    /// Human-readable text, localised by the server. For logs, not for guests.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Other properties (`parameters`, `debugInfo`, …).
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

impl ServiceError {
    /// Whether the subcode is `subcode`.
    pub fn is(&self, subcode: &ErrorSubcode) -> bool {
        self.subcode.as_ref() == Some(subcode)
    }

    /// Whether a `ParameterValidationFailure` names the input property `name` (matched
    /// case-insensitively, as servers match input names). The documents do not show the
    /// shape of `parameters`, so each plausible one is read: an object keyed by name
    /// (`{"meetingUrl": "Invalid"}`), an array of `{"name": …}` objects, or of names.
    pub fn names_parameter(&self, name: &str) -> bool {
        let Some(parameters) = self
            .other
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case("parameters"))
            .map(|(_, value)| value)
        else {
            return false;
        };
        let is = |text: &str| text.eq_ignore_ascii_case(name);
        match parameters {
            Value::Object(map) => map.keys().any(|key| is(key)),
            Value::Array(items) => items.iter().any(|item| match item {
                Value::String(text) => is(text),
                Value::Object(map) => map
                    .iter()
                    .any(|(key, value)| key.eq_ignore_ascii_case("name") && value.as_str().is_some_and(is)),
                _ => false,
            }),
            Value::String(text) => is(text),
            _ => false,
        }
    }
}

impl std::fmt::Display for ServiceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.code)?;
        if let Some(subcode) = &self.subcode {
            write!(f, "/{subcode}")?;
        }
        if let Some(message) = &self.message {
            write!(f, " ({})", redact(message))?;
        }
        Ok(())
    }
}
