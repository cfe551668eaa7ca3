//! A simulator of the retired Skype for Business Online services a guest join needs.
//!
//! Skype for Business Online is gone; this simulator serves what the guest app, the middle
//! tier and every end-to-end test talk to, following `shared/reference/protocol.md`. Its
//! default is the strictest documented behaviour; each lenient or alternative behaviour of
//! the real servers is a named quirk ([`config::Quirks`]). It runs as a binary (`simulator serve`) or
//! in-process ([`Simulator::start`]) on loopback, one port per simulated host so each is
//! its own browser origin:
//!
//! | host | plays | serves |
//! |---|---|---|
//! | login | `login.microsoftonline.com` | client-credentials tokens, OpenID configuration, JWKS |
//! | api | `api.skypeforbusiness.com` | service discover and guest discover |
//! | ring | `ring2noammeetings.resources.lync.com` | TAAPI applications, tokens, ad-hoc meetings |
//! | webpool | `webpool….infra.lync.com` | psanon UCWA, and TAAPI calls redirected by `307` |
//! | meet | `meet.lync.com` | meeting join pages |
//! | lyncdiscover | `lyncdiscover.contoso.com` | on-premises autodiscovery |
//! | pool | `lyncweb.contoso.com` | on premises: the `user` resource and web tickets |
//! | pool2 | `lyncweb2.contoso.com` | on premises, split domain: applications on a pool of their own |
//! | control | — | the control API for tests and demos |
//!
//! State lives in memory behind [`state::Store`]; tests and benchmarks look at it, and act
//! as the organizer, through the typed API in [`inspect`].
//!
//! Modules, from the bottom up (each imports only those on its own line or above):
//! - data and helpers: [`ids`], [`model`], [`config`], [`journal`], [`faults`], [`keys`],
//!   [`channel`];
//! - writing and reading HTTP: [`render`], [`reply`], [`refusal`] (every failure the
//!   simulator answers with), [`request`];
//! - what a guest is told: [`tell`];
//! - the state and what happens to it: [`state`], [`guests`], [`organizer`], [`demo`]
//!   (the demo staff's script), [`auth`], [`views`];
//! - one handler module per host, none importing another: [`login`], [`discover`],
//!   [`taapi`], [`ucwa`], [`meet`], [`on_premises`], [`control`], and [`middleware`]
//!   around them all.

// Handlers return `Result<_, Response>`: the error *is* the documented response.
#![allow(clippy::result_large_err)]

pub mod auth;
pub mod channel;
pub mod config;
pub mod control;
pub mod demo;
pub mod discover;
pub mod faults;
pub mod guests;
pub mod ids;
pub mod inspect;
pub mod journal;
pub mod keys;
pub mod login;
pub mod meet;
pub mod middleware;
pub mod model;
pub mod on_premises;
pub mod organizer;
pub mod refusal;
pub mod render;
pub mod reply;
pub mod request;
pub mod state;
pub mod taapi;
pub mod tell;
pub mod ucwa;
pub mod views;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{DefaultBodyLimit, Request};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;
use tower::Layer as _;
use url::Url;

use crate::config::SimConfig;
use crate::journal::HostName;
use crate::model::Hosts;
use crate::refusal::Refusal;
use crate::state::{HostState, Store};

/// Largest request body any host accepts.
const MAX_BODY: usize = 64 * 1024;

/// A running simulator.
#[derive(Debug)]
pub struct Simulator {
    /// The state; tests look at it through the [`inspect`] API.
    pub(crate) store: Arc<Store>,
    shutdown: watch::Sender<bool>,
    tasks: Vec<JoinHandle<()>>,
}

impl Simulator {
    /// Binds every host and starts serving.
    ///
    /// # Errors
    /// An I/O error when a port cannot be bound, or the configuration is invalid.
    pub async fn start(config: SimConfig) -> std::io::Result<Self> {
        config
            .validate()
            .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidInput, e.to_string()))?;
        let service = &config.service;
        let ports = [
            (HostName::Login, service.login_port),
            (HostName::Api, service.api_port),
            (HostName::Ring, service.ring_port),
            (HostName::Webpool, service.webpool_port),
            (HostName::Meet, service.meet_port),
            (HostName::Control, service.control_port),
            (HostName::Lyncdiscover, service.lyncdiscover_port),
            (HostName::Pool, service.pool_port),
            (HostName::Pool2, service.pool2_port),
        ];
        let mut listeners = Vec::new();
        for (host, port) in ports {
            let listener = TcpListener::bind(SocketAddr::new(service.bind, port))
                .await
                .map_err(|e| {
                    std::io::Error::new(
                        e.kind(),
                        format!(
                            "cannot listen for the {} host on {}:{port}: {e}",
                            host.label(),
                            service.bind
                        ),
                    )
                })?;
            listeners.push((host, listener));
        }
        let url_of = |host: HostName| -> std::io::Result<Url> {
            let (_, listener) = listeners
                .iter()
                .find(|(h, _)| *h == host)
                .expect("every host is bound");
            let address = listener.local_addr()?;
            Url::parse(&format!("http://{address}/")).map_err(|e| std::io::Error::other(e.to_string()))
        };
        let hosts = Hosts {
            login: url_of(HostName::Login)?,
            api: url_of(HostName::Api)?,
            ring: url_of(HostName::Ring)?,
            webpool: url_of(HostName::Webpool)?,
            meet: url_of(HostName::Meet)?,
            control: url_of(HostName::Control)?,
            lyncdiscover: url_of(HostName::Lyncdiscover)?,
            pool: url_of(HostName::Pool)?,
            pool2: url_of(HostName::Pool2)?,
        };
        let store = Arc::new(Store::new(&config, hosts));
        let (shutdown, watcher) = watch::channel(false);
        let mut tasks = Vec::new();
        for (host, listener) in listeners {
            let router = router(host, Arc::clone(&store));
            let mut watcher = watcher.clone();
            tasks.push(tokio::spawn(async move {
                let service = tower::util::MapRequestLayer::new(middleware::normalize_path).layer(router);
                let _ = axum::serve(listener, axum::ServiceExt::<Request>::into_make_service(service))
                    .with_graceful_shutdown(async move {
                        let _ = watcher.wait_for(|stop| *stop).await;
                    })
                    .await;
            }));
        }
        let ticker = Arc::clone(&store);
        let mut watcher = watcher.clone();
        tasks.push(tokio::spawn(async move {
            let mut interval = tokio::time::interval(Duration::from_millis(250));
            loop {
                tokio::select! {
                    _ = interval.tick() => ticker.lock().tick(&ticker.timers),
                    _ = watcher.wait_for(|stop| *stop) => break,
                }
            }
        }));
        Ok(Self {
            store,
            shutdown,
            tasks,
        })
    }

    /// Where each host listens.
    pub fn hosts(&self) -> &Hosts {
        &self.store.hosts
    }

    /// The environment a middle tier needs to use this simulator as its upstream: the first
    /// app registration's credentials (the client secret included), its endpoint, and the
    /// simulated hosts.
    ///
    /// # Errors
    /// When the configuration has no app registration or no endpoint.
    pub fn middle_tier_env(&self) -> Result<Vec<(&'static str, String)>, &'static str> {
        let state = self.store.lock();
        let app = state
            .registrations
            .first()
            .ok_or("the configuration has no app registration")?;
        let endpoint = state
            .endpoints
            .first()
            .ok_or("the configuration has no endpoint")?;
        let hosts = self.hosts();
        let meet = hosts
            .meet
            .host_str()
            .zip(hosts.meet.port())
            .map(|(host, port)| format!("{host}:{port}"))
            .unwrap_or_default();
        let mut env = vec![
            ("GUEST_JOIN_TENANT", app.tenant.clone()),
            ("GUEST_JOIN_CLIENT_ID", app.client_id.clone()),
            ("GUEST_JOIN_CLIENT_SECRET", app.client_secret.clone()),
            ("GUEST_JOIN_ENDPOINT", endpoint.sip.clone()),
            ("GUEST_JOIN_LOGIN_URL", hosts.login.to_string()),
            (
                "GUEST_JOIN_DISCOVER_URL",
                format!("{}platformservice/discover", hosts.api),
            ),
            (
                "GUEST_JOIN_RESOURCE",
                hosts.api.as_str().trim_end_matches('/').to_owned(),
            ),
            ("GUEST_JOIN_MEETING_HOSTS", meet),
        ];
        // The on-premises server, where one is set up: its meetings' links are on the pool,
        // and its domain is discovered at the simulator's own root, not by DNS.
        if let Some(domain) = &state.on_premises.sip_domain {
            let authority = |url: &Url| {
                url.host_str()
                    .zip(url.port())
                    .map(|(host, port)| format!("{host}:{port}"))
                    .unwrap_or_default()
            };
            env.push((
                "GUEST_JOIN_ON_PREMISES_HOSTS",
                format!("{}={domain}", authority(&hosts.pool)),
            ));
            env.push((
                "GUEST_JOIN_AUTODISCOVER",
                format!("{domain}={}", hosts.lyncdiscover),
            ));
        }
        if let Some(uri) = &app.app_id_uri {
            env.push(("GUEST_JOIN_CALLBACK_AUDIENCE", uri.clone()));
        }
        Ok(env)
    }

    /// Stops every host and waits for them.
    pub async fn shutdown(self) {
        let _ = self.shutdown.send(true);
        for task in self.tasks {
            let _ = tokio::time::timeout(Duration::from_secs(5), task).await;
        }
    }
}

/// The router of one host, with its middleware.
pub fn router(host: HostName, store: Arc<Store>) -> Router {
    let state = HostState { store, host };
    let routes = match host {
        HostName::Login => login::routes(),
        HostName::Api => discover::routes(),
        HostName::Ring => taapi::application_routes(),
        HostName::Webpool => taapi::application_routes().merge(ucwa::routes(model::PSANON_APPLICATIONS)),
        HostName::Meet => meet::routes(),
        HostName::Control => control::routes(),
        HostName::Lyncdiscover => on_premises::discover_routes(),
        HostName::Pool => on_premises::pool_routes().merge(ucwa::routes(model::ON_PREMISES_APPLICATIONS)),
        HostName::Pool2 => {
            on_premises::second_pool_routes().merge(ucwa::routes(model::ON_PREMISES_APPLICATIONS))
        }
    };
    let mut router = routes
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed);
    if matches!(
        host,
        HostName::Api | HostName::Webpool | HostName::Lyncdiscover | HostName::Pool | HostName::Pool2
    ) {
        router = router.layer(axum::middleware::from_fn_with_state(
            state.clone(),
            middleware::cors,
        ));
    }
    if matches!(host, HostName::Lyncdiscover | HostName::Pool | HostName::Pool2) {
        router = router.layer(axum::middleware::from_fn_with_state(
            state.clone(),
            middleware::on_premises_origins,
        ));
    }
    router
        .layer(axum::middleware::map_response(uniform_errors))
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(axum::middleware::from_fn(middleware::server_headers))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            middleware::observe,
        ))
        .with_state(state)
}

async fn not_found() -> Refusal {
    Refusal::ResourceNotFound
}

async fn method_not_allowed() -> Refusal {
    Refusal::MethodNotAllowed
}

/// Gives framework-made errors (oversized bodies, bad paths) the servers' error shape.
async fn uniform_errors(response: Response) -> Response {
    let is_json = response
        .headers()
        .get(http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.contains("json") || ct.contains("html"));
    match response.status() {
        StatusCode::PAYLOAD_TOO_LARGE if !is_json => Refusal::EntityTooLarge.into_response(),
        StatusCode::BAD_REQUEST if !is_json => Refusal::DeserializationFailure.into_response(),
        StatusCode::UNSUPPORTED_MEDIA_TYPE if !is_json => Refusal::UnsupportedMediaType.into_response(),
        _ => response.into_response(),
    }
}
