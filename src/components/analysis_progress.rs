//! How far the analysis has got, while it runs: the whole page before the first analysis,
//! a line at the foot of the viewer during a later one (the reader's articles changed).

use crate::state::outlets::thousands;
use leptos::prelude::*;

/// `progress` is `Some((done, total))` while an analysis runs and `None` otherwise; `first`
/// says that there is nothing else to show yet.
///
/// The live region is always in the page, so that screen readers announce the sentence
/// when it appears in it; they hear that the analysis runs, once, not every count (the
/// count is hidden from them, and the bar gives it to those who ask).
#[component]
pub fn AnalysisProgress(progress: RwSignal<Option<(usize, usize)>>, first: bool) -> impl IntoView {
    let sentence = if first {
        "Analysing the articles…"
    } else {
        "Analysing the articles again, with yours…"
    };
    let shown = move || {
        progress.get().map(|(done, total)| {
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
                            format!(
                                "{} articles; now grouping the claims they share",
                                thousands(total),
                            )
                        }}
                    </span>
                </div>
            }
        })
    };
    view! { <div role="status">{shown}</div> }
}
