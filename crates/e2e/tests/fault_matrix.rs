//! The fault matrix: the middle tier against each upstream failure the simulator can
//! inject. For every row it checks, and prints with figures:
//! - what the guest is told (status, public code, `Retry-After`) and how long it waited;
//! - what goes upstream while the failure lasts, with a queue of guests asking;
//! - what the log and the metrics show;
//! - that the service recovers by itself once the upstream is back, and how fast.
//!
//! `cargo test -p e2e --test fault_matrix -- --nocapture` prints the table recorded in
//! BENCHMARKS.md. The middle tier runs with its default deadline (12 s) and failure memory
//! (5 s). Rows run side by side, each against its own simulator; the crowd of a thousand
//! runs alone afterwards.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use e2e::{MiddleTier, middle_tier_settings, sample, simulator_config};
use middle_tier::logging::{self, LogFormat};
use serde_json::{Value, json};
use simulator::Simulator;
use simulator::faults::{FailureRule, Faults, Latency, WrongAnswer, WrongAnswerRule};
use simulator::journal::Step;
use tracing_subscriber::EnvFilter;

const BANK: &str = "https://bank.example";
/// Guests who ask at once while the failure lasts, after the first one met it.
const QUEUE: usize = 20;
/// The crowd of the last row.
const CROWD: usize = 1000;
/// More failures than any row causes.
const FOR_GOOD: u32 = 1_000_000;

/// Every log line of the test, as JSON.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("log buffer").extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Captured {
    /// The first warning or error the middle tier logged for a request of `row`.
    fn warning_of(&self, row: &str) -> Option<String> {
        let log = String::from_utf8_lossy(&self.0.lock().expect("log buffer")).into_owned();
        log.lines()
            .filter_map(|line| serde_json::from_str::<Value>(line).ok())
            .find(|event| {
                event["span"]["request_id"]
                    .as_str()
                    .is_some_and(|id| id.starts_with(&format!("{row}_")))
                    && matches!(event["level"].as_str(), Some("WARN" | "ERROR"))
                    && event["target"]
                        .as_str()
                        .is_some_and(|t| t.starts_with("middle_tier"))
            })
            .map(|event| {
                let message = event["message"].as_str().unwrap_or_default();
                match event["step"].as_str() {
                    Some(step) => format!("{message} ({step})"),
                    None => message.to_owned(),
                }
            })
    }
}

/// What the simulator is made to do.
#[derive(Clone, Debug)]
enum Fault {
    Status {
        step: Step,
        status: u16,
        retry_after: Option<u64>,
    },
    Slow {
        step: Step,
        millis: u64,
    },
    Wrong {
        step: Step,
        answer: WrongAnswer,
    },
}

impl Fault {
    fn inject(&self, sim: &Simulator) {
        match self.clone() {
            Self::Status {
                step,
                status,
                retry_after,
            } => sim.inject_failure(FailureRule {
                step,
                status,
                retry_after,
                times: FOR_GOOD,
            }),
            Self::Slow { step, millis } => sim.set_faults(Faults {
                latency: Some(Latency {
                    millis,
                    host: None,
                    step: Some(step),
                }),
                ..sim.faults()
            }),
            Self::Wrong { step, answer } => sim.inject_wrong_answer(WrongAnswerRule {
                step,
                answer,
                times: FOR_GOOD,
            }),
        }
    }
}

/// One row of the matrix.
struct Row {
    key: &'static str,
    title: &'static str,
    fault: Fault,
    /// Whether the caches are warm when the fault begins (an instance that has served
    /// guests); faults of Azure AD and discovery only show on a cold one.
    warm: bool,
    /// What the guest must be told: status and public code.
    told: (u16, &'static str),
    /// The metric that must have counted it.
    metric: &'static str,
    /// How many guests ask at once after the first.
    queue: usize,
}

/// What a row measured.
struct Outcome {
    told: String,
    first_waited: Duration,
    queue_waited: Duration,
    upstream_during: usize,
    guests_during: usize,
    warning: String,
    metric: String,
    recovered_after: Duration,
}

struct Answer {
    status: u16,
    code: String,
    retry_after: Option<String>,
    retryable: bool,
    message: String,
}

async fn ask(client: &reqwest::Client, tier: &MiddleTier, meeting: &str, request_id: &str) -> Answer {
    let response = tier
        .token_request(client, BANK, &json!({"meetingUrl": meeting}))
        .header("x-request-id", request_id)
        .send()
        .await
        .expect("the middle tier answers");
    let status = response.status().as_u16();
    let retry_after = response
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let body: Value = response.json().await.expect("json");
    Answer {
        status,
        code: body["error"].as_str().unwrap_or("(a token)").to_owned(),
        retry_after,
        retryable: body["retryable"].as_bool().unwrap_or(false),
        message: body["message"].as_str().unwrap_or_default().to_owned(),
    }
}

/// Upstream requests the middle tier has made, as its metrics count them: every attempt,
/// the abandoned ones included (the simulator journals a request only when it answers).
async fn upstream_requests(tier: &MiddleTier) -> usize {
    let prefix = "guest_join_upstream_request_duration_seconds_count{";
    tier.metrics()
        .await
        .lines()
        .filter(|line| line.starts_with(prefix))
        .filter_map(|line| line.rsplit(' ').next()?.parse::<f64>().ok())
        .sum::<f64>() as usize
}

async fn run(row: Row, log: Captured) -> (Row, Outcome) {
    let sim = Simulator::start(simulator_config()).await.expect("simulator");
    let tier = MiddleTier::start(middle_tier_settings(
        &sim,
        &[("GUEST_JOIN_ALLOWED_ORIGINS", BANK)],
    ))
    .await;
    let meeting = sim.join_url("OPEN2024").expect("the demo meeting");
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(CROWD)
        .build()
        .expect("client");
    if row.warm {
        let warmed = ask(&client, &tier, &meeting, &format!("{}_warm", row.key)).await;
        assert_eq!(warmed.status, 200, "{}: warming up", row.title);
    }

    // The failure begins; a guest meets it, then a queue of guests asks at once.
    row.fault.inject(&sim);
    let upstream_before = upstream_requests(&tier).await;
    let started = Instant::now();
    let first = ask(&client, &tier, &meeting, &format!("{}_first", row.key)).await;
    let first_waited = started.elapsed();
    assert_eq!(
        (first.status, first.code.as_str()),
        row.told,
        "{}: {}",
        row.title,
        first.message
    );
    assert!(first.retryable, "{}: a guest may try again", row.title);
    assert!(first.retry_after.is_some(), "{}: and is told when", row.title);
    assert!(
        !first.message.is_empty() && !first.message.contains('{'),
        "{}: a sentence",
        row.title
    );
    assert!(
        first_waited < Duration::from_secs(13),
        "{}: answered before the app gives up at 20 s: {first_waited:?}",
        row.title
    );
    let queued = Instant::now();
    let mut queue = tokio::task::JoinSet::new();
    for n in 0..row.queue {
        let request = tier
            .token_request(&client, BANK, &json!({"meetingUrl": meeting}))
            .header("x-request-id", format!("{}_queue_{n}", row.key));
        queue.spawn(async move {
            let response = request.send().await.expect("the middle tier answers");
            (
                response.status().as_u16(),
                response.headers().contains_key("retry-after"),
            )
        });
    }
    while let Some(answered) = queue.join_next().await {
        let (status, retry_after) = answered.expect("no panic");
        assert_eq!(status, row.told.0, "{}: a queued guest", row.title);
        assert!(retry_after, "{}: a queued guest is told when", row.title);
    }
    let queue_waited = queued.elapsed();
    let upstream_during = upstream_requests(&tier).await - upstream_before;
    assert!(
        upstream_during <= 2 * (3 + 4),
        "{}: the queue did not repeat the chain: {upstream_during} upstream requests",
        row.title
    );
    let scraped = tier.metrics().await;
    let counted = sample(&scraped, row.metric);
    assert!(
        counted >= 1.0,
        "{}: {} counted it in\n{scraped}",
        row.title,
        row.metric
    );
    let remembered = sample(&scraped, "guest_join_upstream_remembered_failures_total");
    assert!(
        remembered >= 1.0,
        "{}: queued guests were told of the remembered failure",
        row.title
    );

    // The upstream comes back: the service recovers by itself.
    sim.set_faults(Faults::default());
    let cleared = Instant::now();
    let mut attempt = 0;
    loop {
        let answer = ask(
            &client,
            &tier,
            &meeting,
            &format!("{}_recover_{attempt}", row.key),
        )
        .await;
        if answer.status == 200 {
            break;
        }
        // The longest a failure is remembered is a minute, when Retry-After asks.
        assert!(
            cleared.elapsed() < Duration::from_secs(65),
            "{}: still {} 65 s after the upstream came back",
            row.title,
            answer.status
        );
        attempt += 1;
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let recovered_after = cleared.elapsed();
    let warning = log
        .warning_of(row.key)
        .unwrap_or_else(|| panic!("{}: no warning logged for its requests", row.title));
    let outcome = Outcome {
        told: format!(
            "{} `{}`, Retry-After {}",
            first.status,
            first.code,
            first.retry_after.unwrap_or_default()
        ),
        first_waited,
        queue_waited,
        upstream_during,
        guests_during: 1 + row.queue,
        warning,
        metric: format!("`{}` {counted}", row.metric),
        recovered_after,
    };
    sim.shutdown().await;
    (row, outcome)
}

fn rows() -> Vec<Row> {
    let anon = Step::AnonToken;
    let row = |key, title, fault, warm, told, metric| Row {
        key,
        title,
        fault,
        warm,
        told,
        metric,
        queue: QUEUE,
    };
    vec![
        row(
            "aad-down",
            "Azure AD down (503)",
            Fault::Status {
                step: Step::AadToken,
                status: 503,
                retry_after: None,
            },
            false,
            (503, "service_unavailable"),
            "guest_join_upstream_errors_total{step=\"aad_token\",kind=\"unavailable\"}",
        ),
        row(
            "discover-503",
            "discovery 503",
            Fault::Status {
                step: Step::TaapiDiscover,
                status: 503,
                retry_after: None,
            },
            false,
            (503, "service_unavailable"),
            "guest_join_upstream_errors_total{step=\"discover\",kind=\"unavailable\"}",
        ),
        row(
            "anon-500",
            "anonApplicationTokens 500",
            Fault::Status {
                step: anon,
                status: 500,
                retry_after: None,
            },
            true,
            (503, "service_unavailable"),
            "guest_join_upstream_errors_total{step=\"anon_token\",kind=\"unavailable\"}",
        ),
        row(
            "anon-503",
            "anonApplicationTokens 503",
            Fault::Status {
                step: anon,
                status: 503,
                retry_after: None,
            },
            true,
            (503, "service_unavailable"),
            "guest_join_upstream_errors_total{step=\"anon_token\",kind=\"unavailable\"}",
        ),
        row(
            "anon-503-ra",
            "anonApplicationTokens 503, Retry-After: 2",
            Fault::Status {
                step: anon,
                status: 503,
                retry_after: Some(2),
            },
            true,
            (503, "service_unavailable"),
            "guest_join_upstream_errors_total{step=\"anon_token\",kind=\"unavailable\"}",
        ),
        row(
            "anon-500-ra",
            "anonApplicationTokens 500, Retry-After: 10",
            Fault::Status {
                step: anon,
                status: 500,
                retry_after: Some(10),
            },
            true,
            (503, "service_unavailable"),
            "guest_join_upstream_errors_total{step=\"anon_token\",kind=\"unavailable\"}",
        ),
        row(
            "slow",
            "anonApplicationTokens slower than the deadline (15 s)",
            Fault::Slow {
                step: anon,
                millis: 15_000,
            },
            true,
            (503, "service_unavailable"),
            "guest_join_upstream_errors_total{step=\"anon_token\",kind=\"unavailable\"}",
        ),
        row(
            "malformed",
            "anonApplicationTokens 200 with malformed JSON",
            Fault::Wrong {
                step: anon,
                answer: WrongAnswer::MalformedJson,
            },
            true,
            (502, "service_unavailable"),
            "guest_join_upstream_errors_total{step=\"anon_token\",kind=\"unusable answer\"}",
        ),
        row(
            "offsite",
            "anonApplicationTokens 307 to a foreign host",
            Fault::Wrong {
                step: anon,
                answer: WrongAnswer::RedirectOffSite,
            },
            true,
            (502, "service_unavailable"),
            "guest_join_upstream_errors_total{step=\"anon_token\",kind=\"unusable answer\"}",
        ),
        row(
            "loop",
            "anonApplicationTokens redirect loop",
            Fault::Wrong {
                step: anon,
                answer: WrongAnswer::RedirectLoop,
            },
            true,
            (502, "service_unavailable"),
            "guest_join_upstream_errors_total{step=\"anon_token\",kind=\"unusable answer\"}",
        ),
    ]
}

fn ms(duration: Duration) -> String {
    format!("{} ms", duration.as_millis())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_upstream_fault_is_told_plainly_remembered_and_recovered_from() {
    let log = Captured::default();
    let sink = log.clone();
    tracing::subscriber::set_global_default(logging::subscriber(
        LogFormat::Json,
        EnvFilter::new("middle_tier=info"),
        move || sink.clone(),
        false,
    ))
    .expect("the only subscriber of this test binary");

    let mut running = tokio::task::JoinSet::new();
    for row in rows() {
        running.spawn(run(row, log.clone()));
    }
    let mut results = Vec::new();
    while let Some(finished) = running.join_next().await {
        results.push(finished.expect("no panic"));
    }
    let order: Vec<&str> = rows().iter().map(|row| row.key).collect();
    results.sort_by_key(|(row, _)| order.iter().position(|key| *key == row.key));
    // The crowd alone, so its figures are its own.
    results.push(
        run(
            Row {
                key: "crowd",
                title: "a thousand guests during an anonApplicationTokens 503 outage",
                fault: Fault::Status {
                    step: Step::AnonToken,
                    status: 503,
                    retry_after: None,
                },
                warm: true,
                told: (503, "service_unavailable"),
                metric: "guest_join_upstream_remembered_failures_total",
                queue: CROWD,
            },
            log.clone(),
        )
        .await,
    );

    println!(
        "\n| fault | the guest is told | first guest waited | then {QUEUE} (or {CROWD}) at once waited | \
         upstream requests during the outage (guests) | log | metric | recovered after the upstream returned |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    for (row, outcome) in &results {
        println!(
            "| {} | {} | {} | {} | {} ({}) | {} | {} | {} |",
            row.title,
            outcome.told,
            ms(outcome.first_waited),
            ms(outcome.queue_waited),
            outcome.upstream_during,
            outcome.guests_during,
            outcome.warning,
            outcome.metric,
            ms(outcome.recovered_after),
        );
    }
}
