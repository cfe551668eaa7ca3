//! The HTTP server around the router, with the limits `axum::serve` does not offer:
//! - a cap on open connections (beyond it, new ones wait in the listen queue);
//! - a header-read timeout, which also closes idle keep-alive connections, so a client
//!   that opens a connection and says nothing cannot hold it for ever;
//! - a cap on requests in flight and a whole-request timeout ([`guard`]);
//! - a graceful shutdown that waits a bounded time for requests in flight.

use std::future::Future;
use std::io;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{ConnectInfo, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower::Service;

use crate::AppState;
use crate::error::ApiError;

/// How long to wait before accepting again after the listener failed (out of file
/// descriptors, say): long enough for connections to close, short enough to go unnoticed.
const ACCEPT_BACKOFF: Duration = Duration::from_millis(250);

/// Serves `app` on `listener` until `shutdown` completes, within `state`'s limits; then
/// stops accepting and lets requests in flight finish for the grace period at most.
///
/// # Errors
/// None so far: a failing listener is retried, since a full descriptor table clears up.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    state: Arc<AppState>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> io::Result<()> {
    let limits = state.settings.limits;
    let connections = Arc::new(Semaphore::new(limits.max_connections));
    let graceful = GracefulShutdown::new();
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_read_timeout);
    tokio::pin!(shutdown);
    loop {
        // A permit first: beyond the cap, connections wait in the kernel's queue rather
        // than being accepted and starved.
        let permit = tokio::select! {
            permit = Arc::clone(&connections).acquire_owned() => match permit {
                Ok(permit) => permit,
                Err(_closed) => break,
            },
            () = &mut shutdown => break,
        };
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    if !is_connection_error(&error) {
                        tracing::warn!(%error, "cannot accept connections; trying again shortly");
                        tokio::time::sleep(ACCEPT_BACKOFF).await;
                    }
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        // Small responses go out at once rather than waiting for more to send.
        let _ = stream.set_nodelay(true);
        let app = app.clone();
        let service = hyper::service::service_fn(move |mut request: Request<Incoming>| {
            request.extensions_mut().insert(ConnectInfo(peer));
            app.clone().call(request)
        });
        let connection = graceful.watch(http.serve_connection(TokioIo::new(stream), service));
        tokio::spawn(async move {
            // A client that goes away mid-request is not the service's error.
            let _ = connection.await;
            drop(permit);
        });
    }
    let address = listener.local_addr().map(|a| a.to_string()).unwrap_or_default();
    drop(listener);
    tracing::info!(
        %address,
        grace_s = limits.shutdown_grace.as_secs(),
        "stopped accepting; finishing requests in flight"
    );
    if tokio::time::timeout(limits.shutdown_grace, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!("the grace period ended with requests still in flight; they are cut off");
    }
    Ok(())
}

/// Errors that concern one connection only, where accepting the next one works at once.
fn is_connection_error(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::ConnectionRefused | io::ErrorKind::ConnectionAborted | io::ErrorKind::ConnectionReset
    )
}

/// Holds every request to the in-flight cap and the whole-request timeout. Over the cap a
/// request is told at once that the service is busy: queueing it would only make every
/// guest wait longer.
pub async fn guard(State(state): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    let Ok(_permit) = state.in_flight.try_acquire() else {
        return ApiError::busy().into_response();
    };
    let _counted = state.metrics.in_flight();
    let limit = state.settings.limits.request_timeout;
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(response) => response,
        Err(_elapsed) => {
            tracing::warn!(limit_s = limit.as_secs(), "request timed out");
            ApiError::timed_out().into_response()
        }
    }
}
