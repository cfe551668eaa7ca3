//! What the guest reads: one plain sentence per situation, a next step, and whether trying
//! again is safe. No status codes, no JSON.

use std::borrow::Cow;

use protocol::join::{Ending, JoinFailure};

/// What to tell the guest about how a join ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// The heading.
    pub title: &'static str,
    /// What happened, in a sentence.
    pub detail: &'static str,
    /// What to do next (it may name how long to wait).
    pub next_step: Cow<'static, str>,
    /// The button that tries again, if trying again can work.
    pub retry: Option<&'static str>,
}

/// The words for an ending.
pub fn outcome(ending: &Ending) -> Outcome {
    match ending {
        Ending::Left => Outcome {
            title: "You left the meeting",
            detail: "You are no longer in the meeting.",
            next_step: Cow::Borrowed("If you left by mistake, you can rejoin."),
            retry: Some("Rejoin"),
        },
        Ending::MeetingEnded => Outcome {
            title: "The meeting has ended",
            detail: "The organizer ended the meeting, so everyone left.",
            next_step: Cow::Borrowed("If the organizer starts it again, you can rejoin with the same link."),
            retry: Some("Rejoin"),
        },
        Ending::Removed => Outcome {
            title: "You were removed from the meeting",
            detail: "An organizer removed you from the meeting.",
            next_step: Cow::Borrowed("If you think this was a mistake, you can ask to join again."),
            retry: Some("Rejoin"),
        },
        Ending::Denied => Outcome {
            title: "You weren't let in",
            detail: "The organizer did not admit you from the lobby.",
            next_step: Cow::Borrowed(
                "Check with the organizer that this is the right meeting and time, then ask to join again.",
            ),
            retry: Some("Ask to join again"),
        },
        Ending::LobbyTimedOut => Outcome {
            title: "Nobody let you in",
            detail: "You waited in the lobby, but nobody admitted you in time.",
            next_step: Cow::Borrowed(
                "The organizer may not have started yet. Ask to join again in a few minutes.",
            ),
            retry: Some("Ask to join again"),
        },
        Ending::Failed(failure) => failed(failure),
    }
}

fn failed(failure: &JoinFailure) -> Outcome {
    let (title, detail, next_step) = match failure {
        JoinFailure::LinkNotUsable => (
            "This link can't be used here",
            "This meeting link can't be joined through this page.",
            "Check that you copied the whole link, or ask the organizer for a new one.",
        ),
        JoinFailure::MeetingNotFound => (
            "This link doesn't lead to a meeting that's on now",
            "The meeting may have ended or been cancelled, or the link may be out of date.",
            "Ask the organizer for a new link.",
        ),
        JoinFailure::InvitationRequired => (
            "You need your invitation link",
            "This meeting can only be joined with the personal link from your invitation.",
            "Open the link from your invitation message.",
        ),
        JoinFailure::InvitationInvalid => (
            "This invitation isn't valid",
            "The invitation link is damaged or belongs to another meeting.",
            "Open the link from your invitation message again, or ask for a new invitation.",
        ),
        JoinFailure::InvitationExpired => (
            "This invitation has expired",
            "Invitation links only work for a limited time.",
            "Ask the person who invited you for a new link.",
        ),
        JoinFailure::OriginNotAllowed => (
            "This website can't join the meeting",
            "This website isn't allowed to connect to the meeting service.",
            "Open the link from your invitation directly, or tell the website's owner.",
        ),
        JoinFailure::AccessExpired => (
            "Your access expired",
            "Your access to the meeting ran out and could not be renewed.",
            "Try again to get new access.",
        ),
        JoinFailure::MeetingFull => (
            "The meeting is full",
            "No more people can join this meeting right now.",
            "Try again later, or tell the organizer.",
        ),
        JoinFailure::Refused => (
            "The meeting service said no",
            "The meeting service turned down the request to join.",
            "Try again. If it keeps happening, ask the organizer for a new link.",
        ),
        JoinFailure::ServiceUnavailable => (
            "The meeting service isn't available",
            "The meeting service is busy or down for the moment.",
            "Wait a minute, then try again.",
        ),
        JoinFailure::RateLimited { .. } => (
            "Too many attempts",
            "This device tried to join too many times in a short time.",
            "Wait a minute, then try again.",
        ),
        JoinFailure::NetworkLost => (
            "The connection was lost",
            "We couldn't reach the meeting service.",
            "Check your internet connection, then try again.",
        ),
        JoinFailure::OpenedElsewhere => (
            "You're in the meeting somewhere else",
            "This meeting was opened in another window or tab, which took over.",
            "Close the other window, then continue here.",
        ),
        JoinFailure::Incompatible => (
            "Something went wrong",
            "The meeting service answered in a way this page doesn't understand.",
            "Try again. If it keeps happening, contact the organizer.",
        ),
    };
    // The middle tier says how long a rate-limited guest must wait; say it, not "a minute".
    let next_step = match failure {
        JoinFailure::RateLimited {
            retry_after_secs: Some(1),
        } => Cow::Borrowed("Try again in 1 second."),
        JoinFailure::RateLimited {
            retry_after_secs: Some(seconds),
        } => Cow::Owned(format!("Try again in {seconds} seconds.")),
        _ => Cow::Borrowed(next_step),
    };
    let retry = failure.retry_safe().then_some(match failure {
        JoinFailure::OpenedElsewhere => "Continue here",
        _ => "Try again",
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
    let unit = |n: i64, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    match minutes {
        0 => unit(seconds, "second", "seconds"),
        _ => format!(
            "{} {}",
            unit(minutes, "minute", "minutes"),
            unit(seconds, "second", "seconds")
        ),
    }
}

/// `mm:ss` for a clock.
pub fn clock(millis: i64) -> String {
    let seconds = millis.max(0) / 1000;
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// `text` as a piece of a sentence that is not markup (the page title, announcements,
/// notifications, where no `<bdi>` can go): wrapped in Unicode's first-strong isolate
/// (U+2068 … U+2069) when it holds right-to-left letters, so that an Arabic or Hebrew name
/// or subject keeps its place in the sentence around it. Text without them is left as is,
/// since the page's own direction already lays it out.
pub fn isolate(text: &str) -> String {
    if text.chars().any(is_right_to_left) {
        format!("\u{2068}{text}\u{2069}")
    } else {
        text.to_owned()
    }
}

/// Whether `c` is a letter of a right-to-left script: Hebrew, Arabic, Syriac, Thaana, N'Ko
/// and their extensions and presentation forms, and the historic scripts above U+10800.
fn is_right_to_left(c: char) -> bool {
    matches!(
        u32::from(c),
        0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF
    )
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
        assert_eq!(waiting.retry, Some("Try again"));
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
            for text in [words.title, words.detail, words.next_step.as_ref()] {
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

    #[wasm_bindgen_test]
    fn right_to_left_text_is_isolated_in_plain_sentences() {
        assert_eq!(isolate("Sam Lee"), "Sam Lee");
        assert_eq!(isolate("سارة"), "\u{2068}سارة\u{2069}");
        assert_eq!(isolate("Dana דנה"), "\u{2068}Dana דנה\u{2069}");
        assert_eq!(isolate(""), "");
    }
}
