//! The middle tier's logs never carry a token or a secret: captured through a whole token
//! exchange, an upstream failure and a refused callback. (Its own test binary: tracing's
//! callsite cache is global, so other tests in the same process could hide events.)

use e2e::{MiddleTier, middle_tier_settings, simulator_config};
use serde_json::json;
use simulator::Simulator;
use simulator::journal::Step;

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
async fn logs_never_carry_tokens_or_secrets() {
    let captured = Captured::default();
    let sink = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::DEBUG)
        .with_writer(move || sink.clone())
        .with_ansi(false)
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);
    let sim = Simulator::start(simulator_config()).await.expect("simulator");
    let tier = MiddleTier::start(middle_tier_settings(
        &sim,
        &[("GUEST_JOIN_ALLOWED_ORIGINS", BANK)],
    ))
    .await;
    let meeting = sim.join_url("OPEN2024").expect("the demo meeting");
    let ask = async |body: serde_json::Value| {
        let response = tier
            .ask_for_token(&reqwest::Client::new(), BANK, &body)
            .await
            .expect("sent");
        let status = response.status().as_u16();
        (status, response.json::<serde_json::Value>().await.expect("json"))
    };
    let (status, body) = ask(json!({"meetingUrl": meeting})).await;
    assert_eq!(status, 200);
    let token = body["token"].as_str().expect("token").to_owned();
    sim.inject_failure(simulator::faults::FailureRule {
        step: Step::AnonToken,
        status: 500,
        retry_after: None,
        times: 1,
    });
    assert_eq!(ask(json!({"meetingUrl": meeting})).await.0, 503);
    let refused = reqwest::Client::new()
        .post(format!("{}api/v1/callback", tier.url))
        .bearer_auth("eyJhbGciOiJSUzI1NiJ9.eyJ4IjoxfQ.c2ln")
        .json(&json!({}))
        .send()
        .await
        .expect("sent");
    assert_eq!(refused.status(), 401);
    let log = String::from_utf8(captured.0.lock().expect("log").clone()).expect("utf8");
    assert!(log.contains("request"), "the log was captured");
    for secret in [token.as_str(), "psat=", "eyJ", "e2e-client-secret"] {
        assert!(
            !log.contains(secret),
            "the log holds {}",
            if secret.len() > 12 { "a token" } else { secret }
        );
    }
    sim.shutdown().await;
}
