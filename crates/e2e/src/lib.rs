//! Wiring for end-to-end tests: a simulator and a middle tier (and, for browser tests, the
//! built app) started in-process on loopback and pointed at each other; and an upstream
//! that costs nothing, to measure the middle tier alone.

pub mod browser;
pub mod free_upstream;

use std::sync::Arc;

use middle_tier::config::Settings;
use simulator::Simulator;
use simulator::config::SimConfig;
use tokio::sync::watch;

/// The runtime benchmarks run on: two workers, like the machines CI and the benchmarks
/// in BENCHMARKS.md use.
///
/// # Panics
/// When the runtime cannot be built; this is bench wiring.
pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a tokio runtime")
}

/// The on-premises organisation the demo's simulator also serves: its SIP domain, and a
/// meeting (no lobby) on its server, run by `alex@fabrikam.com`.
pub use simulator::demo::{ON_PREMISES_DOMAIN, ON_PREMISES_MEETING};

/// The demo's simulated settings, with short timers for tests.
pub fn simulator_config() -> SimConfig {
    let mut config = simulator::demo::config(0, "e2e-client-secret".to_owned());
    config.service = simulator::config::ServiceConfig::default();
    config.timers.min_event_timeout_secs = 1;
    config.timers.default_event_timeout_secs = 20;
    config
}

/// A running middle tier.
#[derive(Debug)]
pub struct MiddleTier {
    /// Its base URL.
    pub url: url::Url,
    /// Where its metrics are served (`GET /metrics`).
    pub metrics_url: url::Url,
    /// Its state.
    pub state: Arc<middle_tier::AppState>,
    stop: Option<watch::Sender<bool>>,
}

impl MiddleTier {
    /// Starts a middle tier on `127.0.0.1:0`, and its metrics on another port, with
    /// `settings` (their `listen` addresses are ignored).
    ///
    /// # Panics
    /// When it cannot start; this is test wiring.
    pub async fn start(settings: Settings) -> Self {
        let bind = async || {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                .await
                .expect("a free port");
            let address = listener.local_addr().expect("bound");
            (
                listener,
                url::Url::parse(&format!("http://{address}/")).expect("url"),
            )
        };
        let (listener, url) = bind().await;
        let (metrics_listener, metrics_url) = bind().await;
        let state =
            middle_tier::AppState::new(settings.with_public_url(url.clone())).expect("middle tier state");
        let (stop, stopping) = watch::channel(false);
        let stopped = |mut stopping: watch::Receiver<bool>| async move {
            let _ = stopping.wait_for(|stop| *stop).await;
        };
        tokio::spawn(middle_tier::serve(
            listener,
            Arc::clone(&state),
            stopped(stopping.clone()),
        ));
        tokio::spawn(middle_tier::serve_metrics(
            metrics_listener,
            Arc::clone(&state),
            stopped(stopping),
        ));
        Self {
            url,
            metrics_url: metrics_url.join("metrics").expect("metrics url"),
            state,
            stop: Some(stop),
        }
    }

    /// The metrics as scraped, in the OpenMetrics text format.
    ///
    /// # Panics
    /// When the metrics listener does not answer; this is test wiring.
    pub async fn metrics(&self) -> String {
        reqwest::get(self.metrics_url.clone())
            .await
            .expect("the metrics listener answers")
            .text()
            .await
            .expect("text")
    }

    /// The value of the sample `series` (name and labels, as scraped), 0 when absent.
    ///
    /// # Panics
    /// When the metrics listener does not answer; this is test wiring.
    pub async fn metric(&self, series: &str) -> f64 {
        sample(&self.metrics().await, series)
    }
}

/// The value of the sample `series` in scraped `metrics`, 0 when absent (a labelled counter
/// appears only once it has counted).
pub fn sample(metrics: &str, series: &str) -> f64 {
    metrics
        .lines()
        .find_map(|line| line.strip_prefix(series).and_then(|rest| rest.strip_prefix(' ')))
        .and_then(|value| value.trim().parse().ok())
        .unwrap_or(0.0)
}

impl MiddleTier {
    /// A guest-token request as a page on `origin` would send it, with `body`; ready for
    /// more headers (a request id, say).
    pub fn token_request(
        &self,
        client: &reqwest::Client,
        origin: &str,
        body: &serde_json::Value,
    ) -> reqwest::RequestBuilder {
        client
            .post(format!("{}{}", self.url, protocol::guest_api::GUEST_TOKEN_PATH))
            .header("origin", origin)
            .json(body)
    }

    /// Asks for a guest token as a page on `origin` would, with `body` as the request.
    ///
    /// # Errors
    /// When the middle tier cannot be reached.
    pub async fn ask_for_token(
        &self,
        client: &reqwest::Client,
        origin: &str,
        body: &serde_json::Value,
    ) -> reqwest::Result<reqwest::Response> {
        self.token_request(client, origin, body).send().await
    }
}

impl Drop for MiddleTier {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(true);
        }
    }
}

/// Middle tier settings pointing at `simulator`, with `extra` environment on top.
///
/// # Panics
/// When the settings are invalid; this is test wiring.
pub fn middle_tier_settings(simulator: &Simulator, extra: &[(&str, &str)]) -> Settings {
    let upstream = simulator
        .middle_tier_env()
        .expect("a simulator with an app and an endpoint");
    let vars = middle_tier_env(upstream, extra);
    Settings::load(None, &move |name: &str| vars.get(name).cloned()).expect("valid middle tier settings")
}

/// The environment of a middle tier for tests and benchmarks: `upstream`'s settings, plain
/// http allowed, caps lifted, and `extra` on top.
pub fn middle_tier_env(
    upstream: Vec<(&'static str, String)>,
    extra: &[(&str, &str)],
) -> std::collections::BTreeMap<String, String> {
    let mut vars: std::collections::BTreeMap<String, String> = upstream
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .chain(
            [
                // The simulator serves plain http on loopback.
                (middle_tier::config::ALLOW_HTTP_VARIABLE, "true"),
                // Tests send crowds of guests from one address; the caps have tests of
                // their own.
                ("GUEST_JOIN_REQUESTS_PER_MINUTE", "100000"),
                ("GUEST_JOIN_HEALTH_PER_MINUTE", "100000"),
                ("GUEST_JOIN_MAX_IN_FLIGHT", "100000"),
                ("GUEST_JOIN_MAX_CONNECTIONS", "100000"),
                ("GUEST_JOIN_MIN_KEY_REFRESH_SECS", "0"),
            ]
            .map(|(k, v)| (k.to_owned(), v.to_owned())),
        )
        .collect();
    for (k, v) in extra {
        vars.insert((*k).to_owned(), (*v).to_owned());
    }
    vars
}
