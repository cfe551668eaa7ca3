//! A guest join driven natively by the protocol crate's state machine against the
//! simulator: lobby, admission, roster, chat both ways, endings, rejoin, and every
//! injected fault with what the guest sees.

mod support;

use std::time::Duration;

use protocol::join::{Delivery, Ending, JoinFailure, MessageDirection, Phase, Update};
use serde_json::json;
use support::*;

/// How many event responses carried the join, from its start to its completion.
fn join_responses(sim: &simulator::Simulator) -> usize {
    let journal = sim.journal();
    let carrying = |what: &str| {
        journal
            .iter()
            .position(|e| e.events.iter().any(|x| x == what))
            .unwrap_or_else(|| panic!("no response carried {what}: {journal:#?}"))
    };
    let (started, completed) = (
        carrying("started onlineMeetingInvitation"),
        carrying("completed onlineMeetingInvitation"),
    );
    journal[started..=completed]
        .iter()
        .filter(|e| !e.events.is_empty())
        .count()
}

#[tokio::test]
async fn with_the_quirk_a_join_comes_in_one_response() {
    let sim = start().await;
    sim.set_quirks(simulator::config::Quirks {
        join_in_one_response: true,
        embed_participants: true,
        ..simulator::config::Quirks::strict()
    });
    let mut guest = Driver::new(&sim, OPEN);
    guest.join("Ada").await;
    assert!(matches!(guest.machine.phase(), Phase::InMeeting { .. }));
    assert_eq!(join_responses(&sim), 1, "{:#?}", sim.journal());
    assert!(
        guest
            .machine
            .participants()
            .iter()
            .any(|p| p.name == "Olivia Organizer" && p.is_leader),
        "an embedded resource gives the role at once"
    );
    sim.shutdown().await;
}

fn incoming(driver: &Driver) -> Vec<String> {
    driver
        .machine
        .messages()
        .iter()
        .filter(|m| m.direction == MessageDirection::Incoming)
        .map(|m| m.text.clone())
        .collect()
}

#[tokio::test]
async fn lobby_bypass_join_then_chat_both_ways_and_leave() {
    let sim = start().await;
    let control = Control::new(&sim);
    let mut guest = Driver::new(&sim, OPEN);
    guest.machine.prefetch().expect("prefetch");
    guest
        .run_until("ready", Duration::from_secs(10), |m| {
            matches!(m.phase(), Phase::Ready)
        })
        .await;
    guest.join("Ada Lovelace").await;
    assert!(
        matches!(guest.machine.phase(), Phase::InMeeting { .. }),
        "{:?}",
        guest.machine.phase()
    );
    let mut names: Vec<String> = guest
        .machine
        .participants()
        .iter()
        .map(|p| p.name.clone())
        .collect();
    names.sort();
    assert_eq!(names, ["Jordan Lee", "Olivia Organizer"]);
    assert_eq!(guest.machine.subject(), Some("Meeting OPEN0001"));
    // As the documents allow (protocol.md §4.2), the join's start and its completion come
    // in different responses; and the organizer's role is read from their resource.
    assert_eq!(join_responses(&sim), 2, "{:#?}", sim.journal());
    guest
        .run_until("the organizer's role", Duration::from_secs(5), |m| {
            m.participants()
                .iter()
                .any(|p| p.name == "Olivia Organizer" && p.is_leader)
        })
        .await;

    guest.until_chat().await;
    guest
        .machine
        .send_message("Hello, I have a question", now())
        .expect("send");
    guest
        .run_until("delivery", Duration::from_secs(10), |m| {
            m.messages().iter().any(|x| x.delivery == Delivery::Sent)
        })
        .await;
    let meeting = control.get(&format!("/control/meetings/{OPEN}")).await;
    assert_eq!(meeting["chat"][0]["text"], "Hello, I have a question");
    assert_eq!(meeting["chat"][0]["from"], "Ada Lovelace");

    control
        .post(
            &format!("/control/meetings/{OPEN}/messages"),
            json!({"text": "Welcome, Ada!"}),
        )
        .await;
    guest
        .run_until("a reply", Duration::from_secs(10), |m| {
            m.messages()
                .iter()
                .any(|x| x.direction == MessageDirection::Incoming)
        })
        .await;
    let reply = guest
        .machine
        .messages()
        .iter()
        .find(|m| m.direction == MessageDirection::Incoming)
        .expect("reply")
        .clone();
    assert_eq!(reply.text, "Welcome, Ada!");
    assert_eq!(reply.sender, "Olivia Organizer");

    guest.machine.leave().expect("leave");
    assert_eq!(guest.until_over().await, Ending::Left);
    assert!(
        control.guest_in(OPEN).await.is_none(),
        "the guest left the roster"
    );
    sim.shutdown().await;
}

#[tokio::test]
async fn lobby_wait_then_admission_by_the_organizer() {
    let sim = start().await;
    let control = Control::new(&sim);
    let mut guest = Driver::new(&sim, LOBBY);
    guest.join("Grace").await;
    assert!(
        matches!(guest.machine.phase(), Phase::Lobby { .. }),
        "{:?}",
        guest.machine.phase()
    );
    let waiting = control.guest_in(LOBBY).await.expect("a guest waits");
    assert_eq!(waiting["presence"], "lobby");
    assert_eq!(waiting["name"], "Grace");
    let person = waiting["id"].as_str().expect("id").to_owned();
    control
        .post(
            &format!("/control/meetings/{LOBBY}/people/{person}/admit"),
            json!({}),
        )
        .await;
    guest.until_in_meeting().await;
    let updates: Vec<Update> = std::iter::from_fn(|| guest.machine.poll_update()).collect();
    assert!(updates.contains(&Update::Admitted));
    sim.shutdown().await;
}

#[tokio::test]
async fn denied_from_the_lobby() {
    let sim = start().await;
    let control = Control::new(&sim);
    let mut guest = Driver::new(&sim, LOBBY);
    guest.join("Mallory").await;
    let person = control.guest_in(LOBBY).await.expect("waiting")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    control
        .post(
            &format!("/control/meetings/{LOBBY}/people/{person}/deny"),
            json!({}),
        )
        .await;
    assert_eq!(guest.until_over().await, Ending::Denied);
    sim.shutdown().await;
}

#[tokio::test]
async fn participants_join_and_leave() {
    let sim = start().await;
    let control = Control::new(&sim);
    let mut guest = Driver::new(&sim, OPEN);
    guest.join("Ada").await;
    let added = control
        .post(
            &format!("/control/meetings/{OPEN}/people"),
            json!({"name": "Pat Advisor", "leader": true}),
        )
        .await;
    guest
        .run_until("Pat", Duration::from_secs(10), |m| {
            m.participants()
                .iter()
                .any(|p| p.name == "Pat Advisor" && p.is_leader)
        })
        .await;
    let id = added["id"].as_str().expect("id");
    control
        .delete(&format!("/control/meetings/{OPEN}/people/{id}"))
        .await;
    guest
        .run_until("Pat to leave", Duration::from_secs(10), |m| {
            m.participants().iter().all(|p| p.name != "Pat Advisor")
        })
        .await;
    sim.shutdown().await;
}

#[tokio::test]
async fn meeting_ended_then_rejoin_with_the_same_session() {
    let sim = start().await;
    let control = Control::new(&sim);
    let mut guest = Driver::new(&sim, OPEN);
    guest.join("Ada").await;
    let session = guest
        .machine
        .application_session_id()
        .expect("session")
        .to_owned();
    control
        .post(&format!("/control/meetings/{OPEN}/end"), json!({}))
        .await;
    assert_eq!(guest.until_over().await, Ending::MeetingEnded);
    guest.machine.rejoin().expect("rejoin");
    guest.until_in_meeting().await;
    assert_eq!(guest.machine.application_session_id(), Some(session.as_str()));
    assert_eq!(guest.tokens_minted, 2, "a rejoin gets a fresh token");
    sim.shutdown().await;
}

#[tokio::test]
async fn removed_by_the_organizer_in_either_shape_of_the_ending() {
    for reason_later in [false, true] {
        let sim = start().await;
        sim.set_quirks(simulator::config::Quirks {
            ending_in_two_responses: reason_later,
            ..simulator::config::Quirks::strict()
        });
        let control = Control::new(&sim);
        let mut guest = Driver::new(&sim, OPEN);
        guest.join("Ada").await;
        let person = control.guest_in(OPEN).await.expect("in")["id"]
            .as_str()
            .expect("id")
            .to_owned();
        control
            .delete(&format!("/control/meetings/{OPEN}/people/{person}"))
            .await;
        assert_eq!(
            guest.until_over().await,
            Ending::Removed,
            "reason later: {reason_later}"
        );
        let journal = sim.journal();
        let deleted = journal
            .iter()
            .find(|e| e.events.iter().any(|x| x == "deleted conversation"))
            .expect("the conversation was deleted");
        assert_eq!(
            deleted.events.iter().any(|x| x == "updated conversation"),
            !reason_later,
            "the Disconnected update and the deleted share a response unless the quirk splits them: {:?}",
            deleted.events
        );
        sim.shutdown().await;
    }
}

#[tokio::test]
async fn dropped_event_channel_loses_and_duplicates_nothing() {
    let sim = start().await;
    let control = Control::new(&sim);
    let mut guest = Driver::new(&sim, OPEN);
    guest.join("Ada").await;
    guest.until_chat().await;
    // The parked poll is dropped, and so is the next one, while messages arrive.
    control.post("/control/events/drop", json!({"next": 1})).await;
    for text in ["one", "two", "three"] {
        control
            .post(
                &format!("/control/meetings/{OPEN}/messages"),
                json!({"text": text}),
            )
            .await;
    }
    guest
        .run_until("three messages", Duration::from_secs(20), |m| {
            m.messages().len() >= 3
        })
        .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(incoming(&guest), ["one", "two", "three"]);
    let journal = control.get("/control/journal").await;
    let dropped = journal
        .as_array()
        .expect("entries")
        .iter()
        .filter(|e| e["step"] == "events" && e["status"] == 0)
        .count();
    assert!(dropped >= 2, "{dropped} dropped polls");
    assert!(matches!(guest.machine.phase(), Phase::InMeeting { .. }));
    sim.shutdown().await;
}

#[tokio::test]
async fn service_unavailable_with_retry_after_is_retried() {
    let sim = start().await;
    let control = Control::new(&sim);
    for step in ["guest_discover", "create_application", "join_meeting"] {
        control
            .post(
                "/control/faults/failures",
                json!({"step": step, "status": 503, "retry_after": 1, "times": 2}),
            )
            .await;
    }
    let mut guest = Driver::new(&sim, OPEN);
    guest.join("Ada").await;
    assert!(
        matches!(guest.machine.phase(), Phase::InMeeting { .. }),
        "{:?}",
        guest.machine.phase()
    );
    let journal = control.get("/control/journal").await;
    let failed = journal
        .as_array()
        .expect("entries")
        .iter()
        .filter(|e| e["status"] == 503)
        .count();
    assert_eq!(failed, 6);
    sim.shutdown().await;
}

#[tokio::test]
async fn persistent_server_failure_is_reported_as_unavailable() {
    let sim = start().await;
    let control = Control::new(&sim);
    control
        .post(
            "/control/faults/failures",
            json!({"step": "create_application", "status": 500, "times": 50}),
        )
        .await;
    let mut guest = Driver::new(&sim, OPEN);
    guest.join("Ada").await;
    assert_eq!(
        guest.until_over().await,
        Ending::Failed(JoinFailure::ServiceUnavailable)
    );
    sim.shutdown().await;
}

#[tokio::test]
async fn latency_slows_but_does_not_break_the_join() {
    let sim = start().await;
    let control = Control::new(&sim);
    control
        .post("/control/faults/latency", json!({"millis": 150}))
        .await;
    let started = std::time::Instant::now();
    let mut guest = Driver::new(&sim, OPEN);
    guest.join("Ada").await;
    assert!(matches!(guest.machine.phase(), Phase::InMeeting { .. }));
    assert!(
        started.elapsed() >= Duration::from_millis(150 * 4),
        "latency was applied"
    );
    sim.shutdown().await;
}

#[tokio::test]
async fn expired_application_is_recreated_and_the_guest_rejoins() {
    let sim = start().await;
    let control = Control::new(&sim);
    let mut guest = Driver::new(&sim, OPEN);
    guest.join("Ada").await;
    let first = guest.application();
    control
        .post("/control/expire", json!({"application": first}))
        .await;
    guest
        .run_until("a new application", Duration::from_secs(20), |m| {
            m.reconnecting_since().is_some()
        })
        .await;
    guest
        .run_until("back in", Duration::from_secs(20), |m| {
            m.reconnecting_since().is_none() && matches!(m.phase(), Phase::InMeeting { .. })
        })
        .await;
    assert_ne!(guest.application(), first);
    assert_eq!(
        control.get(&format!("/control/meetings/{OPEN}")).await["people"]
            .as_array()
            .map(|p| p.iter().filter(|x| x["guest"] == true).count()),
        Some(1)
    );
    sim.shutdown().await;
}

#[tokio::test]
async fn expired_token_is_renewed_for_the_same_session() {
    let sim = start().await;
    let control = Control::new(&sim);
    let mut guest = Driver::new(&sim, OPEN);
    guest.join("Ada").await;
    guest.until_chat().await;
    let session = guest
        .machine
        .application_session_id()
        .expect("session")
        .to_owned();
    control
        .post("/control/expire", json!({"session_id": session}))
        .await;
    guest.machine.send_message("still here?", now()).expect("send");
    guest
        .run_until("delivery with a fresh token", Duration::from_secs(20), |m| {
            m.messages().iter().any(|x| x.delivery == Delivery::Sent)
        })
        .await;
    assert_eq!(guest.tokens_minted, 2);
    assert!(matches!(guest.machine.phase(), Phase::InMeeting { .. }));
    sim.shutdown().await;
}

#[tokio::test]
async fn every_quirk_at_once_is_survived() {
    let sim = start().await;
    let control = Control::new(&sim);
    sim.set_quirks(simulator::config::Quirks::all());
    let mut guest = Driver::new(&sim, OPEN);
    guest.join("Ada").await;
    assert!(
        matches!(guest.machine.phase(), Phase::InMeeting { .. }),
        "{:?}",
        guest.machine.phase()
    );
    let redirected = sim
        .journal()
        .iter()
        .any(|e| e.status == 307 && e.step == simulator::journal::Step::AnonToken);
    assert!(redirected, "the 307 was followed");
    control.put("/control/quirks", json!({"dates": "iso"})).await;
    guest.until_chat().await;
    control
        .post(
            &format!("/control/meetings/{OPEN}/messages"),
            json!({"text": "ISO dates now"}),
        )
        .await;
    guest
        .run_until("a message", Duration::from_secs(10), |m| !m.messages().is_empty())
        .await;
    sim.set_quirks(simulator::config::Quirks::all());
    control
        .post(&format!("/control/meetings/{OPEN}/end"), json!({}))
        .await;
    assert_eq!(guest.until_over().await, Ending::MeetingEnded);
    sim.shutdown().await;
}

#[tokio::test]
async fn a_website_not_in_allowed_origins_is_refused() {
    let sim = start().await;
    let mut guest = Driver::with_origin(&sim, OPEN, Some("https://evil.example"));
    // The token is minted for `evil`'s request but allows only the bank's origin.
    guest.machine.join("Eve").expect("join");
    let ending = guest.until_over().await;
    assert!(
        matches!(
            ending,
            Ending::Failed(JoinFailure::OriginNotAllowed | JoinFailure::NetworkLost)
        ),
        "{ending:?}"
    );
    sim.shutdown().await;
}

#[tokio::test]
async fn html_from_the_organizer_arrives_as_plain_text() {
    let sim = start().await;
    let control = Control::new(&sim);
    let mut guest = Driver::new(&sim, OPEN);
    guest.join("Ada").await;
    guest.until_chat().await;
    control
        .post(
            &format!("/control/meetings/{OPEN}/messages"),
            json!({"text": "<b>Bold</b> <script>alert(1)</script>move", "html": true}),
        )
        .await;
    guest
        .run_until("the message", Duration::from_secs(10), |m| {
            !m.messages().is_empty()
        })
        .await;
    assert_eq!(incoming(&guest), ["Bold move"]);
    sim.shutdown().await;
}
