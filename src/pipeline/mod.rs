//! `konzept check` and `konzept build`: read → merge → render → write.
//!
//! [`check`] reads the project (`project/`) and merges it into the model
//! (`merge/`); every problem a build would find before rendering is found
//! here. [`build`] runs the same check; with errors nothing is written.
//! Rendering reads nothing from disk: everything comes from [`Checked`].
//! Every later failure (a template or Typst error: our bug, or a broken
//! template override) becomes a diagnostic, never a panic.

mod odt;
mod submission;
pub(crate) mod typst_run;

use crate::config::Config;
use crate::diag::{Diagnostics, Location};
use crate::merge::{self, Inputs};
use crate::model::Konzept;
use crate::output::write_atomic;
use crate::project::{self, Assets, WorkbookCache};
use crate::render::shared::{ChartImage, TemplateError};
use crate::render::typst::{
    self as pdf, Compiled, HeadingPos, PdfStandard, Source, TypstInput, TypstMessage,
};
use handlebars::Handlebars;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use typst_run::{compile_with_limit, typst_result, Limit};

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
    /// Instead of the concept, the extract for this place (`--auszug`).
    pub auszug: Option<String>,
    /// The formats of `konzept build --format` in place of `[ausgabe]
    /// formate` (empty: those of konzept.toml).
    pub formate: Vec<String>,
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions {
            standard: PdfStandard::A2aUa1,
            write_typst: false,
            time_limit: Duration::from_secs(300),
            submission: true,
            auszug: None,
            formate: Vec::new(),
        }
    }
}

/// The outcome of reading and checking a project: what `konzept check`
/// reports and what `konzept build` renders.
pub struct Checked {
    pub root: PathBuf,
    pub config: Option<Config>,
    pub konzept: Option<Konzept>,
    pub assets: Assets,
    pub diagnostics: Diagnostics,
}

/// Reads and checks the project in `root`.
pub fn check(root: &Path) -> Checked {
    check_cached(root, None)
}

/// Reads and checks the project in `root`, taking unchanged workbooks from
/// `cache` when given: reads every file (`project/`), then merges the cells
/// into the model (`merge/`).
pub fn check_cached(root: &Path, cache: Option<&WorkbookCache>) -> Checked {
    let mut diagnostics = Diagnostics::new();
    let mut out = Checked {
        root: root.to_path_buf(),
        config: None,
        konzept: None,
        assets: Assets::default(),
        diagnostics: Diagnostics::new(),
    };
    let Some(project) = project::read(root, cache, &mut diagnostics) else {
        out.diagnostics = diagnostics;
        return out;
    };
    let konzept = merge::merge(
        &Inputs {
            config: &project.config,
            steuerung: project.steuerung.as_ref(),
            arbeitsgruppen: &project.arbeitsgruppen,
            logo: project.assets.logo.as_ref().map(|(n, _)| n.clone()),
        },
        &mut diagnostics,
    );
    out.konzept = Some(konzept);
    out.config = Some(project.config);
    out.assets = project.assets;
    out.diagnostics = diagnostics;
    out
}

/// What a build did.
pub struct BuildReport {
    pub diagnostics: Diagnostics,
    /// Files written, with a short German description.
    pub written: Vec<(PathBuf, String)>,
    /// For each file of `written`, how long after the start of the build
    /// it was on disk (`--watch` reports it: the PDF is written as soon as
    /// it is exported, while the DOCX and ODT are still being made).
    pub written_after: Vec<Duration>,
    started: Instant,
    /// How long each stage took, in order (for `benches/`).
    pub timings: Vec<(&'static str, Duration)>,
}

impl BuildReport {
    pub(crate) fn new() -> BuildReport {
        BuildReport {
            diagnostics: Diagnostics::new(),
            written: Vec::new(),
            written_after: Vec::new(),
            started: Instant::now(),
            timings: Vec::new(),
        }
    }

    fn stage<T>(&mut self, name: &'static str, f: impl FnOnce(&mut Self) -> T) -> T {
        let start = Instant::now();
        let out = f(self);
        self.timings.push((name, start.elapsed()));
        out
    }

    pub(crate) fn write(&mut self, path: PathBuf, bytes: &[u8], what: String) {
        match write_atomic(&path, bytes) {
            Ok(()) => {
                self.written.push((path, what));
                self.written_after.push(self.started.elapsed());
            }
            Err(e) => {
                self.diagnostics.error(
                    Location::default(),
                    format!("{} kann nicht geschrieben werden: {e}", path.display()),
                );
            }
        }
    }
}

pub(crate) const OUR_BUG: &str =
    "das ist ein Fehler in konzept oder in einer eigenen Vorlage, nicht in den Arbeitsmappen";

/// Builds the documents of the project in `root`.
pub fn build(root: &Path, opts: &BuildOptions) -> BuildReport {
    build_cached(root, opts, None)
}

/// [`build`], taking unchanged workbooks from `cache` (`--watch`).
pub fn build_cached(
    root: &Path,
    opts: &BuildOptions,
    cache: Option<&WorkbookCache>,
) -> BuildReport {
    let mut report = BuildReport::new();
    let mut checked = report.stage("Lesen und Prüfen", |_| check_cached(root, cache));
    report.diagnostics = checked.diagnostics.clone();
    if let (Some(place), Some(k)) = (&opts.auszug, &checked.konzept) {
        match crate::merge::extract(k, place) {
            Ok(extract) => checked.konzept = Some(extract),
            Err(d) => report.diagnostics.push(*d),
        }
    }
    if !report.diagnostics.has_errors() {
        // `None` means: stopped with an error already reported.
        let _ = render_and_write(root, opts, &checked, &mut report);
    }
    report
}

/// Where a build writes and which documents it makes.
struct Plan {
    out_dir: PathBuf,
    /// The concept's file name without extension.
    name: String,
    /// The submission's file name without extension.
    submission_name: String,
    pdf: bool,
    docx: bool,
    /// The council submission (Beschlussvorlage) and its OParl file.
    submission: bool,
    submission_pdf: bool,
    submission_docx: bool,
    odt: bool,
    submission_odt: bool,
}

impl Plan {
    /// Not `with_extension`: the version in the name ("-1.0") has a dot.
    fn file(&self, ext: &str) -> PathBuf {
        self.out_dir.join(format!("{}.{ext}", self.name))
    }

    fn submission_file(&self, ext: &str) -> PathBuf {
        self.out_dir.join(format!("{}.{ext}", self.submission_name))
    }
}

/// The output folder (created) and the documents `[ausgabe] formate` asks for.
fn plan(
    root: &Path,
    opts: &BuildOptions,
    config: &Config,
    konzept: &Konzept,
    r: &mut BuildReport,
) -> Option<Plan> {
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
    let formate = if opts.formate.is_empty() {
        &config.ausgabe.formate
    } else {
        &opts.formate
    };
    let wants = |f: &str| formate.iter().any(|x| x.eq_ignore_ascii_case(f));
    // The submission comes in the concept's formats (both if neither is
    // asked for).
    let submission = opts.submission && wants("vorlage") && konzept.auszug.is_none();
    Some(Plan {
        out_dir,
        name: konzept.meta.dateiname.clone(),
        submission_name: konzept.vorlage.dateiname.clone(),
        pdf: wants("pdf"),
        docx: wants("docx"),
        submission,
        submission_pdf: submission && (wants("pdf") || !(wants("docx") || wants("odt"))),
        submission_docx: submission && (wants("docx") || !(wants("pdf") || wants("odt"))),
        odt: wants("odt"),
        submission_odt: submission && wants("odt"),
    })
}

/// The templates stage: the serialised model every renderer starts from
/// (what `konzept check --model` prints), the Typst registry and the model
/// as the Typst templates see it.
struct Prepared {
    model: Value,
    hb: Handlebars<'static>,
    data: Value,
}

/// Makes the registry, the Typst model and the generated sources of the
/// concept and (if asked for) the submission.
fn prepare(
    r: &mut BuildReport,
    checked: &Checked,
    model: Value,
    plan: &Plan,
) -> Option<(Prepared, Source, Option<Source>)> {
    let hb = match pdf::registry_for(&checked.assets) {
        Ok(hb) => hb,
        Err(e) => {
            r.diagnostics.error(Location::default(), e.to_string()).hint = Some(OUR_BUG.into());
            return None;
        }
    };
    // Typst never warns about a glyph no font has, and PDF/A refuses
    // it: such characters are replaced up front; say where they were.
    let (data, uncovered) = pdf::for_typst(&model, &checked.assets.fonts);
    for pdf::Uncovered { text, chars } in uncovered {
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
    let sources = pdf::source(&hb, &data, &checked.assets).and_then(|concept| {
        let submission = if plan.submission_pdf {
            Some(pdf::submission_source(&hb, &data, &checked.assets)?)
        } else {
            None
        };
        Ok((concept, submission))
    });
    match sources {
        Ok((concept, submission)) => Some((Prepared { model, hb, data }, concept, submission)),
        Err(e) => {
            r.diagnostics.error(Location::default(), e.to_string()).hint = Some(OUR_BUG.into());
            None
        }
    }
}

/// A rendered DOCX and how long it took.
type TimedDocx = (Result<Vec<u8>, TemplateError>, Duration);

/// The charts drawn for the DOCX and ODT, the DOCX and the ODT (`None` when
/// not asked for or when they got no page numbers in time).
type DocxResult = (
    Result<Vec<ChartImage>, String>,
    Option<TimedDocx>,
    Option<TimedDocx>,
);

/// What the parallel typesetting stage made.
struct Typeset {
    /// The concept's PDF (already written), `None` after an error reported.
    concept: Option<Compiled>,
    docx: Option<DocxResult>,
    submission_pdf: Option<Result<Compiled, Limit>>,
    submission_docx: Option<TimedDocx>,
    submission_odt: Option<TimedDocx>,
}

/// The PDF and, at the same time, the charts for the DOCX, the DOCX itself
/// (as soon as the layout has its page numbers), and the submission's PDF
/// and DOCX.
fn typeset(
    r: &mut BuildReport,
    opts: &BuildOptions,
    checked: &Checked,
    plan: &Plan,
    prepared: &Prepared,
    input: &TypstInput,
    submission_input: Option<&TypstInput>,
) -> Typeset {
    let (headings_tx, headings_rx) = std::sync::mpsc::channel::<Vec<HeadingPos>>();
    let fonts = &checked.assets.fonts;
    std::thread::scope(|s| {
        let charts = (plan.docx || plan.odt).then(|| {
            s.spawn(|| {
                in_background();
                pdf::charts::charts(
                    &prepared.hb,
                    &prepared.model,
                    &prepared.data,
                    &checked.assets,
                    fonts.clone(),
                )
            })
        });
        // The DOCX as soon as the layout has its page numbers (for the table
        // of contents) and the charts are drawn, while the PDF is exported.
        let docx = charts.map(|charts| {
            s.spawn(move || {
                in_background();
                let charts = charts
                    .join()
                    .unwrap_or_else(|_| Err("interner Fehler".into()));
                let headings = headings_rx.recv_timeout(opts.time_limit).ok();
                let docx = headings.as_ref().filter(|_| plan.docx).map(|headings| {
                    let start = Instant::now();
                    let docx = crate::render::docx::render_docx(
                        &prepared.model,
                        &checked.assets,
                        headings,
                        charts.as_deref().unwrap_or(&[]),
                    );
                    (docx, start.elapsed())
                });
                let odt = headings.as_ref().filter(|_| plan.odt).map(|headings| {
                    let start = Instant::now();
                    let odt = crate::render::odt::render_odt(
                        &prepared.model,
                        &checked.assets,
                        headings,
                        charts.as_deref().unwrap_or(&[]),
                    );
                    (odt, start.elapsed())
                });
                (charts, docx, odt)
            })
        });
        let submission_pdf = submission_input.map(|v| {
            s.spawn(|| {
                in_background();
                compile_with_limit(v, opts.time_limit, None)
            })
        });
        // The submission's DOCX needs nothing of the concept's layout.
        let submission_docx = plan.submission_docx.then(|| {
            s.spawn(|| {
                in_background();
                let start = Instant::now();
                let docx =
                    crate::render::docx::render_submission_docx(&prepared.model, &checked.assets);
                (docx, start.elapsed())
            })
        });
        let submission_odt = plan.submission_odt.then(|| {
            s.spawn(|| {
                in_background();
                let start = Instant::now();
                let odt =
                    crate::render::odt::render_submission_odt(&prepared.model, &checked.assets);
                (odt, start.elapsed())
            })
        });
        let concept = compile_with_limit(
            input,
            opts.time_limit,
            (plan.docx || plan.odt).then_some(headings_tx),
        );
        // The PDF is on disk as soon as it is exported, while the DOCX and
        // ODT are still being made (what `--watch` users look at first).
        let concept = typst_result(r, concept, &input.main, "des PDF", opts.time_limit);
        if let Some(compiled) = &concept {
            // Parts of the stage (for `benches/`): layout and export of the PDF.
            r.timings.push(("Typst-Satz", compiled.layout_time));
            r.timings.push(("PDF-Export", compiled.export_time));
            if plan.pdf {
                r.stage("PDF schreiben", |r| {
                    r.write(
                        plan.file("pdf"),
                        &compiled.pdf,
                        format!("PDF, {} Seiten", compiled.pages),
                    )
                });
            }
        }
        Typeset {
            concept,
            docx: docx.map(|h| {
                h.join()
                    .unwrap_or_else(|_| (Err("interner Fehler".into()), None, None))
            }),
            submission_pdf: submission_pdf.map(|h| {
                h.join().unwrap_or_else(|_| {
                    Err(Limit::Failed(vec![TypstMessage::internal(
                        "interner Fehler".to_string(),
                    )]))
                })
            }),
            submission_docx: submission_docx.map(|h| joined(h, "Beschlussvorlage (DOCX)")),
            submission_odt: submission_odt.map(|h| joined(h, "Beschlussvorlage (ODT)")),
        }
    })
}

/// Lets the calling thread (and the threads it starts) yield to the
/// concept's layout, which every user waits for, most of all in `--watch`:
/// on two cores the Beschlussvorlage, the charts and the DOCX would
/// otherwise take half of the layout's core. Linux only (a per-thread nice
/// value of 10); elsewhere nothing changes.
fn in_background() {
    #[cfg(target_os = "linux")]
    // SAFETY: setpriority only changes the scheduling weight of the calling
    // thread (Linux keeps the nice value per thread); no memory is touched.
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, 0, 10);
    }
}

/// The result of a renderer's thread; a panic there is an internal error.
fn joined(h: std::thread::ScopedJoinHandle<'_, TimedDocx>, file: &str) -> TimedDocx {
    h.join().unwrap_or_else(|_| {
        (
            Err(TemplateError {
                file: file.into(),
                line: None,
                message: "interner Fehler".into(),
            }),
            Duration::ZERO,
        )
    })
}

fn render_and_write(
    root: &Path,
    opts: &BuildOptions,
    checked: &Checked,
    r: &mut BuildReport,
) -> Option<()> {
    let (konzept, config) = (checked.konzept.as_ref()?, checked.config.as_ref()?);
    let fonts = &checked.assets.fonts;
    let plan = plan(root, opts, config, konzept, r)?;
    // The one serialised model every renderer starts from (what
    // `konzept check --model` prints).
    let model = serde_json::to_value(konzept).expect("model serialises");
    let (prepared, concept, submission) =
        r.stage("Vorlagen", |r| prepare(r, checked, model, &plan))?;
    let model = &prepared.model;
    if opts.write_typst {
        r.write(
            plan.file("typ"),
            concept.main.as_bytes(),
            "Typst-Quelltext".into(),
        );
        if let Some(v) = &submission {
            r.write(
                plan.submission_file("typ"),
                v.main.as_bytes(),
                "Typst-Quelltext der Beschlussvorlage".into(),
            );
        }
    }
    let input = pdf::input(model, concept, opts.standard, fonts.clone());
    let submission_input = submission.map(|v| pdf::input(model, v, opts.standard, fonts.clone()));
    let start = Instant::now();
    let typeset = typeset(
        r,
        opts,
        checked,
        &plan,
        &prepared,
        &input,
        submission_input.as_ref(),
    );
    r.timings
        .push(("Typst (PDF und Diagramme)", start.elapsed()));
    let compiled = typeset.concept?;
    let (concept_docx, concept_odt) = match typeset.docx {
        Some((charts, docx, odt)) => {
            let odt = plan.odt.then(|| odt::write_odt(r, &plan, odt)).flatten();
            let docx = if plan.docx {
                write_docx(r, &plan, charts, docx)
            } else {
                odt::chart_warning(r, charts);
                None
            };
            (docx, odt)
        }
        None => (None, None),
    };
    if plan.submission {
        let concept_pdf = plan.pdf.then_some(compiled.pdf.as_slice());
        let submission_pdf = match (typeset.submission_pdf, submission_input.as_ref()) {
            (Some(c), Some(inp)) => Some(typst_result(
                r,
                c,
                &inp.main,
                "der Beschlussvorlage (PDF)",
                opts.time_limit,
            )?),
            _ => None,
        };
        submission::write_submission(
            r,
            konzept,
            model,
            &plan.out_dir,
            submission_pdf.as_ref(),
            typeset.submission_docx,
            typeset.submission_odt,
            concept_pdf,
            concept_docx.as_deref(),
            concept_odt.as_deref(),
        );
    }
    Some(())
}

/// Writes the concept's DOCX (its table of contents has the page numbers of
/// this build's PDF layout); returns its bytes for the OParl file.
fn write_docx(
    r: &mut BuildReport,
    plan: &Plan,
    charts: Result<Vec<ChartImage>, String>,
    docx: Option<TimedDocx>,
) -> Option<Vec<u8>> {
    if let Err(msg) = charts {
        r.diagnostics.warning(
            Location::default(),
            format!("die Diagramme für das DOCX konnten nicht gezeichnet werden: {msg}"),
        );
    }
    let docx = docx.map_or_else(
        || {
            Err(TemplateError {
                file: "DOCX".into(),
                line: None,
                message: "das Inhaltsverzeichnis des DOCX hat keine Seitenzahlen erhalten".into(),
            })
        },
        |(docx, took)| {
            r.timings.push(("DOCX", took));
            docx
        },
    );
    match docx {
        Ok(bytes) => {
            r.stage("DOCX schreiben", |r| {
                r.write(plan.file("docx"), &bytes, "DOCX".into())
            });
            Some(bytes)
        }
        Err(e) => {
            r.diagnostics.error(Location::default(), e.to_string()).hint = Some(OUR_BUG.into());
            None
        }
    }
}

pub(super) fn short(s: &str) -> String {
    if s.chars().count() > 60 {
        format!("{}…", s.chars().take(60).collect::<String>())
    } else {
        s.to_string()
    }
}

/// The first `pages` pages of the concept as PNG images (the preview of
/// `konzept serve`), laid out as a build lays them out (Typst's cache makes
/// this quick after a build); `None` when the project has errors.
pub fn preview_pages(root: &Path, opts: &BuildOptions, pages: usize) -> Option<Vec<Vec<u8>>> {
    let mut r = BuildReport::new();
    let checked = check(root);
    if checked.diagnostics.has_errors() {
        return None;
    }
    let (konzept, config) = (checked.konzept.as_ref()?, checked.config.as_ref()?);
    let plan = plan(root, opts, config, konzept, &mut r)?;
    let model = serde_json::to_value(konzept).ok()?;
    let (prepared, concept, _) = prepare(&mut r, &checked, model, &plan)?;
    let input = pdf::input(
        &prepared.model,
        concept,
        opts.standard,
        checked.assets.fonts.clone(),
    );
    pdf::render_png_pages(&input, 1.2, pages).ok()
}
