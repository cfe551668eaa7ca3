//! What the middle tier's own tests share: settings whose upstream is a closed port, so
//! anything decided before the upstream is tested alone, and a service on a real socket.

#![allow(dead_code, unreachable_pub)]

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::Arc;

use middle_tier::AppState;
use middle_tier::config::Settings;

pub const SECRET: &str = "client-secret-never-shown";
pub const STAFF_KEY: &str = "staff-key-0123456789";
pub const INVITATION_KEY: &str = "invitation-key-0123456789-abcdefghij";
pub const BANK: &str = "https://bank.example";
pub const MEETING: &str = "https://meet.lync.com/contoso/advisor/ABCD1234";

/// Settings with a partner (`BANK`), staff and invitation keys, and `extra` on top.
pub fn settings(extra: &[(&str, &str)]) -> Settings {
    let mut vars: BTreeMap<String, String> = [
        ("GUEST_JOIN_TENANT", "contoso.onmicrosoft.com"),
        ("GUEST_JOIN_CLIENT_ID", "app"),
        ("GUEST_JOIN_CLIENT_SECRET", SECRET),
        ("GUEST_JOIN_ENDPOINT", "sip:helpdesk@contoso.onmicrosoft.com"),
        // Nothing listens on port 9: a request that goes upstream fails as unavailable.
        ("GUEST_JOIN_ALLOW_HTTP_UPSTREAMS", "true"),
        ("GUEST_JOIN_LOGIN_URL", "http://127.0.0.1:9/"),
        (
            "GUEST_JOIN_DISCOVER_URL",
            "http://127.0.0.1:9/platformservice/discover",
        ),
        ("GUEST_JOIN_MEETING_HOSTS", "meet.lync.com"),
        ("GUEST_JOIN_ALLOWED_ORIGINS", BANK),
        ("GUEST_JOIN_STAFF_KEY", STAFF_KEY),
        ("GUEST_JOIN_INVITATION_KEY", INVITATION_KEY),
    ]
    .iter()
    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
    .collect();
    for (k, v) in extra {
        vars.insert((*k).to_owned(), (*v).to_owned());
    }
    Settings::load(None, &move |name: &str| vars.get(name).cloned()).expect("valid settings")
}

/// The state for [`settings`]`(extra)`.
pub fn state(extra: &[(&str, &str)]) -> Arc<AppState> {
    AppState::new(settings(extra)).expect("state")
}

/// A middle tier serving on a loopback port until dropped.
pub struct Served {
    pub address: SocketAddr,
    pub state: Arc<AppState>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    pub stopped: tokio::task::JoinHandle<std::io::Result<()>>,
}

impl Served {
    /// Serves [`settings`]`(extra)` on `127.0.0.1`, port chosen by the system.
    pub async fn start(extra: &[(&str, &str)]) -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a free port");
        let address = listener.local_addr().expect("bound");
        let state = state(extra);
        let (stop, stopping) = tokio::sync::oneshot::channel::<()>();
        let stopped = tokio::spawn(middle_tier::serve(listener, Arc::clone(&state), async {
            let _ = stopping.await;
        }));
        Self {
            address,
            state,
            stop: Some(stop),
            stopped,
        }
    }

    /// `path` on this service.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.address)
    }

    /// Asks it to stop, as a signal would.
    pub fn stop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        self.stop();
    }
}
