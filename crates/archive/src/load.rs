//! Reading seed files from disk: decoding, sidecars, folder settings, path metadata, dispatch
//! by format, stable ids, and warnings instead of aborts.
//!
//! A seed folder holds `*.txt` pages (see [`super::page`]) and `*.md` articles (see
//! [`super::markdown`]), in it or in folders below it (`2020/02/05/12.txt`). A page may have a
//! sidecar `<name>.toml` with facts its text lacks:
//!
//! ```toml
//! paper = "某某日报"     # newspaper title
//! date = "2020-02-12"    # edition date, ISO
//! page = "3"             # page number or label
//! year = 2020            # year for `M月D日` dates in the text (defaults to the edition's)
//! encoding = "gb18030"   # when the file is not UTF-8 (any WHATWG label: gbk, utf-16le…)
//! ```
//!
//! A folder may hold an `archive.toml` with `paper`, `year` and `encoding` for every page in and
//! below it (a deeper `archive.toml` overrides a shallower one, a sidecar overrides both).
//! Without a sidecar `date`/`page`, they are read from the path ([`super::pathmeta`]).
//!
//! Nothing on one page stops the others: what cannot be decoded or structured becomes a
//! warning `file:line: what was unsure` in the [`Report`], and the text stays in the archive
//! (see [`super::page`] for unstructured articles). Only unreadable folders, folders without
//! pages and file names with control characters are hard errors, and with
//! [`Options::strict`] (`ARCHIVE_STRICT=1`) the first warning is one too.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde::Deserialize;

use super::error::ParseError;
use super::model::{Archive, Article, Page, Sidecar};
use super::text::parse_iso_date;

/// Settings for every page in a folder and below it, from the folder's `archive.toml`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FolderMeta {
    /// Newspaper title.
    pub paper: Option<String>,
    /// Year for `M月D日` dates when a page's own date does not give it.
    pub year: Option<i32>,
    /// Encoding of pages that are not UTF-8.
    pub encoding: Option<String>,
}

fn toml_error(file: &str, text: &str, e: toml::de::Error) -> ParseError {
    let line = e
        .span()
        .map(|s| {
            let end = s.start.min(text.len());
            text.as_bytes()[..end]
                .iter()
                .filter(|b| **b == b'\n')
                .count() as u32
                + 1
        })
        .unwrap_or(1);
    ParseError::new(file, line, e.message().to_string())
}

fn check_year(file: &str, text: &str, year: Option<i32>) -> Result<(), ParseError> {
    match year {
        Some(y) if !(1000..=9999).contains(&y) => Err(ParseError::new(
            file,
            line_of(text, "year"),
            format!("bad year {y}: expected four digits"),
        )),
        _ => Ok(()),
    }
}

impl Sidecar {
    /// The year for month-day dates: the explicit `year`, else the edition date's.
    pub fn effective_year(&self) -> Option<i32> {
        self.year
            .or_else(|| self.date.as_deref().and_then(parse_iso_date).map(|d| d.0))
    }

    /// Parses a sidecar's TOML text; `file` names it in errors. The date is checked after
    /// trimming and stored trimmed.
    pub fn parse(file: &str, text: &str) -> Result<Sidecar, ParseError> {
        let mut side: Sidecar = toml::from_str(text).map_err(|e| toml_error(file, text, e))?;
        if let Some(d) = &side.date {
            if parse_iso_date(d).is_none() {
                return Err(ParseError::new(
                    file,
                    line_of(text, "date"),
                    format!("bad date {d:?}: expected an existing day as YYYY-MM-DD"),
                ));
            }
            side.date = Some(d.trim().to_string());
        }
        side.paper = side.paper.map(|p| p.trim().to_string());
        side.page = side.page.map(|p| p.trim().to_string());
        check_year(file, text, side.year)?;
        Ok(side)
    }
}

impl FolderMeta {
    /// Parses an `archive.toml`; `file` names it in errors.
    pub fn parse(file: &str, text: &str) -> Result<FolderMeta, ParseError> {
        let meta: FolderMeta = toml::from_str(text).map_err(|e| toml_error(file, text, e))?;
        check_year(file, text, meta.year)?;
        Ok(meta)
    }

    /// `self` with the keys `inner` sets replaced (a deeper folder's settings win).
    pub fn under(&self, inner: FolderMeta) -> FolderMeta {
        FolderMeta {
            paper: inner.paper.or_else(|| self.paper.clone()),
            year: inner.year.or(self.year),
            encoding: inner.encoding.or_else(|| self.encoding.clone()),
        }
    }
}

fn line_of(text: &str, key: &str) -> u32 {
    text.lines()
        .position(|l| l.trim_start().starts_with(key))
        .map(|p| p as u32 + 1)
        .unwrap_or(1)
}

/// How to load.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Any warning is an error (`ARCHIVE_STRICT=1`, `archive parse --strict`).
    pub strict: bool,
    /// Print progress to stderr about once a second.
    pub progress: bool,
    /// Read folders below a given folder too.
    pub recursive: bool,
    /// Extract people, places and organisations after parsing.
    pub names: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            strict: false,
            progress: false,
            recursive: true,
            names: true,
        }
    }
}

impl Options {
    /// The defaults, strict when the environment sets `ARCHIVE_STRICT` to `1`, `true` or `yes`.
    pub fn from_env() -> Options {
        let strict = std::env::var("ARCHIVE_STRICT")
            .map(|v| matches!(v.trim(), "1" | "true" | "yes"))
            .unwrap_or(false);
        Options {
            strict,
            ..Options::default()
        }
    }
}

/// What loading one page found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageStat {
    /// The page as shown in warnings.
    pub file: String,
    /// Articles found.
    pub articles: usize,
    /// Of which unstructured.
    pub unstructured: usize,
    /// Warnings about this page (and its sidecar).
    pub warnings: usize,
    /// Characters of text.
    pub chars: usize,
    /// Time to read, decode and parse it.
    pub time: Duration,
}

/// An archive with everything that was unsure on the way.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// The archive: every readable page, every article.
    pub archive: Archive,
    /// `file:line: what was unsure`, in page order.
    pub warnings: Vec<ParseError>,
    /// One entry per source file, in load order.
    pub pages: Vec<PageStat>,
    /// Reading, decoding and parsing every page.
    pub parse_time: Duration,
    /// Name extraction.
    pub names_time: Duration,
}

/// One file to load.
struct Item {
    path: PathBuf,
    /// The name stored in the archive: relative to the folder given (with `/`), or the file name.
    name: String,
    /// How warnings name it.
    shown: String,
    folder: FolderMeta,
    /// Whether the name may carry a date and page (files found in a folder walk).
    from_walk: bool,
}

/// Refuses a file or folder name with a control character (a newline in a name could forge
/// `cargo:` directives in build.rs and breaks `file:line` messages).
pub fn check_name(path: &Path) -> Result<(), ParseError> {
    let s = path.to_string_lossy();
    if let Some(c) = s.chars().find(|c| c.is_control()) {
        return Err(ParseError::new(
            s.escape_debug().to_string(),
            1,
            format!(
                "file name with a control character (U+{:04X}): rename it",
                c as u32
            ),
        ));
    }
    Ok(())
}

/// Whether a path is a seed source (a page or an article), not a sidecar or other file.
pub fn is_source(path: &Path) -> bool {
    path.extension().is_some_and(|e| {
        let e = e.to_ascii_lowercase();
        e == "txt" || e == "md" || e == "markdown"
    })
}

/// Orders names the way people number pages: `2.txt` before `10.txt`.
fn natural_key(s: &str) -> Vec<(u8, u64, String)> {
    let mut out = Vec::new();
    let mut digits = String::new();
    let mut other = String::new();
    for c in s.chars() {
        if c.is_ascii_digit() {
            if !other.is_empty() {
                out.push((1, 0, std::mem::take(&mut other)));
            }
            digits.push(c);
        } else {
            if !digits.is_empty() {
                let n = digits.parse().unwrap_or(u64::MAX);
                out.push((0, n, std::mem::take(&mut digits)));
            }
            other.push(c);
        }
    }
    if !digits.is_empty() {
        out.push((0, digits.parse().unwrap_or(u64::MAX), digits));
    }
    if !other.is_empty() {
        out.push((1, 0, other));
    }
    out
}

fn read_folder_meta(
    dir: &Path,
    inherited: &FolderMeta,
    warnings: &mut Vec<ParseError>,
) -> FolderMeta {
    let p = dir.join("archive.toml");
    if !p.is_file() {
        return inherited.clone();
    }
    let shown = p.to_string_lossy().into_owned();
    match std::fs::read(&p) {
        Ok(bytes) => match super::encoding::decode(&bytes, None) {
            Ok(d) => match FolderMeta::parse(&shown, &d.text) {
                Ok(m) => inherited.under(m),
                Err(e) => {
                    warnings.push(e);
                    inherited.clone()
                }
            },
            Err(e) => {
                warnings.push(ParseError::new(&shown, e.line, e.message));
                inherited.clone()
            }
        },
        Err(e) => {
            warnings.push(ParseError::new(&shown, 1, format!("cannot read: {e}")));
            inherited.clone()
        }
    }
}

fn walk(
    dir: &Path,
    rel: &str,
    inherited: &FolderMeta,
    recursive: bool,
    items: &mut Vec<Item>,
    warnings: &mut Vec<ParseError>,
    seen: &mut HashSet<PathBuf>,
) -> Result<(), ParseError> {
    check_name(dir)?;
    let shown = dir.to_string_lossy().into_owned();
    let entries = std::fs::read_dir(dir)
        .map_err(|e| ParseError::new(&shown, 1, format!("cannot read folder: {e}")))?;
    let meta = read_folder_meta(dir, inherited, warnings);
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort_by_cached_key(|p| natural_key(&p.file_name().unwrap_or_default().to_string_lossy()));
    for p in paths {
        let fname = p
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        if fname.starts_with('.') {
            continue;
        }
        let is_dir = p.is_dir();
        let wanted = (is_dir && recursive) || (p.is_file() && is_source(&p));
        if !wanted {
            continue;
        }
        check_name(&p)?;
        let name = if rel.is_empty() {
            fname
        } else {
            format!("{rel}/{fname}")
        };
        if is_dir {
            // A folder reached again through a link (a loop, or twice) is read once.
            let real = std::fs::canonicalize(&p).unwrap_or_else(|_| p.clone());
            if !seen.insert(real) {
                warnings.push(ParseError::new(
                    p.to_string_lossy(),
                    1,
                    "folder already read (a link back into the archive): skipped",
                ));
                continue;
            }
            walk(&p, &name, &meta, recursive, items, warnings, seen)?;
        } else {
            items.push(Item {
                shown: p.to_string_lossy().into_owned(),
                path: p,
                name,
                folder: meta.clone(),
                from_walk: true,
            });
        }
    }
    Ok(())
}

/// Loads files and folders (recursively unless `opts.recursive` is off), keeping every page
/// and collecting warnings. Errors only for unreadable folders, folders without pages, names
/// with control characters, and (strict) the first warning.
pub fn load(paths: &[PathBuf], opts: &Options) -> Result<Report, ParseError> {
    let started = Instant::now();
    let mut warnings: Vec<ParseError> = Vec::new();
    let mut items: Vec<Item> = Vec::new();
    for p in paths {
        check_name(p)?;
        if p.is_dir() {
            let before = items.len();
            let mut seen: HashSet<PathBuf> = HashSet::new();
            seen.insert(std::fs::canonicalize(p).unwrap_or_else(|_| p.clone()));
            walk(
                p,
                "",
                &FolderMeta::default(),
                opts.recursive,
                &mut items,
                &mut warnings,
                &mut seen,
            )?;
            if items.len() == before {
                return Err(ParseError::new(
                    p.to_string_lossy(),
                    1,
                    "no .txt or .md files: nothing to build an archive from",
                ));
            }
        } else {
            let parent = p.parent().filter(|d| !d.as_os_str().is_empty());
            let folder = match parent {
                Some(d) => read_folder_meta(d, &FolderMeta::default(), &mut warnings),
                None => read_folder_meta(Path::new("."), &FolderMeta::default(), &mut warnings),
            };
            items.push(Item {
                path: p.clone(),
                name: p
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| p.to_string_lossy().into_owned()),
                shown: p.to_string_lossy().into_owned(),
                folder,
                from_walk: false,
            });
        }
    }
    let mut report = Report::default();
    // Edited in place (ids) before they are shared.
    let mut all: Vec<Article> = Vec::new();
    let mut last_progress = Instant::now();
    let total = items.len();
    for (n, item) in items.iter().enumerate() {
        let t0 = Instant::now();
        let before = warnings.len();
        let parsed = parse_item(item, &mut warnings);
        let stat = PageStat {
            file: item.shown.clone(),
            articles: parsed.as_ref().map_or(0, |p| p.1.len()),
            unstructured: parsed.as_ref().map_or(0, |p| p.0.unstructured.len()),
            warnings: warnings.len() - before,
            chars: parsed
                .as_ref()
                .map_or(0, |p| p.0.lines.iter().map(|l| l.chars().count()).sum()),
            time: t0.elapsed(),
        };
        report.pages.push(stat);
        if let Some((page, articles)) = parsed {
            report.archive.pages.push(page.into());
            all.extend(articles);
        }
        if opts.strict && warnings.len() > before {
            return Err(warnings.swap_remove(before));
        }
        if opts.progress && (last_progress.elapsed().as_secs_f64() >= 1.0 || n + 1 == total) {
            last_progress = Instant::now();
            eprintln!(
                "parsed {}/{total} pages, {} articles, {} warnings, {:.1} s",
                n + 1,
                all.len(),
                warnings.len(),
                started.elapsed().as_secs_f64()
            );
        }
    }
    assign_ids(&mut all);
    report.archive.articles = all.into_iter().map(std::sync::Arc::new).collect();
    report.parse_time = started.elapsed();
    if opts.names {
        let t0 = Instant::now();
        super::entities::extract(&mut report.archive);
        report.names_time = t0.elapsed();
        if opts.progress {
            eprintln!(
                "names: {} entities, {:.1} s",
                report.archive.entities.len(),
                report.names_time.as_secs_f64()
            );
        }
    }
    report.warnings = warnings;
    Ok(report)
}

fn read_text(
    path: &Path,
    shown: &str,
    declared: Option<&str>,
    warnings: &mut Vec<ParseError>,
) -> Option<String> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            warnings.push(ParseError::new(shown, 1, format!("cannot read file: {e}")));
            return None;
        }
    };
    match super::encoding::decode(&bytes, declared) {
        Ok(d) => {
            for (line, msg) in d.warnings {
                warnings.push(ParseError::new(shown, line, msg));
            }
            Some(d.text)
        }
        Err(e) => {
            warnings.push(ParseError::new(shown, e.line, e.message));
            None
        }
    }
}

fn parse_item(item: &Item, warnings: &mut Vec<ParseError>) -> Option<(Page, Vec<Article>)> {
    let is_md = item
        .path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"));
    if is_md {
        let text = read_text(
            &item.path,
            &item.shown,
            item.folder.encoding.as_deref(),
            warnings,
        )?;
        let (mut page, articles, notes) =
            super::markdown::parse_markdown_lenient(&item.name, &text);
        for (line, msg) in notes {
            warnings.push(ParseError::new(&item.shown, line, msg));
        }
        if page.paper.is_none() {
            page.paper = item.folder.paper.clone();
        }
        return Some((page, articles));
    }
    let side_path = item.path.with_extension("toml");
    let side = if side_path.is_file() && side_path.file_name().is_some_and(|n| n != "archive.toml")
    {
        let shown_side = Path::new(&item.shown).with_extension("toml");
        let shown_side = shown_side.to_string_lossy().into_owned();
        read_text(&side_path, &shown_side, None, warnings)
            .and_then(|t| match Sidecar::parse(&shown_side, &t) {
                Ok(s) => Some(s),
                Err(e) => {
                    warnings.push(ParseError::new(
                        &e.file,
                        e.line,
                        format!("{} (sidecar ignored)", e.message),
                    ));
                    None
                }
            })
            .unwrap_or_default()
    } else {
        Sidecar::default()
    };
    let declared = side
        .encoding
        .clone()
        .or_else(|| item.folder.encoding.clone());
    let text = read_text(&item.path, &item.shown, declared.as_deref(), warnings)?;
    let from_path = if item.from_walk {
        super::pathmeta::from_path(&item.name)
    } else {
        super::pathmeta::PathMeta::default()
    };
    let meta = Sidecar {
        paper: side.paper.or_else(|| item.folder.paper.clone()),
        date: side.date.or(from_path.date),
        page: side.page.or(from_path.page),
        year: side.year.or(item.folder.year),
        encoding: declared,
    };
    let (page, articles, notes) = super::page::parse_page_lenient(&item.name, &text, &meta);
    for (line, msg) in notes {
        warnings.push(ParseError::new(&item.shown, line, msg));
    }
    Some((page, articles))
}

/// Parses one file (`.txt` page or `.md` article) on its own; `shown` is how messages name it.
/// The first warning is returned as an error (strict).
pub fn parse_file(path: &Path, shown: &str) -> Result<(Page, Vec<Article>), ParseError> {
    let mut warnings = Vec::new();
    let item = Item {
        path: path.to_path_buf(),
        name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| shown.to_string()),
        shown: shown.to_string(),
        folder: FolderMeta::default(),
        from_walk: false,
    };
    let parsed = parse_item(&item, &mut warnings);
    match (warnings.into_iter().next(), parsed) {
        (Some(e), _) => Err(e),
        (None, Some(p)) => Ok(p),
        (None, None) => Err(ParseError::new(shown, 1, "cannot read file")),
    }
}

/// Loads the files of one folder (not the folders below it) and fails on the first warning:
/// the strict behaviour of earlier versions. See [`load`] for the lenient loader.
pub fn load_dir(dir: &Path) -> Result<Archive, ParseError> {
    load_paths(&[dir.to_path_buf()])
}

/// Loads the given files and folders like [`load_dir`]: strict, one folder level.
pub fn load_paths(paths: &[PathBuf]) -> Result<Archive, ParseError> {
    let opts = Options {
        strict: true,
        recursive: false,
        ..Options::default()
    };
    load(paths, &opts).map(|r| r.archive)
}

/// Gives every article a stable id: `<date or file stem>-<pinyin initials of the title>`,
/// with `-2`, `-3`… for repeats. It depends only on the article, so it survives rebuilds.
/// Ids stay unique however many articles share a base: a suffix that happens to equal another
/// article's base is skipped.
pub fn assign_ids(articles: &mut [Article]) {
    let mut next: HashMap<String, u32> = HashMap::new();
    let mut used: HashSet<String> = HashSet::with_capacity(articles.len());
    for a in articles.iter_mut() {
        let stem: String = a
            .source
            .file
            .split(['_', '.'])
            .next()
            .unwrap_or("page")
            .chars()
            .map(|c| {
                if c.is_alphanumeric() || c == '-' {
                    c
                } else {
                    '-'
                }
            })
            .collect();
        let prefix = a.date.clone().unwrap_or(stem);
        let base = format!("{prefix}-{}", initials(&a.title));
        let n = next.entry(base.clone()).or_insert(0);
        let mut id;
        loop {
            *n += 1;
            id = if *n == 1 {
                base.clone()
            } else {
                format!("{base}-{n}")
            };
            if !used.contains(&id) {
                break;
            }
        }
        used.insert(id.clone());
        a.id = id;
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
    fn sidecar_checks_dates() {
        let e =
            Sidecar::parse("s.toml", "paper = \"x\"\ndate = \"2020-02-30\"\n").expect_err("bad");
        assert_eq!(e.line, 2);
        assert!(e.message.contains("bad date"));
        let ok = Sidecar::parse("s.toml", "date = \"2020-02-12\"\n").expect("ok");
        assert_eq!(ok.effective_year(), Some(2020));
        assert!(Sidecar::parse("s.toml", "colour = 1\n").is_err());
        let ok = Sidecar::parse("s.toml", "date = \" 2020-02-12 \"\n").expect("trimmed");
        assert_eq!(ok.date.as_deref(), Some("2020-02-12"));
        assert!(Sidecar::parse("s.toml", "date = \"+020-02-12\"\n").is_err());
        assert!(FolderMeta::parse("a.toml", "paper = \"x\"\nyear = 20\n").is_err());
    }

    #[test]
    fn initials_are_pinyin() {
        assert_eq!(initials("张建党主持召开项目建设推进会"), "zjdzczkxmjstjh");
        assert_eq!(initials("N95口罩"), "n95kz");
    }
}

#[cfg(test)]
mod id_tests {
    use super::*;
    fn art(file: &str, title: &str) -> Article {
        Article::new("", title, file)
    }

    #[test]
    fn ids_are_unique_even_when_a_suffix_meets_a_base() {
        let mut v = vec![
            art("x_1.txt", "AB"),
            art("x_1.txt", "AB"),
            art("x-ab_1.txt", "2"),
            art("2020/02/05/12.txt", "广告"),
        ];
        assign_ids(&mut v);
        let ids: Vec<&str> = v.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["x-ab", "x-ab-2", "x-ab-2-2", "2020-02-05-12-gg"]);
        let set: HashSet<&str> = ids.iter().copied().collect();
        assert_eq!(set.len(), ids.len());
    }

    #[test]
    fn control_characters_in_names_are_refused() {
        let e = check_name(Path::new("seeds/a\nb.txt")).expect_err("newline");
        assert!(e.to_string().contains("control character (U+000A)"), "{e}");
        assert!(!e.file.contains('\n'));
        assert!(check_name(Path::new("seeds/好.txt")).is_ok());
    }
}
