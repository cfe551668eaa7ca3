//! The Skype for Business Online guest-join protocol, modelled once and without I/O.
//!
//! This crate holds the whole wire model a guest's browser, the service application
//! (middle tier) and the simulator exchange, plus the guest join state machine. It builds
//! [`http::Request`] values and parses [`http::Response`] values; it never sends anything,
//! never reads a clock and never draws a random number. Callers pass those in. That keeps
//! it deterministic, testable natively, and usable from `wasm32-unknown-unknown`.
//!
//! Layout, following the path of a guest:
//! - [`join_link`]: what kind of link the guest pasted.
//! - [`guest_api`]: the app ⇄ middle tier contract (the guest token).
//! - [`aad`]: the middle tier's Azure AD client-credentials token.
//! - [`taapi`]: the Trusted Application API the middle tier calls.
//! - [`ucwa`]: the anonymous ("psanon") UCWA API the guest's browser calls, events included.
//! - [`join`]: the guest join state machine that drives [`ucwa`].
//! - [`check`]: the staff link check's report, built from what the join machine saw.
//! - [`on_premises`]: the on-premises join's own steps (Skype for Business Server): the
//!   conference URI, autodiscovery, the web ticket, and the way to `applications`;
//!   [`xframe`]: the messages of such a server's cross-domain frame.
//!
//! - [`callback`]: notifications pushed to the middle tier, and their token claims.
//!
//! [`embed`]: the messages between the app, framed in a partner's page, and that page.
//!
//! What the app shows of the meeting: [`identity`] (who someone is: a Skype user, someone
//! from another organisation, a guest) and [`text_links`] (the web links in a message).
//!
//! Shared pieces: [`links`] (HAL-style `_links`/`_embedded` and href resolution),
//! [`date`] (the two date formats servers mix), [`data_uri`] (message bodies),
//! [`error`] (typed errors that keep the server's error document), [`secret`].
//!
//! The real servers' quirks (relative hrefs, `service:` vs `ms:rtc:saas:` rels, literal
//! `\u0026` in hrefs, `/Date(ms)/` dates, 307 redirects, …) are documented where they are
//! handled; `shared/reference/protocol.md` in the project gives the sources.

#![warn(missing_docs)]

#[macro_use]
mod macros;

pub mod aad;
pub mod callback;
pub mod check;
pub mod data_uri;
pub mod date;
pub mod embed;
pub mod error;
pub mod guest_api;
pub mod html;
pub mod http_util;
pub mod identity;
pub mod join;
pub mod join_link;
mod json_path;
pub mod links;
pub mod on_premises;
pub mod secret;
pub mod taapi;
pub mod text_links;
pub mod ucwa;
pub mod xframe;

pub use error::{ProtocolError, ServiceError};
pub use secret::Secret;
pub use url::Url;

/// An HTTP request as this crate builds it: the body is already encoded.
pub type HttpRequest = http::Request<Vec<u8>>;
/// An HTTP response as this crate parses it: the whole body, already read.
pub type HttpResponse = http::Response<Vec<u8>>;
