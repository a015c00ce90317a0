//! The rewrites of the generated source, in one parse: the measures of the
//! tables ([`super::tables`]) and the names that are never hyphenated
//! ([`super::names`]).

use super::names::Names;
use super::tables::Metrics;

/// `source` with the table measures and name protections added.
pub fn rewrite(source: &str, metrics: &Metrics, names: Option<&Names>) -> String {
    let root = typst::syntax::parse(source);
    let mut inserts = Vec::new();
    super::tables::collect(&root, 0, metrics, &mut inserts);
    if let Some(names) = names {
        super::names::collect(&root, 0, names, &mut inserts);
    }
    apply(source, inserts)
}

/// `source` with each text inserted at its byte offset (stable: texts for
/// the same offset keep their order).
pub fn apply(source: &str, mut inserts: Vec<(usize, String)>) -> String {
    if inserts.is_empty() {
        return source.to_string();
    }
    inserts.sort_by_key(|(at, _)| *at);
    let extra: usize = inserts.iter().map(|(_, t)| t.len()).sum();
    let mut out = String::with_capacity(source.len() + extra);
    let mut last = 0;
    for (at, text) in inserts {
        out.push_str(&source[last..at]);
        out.push_str(&text);
        last = at;
    }
    out.push_str(&source[last..]);
    out
}
