//! A cached value that one task at a time fetches, shared by everyone who asks meanwhile:
//! the Azure AD token, the application's capabilities, the callback signing keys. However
//! many requests arrive at once, one fetch goes out, and nobody holds a lock while it is on
//! the network.
//!
//! The fetch runs as a task of its own, so a guest who gives up does not cancel it for the
//! others; each guest waits for it only until its own deadline.

use std::sync::Mutex;
use std::time::Instant;

use futures_util::FutureExt;
use futures_util::future::{BoxFuture, Shared};

/// A fetched value, and until when it may be used.
pub(crate) type Fetched<T, E> = Result<(T, Instant), E>;

/// How a value was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Source {
    /// In the cache.
    Cached,
    /// By a fetch this caller started.
    Fetched,
    /// By a fetch another caller had started.
    Joined,
}

#[derive(Debug)]
struct Slot<T, E> {
    value: Option<(T, Instant)>,
    fetching: Option<Shared<BoxFuture<'static, Fetched<T, E>>>>,
}

/// A value fetched at most once at a time; a failed fetch is not kept.
#[derive(Debug)]
pub(crate) struct SharedFetch<T: Clone, E: Clone> {
    slot: Mutex<Slot<T, E>>,
}

impl<T: Clone + Send + Sync + 'static, E: Clone + Send + Sync + 'static> SharedFetch<T, E> {
    pub(crate) fn new() -> Self {
        Self {
            slot: Mutex::new(Slot {
                value: None,
                fetching: None,
            }),
        }
    }

    fn slot(&self) -> std::sync::MutexGuard<'_, Slot<T, E>> {
        // Held only to read or swap fields; no code that can panic runs under it.
        self.slot
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The cached value while it is fresh.
    pub(crate) fn fresh(&self) -> Option<T> {
        let slot = self.slot();
        slot.value
            .as_ref()
            .filter(|(_, until)| Instant::now() < *until)
            .map(|(value, _)| value.clone())
    }

    /// Whether a value is cached, fresh or not.
    pub(crate) fn is_known(&self) -> bool {
        self.slot().value.is_some()
    }

    /// Whether a fetch is under way.
    pub(crate) fn is_fetching(&self) -> bool {
        self.slot()
            .fetching
            .as_ref()
            .is_some_and(|fetch| fetch.peek().is_none())
    }

    /// Drops the cached value (it went stale before its time).
    pub(crate) fn forget(&self) {
        self.slot().value = None;
    }

    /// The value: cached while fresh, else from the fetch under way, else from a new
    /// fetch that `start` spawns.
    ///
    /// # Errors
    /// The fetch's error.
    pub(crate) async fn get(
        &self,
        start: impl FnOnce() -> BoxFuture<'static, Fetched<T, E>>,
    ) -> Result<(T, Source), E> {
        let (fetch, source) = {
            let mut slot = self.slot();
            if let Some((value, until)) = &slot.value
                && Instant::now() < *until
            {
                return Ok((value.clone(), Source::Cached));
            }
            match slot.fetching.clone() {
                // A fetch that ended with nobody left to take its result: a value is
                // kept, a failure is old news and a new fetch starts.
                Some(done) if matches!(done.peek(), Some(Ok(_))) => (done, Source::Joined),
                Some(running) if running.peek().is_none() => (running, Source::Joined),
                _ => {
                    let fetch = start().shared();
                    slot.fetching = Some(fetch.clone());
                    (fetch, Source::Fetched)
                }
            }
        };
        let outcome = fetch.clone().await;
        let mut slot = self.slot();
        let current = slot
            .fetching
            .as_ref()
            .is_some_and(|running| running.ptr_eq(&fetch));
        if current {
            slot.fetching = None;
            if let Ok(fetched) = &outcome {
                slot.value = Some(fetched.clone());
            }
        }
        outcome.map(|(value, _)| (value, source))
    }
}

/// Spawns `fetch` as a task of its own, so it finishes whoever waits for it; `stopped` is
/// the error if the task ends without an outcome (a panic, the runtime shutting down).
pub(crate) fn spawned<T: Send + 'static, E: Send + 'static>(
    fetch: impl Future<Output = Fetched<T, E>> + Send + 'static,
    stopped: E,
) -> BoxFuture<'static, Fetched<T, E>> {
    tokio::spawn(fetch)
        .map(|joined| joined.unwrap_or(Err(stopped)))
        .boxed()
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    use super::*;

    /// What the tests fetch: a count, or a failure in words.
    type Counted = SharedFetch<u32, &'static str>;

    fn counting(
        fetches: &Arc<AtomicUsize>,
        fresh_for: Duration,
    ) -> BoxFuture<'static, Fetched<u32, &'static str>> {
        let fetches = Arc::clone(fetches);
        spawned(
            async move {
                let n = fetches.fetch_add(1, Ordering::SeqCst) as u32;
                tokio::time::sleep(Duration::from_millis(20)).await;
                Ok((n, Instant::now() + fresh_for))
            },
            "stopped",
        )
    }

    #[tokio::test]
    async fn callers_at_once_share_one_fetch_and_then_the_cache() {
        let shared = Arc::new(Counted::new());
        let fetches = Arc::new(AtomicUsize::new(0));
        let mut callers = tokio::task::JoinSet::new();
        for _ in 0..50 {
            let (shared, fetches) = (Arc::clone(&shared), Arc::clone(&fetches));
            callers.spawn(async move { shared.get(|| counting(&fetches, Duration::from_secs(60))).await });
        }
        let mut sources = Vec::new();
        while let Some(joined) = callers.join_next().await {
            let (value, source) = joined.expect("no panic").expect("fetched");
            assert_eq!(value, 0);
            sources.push(source);
        }
        assert_eq!(fetches.load(Ordering::SeqCst), 1);
        assert_eq!(sources.iter().filter(|s| **s == Source::Fetched).count(), 1);
        let (_, source) = shared
            .get(|| counting(&fetches, Duration::from_secs(60)))
            .await
            .expect("cached");
        assert_eq!(source, Source::Cached);
    }

    #[tokio::test]
    async fn a_fetch_outlives_a_caller_who_gives_up() {
        let shared = Counted::new();
        let fetches = Arc::new(AtomicUsize::new(0));
        let gave_up = tokio::time::timeout(
            Duration::from_millis(1),
            shared.get(|| counting(&fetches, Duration::from_secs(60))),
        )
        .await;
        assert!(gave_up.is_err());
        let (value, source) = shared
            .get(|| counting(&fetches, Duration::from_secs(60)))
            .await
            .expect("the first fetch's value");
        assert_eq!((value, source), (0, Source::Joined));
        assert_eq!(fetches.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn a_stale_value_is_fetched_again_and_a_failure_is_not_kept() {
        let shared = Counted::new();
        let fetches = Arc::new(AtomicUsize::new(0));
        shared
            .get(|| counting(&fetches, Duration::ZERO))
            .await
            .expect("fetched");
        assert!(shared.fresh().is_none() && shared.is_known());
        let (value, _) = shared
            .get(|| counting(&fetches, Duration::from_secs(60)))
            .await
            .expect("fetched again");
        assert_eq!(value, 1);
        shared.forget();
        let failed = shared.get(|| spawned(async { Err("down") }, "stopped")).await;
        assert!(failed.is_err());
        let (value, source) = shared
            .get(|| counting(&fetches, Duration::from_secs(60)))
            .await
            .expect("a new fetch after a failure");
        assert_eq!((value, source), (2, Source::Fetched));
    }
}
