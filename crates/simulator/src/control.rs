//! The control API: plays the organizer and other participants, injects faults, reads the
//! journal, and mints tokens for tests. JSON in, JSON out; never exposed to guests.

use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use protocol::taapi::AccessLevel;
use protocol::ucwa::resources::{MessageBody, Role};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::auth;
use crate::config::{MeetingConfig, Quirks};
use crate::faults::{FailureRule, Faults, Latency};
use crate::ids::{now_secs, random_hex, random_meeting_id};
use crate::model::{Affiliation, Gone};
use crate::refusal::ControlError;
use crate::state::HostState;
use crate::views::MeetingView;

/// The control routes.
pub fn routes() -> Router<HostState> {
    Router::new()
        .route("/control/state", get(state))
        .route("/control/meetings", get(meetings).post(create_meeting))
        .route("/control/meetings/{meeting}", get(meeting))
        .route("/control/meetings/{meeting}/people", post(add_person))
        .route(
            "/control/meetings/{meeting}/people/{person}",
            axum::routing::delete(remove_person),
        )
        .route("/control/meetings/{meeting}/people/{person}/admit", post(admit))
        .route("/control/meetings/{meeting}/people/{person}/typing", post(typing))
        .route("/control/meetings/{meeting}/people/{person}/deny", post(deny))
        .route("/control/meetings/{meeting}/messages", post(say))
        .route("/control/meetings/{meeting}/end", post(end))
        .route("/control/quirks", get(quirks).put(set_quirks))
        .route(
            "/control/faults",
            get(faults).put(set_faults).delete(clear_faults),
        )
        .route("/control/faults/latency", post(set_latency))
        .route("/control/faults/failures", post(add_failure))
        .route("/control/events/drop", post(drop_events))
        .route("/control/expire", post(expire))
        .route("/control/journal", get(journal).delete(clear_journal))
        .route("/control/keys/rotate", post(rotate_keys))
        .route("/control/keys/publish-pending", post(publish_pending_key))
        .route("/control/tokens/callback", post(callback_token))
        .route("/control/callbacks", post(send_callback))
}

/// `204`, or the failure.
fn op(result: Result<(), ControlError>) -> Response {
    match result {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(e) => e.into_response(),
    }
}

/// A meeting as the control API shows it (keys in order, as `json!` writes them).
fn meeting_json(meeting: &MeetingView) -> Value {
    serde_json::to_value(meeting).unwrap_or(Value::Null)
}

async fn state(State(host): State<HostState>) -> Response {
    let state = host.store.lock();
    let apps: Vec<Value> = state
        .application_views()
        .into_iter()
        .map(|a| json!({"id": a.id, "name": a.name, "session_id": a.session_id, "expired": a.expired, "parked": a.parked}))
        .collect();
    axum::Json(json!({
        "hosts": host.store.hosts,
        "meetings": state.meeting_views().iter().map(meeting_json).collect::<Vec<_>>(),
        "applications": apps,
        "quirks": state.quirks,
        "faults": state.faults,
    }))
    .into_response()
}

async fn meetings(State(host): State<HostState>) -> Response {
    let state = host.store.lock();
    axum::Json(state.meeting_views().iter().map(meeting_json).collect::<Vec<_>>()).into_response()
}

async fn meeting(State(host): State<HostState>, Path(id): Path<String>) -> Response {
    let state = host.store.lock();
    match state.meeting_view(&id.to_ascii_uppercase()) {
        Some(meeting) => axum::Json(meeting_json(&meeting)).into_response(),
        None => ControlError::NoSuchMeeting.into_response(),
    }
}

#[derive(Debug, Deserialize)]
struct NewMeeting {
    subject: String,
    #[serde(default)]
    access_level: Option<AccessLevel>,
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    tenant: Option<String>,
    #[serde(default)]
    organizer: Option<String>,
    #[serde(default)]
    organizer_name: Option<String>,
    #[serde(default = "present")]
    organizer_present: bool,
}

fn present() -> bool {
    true
}

async fn create_meeting(
    State(host): State<HostState>,
    axum::Json(input): axum::Json<NewMeeting>,
) -> Response {
    let tenant = match input.tenant {
        Some(tenant) => tenant,
        None => match host.store.lock().tenants.first() {
            Some(t) => t.id.clone(),
            None => return ControlError::NoTenant.into_response(),
        },
    };
    let config = MeetingConfig {
        id: input.id.unwrap_or_else(random_meeting_id),
        tenant,
        organizer: input.organizer.unwrap_or_else(|| "organizer".to_owned()),
        organizer_name: input.organizer_name.unwrap_or_else(|| "Organizer".to_owned()),
        subject: input.subject,
        access_level: input.access_level.unwrap_or(AccessLevel::Everyone),
        organizer_present: input.organizer_present,
        participants: Vec::new(),
        dial_in: None,
    };
    let id = config.id.to_ascii_uppercase();
    match host.store.add_meeting(&config) {
        Ok(join_url) => (
            StatusCode::CREATED,
            axum::Json(json!({"id": id, "join_url": join_url})),
        )
            .into_response(),
        Err(e) => ControlError::from(e).into_response(),
    }
}

#[derive(Debug, Deserialize)]
struct NewPerson {
    name: String,
    #[serde(default)]
    leader: bool,
    /// A Skype user's Microsoft account (`user@example.com`).
    skype_account: Option<String>,
    /// The SIP domain of someone from another organisation.
    organisation_domain: Option<String>,
}

impl NewPerson {
    fn affiliation(&self) -> Result<Affiliation, ControlError> {
        match (&self.skype_account, &self.organisation_domain) {
            (None, None) => Ok(Affiliation::Organisation),
            (Some(account), None) => Ok(Affiliation::Skype {
                account: account.clone(),
            }),
            (None, Some(domain)) => Ok(Affiliation::OtherOrganisation {
                domain: domain.clone(),
            }),
            (Some(_), Some(_)) => Err(ControlError::InvalidPerson("organisation_domain")),
        }
    }
}

async fn add_person(
    State(host): State<HostState>,
    Path(meeting): Path<String>,
    axum::Json(input): axum::Json<NewPerson>,
) -> Response {
    let role = if input.leader {
        Role::Leader
    } else {
        Role::Attendee
    };
    let affiliation = match input.affiliation() {
        Ok(affiliation) => affiliation,
        Err(e) => return e.into_response(),
    };
    match host
        .store
        .lock()
        .add_person(&meeting.to_ascii_uppercase(), &input.name, &role, &affiliation)
    {
        Ok(id) => (StatusCode::CREATED, axum::Json(json!({"id": id}))).into_response(),
        Err(e) => op(Err(e)),
    }
}

async fn remove_person(
    State(host): State<HostState>,
    Path((meeting, person)): Path<(String, String)>,
) -> Response {
    op(host.store.lock().remove(&meeting.to_ascii_uppercase(), &person))
}

async fn admit(State(host): State<HostState>, Path((meeting, person)): Path<(String, String)>) -> Response {
    op(host.store.lock().admit(&meeting.to_ascii_uppercase(), &person))
}

async fn typing(State(host): State<HostState>, Path((meeting, person)): Path<(String, String)>) -> Response {
    op(host.store.lock().typing(&meeting.to_ascii_uppercase(), &person))
}

async fn deny(State(host): State<HostState>, Path((meeting, person)): Path<(String, String)>) -> Response {
    op(host.store.lock().deny(&meeting.to_ascii_uppercase(), &person))
}

#[derive(Debug, Deserialize)]
struct Say {
    /// A person id, or omitted for the first leader present.
    #[serde(default)]
    from: Option<String>,
    text: String,
    #[serde(default)]
    html: bool,
}

async fn say(
    State(host): State<HostState>,
    Path(meeting): Path<String>,
    axum::Json(input): axum::Json<Say>,
) -> Response {
    let meeting = meeting.to_ascii_uppercase();
    let mut state = host.store.lock();
    let from = match input.from {
        Some(from) => from,
        None => match state
            .meetings
            .get(&meeting)
            .and_then(|m| m.people.values().find(|p| p.leader && p.app.is_none()))
        {
            Some(person) => person.id.clone(),
            None => return ControlError::NobodyToSpeak.into_response(),
        },
    };
    let body = if input.html {
        MessageBody::Html(input.text)
    } else {
        MessageBody::Plain(input.text)
    };
    op(state.say(&meeting, &from, &body))
}

async fn end(State(host): State<HostState>, Path(meeting): Path<String>) -> Response {
    op(host.store.lock().end_meeting(&meeting.to_ascii_uppercase()))
}

async fn quirks(State(host): State<HostState>) -> Response {
    axum::Json(host.store.lock().quirks.clone()).into_response()
}

async fn set_quirks(State(host): State<HostState>, axum::Json(quirks): axum::Json<Quirks>) -> Response {
    host.store.lock().quirks = quirks;
    StatusCode::NO_CONTENT.into_response()
}

async fn faults(State(host): State<HostState>) -> Response {
    axum::Json(host.store.lock().faults.clone()).into_response()
}

async fn set_faults(State(host): State<HostState>, axum::Json(faults): axum::Json<Faults>) -> Response {
    host.store.lock().faults = faults;
    StatusCode::NO_CONTENT.into_response()
}

async fn clear_faults(State(host): State<HostState>) -> Response {
    host.store.lock().faults = Faults::default();
    StatusCode::NO_CONTENT.into_response()
}

async fn set_latency(State(host): State<HostState>, axum::Json(latency): axum::Json<Latency>) -> Response {
    host.store.lock().faults.latency = (latency.millis > 0).then_some(latency);
    StatusCode::NO_CONTENT.into_response()
}

async fn add_failure(State(host): State<HostState>, axum::Json(rule): axum::Json<FailureRule>) -> Response {
    if !(400..=599).contains(&rule.status) {
        return ControlError::FailureStatusOutOfRange.into_response();
    }
    host.store.lock().faults.failures.push(rule);
    StatusCode::NO_CONTENT.into_response()
}

#[derive(Debug, Deserialize)]
struct DropEvents {
    /// Only this application's parked long-poll (all if absent).
    #[serde(default)]
    application: Option<String>,
    /// Also drop this many future long-polls.
    #[serde(default)]
    next: u32,
}

async fn drop_events(State(host): State<HostState>, axum::Json(input): axum::Json<DropEvents>) -> Response {
    let dropped = host
        .store
        .lock()
        .drop_parked_polls(input.application.as_deref(), input.next);
    axum::Json(json!({"dropped": dropped})).into_response()
}

#[derive(Debug, Deserialize)]
struct Expire {
    /// Guest tokens of this session stop working now.
    #[serde(default)]
    session_id: Option<String>,
    /// This application expires now (`410`).
    #[serde(default)]
    application: Option<String>,
}

async fn expire(State(host): State<HostState>, axum::Json(input): axum::Json<Expire>) -> Response {
    let mut state = host.store.lock();
    if let Some(session) = input.session_id {
        state.token_floor.insert(session, now_secs());
    }
    let apps: Vec<String> = input.application.into_iter().collect();
    for app in &apps {
        state.retire_app(app, Gone::Expired);
    }
    axum::Json(json!({"expired_applications": apps})).into_response()
}

async fn journal(State(host): State<HostState>) -> Response {
    axum::Json(host.store.lock().journal.entries()).into_response()
}

async fn clear_journal(State(host): State<HostState>) -> Response {
    host.store.lock().journal.clear();
    StatusCode::NO_CONTENT.into_response()
}

async fn rotate_keys(State(host): State<HostState>) -> Response {
    let kid = host.store.keys_mut().rotate();
    axum::Json(json!({"kid": kid})).into_response()
}

async fn publish_pending_key(State(host): State<HostState>) -> Response {
    host.store.keys_mut().publish_unpublished();
    StatusCode::NO_CONTENT.into_response()
}

/// Which key signs a minted token.
#[derive(Clone, Copy, Debug, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
enum SigningChoice {
    /// The active published key.
    #[default]
    Published,
    /// A key not (yet) in the JWKS.
    Unpublished,
    /// No signature at all (`alg: none`).
    None,
}

#[derive(Debug, Deserialize)]
struct MintCallbackToken {
    claims: Value,
    #[serde(default)]
    key: SigningChoice,
}

/// Mints a callback token with any claims, for testing a receiver's validation.
async fn callback_token(
    State(host): State<HostState>,
    axum::Json(input): axum::Json<MintCallbackToken>,
) -> Response {
    let token = match input.key {
        SigningChoice::Published => host.store.keys().sign(&input.claims),
        SigningChoice::Unpublished => host.store.keys().sign_unpublished(&input.claims),
        SigningChoice::None => {
            use base64::Engine;
            let encode = |v: &Value| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(v.to_string());
            format!(
                "{}.{}.",
                encode(&json!({"alg": "none", "typ": "JWT"})),
                encode(&input.claims)
            )
        }
    };
    axum::Json(json!({"token": token})).into_response()
}

#[derive(Debug, Deserialize)]
struct SendCallback {
    /// The app registration whose callback URL receives it.
    client_id: String,
    /// Overrides the registered callback URL.
    #[serde(default)]
    url: Option<String>,
}

/// Posts a legacy (UCWA-style) notification to an app's callback URL, as the Trusted
/// Application API did, with a signed bearer token; reports what the receiver answered.
async fn send_callback(
    State(host): State<HostState>,
    axum::Json(input): axum::Json<SendCallback>,
) -> Response {
    let (registration, tenant) = {
        let state = host.store.lock();
        let Some(registration) = state
            .registrations
            .iter()
            .find(|r| r.client_id == input.client_id)
            .cloned()
        else {
            return ControlError::NoSuchRegistration.into_response();
        };
        (registration.clone(), registration.tenant.clone())
    };
    let Some(url) = input.url.or(registration.callback_url.clone()) else {
        return ControlError::NoCallbackUrl.into_response();
    };
    let audience = registration
        .app_id_uri
        .clone()
        .unwrap_or_else(|| registration.client_id.clone());
    let token = host.store.keys().sign(&auth::callback_claims(&tenant, &audience));
    let webpool = host.store.hosts.webpool.as_str().trim_end_matches('/');
    let body = json!({
        "_links": {
            "self": {"href": format!("{webpool}/platformservice/tgt-{}/v1/applications/1/events?ack=1", random_hex(16))},
            "next": {"href": format!("{webpool}/platformservice/tgt-{}/v1/applications/1/events?ack=2", random_hex(16))},
        },
        "sender": [{"rel": "communication", "href": "/platformservice/v1/applications/1/communication", "events": []}],
        "baseuri": webpool,
    });
    let client = reqwest::Client::new();
    let result = client
        .post(&url)
        .bearer_auth(token)
        .header(
            "content-type",
            "application/json; type=\"application/vnd.microsoft.com.ucwa+json\"; charset=utf-8",
        )
        .header("x-ms-correlation-id", random_hex(16))
        .body(body.to_string())
        .send()
        .await;
    match result {
        Ok(response) => axum::Json(json!({"status": response.status().as_u16()})).into_response(),
        Err(e) => ControlError::CallbackUnreachable(e.to_string()).into_response(),
    }
}
