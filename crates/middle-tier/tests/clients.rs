//! Rate limits through a real socket: clients connect from several loopback addresses, and
//! through a trusted proxy that names them in `X-Forwarded-For`. Every request here is
//! refused before anything goes upstream (a link that is no meeting link), and still
//! counts.

mod support;

use std::net::IpAddr;

use reqwest::StatusCode;
use serde_json::{Value, json};
use support::{BANK, Served};

/// A client whose connections come from `address` (any of 127.0.0.0/8 reaches loopback).
fn client_from(address: &str) -> reqwest::Client {
    reqwest::Client::builder()
        .local_address(address.parse::<IpAddr>().expect("address"))
        .build()
        .expect("client")
}

async fn ask(served: &Served, client: &reqwest::Client, forwarded_for: Option<&str>) -> reqwest::Response {
    let mut request = client
        .post(served.url("/api/v1/guest-token"))
        .header("origin", BANK)
        .json(&json!({"meetingUrl": "https://www.example.com/"}));
    if let Some(hops) = forwarded_for {
        request = request.header("x-forwarded-for", hops);
    }
    request.send().await.expect("middle tier reachable")
}

async fn status(served: &Served, client: &reqwest::Client, forwarded_for: Option<&str>) -> StatusCode {
    ask(served, client, forwarded_for).await.status()
}

#[tokio::test]
async fn each_client_address_has_its_own_allowance() {
    let served = Served::start(&[("GUEST_JOIN_REQUESTS_PER_MINUTE", "3")]).await;
    let (ada, bob) = (client_from("127.0.0.2"), client_from("127.0.0.3"));
    for _ in 0..3 {
        assert_eq!(status(&served, &ada, None).await, StatusCode::BAD_REQUEST);
    }
    let refused = ask(&served, &ada, None).await;
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    let headers = refused.headers().clone();
    let wait: u64 = headers["retry-after"]
        .to_str()
        .expect("ascii")
        .parse()
        .expect("seconds");
    assert!((1..=20).contains(&wait), "one request back every 20 s: {wait}");
    assert_eq!(
        headers["access-control-allow-origin"], BANK,
        "the page can read why"
    );
    let body: Value = refused.json().await.expect("the JSON error document");
    assert_eq!(body["error"], "rate_limited");
    assert_eq!(body["retryable"], true);
    assert_eq!(
        body["message"],
        format!("Too many attempts. Try again in {wait} seconds.")
    );
    assert!(body["requestId"].is_string());

    assert_eq!(
        status(&served, &bob, None).await,
        StatusCode::BAD_REQUEST,
        "another address is not held up"
    );
    let health = ada.get(served.url("/healthz")).send().await.expect("sent");
    assert_eq!(health.status(), StatusCode::OK, "health checks count separately");
}

#[tokio::test]
async fn preflights_are_never_counted() {
    let served = Served::start(&[("GUEST_JOIN_REQUESTS_PER_MINUTE", "2")]).await;
    let ada = client_from("127.0.0.4");
    let preflight = || {
        ada.request(reqwest::Method::OPTIONS, served.url("/api/v1/guest-token"))
            .header("origin", BANK)
            .header("access-control-request-method", "POST")
            .send()
    };
    for _ in 0..5 {
        assert_eq!(preflight().await.expect("sent").status(), StatusCode::NO_CONTENT);
    }
    for _ in 0..2 {
        assert_eq!(status(&served, &ada, None).await, StatusCode::BAD_REQUEST);
    }
    assert_eq!(status(&served, &ada, None).await, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        preflight().await.expect("sent").status(),
        StatusCode::NO_CONTENT,
        "a limited client's preflight still passes"
    );
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_forwarded_client_has_its_own_allowance() {
    let served = Served::start(&[
        ("GUEST_JOIN_REQUESTS_PER_MINUTE", "2"),
        ("GUEST_JOIN_TRUSTED_PROXIES", "127.0.0.1/32"),
    ])
    .await;
    let proxy = client_from("127.0.0.1");
    // The guest wrote the left-most hop itself; the proxy appended the address it saw.
    for _ in 0..2 {
        assert_eq!(
            status(&served, &proxy, Some("10.9.9.9, 198.51.100.1")).await,
            StatusCode::BAD_REQUEST
        );
    }
    assert_eq!(
        status(&served, &proxy, Some("10.8.8.8, 198.51.100.1")).await,
        StatusCode::TOO_MANY_REQUESTS,
        "the same guest, whatever it writes on the left"
    );
    assert_eq!(
        status(&served, &proxy, Some("198.51.100.2")).await,
        StatusCode::BAD_REQUEST,
        "another guest behind the same proxy"
    );
    // IPv6 guests count by /64: a new address in the same block is the same guest.
    for _ in 0..2 {
        assert_eq!(
            status(&served, &proxy, Some("2001:db8:0:1::1")).await,
            StatusCode::BAD_REQUEST
        );
    }
    assert_eq!(
        status(&served, &proxy, Some("2001:db8:0:1::ffff")).await,
        StatusCode::TOO_MANY_REQUESTS
    );
    assert_eq!(
        status(&served, &proxy, Some("2001:db8:0:2::1")).await,
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn a_client_that_is_no_trusted_proxy_cannot_pick_its_own_identity() {
    let served = Served::start(&[
        ("GUEST_JOIN_REQUESTS_PER_MINUTE", "2"),
        ("GUEST_JOIN_TRUSTED_PROXIES", "127.0.0.1/32"),
    ])
    .await;
    let forger = client_from("127.0.0.5");
    for n in 0..2 {
        let claimed = format!("198.51.100.{n}");
        assert_eq!(
            status(&served, &forger, Some(&claimed)).await,
            StatusCode::BAD_REQUEST
        );
    }
    assert_eq!(
        status(&served, &forger, Some("198.51.100.77")).await,
        StatusCode::TOO_MANY_REQUESTS,
        "counted by its own address"
    );
}
