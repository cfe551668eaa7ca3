//! A harness that plays the middle tier and the meeting service for the join machine.

#![allow(dead_code, unreachable_pub)]

use std::collections::BTreeMap;

use http::Method;
use protocol::date::Timestamp;
use protocol::join::{Command, GuestJoin, Input, JoinConfig, RequestId, TimerId};
use protocol::{HttpRequest, HttpResponse, Url};
use serde_json::{Value, json};

pub const MIDDLE_TIER: &str = "https://join.example.com/";
pub const DISCOVER: &str =
    "https://api.sim.example/platformService/discover?anonymousMeetingJoinContext=psat%253dAAA";
pub const WEBPOOL: &str = "https://webpool.sim.example";
pub const APP: &str = "/ucwa/psanon/v1/applications/42";
pub const CONFERENCE: &str = "sip:org@contoso.com;gruu;opaque=app:conf:focus:id:ABCD1234";

pub struct Harness {
    pub machine: GuestJoin,
    pub now: Timestamp,
    pub in_flight: BTreeMap<RequestId, HttpRequest>,
    pub timers: Vec<(TimerId, u32)>,
    pub cancelled: Vec<RequestId>,
    /// Every request ever sent, in order.
    pub log: Vec<HttpRequest>,
}

pub fn config() -> JoinConfig {
    JoinConfig {
        middle_tier: Url::parse(MIDDLE_TIER).expect("url"),
        meeting_url: "https://meet.lync.com/contoso/org/ABCD1234".to_owned(),
        invitation: None,
        application_session_id: None,
        culture: "en-us".to_owned(),
        user_agent: "guest-join-test".to_owned(),
        operation_prefix: "op".to_owned(),
        on_premises: None,
    }
}

/// A machine joining an on-premises meeting (`sip:john@contoso.com;…:G03W98W4`) through
/// `https://lyncdiscover.contoso.com/`.
pub fn on_premises_config() -> JoinConfig {
    JoinConfig {
        on_premises: Some(protocol::join::OnPremisesServer {
            conference: protocol::join_link::ConferenceUri {
                organizer: "john@contoso.com".to_owned(),
                meeting_id: "G03W98W4".to_owned(),
            },
            roots: vec![Url::parse("https://lyncdiscover.contoso.com/").expect("url")],
            trusted_hosts: Vec::new(),
        }),
        ..config()
    }
}

impl Harness {
    pub fn new() -> Self {
        Self::with(config())
    }

    pub fn with(config: JoinConfig) -> Self {
        Self {
            machine: GuestJoin::new(config),
            now: Timestamp::from_secs(1_700_000_000),
            in_flight: BTreeMap::new(),
            timers: Vec::new(),
            cancelled: Vec::new(),
            log: Vec::new(),
        }
    }

    /// Moves queued commands into the harness and checks the event-channel discipline.
    pub fn drain(&mut self) {
        while let Some(command) = self.machine.poll_command() {
            match command {
                Command::Send { id, request, .. } => {
                    self.log.push(clone_request(&request));
                    self.in_flight.insert(id, *request);
                }
                Command::Cancel { id } => {
                    self.in_flight.remove(&id);
                    self.cancelled.push(id);
                }
                Command::StartTimer { id, after_ms } => self.timers.push((id, after_ms)),
            }
        }
        assert!(
            self.machine.event_polls() <= 1,
            "more than one event poll outstanding"
        );
        let parked = self
            .in_flight
            .values()
            .filter(|r| r.uri().path().ends_with("/events"))
            .count();
        assert!(parked <= 1, "more than one event poll in flight");
    }

    /// The id of the in-flight request whose method and path end match.
    pub fn find(&self, method: &Method, path_end: &str) -> Option<RequestId> {
        self.in_flight
            .iter()
            .find(|(_, r)| r.method() == method && r.uri().path().ends_with(path_end))
            .map(|(id, _)| *id)
    }

    pub fn expect(&self, method: &Method, path_end: &str) -> RequestId {
        self.find(method, path_end).unwrap_or_else(|| {
            panic!(
                "no {method} …{path_end} in flight; in flight: {:?}",
                self.describe()
            )
        })
    }

    pub fn describe(&self) -> Vec<String> {
        self.in_flight
            .values()
            .map(|r| format!("{} {}", r.method(), r.uri()))
            .collect()
    }

    pub fn request(&self, id: RequestId) -> &HttpRequest {
        &self.in_flight[&id]
    }

    pub fn respond(&mut self, id: RequestId, status: u16, body: &Value) {
        self.respond_raw(id, status, &[], serde_json::to_vec(body).expect("json"));
    }

    pub fn respond_raw(&mut self, id: RequestId, status: u16, headers: &[(&str, &str)], body: Vec<u8>) {
        self.in_flight.remove(&id);
        let mut builder = http::Response::builder().status(status);
        for (name, value) in headers {
            builder = builder.header(*name, *value);
        }
        let response: HttpResponse = builder.body(body).expect("response");
        self.machine
            .handle(Input::Response { id, response }, self.now)
            .expect("handled");
        self.drain();
    }

    pub fn fail_transport(&mut self, id: RequestId) {
        self.in_flight.remove(&id);
        self.machine
            .handle(Input::TransportFailed { id }, self.now)
            .expect("handled");
        self.drain();
    }

    pub fn fire_timers(&mut self) {
        for (id, after) in std::mem::take(&mut self.timers) {
            self.now = self.now.plus_millis(i64::from(after));
            self.machine
                .handle(Input::TimerFired { id }, self.now)
                .expect("handled");
        }
        self.drain();
    }

    /// The longest timer asked for (the token renewal, once a token is held).
    pub fn longest_timer(&self) -> u32 {
        self.timers
            .iter()
            .map(|(_, after)| *after)
            .max()
            .expect("a timer")
    }

    pub fn advance(&mut self, millis: i64) {
        self.now = self.now.plus_millis(millis);
    }

    // ----- canned server behaviour ------------------------------------------------------

    pub fn give_token(&mut self) {
        self.give_token_lasting(8 * 3600 * 1000);
    }

    pub fn give_token_lasting(&mut self, millis: i64) {
        let id = self.expect(&Method::POST, "/api/v1/guest-token");
        let expires = self.now.plus_millis(millis).to_iso8601();
        self.respond(
            id,
            200,
            &json!({
                "discoverUrl": DISCOVER,
                "token": "psat=eyJhbGciOi.abc.def",
                "expiresAt": expires,
                "applicationSessionId": "session-1",
            }),
        );
    }

    pub fn give_discover(&mut self) {
        let id = self.expect(&Method::GET, "/discover");
        self.respond(
            id,
            200,
            &json!({
                "_links": {
                    "self": {"href": format!("{DISCOVER}")},
                    "anonApplications": {"href": format!("{WEBPOOL}/ucwa/psanon/v1/applications")},
                },
                "conferenceId": CONFERENCE,
                "rel": "service:discover",
            }),
        );
    }

    pub fn give_application(&mut self) {
        let id = self.expect(&Method::POST, "/ucwa/psanon/v1/applications");
        self.respond(id, 201, &application_body("1"));
    }

    /// Prefetch without a name: token and discover answered, nothing else asked for.
    pub fn discovered(&mut self) {
        self.machine.prefetch().expect("prefetch");
        self.drain();
        self.give_token();
        self.give_discover();
    }

    /// Token, discover, Join click, application; returns with events parked and the
    /// invitation posted.
    pub fn connect(&mut self, name: &str) {
        self.machine.prefetch().expect("prefetch");
        self.drain();
        self.give_token();
        self.give_discover();
        self.machine.join(name).expect("join");
        self.drain();
        self.give_application();
        let invite = self.expect(&Method::POST, "/communication/onlineMeetingInvitations");
        self.respond_raw(
            invite,
            201,
            &[(
                "location",
                "/ucwa/psanon/v1/applications/42/communication/onlineMeetingInvitations/1",
            )],
            Vec::new(),
        );
    }

    /// Answers the parked event poll with `events` (a list of (sender, event) pairs).
    pub fn deliver(&mut self, senders: Value) {
        let id = self.expect(&Method::GET, "/events");
        let ack: u32 = self
            .request(id)
            .uri()
            .query()
            .and_then(|q| q.split('&').find_map(|p| p.strip_prefix("ack=")))
            .and_then(|a| a.parse().ok())
            .unwrap_or(1);
        self.respond(id, 200, &events_body(ack, senders));
    }

    /// Answers the parked event poll with the senders of a golden fixture
    /// (`tests/fixtures/<name>`), with `replace` applied to its text first (the fixture's
    /// operation id becomes the machine's, say).
    pub fn deliver_fixture(&mut self, name: &str, replace: &[(&str, &str)]) {
        let fixture = fixture(name, replace);
        self.deliver(fixture["sender"].clone());
    }

    /// Answers request `id` with a golden fixture as its body.
    pub fn respond_fixture(&mut self, id: RequestId, status: u16, name: &str) {
        let fixture = fixture(name, &[]);
        self.respond(id, status, &fixture);
    }

    /// The operation id the machine used for its join.
    pub fn invite_operation(&self) -> String {
        self.log
            .iter()
            .filter(|r| r.uri().path().ends_with("/onlineMeetingInvitations"))
            .last()
            .map(|r| {
                let body: Value = serde_json::from_slice(r.body()).expect("json");
                body["operationId"].as_str().expect("operation id").to_owned()
            })
            .expect("an invitation was posted")
    }

    /// Joins a meeting without a lobby and gets chat connected.
    pub fn join_meeting(&mut self, name: &str) {
        self.connect(name);
        let op = self.invite_operation();
        self.deliver(join_without_lobby(&op));
        self.deliver(json!([conversation_sender(vec![messaging_event("Connected")])]));
    }
}

/// The operation id of the join in the golden fixtures.
pub const FIXTURE_OPERATION: &str = "e2f1c7a0-3b4d-4c5e-8f90-a1b2c3d4e5f6";
/// The conversation of the golden fixtures.
pub const FIXTURE_CONV: &str =
    "/ucwa/psanon/v1/applications/112409054559/communication/conversations/2c9bd7f1e0a34b0c9f5d7a1e3b6c8d40";

/// A golden fixture, parsed after `replace` is applied to its text.
pub fn fixture(name: &str, replace: &[(&str, &str)]) -> Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    let mut text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
    for (from, to) in replace {
        text = text.replace(from, to);
    }
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn clone_request(request: &HttpRequest) -> HttpRequest {
    let mut builder = http::Request::builder()
        .method(request.method().clone())
        .uri(request.uri().clone());
    for (name, value) in request.headers() {
        builder = builder.header(name, value);
    }
    builder.body(request.body().clone()).expect("clone")
}

pub fn application_body(generation: &str) -> Value {
    json!({
        "id": "42",
        "culture": "en-us",
        "userAgent": "guest-join-test",
        "expires": "/Date(1700003600000)/",
        "_links": {
            "self": {"href": APP},
            "events": {"href": format!("{APP}/events?ack=1\\u0026key=k{generation}")},
        },
        "_embedded": {
            "me": {"uri": "sip:123@anonymous.invalid", "name": "Ada", "_links": {"self": {"href": format!("{APP}/me")}}, "rel": "me"},
            "communication": {
                "supportedMessageFormats": ["Plain"],
                "_links": {
                    "self": {"href": format!("{APP}/communication")},
                    "joinOnlineMeeting": {"href": format!("{APP}/communication/onlineMeetingInvitations")},
                },
                "rel": "communication",
            },
        },
        "rel": "application",
    })
}

pub fn events_body(ack: u32, senders: Value) -> Value {
    json!({
        "_links": {
            "self": {"href": format!("{APP}/events?ack={ack}&key=k")},
            "next": {"href": format!("{APP}/events?ack={}&key=k", ack + 1)},
        },
        "sender": senders,
    })
}

pub const CONV: &str = "/ucwa/psanon/v1/applications/42/communication/conversations/c1";

pub fn communication_sender(events: Vec<Value>) -> Value {
    json!({"rel": "communication", "href": format!("{APP}/communication"), "events": events})
}

pub fn conversation_sender(events: Vec<Value>) -> Value {
    json!({"rel": "conversation", "href": CONV, "events": events})
}

pub fn invitation_event(
    kind: &str,
    operation: &str,
    status: Option<&str>,
    reason: Option<(&str, &str)>,
) -> Value {
    let mut event = json!({
        "link": {"rel": "onlineMeetingInvitation", "href": format!("{APP}/communication/onlineMeetingInvitations/1")},
        "_embedded": {"onlineMeetingInvitation": {
            "state": if status == Some("Success") { "Connected" } else { "Connecting" },
            "operationId": operation,
            "onlineMeetingUri": CONFERENCE,
            "_links": {"self": {"href": format!("{APP}/communication/onlineMeetingInvitations/1")}, "conversation": {"href": CONV}},
        }},
        "type": kind,
    });
    if let Some(status) = status {
        event["status"] = json!(status);
    }
    if let Some((code, subcode)) = reason {
        event["reason"] = json!({"code": code, "subcode": subcode, "message": "m"});
    }
    event
}

pub fn conversation_event(kind: &str, state: &str, reason: Option<(&str, &str)>) -> Value {
    let mut event = json!({
        "link": {"rel": "conversation", "href": CONV},
        "_embedded": {"conversation": {
            "state": state,
            "subject": "Mortgage advice",
            "_links": {"self": {"href": CONV}, "participants": {"href": format!("{CONV}/participants")}, "messaging": {"href": format!("{CONV}/messaging")}},
        }},
        "type": kind,
    });
    if let Some((code, subcode)) = reason {
        event["reason"] = json!({"code": code, "subcode": subcode});
    }
    event
}

pub fn participant_event(kind: &str, id: &str, name: &str, role: &str, in_lobby: bool) -> Value {
    let href = format!("{CONV}/participants/{id}");
    if kind == "deleted" {
        return json!({"link": {"rel": "participant", "href": href, "title": name}, "type": "deleted"});
    }
    json!({
        "link": {"rel": "participant", "href": href, "title": name},
        "_embedded": {"participant": {"name": name, "role": role, "inLobby": in_lobby, "anonymous": false, "uri": format!("sip:{id}@contoso.com"),
            "_links": {"self": {"href": href}}}},
        "type": kind,
    })
}

pub fn local_participant_event(in_lobby: bool) -> Value {
    json!({
        "link": {"rel": "localParticipant", "href": format!("{CONV}/participants/123@anonymous.invalid")},
        "_embedded": {"localParticipant": {"name": "Ada", "anonymous": true, "inLobby": in_lobby, "uri": "sip:123@anonymous.invalid",
            "_links": {"self": {"href": format!("{CONV}/participants/123@anonymous.invalid")}}}},
        "type": "added",
    })
}

pub fn messaging_event(state: &str) -> Value {
    let mut links = json!({"self": {"href": format!("{CONV}/messaging")}});
    match state {
        "Disconnected" => {
            links["addMessaging"] = json!({"href": format!("{CONV}/messaging/messagingInvitations")})
        }
        "Connected" => {
            links["sendMessage"] = json!({"href": format!("{CONV}/messaging/messages")});
            links["stopMessaging"] = json!({"href": format!("{CONV}/messaging/terminate")});
            links["setIsTyping"] = json!({"href": format!("{CONV}/messaging/typing")});
        }
        _ => {}
    }
    json!({
        "link": {"rel": "messaging", "href": format!("{CONV}/messaging")},
        "_embedded": {"messaging": {"state": state, "_links": links}},
        "type": "updated",
    })
}

pub fn incoming_message_event(n: u32, from: &str, data_uri: &str) -> Value {
    let href = format!("{CONV}/messaging/messages/{n}");
    json!({
        "link": {"rel": "message", "href": href},
        "_embedded": {"message": {"direction": "Incoming", "timeStamp": "/Date(1700000000000)/",
            "_links": {"self": {"href": href}, "participant": {"href": format!("{CONV}/participants/x"), "title": from}, "plainMessage": {"href": data_uri}}}},
        "type": "completed",
        "status": "Success",
    })
}

/// The events of a join straight into a meeting that lets everyone in.
pub fn join_without_lobby(operation: &str) -> Value {
    json!([
        communication_sender(vec![
            invitation_event("started", operation, None, None),
            conversation_event("added", "Connecting", None),
        ]),
        conversation_sender(vec![
            local_participant_event(false),
            messaging_event("Disconnected"),
            participant_event("added", "org", "Olivia Organizer", "Leader", false),
        ]),
        communication_sender(vec![
            conversation_event("updated", "Connected", None),
            invitation_event("completed", operation, Some("Success"), None),
        ]),
    ])
}
