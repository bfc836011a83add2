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
//! budget of 150 kB (`scripts/sizes.mjs --budget`, run by `scripts/test.sh`).

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
#[cfg(sharded)]
pub mod sharded;
pub mod state;

use std::rc::Rc;

use yew::prelude::*;

use crate::search::Index;
use crate::view::i18n::{EN, ZH};
pub use derive::Derived;

/// The embedded archive, decoded and indexed.
pub fn index() -> Result<Index, String> {
    crate::data::load()
        .map(|e| Index::new(e.archive, &e.tables))
        .map_err(|e| e.to_string())
}

/// The app.
#[component]
pub fn App() -> Html {
    #[cfg(sharded)]
    return html! { <sharded::ShardedApp /> };
    #[allow(unreachable_code)]
    let ix = use_memo((), |_| index().map(Rc::new));
    match &*ix {
        Ok(ix) => {
            html! { <explorer::Explorer index={IndexRef(ix.clone())} on_query={None::<Callback<String>>} /> }
        }
        // Before the settings are read: both languages.
        Err(e) => html! {
            <main class="load-error" role="alert">
                <h1>{format!("{} · {}", ZH.load_error, EN.load_error)}</h1>
                <pre>{e}</pre>
            </main>
        },
    }
}

/// A shared index, compared by address: the embedded archive's, or (sharded) the one built for
/// the current query's articles.
#[derive(Clone)]
pub struct IndexRef(pub Rc<Index>);

impl PartialEq for IndexRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
