//! Getting the guest's attention when the tab is in the background: the page title and,
//! if allowed, a system notification. Inside a partner's page (a frame of another origin)
//! notifications are never asked for nor shown: they would come from a site the guest is
//! not looking at, and browsers refuse them there anyway.

use web_sys::{Notification, NotificationOptions, NotificationPermission, VisibilityState};

use crate::tr;

/// The page's base title.
pub fn base_title() -> String {
    tr!("page-title")
}

/// Sets the page title.
pub fn set_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(title);
    }
}

/// Whether the page is hidden (another tab is in front, or the window is minimised).
pub fn page_hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.visibility_state() == VisibilityState::Hidden)
}

/// Whether notifications can be asked for (the API exists and nothing was decided yet).
pub fn can_ask_for_notifications() -> bool {
    notifications_supported() && Notification::permission() == NotificationPermission::Default
}

/// Whether notifications are allowed.
pub fn notifications_allowed() -> bool {
    notifications_supported() && Notification::permission() == NotificationPermission::Granted
}

fn notifications_supported() -> bool {
    web_sys::window().is_some_and(|w| js_sys::Reflect::has(&w, &"Notification".into()).unwrap_or(false))
        && !in_cross_origin_frame()
}

/// Whether the page runs in a frame at all (its title is then not the tab's).
pub fn in_frame() -> bool {
    web_sys::window().is_some_and(|window| match window.top() {
        Ok(Some(top)) => !js_sys::Object::is(&top, &window),
        _ => true,
    })
}

/// Whether the page runs in a frame of a page from another origin (a partner's site).
pub fn in_cross_origin_frame() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    match window.top() {
        Ok(Some(top)) => {
            let framed = !js_sys::Object::is(&top, &window);
            // Reading another origin's location throws; the same origin's reads.
            framed && top.location().href().is_err()
        }
        // No reachable top window: treat it as foreign.
        _ => true,
    }
}

/// Asks for permission to notify (only from a click).
pub fn ask_for_notifications() {
    if notifications_supported() {
        let _ = Notification::request_permission();
    }
}

/// Shows a notification if allowed and the page is hidden.
pub fn notify(title: &str, body: &str) {
    if !page_hidden() || !notifications_allowed() {
        return;
    }
    let options = NotificationOptions::new();
    options.set_body(body);
    options.set_tag("guest-join");
    let _ = Notification::new_with_options(title, &options);
}
