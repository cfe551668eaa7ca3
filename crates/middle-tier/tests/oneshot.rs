//! The middle tier's refusals, tested in-process with `oneshot`: everything here is decided
//! before anything goes upstream (the upstream URLs point at a closed port, so a request
//! that did go upstream would fail differently).

mod support;

use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use middle_tier::{AppState, invitation};
use secrecy::SecretString;
use serde_json::{Value, json};
use support::{BANK, INVITATION_KEY, MEETING, SECRET, STAFF_KEY, settings, state};
use tower::ServiceExt;

struct Answer {
    status: StatusCode,
    headers: http::HeaderMap,
    body: Value,
    text: String,
    body_len: usize,
}

async fn call(state: &Arc<AppState>, request: Request<Body>) -> Answer {
    let response = middle_tier::router(Arc::clone(state))
        .oneshot(request)
        .await
        .expect("infallible");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = axum::body::to_bytes(response.into_body(), 1 << 20)
        .await
        .expect("body");
    let text = String::from_utf8_lossy(&bytes).into_owned();
    Answer {
        status,
        headers,
        body: serde_json::from_str(&text).unwrap_or(Value::Null),
        text,
        body_len: bytes.len(),
    }
}

fn token_request(origin: Option<&str>, body: &str) -> Request<Body> {
    let mut builder = Request::post("/api/v1/guest-token").header("content-type", "application/json");
    if let Some(origin) = origin {
        builder = builder.header("origin", origin);
    }
    builder.body(Body::from(body.to_owned())).expect("request")
}

#[tokio::test]
async fn unlisted_origins_are_refused_without_going_upstream() {
    let state = state(&[]);
    let body = json!({"meetingUrl": MEETING}).to_string();
    for origin in [
        None,
        Some("https://evil.example"),
        Some("https://bank.example.evil.example"),
        Some("http://bank.example"),
    ] {
        let answer = call(&state, token_request(origin, &body)).await;
        assert_eq!(answer.status, StatusCode::FORBIDDEN, "{origin:?}");
        assert_eq!(answer.body["error"], "origin_not_allowed");
        assert_eq!(answer.body["retryable"], false);
        // Readable by the refused page, so it can say why; no origin is ever echoed.
        assert_eq!(answer.headers["access-control-allow-origin"], "*");
    }
    // A listed origin gets past the check and reaches the (closed) upstream.
    let answer = call(&state, token_request(Some(BANK), &body)).await;
    assert_eq!(answer.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(answer.body["error"], "service_unavailable");
    assert_eq!(answer.body["retryable"], true);
    assert_eq!(answer.headers["access-control-allow-origin"], BANK);
    assert!(answer.headers.contains_key("retry-after"));
}

#[tokio::test]
async fn meeting_links_are_checked_before_anything_goes_upstream() {
    let state = state(&[]);
    let cases = [
        ("not json", None, StatusCode::BAD_REQUEST, "invalid_request"),
        ("{}", None, StatusCode::BAD_REQUEST, "invalid_request"),
        (
            "{\"meetingUrl\": 5}",
            None,
            StatusCode::BAD_REQUEST,
            "invalid_request",
        ),
        (
            "",
            Some("https://www.example.com/"),
            StatusCode::BAD_REQUEST,
            "invalid_meeting_link",
        ),
        (
            "",
            Some("https://teams.microsoft.com/l/meetup-join/x"),
            StatusCode::BAD_REQUEST,
            "invalid_meeting_link",
        ),
        // A meeting link on a host this service does not join (here an on-premises
        // server's) is told apart from text that is no meeting link at all.
        (
            "",
            Some("https://join.contoso.com/meet/john/BW9Z1MJD"),
            StatusCode::FORBIDDEN,
            "meeting_host_not_allowed",
        ),
        (
            "",
            Some("sip:a@b.com;gruu;opaque=app:conf:focus:id:X1"),
            StatusCode::BAD_REQUEST,
            "invalid_meeting_link",
        ),
        (
            "",
            Some("https://user:pass@meet.lync.com/contoso/testuser/1SD8D0WZ"),
            StatusCode::BAD_REQUEST,
            "invalid_meeting_link",
        ),
        (
            "",
            Some("https://meet.resources.lync.com/NOAMmeetings/org/ABCD1234"),
            StatusCode::FORBIDDEN,
            "meeting_host_not_allowed",
        ),
    ];
    for (raw, link, status, error) in cases {
        let body = link.map_or_else(|| raw.to_owned(), |l| json!({"meetingUrl": l}).to_string());
        let answer = call(&state, token_request(Some(BANK), &body)).await;
        assert_eq!(
            (answer.status, answer.body["error"].as_str()),
            (status, Some(error)),
            "{body}"
        );
        assert!(
            answer.body["message"].as_str().is_some_and(|m| !m.contains('{')),
            "a sentence, not JSON"
        );
    }
    // A session id is honoured only if this service issued it for this meeting and origin.
    let issued_elsewhere = middle_tier::session::Sessions::new(None).issue(MEETING, BANK);
    let other_meeting = state
        .sessions
        .issue("https://meet.lync.com/contoso/advisor/OTHER123", BANK);
    for session in ["bad id!", "0123456789abcdef", &issued_elsewhere, &other_meeting] {
        let answer = call(
            &state,
            token_request(
                Some(BANK),
                &json!({"meetingUrl": MEETING, "applicationSessionId": session}).to_string(),
            ),
        )
        .await;
        assert_eq!(
            (answer.status, answer.body["error"].as_str()),
            (StatusCode::FORBIDDEN, Some("session_not_valid")),
            "{session}"
        );
    }
    let own = state.sessions.issue(MEETING, BANK);
    let answer = call(
        &state,
        token_request(
            Some(BANK),
            &json!({"meetingUrl": MEETING, "applicationSessionId": own}).to_string(),
        ),
    )
    .await;
    assert_eq!(
        answer.body["error"], "service_unavailable",
        "its own session passes the check and meets the closed upstream"
    );
    let huge = json!({"meetingUrl": MEETING, "displayName": "x".repeat(64 * 1024)}).to_string();
    let answer = call(&state, token_request(Some(BANK), &huge)).await;
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn invitations_are_checked_when_required() {
    let state = state(&[("GUEST_JOIN_REQUIRE_INVITATION", "true")]);
    let key = SecretString::from(INVITATION_KEY);
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock")
        .as_secs() as i64;
    let valid = invitation::sign(
        &key,
        &invitation::Grant {
            meeting_url: MEETING.to_owned(),
            expires: now + 600,
            subject: None,
        },
    );
    let expired = invitation::sign(
        &key,
        &invitation::Grant {
            meeting_url: MEETING.to_owned(),
            expires: now - 1,
            subject: None,
        },
    );
    let other_meeting = invitation::sign(
        &key,
        &invitation::Grant {
            meeting_url: "https://meet.lync.com/contoso/advisor/OTHER123".to_owned(),
            expires: now + 600,
            subject: None,
        },
    );
    let forged = invitation::sign(
        &SecretString::from("somebody else's key, long enough!!"),
        &invitation::Grant {
            meeting_url: MEETING.to_owned(),
            expires: now + 600,
            subject: None,
        },
    );
    let cases = [
        (None, "invitation_required"),
        (Some(expired.as_str()), "invitation_expired"),
        (Some(other_meeting.as_str()), "invitation_invalid"),
        (Some(forged.as_str()), "invitation_invalid"),
        (Some("garbage"), "invitation_invalid"),
    ];
    for (invite, error) in cases {
        let answer = call(
            &state,
            token_request(
                Some(BANK),
                &json!({"meetingUrl": MEETING, "invitation": invite}).to_string(),
            ),
        )
        .await;
        assert_eq!(
            (answer.status, answer.body["error"].as_str()),
            (StatusCode::FORBIDDEN, Some(error)),
            "{invite:?}"
        );
    }
    // A valid one passes the check (and then meets the closed upstream).
    let answer = call(
        &state,
        token_request(
            Some(BANK),
            &json!({"meetingUrl": MEETING, "invitation": valid}).to_string(),
        ),
    )
    .await;
    assert_eq!(answer.body["error"], "service_unavailable");
}

#[tokio::test]
async fn preflights_allow_the_json_post() {
    let state = state(&[]);
    let preflight = |origin: &str| {
        Request::options("/api/v1/guest-token")
            .header("origin", origin)
            .header("access-control-request-method", "POST")
            .header("access-control-request-headers", "content-type")
            .body(Body::empty())
            .expect("request")
    };
    let answer = call(&state, preflight(BANK)).await;
    assert_eq!(answer.status, StatusCode::NO_CONTENT);
    assert_eq!(answer.headers["access-control-allow-origin"], BANK);
    assert!(
        answer.headers["access-control-allow-headers"]
            .to_str()
            .expect("ascii")
            .contains("content-type")
    );
    let answer = call(&state, preflight("https://evil.example")).await;
    assert_eq!(
        answer.headers["access-control-allow-origin"], "*",
        "so the page can read why it was refused"
    );
}

#[tokio::test]
async fn staff_api_needs_the_staff_key() {
    let state = state(&[]);
    let request = |key: Option<&str>| {
        let mut builder =
            Request::post("/api/v1/staff/invitations").header("content-type", "application/json");
        if let Some(key) = key {
            builder = builder.header("authorization", format!("Bearer {key}"));
        }
        builder
            .body(Body::from(
                json!({"meetingUrl": MEETING, "subject": "Advice"}).to_string(),
            ))
            .expect("request")
    };
    assert_eq!(call(&state, request(None)).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        call(&state, request(Some("staff-key-0123456788"))).await.status,
        StatusCode::UNAUTHORIZED
    );
    let answer = call(&state, request(Some(STAFF_KEY))).await;
    assert_eq!(answer.status, StatusCode::CREATED);
    let link = answer.body["guestLink"].as_str().expect("link");
    assert!(link.starts_with("http://127.0.0.1:8080/?join="), "{link}");
    let invitation = answer.body["invitation"].as_str().expect("invitation");
    let grant =
        invitation::verify(&SecretString::from(INVITATION_KEY), invitation, MEETING, 0).expect("valid");
    assert_eq!(grant.subject.as_deref(), Some("Advice"));

    let no_staff = AppState::new({
        let mut s = settings(&[]);
        s.staff_key = None;
        s
    })
    .expect("state");
    assert_eq!(
        call(&no_staff, request(Some(STAFF_KEY))).await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn callbacks_without_a_valid_token_are_refused() {
    let state = state(&[]);
    for authorization in [
        None,
        Some("Bearer"),
        Some("Bearer not.a.jwt"),
        Some("Basic dXNlcjpwYXNz"),
    ] {
        let mut builder = Request::post("/api/v1/callback").header("content-type", "application/json");
        if let Some(value) = authorization {
            builder = builder.header("authorization", value);
        }
        let answer = call(
            &state,
            builder.body(Body::from("{\"sender\":[]}")).expect("request"),
        )
        .await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED, "{authorization:?}");
    }
}

#[tokio::test]
async fn every_response_has_a_request_id_and_security_headers() {
    let state = state(&[]);
    let answer = call(
        &state,
        Request::get("/healthz")
            .header("x-request-id", "abc-123")
            .body(Body::empty())
            .expect("request"),
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.headers["x-request-id"], "abc-123");
    assert_eq!(answer.headers["referrer-policy"], "no-referrer");
    let answer = call(&state, token_request(Some("https://evil.example"), "{}")).await;
    let id = answer.headers["x-request-id"].to_str().expect("ascii").to_owned();
    assert_eq!(
        answer.body["requestId"],
        id.as_str(),
        "the error body quotes the request id"
    );
    let answer = call(
        &state,
        Request::get("/healthz")
            .header("x-request-id", "<script>")
            .body(Body::empty())
            .expect("request"),
    )
    .await;
    assert_ne!(answer.headers["x-request-id"], "<script>", "odd ids are replaced");
}

#[tokio::test]
async fn readiness_reports_what_is_known_and_a_remembered_failure() {
    let state = state(&[]);
    let readyz = || Request::get("/readyz").body(Body::empty()).expect("request");
    let answer = call(&state, readyz()).await;
    assert_eq!(answer.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(answer.body["status"], "unavailable");
    assert!(
        answer.body["capabilities"] == "unknown" || answer.body["capabilities"] == "fetching",
        "{}",
        answer.text
    );
    // A guest meets the closed upstream: the failure is remembered, and readiness says so
    // for as long as it is.
    let refused = call(
        &state,
        token_request(Some(BANK), &json!({"meetingUrl": MEETING}).to_string()),
    )
    .await;
    assert_eq!(refused.body["error"], "service_unavailable");
    let answer = call(&state, readyz()).await;
    assert_eq!(answer.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        answer.body["upstream"]["failing"], "unavailable",
        "{}",
        answer.text
    );
    let wait = answer.body["upstream"]["retryInSeconds"]
        .as_u64()
        .expect("seconds");
    assert!((1..=5).contains(&wait), "{}", answer.text);
    assert_eq!(
        refused.headers["retry-after"],
        wait.to_string().as_str(),
        "the guest was told the same wait"
    );
    assert!(!answer.text.contains(SECRET));
}

#[tokio::test]
async fn the_hosted_app_gets_a_content_security_policy() {
    let dir = std::env::temp_dir().join(format!("mt-site-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    std::fs::write(dir.join("index.html"), "<html><head><meta name=\"guest-join-meeting-hosts\" content=\"\" /><script type=\"module\">import init from '/app.js';</script></head></html>").expect("write");
    std::fs::write(dir.join("app.js"), "export default 1;").expect("write");
    let state = state(&[
        ("GUEST_JOIN_STATIC_DIR", dir.to_str().expect("utf8")),
        ("GUEST_JOIN_CONNECT_SRC", "https://webpool.example"),
    ]);
    let answer = call(&state, Request::get("/").body(Body::empty()).expect("request")).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert!(
        answer.text.contains("content=\"meet.lync.com\""),
        "{}",
        answer.text
    );
    let csp = answer.headers["content-security-policy"]
        .to_str()
        .expect("ascii")
        .to_owned();
    assert!(csp.contains("'sha256-"), "{csp}");
    assert!(
        csp.contains("frame-ancestors 'self' https://bank.example"),
        "{csp}"
    );
    assert!(
        csp.contains("connect-src 'self' http://127.0.0.1:9 https://webpool.example"),
        "{csp}"
    );
    let answer = call(
        &state,
        Request::get("/app.js").body(Body::empty()).expect("request"),
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.headers["referrer-policy"], "no-referrer");
    assert_eq!(answer.headers["content-type"], "text/javascript; charset=utf-8");
    let answer = call(
        &state,
        Request::get("/nothing.js").body(Body::empty()).expect("request"),
    )
    .await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    let answer = call(
        &state,
        Request::post("/app.js").body(Body::empty()).expect("request"),
    )
    .await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND, "files are only read");
}

#[tokio::test]
async fn the_page_comes_in_the_language_asked_for_else_the_browsers() {
    let dir = std::env::temp_dir().join(format!("mt-lang-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    std::fs::write(
        dir.join("index.html"),
        "<!doctype html>\n<html lang=\"en-US\">\n<head><title data-i18n=\"page-title\">Join a meeting</title>\
         <meta name=\"description\" content=\"Join.\" data-i18n-content=\"page-description\" /></head>\
         <body><noscript data-i18n=\"page-noscript\">Needs JavaScript.</noscript>\
         <label data-i18n=\"name-label\">Your name</label></body></html>",
    )
    .expect("write");
    let state = state(&[("GUEST_JOIN_STATIC_DIR", dir.to_str().expect("utf8"))]);
    let page = |uri: &'static str, accept: Option<&'static str>| {
        let mut request = Request::get(uri);
        if let Some(accept) = accept {
            request = request.header("accept-language", accept);
        }
        call(&state, request.body(Body::empty()).expect("request"))
    };
    let english = page("/", None).await;
    assert!(english.text.contains("<html lang=\"en-US\">"), "{}", english.text);
    assert!(
        !english.text.contains("guest-join-words"),
        "English is built into the app"
    );
    assert_eq!(english.headers["vary"], "accept-encoding, accept-language");

    let german = page("/", Some("de-AT,de;q=0.9,en;q=0.5")).await;
    assert!(
        german.text.contains("<html lang=\"de\" dir=\"ltr\">"),
        "{}",
        german.text
    );
    assert!(
        german
            .text
            .contains("<script type=\"application/json\" id=\"guest-join-words\">{\"lang\":\"de\"")
    );
    // What must read right before any script runs (or without one) is German already.
    for marked in [
        "<label data-i18n=\"name-label\">Ihr Name</label>",
        "<noscript data-i18n=\"page-noscript\">Diese",
        "<title data-i18n=\"page-title\">An einer",
    ] {
        assert!(german.text.contains(marked), "{marked} in {}", german.text);
    }
    assert!(!german.text.contains("content=\"Join.\""), "the description too");

    let arabic = page("/?join=x&lang=ar", Some("de")).await;
    assert!(
        arabic.text.contains("<html lang=\"ar\" dir=\"rtl\">"),
        "?lang= wins over the browser"
    );
    let unknown = page("/?lang=xx", Some("sv")).await;
    assert!(unknown.text.contains("<html lang=\"en-US\">"), "else English");
    // Nothing in the words can close their <script> early.
    let words = german
        .text
        .split("id=\"guest-join-words\">")
        .nth(1)
        .expect("words");
    let words = words.split("</script>").next().expect("the element");
    serde_json::from_str::<Value>(words).expect("the words are JSON");
}

#[tokio::test]
async fn built_files_are_sent_compressed_and_cached_for_good() {
    let dir = std::env::temp_dir().join(format!("mt-built-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    std::fs::write(dir.join("index.html"), "<html></html>").expect("write");
    let wasm = "(module)".repeat(4096);
    std::fs::write(dir.join("app-0123456789abcdef_bg.wasm"), &wasm).expect("write");
    let state = state(&[("GUEST_JOIN_STATIC_DIR", dir.to_str().expect("utf8"))]);
    let request = Request::get("/app-0123456789abcdef_bg.wasm")
        .header("accept-encoding", "gzip, deflate, br")
        .body(Body::empty())
        .expect("request");
    let answer = call(&state, request).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.headers["content-encoding"], "br");
    assert_eq!(answer.headers["content-type"], "application/wasm");
    assert_eq!(
        answer.headers["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(answer.headers["vary"], "accept-encoding");
    assert!(answer.body_len < wasm.len() / 10, "{} bytes", answer.body_len);
    let page = call(&state, Request::head("/").body(Body::empty()).expect("request")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.headers["cache-control"], "no-cache");
    assert_eq!(page.body_len, 0, "HEAD has no body");
}
