//! One application's event channel: numbered long-poll responses, exactly-once delivery.
//!
//! A request `events?ack=N` acknowledges every response before `N` and asks for response
//! `N`. Response `N` is built once and kept until acknowledged, so a client whose
//! connection dropped asks for `N` again and gets the same events: nothing is lost or
//! duplicated. An `ack` outside the kept range gets a `resync`. A second request while one
//! is parked releases the first with `409 PGetReplaced`.

use std::collections::{BTreeMap, VecDeque};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tokio::sync::oneshot;

/// What a parked long-poll ends with.
#[derive(Debug)]
pub enum PollOutcome {
    /// A response with events.
    Events(Value),
    /// A newer long-poll replaced this one.
    Replaced,
    /// The fault injector drops the connection.
    Dropped,
    /// The application expired or was deleted while the poll was parked.
    Gone,
}

/// What a long-poll request gets right away.
#[derive(Debug)]
pub enum PollStart {
    /// An answer now.
    Ready(Value),
    /// Wait on this; on timeout call [`EventChannel::time_out`] with the id.
    Parked(u64, oneshot::Receiver<PollOutcome>),
}

#[derive(Debug)]
struct Parked {
    id: u64,
    ack: u64,
    tx: oneshot::Sender<PollOutcome>,
}

/// The event channel of one application.
#[derive(Debug)]
pub struct EventChannel {
    base: String,
    key: String,
    /// The number the next built response gets.
    next_ack: u64,
    /// Built but not yet acknowledged responses.
    kept: BTreeMap<u64, Value>,
    /// Sender groups not yet sent, one entry per response they must go out in.
    pending: VecDeque<Vec<Value>>,
    parked: Option<Parked>,
    next_poll_id: u64,
    /// Since when no long-poll has been parked (idle applications expire).
    unparked_since: Instant,
}

impl EventChannel {
    /// A channel whose first response is numbered `first_ack` (the trace shows 14, not 1).
    pub fn new(base: String, key: String, first_ack: u64) -> Self {
        Self {
            base,
            key,
            next_ack: first_ack,
            kept: BTreeMap::new(),
            pending: VecDeque::new(),
            parked: None,
            next_poll_id: 0,
            unparked_since: Instant::now(),
        }
    }

    /// The href of the first long-poll, as the application resource links it.
    pub fn first_href(&self) -> String {
        self.href(self.next_ack)
    }

    /// The key the channel's hrefs carry.
    pub fn key(&self) -> &str {
        &self.key
    }

    fn href(&self, ack: u64) -> String {
        format!("{}/events?ack={ack}&key={}", self.base, self.key)
    }

    /// Whether a long-poll is parked.
    pub fn is_parked(&self) -> bool {
        self.parked.is_some()
    }

    /// How long no long-poll has been parked (zero while one is).
    pub fn unparked_for(&self) -> Duration {
        if self.parked.is_some() {
            Duration::ZERO
        } else {
            self.unparked_since.elapsed()
        }
    }

    fn take_parked(&mut self) -> Option<Parked> {
        let parked = self.parked.take();
        if parked.is_some() {
            self.unparked_since = Instant::now();
        }
        parked
    }

    /// Queues sender groups (`{rel, href, events}`), answering a parked poll at once.
    pub fn push(&mut self, senders: Vec<Value>) {
        self.push_responses(vec![senders]);
    }

    /// Queues sender groups that must go out in separate responses, in order: the first
    /// joins whatever is already waiting, each later one starts a response of its own.
    pub fn push_responses(&mut self, responses: Vec<Vec<Value>>) {
        let mut responses = responses.into_iter().filter(|senders| !senders.is_empty());
        let Some(first) = responses.next() else {
            return;
        };
        match self.pending.back_mut() {
            Some(last) => last.extend(first),
            None => self.pending.push_back(first),
        }
        self.pending.extend(responses);
        if let Some(parked) = self.take_parked() {
            if parked.ack == self.next_ack {
                let response = self.build();
                // A parked poll whose client went away drops the receiver; the response
                // stays kept and is delivered when the client asks for this ack again.
                let _ = parked.tx.send(PollOutcome::Events(response));
            } else {
                self.parked = Some(parked);
            }
        }
    }

    /// The next response, with the first of the pending ones. A timeout with nothing to
    /// say still advances the ack, like any response, and carries only its links.
    fn build(&mut self) -> Value {
        let ack = self.next_ack;
        self.next_ack += 1;
        let mut response = json!({
            "_links": {
                "self": {"href": self.href(ack)},
                "next": {"href": self.href(ack + 1)},
            },
        });
        if let Some(senders) = self.pending.pop_front() {
            response["sender"] = Value::Array(senders);
        }
        self.kept.insert(ack, response.clone());
        response
    }

    fn resync(&self) -> Value {
        json!({ "_links": { "resync": {"href": self.href(self.next_ack)} } })
    }

    /// A long-poll for response `ack` arrived.
    pub fn poll(&mut self, ack: u64) -> PollStart {
        let oldest = self.kept.keys().next().copied().unwrap_or(self.next_ack);
        if ack < oldest || ack > self.next_ack {
            self.release_parked(PollOutcome::Replaced);
            return PollStart::Ready(self.resync());
        }
        self.kept.retain(|&kept, _| kept >= ack);
        if let Some(response) = self.kept.get(&ack).cloned() {
            self.release_parked(PollOutcome::Replaced);
            return PollStart::Ready(response);
        }
        if !self.pending.is_empty() {
            self.release_parked(PollOutcome::Replaced);
            return PollStart::Ready(self.build());
        }
        self.release_parked(PollOutcome::Replaced);
        let (tx, rx) = oneshot::channel();
        self.next_poll_id += 1;
        let id = self.next_poll_id;
        self.parked = Some(Parked { id, ack, tx });
        PollStart::Parked(id, rx)
    }

    /// The parked poll `id` reached its timeout: answer it with an empty response.
    /// Returns `None` if it is no longer the parked one (it was answered or replaced).
    pub fn time_out(&mut self, id: u64) -> Option<Value> {
        if self.parked.as_ref().is_some_and(|p| p.id == id) {
            self.take_parked();
            Some(self.build())
        } else {
            None
        }
    }

    /// Ends the parked poll with `outcome` (drop, gone, replaced).
    pub fn release_parked(&mut self, outcome: PollOutcome) {
        if let Some(parked) = self.take_parked() {
            let _ = parked.tx.send(outcome);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn channel() -> EventChannel {
        EventChannel::new("/app".to_owned(), "k".to_owned(), 14)
    }

    fn sender(n: u32) -> Value {
        json!({"rel": "communication", "href": "/c", "events": [{"n": n}]})
    }

    #[test]
    fn a_lost_response_is_delivered_again_for_the_same_ack() {
        let mut ch = channel();
        ch.push(vec![sender(1)]);
        let PollStart::Ready(first) = ch.poll(14) else {
            panic!("ready")
        };
        let PollStart::Ready(again) = ch.poll(14) else {
            panic!("ready")
        };
        assert_eq!(first, again);
        assert_eq!(first["_links"]["next"]["href"], "/app/events?ack=15&key=k");
        let PollStart::Parked(..) = ch.poll(15) else {
            panic!("parked")
        };
    }

    #[test]
    fn parked_polls_get_events_and_are_replaced_by_newer_ones() {
        let mut ch = channel();
        let PollStart::Parked(_, mut first) = ch.poll(14) else {
            panic!("parked")
        };
        let PollStart::Parked(_, mut second) = ch.poll(14) else {
            panic!("parked")
        };
        assert!(matches!(first.try_recv(), Ok(PollOutcome::Replaced)));
        ch.push(vec![sender(2)]);
        let Ok(PollOutcome::Events(response)) = second.try_recv() else {
            panic!("events")
        };
        assert_eq!(response["sender"][0]["events"][0]["n"], 2);
    }

    #[test]
    fn responses_pushed_apart_go_out_apart() {
        let mut ch = channel();
        let PollStart::Parked(_, mut parked) = ch.poll(14) else {
            panic!("parked")
        };
        ch.push_responses(vec![vec![sender(1)], vec![sender(2)]]);
        let Ok(PollOutcome::Events(first)) = parked.try_recv() else {
            panic!("events")
        };
        assert_eq!(first["sender"].as_array().map(Vec::len), Some(1));
        ch.push(vec![sender(3)]);
        let PollStart::Ready(second) = ch.poll(15) else {
            panic!("ready")
        };
        let numbers: Vec<&Value> = second["sender"]
            .as_array()
            .expect("senders")
            .iter()
            .map(|s| &s["events"][0]["n"])
            .collect();
        assert_eq!(numbers, [2, 3], "later events join the last response waiting");
    }

    #[test]
    fn out_of_range_acks_get_a_resync() {
        let mut ch = channel();
        let PollStart::Ready(response) = ch.poll(99) else {
            panic!("ready")
        };
        assert_eq!(response["_links"]["resync"]["href"], "/app/events?ack=14&key=k");
        assert!(response["_links"].get("next").is_none());
    }

    #[test]
    fn timeouts_answer_with_an_empty_response() {
        let mut ch = channel();
        let PollStart::Parked(id, _rx) = ch.poll(14) else {
            panic!("parked")
        };
        let response = ch.time_out(id).expect("still parked");
        assert!(response.get("sender").is_none());
        assert!(ch.time_out(id).is_none());
    }
}
