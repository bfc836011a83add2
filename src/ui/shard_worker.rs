//! The search of a sharded archive, in a Web Worker (a build with `cfg(sharded)`).
//!
//! The same wasm runs in the page and in the worker: `search-worker.js` (written by
//! scripts/postbuild.mjs) imports the app's glue, and [`start`] runs instead of the app when
//! there is no `document`. The worker embeds the same [`Head`]. For each query it fetches the
//! postings chunks its keys need, turns them into candidate articles, then fetches the text
//! chunks of the candidates, newest first, a few at a time, and verifies each chunk as it
//! arrives ([`Verifier`]: the ordinary search over those articles). It sends the page the
//! articles found (each time their number doubles, and at the end: only the new ones) and how
//! far it has got. Fetching, decoding, indexing and verifying chunks never run on the page's
//! thread, so typing never waits for them.
//!
//! A newer query cancels an older one: each run checks its generation after every fetch.
//! With no query, the newest edition is sent (its first text chunks: [`FRONT_CHUNKS`]). A link to an article adds that article's
//! chunk. Costs per query: the postings chunks of its keys, plus the text chunks of its
//! candidates (both linear in what is fetched); what crosses to the page is linear in what
//! is found.
//!
//! Messages (arrays; "selections" and "counts" are postcard bytes of
//! [`facets::Selections`] and [`facets::Counted`]). Page → worker: `["q", gen, query,
//! linked id or "", selections]`, `["r", gen, hold step]` (go on after a pause), `["c", gen]`
//! (a newer query the page answered itself, from its recent answers: stop), `["v", gen,
//! selections]` (the facet selections changed). Worker → page: `["p", gen, query, checked,
//! total, found, done, paused, error or null, edition or null, held]`, `["f", gen, bytes,
//! progress or null, counts or null]` (a postcard [`TextChunk`] of new results, with the
//! progress and the facet counts of all found so far on the last message of a batch),
//! `["k", gen, counts]` (the counts under selections just told), `["e", message]` (the head
//! does not decode).

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet, VecDeque};
use std::rc::Rc;

use js_sys::{Array, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use std::sync::Arc;

use crate::archive::{Archive, Article, Page};
use crate::search::shard::{self, Catalog, ChunkIndex, ChunkRef, Head, TextChunk, Verifier};
use crate::search::Index;
use crate::view::facets::{self, Counted, Selections};
use crate::view::recent::Recent;

/// Text chunks fetched at once.
const IN_FLIGHT: usize = 4;
/// Text chunks fetched at most for the landing view's edition (its first pages: a front page
/// first; the rest of a long edition is a click away in browsing).
const FRONT_CHUNKS: usize = 2;

/// Text bytes a query fetches before it pauses and asks, once it has found a screenful
/// ([`SCREENFUL`]): half a megabyte, so that a broad query costs a phone little before the
/// first results are read (with 128 KB chunks, four or five of them).
const AUTO_BYTES: u64 = 512 << 10;

/// Results that fill a screen or two: until this many are found, a query goes on past
/// [`AUTO_BYTES`], up to [`AUTO_MAX_BYTES`] (a query whose matches are sparse still shows
/// something before it asks).
const SCREENFUL: usize = 20;

/// Text bytes a query fetches before it pauses and asks, whatever it found (about 4 MB: a
/// few seconds on a phone).
const AUTO_MAX_BYTES: u64 = 4 << 20;

/// Work between two chances for a newer query to cancel this one, in milliseconds.
const SLICE_MS: f64 = 8.0;

/// Chunk bytes kept indexed in memory (an index takes about four times its chunk): a paused
/// broad query's worth and a half (the tab's memory at 100,000 articles: see BENCHMARKS.md).
const CACHE_BYTES: u64 = 6 << 20;

#[wasm_bindgen]
extern "C" {
    /// `fetch` of whichever global this runs in (a worker here).
    #[wasm_bindgen(js_name = fetch)]
    fn global_fetch(url: &str) -> js_sys::Promise;
    /// `setTimeout` (a chance for queued messages to run).
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(f: &js_sys::Function, ms: i32) -> JsValue;
    /// The worker's `postMessage`.
    #[wasm_bindgen(js_name = postMessage)]
    fn post(v: &JsValue);
}

/// Whether this wasm runs in a worker (no `document`).
pub fn in_worker() -> bool {
    !js_sys::Reflect::has(&js_sys::global(), &JsValue::from_str("document")).unwrap_or(true)
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
pub(crate) fn start_fetch(name: &str) -> js_sys::Promise {
    global_fetch(&format!("shards/{name}"))
}

/// The bytes of a started fetch.
pub(crate) async fn bytes(name: &str, p: js_sys::Promise) -> Result<Vec<u8>, String> {
    let resp: web_sys::Response = JsFuture::from(p)
        .await
        .map_err(js_err)?
        .dyn_into()
        .map_err(js_err)?;
    if !resp.ok() {
        return Err(format!("shards/{name}: HTTP {}", resp.status()));
    }
    gunzip(&resp)
        .await
        .map_err(|e| format!("shards/{name}: {}", js_err(e)))
}

/// A chunk file's bytes, inflated: the build writes them gzip-compressed, and the browser's
/// `DecompressionStream` (Chromium 80, Firefox 113, Safari 16.4) inflates them, so the wasm
/// carries no inflater. Called through `Reflect` (web-sys lists the API as unstable).
async fn gunzip(resp: &web_sys::Response) -> Result<Vec<u8>, JsValue> {
    use js_sys::{Function, Reflect};
    let global = js_sys::global();
    let ctor = |name: &str| -> Result<Function, JsValue> {
        Reflect::get(&global, &JsValue::from_str(name))?
            .dyn_into::<Function>()
            .map_err(|_| JsValue::from_str(&format!("this browser has no {name}")))
    };
    let inflate = Reflect::construct(
        &ctor("DecompressionStream")?,
        &Array::of1(&JsValue::from_str("gzip")),
    )?;
    let body = Reflect::get(resp, &JsValue::from_str("body"))?;
    let pipe: Function = Reflect::get(&body, &JsValue::from_str("pipeThrough"))?.dyn_into()?;
    let inflated = pipe.call1(&body, &inflate)?;
    let out: web_sys::Response =
        Reflect::construct(&ctor("Response")?, &Array::of1(&inflated))?.dyn_into()?;
    let buf = JsFuture::from(out.array_buffer()?).await?;
    Ok(Uint8Array::new(&buf).to_vec())
}

/// How far a query has got.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Progress {
    pub query: String,
    pub checked: usize,
    pub total: usize,
    pub found: usize,
    pub done: bool,
    /// Stopped after its byte budget, with chunks left to check.
    pub paused: bool,
    pub error: Option<String>,
    /// With no query: the edition shown (its paper and date), when the archive has editions.
    pub edition: Option<String>,
    /// Paused because "search all" found its step's number more (see
    /// [`crate::view::pace::hold_step`]), not after the first byte budget.
    pub held: bool,
}

impl Progress {
    fn to_js(&self, gen: u64) -> JsValue {
        let a = Array::new();
        a.push(&"p".into());
        a.push(&JsValue::from_f64(gen as f64));
        a.push(&JsValue::from_str(&self.query));
        for n in [self.checked, self.total, self.found] {
            a.push(&JsValue::from_f64(n as f64));
        }
        a.push(&JsValue::from_bool(self.done));
        a.push(&JsValue::from_bool(self.paused));
        for t in [&self.error, &self.edition] {
            a.push(&t.as_deref().map_or(JsValue::NULL, JsValue::from_str));
        }
        a.push(&JsValue::from_bool(self.held));
        a.into()
    }

    /// Reads a `["p", …]` message (fields after the kind and generation).
    pub fn from_js(a: &Array) -> Progress {
        let n = |i: u32| a.get(i).as_f64().unwrap_or(0.0) as usize;
        Progress {
            query: a.get(2).as_string().unwrap_or_default(),
            checked: n(3),
            total: n(4),
            found: n(5),
            done: a.get(6).as_bool().unwrap_or(false),
            paused: a.get(7).as_bool().unwrap_or(false),
            error: a.get(8).as_string(),
            edition: a.get(9).as_string(),
            held: a.get(10).as_bool().unwrap_or(false),
        }
    }
}

/// Recently used text chunks, decoded and indexed, up to [`CACHE_BYTES`] of chunk files.
#[derive(Default)]
struct ChunkCache {
    map: HashMap<String, (Rc<ChunkIndex>, u64)>,
    /// Names, least recently used first.
    order: VecDeque<String>,
    bytes: u64,
}

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
    /// Articles already sent (they are dropped from `v` once sent: the page holds them), and
    /// pages (unused: `v` keeps only the last page sent, which the next batch may repeat).
    sent: (usize, usize),
    progress: Progress,
    /// Bytes of text chunks checked so far (fetched, or found in the cache).
    fetched: u64,
    /// When the progress was last sent (`Date.now()`).
    told: f64,
}

/// Progress goes to the page at most this often (and with each batch of results, and at the
/// end), in milliseconds.
const TELL_MS: f64 = 100.0;

/// The worker's state, shared by every run.
struct Worker {
    head: Head,
    generation: Cell<u64>,
    paused: RefCell<Option<(u64, Pump)>>,
    cache: RefCell<ChunkCache>,
    /// Postings chunks fetched, as bytes (typing repeats keys: a warm query fetches nothing).
    postings: RefCell<HeldBytes>,
    /// Postings lists decoded, by key (a warm query decodes nothing: a pinyin key's lists are
    /// megabytes of varints at 100,000 articles).
    decoded: RefCell<Recent<Rc<[u32]>, u64>>,
    /// The catalog, once a query needed it.
    catalog: RefCell<Option<Rc<Catalog>>>,
    /// The facet counts of the current query's results.
    tally: RefCell<Tally>,
}

/// Decoded postings kept: lists, and article numbers in all (4 bytes each: 16 MB).
const DECODED_LISTS: usize = 4096;
const DECODED_DOCS: usize = 4 << 20;

/// Postings bytes kept in memory (the least recently used go first: they are refetched from
/// the HTTP or service-worker cache).
const POSTINGS_BYTES: usize = 4 << 20;

/// Fetched files kept as bytes, up to [`POSTINGS_BYTES`], the least recently used dropped
/// first (a pinyin key's postings, megabytes at 100,000 articles, stay for its next query).
#[derive(Default)]
struct HeldBytes {
    files: HashMap<String, Rc<Vec<u8>>>,
    /// Names, least recently used first.
    order: VecDeque<String>,
    bytes: usize,
}

impl HeldBytes {
    fn get(&mut self, name: &str) -> Option<Rc<Vec<u8>>> {
        let b = self.files.get(name)?.clone();
        if let Some(i) = self.order.iter().position(|n| n == name) {
            if let Some(n) = self.order.remove(i) {
                self.order.push_back(n);
            }
        }
        Some(b)
    }

    fn put(&mut self, name: String, b: Rc<Vec<u8>>) {
        while self.bytes + b.len() > POSTINGS_BYTES {
            let Some(old) = self.order.pop_front() else {
                break;
            };
            if let Some(x) = self.files.remove(&old) {
                self.bytes -= x.len();
            }
        }
        if let Some(x) = self.files.insert(name.clone(), b.clone()) {
            self.bytes -= x.len();
            self.order.retain(|n| n != &name);
        }
        self.bytes += b.len();
        self.order.push_back(name);
    }
}

/// One query's run.
struct Run {
    w: Rc<Worker>,
    me: u64,
}

/// Sends articles found (new ones only), with the progress they make (the page shows both
/// in one render: the status line never runs ahead of the list, nor behind it).
fn send_found(
    gen: u64,
    pages: &[Arc<Page>],
    articles: &[Arc<Article>],
    progress: Option<&Progress>,
    counted: Option<&[u8]>,
) {
    let chunk = TextChunk {
        pages: pages.to_vec(),
        articles: articles.to_vec(),
    };
    let Ok(b) = postcard::to_allocvec(&chunk) else {
        return;
    };
    let a = Array::new();
    a.push(&"f".into());
    a.push(&JsValue::from_f64(gen as f64));
    a.push(&Uint8Array::from(b.as_slice()));
    a.push(&progress.map_or(JsValue::NULL, |p| p.to_js(gen)));
    a.push(&counted.map_or(JsValue::NULL, |c| Uint8Array::from(c).into()));
    post(&a);
}

/// The facet counts of the current query's results, counted here as the results are found, so
/// that the page never counts them (see [`facets::Counted`]).
#[derive(Default)]
struct Tally {
    /// The query's generation, and the query.
    gen: u64,
    query: String,
    /// What the counts read of every article found so far ([`facets::facet_meta`]): its kind,
    /// date and credited names (the page holds the texts).
    meta: Archive,
    /// The page's facet selections (sent with each query, and again when they change).
    selections: Selections,
    /// The counts of `meta` under them, kept as articles are found (each batch costs what it
    /// adds; new selections count every article found once).
    running: facets::Running,
    /// When counts were last sent (`Date.now()`).
    sent: f64,
}

/// Facet counts go with a batch at most this often (and with a query's first batch and its
/// last): ordering them costs O(distinct names and days), which a long "search all" would
/// otherwise pay with each of its batches.
const COUNT_MS: f64 = 200.0;

impl Tally {
    /// A query's tally (`gen`), under `selections`.
    fn new(gen: u64, query: String, selections: Selections) -> Tally {
        Tally {
            gen,
            query,
            meta: Archive::default(),
            running: facets::Running::new(&selections),
            selections,
            sent: 0.0,
        }
    }

    /// Counts articles found (what the facets read of them), and returns the counts of all
    /// found so far, postcard-encoded, when they are due (`always`, or [`COUNT_MS`] since they
    /// were last sent). `None`: not due, or another generation's.
    fn add(&mut self, gen: u64, found: &[Arc<Article>], always: bool) -> Option<Vec<u8>> {
        // Generations start at 1: none has been asked yet.
        if gen != self.gen || gen == 0 {
            return None;
        }
        self.meta
            .articles
            .extend(found.iter().map(|a| Arc::new(facets::facet_meta(a))));
        self.running.add(&self.meta);
        let now = js_sys::Date::now();
        if !always && now - self.sent < COUNT_MS {
            return None;
        }
        self.sent = now;
        let c = Counted {
            query: self.query.clone(),
            found: self.running.counted(),
            selections: self.selections.clone(),
            facets: self.running.facets(),
        };
        postcard::to_allocvec(&c).ok()
    }

    /// The counts under new selections, of every article found so far (O(found)).
    fn reselect(&mut self, gen: u64, selections: Selections) -> Option<Vec<u8>> {
        self.running = facets::Running::new(&selections);
        self.selections = selections;
        self.add(gen, &[], true)
    }
}

/// Reads the selections sent as postcard bytes (none: no selection).
fn selections_of(v: &JsValue) -> Selections {
    v.dyn_ref::<Uint8Array>()
        .and_then(|b| postcard::from_bytes(&b.to_vec()).ok())
        .unwrap_or_default()
}

impl Run {
    fn stale(&self) -> bool {
        self.w.generation.get() != self.me
    }

    fn progress(&self, p: &Progress) {
        post(&p.to_js(self.me));
    }

    /// No query: the newest edition, in page order (its text chunks, at most [`FRONT_CHUNKS`]
    /// from its first page), said as such in the status line; an archive without editions
    /// shows its newest text chunk.
    async fn front(&self, query: String) -> Result<(), String> {
        let head = &self.w.head;
        let ed = head.newest_edition();
        let chunks: Vec<&ChunkRef> = match ed {
            Some(e) => head.chunks_between(e.first, e.end).iter().collect(),
            None => head.texts.last().into_iter().collect(),
        };
        let chunks = &chunks[..chunks.len().min(FRONT_CHUNKS)];
        let started: Vec<_> = chunks.iter().map(|c| start_fetch(&c.name)).collect();
        let (mut pages, mut articles) = (Vec::new(), Vec::new());
        for (c, p) in chunks.iter().zip(started) {
            let b = bytes(&c.name, p).await?;
            if self.stale() {
                return Ok(());
            }
            let chunk = TextChunk::decode(&b).map_err(|e| e.to_string())?;
            // The edition's pages (a chunk may hold the end of the one before), and their
            // articles.
            let ours = |p: &Page| ed.is_none_or(|e| p.date == e.date && p.paper == e.paper);
            let start = pages.len();
            pages.extend(chunk.pages.into_iter().filter(|p| ours(p)));
            let files: HashSet<&str> = pages[start..].iter().map(|p| p.file.as_str()).collect();
            articles.extend(
                chunk
                    .articles
                    .into_iter()
                    .filter(|a| files.contains(a.source.file.as_str())),
            );
        }
        let n = articles.len();
        let done = Progress {
            query,
            checked: n,
            total: n,
            found: n,
            done: true,
            edition: ed.map(|e| {
                [e.paper.as_deref(), e.date.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" ")
            }),
            ..Default::default()
        };
        let counted = self.w.tally.borrow_mut().add(self.me, &articles, true);
        send_found(self.me, &pages, &articles, Some(&done), counted.as_deref());
        Ok(())
    }

    /// Each article's kind and date (fetched once, kept).
    async fn catalog(&self) -> Result<Rc<Catalog>, String> {
        if let Some(c) = self.w.catalog.borrow().clone() {
            return Ok(c);
        }
        let name = &self.w.head.catalog;
        let b = bytes(name, start_fetch(name)).await?;
        let c = Rc::new(Catalog::decode(&b).map_err(|e| e.to_string())?);
        *self.w.catalog.borrow_mut() = Some(c.clone());
        Ok(c)
    }

    /// The article a link opens: its id bucket says its number, then its text chunk is
    /// fetched.
    async fn linked(&self, id: &str) -> Result<Option<(Arc<Page>, Arc<Article>)>, String> {
        let head = &self.w.head;
        let Some(bucket) = head.id_bucket(id) else {
            return Ok(None);
        };
        let b = bytes(bucket, start_fetch(bucket)).await?;
        let Some(d) = shard::find_id(&b, id).map_err(|e| e.to_string())? else {
            return Ok(None);
        };
        let Some(c) = head.text_chunks(&[d]).into_iter().next().cloned() else {
            return Ok(None);
        };
        let b = bytes(&c.name, start_fetch(&c.name)).await?;
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

    async fn go(self, query: String, linked: String) -> Result<(), String> {
        let w = self.w.clone();
        let parser = Index::new(Archive::default(), &w.head.tables);
        let q = parser.parse(&query);
        let extra = if linked.is_empty() {
            None
        } else {
            self.linked(&linked).await?
        };
        if self.stale() {
            return Ok(());
        }
        if let Some((p, a)) = &extra {
            send_found(
                self.me,
                std::slice::from_ref(p),
                std::slice::from_ref(a),
                None,
                None,
            );
        }
        if q.clauses.is_empty() {
            return self.front(query).await;
        }
        let plan = w.head.plan(&q);
        // Lists decoded by an earlier query; the chunks of the others.
        let keys = plan.keys();
        let mut postings = shard::Postings::new();
        {
            let mut held = w.decoded.borrow_mut();
            for k in &keys {
                if let Some(l) = held.get(k) {
                    postings.insert(*k, l.clone());
                }
            }
        }
        let missing: Vec<u64> = keys
            .iter()
            .copied()
            .filter(|k| !postings.contains_key(k))
            .collect();
        let names = if missing.is_empty() {
            Vec::new()
        } else {
            w.head.chunks_for(&missing)
        };
        // Held bytes, or a fetch on its way.
        type Pending = Result<Rc<Vec<u8>>, js_sys::Promise>;
        let started: Vec<(String, Pending)> = names
            .iter()
            .map(|n| {
                let held = w.postings.borrow_mut().get(n);
                (n.clone(), held.ok_or_else(|| start_fetch(n)))
            })
            .collect();
        let mut fetched = Vec::with_capacity(started.len());
        for (n, p) in started {
            let b = match p {
                Ok(b) => b,
                Err(p) => {
                    let b = Rc::new(bytes(&n, p).await?);
                    w.postings.borrow_mut().put(n, b.clone());
                    b
                }
            };
            fetched.push(b);
            if self.stale() {
                return Ok(());
            }
        }
        let slices: Vec<&[u8]> = fetched.iter().map(|b| b.as_slice()).collect();
        Head::read_postings_into(&missing, &slices, &mut postings).map_err(|e| e.to_string())?;
        {
            // Kept for the next query (a key in no article as an empty list).
            let mut held = w.decoded.borrow_mut();
            for k in missing {
                let l = postings.entry(k).or_insert_with(|| Rc::from(Vec::new()));
                held.put(k, l.clone(), l.len().max(1));
            }
        }
        let catalog = if plan.catalog {
            Some(self.catalog().await?)
        } else {
            None
        };
        if self.stale() {
            return Ok(());
        }
        let cands = w.head.candidates(&q, &plan, &postings, catalog.as_deref());
        let chunks: Vec<ChunkRef> = w.head.text_chunks(&cands).into_iter().cloned().collect();
        let v = Verifier::new(q, cands);
        let progress = Progress {
            query,
            total: v.total(),
            ..Default::default()
        };
        self.progress(&progress);
        let pump = Pump {
            v,
            // Newest first: the archive is in date order.
            todo: chunks.into_iter().rev().collect(),
            sent: (0, 0),
            progress,
            fetched: 0,
            told: 0.0,
        };
        self.pump(pump, AUTO_BYTES, usize::MAX).await
    }

    /// Verifies text chunks until none is left, or until `budget` bytes of chunks were checked
    /// and a [`SCREENFUL`] found, or [`AUTO_MAX_BYTES`] (or `budget`, if more) were checked, or
    /// `hold` more articles were found ("search all" pauses again after
    /// [`crate::view::pace::hold_step`] more: the page holds the text and an index of every
    /// article found, so an answer matching most of a large archive grows the tab's memory only
    /// as far as the reader asks) (then the run pauses: the page offers to go on). Chunks
    /// still in the cache cost no fetch and no decoding, only a search.
    async fn pump(&self, mut s: Pump, budget: u64, hold: usize) -> Result<(), String> {
        let w = self.w.clone();
        let mut flying: VecDeque<(ChunkRef, js_sys::Promise)> = VecDeque::new();
        let soft = s.fetched.saturating_add(budget);
        let hard = s.fetched.saturating_add(budget.max(AUTO_MAX_BYTES));
        let found = |s: &Pump| s.sent.0 + s.v.found.len();
        let held = found(&s).saturating_add(hold);
        let more = |s: &Pump| {
            found(s) < held && (s.fetched < soft || (s.fetched < hard && found(s) < SCREENFUL))
        };
        // Going on ("search all"): running again until it ends or pauses once more (the page
        // shows a paused search with its "go on" button).
        s.progress.paused = false;
        s.progress.held = false;
        let mut since = js_sys::Date::now();
        loop {
            while flying.len() < IN_FLIGHT && more(&s) {
                let Some(c) = s.todo.pop_front() else { break };
                s.fetched += u64::from(c.bytes);
                let cached = w.cache.borrow_mut().get(&c.name);
                if let Some(ci) = cached {
                    s.v.add_index(&ci);
                    // The first results go to the page at once; later ones when a newer
                    // query (a message) gets its turn, every few milliseconds (not after each
                    // chunk: each batch costs the page a render).
                    if s.sent.0 == 0 && !s.v.found.is_empty() {
                        self.report(&mut s, false);
                    }
                    if js_sys::Date::now() - since > SLICE_MS {
                        self.report(&mut s, false);
                        let _ = JsFuture::from(js_sys::Promise::new(&mut |done, _| {
                            set_timeout(&done, 0);
                        }))
                        .await;
                        if self.stale() {
                            return Ok(());
                        }
                        since = js_sys::Date::now();
                    }
                    continue;
                }
                let p = start_fetch(&c.name);
                flying.push_back((c, p));
            }
            let Some((c, p)) = flying.pop_front() else {
                break;
            };
            // What was found goes to the page before waiting for the network.
            self.report(&mut s, false);
            let b = bytes(&c.name, p).await?;
            if self.stale() {
                return Ok(());
            }
            let ci = Rc::new(ChunkIndex::new(&w.head, &c, &b).map_err(|e| e.to_string())?);
            w.cache
                .borrow_mut()
                .put(&c.name, ci.clone(), u64::from(c.bytes));
            s.v.add_index(&ci);
        }
        s.progress.held = found(&s) >= held;
        self.report(&mut s, true);
        if !s.todo.is_empty() {
            *w.paused.borrow_mut() = Some((self.me, s));
        }
        Ok(())
    }

    /// Sends the results found since the last time (each time their number doubles, or
    /// [`BATCH`] more came, and at the end) and the progress. More than [`BATCH`] go in several
    /// messages: the page decodes and adds each in a task of its own.
    fn report(&self, s: &mut Pump, end: bool) {
        let published = s.sent.0;
        let n = published + s.v.found.len();
        let show = if end {
            // An empty answer is sent too: the page drops the last query's results.
            published != n || n == 0
        } else {
            n - published >= published.clamp(10, BATCH) || (published == 0 && n > 0)
        };
        s.progress.checked = s.v.checked;
        s.progress.found = n;
        if end {
            s.progress.done = s.todo.is_empty();
            s.progress.paused = !s.todo.is_empty();
            if s.progress.done {
                s.progress.checked = s.v.total();
            }
        }
        let now = js_sys::Date::now();
        if show {
            // Counted as found; the counts go with the last piece when due (always with the
            // first results and the last).
            let counted = self
                .w
                .tally
                .borrow_mut()
                .add(self.me, &s.v.found, end || published == 0);
            // The first page of a batch may repeat the last one sent: the page keeps one.
            let found = &s.v.found[..];
            // One message at least (an empty answer too).
            let pieces = found.len().div_ceil(BATCH).max(1);
            for i in 0..pieces {
                let piece =
                    &found[(i * BATCH).min(found.len())..((i + 1) * BATCH).min(found.len())];
                // The pages with the first piece, the progress with the last.
                let pages = if i == 0 { &s.v.pages[..] } else { &[] };
                let last = i + 1 == pieces;
                send_found(
                    self.me,
                    pages,
                    piece,
                    last.then_some(&s.progress),
                    counted.as_deref().filter(|_| last),
                );
            }
            // Sent: the page holds them now (the worker kept every article found, some 50 MB
            // at 10k after "search all" of `市`).
            s.v.found.clear();
            let last = s.v.pages.pop();
            s.v.pages.clear();
            s.v.pages.extend(last);
            s.sent = (n, 0);
            s.told = now;
        } else if end || now - s.told >= TELL_MS {
            s.told = now;
            self.progress(&s.progress);
        }
    }
}

/// The most articles one message of results holds.
const BATCH: usize = 256;

thread_local! {
    static WORKER: RefCell<Option<Rc<Worker>>> = const { RefCell::new(None) };
}

fn fail(gen: u64, query: String, e: String) {
    post(
        &Progress {
            query,
            done: true,
            error: Some(e),
            ..Default::default()
        }
        .to_js(gen),
    );
}

/// Handles one message from the page.
fn on_message(data: JsValue) {
    let Some(w) = WORKER.with(|w| w.borrow().clone()) else {
        return;
    };
    let a: Array = match data.dyn_into() {
        Ok(a) => a,
        Err(_) => return,
    };
    let gen = a.get(1).as_f64().unwrap_or(0.0) as u64;
    match a.get(0).as_string().as_deref() {
        Some("q") => {
            w.generation.set(gen);
            w.paused.borrow_mut().take();
            let query = a.get(2).as_string().unwrap_or_default();
            let linked = a.get(3).as_string().unwrap_or_default();
            *w.tally.borrow_mut() = Tally::new(gen, query.clone(), selections_of(&a.get(4)));
            let run = Run { w, me: gen };
            wasm_bindgen_futures::spawn_local(async move {
                let (w, q) = (run.w.clone(), query.clone());
                if let Err(e) = run.go(query, linked).await {
                    if w.generation.get() == gen {
                        fail(gen, q, e);
                    }
                }
            });
        }
        Some("c") => {
            w.generation.set(gen);
            w.paused.borrow_mut().take();
        }
        // The facet selections changed: the counts of the query's results under them (of what
        // was found so far; later batches bring theirs).
        Some("v") => {
            let counted = w.tally.borrow_mut().reselect(gen, selections_of(&a.get(2)));
            if let Some(c) = counted {
                post(&Array::of3(
                    &"k".into(),
                    &JsValue::from_f64(gen as f64),
                    &Uint8Array::from(c.as_slice()),
                ));
            }
        }
        Some("r") => {
            let Some((me, state)) = w.paused.borrow_mut().take() else {
                return;
            };
            if me != gen || w.generation.get() != gen {
                return;
            }
            let query = state.progress.query.clone();
            let run = Run { w, me };
            wasm_bindgen_futures::spawn_local(async move {
                let w = run.w.clone();
                let hold = crate::view::pace::hold_step(a.get(2).as_f64());
                if let Err(e) = run.pump(state, u64::MAX, hold).await {
                    if w.generation.get() == gen {
                        fail(gen, query, e);
                    }
                }
            });
        }
        _ => {}
    }
}

/// The worker's entry point: decodes the head and answers the page's messages.
pub fn start() {
    let head = match crate::data::load_head() {
        Ok(h) => h,
        Err(e) => {
            let a = Array::of2(&"e".into(), &JsValue::from_str(&e.to_string()));
            post(&a);
            return;
        }
    };
    WORKER.with(|w| {
        *w.borrow_mut() = Some(Rc::new(Worker {
            head,
            generation: Cell::new(0),
            paused: RefCell::new(None),
            cache: RefCell::new(ChunkCache::default()),
            postings: RefCell::new(HeldBytes::default()),
            decoded: RefCell::new(Recent::new(DECODED_LISTS, DECODED_DOCS)),
            catalog: RefCell::new(None),
            tally: RefCell::new(Tally::default()),
        }))
    });
    let handler = Closure::<dyn FnMut(JsValue)>::new(|e: JsValue| {
        on_message(js_sys::Reflect::get(&e, &JsValue::from_str("data")).unwrap_or(JsValue::NULL))
    });
    let _ = js_sys::Reflect::set(
        &js_sys::global(),
        &JsValue::from_str("onmessage"),
        handler.as_ref(),
    );
    // The worker lives as long as the page: so does its handler.
    handler.forget();
    post(&Array::of1(&"ready".into()));
}
