//! One shared stable sort on integer keys, used by the search engine and the interface.
//!
//! The standard library's sorts are fast but add several kilobytes of wasm per element type,
//! and the first load has a budget (`scripts/sizes.mjs`). This one is O(n log n) in every case:
//! the generic part computes keys and moves elements; the sort itself is one non-generic
//! heapsort shared by every caller.

/// Sorts `v` by `key`, ascending and stable (equal keys keep their order), in O(n log n).
///
/// The generic part only computes keys and moves elements; the sort itself (`order_of`) is
/// one non-generic function shared by every caller.
pub fn sort_by_key<T>(v: &mut [T], key: impl Fn(&T) -> u64) {
    let mut perm = order_of(v.iter().map(key).collect());
    // Apply the permutation in place, one cycle at a time: position j receives the element that
    // was at perm[j]; a visited position is marked with perm[j] == j.
    for i in 0..perm.len() {
        let mut cur = i;
        loop {
            let next = perm[cur];
            perm[cur] = cur;
            if next == i || next == cur {
                break;
            }
            v.swap(cur, next);
            cur = next;
        }
    }
}

/// The stable ascending order of `keys`: the original positions, sorted. The `(key, position)`
/// pairs are distinct, so an unstable sort orders them exactly as a stable sort by key would.
fn order_of(keys: Vec<u64>) -> Vec<usize> {
    let mut keyed: Vec<(u64, usize)> = keys.into_iter().zip(0..).collect();
    heapsort(&mut keyed);
    keyed.into_iter().map(|(_, i)| i).collect()
}

/// Heapsort: O(n log n) in every case, no allocation, and a few hundred bytes of wasm (the
/// standard library's sorts add several kilobytes per element type; the first load has a
/// budget, see `scripts/sizes.mjs`).
fn heapsort(v: &mut [(u64, usize)]) {
    fn sift_down(v: &mut [(u64, usize)], mut root: usize) {
        loop {
            let mut child = 2 * root + 1;
            if child >= v.len() {
                return;
            }
            if child + 1 < v.len() && v[child] < v[child + 1] {
                child += 1;
            }
            if v[root] >= v[child] {
                return;
            }
            v.swap(root, child);
            root = child;
        }
    }
    for i in (0..v.len() / 2).rev() {
        sift_down(v, i);
    }
    for end in (1..v.len()).rev() {
        v.swap(0, end);
        sift_down(&mut v[..end], 0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn desc(n: usize) -> u64 {
        u64::MAX - n as u64
    }

    #[test]
    fn sort_by_key_is_stable() {
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd'), (1, 'e')];
        sort_by_key(&mut v, |x| x.0);
        assert_eq!(v, [(0, 'd'), (1, 'b'), (1, 'e'), (2, 'a'), (2, 'c')]);
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd'), (1, 'e')];
        sort_by_key(&mut v, |x| desc(x.0));
        assert_eq!(v, [(2, 'a'), (2, 'c'), (1, 'b'), (1, 'e'), (0, 'd')]);
        let mut empty: Vec<u8> = Vec::new();
        sort_by_key(&mut empty, |x| u64::from(*x));
        assert!(empty.is_empty());
    }

    #[test]
    fn heapsort_equals_the_standard_sort() {
        // A small linear congruential generator: many lengths, many duplicate keys.
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = || {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            seed >> 33
        };
        for len in (0..70).chain([255, 256, 257, 1000]) {
            for modulus in [1, 2, 3, 10, 1 << 31] {
                let keys: Vec<u64> = (0..len).map(|_| next() % modulus).collect();
                let mut got: Vec<(u64, usize)> = keys.iter().copied().zip(0..).collect();
                let mut want = got.clone();
                heapsort(&mut got);
                want.sort();
                assert_eq!(got, want, "len {len} modulus {modulus}");
                let mut items: Vec<(u64, usize)> = got.iter().map(|p| (p.0, p.1 * 7)).collect();
                items.reverse();
                let mut stable = items.clone();
                stable.sort_by_key(|x| x.0);
                sort_by_key(&mut items, |x| x.0);
                assert_eq!(items, stable, "stable: len {len} modulus {modulus}");
            }
        }
        let mut extremes = vec![(u64::MAX, 1), (0, 0), (u64::MAX, 0), (1, 5)];
        heapsort(&mut extremes);
        assert_eq!(extremes, [(0, 0), (1, 5), (u64::MAX, 0), (u64::MAX, 1)]);
    }

    #[test]
    fn sort_by_key_handles_long_lists() {
        // Long enough that a quadratic sort would show; checks order and stability.
        let n = 20_000usize;
        let mut v: Vec<(usize, usize)> = (0..n).map(|i| ((i * 7919) % 97, i)).collect();
        sort_by_key(&mut v, |x| x.0 as u64);
        assert!(v
            .windows(2)
            .all(|w| w[0].0 < w[1].0 || (w[0].0 == w[1].0 && w[0].1 < w[1].1)));
        assert_eq!(v.len(), n);
    }
}
