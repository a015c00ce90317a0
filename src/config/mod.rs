//! `konzept.toml`: German keys, because administrative staff edit it.
//!
//! Read in two passes: first as a plain TOML table, to report every unknown
//! key at once with the nearest known one (serde would stop at the first and
//! say it in English), then into the typed [`Config`]. The known keys come
//! from the serde structs themselves (`keys.rs`).

mod colour;
mod fields;
mod keys;
mod length;
mod lines;
mod messages;
mod types;
mod unknown_keys;
mod validate;

#[cfg(test)]
mod tests;

pub use colour::parse_colour;
pub use fields::{default_fields, fields, Handlungsfeld};
pub use length::{parse_length_mm, RAENDER_STANDARD};
pub use types::{
    Absender, Ausgabe, Beratung, Config, Dokument, Eingaben, Gestaltung, Kommune, Laufzeit,
    Raender, TomlDate, Version, ARTEN, FORMATE, STATUS,
};

use crate::diag::{Diagnostics, Location};
use keys::Table;
use lines::line_of;
use messages::german;
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
            let loc = e
                .span()
                .map(|s| Location::line(FILE_NAME, line_of(src, s.start)))
                .unwrap_or_else(|| Location::file(FILE_NAME));
            diags
                .error(loc, format!("die Datei ist kein gültiges TOML: {}", e.message().trim()))
                .hint = Some("Schreibweise prüfen: Texte in Anführungszeichen, Abschnitte in [eckigen Klammern], je Zeile ein Schlüssel = Wert".into());
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
    let config: Config = match result {
        Ok(c) => c,
        Err(e) => {
            let loc = e
                .span()
                .map(|s| Location::line(FILE_NAME, line_of(src, s.start)))
                .unwrap_or_else(|| Location::file(FILE_NAME));
            let mut message = german(e.message());
            let mut hint = None;
            if message == "ungültige Version" {
                message = "`dokument.version` muss Text sein".into();
                hint =
                    Some("die Version in Anführungszeichen setzen, z. B. version = \"1.0\"".into());
            } else if message == "ungültiges Datum" {
                hint = Some(
                    "ein Datum wie 2026-11-15 (ohne Anführungszeichen) oder \"15.11.2026\"".into(),
                );
            }
            diags.error(loc, message).hint = hint;
            return None;
        }
    };
    validate(src, &config, diags);
    Some(config)
}
