//! `konzept build`: check, render, compile, write.
//!
//! Runs the same reading and checks as `check`; with errors nothing is
//! written. Every later failure (a template or Typst error: our bug, or a
//! broken template override) becomes a diagnostic, never a panic.

use crate::diag::{Diagnostics, Location};
use crate::output::write_atomic;
use crate::project::{self, Checked};
use crate::render::pdf;
use crate::render::typst::{PdfStandard, TypstMessage};
use std::path::{Path, PathBuf};

/// Options of one build.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub standard: PdfStandard,
    /// Also write the generated Typst source beside the PDF.
    pub write_typst: bool,
    /// Longest time the Typst compilation may take.
    pub time_limit: std::time::Duration,
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions {
            standard: PdfStandard::A2aUa1,
            write_typst: false,
            time_limit: std::time::Duration::from_secs(300),
        }
    }
}

enum Limit {
    TimedOut,
    Failed(Vec<TypstMessage>),
}

/// Typst cannot be cancelled from inside, so it runs on its own thread; a
/// compilation that does not finish in time (a runaway template override) is
/// abandoned with an error, and the process ends after reporting it.
fn compile_with_limit(
    input: &crate::render::typst::TypstInput,
    limit: std::time::Duration,
) -> Result<crate::render::typst::Compiled, Limit> {
    let (tx, rx) = std::sync::mpsc::channel();
    let input = input.clone();
    std::thread::Builder::new()
        .name("typst".into())
        .stack_size(64 * 1024 * 1024)
        .spawn(move || {
            let _ = tx.send(pdf::compile(&input));
        })
        .map_err(|e| Limit::Failed(vec![TypstMessage::internal(format!("Thread: {e}"))]))?;
    match rx.recv_timeout(limit) {
        Ok(r) => r.map_err(Limit::Failed),
        Err(_) => Err(Limit::TimedOut),
    }
}

/// What a build did.
pub struct BuildReport {
    pub diagnostics: Diagnostics,
    /// Files written, with a short German description.
    pub written: Vec<(PathBuf, String)>,
}

/// Extensions of font files taken from `gestaltung.schriften`.
const FONT_EXTS: [&str; 4] = ["ttf", "otf", "ttc", "otc"];

/// Reads the municipality's own font files (`gestaltung.schriften`).
fn extra_fonts(root: &Path, checked: &Checked, diags: &mut Diagnostics) -> Vec<Vec<u8>> {
    let Some(dir) = checked
        .config
        .as_ref()
        .and_then(|c| c.gestaltung.schriften.clone())
    else {
        return vec![];
    };
    let path = match project::project_path(root, &dir) {
        Ok(p) => p,
        Err(msg) => {
            diags.error(
                Location::file(crate::config::FILE_NAME),
                format!("`gestaltung.schriften`: {msg}"),
            );
            return vec![];
        }
    };
    let entries = match std::fs::read_dir(&path) {
        Ok(e) => e,
        Err(_) => {
            diags.error(
                Location::file(crate::config::FILE_NAME),
                format!(
                    "der Schriftenordner „{dir}“ aus `gestaltung.schriften` wurde nicht gefunden"
                ),
            );
            return vec![];
        }
    };
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| FONT_EXTS.contains(&e.to_lowercase().as_str()))
        })
        .collect();
    files.sort();
    files
        .into_iter()
        .filter_map(|p| std::fs::read(p).ok())
        .collect()
}

/// The font families available to the document: the embedded ones and those
/// of the extra files.
fn families(extra: &[Vec<u8>]) -> Vec<String> {
    let mut names: Vec<String> = crate::render::typst::embedded_fonts()
        .iter()
        .map(|f| f.info().family.clone())
        .collect();
    for bytes in extra {
        for f in typst::text::Font::iter(typst::foundations::Bytes::new(bytes.clone())) {
            names.push(f.info().family.clone());
        }
    }
    names.sort();
    names.dedup();
    names
}

/// The template a line of the generated source came from: each partial
/// starts with a `// Vorlage: …` comment.
fn template_of(source: &str, line: usize) -> Option<&str> {
    source
        .lines()
        .take(line)
        .filter_map(|l| l.trim().strip_prefix("// Vorlage: "))
        .last()
}

fn typst_error(diags: &mut Diagnostics, what: &str, msgs: &[TypstMessage], source: &str) {
    let details: Vec<String> = msgs
        .iter()
        .map(|m| {
            let origin = m
                .line
                .map(|l| template_of(source, l).unwrap_or("templates/typst/main.typ.hbs"))
                .map(|t| format!("\n  (aus der Vorlage {t})"))
                .unwrap_or_default();
            format!("{m}{origin}")
        })
        .collect();
    diags
        .error(Location::default(), format!("{what} ist fehlgeschlagen:\n{}", details.join("\n")))
        .hint = Some(
        "das ist ein Fehler in konzept oder in einer eigenen Vorlage, nicht in den Arbeitsmappen; mit --typst wird der erzeugte Typst-Quelltext zur Fehlersuche mitgeschrieben".into(),
    );
}

/// Builds the documents of the project in `root`.
pub fn build(root: &Path, opts: &BuildOptions) -> BuildReport {
    let checked = project::check(root);
    let mut diags = checked.diagnostics.clone();
    let mut written = Vec::new();
    let (Some(konzept), Some(config)) = (&checked.konzept, &checked.config) else {
        return BuildReport {
            diagnostics: diags,
            written,
        };
    };
    if diags.has_errors() {
        return BuildReport {
            diagnostics: diags,
            written,
        };
    }
    let fonts = extra_fonts(root, &checked, &mut diags);
    let known = families(&fonts);
    if !known
        .iter()
        .any(|f| f.eq_ignore_ascii_case(&konzept.gestaltung.schrift))
    {
        diags
            .warning(
                Location::file(crate::config::FILE_NAME),
                format!("die Schrift „{}“ aus `gestaltung.schrift` ist nicht vorhanden; es wird Liberation Sans verwendet", konzept.gestaltung.schrift),
            )
            .hint = Some(format!("verfügbar: {}; eigene Schriftdateien in den Ordner aus `gestaltung.schriften` legen", known.join(", ")));
    }
    let out_dir = match project::project_path(root, &config.ausgabe.verzeichnis) {
        Ok(p) => p,
        Err(msg) => {
            diags.error(
                Location::file(crate::config::FILE_NAME),
                format!("`ausgabe.verzeichnis`: {msg}"),
            );
            return BuildReport {
                diagnostics: diags,
                written,
            };
        }
    };
    if let Err(e) = std::fs::create_dir_all(&out_dir) {
        diags.error(
            Location::default(),
            format!(
                "der Ausgabeordner „{}“ kann nicht angelegt werden: {e}",
                out_dir.display()
            ),
        );
        return BuildReport {
            diagnostics: diags,
            written,
        };
    }
    crate::output::remove_stale_temp_files(&out_dir);
    let formats: Vec<String> = config
        .ausgabe
        .formate
        .iter()
        .map(|f| f.to_lowercase())
        .collect();
    // Not `with_extension`: the version in the name ("-1.0") has a dot.
    let file = |ext: &str| out_dir.join(format!("{}.{ext}", konzept.meta.dateiname));

    let hb = match pdf::registry() {
        Ok(hb) => hb,
        Err(e) => {
            diags.error(Location::default(), e.to_string());
            return BuildReport {
                diagnostics: diags,
                written,
            };
        }
    };
    // Typst never warns about a glyph no font has, and PDF/A refuses it:
    // replace such characters up front and say where they were.
    let mut data = serde_json::to_value(konzept).expect("model serialises");
    let coverage = pdf::Coverage::new(&fonts);
    for (text, chars) in pdf::substitute_uncovered(&mut data, &coverage) {
        let list: String = chars
            .iter()
            .map(|c| format!("„{c}“ (U+{:04X})", *c as u32))
            .collect::<Vec<_>>()
            .join(", ");
        diags
            .warning(
                Location::default(),
                format!("für {list} in „{}“ gibt es keine Schrift; das Zeichen wird im Dokument als � gesetzt", short(&text)),
            )
            .hint = Some("das Zeichen in der Arbeitsmappe ersetzen oder eine Schriftdatei, die es enthält, in den Ordner aus `gestaltung.schriften` legen".into());
    }
    let src = match pdf::source(&hb, &data, &checked.assets) {
        Ok(s) => s,
        Err(e) => {
            diags.error(Location::default(), e.to_string()).hint =
                Some("das ist ein Fehler in konzept oder in einer eigenen Vorlage".into());
            return BuildReport {
                diagnostics: diags,
                written,
            };
        }
    };
    if opts.write_typst {
        let p = file("typ");
        match write_atomic(&p, src.main.as_bytes()) {
            Ok(()) => written.push((p, "Typst-Quelltext".into())),
            Err(e) => {
                diags.error(
                    Location::default(),
                    format!("{} kann nicht geschrieben werden: {e}", p.display()),
                );
            }
        }
    }
    let fonts_for_charts = fonts.clone();
    let input = pdf::input(konzept, src, opts.standard, fonts);
    let compiled = match compile_with_limit(&input, opts.time_limit) {
        Ok(c) => c,
        Err(Limit::TimedOut) => {
            diags
                .error(
                    Location::default(),
                    format!("das Setzen des PDF dauerte länger als {} Sekunden und wurde abgebrochen", opts.time_limit.as_secs()),
                )
                .hint = Some("eine eigene Vorlage enthält vermutlich eine Endlosschleife; mit --typst den erzeugten Quelltext prüfen".into());
            return BuildReport {
                diagnostics: diags,
                written,
            };
        }
        Err(Limit::Failed(msgs)) => {
            typst_error(&mut diags, "Das Setzen des PDF", &msgs, &input.main);
            return BuildReport {
                diagnostics: diags,
                written,
            };
        }
    };
    for w in &compiled.warnings {
        let origin = w
            .line
            .and_then(|l| template_of(&input.main, l))
            .unwrap_or("templates/typst/main.typ.hbs");
        diags.warning(
            Location::default(),
            format!("Typst: {w}\n  (aus der Vorlage {origin})"),
        );
    }
    for text in &compiled.missing_glyphs {
        diags
            .warning(
                Location::default(),
                format!("für Zeichen in „{}“ gibt es keine Schrift; sie erscheinen im PDF als leere Kästchen", short(text)),
            )
            .hint = Some("eine Schriftdatei mit diesen Zeichen in den Ordner aus `gestaltung.schriften` legen".into());
    }
    if formats.iter().any(|f| f == "docx") {
        // The charts as images of the same charts, and the TOC page numbers
        // from the PDF layout of this build.
        let charts = match pdf::charts(&hb, konzept, &data, &checked.assets, fonts_for_charts) {
            Ok(c) => c,
            Err(msg) => {
                diags.warning(
                    Location::default(),
                    format!("die Diagramme für das DOCX konnten nicht gezeichnet werden: {msg}"),
                );
                vec![]
            }
        };
        match crate::render::docx::render_docx(
            konzept,
            &checked.assets,
            &compiled.headings,
            &charts,
        ) {
            Ok(bytes) => {
                let p = file("docx");
                match write_atomic(&p, &bytes) {
                    Ok(()) => written.push((p, "DOCX".into())),
                    Err(e) => {
                        diags.error(
                            Location::default(),
                            format!("{} kann nicht geschrieben werden: {e}", p.display()),
                        );
                    }
                }
            }
            Err(e) => {
                diags.error(Location::default(), e.to_string()).hint =
                    Some("das ist ein Fehler in konzept oder in einer eigenen Vorlage, nicht in den Arbeitsmappen".into());
            }
        }
    }
    if formats.iter().any(|f| f == "pdf") {
        let p = file("pdf");
        match write_atomic(&p, &compiled.pdf) {
            Ok(()) => written.push((p, format!("PDF, {} Seiten", compiled.pages))),
            Err(e) => {
                diags.error(
                    Location::default(),
                    format!("{} kann nicht geschrieben werden: {e}", p.display()),
                );
            }
        }
    }
    BuildReport {
        diagnostics: diags,
        written,
    }
}

fn short(s: &str) -> String {
    if s.chars().count() > 60 {
        format!("{}…", s.chars().take(60).collect::<String>())
    } else {
        s.to_string()
    }
}
