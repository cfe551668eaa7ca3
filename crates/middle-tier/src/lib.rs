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
//! - `GET /metrics`, on a listener of its own ([`serve_metrics`]).
//!
//! Around them: [`server`] accepts connections within limits and time, [`client`] finds
//! the client behind trusted proxies, [`rate_limit`] counts each client's requests, [`ops`]
//! gives every request an id and its security headers, [`upstream`] talks to Azure AD and
//! the Trusted Application API within a deadline and remembers their failures,
//! [`session`] signs guests' session ids, and [`metrics`] and [`logging`] say how it goes.

pub mod api;
pub mod assets;
pub mod callback;
pub mod client;
pub mod config;
pub mod error;
pub mod invitation;
pub mod logging;
pub mod metrics;
pub mod ops;
pub mod rate_limit;
pub mod server;
pub mod session;
mod shared_fetch;
mod signing;
pub mod site;
pub mod upstream;

use std::future::Future;
use std::sync::Arc;

use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Router};
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

use crate::callback::KeyCache;
use crate::config::Settings;
use crate::metrics::Metrics;
use crate::ops::RequestId;
use crate::rate_limit::{RateLimits, RouteClass};
use crate::session::Sessions;
use crate::site::Site;
use crate::upstream::{Upstream, UpstreamHealth};

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
    /// The per-client rate limits.
    pub rate_limits: RateLimits,
    /// The hosted app.
    pub site: Site,
    /// Permits for requests in flight.
    pub in_flight: Semaphore,
    /// Issues and checks guests' session ids.
    pub sessions: Sessions,
    /// What the service counts.
    pub metrics: Arc<Metrics>,
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
        let metrics = Arc::new(Metrics::new());
        Ok(Arc::new(Self {
            upstream: Upstream::new(settings.azure.clone(), settings.upstream, Arc::clone(&metrics))?,
            keys: KeyCache::new(
                settings.openid_configuration.clone(),
                std::time::Duration::from_secs(settings.min_key_refresh_secs),
            ),
            rate_limits: RateLimits::new(settings.limits.per_minute),
            site: Site::load(&settings)?,
            in_flight: Semaphore::new(settings.limits.max_in_flight),
            sessions: Sessions::new(settings.session_key.clone()),
            metrics,
            settings,
        }))
    }
}

/// The whole service.
pub fn router(state: Arc<AppState>) -> Router {
    let limited = |class: RouteClass, routes: Router<Arc<AppState>>| {
        routes.route_layer(axum::middleware::from_fn_with_state(
            (Arc::clone(&state), class),
            rate_limit::rate_limit,
        ))
    };
    let token = limited(
        RouteClass::Token,
        // The app finds this route through the same constant.
        Router::new().route(
            &format!("/{}", protocol::guest_api::GUEST_TOKEN_PATH),
            post(api::guest_token).options(api::guest_token_preflight),
        ),
    );
    let staff = limited(
        RouteClass::Staff,
        Router::new()
            .route("/api/v1/staff/meetings", post(api::create_meeting))
            .route("/api/v1/staff/invitations", post(api::create_invitation))
            .route(
                &format!("/{}", protocol::guest_api::STAFF_CHECK_TOKEN_PATH),
                post(api::staff_check_token),
            ),
    );
    let callback = limited(
        RouteClass::Callback,
        Router::new().route("/api/v1/callback", post(callback::receive)),
    );
    let health = limited(
        RouteClass::Health,
        Router::new()
            .route("/healthz", get(healthz))
            .route("/readyz", get(readyz)),
    );
    let embed = Router::new().route(EMBED_SCRIPT_PATH, get(embed_script));
    Router::new()
        .merge(token)
        .merge(staff)
        .merge(callback)
        .merge(health)
        .merge(embed)
        .fallback(static_file)
        // Layers wrap from the inside out: the request id is given first, and is on every
        // answer, the busy and timed-out ones included.
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&state),
            server::guard,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.settings.proxies.clone(),
            client::identify,
        ))
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&state),
            ops::security_headers,
        ))
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&state),
            ops::request_id,
        ))
        .with_state(state)
}

/// The hosted app's files; `/` is its page.
async fn static_file(
    State(state): State<Arc<AppState>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let served = state
        .site
        .assets
        .as_ref()
        .filter(|_| method == Method::GET || method == Method::HEAD);
    // The page comes in the language asked for (`?lang=`), else the browser's.
    let page = matches!(uri.path(), "/" | "/index.html");
    let path = if page {
        let asked = uri.query().and_then(|query| {
            url::form_urlencoded::parse(query.as_bytes())
                .find_map(|(k, v)| (k == "lang").then(|| v.into_owned()))
        });
        let accepted = headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok());
        site::page_name(catalogue::choose(asked.as_deref(), accepted))
    } else {
        uri.path().to_owned()
    };
    match served.and_then(|assets| assets.respond(&method, &path, &headers)) {
        Some(mut response) => {
            if page {
                response.headers_mut().insert(
                    header::VARY,
                    HeaderValue::from_static("accept-encoding, accept-language"),
                );
            }
            response
        }
        None => not_found().await,
    }
}

/// Where partners load the `<guest-join>` element from; the version is in the path, so a
/// later version can change the element without breaking pages that use this one.
pub const EMBED_SCRIPT_PATH: &str = "/embed/v1.js";

/// The `<guest-join>` element: a few KB, no dependencies.
async fn embed_script() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../assets/embed-v1.js"),
    )
        .into_response()
}

async fn not_found() -> Response {
    (StatusCode::NOT_FOUND, axum::Json(serde_json::json!({"error": "not_found", "message": "There is nothing here.", "retryable": false}))).into_response()
}

async fn healthz() -> Response {
    axum::Json(serde_json::json!({"status": "ok"})).into_response()
}

/// What is cached and what failure is remembered, found without asking the upstream;
/// when not ready, a background fetch is started (one at a time, and none while a failure
/// is remembered), so a new instance becomes ready without waiting for a guest.
async fn readyz(State(state): State<Arc<AppState>>, Extension(request_id): Extension<RequestId>) -> Response {
    let readiness = state.upstream.readiness();
    if !readiness.is_ready() {
        state.upstream.warm_up(request_id.as_str());
    }
    let mut report = serde_json::json!({
        "status": if readiness.is_ready() { "ready" } else { "unavailable" },
        "capabilities": if readiness.capabilities_known { "known" } else if readiness.fetching { "fetching" } else { "unknown" },
        "azureAdToken": if readiness.token_fresh { "fresh" } else { "due" },
    });
    if let UpstreamHealth::Failing { cause, for_at_most } = readiness.health {
        report["upstream"] = serde_json::json!({
            "failing": cause,
            "retryInSeconds": for_at_most.as_secs_f64().ceil() as u64,
        });
    }
    let status = if readiness.is_ready() {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (status, axum::Json(report)).into_response()
}

/// Serves until `shutdown` completes, then finishes the requests in flight (for the
/// grace period at most). Connections, header reads and requests are limited as the
/// settings say; see [`server`].
///
/// # Errors
/// An I/O error from the listener.
pub async fn serve(
    listener: TcpListener,
    state: Arc<AppState>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    server::serve(listener, router(Arc::clone(&state)), state, shutdown).await
}

/// Serves the metrics on their own listener until `shutdown` completes.
///
/// # Errors
/// An I/O error from the listener.
pub async fn serve_metrics(
    listener: TcpListener,
    state: Arc<AppState>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let app = metrics::router(Arc::clone(&state.metrics));
    server::serve(listener, app, state, shutdown).await
}
