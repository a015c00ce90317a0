//! The adopted concept: what the report measures the implementation
//! against.
//!
//! Decision: the first `konzept report new` freezes the concept as it is
//! then — the serialised model that `konzept check --model` prints — into
//! `sachstand/beschluss.json`, and every later round reads the plan (measures,
//! periods, planned costs, indicators, design) from there, never from the
//! concept workbooks. Changing a concept workbook afterwards therefore does
//! not change any report. konzept never overwrites the file; after a
//! Fortschreibung adopted by the council, deleting it makes the next
//! `report new` freeze the new concept.

use super::FOLDER;
use crate::diag::{Diagnostics, Location};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// The file name of the snapshot inside `sachstand/`.
pub const SNAPSHOT_FILE: &str = "beschluss.json";

/// The format marker written into the snapshot.
const FORMAT: &str = "konzept-beschluss-1";

pub(super) fn path(root: &Path) -> PathBuf {
    root.join(FOLDER).join(SNAPSHOT_FILE)
}

/// The text shown for the snapshot in messages.
pub(super) fn shown() -> String {
    format!("{FOLDER}/{SNAPSHOT_FILE}")
}

/// The snapshot file's content for a serialised concept model.
pub(super) fn encode(model: &Value) -> Vec<u8> {
    let doc = serde_json::json!({
        "format": FORMAT,
        "hinweis": "Das beschlossene Integrationskonzept, festgehalten beim ersten `konzept report new`. \
                    Alle Sachstandsberichte messen die Umsetzung an diesem Stand. Nicht von Hand bearbeiten; \
                    nach einer beschlossenen Fortschreibung löschen, dann hält der nächste `konzept report new` \
                    das neue Konzept fest.",
        "konzept": model,
    });
    let mut out = serde_json::to_vec_pretty(&doc).expect("JSON serialises");
    out.push(b'\n');
    out
}

/// Reads the snapshot; problems go to `diags`.
pub(super) fn read(root: &Path, diags: &mut Diagnostics) -> Option<Value> {
    let p = path(root);
    let bytes = match std::fs::read(&p) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            diags
                .error(
                    Location::file(shown()),
                    "es gibt noch keinen festgehaltenen Stand des beschlossenen Konzepts",
                )
                .hint = Some(
                "zuerst `konzept report new --jahr JAHR` ausführen: er hält das Konzept fest und schreibt die Sachstandsmappen"
                    .into(),
            );
            return None;
        }
        Err(e) => {
            diags.error(
                Location::file(shown()),
                format!("die Datei kann nicht gelesen werden: {e}"),
            );
            return None;
        }
    };
    let doc: Option<Value> = serde_json::from_slice(&bytes).ok();
    match doc {
        Some(mut d) if d["format"] == FORMAT && d["konzept"]["felder"].is_array() => {
            Some(d["konzept"].take())
        }
        _ => {
            diags
                .error(
                    Location::file(shown()),
                    "die Datei ist beschädigt oder wurde von Hand verändert",
                )
                .hint = Some(
                "die Datei aus der Sicherung oder Versionsverwaltung wiederherstellen; notfalls löschen und `konzept report new` neu ausführen (dann gilt das Konzept, wie es jetzt in den Arbeitsmappen steht)"
                    .into(),
            );
            None
        }
    }
}
