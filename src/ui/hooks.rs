//! The explorer's effects as hooks: the URL hash both ways, settings to the document and
//! storage, the service worker's update signal, and keyboard shortcuts.

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::browser;
use super::state::{Action, AppState, Theme, FONT_STEPS};
use crate::view::i18n::Lang;
use crate::view::route::ViewState;

/// Mirrors the view in the URL hash, and follows the hash (back/forward, pasted links).
#[hook]
pub fn use_hash_sync(state: &UseReducerHandle<AppState>) {
    let dispatch = state.dispatcher();
    use_effect_with((), move |_| {
        let listener = EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
            dispatch.dispatch(Action::FromHash(ViewState::from_hash(&browser::hash())));
        });
        // A reload or a closed tab keeps the address last shown (a replace may be pending).
        let hide = EventListener::new(&gloo::utils::window(), "pagehide", |_| {
            browser::flush_hash()
        });
        move || drop((listener, hide))
    });
    let push = state.push;
    use_effect_with(state.view.clone(), move |v| {
        browser::set_hash(&v.to_hash(), push);
    });
}

/// Applies theme, language and font size to `<html>` and remembers them.
#[hook]
pub fn use_settings(theme: Theme, lang: Lang, font: usize) {
    use_effect_with((theme, lang, font), |(theme, lang, font)| {
        browser::set_root_attr("data-theme", (*theme != Theme::Auto).then_some(theme.key()));
        browser::set_root_attr("lang", Some(lang.code()));
        let pct = FONT_STEPS[(*font).min(FONT_STEPS.len() - 1)].to_string();
        browser::set_root_attr("data-font", Some(&pct));
        if let Some(root) = gloo::utils::document().document_element() {
            if let Ok(el) = root.dyn_into::<web_sys::HtmlElement>() {
                let _ = el
                    .style()
                    .set_property("font-size", &[pct.as_str(), "%"].concat());
            }
        }
        browser::save_setting("theme", theme.key());
        browser::save_setting("lang", lang.key());
        browser::save_setting("font", &font.to_string());
    });
}

/// Whether the service worker has a new version ready (see `assets/pwa.js`).
#[hook]
pub fn use_update_ready() -> bool {
    let ready = use_state(|| {
        js_sys::Reflect::get(&gloo::utils::window(), &"__archiveUpdateReady".into())
            .map(|v| v.is_truthy())
            .unwrap_or(false)
    });
    {
        let ready = ready.clone();
        use_effect_with((), move |_| {
            let listener =
                EventListener::new(&gloo::utils::window(), "archive-update-ready", move |_| {
                    ready.set(true)
                });
            move || drop(listener)
        });
    }
    *ready
}

/// What the keyboard shortcuts need to know about the current render.
#[derive(Clone, Default)]
pub struct KeyContext {
    /// Ids of the listed articles.
    pub ids: Vec<String>,
    /// The keyboard cursor.
    pub selected: Option<usize>,
    /// Hits in the open article.
    pub total: usize,
    /// The current hit.
    pub hit: usize,
    /// Whether an article is open.
    pub reading: bool,
    /// Whether the syntax help is open.
    pub help: bool,
    /// Whether the settings menu is open.
    pub menu: bool,
    /// Whether the filter drawer is open.
    pub drawer: bool,
    /// Where the list's scroll position is kept while reading.
    pub list_scroll: std::rc::Rc<std::cell::RefCell<f64>>,
}

/// Moves the keyboard cursor by `delta` rows, and notes where it went in `c`: keys pressed
/// faster than the app renders (a held key's repeats) each move on from the last one, not
/// from where the last render left the cursor.
fn move_selection(dispatch: &UseReducerDispatcher<AppState>, c: &mut KeyContext, delta: i64) {
    if c.ids.is_empty() {
        return;
    }
    let n = c.ids.len() as i64;
    let cur = c
        .selected
        .map(|s| s as i64)
        .unwrap_or(if delta > 0 { -1 } else { n });
    let next = (cur + delta).clamp(0, n - 1) as usize;
    // Focused after the render that brings it into the list's window.
    super::results::window::focus_row(next);
    c.selected = Some(next);
    dispatch.dispatch(Action::Select(Some(next)));
}

fn on_key(
    dispatch: &UseReducerDispatcher<AppState>,
    c: &mut KeyContext,
    e: &web_sys::KeyboardEvent,
) {
    if e.ctrl_key() || e.meta_key() || e.alt_key() {
        return;
    }
    let in_field = browser::typing_in_field();
    match e.key().as_str() {
        "/" if !in_field => {
            e.prevent_default();
            browser::focus("[data-testid=search]");
        }
        // One layer at a time: help, menu, drawer, the search box's text, the reader.
        "Escape" => {
            if c.help {
                dispatch.dispatch(Action::Help(false));
            } else if c.menu {
                dispatch.dispatch(Action::Menu(false));
                browser::focus("[data-testid=settings-toggle]");
            } else if c.drawer {
                dispatch.dispatch(Action::Drawer(false));
                browser::focus("[data-testid=filters-toggle]");
            } else if in_field && browser::field_has_text() {
                dispatch.dispatch(Action::Query(String::new()));
            } else if c.reading {
                dispatch.dispatch(Action::Close);
            }
        }
        "ArrowDown" => {
            e.prevent_default();
            move_selection(dispatch, &mut *c, 1);
        }
        "ArrowUp" => {
            e.prevent_default();
            move_selection(dispatch, &mut *c, -1);
        }
        "j" if !in_field => move_selection(dispatch, &mut *c, 1),
        "k" if !in_field => move_selection(dispatch, &mut *c, -1),
        "Enter" if in_field => {
            if let Some(id) = c.selected.and_then(|s| c.ids.get(s)).or(c.ids.first()) {
                if !c.reading {
                    *c.list_scroll.borrow_mut() = browser::scroll_y();
                }
                dispatch.dispatch(Action::Open(id.clone()));
            }
        }
        // Noted in `c` as the cursor is: keys faster than the app renders each move on.
        "n" if !in_field && c.total > 0 => {
            c.hit = (c.hit + 1) % c.total;
            dispatch.dispatch(Action::Hit(c.hit));
        }
        "N" if !in_field && c.total > 0 => {
            c.hit = (c.hit + c.total - 1) % c.total;
            dispatch.dispatch(Action::Hit(c.hit));
        }
        "?" if !in_field => dispatch.dispatch(Action::Help(true)),
        _ => {}
    }
}

/// Keyboard shortcuts: one `keydown` listener for the app's life, reading the latest
/// [`KeyContext`] through a ref.
#[hook]
pub fn use_keyboard(dispatch: UseReducerDispatcher<AppState>, context: KeyContext) {
    let ctx = use_mut_ref(KeyContext::default);
    *ctx.borrow_mut() = context;
    use_effect_with((), move |_| {
        // Not passive: shortcuts must be able to prevent the key's default action.
        let opts = EventListenerOptions::enable_prevent_default();
        let listener =
            EventListener::new_with_options(&gloo::utils::document(), "keydown", opts, move |e| {
                if let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() {
                    // A copy: the dispatch may render, which writes the context.
                    let mut c = ctx.borrow().clone();
                    let before = (c.selected, c.hit);
                    on_key(&dispatch, &mut c, e);
                    if (c.selected, c.hit) != before {
                        let mut now = ctx.borrow_mut();
                        (now.selected, now.hit) = (c.selected, c.hit);
                    }
                }
            });
        move || drop(listener)
    });
}
