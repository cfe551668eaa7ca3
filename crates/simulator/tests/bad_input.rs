//! Bad input never panics or corrupts state: each gets the documented status and body,
//! and a guest can still join afterwards.

mod support;

use std::time::Duration;

use protocol::join::Phase;
use serde_json::{Value, json};
use support::*;

/// POSTs `body` as `content_type`, whatever it holds, with a bearer token.
async fn post_raw(
    client: &reqwest::Client,
    url: &str,
    bearer: &str,
    content_type: &str,
    body: impl Into<reqwest::Body>,
) -> reqwest::Response {
    let request = client
        .post(url)
        .bearer_auth(bearer)
        .header("content-type", content_type);
    request.body(body).send().await.expect("sent")
}

async fn status_and_body(response: reqwest::Response) -> (u16, Value) {
    let status = response.status().as_u16();
    let text = response.text().await.expect("body");
    (status, serde_json::from_str(&text).unwrap_or(Value::String(text)))
}

#[tokio::test]
async fn guest_side_refusals_are_documented_errors() {
    let sim = start().await;
    let client = client();
    let token = guest_token(sim.hosts(), &join_url(&sim, OPEN), "bad-input", ORIGIN)
        .await
        .expect("token");
    let psat = token.token.expose().to_owned();
    let webpool = sim.hosts().webpool.as_str().trim_end_matches('/');
    let create = format!("{webpool}/ucwa/psanon/v1/applications");

    let (status, body) =
        status_and_body(post_raw(&client, &create, &psat, "application/json", "{not json").await).await;
    assert_eq!(
        (status, body["subcode"].as_str()),
        (400, Some("DeserializationFailure"))
    );

    let (status, body) =
        status_and_body(post_raw(&client, &create, &psat, "text/plain", "hello").await).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (415, Some("UnsupportedMediaType"))
    );

    let (status, body) = status_and_body(
        client
            .post(&create)
            .bearer_auth(&psat)
            .json(&json!({"culture": "en-us"}))
            .send()
            .await
            .expect("sent"),
    )
    .await;
    assert_eq!(
        (status, body["subcode"].as_str()),
        (400, Some("ParameterValidationFailure"))
    );
    assert_eq!(body["parameters"][0]["name"], "userAgent");

    let (status, body) = status_and_body(
        client
            .post(&create)
            .bearer_auth(&psat)
            .json(&json!({"culture": "x".repeat(101), "userAgent": "t"}))
            .send()
            .await
            .expect("sent"),
    )
    .await;
    assert_eq!(
        (status, body["parameters"][0]["name"].as_str()),
        (400, Some("culture"))
    );

    // The display name is required at creation, as every documented client sends it
    // (protocol.md §2.2, §8 item 13), and limited to 250 characters.
    let create_with = |input: Value| client.post(&create).bearer_auth(&psat).json(&input).send();
    let (status, body) = status_and_body(
        create_with(json!({"culture": "en-us", "userAgent": "t"}))
            .await
            .expect("sent"),
    )
    .await;
    assert_eq!(
        (
            status,
            body["subcode"].as_str(),
            body["parameters"][0]["name"].as_str()
        ),
        (
            400,
            Some("ParameterValidationFailure"),
            Some("anonymousDisplayName")
        )
    );
    let (status, body) = status_and_body(
        create_with(json!({"Culture": "en-us", "UserAgent": "t", "AnonymousDisplayName": "x".repeat(251)}))
            .await
            .expect("sent"),
    )
    .await;
    assert_eq!(
        (
            status,
            body["parameters"][0]["name"].as_str(),
            body["parameters"][0]["reason"].as_str()
        ),
        (400, Some("anonymousDisplayName"), Some("Invalid"))
    );
    let response =
        create_with(json!({"Culture": "en-us", "UserAgent": "SkypeWeb/x", "AnonymousDisplayName": "WLB1"}))
            .await
            .expect("sent");
    assert_eq!(
        response.status(),
        201,
        "PascalCase names, as the Web SDK sent them"
    );

    let huge = "x".repeat(200 * 1024);
    let response = post_raw(
        &client,
        &create,
        &psat,
        "application/json",
        format!("{{\"culture\":\"{huge}\"}}"),
    )
    .await;
    let (status, body) = status_and_body(response).await;
    assert_eq!((status, body["code"].as_str()), (413, Some("EntityTooLarge")));

    let response = client
        .post(&create)
        .json(&json!({"culture": "en-us", "userAgent": "t"}))
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), 401, "no token");
    let challenges: Vec<&str> = response
        .headers()
        .get_all("www-authenticate")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect();
    assert!(
        challenges.iter().any(|c| c.starts_with("Bearer"))
            && challenges.iter().any(|c| c.starts_with("MsRtcOAuth")),
        "{challenges:?}"
    );

    let mut tampered = psat.clone();
    tampered.push('x');
    let response = client
        .post(&create)
        .bearer_auth(&tampered)
        .json(&json!({"culture": "en-us", "userAgent": "t"}))
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), 401, "tampered token");

    let other = simulator::Simulator::start(config())
        .await
        .expect("second simulator");
    let foreign = guest_token(other.hosts(), &join_url(&other, OPEN), "foreign", ORIGIN)
        .await
        .expect("token");
    let response = client
        .post(&create)
        .bearer_auth(foreign.token.expose())
        .json(&json!({"culture": "en-us", "userAgent": "t"}))
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), 401, "a token signed by someone else");
    other.shutdown().await;

    let (status, body) = status_and_body(
        client
            .delete(&create)
            .bearer_auth(&psat)
            .send()
            .await
            .expect("sent"),
    )
    .await;
    assert_eq!((status, body["code"].as_str()), (405, Some("MethodNotAllowed")));

    let (status, body) = status_and_body(
        client
            .get(format!("{webpool}/ucwa/psanon/v1/nothing"))
            .send()
            .await
            .expect("sent"),
    )
    .await;
    assert_eq!((status, body["code"].as_str()), (404, Some("NotFound")));

    // A real application, then bad requests against it.
    let app: Value = post_json(
        &client,
        &create,
        &psat,
        &json!({"culture": "en-us", "userAgent": "t", "anonymousDisplayName": "Ada"}),
    )
    .await;
    let base = app["_links"]["self"]["href"].as_str().expect("self").to_owned();
    let events = app["_links"]["events"]["href"]
        .as_str()
        .expect("events")
        .to_owned();
    let (status, _) = status_and_body(
        client
            .get(format!("{webpool}{base}/events?ack=14&key=wrong"))
            .bearer_auth(&psat)
            .send()
            .await
            .expect("sent"),
    )
    .await;
    assert_eq!(status, 404, "wrong event key");
    let (status, body) = status_and_body(
        client
            .get(format!("{webpool}{base}/events?key=x"))
            .bearer_auth(&psat)
            .send()
            .await
            .expect("sent"),
    )
    .await;
    assert_eq!(
        (status, body["parameters"][0]["name"].as_str()),
        (400, Some("ack"))
    );
    let (status, body) = status_and_body(
        client
            .get(format!("{webpool}{}", events.replace("ack=14", "ack=999")))
            .bearer_auth(&psat)
            .send()
            .await
            .expect("sent"),
    )
    .await;
    assert_eq!(status, 200);
    assert!(
        body["_links"]["resync"].is_object(),
        "an out-of-range ack gets a resync: {body}"
    );

    let join = format!("{webpool}{base}/communication/onlineMeetingInvitations");
    let (status, body) = status_and_body(
        client
            .post(&join)
            .bearer_auth(&psat)
            .json(&json!({"onlineMeetingUri": conference(&sim, OPEN), "anonymousDisplayName": "Ada"}))
            .send()
            .await
            .expect("sent"),
    )
    .await;
    assert_eq!(
        (status, body["parameters"][0]["name"].as_str()),
        (400, Some("operationId"))
    );
    let (status, body) = status_and_body(client.post(&join).bearer_auth(&psat).json(&json!({"onlineMeetingUri": conference(&sim, LOBBY), "anonymousDisplayName": "Ada", "operationId": "1"})).send().await.expect("sent")).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (403, Some("Forbidden")),
        "a token for another meeting"
    );
    let first = client.post(&join).bearer_auth(&psat).json(&json!({"onlineMeetingUri": conference(&sim, OPEN), "anonymousDisplayName": "Ada", "operationId": "op-a"})).send().await.expect("sent");
    let again = client.post(&join).bearer_auth(&psat).json(&json!({"onlineMeetingUri": conference(&sim, OPEN), "anonymousDisplayName": "Ada", "operationId": "op-a"})).send().await.expect("sent");
    assert_eq!(
        first.headers().get("location"),
        again.headers().get("location"),
        "repeating an operation is idempotent"
    );
    let (status, body) = status_and_body(client.post(&join).bearer_auth(&psat).json(&json!({"onlineMeetingUri": conference(&sim, OPEN), "anonymousDisplayName": "Ada", "operationId": "op-b"})).send().await.expect("sent")).await;
    assert_eq!((status, body["subcode"].as_str()), (409, Some("AlreadyExists")));

    // After all that the simulator still works: a guest joins normally.
    let mut guest = Driver::new(&sim, OPEN);
    guest.join("Still Works").await;
    assert!(matches!(guest.machine.phase(), Phase::InMeeting { .. }));
    sim.shutdown().await;
}

#[tokio::test]
async fn chat_refusals() {
    let sim = start().await;
    let control = Control::new(&sim);
    let mut guest = Driver::new(&sim, OPEN);
    guest.join("Ada").await;
    guest.until_chat().await;
    let app = guest.application();
    let state = control.get("/control/state").await;
    assert!(
        state["applications"]
            .as_array()
            .expect("apps")
            .iter()
            .any(|a| a["id"] == app.as_str())
    );
    let send = guest
        .sent
        .iter()
        .find(|(_, p)| p.ends_with("/messaging/messagingInvitations"))
        .map(|(_, p)| p.replace("/messagingInvitations", "/messages"))
        .expect("add messaging was posted");
    let token = guest_token(
        sim.hosts(),
        &join_url(&sim, OPEN),
        guest.machine.application_session_id().expect("session"),
        ORIGIN,
    )
    .await
    .expect("token");
    let client = client();
    let url = format!(
        "{}{send}?operationId=x1",
        sim.hosts().webpool.as_str().trim_end_matches('/')
    );
    let response = post_raw(&client, &url, token.token.expose(), "text/html", "<b>hi</b>").await;
    assert_eq!(response.status(), 415, "psanon negotiates plain text only");
    let response = post_raw(&client, &url, token.token.expose(), "text/plain", "   ").await;
    assert_eq!(response.status(), 400);
    let ok = post_raw(&client, &url, token.token.expose(), "text/plain", "once").await;
    let twice = post_raw(&client, &url, token.token.expose(), "text/plain", "once").await;
    assert_eq!(ok.headers().get("location"), twice.headers().get("location"));
    tokio::time::sleep(Duration::from_millis(200)).await;
    let chat = control.get(&format!("/control/meetings/{OPEN}")).await["chat"].clone();
    assert_eq!(
        chat.as_array()
            .map(|c| c.iter().filter(|l| l["text"] == "once").count()),
        Some(1),
        "a repeated operation id is not delivered twice"
    );
    sim.shutdown().await;
}

#[tokio::test]
async fn arbitrary_bodies_never_cause_server_errors() {
    let sim = start().await;
    let client = client();
    let token = guest_token(sim.hosts(), &join_url(&sim, OPEN), "fuzz", ORIGIN)
        .await
        .expect("token");
    let aad = aad_token(sim.hosts()).await;
    let webpool = sim.hosts().webpool.as_str().trim_end_matches('/');
    let tokens_url = anon_tokens_url(sim.hosts(), &aad).await.expect("url");
    let bodies = [
        "",
        "null",
        "[]",
        "\"text\"",
        "{\"culture\":1}",
        "{\"culture\":null,\"userAgent\":[]}",
        "{\"a\":{\"b\":{\"c\":[1,2,{}]}}}",
        "\u{0}",
        "{\"applicationSessionId\":\"\",\"allowedOrigins\":\"javascript:alert(1)\"}",
        "{\"allowedOrigins\":\"https://a.com;;;\",\"applicationSessionId\":\"x\",\"meetingUrl\":\"sip:x@y\"}",
    ];
    for body in bodies {
        for (url, bearer) in [
            (
                format!("{webpool}/ucwa/psanon/v1/applications"),
                token.token.expose(),
            ),
            (tokens_url.to_string(), aad.expose()),
        ] {
            let response = post_raw(&client, &url, bearer, "application/json", body).await;
            assert!(
                response.status().is_client_error(),
                "{body:?} → {}",
                response.status()
            );
        }
    }
    sim.shutdown().await;
}

/// Sends `path` as the raw bytes of a request line, as no URL library would, and returns
/// the response's status line.
async fn raw_get(host: &url::Url, path: &[u8]) -> String {
    use std::io::{Read, Write};
    let address = format!(
        "{}:{}",
        host.host_str().expect("host"),
        host.port().expect("port")
    );
    let mut request = b"GET ".to_vec();
    request.extend_from_slice(path);
    request.extend_from_slice(b" HTTP/1.1\r\nhost: sim\r\nconnection: close\r\n\r\n");
    // A plain blocking socket on its own thread, so the simulator keeps the test's runtime.
    tokio::task::spawn_blocking(move || {
        let mut stream = std::net::TcpStream::connect(address).expect("connected");
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .expect("timeout set");
        stream.write_all(&request).expect("sent");
        let mut response = Vec::new();
        // A reset or a timeout leaves `response` empty, which the caller reports.
        let _ = stream.read_to_end(&mut response);
        String::from_utf8_lossy(&response)
            .lines()
            .next()
            .unwrap_or_default()
            .to_owned()
    })
    .await
    .expect("the raw request's thread")
}

#[tokio::test]
async fn raw_utf8_in_a_path_gets_an_answer() {
    let sim = start().await;
    let hosts = sim.hosts().clone();
    // Byte 16 falls inside the `é`, where the `/platformService` casing fix once sliced.
    for path in ["/platformservicé/x", "/platformServicé", "/é"] {
        for host in [&hosts.api, &hosts.ring, &hosts.webpool] {
            let status_line = raw_get(host, path.as_bytes()).await;
            assert!(
                status_line.starts_with("HTTP/1.1 4"),
                "{path} on {host}: {status_line:?}"
            );
        }
    }
    let token = guest_token(&hosts, &join_url(&sim, OPEN), "after-raw", ORIGIN).await;
    assert!(token.is_ok(), "the simulator still hands out tokens");
    sim.shutdown().await;
}
