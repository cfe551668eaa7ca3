//! The meeting host: what a browser shows for a join URL.
//!
//! Real meeting pages carried a `conf:sip:…%3Frequired…` link that clients such as SIPE
//! extract the conference URI from; this page carries one too.

use axum::Router;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::get;

use crate::reply;
use crate::state::HostState;

/// The meeting page routes.
pub fn routes() -> Router<HostState> {
    Router::new().route("/{tenant}/{organizer}/{id}", get(page))
}

async fn page(
    State(host): State<HostState>,
    Path((tenant, organizer, id)): Path<(String, String, String)>,
) -> Response {
    let url = crate::model::join_url(&host.store.hosts.meet, &tenant, &organizer, &id);
    let found = {
        let state = host.store.lock();
        state
            .meeting_by_url(&url, &host.store.hosts.meet)
            .map(|m| (m.subject.clone(), m.conference_uri.clone()))
    };
    match found {
        Some((subject, uri)) => reply::meeting_page(&subject, &uri),
        None => reply::meeting_page_not_found(),
    }
}
