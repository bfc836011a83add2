//! The JSON the `archive` CLI prints (native only), shared with the tests.

use serde_json::{json, Value};

use crate::archive::{Archive, Report};
use crate::search::engine::SearchOptions;
use crate::search::tables::build_tables;
use crate::search::Index;

/// The archive as JSON: `{"pages": […], "articles": […]}` (see README). A page with
/// unstructured parts lists their first lines in `"unstructured"`, and such an article carries
/// `"unstructured": true` (both keys are left out otherwise).
pub fn parse_json(a: &Archive) -> Value {
    let pages: Vec<Value> = a
        .pages
        .iter()
        .map(|p| {
            let mut v = json!({"file": p.file, "paper": p.paper, "date": p.date, "page": p.page, "year": p.year, "lines": p.lines.len()});
            if !p.unstructured.is_empty() {
                v["unstructured"] = json!(p.unstructured);
            }
            v
        })
        .collect();
    let unstructured: std::collections::HashSet<(&str, u32)> = a
        .pages
        .iter()
        .flat_map(|p| p.unstructured.iter().map(move |l| (p.file.as_str(), *l)))
        .collect();
    let articles: Vec<Value> = a
        .articles
        .iter()
        .map(|x| {
            let mut v = serde_json::to_value(x).unwrap_or(Value::Null);
            if unstructured.contains(&(x.source.file.as_str(), x.source.line)) {
                v["unstructured"] = Value::Bool(true);
            }
            v
        })
        .collect();
    let entities: Vec<Value> = a
        .entities
        .iter()
        .map(|e| {
            let ids: Vec<&str> = e.articles().iter().filter_map(|i| a.articles.get(*i as usize)).map(|x| x.id.as_str()).collect();
            let mentions: Vec<Value> = e
                .mentions
                .iter()
                .map(|m| {
                    let id = a.articles.get(m.article as usize).map(|x| x.id.as_str()).unwrap_or("");
                    json!({"article": id, "paragraph": m.paragraph, "start": m.start, "end": m.end})
                })
                .collect();
            json!({"name": e.name, "kind": e.kind.key(), "aliases": e.aliases, "articles": ids, "mentions": mentions})
        })
        .collect();
    json!({"pages": pages, "articles": articles, "entities": entities})
}

/// What `archive check` prints: one line per page (articles, unstructured parts, warnings,
/// time), then every warning, then totals with parsing and name extraction timed apart.
/// `summary` leaves out the per-page lines.
pub fn check_text(r: &Report, summary: bool) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    if !summary {
        // Columns line up in a terminal: CJK characters take two cells.
        let cells = |s: &str| -> usize {
            s.chars()
                .map(|c| if (c as u32) >= 0x1100 { 2 } else { 1 })
                .sum()
        };
        let width = r
            .pages
            .iter()
            .map(|p| cells(&p.file))
            .max()
            .unwrap_or(4)
            .clamp(4, 80);
        let pad = |s: &str| format!("{s}{}", " ".repeat(width.saturating_sub(cells(s))));
        let _ = writeln!(
            out,
            "{}  {:>8}  {:>12}  {:>8}  {:>9}",
            pad("page"),
            "articles",
            "unstructured",
            "warnings",
            "time"
        );
        for p in &r.pages {
            let _ = writeln!(
                out,
                "{}  {:>8}  {:>12}  {:>8}  {:>6.2} ms",
                pad(&p.file),
                p.articles,
                p.unstructured,
                p.warnings,
                p.time.as_secs_f64() * 1000.0
            );
        }
    }
    for w in &r.warnings {
        let _ = writeln!(out, "warning: {w}");
    }
    let chars: usize = r.pages.iter().map(|p| p.chars).sum();
    let unstructured: usize = r.pages.iter().map(|p| p.unstructured).sum();
    let _ = writeln!(
        out,
        "{} pages, {} articles ({} unstructured), {} warnings, {} characters; parse {:.2} s, names {:.2} s",
        r.pages.len(),
        r.archive.articles.len(),
        unstructured,
        r.warnings.len(),
        chars,
        r.parse_time.as_secs_f64(),
        r.names_time.as_secs_f64()
    );
    out
}

/// Byte offset to character offset in `s`.
fn chars_at(s: &str, byte: usize) -> usize {
    s[..byte.min(s.len())].chars().count()
}

pub fn search_json(a: Archive, q: &str) -> Result<Value, String> {
    let tables = build_tables(&a)?;
    let index = Index::new(a, &tables);
    let query = index.parse(q);
    let results = index.search(&query, &SearchOptions::default());
    let hits: Vec<Value> = results
        .hits
        .iter()
        .map(|h| {
            let art = &index.archive().articles[h.doc];
            let snippets: Vec<Value> = h
                .snippets
                .iter()
                .map(|s| {
                    let marks: Vec<[usize; 2]> = s.marks.iter().map(|&(b, e)| [chars_at(&s.text, b), chars_at(&s.text, e)]).collect();
                    json!({"field": s.field.key(), "index": s.index, "text": s.text, "marks": marks, "cut_before": s.cut_before, "cut_after": s.cut_after})
                })
                .collect();
            let ranges: Vec<Value> = h
                .ranges
                .iter()
                .map(|fr| {
                    let text = crate::search::index::source_text(art, fr.field, fr.index).unwrap_or_default();
                    let r: Vec<[usize; 2]> = fr.ranges.iter().map(|&(b, e)| [chars_at(&text, b), chars_at(&text, e)]).collect();
                    json!({"field": fr.field.key(), "index": fr.index, "ranges": r})
                })
                .collect();
            let counts: serde_json::Map<String, Value> = h.field_counts.iter().map(|(f, n)| (f.key().to_string(), json!(n))).collect();
            json!({
                "id": h.id, "title": art.title, "date": art.date, "kind": art.kind.key(),
                "score": h.score, "count": h.count, "counts": counts,
                "snippets": snippets, "ranges": ranges, "breakdown": h.breakdown,
            })
        })
        .collect();
    let hints: Vec<Value> = query
        .hints
        .iter()
        .map(|h| json!({"start": h.start, "end": h.end, "message": crate::view::i18n::Lang::En.hint(h)}))
        .collect();
    if hints.is_empty() {
        return Ok(Value::Array(hits));
    }
    eprintln!("{}", serde_json::to_string(&hints).unwrap_or_default());
    Ok(Value::Array(hits))
}

/// Ground truth for benchmark queries, computed independently of the index: an article
/// matches when every whitespace-separated term of the query (`"…"`, `“…”` and `「…」` group a
/// phrase; `A OR B` makes one term of alternatives) occurs in one of its texts after the full
/// fold (Unicode, case, OpenCC traditional→simplified, quotes, dashes, whitespace), or, for a
/// Latin-only term, is spelled in pinyin by a run of its characters (every reading of every
/// character, from the `pinyin` crate), and no `-X` term occurs in its folded texts. Field terms
/// are not part of the benchmark language. Returns `{query: [ids]}`.
pub fn truth_json(a: &Archive, queries: &[String]) -> Result<Value, String> {
    use crate::search::pinyin::{pinyin_key, PinyinMap, PinyinTable};
    use crate::search::tables::FullFolder;
    use std::collections::BTreeMap;
    let full = FullFolder::new()?;
    let folded: Vec<Vec<String>> = a
        .articles
        .iter()
        .map(|art| art.texts().iter().map(|t| full.fold(&t.text)).collect())
        .collect();
    let mut readings: BTreeMap<char, Vec<String>> = BTreeMap::new();
    for texts in &folded {
        for t in texts {
            for c in t.chars() {
                if readings.contains_key(&c) {
                    continue;
                }
                if let Some(multi) = pinyin::ToPinyinMulti::to_pinyin_multi(&c) {
                    let mut v: Vec<String> = Vec::new();
                    for p in multi {
                        let r = p.plain().replace('ü', "v");
                        if !v.contains(&r) {
                            v.push(r);
                        }
                    }
                    readings.insert(c, v);
                }
            }
        }
    }
    let py = PinyinMap::new(&PinyinTable::from_readings(readings));
    let mut out = serde_json::Map::new();
    for q in queries {
        let mut terms: Vec<String> = Vec::new();
        let mut in_quote = false;
        let mut cur = String::new();
        for c in q.chars() {
            if matches!(c, '"' | '“' | '”' | '「' | '」') {
                in_quote = !in_quote;
            } else if c.is_whitespace() && !in_quote {
                if !cur.is_empty() {
                    terms.push(std::mem::take(&mut cur));
                }
            } else {
                cur.push(c);
            }
        }
        if !cur.is_empty() {
            terms.push(cur);
        }
        // Adjacent whole-syllable Latin words are one name, as in the query language.
        let mut merged: Vec<String> = Vec::new();
        for t in terms {
            let latin = pinyin_key(&t).is_some_and(|k| py.is_syllables(&k));
            match merged.last_mut() {
                Some(prev) if latin && pinyin_key(prev).is_some_and(|k| py.is_syllables(&k)) => {
                    prev.push_str(&t)
                }
                _ => merged.push(t),
            }
        }
        // `A OR B` is one clause of alternatives; `-X` leaves out articles containing X; the
        // clauses are all required.
        let mut clauses: Vec<Vec<String>> = Vec::new();
        let mut nots: Vec<String> = Vec::new();
        let mut or_next = false;
        for t in merged {
            if t == "OR" {
                or_next = !clauses.is_empty();
                continue;
            }
            if let Some(x) = t.strip_prefix('-').filter(|x| !x.is_empty()) {
                nots.push(full.fold(x));
                continue;
            }
            match clauses.last_mut() {
                Some(c) if or_next => c.push(t),
                _ => clauses.push(vec![t]),
            }
            or_next = false;
        }
        let hit = |texts: &[String], term: &str| {
            let f = full.fold(term);
            let text_hit = !f.is_empty() && texts.iter().any(|t| t.contains(&f));
            let py_hit = pinyin_key(term)
                .filter(|k| k.len() >= 2)
                .is_some_and(|k| texts.iter().any(|t| !py.find(t, &k).is_empty()));
            text_hit || py_hit
        };
        let ids: Vec<Value> = a
            .articles
            .iter()
            .zip(&folded)
            .filter(|(_, texts)| {
                clauses
                    .iter()
                    .all(|c| c.iter().any(|term| hit(texts, term)))
                    && !nots
                        .iter()
                        .any(|x| texts.iter().any(|t| t.contains(x.as_str())))
            })
            .map(|(art, _)| json!(art.id))
            .collect();
        out.insert(q.clone(), Value::Array(ids));
    }
    Ok(Value::Object(out))
}
