//! Logs, on standard error: text lines for people, or JSON lines for a log collector when
//! `GUEST_JOIN_LOG_FORMAT=json`. Everything logged while a request is handled carries its
//! request id (in text, `request{request_id=…}:`; in JSON, `"span":{"request_id":…}`).
//! Colour codes are written only to a terminal, never to a file or a pipe.
//!
//! `RUST_LOG` chooses what is logged; the default is the service's own events from `info`.

use std::io::IsTerminal;

use tracing_subscriber::EnvFilter;
use tracing_subscriber::fmt::MakeWriter;

/// The environment variable that chooses the format.
pub const FORMAT_VARIABLE: &str = "GUEST_JOIN_LOG_FORMAT";

/// How log lines are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogFormat {
    /// For people.
    Text,
    /// One JSON object a line.
    Json,
}

impl LogFormat {
    /// The format `value` names (`text` when unset).
    ///
    /// # Errors
    /// A sentence naming the variable, when the value is neither `text` nor `json`.
    pub fn parse(value: Option<&str>) -> Result<Self, String> {
        match value.map(|v| v.trim().to_ascii_lowercase()).as_deref() {
            None | Some("" | "text") => Ok(Self::Text),
            Some("json") => Ok(Self::Json),
            Some(other) => Err(format!("{FORMAT_VARIABLE}: {other:?} is neither text nor json")),
        }
    }
}

/// What `RUST_LOG` asks for, else the service's own events from `info`.
pub fn default_filter() -> EnvFilter {
    EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("middle_tier=info"))
}

/// A subscriber writing the events `filter` lets through as `format` lines to `writer`,
/// with colour codes only if `ansi`.
pub fn subscriber<W>(
    format: LogFormat,
    filter: EnvFilter,
    writer: W,
    ansi: bool,
) -> Box<dyn tracing::Subscriber + Send + Sync>
where
    W: for<'w> MakeWriter<'w> + Send + Sync + 'static,
{
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(writer)
        // Its fallback for a log that cannot be written is `eprintln!`, which panics when
        // standard error is the log that broke: a request must not fail for a log line.
        .log_internal_errors(false);
    match format {
        LogFormat::Text => Box::new(builder.with_ansi(ansi).finish()),
        LogFormat::Json => Box::new(
            builder
                .json()
                .flatten_event(true)
                .with_current_span(true)
                .with_span_list(false)
                .finish(),
        ),
    }
}

/// Logs `format` lines to standard error for the rest of the process; colour only on a
/// terminal, and not even there when `NO_COLOR` is set.
///
/// # Errors
/// When a subscriber was installed already.
pub fn init(format: LogFormat) -> Result<(), tracing::subscriber::SetGlobalDefaultError> {
    let ansi = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    tracing::subscriber::set_global_default(subscriber(format, default_filter(), std::io::stderr, ansi))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_format_is_text_json_or_an_error_naming_the_variable() {
        assert_eq!(LogFormat::parse(None), Ok(LogFormat::Text));
        assert_eq!(LogFormat::parse(Some(" JSON ")), Ok(LogFormat::Json));
        let error = LogFormat::parse(Some("yaml")).expect_err("not a format");
        assert!(error.starts_with(FORMAT_VARIABLE), "{error}");
    }
}
