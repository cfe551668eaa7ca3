//! What a guest is told, pinned for a few typed inputs.

use std::collections::BTreeMap;

use protocol::taapi::AccessLevel;
use protocol::ucwa::events::EventType;
use protocol::ucwa::resources::{ConversationState, MessageBody, ModalityState};
use serde_json::json;

use super::{Invitation, Tell};
use crate::model::{Ending, Meeting, Person, Presence};

const CONV: &str = "/ucwa/psanon/v1/applications/1/communication/conversations/c";

fn tell() -> Tell {
    Tell::new("1", "c", "42@anonymous.invalid")
}

fn person(id: &str, name: &str, presence: Presence) -> Person {
    Person {
        id: id.to_owned(),
        name: name.to_owned(),
        uri: format!("sip:{id}"),
        leader: false,
        anonymous: true,
        presence,
        app: Some("1".to_owned()),
        since_ms: 0,
    }
}

fn meeting() -> Meeting {
    Meeting {
        id: "M".to_owned(),
        tenant: "t".to_owned(),
        organizer_uri: "sip:o@x".to_owned(),
        subject: "Subject".to_owned(),
        access_level: AccessLevel::Locked,
        join_url: "https://meet/x/o/M".to_owned(),
        conference_uri: "sip:o@x;gruu;opaque=app:conf:focus:id:M".to_owned(),
        people: BTreeMap::new(),
        chat: Vec::new(),
        expires_ms: None,
    }
}

#[test]
fn someone_waiting_is_added_in_the_lobby_and_leaves_it_by_name() {
    let waiting = person("7@anonymous.invalid", "Grace", Presence::Lobby);
    let added = tell().participant_added(&waiting);
    assert_eq!(added["type"], "added");
    assert_eq!(added["link"]["title"], "Grace");
    assert_eq!(
        added["in"],
        json!({"rel": "lobby", "href": format!("{CONV}/lobby")})
    );
    assert_eq!(added["_embedded"]["participant"]["inLobby"], true);
    assert_eq!(added["_embedded"]["participant"]["role"], "Attendee");
    let left = tell().participant_left(&waiting);
    assert_eq!(left["type"], "deleted");
    assert_eq!(left["link"]["title"], "Grace");
    assert!(left.get("_embedded").is_none());
    assert_eq!(left["in"]["rel"], "lobby");
    let admitted = person("7@anonymous.invalid", "Grace", Presence::InMeeting);
    assert!(tell().participant_added(&admitted).get("in").is_none());
}

#[test]
fn the_guest_is_their_own_local_participant() {
    let me = person("42@anonymous.invalid", "Ada", Presence::InMeeting);
    let event = tell().local_participant(EventType::Updated, &me);
    assert_eq!(event["type"], "updated");
    assert_eq!(event["link"]["rel"], "localParticipant");
    let resource = &event["_embedded"]["localParticipant"];
    assert_eq!(
        (resource["local"].clone(), resource["inLobby"].clone()),
        (json!(true), json!(false))
    );
    assert_eq!(resource["sourceNetwork"], "Everyone");
}

#[test]
fn a_failed_join_and_an_ended_conversation_carry_the_reason() {
    let invitation = Invitation {
        id: "i",
        operation_id: "op",
        conference_uri: "sip:conf",
        name: "Ada",
    };
    let failed = tell().invitation_failed(&invitation, Ending::Denied);
    assert_eq!(failed["status"], "Failure");
    assert_eq!(failed["_embedded"]["onlineMeetingInvitation"]["state"], "Failed");
    assert_eq!(failed["reason"]["subcode"], "Denied");
    let [updated, deleted] = tell().conversation_ended(Ending::LobbyTimeout);
    assert_eq!(updated["_embedded"]["conversation"]["state"], "Disconnected");
    assert_eq!(updated["_embedded"]["conversation"]["participantCount"], 0);
    assert_eq!(deleted["type"], "deleted");
    assert_eq!(deleted["reason"], updated["reason"]);
    assert_eq!(deleted["reason"]["code"], "Timeout");
    let succeeded = tell().invitation_succeeded(&invitation);
    assert_eq!(succeeded["status"], "Success");
    assert!(succeeded.get("reason").is_none());
}

#[test]
fn states_and_modalities_are_written_from_their_types() {
    let conversation = tell().conversation_updated(ConversationState::InLobby, &meeting());
    assert_eq!(conversation["_embedded"]["conversation"]["state"], "InLobby");
    assert_eq!(
        conversation["_embedded"]["conversation"]["_links"]["localParticipant"]["href"],
        format!("{CONV}/participants/42@anonymous.invalid")
    );
    let connected = tell().messaging(ModalityState::Connected);
    let links = &connected["_embedded"]["messaging"]["_links"];
    assert!(links.get("sendMessage").is_some() && links.get("addMessaging").is_none());
    let disconnected = tell().messaging(ModalityState::Disconnected);
    let links = &disconnected["_embedded"]["messaging"]["_links"];
    assert!(links.get("sendMessage").is_none() && links.get("addMessaging").is_some());
}

#[test]
fn incoming_html_arrives_as_an_html_data_uri() {
    let from = person("sam@x", "Sam", Presence::InMeeting);
    let body = MessageBody::Html("<b>hi</b>".to_owned());
    let event = tell().message_incoming(3, "/Date(5)/", &from, &body);
    let links = &event["_embedded"]["message"]["_links"];
    assert!(links.get("plainMessage").is_none());
    assert!(
        links["htmlMessage"]["href"]
            .as_str()
            .is_some_and(|uri| uri.starts_with("data:text/html"))
    );
    assert_eq!(links["participant"]["title"], "Sam");
    assert_eq!(event["link"]["href"], format!("{CONV}/messaging/messages/3"));
}
