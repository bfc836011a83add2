//! Browser glue: URL hash, history, settings storage, clipboard, downloads, scrolling.
//! Every call tolerates a missing or hostile environment (no storage, no clipboard, file://).

use gloo::storage::{LocalStorage, Storage};
use wasm_bindgen::JsCast;

/// The current `location.hash` (with `#`), or empty.
pub fn hash() -> String {
    gloo::utils::window().location().hash().unwrap_or_default()
}

/// The page's address without its hash (`https://host/path/`, or a `file://` path).
pub fn base_url() -> String {
    let href = gloo::utils::window().location().href().unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_string()
}

/// Writes the hash: a new history entry when `push`, else replaces the current one.
///
/// A replace (typing, paging through hits) is written a moment later, after the frame that
/// shows the change: `history.replaceState` costs 1.5–4 ms in Chromium, which the keystroke's
/// frame cannot spare, and a burst of keystrokes needs only its last address. A push, and
/// [`flush_hash`] (before a link is copied, when the page is hidden), write the pending one
/// first, so history keeps every entry as it was last seen.
pub fn set_hash(h: &str, push: bool) {
    if push {
        flush_hash();
        write_hash(h, true);
        return;
    }
    PENDING.with(|p| {
        let mut p = p.borrow_mut();
        // The entry the replace is for: where the address was when the first one was asked.
        let base = p.as_ref().map_or_else(hash, |(_, b)| b.clone());
        *p = Some((h.to_string(), base));
    });
    // The timer of an earlier keystroke is cancelled as it is dropped here (it has not fired:
    // a fired one has nothing left to write).
    let timer = gloo::timers::callback::Timeout::new(REPLACE_AFTER_MS, flush_hash);
    drop(TIMER.with(|t| t.replace(Some(timer))));
}

/// How long a replace waits for more (a burst of keystrokes writes the address once).
const REPLACE_AFTER_MS: u32 = 120;

thread_local! {
    /// The replace not yet written: the hash, and the hash of the entry it is for.
    static PENDING: std::cell::RefCell<Option<(String, String)>> =
        const { std::cell::RefCell::new(None) };
    /// Its timer.
    static TIMER: std::cell::RefCell<Option<gloo::timers::callback::Timeout>> =
        const { std::cell::RefCell::new(None) };
}

/// Writes the pending replace now, unless the user has since moved to another history entry
/// (back, forward, a link): that entry is not the one it was for.
pub fn flush_hash() {
    if let Some((h, base)) = PENDING.with(|p| p.borrow_mut().take()) {
        let now = hash();
        if now == base || (now.is_empty() && base == "#") || (base.is_empty() && now == "#") {
            write_hash(&h, false);
        }
    }
}

fn write_hash(h: &str, push: bool) {
    let window = gloo::utils::window();
    if hash() == h || (h == "#" && hash().is_empty()) {
        return;
    }
    if push {
        let _ = window.location().set_hash(h);
    } else if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(h));
    }
}

const PREFIX: &str = "archive-explorer.";

/// A stored setting, or `None` (storage unavailable or unset). Settings are short plain
/// strings, read through gloo's raw `Storage` handle (no JSON codec in the wasm).
pub fn load_setting(key: &str) -> Option<String> {
    LocalStorage::raw()
        .get_item(&[PREFIX, key].concat())
        .ok()
        .flatten()
}

/// Stores a setting; failures (private mode, quota) are ignored: settings are a convenience.
pub fn save_setting(key: &str, value: &str) {
    let _ = LocalStorage::raw().set_item(&[PREFIX, key].concat(), value);
}

/// Sets an attribute on `<html>` (theme, language, font size), or removes it for `None`.
pub fn set_root_attr(name: &str, value: Option<&str>) {
    if let Some(root) = gloo::utils::document().document_element() {
        let _ = match value {
            Some(v) => root.set_attribute(name, v),
            None => root.remove_attribute(name),
        };
    }
}

/// Copies text to the clipboard. Returns false when the Clipboard API is unavailable.
pub fn copy(text: &str) -> bool {
    let nav = gloo::utils::window().navigator();
    let clip = nav.clipboard();
    if clip.is_undefined() || clip.is_null() {
        return false;
    }
    let _ = clip.write_text(text);
    true
}

/// Offers `content` as a file download.
pub fn download(name: &str, mime: &str, content: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let doc = gloo::utils::document();
    if let Ok(a) = doc.create_element("a") {
        if let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() {
            a.set_href(&url);
            a.set_download(name);
            let _ = a.set_attribute("data-testid", "download-link");
            a.set_hidden(true);
            if let Some(body) = doc.body() {
                let _ = body.append_child(&a);
                a.click();
                let _ = body.remove_child(&a);
            }
        }
    }
    // Revoke later: revoking at once can cancel the download in some browsers.
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
}

/// Scrolls the element matching `selector` into the middle of its scroll container.
pub fn scroll_into_view(selector: &str) {
    if let Ok(Some(el)) = gloo::utils::document().query_selector(selector) {
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Center);
        el.scroll_into_view_with_scroll_into_view_options(&opts);
    }
}

/// Runs the renders Yew has pending now, in this task (a keystroke's, before the next frame).
///
/// Yew 0.23's scheduler yields to the browser after 16 ms of work with a 0 ms timer, and stays
/// marked as running until that timer fires: a render asked for meanwhile waits for it. After
/// input, Chromium runs the next frame before such a timer, so a keystroke typed just after a
/// long render (a long answer shown) would be painted a frame late. `yew::scheduler::flush`
/// runs what is pending synchronously when first polled (polled once here, its waker a no-op:
/// the scheduler's own timer still ends its run).
pub fn render_now() {
    use std::future::Future;
    let run = std::pin::pin!(yew::scheduler::flush());
    let _ = run.poll(&mut std::task::Context::from_waker(std::task::Waker::noop()));
}

/// Focuses the element matching `selector`.
pub fn focus(selector: &str) {
    if let Ok(Some(el)) = gloo::utils::document().query_selector(selector) {
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// Whether keyboard focus is in a text field (shortcuts must not steal its keys).
pub fn typing_in_field() -> bool {
    gloo::utils::document()
        .active_element()
        .map(|e| {
            matches!(
                e.tag_name().to_ascii_lowercase().as_str(),
                "input" | "textarea" | "select"
            )
        })
        .unwrap_or(false)
}

/// The browser's preferred languages (`navigator.languages`).
pub fn languages() -> Vec<String> {
    gloo::utils::window()
        .navigator()
        .languages()
        .iter()
        .filter_map(|l| l.as_string())
        .collect()
}

/// Copies text to the clipboard and reports whether it worked (the Clipboard API answers
/// later; it is missing on `file://` and plain http, and may be refused).
pub fn copy_then(text: &str, done: impl FnOnce(bool) + 'static) {
    use wasm_bindgen::closure::Closure;
    let clip = gloo::utils::window().navigator().clipboard();
    if clip.is_undefined() || clip.is_null() {
        done(false);
        return;
    }
    let done = std::rc::Rc::new(std::cell::Cell::new(Some(done)));
    let (d1, d2) = (done.clone(), done);
    let ok = Closure::once(move |_: wasm_bindgen::JsValue| {
        if let Some(f) = d1.take() {
            f(true)
        }
    });
    let err = Closure::once(move |_: wasm_bindgen::JsValue| {
        if let Some(f) = d2.take() {
            f(false)
        }
    });
    let _ = clip.write_text(text).then2(&ok, &err);
    ok.forget();
    err.forget();
}

/// The window's vertical scroll position.
pub fn scroll_y() -> f64 {
    gloo::utils::window().scroll_y().unwrap_or(0.0)
}

/// Scrolls the window to `y`.
pub fn scroll_to(y: f64) {
    gloo::utils::window().scroll_to_with_x_and_y(0.0, y);
}

/// Selects the text of the input matching `selector` (and focuses it).
pub fn select(selector: &str) {
    if let Ok(Some(el)) = gloo::utils::document().query_selector(selector) {
        if let Ok(el) = el.dyn_into::<web_sys::HtmlInputElement>() {
            let _ = el.focus();
            el.select();
        }
    }
}

/// Whether the focused text field has text (Esc first empties it, then closes the reader).
pub fn field_has_text() -> bool {
    gloo::utils::document()
        .active_element()
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some_and(|i| !i.value().is_empty())
}

thread_local! {
    /// What runs after the next frame is painted (see [`after_paint`]).
    static LATER: std::cell::RefCell<Vec<Box<dyn FnOnce()>>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// Runs `f` after the next frame is painted: in a task queued by that frame's animation
/// callbacks. What a keystroke's frame can go without (the rows beyond the view, the facet
/// pane's new counts) waits here; everything asked during one frame runs in one task, so the
/// components it updates render once.
pub fn after_paint(f: impl FnOnce() + 'static) {
    let first = LATER.with(|l| {
        let mut l = l.borrow_mut();
        l.push(Box::new(f));
        l.len() == 1
    });
    if first {
        let frame = wasm_bindgen::closure::Closure::once_into_js(|| {
            gloo::timers::callback::Timeout::new(0, run_later).forget();
        });
        if gloo::utils::window()
            .request_animation_frame(frame.unchecked_ref())
            .is_err()
        {
            // No animation frames here: what waited runs at once.
            run_later();
        }
    }
}

/// What [`next_task`] queued, and the channel that runs it (sharded builds only).
#[cfg(sharded)]
type Queued = (Vec<Box<dyn FnOnce()>>, Option<web_sys::MessageChannel>);

#[cfg(sharded)]
thread_local! {
    static NEXT: std::cell::RefCell<Queued> = std::cell::RefCell::new((Vec::new(), None));
}

/// Runs `f` in a task of its own, queued now: a message to this page on a channel of its own
/// (a timer of 0 ms is held back to 4 ms once timers nest, as the steps of a growing index
/// do: a fifth of each step). Input, frames and other tasks run before it as before any task.
/// Where no channel can be made, a timer.
#[cfg(sharded)]
pub fn next_task(f: impl FnOnce() + 'static) {
    let channel = NEXT.with(|n| {
        let mut n = n.borrow_mut();
        n.0.push(Box::new(f));
        if n.1.is_none() {
            n.1 = web_sys::MessageChannel::new().ok().inspect(|ch| {
                let run = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(run_next);
                ch.port1().set_onmessage(Some(run.as_ref().unchecked_ref()));
                // (The channel, kept here, and its handler live as long as the page.)
                run.forget();
            });
        }
        (n.0.len() == 1).then(|| n.1.clone())
    });
    let posted = match channel {
        None => return,
        Some(ch) => ch.is_some_and(|ch| {
            ch.port2()
                .post_message(&wasm_bindgen::JsValue::NULL)
                .is_ok()
        }),
    };
    if !posted {
        gloo::timers::callback::Timeout::new(0, run_next).forget();
    }
}

#[cfg(sharded)]
fn run_next() {
    for f in NEXT.with(|n| std::mem::take(&mut n.borrow_mut().0)) {
        f();
    }
}

fn run_later() {
    for f in LATER.with(|l| std::mem::take(&mut *l.borrow_mut())) {
        f();
    }
}
