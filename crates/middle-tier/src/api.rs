//! The guest and staff APIs.
//!
//! `POST /api/v1/guest-token` turns a meeting link into a guest token. Before anything goes
//! upstream, it checks three things:
//! - the calling page's origin is on the allowlist;
//! - the link is an online join URL on an allowed host;
//! - the invitation is valid, when one is given or required.
//!
//! The token's `allowedOrigins` is the caller's origin, and only ever an allowed one.
//!
//! `POST /api/v1/staff/check-token` hands staff the same token for a link check run
//! outside a browser (`guest-join-check`): the staff key stands in for the page's origin,
//! and the token is for an allowed website the request names (the service's own by
//! default). Invitations are not asked for: staff check the meeting, not a guest.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use protocol::guest_api::{GuestToken, GuestTokenRequest, StaffCheckToken, StaffCheckTokenRequest};
use protocol::join_link::{self, JoinLink, MeetingHosts};
use protocol::taapi::{AccessLevel, AdhocMeetingInput};
use secrecy::ExposeSecret;
use serde::{Deserialize, Serialize};

use crate::AppState;
use crate::error::ApiError;
use crate::invitation::{self, Grant, InvitationError};
use crate::ops::RequestId;

/// Seconds since the epoch.
fn now_secs() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// The request's `Origin`, if it is on the allowlist.
pub(crate) fn allowed_origin(state: &AppState, headers: &HeaderMap) -> Option<String> {
    let origin = headers.get(header::ORIGIN)?.to_str().ok()?.trim();
    state
        .settings
        .allowed_origins
        .iter()
        .find(|allowed| allowed.eq_ignore_ascii_case(origin))
        .cloned()
}

/// Lets the allowed origin read the response.
pub(crate) fn cors(mut response: Response, origin: Option<&str>) -> Response {
    let headers = response.headers_mut();
    headers.append(header::VARY, HeaderValue::from_static("Origin"));
    // A refusal must be readable by the page that was refused, or it could not say why;
    // it carries no data, so any origin may read it (no credentials are involved).
    let value = origin.map_or(Ok(HeaderValue::from_static("*")), HeaderValue::from_str);
    if let Ok(value) = value {
        headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, value);
    }
    headers.insert(
        header::ACCESS_CONTROL_EXPOSE_HEADERS,
        HeaderValue::from_static("x-request-id, retry-after"),
    );
    response
}

/// `OPTIONS /api/v1/guest-token`: the preflight of a JSON `POST`.
pub async fn guest_token_preflight(State(state): State<Arc<AppState>>, headers: HeaderMap) -> Response {
    let origin = allowed_origin(&state, &headers);
    let mut response = StatusCode::NO_CONTENT.into_response();
    let response_headers = response.headers_mut();
    response_headers.insert(
        header::ACCESS_CONTROL_ALLOW_METHODS,
        HeaderValue::from_static("POST"),
    );
    response_headers.insert(
        header::ACCESS_CONTROL_ALLOW_HEADERS,
        HeaderValue::from_static("content-type, x-request-id"),
    );
    response_headers.insert(header::ACCESS_CONTROL_MAX_AGE, HeaderValue::from_static("7200"));
    cors(response, origin.as_deref())
}

/// Checks that `link` is an online join URL on an allowed host; returns it normalised.
fn meeting_url(state: &AppState, link: &str) -> Result<String, ApiError> {
    let hosts = state
        .settings
        .meeting_hosts
        .iter()
        .fold(MeetingHosts::new(), |hosts, h| hosts.with_host(h));
    // A link shaped like a join URL on a host not served here is told apart from one that
    // is not a meeting link at all: staff checking links need to know which.
    let Ok(JoinLink::Online(meeting)) = join_link::classify(link, &hosts.clone().and_host_of(link)) else {
        return Err(ApiError::invalid_meeting_link());
    };
    // Online links on public Skype hosts classify as online too; only listed hosts get tokens.
    if !hosts.is_configured(&meeting.url) {
        return Err(ApiError::meeting_host_not_allowed());
    }
    Ok(meeting.url.to_string())
}

/// The session id of a rejoining guest, if it was issued for this meeting and origin,
/// or a fresh one.
fn session_id(
    state: &AppState,
    requested: Option<&str>,
    meeting_url: &str,
    origin: &str,
) -> Result<String, ApiError> {
    let Some(id) = requested else {
        return Ok(state.sessions.issue(meeting_url, origin));
    };
    match state.sessions.verify(id, meeting_url, origin) {
        Ok(()) => Ok(id.to_owned()),
        Err(refusal) => {
            tracing::info!(%refusal, "session id refused");
            Err(ApiError::session_not_yours())
        }
    }
}

/// `POST /api/v1/guest-token`.
pub async fn guest_token(
    State(state): State<Arc<AppState>>,
    Extension(request_id): Extension<RequestId>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let Some(origin) = allowed_origin(&state, &headers) else {
        // Refused before anything goes upstream.
        return cors(ApiError::origin_not_allowed().into_response(), None);
    };
    let result = mint(&state, &request_id, &origin, &body).await;
    let response = match result {
        Ok(token) => Json(token).into_response(),
        Err(error) => error.into_response(),
    };
    cors(response, Some(&origin))
}

async fn mint(
    state: &AppState,
    request_id: &RequestId,
    origin: &str,
    body: &[u8],
) -> Result<GuestToken, ApiError> {
    let request: GuestTokenRequest = serde_json::from_slice(body)
        .map_err(|_| ApiError::invalid_request("The body must be JSON with a meetingUrl."))?;
    let meeting_url = meeting_url(state, &request.meeting_url)?;
    let grant = check_invitation(state, request.invitation.as_deref(), &meeting_url)?;
    mint_for(state, request_id, origin, &request, &meeting_url, grant).await
}

/// `POST /api/v1/staff/check-token`.
pub async fn staff_check_token(
    State(state): State<Arc<AppState>>,
    Extension(request_id): Extension<RequestId>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if let Err(error) = staff(&state, &headers) {
        return error.into_response();
    }
    let result = async {
        let request: StaffCheckTokenRequest = serde_json::from_slice(&body)
            .map_err(|_| ApiError::invalid_request("The body must be JSON with a meetingUrl."))?;
        let allowed = &state.settings.allowed_origins;
        let origin = match request.origin.as_deref() {
            None => allowed.first(),
            Some(asked) => allowed
                .iter()
                .find(|origin| origin.eq_ignore_ascii_case(asked.trim().trim_end_matches('/'))),
        }
        .cloned()
        .ok_or_else(ApiError::origin_not_allowed)?;
        let meeting_url = meeting_url(&state, &request.guest.meeting_url)?;
        let token = mint_for(&state, &request_id, &origin, &request.guest, &meeting_url, None).await?;
        Ok::<_, ApiError>(StaffCheckToken { token, origin })
    }
    .await;
    match result {
        Ok(token) => Json(token).into_response(),
        Err(error) => error.into_response(),
    }
}

async fn mint_for(
    state: &AppState,
    request_id: &RequestId,
    origin: &str,
    request: &GuestTokenRequest,
    meeting_url: &str,
    grant: Option<Grant>,
) -> Result<GuestToken, ApiError> {
    let session = session_id(
        state,
        request.application_session_id.as_deref(),
        meeting_url,
        origin,
    )?;
    let minted = state
        .upstream
        .guest_token(request_id.as_str(), &session, origin, meeting_url)
        .await
        .map_err(|e| ApiError::from_upstream(&e))?;
    state.metrics.tokens_minted.inc();
    Ok(GuestToken {
        discover_url: minted.discover_url.to_string(),
        token: minted.token,
        expires_at: protocol::date::WireDate::iso8601(minted.expires_at.at()),
        application_session_id: session,
        subject: grant.and_then(|g| g.subject),
    })
}

fn check_invitation(
    state: &AppState,
    invitation: Option<&str>,
    meeting_url: &str,
) -> Result<Option<Grant>, ApiError> {
    let Some(key) = &state.settings.invitation_key else {
        return Ok(None);
    };
    let Some(invitation) = invitation.filter(|i| !i.trim().is_empty()) else {
        return if state.settings.require_invitation {
            Err(ApiError::invitation_required())
        } else {
            Ok(None)
        };
    };
    match invitation::verify(key, invitation, meeting_url, now_secs()) {
        Ok(grant) => Ok(Some(grant)),
        Err(InvitationError::Expired) => Err(ApiError::invitation_expired()),
        Err(InvitationError::Invalid | InvitationError::WrongMeeting) => Err(ApiError::invitation_invalid()),
    }
}

/// Checks the staff key (constant time).
fn staff(state: &AppState, headers: &HeaderMap) -> Result<(), ApiError> {
    let Some(key) = &state.settings.staff_key else {
        return Err(ApiError::not_enabled("The staff API is not enabled here."));
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or_default()
        .as_bytes();
    let expected = key.expose_secret().as_bytes();
    let same = given.len() == expected.len()
        && given.iter().zip(expected).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0;
    if same {
        Ok(())
    } else {
        Err(ApiError::unauthorized())
    }
}

/// What staff ask for.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewMeeting {
    /// The subject guests see.
    pub subject: String,
    /// `Everyone` (default) goes straight in; `Locked` waits in the lobby.
    #[serde(default)]
    pub access_level: Option<AccessLevel>,
}

/// A meeting and the link to send a guest.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StaffMeeting {
    /// The meeting's join URL.
    pub join_url: String,
    /// The link to send a guest: the app with the meeting (and invitation) filled in.
    pub guest_link: String,
    /// The signed invitation, when invitations are enabled.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invitation: Option<String>,
    /// When the invitation expires.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invitation_expires_at: Option<String>,
}

fn guest_link(state: &AppState, join_url: &str, subject: Option<String>) -> StaffMeeting {
    let mut link = state.settings.public_url.clone();
    link.query_pairs_mut()
        .append_pair(protocol::guest_api::JOIN_PARAM, join_url);
    let (invitation, expires) = match &state.settings.invitation_key {
        Some(key) => {
            let expires = now_secs() + i64::from(state.settings.invitation_hours) * 3600;
            let invitation = invitation::sign(
                key,
                &Grant {
                    meeting_url: join_url.to_owned(),
                    expires,
                    subject,
                },
            );
            link.query_pairs_mut()
                .append_pair(protocol::guest_api::INVITE_PARAM, &invitation);
            (
                Some(invitation),
                Some(protocol::date::Timestamp::from_secs(expires).to_iso8601()),
            )
        }
        None => (None, None),
    };
    StaffMeeting {
        join_url: join_url.to_owned(),
        guest_link: link.to_string(),
        invitation,
        invitation_expires_at: expires,
    }
}

/// `POST /api/v1/staff/meetings`: creates an ad-hoc meeting and a guest link for it.
pub async fn create_meeting(
    State(state): State<Arc<AppState>>,
    Extension(request_id): Extension<RequestId>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if let Err(error) = staff(&state, &headers) {
        return error.into_response();
    }
    let Ok(input) = serde_json::from_slice::<NewMeeting>(&body) else {
        return ApiError::invalid_request("The body must be JSON with a subject.").into_response();
    };
    let subject = input.subject.trim().to_owned();
    let request = AdhocMeetingInput {
        subject: subject.clone(),
        access_level: Some(input.access_level.unwrap_or(AccessLevel::Everyone)),
        other: serde_json::Map::new(),
    };
    if request.validate().is_err() {
        return ApiError::invalid_request("The subject must be 1 to 250 characters.").into_response();
    }
    match state.upstream.create_meeting(request_id.as_str(), &request).await {
        Ok(meeting) => (
            StatusCode::CREATED,
            Json(guest_link(&state, &meeting.join_url, Some(subject))),
        )
            .into_response(),
        Err(error) => ApiError::from_upstream(&error).into_response(),
    }
}

/// What staff send to invite a guest to an existing meeting.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewInvitation {
    /// The meeting's join URL.
    pub meeting_url: String,
    /// The subject to show the guest.
    #[serde(default)]
    pub subject: Option<String>,
}

/// `POST /api/v1/staff/invitations`: a guest link for an existing meeting.
pub async fn create_invitation(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if let Err(error) = staff(&state, &headers) {
        return error.into_response();
    }
    let Ok(input) = serde_json::from_slice::<NewInvitation>(&body) else {
        return ApiError::invalid_request("The body must be JSON with a meetingUrl.").into_response();
    };
    match meeting_url(&state, &input.meeting_url) {
        Ok(url) => (
            StatusCode::CREATED,
            Json(guest_link(
                &state,
                &url,
                input.subject.filter(|s| !s.trim().is_empty()),
            )),
        )
            .into_response(),
        Err(error) => error.into_response(),
    }
}
