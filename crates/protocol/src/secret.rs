//! Values that must never reach a log, an error message or a URL we create.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A bearer token, client secret or signing key.
///
/// `Debug` and `Display` print `[redacted]`; the value is reachable only through
/// [`Secret::expose`], so every place that needs the real value says so.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret value.
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The secret value itself. Use it only to put it on the wire.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Self(value)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Self(value.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_and_display_hide_the_value() {
        let secret = Secret::new("psat=eyJhbGciOi");
        assert_eq!(format!("{secret:?}"), "[redacted]");
        assert_eq!(format!("{secret}"), "[redacted]");
        assert_eq!(secret.expose(), "psat=eyJhbGciOi");
    }
}

/// Replaces anything in `text` that looks like a token with `[redacted]`.
///
/// Error values keep the body a server answered with, so that a failure can be diagnosed.
/// Those bodies can carry tokens (`"token":"psat=eyJ…"`, `"access_token":"eyJ…"`), so they
/// pass through here first. It recognises JWTs (`eyJ…`) and the `psat=`/`cwt=` prefixes in
/// plain and percent-encoded form.
pub fn redact(text: &str) -> String {
    const PREFIXES: [&str; 7] = [
        "psat=",
        "psat%3d",
        "psat%253d",
        "cwt=",
        "cwt%3d",
        "cwt%253d",
        "eyJ",
    ];
    let is_token_char =
        |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '%' | '=' | '+' | '/');
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    'scan: while !rest.is_empty() {
        for prefix in PREFIXES {
            let candidate = rest.get(..prefix.len());
            if candidate.is_some_and(|c| c.eq_ignore_ascii_case(prefix)) {
                let token_len = rest.find(|c: char| !is_token_char(c)).unwrap_or(rest.len());
                out.push_str("[redacted]");
                rest = &rest[token_len..];
                continue 'scan;
            }
        }
        let mut chars = rest.chars();
        if let Some(c) = chars.next() {
            out.push(c);
        }
        rest = chars.as_str();
    }
    out
}

#[cfg(test)]
mod redact_tests {
    use super::redact;

    #[test]
    fn hides_tokens_in_bodies() {
        let body = r#"{"token":"psat=eyJ0eXAi.abc-def_1","x":"keep me","access_token":"eyJhbGci.x.y"}"#;
        assert_eq!(
            redact(body),
            r#"{"token":"[redacted]","x":"keep me","access_token":"[redacted]"}"#
        );
    }

    #[test]
    fn hides_percent_encoded_tokens_in_urls() {
        let url = "https://h/platformService/discover?anonymousMeetingJoinContext=psat%253deyJ0eX&z=1";
        assert_eq!(
            redact(url),
            "https://h/platformService/discover?anonymousMeetingJoinContext=[redacted]&z=1"
        );
    }

    #[test]
    fn leaves_ordinary_text_alone() {
        assert_eq!(redact("Meeting ended — café"), "Meeting ended — café");
    }

    #[test]
    fn hides_web_tickets_in_forms() {
        assert_eq!(
            redact("grant_type=x&ms_rtc_renew=cwt%3DAAEB%2Bx&password=G03W98W4"),
            "grant_type=x&ms_rtc_renew=[redacted]&password=G03W98W4"
        );
    }
}
