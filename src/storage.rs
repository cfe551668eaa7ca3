//! What the browser remembers: the guest's name for next time (local storage), and the
//! session id of a meeting for a reload of the same tab (session storage).

/// `index.html`'s early name screen reads the same key, to fill the name in before the app
/// has loaded; change both together.
const NAME_KEY: &str = "guest-join.display-name";

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

/// The name given last time.
pub fn remembered_name() -> Option<String> {
    local()?.get_item(NAME_KEY).ok()?.filter(|n| !n.trim().is_empty())
}

/// Remembers the name for next time. Storage may be off (private mode); that is fine.
pub fn remember_name(name: &str) {
    if let Some(storage) = local() {
        let _ = storage.set_item(NAME_KEY, name);
    }
}

fn session_key(meeting_url: &str) -> String {
    format!("guest-join.session:{meeting_url}")
}

/// The session id this tab used for a meeting.
pub fn session_id(meeting_url: &str) -> Option<String> {
    session()?.get_item(&session_key(meeting_url)).ok()?
}

/// Keeps the session id, so a reload rejoins as the same guest.
pub fn keep_session_id(meeting_url: &str, id: &str) {
    if let Some(storage) = session() {
        let _ = storage.set_item(&session_key(meeting_url), id);
    }
}
