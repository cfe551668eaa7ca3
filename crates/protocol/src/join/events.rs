//! How each event on the channel moves the join along.

use url::Url;

use super::{Chat, GuestJoin, RequestKind, TimerPurpose};
use crate::date::Timestamp;
use crate::error::{ErrorSubcode, ServiceError};
use crate::html;
use crate::identity::{self, Origin};
use crate::join::model::{
    ChatMessage, Delivery, DialIn, Ending, MessageDirection, MessageId, Person, Phase, PhoneNumber, Update,
};
use crate::links::{Embedded, Links, OneOrMany};
use crate::ucwa::events::{Event, EventStatus, EventType, EventsResponse};
use crate::ucwa::resources::{
    Conversation, ConversationState, DialInRegion, Direction, Message, MessageBody, Messaging, ModalityState,
    OnlineMeeting, OnlineMeetingInvitation, Participant, PhoneDialInInformation, Role,
};

/// How many participant resources are read at once; the rest wait their turn.
const MAX_DETAIL_READS: usize = 4;
/// How long a conversation that went away without saying why waits for the reason (the
/// `deleted` event that carries it may come in the next response).
pub(super) const ENDING_GRACE_MS: i64 = 5_000;

/// Someone else in the meeting, as the machine tracks them.
#[derive(Clone, Debug)]
pub(super) struct RosterEntry {
    /// What the UI shows.
    pub(super) person: Person,
    /// Their participant resource, read for their role and whether they are a guest.
    href: Url,
    /// Whether `person` carries what the resource says, not only the event's title.
    detailed: bool,
}

/// The conversation went away; how the guest is told depends on the reason, which may
/// arrive after the event that said so.
#[derive(Clone, Debug)]
pub(super) struct PendingEnding {
    reason: Option<ServiceError>,
    in_lobby: bool,
}

impl GuestJoin {
    /// Applies a response's events in order, then settles an ending the response announced:
    /// the reason may sit on any event of it, not only the first that says the conversation
    /// is gone.
    pub(super) fn apply_events(&mut self, response: &EventsResponse, base: &Url, now: Timestamp) {
        self.learn_local_participant(response, base);
        for (_, event) in response.events() {
            if matches!(self.phase, Phase::Over(_)) {
                return;
            }
            // A malformed embedded resource spoils one event, not the meeting.
            let _ = self.apply_event(event, base, now);
        }
        self.settle_ending(false);
    }

    /// Learns which participant is the guest before any event is applied: the server may
    /// list the guest among the participants before it names the local participant.
    fn learn_local_participant(&mut self, response: &EventsResponse, base: &Url) {
        for (_, event) in response.events() {
            let href = match event.target() {
                "localParticipant" => Some(event.link.href.clone()),
                "conversation" => event
                    .resource::<Conversation>("the conversation")
                    .ok()
                    .flatten()
                    .and_then(|c| c.links.get("localParticipant").map(|l| l.href.clone())),
                _ => None,
            };
            if let Some(key) = href.and_then(|href| roster_key(&href, base)) {
                self.local_key = Some(key);
            }
        }
    }

    fn apply_event(&mut self, event: &Event, base: &Url, now: Timestamp) -> Result<(), crate::ProtocolError> {
        match event.target() {
            "onlineMeetingInvitation" => {
                let invitation: Option<OnlineMeetingInvitation> = event.resource("the invitation")?;
                self.on_invitation(event, invitation.as_ref(), now);
            }
            "conversation" => {
                let conversation: Option<Conversation> = event.resource("the conversation")?;
                self.on_conversation(event, conversation.as_ref(), base, now);
            }
            "localParticipant" => {
                let me: Option<Participant> = event.resource("the local participant")?;
                if event.event_type != EventType::Deleted
                    && me.as_ref().and_then(|p| p.in_lobby) == Some(true)
                {
                    self.enter_lobby(now);
                }
            }
            "participant" => {
                let participant: Option<Participant> = event.resource("a participant")?;
                self.on_participant(event, participant.as_ref(), base);
            }
            "onlineMeeting" => {
                if let Ok(url) = event.link.href.resolve(base) {
                    self.meeting_url = Some(url);
                }
                let meeting: Option<OnlineMeeting> = event.resource("the online meeting")?;
                if let Some(meeting) = meeting {
                    self.note_meeting(&meeting, base);
                }
            }
            "messaging" => {
                let messaging: Option<Messaging> = event.resource("messaging")?;
                if let Some(messaging) = messaging {
                    self.on_messaging(&messaging, base);
                }
            }
            "messagingInvitation"
                if event.event_type == EventType::Completed && event.status == Some(EventStatus::Failure) =>
            {
                self.chat = Chat::Unavailable;
                self.fail_queued_messages();
            }
            "message" => {
                let message: Option<Message> = event.resource("a message")?;
                self.on_message(event, message.as_ref(), now);
            }
            _ => {}
        }
        Ok(())
    }

    fn on_invitation(&mut self, event: &Event, invitation: Option<&OnlineMeetingInvitation>, now: Timestamp) {
        // Only our own join counts; its operation id says which one that is.
        let ours = invitation
            .and_then(|i| i.operation_id.as_deref())
            .is_none_or(|op| Some(op) == self.invite_operation.as_deref());
        if !ours {
            return;
        }
        if let Some(subject) = invitation.and_then(|i| i.subject.clone()) {
            self.set_subject(subject);
        }
        if event.event_type != EventType::Completed {
            return;
        }
        match event.status {
            Some(EventStatus::Success) => self.enter_meeting(now),
            _ => {
                let ending = ending_for(event.reason.as_ref(), matches!(self.phase, Phase::Lobby { .. }));
                self.finish(ending);
            }
        }
    }

    fn on_conversation(
        &mut self,
        event: &Event,
        conversation: Option<&Conversation>,
        base: &Url,
        now: Timestamp,
    ) {
        if let Some(conversation) = conversation {
            if let Some(url) = conversation
                .links
                .get("participants")
                .and_then(|l| l.resolve(base).ok())
            {
                self.participants_url = Some(url);
            }
            if let Some(subject) = conversation.subject.clone().filter(|s| !s.trim().is_empty()) {
                self.set_subject(subject);
            }
        }
        let state = conversation.and_then(|c| c.state.clone());
        match (&event.event_type, state) {
            (EventType::Deleted, _) | (_, Some(ConversationState::Disconnected))
                if (self.phase.is_joined() || matches!(self.phase, Phase::Connecting)) =>
            {
                self.note_ending(event.reason.as_ref());
            }
            (_, Some(ConversationState::InLobby)) => self.enter_lobby(now),
            // The invitation's completion is the documented signal; a Connected conversation
            // without a lobby flag is the same fact, seen earlier or instead.
            (_, Some(ConversationState::Connected | ConversationState::Conferenced)) => {
                if matches!(self.phase, Phase::Lobby { .. }) {
                    self.enter_meeting(now);
                }
            }
            _ => {}
        }
    }

    fn on_participant(&mut self, event: &Event, participant: Option<&Participant>, base: &Url) {
        let Ok(href) = event.link.href.resolve(base) else {
            return;
        };
        let key = href.path().to_owned();
        if self.local_key.as_deref() == Some(key.as_str()) || participant.is_some_and(|p| self.is_me(p)) {
            return;
        }
        // A participant added to or deleted from `typingParticipants` started or stopped
        // typing; they did not join or leave.
        if event.collection() == Some("typingParticipants") {
            self.on_typing(event, key);
            return;
        }
        if event.event_type == EventType::Deleted {
            if let Some(entry) = self.roster.remove(&key) {
                self.updates.push_back(Update::ParticipantLeft(entry.person.name));
            }
            if self.typing.remove(&key).is_some() {
                self.updates.push_back(Update::TypingChanged);
            }
            return;
        }
        let previous = self.roster.get(&key).map(|entry| &entry.person);
        // Without the resource, `in` says where they are: a participant `added` to the
        // lobby waits there, and one `added` again without it was let in.
        let in_lobby = match participant.and_then(|p| p.in_lobby) {
            Some(in_lobby) => in_lobby,
            None if event.collection() == Some("lobby") => true,
            None if event.event_type == EventType::Added => false,
            None => previous.is_some_and(|p| p.in_lobby),
        };
        let title = event.link.title.as_deref();
        let entry = match participant {
            Some(participant) => RosterEntry {
                person: person(participant, title.or(previous.map(|p| p.name.as_str())), in_lobby),
                href,
                detailed: true,
            },
            None => RosterEntry {
                person: Person {
                    name: named(title)
                        .or(previous.map(|p| p.name.as_str()))
                        .unwrap_or(UNNAMED)
                        .to_owned(),
                    is_leader: previous.is_some_and(|p| p.is_leader),
                    origin: previous.map_or(Origin::Unknown, |p| p.origin.clone()),
                    in_lobby,
                },
                href,
                detailed: false,
            },
        };
        let announced = entry.person.clone();
        let read_details = !entry.detailed;
        let target = entry.href.clone();
        let previous = self.roster.insert(key, entry).map(|e| e.person);
        self.announce(previous, &announced);
        // The event named them; the resource says their role. A participant added again
        // may have been promoted, so it is read again.
        if read_details {
            self.read_details(target);
        }
    }

    /// Tells the UI how someone's entry changed.
    fn announce(&mut self, previous: Option<Person>, now: &Person) {
        match previous {
            None if !now.in_lobby => self
                .updates
                .push_back(Update::ParticipantJoined(now.name.clone())),
            Some(previous) if previous.in_lobby && !now.in_lobby => {
                self.updates
                    .push_back(Update::ParticipantJoined(now.name.clone()));
            }
            Some(previous) if previous == *now => {}
            _ => self.updates.push_back(Update::RosterChanged),
        }
    }

    /// Reads a participant's resource, a few at a time, off the join's critical path.
    fn read_details(&mut self, participant: Url) {
        let reading = |kind: &RequestKind| matches!(kind, RequestKind::Participant(_));
        let in_flight = self.pending.values().filter(|p| reading(&p.kind)).count();
        let already = self
            .pending
            .values()
            .any(|p| p.kind == RequestKind::Participant(participant.clone()))
            || self.detail_queue.contains(&participant);
        if already {
            return;
        }
        if in_flight < MAX_DETAIL_READS {
            let _ = self.send(RequestKind::Participant(participant), 0);
        } else {
            self.detail_queue.push_back(participant);
        }
    }

    /// A participant resource arrived (or could not be read): update their entry and read
    /// the next one waiting.
    pub(super) fn on_participant_details(&mut self, url: &Url, response: Option<&crate::HttpResponse>) {
        let resource = response
            .and_then(|r| crate::http_util::expect("read a participant", r, &[http::StatusCode::OK]).ok())
            .and_then(|body| serde_json::from_slice::<Participant>(body).ok());
        if let Some(participant) = resource
            && let Some(entry) = self.roster.get_mut(url.path())
        {
            let previous = entry.person.clone();
            entry.person = person(&participant, Some(previous.name.as_str()), previous.in_lobby);
            entry.detailed = true;
            let now = entry.person.clone();
            self.announce(Some(previous), &now);
        }
        if let Some(next) = self.detail_queue.pop_front() {
            let _ = self.send(RequestKind::Participant(next), 0);
        }
    }

    fn on_messaging(&mut self, messaging: &Messaging, base: &Url) {
        let link = |rel: &str| messaging.links.get(rel).and_then(|l| l.resolve(base).ok());
        match messaging.state {
            Some(ModalityState::Connected) => {
                if let Some(send) = link("sendMessage") {
                    self.chat = Chat::Connected {
                        send,
                        typing: link("setIsTyping"),
                    };
                    let _ = self.flush_outbox();
                }
            }
            Some(ModalityState::Connecting) if !matches!(self.chat, Chat::Connected { .. }) => {
                self.chat = Chat::Adding;
            }
            Some(ModalityState::Disconnected) => match (&self.chat, link("addMessaging")) {
                // Chat that was connected and dropped stays off; the conversation events
                // say whether the meeting itself ended.
                (Chat::Connected { .. }, _) => {
                    self.chat = Chat::Unavailable;
                    self.fail_queued_messages();
                }
                (Chat::Adding, _) => {}
                (_, Some(add)) => {
                    self.chat = Chat::CanAdd(add);
                    self.maybe_add_messaging();
                }
                (_, None) => {}
            },
            _ => {}
        }
    }

    fn maybe_add_messaging(&mut self) {
        if let (Phase::InMeeting { .. }, Chat::CanAdd(url)) = (&self.phase, &self.chat) {
            let url = url.clone();
            self.chat = Chat::Adding;
            let _ = self.send(RequestKind::AddMessaging(url), 0);
        }
    }

    fn on_message(&mut self, event: &Event, message: Option<&Message>, now: Timestamp) {
        let Some(message) = message else {
            return;
        };
        let outgoing = message.direction == Some(Direction::Outgoing);
        if outgoing {
            // Our own message's fate: match it by operation id.
            if event.event_type == EventType::Completed
                && let Some(id) = self.message_for_operation(message.operation_id.as_deref())
            {
                let delivery = if event.status == Some(EventStatus::Failure) {
                    Delivery::Failed
                } else {
                    Delivery::Sent
                };
                self.set_delivery(id, delivery);
            }
            return;
        }
        let key = message.links.get("self").map_or_else(
            || event.link.href.as_str().to_owned(),
            |l| l.href.as_str().to_owned(),
        );
        if !self.seen_incoming.insert(key) {
            return;
        }
        let text = match message.body() {
            Some(Ok(MessageBody::Plain(text))) => text.trim().to_owned(),
            Some(Ok(MessageBody::Html(markup))) => html::to_text(&markup),
            Some(Err(_)) | None => return,
        };
        if text.is_empty() {
            return;
        }
        let id = MessageId(self.next_id());
        self.messages.push(ChatMessage {
            id,
            direction: MessageDirection::Incoming,
            sender: message
                .sender_name()
                .or(event.link.title.as_deref())
                .unwrap_or("Someone")
                .to_owned(),
            text,
            at: message.time_stamp.as_ref().map_or(now, crate::date::WireDate::at),
            delivery: Delivery::Received,
        });
        self.updates.push_back(Update::MessageReceived(id));
    }

    fn message_for_operation(&self, operation: Option<&str>) -> Option<MessageId> {
        let operation = operation?;
        self.message_operations
            .iter()
            .find(|(_, op)| op.as_str() == operation)
            .map(|(id, _)| *id)
    }

    fn set_subject(&mut self, subject: String) {
        if self.subject.as_deref() != Some(subject.as_str()) {
            self.subject = Some(subject);
            self.updates.push_back(Update::SubjectChanged);
        }
    }

    fn enter_lobby(&mut self, now: Timestamp) {
        if matches!(self.phase, Phase::Connecting) {
            self.set_phase(Phase::Lobby { since: now });
        }
    }

    fn enter_meeting(&mut self, now: Timestamp) {
        let from_lobby = matches!(self.phase, Phase::Lobby { .. });
        let recovering = matches!(self.phase, Phase::InMeeting { .. });
        if !(from_lobby || recovering || matches!(self.phase, Phase::Connecting)) {
            return;
        }
        self.app_recoveries = 0;
        if !recovering {
            self.set_phase(Phase::InMeeting { since: now });
        }
        self.mark_reconnected();
        if from_lobby {
            self.updates.push_back(Update::Admitted);
        }
        self.maybe_add_messaging();
        if !recovering {
            self.read_meeting_details();
        }
    }

    /// Someone started (`added`) or stopped (`deleted`) typing.
    fn on_typing(&mut self, event: &Event, key: String) {
        let changed = if event.event_type == EventType::Deleted {
            self.typing.remove(&key).is_some()
        } else {
            let name = self
                .roster
                .get(&key)
                .map(|entry| entry.person.name.clone())
                .or_else(|| named(event.link.title.as_deref()).map(str::to_owned))
                .unwrap_or_else(|| UNNAMED.to_owned());
            self.typing.insert(key, name.clone()) != Some(name)
        };
        if changed {
            self.updates.push_back(Update::TypingChanged);
        }
    }

    /// Takes what the meeting resource says: its subject, and where its phone details are.
    fn note_meeting(&mut self, meeting: &OnlineMeeting, base: &Url) {
        self.meeting_seen = true;
        if let Some(subject) = meeting.subject.clone() {
            self.set_subject(subject);
        }
        self.phone_conference_id = meeting.conference_id.clone().or(self.phone_conference_id.take());
        if !meeting.phone_disabled()
            && let Some(url) = meeting
                .links
                .get("phoneDialInInformation")
                .and_then(|l| l.resolve(base).ok())
        {
            self.dial_in_url = Some(url);
        }
    }

    /// Once in: the meeting's phone details, read off the join's path (the meeting
    /// resource first, when its event did not carry it).
    fn read_meeting_details(&mut self) {
        if self.dial_in.is_some() {
            return;
        }
        let request = match (&self.dial_in_url, &self.meeting_url) {
            (Some(dial_in), _) => RequestKind::DialIn(dial_in.clone()),
            (None, Some(meeting)) if !self.meeting_seen => RequestKind::OnlineMeeting(meeting.clone()),
            _ => return,
        };
        let _ = self.send(request, 0);
    }

    /// The meeting resource, read because its event did not carry it.
    pub(super) fn on_meeting_resource(&mut self, url: &Url, response: &crate::HttpResponse) {
        let meeting = crate::http_util::expect("read the meeting", response, &[http::StatusCode::OK])
            .ok()
            .and_then(|body| serde_json::from_slice::<OnlineMeeting>(body).ok());
        if let Some(meeting) = meeting {
            self.note_meeting(&meeting, url);
            if let Some(dial_in) = self.dial_in_url.clone() {
                let _ = self.send(RequestKind::DialIn(dial_in), 0);
            }
        }
    }

    /// The meeting's phone details: the numbers to call, the default region's first.
    pub(super) fn on_dial_in(&mut self, response: &crate::HttpResponse) {
        let Some(info) =
            crate::http_util::expect("read the dial-in details", response, &[http::StatusCode::OK])
                .ok()
                .and_then(|body| serde_json::from_slice::<PhoneDialInInformation>(body).ok())
        else {
            return;
        };
        let regions = info
            .embedded
            .get::<OneOrMany<DialInRegion>>("dialInRegion", "dial-in regions")
            .ok()
            .flatten();
        let mut numbers: Vec<PhoneNumber> = regions
            .iter()
            .flat_map(OneOrMany::iter)
            .filter_map(|region| {
                Some(PhoneNumber {
                    region: region.name.clone().filter(|n| !n.trim().is_empty()),
                    number: phone_number(region.number.as_deref()?)?,
                    toll_free: false,
                })
            })
            .collect();
        let default_region = info.default_region.as_deref();
        numbers.sort_by_key(|n| n.region.as_deref() != default_region);
        if info.is_audio_conference_provider_enabled == Some(true) {
            numbers.extend(
                info.toll_number
                    .as_deref()
                    .and_then(phone_number)
                    .map(|number| PhoneNumber {
                        region: None,
                        number,
                        toll_free: false,
                    }),
            );
            numbers.extend(
                info.toll_free_numbers
                    .iter()
                    .flatten()
                    .filter_map(|n| phone_number(n))
                    .map(|number| PhoneNumber {
                        region: None,
                        number,
                        toll_free: true,
                    }),
            );
        }
        if numbers.is_empty() {
            return;
        }
        self.dial_in = Some(DialIn {
            conference_id: info
                .conference_id
                .filter(|id| !id.trim().is_empty())
                .or(self.phone_conference_id.clone()),
            numbers,
            directory: info
                .external_directory_uri
                .filter(|uri| uri.starts_with("https://") || uri.starts_with("http://")),
        });
        self.updates.push_back(Update::DialInKnown);
    }

    /// Whether `participant` is this guest.
    fn is_me(&self, participant: &Participant) -> bool {
        participant.local == Some(true)
            || participant.uri.as_deref().is_some_and(|uri| {
                self.reach.application().and_then(|(_, _, a)| a.me_uri.as_deref()) == Some(uri)
            })
    }

    /// Rebuilds the participant list after a `resync`, from the `participants` collection.
    /// It lists people as embedded resources, or only as links (titled with their names),
    /// as UCWA's other collections do; the resources of the latter are read afterwards.
    pub(super) fn on_roster(&mut self, base: &Url, response: &crate::HttpResponse) {
        #[derive(serde::Deserialize)]
        struct Participants {
            #[serde(rename = "_embedded", default)]
            embedded: Embedded,
            #[serde(rename = "_links", default)]
            links: Links,
        }
        let Ok(body) = crate::http_util::expect("list participants", response, &[http::StatusCode::OK])
        else {
            return;
        };
        let Ok(list) = serde_json::from_slice::<Participants>(body) else {
            return;
        };
        let embedded = list
            .embedded
            .get::<OneOrMany<Participant>>("participant", "participants")
            .ok()
            .flatten();
        let embedded: Vec<&Participant> = embedded.iter().flat_map(OneOrMany::iter).collect();
        let mut roster = std::collections::BTreeMap::new();
        for participant in embedded.into_iter().filter(|p| !self.is_me(p)) {
            let Some(href) = participant
                .links
                .get("self")
                .and_then(|l| l.href.resolve(base).ok())
            else {
                continue;
            };
            let entry = RosterEntry {
                person: person(participant, None, false),
                href,
                detailed: true,
            };
            roster.insert(entry.href.path().to_owned(), entry);
        }
        for link in list.links.get_all("participant") {
            let Ok(href) = link.href.resolve(base) else {
                continue;
            };
            let key = href.path().to_owned();
            if roster.contains_key(&key) || self.local_key.as_deref() == Some(key.as_str()) {
                continue;
            }
            let known = self.roster.get(&key);
            let entry = match known {
                Some(known) if known.detailed => known.clone(),
                _ => RosterEntry {
                    person: Person {
                        name: named(link.title.as_deref())
                            .or(known.map(|k| k.person.name.as_str()))
                            .unwrap_or(UNNAMED)
                            .to_owned(),
                        is_leader: false,
                        origin: Origin::Unknown,
                        in_lobby: false,
                    },
                    href,
                    detailed: false,
                },
            };
            roster.insert(key, entry);
        }
        self.roster = roster;
        self.updates.push_back(Update::RosterChanged);
        let unread: Vec<Url> = self
            .roster
            .values()
            .filter(|e| !e.detailed)
            .map(|e| e.href.clone())
            .collect();
        for href in unread {
            self.read_details(href);
        }
    }

    /// Notes that the conversation went away; the first reason seen decides how. Chat is
    /// over at once, whatever the reason.
    fn note_ending(&mut self, reason: Option<&ServiceError>) {
        self.chat = Chat::Unavailable;
        let in_lobby = matches!(self.phase, Phase::Lobby { .. });
        match &mut self.ending {
            Some(pending) => {
                if pending.reason.is_none() {
                    pending.reason = reason.cloned();
                }
            }
            None => {
                self.ending = Some(PendingEnding {
                    reason: reason.cloned(),
                    in_lobby,
                });
            }
        }
    }

    /// Ends the join if the conversation went away: now when the reason is known (or
    /// `now` says not to wait), otherwise once [`ENDING_GRACE_MS`] have passed without it.
    pub(super) fn settle_ending(&mut self, now: bool) {
        let Some(pending) = &self.ending else {
            return;
        };
        if pending.reason.is_some() || now {
            let ending = ending_for(pending.reason.as_ref(), pending.in_lobby);
            self.finish(ending);
        } else if !self
            .timers
            .values()
            .any(|t| matches!(t, TimerPurpose::SettleEnding))
        {
            self.start_timer(TimerPurpose::SettleEnding, ENDING_GRACE_MS);
        }
    }
}

/// A phone number worth dialling, from a `tel:` URI or plain text: digits, `+` first, and
/// the separators people write (spaces, dashes, dots, brackets), which are dropped.
fn phone_number(text: &str) -> Option<String> {
    let text = text.trim();
    let text = text
        .get(..4)
        .filter(|scheme| scheme.eq_ignore_ascii_case("tel:"))
        .map_or(text, |_| &text[4..]);
    let mut number = String::new();
    for (i, c) in text.chars().enumerate() {
        match c {
            '0'..='9' => number.push(c),
            '+' if i == 0 => number.push(c),
            ' ' | '-' | '.' | '(' | ')' => {}
            _ => return None,
        }
    }
    (number.chars().filter(char::is_ascii_digit).count() >= 3).then_some(number)
}

/// What a roster entry is called when neither the event nor the resource names them.
const UNNAMED: &str = "Participant";

/// A title or name worth showing.
fn named(text: Option<&str>) -> Option<&str> {
    text.filter(|t| !t.trim().is_empty())
}

/// The key of a participant in the roster: the path of its resource, so that a relative
/// href in an event and an absolute one in a participant list name the same person.
fn roster_key(href: &crate::links::Href, base: &Url) -> Option<String> {
    href.resolve(base).ok().map(|url| url.path().to_owned())
}

/// Someone as their resource describes them; `known_name` (the event's title, or the name
/// shown so far) and `in_lobby_by_default` apply when the resource does not say.
fn person(participant: &Participant, known_name: Option<&str>, in_lobby_by_default: bool) -> Person {
    Person {
        name: named(participant.name.as_deref())
            .or(named(known_name))
            .unwrap_or(UNNAMED)
            .to_owned(),
        is_leader: participant.role == Some(Role::Leader) || participant.organizer == Some(true),
        origin: identity::origin(
            participant.uri.as_deref(),
            participant.anonymous,
            participant.source_network.as_deref(),
        ),
        in_lobby: participant.in_lobby.unwrap_or(in_lobby_by_default),
    }
}

/// How a failed join or a lost conversation ends, from the server's reason.
fn ending_for(reason: Option<&ServiceError>, in_lobby: bool) -> Ending {
    match reason.and_then(|r| r.subcode.as_ref()) {
        Some(ErrorSubcode::Denied | ErrorSubcode::Declined) => Ending::Denied,
        Some(ErrorSubcode::Timeout) if in_lobby => Ending::LobbyTimedOut,
        Some(ErrorSubcode::Ended) => Ending::MeetingEnded,
        Some(ErrorSubcode::Ejected | ErrorSubcode::Removed) => Ending::Removed,
        Some(ErrorSubcode::DestinationNotFound) => Ending::Failed(super::JoinFailure::MeetingNotFound),
        Some(ErrorSubcode::TooManyParticipants | ErrorSubcode::TooManyLobbyParticipants) => {
            Ending::Failed(super::JoinFailure::MeetingFull)
        }
        _ if in_lobby => Ending::Denied,
        _ => Ending::MeetingEnded,
    }
}
