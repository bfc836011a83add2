//! Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK and any other
//! encoding `encoding_rs` knows by label.
//!
//! Detection order: a byte-order mark; else valid UTF-8; else the encoding the sidecar or
//! `archive.toml` declares; else GB18030 when the bytes are valid GB18030 (with a warning).
//! Bytes that no candidate decodes become U+FFFD, and every line holding one gets a warning:
//! nothing vanishes silently.

use encoding_rs::{Encoding, GB18030, UTF_8};

/// A decoded file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without BOM. Control characters other than tab, line and page breaks are
    /// replaced by U+FFFD (with a warning).
    pub text: String,
    /// The encoding used (`UTF-8`, `UTF-16LE`, `gb18030`…).
    pub encoding: &'static str,
    /// `(line, message)` for everything that was unsure or replaced.
    pub warnings: Vec<(u32, String)>,
}

/// Why a file is not text at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotText {
    /// 1-based line.
    pub line: u32,
    /// What is wrong.
    pub message: String,
}

/// At most this many lines are named for one kind of replacement; the rest are counted.
const MAX_LINE_WARNINGS: usize = 5;

/// Decodes a file. `declared` is an encoding label from the sidecar or `archive.toml`.
pub fn decode(bytes: &[u8], declared: Option<&str>) -> Result<Decoded, NotText> {
    let mut warnings = Vec::new();
    let (text, encoding) = if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let (t, had_errors) = enc.decode_without_bom_handling(&bytes[bom..]);
        let t = t.into_owned();
        if had_errors {
            replaced_lines(&t, enc.name(), &mut warnings);
        }
        (t, enc.name())
    } else if let Ok(s) = std::str::from_utf8(bytes) {
        (s.to_string(), UTF_8.name())
    } else {
        let declared_enc = match declared.map(str::trim) {
            Some(label) => match Encoding::for_label(label.as_bytes()) {
                Some(e) => Some(e),
                None => {
                    warnings.push((
                        1,
                        format!("unknown encoding {label:?}: trying UTF-8 and GB18030"),
                    ));
                    None
                }
            },
            None => None,
        };
        match declared_enc {
            Some(enc) => {
                let (t, had_errors) = enc.decode_without_bom_handling(bytes);
                let t = t.into_owned();
                if had_errors {
                    replaced_lines(&t, enc.name(), &mut warnings);
                }
                (t, enc.name())
            }
            None => {
                let (t, had_errors) = GB18030.decode_without_bom_handling(bytes);
                if had_errors {
                    // Neither UTF-8 nor GB18030: keep the UTF-8 reading, mark what is broken.
                    (utf8_lossy(bytes, &mut warnings), UTF_8.name())
                } else {
                    warnings.push((
                        1,
                        "not UTF-8: decoded as GB18030 (set `encoding` in the sidecar or archive.toml to be sure)"
                            .to_string(),
                    ));
                    (t.into_owned(), GB18030.name())
                }
            }
        }
    };
    let text = match text.strip_prefix('\u{feff}') {
        Some(t) => t.to_string(),
        None => text,
    };
    if let Some(pos) = text.find('\0') {
        return Err(NotText {
            line: line_at(&text, pos),
            message: "binary data (a NUL byte): not a text page, skipped".to_string(),
        });
    }
    let text = replace_controls(text, &mut warnings);
    Ok(Decoded {
        text,
        encoding,
        warnings,
    })
}

fn line_at(text: &str, pos: usize) -> u32 {
    text.as_bytes()[..pos.min(text.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count() as u32
        + 1
}

/// UTF-8 with every invalid sequence replaced by U+FFFD and a warning naming the line and byte.
fn utf8_lossy(bytes: &[u8], warnings: &mut Vec<(u32, String)>) -> String {
    let mut out = String::with_capacity(bytes.len());
    let mut line = 1u32;
    let mut last_line = 0u32;
    let mut named = 0usize;
    let mut more = 0usize;
    for chunk in bytes.utf8_chunks() {
        let valid = chunk.valid();
        out.push_str(valid);
        line += valid.bytes().filter(|b| *b == b'\n').count() as u32;
        let bad = chunk.invalid();
        if bad.is_empty() {
            continue;
        }
        out.push('\u{fffd}');
        if line != last_line {
            last_line = line;
            if named < MAX_LINE_WARNINGS {
                named += 1;
                warnings.push((
                    line,
                    format!(
                        "invalid UTF-8 (byte 0x{:02x}) replaced by U+FFFD: save the file as UTF-8 or set `encoding`",
                        bad[0]
                    ),
                ));
            } else {
                more += 1;
            }
        }
    }
    if more > 0 {
        warnings.push((
            last_line,
            format!("invalid UTF-8 on {more} more lines, replaced by U+FFFD"),
        ));
    }
    out
}

fn replaced_lines(text: &str, enc: &str, warnings: &mut Vec<(u32, String)>) {
    let bad: Vec<u32> = text
        .split('\n')
        .enumerate()
        .filter(|(_, l)| l.contains('\u{fffd}'))
        .map(|(i, _)| i as u32 + 1)
        .collect();
    for l in bad.iter().take(MAX_LINE_WARNINGS) {
        warnings.push((*l, format!("bytes that are not {enc} replaced by U+FFFD")));
    }
    if bad.len() > MAX_LINE_WARNINGS {
        warnings.push((
            bad[bad.len() - 1],
            format!(
                "bytes that are not {enc} on {} more lines, replaced by U+FFFD",
                bad.len() - MAX_LINE_WARNINGS
            ),
        ));
    }
}

fn replace_controls(text: String, warnings: &mut Vec<(u32, String)>) -> String {
    let bad = |c: char| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}');
    if !text.contains(bad) {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut named = 0;
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if let Some(c) = line.chars().find(|c| bad(*c)) {
            if named < MAX_LINE_WARNINGS {
                named += 1;
                warnings.push((
                    i as u32 + 1,
                    format!("control character U+{:04X} replaced by U+FFFD", c as u32),
                ));
            }
            out.extend(line.chars().map(|c| if bad(c) { '\u{fffd}' } else { c }));
        } else {
            out.push_str(line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        let d = decode("标题\n正文。\n".as_bytes(), None).expect("text");
        assert_eq!((d.text.as_str(), d.encoding), ("标题\n正文。\n", "UTF-8"));
        assert!(d.warnings.is_empty());
        let d = decode(b"\xef\xbb\xbfab\n", None).expect("text");
        assert_eq!(d.text, "ab\n");
    }

    #[test]
    fn utf16_with_bom() {
        let mut b = vec![0xff, 0xfe];
        for u in "春天\n".encode_utf16() {
            b.extend(u.to_le_bytes());
        }
        let d = decode(&b, None).expect("text");
        assert_eq!((d.text.as_str(), d.encoding), ("春天\n", "UTF-16LE"));
        let mut b = vec![0xfe, 0xff];
        for u in "春天\n".encode_utf16() {
            b.extend(u.to_be_bytes());
        }
        assert_eq!(decode(&b, None).expect("text").text, "春天\n");
    }

    #[test]
    fn gbk_detected_or_declared() {
        let (bytes, _, _) = GB18030.encode("本报讯 春天来了。\n");
        let d = decode(&bytes, None).expect("text");
        assert_eq!(d.text, "本报讯 春天来了。\n");
        assert_eq!(d.warnings.len(), 1, "{:?}", d.warnings);
        let d = decode(&bytes, Some("GBK")).expect("text");
        assert_eq!(d.encoding, "GBK");
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn broken_bytes_are_marked_with_their_line() {
        let d = decode(b"title\n\nok\n\xff broken\n", None).expect("text");
        assert_eq!(d.text, "title\n\nok\n\u{fffd} broken\n");
        assert_eq!(d.warnings[0].0, 4);
        assert!(d.warnings[0].1.starts_with("invalid UTF-8 (byte 0xff)"));
        let e = decode(b"a\n\nb\0c", None).expect_err("binary");
        assert_eq!(e.line, 3);
        let d = decode(b"a\x07b\n", None).expect("text");
        assert_eq!(d.text, "a\u{fffd}b\n");
        assert_eq!(d.warnings.len(), 1);
    }
}
