//! The Yew app: a thin shell over [`crate::search`] and [`crate::view`].
//!
//! State lives in one reducer ([`state::AppState`]); results are derived with `use_memo`
//! ([`derive`]); the view state is mirrored in the URL hash so that a link restores exactly what
//! was on screen. [`explorer::Explorer`] wires the panes together; [`hooks`] holds its effects
//! (URL hash, settings, keyboard).
//!
//! `Explorer` is the one component of the explorer (it holds the state and the hooks, including
//! the facet pane's state and the reader's and result list's effects); every pane and part is a
//! view function taking a props struct: a Yew component costs about 0.5 kB of brotli-compressed
//! wasm. Elements are built with [`dom::E`], not the `html!` macro (whose inline expansion costs
//! far more wasm per element). The first load has a budget of 150,000 bytes brotli
//! (`scripts/sizes.mjs --budget`, run by `scripts/test.sh`).

pub mod browse;
pub mod browser;
pub mod derive;
pub mod dom;
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
pub mod shard_worker;
#[cfg(sharded)]
pub mod sharded;
pub mod state;

use std::rc::Rc;
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
    #[cfg(sharded)]
    return html! { <sharded::ShardedApp /> };
    #[allow(unreachable_code)]
    match index() {
        Ok(ix) => {
            html! { <explorer::Explorer index={IndexRef::Static(ix)} on_query={None::<explorer::OnQuery>} /> }
        }
        // Before the settings are read: both languages.
        Err(e) => dom::E::new("main")
            .class("load-error")
            .attr("role", "alert")
            .el(dom::E::new("h1").text([ZH.load_error, " · ", EN.load_error].concat()))
            .el(dom::E::new("pre").text(e))
            .html(),
    }
}

/// The index the views read, compared by address: the embedded archive's (built once, for the
/// life of the page), or in a sharded archive the one built for the current query's articles.
#[derive(Clone)]
pub enum IndexRef {
    /// The embedded archive.
    Static(&'static Index),
    /// A sharded archive's current articles.
    Shared(Rc<Index>),
}

impl std::ops::Deref for IndexRef {
    type Target = Index;
    fn deref(&self) -> &Index {
        match self {
            IndexRef::Static(i) => i,
            IndexRef::Shared(r) => r,
        }
    }
}

impl PartialEq for IndexRef {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq::<Index>(&**self, &**other)
    }
}

impl IndexRef {
    /// The embedded archive's index (browsing by edition needs the whole archive).
    pub fn as_static(&self) -> Option<&'static Index> {
        match self {
            IndexRef::Static(i) => Some(i),
            IndexRef::Shared(_) => None,
        }
    }
}
