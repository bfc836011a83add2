//! A sharded archive in the browser (a build with `cfg(sharded)`, see `build.rs`).
//!
//! The app embeds only the [`Head`](crate::search::shard::Head); the search runs in a Web
//! Worker ([`super::shard_worker`], the same wasm), which fetches and verifies chunks and sends
//! the articles found (at most 256 a message). The page keeps them and runs the explorer over
//! an index of them, which grows a step at a time as they arrive (each step costs what it adds,
//! see [`Index::with_more`], and runs in a task of its own), and a status line says how far the
//! search has got ("已检索 3,200 / 10,000 篇"). A newer query cancels an older one (its
//! generation).

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use std::sync::Arc;

use js_sys::Array;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use super::browse::ShardShelves;
use super::explorer::{Explorer, Told};
use super::shard_worker::{bytes, start_fetch, Progress};
use super::{browser, IndexRef};
use crate::archive::{Archive, Article, Page};
use crate::search::shard::{self, Head, LinesChunk, TextChunk};
use crate::search::Index;
use crate::view::browse::{Browse, Shelf};
use crate::view::facets::{Counted, Selections};
use crate::view::i18n::Lang;
use crate::view::recent::Recent;

thread_local! {
    /// An empty index of the head's tables: each index of the page is built from its folding
    /// and pinyin lookups ([`Index::anew`]), not from the tables again.
    static LOOKUPS: std::cell::OnceCell<Index> = const { std::cell::OnceCell::new() };
}

fn index_of(head: &Head, pages: Vec<Arc<Page>>, articles: Vec<Arc<Article>>) -> Rc<Index> {
    let archive = Archive {
        pages,
        articles,
        entities: Vec::new(),
    };
    LOOKUPS.with(|l| {
        Rc::new(
            l.get_or_init(|| Index::new(Archive::default(), &head.tables))
                .anew(archive),
        )
    })
}

/// The current query's results, as the worker sends them. Shared with the recent answers
/// that hold the same ones (a query answered again takes them without a copy, and the
/// answer it replaces is not freed in the keystroke's task when a recent answer holds it).
#[derive(Default, Clone)]
struct Found {
    gen: u64,
    pages: Rc<Vec<Arc<Page>>>,
    articles: Rc<Vec<Arc<Article>>>,
    ids: Rc<HashSet<String>>,
}

impl Found {
    /// Adds a batch (of generation `gen`; an older one is dropped, a newer one starts over).
    /// Whether the articles changed: one was added, or a newer generation started over (its
    /// first batch may be empty: nothing found, and the last query's articles go).
    fn add(&mut self, gen: u64, batch: TextChunk) -> bool {
        let renewed = gen != self.gen;
        if renewed {
            *self = Found {
                gen,
                ..Default::default()
            };
        }
        let pages = Rc::make_mut(&mut self.pages);
        for p in batch.pages {
            if pages.last().is_none_or(|l| l.file != p.file) {
                pages.push(p);
            }
        }
        let before = self.articles.len();
        let (ids, articles) = (
            Rc::make_mut(&mut self.ids),
            Rc::make_mut(&mut self.articles),
        );
        for a in batch.articles {
            if ids.insert(a.id.clone()) {
                articles.push(a);
            }
        }
        renewed || self.articles.len() > before
    }
}

/// Printed lines fetched so far, by page file ("对照原版排列").
type Printed = HashMap<String, Vec<String>>;

/// Gives pages the printed lines fetched for them.
fn fill_lines(pages: &mut [Arc<Page>], printed: &Printed) {
    for p in pages.iter_mut().filter(|p| p.lines.is_empty()) {
        if let Some(l) = printed.get(&p.file) {
            Arc::make_mut(p).lines.clone_from(l);
        }
    }
}

/// A page's first article, from its page bucket (`None`: the archive has no such page).
async fn page_first(head: &Head, file: &str) -> Result<Option<u32>, String> {
    let Some(bucket) = head.page_bucket(file) else {
        return Ok(None);
    };
    let b = bytes(bucket, start_fetch(bucket)).await?;
    shard::find_id(&b, file).map_err(|e| e.to_string())
}

/// Fetches the printed lines of the text chunk holding a page.
async fn load_lines(head: &Head, file: &str) -> Result<LinesChunk, String> {
    let Some(d) = page_first(head, file).await? else {
        return Ok(LinesChunk::default());
    };
    let Some(c) = head.lines_of(d) else {
        return Ok(LinesChunk::default());
    };
    let b = bytes(&c, start_fetch(&c)).await?;
    LinesChunk::decode(&b).map_err(|e| e.to_string())
}

/// The index the explorer runs over: the query's results, and the editions loaded for
/// browsing (so that an article opened from a page is there to read), with the printed lines
/// fetched so far.
fn rebuild(head: &Head, f: &Found, loaded: Option<&Archive>, printed: &Printed) -> IndexRef {
    let (mut pages, mut articles) = ((*f.pages).clone(), (*f.articles).clone());
    if let Some(a) = loaded {
        let files: HashSet<&str> = pages.iter().map(|p| p.file.as_str()).collect();
        let extra: Vec<Arc<Page>> = a
            .pages
            .iter()
            .filter(|p| !files.contains(p.file.as_str()))
            .cloned()
            .collect();
        pages.extend(extra);
        articles.extend(
            a.articles
                .iter()
                .filter(|x| !f.ids.contains(&x.id))
                .cloned(),
        );
    }
    fill_lines(&mut pages, printed);
    IndexRef::Shared(index_of(head, pages, articles))
}

/// The index `ix` (built over the first of the results `f`, with no edition loaded and the
/// printed lines as they are) grown with the next of the rest, about `bytes` of their text (one
/// article at least): what [`rebuild`] builds over as many, folding and indexing only the
/// articles added (see [`Index::with_more`]: the cost is theirs, not that of the articles
/// already in `ix`). Also says how much text was added.
fn grow(ix: &Index, f: &Found, printed: &Printed, bytes: usize) -> (IndexRef, usize) {
    let a = ix.archive();
    let mut pages = f.pages[a.pages.len()..].to_vec();
    fill_lines(&mut pages, printed);
    let from = a.articles.len();
    let mut to = from;
    let mut taken = 0;
    while let Some(x) = f.articles.get(to).filter(|_| taken < bytes.max(1)) {
        taken += x.title.len() + x.paragraphs.iter().map(|p| p.text.len()).sum::<usize>();
        to += 1;
    }
    let more = f.articles[from..to].to_vec();
    (
        IndexRef::Shared(Rc::new(ix.with_more_unmerged(pages, more))),
        taken,
    )
}

/// The calendar of a sharded archive: one page per edition of the head, no articles (built
/// once, linear in the editions).
fn calendar_shelf(head: &Head) -> &'static Shelf<'static> {
    static CAL: std::sync::OnceLock<Shelf<'static>> = std::sync::OnceLock::new();
    CAL.get_or_init(|| {
        let pages = head
            .editions
            .iter()
            .enumerate()
            .map(|(i, e)| {
                Page {
                    file: format!("edition-{i}"),
                    paper: e.paper.clone(),
                    date: e.date.clone(),
                    ..Default::default()
                }
                .into()
            })
            .collect();
        let a: &'static Archive = Box::leak(Box::new(Archive {
            pages,
            ..Default::default()
        }));
        Shelf::new(a)
    })
}

/// Fetches text chunks (all at once) and puts their pages and articles together.
async fn fetch_chunks(names: &[&shard::ChunkRef]) -> Result<Archive, String> {
    let started: Vec<_> = names.iter().map(|c| (c, start_fetch(&c.name))).collect();
    let mut out = Archive::default();
    let mut ids = HashSet::new();
    for (c, p) in started {
        let chunk = TextChunk::decode(&bytes(&c.name, p).await?).map_err(|e| e.to_string())?;
        for p in chunk.pages {
            if !out.pages.iter().any(|x| x.file == p.file) {
                out.pages.push(p);
            }
        }
        out.articles.extend(
            chunk
                .articles
                .into_iter()
                .filter(|a| ids.insert(a.id.clone())),
        );
    }
    Ok(out)
}

/// Loads what a browse view needs: the edition (of a date, or of a page) with the editions
/// before and after it in the calendar. `Ok(None)`: nothing to load (the calendar, or already
/// loaded); an edition or page the archive lacks loads an empty archive (the view says so).
async fn load_browse(
    head: &Head,
    b: &Browse,
    have: Option<&Archive>,
) -> Result<Option<Archive>, String> {
    let cal = calendar_shelf(head);
    let (date, paper) = match b {
        Browse::Calendar(..) => return Ok(None),
        Browse::Edition(d, p) => {
            if have.is_some_and(|a| {
                Shelf::new(a)
                    .find_edition(d.as_deref(), p.as_deref())
                    .is_some()
            }) {
                return Ok(None);
            }
            (d.clone(), p.clone())
        }
        Browse::Page(file) => {
            if have.is_some_and(|a| a.pages.iter().any(|p| &p.file == file)) {
                return Ok(None);
            }
            let Some(d) = page_first(head, file).await? else {
                return Ok(Some(Archive::default()));
            };
            let chunk =
                fetch_chunks(&head.chunks_between(d, d + 1).iter().collect::<Vec<_>>()).await?;
            let Some(p) = chunk.pages.iter().find(|p| &p.file == file) else {
                return Ok(Some(Archive::default()));
            };
            let date = p
                .date
                .clone()
                .filter(|d| crate::archive::date::parse_iso_date(d).is_some());
            (date, p.paper.clone())
        }
    };
    let Some(k) = cal.find_edition(date.as_deref(), paper.as_deref()) else {
        return Ok(Some(Archive::default()));
    };
    let mut chunks: Vec<&shard::ChunkRef> = Vec::new();
    for e in (k.saturating_sub(1)..=k + 1).filter_map(|i| cal.editions.get(i)) {
        let Some(h) = head
            .editions
            .iter()
            .find(|h| h.date.as_deref() == e.date && h.paper.as_deref() == e.paper)
        else {
            continue;
        };
        for c in head.chunks_between(h.first, h.end) {
            if !chunks.iter().any(|x| x.name == c.name) {
                chunks.push(c);
            }
        }
    }
    fetch_chunks(&chunks).await.map(Some)
}

/// Queries answered lately, with their final progress (done, or paused after the byte budget):
/// the same query again is answered at once (see [`crate::view::recent`]).
type Answers = Recent<Answer>;

/// A query's final answer: what the worker sent, its progress, and the index built over it
/// (reused while no printed lines arrived since: rebuilding costs more than the search).
#[derive(Clone)]
struct Answer {
    found: Rc<Found>,
    progress: Progress,
    index: Option<IndexRef>,
    printed: usize,
}

/// A recent answer to a broader query (`合肥` when `合肥市` is typed, `口罩` for `口罩 体温`),
/// narrowed to `q` on the page: the articles of that answer that match `q`, found by searching
/// the index built over them. Every article matching `q` matches the broader query
/// ([`crate::search::Query::narrows`]), so a complete answer (the smallest one, when several
/// are) narrows to the complete answer to `q`. A paused one (a broad query at scale) narrows
/// to some of it, shown at once while the worker runs `q` for the rest (when it has any).
fn narrowed(recent: &Answers, q: &str, printed: usize) -> Option<Answer> {
    let broader = |(k, a): (&String, &Answer)| {
        let pr = &a.progress;
        (pr.done || pr.paused)
            && pr.error.is_none()
            && a.printed == printed
            && a.index.as_ref().is_some_and(|ix| {
                let ix: &Index = ix;
                ix.parse(q).narrows(&ix.parse(k), &|s| ix.fold(s))
            })
    };
    let complete = recent
        .iter()
        .filter(|(_, a, _)| a.progress.done && !a.progress.paused)
        .filter(|(k, a, _)| broader((k, a)))
        .min_by_key(|(_, a, _)| a.found.articles.len());
    // Else the most recent paused one (the query typed just before, usually).
    let (_, a, _) = complete.or_else(|| recent.iter().find(|(k, a, _)| broader((k, a))))?;
    let whole = a.progress.done && !a.progress.paused;
    let index = a.index.clone()?;
    let ix: &Index = &index;
    // The render that shows this answer derives its list from the same search.
    let ids: HashSet<String> = super::derive::search_all(&index, &ix.parse(q))
        .order
        .iter()
        .filter_map(|(d, _)| ix.archive().articles.get(*d))
        .map(|x| x.id.clone())
        .collect();
    let articles: Vec<Arc<Article>> = a
        .found
        .articles
        .iter()
        .filter(|x| ids.contains(&x.id))
        .cloned()
        .collect();
    if !whole && articles.is_empty() {
        return None;
    }
    let progress = if whole {
        Progress {
            query: q.to_string(),
            found: articles.len(),
            ..a.progress.clone()
        }
    } else {
        // Some of the answer: running, until the worker says how far it got.
        Progress {
            query: q.to_string(),
            found: articles.len(),
            paused: true,
            ..Default::default()
        }
    };
    let found = Found {
        gen: 0,
        pages: a.found.pages.clone(),
        ids: Rc::new(articles.iter().map(|x| x.id.clone()).collect()),
        articles: Rc::new(articles),
    };
    Some(Answer {
        found: Rc::new(found),
        progress,
        index: Some(index),
        printed,
    })
}

/// Queries kept, and the articles they may hold in all (a few megabytes of text).
const RECENT_QUERIES: usize = 8;
const RECENT_ARTICLES: usize = 2000;

/// Results and progress waiting to be applied.
#[derive(Default)]
struct Pending {
    index: bool,
    /// The latest progress, with its generation.
    progress: Option<(u64, Progress)>,
    scheduled: bool,
    /// When results were last applied (`performance.now()`, ms).
    last: f64,
    /// The page answered a query itself (see [`Told::Answered`]) and that frame is not yet
    /// painted: what the worker sends meanwhile waits until it is.
    unpainted: bool,
    /// A query answered from [`Answers`] while the worker runs it again (a paused answer, or
    /// one missing a linked article): its progress never shows less than the recent answer.
    floor: Option<(u64, Progress)>,
    /// When the results were last shown (`performance.now()`, ms), what showing them cost per
    /// article (from setting the index to the frame painted; see
    /// [`crate::view::pace::rebuild_due`]), and how many articles the list shows.
    built_at: f64,
    per_article: f64,
    listed: usize,
    /// Growing the index costs about this much per byte of text added (ms), so a step adds
    /// about [`crate::view::pace::GROW_STEP_MS`] worth.
    grow_per_byte: f64,
    /// This flush shows the index while it is behind the results (what it holds so far).
    partial: bool,
    /// The next step of growing the index is scheduled.
    stepping: bool,
    /// This flush is that step (the index grows only in a task of its own, not in the one
    /// that decoded a message).
    in_step: bool,
    /// The generation of the results and the number of printed pages the current index was
    /// built with, when it was built over those results alone (no edition loaded): the next
    /// batch of the same results grows it ([`grow`]) instead of building it anew.
    plain: Option<(u64, usize)>,
    /// A rebuild put off by [`crate::view::pace::rebuild_due`] has its timer set.
    timer: bool,
    /// The worker's facet counts of the results sent so far (with their last batch), shown
    /// with them.
    counted: Option<Rc<Counted>>,
    /// A partial show came due in a task that grew the index: it is the next step's task
    /// (a step and a render of the list together made most of the long tasks of a "search
    /// all"). The show that ends an answer is never put off: a keystroke typed just after
    /// would wait for it.
    show_next: bool,
}

/// Reads facet counts sent as postcard bytes (`None`: none sent, or they do not decode: the
/// page counts its own).
fn counted_of(v: &JsValue) -> Option<Rc<Counted>> {
    let b = v.dyn_ref::<js_sys::Uint8Array>()?.to_vec();
    postcard::from_bytes(&b).ok().map(Rc::new)
}

/// Selections as postcard bytes, for the worker.
fn selections_js(s: &Selections) -> JsValue {
    postcard::to_allocvec(s)
        .map(|b| js_sys::Uint8Array::from(b.as_slice()).into())
        .unwrap_or(JsValue::NULL)
}

fn now_ms() -> f64 {
    gloo::utils::window()
        .performance()
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// Applies what is pending: at once when nothing was applied during the last frame (so the
/// first results of a query are painted in the frame after they arrive), else at the next
/// animation frame, once however many messages come (a burst of batches costs one index
/// rebuild and one render); after the next paint while the page's own answer to a query is
/// not yet painted.
fn flush_soon(pending: &Rc<RefCell<Pending>>, flush: &Rc<dyn Fn()>) {
    let after_answer = {
        let mut p = pending.borrow_mut();
        if p.scheduled {
            return;
        }
        let now = now_ms();
        if !p.unpainted && now - p.last >= 16.0 {
            drop(p);
            flush();
            return;
        }
        p.scheduled = true;
        p.unpainted
    };
    let flush = flush.clone();
    if after_answer {
        // After the frame that shows the page's own answer (typing on: its narrowed part),
        // not in it: the worker's rest of the answer would delay that frame.
        super::browser::after_paint(move || flush());
        return;
    }
    let cb = wasm_bindgen::closure::Closure::once_into_js(move || flush());
    if gloo::utils::window()
        .request_animation_frame(cb.unchecked_ref())
        .is_err()
    {
        pending.borrow_mut().scheduled = false;
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

/// The status line's words for a progress.
fn status_text(lang: Lang, p: &Progress) -> String {
    match &p.error {
        Some(e) => lang.shard_failed(e),
        None if p.done && p.query.is_empty() => match &p.edition {
            Some(e) => lang.shard_front(e, p.found),
            None => lang.shard_done(p.found, p.total),
        },
        None if p.done => lang.shard_done(p.found, p.total),
        None if p.paused && p.held => lang.shard_held(p.found, p.checked, p.total),
        None if p.paused => lang.shard_paused(p.found, p.checked, p.total),
        None => lang.shard_progress(p.checked, p.total, p.found),
    }
}

/// Writes an answer's progress into the status line at once, in the render that shows its
/// results. The state set with it is applied by yew's next task, and yew 0.23's scheduler may
/// yield to the browser before that task when a render took more than 16 ms (a state set
/// during another component's render is an update, which does not hold the yield back): the
/// frame would show the new list under the old count. The render that follows writes the same
/// values (yew compares with what it rendered last, and sets them again); the text is changed in
/// the text node yew keeps, never replaced.
fn show_now(p: &Progress, lang: Lang) {
    let Ok(Some(el)) = gloo::utils::document().query_selector("[data-testid=shard-progress]")
    else {
        return;
    };
    for (k, v) in [
        ("data-query", p.query.clone()),
        ("data-found", p.found.to_string()),
        ("data-done", p.done.to_string()),
        ("data-paused", p.paused.to_string()),
    ] {
        let _ = el.set_attribute(k, &v);
    }
    if let Ok(Some(span)) = el.query_selector(":scope > span") {
        if let Some(text) = span.first_child() {
            text.set_node_value(Some(&status_text(lang, p)));
        }
    }
}

/// The app over a sharded archive.
#[component]
pub fn ShardedApp() -> Html {
    let head = use_memo((), |_| crate::data::load_head().map(Rc::new));
    let index = use_state(|| {
        IndexRef::Shared(Rc::new(Index::new(Archive::default(), &Default::default())))
    });
    let progress = use_state(Progress::default);
    // The interface language, as the explorer picks it (a stored choice, else the browser's),
    // and as it switches: the status line follows.
    let lang = use_state_eq(|| {
        browser::load_setting("lang")
            .map(|l| Lang::from_key(&l))
            .unwrap_or_else(|| Lang::from_languages(&browser::languages()))
    });
    // The same, for what writes the status line between renders ([`show_now`]).
    let lang_now = use_memo((), |_| Rc::new(Cell::new(*lang)));
    let on_lang = {
        let (set, now) = (lang.setter(), (*lang_now).clone());
        use_callback((), move |l: Lang, _| {
            now.set(l);
            set.set(l)
        })
    };
    let generation = use_memo((), |_| Rc::new(Cell::new(0u64)));
    // The worker's facet counts shown, and the selections it counts under.
    let counted = use_state(|| None::<Rc<Counted>>);
    let selections = use_memo((), |_| Rc::new(RefCell::new(Selections::default())));
    let found = use_memo((), |_| Rc::new(RefCell::new(Found::default())));
    let worker = use_memo((), |_| spawn_worker());
    // The editions loaded for browsing (also read by the index rebuilds).
    let loaded = use_memo((), |_| Rc::new(RefCell::new(None::<Rc<Archive>>)));
    let shelves = use_state(|| None::<Rc<ShardShelves>>);
    let browse_gen = use_memo((), |_| Rc::new(Cell::new(0u64)));
    // A browse view is loading (its shelves are set when it is done).
    let browse_busy = use_memo((), |_| Rc::new(Cell::new(false)));
    let printed = use_memo((), |_| Rc::new(RefCell::new(Printed::new())));
    // What the worker sent, waiting to be applied (see [`flush_soon`]).
    let pending = use_memo((), |_| Rc::new(RefCell::new(Pending::default())));
    let recent = use_memo((), |_| {
        Rc::new(RefCell::new(Answers::new(RECENT_QUERIES, RECENT_ARTICLES)))
    });
    // The index last built over a query's results, with the generation of those results.
    let current = use_memo((), |_| Rc::new(RefCell::new(None::<(u64, IndexRef)>)));
    let lines_error = use_state(|| None::<String>);
    let head = match &*head {
        Ok(h) => h.clone(),
        Err(e) => {
            return html! { <main class="load-error" role="alert"><pre>{e.to_string()}</pre></main> }
        }
    };
    {
        let (set_index, set_progress) = (index.setter(), progress.setter());
        let set_counted = counted.setter();
        let (generation, found, head) = ((*generation).clone(), (*found).clone(), head.clone());
        let (worker, loaded, printed) = (worker.clone(), (*loaded).clone(), (*printed).clone());
        let (pending, recent, current) =
            ((*pending).clone(), (*recent).clone(), (*current).clone());
        use_effect_with((), move |_| {
            // What the worker sends, applied at most once per frame (see [`flush_soon`]); the
            // status line never runs ahead of the list.
            let flush: Rc<dyn Fn()> = {
                let (pending, found, loaded, head) =
                    (pending.clone(), found.clone(), loaded.clone(), head.clone());
                let (set_index, set_progress) = (set_index.clone(), set_progress.clone());
                let set_counted = set_counted.clone();
                let generation = generation.clone();
                // The flush itself, for the timer of a rebuild put off.
                let again = Rc::new(RefCell::new(None::<std::rc::Weak<dyn Fn()>>));
                let again2 = again.clone();
                let flush: Rc<dyn Fn()> = Rc::new(move || {
                    let now = now_ms();
                    let (work, due, in_step) = {
                        let mut p = pending.borrow_mut();
                        p.scheduled = false;
                        let in_step = std::mem::take(&mut p.in_step);
                        if in_step {
                            p.stepping = false;
                        }
                        let last = p
                            .progress
                            .as_ref()
                            .is_some_and(|(_, pr)| pr.done || pr.paused || pr.error.is_some());
                        let fresh = current
                            .borrow()
                            .as_ref()
                            .is_none_or(|(g, _)| *g != found.borrow().gen);
                        let cost = p.per_article * found.borrow().articles.len() as f64;
                        let due =
                            crate::view::pace::rebuild_due(now, p.built_at, cost, fresh, last);
                        (p.index, due, in_step)
                    };
                    // Results not yet in the index: it grows by a step (the cost of what is added,
                    // about `GROW_STEP_MS`), or is built anew when it cannot grow (another query's,
                    // an edition loaded, printed lines arrived) and a rebuild is due. The list
                    // shows the index once it holds every result and showing is due; until then
                    // the progress waits too (the status line never runs ahead of the list).
                    let mut behind = false;
                    if work {
                        let l = loaded.borrow().clone();
                        let f = found.borrow();
                        let n = printed.borrow().len();
                        let prev = current.borrow().clone();
                        let plain = pending.borrow().plain;
                        let growable = prev.as_ref().filter(|(g, ix)| {
                            l.is_none()
                                && *g == f.gen
                                && plain == Some((*g, n))
                                && ix.archive().articles.len() <= f.articles.len()
                                && ix.archive().pages.len() <= f.pages.len()
                        });
                        let mut deferred = false;
                        // A partial show put off by the last step: this task shows it.
                        let show_next =
                            in_step && std::mem::take(&mut pending.borrow_mut().show_next);
                        let mut stepped = false;
                        let built = match growable {
                            Some((_, ix))
                                if show_next || ix.archive().articles.len() >= f.articles.len() =>
                            {
                                Some(ix.clone())
                            }
                            Some(_) if !in_step => {
                                deferred = true;
                                None
                            }
                            // A merge of segments the last steps left is a step of its own
                            // (see `Index::with_more_unmerged`); else the index grows.
                            Some((_, ix)) => match ix.merged_once() {
                                Some(m) => {
                                    stepped = true;
                                    Some(IndexRef::Shared(Rc::new(m)))
                                }
                                None => {
                                    stepped = true;
                                    let per = pending.borrow().grow_per_byte;
                                    let bytes = crate::view::pace::step_bytes(per);
                                    let (r, taken) = grow(ix, &f, &printed.borrow(), bytes);
                                    if taken > 0 {
                                        let mut p = pending.borrow_mut();
                                        let t = (now_ms() - now) / taken as f64;
                                        p.grow_per_byte = crate::view::pace::next_per_byte(per, t);
                                    }
                                    Some(r)
                                }
                            },
                            None if due => {
                                Some(rebuild(&head, &f, l.as_deref(), &printed.borrow()))
                            }
                            None => None,
                        };
                        let caught_up = built
                            .as_ref()
                            .is_some_and(|r| r.archive().articles.len() >= f.articles.len());
                        let grew = built.is_some();
                        behind = deferred || (grew && !caught_up);
                        if let Some(r) = built {
                            pending.borrow_mut().plain = l.is_none().then_some((f.gen, n));
                            *current.borrow_mut() = Some((f.gen, r));
                        }
                        // Due includes a query's first results and its last. While the
                        // index is behind the results (a long answer arrives faster than the
                        // page indexes it), what it holds so far is shown at the same pace,
                        // by what showing it costs: the list grows as results stream in
                        // instead of waiting for the worker to pause or finish.
                        let mut p = pending.borrow_mut();
                        let holds = current
                            .borrow()
                            .as_ref()
                            .filter(|(g, _)| *g == f.gen)
                            .map_or(0, |(_, r)| r.archive().articles.len());
                        let partial = !caught_up
                            && grew
                            && holds > p.listed
                            && crate::view::pace::partial_show_due(
                                now,
                                p.built_at,
                                p.per_article * holds as f64,
                                p.per_article * p.listed as f64,
                            );
                        // A partial show due in the task of a step: the next task's, at once.
                        let later = partial && stepped;
                        p.partial = partial && !later;
                        if later {
                            p.show_next = true;
                            behind = true;
                        }
                        let show = (caught_up && due) || (partial && !later);
                        if show {
                            // (A partial show leaves the rest to be added.)
                            p.index = partial;
                            let r = current.borrow().as_ref().map(|(_, r)| r.clone());
                            if let Some(r) = r {
                                set_index.set(r);
                                // With the worker's counts of them (one render for both).
                                if let Some(c) = p.counted.take() {
                                    set_counted.set(Some(c));
                                }
                                let n = if partial { holds } else { f.articles.len() };
                                (p.last, p.built_at, p.listed) = (now, now, n);
                                // What showing them costs: the render, style, layout and paint.
                                let pending = pending.clone();
                                super::browser::after_paint(move || {
                                    let mut p = pending.borrow_mut();
                                    p.built_at = now_ms();
                                    p.per_article = (p.built_at - now) / n.max(1) as f64;
                                });
                            }
                        }
                    }
                    let (progress, floor, later, step) = {
                        let mut p = pending.borrow_mut();
                        let cost = p.per_article * found.borrow().articles.len() as f64;
                        // Held (not yet due to be shown, or to be rebuilt): shown when due, by a
                        // timer (one at a time).
                        let later = (p.index && !behind && !p.timer).then(|| {
                            p.timer = true;
                            (p.built_at + crate::view::pace::show_interval(cost) - now).max(16.0)
                        });
                        // The next step at once, in a task of its own (input runs in between).
                        let step = (behind && !p.stepping).then(|| {
                            p.stepping = true;
                            0.0
                        });
                        // While steps remain, the progress waits for the results it counts (a
                        // final answer is kept with an index over all of it).
                        // A partial show says how far the search got, not yet that it ended.
                        let progress = if !behind {
                            p.progress.take()
                        } else if std::mem::take(&mut p.partial) {
                            p.progress.clone().map(|(g, mut pr)| {
                                (pr.done, pr.paused) = (false, false);
                                (g, pr)
                            })
                        } else {
                            None
                        };
                        (progress, p.floor.clone(), later, step)
                    };
                    for (ms, timer) in [(later, true), (step, false)] {
                        let (Some(ms), Some(f)) = (ms, again.borrow().clone()) else {
                            continue;
                        };
                        let pending = pending.clone();
                        let run = move || {
                            let mut p = pending.borrow_mut();
                            if timer {
                                p.timer = false;
                            } else {
                                p.in_step = true;
                            }
                            drop(p);
                            if let Some(f) = f.upgrade() {
                                f();
                            }
                        };
                        // A step: the next task (no timer's 4 ms between steps).
                        if timer {
                            gloo::timers::callback::Timeout::new(ms as u32, run).forget();
                        } else {
                            super::browser::next_task(run);
                        }
                    }
                    if let Some((g, mut pr)) = progress.filter(|(g, _)| *g == generation.get()) {
                        if let Some((_, f)) = floor.filter(|(fg, _)| *fg == g) {
                            pr.found = pr.found.max(f.found);
                            pr.checked = pr.checked.max(f.checked);
                        }
                        // The status line counts what the list shows (it never runs ahead of
                        // the list: the worker's progress counts articles it has not sent yet,
                        // and a rebuild may be put off), and how far the search got.
                        let listing = current.borrow().as_ref().is_some_and(|(cg, _)| *cg == g);
                        if listing {
                            pr.found = pr.found.min(pending.borrow().listed);
                        }
                        // A final answer is kept for the same query again.
                        let fd = found.borrow();
                        let keep = (pr.done || pr.paused) && pr.error.is_none();
                        if keep && fd.gen == g && fd.articles.len() <= RECENT_ARTICLES {
                            // Its index, when it holds every article of the answer.
                            let index = current.borrow().clone().filter(|(cg, r)| {
                                *cg == g && r.archive().articles.len() >= fd.articles.len()
                            });
                            let answer = Answer {
                                found: Rc::new(fd.clone()),
                                progress: pr.clone(),
                                index: index.map(|(_, r)| r),
                                printed: printed.borrow().len(),
                            };
                            recent
                                .borrow_mut()
                                .put(pr.query.clone(), answer, fd.articles.len());
                        }
                        set_progress.set(pr);
                    }
                });
                *again2.borrow_mut() = Some(Rc::downgrade(&flush));
                flush
            };
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
                                pending.borrow_mut().progress = Some((gen, Progress::from_js(&a)));
                                flush_soon(&pending, &flush);
                            }
                            Some("f") if gen == generation.get() => {
                                let bytes = js_sys::Uint8Array::new(&a.get(2)).to_vec();
                                // The progress these results make, applied with them.
                                let mut progress = a
                                    .get(3)
                                    .dyn_into::<Array>()
                                    .ok()
                                    .map(|pr| Progress::from_js(&pr));
                                let mut p = pending.borrow_mut();
                                match TextChunk::decode(&bytes) {
                                    Ok(batch) => {
                                        if found.borrow_mut().add(gen, batch) {
                                            p.index = true;
                                        }
                                    }
                                    // Said, not dropped: the status line would run for good.
                                    Err(e) => {
                                        progress = Some(Progress {
                                            done: true,
                                            error: Some(e.to_string()),
                                            ..progress.unwrap_or_default()
                                        })
                                    }
                                }
                                if let Some(pr) = progress {
                                    p.progress = Some((gen, pr));
                                }
                                if let Some(c) = counted_of(&a.get(4)) {
                                    p.counted = Some(c);
                                }
                                drop(p);
                                flush_soon(&pending, &flush);
                            }
                            // Counts under selections just changed: shown at once.
                            Some("k") if gen == generation.get() => {
                                if let Some(c) = counted_of(&a.get(2)) {
                                    set_counted.set(Some(c));
                                }
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
    let total_bytes: u64 = crate::data::SHARDS_BYTES.parse().unwrap_or(0);
    let on_resume = {
        let (generation, worker) = ((*generation).clone(), worker.clone());
        let progress = progress.clone();
        Callback::from(move |_: MouseEvent| {
            if let Ok(w) = &*worker {
                // How many more articles it holds before pausing again: the `hold-step`
                // setting when a host set one (see `view::pace::hold_step`), else its default.
                let hold = browser::load_setting("hold-step")
                    // A whole number (`f64` parsing would add 19 KB to the wasm).
                    .and_then(|v| v.trim().parse::<u32>().ok())
                    .map_or(JsValue::UNDEFINED, |n| JsValue::from_f64(f64::from(n)));
                post(
                    w,
                    &["r".into(), JsValue::from_f64(generation.get() as f64), hold],
                );
                // Running again at once (the button goes: one click is enough).
                progress.set(Progress {
                    paused: false,
                    ..(*progress).clone()
                });
            }
        })
    };
    // Made once: the explorer's props stay equal while only the progress changes, so a
    // progress message re-renders the status line, not the results.
    let on_query = {
        let (set_progress, set_index) = (progress.setter(), index.setter());
        let (generation, worker) = ((*generation).clone(), worker.clone());
        let (found, loaded) = ((*found).clone(), (*loaded).clone());
        let (recent, pending, printed) =
            ((*recent).clone(), (*pending).clone(), (*printed).clone());
        let (head, current) = (head.clone(), (*current).clone());
        let lang_now = (*lang_now).clone();
        let selections = (*selections).clone();
        let last = Rc::new(RefCell::new(None::<String>));
        use_callback(
            (),
            move |(q, article): (String, Option<String>), _| -> Told {
                // The same query with another article open: asked again only when that article
                // is neither among its results nor in an edition loaded for browsing (a link
                // followed in place, or typed into the address bar), so that it opens.
                if last.borrow().as_ref() == Some(&q) {
                    let Some(id) = &article else {
                        return Told::Same;
                    };
                    let in_loaded = loaded
                        .borrow()
                        .as_ref()
                        .is_some_and(|a| a.articles.iter().any(|x| &x.id == id));
                    if found.borrow().ids.contains(id) || in_loaded {
                        return Told::Same;
                    }
                }
                *last.borrow_mut() = Some(q.clone());
                let me = generation.get() + 1;
                generation.set(me);
                {
                    // What the last query's worker sent and the next frame would apply: stale
                    // now (it would also end the list's hold at once).
                    let mut p = pending.borrow_mut();
                    p.index = false;
                    p.progress = None;
                    p.counted = None;
                    p.show_next = false;
                }
                // Answered lately, or narrowed from a complete answer to a broader query (typing
                // on): shown in this frame. The worker stops (a complete answer) or
                // runs it again (a paused one, to go on from; or one without the linked article).
                let again = recent.borrow_mut().get(&q).cloned();
                let answer =
                    again.or_else(|| narrowed(&recent.borrow(), &q, printed.borrow().len()));
                let mut told = Told::Asked;
                if let Some(Answer {
                    found: f,
                    progress: pr,
                    index,
                    printed: n,
                }) = answer
                {
                    let complete = pr.done && article.as_ref().is_none_or(|id| f.ids.contains(id));
                    *found.borrow_mut() = Found {
                        gen: me,
                        ..(*f).clone()
                    };
                    let r = index
                        .filter(|_| n == printed.borrow().len())
                        .unwrap_or_else(|| {
                            let l = loaded.borrow().clone();
                            rebuild(&head, &found.borrow(), l.as_deref(), &printed.borrow())
                        });
                    *current.borrow_mut() = Some((me, r.clone()));
                    set_index.set(r.clone());
                    // A paused answer shows as running until the worker pauses again (then "go
                    // on" has its state to go on from).
                    let now = Progress {
                        paused: false,
                        done: complete,
                        ..pr.clone()
                    };
                    show_now(&now, lang_now.get());
                    set_progress.set(now);
                    {
                        let mut p = pending.borrow_mut();
                        p.unpainted = true;
                        p.listed = f.articles.len();
                        // Not known to be built over these results alone.
                        p.plain = None;
                    }
                    let p = pending.clone();
                    super::browser::after_paint(move || p.borrow_mut().unpainted = false);
                    if complete {
                        if let Ok(w) = &*worker {
                            post(w, &["c".into(), JsValue::from_f64(me as f64)]);
                        }
                        return Told::Answered(r);
                    }
                    pending.borrow_mut().floor = Some((me, pr));
                    told = Told::Answered(r);
                } else {
                    set_progress.set(Progress {
                        query: q.clone(),
                        ..Default::default()
                    });
                }
                let ask = {
                    let (worker, generation) = (worker.clone(), generation.clone());
                    let linked = article.unwrap_or_default();
                    let sel = selections_js(&selections.borrow());
                    move || {
                        // Unless a newer query came meanwhile (it asked for itself).
                        if let (Ok(w), true) = (&*worker, generation.get() == me) {
                            post(
                                w,
                                &[
                                    "q".into(),
                                    JsValue::from_f64(me as f64),
                                    JsValue::from_str(&q),
                                    JsValue::from_str(&linked),
                                    sel,
                                ],
                            );
                        }
                    }
                };
                if matches!(told, Told::Answered(_)) {
                    // Part of the answer is shown in this frame: the worker stops the last
                    // query now, and runs this one for the rest once the frame is painted (on a
                    // machine with two cores its search would compete with the frame's paint).
                    if let Ok(w) = &*worker {
                        post(w, &["c".into(), JsValue::from_f64(me as f64)]);
                    }
                    super::browser::after_paint(ask);
                } else {
                    ask();
                }
                told
            },
        )
    };
    // The facet selections: kept for the next query, and told to the worker, which counts the
    // current query's facets under them.
    let on_selections = {
        let (selections, generation, worker) =
            ((*selections).clone(), (*generation).clone(), worker.clone());
        use_callback((), move |sel: Selections, _| {
            let js = selections_js(&sel);
            *selections.borrow_mut() = sel;
            if let Ok(w) = &*worker {
                post(
                    w,
                    &["v".into(), JsValue::from_f64(generation.get() as f64), js],
                );
            }
        })
    };
    let on_browse = {
        let (head, loaded, found) = (head.clone(), (*loaded).clone(), (*found).clone());
        let (printed, browse_busy) = ((*printed).clone(), (*browse_busy).clone());
        let (set_shelves, set_index, browse_gen) =
            (shelves.setter(), index.setter(), (*browse_gen).clone());
        use_callback((), move |b: Option<Browse>, _| {
            let Some(b) = b else { return };
            let me = browse_gen.get() + 1;
            browse_gen.set(me);
            let (head, loaded, found) = (head.clone(), loaded.clone(), found.clone());
            let (set_shelves, set_index, browse_gen) =
                (set_shelves.clone(), set_index.clone(), browse_gen.clone());
            let (printed, browse_busy) = (printed.clone(), browse_busy.clone());
            let shelves = {
                let (head, loaded) = (head.clone(), loaded.clone());
                move |status: Option<String>| {
                    Some(Rc::new(ShardShelves {
                        calendar: calendar_shelf(&head),
                        loaded: loaded.borrow().clone(),
                        status,
                        lines_note: None,
                    }))
                }
            };
            set_shelves.set(shelves(Some(String::new())));
            browse_busy.set(true);
            yew::platform::spawn_local(async move {
                let have = loaded.borrow().clone();
                let r = load_browse(&head, &b, have.as_deref()).await;
                if browse_gen.get() != me {
                    return;
                }
                browse_busy.set(false);
                match r {
                    Ok(Some(mut a)) => {
                        fill_lines(&mut a.pages, &printed.borrow());
                        let a = Rc::new(a);
                        *loaded.borrow_mut() = Some(a.clone());
                        let r = rebuild(&head, &found.borrow(), Some(&a), &printed.borrow());
                        set_index.set(r);
                        set_shelves.set(shelves(None));
                    }
                    Ok(None) => set_shelves.set(shelves(None)),
                    Err(e) => set_shelves.set(shelves(Some(e))),
                }
            });
        })
    };
    // "对照原版排列": the printed lines of a page, fetched once, then kept.
    let on_lines = {
        let (head, loaded, found) = (head.clone(), (*loaded).clone(), (*found).clone());
        let (printed, browse_busy) = ((*printed).clone(), (*browse_busy).clone());
        let (set_shelves, set_index, set_error) =
            (shelves.setter(), index.setter(), lines_error.setter());
        use_callback((), move |file: Option<String>, _| {
            let Some(file) = file.filter(|f| !printed.borrow().contains_key(f)) else {
                return;
            };
            set_error.set(None);
            let (head, loaded, found) = (head.clone(), loaded.clone(), found.clone());
            let (printed, browse_busy) = (printed.clone(), browse_busy.clone());
            let (set_shelves, set_index, set_error) =
                (set_shelves.clone(), set_index.clone(), set_error.clone());
            yew::platform::spawn_local(async move {
                let chunk = match load_lines(&head, &file).await {
                    Ok(c) => c,
                    Err(e) => return set_error.set(Some(e)),
                };
                {
                    let mut p = printed.borrow_mut();
                    p.extend(chunk.pages);
                    // A page the chunk lacks is not asked for again.
                    p.entry(file).or_default();
                }
                let l = loaded.borrow().clone();
                if let Some(a) = l {
                    let mut a = (*a).clone();
                    fill_lines(&mut a.pages, &printed.borrow());
                    let a = Rc::new(a);
                    *loaded.borrow_mut() = Some(a.clone());
                    if !browse_busy.get() {
                        set_shelves.set(Some(Rc::new(ShardShelves {
                            calendar: calendar_shelf(&head),
                            loaded: Some(a),
                            status: None,
                            lines_note: None,
                        })));
                    }
                }
                let l = loaded.borrow().clone();
                let r = rebuild(&head, &found.borrow(), l.as_deref(), &printed.borrow());
                set_index.set(r);
            });
        })
    };
    let shelves = (*shelves).as_ref().map(|s| {
        Rc::new(ShardShelves {
            calendar: s.calendar,
            loaded: s.loaded.clone(),
            status: s.status.clone(),
            lines_note: (*lines_error).clone(),
        })
    });
    let lang = *lang;
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
    let status = status_text(lang, p);
    html! {
        <>
            <Explorer index={(*index).clone()} on_query={Some(on_query)} summary={Some(AttrValue::from(summary))}
                {shelves} on_browse={Some(on_browse)} on_lines={Some(on_lines)} on_lang={Some(on_lang)}
                lines_note={(*lines_error).clone().map(AttrValue::from)}
                counted={(*counted).clone()} on_selections={Some(on_selections)}
                searching={(!p.done && p.error.is_none()).then_some(p.paused)} />
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
