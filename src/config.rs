//! Deployment settings read from the page's `<meta>` tags.
//!
//! The page that hosts the app says which hosts serve online join links (besides the public
//! Skype for Business Online ones), so a deployment can point the same build at the
//! simulator or at real services without rebuilding.

use protocol::join_link::MeetingHosts;

/// `<meta name="guest-join-meeting-hosts" content="host[:port] host[:port] …">`.
pub const MEETING_HOSTS_META: &str = "guest-join-meeting-hosts";

/// Reads a `<meta>` tag's content from the current document.
pub fn meta(name: &str) -> Option<String> {
    let document = web_sys::window()?.document()?;
    let element = document
        .query_selector(&format!("meta[name=\"{name}\"]"))
        .ok()??;
    element.get_attribute("content").map(|c| c.trim().to_owned())
}

/// The hosts whose join links count as online meetings.
pub fn meeting_hosts() -> MeetingHosts {
    meta(MEETING_HOSTS_META)
        .unwrap_or_default()
        .split([' ', ',', ';'])
        .filter(|host| !host.is_empty())
        .fold(MeetingHosts::new(), |hosts, host| hosts.with_host(host))
}
