//! The Yew app: a thin shell over [`crate::search`] and [`crate::view`].
//!
//! State lives in one reducer ([`state::AppState`]); results are derived with `use_memo`; the
//! view state is mirrored in the URL hash so that a link restores exactly what was on screen.

pub mod browser;
pub mod facets;
pub mod highlight;
pub mod names;
pub mod reader;
pub mod results;
pub mod state;

use std::rc::Rc;
use std::sync::OnceLock;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::search::engine::{Results, SearchOptions};
use crate::search::{Hit, Index, Query};
use crate::view::facets::{self as facet_calc, Facets};
use crate::view::i18n::Lang;
use crate::view::route::{Sort, ViewState};
use state::{Action, AppState, Theme, FONT_STEPS, PAGE};

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

/// Results of the current query and facets.
#[derive(Clone)]
pub struct Derived {
    /// The parsed query (for hints).
    pub query: Query,
    /// Raw results (all matching articles).
    pub results: Rc<Results>,
    /// Facet counts.
    pub facets: Facets,
    /// Articles to list, in order, after facets.
    pub docs: Vec<usize>,
    /// Details of the first `shown` of `docs`.
    pub hits: Vec<Hit>,
}

impl PartialEq for Derived {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.results, &other.results)
            && self.docs == other.docs
            && self.hits == other.hits
    }
}

fn derive(ix: &Index, v: &ViewState, shown: usize) -> Derived {
    let q = ix.parse(&v.query);
    let opts = SearchOptions {
        limit: 0,
        ..Default::default()
    };
    let results = ix.search(&q, &opts);
    let base: Vec<usize> = results.order.iter().map(|o| o.0).collect();
    let facets = facet_calc::count(ix.archive(), &base, v);
    let mut docs = facet_calc::apply(ix.archive(), &base, v);
    if v.sort == Sort::Date {
        // Oldest first; undated last; ties keep relevance order (the rank breaks ties).
        let days = |d: usize| {
            ix.archive().articles[d]
                .date
                .as_deref()
                .and_then(crate::archive::date::parse_iso_date)
                .map(|(y, m, day)| (y * 400 + m as i32 * 32 + day as i32) as f32)
        };
        let mut keyed: Vec<(usize, f32)> = docs
            .iter()
            .enumerate()
            .map(|(rank, d)| (rank, days(*d).map_or(f32::NEG_INFINITY, |k| -k)))
            .collect();
        crate::search::engine::sort_scored(&mut keyed);
        docs = keyed.iter().map(|(rank, _)| docs[*rank]).collect();
    }
    let opts = SearchOptions::default();
    let hits = docs
        .iter()
        .take(shown)
        .map(|d| ix.hit(&results, *d, &opts))
        .collect();
    Derived {
        query: q,
        results: Rc::new(results),
        facets,
        docs,
        hits,
    }
}

fn initial_state() -> AppState {
    AppState {
        view: ViewState::from_hash(&browser::hash()),
        theme: browser::load_setting("theme")
            .map(|t| Theme::from_key(&t))
            .unwrap_or_default(),
        lang: browser::load_setting("lang")
            .map(|l| Lang::from_key(&l))
            .unwrap_or_default(),
        font: browser::load_setting("font")
            .and_then(|f| f.parse::<usize>().ok())
            .filter(|f| *f < FONT_STEPS.len())
            .unwrap_or(1),
        shown: PAGE,
        ..Default::default()
    }
}

/// The app.
#[component]
pub fn App() -> Html {
    match index() {
        Ok(ix) => html! { <Explorer index={IndexRef(ix)} /> },
        Err(e) => html! {
            <main class="load-error" role="alert">
                <h1>{"档案数据无法加载 · The archive data could not be loaded"}</h1>
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

/// Props for [`Explorer`].
#[derive(Properties, PartialEq)]
pub struct ExplorerProps {
    /// The index.
    pub index: IndexRef,
}

/// The explorer over a loaded index.
#[component]
pub fn Explorer(p: &ExplorerProps) -> Html {
    let ix = p.index.0;
    let state = use_reducer(initial_state);
    let t = state.lang.t();

    // URL hash → state (back/forward, pasted links).
    {
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                dispatch.dispatch(Action::FromHash(ViewState::from_hash(&browser::hash())));
            });
            move || drop(listener)
        });
    }
    // State → URL hash.
    {
        let push = state.push;
        use_effect_with(state.view.clone(), move |v| {
            browser::set_hash(&v.to_hash(), push);
        });
    }
    // Settings → document and storage.
    use_effect_with(
        (state.theme, state.lang, state.font),
        |(theme, lang, font)| {
            browser::set_root_attr("data-theme", (*theme != Theme::Auto).then_some(theme.key()));
            browser::set_root_attr("lang", Some(if *lang == Lang::Zh { "zh-CN" } else { "en" }));
            let pct = format!("{}", FONT_STEPS[(*font).min(FONT_STEPS.len() - 1)]);
            browser::set_root_attr("data-font", Some(&pct));
            if let Some(root) = gloo::utils::document().document_element() {
                if let Ok(el) = root.dyn_into::<web_sys::HtmlElement>() {
                    let _ = el.style().set_property("font-size", &format!("{pct}%"));
                }
            }
            browser::save_setting("theme", theme.key());
            browser::save_setting("lang", lang.key());
            browser::save_setting("font", &font.to_string());
        },
    );

    // A new version from the service worker (see assets/pwa.js).
    let update_ready = use_state(|| {
        js_sys::Reflect::get(&gloo::utils::window(), &"__archiveUpdateReady".into())
            .map(|v| v.is_truthy())
            .unwrap_or(false)
    });
    {
        let update_ready = update_ready.clone();
        use_effect_with((), move |_| {
            let listener =
                EventListener::new(&gloo::utils::window(), "archive-update-ready", move |_| {
                    update_ready.set(true)
                });
            move || drop(listener)
        });
    }
    let accept_update = Callback::from(|_| {
        if let Ok(ev) = web_sys::CustomEvent::new("archive-update-accept") {
            let _ = gloo::utils::window().dispatch_event(&ev);
        }
    });
    let single_file = gloo::utils::document()
        .document_element()
        .is_some_and(|e| e.has_attribute("data-single-file"));

    let derived = {
        let v = state.view.clone();
        // Everything that changes the result list (not the open article or reader options).
        let list_view = ViewState {
            article: None,
            hit: 0,
            raw: false,
            names: false,
            underline: false,
            ..v.clone()
        };
        let key = (list_view, state.shown);
        let shown = state.shown.max(PAGE);
        use_memo(key, move |_| derive(ix, &v, shown))
    };

    // A performance mark after each render of new results (read by tests/browser/bench.mjs).
    use_effect_with(derived.clone(), |_| {
        if let Some(perf) = gloo::utils::window().performance() {
            let _ = perf.mark("archive:results");
        }
    });

    let open_doc = state
        .view
        .article
        .as_ref()
        .and_then(|id| ix.archive().articles.iter().position(|a| &a.id == id));
    let open_hit = open_doc.map(|d| ix.hit(&derived.results, d, &SearchOptions::default()));
    let hit_total = open_hit.as_ref().map(|h| h.count).unwrap_or(0);

    // Keyboard shortcuts. The listener reads the latest values through a ref.
    let ctx = use_mut_ref(|| (Vec::<String>::new(), None::<usize>, 0usize, 0usize, false));
    {
        let ids: Vec<String> = derived
            .docs
            .iter()
            .take(state.shown)
            .map(|d| ix.archive().articles[*d].id.clone())
            .collect();
        *ctx.borrow_mut() = (
            ids,
            state.selected,
            hit_total,
            state.view.hit,
            state.view.article.is_some(),
        );
    }
    {
        let dispatch = state.dispatcher();
        let ctx = ctx.clone();
        use_effect_with((), move |_| {
            // Not passive: shortcuts must be able to prevent the key's default action.
            let opts = EventListenerOptions::enable_prevent_default();
            let listener = EventListener::new_with_options(
                &gloo::utils::document(),
                "keydown",
                opts,
                move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                        return;
                    };
                    if e.ctrl_key() || e.meta_key() || e.alt_key() {
                        return;
                    }
                    let (ids, selected, total, hit, reading) = ctx.borrow().clone();
                    let in_field = browser::typing_in_field();
                    let key = e.key();
                    let move_sel = |delta: i64| {
                        if ids.is_empty() {
                            return;
                        }
                        let n = ids.len() as i64;
                        let cur =
                            selected
                                .map(|s| s as i64)
                                .unwrap_or(if delta > 0 { -1 } else { n });
                        let next = (cur + delta).clamp(0, n - 1) as usize;
                        dispatch.dispatch(Action::Select(Some(next)));
                        browser::focus(&format!(
                            "[data-testid=result]:nth-child({}) a.result-link",
                            next + 1
                        ));
                        browser::scroll_into_view(&format!(
                            "[data-testid=result]:nth-child({})",
                            next + 1
                        ));
                    };
                    match key.as_str() {
                        "/" if !in_field => {
                            e.prevent_default();
                            browser::focus("[data-testid=search]");
                        }
                        "Escape" => {
                            if in_field {
                                dispatch.dispatch(Action::Query(String::new()));
                            } else if reading {
                                dispatch.dispatch(Action::Close);
                            }
                            dispatch.dispatch(Action::Help(false));
                        }
                        "ArrowDown" => {
                            e.prevent_default();
                            move_sel(1);
                        }
                        "ArrowUp" => {
                            e.prevent_default();
                            move_sel(-1);
                        }
                        "j" if !in_field => move_sel(1),
                        "k" if !in_field => move_sel(-1),
                        "Enter" if in_field => {
                            if let Some(id) = selected.and_then(|s| ids.get(s)).or(ids.first()) {
                                dispatch.dispatch(Action::Open(id.clone()));
                            }
                        }
                        "n" if !in_field && total > 0 => {
                            dispatch.dispatch(Action::Hit((hit + 1) % total))
                        }
                        "N" if !in_field && total > 0 => {
                            dispatch.dispatch(Action::Hit((hit + total - 1) % total))
                        }
                        "?" if !in_field => dispatch.dispatch(Action::Help(true)),
                        _ => {}
                    }
                },
            );
            move || drop(listener)
        });
    }

    let on_input = {
        let dispatch = state.dispatcher();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                dispatch.dispatch(Action::Query(input.value()));
            }
        })
    };
    let dispatch = state.dispatcher();
    let on_action = Callback::from(move |a: Action| dispatch.dispatch(a));
    let lang = state.lang;
    let hints: Html = derived
        .query
        .hints
        .iter()
        .map(|h| {
            let msg = if lang == Lang::Zh {
                h.message_zh()
            } else {
                h.message_en()
            };
            html! { <li data-testid="hint">{msg}</li> }
        })
        .collect();
    let count = derived.docs.len();
    let root_class = classes!("app", state.view.article.is_some().then_some("reading"));
    let toggle_lang = {
        let a = on_action.clone();
        let next = if lang == Lang::Zh { Lang::En } else { Lang::Zh };
        Callback::from(move |_| a.emit(Action::Lang(next)))
    };
    let on_theme = {
        let a = on_action.clone();
        Callback::from(move |e: Event| {
            if let Some(s) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                a.emit(Action::Theme(Theme::from_key(&s.value())));
            }
        })
    };
    let font_down = {
        let a = on_action.clone();
        let f = state.font;
        Callback::from(move |_| a.emit(Action::Font(f.saturating_sub(1))))
    };
    let font_up = {
        let a = on_action.clone();
        let f = state.font;
        Callback::from(move |_| a.emit(Action::Font(f + 1)))
    };
    let names_toggle = {
        let a = on_action.clone();
        let on = state.view.names;
        Callback::from(move |_| a.emit(Action::Names(!on)))
    };
    let help_toggle = {
        let a = on_action.clone();
        let h = state.help;
        Callback::from(move |_| a.emit(Action::Help(!h)))
    };

    html! {
        <div class={root_class}>
            <a class="skip" href="#results">{ if lang == Lang::Zh { "跳到结果" } else { "Skip to results" } }</a>
            <header class="top" role="banner">
                <div class="brand">
                    <h1>{t.app_title}</h1>
                </div>
                <div class="searchbar" role="search">
                    <label for="q" class="visually-hidden">{t.search_label}</label>
                    <input id="q" type="search" data-testid="search" autocomplete="off" spellcheck="false"
                        placeholder={t.search_placeholder} aria-label={t.search_label}
                        aria-describedby="hints"
                        value={state.view.query.clone()} oninput={on_input} />
                    <button type="button" class="help-btn" aria-expanded={state.help.to_string()} aria-controls="help"
                        onclick={help_toggle} title={t.help} data-testid="help-toggle">{"?"}</button>
                </div>
                <div class="settings">
                    <label class="visually-hidden" for="theme">{t.theme}</label>
                    <select id="theme" data-testid="theme" onchange={on_theme} aria-label={t.theme}>
                        <option value="auto" selected={state.theme == Theme::Auto}>{t.theme_auto}</option>
                        <option value="light" selected={state.theme == Theme::Light}>{t.theme_light}</option>
                        <option value="dark" selected={state.theme == Theme::Dark}>{t.theme_dark}</option>
                    </select>
                    <span class="font-size" role="group" aria-label={t.font_size}>
                        <button type="button" onclick={font_down} data-testid="font-down" aria-label={format!("{} −", t.font_size)}>{"A−"}</button>
                        <button type="button" onclick={font_up} data-testid="font-up" aria-label={format!("{} +", t.font_size)}>{"A+"}</button>
                    </span>
                    <button type="button" onclick={names_toggle} data-testid="names-toggle" aria-pressed={state.view.names.to_string()}>{t.names_index}</button>
                    <button type="button" onclick={toggle_lang} data-testid="lang-toggle" lang={if lang == Lang::Zh { "en" } else { "zh-CN" }}>{t.other_lang}</button>
                    if !single_file {
                        <a class="offline-link" href="archive-explorer.html" download="archive-explorer.html"
                            data-testid="offline-download" title={t.offline_hint}>{t.offline_download}</a>
                    }
                </div>
                if *update_ready {
                    <p class="update" role="status" data-testid="update-ready">{t.update_ready}
                        <button type="button" onclick={accept_update} data-testid="update-reload">{t.reload}</button></p>
                }
                <ul id="hints" class="hints" aria-live="polite">{hints}</ul>
                if state.help {
                    <section id="help" class="help" data-testid="help" aria-label={t.help}>
                        <h2>{t.help}</h2>
                        <ul>{ for t.help_lines.iter().map(|l| html! { <li>{*l}</li> }) }</ul>
                    </section>
                }
            </header>
            <main class="panes" id="main">
                <facets::FacetPane index={p.index} facets={derived.facets.clone()} view={state.view.clone()} lang={lang} on_action={on_action.clone()} />
                if state.view.names {
                    <names::NamesIndex index={p.index} lang={lang} on_action={on_action.clone()} />
                } else {
                    <results::ResultList index={p.index} derived={derived.clone()} view={state.view.clone()}
                        selected={state.selected} shown={state.shown} lang={lang} on_action={on_action.clone()} count={count} />
                }
                <reader::Reader index={p.index} doc={open_doc} hit={open_hit} view={state.view.clone()} lang={lang}
                    docs={derived.docs.clone()} on_action={on_action.clone()} toast={state.toast.clone()} />
            </main>
        </div>
    }
}
