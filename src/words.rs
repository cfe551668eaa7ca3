//! What the guest reads: one plain sentence per situation, a next step, and whether trying
//! again is safe. No status codes, no JSON.

use protocol::join::{Ending, JoinFailure};

use crate::tr;

/// What to tell the guest about how a join ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// The heading.
    pub title: String,
    /// What happened, in a sentence.
    pub detail: String,
    /// What to do next (it may name how long to wait).
    pub next_step: String,
    /// The button that tries again, if trying again can work.
    pub retry: Option<String>,
}

/// The words for an ending.
pub fn outcome(ending: &Ending) -> Outcome {
    match ending {
        Ending::Left => Outcome {
            title: tr!("outcome-left-title"),
            detail: tr!("outcome-left-detail"),
            next_step: tr!("outcome-left-next"),
            retry: Some(tr!("outcome-retry-rejoin")),
        },
        Ending::MeetingEnded => Outcome {
            title: tr!("outcome-ended-title"),
            detail: tr!("outcome-ended-detail"),
            next_step: tr!("outcome-ended-next"),
            retry: Some(tr!("outcome-retry-rejoin")),
        },
        Ending::Removed => Outcome {
            title: tr!("outcome-removed-title"),
            detail: tr!("outcome-removed-detail"),
            next_step: tr!("outcome-removed-next"),
            retry: Some(tr!("outcome-retry-rejoin")),
        },
        Ending::Denied => Outcome {
            title: tr!("outcome-denied-title"),
            detail: tr!("outcome-denied-detail"),
            next_step: tr!("outcome-denied-next"),
            retry: Some(tr!("outcome-retry-ask-again")),
        },
        Ending::LobbyTimedOut => Outcome {
            title: tr!("outcome-lobby-timeout-title"),
            detail: tr!("outcome-lobby-timeout-detail"),
            next_step: tr!("outcome-lobby-timeout-next"),
            retry: Some(tr!("outcome-retry-ask-again")),
        },
        Ending::Failed(failure) => failed(failure),
    }
}

fn failed(failure: &JoinFailure) -> Outcome {
    let (title, detail, next_step) = match failure {
        JoinFailure::LinkNotUsable => (
            tr!("failure-link-not-usable-title"),
            tr!("failure-link-not-usable-detail"),
            tr!("failure-link-not-usable-next"),
        ),
        JoinFailure::MeetingNotFound => (
            tr!("failure-meeting-not-found-title"),
            tr!("failure-meeting-not-found-detail"),
            tr!("failure-meeting-not-found-next"),
        ),
        JoinFailure::InvitationRequired => (
            tr!("failure-invitation-required-title"),
            tr!("failure-invitation-required-detail"),
            tr!("failure-invitation-required-next"),
        ),
        JoinFailure::InvitationInvalid => (
            tr!("failure-invitation-invalid-title"),
            tr!("failure-invitation-invalid-detail"),
            tr!("failure-invitation-invalid-next"),
        ),
        JoinFailure::InvitationExpired => (
            tr!("failure-invitation-expired-title"),
            tr!("failure-invitation-expired-detail"),
            tr!("failure-invitation-expired-next"),
        ),
        JoinFailure::OriginNotAllowed => (
            tr!("failure-origin-not-allowed-title"),
            tr!("failure-origin-not-allowed-detail"),
            tr!("failure-origin-not-allowed-next"),
        ),
        JoinFailure::AccessExpired => (
            tr!("failure-access-expired-title"),
            tr!("failure-access-expired-detail"),
            tr!("failure-access-expired-next"),
        ),
        JoinFailure::MeetingFull => (
            tr!("failure-meeting-full-title"),
            tr!("failure-meeting-full-detail"),
            tr!("failure-meeting-full-next"),
        ),
        JoinFailure::Refused => (
            tr!("failure-refused-title"),
            tr!("failure-refused-detail"),
            tr!("failure-refused-next"),
        ),
        JoinFailure::ServiceUnavailable => (
            tr!("failure-service-unavailable-title"),
            tr!("failure-service-unavailable-detail"),
            tr!("failure-service-unavailable-next"),
        ),
        JoinFailure::RateLimited { .. } => (
            tr!("failure-rate-limited-title"),
            tr!("failure-rate-limited-detail"),
            tr!("failure-rate-limited-next"),
        ),
        JoinFailure::NetworkLost => (
            tr!("failure-network-lost-title"),
            tr!("failure-network-lost-detail"),
            tr!("failure-network-lost-next"),
        ),
        JoinFailure::OpenedElsewhere => (
            tr!("failure-opened-elsewhere-title"),
            tr!("failure-opened-elsewhere-detail"),
            tr!("failure-opened-elsewhere-next"),
        ),
        JoinFailure::Incompatible => (
            tr!("failure-incompatible-title"),
            tr!("failure-incompatible-detail"),
            tr!("failure-incompatible-next"),
        ),
    };
    // The middle tier says how long a rate-limited guest must wait; say it, not "a minute".
    let next_step = match failure {
        JoinFailure::RateLimited {
            retry_after_secs: Some(seconds),
        } => tr!("failure-rate-limited-wait", seconds = *seconds),
        _ => next_step,
    };
    let retry = failure.retry_safe().then(|| match failure {
        JoinFailure::OpenedElsewhere => tr!("failure-retry-continue-here"),
        _ => tr!("failure-retry"),
    });
    Outcome {
        title,
        detail,
        next_step,
        retry,
    }
}

/// "1 minute 5 seconds" for an elapsed time.
pub fn elapsed(millis: i64) -> String {
    let seconds = millis.max(0) / 1000;
    let (minutes, seconds) = (seconds / 60, seconds % 60);
    match minutes {
        0 => tr!("elapsed-seconds", seconds = seconds),
        _ => tr!("elapsed-minutes-seconds", minutes = minutes, seconds = seconds),
    }
}

/// `mm:ss` for a clock.
pub fn clock(millis: i64) -> String {
    let seconds = millis.max(0) / 1000;
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

    use super::*;

    // The app builds only for wasm32, where a plain `#[test]` is never run.
    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn every_failure_has_a_sentence_and_a_next_step() {
        let failures = [
            JoinFailure::LinkNotUsable,
            JoinFailure::MeetingNotFound,
            JoinFailure::InvitationRequired,
            JoinFailure::InvitationInvalid,
            JoinFailure::InvitationExpired,
            JoinFailure::OriginNotAllowed,
            JoinFailure::AccessExpired,
            JoinFailure::MeetingFull,
            JoinFailure::Refused,
            JoinFailure::ServiceUnavailable,
            JoinFailure::RateLimited {
                retry_after_secs: None,
            },
            JoinFailure::NetworkLost,
            JoinFailure::OpenedElsewhere,
            JoinFailure::Incompatible,
        ];
        let waiting = outcome(&Ending::Failed(JoinFailure::RateLimited {
            retry_after_secs: Some(12),
        }));
        // The one number a guest reads: how long to wait, never a status code.
        assert_eq!(waiting.title, "Too many attempts");
        assert_eq!(waiting.next_step, "Try again in 12 seconds.");
        assert_eq!(waiting.retry.as_deref(), Some("Try again"));
        for failure in failures {
            let words = outcome(&Ending::Failed(failure.clone()));
            assert!(
                words.detail.ends_with('.') && words.next_step.ends_with('.'),
                "{failure:?}"
            );
            if let Some(button) = words.retry {
                assert!(
                    words.next_step.to_lowercase().contains(&button.to_lowercase()),
                    "the next step names the {button:?} button: {failure:?}"
                );
            }
            for text in [
                words.title.as_str(),
                words.detail.as_str(),
                words.next_step.as_str(),
            ] {
                assert!(
                    !text.chars().any(|c| c.is_ascii_digit()),
                    "no status codes: {text:?}"
                );
            }
        }
    }

    #[wasm_bindgen_test]
    fn times_read_naturally() {
        assert_eq!(elapsed(5_400), "5 seconds");
        assert_eq!(elapsed(61_000), "1 minute 1 second");
        assert_eq!(clock(125_000), "2:05");
    }
}
