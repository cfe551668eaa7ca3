//! HAL-style `_links` and `_embedded`, and turning the hrefs in them into URLs.
//!
//! Servers are inconsistent here, and the client must not care:
//! - hrefs are absolute or relative; relative ones resolve against the URL that answered;
//! - rels carry a `service:` or `ms:rtc:saas:` namespace, or none;
//! - some hrefs contain the six characters `\u0026` where `&` was meant;
//! - a rel that may repeat is an array even with one element.

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use url::Url;

use crate::error::ProtocolError;

/// An href exactly as the server sent it.
///
/// Keeping the raw text lets a resource re-serialize byte-for-byte; [`Href::resolve`] turns
/// it into a URL to follow.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Href(String);

impl Href {
    /// Wraps href text.
    pub fn new(href: impl Into<String>) -> Self {
        Self(href.into())
    }

    /// The href as sent.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Resolves the href against `base`, the URL of the response it came in.
    ///
    /// A literal `\u0026` (an over-escaped `&` seen in recorded server responses) is read
    /// as `&` first.
    ///
    /// # Errors
    /// [`ProtocolError::InvalidHref`] when the text is not a URL reference, or resolves to
    /// something other than `http`/`https`.
    pub fn resolve(&self, base: &Url) -> Result<Url, ProtocolError> {
        let text = unescape_ampersands(self.0.trim());
        if text.is_empty() {
            return Err(ProtocolError::invalid_href(&self.0, "it is empty"));
        }
        let url = base
            .join(&text)
            .map_err(|e| ProtocolError::invalid_href(&self.0, e))?;
        match url.scheme() {
            "http" | "https" => Ok(url),
            other => Err(ProtocolError::invalid_href(
                &self.0,
                format!("`{other}` is not a web address"),
            )),
        }
    }
}

impl From<&str> for Href {
    fn from(value: &str) -> Self {
        Self::new(value)
    }
}

impl From<String> for Href {
    fn from(value: String) -> Self {
        Self::new(value)
    }
}

impl From<&Url> for Href {
    fn from(value: &Url) -> Self {
        Self::new(value.as_str())
    }
}

/// Whether the host a URL parser would read from `text` is plain ASCII without
/// percent-escapes. Every host this product talks to is. This crate builds the `url` crate
/// without IDNA tables (its `idna_adapter` pin, for download size), so such a host could
/// only be refused later anyway, and on the way it trips a debug assertion in that adapter:
/// text from people (a pasted link, a chat message) is checked with this first, so that
/// debug and release builds behave alike.
pub fn plain_ascii_host(text: &str) -> bool {
    let is_scheme = |scheme: &str| {
        !scheme.is_empty()
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    };
    let after_scheme = match text.split_once(':') {
        Some((scheme, rest)) if is_scheme(scheme) => rest,
        _ => text,
    };
    let host = after_scheme
        .trim_start_matches(['/', '\\'])
        .split(['/', '\\', '?', '#'])
        .next()
        .unwrap_or_default();
    host.is_ascii() && !host.contains('%')
}

/// Replaces the literal six characters `\u0026` with `&`.
pub fn unescape_ampersands(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains("\\u0026") {
        text.replace("\\u0026", "&").into()
    } else {
        text.into()
    }
}

/// One link: `{"href": …, "title"?: …, "revision"?: …}`; inside events also `rel`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Link {
    /// Where the link points.
    pub href: Href,
    /// The relation, present on links inside events (`link`, `in`) and senders.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rel: Option<String>,
    /// A display name (a participant's name on message links), possibly empty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Anything else (`revision`, …), kept verbatim.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

impl Link {
    /// A link to `href` with nothing else.
    pub fn new(href: impl Into<Href>) -> Self {
        Self {
            href: href.into(),
            rel: None,
            title: None,
            other: Map::new(),
        }
    }

    /// Resolves the href against `base`; see [`Href::resolve`].
    ///
    /// # Errors
    /// As [`Href::resolve`].
    pub fn resolve(&self, base: &Url) -> Result<Url, ProtocolError> {
        self.href.resolve(base)
    }
}

/// A link relation that holds one link or, if it may repeat, an array of them.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum OneOrMany<T> {
    /// A single value.
    One(T),
    /// An array, even of one element.
    Many(Vec<T>),
}

// Read directly (an object is one, an array is many) rather than through `untagged`,
// which buffers every value first.
impl<'de, T: Deserialize<'de>> Deserialize<'de> for OneOrMany<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Shape<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for Shape<T> {
            type Value = OneOrMany<T>;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a link object or an array of them")
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                T::deserialize(serde::de::value::MapAccessDeserializer::new(map)).map(OneOrMany::One)
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(1).min(64));
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(OneOrMany::Many(items))
            }
        }
        deserializer.deserialize_any(Shape(std::marker::PhantomData))
    }
}

impl<T> OneOrMany<T> {
    /// The first value.
    pub fn first(&self) -> Option<&T> {
        match self {
            Self::One(value) => Some(value),
            Self::Many(values) => values.first(),
        }
    }

    /// Every value.
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        match self {
            Self::One(value) => std::slice::from_ref(value).iter(),
            Self::Many(values) => values.iter(),
        }
    }
}

/// The local name of a rel: `ms:rtc:saas:applications` → `applications`.
pub fn local_rel(rel: &str) -> &str {
    rel.rsplit(':').next().unwrap_or(rel)
}

/// Finds the key for `name` among `keys`, ignoring the rel namespace.
///
/// A namespaced rel wins over a bare one: the anonymous discover response has both
/// `ms:rtc:saas:applications` (the applications root) and `applications` (a different
/// resource), and the namespaced one is the one the docs mean.
fn find_key<'a>(keys: impl Iterator<Item = &'a String>, name: &str) -> Option<&'a String> {
    let mut bare = None;
    for key in keys {
        if local_rel(key) == name {
            if key.contains(':') {
                return Some(key);
            }
            bare = Some(key);
        }
    }
    bare
}

/// The `_links` of a resource.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Links(BTreeMap<String, OneOrMany<Link>>);

impl Links {
    /// The link for rel `name`, whatever its namespace (`service:`, `ms:rtc:saas:`, none).
    pub fn get(&self, name: &str) -> Option<&Link> {
        find_key(self.0.keys(), name).and_then(|key| self.0[key].first())
    }

    /// Every link for rel `name`.
    pub fn get_all(&self, name: &str) -> impl Iterator<Item = &Link> {
        find_key(self.0.keys(), name)
            .into_iter()
            .flat_map(|key| self.0[key].iter())
    }

    /// The link for rel `name`, or an error naming the resource that lacks it.
    ///
    /// # Errors
    /// [`ProtocolError::MissingLink`].
    pub fn require(&self, name: &'static str, resource: &'static str) -> Result<&Link, ProtocolError> {
        self.get(name)
            .ok_or(ProtocolError::MissingLink { rel: name, resource })
    }

    /// Whether there are no links.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The `_embedded` resources of a resource, kept as JSON until asked for by type.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Embedded(BTreeMap<String, Value>);

impl Embedded {
    /// Decodes the embedded resource with rel `name` (any namespace), if present.
    ///
    /// # Errors
    /// [`ProtocolError::Decode`] when it is present but has the wrong shape.
    pub fn get<T: DeserializeOwned>(
        &self,
        name: &str,
        what: &'static str,
    ) -> Result<Option<T>, ProtocolError> {
        let Some(key) = find_key(self.0.keys(), name) else {
            return Ok(None);
        };
        match T::deserialize(&self.0[key]) {
            Ok(resource) => Ok(Some(resource)),
            Err(_) => {
                // Decode the text again to learn where it failed.
                let text = self.0[key].to_string();
                match crate::http_util::decode_json(what, text.as_bytes()) {
                    Err(ProtocolError::Decode {
                        what,
                        path,
                        message,
                        body,
                    }) => Err(ProtocolError::Decode {
                        what,
                        path: format!("_embedded.{key}{}{path}", if path.is_empty() { "" } else { "." }),
                        message,
                        body,
                    }),
                    other => other.map(Some),
                }
            }
        }
    }

    /// Whether nothing is embedded.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Url {
        Url::parse("https://webpoolco16d03.infra.lync.com:4443/ucwa/psanon/v1/applications/1")
            .expect("valid base")
    }

    #[test]
    fn relative_href_resolves_against_the_answering_url() {
        let href = Href::new("/ucwa/psanon/v1/applications/1/events?ack=14&key=abc");
        assert_eq!(
            href.resolve(&base()).expect("resolves").as_str(),
            "https://webpoolco16d03.infra.lync.com:4443/ucwa/psanon/v1/applications/1/events?ack=14&key=abc"
        );
    }

    #[test]
    fn absolute_href_on_another_host_is_kept() {
        let href = Href::new("https://ring2noammeetings.resources.lync.com/platformService/v1/applications");
        assert_eq!(
            href.resolve(&base()).expect("resolves").host_str(),
            Some("ring2noammeetings.resources.lync.com")
        );
    }

    #[test]
    fn literal_escaped_ampersand_is_read_as_ampersand() {
        let href = Href::new(r"/ucwa/psanon/v1/applications/1/events?ack=2\u0026key=k");
        let url = href.resolve(&base()).expect("resolves");
        let pairs: Vec<_> = url.query_pairs().collect();
        assert_eq!(pairs.len(), 2);
        assert_eq!(pairs[1].0, "key");
    }

    #[test]
    fn non_web_hrefs_are_refused() {
        assert!(Href::new("javascript:alert(1)").resolve(&base()).is_err());
        assert!(Href::new("").resolve(&base()).is_err());
    }

    #[test]
    fn namespaced_rel_wins_over_bare_rel() {
        let links: Links = serde_json::from_str(
            r#"{"applications":{"href":"/mine"},"ms:rtc:saas:applications":{"href":"/root"}}"#,
        )
        .expect("parses");
        assert_eq!(links.get("applications").map(|l| l.href.as_str()), Some("/root"));
    }

    #[test]
    fn service_and_internal_namespaces_are_equivalent() {
        for rel in ["service:discover", "ms:rtc:saas:discover", "discover"] {
            let links: Links =
                serde_json::from_str(&format!(r#"{{"{rel}":{{"href":"/d"}}}}"#)).expect("parses");
            assert!(links.get("discover").is_some(), "{rel}");
        }
    }

    #[test]
    fn array_valued_rels_give_their_first_link() {
        let links: Links =
            serde_json::from_str(r#"{"participant":[{"href":"/a"},{"href":"/b"}]}"#).expect("parses");
        assert_eq!(links.get("participant").map(|l| l.href.as_str()), Some("/a"));
        assert_eq!(links.get_all("participant").count(), 2);
    }
}

/// Any HAL-style resource, for resources this crate does not model field by field
/// (on-premises autodiscover roots, participant collections, …).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Resource {
    /// Links.
    #[serde(rename = "_links", default, skip_serializing_if = "Links::is_empty")]
    pub links: Links,
    /// Embedded resources.
    #[serde(rename = "_embedded", default, skip_serializing_if = "Embedded::is_empty")]
    pub embedded: Embedded,
    /// The resource's rel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rel: Option<String>,
    /// Its properties.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

/// Renames the top-level keys of a JSON object to the casing in `known`, comparing
/// case-insensitively.
///
/// Servers match input property names case-insensitively (the Web SDK sent
/// `AnonymousDisplayName`); a server implementation calls this before decoding.
pub fn relax_key_case(value: &mut Value, known: &[&str]) {
    let Value::Object(object) = value else {
        return;
    };
    let renames: Vec<(String, &str)> = object
        .keys()
        .filter_map(|key| {
            known
                .iter()
                .find(|k| k.eq_ignore_ascii_case(key) && **k != key.as_str())
                .map(|k| (key.clone(), *k))
        })
        .collect();
    for (from, to) in renames {
        if let Some(v) = object.remove(&from) {
            object.entry(to.to_owned()).or_insert(v);
        }
    }
}
