//! The answers of the last few queries, for a sharded archive: the same query again (a
//! character deleted and typed back, the back button, a link followed twice) is answered in the
//! frame of the keystroke, from what the worker sent the first time, instead of a round trip
//! to the worker.
//!
//! A handful of entries in a `VecDeque`, bounded by count and by total weight (articles held):
//! a crate such as `lru` brings a hash map and unsafe linked lists for what eight entries do
//! not need. `get` and `put` are linear in the entries (at most [`Recent::new`]'s count). The
//! search worker keeps decoded postings lists the same way (a few hundred keys).

use std::collections::VecDeque;

/// Recently answered queries, least recently used first.
#[derive(Debug)]
pub struct Recent<V, K = String> {
    items: VecDeque<(K, V, usize)>,
    weight: usize,
    max_items: usize,
    max_weight: usize,
}

impl<V, K: PartialEq> Recent<V, K> {
    /// At most `max_items` entries weighing `max_weight` in all.
    pub fn new(max_items: usize, max_weight: usize) -> Self {
        Recent {
            items: VecDeque::new(),
            weight: 0,
            max_items,
            max_weight,
        }
    }

    /// The answer to `key`, now the most recently used.
    pub fn get<Q>(&mut self, key: &Q) -> Option<&V>
    where
        K: std::borrow::Borrow<Q>,
        Q: PartialEq + ?Sized,
    {
        let i = self.items.iter().position(|(k, _, _)| k.borrow() == key)?;
        let item = self.items.remove(i)?;
        self.items.push_back(item);
        self.items.back().map(|(_, v, _)| v)
    }

    /// Keeps `value` as the answer to `key` (replacing an older one), dropping the least
    /// recently used entries past the bounds. An entry heavier than the whole budget is not
    /// kept.
    pub fn put(&mut self, key: K, value: V, weight: usize) {
        if let Some(i) = self.items.iter().position(|(k, _, _)| *k == key) {
            if let Some((_, _, w)) = self.items.remove(i) {
                self.weight -= w;
            }
        }
        if weight > self.max_weight || self.max_items == 0 {
            return;
        }
        self.items.push_back((key, value, weight));
        self.weight += weight;
        while self.items.len() > self.max_items || self.weight > self.max_weight {
            match self.items.pop_front() {
                Some((_, _, w)) => self.weight -= w,
                None => break,
            }
        }
    }

    /// The entries with their weights, the most recently used first (without touching their
    /// order).
    pub fn iter(&self) -> impl Iterator<Item = (&K, &V, usize)> {
        self.items.iter().rev().map(|(k, v, w)| (k, v, *w))
    }

    /// How many entries are kept.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether nothing is kept.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::Recent;

    #[test]
    fn keeps_the_most_recently_used_within_both_bounds() {
        let mut r: Recent<i32> = Recent::new(3, 100);
        r.put("a".into(), 1, 10);
        r.put("b".into(), 2, 10);
        r.put("c".into(), 3, 10);
        assert_eq!(r.get("a"), Some(&1), "a is now the newest");
        r.put("d".into(), 4, 10);
        assert_eq!(r.get("b"), None, "b was the least recently used");
        for (k, v) in [("a", 1), ("c", 3), ("d", 4)] {
            assert_eq!(r.get(k), Some(&v), "{k}");
        }
        // Weight: 85 more pushes out the two least recently used (a, c), not d.
        r.put("e".into(), 5, 85);
        assert_eq!(r.len(), 2);
        assert_eq!(r.get("d"), Some(&4));
        assert_eq!(r.get("e"), Some(&5));
        assert_eq!(r.get("a"), None);
        assert_eq!(r.get("c"), None);
    }

    #[test]
    fn a_new_answer_replaces_the_old_and_a_heavy_one_is_not_kept() {
        let mut r: Recent<&str> = Recent::new(4, 100);
        r.put("q".into(), "old", 60);
        r.put("q".into(), "new", 60);
        assert_eq!(r.len(), 1);
        assert_eq!(r.get("q"), Some(&"new"));
        r.put("q".into(), "huge", 101);
        assert!(
            r.is_empty(),
            "too heavy: dropped, and the older answer with it"
        );
        let mut none: Recent<u8> = Recent::new(0, 100);
        none.put("x".into(), 1, 1);
        assert!(none.is_empty());
    }

    #[test]
    fn any_key_that_compares() {
        let mut r: Recent<Vec<u32>, u64> = Recent::new(2, 10);
        r.put(7, vec![1, 2], 2);
        r.put(9, vec![3], 1);
        r.put(11, vec![4; 8], 8);
        assert_eq!(r.get(&7), None, "over the count: the oldest went");
        assert_eq!(r.get(&11), Some(&vec![4; 8]));
    }
}
