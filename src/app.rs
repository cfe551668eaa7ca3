//! The app shell: the guest flow, or the staff link check with `?check`; the theme, and
//! the partner's brand when a listed partner frames the app. The pages themselves are
//! fetched after it starts ([`parts`]).

use leptos::prelude::*;

use crate::config::{self, PageConfig};
use crate::embed::{self, Brand, Partner};
use crate::parts;
use crate::tr;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let config = PageConfig::from_page();
    let partner = Partner::around_this_page();
    let brand = partner.as_ref().and_then(|p| p.brand.clone());
    embed::apply_look(config.theme.as_deref(), brand.as_ref());
    // Each page is its own part of the app, fetched now (see `parts`).
    let page = if config.check {
        parts::when_fetched(parts::link_check_page(config))
    } else {
        parts::when_fetched(parts::guest_page(config, partner))
    };
    let setup = config::setup_problem();
    if let Some(problem) = &setup {
        leptos::logging::error!("guest-join: {problem}");
    }
    view! {
        {setup.map(|problem| view! { <p class="banner page" role="alert" data-testid="setup-problem">{problem}</p> })}
        {brand.map(|brand| view! { <BrandBar brand=brand /> })}
        {page}
    }
}

/// The partner's logo and name above the app.
#[component]
fn BrandBar(brand: Brand) -> impl IntoView {
    let name = brand.name.clone();
    // The logo is decorative when the name is written beside it.
    let alt = if name.is_some() {
        String::new()
    } else {
        tr!("brand-logo-alt")
    };
    view! {
        <header class="brand" data-testid="brand">
            {brand.logo.map(|logo| view! { <img class="brand__logo" src=logo alt=alt /> })}
            {name.map(|name| view! { <span class="brand__name">{name}</span> })}
        </header>
    }
}
