//! How far the analysis has got, while it runs: the whole page before the first analysis,
//! a line at the foot of the viewer during a later one (the reader's articles changed).

use crate::state::outlets::thousands;
use crate::view_model::Progress;
use leptos::prelude::*;

/// `progress` is `Some` while an analysis runs (or the one prepared at build time is
/// loaded) and `None` otherwise; `first` says that there is nothing else to show yet.
///
/// The live region is always in the page, so that screen readers announce the sentence
/// when it appears in it; they hear that the analysis runs, once, not every count (the
/// count is hidden from them, and the bar gives it to those who ask).
#[component]
pub fn AnalysisProgress(progress: RwSignal<Option<Progress>>, first: bool) -> impl IntoView {
    let shown = move || {
        progress.get().map(|now| {
            let Progress {
                done,
                total,
                prepared,
            } = now;
            let sentence = match (prepared, first) {
                (true, _) => "Loading the articles and their analysis…",
                (false, true) => "Analysing the articles…",
                (false, false) => "Analysing the articles again, with yours…",
            };
            let next = if prepared {
                "now laying out the comparison"
            } else {
                "now grouping the claims they share"
            };
            view! {
                <div
                    class="px-progress"
                    class:px-progress--first=first
                    data-testid="analysis-progress"
                >
                    <p class="px-progress__label">{sentence}</p>
                    <progress
                        class="px-progress__bar"
                        max=total.max(1)
                        value=done
                        aria-label="Articles analysed"
                    ></progress>
                    <span class="px-progress__count" aria-hidden="true">
                        {if done < total {
                            format!("{} of {} articles", thousands(done), thousands(total))
                        } else {
                            format!("{} articles; {next}", thousands(total))
                        }}
                    </span>
                </div>
            }
        })
    };
    view! { <div role="status">{shown}</div> }
}
