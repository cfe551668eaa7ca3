//! The app's words: the Fluent catalogue in `locales/`, compiled to a compact JSON form
//! (the browser downloads only its language's and needs no Fluent parser), the choice of a
//! language for a request, and the formatter that fills in a message's variables.
//!
//! A compiled message is a JSON string when it is plain text, else an array of parts: text,
//! `{"var": name}`, or `{"select": name, "variants": [[key, message], …], "default": i}`,
//! where a key is a CLDR plural category or an exact number.

#[cfg(not(target_arch = "wasm32"))]
mod compile;

#[cfg(not(target_arch = "wasm32"))]
pub use compile::{English, catalogue_source, compile};

use serde_json::{Map, Value};

/// A language the app speaks: its tag (as in `locales/`), its own name, and its direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Language {
    /// The BCP 47 tag, as `locales/` names it.
    pub tag: &'static str,
    /// Its name, in itself (for the language choice).
    pub name: &'static str,
    /// Written right to left.
    pub right_to_left: bool,
}

/// Every language, English (the source, and the fallback) first.
pub const LANGUAGES: [Language; 10] = [
    Language {
        tag: "en",
        name: "English",
        right_to_left: false,
    },
    Language {
        tag: "de",
        name: "Deutsch",
        right_to_left: false,
    },
    Language {
        tag: "fr",
        name: "Français",
        right_to_left: false,
    },
    Language {
        tag: "es",
        name: "Español",
        right_to_left: false,
    },
    Language {
        tag: "pt-BR",
        name: "Português (Brasil)",
        right_to_left: false,
    },
    Language {
        tag: "it",
        name: "Italiano",
        right_to_left: false,
    },
    Language {
        tag: "nl",
        name: "Nederlands",
        right_to_left: false,
    },
    Language {
        tag: "ja",
        name: "日本語",
        right_to_left: false,
    },
    Language {
        tag: "ar",
        name: "العربية",
        right_to_left: true,
    },
    Language {
        tag: "he",
        name: "עברית",
        right_to_left: true,
    },
];

/// The language a tag asks for: the same tag, else the same primary language (`de-AT` →
/// `de`, `pt` → `pt-BR`), compared without regard to case.
pub fn language(tag: &str) -> Option<Language> {
    let tag = tag.trim();
    let primary = |t: &str| {
        t.split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase()
    };
    LANGUAGES
        .iter()
        .find(|l| l.tag.eq_ignore_ascii_case(tag))
        .or_else(|| {
            LANGUAGES
                .iter()
                .find(|l| primary(l.tag) == primary(tag) && !primary(tag).is_empty())
        })
        .copied()
}

/// The language for a page: the one asked for by name (`?lang=`), else the first of the
/// browser's `Accept-Language` (by weight) the app speaks, else English.
pub fn choose(asked: Option<&str>, accept_language: Option<&str>) -> Language {
    if let Some(language) = asked.and_then(language) {
        return language;
    }
    let mut ranges: Vec<(f32, usize, &str)> = accept_language
        .unwrap_or_default()
        .split(',')
        .enumerate()
        .filter_map(|(order, range)| {
            let mut parts = range.split(';');
            let tag = parts.next()?.trim();
            let weight = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())?;
            (!tag.is_empty() && tag != "*" && weight > 0.0).then_some((weight, order, tag))
        })
        .collect();
    ranges.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    ranges
        .into_iter()
        .find_map(|(_, _, tag)| language(tag))
        .unwrap_or(LANGUAGES[0])
}

/// English's plural category of `n` (CLDR: `one` for exactly 1, else `other`), for
/// writing the built-in English without the browser's `Intl.PluralRules`.
pub fn english_plural(n: f64) -> String {
    if n == 1.0 { "one" } else { "other" }.to_owned()
}

/// A value for a message's variable.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Arg<'a> {
    /// Text: a name, a subject, a host. Right-to-left text is isolated in the sentence.
    Text(&'a str),
    /// A number: it chooses the plural form, and is written in the sentence.
    Number(f64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(text: &'a str) -> Self {
        Self::Text(text)
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(text: &'a String) -> Self {
        Self::Text(text)
    }
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            #[allow(clippy::cast_precision_loss, clippy::cast_lossless)]
            fn from(n: $t) -> Self {
                Self::Number(n as f64)
            }
        }
    )*};
}
number_args!(i32, i64, u32, u64, usize, f64);

/// How to write a language's messages.
#[allow(missing_debug_implementations)] // a closure has nothing to show
pub struct Style<'a> {
    /// The CLDR plural category of a number in the language (`one`, `few`, `other`…).
    pub category: &'a dyn Fn(f64) -> String,
    /// The language is written right to left: every text value is isolated, a Latin name
    /// as much as an Arabic one in a Latin sentence.
    pub right_to_left: bool,
}

/// Writes `message` (a compiled message) with `args`. A variable without a value is left
/// as its name in braces, so that a missing value shows rather than vanishes.
pub fn format(message: &Value, args: &[(&str, Arg<'_>)], style: &Style<'_>) -> String {
    let mut out = String::new();
    write(message, args, style, &mut out);
    out
}

fn write(message: &Value, args: &[(&str, Arg<'_>)], style: &Style<'_>, out: &mut String) {
    match message {
        Value::String(text) => out.push_str(text),
        Value::Array(parts) => {
            for part in parts {
                write(part, args, style, out);
            }
        }
        Value::Object(part) => {
            if let Some(name) = part.get("var").and_then(Value::as_str) {
                match value_of(args, name) {
                    Some(Arg::Text(text)) if style.right_to_left => {
                        out.push('\u{2068}');
                        out.push_str(text);
                        out.push('\u{2069}');
                    }
                    Some(Arg::Text(text)) => out.push_str(&isolate(text)),
                    Some(Arg::Number(n)) => out.push_str(&number(n)),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
            } else if let Some(name) = part.get("select").and_then(Value::as_str) {
                write(
                    variant(part, value_of(args, name), style.category),
                    args,
                    style,
                    out,
                );
            }
        }
        _ => {}
    }
}

fn value_of<'a>(args: &[(&str, Arg<'a>)], name: &str) -> Option<Arg<'a>> {
    args.iter().find(|(n, _)| *n == name).map(|(_, value)| *value)
}

/// The variant of a selector for `value`: an exact number first, then the number's
/// plural category, then the text itself, else the default.
fn variant<'m>(
    select: &'m Map<String, Value>,
    value: Option<Arg<'_>>,
    category: &dyn Fn(f64) -> String,
) -> &'m Value {
    static NOTHING: Value = Value::Null;
    let Some(variants) = select.get("variants").and_then(Value::as_array) else {
        return &NOTHING;
    };
    let key_of = |v: &'m Value| v.get(0).and_then(Value::as_str);
    let find = |wanted: &str| {
        variants
            .iter()
            .find(|v| key_of(v) == Some(wanted))
            .and_then(|v| v.get(1))
    };
    let chosen = match value {
        Some(Arg::Number(n)) => find(&number(n)).or_else(|| find(&category(n))),
        Some(Arg::Text(text)) => find(text),
        None => None,
    };
    let default = select
        .get("default")
        .and_then(Value::as_u64)
        .and_then(|i| variants.get(usize::try_from(i).ok()?))
        .and_then(|v| v.get(1));
    chosen.or(default).unwrap_or(&NOTHING)
}

/// A number as the catalogue writes it: whole numbers without a fraction.
fn number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        n.to_string()
    }
}

/// `text` wrapped in Unicode's first-strong isolate (U+2068 … U+2069) when it holds
/// right-to-left letters, so that an Arabic or Hebrew name or subject keeps its place in
/// the sentence around it; other text is left as is, since the page's direction lays it out.
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
    use super::*;

    /// Arabic's cardinal categories (CLDR), enough for whole numbers.
    fn arabic(n: f64) -> String {
        let n = n as i64;
        match (n, n % 100) {
            (0, _) => "zero",
            (1, _) => "one",
            (2, _) => "two",
            (_, 3..=10) => "few",
            (_, 11..=99) => "many",
            _ => "other",
        }
        .to_owned()
    }

    fn messages(tag: &str) -> Map<String, Value> {
        compile(catalogue_source(tag).expect("a catalogue")).expect("compiles")
    }

    fn say(tag: &str, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        let language = language(tag).expect("a language");
        let category = if tag == "ar" { arabic } else { english_plural };
        let style = Style {
            category: &category,
            right_to_left: language.right_to_left,
        };
        format(&messages(tag)[id], args, &style)
    }

    #[test]
    fn every_language_compiles_with_every_message() {
        let english = messages("en");
        for language in LANGUAGES {
            let compiled = messages(language.tag);
            assert_eq!(compiled.len(), english.len(), "{}", language.tag);
        }
    }

    #[test]
    fn plain_messages_are_plain_strings() {
        assert_eq!(
            messages("en")["link-continue"],
            Value::String("Continue".to_owned())
        );
    }

    #[test]
    fn variables_and_plurals_are_filled_in() {
        assert_eq!(
            say("en", "typing-one", &[("name", Arg::Text("Sam"))]),
            "Sam is typing…"
        );
        assert_eq!(
            say("en", "elapsed-seconds", &[("seconds", Arg::Number(1.0))]),
            "1 second"
        );
        assert_eq!(
            say("en", "elapsed-seconds", &[("seconds", Arg::Number(5.0))]),
            "5 seconds"
        );
        assert_eq!(
            say("ar", "elapsed-seconds", &[("seconds", Arg::Number(2.0))]),
            "ثانيتان"
        );
        assert_eq!(
            say("ar", "elapsed-seconds", &[("seconds", Arg::Number(5.0))]),
            "5 ثوانٍ"
        );
        assert_eq!(
            say("ar", "elapsed-seconds", &[("seconds", Arg::Number(11.0))]),
            "11 ثانية"
        );
    }

    #[test]
    fn a_missing_value_shows_its_name() {
        assert_eq!(say("en", "typing-one", &[]), "{name} is typing…");
    }

    #[test]
    fn names_are_isolated_where_directions_mix() {
        assert_eq!(
            say("en", "typing-one", &[("name", Arg::Text("سارة"))]),
            "\u{2068}سارة\u{2069} is typing…"
        );
        assert_eq!(
            say("ar", "typing-one", &[("name", Arg::Text("Sam"))]),
            "\u{2068}Sam\u{2069} يكتب…"
        );
        assert_eq!(isolate("Sam Lee"), "Sam Lee");
        assert_eq!(isolate("Dana דנה"), "\u{2068}Dana דנה\u{2069}");
        assert_eq!(isolate(""), "");
    }

    #[test]
    fn the_language_is_asked_for_then_the_browsers_then_english() {
        assert_eq!(choose(Some("de"), Some("fr")).tag, "de");
        assert_eq!(choose(Some("PT"), None).tag, "pt-BR");
        assert_eq!(choose(Some("xx"), Some("fr-CA,en;q=0.5")).tag, "fr");
        assert_eq!(choose(None, Some("sv,nl;q=0.3,he;q=0.8")).tag, "he");
        assert_eq!(choose(None, Some("de;q=0,ja")).tag, "ja");
        assert_eq!(choose(None, Some("sv, *;q=0.1")).tag, "en");
        assert_eq!(choose(None, Some(";;q=,")).tag, "en");
        assert_eq!(choose(None, None).tag, "en");
    }
}
