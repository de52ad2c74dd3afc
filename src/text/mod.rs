//! Text normalisation: the fold with its offset map, the transliteration key,
//! word tokens, and sentences.
//!
//! This is the first pipeline stage; every later stage works on the tokens and
//! folded text produced here and reports spans through the offset map.

pub mod fold;
pub mod phrases;
pub mod sentences;
pub mod tokens;
pub mod translit;

pub use fold::{fold_str, FoldedText};
pub use phrases::PhraseSet;
pub use tokens::{Token, Tokenizer};
