//! `guest-join-check` as staff and monitors run it: the built binary against a simulator
//! and a middle tier on loopback, judged by its exit status, its JSON and its text.

use std::process::Output;

use e2e::{MiddleTier, middle_tier_settings, simulator_config};
use serde_json::Value;
use simulator::Simulator;

const STAFF_KEY: &str = "staff-key-for-the-cli-tests-0123456789";
const LOBBY: &str = simulator::demo::LOBBY_MEETING;
const OPEN: &str = simulator::demo::OPEN_MEETING;

struct Stack {
    sim: Simulator,
    tier: MiddleTier,
}

async fn stack() -> Stack {
    stack_with(simulator_config()).await
}

async fn stack_with(config: simulator::config::SimConfig) -> Stack {
    let sim = Simulator::start(config).await.expect("simulator");
    let tier = MiddleTier::start(middle_tier_settings(&sim, &[("GUEST_JOIN_STAFF_KEY", STAFF_KEY)])).await;
    Stack { sim, tier }
}

/// Runs the binary with `args`, the staff key in its environment unless `key` is `None`.
async fn run(args: &[&str], key: Option<&str>) -> Output {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_guest-join-check"));
    command.args(args).env_remove("GUEST_JOIN_STAFF_KEY");
    if let Some(key) = key {
        command.env("GUEST_JOIN_STAFF_KEY", key);
    }
    tokio::task::spawn_blocking(move || command.output().expect("the binary runs"))
        .await
        .expect("joined")
}

/// Checks `link` through `tier` with the right staff key, asking for JSON.
async fn check_json(tier: &MiddleTier, link: &str, extra: &[&str]) -> Output {
    let mut args = vec![link, "--middle-tier", tier.url.as_str(), "--json"];
    args.extend_from_slice(extra);
    run(&args, Some(STAFF_KEY)).await
}

/// Checks `link` through `tier`, expecting "the link fails" (exit 1), and returns what was
/// printed and its JSON.
async fn failing_check(tier: &MiddleTier, link: &str) -> (Output, Value) {
    let output = check_json(tier, link, &[]).await;
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    let json = json_of(&output);
    assert_eq!(json["verdict"], "fails");
    (output, json)
}

fn json_of(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is JSON ({e}): {}\nstderr: {}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    })
}

/// Nothing printed may hold the staff key or a token.
fn assert_no_secrets(output: &Output) {
    let everything = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    for secret in [STAFF_KEY, "psat", "Bearer", "eyJ"] {
        assert!(
            !everything.contains(secret),
            "`{secret}` was printed: {everything}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_working_link_exits_0_with_every_step_passed() {
    let stack = stack().await;
    let link = stack.sim.join_url(LOBBY).expect("a demo meeting");
    let output = check_json(&stack.tier, &link, &[]).await;
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    let json = json_of(&output);
    assert_eq!(json["verdict"], "works");
    assert_eq!(json["exit_code"], 0);
    let steps = json["report"]["steps"].as_array().expect("steps");
    assert_eq!(steps.len(), 4);
    assert!(steps.iter().all(|s| s["outcome"] == "passed"), "{steps:#?}");
    assert_eq!(json["report"]["meeting_id"], LOBBY);
    assert_eq!(
        json["report"]["origin"],
        stack.tier.url.as_str().trim_end_matches('/')
    );
    assert_no_secrets(&output);
    // The check leaves nothing behind, and nobody joined.
    for _ in 0..100 {
        if stack.sim.applications().is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(stack.sim.applications().is_empty(), "the application was removed");
    assert!(stack.sim.guests_in(LOBBY).is_empty());

    // The same as text: the table staff read.
    let output = run(
        &[&link, "--middle-tier", stack.tier.url.as_str()],
        Some(STAFF_KEY),
    )
    .await;
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("Result:     WORKS"), "{text}");
    assert!(
        text.contains("4. A guest can be set up in the meeting service: passed in"),
        "{text}"
    );
    assert_no_secrets(&output);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn joining_adds_a_fifth_step_and_the_participant_leaves() {
    let stack = stack().await;
    let link = stack.sim.join_url(OPEN).expect("a demo meeting");
    let output = check_json(&stack.tier, &link, &["--join"]).await;
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    let json = json_of(&output);
    assert_eq!(json["report"]["steps"][4]["step"], "join_meeting");
    assert_eq!(json["report"]["steps"][4]["outcome"], "passed");
    assert!(stack.sim.guests_in(OPEN).is_empty(), "the check left the meeting");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bad_link_exits_1_at_the_first_step() {
    let stack = stack().await;
    let (output, json) =
        failing_check(&stack.tier, "https://example.com/not/a-meeting?invite=secret-ish").await;
    assert_eq!(json["report"]["steps"][0]["outcome"], "failed");
    assert_eq!(json["report"]["steps"][1]["outcome"], "not_run");
    assert!(
        !String::from_utf8_lossy(&output.stdout).contains("secret-ish"),
        "the link's query is not repeated"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_meeting_host_the_middle_tier_does_not_serve_exits_1_naming_the_setting() {
    let stack = stack().await;
    let (_, json) = failing_check(&stack.tier, "https://meet.elsewhere.example/contoso/sam/ADV1SE24").await;
    let step = &json["report"]["steps"][1];
    assert_eq!(step["outcome"], "failed");
    assert_eq!(step["code"], "meeting_host_not_allowed");
    assert!(step["request_id"].is_string(), "{step}");
    assert!(
        step["advice"]
            .as_str()
            .is_some_and(|a| a.contains("GUEST_JOIN_MEETING_HOSTS")),
        "{step}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_ended_meeting_exits_1_and_says_so() {
    let mut config = simulator_config();
    config.timers.adhoc_meeting_secs = 1;
    let stack = stack_with(config).await;
    // Staff make a meeting through the middle tier; it expires a second later.
    let created: Value = reqwest::Client::new()
        .post(format!("{}api/v1/staff/meetings", stack.tier.url))
        .bearer_auth(STAFF_KEY)
        .json(&serde_json::json!({"subject": "Short consultation"}))
        .send()
        .await
        .expect("sent")
        .json()
        .await
        .expect("json");
    let link = created["joinUrl"].as_str().expect("a join url").to_owned();
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    let (output, json) = failing_check(&stack.tier, &link).await;
    let step = &json["report"]["steps"][1];
    assert_eq!(step["code"], "meeting_not_found", "{step}");
    assert!(
        step["advice"].as_str().is_some_and(|a| a.contains("ended")),
        "{step}"
    );
    assert_no_secrets(&output);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_middle_tier_that_is_down_exits_2() {
    let closed = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a port");
        listener.local_addr().expect("bound")
    };
    let output = run(
        &[
            "https://meet.lync.com/contoso/sam/ADV1SE24",
            "--middle-tier",
            &format!("http://{closed}/"),
            "--json",
            "--timeout",
            "20",
        ],
        Some(STAFF_KEY),
    )
    .await;
    assert_eq!(
        output.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    let json = json_of(&output);
    assert_eq!(json["verdict"], "could_not_run");
    assert!(
        json["error"]
            .as_str()
            .is_some_and(|e| e.contains("did not answer")),
        "{json}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_missing_or_wrong_staff_key_exits_2_without_printing_it() {
    let stack = stack().await;
    let link = stack.sim.join_url(LOBBY).expect("a demo meeting");
    let output = run(&[&link, "--middle-tier", stack.tier.url.as_str()], None).await;
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("GUEST_JOIN_STAFF_KEY"));
    let output = run(
        &[&link, "--middle-tier", stack.tier.url.as_str(), "--json"],
        Some("not-the-staff-key"),
    )
    .await;
    assert_eq!(output.status.code(), Some(2));
    assert!(
        json_of(&output)["error"]
            .as_str()
            .is_some_and(|e| e.contains("refused the staff key"))
    );
    assert!(!String::from_utf8_lossy(&output.stdout).contains("not-the-staff-key"));
    // From a file, as a systemd unit or cron job would keep it.
    let dir = std::env::temp_dir().join(format!("guest-join-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let file = dir.join("staff.key");
    std::fs::write(&file, format!("{STAFF_KEY}\n")).expect("written");
    let output = run(
        &[
            &link,
            "--middle-tier",
            stack.tier.url.as_str(),
            "--staff-key-file",
            file.to_str().expect("utf-8"),
        ],
        None,
    )
    .await;
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn azure_ad_refusing_the_app_credentials_is_named_with_the_call_and_the_settings() {
    let sim = Simulator::start(simulator_config()).await.expect("simulator");
    let tier = MiddleTier::start(middle_tier_settings(
        &sim,
        &[
            ("GUEST_JOIN_STAFF_KEY", STAFF_KEY),
            ("GUEST_JOIN_CLIENT_SECRET", "a-secret-azure-ad-does-not-know"),
        ],
    ))
    .await;
    let link = sim.join_url(LOBBY).expect("a demo meeting");
    let (output, json) = failing_check(&tier, &link).await;
    let step = &json["report"]["steps"][1];
    assert_eq!(step["upstream"]["step"], "aad_token", "{step}");
    assert_eq!(step["upstream"]["status"], 401, "{step}");
    assert!(
        step["advice"]
            .as_str()
            .is_some_and(|a| a.contains("GUEST_JOIN_CLIENT_ID")),
        "{step}"
    );
    assert_no_secrets(&output);
    assert!(!String::from_utf8_lossy(&output.stdout).contains("a-secret-azure-ad-does-not-know"));
}
