//! `guest-join-check <link> --middle-tier <url>`: does this meeting link work for guests?
//!
//! Exit status: 0 the link works, 1 it does not (the report says why), 2 the check could
//! not run (the middle tier is down, the staff key is missing or refused). `--json` prints
//! the report for monitoring. The staff key comes from `GUEST_JOIN_STAFF_KEY` or
//! `--staff-key-file`, never from an argument, so it stays out of shell history and
//! process lists; nothing printed holds it or any token.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use guest_join_check::{English, Options};
use protocol::{Secret, Url};
use serde_json::json;

/// The environment variable holding the staff key.
const STAFF_KEY_ENV: &str = "GUEST_JOIN_STAFF_KEY";

#[derive(Debug, Parser)]
#[command(
    name = "guest-join-check",
    version,
    about = "Checks that guests can join a Skype for Business meeting with a link, through a guest-join middle tier",
    after_help = "The staff key is read from GUEST_JOIN_STAFF_KEY or --staff-key-file.\n\
                  Exit status: 0 the link works, 1 it does not, 2 the check could not run."
)]
struct Cli {
    /// The meeting link to check.
    link: String,
    /// The middle tier's base URL (https://join.example.com/).
    #[arg(long, env = "GUEST_JOIN_MIDDLE_TIER")]
    middle_tier: Url,
    /// A file holding the staff key (instead of GUEST_JOIN_STAFF_KEY).
    #[arg(long, value_name = "FILE")]
    staff_key_file: Option<PathBuf>,
    /// The website guests join from; one the middle tier allows. Default: the middle
    /// tier's own site.
    #[arg(long)]
    origin: Option<String>,
    /// Also join the meeting for a moment, as a participant named "Link check" whom
    /// everyone there sees come and go.
    #[arg(long)]
    join: bool,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
    /// Give up after this many seconds.
    #[arg(long, default_value_t = 60, value_name = "SECONDS")]
    timeout: u64,
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    let staff_key = match staff_key(cli.staff_key_file.as_deref()) {
        Ok(key) => key,
        Err(problem) => return could_not_run(cli.json, &problem),
    };
    let options = Options {
        link: cli.link,
        middle_tier: cli.middle_tier,
        staff_key,
        origin: cli.origin,
        join: cli.join,
        timeout: Duration::from_secs(cli.timeout.max(1)),
    };
    let words = match English::load() {
        Ok(words) => words,
        Err(problem) => return could_not_run(cli.json, &problem.to_string()),
    };
    match guest_join_check::check(&options, &words).await {
        Ok(checked) => {
            let code = checked.exit_code();
            if cli.json {
                let verdict = serde_json::to_value(checked.report.verdict()).unwrap_or_default();
                let output = json!({
                    "verdict": verdict,
                    "exit_code": code,
                    "timed_out": checked.timed_out,
                    "report": checked.report,
                });
                println!("{output:#}");
            } else {
                print!("{}", checked.report.to_text(&words));
                if checked.timed_out {
                    println!(
                        "\nThe check did not finish within {} s.",
                        options.timeout.as_secs()
                    );
                }
            }
            ExitCode::from(code)
        }
        Err(problem) => could_not_run(cli.json, &problem.to_string()),
    }
}

/// The staff key, from the file if one is named, else from the environment.
fn staff_key(file: Option<&std::path::Path>) -> Result<Secret, String> {
    let key = match file {
        Some(path) => std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read the staff key file {}: {e}", path.display()))?,
        None => std::env::var(STAFF_KEY_ENV)
            .map_err(|_| format!("no staff key: set {STAFF_KEY_ENV} or give --staff-key-file"))?,
    };
    let key = key.trim();
    if key.is_empty() {
        return Err("the staff key is empty".to_owned());
    }
    Ok(Secret::new(key))
}

fn could_not_run(as_json: bool, problem: &str) -> ExitCode {
    if as_json {
        println!(
            "{:#}",
            json!({"verdict": "could_not_run", "exit_code": 2, "error": problem})
        );
    } else {
        eprintln!("guest-join-check: {problem}");
    }
    ExitCode::from(2)
}
