//! Parse errors that point at the exact place: `seeds/<file>:<line>: <what>`.

use std::fmt;

/// Something in a source file that the parser cannot accept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// The file as the user named it (e.g. `seeds/000.txt`).
    pub file: String,
    /// 1-based line number.
    pub line: u32,
    /// What is wrong, in a sentence.
    pub message: String,
}

impl ParseError {
    /// A new error at `file:line`.
    pub fn new(file: impl Into<String>, line: u32, message: impl Into<String>) -> Self {
        ParseError {
            file: file.into(),
            line: line.max(1),
            message: message.into(),
        }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for ParseError {}
