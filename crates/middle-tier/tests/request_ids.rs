//! The request id goes upstream: every request to Azure AD and the Trusted Application API
//! carries the guest request's id as `client-request-id`, so both sides' logs meet.

mod support;

use std::sync::{Arc, Mutex};

use axum::Router;
use axum::http::{HeaderMap, StatusCode};
use serde_json::json;
use support::{BANK, MEETING, Served};

#[tokio::test]
async fn the_request_id_is_sent_upstream_as_client_request_id() {
    // An Azure AD that is down, and notes what it was sent.
    let seen: Arc<Mutex<Vec<Option<String>>>> = Arc::default();
    let noted = Arc::clone(&seen);
    let login = Router::new().fallback(move |headers: HeaderMap| {
        let noted = Arc::clone(&noted);
        async move {
            let id = headers
                .get("client-request-id")
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned);
            noted.lock().expect("notes").push(id);
            StatusCode::SERVICE_UNAVAILABLE
        }
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a free port");
    let login_url = format!("http://{}/", listener.local_addr().expect("bound"));
    tokio::spawn(async move { axum::serve(listener, login).await });

    let served = Served::start(&[
        ("GUEST_JOIN_LOGIN_URL", &login_url),
        ("GUEST_JOIN_UPSTREAM_FAILURE_MEMORY_SECS", "0"),
    ])
    .await;
    let response = reqwest::Client::new()
        .post(served.url("/api/v1/guest-token"))
        .header("origin", BANK)
        .header("x-request-id", "guest-7f3a")
        .json(&json!({"meetingUrl": MEETING}))
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), 503);
    assert_eq!(response.headers()["x-request-id"], "guest-7f3a");
    let seen = seen.lock().expect("notes").clone();
    assert!(!seen.is_empty(), "Azure AD was asked");
    assert!(
        seen.iter().all(|id| id.as_deref() == Some("guest-7f3a")),
        "{seen:?}"
    );
}
