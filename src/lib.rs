//! guest-join: join a Skype for Business meeting as a guest, from nothing but a join link.
//!
//! A Leptos client-side app. Every protocol step goes through the `protocol` crate; this
//! crate only renders, reads the page's configuration, and performs the I/O.

pub mod app;
pub mod config;
pub mod link_field;

pub use app::App;
