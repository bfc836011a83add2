//! The settings in the header: theme, font size, the index of names, language, and the link to
//! the single-file build.

use yew::prelude::*;

use super::dom::{button, change, send, E};
use super::state::{Action, Theme};
use crate::view::i18n::Lang;

/// What [`settings`] shows.
pub struct SettingsProps {
    /// Theme.
    pub theme: Theme,
    /// Font size step.
    pub font: usize,
    /// Whether the index of names is shown.
    pub names: bool,
    /// Language.
    pub lang: Lang,
    /// Actions.
    pub on_action: Callback<Action>,
}

/// The settings group.
pub fn settings(p: &SettingsProps) -> Html {
    let t = p.lang.t();
    let a = &p.on_action;
    let on_theme = {
        let a = p.on_action.clone();
        Callback::from(move |e: Event| {
            if let Some(s) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                a.emit(Action::Theme(Theme::from_key(&s.value())));
            }
        })
    };
    // The single-file build has no sibling file to link to.
    let single_file = gloo::utils::document()
        .document_element()
        .is_some_and(|e| e.has_attribute("data-single-file"));
    let option = |value: &'static str, theme: Theme, text: &'static str| {
        E::new("option")
            .attr("value", value)
            .flag("selected", p.theme == theme)
            .text(text)
    };
    let out = E::new("div")
        .class("settings")
        .attr("id", "settings")
        .el(E::new("label")
            .class("visually-hidden")
            .attr("for", "theme")
            .text(t.theme))
        .el(E::new("select")
            .attr("id", "theme")
            .id("theme")
            .on(change(on_theme))
            .attr("aria-label", t.theme)
            .el(option("auto", Theme::Auto, t.theme_auto))
            .el(option("light", Theme::Light, t.theme_light))
            .el(option("dark", Theme::Dark, t.theme_dark)))
        .el(E::new("span")
            .class("font-size")
            .attr("role", "group")
            .attr("aria-label", t.font_size)
            .el(button("font-down")
                .on(send(a, Action::Font(p.font.saturating_sub(1))))
                .attr("aria-label", [t.font_size, " −"].concat())
                .text("A−"))
            .el(button("font-up")
                .on(send(a, Action::Font(p.font + 1)))
                .attr("aria-label", [t.font_size, " +"].concat())
                .text("A+")))
        .el(button("names-toggle")
            .on(send(a, Action::Names(!p.names)))
            .tf("aria-pressed", p.names)
            .text(t.names_index))
        .el(button("lang-toggle")
            .on(send(a, Action::Lang(p.lang.other())))
            .attr("lang", p.lang.other().code())
            .text(t.other_lang));
    let offline = (!single_file && !crate::data::SHARDED).then(|| {
        Html::from_iter([
            E::new("a")
                .class("offline-link")
                .attr("href", "archive-explorer.html")
                .attr("download", "archive-explorer.html")
                .id("offline-download")
                .attr("title", t.offline_hint)
                .text(t.offline_download)
                .html(),
            E::new("span")
                .class("offline-off")
                .id("offline-unavailable")
                .text(p.lang.r().offline_needs_network)
                .html(),
        ])
    });
    out.maybe(offline).html()
}
