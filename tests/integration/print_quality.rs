//! What a careful reader of both examples sees (issue 17): an amount, a
//! percentage or a unit never stands at the start of a line, torn from its
//! number, in the concept or in the Beschlussvorlage.

use crate::support::common::*;
use crate::support::werkzeuge::require;
use std::path::Path;
use std::process::Command;

fn raw_text(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg("-raw")
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success(), "pdftotext {}", pdf.display());
    String::from_utf8(out.stdout).unwrap()
}

/// Lines of `pdftotext -raw` that start with a unit whose number is on the
/// line before.
fn torn_units(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().collect();
    lines
        .iter()
        .enumerate()
        .filter(|(_, l)| {
            let l = l.trim_start();
            l.starts_with('€')
                || l.starts_with("T€")
                || l.starts_with('%')
                || l.starts_with("Mio. €")
        })
        .map(|(i, l)| format!("{} / {l}", lines.get(i.wrapping_sub(1)).unwrap_or(&"")))
        .collect()
}

#[test]
fn no_amount_is_torn_from_its_unit_in_either_example() {
    require("pdftotext", "-v");
    for (example, name) in [
        ("musterstadt", "Musterstadt"),
        ("beispielkreis", "Beispielkreis"),
    ] {
        let dir = copy_to_temp(&repo().join("examples").join(example));
        let _ = std::fs::remove_dir_all(dir.path().join("ausgabe"));
        build(dir.path(), &[]).assert_code(0);
        for doc in ["Integrationskonzept", "Beschlussvorlage"] {
            let pdf = dir.path().join(format!("ausgabe/{doc}-{name}-1.0.pdf"));
            let torn = torn_units(&raw_text(&pdf));
            assert!(torn.is_empty(), "{doc} {name}: {torn:#?}");
        }
    }
}
