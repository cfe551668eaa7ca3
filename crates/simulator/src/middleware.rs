//! What wraps every host: the journal, injected faults, `platformService` path casing, and
//! CORS driven by the guest token's allowed origins.

use std::time::{Duration, Instant};

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::auth;
use crate::faults::WrongAnswer;
use crate::ids::{now_ms, random_hex};
use crate::journal::{DeliveredEvents, HostName, JournalEntry, Step};
use crate::refusal::Refusal;
use crate::reply::DroppedConnection;
use crate::request::{bearer, discover_context};
use crate::state::{HostState, Store};
use crate::tell::methods_at;

/// Lower-cases `/platformService` so both casings the real hrefs used route the same.
pub fn normalize_path(mut request: Request) -> Request {
    let path = request.uri().path();
    // `get` rather than slicing: a path may carry UTF-8, and byte 16 may fall inside a character.
    if let (Some(prefix), Some(rest)) = (path.get(..16), path.get(16..))
        && prefix.eq_ignore_ascii_case("/platformservice")
        && prefix != "/platformservice"
    {
        let fixed = format!("/platformservice{rest}");
        let query = request.uri().query().map(|q| format!("?{q}")).unwrap_or_default();
        if let Ok(uri) = format!("{fixed}{query}").parse() {
            *request.uri_mut() = uri;
        }
    }
    request
}

/// Records the request in the journal and applies latency and failure faults.
pub async fn observe(State(host): State<HostState>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let shown = redacted_target(request.uri());
    let origin = header_text(request.headers(), header::ORIGIN);
    let preflight = method == Method::OPTIONS
        && request
            .headers()
            .contains_key(header::ACCESS_CONTROL_REQUEST_METHOD);
    let step = Step::of(host.host, &method, &path, request.uri().query());
    let (latency, failure, wrong_answer) = {
        let mut state = host.store.lock();
        let latency = state.faults.latency_for(host.host, step);
        let (failure, wrong_answer) = if preflight {
            (None, None)
        } else {
            let failure = state.faults.take_failure(step);
            let wrong_answer = failure
                .is_none()
                .then(|| state.faults.take_wrong_answer(step))
                .flatten();
            (failure, wrong_answer)
        };
        (latency, failure, wrong_answer)
    };
    if latency > 0 {
        tokio::time::sleep(Duration::from_millis(latency)).await;
    }
    let response = match failure {
        Some(rule) => {
            let status = StatusCode::from_u16(rule.status).unwrap_or(StatusCode::SERVICE_UNAVAILABLE);
            let mut response = Refusal::InjectedFault(status).into_response();
            if let Some(after) = rule.retry_after
                && let Ok(value) = HeaderValue::from_str(&after.to_string())
            {
                response.headers_mut().insert(header::RETRY_AFTER, value);
            }
            // Failures still carry CORS headers, or a browser could not read them.
            if let Some(origin) = &origin
                && let Ok(value) = HeaderValue::from_str(origin)
            {
                response
                    .headers_mut()
                    .insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, value);
            }
            response
        }
        None => match wrong_answer {
            Some(answer) => wrong(answer, request.uri()),
            None => next.run(request).await,
        },
    };
    let status = if response.extensions().get::<DroppedConnection>().is_some() {
        0
    } else {
        response.status().as_u16()
    };
    let entry = JournalEntry {
        seq: 0,
        at_ms: now_ms() - i64::try_from(started.elapsed().as_millis()).unwrap_or(0),
        host: host.host,
        method: method.to_string(),
        path: shown,
        step,
        status,
        origin,
        preflight,
        latency_ms: u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
        events: response
            .extensions()
            .get::<DeliveredEvents>()
            .map(|delivered| delivered.0.clone())
            .unwrap_or_default(),
    };
    tracing::debug!(host = host.host.label(), method = %entry.method, path = %entry.path, status, "request");
    host.store.lock().journal.record(entry);
    response
}

/// An answer that is wrong on purpose.
fn wrong(answer: WrongAnswer, uri: &http::Uri) -> Response {
    let target = uri.path_and_query().map_or("/", |p| p.as_str());
    let redirect = |location: String| {
        let mut response = StatusCode::TEMPORARY_REDIRECT.into_response();
        if let Ok(value) = HeaderValue::from_str(&location) {
            response.headers_mut().insert(header::LOCATION, value);
        }
        response
    };
    match answer {
        WrongAnswer::MalformedJson => (
            StatusCode::OK,
            [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
            "{\"_links\": {\"self\": {\"href\": \"/platformService/v1/appl",
        )
            .into_response(),
        WrongAnswer::RedirectOffSite => redirect(format!("https://elsewhere.example{target}")),
        WrongAnswer::RedirectLoop => redirect(target.to_owned()),
    }
}

fn header_text(headers: &HeaderMap, name: header::HeaderName) -> Option<String> {
    headers.get(name).and_then(|v| v.to_str().ok()).map(str::to_owned)
}

/// Path and query with tokens taken out of the query.
fn redacted_target(uri: &http::Uri) -> String {
    let path = uri.path();
    match uri.query() {
        Some(query) => format!("{path}?{}", protocol::secret::redact(query)),
        None => path.to_owned(),
    }
}

/// Which origins may call a resource, decided from the request.
enum Allowed {
    /// These origins.
    Origins(Vec<String>),
    /// The resource is not for browsers: no CORS headers at all.
    NotForBrowsers,
}

fn allowed_origins(store: &Store, host: HostName, request: &Request) -> Allowed {
    let path = request.uri().path();
    let state = store.lock();
    if matches!(host, HostName::Lyncdiscover | HostName::Pool | HostName::Pool2) {
        // An on-premises server answers CORS (if at all) for its allow list, whatever the
        // resource; without it a browser reaches the server through the XFrame only.
        return if state.quirks.on_premises_cors {
            Allowed::Origins(
                state
                    .on_premises
                    .cross_domain_authorization_list
                    .iter()
                    .map(|listed| listed.trim_end_matches('/').to_owned())
                    .collect(),
            )
        } else {
            Allowed::NotForBrowsers
        };
    }
    let origins_of_token = |token: Option<&str>| {
        auth::verify_psat(store, &state, token)
            .map(|claims| claims.origins())
            .unwrap_or_default()
    };
    if let Some(rest) = path.strip_prefix("/ucwa/psanon/v1/applications/") {
        let id = rest.split('/').next().unwrap_or_default();
        return Allowed::Origins(
            state
                .apps
                .get(id)
                .map(|app| app.origins.clone())
                .unwrap_or_default(),
        );
    }
    if path == "/ucwa/psanon/v1/applications" {
        if request.method() == Method::OPTIONS {
            // A preflight carries no token: allow the origins of any live guest token.
            return Allowed::Origins(state.live_origins.keys().cloned().collect());
        }
        return Allowed::Origins(origins_of_token(bearer(request.headers())));
    }
    if path == "/platformservice/discover" {
        let context = discover_context(request.uri().query());
        if let Some(token) = context {
            return Allowed::Origins(origins_of_token(Some(&token)));
        }
    }
    Allowed::NotForBrowsers
}

const ALLOW_HEADERS: &str = "Authorization, Content-Type, Accept, X-Ms-Namespace, X-Ms-SDK-Instance, X-MS-Correlation-Id, Client-Request-Id, X-MS-RequiresMinResourceVersion";
const EXPOSE_HEADERS: &str = "Location, ETag, X-Ms-diagnostics, X-MS-Server-Fqdn, X-MS-Correlation-Id";

/// CORS for the hosts browsers call (discover, UCWA): only origins in the token's
/// `allowedOrigins` get `Access-Control-Allow-Origin`; any other origin gets `403` and no
/// CORS headers, so a real browser blocks it. A preflight lists the methods the resource
/// supports (and `OPTIONS` only with the `options_method` quirk).
pub async fn cors(State(host): State<HostState>, request: Request, next: Next) -> Response {
    let Some(origin) = header_text(request.headers(), header::ORIGIN) else {
        return next.run(request).await;
    };
    // A page of the host itself (the on-premises XFrame posting) is not cross-origin.
    if origin.trim_end_matches('/') == own_origin(&host) {
        return next.run(request).await;
    }
    let allowed = allowed_origins(&host.store, host.host, &request);
    let permitted = match &allowed {
        Allowed::Origins(origins) => origins.iter().any(|o| o.eq_ignore_ascii_case(&origin)),
        Allowed::NotForBrowsers => false,
    };
    let preflight = request.method() == Method::OPTIONS
        && request
            .headers()
            .contains_key(header::ACCESS_CONTROL_REQUEST_METHOD);
    if !permitted {
        if matches!(allowed, Allowed::NotForBrowsers) && !preflight {
            return next.run(request).await;
        }
        return Refusal::CrossOriginRefused.into_response();
    }
    let quirks = host.store.lock().quirks.clone();
    let methods = methods_at(request.uri().path());
    let mut response = if preflight {
        let mut listed: Vec<&str> = methods.unwrap_or(&["GET"]).to_vec();
        if quirks.options_method {
            listed.push("OPTIONS");
        }
        let mut response = StatusCode::NO_CONTENT.into_response();
        let headers = response.headers_mut();
        if let Ok(value) = HeaderValue::from_str(&listed.join(", ")) {
            headers.insert(header::ACCESS_CONTROL_ALLOW_METHODS, value);
        }
        headers.insert(
            header::ACCESS_CONTROL_ALLOW_HEADERS,
            HeaderValue::from_static(ALLOW_HEADERS),
        );
        headers.insert(
            header::ACCESS_CONTROL_MAX_AGE,
            HeaderValue::from(quirks.preflight_max_age_secs),
        );
        response
    } else if request.method() == Method::OPTIONS
        && quirks.options_method
        && let Some(methods) = methods
    {
        // What the resource pages document for OPTIONS: the operations it supports.
        let metadata: Vec<serde_json::Value> = methods
            .iter()
            .map(|method| serde_json::json!({"httpMethod": method, "parameters": []}))
            .collect();
        let mut response = crate::reply::json(
            StatusCode::OK,
            &serde_json::json!({ "metadata": metadata }),
            &quirks,
        );
        response.headers_mut().insert(
            header::ACCESS_CONTROL_EXPOSE_HEADERS,
            HeaderValue::from_static(EXPOSE_HEADERS),
        );
        response
    } else {
        let mut response = next.run(request).await;
        response.headers_mut().insert(
            header::ACCESS_CONTROL_EXPOSE_HEADERS,
            HeaderValue::from_static(EXPOSE_HEADERS),
        );
        response
    };
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(&origin) {
        headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, value);
    }
    headers.append(header::VARY, HeaderValue::from_static("Origin"));
    response
}

/// The origin of the host handling a request.
fn own_origin(host: &HostState) -> String {
    host.url().origin().ascii_serialization()
}

/// On premises, for every route: the browser page a request comes from (`X-Ms-Origin`
/// through the XFrame, else a cross-origin `Origin`) must be in the server's
/// `CrossDomainAuthorizationList`, or it gets the documented `403` (protocol.md §5.2). A
/// caller that names no page (a server, a command line) is served.
pub async fn on_premises_origins(State(host): State<HostState>, request: Request, next: Next) -> Response {
    let page = header_text(request.headers(), header::HeaderName::from_static("x-ms-origin")).or_else(|| {
        header_text(request.headers(), header::ORIGIN)
            .filter(|origin| origin.trim_end_matches('/') != own_origin(&host))
    });
    if let Some(page) = page {
        let listed = host
            .store
            .lock()
            .on_premises
            .cross_domain_authorization_list
            .iter()
            .any(|listed| {
                listed
                    .trim_end_matches('/')
                    .eq_ignore_ascii_case(page.trim_end_matches('/'))
            });
        if !listed {
            return Refusal::CrossOriginRefused.into_response();
        }
    }
    next.run(request).await
}

/// Standard headers the real servers sent on every response.
pub async fn server_headers(request: Request, next: Next) -> Response {
    let request_id = request.headers().get("client-request-id").cloned();
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(
        "x-ms-server-fqdn",
        HeaderValue::from_static("SIMULATOR01.infra.lync.invalid"),
    );
    if let Ok(value) = HeaderValue::from_str(&random_hex(16)) {
        headers.insert("x-ms-correlation-id", value);
    }
    if let Some(id) = request_id {
        headers.insert("client-request-id", id);
    }
    response
}
