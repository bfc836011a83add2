//! The reader's footer: copy a citation (GB/T 7714 or plain), and both citations as text.

use yew::prelude::*;

use crate::ui::dom::{button, click, E};

use crate::ui::state::Action;
use crate::ui::{browser, IndexRef};
use crate::view::cite;
use crate::view::i18n::Lang;
use crate::view::results::romanize;

/// What [`cite_footer`] shows.
pub struct CiteFooterProps {
    /// The index.
    pub index: IndexRef,
    /// The open article.
    pub doc: usize,
    /// Language.
    pub lang: Lang,
    /// A message to show.
    pub toast: Option<String>,
    /// Actions.
    pub on_action: Callback<Action>,
}

/// The footer.
pub fn cite_footer(p: &CiteFooterProps) -> Html {
    let t = p.lang.t();
    let archive = p.index.archive();
    let Some(a) = archive.articles.get(p.doc) else {
        return Html::default();
    };
    let link = cite::permalink(&browser::base_url(), a);
    let gbt = cite::gbt7714(archive, a, Some(&link));
    // In English the plain citation is an English one, with authors in pinyin.
    let plain = match p.lang {
        Lang::Zh => cite::plain(archive, a, Some(&link)),
        Lang::En => {
            let ix: &crate::search::Index = &p.index;
            let roman = |n: &str| ix.readings(n).map(|s| romanize(&s, true));
            cite::english(archive, a, Some(&link), &roman)
        }
    };
    let copy = |text: String| {
        let a = p.on_action.clone();
        let done = t.copied.to_string();
        Callback::from(move |_| {
            if browser::copy(&text) {
                a.emit(Action::Toast(Some(done.clone())));
            } else {
                // No clipboard (file://, old browser): select the citation text instead.
                browser::focus("[data-testid=citation-gbt]");
            }
        })
    };
    let toast = p.toast.clone().map(|m| {
        E::new("span")
            .class("toast")
            .attr("role", "status")
            .text(m)
            .html()
    });
    let citation = |id: &'static str, text: String| {
        E::new("p")
            .class("citation")
            .id(id)
            .attr("tabindex", "0")
            .text(text)
    };
    E::new("footer")
        .class("cite")
        .el(E::new("div")
            .class("cite-buttons")
            .el(button("cite-gbt")
                .on(click(copy(gbt.clone())))
                .text(t.cite_gbt))
            .el(button("cite-plain")
                .on(click(copy(plain.clone())))
                .text(t.cite_plain))
            .maybe(toast))
        .el(citation("citation-gbt", gbt))
        .el(citation("citation-plain", plain))
        .html()
}
