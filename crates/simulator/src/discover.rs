//! `GET /platformservice/discover` on the api host: the service discover a service
//! application reads (with or without its Azure AD token), and, with a guest token in the
//! query, the guest discover that leads a browser to `anonApplications`.

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::Response;
use axum::routing::get;
use serde_json::json;

use crate::auth;
use crate::render::with_port_4443;
use crate::reply;
use crate::request::discover_context;
use crate::state::HostState;

/// The discover route (service and guest discover share the path).
pub fn routes() -> Router<HostState> {
    Router::new().route("/platformservice/discover", get(discover))
}

/// The service discover, or with a guest token the guest discover.
async fn discover(State(host): State<HostState>, headers: HeaderMap, uri: Uri) -> Response {
    match discover_context(uri.query()) {
        Some(token) => guest_discover(&host, &headers, &token),
        None => service_discover(&host, &headers),
    }
}

/// The service discover resource.
fn service_discover(host: &HostState, headers: &HeaderMap) -> Response {
    let ns = host.namespace(headers);
    let hosts = &host.store.hosts;
    let ring = hosts.ring.as_str().trim_end_matches('/');
    let body = json!({
        "_links": {
            "self": {"href": format!("{}/platformservice/discover?deploymentpreference=Weekly", with_port_4443(&hosts.api))},
            format!("{ns}applications"): {"href": format!("{ring}/platformService/v1/applications")},
            "myApplications": {"href": format!("{ring}/platformService/v1/myApplications")},
        },
        "rel": format!("{ns}discover"),
    });
    reply::json(StatusCode::OK, &body, &host.store.lock().quirks)
}

/// The guest discover: where the guest creates an application, and the token's
/// conference; `401` for a bad token.
fn guest_discover(host: &HostState, headers: &HeaderMap, token: &str) -> Response {
    let claims = {
        let state = host.store.lock();
        auth::verify_psat(&host.store, &state, Some(token))
    };
    let Ok(claims) = claims else {
        return reply::unauthorized(&host.store.hosts.webpool);
    };
    let ns = host.namespace(headers);
    let hosts = &host.store.hosts;
    let ring = hosts.ring.as_str().trim_end_matches('/');
    let body = json!({
        "_links": {
            "self": {"href": format!("{}/platformService/discover", with_port_4443(&hosts.api))},
            format!("{ns}applications"): {"href": format!("{ring}/platformService/v1/applications")},
            "myApplications": {"href": format!("{ring}/platformService/v1/myApplications")},
            "applications": {"href": format!("{ring}/platformService/v1/myApplications")},
            "anonApplications": {"href": format!("{}ucwa/psanon/v1/applications", hosts.webpool)},
        },
        "conferenceId": claims.confid,
        "rel": format!("{ns}discover"),
    });
    reply::json(StatusCode::OK, &body, &host.store.lock().quirks)
}
