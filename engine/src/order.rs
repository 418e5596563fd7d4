//! Sorting through one compiled sort routine.
//!
//! `slice::sort_by` and its kin are generic over the element type *and* the comparison
//! closure, so every call site gets its own copy of the standard library's sort (2 to 5 KB
//! of wasm each). With some forty call sites that was 140 KB, about a tenth of the app's
//! code, downloaded by every reader. The functions here sort a permutation of indices
//! through a `&mut dyn FnMut` comparison (a single instance of the standard stable sort,
//! for `usize`) and then move the elements into place, which is small generic code.
//!
//! They give exactly the result of `slice::sort_by` (stable, so equal elements keep their
//! order), in O(n log n) comparisons plus O(n) moves, with one `Vec<usize>` of scratch.

use std::cmp::Ordering;

/// Sorts `v` with `cmp`, stably: the result of `v.sort_by(cmp)`.
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..v.len()).collect();
    sort_indices(&mut order, &mut |a, b| cmp(&v[a], &v[b]));
    permute(v, order);
}

/// Sorts `v` by `key`, stably: the result of `v.sort_by_key(key)`.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in ascending order, stably: the result of `v.sort()`, and of
/// `v.sort_unstable()` wherever equal values are indistinguishable (numbers, strings,
/// tuples of them, types with a derived `Ord`).
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// Sorts `v` and removes repeated values, leaving each distinct value once, in order.
pub fn sort_dedup<T: Ord>(v: &mut Vec<T>) {
    sort(v);
    v.dedup();
}

/// The one instance of the standard library's sort: indices, compared through `cmp`.
fn sort_indices(order: &mut [usize], cmp: &mut dyn FnMut(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| cmp(a, b));
}

/// Rearranges `v` so that position `i` holds what was at `order[i]`, following each cycle
/// of the permutation once with swaps. `order` must be a permutation of `0..v.len()`.
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    debug_assert_eq!(v.len(), order.len());
    for start in 0..order.len() {
        let mut at = start;
        // Along the cycle, `at` holds the element that started at `start`, and each swap
        // brings the element due at `at` in from `next`; a visited position points to
        // itself.
        loop {
            let next = order[at];
            order[at] = at;
            if next == start {
                break;
            }
            v.swap(at, next);
            at = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator (xorshift), so the cases need no dependency.
    fn numbers(seed: u64, n: usize, modulo: u64) -> Vec<u64> {
        let mut x = seed.max(1);
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x % modulo
            })
            .collect()
    }

    #[test]
    fn agrees_with_the_standard_stable_sort() {
        for (seed, n, modulo) in [
            (1, 0, 10),
            (2, 1, 10),
            (3, 2, 10),
            (4, 17, 3),
            (5, 100, 1000),
            (6, 1000, 7),
            (7, 5000, 5000),
        ] {
            // Pairs of (key, original position): equal keys must keep their order.
            let keys = numbers(seed, n, modulo);
            let mut ours: Vec<(u64, usize)> = keys.iter().copied().zip(0..).collect();
            let mut std_sorted = ours.clone();
            sort_by_key(&mut ours, |p| p.0);
            std_sorted.sort_by_key(|p| p.0);
            assert_eq!(ours, std_sorted, "seed {seed}, {n} elements");

            let mut desc = ours.clone();
            sort_by(&mut desc, |a, b| b.0.cmp(&a.0));
            let mut std_desc = std_sorted.clone();
            std_desc.sort_by_key(|p| std::cmp::Reverse(p.0));
            assert_eq!(desc, std_desc, "seed {seed}, {n} elements, descending");
        }
    }

    #[test]
    fn sort_dedup_leaves_each_value_once_in_order() {
        for (seed, n, modulo) in [(11, 0, 5), (12, 1, 5), (13, 300, 17), (14, 2000, 100_000)] {
            let mut ours = numbers(seed, n, modulo);
            let set: std::collections::BTreeSet<u64> = ours.iter().copied().collect();
            sort_dedup(&mut ours);
            assert_eq!(ours, set.into_iter().collect::<Vec<_>>(), "seed {seed}");
        }
    }

    #[test]
    fn moves_owned_values_without_cloning() {
        let mut words: Vec<String> = ["pear", "fig", "apple", "kiwi", "date", "fig"]
            .into_iter()
            .map(String::from)
            .collect();
        sort_by(&mut words, |a, b| {
            a.len().cmp(&b.len()).then_with(|| a.cmp(b))
        });
        assert_eq!(words, ["fig", "fig", "date", "kiwi", "pear", "apple"]);
    }

    #[test]
    fn every_permutation_of_four_is_put_in_order() {
        let mut perm = [0usize, 1, 2, 3];
        // Heap's algorithm, iteratively: all 24 orders.
        let mut c = [0usize; 4];
        let check = |p: &[usize; 4]| {
            let mut v = *p;
            sort_by_key(&mut v, |&x| x);
            assert_eq!(v, [0, 1, 2, 3], "from {p:?}");
        };
        check(&perm);
        let mut i = 0;
        while i < 4 {
            if c[i] < i {
                if i % 2 == 0 {
                    perm.swap(0, i);
                } else {
                    perm.swap(c[i], i);
                }
                check(&perm);
                c[i] += 1;
                i = 0;
            } else {
                c[i] = 0;
                i += 1;
            }
        }
    }
}
