//! The service side: Azure AD and the Trusted Application API, their refusals, the guest
//! token's claims, the 307 redirect, and ad-hoc meetings.

mod support;

use base64::Engine;
use protocol::join::Phase;
use serde_json::{Value, json};
use support::*;

async fn aad(sim: &simulator::Simulator, form: &[(&str, &str)]) -> (u16, Value) {
    let url = format!("{}{TENANT}/oauth2/token", sim.hosts().login);
    let response = client().post(url).form(form).send().await.expect("sent");
    (response.status().as_u16(), response.json().await.expect("json"))
}

#[tokio::test]
async fn azure_ad_refusals_use_its_error_format() {
    let sim = start().await;
    let resource = sim.hosts().api.as_str().trim_end_matches('/').to_owned();
    /// A form, and the status, error and AADSTS code it must get.
    type Case<'a> = (Vec<(&'a str, &'a str)>, u16, &'a str, i64);
    let cases: Vec<Case<'_>> = vec![
        (
            vec![
                ("grant_type", "client_credentials"),
                ("client_id", CLIENT_ID),
                ("client_secret", "wrong"),
                ("resource", &resource),
            ],
            401,
            "invalid_client",
            7_000_215,
        ),
        (
            vec![
                ("grant_type", "client_credentials"),
                ("client_id", CLIENT_ID),
                ("resource", &resource),
            ],
            401,
            "invalid_client",
            7_000_216,
        ),
        (
            vec![
                ("grant_type", "client_credentials"),
                ("client_id", "nobody"),
                ("client_secret", SECRET),
                ("resource", &resource),
            ],
            400,
            "unauthorized_client",
            700_016,
        ),
        (
            vec![
                ("grant_type", "client_credentials"),
                ("client_id", CLIENT_ID),
                ("client_secret", SECRET),
                ("resource", "https://graph.example"),
            ],
            400,
            "invalid_resource",
            500_011,
        ),
        (
            vec![("grant_type", "password"), ("client_id", CLIENT_ID)],
            400,
            "unsupported_grant_type",
            70_003,
        ),
    ];
    for (form, status, error, code) in cases {
        let (got, body) = aad(&sim, &form).await;
        assert_eq!((got, body["error"].as_str()), (status, Some(error)), "{form:?}");
        assert_eq!(body["error_codes"][0], code);
        assert!(body["correlation_id"].is_string() && body["trace_id"].is_string());
    }
    let (status, body) = aad(
        &sim,
        &[
            ("grant_type", "client_credentials"),
            ("client_id", CLIENT_ID),
            ("client_secret", SECRET),
            ("resource", &resource),
        ],
    )
    .await;
    assert_eq!(status, 200);
    assert!(
        body["expires_in"].is_string() && body["expires_on"].is_string(),
        "AAD v1 writes numbers as strings"
    );
    sim.shutdown().await;
}

#[tokio::test]
async fn unconsented_apps_get_no_token() {
    let mut config = config();
    config.apps[0].consented = false;
    let sim = simulator::Simulator::start(config).await.expect("starts");
    let resource = sim.hosts().api.as_str().trim_end_matches('/').to_owned();
    let (status, body) = aad(
        &sim,
        &[
            ("grant_type", "client_credentials"),
            ("client_id", CLIENT_ID),
            ("client_secret", SECRET),
            ("resource", &resource),
        ],
    )
    .await;
    assert_eq!(
        (status, body["error"].as_str(), body["error_codes"][0].as_i64()),
        (400, Some("invalid_grant"), Some(65_001))
    );
    sim.shutdown().await;
}

#[tokio::test]
async fn trusted_application_api_refusals() {
    let sim = start().await;
    let client = client();
    let ring = sim.hosts().ring.as_str();
    let response = client
        .get(format!(
            "{ring}platformservice/v1/applications?endpointId={ENDPOINT}"
        ))
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), 401);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .expect("ascii")
            .starts_with("text/html"),
        "IIS's 401 page"
    );
    let token = aad_token(sim.hosts()).await;
    let response = client
        .get(format!(
            "{ring}platformservice/v1/applications?endpointid=sip:nobody@contoso.onmicrosoft.com"
        ))
        .bearer_auth(token.expose())
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), 403);
    let body: Value = response.json().await.expect("json");
    assert_eq!(body["subcode"], "ApplicationNotFound");
    // The parameter name is matched case-insensitively, and the path casing too.
    let response = client
        .get(format!(
            "{ring}platformService/v1/applications?ENDPOINTID={ENDPOINT}"
        ))
        .bearer_auth(token.expose())
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), 200);
    sim.shutdown().await;
}

#[tokio::test]
async fn apps_without_the_guest_permission_have_no_token_capability() {
    let mut config = config();
    config.apps[0].permissions = vec![simulator::config::Permission::CreateMeetings];
    let sim = simulator::Simulator::start(config).await.expect("starts");
    let token = aad_token(sim.hosts()).await;
    let error = anon_tokens_url(sim.hosts(), &token)
        .await
        .expect_err("no capability");
    assert!(matches!(
        error,
        protocol::ProtocolError::MissingLink {
            rel: "anonApplicationTokens",
            ..
        }
    ));
    sim.shutdown().await;
}

async fn mint(sim: &simulator::Simulator, body: Value) -> (u16, Value) {
    let token = aad_token(sim.hosts()).await;
    let url = anon_tokens_url(sim.hosts(), &token).await.expect("url");
    let response = client()
        .post(url.as_str())
        .bearer_auth(token.expose())
        .json(&body)
        .send()
        .await
        .expect("sent");
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn guest_token_input_is_validated() {
    let sim = start().await;
    let url = join_url(&sim, OPEN);
    let cases = [
        (
            json!({"applicationSessionId": "x".repeat(101), "allowedOrigins": ORIGIN, "meetingUrl": url}),
            400,
            "applicationSessionId",
        ),
        (
            json!({"allowedOrigins": ORIGIN, "meetingUrl": url}),
            400,
            "applicationSessionId",
        ),
        (
            json!({"applicationSessionId": "s", "allowedOrigins": format!("https://{}.example", "a".repeat(500)), "meetingUrl": url}),
            400,
            "allowedOrigins",
        ),
        (
            json!({"applicationSessionId": "s", "allowedOrigins": "not an origin", "meetingUrl": url}),
            400,
            "allowedOrigins",
        ),
        (
            json!({"applicationSessionId": "s", "allowedOrigins": ORIGIN}),
            400,
            "meetingUrl",
        ),
        (
            json!({"applicationSessionId": "s", "allowedOrigins": ORIGIN, "meetingUrl": conference(&sim, OPEN)}),
            400,
            "meetingUrl",
        ),
    ];
    for (body, status, parameter) in cases {
        let (got, answer) = mint(&sim, body.clone()).await;
        assert_eq!(
            (got, answer["parameters"][0]["name"].as_str()),
            (status, Some(parameter)),
            "{body}"
        );
    }
    // A URL no meeting has: strictly 400 naming meetingUrl (protocol.md §8 item 6); the
    // quirk answers with the other documented shapes.
    let unknown = json!({"applicationSessionId": "s", "allowedOrigins": ORIGIN, "meetingUrl": format!("{}contoso/olivia/NOSUCH01", sim.hosts().meet)});
    let (status, answer) = mint(&sim, unknown.clone()).await;
    assert_eq!(
        (
            status,
            answer["subcode"].as_str(),
            answer["parameters"][0]["name"].as_str()
        ),
        (400, Some("ParameterValidationFailure"), Some("meetingUrl"))
    );
    for (refusal, expected) in [
        (simulator::config::MeetingUrlRefusal::Forbidden, 403),
        (simulator::config::MeetingUrlRefusal::DestinationNotFound, 404),
    ] {
        sim.set_quirks(simulator::config::Quirks {
            meeting_url_refusal: refusal,
            ..simulator::config::Quirks::strict()
        });
        let (status, _) = mint(&sim, unknown.clone()).await;
        assert_eq!(status, expected, "{refusal:?}");
    }
    sim.set_quirks(simulator::config::Quirks::strict());
    let (status, answer) = mint(
        &sim,
        json!({"applicationSessionId": "s", "allowedOrigins": ORIGIN, "meetingUrl": join_url(&sim, FOREIGN)}),
    )
    .await;
    assert_eq!(
        (status, answer["code"].as_str()),
        (403, Some("Forbidden")),
        "a meeting in another tenant"
    );
    sim.shutdown().await;
}

#[tokio::test]
async fn guest_tokens_carry_the_published_claims() {
    let sim = start().await;
    let (status, answer) = mint(&sim, json!({"applicationSessionId": "claims-1", "allowedOrigins": "https://contoso.com/callback;http://www.microsoftstore.com/store/msusa/en_US/home", "meetingUrl": join_url(&sim, OPEN)})).await;
    assert_eq!(status, 201);
    let token = answer["token"]
        .as_str()
        .expect("token")
        .strip_prefix("psat=")
        .expect("psat prefix");
    let payload = token.split('.').nth(1).expect("payload");
    let claims: Value = serde_json::from_slice(
        &base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(payload)
            .expect("base64"),
    )
    .expect("json");
    assert_eq!(
        claims["exp"].as_i64().expect("exp") - claims["nbf"].as_i64().expect("nbf"),
        8 * 3600
    );
    assert_eq!(claims["asi"], "claims-1");
    assert_eq!(claims["aeu"], ENDPOINT);
    // Entries are normalised to origins, as the published token shows.
    assert_eq!(claims["ao"], "https://contoso.com;http://www.microsoftstore.com");
    assert_eq!(claims["confid"].as_str(), Some(conference(&sim, OPEN).as_str()));
    assert!(
        claims["ucwaext"]
            .as_str()
            .expect("ucwaext")
            .ends_with("/ucwa/v1/applications")
    );
    let header: Value = serde_json::from_slice(
        &base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(token.split('.').next().expect("header"))
            .expect("base64"),
    )
    .expect("json");
    assert_eq!(header["alg"], "RS256");
    assert!(header["x5t"].is_string());
    let discover = answer["_links"]["service:discover"]["href"]
        .as_str()
        .expect("discover");
    assert!(
        discover.contains("anonymousMeetingJoinContext=psat%253d"),
        "double-encoded token"
    );
    sim.shutdown().await;
}

#[tokio::test]
async fn posts_are_redirected_with_307_when_the_quirk_is_on() {
    let sim = start().await;
    Control::new(&sim)
        .put("/control/quirks", json!({"redirect_307": true}))
        .await;
    let token = aad_token(sim.hosts()).await;
    let url = anon_tokens_url(sim.hosts(), &token).await.expect("url");
    let response = client()
        .post(url.as_str())
        .bearer_auth(token.expose())
        .json(&json!({"applicationSessionId": "r", "allowedOrigins": ORIGIN, "meetingUrl": join_url(&sim, OPEN)}))
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), 307);
    let location = response.headers()["location"].to_str().expect("ascii").to_owned();
    assert!(location.starts_with(sim.hosts().webpool.as_str()), "{location}");
    assert!(
        location.contains("redirect=1") && location.contains("sip%3a"),
        "{location}"
    );
    // Following it with method, body and Authorization works.
    let minted = guest_token(sim.hosts(), &join_url(&sim, OPEN), "r2", ORIGIN)
        .await
        .expect("minted after the 307");
    assert!(minted.token.expose().starts_with("psat="));
    sim.shutdown().await;
}

#[tokio::test]
async fn ad_hoc_meetings_can_be_joined_by_guests() {
    let sim = start().await;
    let client = client();
    let token = aad_token(sim.hosts()).await;
    let discover_url = sim.hosts().api.join("platformservice/discover").expect("url");
    let discover: protocol::taapi::Discover = serde_json::from_slice(
        &client
            .get(discover_url.as_str())
            .bearer_auth(token.expose())
            .send()
            .await
            .expect("sent")
            .bytes()
            .await
            .expect("body"),
    )
    .expect("discover");
    let request = protocol::taapi::applications_request(
        &discover.applications(&discover_url).expect("link"),
        ENDPOINT,
        &token,
    )
    .expect("request");
    let applications =
        protocol::taapi::parse_applications(&send(&client, &request).await.expect("sent")).expect("parsed");
    let application_url = applications
        .application(&protocol::http_util::request_url(&request).expect("url"))
        .expect("link");
    let application = protocol::taapi::parse_application(
        &send(
            &client,
            &protocol::taapi::application_request(&application_url, &token).expect("req"),
        )
        .await
        .expect("sent"),
    )
    .expect("parsed");
    let adhoc_url = application.adhoc_meetings(&application_url).expect("capability");
    let input = protocol::taapi::AdhocMeetingInput {
        subject: "Help for a customer".to_owned(),
        access_level: Some(protocol::taapi::AccessLevel::Everyone),
        other: Default::default(),
    };
    let meeting = protocol::taapi::parse_adhoc_meeting(
        &send(
            &client,
            &protocol::taapi::adhoc_meeting_request(&adhoc_url, &token, &input).expect("req"),
        )
        .await
        .expect("sent"),
    )
    .expect("meeting");
    assert!(meeting.expiration_time.is_some());
    assert!(meeting.join_url.starts_with(sim.hosts().meet.as_str()));
    let id = meeting.online_meeting_id.clone().expect("id");
    let mut guest = Driver::new(&sim, &id);
    guest.join("Ada").await;
    assert!(matches!(guest.machine.phase(), Phase::InMeeting { .. }));
    assert_eq!(guest.machine.subject(), Some("Help for a customer"));
    sim.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hundreds_of_guests_park_long_polls_at_once() {
    const GUESTS: usize = 200;
    let sim = start().await;
    let control = Control::new(&sim);
    let client = client();
    let token = guest_token(sim.hosts(), &join_url(&sim, OPEN), "crowd", ORIGIN)
        .await
        .expect("token");
    let psat = token.token.expose().to_owned();
    let webpool = sim.hosts().webpool.as_str().trim_end_matches('/').to_owned();
    let conference = conference(&sim, OPEN);
    let mut joins = tokio::task::JoinSet::new();
    for n in 0..GUESTS {
        let (client, psat, webpool, conference) =
            (client.clone(), psat.clone(), webpool.clone(), conference.clone());
        joins.spawn(async move {
            let app: Value = post_json(&client, format!("{webpool}/ucwa/psanon/v1/applications"), &psat, &json!({"culture": "en-us", "userAgent": "crowd", "anonymousDisplayName": format!("Guest {n}")})).await;
            let base = app["_links"]["self"]["href"].as_str().expect("self").to_owned();
            let response = client.post(format!("{webpool}{base}/communication/onlineMeetingInvitations")).bearer_auth(&psat).json(&json!({"onlineMeetingUri": conference, "anonymousDisplayName": format!("Guest {n}"), "operationId": "j"})).send().await.expect("sent");
            assert_eq!(response.status(), 201);
            // Drain the join's events, then park and wait for the organizer's message.
            let mut next = app["_links"]["events"]["href"].as_str().expect("events").to_owned();
            loop {
                let body: Value = client.get(format!("{webpool}{next}&timeout=30")).bearer_auth(&psat).send().await.expect("sent").json().await.expect("json");
                next = body["_links"]["next"]["href"].as_str().expect("next").to_owned();
                if body.to_string().contains("Announcement-for-everyone") {
                    return n;
                }
            }
        });
    }
    // Wait until every guest is in the meeting.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        let guests = control.get(&format!("/control/meetings/{OPEN}")).await["people"]
            .as_array()
            .map(|p| p.iter().filter(|x| x["guest"] == true).count())
            .unwrap_or(0);
        if guests == GUESTS {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "only {guests} guests joined"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    // Chat is per guest; give every guest chat as its own request would, then broadcast
    // once.
    for app in sim.applications() {
        if let Some(conversation) = &app.conversation {
            sim.add_messaging(&app.id, conversation, "chat").expect("chat");
        }
    }
    control
        .post(
            &format!("/control/meetings/{OPEN}/messages"),
            json!({"text": "Announcement-for-everyone"}),
        )
        .await;
    let mut heard = 0;
    while let Some(result) = joins.join_next().await {
        result.expect("guest task");
        heard += 1;
    }
    assert_eq!(heard, GUESTS);
    sim.shutdown().await;
}
