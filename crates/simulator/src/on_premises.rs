//! The on-premises Skype for Business Server's sign-in side (protocol.md §3.1–§3.5, §5.2,
//! §8 items 16–20): autodiscovery (`lyncdiscover.<domain>`), and on the web pools the
//! `user` resource with its `401` challenges, the anonymous web-ticket service, the XFrame
//! page and meetings' simple URLs. (The pools' UCWA is `crate::ucwa`'s.)
//!
//! Strict by default: only the anonymous meeting grant is served, its conference must be
//! one this server hosts with its own id as the key, tickets live an hour and are good on
//! the pool that issued them, and a browser origin outside the
//! `CrossDomainAuthorizationList` is refused with the documented `403`.

use std::collections::BTreeMap;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde_json::json;

use protocol::on_premises::ANONYMOUS_GRANT;

use crate::auth;
use crate::ids::{now_secs, random_digits, random_hex};
use crate::model::{ON_PREMISES_APPLICATIONS, WEB_TICKET_PATH};
use crate::refusal::Refusal;
use crate::reply;
use crate::request;
use crate::state::{HostState, WebTicketGrant};

/// Where the pool keeps its autodiscovery root, `user` resource, XFrame and web tickets
/// (the paths of the documented examples).
const ROOT_PATH: &str = "/Autodiscover/AutodiscoverService.svc/root";
const USER_PATH: &str = "/Autodiscover/AutodiscoverService.svc/root/oauth/user";
const XFRAME_PATH: &str = "/Autodiscover/XFrame/XFrame.html";

/// The autodiscovery host's routes (`/xframe` is where the UCWA sample first frames it).
pub fn discover_routes() -> Router<HostState> {
    Router::new().route("/", get(root)).route("/xframe", get(xframe))
}

/// The second pool's routes: its own `user` resource (for meetings homed there), web
/// tickets and XFrame; autodiscovery and meetings' pages stay on the first.
pub fn second_pool_routes() -> Router<HostState> {
    Router::new()
        .route(USER_PATH, get(user))
        .route(WEB_TICKET_PATH, post(web_ticket))
        .route(XFRAME_PATH, get(xframe))
}

/// The web pool's routes.
pub fn pool_routes() -> Router<HostState> {
    Router::new()
        .route(ROOT_PATH, get(root))
        .route(USER_PATH, get(user))
        .route(WEB_TICKET_PATH, post(web_ticket))
        .route(XFRAME_PATH, get(xframe))
        .route("/meet/{organizer}/{id}", get(meet_page))
}

/// A meeting's simple URL, `https://join.contoso.com/meet/<organizer>/<id>` as the seed's
/// example has it: the pool plays the simple-URL host, and the page links the meeting's
/// conference URI (`conf:sip:…`), which is how a client learns the SIP domain the host
/// alone does not say (protocol.md §3.1, §8 item 20).
async fn meet_page(State(host): State<HostState>, Path((organizer, id)): Path<(String, String)>) -> Response {
    let found = {
        let state = host.store.lock();
        let domain = state.on_premises.sip_domain.clone().unwrap_or_default();
        state
            .meetings
            .get(&id.to_ascii_uppercase())
            .filter(|meeting| {
                meeting
                    .organizer_uri
                    .eq_ignore_ascii_case(&format!("sip:{organizer}@{domain}"))
            })
            .map(|meeting| (meeting.subject.clone(), meeting.conference_uri.clone()))
    };
    match found {
        Some((subject, uri)) => reply::meeting_page(&subject, &uri),
        None => reply::meeting_page_not_found(),
    }
}

/// The cross-domain frame (protocol.md §5.2): a page on another origin posts a request as
/// a JSON string (UCWA's "Cross-domain IFRAME" shape), the frame makes it to its own server
/// with `X-Ms-Origin` naming that page's origin, and posts back the status, text, body and
/// headers with the request's `messageId`. The server, not the frame, applies the allow
/// list, so a refused page gets the documented `403` and its reason through the frame.
async fn xframe() -> Response {
    const PAGE: &str = r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>XFrame</title></head><body><script>
"use strict";
window.addEventListener("message", function (event) {
  var request;
  try { request = typeof event.data === "string" ? JSON.parse(event.data) : null; } catch (e) { return; }
  if (!request || typeof request.url !== "string" || typeof request.type !== "string") { return; }
  function reply(status, statusText, responseText, headers) {
    event.source.postMessage(JSON.stringify({status: status, statusText: statusText,
      responseText: responseText, headers: headers, messageId: request.messageId}), event.origin);
  }
  var target;
  try { target = new URL(request.url, location.href); } catch (e) { reply(0, "", "", ""); return; }
  if (target.origin !== location.origin) { reply(0, "", "", ""); return; }
  var headers = request.headers || {};
  var named = function (name) {
    return Object.keys(headers).some(function (h) { return h.toLowerCase() === name; });
  };
  var xhr = new XMLHttpRequest();
  xhr.open(request.type.toUpperCase(), target.href, true);
  Object.keys(headers).forEach(function (name) { xhr.setRequestHeader(name, headers[name]); });
  if (request.accepts && !named("accept")) { xhr.setRequestHeader("Accept", request.accepts); }
  if (request.contentType && !named("content-type")) { xhr.setRequestHeader("Content-Type", request.contentType); }
  xhr.setRequestHeader("X-Ms-Origin", event.origin);
  xhr.setRequestHeader("X-Requested-With", "XMLHttpRequest");
  xhr.onload = function () { reply(xhr.status, xhr.statusText, xhr.responseText, xhr.getAllResponseHeaders()); };
  xhr.onerror = function () { reply(0, "", "", ""); };
  xhr.send(typeof request.data === "string" ? request.data : null);
});
</script></body></html>
"#;
    let mut response = (StatusCode::OK, PAGE).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    response
}

/// The domain this server answers for, if it is set up. (Which browser origins may call
/// is checked for every route of the on-premises hosts: `middleware::on_premises_origins`.)
fn admit(host: &HostState) -> Result<String, Response> {
    let state = host.store.lock();
    state
        .on_premises
        .sip_domain
        .clone()
        .ok_or_else(|| Refusal::ResourceNotFound.into_response())
}

fn pool_url(host: &HostState, path: &str) -> String {
    reply::pool_url(&host.store.hosts.pool, path)
}

fn json_response(status: StatusCode, body: &serde_json::Value) -> Response {
    let mut response = (status, body.to_string()).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    response
}

/// `GET /` on `lyncdiscover.<domain>`, or the pool's root: where the `user` resource and
/// the XFrame are.
async fn root(State(host): State<HostState>) -> Response {
    let domain = match admit(&host) {
        Ok(domain) => domain,
        Err(refused) => return refused,
    };
    let query = format!("?originalDomain={domain}");
    let redirect = host.store.lock().on_premises.root_redirect;
    if redirect && host.host == crate::journal::HostName::Lyncdiscover {
        return json_response(
            StatusCode::OK,
            &json!({"_links": {"redirect": {"href": pool_url(&host, &format!("{ROOT_PATH}{query}"))}}}),
        );
    }
    json_response(
        StatusCode::OK,
        &json!({"_links": {
            "self": {"href": pool_url(&host, &format!("{ROOT_PATH}{query}"))},
            "user": {"href": pool_url(&host, &format!("{USER_PATH}{query}"))},
            "xframe": {"href": pool_url(&host, XFRAME_PATH)},
        }}),
    )
}

/// `GET user`: the challenges without a ticket of this pool, else where applications are.
async fn user(State(host): State<HostState>, headers: HeaderMap) -> Response {
    if let Err(refused) = admit(&host) {
        return refused;
    }
    if ticket(&host, &headers).is_none() {
        return challenge(&host);
    }
    let (split_domain, homed_elsewhere) = {
        let state = host.store.lock();
        (
            state.on_premises.split_domain,
            state.on_premises.homed_on_second_pool,
        )
    };
    let second = &host.store.hosts.pool2;
    if homed_elsewhere && host.host == crate::journal::HostName::Pool {
        return json_response(
            StatusCode::OK,
            &json!({"_links": {"redirect": {"href": reply::pool_url(second, USER_PATH)}}}),
        );
    }
    // In a split domain the applications live on the second pool, which wants a ticket
    // of its own; a meeting homed there has them there too.
    let pool = if split_domain { second } else { host.url() };
    json_response(
        StatusCode::OK,
        &json!({"_links": {
            "self": {"href": reply::pool_url(host.url(), USER_PATH)},
            "applications": {"href": reply::pool_url(pool, ON_PREMISES_APPLICATIONS)},
            "xframe": {"href": reply::pool_url(host.url(), XFRAME_PATH)},
        }}),
    )
}

/// The live ticket a request bears, if this pool issued it.
fn ticket(host: &HostState, headers: &HeaderMap) -> Option<WebTicketGrant> {
    let state = host.store.lock();
    auth::verify_web_ticket(&state, request::bearer(headers), host.url()).ok()
}

/// The pool's `401` with both challenges.
fn challenge(host: &HostState) -> Response {
    let quirks = host.store.lock().quirks.clone();
    reply::on_premises_unauthorized(host.url(), &quirks)
}

/// A web-ticket refusal: the OAuth `error`, and `X-Ms-diagnostics` with its code and reason.
fn refuse(host: &HostState, error: &str, code: u32, reason: &str) -> Response {
    let mut response = json_response(StatusCode::BAD_REQUEST, &json!({"error": error}));
    let source = host.url().host_str().unwrap_or_default().to_owned();
    if let Ok(value) = HeaderValue::from_str(&format!("{code};source=\"{source}\";reason=\"{reason}\"")) {
        response.headers_mut().insert("x-ms-diagnostics", value);
    }
    response
}

/// `POST WebTicket/oauthtoken`: an anonymous ticket for a meeting this server hosts.
async fn web_ticket(State(host): State<HostState>, headers: HeaderMap, body: Bytes) -> Response {
    let domain = match admit(&host) {
        Ok(domain) => domain,
        Err(refused) => return refused,
    };
    let is_form = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| {
            ct.split(';').next().is_some_and(|media| {
                media
                    .trim()
                    .eq_ignore_ascii_case("application/x-www-form-urlencoded")
            })
        });
    if !is_form {
        return refuse(&host, "invalid_request", 28000, "The request must be a form.");
    }
    let form: BTreeMap<String, String> = url::form_urlencoded::parse(&body).into_owned().collect();
    let field = |name: &str| form.get(name).map(String::as_str).filter(|v| !v.is_empty());
    match field("grant_type") {
        None => return refuse(&host, "invalid_request", 28000, "grant_type is missing."),
        Some(ANONYMOUS_GRANT) => {}
        Some(_) => {
            return refuse(
                &host,
                "unsupported_grant_type",
                28029,
                "Authentication type not allowed.",
            );
        }
    }
    let (Some(uri), Some(key)) = (field("ms_rtc_conferenceuri"), field("password")) else {
        return refuse(
            &host,
            "invalid_request",
            28000,
            "ms_rtc_conferenceuri and password are required.",
        );
    };
    let lifetime = i64::try_from(host.store.timers.web_ticket_secs).unwrap_or(i64::MAX);
    let mut state = host.store.lock();
    let hosted = state.meetings.values().find(|meeting| {
        // The URI's scheme and domain may come in any case; its key, as the password, must
        // match exactly.
        meeting.conference_uri.eq_ignore_ascii_case(uri)
            && uri.ends_with(&format!(":{}", meeting.id))
            && meeting
                .organizer_uri
                .to_ascii_lowercase()
                .ends_with(&format!("@{}", domain.to_ascii_lowercase()))
    });
    let Some(meeting) = hosted.filter(|meeting| meeting.id == key) else {
        return refuse(
            &host,
            "invalid_grant",
            28032,
            "The conference or its key is not valid.",
        );
    };
    let conference_uri = meeting.conference_uri.clone();
    let identity = match field("ms_rtc_renew") {
        None => format!("anon-{}", random_digits(12)),
        // A ticket is scoped to the pool that issued it (§3.5): renewal keeps its identity
        // there, and another pool does not know it.
        Some(held) => match auth::verify_web_ticket(&state, Some(held), host.url()) {
            Ok(grant) if grant.conference_uri == conference_uri => grant.identity,
            _ => return refuse(&host, "invalid_grant", 28020, "No valid security token."),
        },
    };
    let token = format!("cwt={}", random_hex(48));
    let now = now_secs();
    state.web_tickets.retain(|_, grant| grant.expires_secs > now);
    state.web_tickets.insert(
        token.clone(),
        WebTicketGrant {
            identity,
            conference_uri,
            issuer: auth::pool_of(host.url()),
            expires_secs: now.saturating_add(lifetime),
        },
    );
    drop(state);
    let mut response = json_response(
        StatusCode::OK,
        &json!({"access_token": token, "token_type": "Bearer", "expires_in": lifetime}),
    );
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(header::PRAGMA, HeaderValue::from_static("no-cache"));
    response
}
