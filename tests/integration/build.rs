//! `konzept build`: the PDF as a reader sees it. Every check goes through the
//! tools a person (or an archive) would use on the file: `pdftotext` for the
//! text, `pdffonts` for the fonts, `pdfinfo` for pages and metadata, `qpdf` for
//! the file structure. Missing tools fail the test with a message saying how to
//! install them (`tools/test.sh` does).

use crate::support::common::*;
use proptest::prelude::*;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use tempfile::TempDir;

// ---------------------------------------------------------------- tools

/// Runs an external reader; a missing tool is a clear failure, not a skip.
fn tool(name: &str, args: &[&str]) -> std::process::Output {
    Command::new(name).args(args).output().unwrap_or_else(|e| {
        let package = if name == "qpdf" {
            "qpdf"
        } else {
            "poppler-utils"
        };
        panic!(
            "`{name}` kann nicht ausgeführt werden ({e}); die PDF-Tests brauchen \
             {package} (tools/test.sh installiert es)"
        )
    })
}

/// Runs a reader that must succeed and returns its stdout.
#[track_caller]
fn tool_ok(name: &str, args: &[&str]) -> String {
    let out = tool(name, args);
    assert!(
        out.status.success(),
        "{name} {args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

/// The whole text of a PDF (UTF-8) in content-stream order (`-raw`), which for
/// Typst is the order of layout. The default reading-order mode is no good
/// here: it "dehyphenates" every line that ends in `-` by dropping the `-`
/// (so a typed ` - ` at a line end vanishes), and it mixes the letters of the
/// diagonal watermark into the lines it crosses.
fn pdf_text(pdf: &Path) -> String {
    tool_ok("pdftotext", &["-raw", "-enc", "UTF-8", s(pdf), "-"])
}

/// The text without the running header and the "Seite X von Y" footer, so
/// that a text running over a page break reads on as one.
fn without_page_furniture(text: &str) -> String {
    let pages: Vec<String> = text.split('\u{C}').map(without_watermark).collect();
    // The running header is the first line of most pages (not of the title
    // page, and not of pages a long title runs over to).
    let mut firsts: Vec<&str> = pages.iter().filter_map(|p| p.lines().next()).collect();
    firsts.sort_unstable();
    let header = firsts
        .chunk_by(|a, b| a == b)
        .max_by_key(|run| run.len())
        .filter(|run| run.len() * 2 > pages.len())
        .map(|run| run[0].to_string())
        .unwrap_or_default();
    let footer = |l: &str| {
        l.strip_prefix("Seite ")
            .and_then(|r| r.split_once(" von "))
            .is_some_and(|(x, y)| {
                !x.is_empty()
                    && !y.is_empty()
                    && x.bytes().chain(y.bytes()).all(|b| b.is_ascii_digit())
            })
    };
    pages
        .iter()
        .flat_map(|p| p.lines())
        .filter(|l| *l != header && !footer(l))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The watermark is the page background, so `-raw` gives it first, one letter
/// a line (each letter is placed on its own along the diagonal).
const WATERMARK: &str = "ENTWURF";

/// A page's raw text without a leading watermark.
fn without_watermark(page: &str) -> String {
    let lines: Vec<&str> = page.lines().collect();
    let n = WATERMARK.len();
    let is_mark = lines.len() >= n
        && lines[..n]
            .iter()
            .zip(WATERMARK.chars())
            .all(|(l, c)| l.trim() == c.to_string());
    if is_mark {
        lines[n..].join("\n")
    } else {
        page.to_string()
    }
}

/// Raw text of each page (pdftotext ends every page with a form feed).
fn raw_pages(pdf: &Path) -> Vec<String> {
    let text = pdf_text(pdf);
    let mut pages: Vec<String> = text.split('\u{C}').map(str::to_string).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

/// Both text extractions of a PDF: content-stream order ([`pdf_text`]) and
/// pdftotext's default reading order, which is the only one that puts the
/// letters of an Arabic word back in logical order (`-raw` gives the glyph
/// runs of right-to-left text in visual pieces).
struct Texts {
    raw: String,
    reading: String,
}

fn texts(pdf: &Path) -> Texts {
    Texts {
        raw: without_page_furniture(&pdf_text(pdf)),
        reading: tool_ok("pdftotext", &["-enc", "UTF-8", s(pdf), "-"]),
    }
}

fn page_count(pdf: &Path) -> usize {
    let info = tool_ok("pdfinfo", &[s(pdf)]);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("pdfinfo shows no page count:\n{info}"))
}

// ---------------------------------------------------------------- text comparison

/// What layout may add or remove without changing what a reader reads: all
/// whitespace (line breaks in table cells, wrapped lines, collapsed spaces),
/// and the marks of [`is_layout_mark`], among them the soft hyphen pdftotext
/// reports at a hyphenation point (`Stadt\u{AD}⏎gesellschaft`). Typst prints
/// a hyphenation hyphen as U+00AD, so a real `-` is never mistaken for one and
/// stays.
fn squash(s: &str) -> String {
    s.chars()
        .filter(|&c| !c.is_whitespace() && !is_layout_mark(c))
        .collect()
}

/// Characters pdftotext adds around text: the soft hyphen of a hyphenation
/// point, the zero-width space konzept puts into very long words as a break
/// opportunity, the word joiner before table-of-contents page numbers, and
/// the bidi embedding marks around right-to-left runs.
fn is_layout_mark(c: char) -> bool {
    matches!(c, '\u{AD}' | '\u{200B}' | '\u{2060}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whitespace-normalised text: hyphenation at line ends undone, every run of
/// whitespace one space.
fn flatten(s: &str) -> String {
    s.replace("\u{AD}\n", "")
        .replace('\u{2060}', "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_arabic(c: char) -> bool {
    matches!(c, '\u{600}'..='\u{6FF}' | '\u{750}'..='\u{77F}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}')
}

/// The Arabic words (maximal runs of Arabic letters) of a text.
fn arabic_words(s: &str) -> Vec<String> {
    s.split(|c: char| !is_arabic(c))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Does the PDF show `typed` as typed?
///
/// Whitespace and hyphenation are layout (see [`squash`]). Arabic is right to
/// left: the PDF stores its glyphs in visual order, so each Arabic word must
/// appear in the reading-order text, in logical or in visual (reversed) order,
/// and everything else must appear in the content-stream text, in order, once
/// Arabic letters are taken out of both sides.
fn shows(pdf: &Texts, typed: &str) -> Result<(), String> {
    let hay = squash(&pdf.reading);
    for word in arabic_words(typed) {
        let reversed: String = word.chars().rev().collect();
        if !hay.contains(&word) && !hay.contains(&reversed) {
            return Err(format!("Arabic word {word:?} missing"));
        }
    }
    let strip = |s: &str| -> String { squash(s).chars().filter(|&c| !is_arabic(c)).collect() };
    let rest = strip(typed);
    if !strip(&pdf.raw).contains(&rest) {
        return Err(format!(
            "text {rest:?} missing (whitespace and Arabic removed)"
        ));
    }
    Ok(())
}

#[track_caller]
fn assert_shows(pdf: &Texts, typed: &str, what: &str) {
    if let Err(e) = shows(pdf, typed) {
        panic!(
            "{what}: {e}\ntyped: {typed:?}\nPDF text (flattened):\n{}",
            flatten(&pdf.raw)
        );
    }
}

// ---------------------------------------------------------------- builds

/// The one concept PDF in `DIR/ausgabe` (beside it: the submission's).
fn the_pdf(dir: &Path) -> PathBuf {
    let out = dir.join("ausgabe");
    let pdfs: Vec<PathBuf> = std::fs::read_dir(&out)
        .unwrap_or_else(|e| panic!("{}: {e}", out.display()))
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("Beschlussvorlage-"))
        })
        .collect();
    assert_eq!(pdfs.len(), 1, "PDFs in {}: {pdfs:?}", out.display());
    pdfs.into_iter().next().unwrap()
}

/// Builds `project` (default PDF standard unless `args` say otherwise), asserts
/// exit 0 and no warnings, and returns the temp dir and the PDF.
#[track_caller]
fn build_clean(project: Project, args: &[&str]) -> (TempDir, PathBuf) {
    let out = project.build(args);
    out.assert_code(0);
    assert!(out.warnings().is_empty(), "warnings:\n{}", out.stderr);
    let dir = project.into_dir();
    let pdf = the_pdf(dir.path());
    (dir, pdf)
}

/// A TOML basic string holding exactly `s`.
fn toml_str(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

const TITLE_LINE: &str = r#"titel = "Integrationskonzept der Stadt Teststadt""#;

/// The minimal project with user text in four places a reader sees: the
/// document title (konzept.toml), a Texte paragraph (Einleitung), an actor name
/// and a measure title.
fn project_with_texts(title: &str, paragraph: &str, actor: &str, measure: &str) -> Project {
    Project::new()
        // No watermark: its letters would land between the lines of the texts.
        .edit_toml("version = ", &council_status("Beschlussvorlage"))
        .edit_toml(TITLE_LINE, &format!("titel = {}", toml_str(title)))
        .sheet(
            STEUERUNG,
            "Texte",
            &[&["Abschnitt", "Text"], &["Einleitung", paragraph]],
        )
        .rows(STEUERUNG, "Akteure", &[&[actor, "Sonstige"]])
        .cell(AG, "Maßnahmen", "C2", measure)
}

/// The Texte paragraph as the model reads it: the Markdown subset
/// (`**bold**`, `*italic*`, lists) is interpreted by design (spec: input.md),
/// so the expected printed text is the model's, not the cell's.
fn model_paragraph(model: &serde_json::Value) -> String {
    fn inlines(v: &serde_json::Value, out: &mut String) {
        for i in v.as_array().into_iter().flatten() {
            if let Some(t) = i["text"].as_str() {
                out.push_str(t);
            }
            inlines(&i["inhalt"], out);
        }
    }
    let mut out = String::new();
    for block in model["texte"]["einleitung"]["blocks"]
        .as_array()
        .expect("Einleitung in the model")
    {
        inlines(&block["inhalt"], &mut out);
        for p in block["punkte"].as_array().into_iter().flatten() {
            inlines(p, &mut out);
        }
    }
    out
}

/// Builds a project holding the four texts and checks that each comes back
/// from pdftotext as typed.
fn check_texts_round_trip(title: &str, paragraph: &str, actor: &str, measure: &str) {
    let project = project_with_texts(title, paragraph, actor, measure);
    let model = project.model();
    let expected_paragraph = model_paragraph(&model);
    let (_dir, pdf) = build_clean(project, &[]);
    let text = texts(&pdf);
    assert_shows(&text, title, "title from konzept.toml");
    assert_shows(&text, &expected_paragraph, "Texte paragraph");
    assert_shows(&text, actor, "actor name");
    assert_shows(&text, measure, "measure title");
}

// ---------------------------------------------------------------- 1 escaping

/// Markup of Typst, Handlebars, XML and Markdown, quotes, and Arabic words.
#[rustfmt::skip]
const MARKUP: &[&str] = &[
    "#", "$", "*", "_", "<", ">", "@", "\\", "=", "-", "+", "/", "//", "/*", "*/", "~", "[", "]",
    "`", "```", "\"", "'", "{{", "}}", "{{{", "{{!", "&", "&amp;", "<b>", "--", "---", "...",
    "#let", "#import \"/etc/passwd\"", "$x$", "@label", "<label>", "= Titel", "- Punkt",
    "1. Eins", "**fett**", "*kursiv*", "_x_", "\\n", "{{titel}}", "{{> main}}", "]]>", "<!--",
    "%", "^", "|", "'s", "„Zitat“",
];

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(MARKUP).prop_map(str::to_string),
        3 => "[A-Za-zÄÖÜäöüß0-9]{1,10}",
        // Arabic between Latin letters: neutral characters right next to an
        // Arabic word would take its direction and move (correct bidi, but
        // not "as typed" in pdftotext's order).
        1 => proptest::sample::select(&["مرحبا", "سلام", "مدرسة", "مرحبا بكم"][..])
            .prop_map(|w| format!("ab {w} cd")),
    ]
}

/// Words and markup, separated by a space or glued together (at most two
/// tokens glued, so that no run without a break opportunity is wider than the
/// title page: over-long words are the separate tests below).
fn user_text() -> impl Strategy<Value = String> {
    proptest::collection::vec((word(), any::<bool>()), 1..10).prop_map(|parts| {
        let mut out = String::from("Text ");
        let mut glued = false;
        for (w, glue) in parts {
            out.push_str(&w);
            if glue && !glued {
                glued = true;
            } else {
                out.push(' ');
                glued = false;
            }
        }
        out.trim_end().to_string()
    })
}

proptest! {
    // One case is one build (about half a second), so few cases; the fixed
    // corpus below covers the known hard cases every time. The default
    // standard (PDF/A-2a + PDF/UA-1) accepts all of these characters, so the
    // builds keep it.
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn user_text_prints_as_typed(
        title in user_text(),
        paragraph in user_text(),
        actor in user_text(),
        measure in user_text(),
    ) {
        check_texts_round_trip(&title, &paragraph, &actor, &measure);
    }
}

#[test]
fn hand_written_corpus_prints_as_typed() {
    check_texts_round_trip(
        r#"#set page(width: 1cm) $x^2$ *fett* _kursiv_ <tag> @ref \ {{titel}} }} & < > "Zitat" 'x' `code` ~ // /* */ = + -"#,
        "= Überschrift? #import \"/etc/passwd\": x {{> main}} {{{meta.titel}}} <![CDATA[x]]> &amp; \\ [link] ``` --- ... $$ *kursiv* **fett**",
        "Verein ‚Brücke‘ & Co. <e.V.> #1 @home $5 \\o/ ~ {{name}} und مرحبا بكم e.V.",
        "#read(\"/etc/passwd\") #include \"x.typ\" {{#each x}}{{/each}} `#eval(\"1\")` <b>x</b> \"quoted\" 'single' [a](b)",
    );
}

/// A 5,000-character word: `Integrationsmaßnahmenfinanzierungsvereinbarung…`.
/// A 5,000-character "word" without repeating lines once wrapped (a
/// repeated word would wrap into identical lines, which the page-furniture
/// filter takes for running headers).
fn long_word() -> String {
    let letters: Vec<char> = "abcdefghijklmnopqrstuvwxyzäöüß".chars().collect();
    let mut state: u32 = 0x4b4f_4e5a;
    (0..5000)
        .map(|_| {
            state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            letters[(state >> 16) as usize % letters.len()]
        })
        .collect()
}

/// Builds one project with a 5,000-character word in each of the four places
/// and returns the places where pdftotext does not give it back whole.
fn long_word_missing_places() -> Vec<&'static str> {
    let long = long_word();
    let project = project_with_texts(
        &format!("Titel {long}"),
        &format!("Absatz {long}"),
        &format!("Akteur {long}"),
        &format!("Maßnahme {long}"),
    );
    let (_dir, pdf) = build_clean(project, &[]);
    let text = texts(&pdf);
    let hay = squash(&text.raw);
    ["Titel", "Absatz", "Akteur", "Maßnahme"]
        .into_iter()
        .filter(|place| {
            // Whole and in order, or – where a table row taller than a page
            // is split and the other cells of the row and the repeated
            // header come in between – every line of it. konzept gives such
            // a run a break opportunity every 24 characters, so those are
            // its lines.
            let whole = shows(&text, &format!("{place} {long}")).is_ok();
            let chars: Vec<char> = long.chars().collect();
            let every_line = hay.contains(&squash(&format!(
                "{place} {}",
                chars[..24].iter().collect::<String>()
            ))) && chars
                .chunks(24)
                .all(|c| hay.contains(&c.iter().collect::<String>()));
            !(whole || every_line)
        })
        .collect()
}

#[test]
fn very_long_word_in_a_paragraph_prints_whole() {
    let missing = long_word_missing_places();
    assert!(!missing.contains(&"Absatz"), "missing whole: {missing:?}");
}

#[test]
fn very_long_words_print_whole_everywhere() {
    let missing = long_word_missing_places();
    assert!(missing.is_empty(), "missing whole: {missing:?}");
}

// ---------------------------------------------------------------- the example

/// `examples/musterstadt`, copied to a temp dir and built once for all the
/// tests that only read its PDF.
struct Example {
    dir: TempDir,
    out: Output,
    pdf: PathBuf,
}

fn example() -> &'static Example {
    static EXAMPLE: OnceLock<Example> = OnceLock::new();
    EXAMPLE.get_or_init(|| {
        let dir = copy_to_temp(&repo().join("examples/musterstadt"));
        // A stale output folder (the repo ignores it) must not count.
        let _ = std::fs::remove_dir_all(dir.path().join("ausgabe"));
        let out = build(dir.path(), &[]);
        let pdf = dir
            .path()
            .join("ausgabe/Integrationskonzept-Musterstadt-1.0.pdf");
        Example { dir, out, pdf }
    })
}

/// The example's PDF, after asserting that its build succeeded cleanly.
#[track_caller]
fn example_pdf() -> &'static Path {
    let ex = example();
    ex.out.assert_code(0);
    assert!(ex.out.warnings().is_empty(), "{}", ex.out.stderr);
    assert!(ex.pdf.is_file(), "no PDF at {}", ex.pdf.display());
    &ex.pdf
}

fn example_model() -> serde_json::Value {
    let out = check(example().dir.path(), &["--model"]);
    out.assert_code(0);
    out.json()
}

fn strings<'a>(v: &'a serde_json::Value, key: &str) -> Vec<&'a str> {
    v.as_array()
        .unwrap_or_else(|| panic!("not an array: {v}"))
        .iter()
        .map(|x| x[key].as_str().unwrap_or_else(|| panic!("no {key} in {x}")))
        .collect()
}

#[test]
fn example_builds_with_exit_0_and_reports_the_pdf() {
    let ex = example();
    ex.out.assert_code(0);
    assert!(ex.out.errors().is_empty(), "{}", ex.out.stderr);
    assert!(ex.out.warnings().is_empty(), "{}", ex.out.stderr);
    assert!(
        ex.out
            .stderr
            .contains("Integrationskonzept-Musterstadt-1.0.pdf (PDF, "),
        "{}",
        ex.out.stderr
    );
    assert!(page_count(example_pdf()) > 20);
}

#[test]
fn example_pdf_holds_every_goal_measure_and_actor() {
    let text = texts(example_pdf());
    let model = example_model();
    let mut missing = Vec::new();
    let mut count = 0;
    for feld in model["felder"].as_array().expect("felder") {
        let goals = strings(&feld["ziele"], "ziel");
        let measures = strings(&feld["massnahmen"], "titel");
        for (what, s) in goals
            .iter()
            .map(|s| ("Ziel", s))
            .chain(measures.iter().map(|s| ("Maßnahme", s)))
        {
            count += 1;
            if let Err(e) = shows(&text, s) {
                missing.push(format!("{what} {s:?}: {e}"));
            }
        }
    }
    for name in strings(&model["akteure"]["alle"], "name") {
        count += 1;
        if let Err(e) = shows(&text, name) {
            missing.push(format!("Akteur {name:?}: {e}"));
        }
    }
    assert!(count > 150, "only {count} strings in the model");
    assert!(
        missing.is_empty(),
        "missing in the PDF:\n{}",
        missing.join("\n")
    );
}

#[test]
fn example_pdf_has_every_section_heading_in_toc_and_body() {
    let model = example_model();
    let mut headings: Vec<String> = [
        "1 Warum Integration?",
        "2 Initiierung des Integrationskonzeptes",
        "2.1 Auftrag und Verantwortung",
        "2.2 Netzwerke",
        "2.3 Projektrahmen: Ziele, Zeitraum und Finanzen",
        "2.4 Steuerungsgruppe und Arbeitsgruppen",
        "2.5 Beteiligte Akteure",
        "3 Durchführung",
        "3.1 Ziele und Leitlinien",
        "3.2 Analyse der Ausgangslage",
        "3.3 Schwerpunkte",
        "3.11 Querschnittsthemen",
        "3.11.1 Antidiskriminierung",
        "3.12 Umsetzung, Monitoring und Fortschreibung",
        "Anhang",
        "A Maßnahmenübersicht",
        "B Kosten- und Finanzierungsplan",
        "C Zeitplan der Maßnahmen",
        "D Akteursverzeichnis",
        "E Mitglieder der Arbeitsgruppen",
    ]
    .map(String::from)
    .to_vec();
    let felder = model["felder"].as_array().expect("felder");
    assert_eq!(felder.len(), 7);
    for (i, feld) in felder.iter().enumerate() {
        let nr = format!("3.{}", i + 4);
        assert_eq!(feld["abschnitt"], nr.as_str());
        headings.push(format!("{nr} {}", feld["name"].as_str().unwrap()));
        for (j, sub) in [
            "Ausgangslage",
            "Handlungsbedarf",
            "Ziele",
            "Maßnahmen",
            "Handlungsempfehlungen",
            "Arbeitsgruppe",
        ]
        .iter()
        .enumerate()
        {
            headings.push(format!("{nr}.{} {sub}", j + 1));
        }
    }
    let text = squash(&texts(example_pdf()).raw);
    // Once in the table of contents, once as the heading itself.
    let missing: Vec<String> = headings
        .iter()
        .filter(|h| text.matches(&squash(h)).count() < 2)
        .map(|h| format!("{h:?}: {} times", text.matches(&squash(h)).count()))
        .collect();
    assert!(
        missing.is_empty(),
        "headings not both in the contents and the body:\n{}",
        missing.join("\n")
    );
}

#[test]
fn example_pdf_embeds_all_fonts() {
    let list = tool_ok("pdffonts", &[s(example_pdf())]);
    let mut lines = list.lines();
    let header = lines.next().expect("pdffonts header");
    let emb = header.find(" emb ").expect("emb column") + 1;
    let rows: Vec<&str> = lines.skip(1).filter(|l| !l.trim().is_empty()).collect();
    assert!(!rows.is_empty(), "no fonts listed:\n{list}");
    for row in &rows {
        assert_eq!(row.get(emb..emb + 3), Some("yes"), "not embedded:\n{list}");
    }
}

/// The XMP metadata packet, as `pdfinfo -meta` prints it.
fn xmp(pdf: &Path) -> String {
    tool_ok("pdfinfo", &["-meta", s(pdf)])
}

/// Does the XMP say `prefix:name` = `value` (as element or attribute)?
fn xmp_has(xmp: &str, key: &str, value: &str) -> bool {
    xmp.contains(&format!("<{key}>{value}</{key}>")) || xmp.contains(&format!("{key}=\"{value}\""))
}

#[test]
fn example_pdf_identifies_as_pdf_a_2a_and_pdf_ua_1() {
    let meta = xmp(example_pdf());
    for (key, value) in [
        ("pdfaid:part", "2"),
        ("pdfaid:conformance", "A"),
        ("pdfuaid:part", "1"),
    ] {
        assert!(xmp_has(&meta, key, value), "no {key} = {value} in:\n{meta}");
    }
    // The document properties of the spec, in the same packet.
    assert!(meta.contains("Integrationskonzept der Stadt Musterstadt"));
    assert!(meta.contains("de-DE"), "language:\n{meta}");
}

#[test]
fn example_pdf_passes_qpdf_check() {
    let out = tool("qpdf", &["--check", s(example_pdf())]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stdout}\n{stderr}");
    let all = format!("{stdout}{stderr}").to_lowercase();
    assert!(
        !all.contains("warning") && !all.contains("error:"),
        "{stdout}\n{stderr}"
    );
    assert!(
        stdout.contains("No syntax or stream encoding errors found"),
        "{stdout}"
    );
}

/// Every file in `DIR/ausgabe`, by name.
fn outputs(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir.join("ausgabe"))
        .expect("ausgabe folder")
        .map(|e| {
            let p = e.expect("dir entry").path();
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&p).expect("read output"))
        })
        .collect();
    files.sort();
    files
}

#[test]
fn same_project_builds_byte_identical_pdfs() {
    // A second copy of the example in another temp dir: same inputs, another
    // path and another time, must give the same bytes (the PDF, and the DOCX
    // written beside it).
    example_pdf();
    let first = outputs(example().dir.path());
    assert!(first.iter().any(|(n, _)| n.ends_with(".pdf")), "{first:?}");
    let copy = copy_to_temp(&repo().join("examples/musterstadt"));
    let _ = std::fs::remove_dir_all(copy.path().join("ausgabe"));
    build(copy.path(), &[]).assert_code(0);
    let second = outputs(copy.path());
    let names = |v: &[(String, Vec<u8>)]| v.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(names(&first), names(&second));
    for ((name, a), (_, b)) in first.iter().zip(&second) {
        assert!(
            a == b,
            "{name} differs between two builds ({} vs {} bytes)",
            a.len(),
            b.len()
        );
    }
    // And building again in place gives the same bytes once more.
    build(copy.path(), &[]).assert_code(0);
    assert!(
        first == outputs(copy.path()),
        "rebuilding in place changed the output"
    );
}

#[test]
fn title_page_shows_the_document_data_without_footer() {
    let pdf = example_pdf();
    let pages = raw_pages(pdf);
    let title = squash(&pages[0]);
    for typed in [
        "Integrationskonzept der Stadt Musterstadt",
        "Vielfalt gemeinsam gestalten – Handlungsprogramm 2026 bis 2030",
        "Stadt Musterstadt",
        "Status Beschlussvorlage",
        "Version 1.0",
        "Stand 15.11.2026",
        "Vorlage Drucksache 2026/0815",
        "Gremium Rat der Stadt Musterstadt",
        "Sitzung 28.01.2027",
    ] {
        assert!(
            title.contains(&squash(typed)),
            "title page lacks {typed:?}:\n{}",
            pages[0]
        );
    }
    assert!(
        !pages[0].contains("Seite"),
        "footer on the title page:\n{}",
        pages[0]
    );
    let n = pages.len();
    assert_eq!(n, page_count(pdf));
    for (i, page) in pages.iter().enumerate().skip(1) {
        let footer = format!("Seite {} von {n}", i + 1);
        assert!(
            page.contains(&footer),
            "page {} lacks {footer:?}:\n{page}",
            i + 1
        );
    }
}

#[test]
fn table_of_contents_has_page_numbers() {
    let pages = raw_pages(example_pdf());
    let toc = &pages[1];
    assert!(toc.contains("Inhalt"), "page 2 is not the contents:\n{toc}");
    let line = toc
        .lines()
        .find(|l| l.contains("Warum Integration?"))
        .unwrap_or_else(|| panic!("no contents line for chapter 1:\n{toc}"));
    let number: String = line
        .trim_end()
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let page: usize = number
        .parse()
        .unwrap_or_else(|_| panic!("contents line ends in no number: {line:?}"));
    // The number is right: chapter 1 starts on that page.
    let target = &pages[page - 1];
    assert!(
        target.lines().any(|l| l.trim() == "1 Warum Integration?"),
        "chapter 1 does not start on page {page}:\n{target}"
    );
}

// ---------------------------------------------------------------- watermark

fn with_status(status: &str) -> Project {
    Project::new().edit_toml("version = ", &council_status(status))
}

/// The `status` line (put before `version = `); a council status comes with
/// the submission number and the meeting date a council version needs.
fn council_status(status: &str) -> String {
    if status == "Entwurf" {
        format!("status = \"{status}\"\nversion = ")
    } else {
        format!("status = \"{status}\"\nvorlage = \"Drucksache 2027/015\"\nsitzung = 2027-03-18\nversion = ")
    }
}

#[test]
fn draft_has_the_watermark_on_every_page_and_council_version_has_none() {
    // pdftotext -raw gives the page background first: the diagonal letters
    // E, N, T, W, U, R, F one per line. In reading order they are scattered
    // into the text as "EN", "TW", …, so the raw text is the reliable check.
    let (_d1, draft) = build_clean(with_status("Entwurf"), &[]);
    let pages = raw_pages(&draft);
    assert_eq!(pages.len(), page_count(&draft));
    for (i, page) in pages.iter().enumerate() {
        assert!(
            squash(page).starts_with(WATERMARK),
            "page {} has no watermark:\n{page}",
            i + 1
        );
    }
    let (_d2, final_) = build_clean(with_status("Beschlussvorlage"), &[]);
    let pages = raw_pages(&final_);
    for (i, page) in pages.iter().enumerate() {
        assert!(
            !squash(page).contains(WATERMARK),
            "page {} has a watermark:\n{page}",
            i + 1
        );
    }
}

// ---------------------------------------------------------------- scripts

#[test]
fn actor_names_in_many_scripts_print_without_missing_glyphs() {
    let names = [
        "Русский культурный центр „Берёзка“",
        "Ελληνική Κοινότητα Αγίου Δημητρίου",
        "Türk Kültür Derneği Şişli – Işıl Gündoğdu, İzmir",
        "Polska Misja Katolicka: Łucja Żółtowska, Świętochłowice, źdźbło",
        "Asociația Românilor: Ștefan Țăranu, Brăila, Câmpulung, Întorsura",
        "الجمعية السورية الألمانية",
    ];
    let mut project = Project::new();
    for name in names {
        project = project.rows(STEUERUNG, "Akteure", &[&[name, "Sonstige"]]);
    }
    let out = project.build(&[]);
    out.assert_code(0);
    assert!(
        !out.stderr.contains("keine Schrift"),
        "missing glyphs:\n{}",
        out.stderr
    );
    assert!(out.warnings().is_empty(), "{}", out.stderr);
    let dir = project.into_dir();
    let text = texts(&the_pdf(dir.path()));
    for name in names {
        assert_shows(&text, name, "actor name");
    }
}

// ---------------------------------------------------------------- missing workbook

#[test]
fn field_without_workbook_keeps_its_heading_and_says_it_is_being_worked_on() {
    let project = Project::new().edit_toml(
        "kurz = \"B\"\n",
        "kurz = \"B\"\n\n[[handlungsfeld]]\nname = \"Arbeit und Wirtschaft\"\nkurz = \"A\"\n",
    );
    let out = project.build(&[]);
    out.assert_code(0);
    let dir = project.into_dir();
    let text = squash(&texts(&the_pdf(dir.path())).raw);
    let heading = squash("3.5 Arbeit und Wirtschaft");
    assert!(
        text.matches(&heading).count() >= 2,
        "heading (contents and body) missing:\n{text}"
    );
    let body = &text[text.rfind(&heading).unwrap()..];
    assert!(
        body.contains(&squash("Dieses Handlungsfeld wird noch bearbeitet.")),
        "no note after the heading:\n{body}"
    );
}

// ---------------------------------------------------------------- options

#[test]
fn typst_flag_writes_the_source_beside_the_pdf() {
    let project = Project::new();
    project.build(&["--typst"]).assert_code(0);
    let dir = project.into_dir();
    let out = dir.path().join("ausgabe");
    let pdf = out.join("Integrationskonzept-Teststadt-1.0.pdf");
    let typ = out.join("Integrationskonzept-Teststadt-1.0.typ");
    assert!(
        pdf.is_file() && typ.is_file(),
        "{:?}",
        std::fs::read_dir(&out).unwrap().collect::<Vec<_>>()
    );
    let source = std::fs::read_to_string(&typ).expect("read .typ");
    assert!(source.contains("Integrationskonzept der Stadt Teststadt"));
}

#[test]
fn pdf_standard_a_2b_builds_a_2b() {
    let (_dir, pdf) = build_clean(Project::new(), &["--pdf-standard", "a-2b"]);
    let meta = xmp(&pdf);
    assert!(xmp_has(&meta, "pdfaid:part", "2"), "{meta}");
    assert!(xmp_has(&meta, "pdfaid:conformance", "B"), "{meta}");
    assert!(
        !meta.contains("pdfuaid:part>") && !meta.contains("pdfuaid:part="),
        "{meta}"
    );
}

#[test]
fn unknown_pdf_standard_is_a_german_usage_error() {
    let project = Project::new();
    let out = project.build(&["--pdf-standard", "foo"]);
    out.assert_code(2);
    assert!(
        out.stderr.contains("ungültiger Wert „foo“"),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("invalid value"), "{}", out.stderr);
    assert!(!project.path().join("ausgabe").exists());
}

// ---------------------------------------------------------------- errors

/// The minimal project with an error: a measure whose goal does not exist.
fn with_error(project: Project) -> Project {
    project.cell(AG, "Maßnahmen", "B2", "7")
}

#[test]
fn build_with_an_error_writes_nothing_and_exits_1() {
    let project = with_error(Project::new());
    let out = project.build(&[]);
    out.assert_code(1);
    assert!(!out.errors().is_empty(), "{}", out.stderr);
    assert!(
        !project.path().join("ausgabe").exists(),
        "an ausgabe folder was created"
    );
}

#[test]
fn build_with_an_error_leaves_the_previous_pdf_untouched() {
    let project = Project::new();
    project.build(&["--typst"]).assert_code(0);
    let dir = project.into_dir();
    let out = dir.path().join("ausgabe");
    let snapshot = || -> Vec<(PathBuf, Vec<u8>, std::time::SystemTime)> {
        let mut files: Vec<_> = std::fs::read_dir(&out)
            .unwrap()
            .map(|e| {
                let p = e.unwrap().path();
                let modified = p.metadata().unwrap().modified().unwrap();
                (p.clone(), std::fs::read(&p).unwrap(), modified)
            })
            .collect();
        files.sort();
        files
    };
    let before = snapshot();
    // Same temp dir, now with an error in the workbook.
    let broken = with_error(Project::new());
    std::fs::copy(broken.write().join(AG), dir.path().join(AG)).expect("copy workbook");
    let result = build(dir.path(), &["--typst"]);
    result.assert_code(1);
    assert!(before == snapshot(), "the ausgabe folder changed");
}
