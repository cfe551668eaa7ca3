//! An upstream that costs nothing: Azure AD and the Trusted Application API answered at once
//! with canned, valid documents, so a benchmark measures the middle tier alone.
//!
//! The documents are the protocol crate's fixtures, written from the documentation and the
//! seeds (never from the simulator), with their hosts pointed here. Nothing is signed,
//! stored or checked: this is a stand-in for cost, not for behaviour.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use axum::http::{Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use tokio::sync::oneshot;

/// The Trusted Application endpoint the canned documents are for.
pub const ENDPOINT: &str = "sip:trustedapidemo01@mod776816.onmicrosoft.com";
/// The resource (audience) the canned Azure AD token is for.
pub const RESOURCE: &str = "https://api.skypeforbusiness.com";

/// The running stand-in.
#[derive(Debug)]
pub struct FreeUpstream {
    /// Its base URL.
    pub url: url::Url,
    /// How many Azure AD tokens were asked for.
    pub aad_requests: Arc<AtomicUsize>,
    stop: Option<oneshot::Sender<()>>,
}

impl Drop for FreeUpstream {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

/// The canned answers, with hosts pointed at the stand-in.
#[derive(Debug)]
struct Documents {
    aad_token: String,
    discover: String,
    applications: String,
    application: String,
    anon_token: String,
}

impl Documents {
    fn at(base: &str) -> Self {
        // The documented hosts, longest first, so a host with a port is replaced whole.
        let here = |text: &str| {
            [
                "https://ring2noammeetings.resources.lync.com:4443",
                "https://noammeetings.resources.lync.com:4443",
                "https://ring2noammeetings.resources.lync.com",
                "https://noammeetings.resources.lync.com",
            ]
            .iter()
            .fold(text.to_owned(), |text, host| text.replace(host, base))
        };
        Self {
            aad_token: include_str!("../../protocol/tests/fixtures/aad__token_response_v1_doc_shape.json")
                .to_owned(),
            discover: here(include_str!(
                "../../protocol/tests/fixtures/taapi__discover_response_sdk_fixture.json"
            )),
            applications: here(include_str!(
                "../../protocol/tests/fixtures/taapi__applications_response_seed000.json"
            )),
            application: here(include_str!(
                "../../protocol/tests/fixtures/taapi__application_response_seed000.json"
            )),
            anon_token: here(include_str!(
                "../../protocol/tests/fixtures/taapi__anon_token_response_seed000.json"
            )),
        }
    }

    fn answer(&self, method: &Method, uri: &Uri, aad_requests: &AtomicUsize) -> Response {
        let path = uri.path();
        let body = match (method.as_str(), path) {
            ("POST", p) if p.ends_with("/oauth2/token") => {
                aad_requests.fetch_add(1, Ordering::Relaxed);
                &self.aad_token
            }
            ("GET", "/platformservice/discover") => &self.discover,
            ("GET", "/platformservice/v1/applications") => &self.applications,
            ("GET", "/platformservice/v1/applications/3877116191") => &self.application,
            ("POST", "/platformservice/v1/applications/3877116191/anonApplicationTokens") => &self.anon_token,
            _ => return StatusCode::NOT_FOUND.into_response(),
        };
        ([(header::CONTENT_TYPE, "application/json")], body.clone()).into_response()
    }
}

impl FreeUpstream {
    /// Serves on `127.0.0.1:0`.
    ///
    /// # Panics
    /// When no port is free; this is bench wiring.
    pub async fn start() -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a free port");
        let address = listener.local_addr().expect("bound");
        let url = url::Url::parse(&format!("http://{address}/")).expect("url");
        let documents = Arc::new(Documents::at(url.as_str().trim_end_matches('/')));
        let aad_requests = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&aad_requests);
        let app = axum::Router::new().fallback(move |method: Method, uri: Uri| {
            let (documents, counter) = (Arc::clone(&documents), Arc::clone(&counter));
            async move { documents.answer(&method, &uri, &counter) }
        });
        let (stop, stopped) = oneshot::channel::<()>();
        tokio::spawn(async move {
            let _ = axum::serve(listener, app)
                .with_graceful_shutdown(async move {
                    let _ = stopped.await;
                })
                .await;
        });
        Self {
            url,
            aad_requests,
            stop: Some(stop),
        }
    }

    /// The middle tier's settings for this upstream, as environment variables.
    pub fn middle_tier_env(&self) -> Vec<(&'static str, String)> {
        let base = self.url.as_str().trim_end_matches('/');
        vec![
            ("GUEST_JOIN_TENANT", "contoso.onmicrosoft.com".to_owned()),
            (
                "GUEST_JOIN_CLIENT_ID",
                "00000000-0000-0000-0000-00000000b001".to_owned(),
            ),
            ("GUEST_JOIN_CLIENT_SECRET", "bench-client-secret".to_owned()),
            ("GUEST_JOIN_ENDPOINT", ENDPOINT.to_owned()),
            ("GUEST_JOIN_LOGIN_URL", format!("{base}/")),
            (
                "GUEST_JOIN_DISCOVER_URL",
                format!("{base}/platformservice/discover"),
            ),
            ("GUEST_JOIN_RESOURCE", RESOURCE.to_owned()),
        ]
    }
}
