//! The simulator answers with the same shapes as the recorded payloads
//! (`crates/protocol/tests/fixtures`): the same property paths with the same JSON types,
//! ignoring values (ids, times, hrefs) and the rel namespace.

mod support;

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::{Value, json};
use support::*;

fn fixture(name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../protocol/tests/fixtures")
        .join(name);
    serde_json::from_slice(&std::fs::read(&path).unwrap_or_else(|e| panic!("{name}: {e}"))).expect("json")
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "bool",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// Every `path: type` in a document. Rel namespaces are dropped from keys; array
/// elements share the path `[]`.
fn shape(value: &Value) -> BTreeSet<String> {
    fn walk(value: &Value, path: &str, out: &mut BTreeSet<String>) {
        out.insert(format!("{path}: {}", kind(value)));
        match value {
            Value::Object(map) => {
                for (key, child) in map {
                    let key = protocol::links::local_rel(key);
                    walk(child, &format!("{path}.{key}"), out);
                }
            }
            Value::Array(items) => {
                for item in items {
                    walk(item, &format!("{path}[]"), out);
                }
            }
            _ => {}
        }
    }
    let mut out = BTreeSet::new();
    walk(value, "", &mut out);
    out
}

/// Asserts the simulator's document has the fixture's shape. `may_lack` lists fixture
/// paths the simulator leaves out on purpose (prefixes); `may_add` lists extra ones.
fn assert_same_shape(what: &str, fixture: &Value, simulated: &Value, may_lack: &[&str], may_add: &[&str]) {
    let (expected, actual) = (shape(fixture), shape(simulated));
    let missing: Vec<&String> = expected
        .difference(&actual)
        .filter(|p| !may_lack.iter().any(|m| p.starts_with(m)))
        .collect();
    let extra: Vec<&String> = actual
        .difference(&expected)
        .filter(|p| !may_add.iter().any(|m| p.starts_with(m)))
        .collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "{what}: the simulator lacks {missing:#?}\nand adds {extra:#?}"
    );
}

async fn get_json(client: &reqwest::Client, url: &str, bearer: Option<&str>) -> Value {
    let mut request = client.get(url);
    if let Some(token) = bearer {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.expect("sent");
    assert!(response.status().is_success(), "{url}: {}", response.status());
    response.json().await.expect("json")
}

#[tokio::test]
async fn service_side_resources_match_the_recorded_shapes() {
    let sim = start().await;
    let client = client();
    let aad = aad_token(sim.hosts()).await;
    let token = aad.expose();
    let api = sim.hosts().api.as_str();
    let discover = get_json(&client, &format!("{api}platformservice/discover"), Some(token)).await;
    assert_same_shape(
        "discover",
        &fixture("taapi__discover_response_seed000.json"),
        &discover,
        &[],
        &[],
    );

    let ring = sim.hosts().ring.as_str();
    let applications = get_json(
        &client,
        &format!("{ring}platformService/v1/applications?endpointId={ENDPOINT}"),
        Some(token),
    )
    .await;
    assert_same_shape(
        "applications",
        &fixture("taapi__applications_response_seed000.json"),
        &applications,
        &[],
        &[],
    );

    let href = applications["_links"]["service:application"]["href"]
        .as_str()
        .expect("href");
    let application = get_json(
        &client,
        &format!("{}{href}", ring.trim_end_matches('/')),
        Some(token),
    )
    .await;
    // Audio/video capabilities are not simulated; chat is.
    assert_same_shape(
        "application",
        &fixture("taapi__application_response_seed000.json"),
        &application,
        &[
            "._embedded.communication._links.inviteUserToMeeting",
            "._embedded.communication._links.startAudio",
        ],
        &[],
    );

    let url = anon_tokens_url(sim.hosts(), &aad).await.expect("capability");
    let minted = post_json(
        &client,
        url.as_str(),
        token,
        &json!({"applicationSessionId": "s", "allowedOrigins": ORIGIN, "meetingUrl": join_url(&sim, OPEN)}),
    )
    .await;
    assert_same_shape(
        "anon token",
        &fixture("taapi__anon_token_response_seed000.json"),
        &minted,
        &[],
        &[],
    );

    let adhoc_href = application["_embedded"]["service:adhocMeetings"]["_links"]["self"]["href"]
        .as_str()
        .expect("href");
    let adhoc = post_json(
        &client,
        format!("{}{adhoc_href}", ring.trim_end_matches('/')),
        token,
        &json!({"subject": "meeting01", "accessLevel": "Everyone"}),
    )
    .await;
    assert_same_shape(
        "ad-hoc meeting",
        &fixture("taapi__adhoc_meeting_response_seed000.json"),
        &adhoc,
        &[],
        &[],
    );
    sim.shutdown().await;
}

/// Walks a guest through discover, application and join with plain HTTP, collecting the
/// documents the simulator answered.
struct GuestDocs {
    discover: Value,
    application: Value,
    events: Vec<Value>,
}

async fn guest_documents(sim: &simulator::Simulator) -> GuestDocs {
    let client = client();
    let token = guest_token(sim.hosts(), &join_url(sim, OPEN), "shape-session", ORIGIN)
        .await
        .expect("token");
    let psat = token.token.expose().to_owned();
    let discover = get_json(&client, &token.discover_url, None).await;
    let create = discover["_links"]["anonApplications"]["href"]
        .as_str()
        .expect("href")
        .to_owned();
    let application: Value = post_json(
        &client,
        &create,
        &psat,
        &json!({"anonymousDisplayName": "Ada", "culture": "en-us", "userAgent": "shape-test"}),
    )
    .await;
    let webpool = sim.hosts().webpool.as_str().trim_end_matches('/');
    let join = application["_embedded"]["communication"]["_links"]["joinOnlineMeeting"]["href"]
        .as_str()
        .expect("href");
    let response = client
        .post(format!("{webpool}{join}"))
        .bearer_auth(&psat)
        .json(&json!({"onlineMeetingUri": conference(sim, OPEN), "anonymousDisplayName": "Ada", "operationId": "op-1"}))
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), 201);
    let mut events = Vec::new();
    let mut next = application["_links"]["events"]["href"]
        .as_str()
        .expect("href")
        .to_owned();
    // The join in two responses, as strict servers send it, then a timeout.
    for _ in 0..3 {
        let response = get_json(&client, &format!("{webpool}{next}"), Some(&psat)).await;
        next = response["_links"]["next"]["href"]
            .as_str()
            .expect("next")
            .to_owned();
        events.push(response);
    }
    GuestDocs {
        discover,
        application,
        events,
    }
}

/// The first event whose target rel is `rel` and type is `kind`.
fn find_event<'a>(responses: &'a [Value], rel: &str, kind: &str) -> &'a Value {
    responses
        .iter()
        .flat_map(|r| r["sender"].as_array().into_iter().flatten())
        .flat_map(|s| s["events"].as_array().into_iter().flatten())
        .find(|e| e["link"]["rel"] == rel && e["type"] == kind)
        .unwrap_or_else(|| panic!("no {rel} {kind} event"))
}

/// The fixture's single event.
fn fixture_event(name: &str) -> Value {
    fixture(name)["sender"][0]["events"][0].clone()
}

#[tokio::test]
async fn guest_resources_and_events_match_the_recorded_shapes() {
    let sim = start().await;
    let docs = guest_documents(&sim).await;
    assert_same_shape(
        "guest discover",
        &fixture("ucwa__discover_response_meeting_token.json"),
        &docs.discover,
        &[],
        &[],
    );
    assert_same_shape(
        "psanon application",
        &fixture("ucwa__application_psanon_meeting_token.json"),
        &docs.application,
        // Media relay and media policies belong to audio/video, which is not simulated.
        &[
            "._embedded.communication._links.mediaPolicies",
            "._embedded.communication._links.mediaRelayAccessToken",
        ],
        &[],
    );
    // The first two responses are the lobby-bypass join; events are compared one by one.
    let cases = [
        (
            "events__online_meeting_invitation_started.json",
            "onlineMeetingInvitation",
            "started",
        ),
        (
            "events__online_meeting_invitation_completed_success.json",
            "onlineMeetingInvitation",
            "completed",
        ),
        (
            "events__conversation_added_connecting.json",
            "conversation",
            "added",
        ),
        (
            "events__local_participant_added.json",
            "localParticipant",
            "added",
        ),
        // Strict: a participant is announced by link and title only.
        (
            "events__join_completed_roster_link_only.json",
            "participant",
            "added",
        ),
        (
            "events__messaging_updated_disconnected.json",
            "messaging",
            "updated",
        ),
        ("events__online_meeting_added.json", "onlineMeeting", "added"),
    ];
    for (name, rel, kind) in cases {
        let simulated = find_event(&docs.events, rel, kind);
        // Resource properties differ by what a guest can see; the envelope and the
        // properties the client reads must match.
        assert_same_shape(
            name,
            &fixture_event(name),
            simulated,
            &[
                "._embedded.conversation._links.",
                "._embedded.localParticipant._links.",
                "._embedded.participant._links.",
                "._embedded.onlineMeeting.",
                "._embedded.onlineMeetingInvitation._links.",
                "._embedded.messaging._links.",
                "._embedded.conversation.",
                "._embedded.participant.",
                "._embedded.localParticipant.",
                "._embedded.onlineMeetingInvitation.",
            ],
            &["._embedded.", ".link.title"],
        );
        for property in ["state", "operationId", "name", "inLobby", "role", "subject"] {
            let in_fixture = fixture_event(name)["_embedded"][rel].get(property).map(kind_of);
            if let Some(expected) = in_fixture {
                assert_eq!(
                    simulated["_embedded"][rel].get(property).map(kind_of),
                    Some(expected),
                    "{name}: {property}"
                );
            }
        }
    }
    let empty_envelope = &docs.events[2];
    assert_same_shape(
        "timeout response",
        &fixture("events__empty_timeout.json"),
        empty_envelope,
        &[],
        &[],
    );
    sim.shutdown().await;
}

fn kind_of(value: &Value) -> &'static str {
    kind(value)
}

#[tokio::test]
async fn error_documents_match_the_recorded_shapes() {
    let sim = start().await;
    let client = client();
    let webpool = sim.hosts().webpool.as_str().trim_end_matches('/');
    let token = guest_token(sim.hosts(), &join_url(&sim, OPEN), "shape-errors", ORIGIN)
        .await
        .expect("token");
    let missing: Value = client
        .get(format!(
            "{webpool}/ucwa/psanon/v1/applications/123456789012/events?ack=1&key=x"
        ))
        .bearer_auth(token.token.expose())
        .send()
        .await
        .expect("sent")
        .json()
        .await
        .expect("json");
    assert_same_shape(
        "404",
        &fixture("error__ucwa_404_application_not_found.json"),
        &missing,
        &[],
        &[],
    );
    assert_eq!(missing["subcode"], "ApplicationNotFound");
    sim.shutdown().await;
}
