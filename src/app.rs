//! The app shell: the guest flow, or the staff link check with `?check`.

use leptos::prelude::*;

use crate::check::LinkCheckPage;
use crate::config::PageConfig;
use crate::guest::GuestPage;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let config = PageConfig::from_page();
    if config.check {
        view! { <LinkCheckPage config=config /> }.into_any()
    } else {
        view! { <GuestPage config=config /> }.into_any()
    }
}
