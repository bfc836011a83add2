//! Export of the listed results as CSV, JSON or Markdown (a download).

use yew::prelude::*;

use crate::ui::{browser, Derived, IndexRef};
use crate::view::export;
use crate::view::i18n::Lang;

/// What [`export_buttons`] shows.
pub struct ExportButtonsProps {
    /// The index.
    pub index: IndexRef,
    /// Derived results.
    pub derived: std::rc::Rc<Derived>,
    /// The query (the Markdown heading).
    pub query: String,
    /// Language.
    pub lang: Lang,
}

/// The export group.
pub fn export_buttons(p: &ExportButtonsProps) -> Html {
    let t = p.lang.t();
    let ix = p.index.0;
    let rows = {
        let d = p.derived.clone();
        move || {
            let items: Vec<(usize, usize, String)> = d
                .docs
                .iter()
                .map(|doc| {
                    let h = d.hits.iter().find(|h| h.doc == *doc);
                    let snip = h
                        .and_then(|h| h.snippets.first())
                        .map(|s| s.text.clone())
                        .unwrap_or_default();
                    (*doc, h.map(|h| h.count).unwrap_or(0), snip)
                })
                .collect();
            export::rows(ix.archive(), &items)
        }
    };
    let csv = {
        let rows = rows.clone();
        Callback::from(move |_| {
            let text = export::csv(&rows());
            browser::download("archive-results.csv", "text/csv;charset=utf-8", &text)
        })
    };
    let json = {
        let rows = rows.clone();
        Callback::from(move |_| {
            let text = export::json(&rows());
            browser::download("archive-results.json", "application/json", &text);
        })
    };
    let md = {
        let q = p.query.clone();
        Callback::from(move |_| {
            let text = export::markdown(&q, &rows());
            browser::download("archive-results.md", "text/markdown;charset=utf-8", &text)
        })
    };
    html! {
        <span class="export" role="group" aria-label={t.export}>
            <span class="export-label">{t.export}</span>
            <button type="button" data-testid="export-csv" onclick={csv}>{"CSV"}</button>
            <button type="button" data-testid="export-json" onclick={json}>{"JSON"}</button>
            <button type="button" data-testid="export-md" onclick={md}>{"Markdown"}</button>
        </span>
    }
}
