//! The view state and its URL hash: `#q=口罩&kind=news&author=张劲松&from=2020-02-04&to=2020-02-08&a=<id>&hit=3&raw=1&sort=date`.
//!
//! Hash routing works on a GitHub Pages sub-path and from `file://`. Decoding is total: any
//! string gives a state; unknown keys and bad values are dropped.

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, CONTROLS};

use crate::archive::date::parse_iso_date as parse_iso;
use crate::archive::Kind;
use crate::view::browse::Browse;

/// How results are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Best first (page order for an empty query).
    #[default]
    Relevance,
    /// Oldest first; undated last (`sort=date`).
    Oldest,
    /// Newest first; undated last (`sort=newest`).
    Newest,
}

/// Everything a shared link restores.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ViewState {
    /// The search box.
    pub query: String,
    /// Kind facet (any of).
    pub kinds: Vec<Kind>,
    /// Author facet (any of).
    pub authors: Vec<String>,
    /// Date facet: first day (ISO).
    pub from: Option<String>,
    /// Date facet: last day (ISO).
    pub to: Option<String>,
    /// The open article's id.
    pub article: Option<String>,
    /// The current hit in the reader (0-based).
    pub hit: usize,
    /// Show the original layout beside the text.
    pub raw: bool,
    /// Result order.
    pub sort: Sort,
    /// Entity facet: articles must mention every one of these names.
    pub ents: Vec<String>,
    /// Show the index of names instead of the results.
    pub names: bool,
    /// Underline people, places and organisations in the reader.
    pub underline: bool,
    /// The link's query was longer than [`QUERY_CAP`] characters and was cut: its length.
    /// Never written to a hash; the interface says so in a hint.
    pub query_cut: Option<usize>,
    /// The browse pane (calendar, edition or page) instead of the results.
    pub browse: Option<Browse>,
    /// On a page view: the article marked (`mark=<id>`, from the reader's "show on the page").
    pub mark: Option<String>,
}

/// The longest query read from a link, in characters (a pasted link can be any length; the
/// search box is not limited).
pub const QUERY_CAP: usize = 2000;

const COMPONENT: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'&')
    .add(b'+')
    .add(b'<')
    .add(b'>')
    .add(b'=')
    .add(b'?')
    .add(b'`')
    .add(b'{')
    .add(b'}');

fn enc(s: &str) -> String {
    utf8_percent_encode(s, COMPONENT).to_string()
}

fn dec(s: &str) -> Option<String> {
    let s = s.replace('+', " ");
    percent_decode_str(&s)
        .decode_utf8()
        .ok()
        .map(|c| c.into_owned())
}

impl ViewState {
    /// Whether any facet is set.
    pub fn has_facets(&self) -> bool {
        !self.kinds.is_empty()
            || !self.authors.is_empty()
            || !self.ents.is_empty()
            || self.from.is_some()
            || self.to.is_some()
    }

    /// The hash, starting with `#` (just `#` for the default state).
    pub fn to_hash(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if !self.query.is_empty() {
            parts.push(format!("q={}", enc(&self.query)));
        }
        if !self.kinds.is_empty() {
            let k: Vec<&str> = self.kinds.iter().map(|k| k.key()).collect();
            parts.push(format!("kind={}", k.join(",")));
        }
        for a in &self.authors {
            parts.push(format!("author={}", enc(a)));
        }
        if let Some(f) = &self.from {
            parts.push(format!("from={f}"));
        }
        if let Some(t) = &self.to {
            parts.push(format!("to={t}"));
        }
        for e in &self.ents {
            parts.push(format!("ent={}", enc(e)));
        }
        match self.sort {
            Sort::Relevance => {}
            Sort::Oldest => parts.push("sort=date".into()),
            Sort::Newest => parts.push("sort=newest".into()),
        }
        if self.names {
            parts.push("names=1".into());
        }
        if self.underline {
            parts.push("ul=1".into());
        }
        if let Some(b) = &self.browse {
            parts.extend(b.encode(enc));
            if let (Browse::Page(_), Some(m)) = (b, &self.mark) {
                parts.push(format!("mark={}", enc(m)));
            }
        }
        if let Some(a) = &self.article {
            parts.push(format!("a={}", enc(a)));
            if self.hit > 0 {
                parts.push(format!("hit={}", self.hit + 1));
            }
            if self.raw {
                parts.push("raw=1".into());
            }
        }
        format!("#{}", parts.join("&"))
    }

    /// Reads a hash (with or without `#`); never fails.
    pub fn from_hash(hash: &str) -> ViewState {
        let mut v = ViewState::default();
        let (mut cal, mut ed, mut paper, mut pg) = (None, None, None, None);
        let h = hash
            .trim_start_matches('#')
            .trim_start_matches('/')
            .trim_start_matches('?');
        for pair in h.split('&') {
            let (k, raw) = pair.split_once('=').unwrap_or((pair, ""));
            let Some(val) = dec(raw) else { continue };
            match k {
                "q" => {
                    let n = val.chars().count();
                    v.query = val.chars().take(QUERY_CAP).collect();
                    v.query_cut = (n > QUERY_CAP).then_some(n);
                }
                "kind" => {
                    for name in val.split(',') {
                        if let Some(kind) = Kind::from_name(name) {
                            if !v.kinds.contains(&kind) {
                                v.kinds.push(kind);
                            }
                        }
                    }
                }
                "author" if !val.trim().is_empty() && v.authors.len() < 50 => v.authors.push(val),
                "from" if parse_iso(&val).is_some() => v.from = Some(val),
                "to" if parse_iso(&val).is_some() => v.to = Some(val),
                "a" if !val.is_empty() => v.article = Some(val),
                "hit" => {
                    v.hit = val
                        .parse::<usize>()
                        .ok()
                        .filter(|n| *n >= 1 && *n < 1_000_000)
                        .map(|n| n - 1)
                        .unwrap_or(0)
                }
                "raw" => v.raw = val == "1",
                "sort" if val == "date" => v.sort = Sort::Oldest,
                "sort" if val == "newest" => v.sort = Sort::Newest,
                "ent" if !val.trim().is_empty() && v.ents.len() < 50 && !v.ents.contains(&val) => {
                    v.ents.push(val)
                }
                "names" => v.names = val == "1",
                "ul" => v.underline = val == "1",
                "cal" => cal = Some(val),
                "ed" => ed = Some(val),
                "paper" if !val.is_empty() => paper = Some(val),
                "pg" => pg = Some(val),
                "mark" if !val.is_empty() => v.mark = Some(val),
                _ => {}
            }
        }
        v.browse = Browse::decode(cal.as_deref(), ed.as_deref(), paper, pg);
        if !matches!(v.browse, Some(Browse::Page(_))) {
            v.mark = None;
        }
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let v = ViewState {
            query: "口罩 \"a&b\" #1 100%".into(),
            kinds: vec![Kind::News, Kind::Photo],
            authors: vec!["张劲松".into()],
            from: Some("2020-02-04".into()),
            to: Some("2020-02-08".into()),
            article: Some("2020-02-04-sfqq".into()),
            hit: 2,
            raw: true,
            sort: Sort::Oldest,
            ents: vec!["张建党".into(), "许湾乡".into()],
            names: true,
            underline: true,
            query_cut: None,
            browse: None,
            mark: None,
        };
        assert_eq!(ViewState::from_hash(&v.to_hash()), v);
        assert_eq!(ViewState::default().to_hash(), "#");
        let newest = ViewState {
            sort: Sort::Newest,
            ..ViewState::default()
        };
        assert_eq!(newest.to_hash(), "#sort=newest");
        assert_eq!(ViewState::from_hash("#sort=newest"), newest);
        assert_eq!(ViewState::from_hash("#sort=date").sort, Sort::Oldest);
        assert_eq!(ViewState::from_hash("#sort=bogus").sort, Sort::Relevance);
    }

    #[test]
    fn malformed_hashes_are_harmless() {
        for h in [
            "#%",
            "#q=%E4%B8",
            "#kind=bogus&hit=-3&from=2020-13-45",
            "#&&&==",
            "#hit=99999999999999999999",
        ] {
            let v = ViewState::from_hash(h);
            assert!(v.kinds.is_empty() && v.from.is_none() && v.hit == 0, "{h}");
        }
        assert_eq!(ViewState::from_hash("#q=%E5%8F%A3").query, "口");
    }

    #[test]
    fn a_long_query_in_a_link_is_cut_and_says_so() {
        let long = "疫".repeat(QUERY_CAP + 5);
        let v = ViewState::from_hash(&format!("#q={long}"));
        assert_eq!(v.query.chars().count(), QUERY_CAP);
        assert_eq!(v.query_cut, Some(QUERY_CAP + 5));
        let v = ViewState::from_hash(&format!("#q={}", "疫".repeat(QUERY_CAP)));
        assert_eq!(v.query_cut, None);
        // Never written back into a link.
        assert!(!v.to_hash().contains("cut"));
    }

    #[test]
    fn browse_views_round_trip() {
        let views = [
            Browse::Calendar(None, None),
            Browse::Calendar(Some(2019), None),
            Browse::Calendar(Some(2020), Some(2)),
            Browse::Edition(Some("2020-02-05".into()), None),
            Browse::Edition(Some("2020-02-05".into()), Some("某某 晚报&#".into())),
            Browse::Edition(None, Some("某某晚报".into())),
            Browse::Edition(None, None),
            Browse::Page("2020/02/05/第3版 a&b#c%.txt".into()),
        ];
        for b in views {
            let v = ViewState {
                query: "口罩".into(),
                article: Some("x".into()),
                browse: Some(b.clone()),
                mark: matches!(b, Browse::Page(_)).then(|| "2020-02-05-abc".into()),
                ..ViewState::default()
            };
            let h = v.to_hash();
            assert_eq!(ViewState::from_hash(&h), v, "{h}");
        }
        assert_eq!(
            ViewState::from_hash("#cal=2020-02").browse,
            Some(Browse::Calendar(Some(2020), Some(2)))
        );
        assert_eq!(
            ViewState::from_hash("#pg=a.txt&mark=id1").mark.as_deref(),
            Some("id1")
        );
        // A page wins over an edition, an edition over the calendar.
        assert_eq!(
            ViewState::from_hash("#cal=all&ed=undated&pg=p.txt").browse,
            Some(Browse::Page("p.txt".into()))
        );
        assert_eq!(
            ViewState::from_hash("#cal=all&ed=undated").browse,
            Some(Browse::Edition(None, None))
        );
    }

    #[test]
    fn garbage_browse_keys_are_dropped() {
        for h in [
            "#cal=",
            "#cal=20",
            "#cal=2020-13",
            "#cal=2020-1",
            "#cal=2020-02-01",
            "#cal=-2020",
            "#cal=0000",
            "#cal=２０２０",
            "#ed=2020-02-30",
            "#ed=yesterday",
            "#ed=",
            "#pg=",
            "#paper=某报",
            "#mark=x",
            "#pg=%E4%B8",
        ] {
            let v = ViewState::from_hash(h);
            assert_eq!((&v.browse, &v.mark), (&None, &None), "{h}");
            assert_eq!(v.to_hash(), "#", "{h}");
        }
        // A mark belongs to a page view only.
        let v = ViewState::from_hash("#cal=2020&mark=x");
        assert_eq!(v.mark, None);
        assert_eq!(v.to_hash(), "#cal=2020");
    }
}
