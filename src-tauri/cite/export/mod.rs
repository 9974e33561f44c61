//! Bibliographic exports — BibTeX, BibLaTeX, RIS, CSL-JSON — and the citekeys that name their
//! entries, as pure functions over CSL-JSON items (the form `sources.csl` keeps).
//!
//! Writers never fail: a variable a format has no place for is left out (each writer's
//! documentation lists them), and a value of the wrong shape is skipped rather than guessed
//! at. Nothing is invented: a missing date stays missing ("nd" only in a key). Each writer
//! takes the items' keys, in item order, as [`citekeys`] makes them or as stored.
mod ascii;
mod bibtex;
mod citekey;
mod csl;
mod csl_json;
mod latex;
mod ris;

pub use bibtex::{bibtex, Dialect};
pub use citekey::{citekey, citekeys};
pub use csl_json::csl_json;
pub use ris::ris;

#[cfg(test)]
mod tests;
