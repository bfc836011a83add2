//! One shared stable sort on integer keys, used by the search engine and the interface.
//!
//! The standard library's sorts are fast but add several kilobytes of wasm per element type,
//! and the first load has a budget (`scripts/sizes.mjs`). This one is linear (a radix sort on
//! the keys' bytes): the generic part computes keys and moves elements; the sort itself is one
//! non-generic function shared by every caller.

/// Sorts `v` by `key`, ascending and stable (equal keys keep their order), in O(n).
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

/// The stable ascending order of `keys`: the original positions, sorted by key, equal keys in
/// position order. Short lists by insertion; longer ones by a least-significant-digit radix
/// sort over the key's bytes (stable by construction), skipping the bytes every key shares:
/// O(n) per byte that differs, so O(n) overall.
fn order_of(keys: Vec<u64>) -> Vec<usize> {
    let n = keys.len();
    let mut order: Vec<usize> = (0..n).collect();
    if n <= 32 {
        for i in 1..n {
            let mut j = i;
            while j > 0 && keys[order[j - 1]] > keys[order[j]] {
                order.swap(j - 1, j);
                j -= 1;
            }
        }
        return order;
    }
    let mut next = vec![0usize; n];
    for byte in 0..8 {
        let shift = byte * 8;
        let mut counts = [0usize; 256];
        for &k in &keys {
            counts[(k >> shift) as usize & 0xff] += 1;
        }
        if counts.contains(&n) {
            continue; // every key has this byte: the pass would change nothing
        }
        let mut at = 0;
        for c in counts.iter_mut() {
            let here = *c;
            *c = at;
            at += here;
        }
        for &i in &order {
            let b = (keys[i] >> shift) as usize & 0xff;
            next[counts[b]] = i;
            counts[b] += 1;
        }
        std::mem::swap(&mut order, &mut next);
    }
    order
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
    fn order_equals_the_standard_stable_sort() {
        // A small linear congruential generator: many lengths, many duplicate keys, keys that
        // differ only in high bytes, only in low bytes, or in all of them.
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = || {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            seed
        };
        for len in (0..70).chain([255, 256, 257, 1000, 5000]) {
            for modulus in [1, 2, 3, 10, 1 << 31, u64::MAX] {
                for shift in [0, 40] {
                    let keys: Vec<u64> = (0..len).map(|_| (next() % modulus) << shift).collect();
                    let mut want: Vec<usize> = (0..len).collect();
                    want.sort_by_key(|&i| keys[i]);
                    assert_eq!(
                        order_of(keys.clone()),
                        want,
                        "len {len} modulus {modulus} shift {shift}"
                    );
                    let mut items: Vec<(u64, usize)> = keys.iter().copied().zip(0..).collect();
                    items.reverse();
                    let mut stable = items.clone();
                    stable.sort_by_key(|x| x.0);
                    sort_by_key(&mut items, |x| x.0);
                    assert_eq!(items, stable, "stable: len {len} modulus {modulus}");
                }
            }
        }
        let extremes = vec![u64::MAX, 0, u64::MAX, 1];
        assert_eq!(order_of(extremes), [1, 3, 0, 2]);
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
