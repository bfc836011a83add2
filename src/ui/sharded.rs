//! A sharded archive in the browser (a build with `cfg(sharded)`, see `build.rs`).
//!
//! The app embeds only the [`Head`](crate::search::shard::Head); the search runs in a Web
//! Worker ([`super::shard_worker`], the same wasm), which fetches and verifies chunks and sends
//! the articles found. The page keeps them and runs the explorer over an index of them,
//! rebuilt each time a batch arrives (the worker sends one each time their number doubles, so
//! the rebuilds cost at most twice the final one), and a status line says how far the search
//! has got ("已检索 3,200 / 10,000 篇"). A newer query cancels an older one (its generation).

use std::cell::{Cell, RefCell};
use std::collections::HashSet;
use std::rc::Rc;

use js_sys::Array;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use super::explorer::Explorer;
use super::shard_worker::Progress;
use super::{browser, IndexRef};
use crate::archive::{Archive, Article, Page};
use crate::search::shard::{Head, TextChunk};
use crate::search::Index;
use crate::view::i18n::Lang;
use crate::view::route::ViewState;

fn index_of(head: &Head, pages: Vec<Page>, articles: Vec<Article>) -> Rc<Index> {
    Rc::new(Index::new(
        Archive {
            pages,
            articles,
            entities: Vec::new(),
        },
        &head.tables,
    ))
}

/// The current query's results, as the worker sends them.
#[derive(Default)]
struct Found {
    gen: u64,
    pages: Vec<Page>,
    articles: Vec<Article>,
    ids: HashSet<String>,
}

impl Found {
    /// Adds a batch (of generation `gen`; an older one is dropped, a newer one starts over).
    fn add(&mut self, gen: u64, batch: TextChunk) {
        if gen != self.gen {
            *self = Found {
                gen,
                ..Default::default()
            };
        }
        for p in batch.pages {
            if !self.pages.iter().rev().take(1).any(|l| l.file == p.file) {
                self.pages.push(p);
            }
        }
        for a in batch.articles {
            if self.ids.insert(a.id.clone()) {
                self.articles.push(a);
            }
        }
    }
}

/// Starts the search worker (`search-worker.js`, next to the page).
fn spawn_worker() -> Result<web_sys::Worker, String> {
    let opts = web_sys::WorkerOptions::new();
    opts.set_type(web_sys::WorkerType::Module);
    web_sys::Worker::new_with_options("search-worker.js", &opts).map_err(|e| format!("{e:?}"))
}

fn post(w: &web_sys::Worker, items: &[JsValue]) {
    let a: Array = items.iter().collect();
    let _ = w.post_message(&a);
}

/// How far "save the whole archive" has got.
#[derive(Clone, Debug, PartialEq, Default)]
enum Saving {
    #[default]
    Idle,
    Busy(u32, u32),
    Done,
    Failed(String),
}

fn sw() -> Option<web_sys::ServiceWorkerContainer> {
    let nav = gloo::utils::window().navigator();
    js_sys::Reflect::has(&nav, &JsValue::from_str("serviceWorker"))
        .unwrap_or(false)
        .then(|| nav.service_worker())
}

/// "保存整个档案以离线使用": asks the service worker to fetch every chunk, with its size and
/// progress. Without a controlling service worker (file://, or before the first reload of a
/// first visit) it says why it cannot.
#[component]
fn SaveArchive(p: &SaveProps) -> Html {
    let saving = use_state(Saving::default);
    {
        let saving = saving.setter();
        use_effect_with((), move |_| {
            let listener = sw().map(|c| {
                gloo::events::EventListener::new(&c, "message", move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::MessageEvent>() else {
                        return;
                    };
                    let data = e.data();
                    let get = |k: &str| js_sys::Reflect::get(&data, &JsValue::from_str(k)).ok();
                    if get("type").and_then(|t| t.as_string()).as_deref() != Some("archive-save") {
                        return;
                    }
                    if let Some(err) = get("error").and_then(|x| x.as_string()) {
                        saving.set(Saving::Failed(err));
                        return;
                    }
                    let num = |k: &str| get(k).and_then(|x| x.as_f64()).unwrap_or(0.0) as u32;
                    let (done, total) = (num("done"), num("total"));
                    saving.set(if done >= total {
                        Saving::Done
                    } else {
                        Saving::Busy(done, total)
                    });
                })
            });
            move || drop(listener)
        });
    }
    let controller = sw().and_then(|c| c.controller());
    let onclick = {
        let saving = saving.setter();
        let controller = controller.clone();
        Callback::from(move |_| {
            if let Some(c) = &controller {
                if c.post_message(&JsValue::from_str("saveArchive")).is_ok() {
                    saving.set(Saving::Busy(0, 1));
                }
            }
        })
    };
    let lang = p.lang;
    let mb = (p.bytes as f64 / 1_048_576.0 * 10.0).round() / 10.0;
    match &*saving {
        Saving::Idle => html! {
            <button type="button" data-testid="save-archive" {onclick} disabled={controller.is_none()}
                title={controller.is_none().then(|| lang.save_unavailable())}>
                {lang.save_archive(mb)}
            </button>
        },
        Saving::Busy(done, total) => html! {
            <span data-testid="save-archive" data-state="busy">
                <progress max={total.to_string()} value={done.to_string()} />{lang.save_progress(*done, *total)}
            </span>
        },
        Saving::Done => {
            html! { <span data-testid="save-archive" data-state="done">{lang.save_done()}</span> }
        }
        Saving::Failed(e) => {
            html! { <span data-testid="save-archive" data-state="failed" role="alert">{lang.shard_failed(e)}</span> }
        }
    }
}

#[derive(Properties, PartialEq)]
struct SaveProps {
    lang: Lang,
    bytes: u64,
}

/// The app over a sharded archive.
#[component]
pub fn ShardedApp() -> Html {
    let head = use_memo((), |_| crate::data::load_head().map(Rc::new));
    let index = use_state(|| {
        IndexRef::Shared(Rc::new(Index::new(Archive::default(), &Default::default())))
    });
    let progress = use_state(Progress::default);
    let generation = use_memo((), |_| Rc::new(Cell::new(0u64)));
    let found = use_memo((), |_| Rc::new(RefCell::new(Found::default())));
    let worker = use_memo((), |_| spawn_worker());
    let head = match &*head {
        Ok(h) => h.clone(),
        Err(e) => {
            return html! { <main class="load-error" role="alert"><pre>{e.to_string()}</pre></main> }
        }
    };
    {
        let (set_index, set_progress) = (index.setter(), progress.setter());
        let (generation, found, head) = ((*generation).clone(), (*found).clone(), head.clone());
        let worker = worker.clone();
        use_effect_with((), move |_| {
            let listeners = match &*worker {
                Ok(w) => {
                    let on_error = set_progress.clone();
                    let error = gloo::events::EventListener::new(w, "error", move |_| {
                        on_error.set(Progress {
                            done: true,
                            error: Some("search-worker.js".into()),
                            ..Default::default()
                        })
                    });
                    let message = gloo::events::EventListener::new(w, "message", move |e| {
                        let Some(e) = e.dyn_ref::<web_sys::MessageEvent>() else {
                            return;
                        };
                        let Ok(a) = e.data().dyn_into::<Array>() else {
                            return;
                        };
                        let gen = a.get(1).as_f64().unwrap_or(0.0) as u64;
                        match a.get(0).as_string().as_deref() {
                            Some("p") if gen == generation.get() => {
                                set_progress.set(Progress::from_js(&a))
                            }
                            Some("f") if gen == generation.get() => {
                                let bytes = js_sys::Uint8Array::new(&a.get(2)).to_vec();
                                let Ok(batch) = TextChunk::decode(&bytes) else {
                                    return;
                                };
                                let mut f = found.borrow_mut();
                                f.add(gen, batch);
                                set_index.set(IndexRef::Shared(index_of(
                                    &head,
                                    f.pages.clone(),
                                    f.articles.clone(),
                                )));
                            }
                            Some("e") => set_progress.set(Progress {
                                done: true,
                                error: a.get(1).as_string(),
                                ..Default::default()
                            }),
                            _ => {}
                        }
                    });
                    Some((error, message))
                }
                Err(e) => {
                    set_progress.set(Progress {
                        done: true,
                        error: Some(e.clone()),
                        ..Default::default()
                    });
                    None
                }
            };
            move || drop(listeners)
        });
    }
    let total_bytes: u64 = head
        .postings
        .iter()
        .chain(&head.texts)
        .map(|c| u64::from(c.bytes))
        .sum();
    let on_resume = {
        let (generation, worker) = ((*generation).clone(), worker.clone());
        Callback::from(move |_: MouseEvent| {
            if let Ok(w) = &*worker {
                post(w, &["r".into(), JsValue::from_f64(generation.get() as f64)]);
            }
        })
    };
    // Made once: the explorer's props stay equal while only the progress changes, so a
    // progress message re-renders the status line, not the results.
    let on_query = {
        let set_progress = progress.setter();
        let (generation, worker) = ((*generation).clone(), worker.clone());
        use_callback((), move |q: String, _| {
            let me = generation.get() + 1;
            generation.set(me);
            set_progress.set(Progress {
                query: q.clone(),
                ..Default::default()
            });
            let linked = ViewState::from_hash(&browser::hash())
                .article
                .unwrap_or_default();
            if let Ok(w) = &*worker {
                post(
                    w,
                    &[
                        "q".into(),
                        JsValue::from_f64(me as f64),
                        JsValue::from_str(&q),
                        JsValue::from_str(&linked),
                    ],
                );
            }
        })
    };
    let lang = browser::load_setting("lang")
        .map(|l| Lang::from_key(&l))
        .unwrap_or_default();
    let s = &head.summary;
    // Compared by value: equal from one render to the next.
    let summary = lang.summary(&crate::view::browse::Summary {
        papers: s.papers.iter().map(String::as_str).collect(),
        unknown_paper: s.unknown_paper,
        range: s.range.as_ref().map(|(a, b)| (a.as_str(), b.as_str())),
        range_of_articles: s.range_of_articles,
        editions: s.editions,
        pages: s.pages,
        articles: s.articles,
    });
    let p = &*progress;
    let status = match &p.error {
        Some(e) => lang.shard_failed(e),
        None if p.done => lang.shard_done(p.found, p.total),
        None if p.paused => lang.shard_paused(p.found, p.checked, p.total),
        None => lang.shard_progress(p.checked, p.total),
    };
    html! {
        <>
            <Explorer index={(*index).clone()} on_query={Some(on_query)} summary={Some(AttrValue::from(summary))} />
            <div class="shard-status" role="status" data-testid="shard-progress" data-shards={crate::data::SHARDS_MARK}
                data-done={p.done.to_string()} data-paused={p.paused.to_string()} data-found={p.found.to_string()} data-query={p.query.clone()}>
                if !p.done {
                    <progress max={p.total.max(1).to_string()} value={p.checked.to_string()} />
                }
                <span>{status}</span>
                if p.paused {
                    <button type="button" data-testid="shard-resume" onclick={on_resume}>{lang.shard_resume()}</button>
                }
                <SaveArchive {lang} bytes={total_bytes} />
            </div>
        </>
    }
}
