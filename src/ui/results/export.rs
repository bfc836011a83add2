//! Export of the listed results as CSV, JSON or Markdown (a download).

use yew::prelude::*;

use crate::ui::dom::{button, click, E};
use crate::ui::{browser, Derived, IndexRef};
use crate::view::export;
use crate::view::i18n::Lang;
use crate::view::results::export_file_name;
use crate::view::route::ViewState;

/// What [`export_buttons`] shows.
pub struct ExportButtonsProps {
    /// The index.
    pub index: IndexRef,
    /// Derived results.
    pub derived: std::rc::Rc<Derived>,
    /// The view (query and filters, in the files and their names).
    pub view: ViewState,
    /// Language.
    pub lang: Lang,
}

/// The export group.
pub fn export_buttons(p: &ExportButtonsProps) -> Html {
    let t = p.lang.t();
    let ix = p.index.clone();
    let rows = {
        let d = p.derived.clone();
        let v = p.view.clone();
        move || {
            // The rows listed with their first snippet; the rest with their count only.
            let items: Vec<(usize, usize, String)> = d
                .docs
                .iter()
                .enumerate()
                .map(|(i, doc)| match d.hit(&ix, i) {
                    Some(h) => (
                        *doc,
                        h.count,
                        h.snippets
                            .first()
                            .map(|s| s.text.clone())
                            .unwrap_or_default(),
                    ),
                    None => (*doc, ix.hit_count(&d.results, *doc), String::new()),
                })
                .collect();
            export::export(ix.archive(), &browser::base_url(), &v, &items)
        }
    };
    let csv = {
        let rows = rows.clone();
        Callback::from(move |_| {
            let e = rows();
            let text = export::csv(&e);
            browser::download(
                &export_file_name(&e.query, "csv"),
                "text/csv;charset=utf-8",
                &text,
            )
        })
    };
    let json = {
        let rows = rows.clone();
        Callback::from(move |_| {
            let e = rows();
            let value = serde_wasm_bindgen::to_value(&e).unwrap_or(wasm_bindgen::JsValue::NULL);
            let text = js_sys::JSON::stringify_with_replacer_and_space(
                &value,
                &wasm_bindgen::JsValue::NULL,
                &wasm_bindgen::JsValue::from(2),
            )
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_else(|| "[]".into());
            browser::download(
                &export_file_name(&e.query, "json"),
                "application/json",
                &text,
            );
        })
    };
    let md = {
        Callback::from(move |_| {
            let e = rows();
            let text = export::markdown(&e);
            browser::download(
                &export_file_name(&e.query, "md"),
                "text/markdown;charset=utf-8",
                &text,
            )
        })
    };
    // Nothing to export when nothing matched.
    let none = p.derived.docs.is_empty();
    let b = |id: &'static str, cb: Callback<MouseEvent>, text: &'static str| {
        button(id).on(click(cb)).flag("disabled", none).text(text)
    };
    E::new("span")
        .class("export")
        .attr("role", "group")
        .attr("aria-label", t.export)
        .el(E::new("span").class("export-label").text(t.export))
        .el(b("export-csv", csv, "CSV"))
        .el(b("export-json", json, "JSON"))
        .el(b("export-md", md, "Markdown"))
        .html()
}
