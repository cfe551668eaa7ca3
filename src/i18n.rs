//! The page's words: the messages of its language (which the middle tier puts in the page),
//! else English (built in), formatted with their variables.

use catalogue::{LANGUAGES, Language, Style};
use serde_json::{Map, Value};

pub use catalogue::Arg;

/// The id of the page's `<script type="application/json">` with its language's messages.
pub const WORDS_ELEMENT: &str = "guest-join-words";

struct Words {
    language: Language,
    messages: Map<String, Value>,
    english: Map<String, Value>,
    plurals: js_sys::Intl::PluralRules,
}

thread_local! {
    static WORDS: Words = Words::load();
}

impl Words {
    fn load() -> Self {
        let english =
            serde_json::from_str(include_str!(concat!(env!("OUT_DIR"), "/en.json"))).unwrap_or_default();
        let page: Option<(Language, Map<String, Value>)> = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(WORDS_ELEMENT))
            .and_then(|element| element.text_content())
            .and_then(|json| serde_json::from_str::<Value>(&json).ok())
            .and_then(|mut words| {
                let language = catalogue::language(words.get("lang")?.as_str()?)?;
                match words.get_mut("messages")?.take() {
                    Value::Object(messages) => Some((language, messages)),
                    _ => None,
                }
            });
        let (language, messages) = page.unwrap_or_else(|| (LANGUAGES[0], Map::new()));
        let locales = js_sys::Array::of1(&language.tag.into());
        let plurals = js_sys::Intl::PluralRules::new(&locales, &js_sys::Object::new());
        Self {
            language,
            messages,
            english,
            plurals,
        }
    }

    fn say(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        let category = |n: f64| String::from(self.plurals.select(n));
        if let Some(message) = self.messages.get(id) {
            let style = Style {
                category: &category,
                right_to_left: self.language.right_to_left,
            };
            return catalogue::format(message, args, &style);
        }
        match self.english.get(id) {
            Some(message) => catalogue::format(
                message,
                args,
                &Style {
                    category: &catalogue::english_plural,
                    right_to_left: false,
                },
            ),
            // Only a message missing from the catalogue gets here, which the catalogue's
            // tests rule out; its id is still better than a blank.
            None => id.to_owned(),
        }
    }
}

/// The language the page is shown in.
pub fn language() -> Language {
    WORDS.with(|words| words.language)
}

/// The message `id` in the page's language.
pub fn t(id: &str) -> String {
    t_args(id, &[])
}

/// The message `id` with its variables.
pub fn t_args(id: &str, args: &[(&str, Arg<'_>)]) -> String {
    WORDS.with(|words| words.say(id, args))
}

/// The page's words for the sentences the protocol crate writes (the link check's details
/// and copied report).
#[derive(Clone, Copy, Debug)]
pub struct PageWords;

impl protocol::check::Wording for PageWords {
    fn say(&self, id: &str, args: &[(&str, protocol::check::Fill<'_>)]) -> String {
        let args: Vec<(&str, Arg<'_>)> = args.iter().map(|&(name, fill)| (name, arg(fill))).collect();
        t_args(id, &args)
    }
}

/// A value of the protocol crate's sentences as the catalogue takes it.
fn arg(fill: protocol::check::Fill<'_>) -> Arg<'_> {
    match fill {
        protocol::check::Fill::Text(text) => Arg::Text(text),
        protocol::check::Fill::Number(n) => Arg::from(n),
    }
}

/// Opens the page again in `tag`'s language: the middle tier serves the page with that
/// language's words (`?lang=`), and what the guest typed is kept by the caller.
pub fn switch_to(tag: &str) {
    let Some(window) = web_sys::window() else { return };
    let Ok(href) = window.location().href() else {
        return;
    };
    let Ok(url) = web_sys::Url::new(&href) else { return };
    url.search_params().set("lang", tag);
    let _ = window.location().set_href(&url.href());
}

/// `tr!("id")` or `tr!("id", name = expr, count = expr)`; each value is turned into an
/// [`Arg`] with `Arg::from` (text: `&str`, `&String`; numbers: integer types and `f64`).
#[macro_export]
macro_rules! tr {
    ($id:literal) => {
        $crate::i18n::t($id)
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::t_args($id, &[$((stringify!($name), $crate::i18n::Arg::from($value))),+])
    };
}
