//! The server's own limits, over real sockets: a client that never finishes its headers is
//! cut off, connections beyond the cap wait, requests beyond the in-flight cap are told the
//! service is busy, a request that takes too long is answered, and a shutdown waits for
//! requests in flight only so long.

mod support;

use std::time::{Duration, Instant};

use support::Served;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const HEALTHZ: &[u8] = b"GET /healthz HTTP/1.1\r\nhost: test\r\n\r\n";

/// A token request whose body never arrives in full: the handler waits on it.
const STUCK_BODY: &[u8] =
    b"POST /api/v1/guest-token HTTP/1.1\r\nhost: test\r\norigin: https://bank.example\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{\"meet";

async fn connect(served: &Served) -> TcpStream {
    TcpStream::connect(served.address).await.expect("connected")
}

/// Reads until the response head is complete or the connection ends; `None` if nothing
/// came within `limit`.
async fn response_head(stream: &mut TcpStream, limit: Duration) -> Option<String> {
    let mut received = Vec::new();
    let mut buffer = [0u8; 4096];
    let read = async {
        loop {
            match stream.read(&mut buffer).await {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    received.extend_from_slice(&buffer[..n]);
                    if received.windows(4).any(|w| w == b"\r\n\r\n") {
                        break;
                    }
                }
            }
        }
    };
    tokio::time::timeout(limit, read).await.ok()?;
    Some(String::from_utf8_lossy(&received).into_owned())
}

#[tokio::test]
async fn a_client_that_never_finishes_its_headers_is_cut_off() {
    let served = Served::start(&[("GUEST_JOIN_HEADER_READ_TIMEOUT_SECS", "1")]).await;
    let mut slow = connect(&served).await;
    slow.write_all(b"GET /healthz HTTP/1.1\r\nhost: te")
        .await
        .expect("sent");
    let started = Instant::now();
    let answer = response_head(&mut slow, Duration::from_secs(10))
        .await
        .expect("the connection ends well before 10 s");
    assert!(!answer.contains("200 OK"), "{answer}");
    assert!(
        started.elapsed() >= Duration::from_millis(900),
        "not before the timeout: {:?}",
        started.elapsed()
    );

    // An idle keep-alive connection is closed the same way.
    let mut idle = connect(&served).await;
    idle.write_all(HEALTHZ).await.expect("sent");
    let first = response_head(&mut idle, Duration::from_secs(5))
        .await
        .expect("answered");
    assert!(first.starts_with("HTTP/1.1 200"), "{first}");
    let mut rest = Vec::new();
    let closed = tokio::time::timeout(Duration::from_secs(10), idle.read_to_end(&mut rest)).await;
    assert!(closed.is_ok(), "the idle connection was closed");
}

#[tokio::test]
async fn connections_beyond_the_cap_wait_for_one_to_close() {
    let served = Served::start(&[("GUEST_JOIN_MAX_CONNECTIONS", "2")]).await;
    let mut first = connect(&served).await;
    let mut second = connect(&served).await;
    for stream in [&mut first, &mut second] {
        stream.write_all(HEALTHZ).await.expect("sent");
        let head = response_head(stream, Duration::from_secs(5))
            .await
            .expect("answered");
        assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    }
    // The kernel completes the handshake, but the service does not take the connection.
    let mut third = connect(&served).await;
    third.write_all(HEALTHZ).await.expect("sent");
    assert_eq!(
        response_head(&mut third, Duration::from_millis(500)).await,
        None,
        "no answer while two connections are open"
    );
    drop(first);
    let head = response_head(&mut third, Duration::from_secs(5))
        .await
        .expect("answered once a connection closed");
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
}

#[tokio::test]
async fn requests_beyond_the_in_flight_cap_are_told_the_service_is_busy() {
    let served = Served::start(&[("GUEST_JOIN_MAX_IN_FLIGHT", "1")]).await;
    let mut stuck = connect(&served).await;
    stuck.write_all(STUCK_BODY).await.expect("sent");
    let client = reqwest::Client::new();
    // The stuck request holds the only permit once the server has read its headers.
    let mut answer = None;
    for _ in 0..100 {
        let response = client.get(served.url("/healthz")).send().await.expect("sent");
        if response.status() == 503 {
            answer = Some(response);
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let busy = answer.expect("told it is busy while the other request is in flight");
    assert_eq!(busy.headers()["retry-after"], "1");
    let body: serde_json::Value = busy.json().await.expect("json");
    assert_eq!(body["error"], "service_unavailable");
    assert_eq!(
        body["message"],
        "The service is busy right now. Please try again in a moment."
    );
    drop(stuck);
    let mut recovered = false;
    for _ in 0..100 {
        let response = client.get(served.url("/healthz")).send().await.expect("sent");
        if response.status() == 200 {
            recovered = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(recovered, "the permit came back when the client went away");
}

#[tokio::test]
async fn a_request_that_takes_too_long_is_answered_at_the_timeout() {
    let served = Served::start(&[("GUEST_JOIN_REQUEST_TIMEOUT_SECS", "1")]).await;
    let mut stuck = connect(&served).await;
    stuck.write_all(STUCK_BODY).await.expect("sent");
    let started = Instant::now();
    let head = response_head(&mut stuck, Duration::from_secs(10))
        .await
        .expect("answered within 10 s");
    assert!(head.starts_with("HTTP/1.1 503"), "{head}");
    assert!(
        started.elapsed() >= Duration::from_millis(900),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn a_shutdown_waits_for_requests_in_flight_only_for_the_grace_period() {
    let mut served = Served::start(&[("GUEST_JOIN_SHUTDOWN_GRACE_SECS", "1")]).await;
    let mut stuck = connect(&served).await;
    stuck.write_all(STUCK_BODY).await.expect("sent");
    // The request is in flight once the server holds its permit; wait for that.
    let client = reqwest::Client::new();
    let mut waited = 0;
    while served.state.in_flight.available_permits() == served.state.settings.limits.max_in_flight {
        assert!(waited < 250, "the stuck request never reached the service");
        tokio::time::sleep(Duration::from_millis(20)).await;
        waited += 1;
    }
    let started = Instant::now();
    served.stop();
    let stopped = tokio::time::timeout(Duration::from_secs(10), &mut served.stopped)
        .await
        .expect("stopped within 10 s")
        .expect("no panic");
    assert!(stopped.is_ok());
    assert!(
        (Duration::from_millis(900)..Duration::from_secs(5)).contains(&started.elapsed()),
        "waited out the grace period, no longer: {:?}",
        started.elapsed()
    );
    assert!(
        client.get(served.url("/healthz")).send().await.is_err(),
        "no longer accepting"
    );
}
