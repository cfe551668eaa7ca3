//! The memory of upstream failures. When the meeting service fails, guests who arrive in
//! the next few seconds are told at once that it is unavailable, instead of each repeating
//! the failing chain and waiting for it. When the memory runs out, one request probes the
//! upstream while the others are still told to wait; its outcome decides for everyone.
//!
//! A request retries a failed attempt only while it is the only one seeing failures: when
//! others fail meanwhile, the outage is real, and a crowd of retries would only add to it.

use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use super::UpstreamError;

/// The longest a `Retry-After` from upstream extends the memory.
const MAX_REMEMBERED_RETRY_AFTER: Duration = Duration::from_secs(60);
/// What a guest is told to wait while another request probes the upstream.
const PROBE_WAIT: Duration = Duration::from_secs(1);

/// What is known about the upstream.
#[derive(Debug)]
enum Health {
    /// Working, as far as anyone knows.
    Working,
    /// Failed with `cause`; do not ask again before `until`.
    Failing { until: Instant, cause: UpstreamError },
    /// Failed with `cause`, and one request is finding out whether it still does.
    Probing { cause: UpstreamError },
}

/// The failure memory of one upstream.
#[derive(Debug)]
pub(super) struct Outage {
    memory: Duration,
    health: Mutex<Health>,
    /// Failed attempts ever seen, by any request.
    failures: AtomicU64,
}

/// What an operation tracks of its own attempts.
#[derive(Debug)]
pub(super) struct Ticket {
    failures_at_start: u64,
    own_failures: u64,
}

/// Leave to ask the upstream; the probe, if the memory had just run out.
#[derive(Debug)]
pub(super) struct Admission<'a> {
    outage: &'a Outage,
    probing: bool,
    finished: bool,
    pub(super) ticket: Ticket,
}

/// What the upstream is doing now, as far as the memory says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UpstreamHealth {
    /// No failure remembered.
    Working,
    /// A failure is remembered for `for_at_most` more.
    Failing {
        /// What failed, in a few words.
        cause: &'static str,
        /// How long the memory lasts at most.
        for_at_most: Duration,
    },
}

impl Outage {
    /// Remembers failures for `memory` (or as long as the upstream's `Retry-After` asks).
    pub(super) fn new(memory: Duration) -> Self {
        Self {
            memory,
            health: Mutex::new(Health::Working),
            failures: AtomicU64::new(0),
        }
    }

    fn health(&self) -> std::sync::MutexGuard<'_, Health> {
        // The lock guards plain data and no code can panic while holding it.
        self.health
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// A ticket for work that was admitted already (a shared fetch).
    pub(super) fn ticket(&self) -> Ticket {
        Ticket {
            failures_at_start: self.failures.load(Ordering::SeqCst),
            own_failures: 0,
        }
    }

    /// Leave to ask the upstream, or the remembered failure to answer with at once.
    ///
    /// # Errors
    /// [`UpstreamError::Remembered`] while a failure is remembered or being probed.
    pub(super) fn admit(&self) -> Result<Admission<'_>, UpstreamError> {
        let mut health = self.health();
        let now = Instant::now();
        let probing = match &*health {
            Health::Working => false,
            Health::Failing { until, cause } if now < *until => {
                return Err(cause.remembered(*until - now));
            }
            Health::Probing { cause } => return Err(cause.remembered(PROBE_WAIT)),
            Health::Failing { cause, .. } => {
                *health = Health::Probing { cause: cause.clone() };
                true
            }
        };
        Ok(Admission {
            outage: self,
            probing,
            finished: false,
            ticket: self.ticket(),
        })
    }

    /// An attempt of `ticket`'s operation failed with `cause`: remember it now, so
    /// operations arriving meanwhile do not pile on.
    pub(super) fn attempt_failed(&self, ticket: &mut Ticket, cause: &UpstreamError) {
        ticket.own_failures += 1;
        self.failures.fetch_add(1, Ordering::SeqCst);
        self.remember(cause);
    }

    /// Whether `ticket`'s operation has been alone in seeing failures since it began.
    pub(super) fn alone(&self, ticket: &Ticket) -> bool {
        self.failures.load(Ordering::SeqCst) == ticket.failures_at_start + ticket.own_failures
    }

    fn remember(&self, cause: &UpstreamError) {
        let hinted = cause
            .retry_after()
            .unwrap_or_default()
            .min(MAX_REMEMBERED_RETRY_AFTER);
        let until = Instant::now() + self.memory.max(hinted);
        let mut health = self.health();
        let keep_later = matches!(&*health, Health::Failing { until: known, .. } if *known > until);
        if !keep_later {
            *health = Health::Failing {
                until,
                cause: cause.clone(),
            };
        }
    }

    /// What the memory says now. A memory that has run out says nothing: the next
    /// request will find out.
    pub(super) fn state(&self) -> UpstreamHealth {
        let now = Instant::now();
        match &*self.health() {
            Health::Working => UpstreamHealth::Working,
            Health::Failing { until, .. } if *until <= now => UpstreamHealth::Working,
            Health::Failing { until, cause } => UpstreamHealth::Failing {
                cause: cause.summary(),
                for_at_most: until.saturating_duration_since(now),
            },
            Health::Probing { cause } => UpstreamHealth::Failing {
                cause: cause.summary(),
                for_at_most: PROBE_WAIT,
            },
        }
    }
}

impl Admission<'_> {
    /// Records the operation's outcome: an outage is remembered, anything else (an answer,
    /// even a refusal) means the upstream works.
    pub(super) fn finish<T>(mut self, outcome: &Result<T, UpstreamError>) {
        self.finished = true;
        match outcome {
            Err(error) if error.is_outage() => self.outage.remember(error),
            _ => *self.outage.health() = Health::Working,
        }
    }
}

impl Drop for Admission<'_> {
    fn drop(&mut self) {
        // A probe abandoned half-way (its guest went away) found nothing out: let the
        // next request probe at once rather than leaving everyone waiting.
        if self.probing && !self.finished {
            let mut health = self.outage.health();
            if let Health::Probing { cause } = &*health {
                *health = Health::Failing {
                    until: Instant::now(),
                    cause: cause.clone(),
                };
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn down() -> UpstreamError {
        UpstreamError::Unavailable {
            detail: "503".to_owned(),
            retry_after: None,
        }
    }

    #[test]
    fn a_failure_is_remembered_then_probed_by_one_request() {
        let outage = Outage::new(Duration::from_millis(50));
        let first = outage.admit().expect("working");
        first.finish::<()>(&Err(down()));
        let remembered = outage.admit().expect_err("remembered");
        assert!(
            matches!(&remembered, UpstreamError::Remembered { retry_after, .. } if *retry_after <= Duration::from_millis(50)),
            "{remembered:?}"
        );
        std::thread::sleep(Duration::from_millis(60));
        assert_eq!(outage.state(), UpstreamHealth::Working, "the memory ran out");
        let probe = outage.admit().expect("the memory ran out: a probe");
        assert!(outage.admit().is_err(), "others wait for the probe");
        probe.finish(&Ok(()));
        assert!(outage.admit().is_ok(), "working again");
        assert_eq!(outage.state(), UpstreamHealth::Working);
    }

    #[test]
    fn an_abandoned_probe_lets_the_next_request_probe() {
        let outage = Outage::new(Duration::ZERO);
        outage.admit().expect("working").finish::<()>(&Err(down()));
        let probe = outage.admit().expect("a probe");
        drop(probe);
        assert!(outage.admit().is_ok(), "the next request probes");
    }

    #[test]
    fn refusals_are_answers_and_clear_the_memory() {
        let outage = Outage::new(Duration::from_secs(60));
        let mut admission = outage.admit().expect("working");
        outage.attempt_failed(&mut admission.ticket, &down());
        admission.finish::<()>(&Err(UpstreamError::MeetingNotFound("404".to_owned())));
        assert!(outage.admit().is_ok());
    }

    #[test]
    fn a_retry_after_longer_than_the_memory_is_honoured() {
        let outage = Outage::new(Duration::from_secs(1));
        outage
            .admit()
            .expect("working")
            .finish::<()>(&Err(UpstreamError::Unavailable {
                detail: "503".to_owned(),
                retry_after: Some(Duration::from_secs(30)),
            }));
        let UpstreamHealth::Failing { for_at_most, .. } = outage.state() else {
            panic!("failing");
        };
        assert!(for_at_most > Duration::from_secs(25), "{for_at_most:?}");
    }

    #[test]
    fn an_operation_is_alone_until_another_fails() {
        let outage = Outage::new(Duration::ZERO);
        let mut first = outage.ticket();
        let mut second = outage.ticket();
        outage.attempt_failed(&mut first, &down());
        assert!(outage.alone(&first));
        outage.attempt_failed(&mut second, &down());
        assert!(!outage.alone(&first), "someone else failed too");
        assert!(!outage.alone(&second));
    }
}
