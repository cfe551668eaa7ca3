//! Every failure the simulator answers with. Each variant carries its HTTP status, code,
//! subcode and message together: [`Refusal`] for the UCWA/TAAPI error documents guests and
//! service applications get, [`ControlError`] for the control API's own failures.

use std::borrow::Cow;

use crate::config::MeetingUrlRefusal;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

use crate::reply::UCWA_JSON;

/// Why a request parameter was refused (`ValidationFailureReason`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Validation {
    /// It was not sent.
    Missing,
    /// It was sent but is wrong (too long, malformed).
    Invalid,
    /// Either.
    MissingOrInvalid,
}

impl Validation {
    /// The reason as it appears on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Missing => "Missing",
            Self::Invalid => "Invalid",
            Self::MissingOrInvalid => "MissingOrInvalid",
        }
    }

    /// `Missing` for an empty value, `Invalid` otherwise.
    pub fn of(value: &str) -> Self {
        if value.is_empty() {
            Self::Missing
        } else {
            Self::Invalid
        }
    }
}

/// A UCWA/TAAPI error document: what a guest or a service application is refused with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The application idled out or was expired: `410 Gone/InactiveApplicationExpired`.
    ApplicationExpired,
    /// The application was deleted or forgotten: `404 NotFound/ApplicationNotFound`.
    ApplicationNotFound,
    /// No such conversation in the application: `404 NotFound/ConversationNotFound`.
    ConversationNotFound,
    /// The meeting a join names does not exist: `404 NotFound/DestinationNotFound`.
    DestinationNotFound,
    /// `anonApplicationTokens` names a URL no meeting on now has, refused the way the
    /// `meeting_url_refusal` quirk says (see [`Refusal::no_meeting_at_url`]).
    NoMeetingAtUrl(MeetingUrlRefusal),
    /// A join names another conference than the token's: `403 Forbidden`.
    ConferenceMismatch,
    /// A second join with another operation id, or a meeting id that is taken:
    /// `409 Conflict/AlreadyExists`.
    AlreadyExists,
    /// `addMessaging` while the guest waits in the lobby: `403 Forbidden`.
    MessagingBeforeAdmission,
    /// `sendMessage` before chat was added: `403 Forbidden`.
    ChatNotConnected,
    /// The guest token's session is not the application's: `403 Forbidden`.
    TokenForAnotherApplication,
    /// Something an anonymous user may not do (`reportMyActivity`, `makeMeAvailable`):
    /// `403 AnonymousNotAllowed`.
    AnonymousNotAllowed,
    /// An event-channel request with a key that is not the channel's:
    /// `404 NotFound/ResourceNotFound`.
    EventChannelKeyMismatch,
    /// A newer long-poll replaced this one: `409 Conflict/PGetReplaced`.
    PGetReplaced,
    /// A meeting token cannot start a peer-to-peer chat: `403 Forbidden/NotAllowed`.
    PeerToPeerNotAllowed,
    /// No endpoint of the caller's app and tenant has this id:
    /// `403 Forbidden/ApplicationNotFound`.
    EndpointNotFound,
    /// The caller's app lacks the permission an operation needs: `403 Forbidden`.
    PermissionMissing,
    /// The meeting is in another tenant than the caller's endpoint: `403 Forbidden`.
    MeetingInAnotherTenant,
    /// A meeting just created could not be found again: `500 ServiceFailure`.
    MeetingVanished,
    /// An application just created could not be found again: `500 ServiceFailure`.
    ApplicationVanished,
    /// An error status the control API injected: `ServiceFailure` with that status.
    InjectedFault(StatusCode),
    /// A browser request from an origin the token does not allow: `403 Forbidden`, with no
    /// CORS headers so the browser blocks it.
    CrossOriginRefused,
    /// An unknown path: `404 NotFound/ResourceNotFound`.
    ResourceNotFound,
    /// A method the path does not support: `405 MethodNotAllowed`.
    MethodNotAllowed,
    /// A body over the limit: `413 EntityTooLarge`.
    EntityTooLarge,
    /// A body that is not a JSON object: `400 BadRequest/DeserializationFailure`.
    DeserializationFailure,
    /// A content type the resource does not take: `415 UnsupportedMediaType`.
    UnsupportedMediaType,
    /// A missing or invalid input property: `400 BadRequest/ParameterValidationFailure`,
    /// naming the property in `parameters`.
    InvalidParameter {
        /// The property, as the documentation spells it.
        name: &'static str,
        /// What is wrong with it.
        reason: Validation,
    },
}

/// What an error document says.
struct Document {
    status: StatusCode,
    code: &'static str,
    subcode: Option<&'static str>,
    message: Cow<'static, str>,
}

impl Refusal {
    fn document(&self) -> Document {
        use StatusCode as S;
        let (status, code, subcode, message): (_, _, _, Cow<'static, str>) = match self {
            Self::ApplicationExpired => (
                S::GONE,
                "Gone",
                Some("InactiveApplicationExpired"),
                "The application expired because no event channel request was parked for too long.".into(),
            ),
            Self::ApplicationNotFound => (
                S::NOT_FOUND,
                "NotFound",
                Some("ApplicationNotFound"),
                "The application does not exist.".into(),
            ),
            Self::ConversationNotFound => (
                S::NOT_FOUND,
                "NotFound",
                Some("ConversationNotFound"),
                "The resource was not found.".into(),
            ),
            Self::DestinationNotFound => (
                S::NOT_FOUND,
                "NotFound",
                Some("DestinationNotFound"),
                "The resource was not found.".into(),
            ),
            Self::NoMeetingAtUrl(MeetingUrlRefusal::ParameterValidation) => {
                return Self::InvalidParameter {
                    name: "meetingUrl",
                    reason: Validation::Invalid,
                }
                .document();
            }
            Self::NoMeetingAtUrl(MeetingUrlRefusal::Forbidden) => (
                S::FORBIDDEN,
                "Forbidden",
                None,
                "The meeting URL does not lead to a meeting this application may join.".into(),
            ),
            Self::NoMeetingAtUrl(MeetingUrlRefusal::DestinationNotFound) => (
                S::NOT_FOUND,
                "NotFound",
                Some("DestinationNotFound"),
                "No meeting has this URL.".into(),
            ),
            Self::ConferenceMismatch => (
                S::FORBIDDEN,
                "Forbidden",
                None,
                "The target conference URI does not match the conference URI provisioned in the anonymous token.".into(),
            ),
            Self::AlreadyExists => (
                S::CONFLICT,
                "Conflict",
                Some("AlreadyExists"),
                "The request conflicts with the resource's state.".into(),
            ),
            Self::MessagingBeforeAdmission => (
                S::FORBIDDEN,
                "Forbidden",
                None,
                "Messaging can be added once you are in the meeting.".into(),
            ),
            Self::ChatNotConnected => (S::FORBIDDEN, "Forbidden", None, "Chat is not connected.".into()),
            Self::AnonymousNotAllowed => (
                S::FORBIDDEN,
                "Forbidden",
                Some("AnonymousNotAllowed"),
                "Anonymous users are not allowed to do this.".into(),
            ),
            Self::TokenForAnotherApplication => (
                S::FORBIDDEN,
                "Forbidden",
                None,
                "The token does not belong to this application.".into(),
            ),
            Self::EventChannelKeyMismatch => (
                S::NOT_FOUND,
                "NotFound",
                Some("ResourceNotFound"),
                "The event channel key does not match.".into(),
            ),
            Self::PGetReplaced => (
                S::CONFLICT,
                "Conflict",
                Some("PGetReplaced"),
                "A newer event channel request replaced this one.".into(),
            ),
            Self::PeerToPeerNotAllowed => (
                S::FORBIDDEN,
                "Forbidden",
                Some("NotAllowed"),
                "This token is for a meeting; it cannot start a peer-to-peer chat.".into(),
            ),
            Self::EndpointNotFound => (
                S::FORBIDDEN,
                "Forbidden",
                Some("ApplicationNotFound"),
                "The application endpoint was not found in this tenant.".into(),
            ),
            Self::PermissionMissing => (
                S::FORBIDDEN,
                "Forbidden",
                None,
                "The application does not have the permission this operation needs.".into(),
            ),
            Self::MeetingInAnotherTenant => (
                S::FORBIDDEN,
                "Forbidden",
                None,
                "The meeting is not in the application's tenant.".into(),
            ),
            Self::MeetingVanished => (
                S::INTERNAL_SERVER_ERROR,
                "ServiceFailure",
                None,
                "The meeting vanished.".into(),
            ),
            Self::ApplicationVanished => (
                S::INTERNAL_SERVER_ERROR,
                "ServiceFailure",
                None,
                "The application vanished.".into(),
            ),
            Self::InjectedFault(status) => (
                *status,
                "ServiceFailure",
                None,
                "The service is temporarily unavailable (injected fault).".into(),
            ),
            Self::CrossOriginRefused => (
                S::FORBIDDEN,
                "Forbidden",
                None,
                "Service does not allow a cross domain request from this origin.".into(),
            ),
            Self::ResourceNotFound => (
                S::NOT_FOUND,
                "NotFound",
                Some("ResourceNotFound"),
                "The resource does not exist.".into(),
            ),
            Self::MethodNotAllowed => (
                S::METHOD_NOT_ALLOWED,
                "MethodNotAllowed",
                None,
                "The resource does not support this method.".into(),
            ),
            Self::EntityTooLarge => (
                S::PAYLOAD_TOO_LARGE,
                "EntityTooLarge",
                None,
                "The request body is too large.".into(),
            ),
            Self::DeserializationFailure => (
                S::BAD_REQUEST,
                "BadRequest",
                Some("DeserializationFailure"),
                "The request body could not be read as JSON.".into(),
            ),
            Self::UnsupportedMediaType => (
                S::UNSUPPORTED_MEDIA_TYPE,
                "UnsupportedMediaType",
                Some("UnsupportedMediaType"),
                "The content type is not supported here.".into(),
            ),
            Self::InvalidParameter { name, reason } => (
                S::BAD_REQUEST,
                "BadRequest",
                Some("ParameterValidationFailure"),
                format!(
                    "Please check what you entered and try again: {name} is {}.",
                    reason.as_str()
                )
                .into(),
            ),
        };
        Document {
            status,
            code,
            subcode,
            message,
        }
    }

    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        self.document().status
    }

    /// The input property a validation failure names, and what is wrong with it.
    fn parameter(&self) -> Option<(&'static str, Validation)> {
        match self {
            Self::InvalidParameter { name, reason } => Some((name, *reason)),
            Self::NoMeetingAtUrl(MeetingUrlRefusal::ParameterValidation) => {
                Some(("meetingUrl", Validation::Invalid))
            }
            _ => None,
        }
    }
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let document = self.document();
        write!(f, "{} {}", document.status.as_u16(), document.code)?;
        if let Some(subcode) = document.subcode {
            write!(f, "/{subcode}")?;
        }
        write!(f, ": {}", document.message)
    }
}

impl std::error::Error for Refusal {}

impl IntoResponse for Refusal {
    /// The error document, `{code, subcode?, message}`, with `X-Ms-diagnostics`; a
    /// parameter validation failure also names the parameter.
    fn into_response(self) -> Response {
        let Document {
            status,
            code,
            subcode,
            message,
        } = self.document();
        let mut body = json!({"code": code, "message": message});
        if let Some(subcode) = subcode {
            body["subcode"] = json!(subcode);
        }
        if let Some((name, reason)) = self.parameter() {
            body["parameters"] = json!([{"name": name, "reason": reason.as_str()}]);
        }
        let mut response = (status, axum::Json(body)).into_response();
        response
            .headers_mut()
            .insert(header::CONTENT_TYPE, HeaderValue::from_static(UCWA_JSON));
        if let Ok(value) = HeaderValue::from_str(&format!(
            "{};source=\"simulator\";reason=\"{}\"",
            status.as_u16(),
            message.replace('"', "'")
        )) {
            response.headers_mut().insert("x-ms-diagnostics", value);
        }
        response
    }
}

/// Why a meeting could not be added.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AddMeetingError {
    /// The configuration names no such tenant.
    UnknownTenant,
    /// A meeting has this id already.
    IdTaken,
}

impl From<AddMeetingError> for Refusal {
    fn from(error: AddMeetingError) -> Self {
        match error {
            AddMeetingError::UnknownTenant => Self::InvalidParameter {
                name: "tenant",
                reason: Validation::Invalid,
            },
            AddMeetingError::IdTaken => Self::AlreadyExists,
        }
    }
}

impl From<AddMeetingError> for ControlError {
    fn from(error: AddMeetingError) -> Self {
        match error {
            AddMeetingError::UnknownTenant => Self::UnknownTenant,
            AddMeetingError::IdTaken => Self::MeetingIdTaken,
        }
    }
}

/// A control API failure, answered `{"error": "<message>"}`. The messages are the ones the
/// control API has always given (`conflict: …` included), since scripts read them.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ControlError {
    /// `404`: no meeting has this id.
    #[error("no such meeting")]
    NoSuchMeeting,
    /// `404`: nobody in the meeting has this id.
    #[error("no such person")]
    NoSuchPerson,
    /// `409`: only someone in the lobby can be admitted or denied.
    #[error("conflict: not in the lobby")]
    NotInLobby,
    /// `409`: the person has no guest application (or it has gone).
    #[error("conflict: not a guest")]
    NotAGuest,
    /// `400`: a new person's Microsoft account or domain is not one (or is taken).
    #[error("invalid parameter {0}")]
    InvalidPerson(&'static str),
    /// `409`: a new meeting names an unknown tenant.
    #[error("invalid parameter tenant")]
    UnknownTenant,
    /// `409`: a new meeting's id is taken.
    #[error("conflict: AlreadyExists")]
    MeetingIdTaken,
    /// `409`: a new meeting names no tenant, and none is configured.
    #[error("no tenant is configured")]
    NoTenant,
    /// `409`: a message without `from`, and nobody but guests is there to say it.
    #[error("nobody but guests is in the meeting to speak")]
    NobodyToSpeak,
    /// `400`: an injected failure must be an error status.
    #[error("status must be 400 to 599")]
    FailureStatusOutOfRange,
    /// `404`: no app registration has this client id.
    #[error("no such app registration")]
    NoSuchRegistration,
    /// `409`: the app registration has no callback URL, and none was given.
    #[error("the app registration has no callback URL")]
    NoCallbackUrl,
    /// `502`: the callback could not be posted.
    #[error("the callback URL could not be reached: {0}")]
    CallbackUnreachable(String),
}

impl ControlError {
    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        match self {
            Self::NoSuchMeeting | Self::NoSuchPerson | Self::NoSuchRegistration => StatusCode::NOT_FOUND,
            Self::NotInLobby
            | Self::NotAGuest
            | Self::UnknownTenant
            | Self::MeetingIdTaken
            | Self::NoTenant
            | Self::NobodyToSpeak
            | Self::NoCallbackUrl => StatusCode::CONFLICT,
            Self::FailureStatusOutOfRange | Self::InvalidPerson(_) => StatusCode::BAD_REQUEST,
            Self::CallbackUnreachable(_) => StatusCode::BAD_GATEWAY,
        }
    }
}

impl IntoResponse for ControlError {
    fn into_response(self) -> Response {
        (self.status(), axum::Json(json!({"error": self.to_string()}))).into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn parts(response: Response) -> (u16, Option<String>, String) {
        let status = response.status().as_u16();
        let diagnostics = response
            .headers()
            .get("x-ms-diagnostics")
            .map(|v| v.to_str().unwrap_or_default().to_owned());
        let body = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .expect("body");
        (
            status,
            diagnostics,
            String::from_utf8(body.to_vec()).expect("utf8"),
        )
    }

    #[tokio::test]
    async fn a_refusal_is_one_document_with_its_status_subcode_and_diagnostics() {
        let (status, diagnostics, body) = parts(Refusal::ApplicationExpired.into_response()).await;
        assert_eq!(status, 410);
        assert_eq!(
            body,
            r#"{"code":"Gone","message":"The application expired because no event channel request was parked for too long.","subcode":"InactiveApplicationExpired"}"#
        );
        assert_eq!(
            diagnostics.as_deref(),
            Some(
                r#"410;source="simulator";reason="The application expired because no event channel request was parked for too long.""#
            )
        );
        let (status, _, body) = parts(Refusal::ConferenceMismatch.into_response()).await;
        assert_eq!(status, 403);
        assert!(!body.contains("subcode"), "{body}");
    }

    #[tokio::test]
    async fn a_parameter_refusal_names_the_parameter_with_diagnostics_like_any_other() {
        let refusal = Refusal::InvalidParameter {
            name: "operationId",
            reason: Validation::MissingOrInvalid,
        };
        let (status, diagnostics, body) = parts(refusal.into_response()).await;
        assert_eq!(status, 400);
        assert_eq!(
            diagnostics.as_deref(),
            Some(
                r#"400;source="simulator";reason="Please check what you entered and try again: operationId is MissingOrInvalid.""#
            )
        );
        assert_eq!(
            body,
            r#"{"code":"BadRequest","message":"Please check what you entered and try again: operationId is MissingOrInvalid.","parameters":[{"name":"operationId","reason":"MissingOrInvalid"}],"subcode":"ParameterValidationFailure"}"#
        );
    }

    #[tokio::test]
    async fn an_unknown_meeting_url_is_refused_the_way_the_quirk_says() {
        let shapes = [
            (
                MeetingUrlRefusal::ParameterValidation,
                400,
                "\"parameters\":[{\"name\":\"meetingUrl\"",
            ),
            (MeetingUrlRefusal::Forbidden, 403, "\"code\":\"Forbidden\""),
            (
                MeetingUrlRefusal::DestinationNotFound,
                404,
                "\"subcode\":\"DestinationNotFound\"",
            ),
        ];
        for (shape, expected, fragment) in shapes {
            let (status, _, body) = parts(Refusal::NoMeetingAtUrl(shape).into_response()).await;
            assert_eq!(status, expected, "{shape:?}");
            assert!(body.contains(fragment), "{shape:?}: {body}");
        }
    }

    #[tokio::test]
    async fn control_errors_keep_their_messages() {
        let (status, _, body) = parts(ControlError::NotInLobby.into_response()).await;
        assert_eq!(
            (status, body.as_str()),
            (409, r#"{"error":"conflict: not in the lobby"}"#)
        );
        let (status, _, body) = parts(ControlError::NoSuchPerson.into_response()).await;
        assert_eq!((status, body.as_str()), (404, r#"{"error":"no such person"}"#));
    }
}
