//! The typed inspection and control API tests use instead of the simulator's internals.

mod support;

use protocol::join::Phase;
use protocol::ucwa::resources::{MessageBody, Role};
use simulator::journal::Step;
use simulator::model::Presence;
use simulator::refusal::ControlError;
use support::*;

#[tokio::test]
async fn the_lobby_guests_and_applications_are_visible_and_the_organizer_acts_on_them() {
    let sim = start().await;
    assert!(sim.lobby(LOBBY).is_empty());
    let mut guest = Driver::new(&sim, LOBBY);
    guest.join("Grace").await;
    assert!(matches!(guest.machine.phase(), Phase::Lobby { .. }));

    let waiting = sim.lobby(LOBBY);
    assert_eq!(waiting.len(), 1);
    assert_eq!(
        (waiting[0].name.as_str(), waiting[0].guest, waiting[0].presence),
        ("Grace", true, Presence::Lobby)
    );
    assert_eq!(sim.guests_in(LOBBY), waiting);
    let applications = sim.applications();
    assert_eq!(applications.len(), 1);
    assert_eq!(applications[0].id, guest.application());
    assert_eq!(
        waiting[0].application.as_deref(),
        Some(applications[0].id.as_str())
    );
    assert!(applications[0].conversation.is_some() && !applications[0].expired);
    assert_eq!(sim.journal_count(Step::JoinMeeting), 1);

    sim.admit(&LOBBY.to_ascii_lowercase(), &waiting[0].id)
        .expect("admitted");
    guest.until_in_meeting().await;
    assert!(sim.lobby(LOBBY).is_empty());
    assert_eq!(
        sim.guests_in(LOBBY)[0].presence,
        Presence::InMeeting,
        "still a guest, now in the meeting"
    );
    assert_eq!(sim.admit(LOBBY, &waiting[0].id), Err(ControlError::NotInLobby));
    assert_eq!(sim.deny(LOBBY, "nobody"), Err(ControlError::NoSuchPerson));
    assert_eq!(sim.end_meeting("NOSUCH99"), Err(ControlError::NoSuchMeeting));
    sim.shutdown().await;
}

#[tokio::test]
async fn people_and_chat_added_through_the_api_show_in_the_meeting() {
    let sim = start().await;
    let pat = sim.add_person(OPEN, "Pat Advisor", Role::Leader).expect("joined");
    let meeting = sim.meeting(OPEN).expect("the meeting");
    let listed = meeting.people.iter().find(|p| p.id == pat).expect("listed");
    assert!(listed.leader && !listed.guest);
    sim.say(OPEN, &pat, MessageBody::Html("<b>Hello</b>".to_owned()))
        .expect("said");
    let chat = sim.meeting(OPEN).expect("the meeting").chat;
    assert_eq!(
        chat.iter()
            .map(|c| (c.from.as_str(), c.text.as_str()))
            .collect::<Vec<_>>(),
        [("Pat Advisor", "<b>Hello</b>")]
    );
    sim.remove(OPEN, &pat).expect("removed");
    assert!(
        sim.meeting(OPEN)
            .expect("the meeting")
            .people
            .iter()
            .all(|p| p.id != pat)
    );
    assert_eq!(sim.join_url(OPEN), Some(meeting.join_url));
    assert_eq!(sim.conference_uri(OPEN), Some(meeting.conference_uri));
    assert_eq!(sim.join_url("NOSUCH99"), None);
    sim.shutdown().await;
}
