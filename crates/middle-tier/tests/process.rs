//! The `middle-tier` program itself: its logs as text without colour codes when written to
//! a pipe, or as JSON lines; its metrics on their own listener and not on the public one;
//! and `middle-tier health`.

use std::process::Stdio;
use std::time::Duration;

use serde_json::Value;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

/// Settings whose upstream is a closed port, on ports the system picks.
fn program(format: &str) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_middle-tier"));
    command
        .env_clear()
        .envs([
            ("GUEST_JOIN_TENANT", "contoso.onmicrosoft.com"),
            ("GUEST_JOIN_CLIENT_ID", "app"),
            ("GUEST_JOIN_CLIENT_SECRET", "client-secret-never-shown"),
            ("GUEST_JOIN_ENDPOINT", "sip:helpdesk@contoso.onmicrosoft.com"),
            ("GUEST_JOIN_ALLOW_HTTP_UPSTREAMS", "true"),
            ("GUEST_JOIN_LOGIN_URL", "http://127.0.0.1:9/"),
            (
                "GUEST_JOIN_DISCOVER_URL",
                "http://127.0.0.1:9/platformservice/discover",
            ),
            ("GUEST_JOIN_LISTEN", "127.0.0.1:0"),
            ("GUEST_JOIN_METRICS_LISTEN", "127.0.0.1:0"),
            ("GUEST_JOIN_LOG_FORMAT", format),
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    command
}

/// The lines the program wrote until it said where it listens (the API's last). The pipe
/// is closed then, as a log collector that goes away would: requests must still work.
async fn start(child: &mut Child) -> Vec<String> {
    let stderr = child.stderr.take().expect("piped");
    let mut lines = BufReader::new(stderr).lines();
    let mut seen = Vec::new();
    let read = async {
        while let Some(line) = lines.next_line().await.expect("readable") {
            let done = line.contains("middle tier listening");
            seen.push(line);
            if done {
                break;
            }
        }
    };
    tokio::time::timeout(Duration::from_secs(20), read)
        .await
        .expect("listening within 20 s");
    seen
}

/// The value of `"field":"…"` in a JSON line.
fn field(lines: &[String], message: &str, name: &str) -> String {
    lines
        .iter()
        .filter_map(|line| serde_json::from_str::<Value>(line).ok())
        .find(|event| event["message"].as_str().is_some_and(|m| m.contains(message)))
        .and_then(|event| event[name].as_str().map(str::to_owned))
        .unwrap_or_else(|| panic!("no {message:?} event with {name} in {lines:#?}"))
}

#[tokio::test]
async fn json_logs_say_where_it_listens_and_metrics_are_served_apart() {
    let mut child = program("json").spawn().expect("started");
    let lines = start(&mut child).await;
    for line in &lines {
        let event: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
        assert!(
            event["level"].is_string() && event["timestamp"].is_string(),
            "{line}"
        );
        assert!(!line.contains("client-secret-never-shown"));
    }
    let api = field(&lines, "middle tier listening", "listen");
    let metrics = field(&lines, "metrics listening", "metrics");

    let client = reqwest::Client::new();
    let health = client
        .get(format!("http://{api}/healthz"))
        .send()
        .await
        .expect("sent");
    assert_eq!(health.status(), 200);
    let refused = client
        .post(format!("http://{api}/api/v1/guest-token"))
        .header("origin", "https://evil.example")
        .body("{}")
        .send()
        .await
        .expect("sent");
    assert_eq!(refused.status(), 403);

    let scraped = client
        .get(format!("http://{metrics}/metrics"))
        .send()
        .await
        .expect("sent");
    assert_eq!(scraped.status(), 200);
    assert!(
        scraped.headers()["content-type"]
            .to_str()
            .expect("ascii")
            .starts_with("application/openmetrics-text")
    );
    let text = scraped.text().await.expect("text");
    for line in [
        "guest_join_refusals_total{code=\"origin_not_allowed\"} 1",
        "guest_join_tokens_minted_total 0",
        "guest_join_requests_in_flight 0",
    ] {
        assert!(text.contains(line), "{line} in\n{text}");
    }
    let public = client
        .get(format!("http://{api}/metrics"))
        .send()
        .await
        .expect("sent");
    assert_eq!(public.status(), 404, "metrics are not for the public");

    let alive = Command::new(env!("CARGO_BIN_EXE_middle-tier"))
        .args(["health", &format!("http://{api}/healthz")])
        .status()
        .await
        .expect("ran");
    assert!(alive.success());
    child.kill().await.expect("stopped");
    let dead = Command::new(env!("CARGO_BIN_EXE_middle-tier"))
        .args(["health", &format!("http://{api}/healthz")])
        .stderr(Stdio::null())
        .status()
        .await
        .expect("ran");
    assert!(!dead.success(), "no answer once stopped");
}

#[tokio::test]
async fn text_logs_written_to_a_pipe_carry_no_colour_codes() {
    let mut child = program("text").spawn().expect("started");
    let lines = start(&mut child).await;
    let log = lines.join("\n");
    assert!(log.contains("middle tier listening"), "{log}");
    assert!(!log.contains('\u{1b}'), "no escape codes: {log:?}");
}

#[tokio::test]
async fn an_unknown_log_format_stops_the_start() {
    let output = program("yaml").output().await.expect("ran");
    assert_eq!(output.status.code(), Some(2));
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("GUEST_JOIN_LOG_FORMAT"), "{said}");
}
