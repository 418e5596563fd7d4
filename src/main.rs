//! Parallax: mounts the viewer. Everything else lives in the modules below.

mod analysis;
mod app;
mod bundle;
mod components;
mod download;
mod fatal;
mod filter;
mod pace;
mod quote_groups;
mod reader_store;
mod segments;
mod state;
mod timing;
mod url;
mod view_model;

fn main() {
    fatal::install_panic_hook();
    let host = app::Host::find();
    let options = host.options.clone();
    let handle = leptos::mount::mount_to(host.element, move || app::App(app::AppProps { options }));
    // The app lives as long as the page: dropping the handle would unmount it.
    handle.forget();
}
