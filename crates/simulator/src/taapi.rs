//! The Trusted Application API: what service applications call, with an Azure AD token.

use std::collections::BTreeMap;

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use protocol::date::Timestamp;
use protocol::taapi::AccessLevel;
use serde_json::{Value, json};

use crate::auth::{self, AadClaims, PsatClaims, TokenError};
use crate::config::Permission;
use crate::ids::{now_ms, now_secs, random_hex, random_meeting_id, slug};
use crate::journal::HostName;
use crate::model::{Endpoint, Meeting};
use crate::refusal::{Refusal, Validation};
use crate::reply;
use crate::request::{bearer, json_body, query_param};
use crate::state::HostState;

/// The applications routes (ring host, and webpool for redirected calls).
pub fn application_routes() -> Router<HostState> {
    Router::new()
        .route("/platformservice/v1/applications", get(applications))
        .route("/platformservice/v1/applications/{app}", get(application))
        .route(
            "/platformservice/v1/applications/{app}/anonApplicationTokens",
            post(anon_tokens),
        )
        .route(
            "/platformservice/v1/applications/{app}/adhocMeetings",
            post(adhoc_meeting),
        )
}

/// Checks the Azure AD token; `401` (IIS page with challenges) when it fails.
fn authenticate(host: &HostState, headers: &HeaderMap) -> Result<AadClaims, Response> {
    let audiences = auth::accepted_audiences(&host.store.hosts);
    auth::verify_aad(&host.store, bearer(headers), &audiences)
        .map_err(|_: TokenError| reply::unauthorized(&host.store.hosts.ring))
}

/// The `endpointId` query parameter (its name matched case-insensitively, as recorded).
fn endpoint_param(query: &BTreeMap<String, String>) -> Option<String> {
    query_param(query, "endpointId").map(|v| v.trim().to_ascii_lowercase())
}

/// The endpoint an Azure AD caller acts as: its token checked (`401`), the endpoint of
/// `endpointId` found in the token's tenant and app (`403 ApplicationNotFound`), and then
/// `needs`, if given, granted to the app (`403`).
fn caller_endpoint(
    host: &HostState,
    headers: &HeaderMap,
    query: &BTreeMap<String, String>,
    app: Option<&str>,
    needs: Option<Permission>,
) -> Result<Endpoint, Response> {
    let claims = authenticate(host, headers)?;
    let endpoint = endpoint(host, &claims, query, app)?;
    if let Some(needs) = needs {
        permission(host, &claims, needs)?;
    }
    Ok(endpoint)
}

/// The endpoint the token's app may act as, or `403 ApplicationNotFound`.
fn endpoint(
    host: &HostState,
    claims: &AadClaims,
    query: &BTreeMap<String, String>,
    app: Option<&str>,
) -> Result<Endpoint, Response> {
    let not_found = || Refusal::EndpointNotFound.into_response();
    let sip = endpoint_param(query).ok_or_else(not_found)?;
    let state = host.store.lock();
    state
        .endpoints
        .iter()
        .find(|e| {
            e.sip == sip
                && e.tenant == claims.tid
                && e.client_id.eq_ignore_ascii_case(&claims.appid)
                && app.is_none_or(|a| a == e.app_id)
        })
        .cloned()
        .ok_or_else(not_found)
}

fn permission(host: &HostState, claims: &AadClaims, permission: Permission) -> Result<(), Response> {
    let state = host.store.lock();
    let granted = state
        .registrations
        .iter()
        .any(|r| r.client_id.eq_ignore_ascii_case(&claims.appid) && r.permissions.contains(&permission));
    if granted {
        Ok(())
    } else {
        Err(Refusal::PermissionMissing.into_response())
    }
}

/// `sip:a@b` written the way the recorded links wrote it: `sip%3aa%40b`.
fn encode_sip(sip: &str) -> String {
    sip.replace(':', "%3a").replace('@', "%40")
}

async fn applications(
    State(host): State<HostState>,
    Query(query): Query<BTreeMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    let endpoint = match caller_endpoint(&host, &headers, &query, None, None) {
        Ok(endpoint) => endpoint,
        Err(response) => return response,
    };
    let ns = host.namespace(&headers);
    let body = json!({
        "_links": {
            "self": {"href": "/platformservice/v1/applications"},
            format!("{ns}application"): {"href": format!("/platformservice/v1/applications/{}?endpointId={}", endpoint.app_id, encode_sip(&endpoint.sip))},
        },
        "rel": format!("{ns}applications"),
    });
    reply::json(StatusCode::OK, &body, &host.store.lock().quirks)
}

async fn application(
    State(host): State<HostState>,
    Path(app): Path<String>,
    Query(query): Query<BTreeMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    let endpoint = match caller_endpoint(&host, &headers, &query, Some(&app), None) {
        Ok(endpoint) => endpoint,
        Err(response) => return response,
    };
    let ns = host.namespace(&headers);
    let granted: Vec<Permission> = {
        let state = host.store.lock();
        state
            .registrations
            .iter()
            .find(|r| r.client_id == endpoint.client_id)
            .map(|r| r.permissions.clone())
            .unwrap_or_default()
    };
    let base = format!("/platformservice/v1/applications/{}", endpoint.app_id);
    let sip = &endpoint.sip;
    let mut links = json!({"self": {"href": format!("{base}?endpointId={}", encode_sip(sip))}});
    if granted.contains(&Permission::GuestJoin) {
        links[format!("{ns}anonApplicationTokens")] =
            json!({"href": format!("{base}/anonApplicationTokens?endpointId={sip}")});
    }
    let mut communication_links = json!({"self": {"href": format!("{base}/communication?endpointId={sip}")}});
    if granted.contains(&Permission::Messaging) {
        communication_links[format!("{ns}startMessaging")] =
            json!({"href": format!("{base}/communication/messagingInvitations?endpointId={sip}")});
        communication_links[format!("{ns}joinOnlineMeeting")] =
            json!({"href": format!("{base}/communication/onlineMeetingInvitations?endpointId={sip}")});
    }
    let mut embedded = json!({
        format!("{ns}communication"): {"_links": communication_links, "rel": format!("{ns}communication"), "etag": "4294967295"},
        "myOnlineMeetings": {"_links": {"self": {"href": format!("{base}/myOnlineMeetings?endpointId={sip}")}}, "rel": "myOnlineMeetings"},
    });
    if granted.contains(&Permission::CreateMeetings) {
        embedded[format!("{ns}adhocMeetings")] = json!({
            "_links": {"self": {"href": format!("{base}/adhocMeetings?endpointId={sip}")}},
            "rel": format!("{ns}adhocMeetings"),
        });
    }
    let body = json!({"_links": links, "_embedded": embedded, "rel": format!("{ns}application")});
    reply::json(StatusCode::OK, &body, &host.store.lock().quirks)
}

/// The `307` the real service answered a `POST` on the ring host with, when switched on.
fn redirect(host: &HostState, uri: &Uri) -> Option<Response> {
    if host.host != HostName::Ring || !host.store.lock().quirks.redirect_307 {
        return None;
    }
    let query = uri.query().unwrap_or_default();
    let query: Vec<String> = url::form_urlencoded::parse(query.as_bytes())
        .map(|(k, v)| {
            if k.eq_ignore_ascii_case("endpointid") {
                format!("{k}={}", encode_sip(&v))
            } else {
                format!("{k}={v}")
            }
        })
        .collect();
    let webpool = host.store.hosts.webpool.as_str().trim_end_matches('/');
    let location = format!("{webpool}{}?{}&redirect=1", uri.path(), query.join("&"));
    let mut response = StatusCode::TEMPORARY_REDIRECT.into_response();
    if let Ok(value) = HeaderValue::from_str(&location) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    Some(response)
}

/// Normalises `allowedOrigins` entries to origins (`https://x.com/path` → `https://x.com`).
fn normalise_origins(list: &str) -> Result<Vec<String>, ()> {
    list.split(';')
        .map(str::trim)
        .filter(|entry| !entry.is_empty())
        .map(|entry| {
            let url = url::Url::parse(entry).map_err(|_| ())?;
            if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
                return Err(());
            }
            Ok(url.origin().ascii_serialization())
        })
        .collect()
}

async fn anon_tokens(
    State(host): State<HostState>,
    Path(app): Path<String>,
    Query(query): Query<BTreeMap<String, String>>,
    uri: Uri,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Response {
    if let Some(response) = redirect(&host, &uri) {
        return response;
    }
    let endpoint = match caller_endpoint(&host, &headers, &query, Some(&app), Some(Permission::GuestJoin)) {
        Ok(endpoint) => endpoint,
        Err(response) => return response,
    };
    let input = match json_body(
        &headers,
        &body,
        &["applicationSessionId", "allowedOrigins", "meetingUrl"],
    ) {
        Ok(input) => input,
        Err(response) => return response,
    };
    let text = |name: &str| {
        input
            .get(name)
            .and_then(Value::as_str)
            .map(str::trim)
            .unwrap_or_default()
            .to_owned()
    };
    let (session, origins, meeting_url) = (
        text("applicationSessionId"),
        text("allowedOrigins"),
        text("meetingUrl"),
    );
    if session.is_empty() || session.chars().count() > protocol::taapi::MAX_APPLICATION_SESSION_ID {
        return invalid("applicationSessionId", Validation::of(&session));
    }
    if origins.is_empty() || origins.chars().count() > protocol::taapi::MAX_ALLOWED_ORIGINS {
        return invalid("allowedOrigins", Validation::of(&origins));
    }
    let Ok(origins) = normalise_origins(&origins) else {
        return invalid("allowedOrigins", Validation::Invalid);
    };
    if meeting_url.is_empty() {
        return invalid("meetingUrl", Validation::Missing);
    }
    if !meeting_url.starts_with("http://") && !meeting_url.starts_with("https://") {
        return invalid("meetingUrl", Validation::Invalid);
    }
    let meeting: Meeting = {
        let state = host.store.lock();
        match state.meeting_by_url(&meeting_url, &host.store.hosts.meet) {
            Some(meeting) if meeting.is_on(now_ms()) => meeting.clone(),
            _ => return Refusal::NoMeetingAtUrl(state.quirks.meeting_url_refusal).into_response(),
        }
    };
    if meeting.tenant != endpoint.tenant {
        return Refusal::MeetingInAnotherTenant.into_response();
    }
    let lifetime = i64::try_from(host.store.timers.psat_lifetime_secs).unwrap_or(28_800);
    let claims = {
        let mut state = host.store.lock();
        let floor = state.token_floor.get(&session).copied().unwrap_or(0);
        let now = now_secs().max(floor + 1);
        let claims = PsatClaims {
            nbf: now,
            exp: now + lifetime,
            iat: now,
            ruu: meeting.organizer_uri.clone(),
            asi: session,
            aeu: endpoint.sip.clone(),
            ao: origins.join(";"),
            confid: meeting.conference_uri.clone(),
            ucwaext: format!("{}ucwa/v1/applications", host.store.hosts.webpool),
            tid: meeting.tenant.clone(),
            jti: random_hex(16),
        };
        for origin in &origins {
            let entry = state.live_origins.entry(origin.clone()).or_insert(0);
            *entry = (*entry).max(claims.exp);
        }
        claims
    };
    // Signing (RSA) waits for no lock on the store, so other hosts carry on meanwhile.
    let (token, expires) = (host.store.keys().sign(&claims), claims.exp);
    let ns = host.namespace(&headers);
    let quirks = host.store.lock().quirks.clone();
    let api = host.store.hosts.api.as_str().trim_end_matches('/');
    let parameter = if quirks.legacy_discover_parameter {
        "anonymousContext"
    } else {
        "anonymousMeetingJoinContext"
    };
    let redirected = query_param(&query, "redirect").is_some();
    let self_host = if redirected {
        &host.store.hosts.webpool
    } else {
        &host.store.hosts.ring
    };
    let body = json!({
        "token": format!("psat={token}"),
        "expiryTime": crate::render::date(&quirks, Timestamp::from_secs(expires)),
        "_links": {
            "self": {"href": format!("{}{}", self_host.as_str().trim_end_matches('/'), uri)},
            format!("{ns}discover"): {"href": format!("{api}/platformService/discover?{parameter}=psat%253d{token}")},
        },
        "rel": format!("{ns}anonApplicationToken"),
    });
    let status = StatusCode::from_u16(quirks.anon_token_status).unwrap_or(StatusCode::CREATED);
    reply::json(status, &body, &quirks)
}

async fn adhoc_meeting(
    State(host): State<HostState>,
    Path(app): Path<String>,
    Query(query): Query<BTreeMap<String, String>>,
    uri: Uri,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Response {
    if let Some(response) = redirect(&host, &uri) {
        return response;
    }
    let endpoint = match caller_endpoint(
        &host,
        &headers,
        &query,
        Some(&app),
        Some(Permission::CreateMeetings),
    ) {
        Ok(endpoint) => endpoint,
        Err(response) => return response,
    };
    let input = match json_body(&headers, &body, &["subject", "accessLevel", "description"]) {
        Ok(input) => input,
        Err(response) => return response,
    };
    let subject = input
        .get("subject")
        .and_then(Value::as_str)
        .map(str::trim)
        .unwrap_or_default()
        .to_owned();
    if subject.is_empty() || subject.chars().count() > protocol::ucwa::MAX_SUBJECT {
        return invalid("subject", Validation::of(&subject));
    }
    let access_level = match input.get("accessLevel").and_then(Value::as_str) {
        None => AccessLevel::Everyone,
        Some(level) => match AccessLevel::from(level) {
            AccessLevel::Other(_) => return invalid("accessLevel", Validation::Invalid),
            known => known,
        },
    };
    let organizer = format!(
        "{}meet{}",
        slug(
            endpoint
                .sip
                .trim_start_matches("sip:")
                .split('@')
                .next()
                .unwrap_or("app")
        ),
        random_hex(2)
    );
    let id = random_meeting_id();
    let config = crate::config::MeetingConfig {
        id: id.clone(),
        tenant: endpoint.tenant.clone(),
        organizer: organizer.clone(),
        organizer_name: "Service application".to_owned(),
        subject: subject.clone(),
        access_level: access_level.clone(),
        organizer_present: false,
        participants: Vec::new(),
        dial_in: None,
    };
    let join_url = match host.store.add_meeting(&config) {
        Ok(url) => url,
        Err(error) => return Refusal::from(error).into_response(),
    };
    let expires = now_ms() + i64::try_from(host.store.timers.adhoc_meeting_secs).unwrap_or(28_800) * 1000;
    let (organizer_uri, conference_uri) = {
        let mut state = host.store.lock();
        let Some(meeting) = state.meetings.get_mut(&id) else {
            return Refusal::MeetingVanished.into_response();
        };
        meeting.expires_ms = Some(expires);
        (meeting.organizer_uri.clone(), meeting.conference_uri.clone())
    };
    let ns = host.namespace(&headers);
    let quirks = host.store.lock().quirks.clone();
    let base = format!("/platformservice/v1/applications/{}", endpoint.app_id);
    let webpool = host.store.hosts.webpool.as_str().trim_end_matches('/');
    let body = json!({
        "accessLevel": access_level.as_str(),
        "entryExitAnnouncement": "Disabled",
        "automaticLeaderAssignment": "Disabled",
        "description": input.get("description").and_then(Value::as_str).unwrap_or_default(),
        "expirationTime": crate::render::date(&quirks, Timestamp::from_millis(expires)),
        "onlineMeetingId": id,
        "onlineMeetingUri": conference_uri,
        "organizerUri": organizer_uri,
        "conferenceId": id,
        "phoneUserAdmission": "Disabled",
        "lobbyBypassForPhoneUsers": "Disabled",
        "subject": subject,
        "joinUrl": join_url,
        "_links": {
            "self": {"href": format!("{base}/adhocMeetings/{id}?endpointId={}&onlineMeetingContext={organizer_uri}", endpoint.sip)},
            format!("{ns}discover"): {"href": format!("{}/platformService/discover?discoverContext={}", host.store.hosts.api.as_str().trim_end_matches('/'), random_hex(24))},
            format!("{ns}joinAdhocMeeting"): {"href": format!("{webpool}{base}/communication/onlineMeetingInvitations?confUrl={conference_uri}&endpointId={}", endpoint.sip)},
            "applications": {"href": format!("{webpool}/ucwa/v1/applications")},
        },
        "rel": format!("{ns}adhocMeeting"),
        "etag": now_secs().to_string(),
    });
    let mut response = reply::json(StatusCode::OK, &body, &quirks);
    if let Ok(value) = HeaderValue::from_str(&format!("\"{}\"", now_secs())) {
        response.headers_mut().insert(header::ETAG, value);
    }
    response
}

/// `400 ParameterValidationFailure` for the input property `name`.
fn invalid(name: &'static str, reason: Validation) -> Response {
    Refusal::InvalidParameter { name, reason }.into_response()
}
