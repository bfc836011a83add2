//! Text with highlighted ranges: the one place where ranges become `<mark>` nodes (search
//! matches) and underlined spans (names). Text is always rendered as text nodes, never as HTML.

use yew::prelude::*;

use super::dom::{tx, E};

/// A name to underline: byte range, CSS class (`ent-person`…) and the entity's name.
pub type Under = (usize, usize, &'static str, AttrValue);

fn valid(text: &str, s: usize, e: usize) -> bool {
    s < e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)
}

/// `text` with `<mark>`s over `ranges` (byte ranges: sorted, disjoint, on char boundaries; the
/// first numbered `first` for `data-hit` when marks are numbered across a document, the one
/// numbered `current` marked current) and name underlines. A view function, not a component:
/// it is cheap to redo and a component costs wasm.
#[inline(never)]
pub fn hl(
    text: AttrValue,
    ranges: Vec<(usize, usize)>,
    first: Option<usize>,
    current: Option<usize>,
    under: Vec<Under>,
) -> Html {
    let text = text.as_str();
    // Marks: keep only sound, ordered, disjoint ranges, with their numbers.
    let mut marks: Vec<(usize, usize, usize)> = Vec::new();
    for (i, &(s, e)) in ranges.iter().enumerate() {
        if valid(text, s, e) && marks.last().is_none_or(|l| l.1 <= s) {
            marks.push((s, e, i));
        }
    }
    let mut unders: Vec<&Under> = Vec::new();
    for u in &under {
        if valid(text, u.0, u.1) && unders.last().is_none_or(|l| l.1 <= u.0) {
            unders.push(u);
        }
    }
    // Cut the text at every boundary; each piece is plain, marked and/or underlined.
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for m in &marks {
        cuts.extend([m.0, m.1]);
    }
    for u in &unders {
        cuts.extend([u.0, u.1]);
    }
    crate::view::sort_by_key(&mut cuts, |c| *c as u64);
    cuts.dedup();
    let mut out: Vec<Html> = Vec::new();
    for w in cuts.windows(2) {
        let (s, e) = (w[0], w[1]);
        let mut node = tx(text[s..e].to_string().into());
        if let Some(m) = marks.iter().find(|m| m.0 <= s && e <= m.1) {
            let n = first.map(|f| f + m.2);
            let is_current = n.is_some() && n == current;
            node = E::new("mark")
                .opt("class", is_current.then_some("current".into()))
                .opt("data-hit", n.map(|n| n.to_string().into()))
                .opt("aria-current", is_current.then_some("true".into()))
                .kid(node)
                .html();
        }
        if let Some(u) = unders.iter().find(|u| u.0 <= s && e <= u.1) {
            node = E::new("span")
                .attr("class", ["ent ", u.2].concat())
                .attr("data-entity", u.3.clone())
                .id("entity-mention")
                .kid(node)
                .html();
        }
        out.push(node);
    }
    Html::from_iter(out)
}
