//! What a guest learns in the meeting besides the roster and chat, driven natively by the
//! protocol crate's join machine: who is typing (both ways), how to dial in, and where
//! the others come from (a Skype user, another organisation).

mod support;

use std::time::Duration;

use protocol::identity::Origin;
use protocol::join::Update;
use serde_json::json;
use simulator::Simulator;
use support::*;

const ORGANIZER: &str = "olivia@contoso.onmicrosoft.com";

async fn in_meeting_with_chat(sim: &Simulator, name: &str) -> Driver {
    let mut guest = Driver::new(sim, OPEN);
    guest.join(name).await;
    guest.until_in_meeting().await;
    guest.until_chat().await;
    guest
}

fn typing_requests(guest: &Driver) -> usize {
    guest
        .sent
        .iter()
        .filter(|(method, path)| method == "POST" && path.ends_with("/messaging/typing"))
        .count()
}

#[tokio::test]
async fn the_guest_sees_the_organizer_type_until_the_message_arrives() {
    let sim = start().await;
    let mut guest = in_meeting_with_chat(&sim, "Ada").await;
    sim.typing(OPEN, ORGANIZER).expect("typing");
    guest
        .run_until("Olivia typing", Duration::from_secs(10), |m| {
            m.typing() == ["Olivia Organizer"]
        })
        .await;
    // Typing is not a roster change: Olivia is still there once.
    assert_eq!(
        guest
            .machine
            .participants()
            .iter()
            .filter(|p| p.name == "Olivia Organizer")
            .count(),
        1
    );
    sim.say(
        OPEN,
        ORGANIZER,
        protocol::ucwa::resources::MessageBody::Plain("Hello".into()),
    )
    .expect("said");
    guest
        .run_until("the message, and no more typing", Duration::from_secs(10), |m| {
            m.typing().is_empty() && !m.messages().is_empty()
        })
        .await;
    sim.shutdown().await;
}

#[tokio::test]
async fn typing_stops_by_itself_when_nothing_more_is_said() {
    let mut config = config();
    config.timers.typing_secs = 1;
    let sim = Simulator::start(config).await.expect("started");
    let mut guest = in_meeting_with_chat(&sim, "Ada").await;
    sim.typing(OPEN, ORGANIZER).expect("typing");
    guest
        .run_until("Olivia typing", Duration::from_secs(10), |m| {
            !m.typing().is_empty()
        })
        .await;
    guest
        .run_until("Olivia to stop", Duration::from_secs(10), |m| {
            m.typing().is_empty()
        })
        .await;
    assert!(sim.typing_in(OPEN).is_empty());
    sim.shutdown().await;
}

#[tokio::test]
async fn a_guest_typing_is_told_once_per_few_seconds_and_others_see_it() {
    let sim = start().await;
    let mut ada = in_meeting_with_chat(&sim, "Ada Typist").await;
    let mut bo = in_meeting_with_chat(&sim, "Bo Reader").await;
    // Keys pressed in quick succession tell the service once.
    let at = now();
    for offset in [0, 200, 900, 2_500] {
        ada.machine
            .guest_is_typing(at.plus_millis(offset))
            .expect("typing");
    }
    ada.run_for(Duration::from_millis(300)).await;
    assert_eq!(typing_requests(&ada), 1, "{:?}", ada.sent);
    assert_eq!(sim.typing_in(OPEN).len(), 1);
    bo.run_until("Ada typing", Duration::from_secs(10), |m| {
        m.typing() == ["Ada Typist"]
    })
    .await;
    // Ada's own typing is not shown back to her.
    assert!(ada.machine.typing().is_empty());
    // After the renewal interval, typing is told again.
    ada.machine
        .guest_is_typing(at.plus_millis(protocol::join::TYPING_RENEW_MS + 1))
        .expect("typing");
    ada.run_for(Duration::from_millis(300)).await;
    assert_eq!(typing_requests(&ada), 2);
    ada.machine.send_message("Done typing", now()).expect("sent");
    ada.run_for(Duration::from_millis(300)).await;
    bo.run_until("Ada's message ends her typing", Duration::from_secs(10), |m| {
        m.typing().is_empty() && m.messages().iter().any(|msg| msg.text == "Done typing")
    })
    .await;
    sim.shutdown().await;
}

#[tokio::test]
async fn the_guest_learns_the_dial_in_numbers_and_conference_id() {
    let sim = start().await;
    let mut guest = Driver::new(&sim, OPEN);
    guest.join("Ada").await;
    guest
        .run_until("dial-in details", Duration::from_secs(10), |m| {
            m.dial_in().is_some()
        })
        .await;
    let dial_in = guest.machine.dial_in().expect("dial-in").clone();
    assert_eq!(dial_in.conference_id.as_deref(), Some("12983487"));
    assert_eq!(dial_in.numbers.len(), 1);
    assert_eq!(dial_in.numbers[0].region.as_deref(), Some("Redmond"));
    assert_eq!(dial_in.numbers[0].tel_uri(), "tel:+14255550001");
    sim.shutdown().await;
}

#[tokio::test]
async fn a_meeting_without_dial_in_asks_for_no_numbers() {
    let mut config = config();
    for meeting in &mut config.meetings {
        meeting.dial_in = None;
    }
    let sim = Simulator::start(config).await.expect("started");
    let mut guest = in_meeting_with_chat(&sim, "Ada").await;
    guest.run_for(Duration::from_millis(500)).await;
    assert!(guest.machine.dial_in().is_none());
    assert!(
        !guest
            .sent
            .iter()
            .any(|(_, path)| path.contains("phoneDialInInformation")),
        "{:?}",
        guest.sent
    );
    sim.shutdown().await;
}

#[tokio::test]
async fn a_skype_user_and_someone_from_another_organisation_are_told_apart() {
    let sim = start().await;
    let control = Control::new(&sim);
    let mut guest = in_meeting_with_chat(&sim, "Ada").await;
    let skype = control
        .post(
            &format!("/control/meetings/{OPEN}/people"),
            json!({"name": "Jo Consumer", "skype_account": "jo.consumer@example.com"}),
        )
        .await;
    assert_eq!(skype["id"], "jo.consumer(example.com)@msn.com");
    control
        .post(
            &format!("/control/meetings/{OPEN}/people"),
            json!({"name": "Fay Partner", "organisation_domain": "fabrikam.com"}),
        )
        .await;
    let origin_of = |m: &protocol::join::GuestJoin, name: &str| {
        m.participants()
            .iter()
            .find(|p| p.name == name)
            .map(|p| p.origin.clone())
    };
    guest
        .run_until("both origins", Duration::from_secs(10), |m| {
            origin_of(m, "Jo Consumer")
                == Some(Origin::Skype {
                    account: "jo.consumer@example.com".to_owned(),
                })
                && origin_of(m, "Fay Partner") == Some(Origin::OtherOrganisation)
        })
        .await;
    assert_eq!(
        origin_of(&guest.machine, "Olivia Organizer"),
        Some(Origin::Organisation)
    );
    sim.shutdown().await;
}

#[tokio::test]
async fn the_control_api_refuses_an_account_that_is_not_one() {
    let sim = start().await;
    let client = client();
    let url = format!("{}control/meetings/{OPEN}/people", sim.hosts().control);
    for body in [
        json!({"name": "X", "skype_account": "not-an-address"}),
        json!({"name": "X", "skype_account": "a@b@c.com"}),
        json!({"name": "X", "organisation_domain": "contoso.onmicrosoft.com"}),
        json!({"name": "X", "skype_account": "x@example.com", "organisation_domain": "fabrikam.com"}),
    ] {
        let response = client.post(&url).json(&body).send().await.expect("sent");
        assert_eq!(response.status(), 400, "{body}");
    }
    sim.shutdown().await;
}

#[tokio::test]
async fn typing_changes_are_reported_as_updates() {
    let sim = start().await;
    let mut guest = in_meeting_with_chat(&sim, "Ada").await;
    while guest.machine.poll_update().is_some() {}
    sim.typing(OPEN, ORGANIZER).expect("typing");
    guest
        .run_until("typing", Duration::from_secs(10), |m| !m.typing().is_empty())
        .await;
    let updates: Vec<Update> = std::iter::from_fn(|| guest.machine.poll_update()).collect();
    assert!(updates.contains(&Update::TypingChanged), "{updates:?}");
    assert!(!updates.contains(&Update::RosterChanged), "{updates:?}");
    sim.shutdown().await;
}
