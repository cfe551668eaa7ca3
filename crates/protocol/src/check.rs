//! The staff link check's report: each step a guest's way in takes, whether it passed and
//! how long it took, and for a failure what failed in staff terms (host, status, the
//! service's public code and subcode, the request id) and what to do about it.
//!
//! The browser's `?check` page and the `guest-join-check` command build the same report
//! from the join machine's [`Exchange`]s, so they explain a failure the same way. A
//! report holds no token and no key: only the meeting link, hosts, statuses, public codes
//! and ids.

use serde::Serialize;

use crate::date::Timestamp;
use crate::guest_api::{GuestErrorCode, UpstreamFailure, UpstreamStep};
use crate::join::{Ending, Exchange, JoinFailure, JoinStep};
use crate::join_link::OnlineMeeting;

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
    pub fn title(self) -> &'static str {
        match self {
            Self::Link => "The link is a Skype for Business meeting link",
            Self::GuestAccess => "This service hands out guest access for the meeting",
            Self::MeetingService => "The meeting service accepts guests from this website",
            Self::GuestApplication => "A guest can be set up in the meeting service",
            Self::JoinMeeting => "A guest can enter the meeting",
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
    /// The report of `run`, a check of `meeting` from `context`.
    pub fn new(meeting: &OnlineMeeting, context: &Context, run: &Run<'_>) -> Self {
        let mut steps = vec![StepReport {
            took_ms: Some(0),
            ..StepReport::new(CheckStep::Link, Outcome::Passed)
        }];
        let mut wanted = vec![
            CheckStep::GuestAccess,
            CheckStep::MeetingService,
            CheckStep::GuestApplication,
        ];
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
                    line.note = Some(
                        "The check waited in the lobby: guests get in once an organizer admits them."
                            .to_owned(),
                    );
                }
            } else if let Some(ending) = failure {
                line.outcome = Outcome::Failed;
                if let Some(problem) = last.and_then(|e| e.problem.as_ref()) {
                    line.code = problem.code.clone();
                    line.subcode = problem.subcode.clone();
                    line.reason = problem.reason.clone();
                    line.upstream = problem.upstream.clone();
                }
                line.advice = Some(advice(step, &line, ending, context));
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
            link: meeting.url.to_string(),
            meeting_id: meeting.meeting_id.clone(),
            origin: context.origin.clone(),
            client: context.client.clone(),
            started_at: run.started.to_iso8601(),
            steps,
        }
    }

    /// The report of a check that stopped at the first step: `link` is not a meeting
    /// link, as `reason` says. The link is shown without its query, which could carry an
    /// invitation.
    pub fn not_a_meeting_link(link: &str, reason: &str, context: &Context, started: Timestamp) -> Self {
        let shown = link.split(['?', '#']).next().unwrap_or_default();
        let mut steps = vec![StepReport {
            reason: Some(reason.to_owned()),
            advice: Some(
                "Copy the link again from the meeting invitation: it looks like \
                 https://meet.lync.com/<organisation>/<organizer>/<meeting id>."
                    .to_owned(),
            ),
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
    pub fn to_text(&self) -> String {
        let mut text = String::new();
        let verdict = match self.verdict() {
            Verdict::Works => "WORKS: guests can join with this link from this website.",
            Verdict::Fails => "FAILS: guests cannot join with this link from this website.",
            Verdict::Running => "INCOMPLETE: the check had not finished.",
        };
        text.push_str("guest-join link check\n");
        text.push_str(&format!("Result:     {verdict}\n"));
        text.push_str(&format!("Link:       {}\n", self.link));
        text.push_str(&format!("Meeting id: {}\n", self.meeting_id));
        text.push_str(&format!("Website:    {}\n", self.origin));
        text.push_str(&format!("Checked at: {}\n", self.started_at));
        text.push_str(&format!("Client:     {}\n\n", self.client));
        for (i, step) in self.steps.iter().enumerate() {
            let outcome = match (step.outcome, step.took_ms) {
                (Outcome::Passed, Some(ms)) => format!("passed in {ms} ms"),
                (Outcome::Passed, None) => "passed".to_owned(),
                (Outcome::Failed, _) => "FAILED".to_owned(),
                (Outcome::Running, _) => "still running".to_owned(),
                (Outcome::NotRun, _) => "not run".to_owned(),
            };
            text.push_str(&format!("{}. {}: {outcome}\n", i + 1, step.step.title()));
            for line in step.detail_lines() {
                text.push_str(&format!("   {line}\n"));
            }
        }
        text
    }
}

impl StepReport {
    /// The details a person reads under the step: what answered, how, and what to do.
    pub fn detail_lines(&self) -> Vec<String> {
        let mut lines = Vec::new();
        if self.outcome == Outcome::Failed {
            let answer = match self.status {
                Some(status) => format!("answered {status}"),
                None => "no readable answer".to_owned(),
            };
            let codes = match (&self.code, &self.subcode) {
                (Some(code), Some(subcode)) => format!(" {code}/{subcode}"),
                (Some(code), None) => format!(" {code}"),
                _ => String::new(),
            };
            if let Some(host) = &self.host {
                lines.push(format!("{host} {answer}{codes}"));
            }
            match (&self.reason, self.step) {
                (Some(reason), CheckStep::Link) => lines.push(reason.clone()),
                (Some(reason), _) => lines.push(format!("It said: {reason}")),
                (None, _) => {}
            }
            if let Some(upstream) = &self.upstream {
                lines.push(format!("Upstream: {}", upstream_line(upstream)));
            }
            if let Some(advice) = &self.advice {
                lines.push(format!("What to do: {advice}"));
            }
        }
        if let Some(note) = &self.note {
            lines.push(note.clone());
        }
        if let Some(id) = &self.request_id {
            lines.push(format!("Request id: {id}"));
        }
        lines
    }
}

fn upstream_line(upstream: &UpstreamFailure) -> String {
    let answer = match upstream.status {
        Some(status) => format!("answered {status}"),
        None => "did not answer".to_owned(),
    };
    let codes = match (&upstream.code, &upstream.subcode) {
        (Some(code), Some(subcode)) => format!(" {code}/{subcode}"),
        (Some(code), None) => format!(" {code}"),
        _ => String::new(),
    };
    format!(
        "{} ({}) {answer}{codes}",
        upstream_name(&upstream.step),
        upstream.host
    )
}

fn upstream_name(step: &UpstreamStep) -> &str {
    match step {
        UpstreamStep::AadToken => "Azure AD's token service",
        UpstreamStep::Discover => "the Trusted Application API's discovery",
        UpstreamStep::Applications => "the Trusted Application API's application list",
        UpstreamStep::Application => "the Trusted Application API's application",
        UpstreamStep::AnonApplicationTokens => "the Trusted Application API's guest token",
        UpstreamStep::AdhocMeeting => "the Trusted Application API's ad-hoc meeting",
        UpstreamStep::Other(other) => other,
    }
}

/// What failed and what to do, in staff terms.
fn advice(step: CheckStep, line: &StepReport, ending: &Ending, context: &Context) -> String {
    let host = line.host.as_deref().unwrap_or("the service");
    let origin = &context.origin;
    let code = line.code.as_deref().unwrap_or_default();
    match (step, line.status) {
        (CheckStep::GuestAccess, None) => format!(
            "The middle tier at {host} did not answer. Check that it runs and can be reached from here."
        ),
        (CheckStep::GuestAccess, Some(_)) => middle_tier_advice(code, line, origin),
        (CheckStep::MeetingService, None) if context.in_browser => format!(
            "The meeting service at {host} gave no answer this browser may read. Most often it refused this \
             website ({origin}) and the browser hid the refusal: the middle tier must list {origin} in \
             GUEST_JOIN_ALLOWED_ORIGINS, which it sends as allowedOrigins with each guest token. Otherwise the \
             meeting service cannot be reached from here."
        ),
        (
            CheckStep::Link
            | CheckStep::MeetingService
            | CheckStep::GuestApplication
            | CheckStep::JoinMeeting,
            None,
        ) => format!(
            "The meeting service at {host} did not answer. Check that it can be reached from here, then try again."
        ),
        (_, Some(401)) => "The meeting service refused the guest token. Check that the middle tier and the \
             meeting service agree on the time, and that the middle tier points at this meeting service."
            .to_owned(),
        (_, Some(403)) => format!(
            "The meeting service refuses guests from this website ({origin}). Add {origin} to the middle tier's \
             GUEST_JOIN_ALLOWED_ORIGINS; an on-premises server must also list it in its \
             CrossDomainAuthorizationList."
        ),
        (_, Some(404 | 410)) => {
            "The meeting service knows no meeting at this link, or it has ended. Ask the \
             organizer for a new link."
                .to_owned()
        }
        (_, Some(status)) if status >= 500 => format!(
            "The meeting service at {host} is having trouble. Try again in a few minutes; if it lasts, quote the \
             request id to Microsoft support or the server's administrator."
        ),
        (CheckStep::JoinMeeting, _) => join_advice(ending),
        (_, Some(_)) => format!(
            "The meeting service at {host} refused the step. Quote the codes and request id above to whoever \
             runs it."
        ),
    }
}

fn middle_tier_advice(code: &str, line: &StepReport, origin: &str) -> String {
    match GuestErrorCode::from(code) {
        GuestErrorCode::OriginNotAllowed => format!(
            "This website ({origin}) is not in the middle tier's GUEST_JOIN_ALLOWED_ORIGINS. Add it there, or run \
             the check from a listed website."
        ),
        GuestErrorCode::MeetingHostNotAllowed => {
            "The link's host is not one the middle tier joins. Fix the link, \
             or add its host to GUEST_JOIN_MEETING_HOSTS."
                .to_owned()
        }
        GuestErrorCode::InvalidMeetingLink => {
            "The middle tier does not read this as a meeting link. Copy the \
             link again from the meeting invitation."
                .to_owned()
        }
        GuestErrorCode::MeetingNotFound => {
            "The meeting service knows no meeting at this link, or it has ended. \
             Check the link with the organizer, or schedule a new meeting."
                .to_owned()
        }
        GuestErrorCode::InvitationRequired => {
            "This middle tier lets guests in only with a signed invitation \
             (GUEST_JOIN_REQUIRE_INVITATION). Send guests an invitation link made with the staff API."
                .to_owned()
        }
        GuestErrorCode::InvitationInvalid => {
            "The invitation is not valid for this meeting. Make a new one with \
             the staff API."
                .to_owned()
        }
        GuestErrorCode::InvitationExpired => {
            "The invitation has expired. Make a new one with the staff API.".to_owned()
        }
        GuestErrorCode::RateLimited => {
            "Too many requests from here just now. Wait a minute and check again.".to_owned()
        }
        GuestErrorCode::SessionNotValid => "The middle tier did not issue this session id: it \
             restarted, or runs as several instances, without one shared \
             GUEST_JOIN_SESSION_KEY. Set the same key on every instance."
            .to_owned(),
        GuestErrorCode::ServiceUnavailable => match &line.upstream {
            Some(upstream) => upstream_advice(upstream),
            None => {
                "Microsoft's services did not answer the middle tier. Try again in a few minutes.".to_owned()
            }
        },
        GuestErrorCode::Internal => match &line.upstream {
            Some(upstream) => upstream_advice(upstream),
            None => {
                "The middle tier is misconfigured or broken. Look for the request id in its log.".to_owned()
            }
        },
        GuestErrorCode::InvalidRequest | GuestErrorCode::Other(_) => {
            "The middle tier refused the request. Look \
             for the request id in its log."
                .to_owned()
        }
    }
}

fn upstream_advice(upstream: &UpstreamFailure) -> String {
    match (&upstream.step, upstream.status) {
        (UpstreamStep::AadToken, Some(400 | 401)) => "Azure AD refused the middle tier's app credentials. Check \
             GUEST_JOIN_TENANT, GUEST_JOIN_CLIENT_ID and the client secret (it may have expired)."
            .to_owned(),
        (
            UpstreamStep::AnonApplicationTokens | UpstreamStep::Applications | UpstreamStep::Application,
            Some(403),
        ) => "The Trusted Application \
             API refused the app: check that the app registration has the guest-join permission, that an \
             administrator consented, and that GUEST_JOIN_ENDPOINT is its endpoint."
            .to_owned(),
        (UpstreamStep::Discover | UpstreamStep::Applications | UpstreamStep::Application, Some(404)) => "The Trusted Application API does not \
             know this app's endpoint. Check GUEST_JOIN_ENDPOINT and the app's registration."
            .to_owned(),
        (_, None) => "The middle tier could not reach Microsoft's services. Check its network and try again."
            .to_owned(),
        _ => "Microsoft's services are having trouble. Try again in a few minutes; if it lasts, quote the request \
             id."
            .to_owned(),
    }
}

fn join_advice(ending: &Ending) -> String {
    match ending {
        Ending::Denied => "An organizer turned the check away in the lobby.".to_owned(),
        Ending::LobbyTimedOut => "Nobody admitted the check from the lobby in time.".to_owned(),
        Ending::MeetingEnded => "The meeting ended while the check joined.".to_owned(),
        Ending::Removed => "An organizer removed the check from the meeting.".to_owned(),
        Ending::Failed(JoinFailure::MeetingNotFound) => {
            "The meeting service knows no meeting at this link, or it has ended.".to_owned()
        }
        Ending::Failed(JoinFailure::MeetingFull) => "The meeting is full.".to_owned(),
        _ => {
            "The meeting service would not let the check in. Quote the codes and request id above.".to_owned()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::join::Problem;
    use url::Url;

    fn meeting() -> OnlineMeeting {
        OnlineMeeting {
            url: Url::parse("https://meet.lync.com/contoso/sam/ADV1SE24").expect("url"),
            tenant: "contoso".to_owned(),
            organizer: "sam".to_owned(),
            meeting_id: "ADV1SE24".to_owned(),
        }
    }

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
        };
        let report = CheckReport::new(&meeting(), &context(true), &run);
        assert_eq!(report.verdict(), Verdict::Works);
        let took: Vec<Option<i64>> = report.steps.iter().map(|s| s.took_ms).collect();
        assert_eq!(took, [Some(0), Some(20), Some(50), Some(130)]);
        let text = report.to_text();
        assert!(text.contains("WORKS"), "{text}");
        assert!(text.contains("Meeting id: ADV1SE24"), "{text}");
        assert!(text.contains("Request id: id-170"), "{text}");
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
        };
        let report = CheckReport::new(&meeting(), &context(true), &run);
        assert_eq!(report.verdict(), Verdict::Fails);
        let failed = &report.steps[2];
        assert_eq!(failed.step, CheckStep::MeetingService);
        assert_eq!(failed.outcome, Outcome::Failed);
        assert!(
            failed
                .advice
                .as_deref()
                .is_some_and(|a| a.contains("GUEST_JOIN_ALLOWED_ORIGINS")),
            "{failed:?}"
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
        };
        let report = CheckReport::new(&meeting(), &context(false), &run);
        let text = report.to_text();
        assert!(
            text.contains("join.bank.example answered 502 service_unavailable"),
            "{text}"
        );
        assert!(
            text.contains(
                "Upstream: Azure AD's token service (login.microsoftonline.com) answered 401 invalid_client"
            ),
            "{text}"
        );
        assert!(text.contains("GUEST_JOIN_CLIENT_ID"), "{text}");
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
        };
        let report = CheckReport::new(&meeting(), &context(false), &run);
        assert_eq!(report.verdict(), Verdict::Works);
        assert!(
            report.steps[4]
                .note
                .as_deref()
                .is_some_and(|n| n.contains("lobby"))
        );
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
        };
        let report = CheckReport::new(&meeting(), &context(true), &run);
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
}
