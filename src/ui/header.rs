//! The page header: title, search box, query hints, syntax help, settings and the update
//! banner.

use yew::prelude::*;

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
            }
        })
    };
    let help_toggle = {
        let a = p.on_action.clone();
        let h = p.help;
        Callback::from(move |_| a.emit(Action::Help(!h)))
    };
    let drawer_toggle = {
        let (a, d) = (p.on_action.clone(), p.drawer);
        Callback::from(move |_| a.emit(Action::Drawer(!d)))
    };
    let menu_toggle = {
        let (a, m) = (p.on_action.clone(), p.menu);
        Callback::from(move |_| a.emit(Action::Menu(!m)))
    };
    let r = p.lang.r();
    let accept_update = Callback::from(|_| {
        if let Ok(ev) = web_sys::CustomEvent::new("archive-update-accept") {
            let _ = gloo::utils::window().dispatch_event(&ev);
        }
    });
    let hints: Html = p
        .hints
        .iter()
        .map(|msg| html! { <li data-testid="hint">{msg.clone()}</li> })
        .collect();
    html! {
        <>
            <a class="skip" href="#results">{t.skip_to_results}</a>
            <header class="top" role="banner">
                <div class="brand">
                    <h1>{t.app_title}</h1>
                </div>
                <div class="searchbar" role="search">
                    <label for="q" class="visually-hidden">{t.search_label}</label>
                    <input id="q" type="search" data-testid="search" autocomplete="off" spellcheck="false"
                        placeholder={t.search_placeholder} aria-label={t.search_label}
                        aria-describedby="hints"
                        value={p.query.clone()} oninput={on_input} />
                    <button type="button" class="help-btn" aria-expanded={p.help.to_string()} aria-controls="help"
                        onclick={help_toggle} title={t.help} data-testid="help-toggle">{"?"}</button>
                    <span class="phone-count" aria-hidden="true">{p.count}{" "}{p.lang.articles_word(p.count)}</span>
                    <button type="button" class="filters-toggle" data-testid="filters-toggle" aria-expanded={p.drawer.to_string()}
                        aria-controls="filters" onclick={drawer_toggle}>{format!("{} ({})", r.filters_button, p.active_filters)}</button>
                    <button type="button" class="settings-toggle" data-testid="settings-toggle" aria-expanded={p.menu.to_string()}
                        aria-controls="settings" onclick={menu_toggle} aria-label={r.settings} title={r.settings}>{"⚙"}</button>
                </div>
                {settings(&SettingsProps { theme: p.theme, font: p.font, names: p.names, lang: p.lang, on_action: p.on_action.clone() })}
                if p.update_ready {
                    <p class="update" role="status" data-testid="update-ready">{t.update_ready}
                        <button type="button" onclick={accept_update} data-testid="update-reload">{t.reload}</button></p>
                }
                <ul id="hints" class="hints" aria-live="polite">{hints}</ul>
                if p.help {
                    <section id="help" class="help" data-testid="help" aria-label={t.help}>
                        <h2>{t.help}</h2>
                        <ul>{ for t.help_lines.iter().map(|l| html! { <li>{*l}</li> }) }</ul>
                    </section>
                }
            </header>
        </>
    }
}
