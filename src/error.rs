//! The crate's error type.

use std::path::{Path, PathBuf};

/// An error from loading data or reading input.
///
/// The type is opaque so that new failure modes can be added without breaking
/// callers; ask it what you need with [`Error::path`], [`Error::line`] and
/// [`Error::is_io`], or print it: the message always names the file and,
/// for a malformed row, the 1-based line.
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct Error(#[from] ErrorKind);

#[derive(Debug, thiserror::Error)]
pub(crate) enum ErrorKind {
    // The I/O error is kept as its kind and message, not the `io::Error`
    // itself, so that `Error` is `UnwindSafe` and `RefUnwindSafe` (a boxed
    // custom `io::Error` is neither).
    #[error("{}: {message}", path.display())]
    Io { path: PathBuf, kind: std::io::ErrorKind, message: String },
    #[error("{}:{line}: {message}", path.display())]
    Row { path: PathBuf, line: u64, message: String },
    #[error("invalid input: {0}")]
    Input(String),
}

impl Error {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error(ErrorKind::Io { path: path.into(), kind: source.kind(), message: source.to_string() })
    }

    pub(crate) fn row(path: impl Into<PathBuf>, line: u64, message: impl Into<String>) -> Error {
        Error(ErrorKind::Row { path: path.into(), line, message: message.into() })
    }

    pub(crate) fn input(message: impl Into<String>) -> Error {
        Error(ErrorKind::Input(message.into()))
    }

    /// The file the error is about, if any.
    pub fn path(&self) -> Option<&Path> {
        match &self.0 {
            ErrorKind::Io { path, .. } | ErrorKind::Row { path, .. } => Some(path),
            ErrorKind::Input(_) => None,
        }
    }

    /// The 1-based line of a malformed row, if the error is about one.
    pub fn line(&self) -> Option<u64> {
        match &self.0 {
            ErrorKind::Row { line, .. } => Some(*line),
            _ => None,
        }
    }

    /// The kind of the operating-system error, if the error is one.
    pub fn io_kind(&self) -> Option<std::io::ErrorKind> {
        match &self.0 {
            ErrorKind::Io { kind, .. } => Some(*kind),
            _ => None,
        }
    }

    /// True when the error comes from the operating system (missing file,
    /// permission, a directory given as a file…).
    pub fn is_io(&self) -> bool {
        matches!(self.0, ErrorKind::Io { .. })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_file_and_line() {
        let e = Error::row("IQ.txt", 12, "expected 19 columns, found 3");
        assert_eq!(e.to_string(), "IQ.txt:12: expected 19 columns, found 3");
        assert_eq!(e.line(), Some(12));
        assert_eq!(e.path(), Some(Path::new("IQ.txt")));
        assert!(!e.is_io());
        let e = Error::io("missing.txt", std::io::Error::from(std::io::ErrorKind::NotFound));
        assert!(e.is_io());
        assert!(e.to_string().starts_with("missing.txt: "));
    }
}
