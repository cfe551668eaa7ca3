//! What a guest waits for, in headless Chromium: from opening the link to the Join button,
//! to everything fetched ahead, and from the Join click to "You're in the meeting", with
//! the requests the click cost and the round trips it waited for.
//!
//! Two guests are measured: one who types their name on the page (the guest application
//! is created at the click, since the service creates it with the name) and one whose name
//! is known ahead (`&name=` from a partner page, or remembered), whose application is made
//! while the page waits. Each is measured on bare loopback, then with the simulator delaying
//! every request by 200 ms (one round trip; browser network emulation does not delay
//! requests to a loopback server), against the strict simulator and, for comparison, with
//! every quirk on.
//!
//! `cargo bench -p e2e --bench browser_join` after `./x build` (or `./x bench`).
//! Each run is a fresh simulator, middle tier and browser, so nothing is cached. Prints
//! figures; asserts nothing about time.

use e2e::browser::{Browser, Check, Downloaded, Server, Stack, Viewport, join_cost, sequential_round_trips};
use simulator::faults::{Faults, Latency};

/// Runs per configuration on bare loopback, where the times are short and vary most.
const LOOPBACK_RUNS: usize = 5;
/// Runs per configuration with injected latency, where the round trips dominate.
const LATENCY_RUNS: usize = 3;
/// The injected round trip.
const ROUND_TRIP_MS: u64 = 200;

/// Records, in the page, when the Join click happens and when the status says the guest
/// is in, so WebDriver's own round trips do not count.
const STOPWATCH: &str = r#"
    window.__clickedAt = null; window.__joinedAt = null;
    document.addEventListener('click', () => { window.__clickedAt ??= performance.now(); }, true);
    new MutationObserver(() => {
        const status = document.querySelector('[data-testid=status]');
        if (window.__joinedAt === null && status && status.textContent.includes("You're in the meeting")) {
            window.__joinedAt = performance.now();
        }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
"#;

/// One way of joining to measure.
#[derive(Clone, Copy, Debug)]
struct Setup {
    server: Server,
    name_known_ahead: bool,
    latency_ms: u64,
}

impl Setup {
    fn describe(self) -> String {
        format!(
            "{}, {}, {}",
            match self.server {
                Server::Strict => "strict",
                Server::AllQuirks => "every quirk on",
            },
            if self.name_known_ahead {
                "name known ahead"
            } else {
                "name typed on the page"
            },
            if self.latency_ms == 0 {
                "loopback".to_owned()
            } else {
                format!("{} ms round trip", self.latency_ms)
            },
        )
    }
}

#[derive(Debug)]
struct Run {
    downloaded: Vec<Downloaded>,
    button_ms: f64,
    /// When what the page does ahead of the click was done.
    ready_ms: f64,
    click_to_meeting_ms: f64,
    click_requests: usize,
    click_preflights: usize,
    sequential: usize,
}

fn main() {
    let runtime = e2e::runtime();
    let mut first_run: Option<Run> = None;
    for (latency_ms, runs, servers) in [
        (0, LOOPBACK_RUNS, &[Server::Strict][..]),
        (
            ROUND_TRIP_MS,
            LATENCY_RUNS,
            &[Server::Strict, Server::AllQuirks][..],
        ),
    ] {
        for &server in servers {
            for name_known_ahead in [false, true] {
                let setup = Setup {
                    server,
                    name_known_ahead,
                    latency_ms,
                };
                let mut measured = Vec::new();
                for n in 0..runs {
                    match runtime.block_on(once(setup)) {
                        Ok(run) => measured.push(run),
                        Err(reason) => panic!("browser_join: {}: run {n} failed: {reason}", setup.describe()),
                    }
                }
                report(setup, &measured);
                if first_run.is_none() {
                    first_run = measured.into_iter().next();
                }
            }
        }
    }
    if let Some(first) = first_run {
        // Bodies as sent (compressed), without headers, as the earlier figures were counted.
        for file in &first.downloaded {
            println!(
                "browser_join: downloaded {}: {} B over the wire ({} B decoded)",
                file.path, file.body, file.decoded
            );
        }
        let wire: u64 = first.downloaded.iter().map(|f| f.body).sum();
        println!("browser_join: the app in all: {wire} B over the wire");
    }
}

fn report(setup: Setup, runs: &[Run]) {
    let median = |pick: fn(&Run) -> f64| {
        let mut values: Vec<f64> = runs.iter().map(pick).collect();
        values.sort_by(f64::total_cmp);
        values[values.len() / 2]
    };
    let what = setup.describe();
    println!("browser_join: {what}: median of {} cold runs", runs.len());
    if setup.latency_ms == 0 {
        println!(
            "browser_join: {what}: link opened -> Join button shown: {:.0} ms",
            median(|r| r.button_ms)
        );
        println!(
            "browser_join: {what}: link opened -> ready for the click ({}): {:.0} ms",
            if setup.name_known_ahead {
                "guest application created"
            } else {
                "token and discover done"
            },
            median(|r| r.ready_ms)
        );
    }
    let click = median(|r| r.click_to_meeting_ms);
    if setup.latency_ms == 0 {
        println!("browser_join: {what}: Join click -> \"You're in the meeting\": {click:.0} ms");
    } else {
        println!(
            "browser_join: {what}: Join click -> \"You're in the meeting\": {click:.0} ms = {:.1} round trips",
            click / setup.latency_ms as f64
        );
    }
    let most = runs
        .iter()
        .map(|r| (r.click_requests, r.click_preflights))
        .max()
        .unwrap_or_default();
    println!(
        "browser_join: {what}: requests the Join click sent up to the join itself (worst run): {} ({} preflights)",
        most.0, most.1
    );
    // On bare loopback, concurrent requests answered a millisecond apart look sequential,
    // so the count means something only when every request costs a round trip.
    if setup.latency_ms > 0 {
        let longest = runs.iter().map(|r| r.sequential).max().unwrap_or_default();
        println!(
            "browser_join: {what}: sequential round trips, Join click -> in the meeting (worst run): {longest}"
        );
    }
}

async fn once(setup: Setup) -> Check<Run> {
    let stack = Stack::start(setup.server, &[]).await?;
    let browser = Browser::start(Viewport::DESKTOP).await?;
    let outcome = measure(&stack, &browser, setup).await;
    let client = browser.client.clone();
    let _ = client.close().await;
    drop(browser);
    stack.sim.shutdown().await;
    outcome
}

async fn measure(stack: &Stack, browser: &Browser, setup: Setup) -> Check<Run> {
    let mut link = url::Url::parse(&stack.app_link("OPEN2024")).map_err(|e| e.to_string())?;
    if setup.name_known_ahead {
        link.query_pairs_mut().append_pair("name", "Ada Lovelace");
    }
    browser.open(link.as_str()).await?;
    let button_ms = browser
        .wait_number(
            "return document.querySelector('[data-testid=join]') ? performance.now() : null",
            15,
        )
        .await?;
    let downloaded = browser.downloaded().await?;
    let time_origin = browser.wait_number("return performance.timeOrigin", 15).await?;
    let ready_step = if setup.name_known_ahead {
        stack.application_parked().await?;
        simulator::journal::Step::CreateApplication
    } else {
        browser.type_into("#display-name", "Ada Lovelace").await?;
        stack.discovered().await?;
        simulator::journal::Step::GuestDiscover
    };
    // The journal records a request when it is answered; the last step done ahead is.
    let entries = stack.sim.journal();
    let ready = entries
        .iter()
        .find(|e| e.step == ready_step && !e.preflight)
        .ok_or("the page did nothing ahead of the click")?;
    let ready_at = ready.at_ms + i64::try_from(ready.latency_ms).unwrap_or_default();
    if setup.latency_ms > 0 {
        // Every request from here on waits a round trip at the simulator.
        stack.sim.set_faults(Faults {
            latency: Some(Latency {
                millis: setup.latency_ms,
                host: None,
                step: None,
            }),
            ..Faults::default()
        });
    }
    browser.script(STOPWATCH).await?;
    browser.click("[data-testid=join]").await?;
    let joined = browser.wait_number("return window.__joinedAt", 15).await?;
    let clicked = browser.wait_number("return window.__clickedAt", 15).await?;
    let entries = stack.sim.journal();
    let clicked_ms = (time_origin + clicked).floor() as i64;
    let cost = join_cost(&entries, clicked_ms).ok_or("the guest never asked to join")?;
    let sequential = sequential_round_trips(&entries, clicked_ms).ok_or("the join never completed")?;
    Ok(Run {
        downloaded,
        button_ms,
        ready_ms: ready_at as f64 - time_origin,
        click_to_meeting_ms: joined - clicked,
        click_requests: cost.requests,
        click_preflights: cost.preflights,
        sequential,
    })
}
