//! The messages between the app, framed in a partner's page, and that page (version 1):
//! what the app tells the page (its stage, how many people, unread messages, errors, its
//! height) and what the page may ask (leave, set the name before the join, focus the chat).
//!
//! Every message is a JSON object with `"guestJoin": <version>` and a `type`, sent with
//! `postMessage`. Anything else (another version, an unknown type, a malformed message) is
//! not a message of this API and is ignored. The app sends only to a listed partner
//! origin, and takes commands only from its parent window on such an origin; message text
//! never leaves the app, only counts.

use serde::{Deserialize, Serialize};

/// The version of the message API this crate speaks.
pub const VERSION: u32 = 1;

/// What the app can be asked to do, announced in [`Event::Ready`].
pub const CAPABILITIES: [&str; 3] = ["leave", "setName", "focusChat"];

/// Where the guest is, as the partner page sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// The link is being read or entered.
    Checking,
    /// The name form is up.
    Name,
    /// Joining.
    Joining,
    /// Waiting in the lobby.
    Lobby,
    /// In the meeting.
    Meeting,
    /// Over, for [`EndReason`].
    Ended,
}

/// Why it ended: the same reasons the guest is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EndReason {
    /// The guest left.
    Left,
    /// An organizer removed the guest.
    Removed,
    /// An organizer did not let the guest in.
    Denied,
    /// Nobody let the guest in in time.
    LobbyTimeout,
    /// The meeting ended.
    Ended,
    /// Something went wrong; [`Event::Stage::error`] says what.
    Failed,
}

/// A message from the app to the partner page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum Event {
    /// The app has started and listens for commands.
    Ready {
        /// The API version ([`VERSION`]).
        version: u32,
        /// The commands it takes.
        capabilities: Vec<String>,
    },
    /// The guest moved on.
    Stage {
        /// Where the guest is now.
        stage: Stage,
        /// Why it ended, for [`Stage::Ended`].
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<EndReason>,
        /// For a failure: the public code of what went wrong (`origin_not_allowed`, …).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        error: Option<String>,
    },
    /// How many people are in the meeting, the guest included.
    People {
        /// The count.
        count: usize,
    },
    /// Messages the guest has not seen (the page or tab was hidden).
    Unread {
        /// The count; 0 once seen.
        count: usize,
    },
    /// The app's content height, so the page can size the frame.
    Size {
        /// CSS pixels.
        height: u32,
    },
}

/// A message from the partner page to the app.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum Command {
    /// Leave the meeting (or stop joining).
    Leave,
    /// Use this display name; only before the guest joins.
    SetName {
        /// The name.
        name: String,
    },
    /// Move the keyboard focus to the chat's message box.
    FocusChat,
}

/// A message on the wire: the version beside the content.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Envelope<T> {
    /// The API version.
    #[serde(rename = "guestJoin")]
    pub version: u32,
    /// The message.
    #[serde(flatten)]
    pub message: T,
}

impl<T> Envelope<T> {
    /// `message` in this version's envelope.
    pub fn new(message: T) -> Self {
        Self {
            version: VERSION,
            message,
        }
    }
}

/// What an incoming message is.
#[derive(Debug, PartialEq, Eq)]
pub enum Incoming {
    /// A command of this version.
    Command(Command),
    /// A message of this API in another version: ignored, and worth a note in the console.
    OtherVersion(u32),
    /// This version, but a type or shape this app does not know: ignored.
    Unknown,
    /// Not a message of this API at all (another script's): ignored silently.
    Foreign,
}

/// Reads a message a page posted, given as JSON.
pub fn read(message: &serde_json::Value) -> Incoming {
    let Some(version) = message.get("guestJoin").and_then(serde_json::Value::as_u64) else {
        return Incoming::Foreign;
    };
    if version != u64::from(VERSION) {
        return Incoming::OtherVersion(u32::try_from(version).unwrap_or(u32::MAX));
    }
    match serde_json::from_value::<Envelope<Command>>(message.clone()) {
        Ok(envelope) => Incoming::Command(envelope.message),
        Err(_) => Incoming::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn events_have_the_documented_shape() {
        let ready = Envelope::new(Event::Ready {
            version: VERSION,
            capabilities: CAPABILITIES.map(str::to_owned).to_vec(),
        });
        assert_eq!(
            serde_json::to_value(&ready).expect("json"),
            json!({"guestJoin": 1, "type": "ready", "version": 1, "capabilities": ["leave", "setName", "focusChat"]})
        );
        let ended = Envelope::new(Event::Stage {
            stage: Stage::Ended,
            reason: Some(EndReason::Failed),
            error: Some("origin_not_allowed".to_owned()),
        });
        assert_eq!(
            serde_json::to_value(&ended).expect("json"),
            json!({"guestJoin": 1, "type": "stage", "stage": "ended", "reason": "failed", "error": "origin_not_allowed"})
        );
        assert_eq!(
            serde_json::to_value(Envelope::new(Event::People { count: 3 })).expect("json"),
            json!({"guestJoin": 1, "type": "people", "count": 3})
        );
    }

    #[test]
    fn commands_are_read_and_everything_else_is_told_apart() {
        assert_eq!(
            read(&json!({"guestJoin": 1, "type": "leave"})),
            Incoming::Command(Command::Leave)
        );
        assert_eq!(
            read(&json!({"guestJoin": 1, "type": "setName", "name": "Ada"})),
            Incoming::Command(Command::SetName {
                name: "Ada".to_owned()
            })
        );
        assert_eq!(
            read(&json!({"guestJoin": 1, "type": "focusChat"})),
            Incoming::Command(Command::FocusChat)
        );
        assert_eq!(
            read(&json!({"guestJoin": 2, "type": "leave"})),
            Incoming::OtherVersion(2)
        );
        assert_eq!(
            read(&json!({"guestJoin": 1, "type": "selfDestruct"})),
            Incoming::Unknown
        );
        assert_eq!(
            read(&json!({"guestJoin": 1, "type": "setName"})),
            Incoming::Unknown
        );
        assert_eq!(read(&json!({"type": "leave"})), Incoming::Foreign);
        assert_eq!(read(&json!("leave")), Incoming::Foreign);
    }
}
