//! The explorer over a loaded index: state, derived results, and the panes.

use yew::prelude::*;

use super::derive::{derive, list_view};
use super::dom::E;
use super::header::{header, HeaderProps};
use super::hooks::{use_hash_sync, use_keyboard, use_settings, use_update_ready, KeyContext};
use super::state::{Action, AppState, Theme, FONT_STEPS, PAGE};
use super::{browse, browser, facets, names, reader, results, IndexRef};
use crate::search::engine::SearchOptions;
use crate::view::i18n::Lang;
use crate::view::route::ViewState;

fn initial_state() -> AppState {
    AppState {
        view: ViewState::from_hash(&browser::hash()),
        theme: browser::load_setting("theme")
            .map(|t| Theme::from_key(&t))
            .unwrap_or_default(),
        // A stored choice wins; else the browser's languages decide.
        lang: browser::load_setting("lang")
            .map(|l| Lang::from_key(&l))
            .unwrap_or_else(|| Lang::from_languages(&browser::languages())),
        font: browser::load_setting("font")
            .and_then(|f| f.parse::<usize>().ok())
            .filter(|f| *f < FONT_STEPS.len())
            .unwrap_or(1),
        shown: PAGE,
        ..Default::default()
    }
}

/// Told `(query, open article)`; says what to show (see [`Told`]).
pub type OnQuery = Callback<(String, Option<String>), Told>;

/// What a sharded archive does with a query it is told.
#[derive(Clone)]
pub enum Told {
    /// Answered on the page (a recent answer, or one narrowed from it): the index to show now.
    Answered(IndexRef),
    /// Asked of the worker. The results shown stay as they are until its first answer (a
    /// new index), or for [`HOLD_MS`]: deriving the query over the index being replaced is
    /// a render the user would see for a few milliseconds, and it would delay the answer.
    Asked,
    /// Nothing new (the same query).
    Same,
}

/// How long the results shown stay when the worker was asked (its answer over chunks already
/// fetched comes within a few milliseconds; a cold one may take a second, and meanwhile the
/// query is shown over the index being replaced: its articles that match are true matches).
#[cfg_attr(not(sharded), allow(dead_code))]
const HOLD_MS: u32 = 60;

/// Props for [`Explorer`].
#[derive(Properties, PartialEq)]
pub struct ExplorerProps {
    /// The index.
    pub index: IndexRef,
    /// Told the query and the open article each time either changes (a sharded archive
    /// fetches what it needs); returns the index to use at once when the archive has the
    /// answer already (a query answered lately).
    #[prop_or_default]
    pub on_query: Option<OnQuery>,
    /// The line saying what the archive is, when the index holds only part of it (sharded).
    #[prop_or_default]
    pub summary: Option<AttrValue>,
    /// A sharded archive's browse data.
    #[prop_or_default]
    pub shelves: Option<std::rc::Rc<browse::ShardShelves>>,
    /// Told the browse view each time it changes (a sharded archive loads its edition).
    #[prop_or_default]
    pub on_browse: Option<Callback<Option<crate::view::browse::Browse>>>,
    /// Told the page whose printed lines are wanted ("对照原版排列" in the reader, or a page
    /// viewed): a sharded archive fetches them.
    #[prop_or_default]
    pub on_lines: Option<Callback<Option<String>>>,
    /// Why the printed lines asked for are not there (a failed fetch).
    #[prop_or_default]
    pub lines_note: Option<AttrValue>,
    /// The query shown is still being searched (a sharded archive's worker is running, or
    /// paused with part of the archive left: `Some(paused)`): nothing found is not yet "no
    /// such article".
    #[cfg(sharded)]
    #[prop_or_default]
    pub searching: Option<bool>,
    /// Told the interface language each time it is picked (a sharded archive's status line).
    #[cfg(sharded)]
    #[prop_or_default]
    pub on_lang: Option<Callback<Lang>>,
    /// Facet counts counted by a sharded archive's worker: shown when they are of the list
    /// shown (see [`crate::view::facets::Counted`]), else the page counts its own.
    #[cfg(sharded)]
    #[prop_or_default]
    pub counted: Option<std::rc::Rc<crate::view::facets::Counted>>,
    /// Told the facet selections each time they change (before the query, when both do): a
    /// sharded archive's worker counts under them.
    #[cfg(sharded)]
    #[prop_or_default]
    pub on_selections: Option<Callback<crate::view::facets::Selections>>,
}

/// A sharded archive's worker's facet counts, when they are of this list: the same query, as
/// many results, the same selections. While the query runs (not paused) the last counts sent
/// stand for it too when they count no more than the list (the worker sends counts at most
/// every 200 ms: they lag the list by that much at most, and are exact once it pauses or
/// ends); counts of more than the list (a long answer's list growing behind the worker, shown
/// as the page's index catches up) are not of it, and the page counts the list's itself.
#[cfg(sharded)]
fn worker_counts(
    p: &ExplorerProps,
    v: &ViewState,
    d: &super::derive::Derived,
) -> Option<crate::view::facets::Facets> {
    p.counted
        .as_ref()
        .filter(|c| {
            c.query == v.query
                && (c.found == d.results.order.len()
                    || (p.searching == Some(false) && c.found <= d.results.order.len()))
                && c.selections == crate::view::facets::Selections::of(v)
        })
        .map(|c| c.facets.clone())
}

/// The page counts the facets of an embedded archive itself.
#[cfg(not(sharded))]
fn worker_counts(
    _: &ExplorerProps,
    _: &ViewState,
    _: &super::derive::Derived,
) -> Option<crate::view::facets::Facets> {
    None
}

/// The explorer over a loaded index.
#[component]
pub fn Explorer(p: &ExplorerProps) -> Html {
    let state = use_reducer(initial_state);
    use_hash_sync(&state);
    browse::use_browse_scroll(&state.view);
    use_settings(state.theme, state.lang, state.font);
    #[cfg(sharded)]
    {
        let on_lang = p.on_lang.clone();
        use_effect_with(state.lang, move |l| {
            if let Some(cb) = on_lang {
                cb.emit(*l);
            }
        });
    }
    let update_ready = use_update_ready();
    // The facet pane's state: the timeline's drag, the long lists shown in full.
    let facet_drag = use_state(|| None::<(usize, usize)>);
    let facet_open = use_state(|| 0u8);
    // The facet pane last drawn, for its query, and whether its update is due (see below).
    let facet_kept = use_mut_ref(|| None::<(String, Html, bool)>);
    let facet_later = use_force_update();
    // The result list last drawn, and what it was drawn for (kept while the worker is asked).
    #[cfg(sharded)]
    let list_kept = use_mut_ref(|| {
        None::<(
            (u64, Option<usize>, Lang, results::window::ListWindow),
            Html,
        )>
    });

    // The facet selections, told before the query (a link with both: the worker counts the
    // query's facets under them from its first results).
    #[cfg(sharded)]
    {
        let on_selections = p.on_selections.clone();
        use_memo(
            crate::view::facets::Selections::of(&state.view),
            move |sel| {
                if let Some(cb) = on_selections {
                    cb.emit(sel.clone());
                }
            },
        );
    }
    // Told during the render, before the results are derived: a sharded archive's worker
    // starts on the query while this thread renders what it already has.
    // An answer it has already is used in this render (not first derived from the index
    // being replaced, then again); while the worker is asked, the results shown stay.
    #[cfg(sharded)]
    let (ahead, holding) = {
        let on_query = p.on_query.clone();
        let slot = use_mut_ref(|| None::<IndexRef>);
        // The index shown when the worker was asked, and the timer that lets go of it.
        let hold = use_mut_ref(|| None::<(IndexRef, gloo::timers::callback::Timeout)>);
        let force = use_force_update();
        let (put, shown, held) = (slot.clone(), p.index.clone(), hold.clone());
        use_memo(
            (state.view.query.clone(), state.view.article.clone()),
            move |qa| {
                let told = on_query.map(|cb| cb.emit(qa.clone()));
                match told {
                    Some(Told::Answered(ix)) => {
                        *held.borrow_mut() = None;
                        *put.borrow_mut() = Some(ix);
                    }
                    // Typing on while held: the hold and its timer go on (60 ms from the
                    // first key of a burst, not the last).
                    Some(Told::Asked)
                        if held.borrow().as_ref().is_some_and(|(i, _)| *i == shown) => {}
                    Some(Told::Asked) => {
                        let h = held.clone();
                        let timer = gloo::timers::callback::Timeout::new(HOLD_MS, move || {
                            if h.borrow_mut().take().is_some() {
                                force.force_update();
                            }
                        });
                        *held.borrow_mut() = Some((shown, timer));
                    }
                    // The same query (another article opened): a hold goes on as it was.
                    Some(Told::Same) | None => {}
                }
            },
        );
        // A new index (the worker's answer) ends the hold.
        let holding = hold.borrow().as_ref().is_some_and(|(ix, _)| *ix == p.index);
        if !holding {
            *hold.borrow_mut() = None;
        }
        let next = slot.borrow_mut().take();
        (next, holding)
    };
    #[cfg(not(sharded))]
    let holding = false;
    #[cfg(sharded)]
    let index = ahead.unwrap_or_else(|| p.index.clone());
    #[cfg(not(sharded))]
    let index = p.index.clone();
    let ix: &crate::search::Index = &index;
    #[cfg(sharded)]
    {
        let on_browse = p.on_browse.clone();
        use_memo(state.view.browse.clone(), move |b| {
            if let Some(cb) = on_browse {
                cb.emit(b.clone());
            }
        });
    }
    let derived = {
        let v = state.view.clone();
        // While holding, the key of the results shown (so they stay).
        let last_key = use_mut_ref(|| None::<(ViewState, usize, IndexRef)>);
        let fresh = (list_view(&v), state.shown, index.clone());
        let key = match last_key.borrow().clone() {
            Some(k) if holding && k.2 == index => k,
            _ => fresh,
        };
        *last_key.borrow_mut() = Some(key.clone());
        let shown = state.shown.max(PAGE);
        let index = index.clone();
        let listed_query = key.0.query.clone();
        (
            use_memo(key, move |_| derive(&index, &v, shown)),
            listed_query,
        )
    };
    let (derived, listed_query) = derived;
    // A performance mark after each render of new results (read by tests/browser/bench.mjs).
    use_effect_with(derived.clone(), |_| {
        if let Some(perf) = gloo::utils::window().performance() {
            let _ = perf.mark("archive:results");
        }
    });

    // Nothing matched: the reader clears.
    let open_doc = state
        .view
        .article
        .as_ref()
        .filter(|_| !derived.docs.is_empty())
        .and_then(|id| ix.archive().articles.iter().position(|a| &a.id == id));
    let reading = open_doc.is_some();
    // The page whose printed lines are shown: the open article's with "对照原版排列" on, or the
    // page viewed.
    #[cfg(sharded)]
    {
        let want = open_doc
            .filter(|_| state.view.raw)
            .map(|d| ix.archive().articles[d].source.file.clone())
            .or_else(|| match &state.view.browse {
                Some(crate::view::browse::Browse::Page(f)) => Some(f.clone()),
                _ => None,
            });
        let on_lines = p.on_lines.clone();
        use_memo(want, move |w| {
            if let Some(cb) = on_lines {
                cb.emit(w.clone());
            }
        });
    }
    // The list's scroll position, kept while an article is read (on a phone the reader replaces
    // the list) and restored when going back.
    let list_scroll = use_mut_ref(|| 0.0f64);
    {
        let list_scroll = list_scroll.clone();
        use_effect_with(reading, move |reading| {
            let y = *list_scroll.borrow();
            if !*reading && y > 0.0 {
                browser::scroll_to(y);
            }
        });
    }
    // The index of names opens where it can be seen.
    use_effect_with(state.view.names, |names| {
        if *names {
            browser::scroll_to(0.0);
            browser::focus("#names-heading");
        }
    });
    // Each new set of results is a new list (its first frame draws only the rows in view);
    // rows with snippets (a query) and without are estimated apart.
    // Of the query whose results are listed (while held, the last one: the same list).
    let list_window = results::window::use_list_window(
        &derived.docs[..derived.listed().min(derived.docs.len())],
        derived.list,
        usize::from(!listed_query.trim().is_empty()),
        &listed_query,
    );
    let open_hit = open_doc.map(|d| ix.hit(&derived.results, d, &SearchOptions::default()));
    let hit_total = open_hit.as_ref().map(|h| h.count).unwrap_or(0);
    reader::use_reader_effects(
        open_doc,
        reader::current_hit(&state.view, hit_total),
        state.view.raw,
    );
    results::use_select_link(state.shared.as_ref().is_some_and(|s| s.is_err()));

    use_keyboard(
        state.dispatcher(),
        KeyContext {
            ids: derived
                .docs
                .iter()
                .take(state.shown)
                .map(|d| ix.archive().articles[*d].id.clone())
                .collect(),
            selected: state.selected,
            total: hit_total,
            hit: state.view.hit,
            reading,
            help: state.help,
            menu: state.menu,
            drawer: state.drawer,
            list_scroll: list_scroll.clone(),
        },
    );

    let dispatch = state.dispatcher();
    let on_action = Callback::from(move |a: Action| {
        if matches!(a, Action::Open(_)) && !reading {
            *list_scroll.borrow_mut() = browser::scroll_y();
        }
        dispatch.dispatch(a)
    });
    let lang = state.lang;
    let hints: Vec<AttrValue> = derived
        .query
        .hints
        .iter()
        .map(|h| AttrValue::from(lang.hint(h)))
        .chain(
            state
                .view
                .query_cut
                .map(|n| AttrValue::from(lang.query_cut(n))),
        )
        .collect();
    let mut root_class = String::from("app");
    for (on, c) in [
        (reading, " reading"),
        (state.drawer, " drawer-open"),
        (state.menu, " menu-open"),
    ] {
        if on {
            root_class.push_str(c);
        }
    }
    let active_filters = crate::view::results::chips(&state.view, lang).len();
    let browsing = state.view.browse.is_some() && !state.view.names;
    let mut main = E::new("main")
        .class(if browsing { "panes browsing" } else { "panes" })
        .attr("id", "main");
    if !browsing {
        // A new query's frame shows the facet pane as it was (the same nodes: nothing to
        // patch, style or lay out); its counts follow after that frame is painted. The rest
        // (a facet clicked, the drawer, the language) renders at once.
        let mut kept = facet_kept.borrow_mut();
        let pane = match &mut *kept {
            Some((q, html, due)) if *q != state.view.query && !*due => {
                let (kept, force) = (facet_kept.clone(), facet_later.clone());
                browser::after_paint(move || {
                    if let Some((_, _, due)) = &mut *kept.borrow_mut() {
                        *due = true;
                    }
                    force.force_update();
                });
                html.clone()
            }
            _ => {
                let counted = worker_counts(p, &state.view, &derived);
                let counted_by = if counted.is_some() { "worker" } else { "page" };
                let html = facets::facet_pane(&facets::FacetPaneProps {
                    index: index.clone(),
                    facets: counted.unwrap_or_else(|| derived.facets(ix).clone()),
                    counted_by,
                    view: state.view.clone(),
                    lang,
                    on_action: on_action.clone(),
                    drawer: state.drawer,
                    drag: facet_drag,
                    open: facet_open,
                });
                *kept = Some((state.view.query.clone(), html.clone(), false));
                html
            }
        };
        main = main.kid(pane);
    } else {
        main = main.kid(Html::default());
    }
    main = main.kid(if state.view.names {
        names::names_index(&names::NamesIndexProps {
            index: index.clone(),
            lang,
            on_action: on_action.clone(),
        })
    } else if browsing {
        browse::browse_pane(index.clone(), p.shelves.as_deref(), &state.view, lang)
    } else {
        let list = || {
            results::result_list(&results::ResultListProps {
                index: index.clone(),
                derived: derived.clone(),
                view: state.view.clone(),
                selected: state.selected,
                shown: state.shown,
                lang,
                on_action: on_action.clone(),
                count: derived.docs.len(),
                shared: state.shared.clone(),
                #[cfg(sharded)]
                searching: p.searching,
                window: list_window,
            })
        };
        // While the worker is asked, the list shown stays as it was drawn (its rows link to
        // its own query): the keystroke's render has nothing in it to patch or lay out.
        #[cfg(sharded)]
        let list = || {
            let key = (derived.list, state.selected, lang, list_window);
            let mut kept = list_kept.borrow_mut();
            match &*kept {
                Some((k, html)) if holding && *k == key => html.clone(),
                _ => {
                    let html = list();
                    *kept = Some((key, html.clone()));
                    html
                }
            }
        };
        list()
    });
    main = main.kid(reader::reader(&reader::ReaderProps {
        index: index.clone(),
        doc: open_doc,
        hit: open_hit,
        view: state.view.clone(),
        lang,
        docs: derived.docs.clone(),
        on_action: on_action.clone(),
        toast: state.toast.clone(),
        lines_note: p.lines_note.clone(),
    }));
    E::new("div")
        .attr("class", root_class)
        .kid(header(&HeaderProps {
            query: state.view.query.clone(),
            help: state.help,
            theme: state.theme,
            font: state.font,
            names: state.view.names,
            lang,
            hints,
            update_ready,
            count: derived.docs.len(),
            active_filters,
            drawer: state.drawer,
            menu: state.menu,
            on_action: on_action.clone(),
        }))
        .kid(match &p.summary {
            #[cfg(not(sharded))]
            Some(s) => E::new("p")
                .class("shelf-bar")
                .el(E::new("span").id("archive-summary").text(s.clone()))
                .html(),
            #[cfg(sharded)]
            Some(s) => E::new("p")
                .class("shelf-bar")
                .el(E::new("span").id("archive-summary").text(s.clone()))
                .kid(browse::link(
                    browse::href(
                        &state.view,
                        Some(crate::view::browse::Browse::Calendar(None, None)),
                        None,
                    ),
                    lang.b().browse.into(),
                    "browse-link",
                ))
                .html(),
            None => browse::shelf_bar(index.clone(), &state.view, lang),
        })
        .el(main)
        .html()
}
