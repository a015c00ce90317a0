//! The project generator of the benchmark (`benches/support/generator.rs`):
//! the projects it writes must be valid, or the benchmark measures error
//! reports instead of documents.

use crate::support::common::*;
use crate::support::generator;

fn model_fields(out: &Output) -> Vec<serde_json::Value> {
    out.json()["felder"].as_array().cloned().unwrap_or_default()
}

#[test]
fn scaled_project_has_the_asked_measures_and_no_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("projekt");
    generator::generate(&repo().join("examples/musterstadt"), &dir, 30).unwrap();
    let out = check(&dir, &["--model"]);
    out.assert_code(0);
    let felder = model_fields(&out);
    assert_eq!(felder.len(), 7);
    for f in &felder {
        let n = f["massnahmen"].as_array().map_or(0, Vec::len);
        assert_eq!(n, 30, "{}", f["name"]);
    }
}

#[test]
fn district_project_merges_the_workbooks_of_every_municipality() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("kreis");
    generator::generate_district(&repo().join("examples/musterstadt"), &dir, 3, 20).unwrap();
    let text = check(&dir, &[]);
    text.assert_code(0);
    // 21 working-group workbooks, the steering workbook and konzept.toml.
    assert!(
        text.summary().ends_with("von 23 geprüften Dateien"),
        "{}",
        text.stderr
    );
    assert!(
        !text.stderr.contains("Handlungsfeld"),
        "every field reference resolves:\n{}",
        text.stderr
    );
    let felder = model_fields(&check(&dir, &["--model"]));
    assert_eq!(felder.len(), 21);
    assert_eq!(felder[0]["name"], "Bildung und Sprachförderung – Altenau");
    assert_eq!(felder[0]["kurz"], "B01");
    assert_eq!(felder[2]["name"], "Bildung und Sprachförderung – Dornstadt");
    for f in &felder {
        assert_eq!(
            f["massnahmen"].as_array().map_or(0, Vec::len),
            20,
            "{}",
            f["name"]
        );
        assert!(
            f["arbeitsgruppe"]["bezeichnung"]
                .as_str()
                .is_some_and(|b| b.starts_with("AG ")),
            "{}",
            f["name"]
        );
    }
}
