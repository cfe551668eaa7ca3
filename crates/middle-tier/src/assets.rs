//! The app's files, read once at start and compressed ahead of time, so each guest downloads
//! the smallest form their browser accepts and no request pays for compression.
//!
//! Files whose names carry Trunk's content hash never change under that name, so browsers
//! may keep them for a year; everything else (the page itself) is revalidated by ETag.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

use axum::body::Body;
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use http::header::{self, HeaderMap, HeaderValue};
use http::{Method, StatusCode};
use sha2::{Digest, Sha256};

/// More files than a built app has; a directory this big is a misconfiguration.
const MAX_FILES: usize = 256;
/// Total bytes held in memory, uncompressed.
const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// The hosted files, by URL path without the leading `/`.
#[derive(Debug, Default)]
pub struct Assets {
    files: HashMap<String, Asset>,
}

/// One file in every encoding worth sending.
#[derive(Debug)]
struct Asset {
    content_type: HeaderValue,
    cache_control: HeaderValue,
    /// Strong validator of the content, before encoding.
    tag: String,
    identity: Bytes,
    gzip: Option<Bytes>,
    brotli: Option<Bytes>,
}

/// A content coding of a response body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Coding {
    Identity,
    Gzip,
    Brotli,
}

impl Assets {
    /// Reads every file under `dir`; `index` replaces `index.html` (it has settings filled in).
    ///
    /// # Errors
    /// When the directory cannot be read, or holds more than an app would.
    pub fn load(dir: &Path, index: Option<&str>) -> std::io::Result<Self> {
        let mut assets = Self::default();
        let mut total = 0u64;
        let mut pending = vec![dir.to_path_buf()];
        while let Some(folder) = pending.pop() {
            for entry in std::fs::read_dir(&folder)? {
                let entry = entry?;
                let kind = entry.file_type()?;
                if kind.is_dir() {
                    pending.push(entry.path());
                    continue;
                }
                let path = entry.path();
                let Some(name) = path
                    .strip_prefix(dir)
                    .ok()
                    .and_then(Path::to_str)
                    .map(|p| p.replace('\\', "/"))
                else {
                    continue;
                };
                total += entry.metadata()?.len();
                if assets.files.len() >= MAX_FILES || total > MAX_BYTES {
                    return Err(std::io::Error::other(format!(
                        "{} holds more than an app would (over {MAX_FILES} files or {} MB); point the static directory at the built app",
                        dir.display(),
                        MAX_BYTES / 1024 / 1024
                    )));
                }
                let content = match (name.as_str(), index) {
                    ("index.html", Some(page)) => Bytes::copy_from_slice(page.as_bytes()),
                    _ => Bytes::from(std::fs::read(&path)?),
                };
                assets.insert(&name, content);
            }
        }
        Ok(assets)
    }

    /// Holds `content` as the file at `name`.
    pub fn insert(&mut self, name: &str, content: Bytes) {
        let immutable = has_content_hash(name);
        let asset = Asset {
            content_type: HeaderValue::from_static(content_type(name)),
            cache_control: HeaderValue::from_static(if immutable {
                "public, max-age=31536000, immutable"
            } else {
                "no-cache"
            }),
            tag: hex(&Sha256::digest(&content)[..12]),
            gzip: smaller(&content, gzip(&content)),
            brotli: smaller(&content, brotli(&content)),
            identity: content,
        };
        self.files.insert(name.to_owned(), asset);
    }

    /// The response for `GET`/`HEAD` of `path`, or `None` if there is no such file.
    pub fn respond(&self, method: &Method, path: &str, request: &HeaderMap) -> Option<Response> {
        let asset = self.files.get(path.trim_start_matches('/'))?;
        let accepted = accepted_codings(request.get(header::ACCEPT_ENCODING));
        let (coding, body) = [
            (Coding::Brotli, asset.brotli.as_ref()),
            (Coding::Gzip, asset.gzip.as_ref()),
        ]
        .into_iter()
        .find_map(|(coding, body)| body.filter(|_| accepted.contains(&coding)).map(|b| (coding, b)))
        .unwrap_or((Coding::Identity, &asset.identity));
        let etag = HeaderValue::from_str(&format!("\"{}{}\"", asset.tag, coding.tag_suffix()))
            .unwrap_or_else(|_| HeaderValue::from_static("\"\""));
        let fresh = request
            .get(header::IF_NONE_MATCH)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| {
                v.split(',')
                    .any(|t| t.trim() == etag.to_str().unwrap_or_default() || t.trim() == "*")
            });
        let length = body.len();
        let (status, body) = match (fresh, method == Method::HEAD) {
            (true, _) => (StatusCode::NOT_MODIFIED, Body::empty()),
            (false, true) => (StatusCode::OK, Body::empty()),
            (false, false) => (StatusCode::OK, Body::from(body.clone())),
        };
        let mut response = (status, body).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, asset.content_type.clone());
        headers.insert(header::CACHE_CONTROL, asset.cache_control.clone());
        headers.insert(header::ETAG, etag);
        headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        if let Some(name) = coding.header_value() {
            headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(name));
        }
        if status == StatusCode::OK && method == Method::HEAD {
            headers.insert(header::CONTENT_LENGTH, HeaderValue::from(length));
        }
        Some(response)
    }
}

impl Coding {
    fn header_value(self) -> Option<&'static str> {
        match self {
            Self::Identity => None,
            Self::Gzip => Some("gzip"),
            Self::Brotli => Some("br"),
        }
    }

    /// Each encoding is a different byte sequence, so it gets its own validator.
    fn tag_suffix(self) -> &'static str {
        match self {
            Self::Identity => "",
            Self::Gzip => "-gz",
            Self::Brotli => "-br",
        }
    }
}

/// The codings an `Accept-Encoding` header allows (`q=0` refuses one).
fn accepted_codings(header: Option<&HeaderValue>) -> Vec<Coding> {
    let Some(value) = header.and_then(|v| v.to_str().ok()) else {
        return Vec::new();
    };
    value
        .split(',')
        .filter_map(|item| {
            let mut parts = item.split(';').map(str::trim);
            let coding = match parts.next()?.to_ascii_lowercase().as_str() {
                "br" => Coding::Brotli,
                "gzip" | "x-gzip" => Coding::Gzip,
                _ => return None,
            };
            let refused = parts.any(|p| {
                p.strip_prefix("q=")
                    .and_then(|q| q.parse::<f32>().ok())
                    .is_some_and(|q| q <= 0.0)
            });
            (!refused).then_some(coding)
        })
        .collect()
}

/// Built files carry their content's hash: Trunk names files `name-<16 hex digits>.ext` (and
/// `name-<hash>_bg.wasm`), and `./x build` puts the split app in `app-<16 hex digits>/`.
fn has_content_hash(name: &str) -> bool {
    let mut segments = name.rsplit('/');
    let file = segments.next().unwrap_or(name);
    hash_after_dash(file, |next| matches!(next, Some(b'.' | b'_')))
        || segments.any(|dir| hash_after_dash(dir, |next| next.is_none()))
}

/// A dash, 16 hex digits, then what `ends` accepts (`None`: the end of `segment`).
fn hash_after_dash(segment: &str, ends: impl Fn(Option<u8>) -> bool) -> bool {
    segment.match_indices('-').any(|(at, _)| {
        let rest = &segment.as_bytes()[at + 1..];
        rest.len() >= 16 && rest[..16].iter().all(u8::is_ascii_hexdigit) && ends(rest.get(16).copied())
    })
}

fn content_type(name: &str) -> &'static str {
    match name
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase())
        .as_deref()
    {
        Some("html") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        // Browsers compile wasm while it downloads only when it says what it is.
        Some("wasm") => "application/wasm",
        Some("css") => "text/css; charset=utf-8",
        Some("json" | "map") => "application/json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        Some("webp") => "image/webp",
        Some("woff2") => "font/woff2",
        Some("txt") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn smaller(original: &[u8], compressed: Option<Vec<u8>>) -> Option<Bytes> {
    compressed.filter(|c| c.len() < original.len()).map(Bytes::from)
}

fn gzip(content: &[u8]) -> Option<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(content).ok()?;
    encoder.finish().ok()
}

/// The strongest brotli: for the app's wasm, 10 % fewer bytes than quality 9, which a guest
/// on a slow connection feels. It takes seconds, so each content is compressed once per
/// process (tests start many middle tiers).
fn brotli(content: &[u8]) -> Option<Vec<u8>> {
    /// A content's SHA-256, and what it compressed to.
    type Compressed = ([u8; 32], Option<Vec<u8>>);
    static DONE: std::sync::Mutex<Vec<Compressed>> = std::sync::Mutex::new(Vec::new());
    let key: [u8; 32] = Sha256::digest(content).into();
    if let Some((_, done)) = DONE.lock().ok()?.iter().find(|(k, _)| *k == key) {
        return done.clone();
    }
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 24,
        ..Default::default()
    };
    let mut out = Vec::new();
    let compressed = brotli::BrotliCompress(&mut &content[..], &mut out, &params)
        .ok()
        .map(|_| out);
    DONE.lock().ok()?.push((key, compressed.clone()));
    compressed
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn app() -> Assets {
        let mut assets = Assets::default();
        assets.insert(
            "guest-join-316e6d59ab9d8db5_bg.wasm",
            Bytes::from(vec![7u8; 50_000]),
        );
        assets.insert(
            "index.html",
            Bytes::from_static(b"<!doctype html><title>x</title>"),
        );
        assets
    }

    fn get(assets: &Assets, path: &str, headers: &[(header::HeaderName, &str)]) -> Response {
        let mut map = HeaderMap::new();
        for (name, value) in headers {
            map.insert(name.clone(), HeaderValue::from_str(value).expect("header"));
        }
        assets.respond(&Method::GET, path, &map).expect("a file")
    }

    #[test]
    fn hashed_names_are_recognised() {
        assert!(has_content_hash("guest-join-316e6d59ab9d8db5_bg.wasm"));
        assert!(has_content_hash("main-4ebbab744f54c95d.css"));
        assert!(!has_content_hash("index.html"));
        assert!(!has_content_hash("guest-join.js"));
        assert!(!has_content_hash("x-316e6d59ab9d8db5"));
        assert!(!has_content_hash("é-ééééééééé.js"));
        assert!(has_content_hash("app-316e6d59ab9d8db5/main_bg.wasm"));
        assert!(has_content_hash("app-316e6d59ab9d8db5/__wasm_split.js"));
        assert!(!has_content_hash("app-316e6d59ab9d8db5x/main.js"));
        assert!(!has_content_hash("app/main.js"));
    }

    #[test]
    fn the_best_accepted_coding_is_sent() {
        let assets = app();
        let br = get(
            &assets,
            "/guest-join-316e6d59ab9d8db5_bg.wasm",
            &[(header::ACCEPT_ENCODING, "gzip, deflate, br")],
        );
        assert_eq!(br.headers()[header::CONTENT_ENCODING], "br");
        assert_eq!(br.headers()[header::CONTENT_TYPE], "application/wasm");
        assert_eq!(
            br.headers()[header::CACHE_CONTROL],
            "public, max-age=31536000, immutable"
        );
        let gz = get(
            &assets,
            "/guest-join-316e6d59ab9d8db5_bg.wasm",
            &[(header::ACCEPT_ENCODING, "gzip, br;q=0")],
        );
        assert_eq!(gz.headers()[header::CONTENT_ENCODING], "gzip");
        let plain = get(&assets, "/guest-join-316e6d59ab9d8db5_bg.wasm", &[]);
        assert!(plain.headers().get(header::CONTENT_ENCODING).is_none());
        assert_ne!(br.headers()[header::ETAG], plain.headers()[header::ETAG]);
    }

    #[test]
    fn a_matching_etag_gets_not_modified() {
        let assets = app();
        let first = get(&assets, "index.html", &[]);
        assert_eq!(first.headers()[header::CACHE_CONTROL], "no-cache");
        let etag = first.headers()[header::ETAG].to_str().expect("ascii").to_owned();
        let again = get(&assets, "index.html", &[(header::IF_NONE_MATCH, &etag)]);
        assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    }

    #[test]
    fn unknown_paths_are_not_found() {
        assert!(
            app()
                .respond(&Method::GET, "/nope.js", &HeaderMap::new())
                .is_none()
        );
    }

    #[test]
    fn malformed_accept_encoding_falls_back_to_identity() {
        assert!(
            accepted_codings(Some(&HeaderValue::from_static(";;,q=,br;q=abc"))).contains(&Coding::Brotli)
        );
        assert!(accepted_codings(Some(&HeaderValue::from_static(",,;"))).is_empty());
    }
}
