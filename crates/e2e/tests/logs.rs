//! The middle tier's logs never carry a token or a secret, and every event of a request
//! carries its request id: captured as JSON lines through a whole token exchange, an
//! upstream failure and a refused callback. (Its own test binary: tracing's callsite cache
//! is global, so other tests in the same process could hide events.)

use e2e::{MiddleTier, middle_tier_settings, simulator_config};
use middle_tier::logging::{self, LogFormat};
use serde_json::{Value, json};
use simulator::Simulator;
use simulator::journal::Step;
use tracing_subscriber::EnvFilter;

const BANK: &str = "https://bank.example";

/// A log sink for one test.
#[derive(Clone, Default)]
struct Captured(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("log buffer").extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn logs_carry_request_ids_and_never_tokens_or_secrets() {
    let captured = Captured::default();
    let sink = captured.clone();
    // Everything, the simulator and libraries included, at debug: a secret anywhere fails.
    let subscriber = logging::subscriber(
        LogFormat::Json,
        EnvFilter::new("debug"),
        move || sink.clone(),
        false,
    );
    let _guard = tracing::subscriber::set_default(subscriber);
    let sim = Simulator::start(simulator_config()).await.expect("simulator");
    let tier = MiddleTier::start(middle_tier_settings(
        &sim,
        &[("GUEST_JOIN_ALLOWED_ORIGINS", BANK)],
    ))
    .await;
    let meeting = sim.join_url("OPEN2024").expect("the demo meeting");
    let ask = async |request_id: &str| {
        let response = tier
            .token_request(&reqwest::Client::new(), BANK, &json!({"meetingUrl": meeting}))
            .header("x-request-id", request_id)
            .send()
            .await
            .expect("sent");
        let status = response.status().as_u16();
        (status, response.json::<Value>().await.expect("json"))
    };
    let (status, body) = ask("log-test-mint").await;
    assert_eq!(status, 200);
    let token = body["token"].as_str().expect("token").to_owned();
    sim.inject_failure(simulator::faults::FailureRule {
        step: Step::AnonToken,
        status: 500,
        retry_after: None,
        times: 1,
    });
    assert_eq!(ask("log-test-outage").await.0, 503);
    let refused = reqwest::Client::new()
        .post(format!("{}api/v1/callback", tier.url))
        .bearer_auth("eyJhbGciOiJSUzI1NiJ9.eyJ4IjoxfQ.c2ln")
        .json(&json!({}))
        .send()
        .await
        .expect("sent");
    assert_eq!(refused.status(), 401);

    let log = String::from_utf8(captured.0.lock().expect("log").clone()).expect("utf8");
    let events: Vec<Value> = log
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: not a JSON line: {line}")))
        .collect();
    let of_request = |id: &str, message: &str| {
        events.iter().any(|event| {
            event["span"]["request_id"] == id
                && event["target"]
                    .as_str()
                    .is_some_and(|t| t.starts_with("middle_tier"))
                && event["message"].as_str().is_some_and(|m| m.contains(message))
        })
    };
    // Events only the middle tier emits, inside the request that caused them.
    assert!(
        of_request("log-test-mint", "got an Azure AD token"),
        "the token exchange was logged with its request id"
    );
    assert!(
        of_request("log-test-outage", "upstream failed"),
        "the failure was logged with its request id"
    );
    assert!(
        events.iter().any(|event| event["message"] == "request"
            && event["request_id"] == "log-test-outage"
            && event["status"] == 503),
        "one line per request, with its status"
    );
    for secret in [token.as_str(), "psat=", "eyJ", "e2e-client-secret"] {
        assert!(
            !log.contains(secret),
            "the log holds {}",
            if secret.len() > 12 { "a token" } else { secret }
        );
    }
    sim.shutdown().await;
}
