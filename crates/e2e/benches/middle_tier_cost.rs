//! What the middle tier itself costs: guest tokens per second and latency at 1, 50 and 500
//! guests at once, against an upstream that answers at once with canned documents
//! ([`e2e::free_upstream`]), and its resident memory with 10,000 requests at once.
//!
//! The middle tier runs in its own process (this benchmark started again in that role), so
//! its memory is its own; the load and the stand-in upstream share the other process and
//! the same 2 cores. No log subscriber is installed in that process, so nothing is logged.
//!
//! `cargo bench -p e2e --bench middle_tier_cost` (or `./x bench`). Prints figures; asserts
//! nothing about time.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use e2e::MiddleTier;
use e2e::free_upstream::FreeUpstream;
use serde_json::json;

/// Set in the middle tier's process.
const ROLE: &str = "GUEST_JOIN_BENCH_ROLE";
const ORIGIN: &str = "https://bank.example";
const MEETING: &str = "https://meet.lync.com/contoso/riley/BENCH001";
/// Guests at once, and how many tokens each level asks for.
const LEVELS: [(usize, usize); 3] = [(1, 2_000), (50, 20_000), (500, 20_000)];
/// Requests at once for the memory figure.
const CROWD: usize = 10_000;

fn main() {
    if std::env::var_os(ROLE).is_some() {
        e2e::runtime().block_on(serve_middle_tier());
    } else {
        e2e::runtime().block_on(bench());
    }
}

/// The middle tier's process: serves until its input closes.
async fn serve_middle_tier() {
    let settings = middle_tier::config::Settings::load(None, &|name: &str| std::env::var(name).ok())
        .expect("valid settings from the benchmark");
    let tier = MiddleTier::start(settings).await;
    println!("{}", tier.url);
    let _ = tokio::task::spawn_blocking(|| std::io::copy(&mut std::io::stdin(), &mut std::io::sink())).await;
}

async fn bench() {
    let upstream = FreeUpstream::start().await;
    let env = e2e::middle_tier_env(
        upstream.middle_tier_env(),
        &[("GUEST_JOIN_ALLOWED_ORIGINS", ORIGIN)],
    );
    let mut child = Command::new(std::env::current_exe().expect("this benchmark's path"))
        .env(ROLE, "middle-tier")
        .envs(env)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("the middle tier's process");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("its output"))
        .read_line(&mut line)
        .expect("its address");
    let tier = Arc::new(
        url::Url::parse(line.trim())
            .expect("its address")
            .join(protocol::guest_api::GUEST_TOKEN_PATH)
            .expect("url"),
    );
    let pid = child.id();
    let client = reqwest::Client::new();
    let first = ask(&client, &tier).await;
    println!(
        "middle_tier_cost: first guest (Azure AD token, discovery, token): {}",
        ms(first)
    );
    let settled = memory(pid);
    for (at_once, guests) in LEVELS {
        let (wall, latencies) = crowd(&client, &tier, guests, at_once).await;
        println!(
            "middle_tier_cost: {guests} guests, {at_once} at a time: {:.0} tokens/s; latency p50 {} p95 {} p99 {} max {}",
            guests as f64 / wall.as_secs_f64(),
            ms(percentile(&latencies, 50)),
            ms(percentile(&latencies, 95)),
            ms(percentile(&latencies, 99)),
            ms(latencies[latencies.len() - 1]),
        );
    }
    // A fresh client per guest, so each of the crowd holds its own connection.
    let before = memory(pid);
    let started = Instant::now();
    let mut running = tokio::task::JoinSet::new();
    for _ in 0..CROWD {
        let tier = Arc::clone(&tier);
        running.spawn(async move {
            let client = reqwest::Client::builder()
                .pool_max_idle_per_host(0)
                .build()
                .expect("client");
            client
                .post(tier.as_str())
                .header("origin", ORIGIN)
                .json(&json!({"meetingUrl": MEETING}))
                .send()
                .await
                .map(|r| r.status().as_u16())
        });
    }
    let (mut served, mut refused) = (0, 0);
    while let Some(outcome) = running.join_next().await {
        match outcome.expect("no panic") {
            Ok(200) => served += 1,
            _ => refused += 1,
        }
    }
    let after = memory(pid);
    println!(
        "middle_tier_cost: {CROWD} requests at once: {served} tokens, {refused} not, in {}; resident memory {} MB after the first guest, {} MB before the crowd, peak {} MB, {} MB after",
        ms(started.elapsed()),
        settled.resident_kb / 1024,
        before.resident_kb / 1024,
        after.peak_kb / 1024,
        after.resident_kb / 1024,
    );
    println!(
        "middle_tier_cost: Azure AD token requests in all: {}",
        upstream.aad_requests.load(Ordering::Relaxed)
    );
    drop(child.stdin.take());
    let _ = child.wait();
}

async fn ask(client: &reqwest::Client, tier: &url::Url) -> Duration {
    let started = Instant::now();
    let response = client
        .post(tier.as_str())
        .header("origin", ORIGIN)
        .json(&json!({"meetingUrl": MEETING}))
        .send()
        .await
        .expect("the middle tier answers");
    assert_eq!(response.status(), 200, "no token: {:?}", response.text().await);
    started.elapsed()
}

async fn crowd(
    client: &reqwest::Client,
    tier: &Arc<url::Url>,
    guests: usize,
    at_once: usize,
) -> (Duration, Vec<Duration>) {
    let started = Instant::now();
    let mut latencies = Vec::with_capacity(guests);
    let mut running = tokio::task::JoinSet::new();
    for n in 0..guests {
        if n >= at_once {
            latencies.push(running.join_next().await.expect("a guest").expect("no panic"));
        }
        let (client, tier) = (client.clone(), Arc::clone(tier));
        running.spawn(async move { ask(&client, &tier).await });
    }
    while let Some(latency) = running.join_next().await {
        latencies.push(latency.expect("no panic"));
    }
    let wall = started.elapsed();
    latencies.sort();
    (wall, latencies)
}

/// A process's resident and peak resident memory, from `/proc`.
#[derive(Clone, Copy, Debug, Default)]
struct Memory {
    resident_kb: u64,
    peak_kb: u64,
}

fn memory(pid: u32) -> Memory {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or(0)
    };
    Memory {
        resident_kb: field("VmRSS:"),
        peak_kb: field("VmHWM:"),
    }
}

fn percentile(sorted: &[Duration], p: usize) -> Duration {
    sorted[(sorted.len() * p / 100).min(sorted.len() - 1)]
}

fn ms(duration: Duration) -> String {
    format!("{:.2} ms", duration.as_secs_f64() * 1000.0)
}
