//! What a guest is told, pinned for a few typed inputs.

use std::collections::BTreeMap;

use protocol::taapi::AccessLevel;
use protocol::ucwa::events::EventType;
use protocol::ucwa::resources::{ConversationState, MessageBody, ModalityState};
use serde_json::json;

use super::{Invitation, Style, Tell};
use crate::model::{Ending, Meeting, Network, Person, Presence};

const CONV: &str = "/ucwa/psanon/v1/applications/1/communication/conversations/c";

fn tell() -> Tell {
    Tell::new(
        crate::model::PSANON_APPLICATIONS,
        "1",
        "c",
        "42@anonymous.invalid",
        Style::default(),
    )
}

/// As told with the `embed_participants` quirk.
fn tell_embedding() -> Tell {
    Tell::new(
        crate::model::PSANON_APPLICATIONS,
        "1",
        "c",
        "42@anonymous.invalid",
        Style {
            embed_participants: true,
        },
    )
}

fn person(id: &str, name: &str, presence: Presence) -> Person {
    Person {
        id: id.to_owned(),
        name: name.to_owned(),
        uri: format!("sip:{id}"),
        leader: false,
        network: Network::Guest,
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
        dial_in: None,
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
    assert!(
        added.get("_embedded").is_none(),
        "strict: the link and its title only; the resource is read with GET"
    );
    let embedded = tell_embedding().participant_added(&waiting);
    assert_eq!(embedded["link"]["title"], "Grace");
    assert_eq!(embedded["in"]["rel"], "lobby");
    assert_eq!(embedded["_embedded"]["participant"]["inLobby"], true);
    assert_eq!(embedded["_embedded"]["participant"]["role"], "Attendee");
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
    let ended = tell().conversation_ended(Ending::LobbyTimeout);
    let (updated, deleted) = (&ended.disconnected, &ended.deleted);
    assert_eq!(updated["_embedded"]["conversation"]["state"], "Disconnected");
    assert_eq!(updated["_embedded"]["conversation"]["participantCount"], 0);
    assert!(
        updated.get("reason").is_none(),
        "the Disconnected update says nothing of why (protocol.md §8 item 30)"
    );
    assert_eq!(deleted["type"], "deleted");
    assert_eq!(deleted["reason"]["code"], "Timeout");
    assert_eq!(ended.local_participant_left["type"], "deleted");
    assert_eq!(ended.local_participant_left["link"]["rel"], "localParticipant");
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

#[test]
fn the_participants_collection_lists_links_and_embeds_only_with_the_quirk() {
    let people = [
        person("sam@x", "Sam", Presence::InMeeting),
        person("7@anonymous.invalid", "Grace", Presence::InMeeting),
    ];
    let strict = tell().participants(&people);
    let links = strict["_links"]["participant"]
        .as_array()
        .expect("an array of links");
    assert_eq!(links.len(), 2);
    assert_eq!(links[0]["title"], "Sam");
    assert_eq!(links[0]["href"], format!("{CONV}/participants/sam@x"));
    assert!(strict.get("_embedded").is_none());
    let embedded = tell_embedding().participants(&people);
    assert_eq!(embedded["_embedded"]["participant"][1]["name"], "Grace");
    let resource = tell().participant_resource(&people[0]);
    assert_eq!(
        (resource["name"].clone(), resource["rel"].clone()),
        (json!("Sam"), json!("participant"))
    );
}
