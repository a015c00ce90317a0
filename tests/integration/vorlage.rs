//! The council submission (Beschlussvorlage): built from the example like a
//! user builds it, read back with poppler, python-docx and openxml-audit,
//! and its figures compared with the concept's appendix B to the cent.
//! A missing external tool fails the test (`tools/test.sh` installs them).

use crate::support::werkzeuge::{self, assert_valid_docx, require, require_python_docx};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use sha2::{Digest, Sha512};

const VORLAGE: &str = "Beschlussvorlage-Musterstadt-1.0";
const KONZEPT: &str = "Integrationskonzept-Musterstadt-1.0";

/// A copy of the example in a temp dir, built with `args`.
fn build(args: &[&str], edit: impl Fn(&Path)) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("musterstadt");
    werkzeuge::copy_project(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/musterstadt"),
        &root,
    );
    edit(&root);
    let out = Command::new(env!("CARGO_BIN_EXE_konzept"))
        .arg("build")
        .arg(&root)
        .args(args)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let ausgabe = root.join("ausgabe");
    (dir, ausgabe)
}

struct Built {
    _dir: tempfile::TempDir,
    ausgabe: PathBuf,
}

impl Built {
    fn file(&self, name: &str, ext: &str) -> PathBuf {
        self.ausgabe.join(format!("{name}.{ext}"))
    }
}

/// The example, built once with the defaults.
fn example() -> &'static Built {
    static B: OnceLock<Built> = OnceLock::new();
    B.get_or_init(|| {
        let (dir, ausgabe) = build(&[], |_| {});
        Built { _dir: dir, ausgabe }
    })
}

fn model() -> &'static konzept::model::Konzept {
    static K: OnceLock<konzept::model::Konzept> = OnceLock::new();
    K.get_or_init(|| {
        konzept::pipeline::check(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/musterstadt"),
        )
        .konzept
        .expect("example model")
    })
}

fn pdftotext(pdf: &Path, layout: bool) -> String {
    let mut c = Command::new("pdftotext");
    if layout {
        c.arg("-layout");
    }
    let out = c.arg(pdf).arg("-").output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

fn pages(pdf: &Path) -> usize {
    let out = Command::new("pdfinfo").arg(pdf).output().unwrap();
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo shows the pages")
}

/// The amounts on a line of `pdftotext -layout` output, in cents:
/// "1.608.854 €", "9.785.000", "12.500,50 €", "0€".
fn amounts(line: &str) -> Vec<i64> {
    line.split_whitespace()
        .map(|t| t.trim_end_matches('€'))
        .filter(|t| {
            !t.is_empty()
                && t.chars().any(|c| c.is_ascii_digit())
                && t.chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '−'))
        })
        .map(|t| {
            let negative = t.starts_with('−');
            let t = t.trim_start_matches('−').replace('.', "");
            let (euro, cent) = t.split_once(',').unwrap_or((&t, "00"));
            let v = euro.parse::<i64>().unwrap() * 100 + cent.parse::<i64>().unwrap();
            if negative {
                -v
            } else {
                v
            }
        })
        .collect()
}

/// The amounts of the first table row whose text starts with `label`.
fn row(text: &str, label: &str) -> Vec<i64> {
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with(label))
        .unwrap_or_else(|| panic!("no row „{label}“ in:\n{text}"));
    amounts(&line.trim_start()[label.len()..])
}

#[test]
fn build_writes_the_submission_pdf_docx_and_oparl() {
    let b = example();
    for ext in ["pdf", "docx", "oparl.json"] {
        assert!(b.file(VORLAGE, ext).is_file(), "{VORLAGE}.{ext} fehlt");
    }
}

#[test]
fn submission_pdf_has_two_to_four_pages_and_the_fields_of_a_real_one() {
    require("pdftotext", "-v");
    require("pdfinfo", "-v");
    let b = example();
    let pdf = b.file(VORLAGE, "pdf");
    let n = pages(&pdf);
    assert!((2..=4).contains(&n), "{n} Seiten");
    let text = pdftotext(&pdf, false);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for s in [
        "Beschlussvorlage",
        "Vorlage-Nr.",
        "Drucksache 2026/0815",
        "15.11.2026",
        "Federführend",
        "Amt für Integration und Vielfalt",
        "Betreff",
        "Integrationskonzept der Stadt Musterstadt 2026–2030",
        "Beratungsfolge",
        "08.12.2026",
        "Integrationsrat",
        "14.01.2027",
        "Ausschuss für Soziales und Integration",
        "28.01.2027",
        "Entscheidung",
        "Beschlussvorschlag",
        "Der Rat der Stadt Musterstadt beschließt:",
        "Sachverhalt / Begründung",
        "sieben Handlungsfelder",
        "28 Ziele, 51 Maßnahmen und 26 Handlungsempfehlungen",
        "Als Schwerpunkte der Umsetzung sind 19 Maßnahmen mit hoher Priorität",
        "Steuerungsgruppe mit elf Mitgliedern",
        "sieben Arbeitsgruppen mit zusammen 57 Mitgliedern",
        "87 Akteure",
        "Finanzielle Auswirkungen",
        "10.295.000 €",
        "9.785.000 €",
        "Anlagen",
        "Anlage 1:",
        "Integrationskonzept-Musterstadt-1.0.pdf",
        "Seite 1 von",
    ] {
        assert!(flat.contains(s), "„{s}“ fehlt in:\n{flat}");
    }
}

#[test]
fn submission_pdf_is_tagged_with_title_and_language() {
    require("pdfinfo", "-v");
    let out = Command::new("pdfinfo")
        .arg(example().file(VORLAGE, "pdf"))
        .output()
        .unwrap();
    let info = String::from_utf8_lossy(&out.stdout);
    assert!(info.contains("Tagged:          yes"), "{info}");
    assert!(
        info.contains("Title:           Integrationskonzept der Stadt Musterstadt 2026–2030"),
        "{info}"
    );
    let bytes = std::fs::read(example().file(VORLAGE, "pdf")).unwrap();
    let raw = String::from_utf8_lossy(&bytes);
    assert!(raw.contains("pdfaid:part"), "no PDF/A identification");
    assert!(raw.contains("pdfuaid:part"), "no PDF/UA identification");
    require("qpdf", "--version");
    {
        let out = Command::new("qpdf")
            .arg("--check")
            .arg(example().file(VORLAGE, "pdf"))
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(0), "{stdout}");
        assert!(
            stdout.contains("No syntax or stream encoding errors found"),
            "{stdout}"
        );
    }
    require("pdffonts", "-v");
    {
        let out = Command::new("pdffonts")
            .arg(example().file(VORLAGE, "pdf"))
            .output()
            .unwrap();
        let fonts = String::from_utf8_lossy(&out.stdout);
        // Columns: name type encoding emb sub uni object ID.
        for line in fonts.lines().skip(2) {
            let cols: Vec<&str> = line.split_whitespace().collect();
            let emb = cols.len().checked_sub(5).map(|i| cols[i]);
            assert_eq!(emb, Some("yes"), "font not embedded: {line}");
        }
    }
}

/// THE SUMS TEST: the submission's measure costs and budget, per year and in
/// total, are those of the concept's appendix B, to the cent, read from both
/// PDFs; and the model agrees with both.
#[test]
fn submission_sums_equal_the_concepts_appendix_b() {
    let k = model();
    let v = &k.vorlage.finanzen;
    let cents = |g: &konzept::model::Geld| g.cent.unwrap_or(0);
    // The model: same years, same figures.
    assert_eq!(v.jahre, k.kosten.jahre);
    assert_eq!(cents(&v.kosten.summe), cents(&k.kosten.summe));
    assert_eq!(cents(&v.budget.summe), cents(&k.kosten.budget_summe));
    assert_eq!(cents(&v.budget.summe), cents(&k.finanzen.summe));
    assert_eq!(
        cents(&k.vorlage.felder_summe.kosten),
        cents(&k.kosten.summe)
    );
    for (i, _) in v.jahre.iter().enumerate() {
        assert_eq!(
            cents(&v.kosten.je_jahr[i]),
            cents(&k.kosten.summe_je_jahr[i])
        );
        assert_eq!(
            cents(&v.budget.je_jahr[i]),
            cents(&k.kosten.budget_je_jahr[i])
        );
    }
    for (f, kf) in k.vorlage.felder.iter().zip(&k.kosten.felder) {
        assert_eq!(cents(&f.kosten), cents(&kf.summe), "{}", f.name);
    }

    // The printed documents.
    require("pdftotext", "-v");
    let b = example();
    let konzept = pdftotext(&b.file(KONZEPT, "pdf"), true);
    let vorlage = pdftotext(&b.file(VORLAGE, "pdf"), true);
    let anhang = konzept
        .split("Kosten- und Finanzierungsplan")
        .last()
        .unwrap();
    let kosten_konzept = row(anhang, "Summe Maßnahmen");
    let budget_konzept = row(anhang, "Budget laut Finanzen");
    let kosten_vorlage = row(&vorlage, "Kosten der Maß");
    let budget_vorlage = row(&vorlage, "Mittel gesamt");
    let n = k.kosten.jahre.len() + 1;
    assert_eq!(kosten_konzept.len(), n, "{kosten_konzept:?}");
    assert_eq!(kosten_vorlage, kosten_konzept);
    assert_eq!(budget_vorlage, budget_konzept);
    // And the figures are those of the model (last: the total).
    assert_eq!(*kosten_vorlage.last().unwrap(), cents(&k.kosten.summe));
    assert_eq!(
        *budget_vorlage.last().unwrap(),
        cents(&k.kosten.budget_summe)
    );
    // The sum of the years is the total.
    let years: i64 = kosten_vorlage[..n - 1].iter().sum();
    assert_eq!(years, *kosten_vorlage.last().unwrap());
    let years: i64 = budget_vorlage[..n - 1].iter().sum();
    assert_eq!(years, *budget_vorlage.last().unwrap());
    // The fields table: costs per field and their sum.
    let summe = row(&vorlage, "Summe");
    assert_eq!(*summe.last().unwrap(), cents(&k.kosten.summe), "{summe:?}");
}

#[test]
fn oparl_paper_lists_the_files_with_sizes_and_checksums() {
    let b = example();
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(b.file(VORLAGE, "oparl.json")).unwrap()).unwrap();
    assert_eq!(json["type"], "https://schema.oparl.org/1.1/Paper");
    assert_eq!(
        json["name"],
        "Integrationskonzept der Stadt Musterstadt 2026–2030"
    );
    assert_eq!(json["reference"], "Drucksache 2026/0815");
    assert_eq!(json["date"], "2026-11-15");
    assert_eq!(json["paperType"], "Beschlussvorlage");
    let main = &json["mainFile"];
    assert_eq!(main["fileName"], format!("{VORLAGE}.pdf"));
    assert_eq!(main["mimeType"], "application/pdf");
    let aux = json["auxiliaryFile"].as_array().unwrap();
    let names: Vec<&str> = aux
        .iter()
        .map(|f| f["fileName"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            format!("{VORLAGE}.docx"),
            format!("{VORLAGE}.odt"),
            format!("{KONZEPT}.pdf"),
            format!("{KONZEPT}.docx"),
            format!("{KONZEPT}.odt")
        ]
    );
    for f in std::iter::once(main).chain(aux) {
        assert_eq!(f["type"], "https://schema.oparl.org/1.1/File");
        let bytes = std::fs::read(b.ausgabe.join(f["fileName"].as_str().unwrap())).unwrap();
        assert_eq!(f["size"].as_u64().unwrap(), bytes.len() as u64, "{f}");
        let hex: String = Sha512::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(f["sha512Checksum"], hex, "{f}");
        assert!(!f["name"].as_str().unwrap().is_empty());
    }
    let consultations = json["consultation"].as_array().unwrap();
    assert_eq!(consultations.len(), 3);
    assert_eq!(
        consultations[0]["organization"][0]["name"],
        "Integrationsrat"
    );
    assert_eq!(consultations[0]["meeting"]["start"], "2026-12-08");
    assert_eq!(consultations[0]["authoritative"], false);
    assert_eq!(consultations[2]["authoritative"], true);
    assert_eq!(consultations[2]["role"], "Entscheidung");
}

#[test]
fn no_submission_flag_and_formate_switch_it_off() {
    let (_d, ausgabe) = build(&["--no-submission"], |_| {});
    assert!(ausgabe.join(format!("{KONZEPT}.pdf")).is_file());
    let names: Vec<String> = std::fs::read_dir(&ausgabe)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !names.iter().any(|n| n.starts_with("Beschlussvorlage")),
        "{names:?}"
    );

    // `formate` without "vorlage": no submission either; with only "pdf"
    // and "vorlage": the submission as PDF (and its OParl file), no DOCX.
    let (_d, ausgabe) = build(&[], |root| {
        let toml = root.join("konzept.toml");
        let text = std::fs::read_to_string(&toml).unwrap();
        std::fs::write(
            &toml,
            // The example names its formats; these replace them.
            text.replacen(
                "formate = [\"pdf\", \"docx\", \"odt\", \"vorlage\"]",
                "formate = [\"pdf\", \"vorlage\"]",
                1,
            ),
        )
        .unwrap();
    });
    assert!(ausgabe.join(format!("{VORLAGE}.pdf")).is_file());
    assert!(ausgabe.join(format!("{VORLAGE}.oparl.json")).is_file());
    assert!(!ausgabe.join(format!("{VORLAGE}.docx")).exists());
    assert!(!ausgabe.join(format!("{KONZEPT}.docx")).exists());
}

#[test]
fn two_builds_are_byte_identical() {
    let b = example();
    let (_d, other) = build(&[], |_| {});
    for ext in ["pdf", "docx", "oparl.json"] {
        let name = format!("{VORLAGE}.{ext}");
        assert!(
            std::fs::read(b.ausgabe.join(&name)).unwrap()
                == std::fs::read(other.join(&name)).unwrap(),
            "{name} differs between two builds"
        );
    }
}

#[test]
fn submission_docx_opens_in_python_docx_with_all_parts() {
    require_python_docx();
    let script = r#"
import sys, docx
d = docx.Document(sys.argv[1])
for p in d.paragraphs:
    print(p.style.name + "\t" + p.text)
for t in d.tables:
    for r in t.rows:
        print("row\t" + " | ".join(c.text for c in r.cells))
print("core\t" + d.core_properties.title + "|" + d.core_properties.author + "|" + d.core_properties.language)
"#;
    let text = werkzeuge::run_python(script, &example().file(VORLAGE, "docx"));
    for h in [
        "Beschlussvorschlag",
        "Sachverhalt / Begründung",
        "Finanzielle Auswirkungen",
        "Anlagen",
    ] {
        assert!(
            text.lines().any(|l| l == format!("Heading 1\t{h}")),
            "Überschrift {h} fehlt:\n{text}"
        );
    }
    let k = model();
    for s in [
        "Drucksache 2026/0815",
        "Integrationskonzept der Stadt Musterstadt 2026–2030",
        "row\t08.12.2026 | Integrationsrat | Vorberatung | öffentlich",
        "row\t28.01.2027 | Rat der Stadt Musterstadt | Entscheidung | öffentlich",
        "Der Rat der Stadt Musterstadt beschließt:",
        &format!(
            "row\tKosten der Maßnahmen | {} | {}",
            k.vorlage
                .finanzen
                .kosten
                .je_jahr
                .iter()
                .map(|g| g.text.as_str())
                .collect::<Vec<_>>()
                .join(" | "),
            k.kosten.summe.text
        ),
        "Integrationskonzept-Musterstadt-1.0.pdf",
        "core\tIntegrationskonzept der Stadt Musterstadt 2026–2030|Amt für Integration und Vielfalt|de-DE",
    ] {
        // Amounts are set with non-breaking spaces; a reader sees a space.
        assert!(text.replace('\u{a0}', " ").contains(s), "„{s}“ fehlt:\n{text}");
    }
}

#[test]
fn submission_docx_passes_the_validator() {
    assert_valid_docx(&example().file(VORLAGE, "docx"));
}

/// Without a Beschlussvorschlag in `Texte`: the standard wording.
#[test]
fn standard_wording_when_texte_has_no_beschlussvorschlag() {
    let c = konzept::pipeline::check(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/musterstadt"),
    );
    let mut k = c.konzept.expect("model");
    assert!(!k.vorlage.beschlussvorschlag_standard);
    k.texte.beschlussvorschlag = None;
    let v = konzept::merge::submission_of(c.config.as_ref().expect("config"), &k);
    assert!(v.beschlussvorschlag_standard);
    let plain = v.beschlussvorschlag.plain();
    for s in [
        "Der Rat der Stadt Musterstadt beschließt:",
        "Das Integrationskonzept der Stadt Musterstadt 2026–2030 (Anlage 1) wird als Handlungsrahmen",
        "regelmäßig",
        "im Rahmen der jeweils verfügbaren Haushaltsmittel",
    ] {
        assert!(plain.contains(s), "„{s}“ fehlt: {plain}");
    }
}
