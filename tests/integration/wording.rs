//! The generated wording as a careful reader sees it (issue 17, defects 5
//! and 8): both examples are built like a user builds them and their PDFs (read back
//! with pdftotext) and DOCX (the text of `word/document.xml`) are searched
//! for what a reader would trip over.

use crate::support::common::{build, check, copy_to_temp, repo};
use crate::support::werkzeuge::require;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

struct Texts {
    konzept_pdf: String,
    /// `pdftotext -raw`: lines as set, for words split across them.
    konzept_raw: String,
    /// People and the Kommune, from `konzept check --model`.
    names: Vec<String>,
    konzept_docx: String,
    vorlage_pdf: String,
    vorlage_docx: String,
}

fn pdf_text(file: &Path) -> String {
    pdftotext(file, "-layout")
}

fn pdftotext(file: &Path, mode: &str) -> String {
    let out = Command::new("pdftotext")
        .args([mode, file.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (poppler-utils) runs");
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The paragraphs of `word/document.xml`, one per line, without markup.
fn docx_text(file: &Path) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(file).unwrap()).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let mut out = String::new();
    let mut in_tag = false;
    let mut tag = String::new();
    for c in xml.chars() {
        match c {
            '<' => {
                in_tag = true;
                tag.clear();
            }
            '>' => {
                in_tag = false;
                if tag == "/w:p" {
                    out.push('\n');
                }
            }
            c if in_tag => tag.push(c),
            c => out.push(c),
        }
    }
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
}

fn find(dir: &Path, prefix: &str, ext: &str) -> PathBuf {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with(prefix) && name.ends_with(ext)
        })
        .unwrap_or_else(|| panic!("no {prefix}*{ext} in {}", dir.display()))
}

/// Both examples, built once for all tests of this module.
fn examples() -> &'static [(&'static str, Texts)] {
    static BUILT: OnceLock<Vec<(&'static str, Texts)>> = OnceLock::new();
    BUILT.get_or_init(|| {
        require("pdftotext", "-v");
        ["musterstadt", "beispielkreis"]
            .into_iter()
            .map(|name| {
                let tmp = copy_to_temp(&repo().join("examples").join(name));
                build(tmp.path(), &[]).assert_code(0);
                let model = check(tmp.path(), &["--model"]).json();
                let ausgabe = tmp.path().join("ausgabe");
                let konzept = find(&ausgabe, "Integrationskonzept", ".pdf");
                let texts = Texts {
                    konzept_pdf: pdf_text(&konzept),
                    konzept_raw: pdftotext(&konzept, "-raw"),
                    names: people(&model),
                    konzept_docx: docx_text(&find(&ausgabe, "Integrationskonzept", ".docx")),
                    vorlage_pdf: pdf_text(&find(&ausgabe, "Beschlussvorlage", ".pdf")),
                    vorlage_docx: docx_text(&find(&ausgabe, "Beschlussvorlage", ".docx")),
                };
                (name, texts)
            })
            .collect()
    })
}

fn squash(s: &str) -> String {
    s.replace("\u{ad}\n", "")
        .replace('\u{ad}', "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn no_double_brackets_after_a_name() {
    for (name, t) in examples() {
        for (format, text) in [("PDF", &t.konzept_pdf), ("DOCX", &t.konzept_docx)] {
            let text = squash(text);
            assert!(
                !text.contains(") (Stand"),
                "{name} {format}: „(…) (Stand …)“"
            );
            assert!(
                text.contains("Ihre Ergebnisse haben den Stand vom"),
                "{name} {format}"
            );
        }
    }
}

#[test]
fn the_laufzeit_is_not_said_twice_in_the_projektrahmen() {
    for (name, t) in examples() {
        for (format, text) in [("PDF", &t.konzept_pdf), ("DOCX", &t.konzept_docx)] {
            let text = squash(text);
            let said = text.matches("gilt für die Jahre").count();
            assert_eq!(said, 1, "{name} {format}: the Laufzeit {said} times");
        }
    }
}

#[test]
fn no_sentence_of_the_submission_starts_with_a_digit() {
    for (name, t) in examples() {
        for (format, text) in [("PDF", &t.vorlage_pdf), ("DOCX", &t.vorlage_docx)] {
            let text = squash(text);
            for (i, _) in text.match_indices(". ") {
                let word = text[i + 2..].split(' ').next().unwrap_or("");
                // „Tel. 05999 …“, „Nr. 12“: an abbreviation's point ends no sentence.
                let before = text[..i].rsplit(' ').next().unwrap_or("");
                if ["Tel", "Fax", "Nr", "Az", "S", "Abs", "vgl", "ca", "Dr"].contains(&before) {
                    continue;
                }
                // „2. Die Verwaltung …“ is a numbered item, not a sentence.
                let item = word.len() > 1
                    && word.ends_with('.')
                    && word[..word.len() - 1].bytes().all(|b| b.is_ascii_digit());
                assert!(
                    !word.starts_with(|c: char| c.is_ascii_digit()) || item,
                    "{name} {format}: a sentence starts with a digit: …{}",
                    &text[i..(i + 60).min(text.len())]
                );
            }
            assert!(text.contains("sieben Handlungsfelder"), "{name} {format}");
        }
    }
}

#[test]
fn the_field_letters_are_explained_before_their_first_use() {
    for (name, t) in examples() {
        for (format, text) in [("PDF", &t.konzept_pdf), ("DOCX", &t.konzept_docx)] {
            let text = squash(text);
            let explained = text
                .find("B = Bildung und Sprachförderung")
                .unwrap_or_else(|| panic!("{name} {format}: the letters are never explained"));
            let used = text
                .find(" B, J")
                .expect("the actor table uses the letters");
            assert!(explained < used, "{name} {format}");
        }
    }
}

#[test]
fn footnotes_and_legends_speak_to_the_reader() {
    for (name, t) in examples() {
        for (format, text) in [("PDF", &t.konzept_pdf), ("DOCX", &t.konzept_docx)] {
            let text = squash(text);
            assert!(!text.contains("wird berechnet, wenn"), "{name} {format}");
            assert!(
                text.contains("Beginn und Ende stehen so genau, wie sie feststehen"),
                "{name} {format}: the Zeitplan's mixed dates have no rule"
            );
            // One introduction to the table of high-priority measures.
            assert!(
                !text.contains("Mit hoher Priorität sollen die folgenden"),
                "{name} {format}"
            );
        }
        // No measure lacks a status, so the chart's legend has no „ohne Angabe“.
        let pdf = squash(&t.konzept_pdf);
        let chart = pdf
            .rfind("Maßnahmen nach Handlungsfeld und Umsetzungsstand")
            .expect("the chart of measures by status");
        let legend = &pdf[chart.saturating_sub(200)..chart];
        assert!(legend.contains("zurückgestellt"), "{name}: {legend}");
        assert!(!legend.contains("ohne Angabe"), "{name}: {legend}");
    }
}

/// The people the model names (Steuerungsgruppe, members, contact persons)
/// and the Kommune.
fn people(model: &serde_json::Value) -> Vec<String> {
    let list = |v: &serde_json::Value| v.as_array().cloned().unwrap_or_default();
    let mut out: Vec<serde_json::Value> = list(&model["steuerungsgruppe"])
        .iter()
        .map(|m| m["name"].clone())
        .collect();
    for f in list(&model["felder"]) {
        out.extend(
            list(&f["arbeitsgruppe"]["mitglieder"])
                .iter()
                .map(|m| m["name"].clone()),
        );
    }
    for k in list(&model["akteure"]["kategorien"]) {
        out.extend(
            list(&k["akteure"])
                .iter()
                .map(|a| a["ansprechperson"].clone()),
        );
    }
    out.push(model["meta"]["kommune"]["name"].clone());
    let mut names: Vec<String> = out
        .iter()
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect();
    names.sort();
    names.dedup();
    names
}

#[test]
fn no_person_and_not_the_kommune_is_split_across_lines() {
    for (name, t) in examples() {
        assert!(t.names.len() > 20, "{name}: {} names", t.names.len());
        let lines: Vec<&str> = t.konzept_raw.lines().collect();
        let mut split = Vec::new();
        for pair in lines.windows(2) {
            let Some(head) = pair[0]
                .strip_suffix('\u{ad}')
                .or_else(|| pair[0].strip_suffix('-'))
            else {
                continue;
            };
            // The words either side of the break, joined as the reader reads them.
            let before: Vec<&str> = head.split_whitespace().collect();
            let after: Vec<&str> = pair[1].split_whitespace().collect();
            let tail = before[before.len().saturating_sub(4)..].join(" ");
            let front = after[..after.len().min(4)].join(" ");
            let joined = format!("{tail}{front}");
            let junction = tail.len();
            for n in &t.names {
                let mut from = 0;
                while let Some(i) = joined[from..].find(n.as_str()) {
                    let start = from + i;
                    if start < junction && junction < start + n.len() {
                        split.push(format!("{head} / {}", pair[1]));
                    }
                    from = start + 1;
                    while !joined.is_char_boundary(from) {
                        from += 1;
                    }
                }
            }
        }
        assert!(
            split.is_empty(),
            "{name}: names split across lines:\n{split:#?}"
        );
    }
}
