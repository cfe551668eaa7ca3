//! `middle-tier`: the guest-join service application.
//!
//! ```text
//! middle-tier --config middle-tier.toml
//! GUEST_JOIN_CLIENT_SECRET=… middle-tier        # settings from the environment only
//! middle-tier health                           # exit 0 when the local service answers /healthz
//! ```

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use clap::{Parser, Subcommand};
use middle_tier::config::{ProcessEnvironment, Settings};
use middle_tier::logging::{self, LogFormat};
use middle_tier::ops::RequestId;
use tokio::net::TcpListener;
use tokio::sync::watch;

#[derive(Debug, Parser)]
#[command(
    name = "middle-tier",
    version,
    about = "Hands Skype for Business meeting guests a token, never the app's own"
)]
struct Cli {
    /// A TOML settings file; environment variables override it.
    #[arg(long, env = "GUEST_JOIN_CONFIG")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Asks a running service whether it is alive (for a container's health check): exits
    /// 0 when `/healthz` answers 200.
    Health {
        /// The health URL.
        #[arg(default_value = "http://127.0.0.1:8080/healthz")]
        url: String,
    },
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(Command::Health { url }) = cli.command {
        return health(&url).await;
    }
    let format = match LogFormat::parse(std::env::var(logging::FORMAT_VARIABLE).ok().as_deref()) {
        Ok(format) => format,
        Err(error) => {
            eprintln!("middle-tier: bad setting {error}");
            return ExitCode::from(2);
        }
    };
    if let Err(error) = logging::init(format) {
        eprintln!("middle-tier: cannot set up logging: {error}");
        return ExitCode::FAILURE;
    }
    let settings = match Settings::load(cli.config.as_deref(), &ProcessEnvironment) {
        Ok(settings) => settings,
        Err(error) => {
            eprintln!("middle-tier: bad setting {error}");
            return ExitCode::from(2);
        }
    };
    warn_about(&settings);
    match serve(settings).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("middle-tier: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Says at start what an operator should know about the settings.
fn warn_about(settings: &Settings) {
    if settings.is_public() && !settings.require_invitation {
        tracing::warn!(
            "guests need no invitation, and this service is reachable from other machines: \
             any page that sends an allowed Origin header (any program can) gets a guest token \
             for any meeting on the allowed hosts. Set meetings.require_invitation to true"
        );
    }
    if settings.session_key.is_none() {
        tracing::info!(
            "no session key (GUEST_JOIN_SESSION_KEY): a guest's session is honoured only by \
             this process, until it stops; set one, the same on every instance"
        );
    }
}

/// Why the service stopped.
#[derive(Debug, thiserror::Error)]
enum ServeError {
    #[error("{0}")]
    Start(#[from] middle_tier::StartError),
    #[error("cannot listen on {address}: {error}")]
    Listen {
        address: SocketAddr,
        error: std::io::Error,
    },
    #[error("{0}")]
    Serve(#[from] std::io::Error),
}

async fn bind(address: SocketAddr) -> Result<TcpListener, ServeError> {
    TcpListener::bind(address)
        .await
        .map_err(|error| ServeError::Listen { address, error })
}

/// Serves the API (and the metrics, when configured) until Ctrl-C or SIGTERM.
async fn serve(settings: Settings) -> Result<(), ServeError> {
    let metrics_listen = settings.metrics_listen;
    let listener = bind(settings.listen).await?;
    let state = middle_tier::AppState::new(settings)?;
    let (stop, stopping) = watch::channel(false);
    let stopped = |mut stopping: watch::Receiver<bool>| async move {
        let _ = stopping.wait_for(|stop| *stop).await;
    };
    let metrics = match metrics_listen {
        Some(address) => {
            let listener = bind(address).await?;
            tracing::info!(metrics = %listener.local_addr()?, "metrics listening at /metrics");
            Some(tokio::spawn(middle_tier::serve_metrics(
                listener,
                Arc::clone(&state),
                stopped(stopping.clone()),
            )))
        }
        None => None,
    };
    tracing::info!(listen = %listener.local_addr()?, "middle tier listening");
    tokio::spawn(async move {
        shutdown_signal().await;
        let _ = stop.send(true);
    });
    // Ready before the first guest: the Azure AD token and capabilities are fetched now.
    state.upstream.warm_up(RequestId::generate().as_str());
    let served = middle_tier::serve(listener, state, stopped(stopping)).await;
    if let Some(metrics) = metrics {
        let _ = metrics.await;
    }
    Ok(served?)
}

/// Ctrl-C or SIGTERM.
async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut signal) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            signal.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
    tracing::info!("shutting down; finishing requests in flight");
}

/// `middle-tier health`: 0 when `url` answers 200 within 3 s.
async fn health(url: &str) -> ExitCode {
    let answer = async {
        reqwest::Client::builder()
            .timeout(Duration::from_secs(3))
            .build()?
            .get(url)
            .send()
            .await
    };
    match answer.await {
        Ok(response) if response.status().is_success() => ExitCode::SUCCESS,
        Ok(response) => {
            eprintln!("middle-tier: {url} answered {}", response.status());
            ExitCode::FAILURE
        }
        Err(error) => {
            eprintln!("middle-tier: {url} did not answer: {}", error.without_url());
            ExitCode::FAILURE
        }
    }
}
