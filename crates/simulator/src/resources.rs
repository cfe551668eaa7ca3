//! The JSON of UCWA resources and events, shaped like the recorded payloads
//! (`crates/protocol/tests/fixtures`).

use serde_json::{Value, json};

/// Hrefs of one guest's application, all relative as in the traces.
#[derive(Clone, Debug)]
pub struct AppPaths {
    /// `/ucwa/psanon/v1/applications/{id}`.
    pub app: String,
}

impl AppPaths {
    /// Paths for application `id`.
    pub fn new(id: &str) -> Self {
        Self {
            app: format!("/ucwa/psanon/v1/applications/{id}"),
        }
    }

    /// `communication`.
    pub fn communication(&self) -> String {
        format!("{}/communication", self.app)
    }

    /// An invitation.
    pub fn invitation(&self, id: &str) -> String {
        format!("{}/communication/onlineMeetingInvitations/{id}", self.app)
    }

    /// A conversation.
    pub fn conversation(&self, id: &str) -> String {
        format!("{}/communication/conversations/{id}", self.app)
    }

    /// A messaging invitation.
    pub fn messaging_invitation(&self, id: &str) -> String {
        format!("{}/communication/messagingInvitations/{id}", self.app)
    }
}

/// Hrefs inside one conversation.
#[derive(Clone, Debug)]
pub struct ConvPaths {
    /// The conversation.
    pub conv: String,
}

impl ConvPaths {
    /// The participant `id` (`user@domain`).
    pub fn participant(&self, id: &str) -> String {
        format!("{}/participants/{id}", self.conv)
    }

    /// A sub-resource.
    pub fn sub(&self, path: &str) -> String {
        format!("{}/{path}", self.conv)
    }
}

/// A sender group: `{rel, href, events}`.
pub fn sender(rel: &str, href: &str, events: Vec<Value>) -> Value {
    json!({"rel": rel, "href": href, "events": events})
}

/// An event about `rel` at `href`, embedding `resource` when given.
///
/// A link to a named resource (a participant) carries the name as its `title`, as recorded.
pub fn event(kind: &str, rel: &str, href: &str, resource: Option<Value>) -> Value {
    let mut event = json!({"link": {"rel": rel, "href": href}, "type": kind});
    if let Some(resource) = resource {
        if let Some(name) = resource.get("name").and_then(Value::as_str) {
            event["link"]["title"] = Value::String(name.to_owned());
        }
        event["_embedded"] = json!({ rel: resource });
    }
    event
}

/// Adds `status` and `reason` to a completion event.
pub fn completed(mut event: Value, success: bool, reason: Option<(&str, &str, &str)>) -> Value {
    event["status"] = json!(if success { "Success" } else { "Failure" });
    if let Some((code, subcode, message)) = reason {
        event["reason"] = json!({"code": code, "subcode": subcode, "message": message});
    }
    event
}

/// Adds a `reason` to an event (a server-initiated change).
pub fn with_reason(mut event: Value, code: &str, subcode: &str, message: &str) -> Value {
    event["reason"] = json!({"code": code, "subcode": subcode, "message": message});
    event
}

/// The onlineMeetingInvitation resource.
pub fn invitation(
    href: &str,
    conv: &str,
    state: &str,
    operation_id: &str,
    meeting_uri: &str,
    name: &str,
) -> Value {
    json!({
        "anonymousDisplayName": name,
        "direction": "Outgoing",
        "importance": "Normal",
        "onlineMeetingUri": meeting_uri,
        "operationId": operation_id,
        "state": state,
        "_links": {
            "self": {"href": href},
            "conversation": {"href": conv},
            "cancel": {"href": format!("{href}/cancel")},
        },
        "rel": "onlineMeetingInvitation",
    })
}

/// The conversation resource.
pub fn conversation(
    paths: &ConvPaths,
    state: &str,
    subject: &str,
    modalities: &[&str],
    participant_count: usize,
    me: &str,
) -> Value {
    json!({
        "state": state,
        "subject": subject,
        "importance": "Normal",
        "threadId": format!("AQ{}", paths.conv.len()),
        "activeModalities": modalities,
        "participantCount": participant_count,
        "recording": false,
        "audienceMessaging": "Enabled",
        "audienceMute": "Disabled",
        "_links": {
            "self": {"href": paths.conv},
            "localParticipant": {"href": paths.participant(me)},
            "messaging": {"href": paths.sub("messaging")},
            "onlineMeeting": {"href": paths.sub("onlineMeeting")},
            "participants": {"href": paths.sub("participants")},
            "leaders": {"href": paths.sub("leaders")},
            "attendees": {"href": paths.sub("attendees")},
            "lobby": {"href": paths.sub("lobby")},
        },
        "rel": "conversation",
    })
}

/// A participant (or, with `local`, the guest themself).
#[allow(clippy::too_many_arguments)]
pub fn participant(
    paths: &ConvPaths,
    id: &str,
    name: &str,
    uri: &str,
    leader: bool,
    anonymous: bool,
    in_lobby: bool,
    local: bool,
) -> Value {
    let href = paths.participant(id);
    json!({
        "anonymous": anonymous,
        "inLobby": in_lobby,
        "local": local,
        "name": name,
        "organizer": false,
        "role": if leader { "Leader" } else { "Attendee" },
        "sourceNetwork": if anonymous { "Everyone" } else { "SameEnterprise" },
        "uri": uri,
        "_links": {
            "self": {"href": href},
            "conversation": {"href": paths.conv},
            "participantMessaging": {"href": format!("{href}/messaging")},
        },
        "rel": if local { "localParticipant" } else { "participant" },
    })
}

/// The messaging modality in `state`; its links say what the guest may do.
pub fn messaging(paths: &ConvPaths, state: &str) -> Value {
    let mut links = json!({
        "self": {"href": paths.sub("messaging")},
        "conversation": {"href": paths.conv},
    });
    match state {
        "Connected" => {
            links["sendMessage"] = json!({"href": paths.sub("messaging/messages")});
            links["stopMessaging"] = json!({"href": paths.sub("messaging/terminate")});
            links["setIsTyping"] = json!({"href": paths.sub("messaging/typing")});
            links["typingParticipants"] = json!({"href": paths.sub("messaging/typingParticipants")});
        }
        "Disconnected" => {
            links["addMessaging"] = json!({"href": paths.sub("messaging/messagingInvitations")});
        }
        _ => {}
    }
    json!({
        "state": state,
        "negotiatedMessageFormats": ["Plain"],
        "_links": links,
        "rel": "messaging",
    })
}

/// The online meeting.
pub fn online_meeting(
    paths: &ConvPaths,
    subject: &str,
    join_url: &str,
    uri: &str,
    organizer: &str,
    access_level: &str,
) -> Value {
    json!({
        "accessLevel": access_level,
        "entryExitAnnouncement": "Disabled",
        "joinUrl": join_url,
        "onlineMeetingUri": uri,
        "organizerUri": organizer,
        "subject": subject,
        "_links": {"self": {"href": paths.sub("onlineMeeting")}},
        "rel": "onlineMeeting",
    })
}

/// A message resource.
#[allow(clippy::too_many_arguments)]
pub fn message(
    paths: &ConvPaths,
    n: u64,
    direction: &str,
    time_stamp: &str,
    sender_id: &str,
    sender_name: &str,
    body: Option<(&str, String)>,
    operation_id: Option<&str>,
) -> Value {
    let href = paths.sub(&format!("messaging/messages/{n}"));
    let mut links = json!({
        "self": {"href": href},
        "messaging": {"href": paths.sub("messaging")},
        "participant": {"href": paths.participant(sender_id), "title": sender_name},
    });
    if let Some((rel, uri)) = body {
        links[rel] = json!({"href": uri});
    }
    let mut resource = json!({
        "direction": direction,
        "timeStamp": time_stamp,
        "_links": links,
        "rel": "message",
    });
    if let Some(op) = operation_id {
        resource["operationId"] = json!(op);
    }
    resource
}

/// A messaging invitation (adding chat).
pub fn messaging_invitation(href: &str, conv: &str, state: &str, operation_id: &str) -> Value {
    json!({
        "direction": "Outgoing",
        "importance": "Normal",
        "operationId": operation_id,
        "state": state,
        "_links": {"self": {"href": href}, "conversation": {"href": conv}},
        "rel": "messagingInvitation",
    })
}
