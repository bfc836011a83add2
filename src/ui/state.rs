//! The app's state in one reducer: the shareable [`ViewState`] plus local settings.

use std::rc::Rc;

use yew::prelude::*;

use crate::archive::Kind;
use crate::view::i18n::Lang;
use crate::view::route::{Sort, ViewState};

/// Colour theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Follow the system.
    #[default]
    Auto,
    /// Light.
    Light,
    /// Dark.
    Dark,
}

impl Theme {
    /// Storage key.
    pub fn key(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// Parses a stored key; anything unknown is `Auto`.
    pub fn from_key(s: &str) -> Theme {
        match s {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::Auto,
        }
    }
}

/// Results shown per page of the list.
pub const PAGE: usize = 50;
/// Font size steps (percent).
pub const FONT_STEPS: [u16; 5] = [90, 100, 112, 125, 140];

/// Everything the app remembers.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AppState {
    /// What a link restores.
    pub view: ViewState,
    /// Whether the last view change should make a history entry.
    pub push: bool,
    /// Keyboard cursor in the results list.
    pub selected: Option<usize>,
    /// Syntax help open.
    pub help: bool,
    /// Theme.
    pub theme: Theme,
    /// Interface language.
    pub lang: Lang,
    /// Index into [`FONT_STEPS`].
    pub font: usize,
    /// Results shown (a multiple of [`PAGE`]).
    pub shown: usize,
    /// A short message (e.g. "copied").
    pub toast: Option<String>,
    /// The filter drawer is open (phone).
    pub drawer: bool,
    /// The settings menu is open (phone).
    pub menu: bool,
    /// The copy-link button's outcome: copied, or the link to copy by hand.
    pub shared: Option<Result<(), String>>,
}

/// What can happen.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The search box changed.
    Query(String),
    /// The URL hash changed (load, back/forward, a link).
    FromHash(ViewState),
    /// Toggle a kind in the facet.
    ToggleKind(Kind),
    /// Toggle an author in the facet.
    ToggleAuthor(String),
    /// Toggle an entity in the facet.
    ToggleEntity(String),
    /// Show or hide the index of names.
    Names(bool),
    /// Underline names in the reader.
    ToggleUnderline,
    /// Set the date facet.
    Dates(Option<String>, Option<String>),
    /// Set one end of the date range (`true`: the start), keeping the other as the state has it,
    /// not as an older render saw it.
    DateEnd(bool, Option<String>),
    /// Clear every facet.
    ClearFacets,
    /// Open an article.
    Open(String),
    /// Close the reader.
    Close,
    /// Go to a hit in the reader.
    Hit(usize),
    /// Toggle the original layout.
    ToggleRaw,
    /// Result order.
    Sort(Sort),
    /// Move the keyboard cursor.
    Select(Option<usize>),
    /// Show or hide the syntax help.
    Help(bool),
    /// Theme.
    Theme(Theme),
    /// Language.
    Lang(Lang),
    /// Font size step.
    Font(usize),
    /// Show more results.
    More,
    /// Show or clear a message.
    Toast(Option<String>),
    /// Add a name to the entity facet (a click on an underlined name).
    AddEntity(String),
    /// Open or close the filter drawer.
    Drawer(bool),
    /// Open or close the settings menu.
    Menu(bool),
    /// The outcome of copying the view's link.
    Shared(Option<Result<(), String>>),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        let mut view_push = true;
        match action {
            Action::Query(q) => {
                if !q.is_empty() {
                    s.view.browse = None; // typing searches: back to the results
                }
                s.view.query = q;
                s.view.query_cut = None;
                s.view.hit = 0;
                s.selected = None;
                s.shown = PAGE;
                view_push = false;
            }
            Action::FromHash(v) => {
                if v == s.view {
                    return self;
                }
                s.view = v;
                s.shown = PAGE;
                view_push = false;
            }
            Action::ToggleKind(k) => {
                if let Some(p) = s.view.kinds.iter().position(|x| *x == k) {
                    s.view.kinds.remove(p);
                } else {
                    s.view.kinds.push(k);
                }
                s.shown = PAGE;
            }
            Action::ToggleAuthor(a) => {
                if let Some(p) = s.view.authors.iter().position(|x| *x == a) {
                    s.view.authors.remove(p);
                } else {
                    s.view.authors.push(a);
                }
                s.shown = PAGE;
            }
            Action::ToggleEntity(n) => {
                if let Some(p) = s.view.ents.iter().position(|x| *x == n) {
                    s.view.ents.remove(p);
                } else {
                    s.view.ents.push(n);
                }
                s.shown = PAGE;
            }
            Action::Names(on) => s.view.names = on,
            Action::ToggleUnderline => s.view.underline = !s.view.underline,
            Action::Dates(f, t) => {
                s.view.from = f;
                s.view.to = t;
                s.shown = PAGE;
            }
            Action::DateEnd(is_from, d) => {
                *if is_from {
                    &mut s.view.from
                } else {
                    &mut s.view.to
                } = d;
                s.shown = PAGE;
            }
            Action::ClearFacets => {
                s.view.kinds.clear();
                s.view.authors.clear();
                s.view.ents.clear();
                s.view.from = None;
                s.view.to = None;
            }
            Action::Open(id) => {
                if s.view.article.as_deref() != Some(id.as_str()) {
                    s.view.article = Some(id);
                    s.view.hit = 0;
                }
            }
            Action::Close => {
                s.view.article = None;
                s.view.hit = 0;
                s.view.raw = false;
            }
            Action::Hit(h) => {
                s.view.hit = h;
                view_push = false;
            }
            Action::ToggleRaw => s.view.raw = !s.view.raw,
            Action::Sort(o) => s.view.sort = o,
            Action::Select(i) => {
                s.selected = i;
                return Rc::new(AppState { push: false, ..s });
            }
            Action::Help(h) => s.help = h,
            Action::Theme(t) => s.theme = t,
            Action::Lang(l) => s.lang = l,
            Action::Font(f) => s.font = f.min(FONT_STEPS.len() - 1),
            Action::More => s.shown += PAGE,
            Action::Toast(t) => s.toast = t,
            Action::AddEntity(n) => {
                if !s.view.ents.contains(&n) {
                    s.view.ents.push(n);
                    s.shown = PAGE;
                }
            }
            Action::Drawer(d) => s.drawer = d,
            Action::Menu(m) => s.menu = m,
            Action::Shared(r) => {
                s.shared = r;
                return Rc::new(AppState { push: false, ..s });
            }
        }
        if s.view != self.view {
            s.shared = None;
        }
        s.push = view_push && s.view != self.view;
        Rc::new(s)
    }
}
