//! DOCX: the concept as templated OOXML, zipped deterministically.
//!
//! Every package part is a Handlebars template in `templates/docx/`.
//! `document.xml` is rendered over the model ([`Konzept`]) with helpers that
//! write finished WordprocessingML (runs, paragraphs, table rows, headings,
//! images); while it renders, the helpers collect what the other parts need
//! (headings for the table of contents, list instances for `numbering.xml`,
//! images for the relationships). The table of contents is then filled in
//! with the page numbers of the PDF, because LibreOffice and python-docx
//! never update fields and would otherwise show an empty table.
//!
//! Identical input gives identical bytes: fixed entry order, fixed
//! timestamps (1980-01-01), fixed permissions and compression level.

mod escape;
mod svg;
mod word_template;

use std::io::{Cursor, Write};
use std::sync::{Arc, Mutex, MutexGuard};

use handlebars::{
    Context, Handlebars, Helper, HelperResult, Output, RenderContext, RenderErrorReason,
    Renderable, StringOutput,
};
use serde::Serialize;
use serde_json::Value;

use crate::embedded::templates::{Override, DOCX};
use crate::input::markdown::Block;
use crate::model::Konzept;
use crate::project::Assets;
pub use crate::render::shared::ChartImage;
use crate::render::shared::{self as templates, RichTextWriter, TemplateError};
use crate::render::typst::HeadingPos;

pub use escape::{clean, escape_xml, runs, RunStyle};

use crate::input::word_template::{PageSetup, WordTemplate};

/// Text width of a portrait A4 page with the margins of `sektion.xml.hbs`
/// (twips).
const BREITE_HOCH: u32 = 11906 - 2 * 1417;
/// Text width of a landscape A4 page.
const BREITE_QUER: u32 = 16838 - 2 * 1417;
/// Charts are placed at most 16 cm wide (EMU).
const DIAGRAMM_MAX_EMU: u64 = 16 * 360_000;
/// The marker `{{{inhaltsverzeichnis}}}` leaves, replaced once all headings are known.
const TOC_MARKER: &str = "<!--konzept:inhaltsverzeichnis-->";

/// A heading as written into the DOCX.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocHeading {
    pub level: usize,
    /// "2.3" (computed like Word numbers the heading), "A", or none.
    pub number: Option<String>,
    pub title: String,
    pub bookmark: String,
}

#[derive(Serialize, Clone)]
struct Liste {
    id: u32,
    abstrakt: u32,
    start: u32,
}

#[derive(Serialize, Clone)]
struct BildRel {
    id: String,
    datei: String,
    #[serde(skip)]
    bytes: Vec<u8>,
}

struct Tabelle {
    widths: Vec<u32>,
    col: usize,
    summe: bool,
    /// The row as the PDF counts it (header 0): even body rows are shaded.
    row: usize,
    /// 8 pt instead of 9 pt (the appendix tables, as in the PDF).
    klein: bool,
}

impl Tabelle {
    fn text_style(&self) -> &'static str {
        if self.klein {
            "TabellentextKlein"
        } else {
            "Tabellentext"
        }
    }
}

/// What the helpers collect while `document.xml` renders.
struct State {
    farbe: String,
    /// The accent lightened 88 %: even table rows, note boxes.
    hell: String,
    /// The accent lightened 75 %: group rows.
    gruppe: String,
    headings: Vec<DocHeading>,
    counters: [usize; 3],
    listen: Vec<Liste>,
    bilder: Vec<BildRel>,
    next_docpr: u32,
    abbildungen: usize,
    /// Table captions so far ("Tabelle N"), counted like the PDF's figures.
    beschriftungen: usize,
    tabellen: Vec<Tabelle>,
    logo: Option<(String, Vec<u8>)>,
    titelbild: Option<(String, Vec<u8>)>,
    /// Text width of portrait and landscape pages (twips).
    breite_hoch: u32,
    breite_quer: u32,
    charts: Vec<ChartImage>,
}

type Shared = Arc<Mutex<State>>;

fn lock(s: &Shared) -> MutexGuard<'_, State> {
    // A panic in another helper is a bug; the state is still usable.
    s.lock().unwrap_or_else(|e| e.into_inner())
}

/// The context of every part except `document.xml` (which sees the model).
#[derive(Serialize)]
struct Paket<'a> {
    konzept: &'a Konzept,
    farbe: &'a str,
    /// The accent lightened 88 % (note boxes, title page box).
    hell: &'a str,
    /// The accent lightened 50 % (the rule beside a measure).
    mittel: &'a str,
    /// The body font: `gestaltung.schrift`, or Arial (the metric twin of
    /// the PDF's Liberation Sans).
    schrift: &'a str,
    /// Right tab stop (twips): headers and TOC entries.
    tab: u32,
    /// Distinguishes the watermark shapes of the headers.
    nr: u32,
    listen: &'a [Liste],
    bilder: &'a [BildRel],
    /// The council submission: its own heading and title styles.
    vorlage: bool,
}

/// Which templates make a document: the concept or the submission.
struct Teile {
    document: &'static str,
    header: &'static str,
    core: &'static str,
    vorlage: bool,
}

const KONZEPT: Teile = Teile {
    document: "document",
    header: "header",
    core: "core",
    vorlage: false,
};

const VORLAGE: Teile = Teile {
    document: "vorlage-document",
    header: "vorlage-kopf",
    core: "vorlage-core",
    vorlage: true,
};

/// `#RRGGBB` → `RRGGBB` (or a default blue if the value is not a colour).
fn hex_colour(s: &str) -> String {
    let h = s.trim().trim_start_matches('#');
    if h.len() == 6 && h.chars().all(|c| c.is_ascii_hexdigit()) {
        h.to_ascii_uppercase()
    } else {
        "1F4E79".to_string()
    }
}

/// The DOCX body font: Liberation Sans (the default) is named by its metric
/// twin Arial, which every Word has; another configured font as it is.
fn docx_font(schrift: &str) -> String {
    let s = schrift.trim();
    if s.is_empty() || s.eq_ignore_ascii_case("Liberation Sans") {
        "Arial".into()
    } else {
        s.to_string()
    }
}

/// The colour mixed with white (`share` of white, 0–1): group rows.
fn tint(hex: &str, share: f64) -> String {
    let mut out = String::new();
    for i in 0..3 {
        let c = u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).unwrap_or(0) as f64;
        let v = c + (255.0 - c) * share;
        out.push_str(&format!("{:02X}", v.round() as u8));
    }
    out
}

/// `document.xml` before the table of contents is filled in, and what its
/// helpers collected.
struct Body {
    xml: String,
    headings: Vec<DocHeading>,
    listen: Vec<Liste>,
    bilder: Vec<BildRel>,
    /// The project's template overrides, for error messages of the parts.
    overrides: Vec<Override>,
    /// Page setup from `gestaltung.raender` or the Word template.
    seite: Option<PageSetup>,
    word_vorlage: Option<WordTemplate>,
}

/// The page setup of the DOCX when `[gestaltung]` changes it: the Word
/// template's, with the margins of `gestaltung.raender` over it.
fn seite_von(k: &Konzept, assets: &Assets) -> Option<PageSetup> {
    let base = assets.design.word_vorlage.as_ref().and_then(|v| v.seite);
    let r = k.gestaltung.raender.as_ref();
    if base.is_none() && r.is_none() {
        return None;
    }
    let mut s = base.unwrap_or(PageSetup {
        breite: 11906,
        hoehe: 16838,
        oben: 1417,
        unten: 1247,
        links: 1417,
        rechts: 1417,
        kopf: 680,
        fuss: 567,
    });
    if let Some(r) = r {
        let tw = |mm: f64| (mm * 1440.0 / 25.4).round() as u32;
        s.oben = tw(r.oben);
        s.unten = tw(r.unten);
        s.links = tw(r.links);
        s.rechts = tw(r.rechts);
        s.kopf = s.kopf.min(s.oben * 2 / 3);
        s.fuss = s.fuss.min(s.unten * 2 / 3);
    }
    Some(s)
}

/// Text width of portrait and landscape pages (twips).
fn breiten(seite: Option<PageSetup>) -> (u32, u32) {
    match seite {
        None => (BREITE_HOCH, BREITE_QUER),
        Some(s) => (
            s.breite.saturating_sub(s.links + s.rechts).max(2835),
            s.hoehe.saturating_sub(s.links + s.rechts).max(2835),
        ),
    }
}

fn render_body(
    hb: &mut Handlebars<'static>,
    k: &Konzept,
    assets: &Assets,
    charts: &[ChartImage],
    template: &str,
) -> Result<Body, TemplateError> {
    let farbe = hex_colour(&k.gestaltung.farbe);
    let state: Shared = Arc::new(Mutex::new(State {
        hell: tint(&farbe, 0.88),
        gruppe: tint(&farbe, 0.75),
        farbe,
        headings: Vec::new(),
        counters: [0; 3],
        listen: Vec::new(),
        bilder: Vec::new(),
        next_docpr: 1,
        abbildungen: 0,
        beschriftungen: 0,
        tabellen: Vec::new(),
        logo: assets.logo.clone(),
        titelbild: assets.design.titelbild.clone(),
        breite_hoch: breiten(seite_von(k, assets)).0,
        breite_quer: breiten(seite_von(k, assets)).1,
        charts: charts.to_vec(),
    }));
    register_helpers(hb, &state);
    let xml = hb
        .render(template, k)
        .map_err(|e| TemplateError::from_render_in(&e, DOCX, &assets.overrides))?;
    let s = lock(&state);
    Ok(Body {
        xml,
        headings: s.headings.clone(),
        listen: s.listen.clone(),
        bilder: s.bilder.clone(),
        overrides: assets.overrides.clone(),
        seite: seite_von(k, assets),
        word_vorlage: assets.design.word_vorlage.clone(),
    })
}

/// The headings the DOCX has, in document order (level, number as Word
/// shows it, title): to compare with the PDF's.
pub fn headings(k: &Konzept) -> Result<Vec<DocHeading>, TemplateError> {
    let mut hb = templates::registry(DOCX, escape_xml)?;
    Ok(render_body(&mut hb, k, &Assets::default(), &[], KONZEPT.document)?.headings)
}

/// Renders the concept as a DOCX package. `headings` are the PDF's headings
/// with their pages (for the table of contents), `charts` the chart images.
pub fn render_docx(
    k: &Konzept,
    assets: &Assets,
    headings: &[HeadingPos],
    charts: &[ChartImage],
) -> Result<Vec<u8>, TemplateError> {
    let t0 = std::time::Instant::now();
    let mut hb = templates::registry_with(DOCX, escape_xml, &assets.overrides)?;
    let t1 = t0.elapsed();
    let body = render_body(&mut hb, k, assets, charts, KONZEPT.document)?;
    let t2 = t0.elapsed();
    let document = body
        .xml
        .replacen(TOC_MARKER, &toc(&body.headings, headings), 1);
    let r = package(&hb, k, document, &body, &KONZEPT);
    if std::env::var_os("KONZEPT_DOCXZEIT").is_some() {
        eprintln!(
            "DOCXZEIT registry {t1:?} body {t2:?} total {:?}",
            t0.elapsed()
        );
    }
    r
}

/// Renders the council submission (Beschlussvorlage) as a DOCX package:
/// `vorlage-document.xml.hbs` with the same helpers, styles, numbering,
/// headers, footers and properties as the concept.
pub fn render_vorlage_docx(k: &Konzept, assets: &Assets) -> Result<Vec<u8>, TemplateError> {
    let mut hb = templates::registry_with(DOCX, escape_xml, &assets.overrides)?;
    let body = render_body(&mut hb, k, assets, &[], VORLAGE.document)?;
    let document = body.xml.clone();
    package(&hb, k, document, &body, &VORLAGE)
}

/// The package parts around `document`, zipped.
fn package(
    hb: &Handlebars<'static>,
    k: &Konzept,
    document: String,
    body: &Body,
    teile: &Teile,
) -> Result<Vec<u8>, TemplateError> {
    // The parts differ only in `tab` and `nr`: the data (with the whole
    // model) is converted for Handlebars once, and only those two numbers
    // are changed between parts.
    let context: std::cell::RefCell<Option<handlebars::Context>> = Default::default();
    let render = |name: &str, data: &Paket| -> Result<String, TemplateError> {
        let err =
            |e: &handlebars::RenderError| TemplateError::from_render_in(e, DOCX, &body.overrides);
        let mut context = context.borrow_mut();
        let ctx = match context.as_mut() {
            Some(ctx) => {
                if let Some(map) = ctx.data_mut().as_object_mut() {
                    map.insert("tab".into(), data.tab.into());
                    map.insert("nr".into(), data.nr.into());
                }
                ctx
            }
            None => context.insert(handlebars::Context::wraps(data).map_err(|e| err(&e))?),
        };
        hb.render_with_context(name, ctx).map_err(|e| err(&e))
    };
    let farbe = hex_colour(&k.gestaltung.farbe);
    let hell = tint(&farbe, 0.88);
    let mittel = tint(&farbe, 0.5);
    let schrift = docx_font(&k.gestaltung.schrift);
    let paket = |tab: u32, nr: u32| Paket {
        konzept: k,
        farbe: &farbe,
        hell: &hell,
        mittel: &mittel,
        schrift: &schrift,
        tab,
        nr,
        listen: &body.listen,
        bilder: &body.bilder,
        vorlage: teile.vorlage,
    };
    let (breite_hoch, breite_quer) = breiten(body.seite);
    let document = match &body.seite {
        Some(s) => word_template::seite(&document, s),
        None => document,
    };
    let p = paket(breite_hoch, 1);
    let mut parts: Vec<(String, Vec<u8>)> = vec![
        (
            "[Content_Types].xml".into(),
            render("content-types", &p)?.into(),
        ),
        ("_rels/.rels".into(), render("rels", &p)?.into()),
        ("docProps/core.xml".into(), render(teile.core, &p)?.into()),
        ("docProps/app.xml".into(), render("app", &p)?.into()),
        ("word/document.xml".into(), document.into()),
        (
            "word/_rels/document.xml.rels".into(),
            render("document-rels", &p)?.into(),
        ),
        ("word/styles.xml".into(), render("styles", &p)?.into()),
        ("word/numbering.xml".into(), render("numbering", &p)?.into()),
        ("word/settings.xml".into(), render("settings", &p)?.into()),
        (
            "word/fontTable.xml".into(),
            render("font-table", &p)?.into(),
        ),
        ("word/header1.xml".into(), render(teile.header, &p)?.into()),
        (
            "word/header2.xml".into(),
            render("header-titel", &paket(breite_hoch, 2))?.into(),
        ),
        (
            "word/header3.xml".into(),
            render("header", &paket(breite_quer, 3))?.into(),
        ),
        ("word/footer1.xml".into(), render("footer", &p)?.into()),
        (
            "word/footer2.xml".into(),
            render("footer-titel", &p)?.into(),
        ),
    ];
    for b in &body.bilder {
        parts.push((format!("word/media/{}", b.datei), b.bytes.clone()));
    }
    if let Some(v) = &body.word_vorlage {
        word_template::anwenden(
            &mut parts,
            v,
            &["word/header1.xml", "word/header3.xml"],
            &["word/footer1.xml"],
        );
    }
    zip_parts(&parts).map_err(|e| TemplateError {
        file: "DOCX".into(),
        line: None,
        message: format!("ZIP: {e}"),
    })
}

/// The parts zipped in the given order with fixed metadata.
fn zip_parts(parts: &[(String, Vec<u8>)]) -> zip::result::ZipResult<Vec<u8>> {
    use zip::write::SimpleFileOptions;
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(6))
        .last_modified_time(zip::DateTime::default())
        .system(zip::System::Unix)
        .unix_permissions(0o644)
        .large_file(false);
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in parts {
        w.start_file(name.as_str(), options)?;
        w.write_all(bytes)?;
    }
    Ok(w.finish()?.into_inner())
}

// ---------------------------------------------------------------------------
// Table of contents

fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn heading_matches(h: &DocHeading, p: &HeadingPos) -> bool {
    if h.level != p.level {
        return false;
    }
    let title = normalise(&h.title);
    let full = match &h.number {
        Some(n) => normalise(&format!("{n} {}", h.title)),
        None => title.clone(),
    };
    let p_title = normalise(&p.title);
    let p_full = match &p.numbering {
        Some(n) => normalise(&format!("{} {}", n.trim_end_matches('.'), p.title)),
        None => p_title.clone(),
    };
    p_title == title || p_full == full || p_title == full
}

/// The page of each DOCX heading, from the PDF's headings: matched in order
/// by level and title, so that extra or missing headings on either side
/// (e.g. the PDF's outline title) only leave that entry without a page.
pub fn pages_for(docx: &[DocHeading], pdf: &[HeadingPos]) -> Vec<Option<usize>> {
    let mut cursor = 0;
    docx.iter()
        .map(|h| {
            let found = (cursor..pdf.len()).find(|&i| heading_matches(h, &pdf[i]));
            found.map(|i| {
                cursor = i + 1;
                pdf[i].page
            })
        })
        .collect()
}

fn field(instr: &str, result: &str) -> String {
    format!(
        "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> {instr} </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>{result}</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
    )
}

/// The "Inhalt" title and a TOC field whose cached result is already the
/// finished table: entries linked to the headings' bookmarks, page numbers
/// from the PDF. Marked dirty so that Word refreshes it on opening.
fn toc(headings: &[DocHeading], pdf: &[HeadingPos]) -> String {
    let mut out = String::from(
        "<w:p><w:pPr><w:pStyle w:val=\"TOCHeading\"/></w:pPr><w:r><w:t>Inhalt</w:t></w:r></w:p>",
    );
    let begin = "<w:r><w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> TOC \\o \"1-3\" \\h \\z \\u </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>";
    let end = "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
    if headings.is_empty() {
        out.push_str(&format!("<w:p>{begin}{end}</w:p>"));
        return out;
    }
    let pages = pages_for(headings, pdf);
    let last = headings.len() - 1;
    for (i, (h, page)) in headings.iter().zip(pages).enumerate() {
        out.push_str(&format!(
            "<w:p><w:pPr><w:pStyle w:val=\"TOC{}\"/></w:pPr>",
            h.level.clamp(1, 3)
        ));
        if i == 0 {
            out.push_str(begin);
        }
        out.push_str(&format!(
            "<w:hyperlink w:anchor=\"{}\" w:history=\"1\">",
            h.bookmark
        ));
        if let Some(n) = &h.number {
            out.push_str(&runs(n, RunStyle::default()));
            out.push_str("<w:r><w:tab/></w:r>");
        }
        out.push_str(&runs(&h.title, RunStyle::default()));
        if let Some(page) = page {
            out.push_str("<w:r><w:tab/></w:r>");
            out.push_str(&field(
                &format!("PAGEREF {} \\h", h.bookmark),
                &page.to_string(),
            ));
        }
        out.push_str("</w:hyperlink>");
        if i == last {
            out.push_str(end);
        }
        out.push_str("</w:p>");
    }
    out
}

// ---------------------------------------------------------------------------
// Helpers

/// The text of a model value: strings as they are, numbers, lists joined
/// with ", ", objects by their `text` (Zahl, Geld, Datum, Tag), null empty.
fn value_text(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => if *b { "ja" } else { "nein" }.to_string(),
        Value::Array(a) => a.iter().map(value_text).collect::<Vec<_>>().join(", "),
        Value::Object(o) => o.get("text").map(value_text).unwrap_or_default(),
    }
}

fn hash_bool(h: &Helper, key: &str) -> bool {
    h.hash_get(key)
        .is_some_and(|v| v.value().as_bool() == Some(true))
}

fn hash_str(h: &Helper, key: &str) -> Option<String> {
    h.hash_get(key).map(|v| value_text(v.value()))
}

fn first(h: &Helper) -> Value {
    h.param(0).map(|p| p.value().clone()).unwrap_or(Value::Null)
}

fn run_style(h: &Helper) -> RunStyle {
    RunStyle {
        bold: hash_bool(h, "fett"),
        italic: hash_bool(h, "kursiv"),
        grau: hash_bool(h, "grau"),
        akzent: hash_bool(h, "akzent"),
        white: false,
    }
}

type Simple = dyn Fn(&Helper, &mut State) -> Result<String, String> + Send + Sync;

/// A helper that writes finished markup computed from its parameters and the
/// shared state.
fn simple(state: &Shared, f: Box<Simple>) -> Box<dyn handlebars::HelperDef + Send + Sync> {
    let state = state.clone();
    Box::new(
        move |h: &Helper,
              _: &Handlebars,
              _: &Context,
              _: &mut RenderContext,
              out: &mut dyn Output|
              -> HelperResult {
            let s = {
                let mut st = lock(&state);
                f(h, &mut st)
            }
            .map_err(|m| RenderErrorReason::Other(format!("{}: {m}", h.name())))?;
            out.write(&s)?;
            Ok(())
        },
    )
}

type Around = dyn Fn(&Helper, &mut State, Option<String>) -> Result<String, String> + Send + Sync;

/// A block helper: `f(…, None)` gives the opening markup, then the block is
/// rendered, then `f(…, Some(inner))` gives the closing markup.
struct BlockHelper {
    state: Shared,
    f: Box<Around>,
}

impl handlebars::HelperDef for BlockHelper {
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        r: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        rc: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        let err = |m: String| RenderErrorReason::Other(format!("{}: {m}", h.name()));
        let open = (self.f)(h, &mut lock(&self.state), None).map_err(err)?;
        let mut inner = StringOutput::new();
        if let Some(t) = h.template() {
            t.render(r, ctx, rc, &mut inner)?;
        }
        let inner = inner
            .into_string()
            .map_err(|e| RenderErrorReason::Other(e.to_string()))?;
        let close = (self.f)(h, &mut lock(&self.state), Some(inner.clone())).map_err(err)?;
        out.write(&open)?;
        out.write(&inner)?;
        out.write(&close)?;
        Ok(())
    }
}

fn block(state: &Shared, f: Box<Around>) -> Box<dyn handlebars::HelperDef + Send + Sync> {
    Box::new(BlockHelper {
        state: state.clone(),
        f,
    })
}

handlebars::handlebars_helper!(ConcatHelper: |*args| {
    // `(concat "Kennzahlen – " name)`: the texts of the arguments joined.
    Value::String(args.iter().map(|a| value_text(a)).collect())
});

handlebars::handlebars_helper!(WertHelper: |text: Value, einheit: Value| {
    // A value with its unit, as the PDF prints it: "12,5 %" stays, other
    // units follow after a space ("1.234 Personen").
    let t = value_text(&text);
    let e = value_text(&einheit);
    Value::String(if e.is_empty() || e == "%" { t } else { format!("{t} {e}") })
});

/// Opens the next cell of the current row: its width and shading (sums
/// row grey, even rows in the light accent, as in the PDF). Returns the
/// markup, the paragraph style and whether the row is a sums row.
fn cell_open(st: &mut State) -> Result<(String, &'static str, bool), String> {
    let hell = st.hell.clone();
    let t = st.tabellen.last_mut().ok_or("außerhalb einer Tabelle")?;
    let w = t.widths.get(t.col).copied().unwrap_or(1000);
    t.col += 1;
    let fill = if t.summe {
        Some("EBEBEB".to_string())
    } else if t.row > 0 && t.row % 2 == 0 {
        Some(hell)
    } else {
        None
    };
    let shd = fill
        .map(|f| format!("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{f}\"/>"))
        .unwrap_or_default();
    Ok((
        format!("<w:tc><w:tcPr><w:tcW w:w=\"{w}\" w:type=\"dxa\"/>{shd}</w:tcPr>"),
        t.text_style(),
        t.summe,
    ))
}

handlebars::handlebars_helper!(JahreHelper: |v: Value| {
    // The `jahr` of each element: column labels from `finanzen.jahre`.
    Value::Array(
        v.as_array()
            .map(|a| a.iter().filter_map(|x| x.get("jahr").cloned()).collect())
            .unwrap_or_default(),
    )
});

fn register_helpers(hb: &mut Handlebars<'static>, state: &Shared) {
    hb.register_helper("jahre", Box::new(JahreHelper));
    hb.register_helper(
        "runs",
        simple(
            state,
            Box::new(|h, _| Ok(runs(&value_text(&first(h)), run_style(h)))),
        ),
    );
    hb.register_helper(
        "absatz",
        simple(
            state,
            Box::new(|h, _| {
                let stil = hash_str(h, "stil")
                    .map(|s| format!("<w:pPr><w:pStyle w:val=\"{}\"/></w:pPr>", escape_xml(&s)))
                    .unwrap_or_default();
                Ok(format!(
                    "<w:p>{stil}{}</w:p>",
                    runs(&value_text(&first(h)), run_style(h))
                ))
            }),
        ),
    );
    hb.register_helper(
        "text",
        simple(
            state,
            Box::new(|h, st| {
                let rt = templates::rich_text(&first(h))?;
                let einzug = h
                    .hash_get("einzug")
                    .and_then(|v| v.value().as_u64())
                    .unwrap_or(0);
                let out = rich_text(st, templates::blocks(&rt), einzug);
                // `vorspann`: a bold lead-in at the start of the first
                // paragraph ("Stärken und Ressourcen. …").
                Ok(match hash_str(h, "vorspann") {
                    Some(v) if !v.is_empty() => {
                        let lead = runs(
                            &format!("{v} "),
                            RunStyle {
                                bold: true,
                                ..RunStyle::default()
                            },
                        );
                        match out.strip_prefix("<w:p>") {
                            Some(rest) => format!("<w:p>{lead}{rest}"),
                            None => format!("<w:p>{lead}</w:p>{out}"),
                        }
                    }
                    _ => out,
                })
            }),
        ),
    );
    hb.register_helper("ueberschrift", simple(state, Box::new(heading)));
    hb.register_helper(
        "inhaltsverzeichnis",
        simple(state, Box::new(|_, _| Ok(TOC_MARKER.to_string()))),
    );
    hb.register_helper("tabelle", block(state, Box::new(table)));
    hb.register_helper("concat", Box::new(ConcatHelper));
    hb.register_helper("wert", Box::new(WertHelper));
    hb.register_helper(
        "beschriftung",
        simple(
            state,
            Box::new(|h, st| {
                st.beschriftungen += 1;
                Ok(format!(
                    "<w:p><w:pPr><w:pStyle w:val=\"Caption\"/><w:keepNext/><w:spacing w:before=\"240\" w:after=\"80\"/><w:jc w:val=\"center\"/></w:pPr>{}</w:p>",
                    runs(
                        &format!("Tabelle {}: {}", st.beschriftungen, value_text(&first(h))),
                        RunStyle::default()
                    )
                ))
            }),
        ),
    );
    hb.register_helper(
        "hinweis",
        simple(
            state,
            Box::new(|h, _| {
                Ok(format!(
                    "<w:p><w:pPr><w:pStyle w:val=\"Hinweis\"/></w:pPr>{}</w:p>",
                    runs(&value_text(&first(h)), run_style(h))
                ))
            }),
        ),
    );
    hb.register_helper(
        "zeile",
        block(
            state,
            Box::new(|h, st, inner| {
                let t = st.tabellen.last_mut().ok_or("außerhalb einer Tabelle")?;
                Ok(match inner {
                    None => {
                        t.col = 0;
                        t.row += 1;
                        t.summe = hash_bool(h, "summe");
                        "<w:tr><w:trPr><w:cantSplit/></w:trPr>".to_string()
                    }
                    Some(_) => {
                        t.summe = false;
                        "</w:tr>".to_string()
                    }
                })
            }),
        ),
    );
    hb.register_helper(
        "kopf",
        simple(
            state,
            Box::new(|h, st| {
                let farbe = st.farbe.clone();
                let t = st.tabellen.last_mut().ok_or("außerhalb einer Tabelle")?;
                let mut labels = Vec::new();
                for p in h.params() {
                    match p.value() {
                        Value::Array(a) => labels.extend(a.iter().map(value_text)),
                        v => labels.push(value_text(v)),
                    }
                }
                t.row = 0;
                let stil = if t.klein { "TabellenkopfKlein" } else { "Tabellenkopf" };
                let mut out = String::from("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
                for (i, l) in labels.iter().enumerate() {
                    let w = t.widths.get(i).copied().unwrap_or(1000);
                    out.push_str(&format!(
                        "<w:tc><w:tcPr><w:tcW w:w=\"{w}\" w:type=\"dxa\"/><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{farbe}\"/><w:vAlign w:val=\"bottom\"/></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"{stil}\"/></w:pPr>{}</w:p></w:tc>",
                        runs(l, RunStyle { bold: true, white: true, ..RunStyle::default() })
                    ));
                }
                out.push_str("</w:tr>");
                Ok(out)
            }),
        ),
    );
    hb.register_helper(
        "zelle",
        simple(
            state,
            Box::new(|h, st| {
                let (open, stil, summe) = cell_open(st)?;
                let jc = if hash_bool(h, "rechts") {
                    "<w:jc w:val=\"right\"/>"
                } else {
                    ""
                };
                let mut text = value_text(&first(h));
                if text.trim().is_empty() {
                    text = hash_str(h, "leer").unwrap_or_default();
                }
                let mut style = run_style(h);
                style.bold |= summe;
                Ok(format!(
                    "{open}<w:p><w:pPr><w:pStyle w:val=\"{stil}\"/>{jc}</w:pPr>{}</w:p></w:tc>",
                    runs(&text, style)
                ))
            }),
        ),
    );
    hb.register_helper(
        "zellinhalt",
        block(
            state,
            Box::new(|_, st, inner| {
                Ok(match inner {
                    None => cell_open(st)?.0,
                    // Every cell needs a paragraph.
                    Some(i) if !i.contains("<w:p>") && !i.contains("<w:p ") => {
                        "<w:p/></w:tc>".to_string()
                    }
                    Some(_) => "</w:tc>".to_string(),
                })
            }),
        ),
    );
    hb.register_helper(
        "gruppenzeile",
        simple(
            state,
            Box::new(|h, st| {
                let tint = st.gruppe.clone();
                let t = st.tabellen.last_mut().ok_or("außerhalb einer Tabelle")?;
                t.row += 1;
                let n = t.widths.len();
                let w: u32 = t.widths.iter().sum();
                let stil = t.text_style();
                Ok(format!(
                    "<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w=\"{w}\" w:type=\"dxa\"/><w:gridSpan w:val=\"{n}\"/><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{tint}\"/></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"{stil}\"/><w:keepNext/></w:pPr>{}</w:p></w:tc></w:tr>",
                    runs(&value_text(&first(h)), RunStyle { bold: true, ..RunStyle::default() })
                ))
            }),
        ),
    );
    hb.register_helper("gantt", simple(state, Box::new(gantt)));
    hb.register_helper(
        "logo",
        simple(
            state,
            Box::new(|h, st| {
                let alt = value_text(&first(h));
                let Some((name, bytes)) = st.logo.clone() else {
                    return Ok(String::new());
                };
                // An SVG logo: a PNG rendered by Typst, and the SVG itself as
                // `asvg:svgBlip` for the Word versions that show SVG.
                let (bytes, svg) = if name.to_lowercase().ends_with(".svg") {
                    match svg::svg_to_png(&bytes) {
                        Some(png) => (png, Some(bytes)),
                        None => return Ok(String::new()),
                    }
                } else {
                    (bytes, None)
                };
                let Some((kind, w, h_px)) = crate::input::image::dimensions(&bytes) else {
                    return Ok(String::new());
                };
                // `hoehe`: the largest height in millimetres (default 30).
                let hoehe = h
                    .hash_get("hoehe")
                    .and_then(|v| v.value().as_u64())
                    .unwrap_or(30);
                let (cx, cy) = fit(w, h_px, 6 * 360_000, hoehe * 36_000);
                let stem = name.rsplit_once('.').map_or(name.as_str(), |(s, _)| s);
                let datei = format!("{}.{}", safe_name(stem), kind);
                let run = picture(st, &datei, bytes, "Logo", &alt, cx, cy);
                Ok(match svg {
                    Some(svg) => with_svg(st, run, &format!("{}.svg", safe_name(stem)), svg),
                    None => run,
                })
            }),
        ),
    );
    hb.register_helper(
        "titelbild",
        simple(
            state,
            Box::new(|h, st| {
                let alt = value_text(&first(h));
                let Some((name, bytes)) = st.titelbild.clone() else {
                    return Ok(String::new());
                };
                let Some((kind, w, h_px)) = crate::input::image::dimensions(&bytes) else {
                    return Ok(String::new());
                };
                // The text width and at most 6 cm high.
                let max_w = u64::from(st.breite_hoch) * 635;
                let (cx, cy) = fit(w, h_px, max_w, 60 * 36_000);
                let stem = name.rsplit_once('.').map_or(name.as_str(), |(s, _)| s);
                let datei = format!("{}.{}", safe_name(stem), kind);
                Ok(picture(st, &datei, bytes, "Titelbild", &alt, cx, cy))
            }),
        ),
    );
    hb.register_helper(
        "diagramm",
        simple(state, Box::new(|h, st| chart(&first(h), st))),
    );
}

/// A file name for the package: ASCII letters, digits, `-` and `_`.
fn safe_name(s: &str) -> String {
    let n: String = s
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if n.is_empty() {
        "bild".into()
    } else {
        n
    }
}

/// Fits `w`×`h` pixels into a box (EMU), keeping the aspect ratio.
fn fit(w: u32, h: u32, max_w: u64, max_h: u64) -> (u64, u64) {
    let (w, h) = (u64::from(w.max(1)), u64::from(h.max(1)));
    if w * max_h > h * max_w {
        (max_w, max_w * h / w)
    } else {
        (max_h * w / h, max_h)
    }
}

/// Registers an image and returns its inline drawing run.
fn picture(
    st: &mut State,
    datei: &str,
    bytes: Vec<u8>,
    name: &str,
    alt: &str,
    cx: u64,
    cy: u64,
) -> String {
    let n = st.bilder.len() + 1;
    let rid = format!("rIdBild{n}");
    // Two images of the same name (a chart key repeated) get distinct files.
    let datei = if st.bilder.iter().any(|b| b.datei == datei) {
        format!("{n}-{datei}")
    } else {
        datei.to_string()
    };
    st.bilder.push(BildRel {
        id: rid.clone(),
        datei,
        bytes,
    });
    let id = st.next_docpr;
    st.next_docpr += 1;
    let name = escape_xml(name);
    let alt = escape_xml(alt);
    format!(
        "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"{cx}\" cy=\"{cy}\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/><wp:docPr id=\"{id}\" name=\"{name} {id}\" descr=\"{alt}\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr><a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic><pic:nvPicPr><pic:cNvPr id=\"{id}\" name=\"{name} {id}\" descr=\"{alt}\"/><pic:cNvPicPr><a:picLocks noChangeAspect=\"1\" noChangeArrowheads=\"1\"/></pic:cNvPicPr></pic:nvPicPr><pic:blipFill><a:blip r:embed=\"{rid}\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr bwMode=\"auto\"><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{cx}\" cy=\"{cy}\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
    )
}

/// A picture run with an SVG version beside its PNG (`asvg:svgBlip`).
fn with_svg(st: &mut State, run: String, datei: &str, svg: Vec<u8>) -> String {
    let Some(png) = st.bilder.last().map(|b| b.id.clone()) else {
        return run;
    };
    let blip = format!("<a:blip r:embed=\"{png}\"/>");
    let rid = format!("rIdBild{}", st.bilder.len() + 1);
    st.bilder.push(BildRel {
        id: rid.clone(),
        datei: datei.to_string(),
        bytes: svg,
    });
    run.replace(
        &blip,
        &format!(
            "<a:blip r:embed=\"{}\"><a:extLst><a:ext uri=\"{{96DAC541-7B7A-43D3-8B79-37D633B846F1}}\"><asvg:svgBlip xmlns:asvg=\"http://schemas.microsoft.com/office/drawing/2016/SVG/main\" r:embed=\"{rid}\"/></a:ext></a:extLst></a:blip>",
            png
        ),
    )
}

/// A chart (`diagramme.*`): the image with its alt text and a caption; if no
/// image was rendered, the caption and the alt text as a paragraph, so the
/// numbers are still there.
fn chart(d: &Value, st: &mut State) -> Result<String, String> {
    if d.get("vorhanden").and_then(Value::as_bool) != Some(true) {
        return Ok(String::new());
    }
    let name = d.get("name").map(value_text).unwrap_or_default();
    let titel = d.get("titel").map(value_text).unwrap_or_default();
    let alt = d.get("alt").map(value_text).unwrap_or_default();
    st.abbildungen += 1;
    let caption = format!(
        "<w:p><w:pPr><w:pStyle w:val=\"Caption\"/><w:jc w:val=\"center\"/></w:pPr>{}</w:p>",
        runs(
            &format!("Abbildung {}: {titel}", st.abbildungen),
            RunStyle::default()
        )
    );
    let img = st
        .charts
        .iter()
        .find(|c| c.name == name && !c.png.is_empty())
        .cloned();
    Ok(match img {
        Some(c) => {
            // 1 px = 1/144 in (the lead renders at 2x): 914400 / 144 EMU.
            let w = u64::from(c.width_px) * 6350;
            let h = u64::from(c.height_px) * 6350;
            let (cx, cy) = if w > DIAGRAMM_MAX_EMU {
                (DIAGRAMM_MAX_EMU, DIAGRAMM_MAX_EMU * h / w.max(1))
            } else {
                (w, h)
            };
            let datei = format!("diagramm-{}.png", safe_name(&name));
            let alt = if c.alt.is_empty() { alt } else { c.alt.clone() };
            let run = picture(st, &datei, c.png, &titel, &alt, cx.max(1), cy.max(1));
            format!("<w:p><w:pPr><w:pStyle w:val=\"Abbildung\"/></w:pPr>{run}</w:p>{caption}")
        }
        None => format!(
            "{caption}<w:p><w:pPr><w:pStyle w:val=\"Anmerkung\"/></w:pPr>{}</w:p>",
            runs(&alt, RunStyle::default())
        ),
    })
}

/// `{{{ueberschrift level title [nummeriert=false] [nummer="A"] [seitenumbruch=false]}}}`:
/// a heading paragraph with a bookmark for the table of contents.
fn heading(h: &Helper, st: &mut State) -> Result<String, String> {
    let level = h
        .param(0)
        .and_then(|p| p.value().as_u64())
        .filter(|l| (1..=3).contains(l))
        .ok_or("Ebene 1–3 erwartet")? as usize;
    let title = value_text(&h.param(1).map(|p| p.value().clone()).unwrap_or_default());
    let literal = hash_str(h, "nummer");
    let numbered = literal.is_none()
        && h.hash_get("nummeriert")
            .is_none_or(|v| v.value().as_bool() != Some(false));
    let number = if numbered {
        st.counters[level - 1] += 1;
        for c in &mut st.counters[level..] {
            *c = 0;
        }
        Some(
            st.counters[..level]
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("."),
        )
    } else {
        literal.clone()
    };
    let bookmark = format!("_Toc{:08}", st.headings.len() + 1);
    let id = st.headings.len() + 1;
    st.headings.push(DocHeading {
        level,
        number,
        title: clean(&title),
        bookmark: bookmark.clone(),
    });
    let mut ppr = format!("<w:pStyle w:val=\"Heading{level}\"/>");
    match h
        .hash_get("seitenumbruch")
        .and_then(|v| v.value().as_bool())
    {
        Some(false) => ppr.push_str("<w:pageBreakBefore w:val=\"0\"/>"),
        Some(true) => ppr.push_str("<w:pageBreakBefore/>"),
        None => {}
    }
    if !numbered {
        ppr.push_str(&format!(
            "<w:numPr><w:ilvl w:val=\"{}\"/><w:numId w:val=\"0\"/></w:numPr>",
            level - 1
        ));
        if literal.is_none() {
            ppr.push_str("<w:ind w:left=\"0\" w:firstLine=\"0\"/>");
        }
    }
    let mut text = String::new();
    if let Some(n) = &literal {
        text.push_str(&runs(n, RunStyle::default()));
        text.push_str("<w:r><w:tab/></w:r>");
    }
    text.push_str(&runs(&title, RunStyle::default()));
    Ok(format!(
        "<w:p><w:pPr>{ppr}</w:pPr><w:bookmarkStart w:id=\"{id}\" w:name=\"{bookmark}\"/>{text}<w:bookmarkEnd w:id=\"{id}\"/></w:p>"
    ))
}

/// `{{#tabelle "w1 w2 …" [je=list gewicht=x] [danach="…"] [quer=true]}}`:
/// column widths as relative weights of the text width.
fn table(h: &Helper, st: &mut State, inner: Option<String>) -> Result<String, String> {
    if inner.is_some() {
        st.tabellen.pop();
        // Consecutive tables need a paragraph between them; this one also
        // spaces the table from the following text.
        return Ok("</w:tbl><w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"160\" w:line=\"120\" w:lineRule=\"exact\"/></w:pPr></w:p>".into());
    }
    let parse = |s: &str| -> Result<Vec<f64>, String> {
        s.split_whitespace()
            .map(|w| w.parse::<f64>().map_err(|_| format!("Breite „{w}“")))
            .collect()
    };
    let mut weights = parse(&value_text(&first(h)))?;
    if let Some(je) = h.hash_get("je") {
        let n = je.value().as_array().map_or(0, Vec::len);
        let g = h
            .hash_get("gewicht")
            .and_then(|v| v.value().as_f64())
            .unwrap_or(1.0);
        weights.extend(std::iter::repeat_n(g, n));
    }
    if let Some(d) = hash_str(h, "danach") {
        weights.extend(parse(&d)?);
    }
    let total: f64 = weights.iter().sum::<f64>().max(0.001);
    let breite = if hash_bool(h, "quer") {
        st.breite_quer
    } else {
        st.breite_hoch
    };
    let widths: Vec<u32> = weights
        .iter()
        .map(|w| (w / total * f64::from(breite)).floor() as u32)
        .collect();
    let sum: u32 = widths.iter().sum();
    let grid: String = widths
        .iter()
        .map(|w| format!("<w:gridCol w:w=\"{w}\"/>"))
        .collect();
    st.tabellen.push(Tabelle {
        widths,
        col: 0,
        summe: false,
        row: 0,
        klein: hash_bool(h, "klein"),
    });
    Ok(format!(
        "<w:tbl><w:tblPr><w:tblStyle w:val=\"KonzeptTabelle\"/><w:tblW w:w=\"{sum}\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>"
    ))
}

/// The year of an ISO date in a `Datum` value.
fn year_of(d: &Value, key: &str) -> Option<i64> {
    d.get(key)?.as_str()?.get(0..4)?.parse().ok()
}

/// `{{{gantt massnahme jahre}}}`: one cell per year, shaded where the
/// measure runs (an open end runs to the last year).
fn gantt(h: &Helper, st: &mut State) -> Result<String, String> {
    let m = first(h);
    let jahre: Vec<i64> = h
        .param(1)
        .and_then(|p| p.value().as_array().cloned())
        .unwrap_or_default()
        .iter()
        .filter_map(Value::as_i64)
        .collect();
    let (Some(&erstes), Some(&letztes)) = (jahre.first(), jahre.last()) else {
        return Ok(String::new());
    };
    let von = m
        .get("beginn")
        .and_then(|d| year_of(d, "von"))
        .unwrap_or(erstes);
    let bis = m
        .get("ende")
        .and_then(|d| year_of(d, "bis"))
        .unwrap_or(letztes);
    // The bars in the accent colour, as the PDF's time line draws them.
    let farbe = st.farbe.clone();
    let t = st.tabellen.last_mut().ok_or("außerhalb einer Tabelle")?;
    let mut out = String::new();
    for j in jahre {
        let w = t.widths.get(t.col).copied().unwrap_or(500);
        t.col += 1;
        let shd = if (von..=bis).contains(&j) {
            format!("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{farbe}\"/>")
        } else {
            String::new()
        };
        out.push_str(&format!(
            "<w:tc><w:tcPr><w:tcW w:w=\"{w}\" w:type=\"dxa\"/>{shd}</w:tcPr><w:p><w:pPr><w:pStyle w:val=\"Tabellentext\"/></w:pPr></w:p></w:tc>"
        ));
    }
    Ok(out)
}

/// Writes inline rich text as runs.
struct Runs {
    out: String,
    bold: usize,
    italic: usize,
}

impl RichTextWriter for Runs {
    fn text(&mut self, t: &str) {
        self.out.push_str(&runs(
            t,
            RunStyle {
                bold: self.bold > 0,
                italic: self.italic > 0,
                ..RunStyle::default()
            },
        ));
    }
    fn start_bold(&mut self) {
        self.bold += 1;
    }
    fn end_bold(&mut self) {
        self.bold = self.bold.saturating_sub(1);
    }
    fn start_italic(&mut self) {
        self.italic += 1;
    }
    fn end_italic(&mut self) {
        self.italic = self.italic.saturating_sub(1);
    }
    fn line_break(&mut self) {
        self.out.push_str("<w:r><w:br/></w:r>");
    }
}

fn inline_runs(inlines: &[crate::input::markdown::Inline]) -> String {
    let mut w = Runs {
        out: String::new(),
        bold: 0,
        italic: 0,
    };
    templates::write_inlines(&mut w, inlines);
    w.out
}

/// Paragraphs and lists; each list its own numbering instance, so numbered
/// lists restart (at their `start`).
fn rich_text(st: &mut State, blocks: &[Block], einzug: u64) -> String {
    let mut out = String::new();
    let ind = |extra: u64, hanging: u64| {
        if einzug == 0 && extra == 0 {
            String::new()
        } else {
            format!(
                "<w:ind w:left=\"{}\" w:hanging=\"{hanging}\"/>",
                einzug + extra
            )
        }
    };
    for b in blocks {
        match b {
            Block::Absatz { inhalt } => {
                let i = ind(0, 0);
                let ppr = if i.is_empty() {
                    String::new()
                } else {
                    format!("<w:pPr>{i}</w:pPr>")
                };
                out.push_str(&format!("<w:p>{ppr}{}</w:p>", inline_runs(inhalt)));
            }
            Block::Aufzaehlung { punkte } | Block::Nummerierung { punkte, .. } => {
                let (stil, abstrakt, start, hanging) = match b {
                    Block::Nummerierung { start, .. } => ("ListNumber", 2, *start, 397),
                    _ => ("ListBullet", 1, 1, 283),
                };
                let id = st.listen.len() as u32 + 2;
                st.listen.push(Liste {
                    id,
                    abstrakt,
                    start,
                });
                let i = if einzug == 0 {
                    String::new()
                } else {
                    ind(567, hanging)
                };
                for p in punkte {
                    out.push_str(&format!(
                        "<w:p><w:pPr><w:pStyle w:val=\"{stil}\"/><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"{id}\"/></w:numPr>{i}</w:pPr>{}</w:p>",
                        inline_runs(p)
                    ));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
