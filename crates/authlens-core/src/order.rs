//! One stable sort for the whole engine.
//!
//! Every `sort_by` on a different element type or comparator is its own copy of the standard
//! library's stable sort (several kB of wasm each). The engine's few sorts instead compute a
//! `u64` key per element, sort `(key, position)` pairs with the one `sort_unstable` they all
//! share — positions make every pair distinct, so the order is the stable one — and move the
//! elements into that order.

/// Reorder `v` by ascending `key`, keeping the original order among equal keys.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub(crate) fn sort_by_u64_key<T>(v: &mut Vec<T>, key: impl Fn(&T) -> u64) {
    if v.len() < 2 {
        return;
    }
    let mut keys: Vec<(u64, usize)> = v.iter().enumerate().map(|(i, x)| (key(x), i)).collect();
    keys.sort_unstable();
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(keys.iter().filter_map(|&(_, i)| slots.get_mut(i).and_then(Option::take)));
}

/// A key under which larger `f64`s (non-negative, finite) come first; anything else comes last.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub(crate) fn descending_f64(x: f64) -> u64 {
    if x.is_finite() {
        // For non-negative floats, the bit patterns order like the values; minus one keeps
        // u64::MAX for the non-finite ones.
        (!x.max(0.0).to_bits()) - 1
    } else {
        u64::MAX
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn same_order_as_the_standard_stable_sort(v in proptest::collection::vec((0u8..6, any::<u16>()), 0..200)) {
            let mut ours = v.clone();
            sort_by_u64_key(&mut ours, |x| u64::from(x.0));
            let mut std = v.clone();
            std.sort_by_key(|x| x.0);
            prop_assert_eq!(ours, std);
        }

        #[test]
        fn floats_descending_like_partial_cmp(v in proptest::collection::vec(0u32..1000, 0..100)) {
            let xs: Vec<(f64, usize)> = v.iter().enumerate().map(|(i, n)| (f64::from(*n) / 1000.0, i)).collect();
            let mut ours = xs.clone();
            sort_by_u64_key(&mut ours, |x| descending_f64(x.0));
            let mut std = xs.clone();
            std.sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap_or(std::cmp::Ordering::Equal));
            prop_assert_eq!(ours, std);
        }
    }

    #[test]
    fn odd_floats_go_last() {
        let mut v = vec![f64::NAN, 0.5, f64::INFINITY, 0.9, -1.0];
        sort_by_u64_key(&mut v, |x| descending_f64(*x));
        assert_eq!(v[0], 0.9);
        assert_eq!(v[1], 0.5);
        assert_eq!(v[2], -1.0, "negative counts as 0");
        assert!(v[3].is_nan() && v[4].is_infinite(), "{v:?}");
    }
}
