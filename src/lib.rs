//! guest-join: join a Skype for Business meeting as a guest, from nothing but a join link.
//!
//! A Leptos client-side app. Every protocol step goes through the `protocol` crate's join
//! machine; this crate renders it ([`guest`], [`meeting`], [`check`]), runs it
//! ([`driver`], [`transport`]), reads the page's settings ([`config`]), takes over the page's early name screen
//! ([`early`]) and speaks to a
//! partner page that frames it ([`embed`]). The pages are split from the first download and
//! fetched when needed ([`parts`]).

pub mod app;
pub mod attention;
pub mod check;
pub mod config;
pub mod driver;
pub mod early;
pub mod embed;
pub mod guest;
pub mod i18n;
pub mod link_field;
pub mod meeting;
pub mod parts;
pub mod storage;
pub mod transport;
pub mod ui;
pub mod words;
pub mod xframe;

pub use app::App;
