//! The app shell.

use leptos::prelude::*;

use crate::config;
use crate::link_field::LinkField;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <main class="page">
            <h1 class="page__title">"Join a meeting"</h1>
            <LinkField hosts=config::meeting_hosts() />
        </main>
    }
}
