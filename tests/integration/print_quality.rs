//! What a careful reader of both examples sees (issue 17): an amount, a
//! percentage or a unit never stands at the start of a line, torn from its
//! number, in the concept or in the Beschlussvorlage; and no page holds a
//! single data row of a table that goes on (or started) on another page.
//! The rows and their pages come from the PDF's tags (`qpdf --json`).

use crate::support::common::*;
use crate::support::werkzeuge::require;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use tempfile::TempDir;

const EXAMPLES: [(&str, &str); 2] = [
    ("musterstadt", "Musterstadt"),
    ("beispielkreis", "Beispielkreis"),
];

/// Both examples, built once: their temp dirs (kept alive) and PDFs.
fn pdfs() -> &'static Vec<(TempDir, Vec<PathBuf>)> {
    static BUILT: OnceLock<Vec<(TempDir, Vec<PathBuf>)>> = OnceLock::new();
    BUILT.get_or_init(|| {
        EXAMPLES
            .iter()
            .map(|(example, name)| {
                let dir = copy_to_temp(&repo().join("examples").join(example));
                let _ = std::fs::remove_dir_all(dir.path().join("ausgabe"));
                build(dir.path(), &[]).assert_code(0);
                let pdfs = ["Integrationskonzept", "Beschlussvorlage"]
                    .iter()
                    .map(|doc| dir.path().join(format!("ausgabe/{doc}-{name}-1.0.pdf")))
                    .collect();
                (dir, pdfs)
            })
            .collect()
    })
}

fn all_pdfs() -> impl Iterator<Item = &'static PathBuf> {
    pdfs().iter().flat_map(|(_, p)| p.iter())
}

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
            l.starts_with('€') || l.starts_with("T€") || l.starts_with('%')
        })
        .map(|(i, l)| format!("{} / {l}", lines.get(i.wrapping_sub(1)).unwrap_or(&"")))
        .collect()
}

#[test]
fn no_amount_is_torn_from_its_unit_in_either_example() {
    require("pdftotext", "-v");
    for pdf in all_pdfs() {
        let torn = torn_units(&raw_text(pdf));
        assert!(torn.is_empty(), "{}: {torn:#?}", pdf.display());
    }
}

/// The PDF's objects (`"12 0 R"` → dictionary) and the page number of each
/// page object.
fn objects(pdf: &Path) -> (HashMap<String, Value>, HashMap<String, u64>) {
    let out = Command::new("qpdf")
        .args(["--json", "--json-key=qpdf", "--json-key=pages"])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success(), "qpdf {}", pdf.display());
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let objects = json["qpdf"][1]
        .as_object()
        .unwrap()
        .iter()
        .filter_map(|(k, v)| Some((k.strip_prefix("obj:")?.to_string(), v["value"].clone())))
        .collect();
    let pages = json["pages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["object"].as_str().unwrap().to_string(),
                p["pageposfrom1"].as_u64().unwrap(),
            )
        })
        .collect();
    (objects, pages)
}

fn kids(v: &Value) -> Vec<&Value> {
    match &v["/K"] {
        Value::Array(a) => a.iter().collect(),
        Value::Null => Vec::new(),
        k => vec![k],
    }
}

/// For every tagged table: its body rows per page (a row counts on the page
/// where it starts).
fn body_rows_per_page(pdf: &Path) -> Vec<BTreeMap<u64, usize>> {
    let (objs, page_no) = objects(pdf);
    let get = |v: &Value| -> Option<Value> {
        match v {
            Value::String(r) => objs.get(r).cloned(),
            Value::Object(_) => Some(v.clone()),
            _ => None,
        }
    };
    fn pages(
        v: &Value,
        get: &dyn Fn(&Value) -> Option<Value>,
        page_no: &HashMap<String, u64>,
    ) -> Vec<u64> {
        let mut out: Vec<u64> = v["/Pg"]
            .as_str()
            .and_then(|p| page_no.get(p))
            .copied()
            .into_iter()
            .collect();
        for k in kids(v) {
            if let Some(k) = get(k) {
                out.extend(pages(&k, get, page_no));
            }
        }
        out
    }
    fn rows(v: &Value, get: &dyn Fn(&Value) -> Option<Value>, out: &mut Vec<Value>) {
        if v["/S"] == "/TR" {
            out.push(v.clone());
            return;
        }
        for k in kids(v) {
            if k.is_string() {
                if let Some(k) = get(k) {
                    rows(&k, get, out);
                }
            }
        }
    }
    objs.values()
        .filter(|v| v["/S"] == "/Table")
        .map(|table| {
            let mut trs = Vec::new();
            rows(table, &get, &mut trs);
            let mut per_page = BTreeMap::new();
            for tr in trs {
                let header = kids(&tr)
                    .iter()
                    .filter_map(|k| get(k))
                    .any(|c| c["/S"] == "/TH");
                if let Some(p) = pages(&tr, &get, &page_no).into_iter().min() {
                    if !header {
                        *per_page.entry(p).or_insert(0) += 1;
                    }
                }
            }
            per_page
        })
        .collect()
}

#[test]
fn no_table_page_holds_a_single_data_row() {
    require("qpdf", "--version");
    for pdf in all_pdfs() {
        let tables = body_rows_per_page(pdf);
        assert!(!tables.is_empty(), "no tagged tables in {}", pdf.display());
        let lonely: Vec<_> = tables
            .iter()
            .filter(|t| t.len() > 1 && t.values().any(|&n| n == 1))
            .collect();
        assert!(
            lonely.is_empty(),
            "{}: rows per page {lonely:?}",
            pdf.display()
        );
    }
}
