//! Unknown keys: every one is reported at once, with the nearest known key
//! (serde would stop at the first and say it in English), and then removed so
//! that the rest of the file is still read.
//!
//! The known keys of each table come from the serde structs ([`super::keys`]).

use super::keys::{child_path, known_at, Table};
use super::lines::key_line;
use super::FILE_NAME;
use crate::diag::{did_you_mean, Diagnostics, Location};

/// Reports every key of `table` (at `path`) and the tables below it that its
/// struct does not know.
pub(super) fn check_keys(
    src: &str,
    tables: &[Table],
    table: &toml::Table,
    path: &str,
    diags: &mut Diagnostics,
) {
    let Some(known) = known_at(tables, path) else {
        return;
    };
    for (key, value) in table {
        if !known.contains(&key.as_str()) {
            let loc = key_line(src, path, key)
                .map(|l| Location::line(FILE_NAME, l))
                .unwrap_or_else(|| Location::file(FILE_NAME));
            let full = child_path(path, key);
            diags
                .error(loc, format!("unbekannter Schlüssel `{full}`"))
                .hint = did_you_mean(key, known.iter().copied())
                .map(|s| s.replace(['„', '“'], "`"))
                .or_else(|| Some(format!("erlaubt sind hier: {}", known.join(", "))));
            continue;
        }
        let child = child_path(path, key);
        for t in sub_tables(value) {
            check_keys(src, tables, t, &child, diags);
        }
    }
}

/// Removes the keys [`check_keys`] reported, so the rest can be read.
pub(super) fn strip_unknown(tables: &[Table], table: &mut toml::Table, path: &str) {
    let Some(known) = known_at(tables, path) else {
        return;
    };
    table.retain(|k, _| known.iter().any(|n| **n == *k));
    for (key, value) in table.iter_mut() {
        let child = child_path(path, key);
        for t in sub_tables_mut(value) {
            strip_unknown(tables, t, &child);
        }
    }
}

/// A table, or the tables of an array; nothing for other values.
fn sub_tables(value: &toml::Value) -> Vec<&toml::Table> {
    match value {
        toml::Value::Table(t) => vec![t],
        toml::Value::Array(items) => items.iter().filter_map(|i| i.as_table()).collect(),
        _ => Vec::new(),
    }
}

fn sub_tables_mut(value: &mut toml::Value) -> Vec<&mut toml::Table> {
    match value {
        toml::Value::Table(t) => vec![t],
        toml::Value::Array(items) => items.iter_mut().filter_map(|i| i.as_table_mut()).collect(),
        _ => Vec::new(),
    }
}
