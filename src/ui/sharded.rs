//! A sharded archive in the browser (a build with `cfg(sharded)`, see `build.rs`).
//!
//! The app embeds only the [`Head`]. Each query fetches the postings chunks its keys need,
//! turns them into candidate articles, then fetches the text chunks of the candidates, newest
//! first, a few at a time, and verifies each chunk as it arrives ([`Verifier`]: the ordinary
//! search over those articles). The explorer runs over an index of the articles found so far,
//! rebuilt each time their number doubles (so the rebuilds cost at most twice the final one),
//! and a status line says how far the search has got ("已检索 3,200 / 10,000 篇").
//!
//! A newer query cancels an older one: each run checks its generation after every fetch.
//! With no query, the newest text chunk is shown. A link to an article adds that article's
//! chunk. Costs per query: the postings chunks of its keys, plus the text chunks of its
//! candidates (both linear in what is fetched).

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, VecDeque};
use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use super::explorer::Explorer;
use super::{browser, IndexRef};
use crate::archive::{Archive, Article, Page};
use crate::search::shard::{self, ChunkIndex, ChunkRef, Head, TextChunk, Verifier};
use crate::search::Index;
use crate::view::i18n::Lang;
use crate::view::route::ViewState;

/// Text chunks fetched at once.
const IN_FLIGHT: usize = 4;

/// How far the current query has got.
#[derive(Clone, Debug, PartialEq, Default)]
struct Progress {
    query: String,
    checked: usize,
    total: usize,
    found: usize,
    done: bool,
    /// Stopped after its byte budget, with chunks left to check.
    paused: bool,
    error: Option<String>,
}

fn js_err(e: JsValue) -> String {
    e.as_string()
        .or_else(|| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| "network error".into())
}

/// Starts fetching a chunk (the request goes out now; the bytes come when awaited).
fn start(name: &str) -> js_sys::Promise {
    gloo::utils::window().fetch_with_str(&format!("shards/{name}"))
}

/// The bytes of a started fetch.
async fn bytes(name: &str, p: js_sys::Promise) -> Result<Vec<u8>, String> {
    let resp: web_sys::Response = JsFuture::from(p)
        .await
        .map_err(js_err)?
        .dyn_into()
        .map_err(js_err)?;
    if !resp.ok() {
        return Err(format!("shards/{name}: HTTP {}", resp.status()));
    }
    let buf = JsFuture::from(resp.array_buffer().map_err(js_err)?)
        .await
        .map_err(js_err)?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

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

/// Everything a run needs, shared with the component.
#[derive(Clone)]
struct Run {
    head: Rc<Head>,
    generation: Rc<Cell<u64>>,
    me: u64,
    set_index: UseStateSetter<IndexRef>,
    set_progress: UseStateSetter<Progress>,
    /// The paused run, if any, with its generation.
    paused: Rc<RefCell<Option<(u64, Pump)>>>,
    /// Indexed chunks, shared by every run.
    cache: Rc<RefCell<ChunkCache>>,
}

impl Run {
    fn stale(&self) -> bool {
        self.generation.get() != self.me
    }

    fn publish(&self, pages: &[Page], articles: &[Article], extra: &Option<(Page, Article)>) {
        let mut all = articles.to_vec();
        let mut pages = pages.to_vec();
        if let Some((p, a)) = extra {
            if !all.iter().any(|x| x.id == a.id) {
                all.push(a.clone());
                pages.push(p.clone());
            }
        }
        self.set_index
            .set(IndexRef::Shared(index_of(&self.head, pages, all)));
    }

    /// The article a link opens, when it is not among the results: its id bucket says its
    /// number, then its text chunk is fetched.
    async fn linked(&self) -> Result<Option<(Page, Article)>, String> {
        let Some(id) = ViewState::from_hash(&browser::hash()).article else {
            return Ok(None);
        };
        let Some(bucket) = self.head.id_bucket(&id) else {
            return Ok(None);
        };
        let b = bytes(bucket, start(bucket)).await?;
        let Some(d) = shard::find_id(&b, &id).map_err(|e| e.to_string())? else {
            return Ok(None);
        };
        let Some(c) = self.head.text_chunks(&[d]).into_iter().next().cloned() else {
            return Ok(None);
        };
        let b = bytes(&c.name, start(&c.name)).await?;
        let chunk = TextChunk::decode(&b).map_err(|e| e.to_string())?;
        let Some(a) = chunk
            .articles
            .into_iter()
            .nth(d as usize - c.first as usize)
        else {
            return Ok(None);
        };
        let page = chunk
            .pages
            .into_iter()
            .find(|p| p.file == a.source.file)
            .unwrap_or_default();
        Ok(Some((page, a)))
    }

    async fn go(self, query: String) -> Result<(), String> {
        let head = self.head.clone();
        let parser = Index::new(Archive::default(), &head.tables);
        let q = parser.parse(&query);
        let extra = self.linked().await?;
        if self.stale() {
            return Ok(());
        }
        if q.clauses.is_empty() {
            // No query: the newest chunk, as a front page.
            let Some(c) = head.texts.last() else {
                return Ok(());
            };
            let b = bytes(&c.name, start(&c.name)).await?;
            if self.stale() {
                return Ok(());
            }
            let chunk = TextChunk::decode(&b).map_err(|e| e.to_string())?;
            let n = chunk.articles.len();
            self.publish(&chunk.pages, &chunk.articles, &extra);
            self.set_progress.set(Progress {
                query,
                checked: n,
                total: n,
                found: n,
                done: true,
                paused: false,
                error: None,
            });
            return Ok(());
        }
        let plan = head.plan(&q);
        let started: Vec<(String, js_sys::Promise)> =
            plan.chunks.iter().map(|n| (n.clone(), start(n))).collect();
        let mut fetched = Vec::with_capacity(started.len());
        for (n, p) in started {
            fetched.push(bytes(&n, p).await?);
            if self.stale() {
                return Ok(());
            }
        }
        let slices: Vec<&[u8]> = fetched.iter().map(Vec::as_slice).collect();
        let postings = Head::read_postings(&plan, &slices).map_err(|e| e.to_string())?;
        let cands = head.candidates(&q, &plan, &postings);
        let chunks: Vec<ChunkRef> = head.text_chunks(&cands).into_iter().cloned().collect();
        let v = Verifier::new(q, cands);
        let progress = Progress {
            query,
            total: v.total(),
            ..Default::default()
        };
        self.set_progress.set(progress.clone());
        let pump = Pump {
            v,
            // Newest first: the archive is in date order.
            todo: chunks.into_iter().rev().collect(),
            extra,
            published: 0,
            progress,
            fetched: 0,
        };
        self.pump(pump, AUTO_BYTES).await
    }

    /// Verifies text chunks until none is left, or until `budget` bytes of chunks were checked
    /// (then the run pauses: the status offers to go on). Chunks still in the cache cost no
    /// fetch and no decoding, only a search.
    async fn pump(&self, mut s: Pump, budget: u64) -> Result<(), String> {
        let head = self.head.clone();
        let mut flying: VecDeque<(ChunkRef, js_sys::Promise)> = VecDeque::new();
        let limit = s.fetched.saturating_add(budget);
        loop {
            while flying.len() < IN_FLIGHT && s.fetched < limit {
                let Some(c) = s.todo.pop_front() else { break };
                let cached = self.cache.borrow_mut().get(&c.name);
                if let Some(ci) = cached {
                    // Counted too: a query over cached chunks stops where it stopped before.
                    s.fetched += u64::from(c.bytes);
                    s.v.add_index(&ci);
                    continue;
                }
                s.fetched += u64::from(c.bytes);
                let p = start(&c.name);
                flying.push_back((c, p));
            }
            self.report(&mut s, false);
            let Some((c, p)) = flying.pop_front() else {
                break;
            };
            let b = bytes(&c.name, p).await?;
            if self.stale() {
                return Ok(());
            }
            let ci = Rc::new(ChunkIndex::new(&head, &c, &b).map_err(|e| e.to_string())?);
            self.cache
                .borrow_mut()
                .put(&c.name, ci.clone(), u64::from(c.bytes));
            s.v.add_index(&ci);
            self.report(&mut s, false);
        }
        self.report(&mut s, true);
        if !s.todo.is_empty() {
            *self.paused.borrow_mut() = Some((self.me, s));
        }
        Ok(())
    }

    /// Shows the results found so far (each time their number doubles, and at the end) and
    /// the progress.
    fn report(&self, s: &mut Pump, end: bool) {
        let n = s.v.found.len();
        let show = if end {
            s.published != n || n == 0
        } else {
            n >= 2 * s.published.max(10) || (s.published == 0 && n > 0)
        };
        if show {
            self.publish(&s.v.pages, &s.v.found, &s.extra);
            s.published = n;
        }
        s.progress.checked = s.v.checked;
        s.progress.found = n;
        if end {
            s.progress.done = s.todo.is_empty();
            s.progress.paused = !s.todo.is_empty();
            if s.progress.done {
                s.progress.checked = s.v.total();
            }
        }
        self.set_progress.set(s.progress.clone());
    }
}

/// Recently used text chunks, decoded and indexed, up to [`CACHE_BYTES`] of chunk files
/// (an index takes about four times its chunk in memory).
#[derive(Default)]
struct ChunkCache {
    map: HashMap<String, (Rc<ChunkIndex>, u64)>,
    /// Names, least recently used first.
    order: VecDeque<String>,
    bytes: u64,
}

/// Chunk bytes kept indexed in memory.
const CACHE_BYTES: u64 = 24 << 20;

impl ChunkCache {
    fn get(&mut self, name: &str) -> Option<Rc<ChunkIndex>> {
        let hit = self.map.get(name).map(|(c, _)| c.clone())?;
        if let Some(i) = self.order.iter().position(|n| n == name) {
            if let Some(n) = self.order.remove(i) {
                self.order.push_back(n);
            }
        }
        Some(hit)
    }

    fn put(&mut self, name: &str, c: Rc<ChunkIndex>, bytes: u64) {
        if self.map.insert(name.to_string(), (c, bytes)).is_none() {
            self.order.push_back(name.to_string());
            self.bytes += bytes;
        }
        while self.bytes > CACHE_BYTES && self.order.len() > 1 {
            let Some(old) = self.order.pop_front() else {
                break;
            };
            if let Some((_, b)) = self.map.remove(&old) {
                self.bytes -= b;
            }
        }
    }
}

/// A query's verification, paused after its byte budget.
struct Pump {
    v: Verifier,
    todo: VecDeque<ChunkRef>,
    extra: Option<(Page, Article)>,
    published: usize,
    progress: Progress,
    /// Bytes of text chunks checked so far (fetched, or found in the cache).
    fetched: u64,
}

/// Text bytes a query fetches before it pauses and asks (about 4 MB: a few seconds on a phone;
/// with 128 KB chunks, the first results come from the first few).
const AUTO_BYTES: u64 = 4 << 20;

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
    let head = match &*head {
        Ok(h) => h.clone(),
        Err(e) => {
            return html! { <main class="load-error" role="alert"><pre>{e.to_string()}</pre></main> }
        }
    };
    let total_bytes: u64 = head
        .postings
        .iter()
        .chain(&head.texts)
        .map(|c| u64::from(c.bytes))
        .sum();
    let paused = use_memo((), |_| Rc::new(RefCell::new(None::<(u64, Pump)>)));
    let cache = use_memo((), |_| Rc::new(RefCell::new(ChunkCache::default())));
    let run_for = {
        let (set_index, set_progress) = (index.setter(), progress.setter());
        let (generation, paused, head) = ((*generation).clone(), (*paused).clone(), head.clone());
        let cache = (*cache).clone();
        move |me: u64| Run {
            head: head.clone(),
            generation: generation.clone(),
            me,
            set_index: set_index.clone(),
            set_progress: set_progress.clone(),
            paused: paused.clone(),
            cache: cache.clone(),
        }
    };
    let on_resume = {
        let (run_for, generation, paused) =
            (run_for.clone(), (*generation).clone(), (*paused).clone());
        let set_progress = progress.setter();
        Callback::from(move |_: MouseEvent| {
            let Some((me, state)) = paused.borrow_mut().take() else {
                return;
            };
            if me != generation.get() {
                return;
            }
            let run = run_for(me);
            let on_err = set_progress.clone();
            let query = state.progress.query.clone();
            yew::platform::spawn_local(async move {
                if let Err(e) = run.pump(state, u64::MAX).await {
                    if !run.stale() {
                        on_err.set(Progress {
                            query,
                            done: true,
                            error: Some(e),
                            ..Default::default()
                        });
                    }
                }
            });
        })
    };
    let on_query = {
        let set_progress = progress.setter();
        let generation = (*generation).clone();
        Callback::from(move |q: String| {
            let me = generation.get() + 1;
            generation.set(me);
            set_progress.set(Progress {
                query: q.clone(),
                ..Default::default()
            });
            let run = run_for(me);
            let on_err = set_progress.clone();
            yew::platform::spawn_local(async move {
                let (stale, query) = (run.clone(), q.clone());
                if let Err(e) = run.go(q).await {
                    if stale.stale() {
                        return;
                    }
                    on_err.set(Progress {
                        query,
                        done: true,
                        error: Some(e),
                        ..Default::default()
                    });
                }
            });
        })
    };
    let lang = browser::load_setting("lang")
        .map(|l| Lang::from_key(&l))
        .unwrap_or_default();
    let s = &head.summary;
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
