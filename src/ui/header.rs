//! The page header: title, search box, query hints, syntax help, settings and the update
//! banner.

use yew::prelude::*;

use super::dom::{button, click, input, send, E};
use super::settings::{settings, SettingsProps};
use super::state::{Action, Theme};
use crate::view::i18n::Lang;

/// What [`header`] shows.
pub struct HeaderProps {
    /// The search box's text.
    pub query: String,
    /// Whether the syntax help is open.
    pub help: bool,
    /// Theme.
    pub theme: Theme,
    /// Font size step.
    pub font: usize,
    /// Whether the index of names is shown.
    pub names: bool,
    /// Language.
    pub lang: Lang,
    /// Hints about the query, in `lang`.
    pub hints: Vec<AttrValue>,
    /// A new version is ready.
    pub update_ready: bool,
    /// Articles listed (shown beside the search box on a phone).
    pub count: usize,
    /// Active filters (on the drawer's button).
    pub active_filters: usize,
    /// The filter drawer is open.
    pub drawer: bool,
    /// The settings menu is open.
    pub menu: bool,
    /// Actions.
    pub on_action: Callback<Action>,
}

/// The skip link and the header (a view function: no state of its own).
pub fn header(p: &HeaderProps) -> Html {
    let t = p.lang.t();
    let on_input = {
        let a = p.on_action.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                a.emit(Action::Query(input.value()));
                // Rendered in this task, whatever Yew's scheduler was waiting for.
                super::browser::render_now();
            }
        })
    };
    let r = p.lang.r();
    let a = &p.on_action;
    let accept_update = Callback::from(|_| {
        if let Ok(ev) = web_sys::CustomEvent::new("archive-update-accept") {
            let _ = gloo::utils::window().dispatch_event(&ev);
        }
    });
    let hints: Vec<Html> = p
        .hints
        .iter()
        .map(|msg| E::new("li").id("hint").text(msg.clone()).html())
        .collect();
    let mut head = E::new("header")
        .class("top")
        .attr("role", "banner")
        .el(E::new("div")
            .class("brand")
            .el(E::new("h1").text(t.app_title)))
        .el(E::new("div")
            .class("searchbar")
            .attr("role", "search")
            .el(E::new("label")
                .attr("for", "q")
                .class("visually-hidden")
                .text(t.search_label))
            .el(E::new("input")
                .attr("id", "q")
                .attr("type", "search")
                .id("search")
                .attr("autocomplete", "off")
                .attr("spellcheck", "false")
                .attr("placeholder", t.search_placeholder)
                .attr("aria-label", t.search_label)
                .attr("aria-describedby", "hints")
                .value(p.query.clone())
                .on(input(on_input)))
            .el(button("help-toggle")
                .class("help-btn")
                .tf("aria-expanded", p.help)
                .attr("aria-controls", "help")
                .on(send(a, Action::Help(!p.help)))
                .attr("title", t.help)
                .text("?"))
            .el(E::new("span")
                .class("phone-count")
                .attr("aria-hidden", "true")
                .text(p.count.to_string())
                .text(" ")
                .text(p.lang.articles_word(p.count)))
            .el(button("filters-toggle")
                .class("filters-toggle")
                .tf("aria-expanded", p.drawer)
                .attr("aria-controls", "filters")
                .on(send(a, Action::Drawer(!p.drawer)))
                .text([r.filters_button, " (", &p.active_filters.to_string(), ")"].concat()))
            .el(button("settings-toggle")
                .class("settings-toggle")
                .tf("aria-expanded", p.menu)
                .attr("aria-controls", "settings")
                .on(send(a, Action::Menu(!p.menu)))
                .attr("aria-label", r.settings)
                .attr("title", r.settings)
                .text("⚙")))
        .kid(settings(&SettingsProps {
            theme: p.theme,
            font: p.font,
            names: p.names,
            lang: p.lang,
            on_action: p.on_action.clone(),
        }));
    if p.update_ready {
        head = head.el(E::new("p")
            .class("update")
            .attr("role", "status")
            .id("update-ready")
            .text(t.update_ready)
            .el(button("update-reload")
                .on(click(accept_update))
                .text(t.reload)));
    } else {
        head = head.kid(Html::default());
    }
    head = head.el(E::new("ul")
        .attr("id", "hints")
        .class("hints")
        .attr("aria-live", "polite")
        .kids(hints));
    if p.help {
        let lines = t
            .help_lines
            .iter()
            .map(|l| E::new("li").text(*l).html())
            .collect();
        head = head.el(E::new("section")
            .attr("id", "help")
            .class("help")
            .id("help")
            .attr("aria-label", t.help)
            .el(E::new("h2").text(t.help))
            .el(E::new("ul").kids(lines)));
    } else {
        head = head.kid(Html::default());
    }
    Html::from_iter([
        E::new("a")
            .class("skip")
            .attr("href", "#results")
            .text(t.skip_to_results)
            .html(),
        head.html(),
    ])
}
