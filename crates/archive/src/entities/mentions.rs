//! Mentions: every name and alias found in one left-to-right pass over a text, with a hash lookup
//! only for the name lengths that start with each character (linear in the text).

use std::collections::HashMap;

use super::EntityKind;

/// A dictionary of every name and alias: form → target index, searched at each character for
/// each length up to the longest form (linear in the text).
pub struct Forms<'a> {
    map: HashMap<&'a str, usize>,
    max_chars: usize,
    /// First character → bit set of the lengths (in characters) of the forms starting with it.
    lengths: HashMap<char, u64>,
}

impl<'a> Forms<'a> {
    pub fn new(names: impl Iterator<Item = (&'a str, usize)>) -> Forms<'a> {
        let mut map = HashMap::new();
        let mut max_chars = 0;
        let mut lengths: HashMap<char, u64> = HashMap::new();
        for (n, i) in names {
            let len = n.chars().count();
            max_chars = max_chars.max(len);
            if let Some(c) = n.chars().next() {
                *lengths.entry(c).or_insert(0) |= 1u64 << len.min(63);
            }
            map.insert(n, i);
        }
        Forms {
            map,
            max_chars,
            lengths,
        }
    }
}

/// Every match of `forms` (then `local`) in `s`, left to right, longest first at each position:
/// (byte start, byte end, target). Matches of one kind never overlap; a name of another kind may
/// sit inside one (`湖南省` inside `湖南省教育厅`).
pub fn find_all(
    s: &str,
    forms: &Forms,
    local: &HashMap<String, usize>,
    kinds: &[EntityKind],
) -> Vec<(usize, usize, usize)> {
    let bytes: Vec<usize> = s
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(s.len()))
        .collect();
    let n = bytes.len() - 1;
    let max = forms
        .max_chars
        .max(local.keys().map(|k| k.chars().count()).max().unwrap_or(0));
    let mut local_lengths: HashMap<char, u64> = HashMap::new();
    for k in local.keys() {
        if let Some(c) = k.chars().next() {
            *local_lengths.entry(c).or_insert(0) |= 1u64 << k.chars().count().min(63);
        }
    }
    let mut out: Vec<(usize, usize, usize)> = Vec::new();
    for (i, c) in s.chars().enumerate() {
        let lens = forms.lengths.get(&c).copied().unwrap_or(0)
            | local_lengths.get(&c).copied().unwrap_or(0);
        if lens == 0 {
            continue;
        }
        for len in (2..=max.min(n - i)).rev() {
            if lens & (1u64 << len.min(63)) == 0 {
                continue;
            }
            let w = &s[bytes[i]..bytes[i + len]];
            let Some(target) = forms.map.get(w).or_else(|| local.get(w)).copied() else {
                continue;
            };
            let (a, b) = (bytes[i], bytes[i + len]);
            let kind = kinds[target];
            // People never nest; places and organisations may (`中国排球协会` inside
            // `中国排球协会竞赛部`).
            let clash = out.iter().rev().take(8).any(|(ts, te, tt)| {
                a < *te
                    && *ts < b
                    && (!(*ts <= a && b <= *te)
                        || (kinds[*tt] == kind && kind == EntityKind::Person))
            });
            if !clash {
                out.push((a, b, target));
            }
        }
    }
    out
}
