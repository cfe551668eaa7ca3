//! Browser tests: the whole product on loopback (simulator, middle tier hosting the built
//! app, other origins for partner pages) driven in headless Chromium through chromedriver.
//!
//! Scenario steps return [`Check`]; on failure, [`run`] saves a screenshot and the
//! simulator's journal under `e2e-artifacts/` before failing the test.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};
use simulator::Simulator;
use simulator::config::{Quirks, SimConfig};
use tokio::sync::Mutex;
use url::Url;

use crate::{MiddleTier, middle_tier_settings, simulator_config};

/// A step's outcome: `Err` says what went wrong, in words.
pub type Check<T = ()> = Result<T, String>;

/// The workspace's root (where `dist/` is).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The built app.
pub fn dist() -> PathBuf {
    workspace_root().join("dist")
}

/// Which simulator a scenario runs against. Every browser scenario runs against both, so
/// that the product works wherever the documents allow a server to differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Server {
    /// As strict as the documents: every quirk off.
    Strict,
    /// Every documented alternative and leniency on at once ([`Quirks::all`]).
    AllQuirks,
}

impl Server {
    /// The simulator's quirks for this server.
    pub fn quirks(self) -> Quirks {
        match self {
            Self::Strict => Quirks::strict(),
            Self::AllQuirks => Quirks::all(),
        }
    }

    /// A short name for artifacts.
    pub fn label(self) -> &'static str {
        match self {
            Self::Strict => "strict",
            Self::AllQuirks => "quirks",
        }
    }
}

/// Everything a scenario runs against.
#[derive(Debug)]
pub struct Stack {
    /// The simulator.
    pub sim: Simulator,
    /// The middle tier, which also hosts the app.
    pub tier: MiddleTier,
}

impl Stack {
    /// Starts the simulator as `server` and a middle tier hosting the built app, with
    /// `extra` settings.
    ///
    /// # Errors
    /// When the app is not built.
    pub async fn start(server: Server, extra: &[(&str, &str)]) -> Check<Self> {
        Self::start_configured(server, extra, |_| {}).await
    }

    /// [`Stack::start`], with the simulator's settings changed by `configure` first (its
    /// timers, say).
    ///
    /// # Errors
    /// When the app is not built.
    pub async fn start_configured(
        server: Server,
        extra: &[(&str, &str)],
        configure: impl FnOnce(&mut SimConfig),
    ) -> Check<Self> {
        if !dist().join("index.html").is_file() {
            return Err(format!(
                "{} has no built app: run `./x build` first (./x test does)",
                dist().display()
            ));
        }
        let mut config = simulator_config();
        config.quirks = server.quirks();
        configure(&mut config);
        let sim = Simulator::start(config)
            .await
            .map_err(|e| format!("simulator: {e}"))?;
        let hosts = sim.hosts();
        // The online meeting service, and the on-premises server's hosts (the app reaches
        // them directly or frames them, as the server allows).
        let connect = [
            &hosts.api,
            &hosts.webpool,
            &hosts.lyncdiscover,
            &hosts.pool,
            &hosts.pool2,
        ]
        .map(origin)
        .join(" ");
        let dist = dist();
        let dist = dist.to_str().ok_or("the workspace path is not UTF-8")?.to_owned();
        let mut settings = vec![
            ("GUEST_JOIN_STATIC_DIR", dist.as_str()),
            ("GUEST_JOIN_CONNECT_SRC", connect.as_str()),
        ];
        settings.extend_from_slice(extra);
        let tier = MiddleTier::start(middle_tier_settings(&sim, &settings)).await;
        Ok(Self { sim, tier })
    }

    /// A meeting's join URL.
    ///
    /// # Panics
    /// When the simulator has no such meeting.
    pub fn join_url(&self, meeting: &str) -> String {
        self.sim.join_url(meeting).expect("a meeting the demo has")
    }

    /// The app's URL for joining `meeting`, as a guest's invitation link would be.
    pub fn app_link(&self, meeting: &str) -> String {
        let mut url = self.tier.url.clone();
        url.query_pairs_mut().append_pair("join", &self.join_url(meeting));
        url.to_string()
    }

    /// The app's staff link check, opened on `meeting`'s join URL.
    pub fn check_link(&self, meeting: &str) -> String {
        let mut url = self.tier.url.clone();
        url.query_pairs_mut()
            .append_pair("check", "")
            .append_pair("join", &self.join_url(meeting));
        url.to_string()
    }

    /// Waits until no guest application is left in the simulator.
    ///
    /// # Errors
    /// When one is still there after 5 s, saying `what` should have removed it.
    pub async fn applications_removed(&self, what: &str) -> Check {
        for _ in 0..100 {
            if self.sim.applications().is_empty() {
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Err(format!("{what} left its application behind"))
    }

    /// The simulator's request journal, as JSON.
    pub fn journal(&self) -> Value {
        serde_json::to_value(self.sim.journal()).unwrap_or(Value::Null)
    }

    /// The control API's view of a meeting.
    pub fn meeting(&self, meeting: &str) -> Value {
        serde_json::to_value(self.sim.meeting(meeting)).unwrap_or(Value::Null)
    }

    /// Waits until a guest's application exists with its event poll parked: what the app
    /// fetches while the guest types.
    ///
    /// # Errors
    /// When that does not happen within 5 s.
    pub async fn application_parked(&self) -> Check {
        for _ in 0..200 {
            if self.sim.applications().iter().any(|a| a.parked) {
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        Err("the application was never created while the guest typed".to_owned())
    }

    /// Waits until the page has discovered the meeting service (token and discover are
    /// done): all it does ahead of the click while it does not know the guest's name.
    ///
    /// # Errors
    /// When that does not happen within 5 s.
    pub async fn discovered(&self) -> Check {
        for _ in 0..200 {
            let answered = self.sim.journal().iter().any(|e| {
                e.step == simulator::journal::Step::GuestDiscover && e.status == 200 && !e.preflight
            });
            if answered {
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        Err("the page never discovered the meeting service".to_owned())
    }

    /// The first guest's person id in `meeting`.
    pub fn guest_in(&self, meeting: &str) -> Option<String> {
        self.sim.guests_in(meeting).into_iter().next().map(|p| p.id)
    }
}

fn origin(url: &Url) -> String {
    url.origin().ascii_serialization()
}

/// A window size.
#[derive(Clone, Copy, Debug)]
pub struct Viewport {
    /// Width in CSS pixels.
    pub width: u32,
    /// Height in CSS pixels.
    pub height: u32,
}

impl Viewport {
    /// A laptop.
    pub const DESKTOP: Self = Self {
        width: 1280,
        height: 900,
    };
    /// The narrowest screen WCAG's reflow rule asks for (320 CSS px): a small phone, or a
    /// laptop's window zoomed to 400 % (so 200 % zoom is covered too).
    pub const PHONE: Self = Self {
        width: 320,
        height: 640,
    };
}

/// A network for Chromium to emulate, with DevTools' figures. Chromium delays what it sends
/// and receives on its side, so it slows the page's downloads; the simulator's own injected
/// latency stands for the server's round trips.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Network {
    /// What the figures call it.
    pub name: &'static str,
    /// Added to every request, in ms.
    pub latency_ms: f64,
    /// Bytes per second down.
    pub down: f64,
    /// Bytes per second up.
    pub up: f64,
}

impl Network {
    /// No emulation: loopback as it is (the cache still off).
    pub const NONE: Self = Self {
        name: "no emulation",
        latency_ms: 0.0,
        down: -1.0,
        up: -1.0,
    };
    /// DevTools' "Fast 3G": 562.5 ms, 1.44 Mbit/s down, 675 kbit/s up.
    pub const FAST_3G: Self = Self {
        name: "Fast 3G",
        latency_ms: 562.5,
        down: 180_000.0,
        up: 84_375.0,
    };
    /// "Slow 4G": 150 ms, 1.6 Mbit/s down, 750 kbit/s up.
    pub const SLOW_4G: Self = Self {
        name: "Slow 4G",
        latency_ms: 150.0,
        down: 200_000.0,
        up: 93_750.0,
    };
}

/// One file a page downloaded.
#[derive(Clone, Debug)]
pub struct Downloaded {
    /// Its path on the page's origin.
    pub path: String,
    /// Bytes over the wire, headers included.
    pub wire: u64,
    /// Bytes of its (compressed) body.
    pub body: u64,
    /// Bytes once decoded.
    pub decoded: u64,
}

/// A Chrome DevTools Protocol command, through chromedriver.
#[derive(Debug)]
struct DevTools {
    command: &'static str,
    params: Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for DevTools {
    fn endpoint(&self, base: &Url, session: Option<&str>) -> Result<Url, url::ParseError> {
        base.join(&format!(
            "session/{}/goog/cdp/execute",
            session.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &Url) -> (http::Method, Option<String>) {
        let body = json!({"cmd": self.command, "params": self.params});
        (http::Method::POST, Some(body.to_string()))
    }
}

/// chromedriver with one headless Chromium session.
#[derive(Debug)]
pub struct Browser {
    driver: Child,
    /// The WebDriver session.
    pub client: Client,
    /// Console messages read so far (chromedriver hands each out once).
    console: std::sync::Mutex<Vec<ConsoleEntry>>,
    /// The scenario provokes console errors on purpose (a refused origin, say).
    errors_expected: std::sync::atomic::AtomicBool,
}

/// One message from Chromium's console: what a developer sees in DevTools, network
/// failures ("Failed to load resource: …") included.
#[derive(Clone, Debug, serde::Deserialize)]
pub struct ConsoleEntry {
    /// `SEVERE`, `WARNING`, `INFO`, …
    pub level: String,
    /// The text.
    pub message: String,
}

/// chromedriver's `browser` log, which Chromium's console writes to.
#[derive(Debug)]
struct ReadConsole;

impl fantoccini::wd::WebDriverCompatibleCommand for ReadConsole {
    fn endpoint(&self, base: &Url, session: Option<&str>) -> Result<Url, url::ParseError> {
        base.join(&format!("session/{}/se/log", session.unwrap_or_default()))
    }

    fn method_and_body(&self, _: &Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(r#"{"type":"browser"}"#.to_owned()))
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        end_process_group(&mut self.driver);
    }
}

fn free_port() -> Check<u16> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    Ok(listener.local_addr().map_err(|e| e.to_string())?.port())
}

impl Browser {
    /// Starts chromedriver and a headless Chromium of `viewport` size.
    ///
    /// # Errors
    /// When chromedriver or Chromium will not start.
    pub async fn start(viewport: Viewport) -> Check<Self> {
        Self::start_on(viewport, None).await
    }

    /// Starts a browser on an emulated `network`, with its cache off. Opening a page does
    /// not wait for it to load, so a scenario can act while it does, as a guest would.
    ///
    /// # Errors
    /// When chromedriver or Chromium will not start, or the emulation is refused.
    pub async fn start_on(viewport: Viewport, network: Option<Network>) -> Check<Self> {
        let port = free_port()?;
        let chromedriver =
            std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".to_owned());
        let mut command = Command::new(&chromedriver);
        command
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        #[cfg(unix)]
        std::os::unix::process::CommandExt::process_group(&mut command, 0);
        let driver = command
            .spawn()
            .map_err(|e| format!("cannot start {chromedriver}: {e} (./x setup installs it)"))?;
        let browser_args = vec![
            "--headless=new".to_owned(),
            "--no-sandbox".to_owned(),
            "--disable-gpu".to_owned(),
            "--disable-dev-shm-usage".to_owned(),
            "--disable-background-networking".to_owned(),
            "--disable-component-update".to_owned(),
            "--disable-sync".to_owned(),
            "--no-first-run".to_owned(),
            "--disable-quic".to_owned(),
            "--disable-extensions".to_owned(),
            format!("--window-size={},{}", viewport.width, viewport.height),
        ];
        let capabilities = json!({
            "browserName": "chrome",
            "pageLoadStrategy": if network.is_some() { "none" } else { "normal" },
            "goog:chromeOptions": {"binary": std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".to_owned()), "args": browser_args},
            "goog:loggingPrefs": {"browser": "ALL"},
        });
        let capabilities = capabilities.as_object().cloned().ok_or("capabilities")?;
        let mut guard = Self::guard(driver);
        // Wait for chromedriver to listen, then ask for one session: retrying the session
        // request itself could leave a browser behind per attempt.
        let started = Instant::now();
        while tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_err() {
            if started.elapsed() > Duration::from_secs(10) {
                return Err("chromedriver did not start listening within 10 s".to_owned());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let client = ClientBuilder::new(connector)
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .map_err(|e| format!("no WebDriver session: {e}"))?;
        let driver = guard.take().ok_or("chromedriver vanished")?;
        let browser = Self {
            driver,
            client,
            console: std::sync::Mutex::new(Vec::new()),
            errors_expected: std::sync::atomic::AtomicBool::new(false),
        };
        browser
            .client
            .set_window_size(viewport.width, viewport.height)
            .await
            .map_err(|e| e.to_string())?;
        if let Some(network) = network {
            browser.emulate(network).await?;
        }
        Ok(browser)
    }

    /// Runs `script` at the start of every page from now on, before the page's own.
    ///
    /// # Errors
    /// When Chromium refuses it.
    pub async fn run_on_every_page(&self, script: &str) -> Check {
        self.client
            .issue_cmd(DevTools {
                command: "Page.addScriptToEvaluateOnNewDocument",
                params: json!({"source": script}),
            })
            .await
            .map(drop)
            .map_err(|e| format!("cannot add a script to every page: {e}"))
    }

    /// Emulates a CSS media feature from now on, such as `prefers-reduced-motion: reduce`.
    ///
    /// # Errors
    /// When Chromium refuses it.
    pub async fn emulate_media(&self, feature: &str, value: &str) -> Check {
        self.client
            .issue_cmd(DevTools {
                command: "Emulation.setEmulatedMedia",
                params: json!({"features": [{"name": feature, "value": value}]}),
            })
            .await
            .map(drop)
            .map_err(|e| format!("cannot emulate {feature}: {value}: {e}"))
    }

    /// Fails every request whose URL matches one of `patterns` (`*` is a wildcard) from now
    /// on, as a dropped connection would; an empty list lets everything through again.
    ///
    /// # Errors
    /// When Chromium refuses it.
    pub async fn block_urls(&self, patterns: &[&str]) -> Check {
        for (command, params) in [
            ("Network.enable", json!({})),
            ("Network.setBlockedURLs", json!({"urls": patterns})),
        ] {
            self.client
                .issue_cmd(DevTools { command, params })
                .await
                .map_err(|e| format!("{command} refused: {e}"))?;
        }
        Ok(())
    }

    /// Emulates `network` from now on, with the cache off.
    async fn emulate(&self, network: Network) -> Check {
        let commands = [
            ("Network.enable", json!({})),
            ("Network.setCacheDisabled", json!({"cacheDisabled": true})),
            (
                "Network.emulateNetworkConditions",
                json!({
                    "offline": false,
                    "latency": network.latency_ms,
                    "downloadThroughput": network.down,
                    "uploadThroughput": network.up,
                }),
            ),
        ];
        for (command, params) in commands {
            self.client
                .issue_cmd(DevTools { command, params })
                .await
                .map_err(|e| format!("{command} refused: {e}"))?;
        }
        Ok(())
    }

    /// Kills chromedriver if starting the session fails.
    fn guard(driver: Child) -> DriverGuard {
        DriverGuard(Some(driver))
    }

    /// Every console message so far.
    ///
    /// # Errors
    /// When chromedriver cannot hand the log out.
    pub async fn console(&self) -> Check<Vec<ConsoleEntry>> {
        let fresh = self
            .client
            .issue_cmd(ReadConsole)
            .await
            .map_err(|e| format!("cannot read the browser console: {e}"))?;
        let fresh: Vec<ConsoleEntry> =
            serde_json::from_value(fresh).map_err(|e| format!("the browser console: {e}"))?;
        let mut seen = self.console.lock().map_err(|_| "the console log is poisoned")?;
        seen.extend(fresh);
        Ok(seen.clone())
    }

    /// The console errors so far: what DevTools shows in red.
    ///
    /// # Errors
    /// When chromedriver cannot hand the log out.
    pub async fn console_errors(&self) -> Check<Vec<String>> {
        Ok(self
            .console()
            .await?
            .into_iter()
            .filter(|entry| entry.level == "SEVERE")
            .map(|entry| entry.message)
            .collect())
    }

    /// Says that the scenario provokes console errors on purpose (a refused origin, a
    /// failing link check, a dropped connection), so they do not fail it.
    pub fn expect_console_errors(&self) {
        self.errors_expected
            .store(true, std::sync::atomic::Ordering::Relaxed);
    }

    /// Opens `url`.
    ///
    /// # Errors
    /// WebDriver errors, in words.
    /// Opens `url`, and waits for the app to have started when it is the app's page (the
    /// app removes the page's early name screen as it takes over).
    ///
    /// # Errors
    /// WebDriver errors, in words, or an app that does not start within 15 s.
    pub async fn open(&self, url: &str) -> Check {
        self.open_early(url).await?;
        self.wait_script(
            "document.getElementById('early') === null",
            &Value::Bool(true),
            15,
        )
        .await
    }

    /// Opens `url` without waiting for the app: on an emulated network, the page's early
    /// name screen comes first.
    ///
    /// # Errors
    /// WebDriver errors, in words.
    pub async fn open_early(&self, url: &str) -> Check {
        self.client
            .goto(url)
            .await
            .map_err(|e| format!("cannot open {url}: {e}"))
    }

    /// Waits up to `seconds` for an element matching `css`.
    ///
    /// # Errors
    /// When it does not appear.
    pub async fn wait(&self, css: &str, seconds: u64) -> Check<Element> {
        self.client
            .wait()
            .at_most(Duration::from_secs(seconds))
            .every(Duration::from_millis(50))
            .for_element(Locator::Css(css))
            .await
            .map_err(|e| format!("no {css} after {seconds} s: {e}"))
    }

    /// Waits up to `seconds` until the text of `css` contains `text`.
    ///
    /// # Errors
    /// When it does not, with the last text seen.
    pub async fn wait_text(&self, css: &str, text: &str, seconds: u64) -> Check<String> {
        let deadline = Instant::now() + Duration::from_secs(seconds);
        let mut last = String::new();
        loop {
            if let Ok(element) = self.client.find(Locator::Css(css)).await
                && let Ok(now) = element.text().await
            {
                if now.contains(text) {
                    return Ok(now);
                }
                last = now;
            }
            if Instant::now() > deadline {
                return Err(format!(
                    "{css} never said {text:?} within {seconds} s; it said {last:?}"
                ));
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits up to `seconds` until the JavaScript expression `expression` yields
    /// `expected`.
    ///
    /// # Errors
    /// When it does not, with the last value seen.
    pub async fn wait_script(&self, expression: &str, expected: &Value, seconds: u64) -> Check {
        let deadline = Instant::now() + Duration::from_secs(seconds);
        loop {
            let now = self.script(&format!("return {expression}")).await?;
            if now == *expected {
                return Ok(());
            }
            if Instant::now() > deadline {
                return Err(format!(
                    "{expression} was never {expected} within {seconds} s; it was {now}"
                ));
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits until the page has read the answer to a request whose URL contains
    /// `url_part` (any case) and done all it does with it: the request is complete in the
    /// page's resource timing, and then the page's main thread has nothing left to run.
    ///
    /// # Errors
    /// When that does not happen within 5 s.
    pub async fn settled_after(&self, url_part: &str) -> Check {
        const SETTLED: &str = "const part = arguments[0].toLowerCase();
            return new Promise(resolve => {
              const giveUp = setTimeout(() => resolve(false), 5000);
              const answered = () => performance.getEntriesByType('resource')
                .some(e => e.name.toLowerCase().includes(part) && e.responseEnd > 0);
              const check = () => answered()
                ? requestIdleCallback(() => { clearTimeout(giveUp); resolve(true); })
                : setTimeout(check, 10);
              check();
            });";
        let settled = self
            .client
            .execute(SETTLED, vec![Value::from(url_part)])
            .await
            .map_err(|e| format!("script failed: {e}"))?;
        if settled == Value::Bool(true) {
            Ok(())
        } else {
            Err(format!("the page never settled after {url_part} within 5 s"))
        }
    }

    /// Runs `script` until it returns a number, for up to `seconds`; for what a page
    /// records about itself, such as a `performance.now()` taken when something happened.
    ///
    /// # Errors
    /// WebDriver errors, or no number in time.
    pub async fn wait_number(&self, script: &str, seconds: u64) -> Check<f64> {
        let deadline = Instant::now() + Duration::from_secs(seconds);
        loop {
            let value = self.script(script).await?;
            if let Some(number) = value.as_f64() {
                return Ok(number);
            }
            if Instant::now() > deadline {
                return Err(format!(
                    "{script} never returned a number within {seconds} s; it returned {value}"
                ));
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }

    /// What the page downloaded from its own origin (the API calls aside), file by file, as
    /// Chromium's resource timing reports it.
    ///
    /// # Errors
    /// WebDriver errors, or no resource timing.
    pub async fn downloaded(&self) -> Check<Vec<Downloaded>> {
        const FILES: &str = "const navigation = performance.getEntriesByType('navigation')[0];
            return [navigation, ...performance.getEntriesByType('resource')]
                .filter(e => e.name.startsWith(location.origin) && !new URL(e.name).pathname.startsWith('/api/'))
                .map(e => [new URL(e.name).pathname, e.transferSize, e.encodedBodySize, e.decodedBodySize]);";
        let files = self.script(FILES).await?;
        let files = files.as_array().ok_or("no resource timing")?;
        Ok(files
            .iter()
            .map(|file| Downloaded {
                path: file[0].as_str().unwrap_or_default().to_owned(),
                wire: file[1].as_u64().unwrap_or(0),
                body: file[2].as_u64().unwrap_or(0),
                decoded: file[3].as_u64().unwrap_or(0),
            })
            .collect())
    }

    /// The text of every element matching `css`.
    ///
    /// # Errors
    /// WebDriver errors.
    pub async fn texts(&self, css: &str) -> Check<Vec<String>> {
        let mut texts = Vec::new();
        for element in self
            .client
            .find_all(Locator::Css(css))
            .await
            .map_err(|e| e.to_string())?
        {
            texts.push(element.text().await.map_err(|e| e.to_string())?);
        }
        Ok(texts)
    }

    /// Clicks the element matching `css` (waiting for it).
    ///
    /// # Errors
    /// When it is missing or cannot be clicked.
    pub async fn click(&self, css: &str) -> Check {
        self.wait(css, 10)
            .await?
            .click()
            .await
            .map_err(|e| format!("cannot click {css}: {e}"))
    }

    /// Types into the element matching `css` (after clearing it).
    ///
    /// # Errors
    /// When it is missing.
    pub async fn type_into(&self, css: &str, text: &str) -> Check {
        let element = self.wait(css, 10).await?;
        element.clear().await.map_err(|e| e.to_string())?;
        element
            .send_keys(text)
            .await
            .map_err(|e| format!("cannot type into {css}: {e}"))
    }

    /// Runs JavaScript and returns its result.
    ///
    /// # Errors
    /// Script errors.
    pub async fn script(&self, source: &str) -> Check<Value> {
        self.client
            .execute(source, Vec::new())
            .await
            .map_err(|e| format!("script failed: {e}"))
    }

    /// The page title.
    ///
    /// # Errors
    /// WebDriver errors.
    pub async fn title(&self) -> Check<String> {
        self.client.title().await.map_err(|e| e.to_string())
    }

    /// Runs axe-core (npm, as auditors and the peers' CI use it) on the current document
    /// with the WCAG 2.0 and 2.1 A and AA rules.
    ///
    /// # Errors
    /// Each violation: its rule, impact, what it means and the elements that fail it; or
    /// axe-core missing (`./x setup` installs it).
    pub async fn check_accessibility(&self) -> Check {
        static AXE: std::sync::OnceLock<Result<String, String>> = std::sync::OnceLock::new();
        let axe = AXE
            .get_or_init(|| {
                let path = workspace_root().join("node_modules/axe-core/axe.min.js");
                std::fs::read_to_string(&path)
                    .map_err(|e| format!("cannot read {}: {e} (./x setup installs it)", path.display()))
            })
            .as_ref()
            .map_err(Clone::clone)?;
        let loaded = self
            .client
            .execute(
                &format!("if (!window.axe) {{ {axe} }} return typeof window.axe"),
                vec![],
            )
            .await
            .map_err(|e| format!("cannot load axe-core: {e}"))?;
        if loaded != "object" {
            return Err(format!("axe-core did not load: {loaded}"));
        }
        const RUN: &str = "return axe.run(document, {
                runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
                resultTypes: ['violations'],
            }).then(result => result.violations.map(v =>
                `${v.id} (${v.impact}): ${v.help}: ${v.nodes.map(n => n.target.join(' ')).join(', ')}`));";
        let violations = self
            .client
            .execute(RUN, vec![])
            .await
            .map_err(|e| format!("axe-core failed: {e}"))?;
        match violations.as_array() {
            Some(found) if found.is_empty() => Ok(()),
            Some(found) => Err(format!("axe-core finds WCAG A/AA violations: {found:#?}")),
            None => Err(format!("axe-core answered {violations}")),
        }
    }

    /// Checks that every visible piece of text on the page meets WCAG AA contrast against
    /// the background behind it: 4.5:1, or 3:1 for large text.
    ///
    /// # Errors
    /// The texts that fall short, with their ratios.
    pub async fn check_contrast(&self) -> Check {
        let failures = self.script(CONTRAST).await?;
        match failures.as_array() {
            Some(list) if list.is_empty() => Ok(()),
            Some(list) => Err(format!("too little contrast: {}", Value::Array(list.clone()))),
            None => Err(format!("the contrast check returned {failures}")),
        }
    }
}

/// Finds visible text whose colour is too close to its background (WCAG 2 relative
/// luminance). Backgrounds are the nearest opaque ancestor's; the page is white otherwise.
const CONTRAST: &str = r#"
    const rgb = (text) => (text.match(/[\d.]+/g) || []).map(Number);
    const luminance = ([r, g, b]) => {
        const channel = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const background = (element) => {
        for (let e = element; e; e = e.parentElement) {
            const color = rgb(getComputedStyle(e).backgroundColor);
            if (color.length === 3 || (color.length === 4 && color[3] === 1)) return color.slice(0, 3);
        }
        return [255, 255, 255];
    };
    const failures = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const element = node.parentElement;
        if (!node.textContent.trim() || !element || !element.getClientRects().length) continue;
        const style = getComputedStyle(element);
        if (style.visibility === 'hidden' || element.closest('.sr-only')) continue;
        const [fore, back] = [luminance(rgb(style.color)), luminance(background(element))];
        const ratio = (Math.max(fore, back) + 0.05) / (Math.min(fore, back) + 0.05);
        const size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight, 10) >= 700;
        const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
        if (ratio < needed) failures.push(`${node.textContent.trim().slice(0, 40)}: ${ratio.toFixed(2)}`);
    }
    return failures;
"#;

/// Ends chromedriver and every Chromium it started: they share its own process group.
///
/// This signals the group directly rather than running `kill -9 -PID`, which procps-ng 4.0.2
/// (Debian 12) reads as `kill -9 -1`: every process the user may signal.
fn end_process_group(driver: &mut Child) {
    #[cfg(unix)]
    if let Ok(id) = i32::try_from(driver.id()) {
        let _ = nix::sys::signal::killpg(nix::unistd::Pid::from_raw(id), nix::sys::signal::Signal::SIGKILL);
    }
    let _ = driver.kill();
    let _ = driver.wait();
}

struct DriverGuard(Option<Child>);

impl DriverGuard {
    fn take(&mut self) -> Option<Child> {
        self.0.take()
    }
}

impl Drop for DriverGuard {
    fn drop(&mut self) {
        if let Some(mut child) = self.0.take() {
            end_process_group(&mut child);
        }
    }
}

/// One browser scenario at a time: Chromium is heavy and the machine small.
static ONE_AT_A_TIME: Mutex<()> = Mutex::const_new(());

/// Runs a scenario against a fresh stack and browser; on failure, saves a screenshot and
/// the journal to `e2e-artifacts/<name>.*`, then fails the test with the reason.
pub async fn run(
    name: &str,
    server: Server,
    viewport: Viewport,
    settings: &[(&str, &str)],
    scenario: impl AsyncFnOnce(&Stack, &Browser) -> Check,
) {
    run_on(name, server, viewport, None, settings, scenario).await;
}

/// [`run`], with the simulator's settings changed by `configure` first.
pub async fn run_configured(
    name: &str,
    server: Server,
    configure: impl FnOnce(&mut SimConfig),
    scenario: impl AsyncFnOnce(&Stack, &Browser) -> Check,
) {
    run_scenario(name, server, Viewport::DESKTOP, None, &[], configure, scenario).await;
}

/// [`run`], with the browser on an emulated `network` ([`Browser::start_on`]).
pub async fn run_on(
    name: &str,
    server: Server,
    viewport: Viewport,
    network: Option<Network>,
    settings: &[(&str, &str)],
    scenario: impl AsyncFnOnce(&Stack, &Browser) -> Check,
) {
    run_scenario(name, server, viewport, network, settings, |_| {}, scenario).await;
}

async fn run_scenario(
    name: &str,
    server: Server,
    viewport: Viewport,
    network: Option<Network>,
    settings: &[(&str, &str)],
    configure: impl FnOnce(&mut SimConfig),
    scenario: impl AsyncFnOnce(&Stack, &Browser) -> Check,
) {
    let _turn = ONE_AT_A_TIME.lock().await;
    let name = format!("{name}-{}", server.label());
    let name = name.as_str();
    let stack = match Stack::start_configured(server, settings, configure).await {
        Ok(stack) => stack,
        Err(reason) => panic!("{name}: {reason}"),
    };
    let browser = match Browser::start_on(viewport, network).await {
        Ok(browser) => browser,
        Err(reason) => panic!("{name}: {reason}"),
    };
    let mut outcome = scenario(&stack, &browser).await;
    if outcome.is_ok() && !browser.errors_expected.load(std::sync::atomic::Ordering::Relaxed) {
        outcome = match browser.console_errors().await {
            Ok(errors) if errors.is_empty() => Ok(()),
            Ok(errors) => Err(format!("the browser console shows errors: {errors:#?}")),
            Err(reason) => Err(reason),
        };
    }
    if let Err(reason) = &outcome {
        let saved = save_artifacts(name, &stack, &browser).await;
        let client = browser.client.clone();
        let _ = client.close().await;
        drop(browser);
        stack.sim.shutdown().await;
        panic!("{name}: {reason}\n{saved}");
    }
    let client = browser.client.clone();
    let _ = client.close().await;
    drop(browser);
    stack.sim.shutdown().await;
}

async fn save_artifacts(name: &str, stack: &Stack, browser: &Browser) -> String {
    let dir = workspace_root().join("e2e-artifacts");
    if std::fs::create_dir_all(&dir).is_err() {
        return "could not create e2e-artifacts/".to_owned();
    }
    let screenshot = dir.join(format!("{name}.png"));
    let journal = dir.join(format!("{name}.journal.json"));
    let page = dir.join(format!("{name}.html"));
    let console = dir.join(format!("{name}.console.txt"));
    if let Ok(entries) = browser.console().await {
        let text: String = entries
            .iter()
            .map(|e| format!("{} {}\n", e.level, e.message))
            .collect();
        let _ = std::fs::write(&console, text);
    }
    if let Ok(png) = browser.client.screenshot().await {
        let _ = std::fs::write(&screenshot, png);
    }
    if let Ok(source) = browser.client.source().await {
        let _ = std::fs::write(&page, source);
    }
    let _ = std::fs::write(
        &journal,
        serde_json::to_vec_pretty(&stack.journal()).unwrap_or_default(),
    );
    format!(
        "saved {}, {}, {} and {}",
        screenshot.display(),
        journal.display(),
        page.display(),
        console.display()
    )
}

/// A site on another origin: the app (pointed at the middle tier), and partner pages.
#[derive(Debug)]
pub struct OtherSite {
    /// Its base URL.
    pub url: Url,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
}

impl Drop for OtherSite {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

/// A port held for an [`OtherSite`] whose origin must be known before the stack starts
/// (a partner allowed to frame the app, say).
#[derive(Debug)]
pub struct Reserved {
    listener: tokio::net::TcpListener,
    /// The origin it will serve, e.g. `http://127.0.0.1:40123`.
    pub origin: String,
}

impl Reserved {
    /// Holds a free port.
    ///
    /// # Errors
    /// When no port is free.
    pub async fn port() -> Check<Self> {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .map_err(|e| e.to_string())?;
        let origin = format!("http://{}", listener.local_addr().map_err(|e| e.to_string())?);
        Ok(Self { listener, origin })
    }
}

impl OtherSite {
    /// Opens `/partner.html` and, inside the app it frames, joins as `name` (pressing Join;
    /// the browser is left inside the frame).
    ///
    /// # Errors
    /// When the frame or the app's name screen does not come, or WebDriver fails.
    pub async fn join_in_frame(&self, browser: &Browser, name: &str) -> Check {
        browser.open(&format!("{}partner.html", self.url)).await?;
        let frame = browser.wait("#advisor", 10).await?;
        frame.enter_frame().await.map_err(|e| e.to_string())?;
        browser.wait_text("#screen-title", "Join", 15).await?;
        browser.type_into("#display-name", name).await?;
        browser.click("[data-testid=join]").await
    }

    /// Serves the built app pointed at `stack`'s middle tier; `/partner.html`, which
    /// frames `framed`; `/embed.html?join=…`, the README's partner page
    /// (`examples/partner.html`) embedding the app with its `<guest-join>` element;
    /// `/logo.svg`; and `/forger.html`, which posts a `leave` command to the first frame of
    /// the page that frames it.
    ///
    /// # Errors
    /// When the app is not built.
    pub async fn start(stack: &Stack, framed: Option<String>) -> Check<Self> {
        Self::serve(Reserved::port().await?, stack, framed).await
    }

    /// As [`OtherSite::start`], on a reserved port.
    ///
    /// # Errors
    /// When the app is not built.
    pub async fn serve(reserved: Reserved, stack: &Stack, framed: Option<String>) -> Check<Self> {
        let index = std::fs::read_to_string(dist().join("index.html"))
            .map_err(|e| format!("dist/index.html: {e}"))?;
        let hosts = &stack.tier.state.settings.meeting_hosts;
        let index = index
            .replace(
                "name=\"guest-join-meeting-hosts\" content=\"\"",
                &format!(
                    "name=\"guest-join-meeting-hosts\" content=\"{}\"",
                    hosts.join(" ")
                ),
            )
            .replace(
                "name=\"guest-join-middle-tier\" content=\"\"",
                &format!("name=\"guest-join-middle-tier\" content=\"{}\"", stack.tier.url),
            );
        let partner = format!(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Bank – talk to an advisor</title><link rel=\"icon\" href=\"data:,\"></head><body>\
             <h1>Talk to an advisor</h1><iframe id=\"advisor\" title=\"Video meeting with an advisor\" src=\"{}\" width=\"900\" height=\"700\" allow=\"notifications\"></iframe></body></html>",
            framed
                .unwrap_or_default()
                .replace('&', "&amp;")
                .replace('"', "&quot;")
        );
        let index = Arc::new(index);
        let example = std::fs::read_to_string(workspace_root().join("examples/partner.html"))
            .map_err(|e| format!("examples/partner.html: {e}"))?
            .replace("{{APP}}", stack.tier.url.as_str());
        let embedding = move |axum::extract::Query(query): axum::extract::Query<
            std::collections::HashMap<String, String>,
        >| {
            let join = query.get("join").cloned().unwrap_or_default();
            let page = example.replace("{{JOIN}}", &join.replace('&', "&amp;").replace('"', "&quot;"));
            async move { axum::response::Html(page) }
        };
        let router = axum::Router::new()
            .route("/embed.html", axum::routing::get(embedding))
            .route(
                "/logo.svg",
                axum::routing::get(|| async {
                    (
                        [(http::header::CONTENT_TYPE, "image/svg+xml")],
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120\" height=\"32\"><rect width=\"120\" height=\"32\" fill=\"#1b4d3e\"/></svg>",
                    )
                }),
            )
            .route(
                "/forger.html",
                axum::routing::get(|| async {
                    axum::response::Html(
                        "<!doctype html><title>forger</title><script>parent.frames[0].postMessage({guestJoin: 1, type: \"leave\"}, \"*\"); document.title = \"sent\";</script>",
                    )
                }),
            )
            .route(
                "/",
                axum::routing::get({
                    let index = Arc::clone(&index);
                    move || async move { axum::response::Html((*index).clone()) }
                }),
            )
            .route(
                "/partner.html",
                axum::routing::get(move || async move { axum::response::Html(partner.clone()) }),
            )
            .fallback_service(tower_http_serve(dist()));
        let listener = reserved.listener;
        let address = listener.local_addr().map_err(|e| e.to_string())?;
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        tokio::spawn(async move {
            let _ = axum::serve(listener, router)
                .with_graceful_shutdown(async {
                    let _ = stopped.await;
                })
                .await;
        });
        Ok(Self {
            url: Url::parse(&format!("http://{address}/")).map_err(|e| e.to_string())?,
            stop: Some(stop),
        })
    }
}

fn tower_http_serve(dir: PathBuf) -> tower_http::services::ServeDir {
    tower_http::services::ServeDir::new(dir)
}

/// Sequential round trips between the Join click and the guest being in the meeting: the
/// longest chain of requests, each sent after the one before it was answered, from the click
/// to the event-channel response that delivered the invitation's completion. The requests
/// that count are the application's creation (when it waits for the click), the join, the
/// event polls and the CORS preflights of all three; chat set-up and reading participants
/// run beside them. The poll parked before the click is not a round trip of its own: the
/// join's first events answer it while the join itself is answered. `None` if no
/// completion was delivered.
pub fn sequential_round_trips(
    entries: &[simulator::journal::JournalEntry],
    clicked_ms: i64,
) -> Option<usize> {
    use simulator::journal::{HostName, Step};
    let answered =
        |e: &simulator::journal::JournalEntry| e.at_ms + i64::try_from(e.latency_ms).unwrap_or(i64::MAX);
    let joined_ms = entries
        .iter()
        .filter(|e| answered(e) >= clicked_ms)
        .filter(|e| {
            e.events
                .iter()
                .any(|event| event == "completed onlineMeetingInvitation")
        })
        .map(answered)
        .min()?;
    let mut spans: Vec<(i64, i64)> = entries
        .iter()
        .filter(|e| {
            matches!(e.step, Step::CreateApplication | Step::JoinMeeting | Step::Events)
                || (e.preflight && e.host == HostName::Webpool)
        })
        .filter(|e| e.at_ms >= clicked_ms && answered(e) <= joined_ms)
        .map(|e| (e.at_ms, answered(e)))
        .collect();
    spans.sort_unstable();
    let mut chain = vec![1usize; spans.len()];
    for i in 0..spans.len() {
        for j in 0..i {
            if spans[j].1 <= spans[i].0 {
                chain[i] = chain[i].max(chain[j] + 1);
            }
        }
    }
    chain.into_iter().max()
}

/// What joining cost after the Join click.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JoinCost {
    /// Requests the browser started from the click up to and including the join POST,
    /// preflights included.
    pub requests: usize,
    /// How many of those were CORS preflights.
    pub preflights: usize,
}

/// The requests the Join click put on the critical path, or `None` if the guest never
/// sent the join. Event-channel polls are left out: the poll parked before the click is
/// the one that brings the answer, and the next one is parked only after it.
pub fn join_cost(entries: &[simulator::journal::JournalEntry], clicked_ms: i64) -> Option<JoinCost> {
    use simulator::journal::{HostName, Step};
    let joined = entries
        .iter()
        .filter(|e| e.at_ms >= clicked_ms && e.step == Step::JoinMeeting && !e.preflight);
    let joined_at = joined.map(|e| e.at_ms).min()?;
    let on_the_way: Vec<_> = entries
        .iter()
        .filter(|e| (clicked_ms..=joined_at).contains(&e.at_ms))
        .filter(|e| e.host != HostName::Control && e.step != Step::Events)
        .collect();
    Some(JoinCost {
        requests: on_the_way.len(),
        preflights: on_the_way.iter().filter(|e| e.preflight).count(),
    })
}
