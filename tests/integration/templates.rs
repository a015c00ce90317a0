//! Template overrides: `konzept templates` writes the built-ins out, and each
//! file in the project's `vorlagen/` replaces its built-in twin, one file at a
//! time. Built from a copy of the example like a user builds it; the PDF is
//! read back with poppler (a missing tool fails the test), the DOCX from its
//! `document.xml`.

use crate::support::werkzeuge::{self, require};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use konzept::embedded::templates::{all_builtins, LIESMICH};

const KONZEPT: &str = "Integrationskonzept-Musterstadt-1.0";
const SATZ: &str = "Diese Fassung des Kapitels stammt aus der eigenen Vorlage der Stadt.";

/// A copy of the example in a temp dir, changed by `edit`.
fn project(edit: impl Fn(&Path)) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("musterstadt");
    werkzeuge::copy_project(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/musterstadt"),
        &root,
    );
    edit(&root);
    (dir, root)
}

fn konzept(args: &[&str], root: &Path) -> (Output, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_konzept"))
        .args(args)
        .arg(root)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{stderr}");
    (out, stderr)
}

fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

fn builtin(file: &str) -> &'static str {
    all_builtins()
        .into_iter()
        .find(|b| b.file == file)
        .unwrap_or_else(|| panic!("no built-in {file}"))
        .text
}

fn set_vorlagen_key(root: &Path, value: &str) {
    let toml = root.join("konzept.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    let text = text.replacen(
        "[gestaltung]\n",
        &format!("[gestaltung]\nvorlagen = \"{value}\"\n"),
        1,
    );
    std::fs::write(toml, text).unwrap();
}

struct Built {
    _dir: tempfile::TempDir,
    ausgabe: PathBuf,
}

impl Built {
    fn file(&self, ext: &str) -> PathBuf {
        self.ausgabe.join(format!("{KONZEPT}.{ext}"))
    }
}

fn build(edit: impl Fn(&Path)) -> Built {
    let (dir, root) = project(edit);
    let (out, stderr) = konzept(&["build", "--no-submission"], &root);
    assert!(out.status.success(), "{stderr}");
    Built {
        _dir: dir,
        ausgabe: root.join("ausgabe"),
    }
}

/// The example without overrides.
fn plain() -> &'static Built {
    static B: OnceLock<Built> = OnceLock::new();
    B.get_or_init(|| build(|_| {}))
}

/// The example with chapter 1 overridden in both formats: one added
/// sentence, and in the PDF a sentence made with the helpers.
fn overridden() -> &'static Built {
    static B: OnceLock<Built> = OnceLock::new();
    B.get_or_init(|| {
        build(|root| {
            let typ = builtin("typst/kapitel-1.typ.hbs").replacen(
                "= Warum Integration?\n",
                &format!(
                    "= Warum Integration?\n\n{SATZ} Sie umfasst {{{{plural felder \"Handlungsfeld\" \"Handlungsfelder\"}}}} mit {{{{geld (summe felder \"kosten_summe\")}}}}.\n\n"
                ),
                1,
            );
            assert!(typ.contains(SATZ));
            write(root, "vorlagen/typst/kapitel-1.typ.hbs", &typ);
            let xml = builtin("docx/kapitel-1.xml.hbs").replacen(
                "{{{ueberschrift 1 \"Warum Integration?\"}}}\n",
                &format!("{{{{{{ueberschrift 1 \"Warum Integration?\"}}}}}}\n{{{{{{absatz \"{SATZ}\"}}}}}}\n"),
                1,
            );
            assert!(xml.contains(SATZ));
            write(root, "vorlagen/docx/kapitel-1.xml.hbs", &xml);
        })
    })
}

fn pdftotext(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success());
    // Lines joined: a sentence may wrap.
    String::from_utf8(out.stdout).unwrap()
}

/// The paragraphs of `word/document.xml` as text.
fn docx_paragraphs(docx: &Path) -> Vec<String> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(docx).unwrap()).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml.split("</w:p>")
        .map(|p| {
            let mut text = String::new();
            for part in p.split("<w:t").skip(1) {
                if let Some((_, rest)) = part.split_once('>') {
                    text.push_str(rest.split("</w:t>").next().unwrap_or(""));
                }
            }
            text
        })
        .filter(|t| !t.is_empty())
        .collect()
}

#[test]
fn templates_writes_every_builtin_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let (out, stderr) = konzept(&["templates"], dir.path());
    assert!(out.status.success(), "{stderr}");
    let folder = dir.path().join("vorlagen");
    for b in all_builtins() {
        let text = std::fs::read_to_string(folder.join(b.file))
            .unwrap_or_else(|_| panic!("{} not written", b.file));
        assert_eq!(text, b.text, "{}", b.file);
    }
    assert!(folder.join("typst/stil.typ").exists());
    assert!(folder.join("docx/document.xml.hbs").exists());
    assert_eq!(
        std::fs::read_to_string(folder.join("LIESMICH.md")).unwrap(),
        LIESMICH
    );
    assert!(stderr.contains("geschrieben"), "{stderr}");

    // An edited file survives a second run; the run still succeeds.
    std::fs::write(folder.join("typst/kapitel-1.typ.hbs"), "eigen").unwrap();
    std::fs::remove_file(folder.join("docx/kapitel-2.xml.hbs")).unwrap();
    let (out, stderr) = konzept(&["templates"], dir.path());
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("übersprungen"), "{stderr}");
    assert!(stderr.contains("1 Datei geschrieben"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(folder.join("typst/kapitel-1.typ.hbs")).unwrap(),
        "eigen"
    );
    assert!(folder.join("docx/kapitel-2.xml.hbs").exists());
}

#[test]
fn templates_in_a_missing_folder_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let (out, stderr) = konzept(&["templates"], &dir.path().join("gibt-es-nicht"));
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("existiert nicht"), "{stderr}");
}

#[test]
fn the_written_templates_build_the_same_documents() {
    // `konzept templates` in the project: every file overridden by an
    // identical copy gives the same text as the built-ins.
    let b = build(|root| {
        let (out, stderr) = konzept(&["templates"], root);
        assert!(out.status.success(), "{stderr}");
    });
    assert_eq!(
        docx_paragraphs(&b.file("docx")),
        docx_paragraphs(&plain().file("docx"))
    );
    require("pdftotext", "-v");
    {
        assert_eq!(pdftotext(&b.file("pdf")), pdftotext(&plain().file("pdf")));
    }
}

#[test]
fn a_typst_partial_override_changes_only_its_chapter() {
    require("pdftotext", "-v");
    let before = pdftotext(&plain().file("pdf"));
    let after = pdftotext(&overridden().file("pdf"));
    // Lines joined, hyphenation undone: a sentence may wrap.
    let flat = after
        .replace("\u{ad}\n", "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(flat.contains(SATZ), "{flat}");
    assert!(!before.contains("eigenen Vorlage"));

    // The helpers in the override: seven fields and their total cost.
    let k = konzept::pipeline::check(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/musterstadt"),
    )
    .konzept
    .unwrap();
    let cents: i64 = k.felder.iter().filter_map(|f| f.kosten_summe.cent).sum();
    let total = konzept::input::values::Money(cents).display();
    let expected = format!(
        "Sie umfasst {} Handlungsfelder mit {total}.",
        k.felder.len()
    );
    assert!(flat.contains(&expected), "{expected}\n{flat}");

    // Everything from chapter 2 on is unchanged; so is what comes before
    // chapter 1 (title page, table of contents).
    let body = |t: &str| -> (String, String) {
        // The headings in the text (the table of contents has dot leaders).
        let k1 = t.find("\n1 Warum Integration?\n").unwrap();
        let k2 = t
            .find("\n2 Initiierung des Integrationskonzeptes\n")
            .unwrap();
        (t[..k1].to_string(), t[k2..].to_string())
    };
    let (pre_before, rest_before) = body(&before);
    let (pre_after, rest_after) = body(&after);
    assert_eq!(pre_before, pre_after);
    assert_eq!(rest_before, rest_after);
}

#[test]
fn a_docx_partial_override_changes_only_its_chapter() {
    let before = docx_paragraphs(&plain().file("docx"));
    let after = docx_paragraphs(&overridden().file("docx"));
    let at = after.iter().position(|p| p == SATZ).expect("new paragraph");
    assert!(
        after[at - 1].contains("Warum Integration?"),
        "{:?}",
        &after[at - 1]
    );
    let mut without = after.clone();
    without.remove(at);
    assert_eq!(without, before);
}

#[test]
fn a_broken_override_names_the_file_and_line() {
    let (_dir, root) = project(|root| {
        let text = builtin("typst/kapitel-1.typ.hbs").replacen("{{/if}}\n", "\n", 1);
        write(root, "vorlagen/typst/kapitel-1.typ.hbs", &text);
    });
    for cmd in ["check", "build"] {
        let (out, stderr) = konzept(&[cmd], &root);
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(
            stderr.contains("vorlagen/typst/kapitel-1.typ.hbs › Zeile 4"),
            "{stderr}"
        );
        assert!(
            stderr.contains("„{{#if texte.einleitung}}“ wird nicht mit „{{/if}}“ geschlossen"),
            "{stderr}"
        );
    }
    assert!(!root.join("ausgabe").join(format!("{KONZEPT}.pdf")).exists());
}

#[test]
fn a_misspelt_field_in_an_override_names_the_file_and_line() {
    let (_dir, root) = project(|root| {
        write(
            root,
            "vorlagen/docx/kapitel-2.xml.hbs",
            "{{{ueberschrift 1 \"Initiierung\"}}}\n{{meta.titell}}\n",
        );
    });
    let (out, stderr) = konzept(&["build", "--no-submission"], &root);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("Vorlage vorlagen/docx/kapitel-2.xml.hbs, Zeile 2"),
        "{stderr}"
    );
}

#[test]
fn a_typst_error_in_an_override_is_traced_to_it() {
    let (_dir, root) = project(|root| {
        // No `// Vorlage:` line: konzept adds one naming the override.
        write(
            root,
            "vorlagen/typst/kapitel-3.typ.hbs",
            "= Durchführung\n\n#gibt-es-nicht()\n",
        );
    });
    let (out, stderr) = konzept(&["build", "--no-submission"], &root);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("(aus der Vorlage vorlagen/typst/kapitel-3.typ.hbs)"),
        "{stderr}"
    );
}

#[test]
fn a_missing_override_folder_names_the_key() {
    let (_dir, root) = project(|root| set_vorlagen_key(root, "fehlt/"));
    let (out, stderr) = konzept(&["check"], &root);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("`gestaltung.vorlagen`"), "{stderr}");
    assert!(stderr.contains("fehlt/"), "{stderr}");
}

#[test]
fn a_named_override_folder_is_used() {
    let (_dir, root) = project(|root| {
        set_vorlagen_key(root, "design/vorlagen");
        write(
            root,
            "design/vorlagen/docx/kapitel-2.xml.hbs",
            "{{{absatz (geld kostn)}}}\n",
        );
    });
    let (out, stderr) = konzept(&["build", "--no-submission"], &root);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("design/vorlagen/docx/kapitel-2.xml.hbs"),
        "{stderr}"
    );
    assert!(stderr.contains("„kostn“ gibt es nicht"), "{stderr}");
}

#[test]
fn an_unknown_override_file_is_a_warning_naming_the_nearest() {
    let (_dir, root) = project(|root| {
        write(root, "vorlagen/typst/kapitel1.typ.hbs", "= Eigenes\n");
        write(root, "vorlagen/LIESMICH.md", LIESMICH);
    });
    let (out, stderr) = konzept(&["check"], &root);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("warnung: vorlagen/typst/kapitel1.typ.hbs"),
        "{stderr}"
    );
    assert!(
        stderr.contains("vorlagen/typst/kapitel-1.typ.hbs"),
        "{stderr}"
    );
    assert!(!stderr.contains("warnung: vorlagen/LIESMICH"), "{stderr}");
}

#[test]
fn a_style_library_override_replaces_stil_typ() {
    let (_dir, root) = project(|root| {
        let stil = format!("{}\n// eigene Gestaltung\n", builtin("typst/stil.typ"));
        write(root, "vorlagen/typst/stil.typ", &stil);
    });
    let checked = konzept::pipeline::check(&root);
    assert!(!checked.diagnostics.has_errors());
    assert_eq!(checked.assets.overrides.len(), 1);
    let hb = konzept::render::typst::registry_for(&checked.assets).unwrap();
    let k = serde_json::to_value(checked.konzept.as_ref().unwrap()).unwrap();
    let src = konzept::render::typst::source(&hb, &k, &checked.assets).unwrap();
    let stil = &src.files.iter().find(|(n, _)| n == "/stil.typ").unwrap().1;
    assert!(String::from_utf8_lossy(stil).ends_with("// eigene Gestaltung\n"));
}
