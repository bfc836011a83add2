//! Reading seed files from disk: decoding, sidecars, dispatch by format, stable ids.
//!
//! A seed folder holds `*.txt` pages (see [`super::page`]) and `*.md` articles (see
//! [`super::markdown`]). A page may have a sidecar `<name>.toml` with facts its text lacks:
//!
//! ```toml
//! paper = "某某日报"     # newspaper title
//! date = "2020-02-12"    # edition date, ISO
//! page = "3"             # page number or label
//! year = 2020            # year for `M月D日` dates in the text (defaults to the edition's)
//! ```

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::error::ParseError;
use super::model::{Archive, Article};
use super::text::parse_iso_date;

/// Facts about a page that its text does not give, from `<name>.toml` beside it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sidecar {
    /// Newspaper title.
    pub paper: Option<String>,
    /// Edition date, ISO `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Page number or label.
    pub page: Option<String>,
    /// Year for `M月D日` dates in the text.
    pub year: Option<i32>,
}

impl Sidecar {
    /// The year for month-day dates: the explicit `year`, else the edition date's.
    pub fn effective_year(&self) -> Option<i32> {
        self.year
            .or_else(|| self.date.as_deref().and_then(parse_iso_date).map(|d| d.0))
    }

    /// Parses a sidecar's TOML text; `file` names it in errors.
    pub fn parse(file: &str, text: &str) -> Result<Sidecar, ParseError> {
        let side: Sidecar = toml::from_str(text).map_err(|e| {
            let line = e
                .span()
                .map(|s| text[..s.start.min(text.len())].matches('\n').count() as u32 + 1)
                .unwrap_or(1);
            ParseError::new(file, line, e.message().to_string())
        })?;
        if let Some(d) = &side.date {
            if parse_iso_date(d).is_none() {
                return Err(ParseError::new(
                    file,
                    line_of(text, "date"),
                    format!("bad date {d:?}: expected an existing day as YYYY-MM-DD"),
                ));
            }
        }
        if let Some(y) = side.year {
            if !(1000..=9999).contains(&y) {
                return Err(ParseError::new(
                    file,
                    line_of(text, "year"),
                    format!("bad year {y}: expected four digits"),
                ));
            }
        }
        Ok(side)
    }
}

fn line_of(text: &str, key: &str) -> u32 {
    text.lines()
        .position(|l| l.trim_start().starts_with(key))
        .map(|p| p as u32 + 1)
        .unwrap_or(1)
}

/// Decodes a file's bytes as UTF-8 text, rejecting binary data with the line it starts on.
pub fn decode(file: &str, bytes: &[u8]) -> Result<String, ParseError> {
    let line_at = |pos: usize| bytes[..pos].iter().filter(|b| **b == b'\n').count() as u32 + 1;
    if let Some(pos) = bytes.iter().position(|b| *b == 0) {
        return Err(ParseError::new(
            file,
            line_at(pos),
            "binary data (a NUL byte): expected UTF-8 text",
        ));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => {
            if let Some((pos, c)) = s
                .char_indices()
                .find(|(_, c)| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
            {
                return Err(ParseError::new(
                    file,
                    line_at(pos),
                    format!("control character U+{:04X}: expected plain text", c as u32),
                ));
            }
            if s.trim_start_matches('\u{feff}').trim().is_empty() {
                return Err(ParseError::new(file, 1, "empty file: no text found"));
            }
            Ok(s.to_string())
        }
        Err(e) => {
            let pos = e.valid_up_to();
            let bad = bytes.get(pos).copied().unwrap_or(0);
            Err(ParseError::new(
                file,
                line_at(pos),
                format!("invalid UTF-8 (byte 0x{bad:02x}): save the file as UTF-8"),
            ))
        }
    }
}

/// Parses one file (`.txt` page or `.md` article). `shown` is how errors name it.
pub fn parse_file(path: &Path, shown: &str) -> Result<(super::Page, Vec<Article>), ParseError> {
    let bytes = std::fs::read(path)
        .map_err(|e| ParseError::new(shown, 1, format!("cannot read file: {e}")))?;
    let text = decode(shown, &bytes)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| shown.to_string());
    let is_md = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"));
    if is_md {
        return super::markdown::parse_markdown(&name, shown, &text);
    }
    let side_path = path.with_extension("toml");
    let side = if side_path.is_file() {
        let shown_side = Path::new(shown).with_extension("toml");
        let shown_side = shown_side.to_string_lossy();
        let bytes = std::fs::read(&side_path)
            .map_err(|e| ParseError::new(shown_side.as_ref(), 1, format!("cannot read: {e}")))?;
        let text = decode(&shown_side, &bytes)?;
        Sidecar::parse(&shown_side, &text)?
    } else {
        Sidecar::default()
    };
    let (page, mut articles) = super::page::parse_page(&name, &text, &side).map_err(|mut e| {
        e.file = shown.to_string();
        e
    })?;
    for a in &mut articles {
        a.source.file = name.clone();
    }
    Ok((page, articles))
}

/// Whether a path is a seed source (a page or an article), not a sidecar or other file.
pub fn is_source(path: &Path) -> bool {
    path.extension().is_some_and(|e| {
        let e = e.to_ascii_lowercase();
        e == "txt" || e == "md" || e == "markdown"
    })
}

/// Loads every source file in a folder, in file-name order.
pub fn load_dir(dir: &Path) -> Result<Archive, ParseError> {
    let shown = dir.to_string_lossy().into_owned();
    let entries = std::fs::read_dir(dir)
        .map_err(|e| ParseError::new(&shown, 1, format!("cannot read folder: {e}")))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && is_source(p))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(ParseError::new(
            &shown,
            1,
            "no .txt or .md files: nothing to build an archive from",
        ));
    }
    load_paths(&files)
}

/// Loads the given files and folders (folders are read as by [`load_dir`]).
pub fn load_paths(paths: &[PathBuf]) -> Result<Archive, ParseError> {
    let mut archive = Archive::default();
    for p in paths {
        if p.is_dir() {
            let sub = load_dir(p)?;
            archive.pages.extend(sub.pages);
            archive.articles.extend(sub.articles);
            continue;
        }
        let shown = p.to_string_lossy().into_owned();
        let (page, articles) = parse_file(p, &shown)?;
        archive.pages.push(page);
        archive.articles.extend(articles);
    }
    assign_ids(&mut archive.articles);
    super::entities::extract(&mut archive);
    Ok(archive)
}

/// Gives every article a stable id: `<date or file stem>-<pinyin initials of the title>`,
/// with `-2`, `-3`… for repeats. It depends only on the article, so it survives rebuilds.
pub fn assign_ids(articles: &mut [Article]) {
    let mut seen: HashMap<String, u32> = HashMap::new();
    for a in articles.iter_mut() {
        let stem = a
            .source
            .file
            .split(['_', '.'])
            .next()
            .unwrap_or("page")
            .to_string();
        let prefix = a.date.clone().unwrap_or(stem);
        let base = format!("{prefix}-{}", initials(&a.title));
        let n = seen.entry(base.clone()).or_insert(0);
        *n += 1;
        a.id = if *n == 1 { base } else { format!("{base}-{n}") };
    }
}

/// Lower-case pinyin initials of the Han characters and ASCII letters/digits of `text`.
pub fn initials(text: &str) -> String {
    use pinyin::ToPinyin;
    let mut out = String::new();
    for c in text.chars() {
        if let Some(p) = c.to_pinyin() {
            out.push_str(&p.plain()[..1]);
        } else if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        }
        if out.len() >= 16 {
            break;
        }
    }
    if out.is_empty() {
        out.push('x');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_errors_name_the_line() {
        let e = decode("seeds/a.txt", b"ok\nline two\xff\n").expect_err("bad utf8");
        assert_eq!(
            e.to_string(),
            "seeds/a.txt:2: invalid UTF-8 (byte 0xff): save the file as UTF-8"
        );
        let e = decode("seeds/b.txt", b"a\n\nb\0c").expect_err("binary");
        assert!(e.to_string().starts_with("seeds/b.txt:3: binary data"));
        let e = decode("seeds/c.txt", b"\xef\xbb\xbf \n\n").expect_err("empty");
        assert!(e.to_string().starts_with("seeds/c.txt:1: empty file"));
    }

    #[test]
    fn sidecar_checks_dates() {
        let e =
            Sidecar::parse("s.toml", "paper = \"x\"\ndate = \"2020-02-30\"\n").expect_err("bad");
        assert_eq!(e.line, 2);
        assert!(e.message.contains("bad date"));
        let ok = Sidecar::parse("s.toml", "date = \"2020-02-12\"\n").expect("ok");
        assert_eq!(ok.effective_year(), Some(2020));
        assert!(Sidecar::parse("s.toml", "colour = 1\n").is_err());
    }

    #[test]
    fn initials_are_pinyin() {
        assert_eq!(initials("张建党主持召开项目建设推进会"), "zjdzczkxmjstjh");
        assert_eq!(initials("N95口罩"), "n95kz");
    }
}
