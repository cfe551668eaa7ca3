//! `guest-join-check`: checks that guests can join with a meeting link, from a command line,
//! a script or a monitor, by running the same steps the app's `?check` page runs (a guest
//! token, the meeting service's discover, a guest application, and on request the join
//! itself), with the protocol crate's join machine over a native HTTP client.
//!
//! The guest token comes from the middle tier's staff API (a browser's page would get it
//! from the guest API, which only serves allowed websites): the staff key unlocks it, and
//! the answer names the website the token is for, which this client then presents as its
//! `Origin` to the meeting service, as that website's pages would.

use std::collections::BTreeMap;
use std::hash::{BuildHasher, Hasher};
use std::time::Duration;

use protocol::check::{CheckReport, Context, Entered, Fill, Run, Verdict, Wording};
use protocol::date::Timestamp;
use protocol::guest_api::{STAFF_CHECK_TOKEN_PATH, StaffAccess, StaffCheckToken};
use protocol::join::{Command, GuestJoin, Input, JoinConfig, JoinStep, Phase, RequestId};
use protocol::join_link::{self, JoinLink, JoinLinkError, MeetingHosts, OnlineMeeting};
use protocol::{HttpRequest, HttpResponse, Secret, Url};
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

/// The name the check joins under, when it joins (as the app's check does).
pub const CHECK_NAME: &str = "Link check";

/// What this client calls itself, to the services and in reports.
pub const USER_AGENT: &str = concat!("guest-join-check/", env!("CARGO_PKG_VERSION"));

/// The report's sentences in English, from the app's catalogue (`locales/en/main.ftl`):
/// the same words the `?check` page shows in English.
#[derive(Debug)]
pub struct English(catalogue::English);

impl English {
    /// Reads the built-in English catalogue.
    ///
    /// # Errors
    /// [`CouldNotRun::Start`] if the built-in catalogue does not compile, which the
    /// catalogue's own tests rule out.
    pub fn load() -> Result<Self, CouldNotRun> {
        catalogue::English::load().map(Self).map_err(CouldNotRun::Start)
    }
}

impl Wording for English {
    fn say(&self, id: &str, args: &[(&str, Fill<'_>)]) -> String {
        let args: Vec<(&str, catalogue::Arg<'_>)> = args
            .iter()
            .map(|&(name, fill)| match fill {
                Fill::Text(text) => (name, catalogue::Arg::Text(text)),
                Fill::Number(n) => (name, catalogue::Arg::from(n)),
            })
            .collect();
        self.0.say(id, &args)
    }
}

/// What to check, and how.
#[derive(Debug)]
pub struct Options {
    /// The meeting link, as staff would send it.
    pub link: String,
    /// The middle tier's base URL.
    pub middle_tier: Url,
    /// The staff key.
    pub staff_key: Secret,
    /// The website to check from; the middle tier's own site if `None`.
    pub origin: Option<String>,
    /// Whether to join the meeting, as a visible "Link check" participant who leaves at
    /// once.
    pub join: bool,
    /// How long the whole check may take.
    pub timeout: Duration,
}

/// Why the check could not say whether the link works.
#[derive(Debug, thiserror::Error)]
pub enum CouldNotRun {
    /// The middle tier did not answer.
    #[error("the middle tier at {0} did not answer; check the URL and that it runs")]
    MiddleTierUnreachable(String),
    /// The staff key was refused.
    #[error("the middle tier refused the staff key; check GUEST_JOIN_STAFF_KEY or the key file")]
    StaffKeyRefused,
    /// The middle tier has no staff API.
    #[error("the middle tier's staff API is not enabled (it has no staff key set)")]
    StaffApiDisabled,
    /// The middle tier does not know the staff check (an older version).
    #[error("the middle tier at {0} has no link check for staff; it may be an older version")]
    NoStaffCheck(String),
    /// The machine refused to start (a bug or an unusable middle tier URL).
    #[error("the check could not start: {0}")]
    Start(String),
}

/// The outcome of a check.
#[derive(Debug)]
pub struct Checked {
    /// The report.
    pub report: CheckReport,
    /// Whether the check ran out of time before it finished.
    pub timed_out: bool,
}

impl Checked {
    /// The process exit code: 0 when the link works, 1 when it does not (or the check did
    /// not finish in time).
    pub fn exit_code(&self) -> u8 {
        match self.report.verdict() {
            Verdict::Works => 0,
            Verdict::Fails | Verdict::Running => 1,
        }
    }
}

/// Runs the check; its report's sentences are written in `words`.
///
/// # Errors
/// [`CouldNotRun`] when the middle tier cannot be asked (down, the staff key refused, no
/// staff API): then nothing is known about the link.
pub async fn check(options: &Options, words: &dyn Wording) -> Result<Checked, CouldNotRun> {
    let started = now();
    let mut context = Context {
        origin: options
            .origin
            .clone()
            .unwrap_or_else(|| "the middle tier's own site".to_owned()),
        in_browser: false,
        client: format!("{USER_AGENT} ({})", std::env::consts::OS),
    };
    let meeting = match meeting_link(&options.link) {
        Ok(meeting) => meeting,
        Err(error) => {
            let report = CheckReport::not_a_meeting_link(
                &options.link,
                &link_problem(&error),
                &context,
                started,
                words,
            );
            return Ok(Checked {
                report,
                timed_out: false,
            });
        }
    };
    let config = JoinConfig {
        middle_tier: options.middle_tier.clone(),
        meeting_url: meeting.url.to_string(),
        invitation: None,
        application_session_id: None,
        culture: "en-us".to_owned(),
        user_agent: USER_AGENT.to_owned(),
        operation_prefix: random_hex(12),
        on_premises: None,
    };
    let machine = GuestJoin::new(config).checking_as_staff(StaffAccess {
        key: options.staff_key.clone(),
        origin: options.origin.clone(),
    });
    let mut runner = Runner::new(machine, options.origin.clone())?;
    let started_step = if options.join {
        runner.machine.join(CHECK_NAME)
    } else {
        runner
            .machine
            .set_display_name(CHECK_NAME)
            .and_then(|()| runner.machine.prefetch())
    };
    started_step.map_err(|e| CouldNotRun::Start(e.to_string()))?;
    let timed_out = runner.run(options.join, started, options.timeout).await;
    refuse_unusable_middle_tier(&runner.machine, &options.middle_tier)?;
    if let Some(origin) = &runner.origin {
        context.origin.clone_from(origin);
    }
    let ending = match runner.machine.phase() {
        Phase::Over(ending) => Some(ending.clone()),
        _ => None,
    };
    let run = Run {
        exchanges: runner.machine.exchanges().collect(),
        started,
        joins: options.join,
        entered: runner.entered,
        ending,
        on_premises: false,
    };
    Ok(Checked {
        report: CheckReport::new(meeting.url.as_str(), &meeting.meeting_id, &context, &run, words),
        timed_out,
    })
}

/// The check cannot speak for the link when the middle tier itself could not be asked.
fn refuse_unusable_middle_tier(machine: &GuestJoin, middle_tier: &Url) -> Result<(), CouldNotRun> {
    let Some(token) = machine
        .exchanges()
        .filter(|e| e.step == JoinStep::GuestToken)
        .last()
    else {
        return Err(CouldNotRun::MiddleTierUnreachable(middle_tier.to_string()));
    };
    let code = token
        .problem
        .as_ref()
        .and_then(|p| p.code.as_deref())
        .unwrap_or_default();
    match (token.status, code) {
        (None, _) => Err(CouldNotRun::MiddleTierUnreachable(middle_tier.to_string())),
        (Some(401), _) => Err(CouldNotRun::StaffKeyRefused),
        (Some(404), "invalid_request") => Err(CouldNotRun::StaffApiDisabled),
        (Some(404 | 405), "") => Err(CouldNotRun::NoStaffCheck(middle_tier.to_string())),
        _ => Ok(()),
    }
}

/// The meeting a link leads to. Any host is taken: whether the middle tier joins meetings
/// there is its to say, and the report then says so.
fn meeting_link(link: &str) -> Result<OnlineMeeting, JoinLinkError> {
    match join_link::classify(link, &MeetingHosts::new().and_host_of(link))? {
        JoinLink::Online(meeting) => Ok(meeting),
        _ => Err(JoinLinkError::NotAMeetingLink),
    }
}

fn link_problem(error: &JoinLinkError) -> String {
    error.to_string()
}

/// Runs the join machine: its requests with reqwest, its timers with tokio.
struct Runner {
    machine: GuestJoin,
    client: reqwest::Client,
    /// The website presented as `Origin` to the meeting service, once known.
    origin: Option<String>,
    entered: Option<(Entered, Timestamp)>,
    tx: mpsc::UnboundedSender<Input>,
    rx: mpsc::UnboundedReceiver<Input>,
    tasks: BTreeMap<RequestId, JoinHandle<()>>,
    token_requests: Vec<RequestId>,
    timers: Vec<JoinHandle<()>>,
}

impl Runner {
    fn new(machine: GuestJoin, origin: Option<String>) -> Result<Self, CouldNotRun> {
        // The machine follows redirects itself, checking where they lead.
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(USER_AGENT)
            .build()
            .map_err(|e| CouldNotRun::Start(e.to_string()))?;
        let (tx, rx) = mpsc::unbounded_channel();
        Ok(Self {
            machine,
            client,
            origin,
            entered: None,
            tx,
            rx,
            tasks: BTreeMap::new(),
            token_requests: Vec::new(),
            timers: Vec::new(),
        })
    }

    /// Runs until the check is over or `limit` passes; returns whether it timed out.
    async fn run(&mut self, joins: bool, started: Timestamp, limit: Duration) -> bool {
        let deadline = tokio::time::Instant::now() + limit;
        let mut leaving = false;
        loop {
            self.dispatch();
            match self.machine.phase().clone() {
                Phase::Over(_) => return false,
                Phase::Ready if !joins && !leaving => {
                    leaving = true;
                    let _ = self.machine.leave();
                    continue;
                }
                Phase::Lobby { since } | Phase::InMeeting { since } if joins && !leaving => {
                    let place = if matches!(self.machine.phase(), Phase::Lobby { .. }) {
                        Entered::Lobby
                    } else {
                        Entered::Meeting
                    };
                    self.entered = Some((place, since.max(started)));
                    leaving = true;
                    let _ = self.machine.leave();
                    continue;
                }
                _ => {}
            }
            let Ok(Some(input)) = tokio::time::timeout_at(deadline, self.rx.recv()).await else {
                return true;
            };
            if let Input::Response { id, response } = &input {
                self.tasks.remove(id);
                self.learn_origin(*id, response);
            }
            if let Input::TransportFailed { id } = &input {
                self.tasks.remove(id);
            }
            let _ = self.machine.handle(input, now());
        }
    }

    /// The staff API's token answer names the website the token is for.
    fn learn_origin(&mut self, id: RequestId, response: &HttpResponse) {
        if !self.token_requests.contains(&id) || !response.status().is_success() {
            return;
        }
        if let Ok(answer) = serde_json::from_slice::<StaffCheckToken>(response.body()) {
            self.origin = Some(answer.origin);
        }
    }

    fn dispatch(&mut self) {
        while let Some(command) = self.machine.poll_command() {
            match command {
                Command::Send {
                    id,
                    request,
                    timeout_ms,
                } => self.send(id, *request, timeout_ms),
                Command::Cancel { id } => {
                    if let Some(task) = self.tasks.remove(&id) {
                        task.abort();
                    }
                }
                Command::StartTimer { id, after_ms } => {
                    let tx = self.tx.clone();
                    self.timers.push(tokio::spawn(async move {
                        tokio::time::sleep(Duration::from_millis(u64::from(after_ms))).await;
                        let _ = tx.send(Input::TimerFired { id });
                    }));
                }
            }
        }
    }

    fn send(&mut self, id: RequestId, mut request: HttpRequest, timeout_ms: u32) {
        let to_middle_tier = request.uri().path().ends_with(STAFF_CHECK_TOKEN_PATH);
        if to_middle_tier {
            self.token_requests.push(id);
        } else if let Some(origin) = self.origin.as_deref().and_then(|o| o.parse().ok()) {
            request.headers_mut().insert(http::header::ORIGIN, origin);
        }
        let client = self.client.clone();
        let tx = self.tx.clone();
        let timeout = Duration::from_millis(u64::from(timeout_ms));
        self.tasks.insert(
            id,
            tokio::spawn(async move {
                let input = match tokio::time::timeout(timeout, exchange(&client, request)).await {
                    Ok(Ok(response)) => Input::Response { id, response },
                    _ => Input::TransportFailed { id },
                };
                let _ = tx.send(input);
            }),
        );
    }
}

impl Drop for Runner {
    fn drop(&mut self) {
        for task in self.tasks.values().chain(&self.timers) {
            task.abort();
        }
    }
}

async fn exchange(client: &reqwest::Client, request: HttpRequest) -> reqwest::Result<HttpResponse> {
    let (parts, body) = request.into_parts();
    let response = client
        .request(parts.method, parts.uri.to_string())
        .headers(parts.headers)
        .body(body)
        .send()
        .await?;
    let mut builder = http::Response::builder().status(response.status());
    for (name, value) in response.headers() {
        builder = builder.header(name, value);
    }
    let body = response.bytes().await?.to_vec();
    Ok(builder.body(body).unwrap_or_default())
}

fn now() -> Timestamp {
    let millis = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis());
    Timestamp::from_millis(i64::try_from(millis).unwrap_or(i64::MAX))
}

/// Random hex from the standard library's per-process random keys (operation ids need
/// only be unlikely to repeat, not secret).
fn random_hex(len: usize) -> String {
    let mut text = String::new();
    while text.len() < len {
        let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
        hasher.write_u128(now().millis().unsigned_abs().into());
        text.push_str(&format!("{:016x}", hasher.finish()));
    }
    text.truncate(len);
    text
}
