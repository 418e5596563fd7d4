//! The app's opening build, in steps. While the prerendered first view stands in for the
//! app ([`crate::prerender`]), the live view is hidden behind it, so it can be built over
//! several tasks, each short enough for the page to answer in between, instead of one
//! long one: the shell first, then the filters, then one outlet column per step. The
//! prerendered view is removed once every step is done ([`crate::app::App`]).

use leptos::prelude::*;

/// How far the opening build has got: provided by the app in the browser; where it is not
/// provided (the prerender), everything is built at once.
#[derive(Clone, Copy, Debug)]
pub struct Opening(RwSignal<usize>);

impl Opening {
    /// Done, or no opening in steps: everything is built.
    const DONE: usize = usize::MAX;

    /// An opening with everything built, until [`start`](Self::start).
    pub fn new() -> Opening {
        Opening(RwSignal::new(Self::DONE))
    }

    /// Starts the build in steps: the shell alone.
    pub fn start(self) {
        self.0.set(0);
    }

    /// Takes the next step: the filters, then one more column.
    pub fn step(self) {
        self.0.update(|s| *s = s.saturating_add(1));
    }

    /// Everything from now on.
    pub fn finish(self) {
        self.0.set(Self::DONE);
    }

    /// Steps after the shell: the filters, then each outlet column.
    pub const fn steps(n_columns: usize) -> usize {
        1 + n_columns
    }

    /// Whether the filters are built yet (tracked).
    pub fn filters(self) -> bool {
        self.0.get() >= 1
    }

    /// How many outlet columns are built yet (tracked).
    pub fn columns(self) -> usize {
        self.0.get().saturating_sub(1)
    }
}

/// The opening of the app around the caller: `None` where everything is built at once.
pub fn use_opening() -> Option<Opening> {
    use_context::<Opening>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shell_comes_first_then_the_filters_then_one_column_per_step() {
        let owner = Owner::new();
        owner.with(|| {
            let opening = Opening::new();
            assert!(opening.filters());
            assert_eq!(opening.columns(), usize::MAX - 1);
            opening.start();
            assert!(!opening.filters());
            assert_eq!(opening.columns(), 0);
            opening.step();
            assert!(opening.filters());
            assert_eq!(opening.columns(), 0);
            for n in 1..=3 {
                opening.step();
                assert_eq!(opening.columns(), n);
            }
            assert_eq!(Opening::steps(3), 4);
            opening.finish();
            assert_eq!(opening.columns(), usize::MAX - 1);
        });
    }
}
