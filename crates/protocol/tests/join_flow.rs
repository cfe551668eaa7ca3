//! The guest join state machine, driven through whole joins and table-driven transitions.

mod support;

use http::Method;
use protocol::identity::Origin;
use protocol::join::{Delivery, Ending, JoinFailure, MessageDirection, Phase, TYPING_RENEW_MS, Update};
use serde_json::{Value, json};
use support::*;

fn body(request: &protocol::HttpRequest) -> Value {
    serde_json::from_slice(request.body()).expect("json body")
}

fn ended(h: &Harness) -> Option<Ending> {
    match h.machine.phase() {
        Phase::Over(ending) => Some(ending.clone()),
        _ => None,
    }
}

#[test]
fn lobby_bypass_join_reaches_the_meeting_and_chats() {
    let mut h = Harness::new();
    h.machine.prefetch().expect("prefetch");
    h.drain();
    assert_eq!(h.machine.phase(), &Phase::GettingAccess);
    h.give_token();
    let discover = h.expect(&Method::GET, "/discover");
    assert!(
        h.request(discover).headers().get("authorization").is_none(),
        "discover is sent without the token"
    );
    h.machine.set_display_name("Ada (remembered)").expect("name");
    h.give_discover();
    assert_eq!(
        h.machine.phase(),
        &Phase::GettingAccess,
        "not ready for the click before the application exists"
    );
    // A name known before the click (remembered, here) lets the application be created
    // while the guest looks at the page: the service wants a display name for it.
    let create = h.expect(&Method::POST, "/ucwa/psanon/v1/applications");
    let request = h.request(create);
    assert_eq!(
        request.uri().host(),
        Some("webpool.sim.example"),
        "anonApplications href followed"
    );
    assert_eq!(
        request.headers()["authorization"],
        "Bearer psat=eyJhbGciOi.abc.def"
    );
    assert_eq!(body(request)["anonymousDisplayName"], "Ada (remembered)");
    h.give_application();
    assert_eq!(
        h.machine.phase(),
        &Phase::Ready,
        "prefetch stops before the Join click"
    );
    let events = h.expect(&Method::GET, "/events");
    assert_eq!(
        h.request(events).uri().query(),
        Some("ack=1&key=k1"),
        "literal \\u0026 read as &"
    );
    assert!(
        h.log.iter().all(|r| r.method() != Method::OPTIONS),
        "no request the server may refuse is sent to warm the browser's preflight cache"
    );
    assert!(
        h.find(&Method::POST, "/onlineMeetingInvitations").is_none(),
        "nothing joins before the click"
    );

    h.machine.join("  Ada Lovelace ").expect("join");
    h.drain();
    assert_eq!(h.machine.phase(), &Phase::Connecting);
    // The click costs one request: the application exists, its event channel is parked.
    let invite = h.expect(&Method::POST, "/onlineMeetingInvitations");
    let input = body(h.request(invite));
    assert_eq!(input["onlineMeetingUri"], CONFERENCE);
    assert_eq!(
        input["anonymousDisplayName"], "Ada Lovelace",
        "the meeting shows the name given at the click"
    );
    let operation = input["operationId"].as_str().expect("operation").to_owned();
    h.respond_raw(invite, 201, &[], Vec::new());

    h.deliver(join_without_lobby(&operation));
    assert!(matches!(h.machine.phase(), Phase::InMeeting { .. }));
    assert_eq!(h.machine.subject(), Some("Mortgage advice"));
    let names: Vec<&str> = h.machine.participants().iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Olivia Organizer"]);
    assert!(h.machine.participants()[0].is_leader);
    // Chat is added automatically once in, and the next poll is already parked.
    let add = h.expect(&Method::POST, "/messaging/messagingInvitations");
    h.respond_raw(add, 201, &[], Vec::new());
    assert!(h.find(&Method::GET, "/events").is_some());

    let early = h
        .machine
        .send_message("Hello before chat is up", h.now)
        .expect("queued");
    assert!(
        h.find(&Method::POST, "/messaging/messages").is_none(),
        "queued until connected"
    );
    h.deliver(json!([conversation_sender(vec![messaging_event("Connected")])]));
    assert!(h.machine.chat_ready());
    let send = h.expect(&Method::POST, "/messaging/messages");
    let request = h.request(send);
    assert_eq!(request.headers()["content-type"], "text/plain; charset=utf-8");
    assert_eq!(request.body().as_slice(), b"Hello before chat is up");
    assert!(request.uri().query().expect("query").starts_with("operationId="));
    h.respond_raw(send, 201, &[], Vec::new());
    assert_eq!(h.machine.messages()[0].id, early);
    assert_eq!(h.machine.messages()[0].delivery, Delivery::Sent);

    h.deliver(json!([conversation_sender(vec![
        incoming_message_event(
            7,
            "Olivia Organizer",
            "data:text/plain;charset=utf-8,Welcome+Ada%21"
        ),
        incoming_message_event(
            7,
            "Olivia Organizer",
            "data:text/plain;charset=utf-8,Welcome+Ada%21"
        ),
    ])]));
    let incoming: Vec<_> = h
        .machine
        .messages()
        .iter()
        .filter(|m| m.direction == MessageDirection::Incoming)
        .collect();
    assert_eq!(incoming.len(), 1, "a redelivered message is shown once");
    assert_eq!(incoming[0].text, "Welcome Ada!");
    assert_eq!(incoming[0].sender, "Olivia Organizer");
}

#[test]
fn lobby_wait_then_admission() {
    let mut h = Harness::new();
    h.connect("Ada");
    let op = h.invite_operation();
    h.deliver(json!([
        communication_sender(vec![
            invitation_event("started", &op, None, None),
            conversation_event("added", "Connecting", None)
        ]),
        conversation_sender(vec![local_participant_event(true)]),
        communication_sender(vec![conversation_event("updated", "InLobby", None)]),
    ]));
    let Phase::Lobby { since } = *h.machine.phase() else {
        panic!("expected lobby, got {:?}", h.machine.phase());
    };
    assert_eq!(since, h.now);
    while h.machine.poll_update().is_some() {}
    h.advance(90_000);
    h.deliver(json!([
        conversation_sender(vec![
            messaging_event("Disconnected"),
            participant_event("added", "org", "Olivia", "Leader", false)
        ]),
        communication_sender(vec![
            conversation_event("updated", "Connected", None),
            invitation_event("completed", &op, Some("Success"), None),
        ]),
    ]));
    assert!(matches!(h.machine.phase(), Phase::InMeeting { .. }));
    let updates: Vec<Update> = std::iter::from_fn(|| h.machine.poll_update()).collect();
    assert!(updates.contains(&Update::Admitted), "{updates:?}");
    assert!(updates.contains(&Update::ParticipantJoined("Olivia".to_owned())));
}

/// Endings driven by the server, as `(description, events, expected ending)`.
#[test]
fn server_driven_endings() {
    type Script = fn(&str) -> Value;
    let lobby_then: fn(Value) -> Value = |last| {
        json!([
            conversation_sender(vec![local_participant_event(true)]),
            communication_sender(vec![conversation_event("updated", "InLobby", None), last]),
        ])
    };
    let cases: Vec<(&str, Script, Ending)> = vec![
        (
            "denied from the lobby",
            |op| {
                json!([
                    conversation_sender(vec![local_participant_event(true)]),
                    communication_sender(vec![
                        conversation_event("updated", "InLobby", None),
                        invitation_event(
                            "completed",
                            op,
                            Some("Failure"),
                            Some(("RemoteFailure", "Denied"))
                        ),
                    ]),
                ])
            },
            Ending::Denied,
        ),
        (
            "lobby timed out",
            |op| {
                json!([
                    conversation_sender(vec![local_participant_event(true)]),
                    communication_sender(vec![
                        conversation_event("updated", "InLobby", None),
                        invitation_event("completed", op, Some("Failure"), Some(("Timeout", "Timeout"))),
                    ]),
                ])
            },
            Ending::LobbyTimedOut,
        ),
        (
            "meeting ended while waiting",
            |op| {
                json!([
                    conversation_sender(vec![local_participant_event(true)]),
                    communication_sender(vec![
                        conversation_event("updated", "InLobby", None),
                        invitation_event("completed", op, Some("Failure"), Some(("RemoteFailure", "Ended"))),
                    ]),
                ])
            },
            Ending::MeetingEnded,
        ),
        (
            "meeting not found",
            |op| {
                json!([communication_sender(vec![invitation_event(
                    "completed",
                    op,
                    Some("Failure"),
                    Some(("NotFound", "DestinationNotFound"))
                )])])
            },
            Ending::Failed(JoinFailure::MeetingNotFound),
        ),
        (
            "meeting full",
            |op| {
                json!([communication_sender(vec![invitation_event(
                    "completed",
                    op,
                    Some("Failure"),
                    Some(("RemoteFailure", "TooManyParticipants"))
                )])])
            },
            Ending::Failed(JoinFailure::MeetingFull),
        ),
    ];
    let _ = lobby_then;
    for (what, script, expected) in cases {
        let mut h = Harness::new();
        h.connect("Ada");
        let op = h.invite_operation();
        h.deliver(script(&op));
        assert_eq!(ended(&h), Some(expected), "{what}");
        assert!(
            h.in_flight.values().all(|r| r.method() == Method::DELETE),
            "{what}: only cleanup remains"
        );
    }
}

#[test]
fn in_meeting_endings() {
    let cases = [
        (("RemoteFailure", "Ended"), Ending::MeetingEnded),
        (("RemoteFailure", "Ejected"), Ending::Removed),
        (("RemoteFailure", "Removed"), Ending::Removed),
    ];
    for (reason, expected) in cases {
        let mut h = Harness::new();
        h.join_meeting("Ada");
        h.deliver(json!([
            conversation_sender(vec![messaging_event("Disconnected")]),
            communication_sender(vec![conversation_event("updated", "Disconnected", Some(reason))]),
        ]));
        assert_eq!(ended(&h), Some(expected.clone()), "{reason:?}");
        // The application is deleted on the way out and no poll stays parked.
        assert!(h.find(&Method::DELETE, APP).is_some(), "{reason:?}");
        assert!(h.find(&Method::GET, "/events").is_none(), "{reason:?}");
    }
}

#[test]
fn leaving_deletes_the_application_then_rejoin_keeps_the_session() {
    let mut h = Harness::new();
    h.join_meeting("Ada");
    h.machine.send_message("bye", h.now).expect("sent");
    h.drain();
    h.machine.leave().expect("leave");
    h.drain();
    assert_eq!(h.machine.phase(), &Phase::Leaving);
    assert!(h.find(&Method::GET, "/events").is_none(), "the poll is cancelled");
    let delete = h.expect(&Method::DELETE, APP);
    h.respond_raw(delete, 204, &[], Vec::new());
    assert_eq!(ended(&h), Some(Ending::Left));

    h.machine.rejoin().expect("rejoin");
    h.drain();
    let token = h.expect(&Method::POST, "/api/v1/guest-token");
    assert_eq!(
        body(h.request(token))["applicationSessionId"],
        "session-1",
        "same guest identity"
    );
    h.give_token();
    h.give_discover();
    assert_eq!(h.machine.phase(), &Phase::Connecting, "a rejoin goes straight on");
    assert!(
        h.machine.messages().iter().any(|m| m.text == "bye"),
        "chat survives a rejoin"
    );
}

#[test]
fn dropped_event_channel_is_retried_on_the_same_ack() {
    let mut h = Harness::new();
    h.join_meeting("Ada");
    let events = h.expect(&Method::GET, "/events");
    let url = h.request(events).uri().clone();
    h.fail_transport(events);
    assert!(h.machine.reconnecting_since().is_some());
    assert_eq!(h.machine.event_polls(), 1, "the retry counts as the one poll");
    assert!(
        h.find(&Method::GET, "/events").is_none(),
        "nothing in flight while waiting"
    );
    h.fire_timers();
    let retry = h.expect(&Method::GET, "/events");
    assert_eq!(h.request(retry).uri(), &url, "same ack, so no event is lost");
    h.deliver(json!([conversation_sender(vec![incoming_message_event(
        9,
        "Olivia",
        "data:text/plain,hi"
    )])]));
    assert!(h.machine.reconnecting_since().is_none());
    let updates: Vec<Update> = std::iter::from_fn(|| h.machine.poll_update()).collect();
    assert!(updates.contains(&Update::Reconnected));
}

#[test]
fn server_errors_back_off_exponentially() {
    let mut h = Harness::new();
    h.join_meeting("Ada");
    h.timers.clear(); // the token renewal is not under test
    let mut delays = Vec::new();
    for _ in 0..4 {
        let events = h.expect(&Method::GET, "/events");
        h.respond(events, 503, &json!({"code": "ServiceUnavailable"}));
        assert_eq!(h.timers.len(), 1, "one retry scheduled");
        delays.push(h.timers[0].1);
        h.fire_timers();
    }
    assert_eq!(delays, [1000, 2000, 4000, 8000]);
    assert!(matches!(h.machine.phase(), Phase::InMeeting { .. }));
}

#[test]
fn lost_application_is_recreated_and_rejoined() {
    for (status, subcode) in [(404, "ApplicationNotFound"), (410, "InactiveApplicationExpired")] {
        let mut h = Harness::new();
        h.join_meeting("Ada");
        let events = h.expect(&Method::GET, "/events");
        h.respond(events, status, &json!({"code": "Gone", "subcode": subcode}));
        assert!(matches!(h.machine.phase(), Phase::InMeeting { .. }), "{status}");
        assert!(h.machine.reconnecting_since().is_some(), "{status}");
        let create = h.expect(&Method::POST, "/ucwa/psanon/v1/applications");
        h.respond(create, 201, &application_body("2"));
        let invite = h.expect(&Method::POST, "/onlineMeetingInvitations");
        h.respond_raw(invite, 201, &[], Vec::new());
        let op = h.invite_operation();
        h.deliver(join_without_lobby(&op));
        assert!(h.machine.reconnecting_since().is_none(), "{status}");
        assert!(matches!(h.machine.phase(), Phase::InMeeting { .. }));
    }
}

#[test]
fn unauthorized_fetches_a_fresh_token_and_repeats_the_request() {
    let mut h = Harness::new();
    h.join_meeting("Ada");
    let events = h.expect(&Method::GET, "/events");
    let url = h.request(events).uri().clone();
    h.respond_raw(
        events,
        401,
        &[("content-type", "text/html")],
        b"<html>401</html>".to_vec(),
    );
    let token = h.expect(&Method::POST, "/api/v1/guest-token");
    assert_eq!(body(h.request(token))["applicationSessionId"], "session-1");
    h.respond(
        token,
        200,
        &json!({"discoverUrl": DISCOVER, "token": "psat=fresh", "expiresAt": "/Date(1800000000000)/", "applicationSessionId": "session-1"}),
    );
    let retry = h.expect(&Method::GET, "/events");
    assert_eq!(h.request(retry).uri(), &url);
    assert_eq!(h.request(retry).headers()["authorization"], "Bearer psat=fresh");
}

#[test]
fn only_tokens_refused_in_a_row_end_the_meeting() {
    let refuse_poll = |h: &mut Harness| {
        let events = h.expect(&Method::GET, "/events");
        h.respond_raw(events, 401, &[], Vec::new());
    };
    let mut h = Harness::new();
    h.join_meeting("Ada");
    // A long meeting: now and then a token is refused, and the fresh one works.
    for _ in 0..5 {
        refuse_poll(&mut h);
        h.give_token();
        h.deliver(json!([]));
    }
    assert!(matches!(h.machine.phase(), Phase::InMeeting { .. }));
    // Fresh tokens refused one after another: access has ended.
    refuse_poll(&mut h);
    h.give_token();
    refuse_poll(&mut h);
    h.give_token();
    refuse_poll(&mut h);
    assert_eq!(ended(&h), Some(Ending::Failed(JoinFailure::AccessExpired)));
}

#[test]
fn a_resynced_roster_and_later_events_name_people_alike() {
    let mut h = Harness::new();
    h.join_meeting("Ada");
    let events = h.expect(&Method::GET, "/events");
    h.respond(
        events,
        200,
        &json!({"_links": {"self": {"href": format!("{APP}/events?ack=3&key=k")}, "resync": {"href": format!("{APP}/events?ack=9&key=k")}}}),
    );
    let roster = h.expect(&Method::GET, "/participants");
    // The list links people absolutely, and marks the organizer only by `organizer`.
    h.respond(
        roster,
        200,
        &json!({"_embedded": {"participant": [
            {"name": "Olivia Organizer", "role": "Attendee", "organizer": true,
             "_links": {"self": {"href": format!("{WEBPOOL}{CONV}/participants/org")}}},
            {"name": "Bob", "_links": {"self": {"href": format!("{WEBPOOL}{CONV}/participants/bob")}}},
        ]}}),
    );
    let people = |h: &Harness| {
        h.machine
            .participants()
            .iter()
            .map(|p| (p.name.clone(), p.is_leader))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        people(&h),
        [("Bob".to_owned(), false), ("Olivia Organizer".to_owned(), true)]
    );
    // An event names Bob relatively; he is the same person, and leaves.
    h.deliver(json!([conversation_sender(vec![participant_event(
        "deleted", "bob", "Bob", "Attendee", false
    )])]));
    assert_eq!(people(&h), [("Olivia Organizer".to_owned(), true)]);
}

#[test]
fn replaced_poll_means_another_window_took_over() {
    let mut h = Harness::new();
    h.join_meeting("Ada");
    let events = h.expect(&Method::GET, "/events");
    h.respond(
        events,
        409,
        &json!({"code": "Conflict", "subcode": "PGetReplaced"}),
    );
    assert_eq!(ended(&h), Some(Ending::Failed(JoinFailure::OpenedElsewhere)));
}

/// The middle tier's refusals, as `(error code, retryable, expected failure)`.
#[test]
fn middle_tier_refusals_map_to_failures() {
    let cases = [
        ("invalid_meeting_link", false, JoinFailure::LinkNotUsable),
        ("meeting_host_not_allowed", false, JoinFailure::LinkNotUsable),
        ("origin_not_allowed", false, JoinFailure::OriginNotAllowed),
        ("invitation_required", false, JoinFailure::InvitationRequired),
        ("invitation_invalid", false, JoinFailure::InvitationInvalid),
        ("invitation_expired", false, JoinFailure::InvitationExpired),
        ("meeting_not_found", false, JoinFailure::MeetingNotFound),
        (
            "rate_limited",
            true,
            JoinFailure::RateLimited {
                retry_after_secs: None,
            },
        ),
        // Without a session id of its own to drop, the guest cannot do better.
        ("session_not_valid", false, JoinFailure::Refused),
        ("something_new", false, JoinFailure::Refused),
    ];
    for (code, retryable, expected) in cases {
        let mut h = Harness::new();
        h.machine.join("Ada").expect("join");
        h.drain();
        let token = h.expect(&Method::POST, "/api/v1/guest-token");
        h.respond(
            token,
            403,
            &json!({"error": code, "message": "m", "retryable": retryable}),
        );
        assert_eq!(ended(&h), Some(Ending::Failed(expected.clone())), "{code}");
        assert_eq!(expected.retry_safe(), retryable, "{code}");
    }
}

/// A session id the middle tier no longer honours (it restarted with another key) is
/// dropped and a new session begun, rather than ending the guest's join.
#[test]
fn a_session_id_the_middle_tier_no_longer_honours_is_replaced() {
    let mut h = Harness::new();
    let mut config = config();
    config.application_session_id = Some("from-before-the-restart".to_owned());
    h.machine = protocol::join::GuestJoin::new(config);
    h.machine.join("Ada").expect("join");
    h.drain();
    let token = h.expect(&Method::POST, "/api/v1/guest-token");
    assert_eq!(
        body(h.request(token))["applicationSessionId"],
        "from-before-the-restart"
    );
    h.respond(
        token,
        403,
        &json!({"error": "session_not_valid", "message": "m", "retryable": false}),
    );
    let again = h.expect(&Method::POST, "/api/v1/guest-token");
    assert!(
        body(h.request(again))
            .get("applicationSessionId")
            .is_none_or(Value::is_null)
    );
    h.respond(
        again,
        200,
        &json!({"discoverUrl": DISCOVER, "token": "psat=new", "expiresAt": "/Date(1800000000000)/", "applicationSessionId": "session-2"}),
    );
    assert_eq!(h.machine.application_session_id(), Some("session-2"));
    h.expect(&Method::GET, "discover");
    assert_eq!(ended(&h), None);
}

/// A rate-limited guest learns how long to wait, when the middle tier says.
#[test]
fn a_rate_limited_guest_is_told_how_long_to_wait() {
    let mut h = Harness::new();
    h.machine.join("Ada").expect("join");
    h.drain();
    let token = h.expect(&Method::POST, "/api/v1/guest-token");
    let body = json!({"error": "rate_limited", "message": "m", "retryable": true});
    h.respond_raw(
        token,
        429,
        &[("retry-after", "12"), ("content-type", "application/json")],
        serde_json::to_vec(&body).expect("json"),
    );
    assert_eq!(
        ended(&h),
        Some(Ending::Failed(JoinFailure::RateLimited {
            retry_after_secs: Some(12)
        }))
    );
}

/// Failures of the guest-side steps, as `(step, status, body, expected failure)`.
#[test]
fn step_failures_map_to_failures() {
    let origin = json!({"code": "Forbidden", "message": "Service does not allow a cross domain request from this origin."});
    let cases = [
        ("discover", 403, origin, JoinFailure::OriginNotAllowed),
        (
            "discover",
            404,
            json!({"code": "NotFound"}),
            JoinFailure::MeetingNotFound,
        ),
        (
            "invite",
            404,
            json!({"code": "NotFound", "subcode": "DestinationNotFound"}),
            JoinFailure::MeetingNotFound,
        ),
        (
            "invite",
            403,
            json!({"code": "Forbidden", "message": "conference URI does not match"}),
            JoinFailure::Refused,
        ),
        (
            "create",
            400,
            json!({"code": "BadRequest", "subcode": "ParameterValidationFailure"}),
            JoinFailure::Refused,
        ),
    ];
    for (step, status, error, expected) in cases {
        let mut h = Harness::new();
        h.machine.prefetch().expect("prefetch");
        h.drain();
        h.give_token();
        if step == "discover" {
            let id = h.expect(&Method::GET, "/discover");
            h.respond(id, status, &error);
        } else {
            h.give_discover();
            h.machine.join("Ada").expect("join");
            h.drain();
            if step == "create" {
                let id = h.expect(&Method::POST, "/ucwa/psanon/v1/applications");
                h.respond(id, status, &error);
            } else {
                h.give_application();
                let id = h.expect(&Method::POST, "/onlineMeetingInvitations");
                h.respond(id, status, &error);
            }
        }
        assert_eq!(ended(&h), Some(Ending::Failed(expected)), "{step} {status}");
    }
}

#[test]
fn network_failures_are_retried_then_reported() {
    let mut h = Harness::new();
    h.machine.join("Ada").expect("join");
    h.drain();
    for _ in 0..5 {
        let token = h.expect(&Method::POST, "/api/v1/guest-token");
        h.fail_transport(token);
        h.fire_timers();
    }
    assert_eq!(ended(&h), Some(Ending::Failed(JoinFailure::NetworkLost)));
    // Retrying after a failure starts over.
    h.machine.join("Ada").expect("retry");
    h.drain();
    assert!(h.find(&Method::POST, "/api/v1/guest-token").is_some());
}

#[test]
fn failed_messages_can_be_retried_with_the_same_operation() {
    let mut h = Harness::new();
    h.join_meeting("Ada");
    let id = h.machine.send_message("Is anyone there?", h.now).expect("sent");
    h.drain();
    for _ in 0..3 {
        let send = h.expect(&Method::POST, "/messaging/messages");
        h.fail_transport(send);
        h.fire_timers();
    }
    assert_eq!(
        h.machine.messages().last().expect("message").delivery,
        Delivery::Failed
    );
    h.machine.retry_message(id).expect("retry");
    h.drain();
    let operations: Vec<String> = h
        .log
        .iter()
        .filter(|r| r.uri().path().ends_with("/messaging/messages"))
        .map(|r| r.uri().query().unwrap_or_default().to_owned())
        .collect();
    assert!(operations.windows(2).all(|w| w[0] == w[1]), "{operations:?}");
    let send = h.expect(&Method::POST, "/messaging/messages");
    h.respond_raw(send, 201, &[], Vec::new());
    assert_eq!(
        h.machine.messages().last().expect("message").delivery,
        Delivery::Sent
    );
}

#[test]
fn html_messages_arrive_as_text() {
    let mut h = Harness::new();
    h.join_meeting("Ada");
    h.deliver(json!([conversation_sender(vec![json!({
        "link": {"rel": "message", "href": "/m/1"},
        "_embedded": {"message": {"direction": "Incoming", "_links": {
            "participant": {"href": "/p", "title": "Eve"},
            "htmlMessage": {"href": "data:text/html;charset=utf-8,%3cb%3eHi%3c%2fb%3e%3cscript%3ealert(1)%3c%2fscript%3e"}}}},
        "type": "completed", "status": "Success",
    })])]));
    assert_eq!(h.machine.messages().last().expect("message").text, "Hi");
}

#[test]
fn participants_join_leave_and_wait_in_the_lobby() {
    let mut h = Harness::new();
    h.join_meeting("Ada");
    h.deliver(json!([conversation_sender(vec![
        participant_event("added", "bob", "Bob", "Attendee", false),
        participant_event("added", "carol", "Carol", "Attendee", true),
    ])]));
    assert_eq!(h.machine.participants().len(), 3);
    assert_eq!(h.machine.lobby_count(), 1);
    h.deliver(json!([conversation_sender(vec![participant_event(
        "deleted", "bob", "Bob", "Attendee", false
    )])]));
    let names: Vec<&str> = h.machine.participants().iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Carol", "Olivia Organizer"]);
    let updates: Vec<Update> = std::iter::from_fn(|| h.machine.poll_update()).collect();
    assert!(updates.contains(&Update::ParticipantLeft("Bob".to_owned())));
}

/// Actions that make no sense in a phase are refused without changing anything.
#[test]
fn invalid_transitions_are_errors_not_panics() {
    let mut idle = Harness::new();
    assert!(idle.machine.send_message("hi", idle.now).is_err());
    assert!(idle.machine.rejoin().is_err());
    assert!(idle.machine.retry_message(protocol::join::MessageId(99)).is_err());
    assert!(idle.machine.join("   ").is_err(), "empty names are refused");
    assert!(
        idle.machine.join(&"x".repeat(300)).is_err(),
        "long names are refused"
    );
    assert_eq!(idle.machine.phase(), &Phase::Idle);

    let mut joined = Harness::new();
    joined.join_meeting("Ada");
    assert!(joined.machine.join("Ada").is_err());
    assert!(joined.machine.prefetch().is_err());
    assert!(joined.machine.rejoin().is_err());
    assert!(joined.machine.send_message("", joined.now).is_err());

    let mut over = Harness::new();
    over.machine.leave().expect("leaving before anything is fine");
    assert!(over.machine.leave().is_err());
    // Responses for requests the machine no longer tracks are ignored.
    over.machine
        .handle(
            protocol::join::Input::Response {
                id: protocol::join::RequestId(12345),
                response: http::Response::new(Vec::new()),
            },
            over.now,
        )
        .expect("ignored");
}

#[test]
fn malformed_bodies_fail_cleanly() {
    let mut h = Harness::new();
    h.machine.join("Ada").expect("join");
    h.drain();
    let token = h.expect(&Method::POST, "/api/v1/guest-token");
    h.respond_raw(token, 200, &[], b"{not json".to_vec());
    assert_eq!(ended(&h), Some(Ending::Failed(JoinFailure::Incompatible)));

    let mut h = Harness::new();
    h.join_meeting("Ada");
    let events = h.expect(&Method::GET, "/events");
    h.respond_raw(events, 200, &[], b"<html>proxy</html>".to_vec());
    assert!(
        matches!(h.machine.phase(), Phase::InMeeting { .. }),
        "one bad poll is retried"
    );
}

#[test]
fn a_far_off_token_expiry_waits_no_longer_than_a_browser_timer_can() {
    let mut h = Harness::new();
    h.machine.prefetch().expect("prefetch");
    h.drain();
    h.give_token_lasting(100 * 24 * 3600 * 1000);
    assert_eq!(h.longest_timer(), protocol::join::MAX_TIMER_MS);
}

#[test]
fn token_is_renewed_before_it_expires() {
    let mut h = Harness::new();
    h.join_meeting("Ada");
    assert_eq!(h.longest_timer(), (8 * 3600 - 5 * 60) * 1000);
    h.fire_timers();
    let token = h.expect(&Method::POST, "/api/v1/guest-token");
    assert_eq!(body(h.request(token))["applicationSessionId"], "session-1");
}

#[test]
fn without_a_known_name_the_application_is_created_at_the_click_with_it() {
    let mut h = Harness::new();
    h.discovered();
    assert_eq!(h.machine.phase(), &Phase::Ready);
    assert!(
        h.find(&Method::POST, "/ucwa/psanon/v1/applications").is_none(),
        "no application without a display name: the service requires one"
    );
    assert!(!h.machine.milestones().application);
    h.machine.join("Grace Hopper").expect("join");
    h.drain();
    assert_eq!(h.machine.phase(), &Phase::Connecting);
    let create = h.expect(&Method::POST, "/ucwa/psanon/v1/applications");
    let input = body(h.request(create));
    assert_eq!(input["anonymousDisplayName"], "Grace Hopper");
    assert_eq!(input["culture"], "en-us");
    assert_eq!(input["userAgent"], "guest-join-test");
    h.give_application();
    // The event channel and the join go out together.
    h.expect(&Method::GET, "/events");
    let invite = h.expect(&Method::POST, "/onlineMeetingInvitations");
    assert_eq!(body(h.request(invite))["anonymousDisplayName"], "Grace Hopper");
}

#[test]
fn a_name_known_while_waiting_creates_the_application_then() {
    let mut h = Harness::new();
    h.discovered();
    assert!(h.find(&Method::POST, "/ucwa/psanon/v1/applications").is_none());
    // A partner page hands the name over after the page has started.
    h.machine.set_display_name("Partner Pat").expect("name");
    h.drain();
    let create = h.expect(&Method::POST, "/ucwa/psanon/v1/applications");
    assert_eq!(body(h.request(create))["anonymousDisplayName"], "Partner Pat");
    // Join pressed while the application is still being created: the join follows it.
    h.machine.join("Partner Pat").expect("join");
    h.drain();
    assert_eq!(
        h.log
            .iter()
            .filter(|r| r.uri().path().ends_with("/ucwa/psanon/v1/applications"))
            .count(),
        1,
        "one application"
    );
    assert!(h.find(&Method::POST, "/onlineMeetingInvitations").is_none());
    h.give_application();
    h.expect(&Method::POST, "/onlineMeetingInvitations");
}

/// The documented strict shape of a join: its events in two responses, everyone else
/// named only by their link's title, the guest listed too; roles are read afterwards.
#[test]
fn a_join_split_over_two_responses_names_people_by_title_then_reads_their_roles() {
    let mut h = Harness::new();
    h.connect("WLB1");
    let op = h.invite_operation();
    h.deliver(json!([
        communication_sender(vec![
            invitation_event("started", &op, None, None),
            conversation_event("added", "Connecting", None),
        ]),
        conversation_sender(vec![
            local_participant_event(false),
            messaging_event("Disconnected")
        ]),
    ]));
    assert_eq!(
        h.machine.phase(),
        &Phase::Connecting,
        "not in before the completion"
    );
    h.deliver_fixture(
        "events__join_completed_roster_link_only.json",
        &[(FIXTURE_OPERATION, op.as_str())],
    );
    assert!(matches!(h.machine.phase(), Phase::InMeeting { .. }));
    let people = |h: &Harness| {
        h.machine
            .participants()
            .iter()
            .map(|p| (p.name.clone(), p.is_leader))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        people(&h),
        [("Lene Aaling".to_owned(), false), ("Test User".to_owned(), false)],
        "named by title at once, without the guest themself"
    );
    // Each participant resource is read, after the next poll is already parked.
    h.expect(&Method::GET, "/events");
    let organizer = h.expect(&Method::GET, "/participants/testuser@contoso.onmicrosoft.com");
    let attendee = h.expect(&Method::GET, "/participants/lenea@contoso.onmicrosoft.com");
    assert!(
        h.find(&Method::GET, "/participants/1546268894@anonymous.invalid")
            .is_none()
    );
    h.respond_fixture(organizer, 200, "ucwa__participant_resource_organizer.json");
    h.respond(attendee, 404, &json!({"code": "NotFound"}));
    assert_eq!(
        people(&h),
        [("Lene Aaling".to_owned(), false), ("Test User".to_owned(), true)],
        "the organizer is marked once their resource is read; a failed read changes nothing"
    );
    let updates: Vec<Update> = std::iter::from_fn(|| h.machine.poll_update()).collect();
    assert!(updates.contains(&Update::ParticipantJoined("Test User".to_owned())));
    assert!(updates.contains(&Update::RosterChanged));
}

#[test]
fn someone_waiting_in_the_lobby_is_counted_from_the_in_link() {
    let mut h = Harness::new();
    h.join_meeting("Ada");
    h.deliver_fixture("events__participant_added_in_lobby_link_only.json", &[]);
    assert_eq!(h.machine.lobby_count(), 1);
    let waiting = h.machine.participants()[1].clone();
    assert_eq!((waiting.name.as_str(), waiting.in_lobby), ("Robin Guest", true));
    // Let in: added again, without `in`.
    h.deliver(json!([{"rel": "conversation", "href": FIXTURE_CONV, "events": [
        {"link": {"rel": "participant", "href": format!("{FIXTURE_CONV}/participants/sip-guest-2@anonymous.invalid"), "title": "Robin Guest"}, "type": "added"}
    ]}]));
    assert_eq!(h.machine.lobby_count(), 0);
    let updates: Vec<Update> = std::iter::from_fn(|| h.machine.poll_update()).collect();
    assert!(updates.contains(&Update::ParticipantJoined("Robin Guest".to_owned())));
}

#[test]
fn participant_resources_are_read_a_few_at_a_time() {
    let mut h = Harness::new();
    h.join_meeting("Ada");
    let crowd: Vec<Value> = (0..10)
        .map(|n| json!({"link": {"rel": "participant", "href": format!("{CONV}/participants/p{n}"), "title": format!("P{n}")}, "type": "added"}))
        .collect();
    h.deliver(json!([conversation_sender(crowd)]));
    let reading = |h: &Harness| {
        h.in_flight
            .values()
            .filter(|r| r.uri().path().contains("/participants/p"))
            .count()
    };
    assert_eq!(reading(&h), 4, "four at a time");
    for _ in 0..10 {
        let id = *h
            .in_flight
            .iter()
            .find(|(_, r)| r.uri().path().contains("/participants/p"))
            .expect("a read in flight")
            .0;
        h.respond(id, 200, &json!({"name": "x", "role": "Attendee"}));
    }
    assert_eq!(reading(&h), 0, "every resource was read once");
    assert_eq!(h.machine.participants().len(), 11);
}

#[test]
fn a_resync_reads_a_roster_of_links_and_then_their_resources() {
    let mut h = Harness::new();
    h.join_meeting("Ada");
    // The guest's own participant, as the conversation names it.
    h.deliver(json!([conversation_sender(vec![json!({
        "link": {"rel": "localParticipant", "href": format!("{FIXTURE_CONV}/participants/1546268894@anonymous.invalid")},
        "type": "updated"
    })])]));
    let events = h.expect(&Method::GET, "/events");
    h.respond(
        events,
        200,
        &json!({"_links": {"self": {"href": format!("{APP}/events?ack=3&key=k")}, "resync": {"href": format!("{APP}/events?ack=9&key=k")}}}),
    );
    let roster = h.expect(&Method::GET, "/participants");
    h.respond_fixture(roster, 200, "ucwa__participants_collection_links.json");
    let names: Vec<String> = h.machine.participants().iter().map(|p| p.name.clone()).collect();
    assert_eq!(names, ["Lene Aaling", "Test User"], "the guest is not listed");
    let organizer = h.expect(&Method::GET, "/participants/testuser@contoso.onmicrosoft.com");
    h.expect(&Method::GET, "/participants/lenea@contoso.onmicrosoft.com");
    h.respond_fixture(organizer, 200, "ucwa__participant_resource_organizer.json");
    assert!(h.machine.participants()[1].is_leader);
}

/// An ending told in the documented order: `Disconnected` without a reason, then
/// `deleted` with it. Whether the two share a response or not, the guest is told why.
#[test]
fn an_ending_is_named_by_the_reason_that_follows_the_disconnect() {
    // In one response.
    let mut h = Harness::new();
    h.join_meeting("WLB1");
    h.deliver_fixture("events__ejected_disconnected_then_deleted.json", &[]);
    assert_eq!(
        ended(&h),
        Some(Ending::Removed),
        "removed, not 'the meeting ended'"
    );

    // Split: the reason comes in the next response.
    let mut h = Harness::new();
    h.join_meeting("WLB1");
    h.deliver_fixture("events__conversation_updated_disconnected.json", &[]);
    assert!(
        matches!(h.machine.phase(), Phase::InMeeting { .. }),
        "a reason-less disconnect waits for its reason: {:?}",
        h.machine.phase()
    );
    assert!(!h.machine.chat_ready());
    h.deliver_fixture("events__conversation_deleted_reason_ended.json", &[]);
    assert_eq!(ended(&h), Some(Ending::MeetingEnded));

    // No reason ever comes: after a short wait the guest is told the meeting ended.
    let mut h = Harness::new();
    h.join_meeting("WLB1");
    h.timers.clear();
    h.deliver_fixture("events__conversation_updated_disconnected.json", &[]);
    assert_eq!(h.timers.len(), 1, "one wait for the reason: {:?}", h.timers);
    h.fire_timers();
    assert_eq!(ended(&h), Some(Ending::MeetingEnded));

    // The application went with the conversation: no rejoin, the ending stands.
    let mut h = Harness::new();
    h.join_meeting("WLB1");
    h.deliver_fixture("events__conversation_updated_disconnected.json", &[]);
    let events = h.expect(&Method::GET, "/events");
    h.respond(
        events,
        404,
        &json!({"code": "NotFound", "subcode": "ApplicationNotFound"}),
    );
    assert_eq!(ended(&h), Some(Ending::MeetingEnded));
    assert!(h.find(&Method::POST, "/ucwa/psanon/v1/applications").is_none());
}

#[test]
fn a_denial_in_the_lobby_is_named_even_when_the_reason_comes_last() {
    let mut h = Harness::new();
    h.connect("Ada");
    let op = h.invite_operation();
    h.deliver(json!([
        conversation_sender(vec![local_participant_event(true)]),
        communication_sender(vec![conversation_event("updated", "InLobby", None)]),
    ]));
    assert!(matches!(h.machine.phase(), Phase::Lobby { .. }));
    h.deliver(json!([communication_sender(vec![conversation_event(
        "updated",
        "Disconnected",
        None
    )])]));
    h.deliver(json!([communication_sender(vec![
        conversation_event("deleted", "Disconnected", Some(("RemoteFailure", "Denied"))),
        invitation_event("completed", &op, Some("Failure"), None),
    ])]));
    assert_eq!(ended(&h), Some(Ending::Denied));
}

/// Typing, both ways: others' typing comes as participants added to and deleted from
/// `typingParticipants`, which is not the roster; the guest's typing goes to `setIsTyping`.
#[test]
fn typing_is_shown_and_told_without_touching_the_roster() {
    let mut h = Harness::new();
    h.join_meeting("WLB1");
    h.deliver(json!([{"rel": "conversation", "href": FIXTURE_CONV, "events": [
        {"link": {"rel": "participant", "href": format!("{FIXTURE_CONV}/participants/lenea@contoso.onmicrosoft.com"), "title": "Lene Aaling"}, "type": "added"}
    ]}]));
    assert_eq!(h.machine.participants().len(), 2);
    while h.machine.poll_update().is_some() {}
    h.deliver_fixture("events__typing_participant_added.json", &[]);
    assert_eq!(h.machine.typing(), ["Lene Aaling"]);
    assert!(std::iter::from_fn(|| h.machine.poll_update()).any(|u| u == Update::TypingChanged));
    h.deliver_fixture("events__typing_participant_deleted.json", &[]);
    assert!(h.machine.typing().is_empty());
    assert_eq!(
        h.machine.participants().len(),
        2,
        "a participant leaving typingParticipants is still in the meeting"
    );

    // The guest types: told at once, then at most every few seconds.
    h.machine.guest_is_typing(h.now).expect("typing");
    h.drain();
    let told = h.expect(&Method::POST, "/messaging/typing");
    assert!(h.request(told).body().is_empty(), "setIsTyping has no body");
    h.respond_raw(told, 204, &[], Vec::new());
    h.advance(TYPING_RENEW_MS - 1);
    h.machine.guest_is_typing(h.now).expect("typing");
    h.drain();
    assert!(
        h.find(&Method::POST, "/messaging/typing").is_none(),
        "not again so soon"
    );
    h.advance(1);
    h.machine.guest_is_typing(h.now).expect("typing");
    h.drain();
    h.expect(&Method::POST, "/messaging/typing");
}

#[test]
fn nothing_is_told_of_typing_before_chat_is_connected() {
    let mut h = Harness::new();
    h.connect("Ada");
    h.machine.guest_is_typing(h.now).expect("typing");
    h.drain();
    assert!(h.find(&Method::POST, "/messaging/typing").is_none());
}

/// Once in, the meeting's phone details are read, from the link its resource gives.
#[test]
fn how_to_join_by_phone_is_read_once_in_the_meeting() {
    let mut h = Harness::new();
    h.connect("WLB1");
    let op = h.invite_operation();
    let meeting = fixture("ucwa__online_meeting_with_dial_in.json", &[]);
    h.deliver(json!([conversation_sender(vec![json!({
        "link": {"rel": "onlineMeeting", "href": format!("{FIXTURE_CONV}/onlineMeeting")},
        "_embedded": {"onlineMeeting": meeting},
        "type": "added",
    })])]));
    assert!(
        h.find(&Method::GET, "/phoneDialInInformation").is_none(),
        "nothing off the join's path before the guest is in"
    );
    h.deliver(join_without_lobby(&op));
    let read = h.expect(&Method::GET, "/onlineMeetings/phoneDialInInformation");
    h.respond_fixture(read, 200, "ucwa__phone_dial_in_information.json");
    let dial_in = h.machine.dial_in().expect("dial-in details").clone();
    assert_eq!(dial_in.conference_id.as_deref(), Some("12983487"));
    assert_eq!(
        dial_in
            .numbers
            .iter()
            .map(|n| (n.region.as_deref().unwrap_or_default(), n.tel_uri()))
            .collect::<Vec<_>>(),
        [
            ("Redmond", "tel:+14255550001".to_owned()),
            ("Munich", "tel:+498912345678".to_owned())
        ],
        "the default region first"
    );
    assert_eq!(dial_in.directory.as_deref(), Some("https://dial.contoso.com"));
    assert!(std::iter::from_fn(|| h.machine.poll_update()).any(|u| u == Update::DialInKnown));
}

#[test]
fn a_meeting_event_without_its_resource_is_read_for_the_phone_details() {
    let mut h = Harness::new();
    h.connect("WLB1");
    let op = h.invite_operation();
    h.deliver(json!([conversation_sender(vec![json!({
        "link": {"rel": "onlineMeeting", "href": format!("{FIXTURE_CONV}/onlineMeeting")},
        "type": "added",
    })])]));
    h.deliver(join_without_lobby(&op));
    let meeting = h.expect(&Method::GET, "/onlineMeeting");
    h.respond_fixture(meeting, 200, "ucwa__online_meeting_with_dial_in.json");
    let read = h.expect(&Method::GET, "/phoneDialInInformation");
    h.respond_fixture(read, 200, "ucwa__phone_dial_in_information.json");
    assert!(h.machine.dial_in().is_some());
}

#[test]
fn a_meeting_nobody_may_phone_into_offers_no_numbers() {
    let mut h = Harness::new();
    h.connect("WLB1");
    let op = h.invite_operation();
    let mut meeting = fixture("ucwa__online_meeting_with_dial_in.json", &[]);
    meeting["phoneUserAdmission"] = json!("Disabled");
    h.deliver(json!([conversation_sender(vec![json!({
        "link": {"rel": "onlineMeeting", "href": format!("{FIXTURE_CONV}/onlineMeeting")},
        "_embedded": {"onlineMeeting": meeting},
        "type": "added",
    })])]));
    h.deliver(join_without_lobby(&op));
    assert!(h.find(&Method::GET, "/phoneDialInInformation").is_none());
    assert!(h.machine.dial_in().is_none());
}

#[test]
fn a_skype_user_is_known_by_their_microsoft_account() {
    let mut h = Harness::new();
    h.join_meeting("WLB1");
    let href = format!("{FIXTURE_CONV}/participants/sky.walker(outlook.com)@msn.com");
    h.deliver(json!([{"rel": "conversation", "href": FIXTURE_CONV, "events": [
        {"link": {"rel": "participant", "href": href, "title": "Sky Walker"}, "type": "added"}
    ]}]));
    let read = h.expect(&Method::GET, "(outlook.com)@msn.com");
    h.respond_fixture(read, 200, "ucwa__participant_resource_skype_user.json");
    let sky = h
        .machine
        .participants()
        .into_iter()
        .find(|p| p.name == "Sky Walker")
        .expect("listed")
        .clone();
    assert_eq!(
        sky.origin,
        Origin::Skype {
            account: "sky.walker@outlook.com".to_owned()
        }
    );
}

#[test]
fn a_check_outside_a_browser_gets_its_token_from_the_staff_api() {
    let mut h = Harness::new();
    h.machine =
        protocol::join::GuestJoin::new(config()).checking_as_staff(protocol::guest_api::StaffAccess {
            key: protocol::Secret::new("staff-key-1"),
            origin: Some("https://bank.example".to_owned()),
        });
    h.machine.set_display_name("Link check").expect("named");
    h.machine.prefetch().expect("prefetch");
    h.drain();
    let id = h.expect(&Method::POST, "/api/v1/staff/check-token");
    let request = h.request(id);
    assert_eq!(
        request.headers()["authorization"].to_str().expect("ascii"),
        "Bearer staff-key-1"
    );
    let body: Value = serde_json::from_slice(request.body()).expect("json");
    assert_eq!(body["origin"], "https://bank.example");
    assert_eq!(body["meetingUrl"], "https://meet.lync.com/contoso/org/ABCD1234");
    // The answer names the website too; the machine reads the token as from the guest API.
    let expires = h.now.plus_millis(3_600_000).to_iso8601();
    h.respond(
        id,
        200,
        &json!({
            "discoverUrl": DISCOVER,
            "token": "psat=eyJhbGciOi.abc.def",
            "expiresAt": expires,
            "applicationSessionId": "session-1",
            "origin": "https://bank.example",
        }),
    );
    h.expect(&Method::GET, "/discover");
}

#[test]
fn every_step_on_the_way_in_is_kept_with_its_status_and_problem() {
    use protocol::join::JoinStep;
    let mut h = Harness::new();
    h.machine.prefetch().expect("prefetch");
    h.drain();
    h.give_token();
    let id = h.expect(&Method::GET, "/discover");
    h.respond_raw(
        id,
        403,
        &[(
            "X-Ms-diagnostics",
            "28072;source=\"fe\";reason=\"Service does not allow a cross domain request from this origin.\"",
        )],
        br#"{"code":"Forbidden"}"#.to_vec(),
    );
    let kept: Vec<(JoinStep, Option<u16>)> = h.machine.exchanges().map(|e| (e.step, e.status)).collect();
    assert_eq!(
        kept,
        [(JoinStep::GuestToken, Some(200)), (JoinStep::Discover, Some(403))]
    );
    let refused = h.machine.exchanges().last().expect("kept");
    let problem = refused.problem.as_ref().expect("a problem");
    assert_eq!(problem.code.as_deref(), Some("Forbidden"));
    assert!(
        problem
            .reason
            .as_deref()
            .is_some_and(|r| r.contains("cross domain"))
    );
    assert_eq!(
        h.machine.phase(),
        &Phase::Over(Ending::Failed(JoinFailure::OriginNotAllowed))
    );
}

#[cfg(feature = "on-premises")]
/// protocol.md §3: the on-premises join's requests in order, with the bodies of §3.4, §3.6
/// and §3.8, and the ticket's renewal keeping the guest (§3.4) before it expires.
#[test]
fn an_on_premises_join_signs_in_then_joins_with_the_name() {
    let mut h = Harness::with(on_premises_config());
    h.machine.join("Robin").expect("join");
    h.drain();
    let pool = "https://lyncweb.contoso.com";
    let root = h.expect(&Method::GET, "/");
    assert_eq!(h.request(root).uri(), "https://lyncdiscover.contoso.com/");
    // Before any answer, the root's own frame, where the UCWA sample frames it.
    let frame = |h: &Harness, url: &str| {
        h.machine
            .frame_for(&url::Url::parse(url).expect("url"))
            .map(|frame| frame.to_string())
    };
    assert_eq!(
        frame(&h, "https://lyncdiscover.contoso.com/"),
        Some("https://lyncdiscover.contoso.com/xframe".to_owned())
    );
    assert_eq!(frame(&h, "https://lyncweb.contoso.com/x"), None);
    let links = json!({"_links": {
        "user": {"href": format!("{pool}/Autodiscover/AutodiscoverService.svc/root/oauth/user")},
        "xframe": {"href": format!("{pool}/Autodiscover/XFrame/XFrame.html")},
    }});
    h.respond(root, 200, &links);
    let user = h.expect(&Method::GET, "/oauth/user");
    assert!(h.request(user).headers().get("authorization").is_none());
    // The root named the pool's frame: the pool's requests go through it.
    assert_eq!(
        frame(
            &h,
            "https://lyncweb.contoso.com/Autodiscover/AutodiscoverService.svc/root/oauth/user"
        ),
        Some(format!("{pool}/Autodiscover/XFrame/XFrame.html"))
    );
    let challenge = format!(
        r#"MsRtcOAuth href="{pool}/WebTicket/oauthtoken",grant_type="urn:microsoft.rtc:windows,urn:microsoft.rtc:anonmeeting,password""#
    );
    h.respond_raw(
        user,
        401,
        &[("www-authenticate", &challenge)],
        b"<html>401</html>".to_vec(),
    );
    let ticket = h.expect(&Method::POST, "/WebTicket/oauthtoken");
    let form = String::from_utf8(h.request(ticket).body().clone()).expect("a form");
    assert_eq!(
        form,
        "grant_type=urn%3Amicrosoft.rtc%3Aanonmeeting&password=G03W98W4\
         &ms_rtc_conferenceuri=sip%3Ajohn%40contoso.com%3Bgruu%3Bopaque%3Dapp%3Aconf%3Afocus%3Aid%3AG03W98W4"
    );
    h.respond(
        ticket,
        200,
        &json!({"access_token": "cwt=AAEB", "token_type": "Bearer", "expires_in": 3600}),
    );
    let signed = h.expect(&Method::GET, "/oauth/user");
    assert_eq!(h.request(signed).headers()["authorization"], "Bearer cwt=AAEB");
    h.respond(
        signed,
        200,
        &json!({"_links": {"applications": {"href": format!("{pool}/ucwa/oauth/v1/applications")}}}),
    );

    let create = h.expect(&Method::POST, "/ucwa/oauth/v1/applications");
    let request = body(h.request(create));
    assert_eq!(h.request(create).headers()["authorization"], "Bearer cwt=AAEB");
    assert_eq!(request["userAgent"], "guest-join-test");
    assert_eq!(request["culture"], "en-us");
    assert!(request["endpointId"].as_str().is_some_and(|id| !id.is_empty()));
    assert!(
        request.get("anonymousDisplayName").is_none(),
        "on premises the name comes with the join"
    );
    h.respond(create, 201, &application_body("1"));
    let invite = h.expect(&Method::POST, "/onlineMeetingInvitations");
    let join = body(h.request(invite));
    assert_eq!(join["anonymousDisplayName"], "Robin");
    assert_eq!(
        join["onlineMeetingUri"],
        "sip:john@contoso.com;gruu;opaque=app:conf:focus:id:G03W98W4"
    );
    assert_eq!(h.request(invite).uri().host(), Some("lyncweb.contoso.com"));

    // Five minutes before the hour, the ticket is renewed with itself.
    let renewal_in = h.longest_timer();
    assert!(
        (54 * 60_000..=55 * 60_000).contains(&renewal_in),
        "renewed 5 minutes early: {renewal_in} ms"
    );
    h.advance(i64::from(renewal_in));
    h.fire_timers();
    let renew = h.expect(&Method::POST, "/WebTicket/oauthtoken");
    let form = String::from_utf8(h.request(renew).body().clone()).expect("a form");
    assert!(form.ends_with("&ms_rtc_renew=cwt%3DAAEB"), "{form}");
    h.respond(
        renew,
        200,
        &json!({"access_token": "cwt=RENEWED", "token_type": "Bearer", "expires_in": 3600}),
    );
    assert_eq!(ended(&h), None);
}

/// A `409 AlreadyExists` is a raced retry only for the invitation: for the application
/// (an endpoint id already in use, §3.6) nothing will ever answer, so the join ends.
#[test]
fn an_application_that_already_exists_ends_the_join_instead_of_waiting() {
    let mut h = Harness::new();
    h.machine.join("Ada").expect("join");
    h.drain();
    h.give_token();
    h.give_discover();
    let create = h.expect(&Method::POST, "/ucwa/psanon/v1/applications");
    h.respond(
        create,
        409,
        &json!({"code": "Conflict", "subcode": "AlreadyExists", "message": "The endpoint is in use."}),
    );
    assert_eq!(ended(&h), Some(Ending::Failed(JoinFailure::Refused)));
}
