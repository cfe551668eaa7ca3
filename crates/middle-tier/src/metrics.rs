//! Prometheus metrics, in the OpenMetrics text format, served on an address of their own
//! (`metrics.listen`) and never on the public one.
//!
//! Each service instance has its own registry (no global recorder), so several instances
//! in one process, as in the tests, count separately.

use std::sync::Arc;

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::registry::Registry;

/// Buckets for upstream latency, in seconds: from a fast LAN answer to the deadline.
const LATENCY_BUCKETS: [f64; 12] = [
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 15.0,
];

/// A public error code.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct CodeLabels {
    /// `rate_limited`, `service_unavailable`, …
    pub code: String,
}

/// An upstream step.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct StepLabels {
    /// `aad_token`, `discover`, `applications`, `application`, `anon_token`, `adhoc_meeting`.
    pub step: &'static str,
}

/// An upstream step and how it failed.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct StepErrorLabels {
    /// As in [`StepLabels`].
    pub step: &'static str,
    /// `unavailable`, `unusable answer`, `misconfigured`, …
    pub kind: &'static str,
}

/// A cache and what a lookup found.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct CacheLabels {
    /// `aad_token` or `capabilities`.
    pub cache: &'static str,
    /// `hit` (cached), `refresh` (fetched by this lookup) or `shared` (waited for a fetch
    /// under way).
    pub outcome: &'static str,
}

/// A kind of route with its own rate limit.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct ClassLabels {
    /// `token`, `staff`, `callback` or `health`.
    pub class: &'static str,
}

/// Everything the service counts.
#[derive(Debug)]
pub struct Metrics {
    registry: Registry,
    /// Guest tokens handed out.
    pub tokens_minted: Counter,
    /// Errors answered, by public code.
    pub refusals: Family<CodeLabels, Counter>,
    /// Time each upstream request took, by step.
    pub upstream_duration: Family<StepLabels, Histogram>,
    /// Upstream failures, by step and kind.
    pub upstream_errors: Family<StepErrorLabels, Counter>,
    /// Guests told of a remembered upstream failure without asking the upstream.
    pub remembered_failures: Counter,
    /// Cache lookups, by cache and outcome.
    pub cache: Family<CacheLabels, Counter>,
    /// Requests refused by a rate limit, by route class.
    pub rate_limited: Family<ClassLabels, Counter>,
    /// Requests being handled now.
    pub in_flight: Gauge,
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

impl Metrics {
    /// A registry with every metric at zero.
    pub fn new() -> Self {
        let mut registry = Registry::with_prefix("guest_join");
        let tokens_minted = Counter::default();
        registry.register("tokens_minted", "Guest tokens handed out", tokens_minted.clone());
        let refusals = Family::<CodeLabels, Counter>::default();
        registry.register(
            "refusals",
            "Errors answered, by public error code",
            refusals.clone(),
        );
        let upstream_duration =
            Family::<StepLabels, Histogram>::new_with_constructor(|| Histogram::new(LATENCY_BUCKETS));
        registry.register(
            "upstream_request_duration_seconds",
            "Time each upstream request took, by step",
            upstream_duration.clone(),
        );
        let upstream_errors = Family::<StepErrorLabels, Counter>::default();
        registry.register(
            "upstream_errors",
            "Upstream failures, by step and kind",
            upstream_errors.clone(),
        );
        let remembered_failures = Counter::default();
        registry.register(
            "upstream_remembered_failures",
            "Guests told of a remembered upstream failure without asking the upstream",
            remembered_failures.clone(),
        );
        let cache = Family::<CacheLabels, Counter>::default();
        registry.register(
            "cache_lookups",
            "Lookups of the Azure AD token and capabilities caches, by outcome",
            cache.clone(),
        );
        let rate_limited = Family::<ClassLabels, Counter>::default();
        registry.register(
            "rate_limited",
            "Requests refused by a rate limit, by route class",
            rate_limited.clone(),
        );
        let in_flight = Gauge::default();
        registry.register(
            "requests_in_flight",
            "Requests being handled now",
            in_flight.clone(),
        );
        Self {
            registry,
            tokens_minted,
            refusals,
            upstream_duration,
            upstream_errors,
            remembered_failures,
            cache,
            rate_limited,
            in_flight,
        }
    }

    /// Everything, in the OpenMetrics text format.
    pub fn render(&self) -> String {
        let mut text = String::new();
        // Writing into a String cannot fail.
        let _ = prometheus_client::encoding::text::encode(&mut text, &self.registry);
        text
    }

    /// Counts a request in flight until the returned guard is dropped.
    pub fn in_flight(&self) -> InFlight {
        self.in_flight.inc();
        InFlight(self.in_flight.clone())
    }
}

/// A request in flight; dropping it counts it out.
#[derive(Debug)]
pub struct InFlight(Gauge);

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.dec();
    }
}

/// The metrics listener's routes: `GET /metrics`.
pub fn router(metrics: Arc<Metrics>) -> Router {
    Router::new()
        .route("/metrics", get(metrics_get))
        .with_state(metrics)
}

async fn metrics_get(State(metrics): State<Arc<Metrics>>) -> Response {
    let mut response = metrics.render().into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/openmetrics-text; version=1.0.0; charset=utf-8"),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counters_are_rendered_by_name_and_label() {
        let metrics = Metrics::new();
        metrics.tokens_minted.inc();
        metrics
            .refusals
            .get_or_create(&CodeLabels {
                code: "rate_limited".to_owned(),
            })
            .inc_by(2);
        metrics
            .upstream_duration
            .get_or_create(&StepLabels { step: "anon_token" })
            .observe(0.02);
        {
            let _request = metrics.in_flight();
            assert!(metrics.render().contains("guest_join_requests_in_flight 1"));
        }
        let text = metrics.render();
        for line in [
            "guest_join_tokens_minted_total 1",
            "guest_join_refusals_total{code=\"rate_limited\"} 2",
            "guest_join_upstream_request_duration_seconds_count{step=\"anon_token\"} 1",
            "guest_join_requests_in_flight 0",
            "# EOF",
        ] {
            assert!(text.contains(line), "{line} in\n{text}");
        }
    }
}
