//! The Yew app: a thin shell over [`crate::search`] and [`crate::view`].
//!
//! State lives in one reducer ([`state::AppState`]); results are derived with `use_memo`
//! ([`derive`]); the view state is mirrored in the URL hash so that a link restores exactly what
//! was on screen. [`explorer::Explorer`] wires the panes together; [`hooks`] holds its effects
//! (URL hash, settings, keyboard).
//!
//! Components are kept for parts with state or memoised props (`Explorer`, `FacetPane`,
//! `ResultList`, `Reader`, `NamesIndex`, `Highlighted`); the stateless parts (header, settings,
//! result item, timeline, reader toolbar, text and citations) are view functions taking a props
//! struct: a Yew component costs about 0.5 kB of brotli-compressed wasm, and the first load has a
//! budget of 163.3 kB (`scripts/sizes.mjs --budget`, run by `scripts/test.sh`).

pub mod browse;
pub mod browser;
pub mod derive;
pub mod explorer;
pub mod facets;
pub mod header;
pub mod highlight;
pub mod hooks;
pub mod names;
pub mod reader;
pub mod results;
pub mod settings;
pub mod state;

use std::sync::OnceLock;

use yew::prelude::*;

use crate::search::Index;
use crate::view::i18n::{EN, ZH};
pub use derive::Derived;

static INDEX: OnceLock<Result<Index, String>> = OnceLock::new();

/// The embedded archive, decoded and indexed once.
pub fn index() -> Result<&'static Index, &'static str> {
    INDEX
        .get_or_init(|| {
            crate::data::load()
                .map(|e| Index::new(e.archive, &e.tables))
                .map_err(|e| e.to_string())
        })
        .as_ref()
        .map_err(|e| e.as_str())
}

/// The app.
#[component]
pub fn App() -> Html {
    match index() {
        Ok(ix) => html! { <explorer::Explorer index={IndexRef(ix)} /> },
        // Before the settings are read: both languages.
        Err(e) => html! {
            <main class="load-error" role="alert">
                <h1>{format!("{} · {}", ZH.load_error, EN.load_error)}</h1>
                <pre>{e}</pre>
            </main>
        },
    }
}

/// A reference to the one index, compared by address.
#[derive(Clone, Copy)]
pub struct IndexRef(pub &'static Index);

impl PartialEq for IndexRef {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}
