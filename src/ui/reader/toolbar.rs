//! The reader's toolbar: back, hit navigation, previous / next article, and the toggles.

use yew::prelude::*;

use crate::ui::state::Action;
use crate::view::i18n::Lang;

/// What [`reader_bar`] shows.
pub struct ReaderBarProps {
    /// Language.
    pub lang: Lang,
    /// Hits in the article.
    pub total: usize,
    /// The current hit (0-based).
    pub current: usize,
    /// The previous listed article's id.
    pub prev_id: Option<String>,
    /// The next listed article's id.
    pub next_id: Option<String>,
    /// Names underlined.
    pub underline: bool,
    /// Original layout shown.
    pub raw: bool,
    /// Actions.
    pub on_action: Callback<Action>,
    /// The link to the article's page with the article marked.
    pub page_href: String,
}

/// The toolbar.
pub fn reader_bar(p: &ReaderBarProps) -> Html {
    let t = p.lang.t();
    let (total, current) = (p.total, p.current);
    // Each callback builds its action when clicked (no clone of an `Action`).
    let emit = |make: fn() -> Action| {
        let a = p.on_action.clone();
        Callback::from(move |_: MouseEvent| a.emit(make()))
    };
    let go = |id: &Option<String>| {
        let (a, id) = (p.on_action.clone(), id.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(id) = &id {
                a.emit(Action::Open(id.clone()));
            }
        })
    };
    let hit = |delta: usize| {
        let a = p.on_action.clone();
        Callback::from(move |_: MouseEvent| {
            if total > 0 {
                a.emit(Action::Hit((current + delta) % total));
            }
        })
    };
    let counter = if total > 0 {
        format!("{} / {}", current + 1, total)
    } else {
        "0 / 0".to_string()
    };
    html! {
        <div class="reader-bar" role="toolbar" aria-label={t.reader_tools}>
            <button type="button" class="back" onclick={emit(|| Action::Close)} data-testid="close-reader">{"← "}{t.back}</button>
            <span class="hit-nav">
                <button type="button" data-testid="prev-hit" onclick={hit(total.saturating_sub(1))} disabled={total == 0} aria-label={t.prev_hit} title={format!("{} (N)", t.prev_hit)}>{"↑"}</button>
                <span data-testid="hit-counter" aria-hidden="true">{counter}</span>
                <span class="visually-hidden" aria-live="polite" data-testid="hit-announce">{if total > 0 { p.lang.hit_of(current + 1, total) } else { String::new() }}</span>
                <button type="button" data-testid="next-hit" onclick={hit(1)} disabled={total == 0} aria-label={t.next_hit} title={format!("{} (n)", t.next_hit)}>{"↓"}</button>
            </span>
            <button type="button" data-testid="prev-article" onclick={go(&p.prev_id)} disabled={p.prev_id.is_none()}>{"‹ "}{t.prev_article}</button>
            <button type="button" data-testid="next-article" onclick={go(&p.next_id)} disabled={p.next_id.is_none()}>{t.next_article}{" ›"}</button>
            <button type="button" data-testid="entities-toggle" aria-pressed={p.underline.to_string()} onclick={emit(|| Action::ToggleUnderline)}>{t.underline_names}</button>
            <button type="button" data-testid="raw-toggle" aria-pressed={p.raw.to_string()} onclick={emit(|| Action::ToggleRaw)}>{t.original_layout}</button>
            <a class="btn" href={p.page_href.clone()} data-testid="show-on-page">{p.lang.b().show_on_page}</a>
        </div>
    }
}
