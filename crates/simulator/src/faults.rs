//! Failures the control API injects: latency, error statuses on a chosen step, answers
//! that are wrong on purpose, dropped long-polls.

use serde::{Deserialize, Serialize};

use crate::journal::{HostName, Step};

/// An error status to answer on a step, a number of times.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FailureRule {
    /// The step that fails.
    pub step: Step,
    /// The status (e.g. 500, 503).
    pub status: u16,
    /// Seconds for `Retry-After`, if any.
    #[serde(default)]
    pub retry_after: Option<u64>,
    /// How many requests fail (then the rule is spent).
    #[serde(default = "one")]
    pub times: u32,
}

fn one() -> u32 {
    1
}

/// How an injected answer is wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WrongAnswer {
    /// `200` with a JSON body cut off half-way.
    MalformedJson,
    /// `307` to a host of another site.
    RedirectOffSite,
    /// `307` back to the same URL.
    RedirectLoop,
}

/// A wrong answer to give on a step, a number of times.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WrongAnswerRule {
    /// The step that answers wrongly.
    pub step: Step,
    /// How.
    pub answer: WrongAnswer,
    /// How many requests get it (then the rule is spent).
    #[serde(default = "one")]
    pub times: u32,
}

/// Extra latency on requests.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Latency {
    /// Milliseconds added.
    pub millis: u64,
    /// Only on this host (all hosts but control if absent).
    #[serde(default)]
    pub host: Option<HostName>,
    /// Only on this step.
    #[serde(default)]
    pub step: Option<Step>,
}

/// Every active fault.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Faults {
    /// Added latency.
    #[serde(default)]
    pub latency: Option<Latency>,
    /// Error statuses to inject.
    #[serde(default)]
    pub failures: Vec<FailureRule>,
    /// Wrong answers to give.
    #[serde(default)]
    pub wrong_answers: Vec<WrongAnswerRule>,
    /// The next this-many long-polls have their connection dropped instead of an answer.
    #[serde(default)]
    pub drop_polls: u32,
}

impl Faults {
    /// The latency to add to a request.
    pub fn latency_for(&self, host: HostName, step: Step) -> u64 {
        match &self.latency {
            Some(latency)
                if host != HostName::Control
                    && latency.host.is_none_or(|h| h == host)
                    && latency.step.is_none_or(|s| s == step) =>
            {
                latency.millis
            }
            _ => 0,
        }
    }

    /// Takes one failure for `step`, if a rule has any left.
    pub fn take_failure(&mut self, step: Step) -> Option<FailureRule> {
        let index = self
            .failures
            .iter()
            .position(|rule| rule.step == step && rule.times > 0)?;
        let rule = &mut self.failures[index];
        rule.times -= 1;
        let taken = rule.clone();
        if rule.times == 0 {
            self.failures.remove(index);
        }
        Some(taken)
    }

    /// Takes one wrong answer for `step`, if a rule has any left.
    pub fn take_wrong_answer(&mut self, step: Step) -> Option<WrongAnswer> {
        let index = self
            .wrong_answers
            .iter()
            .position(|rule| rule.step == step && rule.times > 0)?;
        let rule = &mut self.wrong_answers[index];
        rule.times -= 1;
        let answer = rule.answer;
        if rule.times == 0 {
            self.wrong_answers.remove(index);
        }
        Some(answer)
    }

    /// Whether the next long-poll should be dropped (and counts it).
    pub fn take_drop(&mut self) -> bool {
        if self.drop_polls > 0 {
            self.drop_polls -= 1;
            true
        } else {
            false
        }
    }
}
