//! How the middle tier holds up when many guests arrive at once: latency of
//! `POST /api/v1/guest-token` against the simulator, and how many upstream calls it makes.
//!
//! `cargo bench -p e2e --bench guest_tokens` (or `./x bench`). Prints figures; asserts
//! nothing about time.

use std::time::{Duration, Instant};

use e2e::{MiddleTier, middle_tier_settings, simulator_config};
use serde_json::json;
use simulator::Simulator;
use simulator::journal::Step;

const ORIGIN: &str = "https://bank.example";
const GUESTS: usize = 1_000;
const AT_ONCE: usize = 50;

fn main() {
    let runtime = e2e::runtime();
    runtime.block_on(bench());
}

async fn bench() {
    let sim = Simulator::start(simulator_config()).await.expect("simulator");
    let tier = MiddleTier::start(middle_tier_settings(
        &sim,
        &[("GUEST_JOIN_ALLOWED_ORIGINS", ORIGIN)],
    ))
    .await;
    let tier = std::sync::Arc::new(tier);
    let body = json!({"meetingUrl": sim.join_url("OPEN2024").expect("the demo meeting")});
    let client = reqwest::Client::new();
    let ask = |client: reqwest::Client, tier: std::sync::Arc<MiddleTier>, body: serde_json::Value| async move {
        let started = Instant::now();
        let response = tier
            .ask_for_token(&client, ORIGIN, &body)
            .await
            .expect("middle tier reachable");
        assert_eq!(response.status(), 200, "the guest got no token");
        started.elapsed()
    };

    let first = ask(client.clone(), std::sync::Arc::clone(&tier), body.clone()).await;
    println!(
        "guest_tokens: first guest (Azure AD token + discovery + token): {}",
        ms(first)
    );

    let started = Instant::now();
    let mut latencies = Vec::with_capacity(GUESTS);
    let mut running = tokio::task::JoinSet::new();
    for n in 0..GUESTS {
        if n >= AT_ONCE {
            latencies.push(running.join_next().await.expect("a guest").expect("no panic"));
        }
        running.spawn(ask(client.clone(), std::sync::Arc::clone(&tier), body.clone()));
    }
    while let Some(latency) = running.join_next().await {
        latencies.push(latency.expect("no panic"));
    }
    let wall = started.elapsed();
    latencies.sort();

    let count = |step: Step| sim.journal_count(step);
    println!(
        "guest_tokens: {GUESTS} guests, {AT_ONCE} at a time: {:.0} tokens/s; latency p50 {} p95 {} p99 {} max {}",
        GUESTS as f64 / wall.as_secs_f64(),
        ms(percentile(&latencies, 50)),
        ms(percentile(&latencies, 95)),
        ms(percentile(&latencies, 99)),
        ms(latencies[latencies.len() - 1]),
    );
    println!(
        "guest_tokens: upstream calls for {} guests: {} Azure AD token, {} discovery (discover, applications, application), {} anonApplicationTokens",
        GUESTS + 1,
        count(Step::AadToken),
        count(Step::TaapiDiscover) + count(Step::Applications) + count(Step::Application),
        count(Step::AnonToken),
    );
    // The simulator stands in for Microsoft; its share shows what is the middle tier's own.
    let mut upstream: Vec<Duration> = sim
        .journal()
        .iter()
        .filter(|e| e.step == Step::AnonToken)
        .map(|e| Duration::from_millis(e.latency_ms))
        .collect();
    upstream.sort();
    println!(
        "guest_tokens: the simulator's own time minting each token (RS256 signature): p50 {} p95 {}",
        ms(percentile(&upstream, 50)),
        ms(percentile(&upstream, 95)),
    );
    drop(tier);
    sim.shutdown().await;
}

fn percentile(sorted: &[Duration], p: usize) -> Duration {
    sorted[(sorted.len() * p / 100).min(sorted.len() - 1)]
}

fn ms(duration: Duration) -> String {
    format!("{:.1} ms", duration.as_secs_f64() * 1000.0)
}
