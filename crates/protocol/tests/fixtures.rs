//! Every golden fixture parses into its type and serializes back to the same JSON.
//!
//! The fixtures (see `tests/fixtures/README.md`) are payloads from the seeds and
//! `protocol.md`. A fixture whose name maps to no type fails the test, so none is skipped.

use std::fs;
use std::path::{Path, PathBuf};

use protocol::callback::{self, CallbackClaims, CallbackContextReply, Notification};
use protocol::date::Timestamp;
use protocol::ucwa::events::{Continuation, EventType, EventsResponse};
use protocol::ucwa::resources::{
    Conversation, ConversationState, Message, MessageBody, Messaging, ModalityState, OnlineMeeting,
    OnlineMeetingInvitation, Participant, PhoneDialInInformation,
};
use protocol::{Url, aad, links, taapi, ucwa};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn fixture(name: &str) -> Vec<u8> {
    fs::read(fixtures_dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn all_fixtures() -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = fs::read_dir(fixtures_dir())
        .expect("fixtures directory")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .map(|path| {
            let name = path.file_name().expect("name").to_string_lossy().into_owned();
            (name, fs::read(&path).expect("readable"))
        })
        .collect();
    files.sort();
    files
}

/// Parses `bytes` as `T`, then checks `T` serializes to exactly the JSON it came from.
fn round_trip<T: DeserializeOwned + Serialize>(name: &str, bytes: &[u8]) -> T {
    let original: Value = serde_json::from_slice(bytes).unwrap_or_else(|e| panic!("{name} is not JSON: {e}"));
    round_trip_value(name, original)
}

fn round_trip_value<T: DeserializeOwned + Serialize>(name: &str, original: Value) -> T {
    let parsed: T = serde_path_to_error_parse(name, &original);
    let back = serde_json::to_value(&parsed).unwrap_or_else(|e| panic!("{name}: cannot serialize: {e}"));
    assert_eq!(back, original, "{name} does not round-trip");
    parsed
}

fn serde_path_to_error_parse<T: DeserializeOwned>(name: &str, value: &Value) -> T {
    serde_json::from_value(value.clone()).unwrap_or_else(|e| panic!("{name} does not parse: {e}"))
}

/// Parses every embedded resource of every event with the type its rel names.
fn check_events(name: &str, events: &EventsResponse) -> usize {
    let mut typed = 0;
    for (_, event) in events.events() {
        let rel = event.target();
        let what = "fixture";
        let parsed = match rel {
            "onlineMeetingInvitation" => event
                .resource::<OnlineMeetingInvitation>(what)
                .map(|r| r.is_some()),
            "conversation" => event.resource::<Conversation>(what).map(|r| r.is_some()),
            "participant" | "localParticipant" => event.resource::<Participant>(what).map(|r| r.is_some()),
            "messaging" => event.resource::<Messaging>(what).map(|r| r.is_some()),
            "message" => event.resource::<Message>(what).map(|r| r.is_some()),
            "onlineMeeting" => event.resource::<OnlineMeeting>(what).map(|r| r.is_some()),
            _ => Ok(false),
        };
        if parsed.unwrap_or_else(|e| panic!("{name}: {rel}: {e}")) {
            typed += 1;
        }
    }
    typed
}

#[test]
fn every_fixture_parses_and_round_trips() {
    let fixtures = all_fixtures();
    assert!(fixtures.len() >= 70, "only {} fixtures found", fixtures.len());
    for (name, bytes) in &fixtures {
        let n = name.as_str();
        match () {
            _ if n.starts_with("aad__token_response") || n.starts_with("ucwa__webticket_token_response") => {
                round_trip::<aad::AadToken>(n, bytes);
            }
            _ if n.starts_with("aad__token_error") || n.starts_with("error__webticket") => {
                round_trip::<aad::AadError>(n, bytes);
            }
            _ if n.starts_with("taapi__discover_response") => {
                round_trip::<taapi::Discover>(n, bytes);
            }
            _ if n.starts_with("taapi__applications_response") => {
                round_trip::<taapi::Applications>(n, bytes);
            }
            _ if n.starts_with("taapi__application_response") => {
                round_trip::<taapi::Application>(n, bytes);
            }
            _ if n.starts_with("taapi__anon_token_request") => {
                round_trip::<taapi::AnonApplicationTokenInput>(n, bytes);
            }
            _ if n.starts_with("taapi__anon_token_response") => {
                round_trip::<taapi::AnonApplicationToken>(n, bytes);
            }
            _ if n.starts_with("taapi__adhoc_meeting_request") => {
                round_trip::<taapi::AdhocMeetingInput>(n, bytes);
            }
            _ if n.starts_with("taapi__adhoc_meeting_response") => {
                round_trip::<taapi::AdhocMeeting>(n, bytes);
            }
            _ if n.starts_with("taapi__online_meeting_invitations_input")
                || n.starts_with("taapi__start_adhoc_meeting_input")
                || n.starts_with("taapi__messaging_invitation_input") =>
            {
                round_trip::<taapi::ServiceJoinInput>(n, bytes);
            }
            _ if n.starts_with("taapi__participant_invitations_input") => {
                round_trip::<taapi::ParticipantInvitationInput>(n, bytes);
            }
            _ if n.starts_with("taapi__error") || n.starts_with("error__ucwa") => {
                round_trip::<protocol::ServiceError>(n, bytes);
            }
            _ if n.starts_with("ucwa__discover_response") => {
                round_trip::<ucwa::AnonDiscover>(n, bytes);
            }
            _ if n.starts_with("ucwa__create_application_input") => {
                // Servers read property names case-insensitively (the Web SDK sent PascalCase).
                let mut value: Value = serde_json::from_slice(bytes).expect("JSON");
                links::relax_key_case(
                    &mut value,
                    &["anonymousDisplayName", "culture", "userAgent", "endpointId"],
                );
                let input: ucwa::ApplicationInput = round_trip_value(n, value);
                input.validate().unwrap_or_else(|e| panic!("{n}: {e}"));
            }
            _ if n.starts_with("ucwa__application_psanon") => {
                round_trip::<ucwa::Application>(n, bytes);
            }
            _ if n.starts_with("ucwa__online_meeting_invitations_input") => {
                let input = round_trip::<ucwa::OnlineMeetingInvitationInput>(n, bytes);
                input.validate().unwrap_or_else(|e| panic!("{n}: {e}"));
            }
            _ if n.starts_with("ucwa__add_messaging_input") => {
                round_trip::<ucwa::AddMessagingInput>(n, bytes);
            }
            _ if n.starts_with("ucwa__messaging_invitations_input") => {
                round_trip::<ucwa::MessagingInvitationInput>(n, bytes);
            }
            _ if n.starts_with("ucwa__onprem_") || n.starts_with("ucwa__participants_collection") => {
                round_trip::<links::Resource>(n, bytes);
            }
            _ if n.starts_with("ucwa__participant_resource") => {
                round_trip::<Participant>(n, bytes);
            }
            _ if n.starts_with("ucwa__online_meeting_with") => {
                round_trip::<OnlineMeeting>(n, bytes);
            }
            _ if n.starts_with("ucwa__phone_dial_in_information") => {
                round_trip::<PhoneDialInInformation>(n, bytes);
            }
            _ if n.starts_with("events__") || n.starts_with("callback__taapi_event") => {
                let events = round_trip::<EventsResponse>(n, bytes);
                check_events(n, &events);
            }
            _ if n.starts_with("callback__graph_notification") => {
                round_trip::<callback::GraphNotifications>(n, bytes);
                assert!(
                    matches!(callback::parse_notification(bytes), Ok(Notification::Graph(_))),
                    "{n}"
                );
            }
            _ if n.contains("token_claims") => {
                round_trip::<CallbackClaims>(n, bytes);
            }
            _ if n.starts_with("callback__taapi_callback_context_response") => {
                round_trip::<CallbackContextReply>(n, bytes);
            }
            _ => panic!("fixture {n} has no type: add it to this test"),
        }
    }
}

fn base(url: &str) -> Url {
    Url::parse(url).expect("valid URL")
}

#[test]
fn service_discover_leads_to_the_ring_host_in_both_namespaces() {
    for name in [
        "taapi__discover_response_seed000.json",
        "taapi__discover_response_sdk_fixture.json",
    ] {
        let discover: taapi::Discover = serde_json::from_slice(&fixture(name)).expect("parses");
        let applications = discover
            .applications(&base("https://api.skypeforbusiness.com/platformservice/discover"))
            .expect("applications link");
        assert_eq!(
            applications.host_str(),
            Some("ring2noammeetings.resources.lync.com"),
            "{name}"
        );
        // Port 4443 of the self link is never carried over.
        assert_eq!(applications.port(), None, "{name}");
    }
}

#[test]
fn relative_application_links_resolve_against_the_ring_host() {
    let ring = base(
        "https://ring2noammeetings.resources.lync.com/platformService/v1/applications?endpointId=sip:x@y",
    );
    let applications: taapi::Applications =
        serde_json::from_slice(&fixture("taapi__applications_response_seed000.json")).expect("parses");
    let application = applications.application(&ring).expect("application link");
    assert_eq!(
        application.as_str(),
        "https://ring2noammeetings.resources.lync.com/platformservice/v1/applications/3877116191?endpointId=sip%3atrustedapidemo01%40mod776816.onmicrosoft.com"
    );
    let resource: taapi::Application =
        serde_json::from_slice(&fixture("taapi__application_response_seed000.json")).expect("parses");
    let tokens = resource.anon_application_tokens(&application).expect("granted");
    assert!(tokens.path().ends_with("/anonApplicationTokens"));
    assert!(
        resource
            .adhoc_meetings(&application)
            .expect("granted")
            .path()
            .ends_with("/adhocMeetings")
    );
}

#[test]
fn missing_guest_permission_is_a_missing_link() {
    let resource: taapi::Application =
        serde_json::from_slice(&fixture("taapi__application_response_no_anon_tokens.json")).expect("parses");
    let error = resource
        .anon_application_tokens(&base("https://ring2noammeetings.resources.lync.com/"))
        .expect_err("no capability");
    assert!(matches!(
        error,
        protocol::ProtocolError::MissingLink {
            rel: "anonApplicationTokens",
            ..
        }
    ));
}

#[test]
fn anon_tokens_give_the_discover_url_verbatim_in_all_three_shapes() {
    let ring = base(
        "https://ring2noammeetings.resources.lync.com/platformservice/v1/applications/1/anonApplicationTokens",
    );
    for (name, expiry) in [
        ("taapi__anon_token_response_seed000.json", 1_492_108_195_460),
        ("taapi__anon_token_response_sdk_fixture.json", 1_488_872_625_837),
        (
            "taapi__anon_token_response_flattened_seed001.json",
            1_466_991_733_094,
        ),
    ] {
        let token: taapi::AnonApplicationToken = serde_json::from_slice(&fixture(name)).expect("parses");
        assert_eq!(token.expiry_time.at(), Timestamp::from_millis(expiry), "{name}");
        let discover = token.discover(&ring).expect("discover link");
        // The token rides double-encoded (`psat%253d…`) and must stay so.
        assert!(discover.as_str().contains("psat%253d"), "{name}: {discover}");
        assert!(token.token.expose().starts_with("psat="), "{name}");
        assert!(
            !format!("{token:?}").contains("psat=eyJ"),
            "{name}: token leaked into Debug"
        );
    }
}

#[test]
fn double_escaped_dates_parse() {
    let meeting: taapi::AdhocMeeting =
        serde_json::from_slice(&fixture("taapi__adhoc_meeting_response_sdk_fixture.json")).expect("parses");
    assert_eq!(
        meeting.expiration_time.expect("expiry").at(),
        Timestamp::from_millis(1_483_967_116_000)
    );
}

#[test]
fn guest_discover_gives_anon_applications_and_conference() {
    let discover_url = base(
        "https://noammeetings.resources.lync.com/platformService/discover?anonymousMeetingJoinContext=psat%253dx",
    );
    let discover: ucwa::AnonDiscover =
        serde_json::from_slice(&fixture("ucwa__discover_response_meeting_token.json")).expect("parses");
    assert_eq!(
        discover.anon_applications(&discover_url).expect("link").as_str(),
        "https://webpoolco16d03.infra.lync.com/ucwa/psanon/v1/applications"
    );
    assert!(
        discover
            .conference_id
            .expect("conference")
            .ends_with("focus:id:1SD8D0WZ")
    );
    let relative: ucwa::AnonDiscover =
        serde_json::from_slice(&fixture("ucwa__discover_response_relative_seed001.json")).expect("parses");
    assert_eq!(
        relative.anon_applications(&discover_url).expect("link").as_str(),
        "https://noammeetings.resources.lync.com/ucwa/psanon/v1/applications"
    );
}

#[test]
fn psanon_application_exposes_events_and_join() {
    let webpool = base("https://webpoolco16d03.infra.lync.com/ucwa/psanon/v1/applications");
    let app: ucwa::Application =
        serde_json::from_slice(&fixture("ucwa__application_psanon_meeting_token.json")).expect("parses");
    let events = app.events(&webpool).expect("events");
    assert_eq!(
        events
            .query_pairs()
            .filter(|(k, _)| k == "ack" || k == "key")
            .count(),
        2
    );
    let communication = app.communication().expect("communication");
    assert!(
        communication
            .join_online_meeting(&webpool)
            .expect("join")
            .path()
            .ends_with("/onlineMeetingInvitations")
    );
    assert!(
        app.me()
            .expect("me")
            .expect("present")
            .uri
            .expect("uri")
            .ends_with("@anonymous.invalid")
    );
    // The P2P trace has no meeting capability.
    let p2p: ucwa::Application =
        serde_json::from_slice(&fixture("ucwa__application_psanon_p2p_trace.json")).expect("parses");
    assert!(
        p2p.communication()
            .expect("communication")
            .join_online_meeting(&webpool)
            .is_err()
    );
}

#[test]
fn event_responses_continue_the_documented_ways() {
    let cases = [
        ("events__empty_timeout.json", Continuation::Next),
        ("events__resync_only.json", Continuation::Resync),
        ("events__resume_instead_of_next.json", Continuation::Resume),
    ];
    for (name, expected) in cases {
        let events: EventsResponse = serde_json::from_slice(&fixture(name)).expect("parses");
        assert_eq!(
            events.continuation().map(|(kind, _)| kind),
            Some(expected),
            "{name}"
        );
    }
    let quirky: EventsResponse = serde_json::from_slice(&fixture(
        "events__conversation_updated_in_lobby_literal_u0026.json",
    ))
    .expect("parses");
    let (_, next) = quirky.continuation().expect("next");
    assert!(
        next.href.as_str().contains(r"\u0026"),
        "the fixture keeps the literal escape"
    );
    let url = next
        .resolve(&base(
            "https://webpool.example/ucwa/psanon/v1/applications/1/events",
        ))
        .expect("resolves");
    assert!(
        url.query_pairs().any(|(k, _)| k == "key"),
        "literal \\u0026 read as &: {url}"
    );
}

#[test]
fn lobby_and_meeting_events_carry_their_states() {
    let lobby: EventsResponse =
        serde_json::from_slice(&fixture("events__conversation_updated_in_lobby.json")).expect("parses");
    let (_, event) = lobby.events().next().expect("an event");
    let conversation: Conversation = event
        .resource("conversation")
        .expect("decodes")
        .expect("embedded");
    assert_eq!(conversation.state, Some(ConversationState::InLobby));

    let messaging: EventsResponse =
        serde_json::from_slice(&fixture("events__messaging_updated_disconnected.json")).expect("parses");
    let (_, event) = messaging.events().next().expect("an event");
    let resource: Messaging = event.resource("messaging").expect("decodes").expect("embedded");
    assert_eq!(resource.state, Some(ModalityState::Disconnected));
    assert!(resource.links.get("addMessaging").is_some());

    let denied: EventsResponse = serde_json::from_slice(&fixture(
        "events__online_meeting_invitation_completed_failure_denied.json",
    ))
    .expect("parses");
    let (_, event) = denied.events().next().expect("an event");
    assert_eq!(event.event_type, EventType::Completed);
    assert!(
        event
            .reason
            .as_ref()
            .expect("reason")
            .is(&protocol::error::ErrorSubcode::Denied)
    );
}

#[test]
fn incoming_messages_decode_from_data_uris() {
    let plain: EventsResponse =
        serde_json::from_slice(&fixture("events__message_incoming_plain.json")).expect("parses");
    let (_, event) = plain.events().next().expect("an event");
    let message: Message = event.resource("message").expect("decodes").expect("embedded");
    assert_eq!(
        message.body(),
        Some(Ok(MessageBody::Plain("Hi Tosh\r\n".to_owned())))
    );
    assert!(message.sender_name().is_some());
    assert!(message.time_stamp.is_some());

    let html: EventsResponse =
        serde_json::from_slice(&fixture("events__message_incoming_html.json")).expect("parses");
    let (_, event) = html.events().next().expect("an event");
    let message: Message = event.resource("message").expect("decodes").expect("embedded");
    let Some(Ok(MessageBody::Html(markup))) = message.body() else {
        panic!("html body expected");
    };
    assert!(markup.starts_with('<'));
    assert!(!protocol::html::to_text(&markup).contains('<'));
}

#[test]
fn multi_sender_responses_keep_order_and_types() {
    let events: EventsResponse =
        serde_json::from_slice(&fixture("events__multi_sender.json")).expect("parses");
    assert!(events.sender.as_ref().expect("senders").len() >= 2);
    let order: Vec<&str> = events.events().map(|(_, event)| event.target()).collect();
    assert_eq!(
        order,
        [
            "conversation",
            "participant",
            "participantMessaging",
            "localParticipant",
            "onlineMeetingInvitation"
        ]
    );
    assert_eq!(
        check_events("multi", &events),
        2,
        "two events embed their resource"
    );
}

#[test]
fn legacy_callbacks_are_told_apart_from_graph_ones() {
    let legacy = fixture("callback__taapi_event_online_meeting_invitation_started.json");
    let Ok(Notification::Legacy(events)) = callback::parse_notification(&legacy) else {
        panic!("legacy expected");
    };
    assert!(events.other.contains_key("baseuri"));
}

#[test]
fn error_documents_keep_code_subcode_and_extras() {
    let error: protocol::ServiceError =
        serde_json::from_slice(&fixture("error__ucwa_400_parameter_validation_failure.json"))
            .expect("parses");
    assert!(error.is(&protocol::error::ErrorSubcode::ParameterValidationFailure));
    assert!(error.other.contains_key("parameters"));
    let replaced: protocol::ServiceError =
        serde_json::from_slice(&fixture("error__ucwa_409_pget_replaced.json")).expect("parses");
    assert!(replaced.is(&protocol::error::ErrorSubcode::PGetReplaced));
}

#[test]
fn a_validation_failure_says_which_parameter_in_any_shape() {
    let named = |text: &str| -> protocol::ServiceError { serde_json::from_str(text).expect("parses") };
    let keyed: protocol::ServiceError =
        serde_json::from_slice(&fixture("error__ucwa_400_parameter_validation_failure.json"))
            .expect("parses");
    assert!(keyed.names_parameter("anonymousDisplayName"));
    assert!(
        keyed.names_parameter("OPERATIONID"),
        "names match case-insensitively"
    );
    assert!(!keyed.names_parameter("meetingUrl"));
    let meeting: protocol::ServiceError =
        serde_json::from_slice(&fixture("taapi__error_400_meeting_url_invalid.json")).expect("parses");
    assert!(meeting.names_parameter("meetingUrl"));
    for listed in [
        r#"{"code":"BadRequest","parameters":[{"name":"meetingUrl","reason":"Invalid"}]}"#,
        r#"{"code":"BadRequest","parameters":["meetingUrl"]}"#,
        r#"{"code":"BadRequest","Parameters":{"MeetingUrl":"Missing"}}"#,
    ] {
        assert!(named(listed).names_parameter("meetingUrl"), "{listed}");
    }
    assert!(!named(r#"{"code":"BadRequest"}"#).names_parameter("meetingUrl"));
    assert!(
        !named(r#"{"code":"BadRequest","parameters":[{"name":"allowedOrigins"}]}"#)
            .names_parameter("meetingUrl")
    );
}
