//! Where the app runs: settings from the page's `<meta>` tags and from its URL.
//!
//! - `<meta name="guest-join-meeting-hosts">`: hosts that serve online join links besides
//!   the public Skype for Business Online ones (the middle tier fills it in).
//! - `<meta name="guest-join-middle-tier">`: the middle tier's base URL; empty means this
//!   page's own origin.
//! - `?join=<link>`: the meeting link; `?invite=<invitation>`; `?name=<display name>`
//!   (a partner page may pass the name it knows); `?check`: the staff link check;
//!   `?theme=light|dark` (otherwise the device's choice).

use protocol::Url;
use protocol::join_link::MeetingHosts;
use protocol::on_premises::{AutodiscoverRoots, SimpleUrlDomains};

use crate::tr;

/// `<meta name="guest-join-middle-tier" content="https://…/">`.
pub const MIDDLE_TIER_META: &str = "guest-join-middle-tier";

/// Reads a `<meta>` tag's content from the current document.
pub fn meta(name: &str) -> Option<String> {
    let document = web_sys::window()?.document()?;
    let element = document
        .query_selector(&format!("meta[name=\"{name}\"]"))
        .ok()??;
    element.get_attribute("content").map(|c| c.trim().to_owned())
}

/// The hosts whose join links count as online meetings, and the on-premises simple-URL
/// hosts of `on_premises`.
pub fn meeting_hosts(on_premises: &OnPremises) -> MeetingHosts {
    let online = meta(protocol::guest_api::MEETING_HOSTS_META)
        .unwrap_or_default()
        .split([' ', ',', ';'])
        .filter(|host| !host.is_empty())
        .fold(MeetingHosts::new(), |hosts, host| hosts.with_host(host));
    on_premises
        .simple_urls
        .hosts()
        .fold(online, MeetingHosts::with_on_premises_host)
}

/// How this page finds on-premises servers (`<meta name="guest-join-on-premises-hosts">`
/// and `<meta name="guest-join-autodiscover">`). A setting that does not parse is logged
/// and left out: the documented defaults still join most meetings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OnPremises {
    /// Simple-URL host → SIP domain.
    pub simple_urls: SimpleUrlDomains,
    /// SIP domain → autodiscovery root, where DNS does not say.
    pub roots: AutodiscoverRoots,
}

impl OnPremises {
    /// Reads the page's settings.
    pub fn from_page() -> Self {
        fn read<T: Default>(name: &str, parse: fn(&str) -> Result<T, String>) -> T {
            parse(&meta(name).unwrap_or_default())
                .inspect_err(|problem| leptos::logging::warn!("<meta name=\"{name}\">: {problem}"))
                .unwrap_or_default()
        }
        Self {
            simple_urls: read(
                protocol::guest_api::ON_PREMISES_HOSTS_META,
                SimpleUrlDomains::parse,
            ),
            roots: read(protocol::guest_api::AUTODISCOVER_META, AutodiscoverRoots::parse),
        }
    }
}

/// Everything the page says about this visit.
#[derive(Clone, Debug)]
pub struct PageConfig {
    /// The middle tier's base URL.
    pub middle_tier: Url,
    /// Hosts serving online join links.
    pub meeting_hosts: MeetingHosts,
    /// How on-premises servers are found.
    pub on_premises: OnPremises,
    /// The meeting link from the URL.
    pub join: Option<String>,
    /// A signed invitation from the URL.
    pub invite: Option<String>,
    /// A display name from the URL.
    pub name: Option<String>,
    /// Whether this is the staff link check.
    pub check: bool,
    /// `light` or `dark`, when the page asks for one.
    pub theme: Option<String>,
}

impl PageConfig {
    /// Reads the page.
    pub fn from_page() -> Self {
        let location = web_sys::window().map(|w| w.location());
        let href = location.as_ref().and_then(|l| l.href().ok()).unwrap_or_default();
        let page = Url::parse(&href).ok();
        let param = |name: &str| {
            page.as_ref()
                .and_then(|url| {
                    url.query_pairs()
                        .find(|(k, _)| k == name)
                        .map(|(_, v)| v.trim().to_owned())
                })
                .filter(|v| !v.is_empty())
        };
        let own_origin = page.as_ref().and_then(|url| url.join("/").ok());
        let middle_tier = meta(MIDDLE_TIER_META)
            .filter(|m| !m.is_empty())
            .and_then(|m| Url::parse(&m).ok())
            .or(own_origin)
            .unwrap_or_else(|| Url::parse("http://localhost/").expect("a valid fallback"));
        let on_premises = OnPremises::from_page();
        Self {
            middle_tier,
            meeting_hosts: meeting_hosts(&on_premises),
            on_premises,
            join: param(protocol::guest_api::JOIN_PARAM),
            invite: param(protocol::guest_api::INVITE_PARAM),
            name: param("name"),
            check: page
                .as_ref()
                .is_some_and(|url| url.query_pairs().any(|(k, _)| k == "check")),
            theme: param("theme"),
        }
    }
}

/// The language the page is written in (`<html lang>`), as UCWA wants the culture: the
/// meeting service words what it sends (such as an error's message) in the language the
/// guest reads, not in the browser's.
pub fn culture() -> String {
    // UCWA takes at most 100 characters.
    page_language()
        .filter(|lang| lang.len() <= 100)
        .unwrap_or_else(|| "en-US".to_owned())
}

/// `<html lang>`, when it is set to a well-formed language tag.
pub fn page_language() -> Option<String> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|html| html.get_attribute("lang"))
        .filter(|lang| well_formed_language(lang))
}

/// Whether `tag` has the shape of a BCP 47 language tag (`en`, `pt-BR`, `zh-Hant-TW`):
/// `Intl` throws on anything else, and a partner's page may set `lang` to anything.
fn well_formed_language(tag: &str) -> bool {
    let mut subtags = tag.split('-');
    subtags.next().is_some_and(|primary| {
        (2..=8).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_alphabetic())
    }) && subtags
        .all(|subtag| (1..=8).contains(&subtag.len()) && subtag.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// The locales for dates and times, best first: the browser's languages that are variants
/// of the page's (so that an `en-GB` browser on an English page keeps its 24-hour clock),
/// then the page's own language.
pub fn time_locales() -> js_sys::Array {
    let page = page_language().unwrap_or_else(|| "en-US".to_owned());
    let primary = page.split('-').next().unwrap_or_default().to_ascii_lowercase();
    let locales = js_sys::Array::new();
    if let Some(window) = web_sys::window() {
        for language in window
            .navigator()
            .languages()
            .iter()
            .filter_map(|l| l.as_string())
        {
            let same_language = language
                .split('-')
                .next()
                .is_some_and(|p| p.eq_ignore_ascii_case(&primary));
            if same_language && well_formed_language(&language) {
                locales.push(&language.into());
            }
        }
    }
    locales.push(&page.into());
    locales
}

/// Milliseconds since the epoch.
pub fn now() -> protocol::date::Timestamp {
    protocol::date::Timestamp::from_millis(js_sys::Date::now() as i64)
}

/// Random hex, for operation ids (uniqueness, not secrecy).
pub fn random_hex(len: usize) -> String {
    (0..len)
        .map(|_| char::from_digit((js_sys::Math::random() * 16.0) as u32 % 16, 16).unwrap_or('0'))
        .collect()
}

/// What a copy of the app served without its settings lacks, if it looks like one: neither
/// the middle tier's address nor the meeting hosts are filled in (the middle tier always
/// fills in the hosts of the pages it serves). A partner hosting `dist/` must set them.
pub fn setup_problem() -> Option<String> {
    let empty = |name: &str| meta(name).is_none_or(|content| content.is_empty());
    (empty(MIDDLE_TIER_META) && empty(protocol::guest_api::MEETING_HOSTS_META)).then(|| tr!("setup-problem"))
}
