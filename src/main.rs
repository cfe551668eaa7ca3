//! The guest-join browser app: mounts [`guest_join::App`] on the page.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(guest_join::App);
}
