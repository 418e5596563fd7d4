//! "Your articles": the reader pastes, drops or picks articles of their own, sees the ones
//! added, removes them one by one, and exports or imports them as a file.
//!
//! Everything typed or read from a file is untrusted and only ever set as text (Leptos
//! text nodes and `value` properties): markup in it shows as characters and never runs.

use crate::download;
use crate::state::reader::use_reader;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use parallax_engine::export::column_name;
use parallax_engine::reader::{Draft, MAX_READER_ARTICLE_BYTES};
use wasm_bindgen::JsCast;

/// The dialog, opened by the toolbar's "Your articles" button.
#[component]
pub fn ReaderPanel() -> impl IntoView {
    let reader = use_reader();
    let dialog = NodeRef::<html::Dialog>::new();
    Effect::new(move |_| {
        let open = reader.open.get();
        if let Some(d) = dialog.get() {
            if open && !d.open() {
                let _ = d.show_modal();
                // The reader is about to add an article: the analysis worker loads meanwhile.
                crate::analysis::prepare(crate::bundle::CORPUS_JSON, crate::bundle::PREPARED);
            } else if !open && d.open() {
                d.close();
            }
        }
    });

    let text = RwSignal::new(String::new());
    let outlet = RwSignal::new(String::new());
    let date = RwSignal::new(String::new());
    let link = RwSignal::new(String::new());
    let dragging = RwSignal::new(false);

    let add_pasted = move |_| {
        let draft = Draft {
            text: text.get_untracked(),
            outlet: outlet.get_untracked(),
            date: date.get_untracked(),
            url: link.get_untracked(),
        };
        let before = reader.articles.with_untracked(Vec::len);
        reader.add(vec![("the pasted article".to_owned(), draft)]);
        if reader.articles.with_untracked(Vec::len) > before {
            for field in [text, outlet, date, link] {
                field.set(String::new());
            }
        }
    };

    // Files dropped or picked: each becomes a draft; the typed outlet, date and link
    // apply when there is exactly one file.
    let take_files = move |files: web_sys::FileList| {
        let files: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
        if files.is_empty() {
            return;
        }
        let single = files.len() == 1;
        spawn_local(async move {
            let mut drafts = Vec::new();
            let mut refused = Vec::new();
            for file in files {
                let name = file.name();
                match read_text(&file).await {
                    Ok(body) if name.to_ascii_lowercase().ends_with(".json") => {
                        reader.import(&name, &body);
                    }
                    Ok(body) => {
                        let mut draft = Draft {
                            text: body,
                            ..Draft::default()
                        };
                        if single {
                            draft.outlet = outlet.get_untracked();
                            draft.date = date.get_untracked();
                            draft.url = link.get_untracked();
                        }
                        drafts.push((format!("“{name}”"), draft));
                    }
                    Err(why) => refused.push(format!("Could not add “{name}”: {why}")),
                }
            }
            if !drafts.is_empty() {
                reader.add(drafts);
            }
            if !refused.is_empty() {
                reader.status.update(|lines| lines.extend(refused));
            }
        });
    };

    let on_pick = move |ev: web_sys::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        if let Some(files) = input.files() {
            take_files(files);
        }
        // Picking the same file again must fire `change` again.
        input.set_value("");
    };
    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(files) = ev.data_transfer().and_then(|d| d.files()) {
            take_files(files);
        }
    };

    let export = move |_| {
        let json = reader
            .articles
            .with_untracked(|list| parallax_engine::reader::encode(list));
        let line = match download::offer("parallax-my-articles.json", "application/json", &json) {
            Ok(()) => "Your articles were exported to “parallax-my-articles.json”.".to_owned(),
            Err(why) => why,
        };
        reader.status.set(vec![line]);
    };
    let download_unreadable = move |_| {
        let raw = reader.unreadable.get_untracked().unwrap_or_default();
        let line = match download::offer("parallax-unreadable-articles.txt", "text/plain", &raw) {
            Ok(()) => "The unreadable data was downloaded as “parallax-unreadable-articles.txt”."
                .to_owned(),
            Err(why) => why,
        };
        reader.status.set(vec![line]);
    };

    let list = move || {
        reader.articles.with(|articles| {
            if articles.is_empty() {
                return view! { <p class="px-reader__empty">"None yet."</p> }.into_any();
            }
            let items = articles
                .iter()
                .map(|a| {
                    let name = column_name(a.meta.outlet.as_deref(), &a.id);
                    let (id, label) = (a.id.clone(), format!("Remove {name}"));
                    let words = parallax_engine::text::count_words(&a.text);
                    let date = a.meta.date.clone().unwrap_or_else(|| "date unknown".into());
                    let remove_name = name.clone();
                    view! {
                        <li class="px-reader__item" data-testid="own-article">
                            <span class="px-reader__name">{name}</span>
                            <span class="px-reader__meta">{format!("{date} · {words} words")}</span>
                            <button
                                type="button"
                                class="px-button px-button--small"
                                aria-label=label
                                on:click=move |_| reader.remove(&id, &remove_name)
                            >
                                "Remove"
                            </button>
                        </li>
                    }
                })
                .collect_view();
            view! { <ul class="px-reader__list">{items}</ul> }.into_any()
        })
    };

    view! {
        <dialog
            node_ref=dialog
            class="px-dialog px-reader"
            aria-labelledby="px-reader-title"
            data-testid="reader-panel"
            on:close=move |_| reader.open.set(false)
        >
            <div class="px-dialog__head">
                <h2 id="px-reader-title" class="px-dialog__title">"Your articles"</h2>
                <button
                    type="button"
                    class="px-button px-button--small"
                    on:click=move |_| reader.open.set(false)
                >
                    "Close"
                </button>
            </div>
            <p class="px-dialog__lede">
                "Add articles of your own next to the bundled ones. They are analysed in this \
                 browser and kept in its storage; nothing is sent anywhere."
            </p>
            <div class="px-reader__add">
                <label class="px-field px-field--wide">
                    <span class="px-field__label">"Article text"</span>
                    <textarea
                        class="px-input px-input--text"
                        rows="7"
                        placeholder="Paste the article: headline, then paragraphs separated by a blank line."
                        prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev))
                    ></textarea>
                </label>
                <div class="px-reader__fields">
                    <label class="px-field">
                        <span class="px-field__label">"Outlet"</span>
                        <input
                            class="px-input"
                            type="text"
                            autocomplete="off"
                            prop:value=move || outlet.get()
                            on:input=move |ev| outlet.set(event_target_value(&ev))
                        />
                    </label>
                    <label class="px-field">
                        <span class="px-field__label">"Date (YYYY-MM-DD)"</span>
                        <input
                            class="px-input"
                            type="text"
                            inputmode="numeric"
                            autocomplete="off"
                            prop:value=move || date.get()
                            on:input=move |ev| date.set(event_target_value(&ev))
                        />
                    </label>
                    <label class="px-field">
                        <span class="px-field__label">"Link to the original (http or https)"</span>
                        <input
                            class="px-input"
                            type="text"
                            inputmode="url"
                            autocomplete="off"
                            prop:value=move || link.get()
                            on:input=move |ev| link.set(event_target_value(&ev))
                        />
                    </label>
                </div>
                <div class="px-reader__actions">
                    <button type="button" class="px-button px-button--primary" on:click=add_pasted>
                        "Add article"
                    </button>
                </div>
                <div
                    class="px-dropzone"
                    class:px-dropzone--over=move || dragging.get()
                    data-testid="dropzone"
                    on:dragover=move |ev: web_sys::DragEvent| {
                        ev.prevent_default();
                        dragging.set(true);
                    }
                    on:dragleave=move |_| dragging.set(false)
                    on:drop=on_drop
                >
                    <p>"Or drop .txt files here, or "</p>
                    <label class="px-button px-button--small px-file">
                        "choose files…"
                        <input
                            class="px-visually-hidden"
                            type="file"
                            accept=".txt,text/plain,.json,application/json"
                            multiple
                            on:change=on_pick
                        />
                    </label>
                </div>
                <p class="px-reader__hint">
                    {format!(
                        "A line “ date YYYY-MM-DD https://…” at the top of a file gives its date and link. Up to {} KB per article.",
                        MAX_READER_ARTICLE_BYTES / 1024,
                    )}
                </p>
            </div>
            <div class="px-reader__status" role="status" aria-live="polite" data-testid="reader-status">
                <For each=move || reader.status.get() key=|line| line.clone() let:line>
                    <p>{line}</p>
                </For>
            </div>
            <Show when=move || reader.unreadable.with(Option::is_some)>
                <div class="px-reader__unreadable" role="alert">
                    <p>
                        "This browser holds articles saved for Parallax that cannot be read. They \
                         are not written over: download them to keep them, or clear them so your \
                         articles can be saved again."
                    </p>
                    <button type="button" class="px-button px-button--small" on:click=download_unreadable>
                        "Download the unreadable data"
                    </button>
                    <button
                        type="button"
                        class="px-button px-button--small"
                        on:click=move |_| reader.clear_unreadable()
                    >
                        "Clear it"
                    </button>
                </div>
            </Show>
            <h3 class="px-reader__heading">
                {move || format!("Added ({})", reader.articles.with(Vec::len))}
            </h3>
            {list}
            <div class="px-reader__keep">
                <button
                    type="button"
                    class="px-button"
                    on:click=export
                    disabled=move || reader.articles.with(Vec::is_empty)
                >
                    "Export my articles"
                </button>
                <label class="px-button px-file">
                    "Import articles file…"
                    <input
                        class="px-visually-hidden"
                        type="file"
                        accept=".json,application/json"
                        on:change=on_pick
                    />
                </label>
            </div>
        </dialog>
    }
}

/// A file's text, refused when too long or not UTF-8 (nothing is silently replaced).
async fn read_text(file: &web_sys::File) -> Result<String, String> {
    if file.size() > MAX_READER_ARTICLE_BYTES as f64 {
        return Err(format!(
            "it is too long ({} KB); the limit is {} KB.",
            (file.size() / 1024.0).round(),
            MAX_READER_ARTICLE_BYTES / 1024
        ));
    }
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| "the browser could not read it.".to_owned())?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    String::from_utf8(bytes).map_err(|_| "it is not UTF-8 text.".to_owned())
}
