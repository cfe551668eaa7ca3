//! The middle tier against the simulator: token minting, single-flight Azure AD tokens,
//! the 307, refresh before expiry, the origin allowlist, invitations, callbacks, and
//! upstream faults mapped to public errors.

use std::time::Duration;

use base64::Engine;
use e2e::{MiddleTier, middle_tier_settings, simulator_config};
use secrecy::SecretString;
use serde_json::{Value, json};
use simulator::Simulator;
use simulator::journal::Step;

const BANK: &str = "https://bank.example";

fn meeting_url(sim: &Simulator, id: &str) -> String {
    sim.join_url(id).expect("a meeting")
}

fn count(sim: &Simulator, step: Step) -> usize {
    sim.journal_count(step)
}

async fn ask(tier: &MiddleTier, origin: &str, body: Value) -> (u16, Value) {
    let response = tier
        .ask_for_token(&reqwest::Client::new(), origin, &body)
        .await
        .expect("middle tier reachable");
    let status = response.status().as_u16();
    (status, response.json().await.expect("json"))
}

async fn start(extra: &[(&str, &str)]) -> (Simulator, MiddleTier) {
    start_with(simulator_config(), extra).await
}

async fn start_with(config: simulator::config::SimConfig, extra: &[(&str, &str)]) -> (Simulator, MiddleTier) {
    let sim = Simulator::start(config).await.expect("simulator");
    let mut settings = vec![("GUEST_JOIN_ALLOWED_ORIGINS", BANK)];
    settings.extend_from_slice(extra);
    let tier = MiddleTier::start(middle_tier_settings(&sim, &settings)).await;
    (sim, tier)
}

fn claims_of(token: &str) -> Value {
    let jwt = token.strip_prefix("psat=").expect("psat prefix");
    let payload = jwt.split('.').nth(1).expect("payload");
    serde_json::from_slice(
        &base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(payload)
            .expect("base64"),
    )
    .expect("json")
}

#[tokio::test]
async fn a_listed_origin_gets_a_token_bound_to_it_and_only_the_token() {
    let (sim, tier) = start(&[]).await;
    let (status, body) = ask(
        &tier,
        BANK,
        json!({"meetingUrl": meeting_url(&sim, "OPEN2024"), "displayName": "Ada"}),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let token = body["token"].as_str().expect("token");
    let claims = claims_of(token);
    assert_eq!(claims["ao"], BANK, "allowedOrigins is the caller's origin");
    assert_eq!(claims["asi"], body["applicationSessionId"]);
    assert!(
        body["discoverUrl"]
            .as_str()
            .expect("discover")
            .starts_with(sim.hosts().api.as_str())
    );
    assert!(
        body["expiresAt"].as_str().expect("expiry").ends_with('Z'),
        "ISO-8601"
    );
    assert_eq!(
        body.as_object().map(|o| o.len()),
        Some(4),
        "no other field, certainly not the AAD token: {body}"
    );
    // The token works from that origin.
    let discover = reqwest::Client::new()
        .get(body["discoverUrl"].as_str().expect("url"))
        .header("origin", BANK)
        .send()
        .await
        .expect("sent");
    assert_eq!(discover.status(), 200);

    // A guest who dropped comes back with the same session and gets a fresh token for it.
    let session = body["applicationSessionId"].as_str().expect("session").to_owned();
    let (status, again) = ask(
        &tier,
        BANK,
        json!({"meetingUrl": meeting_url(&sim, "OPEN2024"), "applicationSessionId": session}),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        claims_of(again["token"].as_str().expect("token"))["asi"],
        session.as_str()
    );
    // Compared without printing: tokens never appear in test output.
    assert!(again["token"] != body["token"], "the rejoin token is a fresh one");

    // The session id can be read from the token, but it is honoured only for the meeting
    // and the website it was started for.
    let (status, refused) = ask(
        &tier,
        BANK,
        json!({"meetingUrl": meeting_url(&sim, "ADV1SE24"), "applicationSessionId": session}),
    )
    .await;
    assert_eq!(
        (status, refused["error"].as_str()),
        (403, Some("session_not_valid"))
    );
    let (status, refused) = ask(
        &tier,
        tier.url.as_str().trim_end_matches('/'),
        json!({"meetingUrl": meeting_url(&sim, "OPEN2024"), "applicationSessionId": session}),
    )
    .await;
    assert_eq!(
        (status, refused["error"].as_str()),
        (403, Some("session_not_valid"))
    );
    sim.shutdown().await;
}

#[tokio::test]
async fn an_unlisted_origin_is_refused_and_nothing_goes_upstream() {
    let (sim, tier) = start(&[]).await;
    sim.clear_journal();
    let (status, body) = ask(
        &tier,
        "https://evil.example",
        json!({"meetingUrl": meeting_url(&sim, "OPEN2024")}),
    )
    .await;
    assert_eq!(
        (status, body["error"].as_str()),
        (403, Some("origin_not_allowed"))
    );
    assert!(sim.journal().is_empty(), "no upstream call was made");
    sim.shutdown().await;
}

#[tokio::test]
async fn a_thousand_concurrent_guests_cause_one_azure_ad_token_request() {
    let (sim, tier) = start(&[]).await;
    let url = meeting_url(&sim, "OPEN2024");
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(64)
        .build()
        .expect("client");
    let tier = std::sync::Arc::new(tier);
    let mut guests = tokio::task::JoinSet::new();
    for _ in 0..1000 {
        let (client, tier, body) = (
            client.clone(),
            std::sync::Arc::clone(&tier),
            json!({"meetingUrl": url}),
        );
        guests.spawn(async move {
            let response = tier.ask_for_token(&client, BANK, &body).await.expect("sent");
            response.status().as_u16()
        });
    }
    let mut ok = 0;
    while let Some(status) = guests.join_next().await {
        if status.expect("task") == 200 {
            ok += 1;
        }
    }
    assert_eq!(ok, 1000);
    assert_eq!(count(&sim, Step::AadToken), 1, "single-flight");
    assert_eq!(count(&sim, Step::TaapiDiscover), 1, "discovery is cached");
    assert_eq!(count(&sim, Step::Application), 1, "capabilities are cached");
    assert_eq!(count(&sim, Step::AnonToken), 1000);
    sim.shutdown().await;
}

#[tokio::test]
async fn the_307_is_followed_with_method_body_and_authorization() {
    let (sim, tier) = start(&[]).await;
    sim.set_quirks(simulator::config::Quirks {
        redirect_307: true,
        ..sim.quirks()
    });
    let (status, body) = ask(&tier, BANK, json!({"meetingUrl": meeting_url(&sim, "OPEN2024")})).await;
    assert_eq!(status, 200, "{body}");
    let journal = sim.journal();
    let tokens: Vec<_> = journal.iter().filter(|e| e.step == Step::AnonToken).collect();
    assert_eq!(tokens.iter().map(|e| e.status).collect::<Vec<_>>(), [307, 201]);
    assert!(tokens[1].path.contains("redirect=1"));
    sim.shutdown().await;
}

#[tokio::test]
async fn the_azure_ad_token_is_refreshed_before_it_expires() {
    let mut config = simulator_config();
    config.timers.aad_token_lifetime_secs = 3;
    let (sim, tier) = start_with(config, &[]).await;
    let url = meeting_url(&sim, "OPEN2024");
    assert_eq!(ask(&tier, BANK, json!({"meetingUrl": url})).await.0, 200);
    // Past the refresh point (four fifths of the lifetime) but before the expiry: the
    // service says so when asked whether it is ready, which asks the upstream nothing.
    let started = std::time::Instant::now();
    loop {
        let report: Value = reqwest::get(format!("{}readyz", tier.url))
            .await
            .expect("sent")
            .json()
            .await
            .expect("json");
        if report["azureAdToken"] == "due" {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(3),
            "the token is due before it expires: {report}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(count(&sim, Step::AadToken), 1, "nothing was fetched meanwhile");
    assert_eq!(ask(&tier, BANK, json!({"meetingUrl": url})).await.0, 200);
    assert_eq!(count(&sim, Step::AadToken), 2);
    let unauthorized = sim.journal().iter().filter(|e| e.status == 401).count();
    assert_eq!(unauthorized, 0, "never sent an expired token");
    sim.shutdown().await;
}

#[tokio::test]
async fn an_absurd_token_lifetime_is_trusted_for_a_day_at_most() {
    let mut config = simulator_config();
    // Azure AD's `expires_in` is a string; this one does not fit any clock.
    config.timers.aad_token_lifetime_secs = i64::MAX.unsigned_abs();
    let (sim, tier) = start_with(config, &[]).await;
    let url = meeting_url(&sim, "OPEN2024");
    assert_eq!(ask(&tier, BANK, json!({"meetingUrl": url})).await.0, 200);
    assert_eq!(
        ask(&tier, BANK, json!({"meetingUrl": url})).await.0,
        200,
        "still running"
    );
    assert_eq!(count(&sim, Step::AadToken), 1, "the token is cached");
    sim.shutdown().await;
}

#[tokio::test]
async fn invitations_bind_a_guest_to_one_meeting() {
    let key = "e2e-invitation-key-0123456789abcdef";
    let (sim, tier) = start(&[
        ("GUEST_JOIN_STAFF_KEY", "e2e-staff-key-0123"),
        ("GUEST_JOIN_INVITATION_KEY", key),
        ("GUEST_JOIN_REQUIRE_INVITATION", "true"),
    ])
    .await;
    let staff = reqwest::Client::new()
        .post(format!("{}api/v1/staff/meetings", tier.url))
        .bearer_auth("e2e-staff-key-0123")
        .json(&json!({"subject": "Your mortgage appointment", "accessLevel": "Locked"}))
        .send()
        .await
        .expect("sent");
    assert_eq!(staff.status(), 201);
    let created: Value = staff.json().await.expect("json");
    let join_url = created["joinUrl"].as_str().expect("join url").to_owned();
    let invitation = created["invitation"].as_str().expect("invitation").to_owned();
    let link = url::Url::parse(created["guestLink"].as_str().expect("link")).expect("url");
    assert_eq!(
        link.query_pairs()
            .find(|(k, _)| k == "join")
            .map(|(_, v)| v.into_owned()),
        Some(join_url.clone())
    );

    let (status, body) = ask(
        &tier,
        BANK,
        json!({"meetingUrl": join_url, "invitation": invitation}),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        body["subject"], "Your mortgage appointment",
        "the subject rides in the invitation"
    );

    let (status, body) = ask(&tier, BANK, json!({"meetingUrl": join_url})).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (403, Some("invitation_required"))
    );
    let (status, body) = ask(
        &tier,
        BANK,
        json!({"meetingUrl": meeting_url(&sim, "OPEN2024"), "invitation": invitation}),
    )
    .await;
    assert_eq!(
        (status, body["error"].as_str()),
        (403, Some("invitation_invalid")),
        "an invitation for another meeting"
    );
    let mut tampered = invitation.clone();
    tampered.replace_range(0..1, if tampered.starts_with('e') { "f" } else { "e" });
    let (status, body) = ask(
        &tier,
        BANK,
        json!({"meetingUrl": join_url, "invitation": tampered}),
    )
    .await;
    assert_eq!(
        (status, body["error"].as_str()),
        (403, Some("invitation_invalid"))
    );
    let expired = middle_tier::invitation::sign(
        &SecretString::from(key),
        &middle_tier::invitation::Grant {
            meeting_url: join_url.clone(),
            expires: 1,
            subject: None,
        },
    );
    let (status, body) = ask(
        &tier,
        BANK,
        json!({"meetingUrl": join_url, "invitation": expired}),
    )
    .await;
    assert_eq!(
        (status, body["error"].as_str()),
        (403, Some("invitation_expired"))
    );
    sim.shutdown().await;
}

async fn post_callback(tier: &MiddleTier, token: Option<&str>, body: &Value) -> u16 {
    let mut request = reqwest::Client::new()
        .post(format!("{}api/v1/callback", tier.url))
        .json(body);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    request.send().await.expect("sent").status().as_u16()
}

#[tokio::test]
async fn callback_tokens_are_validated_before_anything_is_read() {
    let (sim, tier) = start(&[]).await;
    let audience = tier.state.settings.callback_audience.clone();
    let tenant = simulator::demo::TENANT;
    let legacy = json!({"_links": {"self": {"href": "/e?ack=1"}, "next": {"href": "/e?ack=2"}}, "sender": [], "baseuri": "https://webpool.example"});
    let good = simulator::auth::callback_claims(tenant, &audience);
    let sign = |claims: &Value| sim.sign(claims);

    assert_eq!(
        post_callback(&tier, Some(&sign(&good)), &legacy).await,
        204,
        "legacy notifications are answered 204"
    );
    let graph = json!({"value": [{"changeType": "updated", "resource": "/app/calls/1", "resourceData": {"state": "Established"}}]});
    assert_eq!(post_callback(&tier, Some(&sign(&good)), &graph).await, 202);

    let with = |key: &str, value: Value| {
        let mut claims = good.clone();
        claims[key] = value;
        claims
    };
    let now = good["iat"].as_i64().expect("iat");
    let refused = [
        (
            "wrong audience",
            sign(&with("aud", json!("https://someone-else.example"))),
        ),
        (
            "wrong issuer",
            sign(&with(
                "iss",
                json!("https://sts.windows.net/00000000-0000-0000-0000-000000000000/"),
            )),
        ),
        (
            "wrong tenant",
            sign(&with("tid", json!("00000000-0000-0000-0000-000000000000"))),
        ),
        ("expired", sign(&with("exp", json!(now - 3600)))),
        ("not yet valid", sign(&with("nbf", json!(now + 3600)))),
        ("unknown kid", sim.sign_unpublished(&good)),
    ];
    for (what, token) in &refused {
        assert_eq!(post_callback(&tier, Some(token), &legacy).await, 401, "{what}");
    }
    let valid = sign(&good);
    let (head, rest) = valid.split_once('.').expect("jwt");
    let (payload, signature) = rest.split_once('.').expect("jwt");
    let mut bad_signature: Vec<u8> = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(signature)
        .expect("base64");
    bad_signature[0] ^= 0xff;
    let tampered = format!(
        "{head}.{payload}.{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bad_signature)
    );
    assert_eq!(
        post_callback(&tier, Some(&tampered), &legacy).await,
        401,
        "bad signature"
    );
    let encode = |v: &Value| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(v.to_string());
    let none = format!(
        "{}.{}.",
        encode(&json!({"alg": "none", "typ": "JWT"})),
        encode(&good)
    );
    assert_eq!(post_callback(&tier, Some(&none), &legacy).await, 401, "alg=none");
    assert_eq!(post_callback(&tier, None, &legacy).await, 401, "no token");

    // A key rollover: the middle tier refreshes its keys when a new kid appears.
    sim.rotate_keys();
    assert_eq!(
        post_callback(&tier, Some(&sign(&good)), &legacy).await,
        204,
        "new key after a refresh"
    );
    // And the simulator's own callback sender gets through.
    let report = reqwest::Client::new()
        .post(format!("{}control/callbacks", sim.hosts().control))
        .json(
            &json!({"client_id": simulator::demo::CLIENT_ID, "url": format!("{}api/v1/callback", tier.url)}),
        )
        .send()
        .await
        .expect("sent")
        .json::<Value>()
        .await
        .expect("json");
    assert_eq!(report["status"], 204);
    sim.shutdown().await;
}

#[tokio::test]
async fn upstream_faults_become_plain_public_errors() {
    // Failures are not remembered here, so each case meets the upstream; the fault matrix
    // tests the memory.
    let (sim, tier) = start(&[("GUEST_JOIN_UPSTREAM_FAILURE_MEMORY_SECS", "0")]).await;
    let url = meeting_url(&sim, "OPEN2024");
    let fail = |step: Step, status: u16, retry_after: Option<u64>, times: u32| {
        sim.inject_failure(simulator::faults::FailureRule {
            step,
            status,
            retry_after,
            times,
        });
    };
    // A short outage with Retry-After is ridden out.
    fail(Step::AnonToken, 503, Some(1), 1);
    assert_eq!(ask(&tier, BANK, json!({"meetingUrl": url})).await.0, 200);
    // A long one is reported as unavailable and retryable.
    fail(Step::AnonToken, 503, Some(1), 10);
    let (status, body) = ask(&tier, BANK, json!({"meetingUrl": url})).await;
    assert_eq!(
        (status, body["error"].as_str(), body["retryable"].as_bool()),
        (503, Some("service_unavailable"), Some(true))
    );
    sim.set_faults(simulator::faults::Faults {
        failures: Vec::new(),
        ..sim.faults()
    });
    // The upstream asked for a second's rest; the service answers again once it is over.
    let mut recovered = false;
    for _ in 0..50 {
        if ask(&tier, BANK, json!({"meetingUrl": url})).await.0 == 200 {
            recovered = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(recovered, "answering again within 5 s");
    // A meeting that does not exist, refused in each shape the documents allow (§8 item
    // 6): every one means the same to a guest, and none is "try again later".
    let missing = url.replace("OPEN2024", "NOSUCH99");
    for refusal in [
        simulator::config::MeetingUrlRefusal::ParameterValidation,
        simulator::config::MeetingUrlRefusal::Forbidden,
        simulator::config::MeetingUrlRefusal::DestinationNotFound,
    ] {
        sim.set_quirks(simulator::config::Quirks {
            meeting_url_refusal: refusal,
            ..simulator::config::Quirks::strict()
        });
        let (status, body) = ask(&tier, BANK, json!({"meetingUrl": missing})).await;
        assert_eq!(
            (status, body["error"].as_str(), body["retryable"].as_bool()),
            (404, Some("meeting_not_found"), Some(false)),
            "{refusal:?}: {body}"
        );
        assert!(
            body["message"]
                .as_str()
                .expect("message")
                .starts_with("This link doesn't lead to a meeting that's on now"),
            "{body}"
        );
    }
    // A Retry-After longer than a guest should wait fails at once, and is passed on.
    fail(Step::AnonToken, 503, Some(20), 1);
    let started = std::time::Instant::now();
    let response = tier
        .ask_for_token(&reqwest::Client::new(), BANK, &json!({"meetingUrl": url}))
        .await
        .expect("sent");
    assert_eq!(response.status(), 503);
    assert!(started.elapsed() < Duration::from_secs(3));
    assert_eq!(response.headers()["retry-after"], "20");
    sim.shutdown().await;
}

#[tokio::test]
async fn wrong_credentials_are_an_internal_error_and_never_leak() {
    let (sim, tier) = start(&[("GUEST_JOIN_CLIENT_SECRET", "the-wrong-secret-value")]).await;
    let response = tier
        .ask_for_token(
            &reqwest::Client::new(),
            BANK,
            &json!({"meetingUrl": meeting_url(&sim, "OPEN2024")}),
        )
        .await
        .expect("sent");
    assert_eq!(response.status(), 500);
    let text = response.text().await.expect("body");
    assert!(text.contains("\"error\":\"internal\""), "{text}");
    // Staff checking a link see which call failed and its public code; the description,
    // the tenant's trace ids and the secret stay in the log.
    let body: Value = serde_json::from_str(&text).expect("json");
    assert_eq!(body["upstream"]["step"], "aad_token", "{text}");
    assert_eq!(body["upstream"]["code"], "invalid_client", "{text}");
    assert!(
        !text.contains("the-wrong-secret-value") && !text.contains("AADSTS"),
        "details stay in the log: {text}"
    );
    let ready = reqwest::get(format!("{}readyz", tier.url)).await.expect("sent");
    assert_eq!(ready.status(), 503);
    sim.shutdown().await;
}

#[tokio::test]
async fn ready_once_the_upstream_is_known_and_without_a_guest() {
    let (sim, tier) = start(&[]).await;
    let readyz = async || {
        let response = reqwest::get(format!("{}readyz", tier.url)).await.expect("sent");
        let status = response.status().as_u16();
        (status, response.json::<Value>().await.expect("json"))
    };
    // Nothing is known before the first probe; it starts one fetch in the background.
    let (status, report) = readyz().await;
    assert_eq!(status, 503, "{report}");
    let mut ready = None;
    for _ in 0..100 {
        let (status, report) = readyz().await;
        if status == 200 {
            ready = Some(report);
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let report = ready.expect("ready within 5 s");
    assert_eq!(report["capabilities"], "known");
    assert_eq!(report["azureAdToken"], "fresh");
    assert_eq!(count(&sim, Step::AadToken), 1, "however many probes asked");
    assert_eq!(count(&sim, Step::Application), 1);
    sim.shutdown().await;
}
