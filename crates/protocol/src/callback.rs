//! Notifications the service pushes to a service application's callback URL.
//!
//! Two formats exist. The Trusted Application API POSTs UCWA event envelopes with a
//! top-level `baseuri` ("legacy"); the Graph-era calling platform POSTs
//! `{"value": [ … ]}`. A receiver answers a legacy notification `204 No Content` to be
//! sent the Graph form instead (seed 004). Either comes with a bearer JWT whose claims are
//! [`CallbackClaims`]; the receiver validates it before reading the body.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::error::ProtocolError;
use crate::http_util;
use crate::ucwa::events::EventsResponse;

/// A callback body in either format.
#[derive(Clone, Debug, PartialEq)]
pub enum Notification {
    /// A UCWA-style event envelope (`sender`, `_links`, `baseuri`).
    Legacy(EventsResponse),
    /// The Graph-era form.
    Graph(GraphNotifications),
}

/// Reads a callback body, deciding its format by shape.
///
/// # Errors
/// [`ProtocolError::Decode`] when it is neither.
pub fn parse_notification(body: &[u8]) -> Result<Notification, ProtocolError> {
    const WHAT: &str = "read a callback notification";
    let value: Value = http_util::decode_json(WHAT, body)?;
    if value.get("value").is_some_and(Value::is_array) {
        return http_util::decode_json(WHAT, body).map(Notification::Graph);
    }
    http_util::decode_json(WHAT, body).map(Notification::Legacy)
}

/// `{"value": [ … ]}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GraphNotifications {
    /// The notifications.
    pub value: Vec<GraphNotification>,
    /// Anything else.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

/// One Graph-era change notification.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GraphNotification {
    /// `updated`, `created`, `deleted`.
    pub change_type: String,
    /// The resource path, e.g. `/app/calls/<id>`.
    pub resource: String,
    /// The subscription.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subscription_id: Option<String>,
    /// Anything else (`resourceData`, `subscriptionExpirationDateTime`, …).
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

/// The claims of the bearer token on a callback.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CallbackClaims {
    /// The receiving application's App ID URI or id.
    pub aud: String,
    /// `https://sts.windows.net/<tenant>/` (legacy) or `https://api.botframework.com`.
    pub iss: String,
    /// Expiry, seconds since the epoch.
    pub exp: i64,
    /// Not before, seconds since the epoch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nbf: Option<i64>,
    /// Issued at, seconds since the epoch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iat: Option<i64>,
    /// The tenant id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tid: Option<String>,
    /// The calling service's application id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appid: Option<String>,
    /// Anything else (`idp`, `oid`, `ver`, …).
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

/// The reply to the first callback of a conversation: later callbacks carry
/// `?callbackContext=<value>`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallbackContextReply {
    /// The context.
    #[serde(rename = "CallbackContext")]
    pub callback_context: String,
}
