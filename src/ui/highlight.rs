//! Text with highlighted ranges: the one place where ranges become `<mark>` nodes (search
//! matches) and underlined spans (names). Text is always rendered as text nodes, never as HTML.

use yew::prelude::*;

/// Props for [`Highlighted`].
#[derive(Properties, PartialEq, Clone)]
pub struct HighlightedProps {
    /// The text.
    pub text: AttrValue,
    /// Byte ranges to mark (sorted, disjoint, on char boundaries).
    #[prop_or_default]
    pub ranges: Vec<(usize, usize)>,
    /// Number of the first mark (for `data-hit`), when marks are numbered across a document.
    #[prop_or_default]
    pub first: Option<usize>,
    /// The current mark's number.
    #[prop_or_default]
    pub current: Option<usize>,
    /// Names to underline: byte range, CSS class (`ent-person`…) and the entity's name.
    #[prop_or_default]
    pub under: Vec<(usize, usize, &'static str, AttrValue)>,
}

fn valid(text: &str, s: usize, e: usize) -> bool {
    s < e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)
}

/// Renders text with `<mark>`s and name underlines.
#[component]
pub fn Highlighted(p: &HighlightedProps) -> Html {
    let text = p.text.as_str();
    // Marks: keep only sound, ordered, disjoint ranges, with their numbers.
    let mut marks: Vec<(usize, usize, usize)> = Vec::new();
    for (i, &(s, e)) in p.ranges.iter().enumerate() {
        if valid(text, s, e) && marks.last().is_none_or(|l| l.1 <= s) {
            marks.push((s, e, i));
        }
    }
    let mut unders: Vec<&(usize, usize, &'static str, AttrValue)> = Vec::new();
    for u in &p.under {
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
        let piece = &text[s..e];
        let mut node = html! { {piece} };
        if let Some(m) = marks.iter().find(|m| m.0 <= s && e <= m.1) {
            let n = p.first.map(|f| f + m.2);
            let current = n.is_some() && n == p.current;
            let class = classes!(current.then_some("current"));
            let data_hit = n.map(|n| n.to_string());
            let aria_current = current.then_some("true");
            node = html! { <mark {class} data-hit={data_hit} aria-current={aria_current}>{node}</mark> };
        }
        if let Some(u) = unders.iter().find(|u| u.0 <= s && e <= u.1) {
            node = html! { <span class={classes!("ent", u.2)} data-entity={u.3.clone()} data-testid="entity-mention">{node}</span> };
        }
        out.push(node);
    }
    html! { <>{for out}</> }
}

/// A [`Highlighted`] (one place that builds its props).
#[inline(never)]
pub fn hl(
    text: AttrValue,
    ranges: Vec<(usize, usize)>,
    first: Option<usize>,
    current: Option<usize>,
    under: Vec<(usize, usize, &'static str, AttrValue)>,
) -> Html {
    html! { <Highlighted {text} {ranges} {first} {current} {under} /> }
}
