//! The app shell: the guest flow, or the staff link check with `?check`; the theme, and
//! the partner's brand when a listed partner frames the app.

use leptos::prelude::*;

use crate::check::LinkCheckPage;
use crate::config::{self, PageConfig};
use crate::early;
use crate::embed::{self, Brand, Partner};
use crate::guest::GuestPage;
use crate::tr;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let config = PageConfig::from_page();
    let early = early::take_over();
    let partner = Partner::around_this_page();
    let brand = partner.as_ref().and_then(|p| p.brand.clone());
    embed::apply_look(config.theme.as_deref(), brand.as_ref());
    let page = if config.check {
        view! { <LinkCheckPage config=config /> }.into_any()
    } else {
        view! { <GuestPage config=config partner=partner early=early /> }.into_any()
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
