//! The settings in the header: theme, font size, the index of names, language, and the link to
//! the single-file build.

use yew::prelude::*;

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
    // Each callback builds its action when clicked (no clone of an `Action`).
    let emit = |make: fn(usize, bool, Lang) -> Action| {
        let (a, font, names, lang) = (p.on_action.clone(), p.font, p.names, p.lang);
        Callback::from(move |_: MouseEvent| a.emit(make(font, names, lang)))
    };
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
    html! {
        <div class="settings" id="settings">
            <label class="visually-hidden" for="theme">{t.theme}</label>
            <select id="theme" data-testid="theme" onchange={on_theme} aria-label={t.theme}>
                <option value="auto" selected={p.theme == Theme::Auto}>{t.theme_auto}</option>
                <option value="light" selected={p.theme == Theme::Light}>{t.theme_light}</option>
                <option value="dark" selected={p.theme == Theme::Dark}>{t.theme_dark}</option>
            </select>
            <span class="font-size" role="group" aria-label={t.font_size}>
                <button type="button" onclick={emit(|f, _, _| Action::Font(f.saturating_sub(1)))} data-testid="font-down" aria-label={format!("{} −", t.font_size)}>{"A−"}</button>
                <button type="button" onclick={emit(|f, _, _| Action::Font(f + 1))} data-testid="font-up" aria-label={format!("{} +", t.font_size)}>{"A+"}</button>
            </span>
            <button type="button" onclick={emit(|_, n, _| Action::Names(!n))} data-testid="names-toggle" aria-pressed={p.names.to_string()}>{t.names_index}</button>
            <button type="button" onclick={emit(|_, _, l| Action::Lang(l.other()))} data-testid="lang-toggle" lang={p.lang.other().code()}>{t.other_lang}</button>
            if !single_file && !crate::data::SHARDED {
                <a class="offline-link" href="archive-explorer.html" download="archive-explorer.html"
                    data-testid="offline-download" title={t.offline_hint}>{t.offline_download}</a>
                <span class="offline-off" data-testid="offline-unavailable">{p.lang.r().offline_needs_network}</span>
            }
        </div>
    }
}
