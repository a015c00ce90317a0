//! Unknown keys: every one is reported at once, with the nearest known key
//! (serde would stop at the first and say it in English), and then removed so
//! that the rest of the file is still read.

use super::lines::key_line;
use super::FILE_NAME;
use crate::diag::{did_you_mean, Diagnostics, Location};

/// The known keys of each table, for the unknown-key check.
pub(super) fn known_keys(path: &str) -> Option<&'static [&'static str]> {
    Some(match path {
        "" => &[
            "kommune",
            "dokument",
            "beratung",
            "gestaltung",
            "eingaben",
            "ausgabe",
            "handlungsfeld",
        ],
        "kommune" => &["name", "art", "bundesland", "logo"],
        "dokument" => &[
            "titel",
            "untertitel",
            "kurztitel",
            "version",
            "stand",
            "status",
            "laufzeit",
            "vorlage",
            "gremium",
            "sitzung",
            "verantwortlich",
        ],
        "dokument.laufzeit" => &["von", "bis"],
        "beratung" => &["gremium", "sitzung", "oeffentlich"],
        "gestaltung" => &[
            "farbe",
            "farbe2",
            "schrift",
            "schriften",
            "vorlagen",
            "absender",
            "raender",
            "titelbild",
            "titelbild_text",
            "word_vorlage",
        ],
        "gestaltung.absender" => &["fachbereich", "anschrift", "telefon", "email", "internet"],
        "gestaltung.raender" => &["oben", "unten", "links", "rechts"],
        "eingaben" => &["steuerung", "arbeitsgruppen"],
        "ausgabe" => &["verzeichnis", "formate"],
        "handlungsfeld" => &["name", "kurz", "aliase"],
        _ => return None,
    })
}

pub(super) fn check_keys(src: &str, table: &toml::Table, path: &str, diags: &mut Diagnostics) {
    let Some(known) = known_keys(path) else {
        return;
    };
    for (key, value) in table {
        if !known.contains(&key.as_str()) {
            let loc = key_line(src, path, key)
                .map(|l| Location::line(FILE_NAME, l))
                .unwrap_or_else(|| Location::file(FILE_NAME));
            let full = if path.is_empty() {
                key.clone()
            } else {
                format!("{path}.{key}")
            };
            diags
                .error(loc, format!("unbekannter Schlüssel `{full}`"))
                .hint = did_you_mean(key, known.iter().copied())
                .map(|s| s.replace(['„', '“'], "`"))
                .or_else(|| Some(format!("erlaubt sind hier: {}", known.join(", "))));
            continue;
        }
        let child = if path.is_empty() {
            key.clone()
        } else {
            format!("{path}.{key}")
        };
        match value {
            toml::Value::Table(t) => check_keys(src, t, &child, diags),
            toml::Value::Array(items) => {
                for item in items {
                    if let toml::Value::Table(t) = item {
                        check_keys(src, t, &child, diags);
                    }
                }
            }
            _ => {}
        }
    }
}

/// Removes the keys [`check_keys`] reported, so the rest can be read.
pub(super) fn strip_unknown(table: &mut toml::Table, path: &str) {
    let Some(known) = known_keys(path) else {
        return;
    };
    table.retain(|k, _| known.iter().any(|n| **n == *k));
    for (key, value) in table.iter_mut() {
        let child = if path.is_empty() {
            key.clone()
        } else {
            format!("{path}.{key}")
        };
        match value {
            toml::Value::Table(t) => strip_unknown(t, &child),
            toml::Value::Array(items) => {
                for item in items {
                    if let toml::Value::Table(t) = item {
                        strip_unknown(t, &child);
                    }
                }
            }
            _ => {}
        }
    }
}
