//! The contract between the guest app and the middle tier: one call that turns a meeting
//! link into a guest token.
//!
//! This is our own API, not Microsoft's. The middle tier never returns its Azure AD token,
//! only the `psat` guest token and the discover URL to use it with.

use serde::{Deserialize, Serialize};
use url::Url;

use crate::date::WireDate;
use crate::error::ProtocolError;
use crate::secret::Secret;
use crate::{HttpRequest, HttpResponse, http_util};

/// Where the middle tier serves the guest token call, relative to its base URL.
pub const GUEST_TOKEN_PATH: &str = "api/v1/guest-token";

/// Where the middle tier serves staff a guest token for checking a link from outside a
/// browser (a command, a monitor), relative to its base URL.
pub const STAFF_CHECK_TOKEN_PATH: &str = "api/v1/staff/check-token";

/// The page's `<meta>` tag listing the hosts (`host[:port]`, `*.domain`), separated by
/// spaces, whose join links the middle tier hands tokens for.
pub const MEETING_HOSTS_META: &str = "guest-join-meeting-hosts";
/// The page's `<meta>` tag mapping on-premises simple-URL hosts to their SIP domains
/// (`meet.fabrikam.com=fabrikam.com`, see [`crate::on_premises::SimpleUrlDomains`]).
pub const ON_PREMISES_HOSTS_META: &str = "guest-join-on-premises-hosts";
/// The page's `<meta>` tag naming where a SIP domain's server is discovered when DNS does
/// not say (`fabrikam.com=https://…/`, see [`crate::on_premises::AutodiscoverRoots`]).
pub const AUTODISCOVER_META: &str = "guest-join-autodiscover";
/// The app's query parameter carrying the meeting link.
pub const JOIN_PARAM: &str = "join";
/// The app's query parameter carrying a signed invitation.
pub const INVITE_PARAM: &str = "invite";

/// The longest `applicationSessionId` the Trusted Application API accepts.
pub const MAX_SESSION_ID_LEN: usize = crate::taapi::MAX_APPLICATION_SESSION_ID;

/// Asks for a guest token for one meeting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GuestTokenRequest {
    /// The meeting's join URL.
    pub meeting_url: String,
    /// The guest's display name, for the middle tier's logs and rate limits only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// A signed invitation a staff member handed out, when visitors must be verified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invitation: Option<String>,
    /// Sent back by a guest who rejoins, so the service keeps its identity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application_session_id: Option<String>,
}

/// A guest token and where to use it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GuestToken {
    /// The anonymous discover URL, to be used verbatim.
    pub discover_url: String,
    /// The guest token, `psat=…`, sent as `Authorization: Bearer psat=…`.
    pub token: Secret,
    /// When the token stops working.
    pub expires_at: WireDate,
    /// The session id to send back when rejoining.
    pub application_session_id: String,
    /// The meeting subject, when the middle tier knows it (from a signed invitation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
}

/// Staff ask for a guest token to check a link with, as a page on `origin` would get it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StaffCheckTokenRequest {
    /// What a guest's page would send.
    #[serde(flatten)]
    pub guest: GuestTokenRequest,
    /// The website to check from; one the middle tier allows. Absent: the middle tier's
    /// own site.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
}

/// The answer to a [`StaffCheckTokenRequest`]: a guest token, and the website it is for,
/// which the checker presents as its `Origin` to the meeting service.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StaffCheckToken {
    /// The token, as a guest's page gets it.
    #[serde(flatten)]
    pub token: GuestToken,
    /// The website it is for.
    pub origin: String,
}

/// How a link check outside a browser gets its guest token: from the staff API, with the
/// staff key, for a website the middle tier allows.
#[derive(Clone, Debug, PartialEq)]
pub struct StaffAccess {
    /// The staff key.
    pub key: Secret,
    /// The website to check from (the middle tier's own site if `None`).
    pub origin: Option<String>,
}

string_enum! {
    /// Why the middle tier refused to hand out a token.
    pub enum GuestErrorCode {
        /// The request was malformed.
        InvalidRequest = "invalid_request",
        /// The meeting link is not a meeting join URL.
        InvalidMeetingLink = "invalid_meeting_link",
        /// The meeting link points at a host this service does not serve.
        MeetingHostNotAllowed = "meeting_host_not_allowed",
        /// The web page asking is not on the allowlist.
        OriginNotAllowed = "origin_not_allowed",
        /// Visitors must bring an invitation and did not.
        InvitationRequired = "invitation_required",
        /// The invitation is forged, damaged, or for another meeting.
        InvitationInvalid = "invitation_invalid",
        /// The invitation has expired.
        InvitationExpired = "invitation_expired",
        /// The meeting does not exist or is not in this organisation.
        MeetingNotFound = "meeting_not_found",
        /// The session id sent back was not issued by this service for this meeting and
        /// website (another instance's key, or a restart without a shared key): join again
        /// without it.
        SessionNotValid = "session_not_valid",
        /// Too many requests from this client; try later.
        RateLimited = "rate_limited",
        /// The meeting service is unavailable for now.
        ServiceUnavailable = "service_unavailable",
        /// The service is misconfigured or broken.
        Internal = "internal",
    }
}

/// The middle tier's error document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GuestApiError {
    /// What went wrong, for the app to choose its words.
    pub error: GuestErrorCode,
    /// A plain sentence for logs and for people reading the API.
    pub message: String,
    /// Whether trying again later may work.
    pub retryable: bool,
    /// The request id to quote to support.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    /// What the upstream service answered, when a step upstream failed: public codes and
    /// hosts, for staff diagnosing a link (never a token or a key).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upstream: Option<UpstreamFailure>,
}

string_enum! {
    /// The middle tier's calls to Microsoft's services, in the order a token needs them.
    pub enum UpstreamStep {
        /// Azure AD's client-credentials token.
        AadToken = "aad_token",
        /// The Trusted Application API's discovery.
        Discover = "discover",
        /// The Trusted Application API's list of the app's applications.
        Applications = "applications",
        /// The Trusted Application API's application resource.
        Application = "application",
        /// `anonApplicationTokens`: the guest token itself.
        AnonApplicationTokens = "anon_application_tokens",
        /// An ad-hoc meeting.
        AdhocMeeting = "adhoc_meeting",
    }
}

/// A failed call from the middle tier to Microsoft's services, as staff need to see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpstreamFailure {
    /// Which call.
    pub step: UpstreamStep,
    /// The host called.
    pub host: String,
    /// The HTTP status, when there was an answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// The service's public error code (`ServiceFailure`, `invalid_client`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Its subcode (`ParameterValidationFailure`, …), when it gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subcode: Option<String>,
}

/// Why getting a guest token failed.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum GuestTokenError {
    /// The middle tier refused, with its reason.
    #[error("the middle tier refused: {}", .0.error)]
    Refused(Box<GuestApiError>),
    /// The answer could not be read.
    #[error(transparent)]
    Protocol(#[from] ProtocolError),
}

/// Builds the guest token request to the middle tier at `middle_tier`.
///
/// # Errors
/// [`ProtocolError::InvalidInput`] when the session id is too long,
/// [`ProtocolError::InvalidHref`] when the base URL is unusable.
pub fn token_request(middle_tier: &Url, request: &GuestTokenRequest) -> Result<HttpRequest, ProtocolError> {
    check_session_id(request)?;
    let url = middle_tier
        .join(GUEST_TOKEN_PATH)
        .map_err(|e| ProtocolError::invalid_href(middle_tier.as_str(), e))?;
    http_util::json(http::Method::POST, &url, None, request)
}

fn check_session_id(request: &GuestTokenRequest) -> Result<(), ProtocolError> {
    if request
        .application_session_id
        .as_ref()
        .is_some_and(|id| id.is_empty() || id.len() > MAX_SESSION_ID_LEN)
    {
        return Err(ProtocolError::InvalidInput {
            field: "applicationSessionId",
            reason: format!("it must be 1 to {MAX_SESSION_ID_LEN} characters"),
        });
    }
    Ok(())
}

/// Builds the staff API's request for a guest token to check a link with.
///
/// # Errors
/// As [`token_request`].
pub fn staff_check_token_request(
    middle_tier: &Url,
    access: &StaffAccess,
    guest: GuestTokenRequest,
) -> Result<HttpRequest, ProtocolError> {
    check_session_id(&guest)?;
    let url = middle_tier
        .join(STAFF_CHECK_TOKEN_PATH)
        .map_err(|e| ProtocolError::invalid_href(middle_tier.as_str(), e))?;
    let request = StaffCheckTokenRequest {
        guest,
        origin: access.origin.clone(),
    };
    http_util::json(http::Method::POST, &url, Some(&access.key), &request)
}

/// Reads the middle tier's answer.
///
/// # Errors
/// [`GuestTokenError::Refused`] with the middle tier's reason, or
/// [`GuestTokenError::Protocol`] when the answer is not the documented shape.
pub fn parse_token_response(response: &HttpResponse) -> Result<GuestToken, GuestTokenError> {
    const WHAT: &str = "get a guest token";
    if response.status().is_success() {
        return Ok(http_util::decode_json(WHAT, response.body())?);
    }
    match serde_json::from_slice::<GuestApiError>(response.body()) {
        Ok(error) => Err(GuestTokenError::Refused(Box::new(error))),
        Err(_) => Err(http_util::error_from(WHAT, response).into()),
    }
}
