//! `simulator`: run the simulated Skype for Business Online services, or drive a running
//! one through its control API.
//!
//! ```text
//! simulator serve --demo --settings-out .demo/middle-tier.env
//! simulator meetings
//! simulator admit ADV1SE24 'ada1234567@anonymous.invalid'
//! simulator say ADV1SE24 'Hello from the advisor'
//! simulator add-person ADV1SE24 'Jo Skype' --skype jo@example.com
//! simulator fail events 503 --retry-after 2 --times 3
//! simulator quirks embed_participants dates=iso     # or `all`, or `strict`
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use serde_json::{Value, json};
use simulator::config::{Quirks, SimConfig};
use simulator::{Simulator, demo};

#[derive(Debug, Parser)]
#[command(
    name = "simulator",
    version,
    about = "A simulator of the retired Skype for Business Online services a guest join needs"
)]
struct Cli {
    /// The control API of a running simulator (for every command but `serve`).
    #[arg(
        long,
        global = true,
        env = "SIMULATOR_CONTROL",
        default_value = "http://127.0.0.1:8406"
    )]
    control: String,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve every simulated host.
    Serve {
        /// A TOML configuration (tenants, apps, endpoints, meetings, timers, quirks).
        #[arg(long)]
        config: Option<PathBuf>,
        /// Seed a demo tenant, app, endpoint and meetings, with a staff member who admits
        /// guests and answers chat.
        #[arg(long)]
        demo: bool,
        /// With --demo: the first of ten consecutive ports (login, api, ring, webpool,
        /// meet, control, the partner page, lyncdiscover, pool, pool2).
        #[arg(long, default_value_t = 8401)]
        demo_base_port: u16,
        /// Write the settings the middle tier needs (client secret included) to this file,
        /// readable by the owner only.
        #[arg(long)]
        settings_out: Option<PathBuf>,
        /// With --demo: the guest app's URL, to print ready-to-open join links.
        #[arg(long)]
        app_url: Option<String>,
        /// Switch a quirk on (`embed_participants`), set one (`dates=iso`), or all of them
        /// (`all`); repeatable, applied over the configuration's. The default is the
        /// strictest documented behaviour.
        #[arg(long = "quirk", value_name = "NAME[=VALUE]")]
        quirks: Vec<String>,
    },
    /// List meetings, who is in them, and their chat.
    Meetings,
    /// Admit a guest waiting in the lobby.
    Admit { meeting: String, person: String },
    /// Deny a guest waiting in the lobby.
    Deny { meeting: String, person: String },
    /// Say something in a meeting's chat (as the first leader unless --from is given).
    Say {
        meeting: String,
        text: String,
        #[arg(long)]
        from: Option<String>,
        /// Send it as HTML.
        #[arg(long)]
        html: bool,
    },
    /// Have someone join a meeting: of the organizer's organisation, unless --skype or
    /// --from-domain says otherwise.
    AddPerson {
        meeting: String,
        name: String,
        #[arg(long)]
        leader: bool,
        /// A Skype user with this Microsoft account (`user@example.com`).
        #[arg(long, value_name = "ACCOUNT", conflicts_with = "from_domain")]
        skype: Option<String>,
        /// Someone of another organisation, with this SIP domain.
        #[arg(long, value_name = "DOMAIN")]
        from_domain: Option<String>,
    },
    /// Show someone in a meeting as typing (for a few seconds, or until they say something).
    Typing { meeting: String, person: String },
    /// Remove someone from a meeting (guests are ejected).
    RemovePerson { meeting: String, person: String },
    /// End a meeting: everyone leaves.
    End { meeting: String },
    /// Add latency to every request (0 clears it).
    Latency {
        millis: u64,
        /// Only on this step (e.g. events, join_meeting).
        #[arg(long)]
        step: Option<String>,
    },
    /// Fail a step with an error status.
    Fail {
        /// The step: aad_token, taapi_discover, applications, application, anon_token,
        /// adhoc_meeting, guest_discover, create_application, events, join_meeting,
        /// add_messaging, send_message, …; on premises autodiscover, user_resource,
        /// web_ticket, xframe
        step: String,
        status: u16,
        #[arg(long)]
        retry_after: Option<u64>,
        #[arg(long, default_value_t = 1)]
        times: u32,
    },
    /// Drop parked event-channel requests now (and optionally the next ones).
    DropEvents {
        #[arg(long)]
        application: Option<String>,
        #[arg(long, default_value_t = 0)]
        next: u32,
    },
    /// Remove every injected fault.
    ClearFaults,
    /// Show the quirks, or set them: `embed_participants`, `dates=iso`, `all`, `strict`,
    /// several at once, or the whole set as JSON.
    Quirks {
        #[arg(value_name = "NAME[=VALUE]|JSON")]
        settings: Vec<String>,
    },
    /// Expire guest tokens of a session, or an application, now.
    Expire {
        #[arg(long)]
        session: Option<String>,
        #[arg(long)]
        application: Option<String>,
    },
    /// Print the request journal.
    Journal,
}

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "simulator=info".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Serve {
            config,
            demo,
            demo_base_port,
            settings_out,
            app_url,
            quirks,
        } => serve(config, demo, demo_base_port, settings_out, app_url, &quirks).await,
        command => control(&cli.control, command).await,
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("simulator: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(
    config: Option<PathBuf>,
    demo: bool,
    base_port: u16,
    settings_out: Option<PathBuf>,
    app_url: Option<String>,
    quirks: &[String],
) -> Result<(), String> {
    let secret = simulator::ids::random_hex(24);
    if demo && base_port.checked_add(9).is_none() {
        return Err(format!(
            "--demo-base-port {base_port} is too high: the demo needs ten ports from it"
        ));
    }
    let mut config = match (config, demo) {
        (Some(path), false) => SimConfig::from_file(&path).map_err(|e| e.to_string())?,
        (None, true) => demo::config(base_port, secret.clone()),
        (Some(_), true) => return Err("use either --config or --demo".to_owned()),
        (None, false) => return Err("give --config FILE or --demo".to_owned()),
    };
    // The demo's on-premises server lets in the app's page and the example partner's, as an
    // administrator lists a website that joins its meetings.
    if let (true, Some(app)) = (demo, &app_url) {
        let app = url::Url::parse(app).map_err(|e| format!("--app-url: {e}"))?;
        let partner = base_port.checked_add(6).ok_or("--demo-base-port is too high")?;
        config.on_premises.cross_domain_authorization_list = vec![
            app.origin().ascii_serialization(),
            format!("http://127.0.0.1:{partner}"),
        ];
    }
    for setting in quirks {
        config
            .quirks
            .set(setting)
            .map_err(|e| format!("--quirk {setting}: {e}"))?;
    }
    let simulator = Simulator::start(config.clone())
        .await
        .map_err(|e| e.to_string())?;
    if demo {
        simulator.set_demo_staff(demo::staff());
    }
    let hosts = simulator.hosts().clone();
    println!("Simulator running:");
    for (name, url) in [
        ("login", &hosts.login),
        ("api", &hosts.api),
        ("ring", &hosts.ring),
        ("webpool", &hosts.webpool),
        ("meet", &hosts.meet),
        ("control", &hosts.control),
        ("lyncdiscover", &hosts.lyncdiscover),
        ("pool", &hosts.pool),
        ("pool2", &hosts.pool2),
    ] {
        println!("  {name:<12} {url}");
    }
    if let Some(path) = settings_out {
        let settings: String = simulator
            .middle_tier_env()?
            .iter()
            .map(|(name, value)| format!("{name}={value}\n"))
            .collect();
        write_private(&path, &settings).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        println!(
            "Middle tier settings (client secret included) written to {}",
            path.display()
        );
    }
    println!("Meetings:");
    for meeting in simulator.meetings() {
        println!(
            "  {} ({}, {}): {}",
            meeting.subject, meeting.id, meeting.access_level, meeting.join_url
        );
        if let Some(app) = &app_url {
            let mut url = url::Url::parse(app).map_err(|e| format!("--app-url: {e}"))?;
            url.query_pairs_mut().append_pair("join", &meeting.join_url);
            println!("    join as a guest: {url}");
        }
    }
    if demo {
        println!(
            "Sam (Advisor) admits guests from the Mortgage advice lobby after 3 seconds and answers chat."
        );
    }
    if let (true, Some(app)) = (demo, &app_url) {
        let join = simulator
            .join_url(demo::LOBBY_MEETING)
            .ok_or("the demo has no lobby meeting")?;
        let port = base_port.checked_add(6).ok_or("--demo-base-port is too high")?;
        serve_partner_site(port, demo::partner_page(app, &join)).await?;
        println!("Partner page embedding the app: http://127.0.0.1:{port}/");
    }
    tokio::signal::ctrl_c().await.map_err(|e| e.to_string())?;
    simulator.shutdown().await;
    Ok(())
}

/// Serves the example partner page and its logo on `port`, an origin of its own.
async fn serve_partner_site(port: u16, page: String) -> Result<(), String> {
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
        .await
        .map_err(|e| format!("the partner page cannot listen on port {port}: {e}"))?;
    let router = axum::Router::new()
        .route(
            "/",
            axum::routing::get(move || {
                let page = page.clone();
                async move { axum::response::Html(page) }
            }),
        )
        .route(
            "/logo.svg",
            axum::routing::get(|| async {
                (
                    [(http::header::CONTENT_TYPE, "image/svg+xml")],
                    demo::PARTNER_LOGO,
                )
            }),
        );
    tokio::spawn(async move {
        let _ = axum::serve(listener, router).await;
    });
    Ok(())
}

fn write_private(path: &std::path::Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)?.write_all(text.as_bytes())
}

async fn control(base: &str, command: Command) -> Result<(), String> {
    let base = base.trim_end_matches('/');
    let (method, path, body): (reqwest::Method, String, Option<Value>) = match command {
        Command::Serve { .. } => unreachable_serve(),
        Command::Meetings => (reqwest::Method::GET, "/control/meetings".to_owned(), None),
        Command::Admit { meeting, person } => (
            reqwest::Method::POST,
            format!("/control/meetings/{meeting}/people/{person}/admit"),
            None,
        ),
        Command::Deny { meeting, person } => (
            reqwest::Method::POST,
            format!("/control/meetings/{meeting}/people/{person}/deny"),
            None,
        ),
        Command::Say {
            meeting,
            text,
            from,
            html,
        } => (
            reqwest::Method::POST,
            format!("/control/meetings/{meeting}/messages"),
            Some(json!({"from": from, "text": text, "html": html})),
        ),
        Command::AddPerson {
            meeting,
            name,
            leader,
            skype,
            from_domain,
        } => (
            reqwest::Method::POST,
            format!("/control/meetings/{meeting}/people"),
            Some(json!({
                "name": name,
                "leader": leader,
                "skype_account": skype,
                "organisation_domain": from_domain,
            })),
        ),
        Command::Typing { meeting, person } => (
            reqwest::Method::POST,
            format!("/control/meetings/{meeting}/people/{person}/typing"),
            None,
        ),
        Command::RemovePerson { meeting, person } => (
            reqwest::Method::DELETE,
            format!("/control/meetings/{meeting}/people/{person}"),
            None,
        ),
        Command::End { meeting } => (
            reqwest::Method::POST,
            format!("/control/meetings/{meeting}/end"),
            None,
        ),
        Command::Latency { millis, step } => (
            reqwest::Method::POST,
            "/control/faults/latency".to_owned(),
            Some(json!({"millis": millis, "step": step})),
        ),
        Command::Fail {
            step,
            status,
            retry_after,
            times,
        } => (
            reqwest::Method::POST,
            "/control/faults/failures".to_owned(),
            Some(json!({"step": step, "status": status, "retry_after": retry_after, "times": times})),
        ),
        Command::DropEvents { application, next } => (
            reqwest::Method::POST,
            "/control/events/drop".to_owned(),
            Some(json!({"application": application, "next": next})),
        ),
        Command::ClearFaults => (reqwest::Method::DELETE, "/control/faults".to_owned(), None),
        Command::Quirks { settings } if settings.is_empty() => {
            (reqwest::Method::GET, "/control/quirks".to_owned(), None)
        }
        Command::Quirks { settings } => {
            let quirks = match settings.as_slice() {
                [json] if json.trim_start().starts_with('{') => {
                    serde_json::from_str(json).map_err(|e| format!("the quirks are not valid JSON: {e}"))?
                }
                _ => {
                    let mut quirks = current_quirks(base).await?;
                    for setting in &settings {
                        quirks.set(setting)?;
                    }
                    serde_json::to_value(&quirks).map_err(|e| e.to_string())?
                }
            };
            (reqwest::Method::PUT, "/control/quirks".to_owned(), Some(quirks))
        }
        Command::Expire { session, application } => (
            reqwest::Method::POST,
            "/control/expire".to_owned(),
            Some(json!({"session_id": session, "application": application})),
        ),
        Command::Journal => (reqwest::Method::GET, "/control/journal".to_owned(), None),
    };
    let client = reqwest::Client::new();
    let mut request = client.request(method, format!("{base}{path}"));
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request
        .send()
        .await
        .map_err(|e| format!("cannot reach the control API at {base}: is the simulator running? ({e})"))?;
    let status = response.status();
    let text = response.text().await.map_err(|e| e.to_string())?;
    if !status.is_success() {
        let message = serde_json::from_str::<Value>(&text)
            .ok()
            .and_then(|v| v["error"].as_str().map(str::to_owned))
            .unwrap_or(text);
        return Err(message);
    }
    if !text.is_empty() {
        let pretty = serde_json::from_str::<Value>(&text)
            .map_or(text, |v| serde_json::to_string_pretty(&v).unwrap_or_default());
        println!("{pretty}");
    }
    Ok(())
}

/// The quirks a running simulator has now.
async fn current_quirks(base: &str) -> Result<Quirks, String> {
    reqwest::get(format!("{base}/control/quirks"))
        .await
        .map_err(|e| format!("cannot reach the control API at {base}: is the simulator running? ({e})"))?
        .json::<Quirks>()
        .await
        .map_err(|e| format!("the simulator's quirks could not be read: {e}"))
}

fn unreachable_serve() -> ! {
    // `serve` is handled before this function is called.
    std::process::abort()
}
