//! What a guest on a slow connection waits for, in headless Chromium with the cache off:
//! from opening the link to a name field they can type in, and from opening the link to
//! "You're in the meeting" when they type their name for 3 s and press Join; with the bytes
//! the app cost over the wire.
//!
//! Three networks: none (loopback), DevTools' "Slow 4G" (150 ms, 1.6 Mbit/s down) and
//! "Fast 3G" (562.5 ms, 1.44 Mbit/s down), emulated by Chromium. Every run is a fresh
//! simulator, middle tier and browser. Median of [`RUNS`].
//!
//! `cargo bench -p e2e --bench first_load` after `./x build` (or `./x bench`).
//! Prints figures; asserts nothing about time.

use std::time::Duration;

use e2e::browser::{Browser, Check, Downloaded, Network, Server, Stack, Viewport};

/// Cold runs per network.
const RUNS: usize = 5;
/// The name the guest types, one key at a time over [`TYPING`].
const NAME: &str = "Ada Lovelace";
/// How long the guest takes to type it.
const TYPING: Duration = Duration::from_secs(3);

/// Records, in the page and from its very start, when the name field can first be typed
/// in, when Join is pressed and when the guest is in, so WebDriver's polling does not count.
const STOPWATCH: &str = r#"
    window.__fieldAt = null; window.__pressedAt = null; window.__joinedAt = null; window.__appAt = null;
    let sawEarly = false;
    document.addEventListener('click', e => {
        if (e.target.closest && e.target.closest('[data-testid=join]')) window.__pressedAt ??= performance.now();
    }, true);
    new MutationObserver(() => {
        const field = document.getElementById('display-name');
        if (window.__fieldAt === null && field && field.offsetParent !== null && !field.readOnly) {
            requestAnimationFrame(() => { window.__fieldAt ??= performance.now(); });
        }
        const early = document.getElementById('early');
        sawEarly ||= early !== null;
        if (window.__appAt === null && sawEarly && early === null) window.__appAt = performance.now();
        const status = document.querySelector('[data-testid=status]');
        if (window.__joinedAt === null && status && status.textContent.includes("You're in the meeting")) {
            window.__joinedAt = performance.now();
        }
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
"#;

#[derive(Debug)]
struct Run {
    field_ms: f64,
    joined_ms: f64,
    pressed_ms: f64,
    /// When the app took over from the page's early name screen (a page without one, as
    /// main had before it, has nothing to take over).
    app_ms: Option<f64>,
    files: Vec<Downloaded>,
}

fn main() {
    let runtime = e2e::runtime();
    for network in [Network::NONE, Network::SLOW_4G, Network::FAST_3G] {
        let name = network.name;
        let mut runs = Vec::new();
        for n in 0..RUNS {
            match runtime.block_on(once(network)) {
                Ok(run) => runs.push(run),
                Err(reason) => panic!("first_load: {name}: run {n} failed: {reason}"),
            }
        }
        report(name, &runs);
    }
}

fn report(network: &str, runs: &[Run]) {
    let median = |pick: fn(&Run) -> f64| {
        let mut values: Vec<f64> = runs.iter().map(pick).collect();
        values.sort_by(f64::total_cmp);
        values[values.len() / 2]
    };
    let what = format!("first_load: {network}, median of {}", runs.len());
    println!(
        "{what}: link opened -> name field usable: {:.0} ms",
        median(|r| r.field_ms)
    );
    if runs.iter().all(|r| r.app_ms.is_some()) {
        println!(
            "{what}: link opened -> the app has taken over: {:.0} ms",
            median(|r| r.app_ms.unwrap_or_default())
        );
    }
    println!(
        "{what}: link opened -> Join pressed (after typing for {} s): {:.0} ms",
        TYPING.as_secs(),
        median(|r| r.pressed_ms)
    );
    println!(
        "{what}: link opened -> \"You're in the meeting\": {:.0} ms (Join pressed -> in: {:.0} ms)",
        median(|r| r.joined_ms),
        median(|r| r.joined_ms - r.pressed_ms)
    );
    println!(
        "{what}: the app over the wire: {:.0} B",
        median(|r| r.files.iter().map(|f| f.wire).sum::<u64>() as f64)
    );
    if let Some(run) = runs.first() {
        for file in &run.files {
            println!(
                "first_load: {network}: {}: {} B over the wire ({} B decoded)",
                file.path, file.wire, file.decoded
            );
        }
    }
}

async fn once(network: Network) -> Check<Run> {
    let stack = Stack::start(Server::Strict, &[]).await?;
    let browser = Browser::start_on(Viewport::PHONE, Some(network)).await?;
    let outcome = measure(&stack, &browser).await;
    let client = browser.client.clone();
    let _ = client.close().await;
    drop(browser);
    stack.sim.shutdown().await;
    outcome
}

async fn measure(stack: &Stack, browser: &Browser) -> Check<Run> {
    browser.run_on_every_page(STOPWATCH).await?;
    browser.open_early(&stack.app_link("OPEN2024")).await?;
    let field_ms = browser.wait_number("return window.__fieldAt", 60).await?;
    let per_key = TYPING / u32::try_from(NAME.chars().count()).unwrap_or(1);
    for key in NAME.chars() {
        // The app replaces the early field when it starts; find it afresh for every key.
        let mut typed = false;
        for _ in 0..3 {
            if let Ok(field) = browser.wait("#display-name", 5).await
                && field.send_keys(&key.to_string()).await.is_ok()
            {
                typed = true;
                break;
            }
        }
        if !typed {
            return Err(format!("could not type {key:?}"));
        }
        tokio::time::sleep(per_key).await;
    }
    browser.click("[data-testid=join]").await?;
    let joined_ms = browser.wait_number("return window.__joinedAt", 60).await?;
    let pressed_ms = browser.wait_number("return window.__pressedAt", 60).await?;
    let app_ms = browser.script("return window.__appAt").await?.as_f64();
    let files = browser.downloaded().await?;
    Ok(Run {
        field_ms,
        joined_ms,
        pressed_ms,
        app_ms,
        files,
    })
}
