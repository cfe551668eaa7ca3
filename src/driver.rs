//! Runs the protocol crate's join machine in the browser: sends its requests with
//! `fetch`, runs its timers, feeds everything back, and publishes a snapshot the UI reads.
//!
//! The machine decides everything; this module only does I/O. Spawned requests and timers
//! hold a weak reference, so dropping the driver (a new link, say) stops them.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::{Rc, Weak};

use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use protocol::ProtocolError;
use protocol::join::{
    ChatMessage, Command, DialIn, Exchange, GuestJoin, Input, JoinConfig, Milestones, Person, Phase,
    RequestId, TimerId, Update as JoinUpdate,
};
use web_sys::AbortController;

use crate::{config, transport, xframe};

/// What the UI shows, copied out of the machine after every change.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    /// Where the guest is.
    pub phase: Phase,
    /// Whether the connection is being restored.
    pub reconnecting: bool,
    /// The meeting subject, once known.
    pub subject: Option<String>,
    /// Everyone else, sorted by name.
    pub participants: Vec<Person>,
    /// The chat.
    pub messages: Vec<ChatMessage>,
    /// Whether chat is connected.
    pub chat_ready: bool,
    /// Who else is typing, by name.
    pub typing: Vec<String>,
    /// How to join by phone, when the meeting offers it.
    pub dial_in: Option<DialIn>,
    /// The session id, to rejoin as the same guest.
    pub session_id: Option<String>,
    /// How far the background steps got.
    pub milestones: Milestones,
    /// What each step on the way in got back, for the link check.
    pub exchanges: Vec<Exchange>,
}

impl Default for Snapshot {
    fn default() -> Self {
        Self {
            phase: Phase::Idle,
            reconnecting: false,
            subject: None,
            participants: Vec::new(),
            messages: Vec::new(),
            chat_ready: false,
            typing: Vec::new(),
            dial_in: None,
            session_id: None,
            milestones: Milestones::default(),
            exchanges: Vec::new(),
        }
    }
}

impl Snapshot {
    fn of(machine: &GuestJoin) -> Self {
        Self {
            phase: machine.phase().clone(),
            reconnecting: machine.reconnecting_since().is_some(),
            subject: machine.subject().map(str::to_owned),
            participants: machine.participants().into_iter().cloned().collect(),
            messages: machine.messages().to_vec(),
            chat_ready: machine.chat_ready(),
            typing: machine.typing().into_iter().map(str::to_owned).collect(),
            dial_in: machine.dial_in().cloned(),
            session_id: machine.application_session_id().map(str::to_owned),
            milestones: machine.milestones(),
            exchanges: machine.exchanges().cloned().collect(),
        }
    }
}

/// Where a page keeps its driver: none until there is a link to join.
pub type DriverSlot = StoredValue<Option<Driver>, LocalStorage>;

/// Acts on the driver in `slot`, if any. An action the machine refuses (one that makes no
/// sense in its phase, such as leaving twice) is logged and otherwise ignored.
pub fn act<R>(
    slot: DriverSlot,
    action: impl FnOnce(&mut GuestJoin) -> Result<R, ProtocolError>,
) -> Option<R> {
    slot.with_value(|driver| driver.as_ref().map(|d| d.act(action)))?
        .inspect_err(|error| leptos::logging::warn!("{error}"))
        .ok()
}

/// Told about each update, with the snapshot after it.
pub type UpdateListener = Rc<dyn Fn(&JoinUpdate, &Snapshot)>;

struct Inner {
    machine: RefCell<GuestJoin>,
    requests: RefCell<HashMap<RequestId, AbortController>>,
    timers: RefCell<HashMap<TimerId, Timeout>>,
    snapshot: RwSignal<Snapshot>,
    listener: UpdateListener,
    /// The page is going away: requests must outlive it.
    closing: Cell<bool>,
}

impl Drop for Inner {
    fn drop(&mut self) {
        for (_, controller) in self.requests.borrow_mut().drain() {
            controller.abort();
        }
    }
}

/// The join machine, running.
#[derive(Clone)]
pub struct Driver {
    inner: Rc<Inner>,
}

impl std::fmt::Debug for Driver {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Driver").finish_non_exhaustive()
    }
}

impl Driver {
    /// A driver for `config`, publishing to `snapshot` and telling `listener` of updates.
    pub fn new(config: JoinConfig, snapshot: RwSignal<Snapshot>, listener: UpdateListener) -> Self {
        Self {
            inner: Rc::new(Inner {
                machine: RefCell::new(GuestJoin::new(config)),
                requests: RefCell::new(HashMap::new()),
                timers: RefCell::new(HashMap::new()),
                snapshot,
                listener,
                closing: Cell::new(false),
            }),
        }
    }

    /// Does something to the machine (join, send, leave, …), then runs what it asks for.
    ///
    /// # Errors
    /// What the machine said.
    pub fn act<T>(
        &self,
        action: impl FnOnce(&mut GuestJoin) -> Result<T, ProtocolError>,
    ) -> Result<T, ProtocolError> {
        let result = action(&mut self.inner.machine.borrow_mut());
        pump(&self.inner);
        result
    }

    /// Leaves because the page is closing, so the others do not keep seeing a guest who is
    /// gone until the service notices.
    pub fn leave_as_page_closes(&self) {
        self.inner.closing.set(true);
        let _ = self.act(|machine| match machine.phase() {
            Phase::Over(_) | Phase::Leaving => Ok(()),
            _ => machine.leave(),
        });
    }
}

fn feed(inner: &Rc<Inner>, input: Input) {
    let handled = inner.machine.borrow_mut().handle(input, config::now());
    if let Err(error) = handled {
        leptos::logging::warn!("join machine: {error}");
    }
    pump(inner);
}

fn pump(inner: &Rc<Inner>) {
    loop {
        let command = inner.machine.borrow_mut().poll_command();
        match command {
            None => break,
            Some(Command::Send {
                id,
                request,
                timeout_ms,
            }) => send(inner, id, *request, timeout_ms),
            Some(Command::Cancel { id }) => {
                if let Some(controller) = inner.requests.borrow_mut().remove(&id) {
                    controller.abort();
                }
            }
            Some(Command::StartTimer { id, after_ms }) => {
                let weak = Rc::downgrade(inner);
                let timer = Timeout::new(after_ms, move || {
                    if let Some(inner) = weak.upgrade() {
                        inner.timers.borrow_mut().remove(&id);
                        feed(&inner, Input::TimerFired { id });
                    }
                });
                inner.timers.borrow_mut().insert(id, timer);
            }
        }
    }
    let snapshot = Snapshot::of(&inner.machine.borrow());
    let updates: Vec<JoinUpdate> = std::iter::from_fn(|| inner.machine.borrow_mut().poll_update()).collect();
    // Most steps (a poll parked again, a timer) change nothing on screen; only a change
    // wakes the views.
    if inner.snapshot.with_untracked(|shown| *shown != snapshot) {
        inner.snapshot.set(snapshot.clone());
    }
    for update in &updates {
        (inner.listener)(update, &snapshot);
    }
}

fn send(inner: &Rc<Inner>, id: RequestId, request: protocol::HttpRequest, timeout_ms: u32) {
    // On premises, the server's cross-domain frame for this request, should it need one.
    let frame = inner.machine.borrow().frame_for_request(&request);
    if inner.closing.get() {
        if !frame
            .as_ref()
            .is_some_and(|frame| xframe::send_as_page_closes(&request, frame))
        {
            transport::send_as_page_closes(&request);
        }
        // The answer will not be read. Leaving ends as "left" either way, which is what the
        // guest sees should the browser bring the page back from its cache.
        feed(inner, Input::TransportFailed { id });
        return;
    }
    let Ok(controller) = AbortController::new() else {
        feed(inner, Input::TransportFailed { id });
        return;
    };
    let signal = controller.signal();
    inner.requests.borrow_mut().insert(id, controller);
    let weak: Weak<Inner> = Rc::downgrade(inner);
    let on_timeout = weak.clone();
    let deadline = Timeout::new(timeout_ms, move || {
        if let Some(inner) = on_timeout.upgrade()
            && let Some(controller) = inner.requests.borrow().get(&id)
        {
            controller.abort();
        }
    });
    leptos::task::spawn_local(async move {
        let outcome = xframe::send(&request, frame.as_ref(), &signal).await;
        drop(deadline);
        let Some(inner) = weak.upgrade() else {
            return;
        };
        // Cancelled requests are forgotten: their outcome no longer matters.
        if inner.requests.borrow_mut().remove(&id).is_none() {
            return;
        }
        let input = match outcome {
            Ok(response) => Input::Response { id, response },
            Err(transport::NoResponse) => Input::TransportFailed { id },
        };
        feed(&inner, input);
    });
}
