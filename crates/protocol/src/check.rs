//! The staff link check's report: each step a guest's way in takes, whether it passed and
//! how long it took, and for a failure what failed in staff terms (host, status, the
//! service's public code and subcode, the request id) and what to do about it.
//!
//! The browser's `?check` page and the `guest-join-check` command build the same report
//! from the join machine's [`Exchange`]s, so they explain a failure the same way. A
//! report holds no token and no key: only the meeting link, hosts, statuses, public codes
//! and ids.
//!
//! Its sentences are messages of the app's catalogue (`locales/<lang>/main.ftl`), written
//! through a [`Wording`]: the page's language in the browser, English on a command line.
//! This crate names the message and its values and knows no language.

use serde::Serialize;

use crate::date::Timestamp;
use crate::guest_api::{GuestErrorCode, UpstreamFailure, UpstreamStep};
use crate::join::{Ending, Exchange, JoinFailure, JoinStep};

/// A value in one of the report's sentences.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fill<'a> {
    /// Text: a host, a code, a website, or a sentence already written.
    Text(&'a str),
    /// A number: a status, milliseconds, a step's place.
    Number(i64),
}

/// Writes the report's sentences in the reader's language.
pub trait Wording {
    /// Message `id` of the app's catalogue with the values of its variables.
    fn say(&self, id: &str, args: &[(&str, Fill<'_>)]) -> String;
}

/// A step of the check, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckStep {
    /// The link reads as a meeting link this service joins.
    Link,
    /// The middle tier hands out a guest token for the meeting.
    GuestAccess,
    /// The meeting service answers discovery for this website.
    MeetingService,
    /// A guest application can be created.
    GuestApplication,
    /// A guest can enter the meeting (only when the check joins).
    JoinMeeting,
}

impl CheckStep {
    /// The step, as a sentence that is true when it passes.
    pub fn title(self, words: &dyn Wording) -> String {
        match self {
            Self::Link => words.say("check-step-link", &[]),
            Self::GuestAccess => words.say("check-step-guest-access", &[]),
            Self::MeetingService => words.say("check-step-meeting-service", &[]),
            Self::GuestApplication => words.say("check-step-guest-application", &[]),
            Self::JoinMeeting => words.say("check-step-join-meeting", &[]),
        }
    }

    fn join_step(self) -> Option<JoinStep> {
        match self {
            Self::Link => None,
            Self::GuestAccess => Some(JoinStep::GuestToken),
            Self::MeetingService => Some(JoinStep::Discover),
            Self::GuestApplication => Some(JoinStep::CreateApplication),
            Self::JoinMeeting => Some(JoinStep::JoinMeeting),
        }
    }
}

/// How a step went.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// It worked.
    Passed,
    /// It failed; the check stops here.
    Failed,
    /// Under way.
    Running,
    /// Not reached.
    NotRun,
}

/// One step's line in the report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StepReport {
    /// Which step.
    pub step: CheckStep,
    /// How it went.
    pub outcome: Outcome,
    /// How long it took, for a step that finished.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub took_ms: Option<i64>,
    /// The host that answered (or did not).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// The HTTP status of the last answer; absent when none could be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// The public error code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The public error subcode.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subcode: Option<String>,
    /// The service's own words about the failure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// For the middle tier: which call to Microsoft's services failed, and how.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub upstream: Option<UpstreamFailure>,
    /// The request id to quote (the middle tier's, or the meeting service's correlation id).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    /// What failed and what to do about it, for a failed step.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub advice: Option<String>,
    /// A note on a step that passed (for example: the join reached the lobby).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl StepReport {
    fn new(step: CheckStep, outcome: Outcome) -> Self {
        Self {
            step,
            outcome,
            took_ms: None,
            host: None,
            status: None,
            code: None,
            subcode: None,
            reason: None,
            upstream: None,
            request_id: None,
            advice: None,
            note: None,
        }
    }
}

/// Where the check ran from, which changes what an unreadable answer means.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Context {
    /// The web origin the check presents (the page's, or the one the command asked for).
    pub origin: String,
    /// Whether the check ran in a browser, where refused cross-origin answers cannot be
    /// read.
    pub in_browser: bool,
    /// The browser's user agent, or the command's name and version.
    pub client: String,
}

/// Where a check that joins got to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entered {
    /// The lobby: an organizer must admit guests.
    Lobby,
    /// The meeting itself.
    Meeting,
}

/// What a check run did, as its driver saw it.
#[derive(Clone, Debug)]
pub struct Run<'a> {
    /// The exchanges of the join machine, oldest first.
    pub exchanges: Vec<&'a Exchange>,
    /// When the check started.
    pub started: Timestamp,
    /// Whether the check joins the meeting.
    pub joins: bool,
    /// Where the join got to, and when, if it joined.
    pub entered: Option<(Entered, Timestamp)>,
    /// How the run ended, if it did (a successful check ends [`Ending::Left`]).
    pub ending: Option<Ending>,
    /// On premises the guest signs in to the company's own server: there is no guest token
    /// to ask the middle tier for, and the sign-in is the meeting service's step.
    pub on_premises: bool,
}

/// The report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CheckReport {
    /// The meeting's join URL (no invitation, no token).
    pub link: String,
    /// The meeting id, as staff see it in the link.
    pub meeting_id: String,
    /// The web origin the check presented.
    pub origin: String,
    /// What ran the check.
    pub client: String,
    /// When it started, ISO 8601.
    pub started_at: String,
    /// The steps, in order.
    pub steps: Vec<StepReport>,
}

/// The overall result.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Every step passed: guests can join with this link from this website.
    Works,
    /// A step failed.
    Fails,
    /// Still running.
    Running,
}

impl CheckReport {
    /// The report of `run`, a check of the meeting `meeting_id` at `link` from `context`,
    /// its advice and notes written in `words`.
    pub fn new(link: &str, meeting_id: &str, context: &Context, run: &Run<'_>, words: &dyn Wording) -> Self {
        let mut steps = vec![StepReport {
            took_ms: Some(0),
            ..StepReport::new(CheckStep::Link, Outcome::Passed)
        }];
        let mut wanted = vec![CheckStep::MeetingService, CheckStep::GuestApplication];
        if !run.on_premises {
            wanted.insert(0, CheckStep::GuestAccess);
        }
        if run.joins {
            wanted.push(CheckStep::JoinMeeting);
        }
        let over = run.ending.is_some();
        let failure = match &run.ending {
            Some(Ending::Left) | None => None,
            Some(other) => Some(other),
        };
        let mut previous = run.started;
        let mut stopped = false;
        for step in wanted {
            if stopped {
                steps.push(StepReport::new(step, Outcome::NotRun));
                continue;
            }
            let last = step.join_step().and_then(|wanted| {
                run.exchanges
                    .iter()
                    .rev()
                    .find(|exchange| exchange.step == wanted)
                    .copied()
            });
            let mut line = StepReport::new(step, Outcome::Running);
            if let Some(exchange) = last {
                line.host = Some(exchange.host.clone());
                line.status = exchange.status;
                line.request_id = exchange.request_id.clone();
            }
            let done_at = match step {
                CheckStep::JoinMeeting => run.entered.map(|(_, at)| at),
                _ => last
                    .filter(|e| e.status.is_some_and(|s| (200..300).contains(&s)))
                    .map(|e| e.at),
            };
            if let Some(at) = done_at {
                line.outcome = Outcome::Passed;
                line.took_ms = Some(at.millis_since(previous).max(0));
                previous = at;
                if step == CheckStep::JoinMeeting && matches!(run.entered, Some((Entered::Lobby, _))) {
                    line.note = Some(words.say("check-note-lobby", &[]));
                }
            } else if let Some(ending) = failure {
                line.outcome = Outcome::Failed;
                if let Some(problem) = last.and_then(|e| e.problem.as_ref()) {
                    line.code = problem.code.clone();
                    line.subcode = problem.subcode.clone();
                    line.reason = problem.reason.clone();
                    line.upstream = problem.upstream.clone();
                }
                line.advice = Some(advice(step, &line, ending, context, run.on_premises, words));
                stopped = true;
            } else if over {
                line.outcome = Outcome::NotRun;
                stopped = true;
            }
            if line.outcome == Outcome::Running {
                stopped = true;
            }
            steps.push(line);
        }
        Self {
            link: link.to_owned(),
            meeting_id: meeting_id.to_owned(),
            origin: context.origin.clone(),
            client: context.client.clone(),
            started_at: run.started.to_iso8601(),
            steps,
        }
    }

    /// The report of a check that stopped at the first step: `link` is not a meeting
    /// link, as `reason` says. The link is shown without its query, which could carry an
    /// invitation.
    pub fn not_a_meeting_link(
        link: &str,
        reason: &str,
        context: &Context,
        started: Timestamp,
        words: &dyn Wording,
    ) -> Self {
        let shown = link.split(['?', '#']).next().unwrap_or_default();
        let mut steps = vec![StepReport {
            reason: Some(reason.to_owned()),
            advice: Some(words.say("check-advice-copy-link", &[])),
            ..StepReport::new(CheckStep::Link, Outcome::Failed)
        }];
        steps.extend(
            [
                CheckStep::GuestAccess,
                CheckStep::MeetingService,
                CheckStep::GuestApplication,
            ]
            .map(|step| StepReport::new(step, Outcome::NotRun)),
        );
        Self {
            link: crate::secret::redact(shown),
            meeting_id: String::new(),
            origin: context.origin.clone(),
            client: context.client.clone(),
            started_at: started.to_iso8601(),
            steps,
        }
    }

    /// The overall result.
    pub fn verdict(&self) -> Verdict {
        if self.steps.iter().any(|s| s.outcome == Outcome::Failed) {
            Verdict::Fails
        } else if self.steps.iter().all(|s| s.outcome == Outcome::Passed) {
            Verdict::Works
        } else {
            Verdict::Running
        }
    }

    /// The report as plain text, to paste into a ticket.
    pub fn to_text(&self, words: &dyn Wording) -> String {
        let verdict = match self.verdict() {
            Verdict::Works => words.say("report-verdict-works", &[]),
            Verdict::Fails => words.say("report-verdict-fails", &[]),
            Verdict::Running => words.say("report-verdict-incomplete", &[]),
        };
        let mut lines = vec![
            words.say("report-heading", &[]),
            words.say("report-result", &[("verdict", Fill::Text(&verdict))]),
            words.say("report-link", &[("link", Fill::Text(&self.link))]),
            words.say(
                "report-meeting-id",
                &[("meeting_id", Fill::Text(&self.meeting_id))],
            ),
            words.say("report-website", &[("website", Fill::Text(&self.origin))]),
            words.say(
                "report-checked-at",
                &[("started_at", Fill::Text(&self.started_at))],
            ),
            words.say("report-client", &[("client", Fill::Text(&self.client))]),
            String::new(),
        ];
        for (number, step) in (1..).zip(&self.steps) {
            let outcome = match (step.outcome, step.took_ms) {
                (Outcome::Passed, Some(ms)) => {
                    words.say("report-outcome-passed-in", &[("ms", Fill::Number(ms))])
                }
                (Outcome::Passed, None) => words.say("report-outcome-passed", &[]),
                (Outcome::Failed, _) => words.say("report-outcome-failed", &[]),
                (Outcome::Running, _) => words.say("report-outcome-running", &[]),
                (Outcome::NotRun, _) => words.say("report-outcome-not-run", &[]),
            };
            lines.push(words.say(
                "report-step",
                &[
                    ("number", Fill::Number(number)),
                    ("step", Fill::Text(&step.step.title(words))),
                    ("outcome", Fill::Text(&outcome)),
                ],
            ));
            lines.extend(
                step.detail_lines(words)
                    .into_iter()
                    .map(|line| format!("   {line}")),
            );
        }
        let mut text = lines.join("\n");
        text.push('\n');
        text
    }
}

impl StepReport {
    /// The details a person reads under the step: what answered, how, and what to do.
    pub fn detail_lines(&self, words: &dyn Wording) -> Vec<String> {
        let mut lines = Vec::new();
        if self.outcome == Outcome::Failed {
            let codes = codes(self.code.as_deref(), self.subcode.as_deref());
            if let Some(host) = &self.host {
                lines.push(match self.status {
                    Some(status) => words.say(
                        "check-detail-answered",
                        &[
                            ("host", Fill::Text(host)),
                            ("status", Fill::Number(status.into())),
                            ("codes", Fill::Text(&codes)),
                        ],
                    ),
                    None => words.say(
                        "check-detail-no-answer",
                        &[("host", Fill::Text(host)), ("codes", Fill::Text(&codes))],
                    ),
                });
            }
            match (&self.reason, self.step) {
                (Some(reason), CheckStep::Link) => lines.push(reason.clone()),
                (Some(reason), _) => {
                    lines.push(words.say("check-detail-said", &[("reason", Fill::Text(reason))]))
                }
                (None, _) => {}
            }
            if let Some(upstream) = &self.upstream {
                let line = upstream_line(upstream, words);
                lines.push(words.say("check-detail-upstream", &[("line", Fill::Text(&line))]));
            }
            if let Some(advice) = &self.advice {
                lines.push(words.say("check-detail-advice", &[("advice", Fill::Text(advice))]));
            }
        }
        if let Some(note) = &self.note {
            lines.push(note.clone());
        }
        if let Some(id) = &self.request_id {
            lines.push(words.say("check-detail-request-id", &[("id", Fill::Text(id))]));
        }
        lines
    }
}

/// A service's public code and subcode as the detail lines quote them: a space, then
/// `code/subcode`; empty without a code.
fn codes(code: Option<&str>, subcode: Option<&str>) -> String {
    match (code, subcode) {
        (Some(code), Some(subcode)) => format!(" {code}/{subcode}"),
        (Some(code), None) => format!(" {code}"),
        _ => String::new(),
    }
}

fn upstream_line(upstream: &UpstreamFailure, words: &dyn Wording) -> String {
    let service = upstream_name(&upstream.step, words);
    let codes = codes(upstream.code.as_deref(), upstream.subcode.as_deref());
    let mut args = vec![
        ("service", Fill::Text(&service)),
        ("host", Fill::Text(&upstream.host)),
        ("codes", Fill::Text(&codes)),
    ];
    match upstream.status {
        Some(status) => {
            args.push(("status", Fill::Number(status.into())));
            words.say("check-upstream-answered", &args)
        }
        None => words.say("check-upstream-no-answer", &args),
    }
}

fn upstream_name(step: &UpstreamStep, words: &dyn Wording) -> String {
    match step {
        UpstreamStep::AadToken => words.say("check-upstream-aad-token", &[]),
        UpstreamStep::Discover => words.say("check-upstream-discover", &[]),
        UpstreamStep::Applications => words.say("check-upstream-applications", &[]),
        UpstreamStep::Application => words.say("check-upstream-application", &[]),
        UpstreamStep::AnonApplicationTokens => words.say("check-upstream-guest-token", &[]),
        UpstreamStep::AdhocMeeting => words.say("check-upstream-adhoc-meeting", &[]),
        UpstreamStep::Other(other) => other.clone(),
    }
}

/// What failed and what to do, in staff terms.
fn advice(
    step: CheckStep,
    line: &StepReport,
    ending: &Ending,
    context: &Context,
    on_premises: bool,
    words: &dyn Wording,
) -> String {
    let unknown;
    let host = match line.host.as_deref() {
        Some(host) => host,
        None => {
            unknown = words.say("check-advice-host-unknown", &[]);
            &unknown
        }
    };
    let host = ("host", Fill::Text(host));
    let origin = ("origin", Fill::Text(&context.origin));
    let code = line.code.as_deref().unwrap_or_default();
    match (step, line.status) {
        (CheckStep::GuestAccess, None) => words.say("check-advice-middle-tier-no-answer", &[host]),
        (CheckStep::GuestAccess, Some(_)) => middle_tier_advice(code, line, origin, words),
        // On premises a refusal comes back through the server's frame, so no answer is
        // no answer.
        (CheckStep::MeetingService, None) if context.in_browser && !on_premises => {
            words.say("check-advice-hidden-refusal", &[host, origin])
        }
        (
            CheckStep::Link
            | CheckStep::MeetingService
            | CheckStep::GuestApplication
            | CheckStep::JoinMeeting,
            None,
        ) => words.say("check-advice-service-no-answer", &[host]),
        (_, Some(401)) => words.say("check-advice-token-refused", &[]),
        (_, Some(403)) if on_premises => words.say("check-advice-server-origin-refused", &[origin]),
        (_, Some(403)) => words.say("check-advice-origin-refused", &[origin]),
        (_, Some(404 | 410)) => words.say("check-advice-meeting-not-found", &[]),
        (_, Some(status)) if status >= 500 => words.say("check-advice-service-trouble", &[host]),
        (CheckStep::JoinMeeting, _) => join_advice(ending, words),
        (_, Some(_)) => words.say("check-advice-step-refused", &[host]),
    }
}

fn middle_tier_advice(
    code: &str,
    line: &StepReport,
    origin: (&str, Fill<'_>),
    words: &dyn Wording,
) -> String {
    let id = match GuestErrorCode::from(code) {
        GuestErrorCode::OriginNotAllowed => return words.say("check-advice-origin-not-listed", &[origin]),
        GuestErrorCode::MeetingHostNotAllowed => "check-advice-host-not-allowed",
        GuestErrorCode::InvalidMeetingLink => "check-advice-invalid-link",
        GuestErrorCode::MeetingNotFound => "check-advice-no-meeting",
        GuestErrorCode::InvitationRequired => "check-advice-invitation-required",
        GuestErrorCode::InvitationInvalid => "check-advice-invitation-invalid",
        GuestErrorCode::InvitationExpired => "check-advice-invitation-expired",
        GuestErrorCode::RateLimited => "check-advice-rate-limited",
        GuestErrorCode::SessionNotValid => "check-advice-session-not-valid",
        GuestErrorCode::ServiceUnavailable => match &line.upstream {
            Some(upstream) => upstream_advice(upstream),
            None => "check-advice-microsoft-no-answer",
        },
        GuestErrorCode::Internal => match &line.upstream {
            Some(upstream) => upstream_advice(upstream),
            None => "check-advice-middle-tier-broken",
        },
        GuestErrorCode::InvalidRequest | GuestErrorCode::Other(_) => "check-advice-middle-tier-refused",
    };
    words.say(id, &[])
}

/// The advice (a message id) for a failed call from the middle tier to Microsoft's services.
fn upstream_advice(upstream: &UpstreamFailure) -> &'static str {
    match (&upstream.step, upstream.status) {
        (UpstreamStep::AadToken, Some(400 | 401)) => "check-advice-aad-credentials",
        (
            UpstreamStep::AnonApplicationTokens | UpstreamStep::Applications | UpstreamStep::Application,
            Some(403),
        ) => "check-advice-app-refused",
        (UpstreamStep::Discover | UpstreamStep::Applications | UpstreamStep::Application, Some(404)) => {
            "check-advice-endpoint-unknown"
        }
        (_, None) => "check-advice-microsoft-unreachable",
        _ => "check-advice-microsoft-trouble",
    }
}

fn join_advice(ending: &Ending, words: &dyn Wording) -> String {
    let id = match ending {
        Ending::Denied => "check-advice-join-denied",
        Ending::LobbyTimedOut => "check-advice-join-lobby-timeout",
        Ending::MeetingEnded => "check-advice-join-meeting-ended",
        Ending::Removed => "check-advice-join-removed",
        Ending::Failed(JoinFailure::MeetingNotFound) => "check-advice-join-not-found",
        Ending::Failed(JoinFailure::MeetingFull) => "check-advice-join-full",
        _ => "check-advice-join-refused",
    };
    words.say(id, &[])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::join::Problem;

    /// Writes each sentence as its message id and values, `id{name=value, …}`, so the
    /// tests see which message the report chose, whatever the language.
    struct Ids;

    impl Wording for Ids {
        fn say(&self, id: &str, args: &[(&str, Fill<'_>)]) -> String {
            if args.is_empty() {
                return id.to_owned();
            }
            let values: Vec<String> = args
                .iter()
                .map(|(name, fill)| match fill {
                    Fill::Text(text) => format!("{name}={text}"),
                    Fill::Number(n) => format!("{name}={n}"),
                })
                .collect();
            format!("{id}{{{}}}", values.join(", "))
        }
    }

    const LINK: &str = "https://meet.lync.com/contoso/sam/ADV1SE24";

    fn context(in_browser: bool) -> Context {
        Context {
            origin: "https://bank.example".to_owned(),
            in_browser,
            client: "test".to_owned(),
        }
    }

    fn exchange(step: JoinStep, status: Option<u16>, at: i64) -> Exchange {
        Exchange {
            step,
            host: "webpool.example:443".to_owned(),
            status,
            request_id: Some(format!("id-{at}")),
            problem: None,
            at: Timestamp::from_millis(at),
        }
    }

    /// On premises there is no middle tier: the sign-in is the meeting service's step.
    #[test]
    fn an_on_premises_check_signs_in_without_a_guest_token() {
        let exchanges = [
            exchange(JoinStep::Discover, Some(401), 150),
            exchange(JoinStep::Discover, Some(200), 180),
            exchange(JoinStep::CreateApplication, Some(201), 260),
            exchange(JoinStep::Leave, Some(204), 300),
        ];
        let run = Run {
            exchanges: exchanges.iter().collect(),
            started: Timestamp::from_millis(100),
            joins: false,
            entered: None,
            ending: Some(Ending::Left),
            on_premises: true,
        };
        let link = "https://meet.fabrikam.com/alex/BRANCH01";
        let report = CheckReport::new(link, "BRANCH01", &context(true), &run, &Ids);
        assert_eq!(report.verdict(), Verdict::Works);
        let steps: Vec<CheckStep> = report.steps.iter().map(|s| s.step).collect();
        assert_eq!(
            steps,
            [
                CheckStep::Link,
                CheckStep::MeetingService,
                CheckStep::GuestApplication
            ]
        );
        let took: Vec<Option<i64>> = report.steps.iter().map(|s| s.took_ms).collect();
        assert_eq!(took, [Some(0), Some(80), Some(80)]);
        assert_eq!(report.link, link);

        // A site the server does not list: the server's own list is what to change.
        let mut refused = exchange(JoinStep::Discover, Some(403), 150);
        refused.host = "lyncdiscover.fabrikam.com".to_owned();
        let run = Run {
            exchanges: vec![&refused],
            ending: Some(Ending::Failed(JoinFailure::OriginNotAllowed)),
            ..run
        };
        let report = CheckReport::new(link, "BRANCH01", &context(true), &run, &Ids);
        assert_eq!(report.verdict(), Verdict::Fails);
        let advice = report.steps[1].advice.as_deref().unwrap_or_default();
        assert!(
            advice.starts_with("check-advice-server-origin-refused"),
            "{advice}"
        );
    }

    #[test]
    fn a_working_link_passes_every_step_with_its_time() {
        let exchanges = [
            exchange(JoinStep::GuestToken, Some(200), 120),
            exchange(JoinStep::Discover, Some(200), 170),
            exchange(JoinStep::CreateApplication, Some(201), 300),
            exchange(JoinStep::Leave, Some(204), 330),
        ];
        let run = Run {
            exchanges: exchanges.iter().collect(),
            started: Timestamp::from_millis(100),
            joins: false,
            entered: None,
            ending: Some(Ending::Left),
            on_premises: false,
        };
        let report = CheckReport::new(LINK, "ADV1SE24", &context(true), &run, &Ids);
        assert_eq!(report.verdict(), Verdict::Works);
        let took: Vec<Option<i64>> = report.steps.iter().map(|s| s.took_ms).collect();
        assert_eq!(took, [Some(0), Some(20), Some(50), Some(130)]);
        let text = report.to_text(&Ids);
        assert!(
            text.contains("report-result{verdict=report-verdict-works}"),
            "{text}"
        );
        assert!(text.contains("report-meeting-id{meeting_id=ADV1SE24}"), "{text}");
        assert!(text.contains("   check-detail-request-id{id=id-170}\n"), "{text}");
        assert!(
            text.contains(
                "report-step{number=2, step=check-step-guest-access, outcome=report-outcome-passed-in{ms=20}}"
            ),
            "{text}"
        );
    }

    #[test]
    fn a_hidden_refusal_in_a_browser_points_at_the_allowed_origins() {
        let exchanges = [
            exchange(JoinStep::GuestToken, Some(200), 120),
            exchange(JoinStep::Discover, None, 170),
        ];
        let run = Run {
            exchanges: exchanges.iter().collect(),
            started: Timestamp::from_millis(100),
            joins: false,
            entered: None,
            ending: Some(Ending::Failed(JoinFailure::NetworkLost)),
            on_premises: false,
        };
        let report = CheckReport::new(LINK, "ADV1SE24", &context(true), &run, &Ids);
        assert_eq!(report.verdict(), Verdict::Fails);
        let failed = &report.steps[2];
        assert_eq!(failed.step, CheckStep::MeetingService);
        assert_eq!(failed.outcome, Outcome::Failed);
        assert_eq!(
            failed.advice.as_deref(),
            Some("check-advice-hidden-refusal{host=webpool.example:443, origin=https://bank.example}")
        );
        assert_eq!(report.steps[3].outcome, Outcome::NotRun);
    }

    #[test]
    fn an_upstream_outage_names_the_call_and_its_codes() {
        let mut token = exchange(JoinStep::GuestToken, Some(502), 150);
        token.host = "join.bank.example".to_owned();
        token.problem = Some(Problem {
            code: Some("service_unavailable".to_owned()),
            subcode: None,
            reason: Some("The meeting service is unavailable.".to_owned()),
            upstream: Some(UpstreamFailure {
                step: UpstreamStep::AadToken,
                host: "login.microsoftonline.com".to_owned(),
                status: Some(401),
                code: Some("invalid_client".to_owned()),
                subcode: None,
            }),
        });
        let exchanges = [token];
        let run = Run {
            exchanges: exchanges.iter().collect(),
            started: Timestamp::from_millis(100),
            joins: false,
            entered: None,
            ending: Some(Ending::Failed(JoinFailure::ServiceUnavailable)),
            on_premises: false,
        };
        let report = CheckReport::new(LINK, "ADV1SE24", &context(false), &run, &Ids);
        let text = report.to_text(&Ids);
        assert!(
            text.contains(
                "check-detail-answered{host=join.bank.example, status=502, codes= service_unavailable}"
            ),
            "{text}"
        );
        assert!(
            text.contains(
                "check-detail-upstream{line=check-upstream-answered{service=check-upstream-aad-token, \
                 host=login.microsoftonline.com, codes= invalid_client, status=401}}"
            ),
            "{text}"
        );
        assert!(
            text.contains("check-detail-advice{advice=check-advice-aad-credentials}"),
            "{text}"
        );
        let json = serde_json::to_value(&report).expect("json");
        assert_eq!(json["steps"][1]["outcome"], "failed");
        assert_eq!(json["steps"][1]["upstream"]["step"], "aad_token");
    }

    #[test]
    fn a_check_that_joins_reports_the_lobby() {
        let exchanges = [
            exchange(JoinStep::GuestToken, Some(200), 120),
            exchange(JoinStep::Discover, Some(200), 170),
            exchange(JoinStep::CreateApplication, Some(201), 300),
            exchange(JoinStep::JoinMeeting, Some(201), 350),
        ];
        let run = Run {
            exchanges: exchanges.iter().collect(),
            started: Timestamp::from_millis(100),
            joins: true,
            entered: Some((Entered::Lobby, Timestamp::from_millis(400))),
            ending: None,
            on_premises: false,
        };
        let report = CheckReport::new(LINK, "ADV1SE24", &context(false), &run, &Ids);
        assert_eq!(report.verdict(), Verdict::Works);
        assert_eq!(report.steps[4].note.as_deref(), Some("check-note-lobby"));
    }

    #[test]
    fn a_running_check_is_incomplete() {
        let exchanges = [exchange(JoinStep::GuestToken, Some(200), 120)];
        let run = Run {
            exchanges: exchanges.iter().collect(),
            started: Timestamp::from_millis(100),
            joins: false,
            entered: None,
            ending: None,
            on_premises: false,
        };
        let report = CheckReport::new(LINK, "ADV1SE24", &context(true), &run, &Ids);
        assert_eq!(report.verdict(), Verdict::Running);
        let outcomes: Vec<Outcome> = report.steps.iter().map(|s| s.outcome).collect();
        assert_eq!(
            outcomes,
            [
                Outcome::Passed,
                Outcome::Passed,
                Outcome::Running,
                Outcome::NotRun
            ]
        );
    }

    #[test]
    fn a_text_that_is_no_meeting_link_fails_the_first_step_and_drops_its_query() {
        let report = CheckReport::not_a_meeting_link(
            "https://example.com/x?invite=abc",
            "This is not a meeting link.",
            &context(false),
            Timestamp::from_millis(0),
            &Ids,
        );
        assert_eq!(report.link, "https://example.com/x");
        assert_eq!(report.verdict(), Verdict::Fails);
        assert_eq!(
            report.steps[0].detail_lines(&Ids),
            [
                "This is not a meeting link.",
                "check-detail-advice{advice=check-advice-copy-link}"
            ]
        );
    }
}
