//! Parallax: mounts the app. Everything else lives in the library modules.

mod bundle;

use leptos::prelude::*;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

#[component]
fn App() -> impl IntoView {
    let bundle = bundle::load().expect("bundle");
    let articles = bundle.corpus.articles;
    view! {
        <main class="compare">
            {articles
                .into_iter()
                .map(|a| {
                    let outlet = a.meta.outlet.clone().unwrap_or_else(|| format!("Unattributed article {}", a.id));
                    view! {
                        <section class="outlet" aria-label=outlet.clone()>
                            <h2>{outlet.clone()}</h2>
                            <p>{a.meta.date.clone().unwrap_or_default()}</p>
                            <pre>{a.text}</pre>
                        </section>
                    }
                })
                .collect_view()}
        </main>
    }
}
