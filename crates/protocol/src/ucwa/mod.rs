//! UCWA for anonymous guests ("psanon"): what the guest's browser calls.
//!
//! Path: `GET <discover>` → `POST anonApplications` (with `Bearer psat=…`) → park a
//! long-poll on the application's `events` → `POST onlineMeetingInvitations` → follow
//! events ([`events`]) → `addMessaging` → `sendMessage` → `DELETE` to leave.
//! Every href is followed as given; none is built here.

pub mod events;
pub mod resources;

use http::{Method, StatusCode};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use url::Url;

use crate::date::WireDate;
use crate::error::ProtocolError;
use crate::links::{Embedded, Links};
use crate::secret::Secret;
use crate::{HttpRequest, HttpResponse, http_util};

pub use resources::Importance;

/// Longest display name the service accepts.
pub const MAX_DISPLAY_NAME: usize = 250;
/// Longest `culture`, `userAgent` and `endpointId`.
pub const MAX_APPLICATION_FIELD: usize = 100;
/// Longest `operationId`.
pub const MAX_OPERATION_ID: usize = 50;
/// Longest meeting `subject`.
pub const MAX_SUBJECT: usize = 250;

pub(crate) fn check_length(field: &'static str, value: &str, max: usize) -> Result<(), ProtocolError> {
    if value.trim().is_empty() || value.chars().count() > max {
        return Err(ProtocolError::InvalidInput {
            field,
            reason: format!("it must be 1 to {max} characters"),
        });
    }
    Ok(())
}

/// `GET` the anonymous discover URL. It is sent without the token: the Web SDK docs say
/// so, and servers accept it either way.
///
/// # Errors
/// [`ProtocolError::InvalidHref`] for an unusable URL.
pub fn discover_request(discover: &Url) -> Result<HttpRequest, ProtocolError> {
    http_util::empty(Method::GET, discover, None)
}

/// The anonymous discover response: where to create the application, and the conference.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AnonDiscover {
    /// Links: `anonApplications`, `applications`, `myApplications`, `self`.
    #[serde(rename = "_links")]
    pub links: Links,
    /// The conference (focus) SIP URI the token is for; present for meeting tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conference_id: Option<String>,
    /// `ms:rtc:saas:discover` or `service:discover`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rel: Option<String>,
    /// Anything else.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

impl AnonDiscover {
    /// Where to `POST` to create the anonymous application (often another host).
    ///
    /// # Errors
    /// [`ProtocolError::MissingLink`] or [`ProtocolError::InvalidHref`].
    pub fn anon_applications(&self, base: &Url) -> Result<Url, ProtocolError> {
        self.links
            .require("anonApplications", "the discover resource")?
            .resolve(base)
    }
}

/// Reads the anonymous discover response.
///
/// # Errors
/// The server's error (`401` for a bad or expired token, `403` for a refused origin) or
/// [`ProtocolError::Decode`].
pub fn parse_discover(response: &HttpResponse) -> Result<AnonDiscover, ProtocolError> {
    const WHAT: &str = "discover the meeting service";
    http_util::decode_json(WHAT, http_util::expect(WHAT, response, &[StatusCode::OK])?)
}

/// The body of `POST anonApplications`.
///
/// Servers match property names case-insensitively (the Web SDK sent PascalCase); this
/// crate sends camelCase.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApplicationInput {
    /// The guest's display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anonymous_display_name: Option<String>,
    /// The UI culture, e.g. `en-us`.
    pub culture: String,
    /// Identifies the client software.
    pub user_agent: String,
    /// Optional endpoint id (required by on-premises `/applications`, not by psanon).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endpoint_id: Option<String>,
    /// Anything else.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

impl ApplicationInput {
    /// Checks the documented limits.
    ///
    /// # Errors
    /// [`ProtocolError::InvalidInput`] naming the field.
    pub fn validate(&self) -> Result<(), ProtocolError> {
        check_length("culture", &self.culture, MAX_APPLICATION_FIELD)?;
        check_length("userAgent", &self.user_agent, MAX_APPLICATION_FIELD)?;
        if let Some(name) = &self.anonymous_display_name {
            check_length("anonymousDisplayName", name, MAX_DISPLAY_NAME)?;
        }
        if let Some(endpoint) = &self.endpoint_id {
            check_length("endpointId", endpoint, MAX_APPLICATION_FIELD)?;
        }
        Ok(())
    }
}

/// Builds `POST anonApplications`.
///
/// # Errors
/// [`ProtocolError::InvalidInput`] when the input breaks a documented limit.
pub fn create_application_request(
    anon_applications: &Url,
    token: &Secret,
    input: &ApplicationInput,
) -> Result<HttpRequest, ProtocolError> {
    input.validate()?;
    http_util::json(Method::POST, anon_applications, Some(token), input)
}

/// The guest's UCWA application.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Application {
    /// The application id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The culture it was created with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub culture: Option<String>,
    /// The user agent it was created with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_agent: Option<String>,
    /// When the server will expire the application if it stays idle.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires: Option<WireDate>,
    /// Links: `self`, `events` (with `ack` and `key` already in it), `policies`, `batch`.
    #[serde(rename = "_links")]
    pub links: Links,
    /// `me` and `communication`.
    #[serde(rename = "_embedded", default, skip_serializing_if = "Embedded::is_empty")]
    pub embedded: Embedded,
    /// `application`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rel: Option<String>,
    /// Anything else (`type`, `endpointId`, `etag`, …).
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

impl Application {
    /// The application itself; `DELETE` it to leave everything.
    ///
    /// # Errors
    /// [`ProtocolError::MissingLink`] or [`ProtocolError::InvalidHref`].
    pub fn self_url(&self, base: &Url) -> Result<Url, ProtocolError> {
        self.links.require("self", "the application")?.resolve(base)
    }

    /// The first event-channel URL, used verbatim (it already holds `ack` and `key`).
    ///
    /// # Errors
    /// [`ProtocolError::MissingLink`] or [`ProtocolError::InvalidHref`].
    pub fn events(&self, base: &Url) -> Result<Url, ProtocolError> {
        self.links.require("events", "the application")?.resolve(base)
    }

    /// The embedded `communication` resource.
    ///
    /// # Errors
    /// [`ProtocolError::MissingLink`] when absent, [`ProtocolError::Decode`] when malformed.
    pub fn communication(&self) -> Result<Communication, ProtocolError> {
        self.embedded
            .get("communication", "the communication resource")?
            .ok_or(ProtocolError::MissingLink {
                rel: "communication",
                resource: "the application",
            })
    }

    /// The embedded `me` resource: the guest's synthetic identity.
    ///
    /// # Errors
    /// [`ProtocolError::Decode`] when malformed.
    pub fn me(&self) -> Result<Option<Me>, ProtocolError> {
        self.embedded.get("me", "the me resource")
    }
}

/// The guest's identity: `sip:<digits>@anonymous.invalid` and the display name.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Me {
    /// The synthetic SIP URI.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
    /// The display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Links: `self`.
    #[serde(rename = "_links", default, skip_serializing_if = "Links::is_empty")]
    pub links: Links,
    /// Anything else.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

/// The `communication` resource: where conversations start.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Communication {
    /// Message formats this application handles (`Plain`, `Html`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supported_message_formats: Option<Vec<String>>,
    /// Links: `joinOnlineMeeting` (meeting tokens), `startMessaging` (chat tokens), …
    #[serde(rename = "_links", default)]
    pub links: Links,
    /// Anything else, including the randomly named property a `PUT` must echo.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

impl Communication {
    /// Where to `POST` to join the meeting.
    ///
    /// # Errors
    /// [`ProtocolError::MissingLink`] (the token is not a meeting token) or
    /// [`ProtocolError::InvalidHref`].
    pub fn join_online_meeting(&self, base: &Url) -> Result<Url, ProtocolError> {
        self.links
            .require("joinOnlineMeeting", "the communication resource")?
            .resolve(base)
    }
}

/// Reads the application-creation response (`201 Created`).
///
/// # Errors
/// The server's error (`401` bad or expired token, `403` not allowed, `409`, `410`) or
/// [`ProtocolError::Decode`].
pub fn parse_application(response: &HttpResponse) -> Result<Application, ProtocolError> {
    const WHAT: &str = "create the guest application";
    http_util::decode_json(
        WHAT,
        http_util::expect(WHAT, response, &[StatusCode::CREATED, StatusCode::OK])?,
    )
}

/// The body of `POST onlineMeetingInvitations`: join the meeting.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OnlineMeetingInvitationInput {
    /// The conference URI from the discover response.
    pub online_meeting_uri: String,
    /// Required for anonymous users.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anonymous_display_name: Option<String>,
    /// Correlates this join's events (≤ 50 characters).
    pub operation_id: String,
    /// `Normal`, `Urgent`, `Emergency`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub importance: Option<Importance>,
    /// A subject (≤ 250 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// Continues an existing conversation thread.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thread_id: Option<String>,
    /// Anything else.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

impl OnlineMeetingInvitationInput {
    /// Checks the documented limits.
    ///
    /// # Errors
    /// [`ProtocolError::InvalidInput`] naming the field.
    pub fn validate(&self) -> Result<(), ProtocolError> {
        check_length("onlineMeetingUri", &self.online_meeting_uri, 450)?;
        check_length("operationId", &self.operation_id, MAX_OPERATION_ID)?;
        if let Some(name) = &self.anonymous_display_name {
            check_length("anonymousDisplayName", name, MAX_DISPLAY_NAME)?;
        }
        if let Some(subject) = &self.subject {
            check_length("subject", subject, MAX_SUBJECT)?;
        }
        Ok(())
    }
}

/// Builds `POST onlineMeetingInvitations`.
///
/// # Errors
/// [`ProtocolError::InvalidInput`] when the input breaks a documented limit.
pub fn join_meeting_request(
    join_online_meeting: &Url,
    token: &Secret,
    input: &OnlineMeetingInvitationInput,
) -> Result<HttpRequest, ProtocolError> {
    input.validate()?;
    http_util::json(Method::POST, join_online_meeting, Some(token), input)
}

/// The body of `POST messagingInvitations`: an anonymous peer-to-peer chat (a chat token,
/// not a meeting token). This product joins meetings; the shape is here for completeness.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MessagingInvitationInput {
    /// Correlates this operation's events.
    pub operation_id: String,
    /// Whom to chat with.
    pub to: String,
    /// A subject.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// Anything else (`threadId`, `importance`, `sessionContext`, …).
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

/// `GET` the event channel (a long-poll the server holds until events or its timeout).
///
/// # Errors
/// [`ProtocolError::InvalidHref`] / [`ProtocolError::InvalidInput`] for unusable input.
pub fn events_request(events: &Url, token: &Secret) -> Result<HttpRequest, ProtocolError> {
    http_util::empty(Method::GET, events, Some(token))
}

/// The body of `POST addMessaging`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AddMessagingInput {
    /// Correlates this operation's events.
    pub operation_id: String,
    /// Anything else (an optional first message as a `_links.message` data URI).
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

/// Builds `POST addMessaging`: add chat to the joined meeting.
///
/// # Errors
/// [`ProtocolError::InvalidInput`] for a bad operation id.
pub fn add_messaging_request(
    add_messaging: &Url,
    token: &Secret,
    operation_id: &str,
) -> Result<HttpRequest, ProtocolError> {
    check_length("operationId", operation_id, MAX_OPERATION_ID)?;
    let input = AddMessagingInput {
        operation_id: operation_id.to_owned(),
        other: Map::new(),
    };
    http_util::json(Method::POST, add_messaging, Some(token), &input)
}

/// Builds `POST sendMessage`: the body is the text itself, not JSON.
///
/// The docs disagree on the correlation parameter's name (`operationId`, `OperationContext`,
/// `SessionContext`); `operationId` is the documented, required one.
///
/// # Errors
/// [`ProtocolError::InvalidInput`] for an empty message or bad operation id.
pub fn send_message_request(
    send_message: &Url,
    token: &Secret,
    operation_id: &str,
    text: &str,
) -> Result<HttpRequest, ProtocolError> {
    check_length("operationId", operation_id, MAX_OPERATION_ID)?;
    if text.trim().is_empty() {
        return Err(ProtocolError::InvalidInput {
            field: "message",
            reason: "it is empty".to_owned(),
        });
    }
    let mut url = send_message.clone();
    url.query_pairs_mut().append_pair("operationId", operation_id);
    http_util::text(Method::POST, &url, Some(token), "text/plain; charset=utf-8", text)
}

/// Builds a `DELETE` (leave: conversation or application).
///
/// # Errors
/// [`ProtocolError::InvalidHref`] for an unusable URL.
pub fn delete_request(target: &Url, token: &Secret) -> Result<HttpRequest, ProtocolError> {
    http_util::empty(Method::DELETE, target, Some(token))
}

/// Reads a `201 Created` (join, addMessaging, sendMessage) and its `Location`, if the
/// browser may read it (cross-origin, only with `Access-Control-Expose-Headers`).
///
/// # Errors
/// The server's error, e.g. `404 DestinationNotFound` (no such meeting) or `403` (the
/// token is for another meeting).
pub fn parse_created(
    what: &'static str,
    response: &HttpResponse,
    base: &Url,
) -> Result<Option<Url>, ProtocolError> {
    http_util::expect(
        what,
        response,
        &[StatusCode::CREATED, StatusCode::OK, StatusCode::NO_CONTENT],
    )?;
    Ok(http_util::location(response, base))
}
