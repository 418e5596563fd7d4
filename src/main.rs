//! Parallax: mounts the viewer in the browser; natively, prints its first view's HTML for
//! the release build ([`prerender`]). Everything else lives in the modules below.

// Natively the binary only prerenders the first view: the rest is the browser's, and is
// linted for dead code there (`make lint` checks the wasm target too).
#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]

mod analysis;
mod app;
mod bundle;
mod components;
mod download;
mod fatal;
mod filter;
mod opening;
mod pace;
mod prerender;
mod quote_groups;
mod reader_store;
mod segments;
mod state;
mod timing;
mod url;
mod view_model;

/// In the browser: mounts the viewer.
#[cfg(target_arch = "wasm32")]
fn main() {
    fatal::install_panic_hook();
    if prerender::standing_in() {
        // The task that compiled the wasm runs this: behind the prerendered view the app
        // mounts in a task of its own, so that neither task is long.
        wasm_bindgen_futures::spawn_local(async {
            pace::Pacer::new(0.0).hand_back().await;
            mount();
        });
    } else {
        mount();
    }
}

#[cfg(target_arch = "wasm32")]
fn mount() {
    let host = app::Host::find();
    let options = host.options.clone();
    let handle = leptos::mount::mount_to(host.element, move || app::App(app::AppProps { options }));
    // The app lives as long as the page: dropping the handle would unmount it.
    handle.forget();
}

/// Natively: prints the first view's HTML, which the release build puts in `index.html`
/// (see [`prerender`]): the gate script's text on the first line, the root element's HTML
/// on the second; nothing for a corpus too large to prerender.
#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    match prerender::render() {
        Ok(html) => {
            if let Some(html) = html {
                println!("{}\n{html}", prerender::gate_script());
            }
            std::process::ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("parallax: the first view could not be rendered: {message}");
            std::process::ExitCode::FAILURE
        }
    }
}
