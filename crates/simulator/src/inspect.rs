//! The typed inspection and control API of a running [`Simulator`], for tests,
//! benchmarks and `simulator serve`: what is in a meeting and its lobby, guests'
//! applications, the journal, quirks and faults, and the organizer's actions.

use protocol::ucwa::resources::{MessageBody, Role};
use serde::Serialize;

use crate::Simulator;
use crate::config::Quirks;
use crate::demo::DemoStaff;
use crate::faults::{FailureRule, Faults, WrongAnswerRule};
use crate::journal::{JournalEntry, Step};
use crate::model::{Affiliation, Presence};
use crate::refusal::{ControlError, Refusal};
use crate::views::{ApplicationView, MeetingView, PersonView};

/// Meeting ids are upper case; the control API takes them in any case, and so does this.
fn meeting_id(meeting: &str) -> String {
    meeting.to_ascii_uppercase()
}

impl Simulator {
    /// Meeting `meeting`, with who is there and its chat.
    pub fn meeting(&self, meeting: &str) -> Option<MeetingView> {
        self.store.lock().meeting_view(&meeting_id(meeting))
    }

    /// Every meeting, by id.
    pub fn meetings(&self) -> Vec<MeetingView> {
        self.store.lock().meeting_views()
    }

    /// A meeting's join URL.
    pub fn join_url(&self, meeting: &str) -> Option<String> {
        self.meeting(meeting).map(|m| m.join_url)
    }

    /// A meeting's conference URI.
    pub fn conference_uri(&self, meeting: &str) -> Option<String> {
        self.meeting(meeting).map(|m| m.conference_uri)
    }

    /// The anonymous identity an on-premises web ticket (`cwt=…`) stands for, while it is
    /// issued and live.
    pub fn web_ticket_identity(&self, ticket: &str) -> Option<String> {
        let state = self.store.lock();
        state
            .web_tickets
            .get(ticket)
            .filter(|grant| grant.expires_secs > crate::ids::now_secs())
            .map(|grant| grant.identity.clone())
    }

    /// Sets the web origins the on-premises server lets call it from a browser (its
    /// `CrossDomainAuthorizationList`), for a site whose origin is known only once it runs.
    pub fn set_cross_domain_authorization_list(&self, origins: &[&str]) {
        self.store.lock().on_premises.cross_domain_authorization_list =
            origins.iter().map(|origin| (*origin).to_owned()).collect();
    }

    /// Makes the on-premises server a split domain, whose guests' applications live on the
    /// second pool (protocol.md §3.5), from the next request on.
    pub fn set_split_domain(&self, split: bool) {
        self.store.lock().on_premises.split_domain = split;
    }

    /// The guests in a meeting or its lobby, by id.
    pub fn guests_in(&self, meeting: &str) -> Vec<PersonView> {
        self.people_where(meeting, |p| p.guest)
    }

    /// Who waits in a meeting's lobby, by id.
    pub fn lobby(&self, meeting: &str) -> Vec<PersonView> {
        self.people_where(meeting, |p| p.presence == Presence::Lobby)
    }

    fn people_where(&self, meeting: &str, keep: impl Fn(&PersonView) -> bool) -> Vec<PersonView> {
        self.meeting(meeting)
            .map(|m| m.people.into_iter().filter(|p| keep(p)).collect())
            .unwrap_or_default()
    }

    /// Every guest application, by id, expired ones included.
    pub fn applications(&self) -> Vec<ApplicationView> {
        self.store.lock().application_views()
    }

    /// The request journal, oldest first.
    pub fn journal(&self) -> Vec<JournalEntry> {
        self.store.lock().journal.entries()
    }

    /// How many journal entries are of `step`.
    pub fn journal_count(&self, step: Step) -> usize {
        self.store.lock().journal.count(step)
    }

    /// Forgets the journal.
    pub fn clear_journal(&self) {
        self.store.lock().journal.clear();
    }

    /// The quirk modes.
    pub fn quirks(&self) -> Quirks {
        self.store.lock().quirks.clone()
    }

    /// Switches quirk modes.
    pub fn set_quirks(&self, quirks: Quirks) {
        self.store.lock().quirks = quirks;
    }

    /// The injected faults.
    pub fn faults(&self) -> Faults {
        self.store.lock().faults.clone()
    }

    /// Replaces the injected faults.
    pub fn set_faults(&self, faults: Faults) {
        self.store.lock().faults = faults;
    }

    /// Adds an error status to answer on a step.
    pub fn inject_failure(&self, rule: FailureRule) {
        self.store.lock().faults.failures.push(rule);
    }

    /// Adds a wrong answer to give on a step.
    pub fn inject_wrong_answer(&self, rule: WrongAnswerRule) {
        self.store.lock().faults.wrong_answers.push(rule);
    }

    /// Drops every parked event-channel long-poll now, and the next `next` ones; returns
    /// how many were dropped now.
    pub fn drop_parked_polls(&self, next: u32) -> usize {
        self.store.lock().drop_parked_polls(None, next)
    }

    /// Lets `person` in from `meeting`'s lobby.
    ///
    /// # Errors
    /// [`ControlError`]: no such meeting or person, or not in the lobby.
    pub fn admit(&self, meeting: &str, person: &str) -> Result<(), ControlError> {
        self.store.lock().admit(&meeting_id(meeting), person)
    }

    /// Turns `person` away from `meeting`'s lobby.
    ///
    /// # Errors
    /// [`ControlError`]: no such meeting or person, or not in the lobby.
    pub fn deny(&self, meeting: &str, person: &str) -> Result<(), ControlError> {
        self.store.lock().deny(&meeting_id(meeting), person)
    }

    /// Removes `person` from `meeting` (a guest is ejected).
    ///
    /// # Errors
    /// [`ControlError`]: no such meeting or person.
    pub fn remove(&self, meeting: &str, person: &str) -> Result<(), ControlError> {
        self.store.lock().remove(&meeting_id(meeting), person)
    }

    /// `from` says `body` in `meeting`'s chat.
    ///
    /// # Errors
    /// [`ControlError`]: no such meeting or person.
    pub fn say(&self, meeting: &str, from: &str, body: MessageBody) -> Result<(), ControlError> {
        self.store.lock().say(&meeting_id(meeting), from, &body)
    }

    /// Ends `meeting`: everyone leaves.
    ///
    /// # Errors
    /// [`ControlError::NoSuchMeeting`].
    pub fn end_meeting(&self, meeting: &str) -> Result<(), ControlError> {
        self.store.lock().end_meeting(&meeting_id(meeting))
    }

    /// Someone named `name` joins `meeting` as `role`; returns their person id.
    ///
    /// # Errors
    /// [`ControlError::NoSuchMeeting`].
    pub fn add_person(&self, meeting: &str, name: &str, role: Role) -> Result<String, ControlError> {
        self.add_person_from(meeting, name, role, &Affiliation::Organisation)
    }

    /// Someone named `name` joins `meeting` as `role`, coming from `affiliation` (a Skype
    /// user, another organisation); returns their person id.
    ///
    /// # Errors
    /// [`ControlError::NoSuchMeeting`] or [`ControlError::InvalidPerson`].
    pub fn add_person_from(
        &self,
        meeting: &str,
        name: &str,
        role: Role,
        affiliation: &Affiliation,
    ) -> Result<String, ControlError> {
        self.store
            .lock()
            .add_person(&meeting_id(meeting), name, &role, affiliation)
    }

    /// `person` starts typing in `meeting`, as the control API's `typing` does.
    ///
    /// # Errors
    /// [`ControlError::NoSuchMeeting`] or [`ControlError::NoSuchPerson`].
    pub fn typing(&self, meeting: &str, person: &str) -> Result<(), ControlError> {
        self.store.lock().typing(&meeting_id(meeting), person)
    }

    /// Who is typing in `meeting` now, by person id.
    pub fn typing_in(&self, meeting: &str) -> Vec<String> {
        let meeting = meeting_id(meeting);
        self.store
            .lock()
            .typing
            .keys()
            .filter(|(m, _)| *m == meeting)
            .map(|(_, person)| person.clone())
            .collect()
    }

    /// The guest of `application` adds chat to `conversation`, as its `POST addMessaging`
    /// with `operation_id` would; returns the messaging invitation href.
    ///
    /// # Errors
    /// [`Refusal`], as the guest would get.
    pub fn add_messaging(
        &self,
        application: &str,
        conversation: &str,
        operation_id: &str,
    ) -> Result<String, Refusal> {
        self.store
            .lock()
            .add_messaging(application, conversation, operation_id)
    }

    /// Casts the demo's staff member, who admits guests and answers chat.
    pub fn set_demo_staff(&self, staff: DemoStaff) {
        self.store.lock().demo.set_staff(staff);
    }

    /// Signs `claims` with the published key (a token the simulator's JWKS verifies).
    pub fn sign<T: Serialize>(&self, claims: &T) -> String {
        self.store.keys().sign(claims)
    }

    /// Signs `claims` with a key the JWKS does not publish (an unknown `kid`).
    pub fn sign_unpublished<T: Serialize>(&self, claims: &T) -> String {
        self.store.keys().sign_unpublished(claims)
    }

    /// Rotates the signing keys: a new key is published and signs from now on; returns its
    /// `kid`.
    pub fn rotate_keys(&self) -> String {
        self.store.keys_mut().rotate()
    }
}
