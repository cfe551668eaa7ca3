//! CORS as the guest token allows it, preflights in the journal, and application and lobby
//! lifetimes.

mod support;

use std::time::Duration;

use protocol::join::{Ending, Phase};
use serde_json::{Value, json};
use simulator::config::Timers;
use support::*;

#[tokio::test]
async fn only_origins_in_the_token_get_cors_headers() {
    let sim = start().await;
    let client = client();
    let token = guest_token(sim.hosts(), &join_url(&sim, OPEN), "cors", ORIGIN)
        .await
        .expect("token");
    let create = format!("{}ucwa/psanon/v1/applications", sim.hosts().webpool);
    let preflight = |origin: &str| {
        client
            .request(reqwest::Method::OPTIONS, &create)
            .header("origin", origin)
            .header("access-control-request-method", "POST")
            .header("access-control-request-headers", "authorization, content-type")
            .send()
    };
    let allowed = preflight(ORIGIN).await.expect("sent");
    assert_eq!(allowed.status(), 204);
    assert_eq!(allowed.headers()["access-control-allow-origin"], ORIGIN);
    assert!(
        allowed.headers()["access-control-allow-headers"]
            .to_str()
            .expect("ascii")
            .contains("Authorization")
    );
    assert_eq!(
        allowed.headers()["access-control-allow-methods"],
        "POST",
        "the methods the resource supports, and not OPTIONS"
    );
    assert_eq!(allowed.headers()["access-control-max-age"], "7200");
    let refused = preflight("https://evil.example").await.expect("sent");
    assert_eq!(refused.status(), 403);
    assert!(!refused.headers().contains_key("access-control-allow-origin"));
    assert!(
        refused.headers()["x-ms-diagnostics"]
            .to_str()
            .expect("ascii")
            .contains("does not allow a cross domain request")
    );

    // Actual requests: discover from a foreign origin is refused before anything happens.
    let response = client
        .get(&token.discover_url)
        .header("origin", "https://evil.example")
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), 403);
    assert!(!response.headers().contains_key("access-control-allow-origin"));
    let response = client
        .get(&token.discover_url)
        .header("origin", ORIGIN)
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["access-control-allow-origin"], ORIGIN);
    assert!(
        response.headers()["access-control-expose-headers"]
            .to_str()
            .expect("ascii")
            .contains("Location")
    );

    let journal: Value = Control::new(&sim).get("/control/journal").await;
    let preflights = journal
        .as_array()
        .expect("entries")
        .iter()
        .filter(|e| e["preflight"] == true)
        .count();
    assert_eq!(preflights, 2, "the journal counts preflights");
    assert!(
        journal
            .as_array()
            .expect("entries")
            .iter()
            .all(|e| !e["path"].as_str().unwrap_or_default().contains("eyJ")),
        "no token in the journal"
    );
    sim.shutdown().await;
}

/// Waits until `condition` holds, checking every 50 ms, for `at_most`.
async fn until(at_most: Duration, what: &str, condition: impl Fn() -> bool) {
    let deadline = std::time::Instant::now() + at_most;
    while !condition() {
        assert!(
            std::time::Instant::now() < deadline,
            "{what}: not within {at_most:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn short_lived() -> simulator::config::SimConfig {
    let mut config = config();
    config.timers = Timers {
        app_idle_secs: 1,
        app_forget_secs: 2,
        lobby_timeout_secs: 1,
        min_event_timeout_secs: 1,
        default_event_timeout_secs: 1,
        ..Timers::default()
    };
    config
}

#[tokio::test]
async fn idle_applications_expire_then_are_forgotten() {
    let sim = simulator::Simulator::start(short_lived()).await.expect("starts");
    let client = client();
    let token = guest_token(sim.hosts(), &join_url(&sim, OPEN), "idle", ORIGIN)
        .await
        .expect("token");
    let webpool = sim.hosts().webpool.as_str().trim_end_matches('/');
    let app: Value = post_json(
        &client,
        format!("{webpool}/ucwa/psanon/v1/applications"),
        token.token.expose(),
        &json!({"culture": "en-us", "userAgent": "idle", "anonymousDisplayName": "Idle Guest"}),
    )
    .await;
    let events = app["_links"]["events"]["href"]
        .as_str()
        .expect("events")
        .to_owned();
    let poll = || {
        client
            .get(format!("{webpool}{events}"))
            .bearer_auth(token.token.expose())
            .send()
    };
    // Nothing keeps it alive (no poll is parked): it expires after a second of idleness.
    let idle = |sim: &simulator::Simulator| sim.applications().into_iter().find(|a| a.name == "Idle Guest");
    until(Duration::from_secs(10), "the application expires", || {
        idle(&sim).is_some_and(|a| a.expired)
    })
    .await;
    let response = poll().await.expect("sent");
    assert_eq!(response.status(), 410);
    assert_eq!(
        response.json::<Value>().await.expect("json")["subcode"],
        "InactiveApplicationExpired"
    );
    until(Duration::from_secs(10), "the application is forgotten", || {
        idle(&sim).is_none()
    })
    .await;
    let response = poll().await.expect("sent");
    assert_eq!(response.status(), 404);
    assert_eq!(
        response.json::<Value>().await.expect("json")["subcode"],
        "ApplicationNotFound"
    );
    sim.shutdown().await;
}

#[tokio::test]
async fn nobody_admitting_the_guest_times_the_lobby_out() {
    let sim = simulator::Simulator::start(short_lived()).await.expect("starts");
    let mut guest = Driver::new(&sim, LOBBY);
    guest.join("Patient Guest").await;
    assert!(matches!(guest.machine.phase(), Phase::Lobby { .. }));
    assert_eq!(guest.until_over().await, Ending::LobbyTimedOut);
    sim.shutdown().await;
}

#[tokio::test]
async fn a_parked_poll_keeps_the_application_alive() {
    let sim = simulator::Simulator::start(short_lived()).await.expect("starts");
    let mut guest = Driver::new(&sim, OPEN);
    guest.join("Ada").await;
    let first = guest.application();
    // Several idle timeouts pass; the machine's parked polls keep the application.
    guest.run_for(Duration::from_secs(4)).await;
    assert!(matches!(guest.machine.phase(), Phase::InMeeting { .. }));
    assert_eq!(guest.application(), first, "no re-creation was needed");
    sim.shutdown().await;
}

#[tokio::test]
async fn preflights_list_each_resources_methods_and_options_only_with_the_quirk() {
    let sim = start().await;
    let client = client();
    let mut guest = Driver::new(&sim, OPEN);
    guest.join("Ada").await;
    let webpool = sim.hosts().webpool.as_str().trim_end_matches('/');
    let app = format!("{webpool}/ucwa/psanon/v1/applications/{}", guest.application());
    let methods = |url: String| {
        let client = client.clone();
        async move {
            let answer = client
                .request(reqwest::Method::OPTIONS, &url)
                .header("origin", ORIGIN)
                .header("access-control-request-method", "GET")
                .send()
                .await
                .expect("sent");
            let header = |name: &str| {
                answer
                    .headers()
                    .get(name)
                    .map(|v| v.to_str().expect("ascii").to_owned())
            };
            (
                header("access-control-allow-methods"),
                header("access-control-max-age"),
            )
        }
    };
    let join = format!("{app}/communication/onlineMeetingInvitations");
    assert_eq!(methods(app.clone()).await.0.as_deref(), Some("GET, DELETE"));
    assert_eq!(methods(join.clone()).await.0.as_deref(), Some("POST"));
    assert_eq!(
        methods(format!("{app}/events?ack=1")).await.0.as_deref(),
        Some("GET")
    );

    sim.set_quirks(simulator::config::Quirks {
        options_method: true,
        preflight_max_age_secs: 0,
        ..simulator::config::Quirks::strict()
    });
    let (listed, max_age) = methods(join.clone()).await;
    assert_eq!(
        (listed.as_deref(), max_age.as_deref()),
        (Some("POST, OPTIONS"), Some("0"))
    );
    // With the quirk an OPTIONS request itself is answered with the resource's metadata.
    let metadata: Value = client
        .request(reqwest::Method::OPTIONS, &join)
        .header("origin", ORIGIN)
        .send()
        .await
        .expect("sent")
        .json()
        .await
        .expect("json");
    assert_eq!(metadata["metadata"][0]["httpMethod"], "POST");
    guest.machine.leave().expect("leave");
    sim.shutdown().await;
}
