//! The event channel: long-poll responses, their senders and events.
//!
//! Discipline (EventChannelDetails): keep exactly one request parked; issue the next one
//! (from `next`, or `resync`/`resume`) before processing the events of the current
//! response; process responses strictly in order. The `join` state machine follows it.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::error::{ProtocolError, ServiceError};
use crate::links::{Embedded, Href, Link, Links, local_rel};
use crate::{HttpResponse, http_util};

string_enum! {
    /// What happened to the target of an event.
    pub enum EventType {
        /// A resource appeared (or was re-added to another collection).
        Added = "added",
        /// A resource changed.
        Updated = "updated",
        /// A resource went away.
        Deleted = "deleted",
        /// An operation began.
        Started = "started",
        /// An operation finished; see `status`.
        Completed = "completed",
    }
}

string_enum! {
    /// How an operation finished.
    pub enum EventStatus {
        /// It worked.
        Success = "Success",
        /// It failed; `reason` says why.
        Failure = "Failure",
    }
}

/// One long-poll response.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventsResponse {
    /// `self`, and one of `next`, `resync`, `resume`.
    #[serde(rename = "_links")]
    pub links: Links,
    /// The senders with their events, in order. Absent or empty on timeout.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender: Option<Vec<Sender>>,
    /// Anything else (`baseuri` in callbacks).
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

/// How to continue after a response.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Continuation {
    /// The normal case: the next ack.
    Next,
    /// The ack was out of range: transient state must be refetched.
    Resync,
    /// The server cleaned up after a long absence: conversations are gone.
    Resume,
}

impl EventsResponse {
    /// Where to park the next request, and what kind of continuation it is.
    pub fn continuation(&self) -> Option<(Continuation, &Link)> {
        [
            ("next", Continuation::Next),
            ("resync", Continuation::Resync),
            ("resume", Continuation::Resume),
        ]
        .into_iter()
        .find_map(|(rel, kind)| self.links.get(rel).map(|link| (kind, link)))
    }

    /// Every event, with its sender, in delivery order.
    pub fn events(&self) -> impl Iterator<Item = (&Sender, &Event)> {
        self.sender
            .iter()
            .flatten()
            .flat_map(|sender| sender.events.iter().map(move |event| (sender, event)))
    }
}

/// Who sent a group of events: `communication`, a `conversation`, …
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sender {
    /// The sender's rel.
    pub rel: String,
    /// The sender's href.
    pub href: Href,
    /// Its events, in order.
    #[serde(default)]
    pub events: Vec<Event>,
    /// Anything else.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

/// One event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// The target: its rel, href and maybe a title.
    pub link: Link,
    /// The collection the target was added to or removed from (lobby, a participant, …).
    #[serde(rename = "in", default, skip_serializing_if = "Option::is_none")]
    pub in_collection: Option<Link>,
    /// For completed operations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<EventStatus>,
    /// Why an operation failed or the server changed something.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<ServiceError>,
    /// The target resource itself, when the server embedded it.
    #[serde(rename = "_embedded", default, skip_serializing_if = "Embedded::is_empty")]
    pub embedded: Embedded,
    /// What happened.
    #[serde(rename = "type")]
    pub event_type: EventType,
    /// Anything else.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

impl Event {
    /// The target's rel without namespace: `conversation`, `participant`, `message`, …
    pub fn target(&self) -> &str {
        self.link.rel.as_deref().map_or("", local_rel)
    }

    /// The rel of the collection the event is about, if any (`lobby`, `participant`).
    pub fn collection(&self) -> Option<&str> {
        self.in_collection.as_ref()?.rel.as_deref().map(local_rel)
    }

    /// The embedded target resource, decoded.
    ///
    /// # Errors
    /// [`ProtocolError::Decode`] when it is present but malformed.
    pub fn resource<T: DeserializeOwned>(&self, what: &'static str) -> Result<Option<T>, ProtocolError> {
        self.embedded.get(self.target(), what)
    }
}

/// Reads a long-poll response. `409 PGetReplaced`, `404 ApplicationNotFound` and
/// `410 InactiveApplicationExpired` come back as [`ProtocolError::Service`].
///
/// # Errors
/// The server's error, or [`ProtocolError::Decode`].
pub fn parse_events(response: &HttpResponse) -> Result<EventsResponse, ProtocolError> {
    const WHAT: &str = "read meeting events";
    http_util::decode_json(WHAT, http_util::expect(WHAT, response, &[http::StatusCode::OK])?)
}
