//! What a guest waits for, in headless Chromium on loopback: from opening the link to the
//! Join button, to everything fetched ahead, and from the Join click to "You're in the
//! meeting", with the requests the click cost.
//!
//! `cargo bench -p e2e --bench browser_join` after `trunk build --release` (or `./x bench`).
//! Each run is a fresh simulator, middle tier and browser, so nothing is cached. Prints
//! figures; asserts nothing about time.

use std::time::Duration;

use e2e::browser::{Browser, Check, Stack, Viewport, join_cost, sequential_round_trips};
use serde_json::Value;

const RUNS: usize = 5;

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

/// What the app itself downloaded (the API calls aside): bytes on the wire per file, as
/// Chromium's resource timing reports them (compressed, headers excluded).
const DOWNLOADED: &str = r#"
    const navigation = performance.getEntriesByType('navigation')[0];
    const files = [navigation, ...performance.getEntriesByType('resource')]
        .filter(e => e.name.startsWith(location.origin) && !new URL(e.name).pathname.startsWith('/api/'))
        .map(e => [new URL(e.name).pathname, e.encodedBodySize, e.decodedBodySize]);
    return files;
"#;

#[derive(Debug)]
struct Run {
    downloaded: Vec<(String, u64, u64)>,
    button_ms: f64,
    prefetched_ms: f64,
    click_to_meeting_ms: f64,
    click_requests: usize,
    click_preflights: usize,
    sequential: usize,
}

fn main() {
    let runtime = e2e::runtime();
    let mut runs = Vec::new();
    for n in 0..RUNS {
        match runtime.block_on(once()) {
            Ok(run) => runs.push(run),
            Err(reason) => panic!("browser_join: run {n} failed: {reason}"),
        }
    }
    let median = |pick: fn(&Run) -> f64| {
        let mut values: Vec<f64> = runs.iter().map(pick).collect();
        values.sort_by(f64::total_cmp);
        values[values.len() / 2]
    };
    println!("browser_join: median of {RUNS} cold runs");
    println!(
        "browser_join: link opened -> Join button shown:      {:.0} ms",
        median(|r| r.button_ms)
    );
    println!(
        "browser_join: link opened -> application created:    {:.0} ms",
        median(|r| r.prefetched_ms)
    );
    println!(
        "browser_join: Join click -> \"You're in the meeting\": {:.0} ms",
        median(|r| r.click_to_meeting_ms)
    );
    if let Some(first) = runs.first() {
        for (path, wire, decoded) in &first.downloaded {
            println!("browser_join: downloaded {path}: {wire} B over the wire ({decoded} B decoded)");
        }
        let wire: u64 = first.downloaded.iter().map(|f| f.1).sum();
        println!("browser_join: the app in all: {wire} B over the wire");
    }
    let most = runs
        .iter()
        .map(|r| (r.click_requests, r.click_preflights))
        .max()
        .unwrap_or_default();
    println!(
        "browser_join: requests the Join click cost (worst run): {} ({} preflights)",
        most.0, most.1
    );
    let longest = runs.iter().map(|r| r.sequential).max().unwrap_or_default();
    println!("browser_join: sequential round trips, Join click -> in the meeting (worst run): {longest}");
}

async fn once() -> Check<Run> {
    let stack = Stack::start(&[]).await?;
    let browser = Browser::start(Viewport::DESKTOP).await?;
    let outcome = measure(&stack, &browser).await;
    let client = browser.client.clone();
    let _ = client.close().await;
    drop(browser);
    stack.sim.shutdown().await;
    outcome
}

async fn measure(stack: &Stack, browser: &Browser) -> Check<Run> {
    browser.open(&stack.app_link("OPEN2024")).await?;
    let button_ms = poll(
        browser,
        "return document.querySelector('[data-testid=join]') ? performance.now() : null",
    )
    .await?;
    let downloaded = browser
        .script(DOWNLOADED)
        .await?
        .as_array()
        .ok_or("no resource timing")?
        .iter()
        .map(|file| {
            (
                file[0].as_str().unwrap_or_default().to_owned(),
                file[1].as_u64().unwrap_or(0),
                file[2].as_u64().unwrap_or(0),
            )
        })
        .collect();
    let time_origin = number(&browser.script("return performance.timeOrigin").await?)?;
    browser.type_into("#display-name", "Ada Lovelace").await?;
    stack.application_parked().await?;
    let entries = stack.sim.journal();
    // The journal records a request when it is answered, so the parked poll is not in it
    // yet; the application's creation, answered just before it, is.
    let created = entries
        .iter()
        .find(|e| e.step == simulator::journal::Step::CreateApplication && !e.preflight)
        .ok_or("no application was created")?;
    let created_at = created.at_ms + i64::try_from(created.latency_ms).unwrap_or_default();
    browser.script(STOPWATCH).await?;
    browser.click("[data-testid=join]").await?;
    let joined = poll(browser, "return window.__joinedAt").await?;
    let clicked = number(&browser.script("return window.__clickedAt").await?)?;
    let entries = stack.sim.journal();
    let clicked_ms = (time_origin + clicked).floor() as i64;
    let cost = join_cost(&entries, clicked_ms).ok_or("the guest never asked to join")?;
    let sequential = sequential_round_trips(&entries, clicked_ms).ok_or("the join never completed")?;
    Ok(Run {
        downloaded,
        button_ms,
        prefetched_ms: created_at as f64 - time_origin,
        click_to_meeting_ms: joined - clicked,
        click_requests: cost.requests,
        click_preflights: cost.preflights,
        sequential,
    })
}

/// Runs `script` until it returns a number, for up to 15 s.
async fn poll(browser: &Browser, script: &str) -> Check<f64> {
    for _ in 0..1500 {
        if let Ok(value) = number(&browser.script(script).await?) {
            return Ok(value);
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    Err(format!("{script} never returned a number"))
}

fn number(value: &Value) -> Check<f64> {
    value.as_f64().ok_or_else(|| format!("{value} is not a number"))
}
