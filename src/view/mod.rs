//! What the interface shows, computed without the browser: the view state and its URL hash,
//! facet counts, citations, exports and interface strings. The Yew `ui` only renders these.

pub mod cite;
pub mod export;
pub mod facets;
pub mod i18n;
pub mod route;

/// Sorts a short list in place (stable insertion sort). The standard library's sorts are
/// monomorphised into several kilobytes of wasm per call site; the lists the interface sorts
/// (facet values, a paragraph's names) are short, so this keeps the download small.
pub fn sort_small<T>(v: &mut [T], mut less: impl FnMut(&T, &T) -> bool) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && less(&v[j], &v[j - 1]) {
            v.swap(j, j - 1);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn sort_small_is_stable() {
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd'), (1, 'e')];
        super::sort_small(&mut v, |a, b| a.0 < b.0);
        assert_eq!(v, [(0, 'd'), (1, 'b'), (1, 'e'), (2, 'a'), (2, 'c')]);
    }
}
