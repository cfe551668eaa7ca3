//! The guest-join middle tier ("service application"): the only holder of the Azure AD
//! app credentials. It decides who may join which meeting from which website, and hands
//! a guest only the `psat` guest token and its discover URL.
//!
//! Routes:
//! - `POST /api/v1/guest-token` (+ CORS preflight): a guest token for a meeting link.
//! - `POST /api/v1/staff/meetings`, `POST /api/v1/staff/invitations`: staff, with the staff key.
//! - `POST /api/v1/callback`: notifications from the meeting service, token-validated.
//! - `GET /healthz`, `GET /readyz`.
//! - the built app, when `static_dir` is set.

pub mod api;
pub mod callback;
pub mod config;
pub mod error;
pub mod invitation;
pub mod ops;
pub mod site;
pub mod upstream;

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use tokio::net::TcpListener;
use tower_http::services::ServeDir;

use crate::callback::KeyCache;
use crate::config::Settings;
use crate::ops::RateLimiter;
use crate::site::Site;
use crate::upstream::Upstream;

/// Largest request body the API accepts.
const MAX_BODY: usize = 16 * 1024;

/// Everything the handlers share.
#[derive(Debug)]
pub struct AppState {
    /// The settings.
    pub settings: Settings,
    /// The upstream client.
    pub upstream: Upstream,
    /// Callback signing keys.
    pub keys: KeyCache,
    /// The per-client rate limit.
    pub limiter: RateLimiter,
    /// The hosted app.
    pub site: Site,
}

/// Why the service could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// The HTTP client could not be built.
    #[error("cannot build the HTTP client: {0}")]
    Client(#[from] reqwest::Error),
    /// The app could not be read.
    #[error("cannot read the app: {0}")]
    Site(#[from] std::io::Error),
}

impl AppState {
    /// The state for `settings`.
    ///
    /// # Errors
    /// [`StartError`].
    pub fn new(settings: Settings) -> Result<Arc<Self>, StartError> {
        Ok(Arc::new(Self {
            upstream: Upstream::new(settings.azure.clone())?,
            keys: KeyCache::new(
                settings.openid_configuration.clone(),
                std::time::Duration::from_secs(settings.min_key_refresh_secs),
            ),
            limiter: RateLimiter::new(settings.requests_per_minute),
            site: Site::load(&settings)?,
            settings,
        }))
    }
}

/// The whole service.
pub fn router(state: Arc<AppState>) -> Router {
    let limited = Router::new()
        .route(
            "/api/v1/guest-token",
            post(api::guest_token).options(api::guest_token_preflight),
        )
        .route("/api/v1/staff/meetings", post(api::create_meeting))
        .route("/api/v1/staff/invitations", post(api::create_invitation))
        .route_layer(axum::middleware::from_fn_with_state(
            Arc::clone(&state),
            ops::rate_limit,
        ));
    let mut router = Router::new()
        .merge(limited)
        .route("/api/v1/callback", post(callback::receive))
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz));
    if state.site.index.is_some() {
        router = router.route("/", get(index)).route("/index.html", get(index));
    }
    router = match state.site.dir.clone() {
        Some(dir) => router.fallback_service(ServeDir::new(dir).fallback(get(not_found))),
        None => router.fallback(not_found),
    };
    router
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&state),
            ops::security_headers,
        ))
        .layer(axum::middleware::from_fn(ops::request_id))
        .with_state(state)
}

async fn index(State(state): State<Arc<AppState>>) -> Response {
    let Some(page) = state.site.index.clone() else {
        return not_found().await;
    };
    let mut response = page.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

async fn not_found() -> Response {
    (StatusCode::NOT_FOUND, axum::Json(serde_json::json!({"error": "not_found", "message": "There is nothing here.", "retryable": false}))).into_response()
}

async fn healthz() -> Response {
    axum::Json(serde_json::json!({"status": "ok"})).into_response()
}

async fn readyz(State(state): State<Arc<AppState>>) -> Response {
    match state.upstream.ready().await {
        Ok(()) => axum::Json(serde_json::json!({"status": "ready"})).into_response(),
        Err(error) => {
            tracing::warn!(%error, "not ready");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                axum::Json(serde_json::json!({"status": "unavailable"})),
            )
                .into_response()
        }
    }
}

/// Serves until `shutdown` completes, then finishes the requests in flight.
///
/// # Errors
/// An I/O error from the listener.
pub async fn serve(
    listener: TcpListener,
    state: Arc<AppState>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(
        listener,
        router(state).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await
}
