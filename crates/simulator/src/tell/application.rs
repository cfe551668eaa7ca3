//! The guest's application: its hrefs, and the resource `POST anonApplications` and
//! `GET application` answer with.

use serde_json::{Value, json};

use crate::model::UcwaApp;

/// Hrefs of one guest's application, all relative as in the traces.
#[derive(Clone, Debug)]
pub struct AppPaths {
    /// `/ucwa/psanon/v1/applications/{id}` (or the on-premises collection's).
    pub app: String,
}

impl AppPaths {
    /// Paths for application `id` of `collection`.
    pub fn new(collection: &str, id: &str) -> Self {
        Self {
            app: format!("{collection}/{id}"),
        }
    }

    /// `communication`.
    pub fn communication(&self) -> String {
        format!("{}/communication", self.app)
    }

    /// An invitation to a meeting (the join operation).
    pub fn invitation(&self, id: &str) -> String {
        format!("{}/communication/onlineMeetingInvitations/{id}", self.app)
    }

    /// A conversation.
    pub fn conversation(&self, id: &str) -> String {
        format!("{}/communication/conversations/{id}", self.app)
    }

    /// A messaging invitation (adding chat).
    pub fn messaging_invitation(&self, id: &str) -> String {
        format!("{}/communication/messagingInvitations/{id}", self.app)
    }

    /// How to join the guest's meeting by phone (where onlineMeeting_ref.md's sample links
    /// it, under the application's `onlineMeetings`).
    pub fn phone_dial_in(&self) -> String {
        format!("{}/onlineMeetings/phoneDialInInformation", self.app)
    }
}

/// The methods the guest-facing resource at `path` supports, as a preflight's
/// `Access-Control-Allow-Methods` lists them (the routes of `crate::ucwa` and the guest
/// discover). `None` for a path that is no such resource.
pub fn methods_at(path: &str) -> Option<&'static [&'static str]> {
    const GET: &[&str] = &["GET"];
    const POST: &[&str] = &["POST"];
    const GET_DELETE: &[&str] = &["GET", "DELETE"];
    if path.eq_ignore_ascii_case("/platformservice/discover") {
        return Some(GET);
    }
    // On premises: the autodiscovery root, the user resource, the web-ticket service.
    let lower = path.to_ascii_lowercase();
    if lower == "/" || lower.starts_with("/autodiscover/autodiscoverservice.svc/root") {
        return Some(GET);
    }
    if lower == crate::model::WEB_TICKET_PATH.to_ascii_lowercase() {
        return Some(POST);
    }
    let rest = path
        .strip_prefix(crate::model::PSANON_APPLICATIONS)
        .or_else(|| path.strip_prefix(crate::model::ON_PREMISES_APPLICATIONS))?;
    let segments: Vec<&str> = rest.split('/').filter(|s| !s.is_empty()).collect();
    Some(match segments.as_slice() {
        [] => POST,
        [_app] => GET_DELETE,
        [_app, "events"] | [_app, "onlineMeetings", "phoneDialInInformation"] => GET,
        [
            _app,
            "communication",
            "onlineMeetingInvitations" | "messagingInvitations",
        ] => POST,
        [_app, "communication", "conversations", _conv] => GET_DELETE,
        [
            _app,
            "communication",
            "conversations",
            _conv,
            "participants" | "onlineMeeting",
        ]
        | [_app, "communication", "conversations", _conv, "participants", _] => GET,
        [
            _app,
            "communication",
            "conversations",
            _conv,
            "messaging",
            "messagingInvitations" | "messages" | "terminate" | "typing",
        ] => POST,
        _ => return None,
    })
}

/// The application resource, as the trace shows it; `events` is its first event-channel
/// href and `expires` its rendered expiry date.
pub fn application(app: &UcwaApp, events: &str, expires: &str) -> Value {
    let paths = AppPaths::new(app.collection, &app.id);
    json!({
        "culture": app.culture,
        "userAgent": app.user_agent,
        "type": "Browser",
        "endpointId": app.endpoint_id.clone().unwrap_or_else(|| format!("psanon-{}", app.id)),
        "id": app.id,
        "_links": {
            "self": {"href": paths.app},
            "policies": {"href": format!("{}/policies", paths.app)},
            "batch": {"href": format!("{}/batch", paths.app)},
            "events": {"href": events},
        },
        "_embedded": {
            "me": {"uri": app.me_uri(), "name": app.name, "_links": {"self": {"href": format!("{}/me", paths.app)}}, "rel": "me"},
            "communication": {
                "simultaneousRingNumberMatch": "Disabled",
                "videoBasedScreenSharing": "Enabled",
                "55bc13ab-e9fa-49e9-820a-5503cc2878af": "please pass this in a PUT request",
                "supportedMessageFormats": ["Plain"],
                "voipFallbackToPhoneAudioTimeOut": "00:00:00",
                "_links": {
                    "self": {"href": paths.communication()},
                    "conversations": {"href": format!("{}/conversations?filter=active", paths.communication())},
                    "joinOnlineMeeting": {"href": format!("{}/onlineMeetingInvitations", paths.communication())},
                    "startMessaging": {"href": format!("{}/messagingInvitations", paths.communication()), "revision": "2"},
                },
                "rel": "communication",
                "etag": "960382518",
            },
        },
        "rel": "application",
        "etag": "1512544136",
        "expires": expires,
    })
}
