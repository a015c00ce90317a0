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
use std::time::{Duration, Instant};

/// Options of one build.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub standard: PdfStandard,
    /// Also write the generated Typst source beside the PDF.
    pub write_typst: bool,
    /// Longest time the Typst compilation may take.
    pub time_limit: Duration,
    /// Also write the council submission (Beschlussvorlage) and its OParl
    /// file, if `[ausgabe] formate` asks for it (`vorlage`).
    pub submission: bool,
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions {
            standard: PdfStandard::A2aUa1,
            write_typst: false,
            time_limit: Duration::from_secs(300),
            submission: true,
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
    limit: Duration,
    headings: Option<std::sync::mpsc::Sender<Vec<crate::render::typst::HeadingPos>>>,
) -> Result<crate::render::typst::Compiled, Limit> {
    let (tx, rx) = std::sync::mpsc::channel();
    let input = input.clone();
    std::thread::Builder::new()
        .name("typst".into())
        .stack_size(64 * 1024 * 1024)
        .spawn(move || {
            let _ = tx.send(crate::render::typst::compile_pdf_notify(&input, headings));
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
    /// How long each stage took, in order (for `benches/`).
    pub timings: Vec<(&'static str, Duration)>,
}

impl BuildReport {
    fn stage<T>(&mut self, name: &'static str, f: impl FnOnce(&mut Self) -> T) -> T {
        let start = Instant::now();
        let out = f(self);
        self.timings.push((name, start.elapsed()));
        out
    }

    fn write(&mut self, path: PathBuf, bytes: &[u8], what: String) {
        match write_atomic(&path, bytes) {
            Ok(()) => self.written.push((path, what)),
            Err(e) => {
                self.diagnostics.error(
                    Location::default(),
                    format!("{} kann nicht geschrieben werden: {e}", path.display()),
                );
            }
        }
    }
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

const OUR_BUG: &str =
    "das ist ein Fehler in konzept oder in einer eigenen Vorlage, nicht in den Arbeitsmappen";

/// Builds the documents of the project in `root`.
pub fn build(root: &Path, opts: &BuildOptions) -> BuildReport {
    build_cached(root, opts, None)
}

/// [`build`], taking unchanged workbooks from `cache` (`--watch`).
pub fn build_cached(
    root: &Path,
    opts: &BuildOptions,
    cache: Option<&project::WorkbookCache>,
) -> BuildReport {
    let mut report = BuildReport {
        diagnostics: Diagnostics::new(),
        written: Vec::new(),
        timings: Vec::new(),
    };
    let checked = report.stage("Lesen und Prüfen", |_| project::check_cached(root, cache));
    report.diagnostics = checked.diagnostics.clone();
    if !report.diagnostics.has_errors() {
        // `None` means: stopped with an error already reported.
        let _ = render_and_write(root, opts, &checked, &mut report);
    }
    report
}

fn render_and_write(
    root: &Path,
    opts: &BuildOptions,
    checked: &Checked,
    r: &mut BuildReport,
) -> Option<()> {
    let (konzept, config) = (checked.konzept.as_ref()?, checked.config.as_ref()?);
    let fonts = extra_fonts(root, checked, &mut r.diagnostics);
    let known = families(&fonts);
    if !known
        .iter()
        .any(|f| f.eq_ignore_ascii_case(&konzept.gestaltung.schrift))
    {
        r.diagnostics
            .warning(
                Location::file(crate::config::FILE_NAME),
                format!("die Schrift „{}“ aus `gestaltung.schrift` ist nicht vorhanden; es wird Liberation Sans verwendet", konzept.gestaltung.schrift),
            )
            .hint = Some(format!("verfügbar: {}; eigene Schriftdateien in den Ordner aus `gestaltung.schriften` legen", known.join(", ")));
    }
    let out_dir = match project::project_path(root, &config.ausgabe.verzeichnis) {
        Ok(p) => p,
        Err(msg) => {
            r.diagnostics.error(
                Location::file(crate::config::FILE_NAME),
                format!("`ausgabe.verzeichnis`: {msg}"),
            );
            return None;
        }
    };
    if let Err(e) = std::fs::create_dir_all(&out_dir) {
        r.diagnostics.error(
            Location::default(),
            format!(
                "der Ausgabeordner „{}“ kann nicht angelegt werden: {e}",
                out_dir.display()
            ),
        );
        return None;
    }
    crate::output::remove_stale_temp_files(&out_dir);
    let wants = |f: &str| {
        config
            .ausgabe
            .formate
            .iter()
            .any(|x| x.eq_ignore_ascii_case(f))
    };
    // Not `with_extension`: the version in the name ("-1.0") has a dot.
    let file = |ext: &str| out_dir.join(format!("{}.{ext}", konzept.meta.dateiname));
    let vorlage_file = |ext: &str| out_dir.join(format!("{}.{ext}", konzept.vorlage.dateiname));
    // The submission comes in the concept's formats (both if neither is
    // asked for).
    let submission = opts.submission && wants("vorlage");
    let sub_pdf = submission && (wants("pdf") || !wants("docx"));
    let sub_docx = submission && (wants("docx") || !wants("pdf"));

    let (hb, data, src) = r.stage("Vorlagen", |r| {
        let hb = match pdf::registry_for(&checked.assets) {
            Ok(hb) => hb,
            Err(e) => {
                r.diagnostics.error(Location::default(), e.to_string()).hint = Some(OUR_BUG.into());
                return None;
            }
        };
        // Typst never warns about a glyph no font has, and PDF/A refuses
        // it: replace such characters up front and say where they were.
        let mut data = serde_json::to_value(konzept).expect("model serialises");
        let coverage = pdf::Coverage::new(&fonts);
        for (text, chars) in pdf::substitute_uncovered(&mut data, &coverage) {
            let list: String = chars
                .iter()
                .map(|c| format!("„{c}“ (U+{:04X})", *c as u32))
                .collect::<Vec<_>>()
                .join(", ");
            r.diagnostics
                .warning(
                    Location::default(),
                    format!("für {list} in „{}“ gibt es keine Schrift; das Zeichen wird im Dokument als � gesetzt", short(&text)),
                )
                .hint = Some("das Zeichen in der Arbeitsmappe ersetzen oder eine Schriftdatei, die es enthält, in den Ordner aus `gestaltung.schriften` legen".into());
        }
        pdf::break_long_runs(&mut data);
        let src = pdf::source(&hb, &data, &checked.assets).and_then(|src| {
            let vorlage = if sub_pdf {
                Some(pdf::vorlage_source(&hb, &data, &checked.assets)?)
            } else {
                None
            };
            Ok((src, vorlage))
        });
        match src {
            Ok(src) => Some((hb, data, src)),
            Err(e) => {
                r.diagnostics.error(Location::default(), e.to_string()).hint = Some(OUR_BUG.into());
                None
            }
        }
    })?;
    let (src, vorlage_src) = src;
    if opts.write_typst {
        r.write(file("typ"), src.main.as_bytes(), "Typst-Quelltext".into());
        if let Some(v) = &vorlage_src {
            r.write(
                vorlage_file("typ"),
                v.main.as_bytes(),
                "Typst-Quelltext der Beschlussvorlage".into(),
            );
        }
    }

    // The PDF and, at the same time, the charts for the DOCX and the
    // submission's PDF (all Typst).
    let input = pdf::input(konzept, src, opts.standard, fonts.clone());
    let vorlage_input = vorlage_src.map(|v| pdf::input(konzept, v, opts.standard, fonts.clone()));
    let start = Instant::now();
    let (headings_tx, headings_rx) =
        std::sync::mpsc::channel::<Vec<crate::render::typst::HeadingPos>>();
    let (compiled, charts, vorlage_compiled, vorlage_docx) = std::thread::scope(|s| {
        let charts = wants("docx")
            .then(|| s.spawn(|| pdf::charts(&hb, konzept, &data, &checked.assets, fonts.clone())));
        // The DOCX as soon as the layout has its page numbers (for the table
        // of contents) and the charts are drawn, while the PDF is exported.
        let docx = charts.map(|charts| {
            s.spawn(move || {
                let charts = charts
                    .join()
                    .unwrap_or_else(|_| Err("interner Fehler".into()));
                let docx = headings_rx
                    .recv_timeout(opts.time_limit)
                    .ok()
                    .map(|headings| {
                        let start = Instant::now();
                        let docx = crate::render::docx::render_docx(
                            konzept,
                            &checked.assets,
                            &headings,
                            charts.as_deref().unwrap_or(&[]),
                        );
                        (docx, start.elapsed())
                    });
                (charts, docx)
            })
        });
        let vorlage = vorlage_input
            .as_ref()
            .map(|v| s.spawn(|| compile_with_limit(v, opts.time_limit, None)));
        // The submission's DOCX needs nothing of the concept's layout.
        let vorlage_docx = sub_docx.then(|| {
            s.spawn(|| {
                let start = Instant::now();
                let docx = crate::render::docx::render_vorlage_docx(konzept, &checked.assets);
                (docx, start.elapsed())
            })
        });
        let compiled = compile_with_limit(
            &input,
            opts.time_limit,
            wants("docx").then_some(headings_tx),
        );
        (
            compiled,
            docx.map(|h| {
                h.join()
                    .unwrap_or_else(|_| (Err("interner Fehler".into()), None))
            }),
            vorlage.map(|h| {
                h.join().unwrap_or_else(|_| {
                    Err(Limit::Failed(vec![TypstMessage::internal(
                        "interner Fehler".to_string(),
                    )]))
                })
            }),
            vorlage_docx.map(|h| {
                h.join().unwrap_or_else(|_| {
                    (
                        Err(crate::render::templates::TemplateError {
                            file: "Beschlussvorlage (DOCX)".into(),
                            line: None,
                            message: "interner Fehler".into(),
                        }),
                        Duration::ZERO,
                    )
                })
            }),
        )
    });
    r.timings
        .push(("Typst (PDF und Diagramme)", start.elapsed()));
    let compiled = typst_result(r, compiled, &input.main, "des PDF", opts.time_limit)?;
    // Parts of the stage above (for `benches/`): layout and export of the PDF.
    r.timings.push(("Typst-Satz", compiled.layout_time));
    r.timings.push(("PDF-Export", compiled.export_time));

    if wants("pdf") {
        r.stage("PDF schreiben", |r| {
            r.write(
                file("pdf"),
                &compiled.pdf,
                format!("PDF, {} Seiten", compiled.pages),
            )
        });
    }
    let mut concept_docx: Option<Vec<u8>> = None;
    if let Some((charts, docx)) = charts {
        // The TOC page numbers come from the PDF layout of this build.
        if let Err(msg) = charts {
            r.diagnostics.warning(
                Location::default(),
                format!("die Diagramme für das DOCX konnten nicht gezeichnet werden: {msg}"),
            );
        }
        let docx = docx.map_or_else(
            || {
                Err(crate::render::templates::TemplateError {
                    file: "DOCX".into(),
                    line: None,
                    message: "das Inhaltsverzeichnis des DOCX hat keine Seitenzahlen erhalten"
                        .into(),
                })
            },
            |(docx, took)| {
                r.timings.push(("DOCX", took));
                docx
            },
        );
        match docx {
            Ok(bytes) => r.stage("DOCX schreiben", |r| {
                r.write(file("docx"), &bytes, "DOCX".into());
                concept_docx = Some(bytes);
            }),
            Err(e) => {
                r.diagnostics.error(Location::default(), e.to_string()).hint = Some(OUR_BUG.into());
            }
        }
    }
    if submission {
        let concept_pdf = wants("pdf").then_some(compiled.pdf.as_slice());
        let vorlage_pdf = match (vorlage_compiled, vorlage_input.as_ref()) {
            (Some(c), Some(inp)) => Some(typst_result(
                r,
                c,
                &inp.main,
                "der Beschlussvorlage (PDF)",
                opts.time_limit,
            )?),
            _ => None,
        };
        write_submission(
            r,
            konzept,
            &out_dir,
            vorlage_pdf.as_ref(),
            vorlage_docx,
            concept_pdf,
            concept_docx.as_deref(),
        );
    }
    Some(())
}

/// The result of a Typst compilation: the PDF, or errors reported (then
/// `None`); warnings and missing glyphs reported as warnings.
fn typst_result(
    r: &mut BuildReport,
    result: Result<crate::render::typst::Compiled, Limit>,
    main: &str,
    what: &str,
    limit: Duration,
) -> Option<crate::render::typst::Compiled> {
    let compiled = match result {
        Ok(c) => c,
        Err(Limit::TimedOut) => {
            r.diagnostics
                .error(
                    Location::default(),
                    format!("das Setzen {what} dauerte länger als {} Sekunden und wurde abgebrochen", limit.as_secs()),
                )
                .hint = Some("eine eigene Vorlage enthält vermutlich eine Endlosschleife; mit --typst den erzeugten Quelltext prüfen".into());
            return None;
        }
        Err(Limit::Failed(msgs)) => {
            typst_error(
                &mut r.diagnostics,
                &format!("Das Setzen {what}"),
                &msgs,
                main,
            );
            return None;
        }
    };
    for w in &compiled.warnings {
        let origin = w
            .line
            .and_then(|l| template_of(main, l))
            .unwrap_or("templates/typst/main.typ.hbs");
        r.diagnostics.warning(
            Location::default(),
            format!("Typst: {w}\n  (aus der Vorlage {origin})"),
        );
    }
    for text in &compiled.missing_glyphs {
        r.diagnostics
            .warning(
                Location::default(),
                format!("für Zeichen in „{}“ gibt es keine Schrift; sie erscheinen im PDF als leere Kästchen", short(text)),
            )
            .hint = Some("eine Schriftdatei mit diesen Zeichen in den Ordner aus `gestaltung.schriften` legen".into());
    }
    Some(compiled)
}

/// Writes the council submission: its PDF (already compiled), its DOCX and
/// the OParl `Paper` that lists them with the concept's files.
#[allow(clippy::too_many_arguments)]
fn write_submission(
    r: &mut BuildReport,
    konzept: &crate::model::Konzept,
    out_dir: &Path,
    pdf: Option<&crate::render::typst::Compiled>,
    docx: Option<(
        Result<Vec<u8>, crate::render::templates::TemplateError>,
        Duration,
    )>,
    concept_pdf: Option<&[u8]>,
    concept_docx: Option<&[u8]>,
) {
    use crate::render::oparl::{self, Datei};
    let v = &konzept.vorlage;
    let path = |ext: &str| out_dir.join(format!("{}.{ext}", v.dateiname));
    if let Some(c) = pdf {
        r.stage("Beschlussvorlage (PDF) schreiben", |r| {
            r.write(
                path("pdf"),
                &c.pdf,
                format!("Beschlussvorlage, PDF, {} Seiten", c.pages),
            )
        });
    }
    let vorlage_docx = if let Some((docx, took)) = docx {
        r.timings.push(("Beschlussvorlage (DOCX)", took));
        match docx {
            Ok(bytes) => {
                r.write(path("docx"), &bytes, "Beschlussvorlage, DOCX".into());
                Some(bytes)
            }
            Err(e) => {
                r.diagnostics.error(Location::default(), e.to_string()).hint = Some(OUR_BUG.into());
                None
            }
        }
    } else {
        None
    };
    if r.diagnostics.has_errors() {
        return;
    }
    let titel = format!("{}: {}", v.art, v.betreff);
    let anlage = v.anlagen.first().map_or_else(
        || v.betreff.clone(),
        |a| format!("Anlage {}: {}", a.nr, a.titel),
    );
    let mut files: Vec<Datei> = Vec::new();
    if let Some(c) = pdf {
        files.push(Datei {
            name: format!("{titel} (PDF)"),
            datei: format!("{}.pdf", v.dateiname),
            mime: oparl::PDF,
            bytes: &c.pdf,
        });
    }
    if let Some(b) = &vorlage_docx {
        files.push(Datei {
            name: format!("{titel} (DOCX)"),
            datei: format!("{}.docx", v.dateiname),
            mime: oparl::DOCX,
            bytes: b,
        });
    }
    if let Some(b) = concept_pdf {
        files.push(Datei {
            name: format!("{anlage} (PDF)"),
            datei: v.konzept_pdf.clone(),
            mime: oparl::PDF,
            bytes: b,
        });
    }
    if let Some(b) = concept_docx {
        files.push(Datei {
            name: format!("{anlage} (DOCX)"),
            datei: v.konzept_docx.clone(),
            mime: oparl::DOCX,
            bytes: b,
        });
    }
    // The submission itself is the main file; everything else is attached.
    let main = (!files.is_empty()).then(|| files.remove(0));
    let json = oparl::paper(konzept, main.as_ref(), &files);
    r.write(
        path("oparl.json"),
        &json,
        "Beschlussvorlage, OParl-Paper (JSON)".into(),
    );
}

fn short(s: &str) -> String {
    if s.chars().count() > 60 {
        format!("{}…", s.chars().take(60).collect::<String>())
    } else {
        s.to_string()
    }
}
