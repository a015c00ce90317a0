//! `konzept.toml`: German keys, because administrative staff edit it.
//!
//! Read in two passes: first as a plain TOML table, to report every unknown
//! key at once with the nearest known one (serde would stop at the first and
//! say it in English), then into the typed [`Config`]. The known keys come
//! from the serde structs themselves (`keys.rs`).

mod colour;
mod fields;
mod keys;
mod keywords;
mod length;
mod lines;
mod messages;
mod priorities;
mod syntax;
mod types;
mod unknown_keys;
mod validate;

#[cfg(test)]
mod tests;

pub use colour::parse_colour;
pub use fields::{default_fields, fields, Handlungsfeld};
pub use length::{parse_length_mm, RAENDER_STANDARD};
pub use priorities::{PriorityScheme, Wording, PRIORITAETEN, PUNKTE_TOP};
pub use types::{
    Absender, Ausgabe, Beratung, Config, Dokument, Eingaben, Gestaltung, Haushalt, Kommune,
    Laufzeit, Querschnittsthema, Raender, Rueckgabe, TomlDate, Unterzeichnung, Version, Vorgang,
    ARTEN, FORMATE, NUMMERIERUNGEN, ROLLEN, STATUS,
};

use crate::diag::{Diagnostics, Location};
use keys::Table;
use lines::line_of;
use std::sync::OnceLock;
use unknown_keys::{check_keys, strip_unknown};
use validate::validate;

pub const FILE_NAME: &str = "konzept.toml";

/// The tables of `konzept.toml` with their keys, read once from [`Config`].
fn tables() -> &'static [Table] {
    static TABLES: OnceLock<Vec<Table>> = OnceLock::new();
    TABLES
        .get_or_init(|| keys::keys_of::<Config>().expect("every value of `Config` can be made up"))
}

/// Every table of `konzept.toml` (`""` is the top level) with its keys; for
/// `konzept new`, whose file must name them all.
pub fn all_keys() -> Vec<(&'static str, &'static [&'static str])> {
    tables().iter().map(|(p, k)| (p.as_str(), *k)).collect()
}

/// Reads and checks `konzept.toml` text. Returns the config if it could be
/// read at all; every problem goes to `diags`.
pub fn parse(src: &str, diags: &mut Diagnostics) -> Option<Config> {
    let table: toml::Table = match src.parse() {
        Ok(t) => t,
        Err(e) => {
            syntax_error(src, &e, diags);
            return None;
        }
    };
    let before = diags.count(crate::diag::Severity::Error);
    check_keys(src, tables(), &table, "", diags);
    let had_unknown = diags.count(crate::diag::Severity::Error) > before;
    // Unknown keys are reported above; the rest of the file is still read so
    // that the workbooks are checked in the same run.
    let result = if had_unknown {
        let mut cleaned = table.clone();
        strip_unknown(tables(), &mut cleaned, "");
        toml::Value::Table(cleaned).try_into::<Config>()
    } else {
        toml::from_str::<Config>(src)
    };
    let mut config: Config = match result {
        Ok(c) => c,
        Err(e) => {
            type_error(src, &e, diags);
            return None;
        }
    };
    keywords::normalise(&mut config);
    validate(src, &config, diags);
    Some(config)
}

/// A TOML syntax error as a German sentence at its line, with the line as
/// it should be as the hint.
fn syntax_error(src: &str, e: &toml::de::Error, diags: &mut Diagnostics) {
    let Some(span) = e.span() else {
        diags
            .error(Location::file(FILE_NAME), "die Datei ist so nicht lesbar")
            .hint = Some(GENERAL_HINT.into());
        return;
    };
    let lines: Vec<&str> = src.lines().collect();
    // An error found at the start of the next line (a missing `"` or `]`)
    // belongs to the last line with content before it.
    let mut n = line_of(src, span.start);
    while n > 1
        && lines
            .get(n - 1)
            .is_none_or(|l| l.trim().is_empty() || l.trim().starts_with('#'))
    {
        n -= 1;
    }
    let text = lines.get(n - 1).copied().unwrap_or("");
    let explained = syntax::explain(text, e.message());
    diags
        .error(Location::line(FILE_NAME, n), explained.message)
        .hint = Some(match explained.fixed {
        Some(fixed) => format!("so schreiben: {fixed}"),
        None => GENERAL_HINT.into(),
    });
}

const GENERAL_HINT: &str = "Schreibweise prüfen: Texte in Anführungszeichen, Abschnitte in [eckigen Klammern], je Zeile eine Einstellung in der Form name = Wert";

/// A value of the wrong kind (`laufzeit = "2026-2030"`, `name = 1`) in
/// German, with the line as it should be where one can be built.
fn type_error(src: &str, e: &toml::de::Error, diags: &mut Diagnostics) {
    let Some(span) = e.span() else {
        let (message, hint) = messages::german_with_hint(e.message(), "", "");
        diags.error(Location::file(FILE_NAME), message).hint = hint;
        return;
    };
    let loc = Location::line(FILE_NAME, line_of(src, span.start));
    let value = src.get(span.clone()).unwrap_or("").trim();
    // The key is the name before the `=` in front of the value (inside an
    // inline table too: `laufzeit = { von = "2026" }` → `von`).
    let before = src.get(..span.start).unwrap_or("");
    let key = before
        .trim_end()
        .strip_suffix('=')
        .map(|b| {
            b.trim_end()
                .rsplit(|c: char| c.is_whitespace() || c == '{' || c == ',')
                .next()
                .unwrap_or("")
        })
        .unwrap_or("");
    let (message, hint) = messages::german_with_hint(e.message(), key, value);
    diags.error(loc, message).hint = hint;
}
