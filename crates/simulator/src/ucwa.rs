//! UCWA for anonymous guests: the application, its event channel, joining, chat and
//! leaving. Online ("psanon", on the webpool host) a guest token's holder creates it after
//! the guest discover; on premises (`applications` on the pool) a web ticket's holder does,
//! and gives the display name when joining (protocol.md §3.6–§3.8).

use std::collections::BTreeMap;
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{FromRequestParts, Path, Query, RawPathParams, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde_json::Value;

use crate::auth;
use crate::channel::{PollOutcome, PollStart};
use crate::ids::{now_ms, random_hex};
use crate::journal::DeliveredEvents;
use crate::journal::HostName;
use crate::model::{NewApplication, ON_PREMISES_APPLICATIONS, PSANON_APPLICATIONS};
use crate::refusal::{Refusal, Validation};
use crate::reply::{self, dropped_connection};
use crate::request::{bearer, json_body, query_param, query_param_any, text_field};
use crate::state::HostState;
use crate::tell;

/// The routes of one applications collection: [`PSANON_APPLICATIONS`] on the webpool
/// host, [`ON_PREMISES_APPLICATIONS`] on the on-premises pool.
pub fn routes(collection: &'static str) -> Router<HostState> {
    let app = &format!("{collection}/{{app}}");
    let conv = &format!("{collection}/{{app}}/communication/conversations/{{conv}}");
    let router = Router::new()
        .route(collection, post(create_application))
        .route(app, get(get_application).delete(delete_application))
        .route(&format!("{app}/events"), get(events))
        .route(
            &format!("{app}/communication/onlineMeetingInvitations"),
            post(join),
        )
        .route(
            &format!("{app}/communication/messagingInvitations"),
            post(start_messaging),
        )
        .route(conv, get(get_conversation).delete(leave_conversation))
        .route(&format!("{conv}/onlineMeeting"), get(online_meeting))
        .route(
            &format!("{app}/onlineMeetings/phoneDialInInformation"),
            get(phone_dial_in),
        )
        .route(&format!("{conv}/participants"), get(participants))
        .route(&format!("{conv}/participants/{{person}}"), get(participant))
        .route(
            &format!("{conv}/messaging/messagingInvitations"),
            post(add_messaging),
        )
        .route(&format!("{conv}/messaging/messages"), post(send_message))
        .route(&format!("{conv}/messaging/terminate"), post(stop_messaging))
        .route(&format!("{conv}/messaging/typing"), post(typing));
    if collection == ON_PREMISES_APPLICATIONS {
        // What an anonymous user of the server may not do (protocol.md §3.7).
        router
            .route(&format!("{app}/reportMyActivity"), post(anonymous_not_allowed))
            .route(&format!("{app}/me/makeMeAvailable"), post(anonymous_not_allowed))
    } else {
        router
    }
}

/// Whether `host` is the on-premises pool, whose guests hold web tickets.
fn on_premises(host: &HostState) -> bool {
    matches!(host.host, HostName::Pool | HostName::Pool2)
}

/// Whether guests' applications live on this on-premises pool: the organizer's home pool,
/// or in a split domain the second one (protocol.md §3.5). The other pool has none, and
/// answers for them as for any unknown resource.
fn hosts_applications(host: &HostState) -> bool {
    let state = host.store.lock();
    let second = state.on_premises.split_domain || state.on_premises.homed_on_second_pool;
    host.host == if second { HostName::Pool2 } else { HostName::Pool }
}

async fn anonymous_not_allowed(_guest: Guest) -> Response {
    Refusal::AnonymousNotAllowed.into_response()
}

/// A request from the guest who owns application `{app}` of its path: handlers that take
/// it run only once the bearer token is verified and bound to that application.
struct Guest;

impl FromRequestParts<HostState> for Guest {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, host: &HostState) -> Result<Self, Response> {
        let params = RawPathParams::from_request_parts(parts, host)
            .await
            .map_err(IntoResponse::into_response)?;
        let app = params
            .iter()
            .find(|(name, _)| *name == "app")
            .map_or("", |(_, id)| id);
        guest(host, &parts.headers, app)?;
        Ok(Self)
    }
}

/// The guest token (or on premises the web ticket) of a request, checked against
/// application `app`.
fn guest(host: &HostState, headers: &HeaderMap, app: &str) -> Result<(), Response> {
    if on_premises(host) && !hosts_applications(host) {
        return Err(Refusal::ResourceNotFound.into_response());
    }
    let mut state = host.store.lock();
    let session = if on_premises(host) {
        auth::verify_web_ticket(&state, bearer(headers), host.url()).map(|grant| grant.identity)
    } else {
        auth::verify_psat(&host.store, &state, bearer(headers)).map(|claims| claims.asi)
    };
    let session = match session {
        Ok(session) => session,
        Err(_) => {
            drop(state);
            return Err(unauthorized(host));
        }
    };
    let found = state.app(app).map_err(IntoResponse::into_response)?;
    if found.session_id != session {
        return Err(Refusal::TokenForAnotherApplication.into_response());
    }
    Ok(())
}

fn created(location: &str) -> Response {
    let mut response = StatusCode::CREATED.into_response();
    if let Ok(value) = HeaderValue::from_str(location) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    response
}

/// The application resource, as the trace shows it.
fn application_body(host: &HostState, app: &str) -> Option<Value> {
    let state = host.store.lock();
    let app = state.apps.get(app)?;
    let events = state.channels.get(&app.id)?.first_href();
    let expires = protocol::date::Timestamp::from_millis(
        now_ms() + i64::try_from(host.store.timers.app_idle_secs).unwrap_or(300) * 1000,
    );
    Some(tell::application(
        app,
        &events,
        &crate::render::date(&state.quirks, expires),
    ))
}

async fn create_application(State(host): State<HostState>, headers: HeaderMap, body: Bytes) -> Response {
    if on_premises(&host) {
        return create_on_premises_application(&host, &headers, &body);
    }
    let claims = {
        let state = host.store.lock();
        auth::verify_psat(&host.store, &state, bearer(&headers))
    };
    let Ok(claims) = claims else {
        return unauthorized(&host);
    };
    let input = match json_body(
        &headers,
        &body,
        &[
            "anonymousDisplayName",
            "culture",
            "userAgent",
            "endpointId",
            "instanceId",
        ],
    ) {
        Ok(input) => input,
        Err(response) => return response,
    };
    // Every documented client creates the psanon application with all three (protocol.md
    // §2.2, §8 item 13); a missing or over-long one is named in the refusal.
    let (culture, user_agent, name) = (
        text_field(&input, "culture"),
        text_field(&input, "userAgent"),
        text_field(&input, "anonymousDisplayName"),
    );
    let (field_max, name_max) = (
        protocol::ucwa::MAX_APPLICATION_FIELD,
        protocol::ucwa::MAX_DISPLAY_NAME,
    );
    for (field, value, max) in [
        ("culture", &culture, field_max),
        ("userAgent", &user_agent, field_max),
        ("anonymousDisplayName", &name, name_max),
    ] {
        match value {
            None => return invalid(field, Validation::Missing),
            Some(v) if v.chars().count() > max => return invalid(field, Validation::Invalid),
            Some(_) => {}
        }
    }
    let id = {
        let mut state = host.store.lock();
        let app = state.create_app(NewApplication {
            collection: PSANON_APPLICATIONS,
            session_id: claims.asi.clone(),
            origins: claims.origins(),
            conference: claims.confid.clone(),
            name: name.unwrap_or_default(),
            culture: culture.unwrap_or_default(),
            user_agent: user_agent.unwrap_or_default(),
            endpoint_id: text_field(&input, "endpointId"),
        });
        app.id.clone()
    };
    application_created(&host, &id, PSANON_APPLICATIONS)
}

/// `201` with the new application and its `Location`.
fn application_created(host: &HostState, id: &str, collection: &str) -> Response {
    let Some(body) = application_body(host, id) else {
        return Refusal::ApplicationVanished.into_response();
    };
    let mut response = reply::json(StatusCode::CREATED, &body, &host.store.lock().quirks);
    if let Ok(value) = HeaderValue::from_str(&format!("{collection}/{id}")) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    response
}

/// `POST applications` on premises (protocol.md §3.6): a web ticket's holder, with
/// `userAgent`, `endpointId` and `culture` as every documented example sends them (in any
/// case: PascalCase is accepted). The display name comes with the join. The `endpointId`
/// must be unique among the user's running applications: a second one gets
/// `409 AlreadyExists` (the documents give no error for it).
fn create_on_premises_application(host: &HostState, headers: &HeaderMap, body: &[u8]) -> Response {
    if !hosts_applications(host) {
        return Refusal::ResourceNotFound.into_response();
    }
    let grant = {
        let state = host.store.lock();
        auth::verify_web_ticket(&state, bearer(headers), host.url())
    };
    let Ok(grant) = grant else {
        return unauthorized(host);
    };
    let input = match json_body(headers, body, &["userAgent", "endpointId", "culture"]) {
        Ok(input) => input,
        Err(response) => return response,
    };
    let field = |name: &'static str| match text_field(&input, name) {
        None => Err(invalid(name, Validation::Missing)),
        Some(v) if v.chars().count() > protocol::ucwa::MAX_APPLICATION_FIELD => {
            Err(invalid(name, Validation::Invalid))
        }
        Some(v) => Ok(v),
    };
    let (user_agent, endpoint_id, culture) = match (field("userAgent"), field("endpointId"), field("culture"))
    {
        (Ok(user_agent), Ok(endpoint_id), Ok(culture)) => (user_agent, endpoint_id, culture),
        (Err(refused), _, _) | (_, Err(refused), _) | (_, _, Err(refused)) => return refused,
    };
    let id = {
        let mut state = host.store.lock();
        let in_use = state.apps.values().any(|app| {
            app.session_id == grant.identity
                && app.expired_at.is_none()
                && app.endpoint_id.as_deref() == Some(endpoint_id.as_str())
        });
        if in_use {
            return Refusal::AlreadyExists.into_response();
        }
        let origins = state.on_premises.cross_domain_authorization_list.clone();
        state
            .create_app(NewApplication {
                collection: ON_PREMISES_APPLICATIONS,
                session_id: grant.identity,
                origins,
                conference: grant.conference_uri,
                name: String::new(),
                culture,
                user_agent,
                endpoint_id: Some(endpoint_id),
            })
            .id
            .clone()
    };
    application_created(host, &id, ON_PREMISES_APPLICATIONS)
}

async fn get_application(State(host): State<HostState>, _guest: Guest, Path(app): Path<String>) -> Response {
    match application_body(&host, &app) {
        Some(body) => reply::json(StatusCode::OK, &body, &host.store.lock().quirks),
        None => Refusal::ApplicationNotFound.into_response(),
    }
}

async fn delete_application(
    State(host): State<HostState>,
    _guest: Guest,
    Path(app): Path<String>,
) -> Response {
    match host.store.lock().delete_app(&app) {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(error) => error.into_response(),
    }
}

async fn events(
    State(host): State<HostState>,
    _guest: Guest,
    Path(app): Path<String>,
    Query(query): Query<BTreeMap<String, String>>,
) -> Response {
    let param = |name: &str| query_param(&query, name).map(str::to_owned);
    let Some(ack) = param("ack").and_then(|a| a.parse::<u64>().ok()) else {
        return invalid("ack", Validation::Missing);
    };
    let timers = &host.store.timers;
    let timeout = param("timeout")
        .and_then(|t| t.parse::<u64>().ok())
        .unwrap_or(timers.default_event_timeout_secs)
        .clamp(
            timers.min_event_timeout_secs,
            timers.max_event_timeout_secs.max(timers.min_event_timeout_secs),
        );
    let start = {
        let mut state = host.store.lock();
        if state.app(&app).is_err() {
            return Refusal::ApplicationNotFound.into_response();
        }
        let Some(channel) = state.channels.get_mut(&app) else {
            return Refusal::ApplicationNotFound.into_response();
        };
        if param("key").as_deref() != Some(channel.key()) {
            return Refusal::EventChannelKeyMismatch.into_response();
        }
        channel.poll(ack)
    };
    let outcome = match start {
        PollStart::Ready(response) => PollOutcome::Events(response),
        PollStart::Parked(id, mut rx) => {
            match tokio::time::timeout(Duration::from_secs(timeout), &mut rx).await {
                Ok(Ok(outcome)) => outcome,
                Ok(Err(_)) => PollOutcome::Gone,
                Err(_) => {
                    let mut state = host.store.lock();
                    match state.channels.get_mut(&app).and_then(|c| c.time_out(id)) {
                        Some(response) => PollOutcome::Events(response),
                        None => rx.try_recv().unwrap_or(PollOutcome::Gone),
                    }
                }
            }
        }
    };
    let mut state = host.store.lock();
    match outcome {
        PollOutcome::Events(_) if state.faults.take_drop() => dropped_connection(),
        PollOutcome::Events(response) => {
            let mut reply = reply::json(StatusCode::OK, &response, &state.quirks);
            reply.extensions_mut().insert(DeliveredEvents::of(&response));
            reply
        }
        PollOutcome::Dropped => dropped_connection(),
        PollOutcome::Replaced => Refusal::PGetReplaced.into_response(),
        PollOutcome::Gone => {
            let expired = state.apps.get(&app).is_some_and(|a| a.expired_at.is_some());
            if expired {
                Refusal::ApplicationExpired.into_response()
            } else {
                Refusal::ApplicationNotFound.into_response()
            }
        }
    }
}

async fn join(
    State(host): State<HostState>,
    _guest: Guest,
    Path(app): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let input = match json_body(
        &headers,
        &body,
        &[
            "onlineMeetingUri",
            "anonymousDisplayName",
            "operationId",
            "importance",
            "subject",
            "threadId",
        ],
    ) {
        Ok(input) => input,
        Err(response) => return response,
    };
    let Some(uri) = text_field(&input, "onlineMeetingUri") else {
        return invalid("onlineMeetingUri", Validation::Missing);
    };
    let Some(operation) =
        text_field(&input, "operationId").filter(|o| o.chars().count() <= protocol::ucwa::MAX_OPERATION_ID)
    else {
        return invalid("operationId", Validation::MissingOrInvalid);
    };
    let name = text_field(&input, "anonymousDisplayName");
    if name.is_none() {
        return invalid("anonymousDisplayName", Validation::Missing);
    }
    if name
        .as_ref()
        .is_some_and(|n| n.chars().count() > protocol::ucwa::MAX_DISPLAY_NAME)
    {
        return invalid("anonymousDisplayName", Validation::Invalid);
    }
    match host.store.lock().join(&app, &uri, &operation, name.as_deref()) {
        Ok(location) => created(&location),
        Err(error) => error.into_response(),
    }
}

/// Peer-to-peer chat needs a chat token; a meeting token cannot start it.
async fn start_messaging(_guest: Guest) -> Response {
    Refusal::PeerToPeerNotAllowed.into_response()
}

async fn get_conversation(
    State(host): State<HostState>,
    _guest: Guest,
    Path((app, conv)): Path<(String, String)>,
) -> Response {
    let state = host.store.lock();
    let Some(view) = state.conversation_view(&app, &conv) else {
        return Refusal::ConversationNotFound.into_response();
    };
    reply::json(StatusCode::OK, &view, &state.quirks)
}

async fn online_meeting(
    State(host): State<HostState>,
    _guest: Guest,
    Path((app, conv)): Path<(String, String)>,
) -> Response {
    let state = host.store.lock();
    let Some(view) = state.online_meeting_view(&app, &conv) else {
        return Refusal::ConversationNotFound.into_response();
    };
    reply::json(StatusCode::OK, &view, &state.quirks)
}

async fn phone_dial_in(State(host): State<HostState>, _guest: Guest, Path(app): Path<String>) -> Response {
    let state = host.store.lock();
    let Some(view) = state.dial_in_view(&app) else {
        return Refusal::ResourceNotFound.into_response();
    };
    reply::json(StatusCode::OK, &view, &state.quirks)
}

async fn participants(
    State(host): State<HostState>,
    _guest: Guest,
    Path((app, conv)): Path<(String, String)>,
) -> Response {
    let state = host.store.lock();
    let Some(list) = state.participants_view(&app, &conv) else {
        return Refusal::ConversationNotFound.into_response();
    };
    reply::json(StatusCode::OK, &list, &state.quirks)
}

async fn participant(
    State(host): State<HostState>,
    _guest: Guest,
    Path((app, conv, person)): Path<(String, String, String)>,
) -> Response {
    let state = host.store.lock();
    let Some(resource) = state.participant_view(&app, &conv, &person) else {
        return Refusal::ResourceNotFound.into_response();
    };
    reply::json(StatusCode::OK, &resource, &state.quirks)
}

async fn leave_conversation(
    State(host): State<HostState>,
    _guest: Guest,
    Path((app, conv)): Path<(String, String)>,
) -> Response {
    match host.store.lock().leave_conversation(&app, &conv) {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(error) => error.into_response(),
    }
}

async fn add_messaging(
    State(host): State<HostState>,
    _guest: Guest,
    Path((app, conv)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let input = match json_body(&headers, &body, &["operationId"]) {
        Ok(input) => input,
        Err(response) => return response,
    };
    let Some(operation) =
        text_field(&input, "operationId").filter(|o| o.chars().count() <= protocol::ucwa::MAX_OPERATION_ID)
    else {
        return invalid("operationId", Validation::MissingOrInvalid);
    };
    match host.store.lock().add_messaging(&app, &conv, &operation) {
        Ok(location) => created(&location),
        Err(error) => error.into_response(),
    }
}

async fn send_message(
    State(host): State<HostState>,
    _guest: Guest,
    Path((app, conv)): Path<(String, String)>,
    Query(query): Query<BTreeMap<String, String>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_ascii_lowercase();
    // psanon applications negotiate plain text only; HTML is refused.
    if !content_type.starts_with("text/plain") {
        return Refusal::UnsupportedMediaType.into_response();
    }
    let Ok(text) = String::from_utf8(body.to_vec()) else {
        return invalid("message", Validation::Invalid);
    };
    if text.trim().is_empty() {
        return invalid("message", Validation::Missing);
    }
    // The docs name the correlation parameter three ways; all are accepted.
    let operation = query_param_any(&query, &["operationId", "OperationContext", "SessionContext"])
        .map_or_else(|| random_hex(8), str::to_owned);
    if operation.chars().count() > protocol::ucwa::MAX_OPERATION_ID {
        return invalid("operationId", Validation::Invalid);
    }
    match host.store.lock().send_message(&app, &conv, &operation, &text) {
        Ok(location) => created(&location),
        Err(error) => error.into_response(),
    }
}

async fn stop_messaging(
    State(host): State<HostState>,
    _guest: Guest,
    Path((app, conv)): Path<(String, String)>,
) -> Response {
    match host.store.lock().stop_messaging(&app, &conv) {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(error) => error.into_response(),
    }
}

async fn typing(
    State(host): State<HostState>,
    _guest: Guest,
    Path((app, conv)): Path<(String, String)>,
) -> Response {
    match host.store.lock().set_is_typing(&app, &conv) {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(error) => error.into_response(),
    }
}

/// `400 ParameterValidationFailure` for the input property `name`.
fn invalid(name: &'static str, reason: Validation) -> Response {
    Refusal::InvalidParameter { name, reason }.into_response()
}

/// `401` for a missing or bad guest token or web ticket, pointing at the WebTicket
/// service of the host's pool.
fn unauthorized(host: &HostState) -> Response {
    if on_premises(host) {
        return reply::on_premises_unauthorized(host.url(), &host.store.lock().quirks);
    }
    reply::unauthorized(&host.store.hosts.webpool)
}
