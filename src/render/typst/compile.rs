//! The Typst compiler, in-process: the caller hands over the rendered main
//! source, the extra files it imports (style library, logos, chart data) and
//! a fixed date; [`compile_pdf`] returns the PDF bytes together with what a
//! reader of the PDF would notice but Typst does not report: glyphs no font
//! has (tofu), and where each heading landed (for the DOCX table of
//! contents). Identical input gives byte-identical PDFs.

use std::collections::HashMap;
use std::collections::HashSet;
use std::fmt;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::str::FromStr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{LazyLock, Mutex};

use typst::diag::{Severity as TypstSeverity, SourceDiagnostic};
use typst::foundations::{Datetime, NativeElement, Smart, StyleChain};
use typst::introspection::Introspector;
use typst::layout::{Frame, FrameItem};
use typst::model::HeadingElem;
use typst::syntax::FileId;
use typst::utils::Scalar;
use typst::{World, WorldExt};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandards, Timestamp};

use super::world::{KonzeptWorld, Update, MAIN_PATH};

/// Everything one compilation needs; nothing else is visible to Typst.
#[derive(Debug, Clone)]
pub struct TypstInput {
    /// The main source, seen by Typst as `/main.typ`.
    pub main: String,
    /// Extra files by virtual path, e.g. `("/stil.typ", …)`, `("/logo.png", …)`.
    pub files: Vec<(String, Vec<u8>)>,
    /// Additional font files (TTF/OTF/TTC), e.g. the municipality's house font.
    pub extra_fonts: Vec<Vec<u8>>,
    /// The date Typst sees as "today" and that is written as the PDF date.
    pub today: (i32, u8, u8),
    /// Which PDF standards the output must meet.
    pub standard: PdfStandard,
}

/// The PDF standards konzept offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum PdfStandard {
    /// Plain PDF 1.7 (still tagged).
    None,
    /// PDF/A-2b: archivable, visual appearance only.
    A2b,
    /// PDF/A-2a: archivable and accessible (tagged structure).
    A2a,
    /// PDF/UA-1: accessible.
    Ua1,
    /// PDF/A-2b and PDF/UA-1.
    A2bUa1,
    /// PDF/A-2a and PDF/UA-1 (default).
    #[default]
    A2aUa1,
}

impl PdfStandard {
    /// All values with their configuration spelling.
    pub const ALL: [(PdfStandard, &'static str); 6] = [
        (PdfStandard::None, "none"),
        (PdfStandard::A2b, "a-2b"),
        (PdfStandard::A2a, "a-2a"),
        (PdfStandard::Ua1, "ua-1"),
        (PdfStandard::A2bUa1, "a-2b+ua-1"),
        (PdfStandard::A2aUa1, "a-2a+ua-1"),
    ];

    /// The spelling used in `konzept.toml` and on the command line.
    pub fn as_str(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(s, _)| *s == self)
            .map_or("none", |(_, name)| name)
    }

    fn typst_list(self) -> &'static [typst_pdf::PdfStandard] {
        use typst_pdf::PdfStandard as S;
        match self {
            PdfStandard::None => &[],
            PdfStandard::A2b => &[S::A_2b],
            PdfStandard::A2a => &[S::A_2a],
            PdfStandard::Ua1 => &[S::Ua_1],
            PdfStandard::A2bUa1 => &[S::A_2b, S::Ua_1],
            PdfStandard::A2aUa1 => &[S::A_2a, S::Ua_1],
        }
    }
}

impl fmt::Display for PdfStandard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for PdfStandard {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_ascii_lowercase().replace(' ', "");
        Self::ALL
            .iter()
            .find(|(_, name)| *name == wanted)
            .map(|(s, _)| *s)
            .ok_or_else(|| {
                let names: Vec<&str> = Self::ALL.iter().map(|(_, name)| *name).collect();
                format!(
                    "unbekannter PDF-Standard „{s}“; erlaubt sind: {}",
                    names.join(", ")
                )
            })
    }
}

/// Error or warning.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// A Typst diagnostic, located in the main source where possible.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypstMessage {
    pub severity: Severity,
    pub message: String,
    /// 1-based line in the main source (for errors inside an imported file: the
    /// line in the main source that led there, if any).
    pub line: Option<usize>,
    /// The text of that line.
    pub snippet: Option<String>,
    pub hints: Vec<String>,
}

impl TypstMessage {
    /// An error outside Typst's own diagnostics (e.g. a thread that failed).
    pub fn internal(message: impl Into<String>) -> Self {
        Self::error(message)
    }

    fn error(message: impl Into<String>) -> Self {
        TypstMessage {
            severity: Severity::Error,
            message: message.into(),
            line: None,
            snippet: None,
            hints: Vec::new(),
        }
    }
}

impl fmt::Display for TypstMessage {
    /// `error: …` / `warning: …`, then the location and `hint:` lines.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{kind}: {}", self.message)?;
        if let Some(line) = self.line {
            write!(f, "\n  --> {MAIN_PATH}:{line}")?;
            if let Some(snippet) = &self.snippet {
                write!(f, "\n   | {snippet}")?;
            }
        }
        for hint in &self.hints {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

/// Where a heading ended up in the laid-out document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeadingPos {
    pub level: usize,
    /// The numbering as displayed, e.g. `"2.3"` (or `"2.3."`, depending on the
    /// numbering pattern); `None` for unnumbered headings.
    pub numbering: Option<String>,
    /// The heading text as plain text.
    pub title: String,
    /// 1-based physical page.
    pub page: usize,
    /// The heading's label (`<name>`) without angle brackets.
    pub label: Option<String>,
}

/// The result of a successful PDF compilation.
#[derive(Clone, Debug)]
pub struct Compiled {
    pub pdf: Vec<u8>,
    pub pages: usize,
    pub warnings: Vec<TypstMessage>,
    /// Text runs that contain a glyph no available font has, deduplicated, in
    /// document order.
    pub missing_glyphs: Vec<String>,
    pub headings: Vec<HeadingPos>,
    /// Time spent evaluating and laying out the document.
    pub layout_time: std::time::Duration,
    /// Time spent exporting the laid-out document as PDF.
    pub export_time: std::time::Duration,
}

/// A laid-out document plus the world it came from and the warnings.
struct Laidout {
    world: KonzeptWorld,
    document: PagedDocument,
    warnings: Vec<TypstMessage>,
}

/// Compiles `input` and exports it as PDF with the chosen standards.
pub fn compile_pdf(input: &TypstInput) -> Result<Compiled, Vec<TypstMessage>> {
    compile_pdf_notify(input, None)
}

/// [`compile_pdf`], sending the headings with their pages to `headings` as
/// soon as the layout is done, so that the caller can build the DOCX (whose
/// table of contents needs them) while the PDF is being exported.
pub fn compile_pdf_notify(
    input: &TypstInput,
    headings_to: Option<std::sync::mpsc::Sender<Vec<HeadingPos>>>,
) -> Result<Compiled, Vec<TypstMessage>> {
    let standards = PdfStandards::new(input.standard.typst_list()).map_err(|err| {
        let mut message = TypstMessage::error(err.message().to_string());
        message.hints = err.hints().iter().map(ToString::to_string).collect();
        vec![message]
    })?;
    let (year, month, day) = input.today;
    let datetime = Datetime::from_ymd_hms(year, month, day, 0, 0, 0).ok_or_else(|| {
        vec![TypstMessage::error(format!(
            "ungültiges Datum {year:04}-{month:02}-{day:02}"
        ))]
    })?;

    let started = std::time::Instant::now();
    let Laidout {
        world,
        document,
        warnings,
    } = layout(input)?;
    let layout_time = started.elapsed();
    let heading_list = headings(&document);
    if let Some(tx) = headings_to {
        let _ = tx.send(heading_list.clone());
    }
    let started = std::time::Instant::now();

    let title = typst::model::Document::info(&document).title.clone();
    let ident = format!(
        "{:032x}",
        typst::utils::hash128(&title.as_deref().unwrap_or("konzept"))
    );
    let options = PdfOptions {
        ident: Smart::Custom(ident),
        creator: Smart::Custom(Some(format!(
            "konzept {} (Typst 0.15.1)",
            env!("CARGO_PKG_VERSION")
        ))),
        timestamp: Some(Timestamp::new_utc(datetime)),
        page_ranges: None,
        standards,
        tagged: true,
        pretty: false,
    };

    let pdf = catch_unwind(AssertUnwindSafe(|| typst_pdf::pdf(&document, &options)))
        .map_err(|_| vec![internal_error("PDF-Export")])?
        .map_err(|diags| map_diagnostics(&world, &diags))?;
    let export_time = started.elapsed();
    keep_world(world);

    Ok(Compiled {
        pdf,
        pages: document.pages().len(),
        warnings,
        missing_glyphs: missing_glyphs(&document),
        headings: heading_list,
        layout_time,
        export_time,
    })
}

/// A PNG of premultiplied RGBA pixels, compressed with the png crate's fast
/// mode (a chart page at 300 dpi is mostly flat colour: about a third of
/// the time of the default mode for a few per cent more bytes).
fn encode_png(
    width: u32,
    height: u32,
    premultiplied: &[u8],
) -> Result<Vec<u8>, png::EncodingError> {
    let mut rgba = premultiplied.to_vec();
    for px in rgba.chunks_exact_mut(4) {
        let a = u16::from(px[3]);
        if a != 0 && a != 255 {
            for c in &mut px[..3] {
                *c = ((u16::from(*c) * 255 + a / 2) / a).min(255) as u8;
            }
        }
    }
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, width, height);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_compression(png::Compression::Fast);
        let mut writer = encoder.write_header()?;
        writer.write_image_data(&rgba)?;
    }
    Ok(out)
}

/// Compiles `input` and renders each page to a PNG at `pixels_per_pt`
/// (e.g. `300.0 / 72.0` for 300 dpi).
pub fn render_png(
    input: &TypstInput,
    pixels_per_pt: f32,
) -> Result<Vec<Vec<u8>>, Vec<TypstMessage>> {
    render_png_pages(input, pixels_per_pt, usize::MAX)
}

/// [`render_png`] of the first `pages` pages only (the preview of `konzept
/// serve` shows three of a hundred).
pub fn render_png_pages(
    input: &TypstInput,
    pixels_per_pt: f32,
    pages: usize,
) -> Result<Vec<Vec<u8>>, Vec<TypstMessage>> {
    if !(pixels_per_pt.is_finite() && pixels_per_pt > 0.0 && pixels_per_pt <= 50.0) {
        return Err(vec![TypstMessage::error(format!(
            "ungültige Auflösung {pixels_per_pt} Pixel je Punkt (erlaubt: über 0 bis 50)"
        ))]);
    }
    let Laidout {
        world, document, ..
    } = layout(input)?;
    keep_world(world);
    let options = typst_render::RenderOptions {
        pixel_per_pt: Scalar::new(f64::from(pixels_per_pt)),
        render_bleed: false,
    };
    let incremental = INCREMENTAL.load(Ordering::SeqCst);
    let mut used = HashMap::new();
    let pngs = document
        .pages()
        .iter()
        .take(pages)
        .enumerate()
        .map(|(i, page)| {
            // When incremental, a page that looks as before is not rastered again.
            let key = incremental.then(|| typst::utils::hash128(&(page, pixels_per_pt.to_bits())));
            if let Some(png) = key.and_then(|k| PNGS.lock().ok()?.get(&k).cloned()) {
                used.insert(key.unwrap_or_default(), png.clone());
                return Ok(png);
            }
            let pixmap = catch_unwind(AssertUnwindSafe(|| typst_render::render(page, &options)))
                .map_err(|_| vec![internal_error("Rastern")])?;
            let png =
                encode_png(pixmap.width(), pixmap.height(), pixmap.data()).map_err(|err| {
                    vec![TypstMessage::error(format!(
                        "PNG-Kodierung von Seite {}: {err}",
                        i + 1
                    ))]
                })?;
            if let Some(k) = key {
                used.insert(k, png.clone());
            }
            Ok(png)
        })
        .collect();
    if incremental {
        if let Ok(mut cache) = PNGS.lock() {
            *cache = used;
        }
    }
    pngs
}

/// PNGs of the pages rastered last, by hash of page and resolution (only
/// when incremental).
static PNGS: LazyLock<Mutex<HashMap<u128, Vec<u8>>>> = LazyLock::new(Default::default);

fn internal_error(stage: &str) -> TypstMessage {
    let mut message = TypstMessage::error(format!("interner Fehler in Typst ({stage})"));
    message
        .hints
        .push("bitte mit der erzeugten Typst-Quelle als Fehler melden".into());
    message
}

/// Whether worlds are kept between compilations (`konzept build --watch`).
static INCREMENTAL: AtomicBool = AtomicBool::new(false);

/// Worlds of earlier compilations, for the next ones (only when incremental).
static WORLDS: Mutex<Vec<KonzeptWorld>> = Mutex::new(Vec::new());

/// Most worlds kept: the concept, its charts, the council submission.
const MAX_WORLDS: usize = 4;

/// Keeps the Typst worlds between compilations, so that a rebuild after a
/// small change reuses Typst's memoized parsing, evaluation and layout of
/// everything that stayed the same (for `konzept build --watch`). Off by
/// default: a single build gains nothing from it. Turning it off drops the
/// kept worlds.
pub fn set_incremental(on: bool) {
    INCREMENTAL.store(on, Ordering::SeqCst);
    if !on {
        if let Ok(mut worlds) = WORLDS.lock() {
            worlds.clear();
        }
        if let Ok(mut pngs) = PNGS.lock() {
            pngs.clear();
        }
    }
}

/// Whether a compilation since the last [`evict_cache`] had input that
/// differed from the world it reused (or needed a new world).
static CHANGED_SINCE_EVICT: AtomicBool = AtomicBool::new(true);

/// Drops Typst's memoized results not used in the last `max_age`
/// compilations that changed something (bounds the memory of a long
/// `--watch` session). A rebuild with unchanged input (a workbook saved
/// again as it was) uses only the outermost memoized results: counting it
/// would age out the layout of everything else, and the next real change
/// would lay out the whole document anew.
pub fn evict_cache(max_age: usize) {
    if CHANGED_SINCE_EVICT.swap(false, Ordering::SeqCst) {
        typst::comemo::evict(max_age);
    }
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count()
}

/// A world for `input`: a kept one brought up to date (the one whose main
/// source is most like the new one), or a new one.
fn world_for(input: &TypstInput) -> Result<KonzeptWorld, String> {
    if INCREMENTAL.load(Ordering::SeqCst) {
        let kept = WORLDS.lock().ok().and_then(|mut worlds| {
            let best = worlds
                .iter()
                .enumerate()
                .max_by_key(|(_, w)| common_prefix(w.main_source().text(), &input.main))
                .map(|(i, _)| i)?;
            Some(worlds.swap_remove(best))
        });
        if let Some(mut world) = kept {
            match world.update(&input.main, &input.files, &input.extra_fonts, input.today)? {
                Update::Updated { changed } => {
                    if changed {
                        CHANGED_SINCE_EVICT.store(true, Ordering::SeqCst);
                    }
                    return Ok(world);
                }
                Update::NewWorldNeeded => {}
            }
        }
    }
    CHANGED_SINCE_EVICT.store(true, Ordering::SeqCst);
    KonzeptWorld::new(&input.main, &input.files, &input.extra_fonts, input.today)
}

/// Keeps `world` for the next compilation when incremental.
fn keep_world(world: KonzeptWorld) {
    if INCREMENTAL.load(Ordering::SeqCst) {
        if let Ok(mut worlds) = WORLDS.lock() {
            if worlds.len() < MAX_WORLDS {
                worlds.push(world);
            }
        }
    }
}

/// Where to write Typst's own timing of this compilation (a Chrome trace,
/// for BENCHMARKS.md): `KONZEPT_TYPST_PROFIL=datei.json`, only for documents
/// whose main source is longer than a chart page, i.e. the concept.
fn profile_target(input: &TypstInput) -> Option<std::path::PathBuf> {
    let path = std::env::var_os("KONZEPT_TYPST_PROFIL")?;
    (input.main.len() > 20_000).then(|| path.into())
}

/// Writes the recorded timing events to `path` (spans as file and line).
fn write_profile(world: &KonzeptWorld, path: &std::path::Path) {
    typst_timing::disable();
    let Ok(file) = std::fs::File::create(path) else {
        return;
    };
    let _ = typst_timing::export_json(std::io::BufWriter::new(file), |raw| {
        let span = typst::syntax::Span::from_raw(raw);
        let Some(id) = span.id() else {
            return (String::new(), 0);
        };
        let line = typst::WorldExt::range(world, span)
            .zip(world.source(id).ok())
            .and_then(|(range, source)| source.lines().byte_to_line(range.start))
            .map_or(0, |l| l as u32 + 1);
        (id.vpath().get_with_slash().to_string(), line)
    });
}

/// Evaluates and lays out the document.
fn layout(input: &TypstInput) -> Result<Laidout, Vec<TypstMessage>> {
    let world = world_for(input).map_err(|err| vec![TypstMessage::error(err)])?;
    let profile = profile_target(input);
    if profile.is_some() {
        typst_timing::enable();
    }
    let warned = catch_unwind(AssertUnwindSafe(|| typst::compile::<PagedDocument>(&world)))
        .map_err(|_| vec![internal_error("Übersetzen")])?;
    if let Some(path) = profile {
        write_profile(&world, &path);
    }
    let warnings = map_diagnostics(&world, &warned.warnings);
    match warned.output {
        Ok(document) => Ok(Laidout {
            world,
            document,
            warnings,
        }),
        Err(errors) => {
            let mut all = map_diagnostics(&world, &errors);
            all.extend(warnings);
            keep_world(world);
            Err(all)
        }
    }
}

fn map_diagnostics(world: &KonzeptWorld, diags: &[SourceDiagnostic]) -> Vec<TypstMessage> {
    diags
        .iter()
        .map(|diag| map_diagnostic(world, diag))
        .collect()
}

/// 1-based line and line text of a byte offset in `text`.
fn line_of(text: &str, offset: usize) -> Option<(usize, String)> {
    let offset = offset.min(text.len());
    let before = text.get(..offset)?;
    let line = before.matches('\n').count();
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    Some((line + 1, text[start..end].trim_end().to_owned()))
}

/// The file a span points into and the line there.
fn locate(world: &KonzeptWorld, span: typst::syntax::DiagSpan) -> Option<(FileId, usize, String)> {
    let id = span.id()?;
    let range = world.range(span)?;
    let (line, text) = if let Ok(source) = world.source(id) {
        line_of(source.text(), range.start)?
    } else {
        let bytes = world.file(id).ok()?;
        line_of(std::str::from_utf8(&bytes).ok()?, range.start)?
    };
    Some((id, line, text))
}

fn map_diagnostic(world: &KonzeptWorld, diag: &SourceDiagnostic) -> TypstMessage {
    let main = world.main();
    let mut hints: Vec<String> = Vec::new();
    let mut line = None;
    let mut snippet = None;

    match locate(world, diag.span) {
        Some((id, n, text)) if id == main => {
            line = Some(n);
            snippet = Some(text);
        }
        Some((id, n, text)) => {
            hints.push(format!(
                "in {}, Zeile {n}: {}",
                id.vpath().get_with_slash(),
                text.trim()
            ));
            // The innermost call site in the main source tells which part of the
            // generated document led there.
            if let Some((_, n, text)) = diag
                .trace
                .iter()
                .filter_map(|point| locate(world, point.span.into()))
                .find(|(id, _, _)| *id == main)
            {
                line = Some(n);
                snippet = Some(text);
            }
        }
        None => {}
    }

    // Typst's CLI hints (`--root`, `--font-path`, …) name flags konzept doesn't have.
    hints.extend(
        diag.hints
            .iter()
            .map(|hint| hint.v.to_string())
            .filter(|hint| !hint.contains("`--")),
    );
    TypstMessage {
        severity: match diag.severity {
            TypstSeverity::Error => Severity::Error,
            TypstSeverity::Warning => Severity::Warning,
        },
        message: diag.message.to_string(),
        line,
        snippet,
        hints,
    }
}

/// Text runs containing `.notdef` (glyph id 0), deduplicated, in document order.
fn missing_glyphs(document: &PagedDocument) -> Vec<String> {
    fn walk(frame: &Frame, seen: &mut HashSet<String>, out: &mut Vec<String>) {
        for (_, item) in frame.items() {
            match item {
                FrameItem::Group(group) => walk(&group.frame, seen, out),
                FrameItem::Text(text) if text.glyphs.iter().any(|g| g.id == 0) => {
                    let run = text.text.to_string();
                    if seen.insert(run.clone()) {
                        out.push(run);
                    }
                }
                _ => {}
            }
        }
    }
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for page in document.pages() {
        walk(&page.frame, &mut seen, &mut out);
    }
    out
}

/// All headings with level, displayed numbering, plain text and physical page.
fn headings(document: &PagedDocument) -> Vec<HeadingPos> {
    let introspector = document.introspector();
    introspector
        .query(&HeadingElem::ELEM.select())
        .iter()
        .filter_map(|elem| {
            let heading = elem.to_packed::<HeadingElem>()?;
            let page = elem
                .location()
                .and_then(|loc| introspector.page(loc))
                .map_or(1, |page| page.get());
            Some(HeadingPos {
                level: heading.resolve_level(StyleChain::default()).get(),
                numbering: heading.numbers.as_ref().map(ToString::to_string),
                title: heading.body.plain_text().to_string(),
                page,
                label: elem.label().map(|label| label.resolve().to_string()),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests;
