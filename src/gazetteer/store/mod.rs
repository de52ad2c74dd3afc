//! Gazetteer storage: the rows the data files hold, their readers, and the
//! compact binary form the library searches.
//!
//! Everything in this module is also compiled into the crate's build script
//! (`build.rs` includes it with `#[path]`), which turns the bundled data files
//! into the compact form at compile time. That is why the bundled gazetteer
//! is ready in a millisecond: nothing is parsed or indexed at run time. The
//! module therefore depends only on `crate::error`, `crate::text` and its
//! own files.

pub(crate) mod compact;
pub(crate) mod curated;
pub(crate) mod demonyms;
pub(crate) mod kind;
pub(crate) mod row;
pub(crate) mod tsv;
