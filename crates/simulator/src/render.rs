//! Writing JSON the way the real servers did: `\u0026` in hrefs, `\/Date(ms)\/` dates, and the
//! quirk modes that change both.

use protocol::date::Timestamp;
use serde_json::Value;
use url::Url;

use crate::config::{DateFormat, Quirks};

/// A date property in the configured format (AJAX dates get their `\/` when rendered).
pub fn date(quirks: &Quirks, at: Timestamp) -> String {
    match quirks.dates {
        DateFormat::Ajax | DateFormat::DoubleEscaped => at.to_ajax(),
        DateFormat::Iso => at.to_iso8601(),
    }
}

/// A base URL with its port swapped for 4443, as the real discover `self` links (and
/// WebTicket hrefs) had.
pub fn with_port_4443(base: &Url) -> String {
    let mut url = base.clone();
    let _ = url.set_port(Some(4443));
    url.as_str().trim_end_matches('/').to_owned()
}

/// Serializes `value` as the real servers did.
///
/// Every `&` is written as the JSON escape `\u0026`, as the traces show (a decoder yields
/// `&`). With the `literal_u0026` quirk the `&` of hrefs, and only of hrefs, becomes the
/// six characters `\u0026` after decoding, as some recorded responses have their links;
/// other text (a subject such as "Q&A") keeps its `&`.
pub fn json(value: &Value, quirks: &Quirks) -> Vec<u8> {
    let literal;
    let value = if quirks.literal_u0026 {
        literal = with_literal_ampersands_in_hrefs(value.clone());
        &literal
    } else {
        value
    };
    let text = serde_json::to_string(value).unwrap_or_else(|_| "{}".to_owned());
    let mut text = text.replace('&', r"\u0026");
    match quirks.dates {
        DateFormat::Ajax => text = text.replace("\"/Date(", "\"\\/Date(").replace(")/\"", ")\\/\""),
        DateFormat::DoubleEscaped => {
            text = text
                .replace("\"/Date(", "\"\\\\/Date(")
                .replace(")/\"", ")\\\\/\"");
        }
        DateFormat::Iso => {}
    }
    text.into_bytes()
}

/// `value` with the `&` of every `href` written as the six characters `\u0026`.
fn with_literal_ampersands_in_hrefs(mut value: Value) -> Value {
    match &mut value {
        Value::Object(map) => {
            for (key, child) in map.iter_mut() {
                match child {
                    Value::String(href) if key == "href" => *href = href.replace('&', r"\u0026"),
                    _ => *child = with_literal_ampersands_in_hrefs(child.take()),
                }
            }
        }
        Value::Array(items) => {
            for item in items.iter_mut() {
                *item = with_literal_ampersands_in_hrefs(item.take());
            }
        }
        _ => {}
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_escapes_the_way_traces_show() {
        let value = serde_json::json!({"href": "/e?ack=1&key=k", "expires": "/Date(5)/", "subject": "Q&A"});
        let plain = String::from_utf8(json(&value, &Quirks::default())).expect("utf8");
        assert_eq!(
            plain,
            r#"{"expires":"\/Date(5)\/","href":"/e?ack=1\u0026key=k","subject":"Q\u0026A"}"#
        );
        let quirky = Quirks {
            literal_u0026: true,
            dates: DateFormat::DoubleEscaped,
            ..Quirks::default()
        };
        let text = String::from_utf8(json(&value, &quirky)).expect("utf8");
        let back: Value = serde_json::from_str(&text).expect("still JSON");
        assert_eq!(back["href"], r"/e?ack=1\u0026key=k");
        assert_eq!(back["subject"], "Q&A", "only hrefs carry the literal escape");
        assert_eq!(back["expires"], r"\/Date(5)\/");
    }
}
