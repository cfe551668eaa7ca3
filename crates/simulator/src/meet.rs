//! The meeting host: what a browser shows for a join URL.
//!
//! Real meeting pages carried a `conf:sip:…%3Frequired…` link that clients such as SIPE
//! extract the conference URI from; this page carries one too.

use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;

use crate::state::HostState;

/// The meeting page routes.
pub fn routes() -> Router<HostState> {
    Router::new().route("/{tenant}/{organizer}/{id}", get(page))
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
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
    let Some((subject, uri)) = found else {
        return (
            StatusCode::NOT_FOUND,
            Html(
                "<!doctype html><title>Meeting not found</title><p>This meeting does not exist.</p>"
                    .to_owned(),
            ),
        )
            .into_response();
    };
    let conf = uri
        .replace(':', "%3A")
        .replace(';', "%3B")
        .replace('=', "%3D")
        .replace('@', "%40");
    Html(format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{subject}</title></head><body>\
         <h1>{subject}</h1><p>This is a Skype for Business meeting (simulated).</p>\
         <p><a href=\"conf:sip:{conf}%3Frequired-media=audio\">Join with Skype for Business</a></p></body></html>",
        subject = escape(&subject),
    ))
    .into_response()
}
