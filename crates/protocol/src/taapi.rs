//! The Trusted Application API: what the middle tier calls to mint guest tokens.
//!
//! Path: `GET discover` → `GET applications?endpointId=` → `GET application` (its links say
//! which capabilities were granted) → `POST anonApplicationTokens` (or `adhocMeetings`).
//! Every call carries the Azure AD token. Rels come as `service:…` or `ms:rtc:saas:…`;
//! [`Links`] ignores the namespace. `POST`s may be answered `307` towards another host; see
//! [`http_util::redirect_target`].

use http::{Method, StatusCode};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use url::Url;

use crate::date::WireDate;
use crate::error::ProtocolError;
use crate::links::{Embedded, Links};
use crate::secret::Secret;
use crate::ucwa::{MAX_SUBJECT, check_length};
use crate::{HttpRequest, HttpResponse, http_util};

/// Longest `applicationSessionId` the service accepts.
pub const MAX_APPLICATION_SESSION_ID: usize = 100;
/// Longest `allowedOrigins` list the service accepts.
pub const MAX_ALLOWED_ORIGINS: usize = 500;

const SUCCESS: &[StatusCode] = &[StatusCode::OK, StatusCode::CREATED];

/// `GET` the discover URL. The docs disagree on whether it needs the token; sending it is
/// always accepted.
///
/// # Errors
/// [`ProtocolError::InvalidHref`] / [`ProtocolError::InvalidInput`] for unusable input.
pub fn discover_request(discover: &Url, token: &Secret) -> Result<HttpRequest, ProtocolError> {
    http_util::empty(Method::GET, discover, Some(token))
}

/// The service discover resource.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Discover {
    /// Links: `applications`, `myApplications`, `self`.
    #[serde(rename = "_links")]
    pub links: Links,
    /// `service:discover` or `ms:rtc:saas:discover`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rel: Option<String>,
    /// Anything else.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

impl Discover {
    /// The applications root, which may be on another ("ring") host.
    ///
    /// # Errors
    /// [`ProtocolError::MissingLink`] or [`ProtocolError::InvalidHref`].
    pub fn applications(&self, base: &Url) -> Result<Url, ProtocolError> {
        self.links
            .require("applications", "the discover resource")?
            .resolve(base)
    }
}

/// Reads the discover response.
///
/// # Errors
/// The server's error, or [`ProtocolError::Decode`].
pub fn parse_discover(response: &HttpResponse) -> Result<Discover, ProtocolError> {
    const WHAT: &str = "discover the Trusted Application API";
    http_util::decode_json(WHAT, http_util::expect(WHAT, response, SUCCESS)?)
}

/// `GET applications?endpointId=<sip uri>` for the application endpoint.
///
/// The `endpointId` parameter is the one thing the docs tell a client to add to a link.
///
/// # Errors
/// As [`discover_request`].
pub fn applications_request(
    applications: &Url,
    endpoint_id: &str,
    token: &Secret,
) -> Result<HttpRequest, ProtocolError> {
    let mut url = applications.clone();
    url.query_pairs_mut().append_pair("endpointId", endpoint_id);
    http_util::empty(Method::GET, &url, Some(token))
}

/// The applications collection: a link to this endpoint's application.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Applications {
    /// Links: `self`, `application`.
    #[serde(rename = "_links")]
    pub links: Links,
    /// `service:applications`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rel: Option<String>,
    /// Anything else.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

impl Applications {
    /// The application resource of the endpoint.
    ///
    /// # Errors
    /// [`ProtocolError::MissingLink`] or [`ProtocolError::InvalidHref`].
    pub fn application(&self, base: &Url) -> Result<Url, ProtocolError> {
        self.links
            .require("application", "the applications resource")?
            .resolve(base)
    }
}

/// Reads the applications response. `403 ApplicationNotFound` means the endpoint is not
/// registered for this app in this tenant.
///
/// # Errors
/// The server's error, or [`ProtocolError::Decode`].
pub fn parse_applications(response: &HttpResponse) -> Result<Applications, ProtocolError> {
    const WHAT: &str = "find the application endpoint";
    http_util::decode_json(WHAT, http_util::expect(WHAT, response, SUCCESS)?)
}

/// `GET` the application (its link already carries `endpointId`).
///
/// # Errors
/// As [`discover_request`].
pub fn application_request(application: &Url, token: &Secret) -> Result<HttpRequest, ProtocolError> {
    http_util::empty(Method::GET, application, Some(token))
}

/// The application resource. Which links it has depends on the permissions granted.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Application {
    /// Links: `self`, `anonApplicationTokens` (only with "Guest user join services").
    #[serde(rename = "_links")]
    pub links: Links,
    /// `communication`, `myOnlineMeetings`, `adhocMeetings`.
    #[serde(rename = "_embedded", default, skip_serializing_if = "Embedded::is_empty")]
    pub embedded: Embedded,
    /// `service:application`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rel: Option<String>,
    /// Anything else.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

/// An embedded resource that is only a `self` link (`adhocMeetings`, `myOnlineMeetings`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LinkOnly {
    /// Links: `self`.
    #[serde(rename = "_links")]
    pub links: Links,
    /// The rel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rel: Option<String>,
    /// Anything else.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

impl Application {
    /// Where to `POST` for a guest token. Missing when the app lacks the "Guest user join
    /// services" permission.
    ///
    /// # Errors
    /// [`ProtocolError::MissingLink`] or [`ProtocolError::InvalidHref`].
    pub fn anon_application_tokens(&self, base: &Url) -> Result<Url, ProtocolError> {
        self.links
            .require("anonApplicationTokens", "the Trusted Application API application")?
            .resolve(base)
    }

    /// Where to `POST` to create an ad-hoc meeting: the embedded resource's `self`.
    ///
    /// # Errors
    /// [`ProtocolError::MissingLink`] (permission not granted), [`ProtocolError::Decode`],
    /// or [`ProtocolError::InvalidHref`].
    pub fn adhoc_meetings(&self, base: &Url) -> Result<Url, ProtocolError> {
        let missing = ProtocolError::MissingLink {
            rel: "adhocMeetings",
            resource: "the Trusted Application API application",
        };
        let resource: LinkOnly = self
            .embedded
            .get("adhocMeetings", "the adhocMeetings resource")?
            .ok_or(missing)?;
        resource
            .links
            .require("self", "the adhocMeetings resource")?
            .resolve(base)
    }
}

/// Reads the application response.
///
/// # Errors
/// The server's error, or [`ProtocolError::Decode`].
pub fn parse_application(response: &HttpResponse) -> Result<Application, ProtocolError> {
    const WHAT: &str = "read the application's capabilities";
    http_util::decode_json(WHAT, http_util::expect(WHAT, response, SUCCESS)?)
}

/// The body of `POST anonApplicationTokens`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AnonApplicationTokenInput {
    /// Unique per guest; reused only to re-mint a token for a guest who rejoins.
    pub application_session_id: String,
    /// Web origins allowed to use the token, separated by `;`.
    pub allowed_origins: String,
    /// The meeting's http(s) join URL (absent for anonymous peer-to-peer chat tokens).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting_url: Option<String>,
    /// Anything else.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

impl AnonApplicationTokenInput {
    /// Checks the documented limits: session id 1–100 characters, origins 1–500.
    ///
    /// # Errors
    /// [`ProtocolError::InvalidInput`] naming the field.
    pub fn validate(&self) -> Result<(), ProtocolError> {
        check_length(
            "applicationSessionId",
            &self.application_session_id,
            MAX_APPLICATION_SESSION_ID,
        )?;
        check_length("allowedOrigins", &self.allowed_origins, MAX_ALLOWED_ORIGINS)
    }
}

/// Builds `POST anonApplicationTokens`.
///
/// # Errors
/// [`ProtocolError::InvalidInput`] when the input breaks a documented limit.
pub fn anon_token_request(
    anon_application_tokens: &Url,
    token: &Secret,
    input: &AnonApplicationTokenInput,
) -> Result<HttpRequest, ProtocolError> {
    input.validate()?;
    http_util::json(Method::POST, anon_application_tokens, Some(token), input)
}

/// The guest token: `psat=…`, its expiry, and the discover link to use it with.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AnonApplicationToken {
    /// `psat=<JWT>`.
    pub token: Secret,
    /// When the token expires (`/Date(ms)/` or ISO-8601).
    pub expiry_time: WireDate,
    /// Links: `self`, `discover`.
    #[serde(rename = "_links", default, skip_serializing_if = "Links::is_empty")]
    pub links: Links,
    /// `service:anonApplicationToken`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rel: Option<String>,
    /// Anything else (the docs' flattened `service:discover` lands here).
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

impl AnonApplicationToken {
    /// The discover URL for the guest, taken verbatim.
    ///
    /// It normally sits in `_links`; the published docs flatten it to a top-level
    /// `service:discover`, so that is accepted too.
    ///
    /// # Errors
    /// [`ProtocolError::MissingLink`] or [`ProtocolError::InvalidHref`].
    pub fn discover(&self, base: &Url) -> Result<Url, ProtocolError> {
        if let Some(link) = self.links.get("discover") {
            return link.resolve(base);
        }
        let flattened = self
            .other
            .iter()
            .find(|(key, _)| crate::links::local_rel(key) == "discover")
            .and_then(|(_, value)| serde_json::from_value::<crate::links::Link>(value.clone()).ok());
        flattened
            .ok_or(ProtocolError::MissingLink {
                rel: "discover",
                resource: "the anonymous application token",
            })?
            .resolve(base)
    }
}

/// Reads the token response (documented as 200, recorded as 201).
///
/// # Errors
/// The server's error, or [`ProtocolError::Decode`].
pub fn parse_anon_token(response: &HttpResponse) -> Result<AnonApplicationToken, ProtocolError> {
    const WHAT: &str = "get a guest token";
    http_util::decode_json(WHAT, http_util::expect(WHAT, response, SUCCESS)?)
}

string_enum! {
    /// Who may enter a meeting without waiting in the lobby.
    pub enum AccessLevel {
        /// Everyone, guests included, goes straight in.
        Everyone = "Everyone",
        /// Only people invited go straight in; others wait in the lobby.
        Invited = "Invited",
        /// Everyone but the organizer waits in the lobby.
        Locked = "Locked",
        /// People from the same company go straight in.
        SameEnterprise = "SameEnterprise",
        /// Not set.
        None = "None",
    }
}

/// The body of `POST adhocMeetings`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AdhocMeetingInput {
    /// The meeting subject.
    pub subject: String,
    /// Lobby policy; the SDK defaults to `Everyone`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_level: Option<AccessLevel>,
    /// Anything else (`description`, `expirationTime`, `rel`, …).
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

impl AdhocMeetingInput {
    /// Checks the subject: 1 to [`MAX_SUBJECT`] characters.
    ///
    /// # Errors
    /// [`ProtocolError::InvalidInput`] naming the field.
    pub fn validate(&self) -> Result<(), ProtocolError> {
        check_length("subject", &self.subject, MAX_SUBJECT)
    }
}

/// Builds `POST adhocMeetings`.
///
/// # Errors
/// [`ProtocolError::InvalidInput`] for an empty or over-long subject.
pub fn adhoc_meeting_request(
    adhoc_meetings: &Url,
    token: &Secret,
    input: &AdhocMeetingInput,
) -> Result<HttpRequest, ProtocolError> {
    input.validate()?;
    http_util::json(Method::POST, adhoc_meetings, Some(token), input)
}

/// A created ad-hoc meeting.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AdhocMeeting {
    /// The join URL guests use.
    pub join_url: String,
    /// The conference (focus) SIP URI.
    pub online_meeting_uri: String,
    /// The meeting id, the last segment of the join URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub online_meeting_id: Option<String>,
    /// The subject.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// Lobby policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_level: Option<AccessLevel>,
    /// When the meeting expires.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiration_time: Option<WireDate>,
    /// Links: `self`, `discover`, `joinAdhocMeeting`, `applications`.
    #[serde(rename = "_links", default, skip_serializing_if = "Links::is_empty")]
    pub links: Links,
    /// Anything else (`organizerUri`, `conferenceId`, `etag`, …).
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

/// Reads the ad-hoc meeting response (documented as 200, recorded as 201).
///
/// # Errors
/// The server's error, or [`ProtocolError::Decode`].
pub fn parse_adhoc_meeting(response: &HttpResponse) -> Result<AdhocMeeting, ProtocolError> {
    const WHAT: &str = "create an ad-hoc meeting";
    http_util::decode_json(WHAT, http_util::expect(WHAT, response, SUCCESS)?)
}

/// The body a service application sends to join a meeting itself
/// (`POST communication/onlineMeetingInvitations`), as recorded.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ServiceJoinInput {
    /// Correlates the events of this operation.
    pub operation_id: String,
    /// Where the service wants this conversation's events.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub callback_url: Option<String>,
    /// Anything else.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

/// The body of `POST participantInvitations`: invite a user into a joined meeting.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ParticipantInvitationInput {
    /// Correlates the events of this operation.
    pub operation_id: String,
    /// The SIP URI of the user to invite.
    pub to: String,
    /// Anything else.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}
