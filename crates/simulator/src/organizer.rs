//! What the organizer, the control API and the clock do: admit, deny, remove and add
//! people, say something, end the meeting; expire and forget applications, time lobbies
//! out, and run the demo staff's script.

use std::time::{Duration, Instant};

use protocol::date::Timestamp;
use protocol::ucwa::events::EventType;
use protocol::ucwa::resources::{ConversationState, MessageBody, ModalityState, Role};
use serde_json::Value;

use crate::channel::PollOutcome;
use crate::config::Timers;
use crate::demo::Scheduled;
use crate::ids::{now_ms, slug};
use crate::model::{Affiliation, ChatLine, Ending, Gone, Meeting, Network, Person, Presence, Stage};
use crate::refusal::ControlError;
use crate::state::{Outbox, State};
use crate::tell::{Invitation, Style, Tell};

impl State {
    /// Lets a guest in from the lobby.
    ///
    /// # Errors
    /// [`ControlError::NoSuchMeeting`], [`ControlError::NoSuchPerson`], or
    /// [`ControlError::NotInLobby`] if the person is not waiting.
    pub fn admit(&mut self, meeting: &str, person: &str) -> Result<(), ControlError> {
        let waiting = self.person(meeting, person)?.presence == Presence::Lobby;
        if !waiting {
            return Err(ControlError::NotInLobby);
        }
        self.admit_guest(meeting, person)
    }

    fn admit_guest(&mut self, meeting_id: &str, person_id: &str) -> Result<(), ControlError> {
        let mut outbox = Outbox::default();
        self.admission(&mut outbox, meeting_id, person_id)?;
        self.deliver(outbox);
        Ok(())
    }

    /// Moves a guest into the meeting and adds what everyone is told to `outbox`: the
    /// guest gets the roster, then their conversation `Connected` and the join's success.
    pub(crate) fn admission(
        &mut self,
        outbox: &mut Outbox,
        meeting_id: &str,
        person_id: &str,
    ) -> Result<(), ControlError> {
        let style = Style::of(&self.quirks);
        let meeting = self
            .meetings
            .get_mut(meeting_id)
            .ok_or(ControlError::NoSuchMeeting)?;
        let person = meeting
            .people
            .get_mut(person_id)
            .ok_or(ControlError::NoSuchPerson)?;
        person.presence = Presence::InMeeting;
        let person = person.clone();
        let meeting = meeting.clone();
        let app_id = person.app.clone().ok_or(ControlError::NotAGuest)?;
        let app = self.apps.get_mut(&app_id).ok_or(ControlError::NotAGuest)?;
        let collection = app.collection;
        let Some(conversation) = app.conversation.as_mut() else {
            return Err(ControlError::NotAGuest);
        };
        conversation.stage = Stage::Connected;
        let tell = Tell::new(collection, &app_id, &conversation.id, &conversation.person, style);
        let invitation = Invitation {
            id: &conversation.invitation,
            operation_id: &conversation.operation_id,
            conference_uri: &meeting.conference_uri,
            name: &person.name,
        };
        // Everyone in the meeting, the guest included (protocol.md §8 item 25).
        let mut roster: Vec<Value> = meeting
            .people
            .values()
            .map(|p| tell.participant_added(p))
            .collect();
        roster.push(tell.local_participant(EventType::Updated, &person));
        outbox.push(&app_id, tell.from_conversation(roster));
        outbox.push(
            &app_id,
            tell.from_communication(vec![
                tell.conversation_updated(ConversationState::Connected, &meeting),
                tell.invitation_succeeded(&invitation),
            ]),
        );
        self.announce(
            outbox,
            meeting_id,
            &person,
            Tell::participant_added,
            Some(&app_id),
        );
        Ok(())
    }

    /// Turns a guest away from the lobby (`Denied`).
    ///
    /// # Errors
    /// [`ControlError`] as for [`State::admit`].
    pub fn deny(&mut self, meeting: &str, person: &str) -> Result<(), ControlError> {
        self.turn_away(meeting, person, Ending::Denied)
    }

    /// Turns a guest away from the lobby with `ending` (`Denied`, or `LobbyTimeout` when
    /// nobody admitted them).
    fn turn_away(&mut self, meeting: &str, person: &str, ending: Ending) -> Result<(), ControlError> {
        if self.person(meeting, person)?.presence != Presence::Lobby {
            return Err(ControlError::NotInLobby);
        }
        self.end_guest(meeting, person, ending)
    }

    /// Removes a guest (`Ejected`) or a scripted person from the meeting.
    ///
    /// # Errors
    /// [`ControlError::NoSuchMeeting`] or [`ControlError::NoSuchPerson`].
    pub fn remove(&mut self, meeting: &str, person: &str) -> Result<(), ControlError> {
        let found = self.person(meeting, person)?.clone();
        if found.app.is_some() {
            return self.end_guest(meeting, person, Ending::Ejected);
        }
        if let Some(m) = self.meetings.get_mut(meeting) {
            m.people.remove(person);
        }
        let mut outbox = Outbox::default();
        self.announce(&mut outbox, meeting, &found, Tell::participant_left, None);
        self.deliver(outbox);
        Ok(())
    }

    /// Ends a guest's conversation because of `ending`; the guest's application stays.
    /// Chat stops, a join still waiting fails (see [`Ending::fails_the_join`]), and the
    /// conversation is `Disconnected` and deleted; everyone else sees them leave.
    pub(crate) fn end_guest(
        &mut self,
        meeting: &str,
        person: &str,
        ending: Ending,
    ) -> Result<(), ControlError> {
        let found = self
            .meetings
            .get_mut(meeting)
            .ok_or(ControlError::NoSuchMeeting)?
            .people
            .remove(person)
            .ok_or(ControlError::NoSuchPerson)?;
        let mut outbox = Outbox::default();
        let style = Style::of(&self.quirks);
        let reason_later = self.quirks.ending_in_two_responses;
        if let Some(app) = found.app.as_ref().and_then(|id| self.apps.get_mut(id))
            && let Some(conversation) = app.conversation.take()
        {
            let tell = Tell::new(
                app.collection,
                &app.id,
                &conversation.id,
                &conversation.person,
                style,
            );
            let ended = tell.conversation_ended(ending);
            let mut from_conversation = Vec::new();
            if conversation.messaging {
                from_conversation.push(tell.messaging(ModalityState::Disconnected));
            }
            from_conversation.push(ended.local_participant_left);
            outbox.push(&app.id, tell.from_conversation(from_conversation));
            let mut events = Vec::new();
            if ending.fails_the_join(found.presence) {
                let invitation = Invitation {
                    id: &conversation.invitation,
                    operation_id: &conversation.operation_id,
                    conference_uri: &app.conference,
                    name: &app.name,
                };
                events.push(tell.invitation_failed(&invitation, ending));
            }
            events.push(ended.disconnected);
            outbox.push(&app.id, tell.from_communication(events));
            if reason_later {
                outbox.later_response(&app.id);
            }
            outbox.push(&app.id, tell.from_communication(vec![ended.deleted]));
        }
        self.announce(
            &mut outbox,
            meeting,
            &found,
            Tell::participant_left,
            found.app.as_deref(),
        );
        self.deliver(outbox);
        Ok(())
    }

    /// The organizer ends the meeting: everyone leaves. The join URL keeps working, as a
    /// real meeting's does, and a later join starts it again.
    ///
    /// # Errors
    /// [`ControlError::NoSuchMeeting`].
    pub fn end_meeting(&mut self, meeting: &str) -> Result<(), ControlError> {
        let people: Vec<Person> = self
            .meetings
            .get(meeting)
            .ok_or(ControlError::NoSuchMeeting)?
            .people
            .values()
            .cloned()
            .collect();
        for person in people.iter().filter(|p| p.app.is_some()) {
            self.end_guest(meeting, &person.id, Ending::MeetingEnded)?;
        }
        if let Some(m) = self.meetings.get_mut(meeting) {
            m.people.clear();
        }
        self.demo.meeting_ended(meeting);
        Ok(())
    }

    /// A scripted person joins: one of the organizer's organisation, a Skype user or
    /// someone of another organisation, as `affiliation` says.
    ///
    /// # Errors
    /// [`ControlError::NoSuchMeeting`], or [`ControlError::InvalidPerson`] for a Microsoft
    /// account or domain that is not one.
    pub fn add_person(
        &mut self,
        meeting: &str,
        name: &str,
        role: &Role,
        affiliation: &Affiliation,
    ) -> Result<String, ControlError> {
        let m = self.meetings.get(meeting).ok_or(ControlError::NoSuchMeeting)?;
        let organisation = self
            .tenants
            .iter()
            .find(|t| t.id == m.tenant)
            .map(|t| t.domain.clone())
            .unwrap_or_default();
        let (id, network) = match affiliation {
            Affiliation::Organisation => (unused_id(m, &slug(name), &organisation), Network::Organisation),
            Affiliation::Skype { account } => {
                // Seed 003: `user@example.com` signs in as `sip:user(example.com)@msn.com`.
                let (user, domain) = account
                    .split_once('@')
                    .filter(|(user, domain)| plain_name(user) && plain_name(domain) && domain.contains('.'))
                    .ok_or(ControlError::InvalidPerson("account"))?;
                let id = format!("{user}({domain})@msn.com");
                if m.people.contains_key(&id) {
                    return Err(ControlError::InvalidPerson("account"));
                }
                (id, Network::Skype)
            }
            Affiliation::OtherOrganisation { domain } => {
                if !plain_name(domain) || !domain.contains('.') || domain.eq_ignore_ascii_case(&organisation)
                {
                    return Err(ControlError::InvalidPerson("domain"));
                }
                (unused_id(m, &slug(name), domain), Network::OtherOrganisation)
            }
        };
        let person = Person {
            id: id.clone(),
            name: name.to_owned(),
            uri: format!("sip:{id}"),
            leader: *role == Role::Leader,
            network,
            presence: Presence::InMeeting,
            app: None,
            since_ms: now_ms(),
        };
        if let Some(m) = self.meetings.get_mut(meeting) {
            m.people.insert(id.clone(), person.clone());
        }
        let mut outbox = Outbox::default();
        self.announce(&mut outbox, meeting, &person, Tell::participant_added, None);
        self.deliver(outbox);
        Ok(id)
    }

    /// Someone in the meeting starts typing (or keeps at it): guests with chat see them in
    /// `typingParticipants` until they send or [`crate::config::Timers::typing_secs`] pass.
    ///
    /// # Errors
    /// [`ControlError::NoSuchMeeting`] or [`ControlError::NoSuchPerson`].
    pub fn typing(&mut self, meeting: &str, person: &str) -> Result<(), ControlError> {
        let found = self.person(meeting, person)?.clone();
        self.now_typing(meeting, &found);
        Ok(())
    }

    /// `person` is typing now; guests with chat but their own hear it if it is news.
    pub(crate) fn now_typing(&mut self, meeting: &str, person: &Person) {
        let key = (meeting.to_owned(), person.id.clone());
        if self.typing.insert(key, Instant::now()).is_none() {
            self.tell_typing(meeting, person, Tell::typing_started);
        }
    }

    /// `person` stopped typing (they sent, or their timer ran out).
    fn stopped_typing(&mut self, meeting: &str, person: &Person) {
        if self
            .typing
            .remove(&(meeting.to_owned(), person.id.clone()))
            .is_some()
        {
            self.tell_typing(meeting, person, Tell::typing_stopped);
        }
    }

    fn tell_typing(&mut self, meeting: &str, person: &Person, event: fn(&Tell, &Person) -> Value) {
        let mut outbox = Outbox::default();
        for listener in self.listeners(meeting) {
            if listener.stage != Stage::Connected
                || !listener.chat
                || person.app.as_deref() == Some(listener.app.as_str())
            {
                continue;
            }
            let tell = &listener.tell;
            outbox.push(&listener.app, tell.from_conversation(vec![event(tell, person)]));
        }
        self.deliver(outbox);
    }

    /// Someone says something in the meeting chat; every guest with chat receives it.
    ///
    /// # Errors
    /// [`ControlError::NoSuchMeeting`] or [`ControlError::NoSuchPerson`].
    pub fn say(&mut self, meeting: &str, from: &str, body: &MessageBody) -> Result<(), ControlError> {
        let person = self.person(meeting, from)?.clone();
        self.broadcast(meeting, &person, body, None);
        Ok(())
    }

    /// `from` says `body`: it goes in the meeting's chat, and to every admitted guest with
    /// chat but `except`.
    pub(crate) fn broadcast(
        &mut self,
        meeting: &str,
        from: &Person,
        body: &MessageBody,
        except: Option<&str>,
    ) {
        let at = now_ms();
        let text = match body {
            MessageBody::Plain(text) | MessageBody::Html(text) => text,
        };
        if let Some(m) = self.meetings.get_mut(meeting) {
            m.chat.push(ChatLine {
                from: from.name.clone(),
                text: text.clone(),
                at_ms: at,
            });
        }
        self.stopped_typing(meeting, from);
        let stamp = crate::render::date(&self.quirks, Timestamp::from_millis(at));
        let mut outbox = Outbox::default();
        for listener in self.listeners(meeting) {
            if listener.stage != Stage::Connected || !listener.chat || Some(listener.app.as_str()) == except {
                continue;
            }
            let Some(n) = self
                .apps
                .get_mut(&listener.app)
                .and_then(|a| a.conversation.as_mut())
                .map(|c| {
                    c.next_message += 1;
                    c.next_message
                })
            else {
                continue;
            };
            let tell = &listener.tell;
            outbox.push(
                &listener.app,
                tell.from_conversation(vec![tell.message_incoming(n, &stamp, from, body)]),
            );
        }
        self.deliver(outbox);
    }

    /// Expires a guest application now (as if it idled), or forgets it.
    pub fn retire_app(&mut self, app_id: &str, how: Gone) {
        let Some(app) = self.apps.get_mut(app_id) else {
            return;
        };
        if let Some(channel) = self.channels.get_mut(app_id) {
            channel.release_parked(PollOutcome::Gone);
        }
        let left = app
            .conversation
            .as_ref()
            .map(|c| (c.meeting.clone(), c.person.clone()));
        app.conversation = None;
        if let Some((meeting, person)) = left
            && let Some(found) = self
                .meetings
                .get_mut(&meeting)
                .and_then(|m| m.people.remove(&person))
        {
            let mut outbox = Outbox::default();
            self.announce(
                &mut outbox,
                &meeting,
                &found,
                Tell::participant_left,
                Some(app_id),
            );
            self.deliver(outbox);
        }
        match how {
            Gone::Expired => {
                if let Some(app) = self.apps.get_mut(app_id) {
                    app.expired_at = Some(Instant::now());
                }
            }
            Gone::Deleted => self.forget_app(app_id),
        }
    }

    /// Drops the parked long-poll of `application` (of every application if `None`) as if
    /// the connection failed, and the next `next` long-polls too; returns how many were
    /// dropped now.
    pub fn drop_parked_polls(&mut self, application: Option<&str>, next: u32) -> usize {
        let mut dropped = 0;
        for (id, channel) in &mut self.channels {
            if application.is_none_or(|a| a == id) && channel.is_parked() {
                channel.release_parked(PollOutcome::Dropped);
                dropped += 1;
            }
        }
        self.faults.drop_polls = self.faults.drop_polls.saturating_add(next);
        dropped
    }

    /// Runs what is due: idle expiry, lobby timeouts, the demo staff's actions.
    pub fn tick(&mut self, timers: &Timers) {
        let now = Instant::now();
        let idle = Duration::from_secs(timers.app_idle_secs);
        let forget = Duration::from_secs(timers.app_forget_secs);
        // Only a parked poll keeps an anonymous application alive (protocol.md §8 item 24):
        // guests may not report activity any other way.
        let idle_apps: Vec<String> = self
            .apps
            .values()
            .filter(|a| {
                a.expired_at.is_none() && self.channels.get(&a.id).is_some_and(|c| c.unparked_for() > idle)
            })
            .map(|a| a.id.clone())
            .collect();
        for id in idle_apps {
            self.retire_app(&id, Gone::Expired);
        }
        let forgotten: Vec<String> = self
            .apps
            .values()
            .filter(|a| a.expired_at.is_some_and(|at| now.duration_since(at) > forget))
            .map(|a| a.id.clone())
            .collect();
        for id in forgotten {
            self.forget_app(&id);
        }
        let lobby_limit = i64::try_from(timers.lobby_timeout_secs)
            .unwrap_or(i64::MAX)
            .saturating_mul(1000);
        let now_ms = now_ms();
        let timed_out: Vec<(String, String)> = self
            .meetings
            .values()
            .flat_map(|m| m.people.values().map(move |p| (m.id.clone(), p)))
            .filter(|(_, p)| p.presence == Presence::Lobby && now_ms - p.since_ms > lobby_limit)
            .map(|(m, p)| (m, p.id.clone()))
            .collect();
        for (meeting, person) in timed_out {
            let _ = self.turn_away(&meeting, &person, Ending::LobbyTimeout);
        }
        self.live_origins.retain(|_, exp| *exp > now_ms / 1000);
        self.expire_typing(now, Duration::from_secs(timers.typing_secs));
        for action in self.demo.due(now) {
            let _ = match action {
                Scheduled::Admit { meeting, person } => self.admit(&meeting, &person),
                Scheduled::Type { meeting, person } => self.typing(&meeting, &person),
                Scheduled::Say { meeting, from, text } => {
                    self.say(&meeting, &from, &MessageBody::Plain(text))
                }
                Scheduled::StaffReturns { meeting } => self.staff_returns(&meeting),
            };
        }
    }

    /// Stops the typing of those who said nothing for `after`; forgets that of those who
    /// left (whoever sees them leave stops showing them typing).
    fn expire_typing(&mut self, now: Instant, after: Duration) {
        let ended: Vec<(String, String)> = self
            .typing
            .iter()
            .filter(|(_, since)| now.duration_since(**since) > after)
            .map(|(key, _)| key.clone())
            .collect();
        for (meeting, person) in ended {
            match self.person(&meeting, &person).cloned() {
                Ok(found) => self.stopped_typing(&meeting, &found),
                Err(_) => {
                    self.typing.remove(&(meeting, person));
                }
            }
        }
    }

    /// The demo staff member comes back to `meeting`, if they are not there.
    fn staff_returns(&mut self, meeting: &str) -> Result<(), ControlError> {
        let m = self.meetings.get(meeting).ok_or(ControlError::NoSuchMeeting)?;
        let Some(person) = self.demo.returning_staff(m) else {
            return Ok(());
        };
        if let Some(m) = self.meetings.get_mut(meeting) {
            m.people.insert(person.id.clone(), person.clone());
        }
        let mut outbox = Outbox::default();
        self.announce(&mut outbox, meeting, &person, Tell::participant_added, None);
        self.deliver(outbox);
        Ok(())
    }
}

/// The first `{base}{n}@{domain}` nobody in `meeting` has.
fn unused_id(meeting: &Meeting, base: &str, domain: &str) -> String {
    (1..)
        .map(|n| format!("{base}{n}@{domain}"))
        .find(|id| !meeting.people.contains_key(id))
        .unwrap_or_default()
}

/// Whether `text` is a plain user name or domain: letters, digits, `.`, `-`, `_`.
fn plain_name(text: &str) -> bool {
    !text.is_empty()
        && !text.starts_with('.')
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
}
