//! The app's later parts: the guest flow, the staff link check and the meeting screen, each
//! split out of the first download and fetched when the page needs it.
//!
//! The first download is the shell (settings, theme, partner brand) and the loader; a join
//! link's page already shows its name screen from HTML while the guest part arrives (see
//! `early`), and the meeting screen is fetched once the link is known, while the guest types. `./x build`
//! builds with the `split` feature and splits the wasm at these functions (`wasm-split-cli`);
//! a build without it, such as the component tests', calls them directly.

use std::future::Future;

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
#[cfg(feature = "split")]
use leptos::wasm_split::wasm_split;
use send_wrapper::SendWrapper;

use crate::check::LinkCheckPage;
use crate::config::PageConfig;
use crate::driver::{DriverSlot, Snapshot};
use crate::early;
use crate::embed::Partner;
use crate::guest::{GuestPage, Unread};
use crate::meeting::MeetingScreen;
use crate::tr;

/// A part of the app that could not be fetched (the connection dropped while it loaded).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PartMissing;

impl From<SplitLoaderError> for PartMissing {
    fn from(_: SplitLoaderError) -> Self {
        Self
    }
}

/// Declares a part: split into its own wasm `module` in the app's build (feature `split`),
/// and a plain `async fn` elsewhere (the component tests), whose wasm has no loader.
macro_rules! part {
    (
        $module:ident $(, preload($preload:ident))?;
        $(#[$attr:meta])*
        pub fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block
    ) => {
        #[cfg(feature = "split")]
        #[wasm_split($module, wasm_split_path = ::leptos::wasm_split, fallible $(, preload($preload))?)]
        $(#[$attr])*
        pub fn $name($($arg: $ty),*) -> $ret $body

        #[cfg(not(feature = "split"))]
        $(#[$attr])*
        pub async fn $name($($arg: $ty),*) -> $ret $body
    };
}

part! {
    guest;
    /// The guest flow, which takes over the page's early name screen when it arrives.
    pub fn guest_page(config: PageConfig, partner: Option<Partner>) -> Result<AnyView, PartMissing> {
        let early = early::take_over();
        Ok(view! { <GuestPage config=config partner=partner early=early /> }.into_any())
    }
}

part! {
    check;
    /// The staff link check (`?check`).
    pub fn link_check_page(config: PageConfig) -> Result<AnyView, PartMissing> {
        // The early name screen is never shown with `?check`; it goes, so no id is there twice.
        let _ = early::take_over();
        Ok(view! { <LinkCheckPage config=config /> }.into_any())
    }
}

part! {
    meeting, preload(fetch_meeting_screen);
    /// The meeting, once the guest is in.
    pub fn meeting_screen(
        snapshot: RwSignal<Snapshot>,
        driver: DriverSlot,
        unread: Unread,
        announcement: RwSignal<String>,
    ) -> Result<AnyView, PartMissing> {
        Ok(view! { <MeetingScreen snapshot=snapshot driver=driver unread=unread announcement=announcement /> }.into_any())
    }
}

/// Starts fetching the meeting screen, so it is there when the guest is let in; fetching it
/// again is free. A failure here is not shown: showing the screen fetches it again and says
/// so if it fails then.
pub fn prefetch_meeting_screen() {
    #[cfg(feature = "split")]
    leptos::task::spawn_local(async {
        let _ = fetch_meeting_screen().await;
    });
}

/// Shows a part once it has arrived, or says that it could not be fetched.
pub fn when_fetched(part: impl Future<Output = Result<AnyView, PartMissing>> + 'static) -> AnyView {
    Suspend::new(SendWrapper::new(async move {
        match part.await {
            Ok(view) => view,
            Err(PartMissing) => view! { <PartMissingBanner /> }.into_any(),
        }
    }))
    .into_any()
}

/// What a guest sees when a part of the page did not arrive: a sentence and the way on.
#[component]
fn PartMissingBanner() -> impl IntoView {
    // The page's early name screen could no longer join: it goes.
    let _ = early::take_over();
    view! {
        <div class="banner page" role="alert" data-testid="part-missing">
            <p>{tr!("page-part-missing")}</p>
            <button type="button" class="button" on:click=|_| {
                let _ = window().location().reload();
            }>{tr!("page-reload")}</button>
        </div>
    }
}
