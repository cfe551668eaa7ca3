//! Hosting the built app on the middle tier's own origin, with its security policy.
//!
//! The page's `<meta name="guest-join-meeting-hosts">` is filled in from the settings, so
//! the app and the middle tier agree on which links are joinable. The content security
//! policy allows the page's own inline scripts and style by hash, the meeting service's
//! hosts for `connect-src`, and the partners' origins for `frame-ancestors`.

use axum::http::HeaderValue;
use base64::Engine;
use sha2::{Digest, Sha256};

use crate::assets::Assets;
use crate::config::Settings;

/// The hosted app.
#[derive(Debug)]
pub struct Site {
    /// The `Content-Security-Policy` for HTML responses.
    pub csp: HeaderValue,
    /// The app's files, with `index.html` rewritten, if an app is hosted.
    pub assets: Option<Assets>,
}

impl Site {
    /// Prepares the app in `settings.static_dir`, if any.
    ///
    /// # Errors
    /// When the app's files cannot be read.
    pub fn load(settings: &Settings) -> std::io::Result<Self> {
        let index = match &settings.static_dir {
            Some(dir) => Some(std::fs::read_to_string(dir.join("index.html"))?),
            None => None,
        };
        let partner_origins: Vec<&str> = settings
            .allowed_origins
            .iter()
            .skip(1)
            .map(String::as_str)
            .collect();
        let brands = brands(settings);
        let index = index.map(|page| {
            let page = fill_meta(
                &page,
                protocol::guest_api::MEETING_HOSTS_META,
                &settings.meeting_hosts.join(" "),
            );
            let page = fill_meta(
                &page,
                protocol::guest_api::ON_PREMISES_HOSTS_META,
                &settings.on_premises_hosts.join(" "),
            );
            let page = fill_meta(
                &page,
                protocol::guest_api::AUTODISCOVER_META,
                &settings.autodiscover.join(" "),
            );
            let page = fill_meta(&page, PARTNERS_META, &partner_origins.join(" "));
            fill_meta(&page, BRANDS_META, &brands.to_string())
        });
        let hashes = |tag: &str| -> Vec<String> {
            index
                .as_deref()
                .map(|page| inline_blocks(page, tag))
                .unwrap_or_default()
                .iter()
                .map(|block| {
                    format!(
                        "'sha256-{}'",
                        base64::engine::general_purpose::STANDARD.encode(Sha256::digest(block.as_bytes()))
                    )
                })
                .collect()
        };
        let (script_hashes, style_hashes) = (hashes("script"), hashes("style"));
        let mut connect = vec![
            "'self'".to_owned(),
            settings.azure.discover_url.origin().ascii_serialization(),
        ];
        // On premises the configured autodiscovery roots are asked too, and the pools they
        // lead to are in `connect_src`. The app reaches a server directly or through its
        // cross-domain frame (protocol.md §5.2), so those sources may also be framed.
        // (Settings were checked at load; a list that no longer parses frames nothing.)
        let roots = protocol::on_premises::AutodiscoverRoots::parse(&settings.autodiscover.join(" "))
            .unwrap_or_default();
        let mut framed: Vec<String> = Vec::new();
        let sources = settings.connect_src.iter().cloned();
        for source in sources.chain(roots.roots().map(|root| root.origin().ascii_serialization())) {
            if !framed.contains(&source) {
                framed.push(source);
            }
        }
        for source in &framed {
            if !connect.contains(source) {
                connect.push(source.clone());
            }
        }
        if framed.is_empty() {
            framed.push("'none'".to_owned());
        }
        let mut images = vec!["'self'".to_owned(), "data:".to_owned()];
        for logo in settings.partners.iter().filter_map(|p| p.logo.as_deref()) {
            if let Ok(url) = protocol::Url::parse(logo) {
                let origin = url.origin().ascii_serialization();
                if !images.contains(&origin) {
                    images.push(origin);
                }
            }
        }
        let mut ancestors = vec!["'self'".to_owned()];
        ancestors.extend(settings.partners.iter().flat_map(|p| p.origins.iter().cloned()));
        let csp = format!(
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {}; style-src 'self' {}; img-src {}; connect-src {}; frame-src {}; frame-ancestors {}; base-uri 'none'; form-action 'none'; object-src 'none'",
            script_hashes.join(" "),
            style_hashes.join(" "),
            images.join(" "),
            connect.join(" "),
            framed.join(" "),
            ancestors.join(" "),
        );
        // Checked once here: a policy that cannot be sent must stop the service, not go
        // missing from every page.
        let csp = HeaderValue::from_str(&csp).map_err(|_| {
            std::io::Error::other(
                "the content security policy holds characters a header cannot carry; check \
                 connect_src and the partner origins",
            )
        })?;
        let assets = match &settings.static_dir {
            Some(dir) => {
                let mut assets = Assets::load(dir, index.as_deref())?;
                if let Some(page) = &index {
                    for language in &catalogue::LANGUAGES[1..] {
                        let page = in_language(page, *language)?;
                        assets.insert(&page_name(*language), page.into());
                    }
                }
                Some(assets)
            }
            None => None,
        };
        Ok(Self { csp, assets })
    }
}

/// The file the page in `language` is served from: `index.html` is English, the source.
pub fn page_name(language: catalogue::Language) -> String {
    if language == catalogue::LANGUAGES[0] {
        "index.html".to_owned()
    } else {
        format!("index.{}.html", language.tag)
    }
}

/// The page in `language`: `<html lang dir>` set, and the language's messages in a
/// `<script type="application/json">` that the app (and the early name screen) read.
fn in_language(page: &str, language: catalogue::Language) -> std::io::Result<String> {
    let source = catalogue::catalogue_source(language.tag)
        .ok_or_else(|| std::io::Error::other(format!("no catalogue is built in for {}", language.tag)))?;
    let messages = catalogue::compile(source)
        .map_err(|problem| std::io::Error::other(format!("locales/{}/main.ftl: {problem}", language.tag)))?;
    let words = serde_json::json!({"lang": language.tag, "messages": messages})
        .to_string()
        // Inside <script>, only "</" could end the element early.
        .replace("</", "<\\/");
    let html = format!(
        "<html lang=\"{}\" dir=\"{}\">",
        language.tag,
        if language.right_to_left { "rtl" } else { "ltr" }
    );
    let html_tag = page
        .find("<html")
        .and_then(|start| Some((start, start + page[start..].find('>')?)));
    let page = match html_tag {
        Some((start, end)) => format!("{}{html}{}", &page[..start], &page[end + 1..]),
        None => page.to_owned(),
    };
    let page = translate_marked(&page, &messages);
    let script = format!("<script type=\"application/json\" id=\"guest-join-words\">{words}</script>");
    Ok(match page.find("</head>") {
        Some(at) => format!("{}{script}{}", &page[..at], &page[at..]),
        None => page,
    })
}

/// The page's own words in the language, where it marks them: the text of an element with
/// `data-i18n="id"` (the title, `<noscript>`, the early name screen: they must read right
/// before any script runs, or without one), and the `content` of a tag with
/// `data-i18n-content="id"`. Only messages without variables are used this way.
fn translate_marked(page: &str, messages: &serde_json::Map<String, serde_json::Value>) -> String {
    let text_of = |id: &str| {
        messages
            .get(id)
            .and_then(serde_json::Value::as_str)
            .map(escape_html)
    };
    let mut out = String::with_capacity(page.len());
    let mut rest = page;
    while let Some(at) = rest.find(" data-i18n") {
        let (before, marked) = rest.split_at(at);
        let tag_start = before.rfind('<').unwrap_or(0);
        let Some(tag_end) = marked.find('>').map(|end| at + end) else {
            break;
        };
        let tag = &rest[tag_start..=tag_end];
        let id = |attribute: &str| {
            let needle = format!(" {attribute}=\"");
            let start = tag.find(&needle)? + needle.len();
            tag[start..].split('"').next()
        };
        out.push_str(&rest[..tag_start]);
        if let Some(text) = id("data-i18n").and_then(text_of) {
            let close = rest[tag_end..].find('<').map_or(rest.len(), |i| tag_end + i);
            out.push_str(tag);
            out.push_str(&text);
            rest = &rest[close..];
        } else if let Some(content) = id("data-i18n-content").and_then(text_of) {
            out.push_str(&fill_attribute(tag, "content", &content));
            rest = &rest[tag_end + 1..];
        } else {
            out.push_str(tag);
            rest = &rest[tag_end + 1..];
        }
    }
    out.push_str(rest);
    out
}

/// `tag` with `attribute`'s value replaced by `value` (already escaped).
fn fill_attribute(tag: &str, attribute: &str, value: &str) -> String {
    let needle = format!(" {attribute}=\"");
    let Some(start) = tag.find(&needle).map(|i| i + needle.len()) else {
        return tag.to_owned();
    };
    let end = tag[start..].find('"').map_or(tag.len(), |i| start + i);
    format!("{}{value}{}", &tag[..start], &tag[end..])
}

/// The page's `<meta>` listing the partner origins the app speaks to when they frame it.
const PARTNERS_META: &str = "guest-join-partners";
/// The page's `<meta>` with the partners' brands, as JSON.
const BRANDS_META: &str = "guest-join-brands";

/// Each branded partner origin's look, for the app (validated at start).
fn brands(settings: &Settings) -> serde_json::Value {
    let brands: Vec<serde_json::Value> = settings
        .partners
        .iter()
        .filter(|p| p.accent.is_some() || p.logo.is_some() || p.display_name.is_some())
        .flat_map(|partner| {
            partner.origins.iter().filter_map(move |origin| {
                let origin = protocol::Url::parse(origin.trim())
                    .ok()?
                    .origin()
                    .ascii_serialization();
                Some(serde_json::json!({
                    "origin": origin,
                    "accent": partner.accent,
                    "logo": partner.logo,
                    "name": partner.display_name,
                }))
            })
        })
        .collect();
    serde_json::Value::Array(brands)
}

/// Sets `content` of `<meta name="{name}" content="…">`.
fn fill_meta(page: &str, name: &str, content: &str) -> String {
    let needle = format!("<meta name=\"{name}\" content=\"");
    let Some(start) = page.find(&needle).map(|i| i + needle.len()) else {
        return page.to_owned();
    };
    let Some(end) = page[start..].find('"').map(|i| start + i) else {
        return page.to_owned();
    };
    format!("{}{}{}", &page[..start], escape_html(content), &page[end..])
}

/// `text` safe inside an element or a double-quoted attribute.
fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

/// The contents of every inline `<script>` (those without `src`).
fn inline_blocks(page: &str, tag: &str) -> Vec<String> {
    let (opening, closing) = (format!("<{tag}"), format!("</{tag}>"));
    let mut blocks = Vec::new();
    let mut rest = page;
    while let Some(open) = rest.find(&opening) {
        let Some(tag_end) = rest[open..].find('>').map(|i| open + i) else {
            break;
        };
        let attributes = &rest[open..tag_end];
        let Some(close) = rest[tag_end..].find(&closing).map(|i| tag_end + i) else {
            break;
        };
        if !attributes.contains("src=") {
            blocks.push(rest[tag_end + 1..close].to_owned());
        }
        rest = &rest[close + closing.len()..];
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_content_is_filled_in() {
        let page = r#"<head><meta name="guest-join-meeting-hosts" content="" /></head>"#;
        assert_eq!(
            fill_meta(page, "guest-join-meeting-hosts", "a:1 b"),
            r#"<head><meta name="guest-join-meeting-hosts" content="a:1 b" /></head>"#
        );
    }

    #[test]
    fn a_policy_no_header_can_carry_stops_the_start() {
        let env = |name: &str| {
            match name {
                "GUEST_JOIN_TENANT" => Some("contoso.onmicrosoft.com"),
                "GUEST_JOIN_CLIENT_ID" => Some("app"),
                "GUEST_JOIN_CLIENT_SECRET" => Some("s3cret"),
                "GUEST_JOIN_ENDPOINT" => Some("sip:helpdesk@contoso.onmicrosoft.com"),
                "GUEST_JOIN_CONNECT_SRC" => Some("https://a.example\u{7}"),
                _ => None,
            }
            .map(str::to_owned)
        };
        let settings = Settings::load(None, &env).expect("settings");
        let error = Site::load(&settings).expect_err("refused");
        assert!(error.to_string().contains("connect_src"), "{error}");
    }

    #[test]
    fn inline_scripts_and_styles_are_found_and_external_scripts_skipped() {
        let page = r#"<style>p{}</style><script src="/a.js"></script><script type="module">import init from '/x.js';</script>"#;
        assert_eq!(inline_blocks(page, "script"), ["import init from '/x.js';"]);
        assert_eq!(inline_blocks(page, "style"), ["p{}"]);
    }
}
