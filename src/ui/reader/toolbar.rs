//! The reader's toolbar: back, hit navigation, previous / next article, and the toggles.

use yew::prelude::*;

use crate::ui::dom::{button, send, E};

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
    let a = &p.on_action;
    let go = |id: &Option<String>, test: &'static str| {
        let b = button(test).flag("disabled", id.is_none());
        match id {
            Some(id) => b.on(send(a, Action::Open(id.clone()))),
            None => b,
        }
    };
    let hit = |delta: usize, test: &'static str, label: &'static str, key: &'static str| {
        let b = button(test)
            .flag("disabled", total == 0)
            .attr("aria-label", label)
            .attr("title", [label, key].concat());
        if total > 0 {
            b.on(send(a, Action::Hit((current + delta) % total)))
        } else {
            b
        }
    };
    let counter = [(current + 1).min(total), total]
        .map(|n| n.to_string())
        .join(" / ");
    let announce = if total > 0 {
        p.lang.hit_of(current + 1, total)
    } else {
        String::new()
    };
    E::new("div")
        .class("reader-bar")
        .attr("role", "toolbar")
        .attr("aria-label", t.reader_tools)
        .el(button("close-reader")
            .class("back")
            .on(send(a, Action::Close))
            .text("← ")
            .text(t.back))
        .el(E::new("span")
            .class("hit-nav")
            .el(hit(total.saturating_sub(1), "prev-hit", t.prev_hit, " (N)").text("↑"))
            .el(E::new("span")
                .id("hit-counter")
                .attr("aria-hidden", "true")
                .text(counter))
            .el(E::new("span")
                .class("visually-hidden")
                .attr("aria-live", "polite")
                .id("hit-announce")
                .text(announce))
            .el(hit(1, "next-hit", t.next_hit, " (n)").text("↓")))
        .el(go(&p.prev_id, "prev-article")
            .text("‹ ")
            .text(t.prev_article))
        .el(go(&p.next_id, "next-article")
            .text(t.next_article)
            .text(" ›"))
        .el(button("entities-toggle")
            .tf("aria-pressed", p.underline)
            .on(send(a, Action::ToggleUnderline))
            .text(t.underline_names))
        .el(button("raw-toggle")
            .tf("aria-pressed", p.raw)
            .on(send(a, Action::ToggleRaw))
            .text(t.original_layout))
        .el(E::new("a")
            .class("btn")
            .attr("href", p.page_href.clone())
            .id("show-on-page")
            .text(p.lang.b().show_on_page))
        .html()
}
