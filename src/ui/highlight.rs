//! Text with highlighted ranges: the one place where ranges become `<mark>` nodes.
//! Text is always rendered as text nodes, never as HTML.

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
}

/// Renders text with `<mark>`s.
#[component]
pub fn Highlighted(p: &HighlightedProps) -> Html {
    let text = p.text.as_str();
    let mut out: Vec<Html> = Vec::new();
    let mut at = 0;
    for (i, &(s, e)) in p.ranges.iter().enumerate() {
        // Defensive: skip ranges that are out of order or not on char boundaries.
        if s < at
            || e <= s
            || !text.is_char_boundary(s)
            || !text.is_char_boundary(e)
            || e > text.len()
        {
            continue;
        }
        out.push(html! { {&text[at..s]} });
        let n = p.first.map(|f| f + i);
        let current = n.is_some() && n == p.current;
        let class = classes!(current.then_some("current"));
        let data_hit = n.map(|n| n.to_string());
        let aria_current = current.then_some("true");
        out.push(html! { <mark {class} data-hit={data_hit} aria-current={aria_current}>{&text[s..e]}</mark> });
        at = e;
    }
    out.push(html! { {&text[at.min(text.len())..]} });
    html! { <>{for out}</> }
}
