//! What the organizer, the control API and the clock do: admit, deny, remove and add
//! people, say something, end the meeting; expire and forget applications, time lobbies
//! out, and run the demo staff's script.

use std::time::{Duration, Instant};

use protocol::date::Timestamp;
use serde_json::Value;

use crate::channel::{EventChannel, PollOutcome};
use crate::config::Timers;
use crate::demo::Scheduled;
use crate::ids::{now_ms, slug};
use crate::model::{ChatLine, Gone, Person, Presence, Stage};
use crate::refusal::ControlError;
use crate::resources::{self as res, AppPaths, ConvPaths};
use crate::state::{Outbox, State, participant_event};

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

    /// Moves a guest into the meeting and adds what everyone is told to `outbox`.
    pub(crate) fn admission(
        &mut self,
        outbox: &mut Outbox,
        meeting_id: &str,
        person_id: &str,
    ) -> Result<(), ControlError> {
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
        let paths = AppPaths::new(&app.id);
        let Some(conversation) = app.conversation.as_mut() else {
            return Err(ControlError::NotAGuest);
        };
        conversation.stage = Stage::Connected;
        let conv = ConvPaths {
            conv: paths.conversation(&conversation.id),
        };
        let invitation_href = paths.invitation(&conversation.invitation);
        let operation_id = conversation.operation_id.clone();
        let mut roster: Vec<Value> = meeting
            .people
            .values()
            .filter(|p| p.id != person.id)
            .map(|p| participant_event(&conv, p, "added"))
            .collect();
        roster.push(res::event(
            "updated",
            "localParticipant",
            &conv.participant(&person.id),
            Some(res::participant(
                &conv,
                &person.id,
                &person.name,
                &person.uri,
                false,
                true,
                false,
                true,
            )),
        ));
        outbox.push(&app_id, res::sender("conversation", &conv.conv, roster));
        outbox.push(
            &app_id,
            res::sender(
                "communication",
                &paths.communication(),
                vec![
                    res::event(
                        "updated",
                        "conversation",
                        &conv.conv,
                        Some(res::conversation(
                            &conv,
                            "Connected",
                            &meeting.subject,
                            &[],
                            meeting.people.len(),
                            &person.id,
                        )),
                    ),
                    res::completed(
                        res::event(
                            "completed",
                            "onlineMeetingInvitation",
                            &invitation_href,
                            Some(res::invitation(
                                &invitation_href,
                                &conv.conv,
                                "Connected",
                                &operation_id,
                                &meeting.conference_uri,
                                &person.name,
                            )),
                        ),
                        true,
                        None,
                    ),
                ],
            ),
        );
        self.announce(outbox, meeting_id, &person, "added", Some(&app_id));
        Ok(())
    }

    /// Turns a guest away from the lobby (`Denied`, or `Timeout` when nobody admitted them).
    ///
    /// # Errors
    /// [`ControlError`] as for [`State::admit`].
    pub fn deny(&mut self, meeting: &str, person: &str, timed_out: bool) -> Result<(), ControlError> {
        if self.person(meeting, person)?.presence != Presence::Lobby {
            return Err(ControlError::NotInLobby);
        }
        let reason = if timed_out {
            (
                "Timeout",
                "Timeout",
                "Nobody admitted you from the lobby in time.",
            )
        } else {
            (
                "RemoteFailure",
                "Denied",
                "The lobby participant was denied from the conference.",
            )
        };
        self.end_guest(meeting, person, reason, true)
    }

    /// Removes a guest (`Ejected`) or a scripted person from the meeting.
    ///
    /// # Errors
    /// [`ControlError::NoSuchMeeting`] or [`ControlError::NoSuchPerson`].
    pub fn remove(&mut self, meeting: &str, person: &str) -> Result<(), ControlError> {
        let found = self.person(meeting, person)?.clone();
        if found.app.is_some() {
            return self.end_guest(
                meeting,
                person,
                (
                    "RemoteFailure",
                    "Ejected",
                    "An organizer removed you from the meeting.",
                ),
                false,
            );
        }
        if let Some(m) = self.meetings.get_mut(meeting) {
            m.people.remove(person);
        }
        let mut outbox = Outbox::default();
        self.announce(&mut outbox, meeting, &found, "deleted", None);
        self.deliver(outbox);
        Ok(())
    }

    /// Ends a guest's conversation with `reason`; the guest's application stays.
    pub(crate) fn end_guest(
        &mut self,
        meeting: &str,
        person: &str,
        reason: (&str, &str, &str),
        as_failed_join: bool,
    ) -> Result<(), ControlError> {
        let found = self
            .meetings
            .get_mut(meeting)
            .ok_or(ControlError::NoSuchMeeting)?
            .people
            .remove(person)
            .ok_or(ControlError::NoSuchPerson)?;
        let mut outbox = Outbox::default();
        if let Some(app) = found.app.as_ref().and_then(|id| self.apps.get_mut(id))
            && let Some(conversation) = app.conversation.take()
        {
            let paths = AppPaths::new(&app.id);
            let conv = ConvPaths {
                conv: paths.conversation(&conversation.id),
            };
            let (code, subcode, message) = reason;
            let mut conv_events = vec![];
            if conversation.messaging {
                conv_events.push(res::event(
                    "updated",
                    "messaging",
                    &conv.sub("messaging"),
                    Some(res::messaging(&conv, "Disconnected")),
                ));
            }
            if !conv_events.is_empty() {
                outbox.push(&app.id, res::sender("conversation", &conv.conv, conv_events));
            }
            let mut comm_events = Vec::new();
            if as_failed_join {
                let href = paths.invitation(&conversation.invitation);
                comm_events.push(res::completed(
                    res::event(
                        "completed",
                        "onlineMeetingInvitation",
                        &href,
                        Some(res::invitation(
                            &href,
                            &conv.conv,
                            "Failed",
                            &conversation.operation_id,
                            &app.conference,
                            &app.name,
                        )),
                    ),
                    false,
                    Some(reason),
                ));
            }
            comm_events.push(res::with_reason(
                res::event(
                    "updated",
                    "conversation",
                    &conv.conv,
                    Some(res::conversation(
                        &conv,
                        "Disconnected",
                        "",
                        &[],
                        0,
                        &conversation.person,
                    )),
                ),
                code,
                subcode,
                message,
            ));
            comm_events.push(res::with_reason(
                res::event("deleted", "conversation", &conv.conv, None),
                code,
                subcode,
                message,
            ));
            outbox.push(
                &app.id,
                res::sender("communication", &paths.communication(), comm_events),
            );
        }
        self.announce(&mut outbox, meeting, &found, "deleted", found.app.as_deref());
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
            let as_failed_join = person.presence == Presence::Lobby;
            self.end_guest(
                meeting,
                &person.id,
                ("RemoteFailure", "Ended", "The meeting has ended."),
                as_failed_join,
            )?;
        }
        if let Some(m) = self.meetings.get_mut(meeting) {
            m.people.clear();
        }
        self.demo.meeting_ended(meeting);
        Ok(())
    }

    /// A scripted person joins.
    ///
    /// # Errors
    /// [`ControlError::NoSuchMeeting`].
    pub fn add_person(&mut self, meeting: &str, name: &str, leader: bool) -> Result<String, ControlError> {
        let m = self.meetings.get(meeting).ok_or(ControlError::NoSuchMeeting)?;
        let domain = self
            .tenants
            .iter()
            .find(|t| t.id == m.tenant)
            .map(|t| t.domain.clone())
            .unwrap_or_default();
        let base = slug(name);
        let mut n = 1;
        let id = loop {
            let id = format!("{base}{n}@{domain}");
            if !m.people.contains_key(&id) {
                break id;
            }
            n += 1;
        };
        let person = Person {
            id: id.clone(),
            name: name.to_owned(),
            uri: format!("sip:{id}"),
            leader,
            anonymous: false,
            presence: Presence::InMeeting,
            app: None,
            since_ms: now_ms(),
        };
        if let Some(m) = self.meetings.get_mut(meeting) {
            m.people.insert(id.clone(), person.clone());
        }
        let mut outbox = Outbox::default();
        self.announce(&mut outbox, meeting, &person, "added", None);
        self.deliver(outbox);
        Ok(id)
    }

    /// Someone says something in the meeting chat; every guest with chat receives it.
    ///
    /// # Errors
    /// [`ControlError::NoSuchMeeting`] or [`ControlError::NoSuchPerson`].
    pub fn say(&mut self, meeting: &str, from: &str, text: &str, html: bool) -> Result<(), ControlError> {
        let person = self.person(meeting, from)?.clone();
        self.broadcast(meeting, &person, text, html, None);
        Ok(())
    }

    pub(crate) fn broadcast(
        &mut self,
        meeting: &str,
        from: &Person,
        text: &str,
        html: bool,
        except: Option<&str>,
    ) {
        let at = now_ms();
        if let Some(m) = self.meetings.get_mut(meeting) {
            m.chat.push(ChatLine {
                from: from.name.clone(),
                text: text.to_owned(),
                at_ms: at,
            });
        }
        let stamp = crate::render::date(&self.quirks, Timestamp::from_millis(at));
        let (rel, media) = if html {
            ("htmlMessage", "text/html")
        } else {
            ("plainMessage", "text/plain")
        };
        let uri = protocol::data_uri::encode(media, text);
        let mut outbox = Outbox::default();
        for (app_id, conv, state, messaging) in self.guests_in(meeting) {
            if state != Stage::Connected || !messaging || Some(app_id.as_str()) == except {
                continue;
            }
            let Some(n) = self
                .apps
                .get_mut(&app_id)
                .and_then(|a| a.conversation.as_mut())
                .map(|c| {
                    c.next_message += 1;
                    c.next_message
                })
            else {
                continue;
            };
            let message = res::message(
                &conv,
                n,
                "Incoming",
                &stamp,
                &from.id,
                &from.name,
                Some((rel, uri.clone())),
                None,
            );
            let href = conv.sub(&format!("messaging/messages/{n}"));
            outbox.push(
                &app_id,
                res::sender(
                    "conversation",
                    &conv.conv,
                    vec![res::completed(
                        res::event("completed", "message", &href, Some(message)),
                        true,
                        None,
                    )],
                ),
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
            self.announce(&mut outbox, &meeting, &found, "deleted", Some(app_id));
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

    /// Runs what is due: idle expiry, lobby timeouts, the demo staff's actions.
    pub fn tick(&mut self, timers: &Timers) {
        let now = Instant::now();
        let idle = Duration::from_secs(timers.app_idle_secs);
        let forget = Duration::from_secs(timers.app_forget_secs);
        let idle_apps: Vec<String> = self
            .apps
            .values()
            .filter(|a| {
                a.expired_at.is_none()
                    && !self.channels.get(&a.id).is_some_and(EventChannel::is_parked)
                    && now.duration_since(a.last_activity) > idle
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
            let _ = self.deny(&meeting, &person, true);
        }
        self.live_origins.retain(|_, exp| *exp > now_ms / 1000);
        for action in self.demo.due(now) {
            let _ = match action {
                Scheduled::Admit { meeting, person } => self.admit(&meeting, &person),
                Scheduled::Say { meeting, from, text } => self.say(&meeting, &from, &text, false),
                Scheduled::StaffReturns { meeting } => self.staff_returns(&meeting),
            };
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
        self.announce(&mut outbox, meeting, &person, "added", None);
        self.deliver(outbox);
        Ok(())
    }
}
