//! `middle-tier`: the guest-join service application.
//!
//! ```text
//! middle-tier --config middle-tier.toml
//! GUEST_JOIN_CLIENT_SECRET=… middle-tier        # settings from the environment only
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use middle_tier::config::{ProcessEnvironment, Settings};

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
}

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "middle_tier=info".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    let settings = match Settings::load(cli.config.as_deref(), &ProcessEnvironment) {
        Ok(settings) => settings,
        Err(error) => {
            eprintln!("middle-tier: bad setting {error}");
            return ExitCode::from(2);
        }
    };
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
    let listen = settings.listen;
    let state = match middle_tier::AppState::new(settings) {
        Ok(state) => state,
        Err(error) => {
            eprintln!("middle-tier: {error}");
            return ExitCode::FAILURE;
        }
    };
    let listener = match tokio::net::TcpListener::bind(listen).await {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!("middle-tier: cannot listen on {listen}: {error}");
            return ExitCode::FAILURE;
        }
    };
    tracing::info!(%listen, "middle tier listening");
    match middle_tier::serve(listener, state, shutdown_signal()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("middle-tier: {error}");
            ExitCode::FAILURE
        }
    }
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
