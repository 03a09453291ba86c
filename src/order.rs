//! Stable sorting through one shared instantiation.
//!
//! Why: every `sort_by` or `sort_by_key` on a new element type compiles its
//! own copy of the standard library's stable sort, about 3 KB of wasm (1 KB
//! brotli) each. Here only a list of positions is ever sorted, with the
//! comparison passed as a trait object, so the whole app carries the sort
//! once and each call site adds only its comparison.

use std::cmp::Ordering;

/// The positions `0..len` in the order `cmp` gives; positions that compare
/// equal keep their original order (a stable sort).
pub fn order(len: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut positions: Vec<usize> = (0..len).collect();
    positions.sort_by(|&a, &b| cmp(a, b));
    positions
}

/// `items` in the order `cmp` gives, stably (see [`order`]).
pub fn sorted_by<'a, T>(items: &'a [T], cmp: impl Fn(&T, &T) -> Ordering) -> Vec<&'a T> {
    order(items.len(), &|a, b| cmp(&items[a], &items[b]))
        .into_iter()
        .map(|i| &items[i])
        .collect()
}

/// `items` themselves in the order `cmp` gives, stably (see [`order`]).
pub fn into_sorted_by<T>(items: Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) -> Vec<T> {
    let positions = order(items.len(), &|a, b| cmp(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    // `positions` is a permutation, so every slot is taken exactly once.
    positions
        .into_iter()
        .filter_map(|i| slots[i].take())
        .collect()
}

// Pure tests run natively (`cargo test`); proptest is a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn sorts_and_keeps_ties_in_their_original_order() {
        let items = [(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd'), (1, 'e')];
        let out: Vec<char> = sorted_by(&items, |x, y| x.0.cmp(&y.0))
            .iter()
            .map(|p| p.1)
            .collect();
        assert_eq!(out, ['d', 'b', 'e', 'a', 'c']);
        assert!(order(0, &|_, _| Ordering::Equal).is_empty());
        let owned: Vec<char> = into_sorted_by(items.to_vec(), |x, y| y.0.cmp(&x.0))
            .into_iter()
            .map(|p| p.1)
            .collect();
        assert_eq!(owned, ['a', 'c', 'b', 'e', 'd']);
    }

    proptest::proptest! {
        #[test]
        fn agrees_with_the_standard_stable_sort(v in proptest::collection::vec(0u8..8, 0..200)) {
            let mut expected: Vec<(usize, u8)> = v.iter().copied().enumerate().collect();
            expected.sort_by_key(|p| p.1);
            let got: Vec<usize> = order(v.len(), &|a, b| v[a].cmp(&v[b]));
            proptest::prop_assert_eq!(got, expected.into_iter().map(|p| p.0).collect::<Vec<_>>());
        }
    }
}
