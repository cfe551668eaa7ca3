//! Per-client rate limits, one allowance per kind of route, counted with `governor`'s GCRA.
//!
//! - A guest asking for tokens, staff, the meeting service's callbacks and health checks
//!   each have their own allowance, so a busy load balancer does not use up a guest's.
//! - CORS preflights are never counted: a browser sends one before most token requests,
//!   and it costs nothing.
//! - Memory is bounded whatever the number of clients: a client is remembered only while
//!   its allowance is partly used, idle ones are swept regularly, and beyond
//!   [`MAX_CLIENTS`] newcomers share one allowance until the sweep makes room.
//! - A refusal is `429 rate_limited` with `Retry-After`, the JSON error document, and
//!   CORS headers for a listed origin, so the page can tell the guest how long to wait.

use std::num::NonZeroU32;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::{Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use governor::clock::{Clock, DefaultClock};
use governor::middleware::NoOpMiddleware;
use governor::nanos::Nanos;
use governor::state::StateStore;
use governor::state::keyed::{DashMapStateStore, ShrinkableKeyedStateStore};
use governor::{Quota, RateLimiter};

use crate::AppState;
use crate::api;
use crate::client::{ClientAddress, ClientKey};
use crate::config::PerMinute;
use crate::error::ApiError;
use crate::metrics::ClassLabels;

/// How many clients one limiter remembers at most (some 100 bytes each).
pub const MAX_CLIENTS: usize = 100_000;
/// How often clients whose allowance is whole again are forgotten.
const SWEEP_EVERY: Duration = Duration::from_secs(30);
/// The least time between sweeps a full table may trigger.
const SWEEP_AT_MOST_EVERY: Duration = Duration::from_secs(1);

/// The kinds of route that have an allowance of their own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RouteClass {
    /// `POST /api/v1/guest-token`.
    Token,
    /// The staff API.
    Staff,
    /// The meeting service's callbacks.
    Callback,
    /// `/healthz` and `/readyz`.
    Health,
}

impl RouteClass {
    /// The name metrics and logs use.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Token => "token",
            Self::Staff => "staff",
            Self::Callback => "callback",
            Self::Health => "health",
        }
    }
}

/// The state store of one limiter: a concurrent map that stops taking new clients when
/// full, counting them under [`ClientKey::Overflow`] instead.
#[derive(Debug)]
struct BoundedStore {
    clients: DashMapStateStore<ClientKey>,
    capacity: usize,
}

impl StateStore for BoundedStore {
    type Key = ClientKey;

    fn measure_and_replace<T, F, E>(&self, key: &ClientKey, f: F) -> Result<T, E>
    where
        F: Fn(Option<Nanos>) -> Result<(T, Nanos), E>,
    {
        let full = self.clients.len() >= self.capacity && !self.clients.contains_key(key);
        let key = if full { &ClientKey::Overflow } else { key };
        self.clients.measure_and_replace(key, f)
    }
}

impl ShrinkableKeyedStateStore<ClientKey> for BoundedStore {
    fn retain_recent(&self, drop_below: Nanos) {
        ShrinkableKeyedStateStore::retain_recent(&self.clients, drop_below);
    }

    fn shrink_to_fit(&self) {
        ShrinkableKeyedStateStore::shrink_to_fit(&self.clients);
    }

    fn len(&self) -> usize {
        self.clients.len()
    }

    fn is_empty(&self) -> bool {
        self.clients.is_empty()
    }
}

/// One allowance per client for one kind of route.
#[derive(Debug)]
pub struct ClientLimiter {
    limiter: RateLimiter<ClientKey, BoundedStore, DefaultClock, NoOpMiddleware>,
    clock: DefaultClock,
    last_sweep: Mutex<Instant>,
    capacity: usize,
}

impl ClientLimiter {
    /// `per_minute` requests a minute, all of them at once if need be, remembering at most
    /// `capacity` clients.
    pub fn new(per_minute: NonZeroU32, capacity: usize) -> Self {
        let clock = DefaultClock::default();
        let store = BoundedStore {
            clients: DashMapStateStore::default(),
            capacity,
        };
        Self {
            limiter: RateLimiter::new(Quota::per_minute(per_minute), store, clock.clone()),
            clock,
            last_sweep: Mutex::new(Instant::now()),
            capacity,
        }
    }

    /// Counts one request from `client`; `Err` holds how long to wait when none is left.
    ///
    /// # Errors
    /// The wait until the client may try again.
    pub fn check(&self, client: ClientKey) -> Result<(), Duration> {
        self.sweep_when_due();
        self.limiter
            .check_key(&client)
            .map_err(|not_until| not_until.wait_time_from(self.clock.now()))
    }

    /// How many clients are remembered now.
    pub fn remembered(&self) -> usize {
        self.limiter.len()
    }

    /// Forgets clients whose allowance is whole again: every [`SWEEP_EVERY`], or sooner
    /// when the table is full. Whoever finds the sweep due does it; others do not wait.
    fn sweep_when_due(&self) {
        let Ok(mut last) = self.last_sweep.try_lock() else {
            return;
        };
        let since = last.elapsed();
        let full = self.limiter.len() >= self.capacity;
        if since >= SWEEP_EVERY || (full && since >= SWEEP_AT_MOST_EVERY) {
            self.limiter.retain_recent();
            self.limiter.shrink_to_fit();
            *last = Instant::now();
        }
    }
}

/// The limiters of every kind of route.
#[derive(Debug)]
pub struct RateLimits {
    token: ClientLimiter,
    staff: ClientLimiter,
    callback: ClientLimiter,
    health: ClientLimiter,
}

impl RateLimits {
    /// Limiters allowing `per_minute`.
    pub fn new(per_minute: PerMinute) -> Self {
        let limiter = |n: u32| ClientLimiter::new(NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN), MAX_CLIENTS);
        Self {
            token: limiter(per_minute.token),
            staff: limiter(per_minute.staff),
            callback: limiter(per_minute.callback),
            health: limiter(per_minute.health),
        }
    }

    /// The limiter of `class`.
    pub fn of(&self, class: RouteClass) -> &ClientLimiter {
        match class {
            RouteClass::Token => &self.token,
            RouteClass::Staff => &self.staff,
            RouteClass::Callback => &self.callback,
            RouteClass::Health => &self.health,
        }
    }
}

/// Applies `class`'s rate limit; preflights pass uncounted.
pub async fn rate_limit(
    State((state, class)): State<(Arc<AppState>, RouteClass)>,
    request: Request,
    next: Next,
) -> Response {
    if request.method() == Method::OPTIONS {
        return next.run(request).await;
    }
    let client = request
        .extensions()
        .get::<ClientAddress>()
        .map_or(ClientKey::Overflow, |ClientAddress(address)| {
            ClientKey::of(*address)
        });
    match state.rate_limits.of(class).check(client) {
        Ok(()) => next.run(request).await,
        Err(wait) => {
            state
                .metrics
                .rate_limited
                .get_or_create(&ClassLabels {
                    class: class.as_str(),
                })
                .inc();
            // Whole seconds, rounded up, and never 0: "try again in 0 s" would be a lie.
            let seconds = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
            let refusal = ApiError::rate_limited(seconds.max(1)).into_response();
            let origin = api::allowed_origin(&state, request.headers());
            match origin {
                Some(origin) => api::cors(refusal, Some(&origin)),
                None => refusal,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::net::Ipv4Addr;

    use super::*;

    fn client(n: u32) -> ClientKey {
        ClientKey::V4(Ipv4Addr::from(0x0a00_0000 + n))
    }

    #[test]
    fn each_client_has_its_own_allowance() {
        let limiter = ClientLimiter::new(NonZeroU32::new(2).expect("2"), 10);
        assert_eq!(limiter.check(client(1)), Ok(()));
        assert_eq!(limiter.check(client(1)), Ok(()));
        let wait = limiter.check(client(1)).expect_err("third in a minute");
        assert!(
            wait > Duration::from_secs(20) && wait <= Duration::from_secs(30),
            "one request back every 30 s: {wait:?}"
        );
        assert_eq!(limiter.check(client(2)), Ok(()), "another client is not held up");
    }

    #[test]
    fn beyond_its_capacity_newcomers_share_one_allowance() {
        let limiter = ClientLimiter::new(NonZeroU32::new(1).expect("1"), 3);
        for n in 0..3 {
            assert_eq!(limiter.check(client(n)), Ok(()));
        }
        assert_eq!(limiter.remembered(), 3);
        assert_eq!(limiter.check(client(100)), Ok(()), "the shared allowance");
        assert!(limiter.check(client(101)).is_err(), "already used by a newcomer");
        assert!(limiter.remembered() <= 4, "{}", limiter.remembered());
        assert!(
            limiter.check(client(0)).is_err(),
            "a remembered client keeps its own count"
        );
        for n in 200..1200 {
            let _ = limiter.check(client(n));
        }
        assert!(limiter.remembered() <= 4, "bounded: {}", limiter.remembered());
    }
}
