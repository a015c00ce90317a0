//! The PDF: Handlebars templates → Typst source → PDF, compiled in-process.
//!
//! User text enters the Typst source only through the escape functions of
//! [`super::typst`]: `{{x}}` is markup with every ASCII punctuation character
//! escaped, `{{str x}}` a string literal, `{{num x}}` a number and
//! `{{md x}}` the Markdown subset as markup. No template writes user text raw.

use super::docx::ChartImage;
use super::templates::{self, raw_helper, rich_text, RichTextWriter, TemplateError};
use super::typst::{self as ty, escape_markup, escape_str, Compiled, PdfStandard, TypstInput};
use crate::embedded::templates::{TYPST, TYPST_STYLE};
use crate::input::markdown::Block;
use crate::model::Konzept;
use crate::project::Assets;
use handlebars::Handlebars;
use serde_json::Value;

/// Everything needed to compile the concept with Typst.
pub struct Source {
    /// The generated main document.
    pub main: String,
    /// Imported files: style library, design values, logo.
    pub files: Vec<(String, Vec<u8>)>,
}

/// The Handlebars registry for Typst output.
pub fn registry() -> Result<Handlebars<'static>, TemplateError> {
    registry_for(&Assets::default())
}

/// The helpers only Typst has: `str`, `num`, `bool`, `md`.
fn with_typst_helpers(mut hb: Handlebars<'static>) -> Handlebars<'static> {
    hb.register_helper("str", raw_helper(|v| Ok(escape_str(&scalar_text(v)))));
    hb.register_helper(
        "num",
        raw_helper(|v| match v {
            Value::Number(n) => Ok(n.to_string()),
            Value::Null => Ok("none".into()),
            other => Err(format!("keine Zahl: {other}")),
        }),
    );
    hb.register_helper(
        "bool",
        raw_helper(|v| Ok(if truthy(v) { "true" } else { "false" }.into())),
    );
    hb.register_helper("md", raw_helper(|v| Ok(markdown_to_typst(&rich_text(v)?))));
    // `join`, `geld`, `datum`, … are the common helpers of `templates`.
    hb
}

/// [`registry`] with the project's template overrides (`vorlagen/`).
pub fn registry_for(assets: &Assets) -> Result<Handlebars<'static>, TemplateError> {
    let hb = templates::registry_with(TYPST, escape_markup, &assets.overrides)?;
    Ok(with_typst_helpers(hb))
}

fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64() != Some(0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(_) => true,
    }
}

/// A JSON scalar as text (numbers as written, null as empty).
fn scalar_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        other => other.to_string(),
    }
}

struct TypstWriter(String);

impl RichTextWriter for TypstWriter {
    fn text(&mut self, t: &str) {
        self.0.push_str(&escape_markup(t));
    }
    fn start_bold(&mut self) {
        self.0.push_str("#strong[");
    }
    fn end_bold(&mut self) {
        self.0.push(']');
    }
    fn start_italic(&mut self) {
        self.0.push_str("#emph[");
    }
    fn end_italic(&mut self) {
        self.0.push(']');
    }
    fn line_break(&mut self) {
        self.0.push_str("#linebreak()");
    }
}

/// The Markdown subset as Typst markup.
pub fn markdown_to_typst(r: &crate::input::markdown::RichText) -> String {
    let mut w = TypstWriter(String::new());
    for b in &r.blocks {
        match b {
            Block::Absatz { inhalt } => {
                templates::write_inlines(&mut w, inhalt);
                w.0.push_str("\n\n");
            }
            Block::Aufzaehlung { punkte } => {
                w.0.push_str("#list(\n");
                for p in punkte {
                    w.0.push_str("  [");
                    templates::write_inlines(&mut w, p);
                    w.0.push_str("],\n");
                }
                w.0.push_str(")\n\n");
            }
            Block::Nummerierung { start, punkte } => {
                w.0.push_str(&format!("#enum(start: {start},\n"));
                for p in punkte {
                    w.0.push_str("  [");
                    templates::write_inlines(&mut w, p);
                    w.0.push_str("],\n");
                }
                w.0.push_str(")\n\n");
            }
        }
    }
    w.0
}

/// Characters that need no glyph: white space and invisible format
/// characters (joiners, bidi marks, soft hyphen, variation selectors).
fn needs_no_glyph(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c, '\u{AD}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}')
}

/// Which characters the document's fonts can show.
pub struct Coverage(Vec<typst::text::Font>);

impl Coverage {
    /// The embedded fonts plus the municipality's own.
    pub fn new(extra_fonts: &[Vec<u8>]) -> Self {
        let mut fonts: Vec<typst::text::Font> = ty::embedded_fonts().to_vec();
        for bytes in extra_fonts {
            fonts.extend(typst::text::Font::iter(typst::foundations::Bytes::new(
                bytes.clone(),
            )));
        }
        Coverage(fonts)
    }

    pub fn covers(&self, c: char) -> bool {
        needs_no_glyph(c) || self.0.iter().any(|f| f.info().coverage.contains(c as u32))
    }
}

/// Replaces every character no font can show (an emoji, a rare script) by
/// U+FFFD in all strings of the model, so that the PDF/A export, which refuses
/// missing glyphs, still succeeds and the gap is visible. Returns each
/// affected text with its missing characters, for a warning.
pub fn substitute_uncovered(value: &mut Value, coverage: &Coverage) -> Vec<(String, Vec<char>)> {
    let mut found = Vec::new();
    fn walk(v: &mut Value, cov: &Coverage, found: &mut Vec<(String, Vec<char>)>) {
        match v {
            Value::String(s) => {
                if s.chars().all(|c| c.is_ascii() || cov.covers(c)) {
                    return;
                }
                let mut missing: Vec<char> = s.chars().filter(|c| !cov.covers(*c)).collect();
                missing.dedup();
                if !found.iter().any(|(t, _)| t == s) {
                    found.push((s.clone(), missing));
                }
                *s = s
                    .chars()
                    .map(|c| if cov.covers(c) { c } else { '\u{FFFD}' })
                    .collect();
            }
            Value::Array(items) => items.iter_mut().for_each(|i| walk(i, cov, found)),
            Value::Object(map) => map.values_mut().for_each(|i| walk(i, cov, found)),
            _ => {}
        }
    }
    walk(value, coverage, &mut found);
    found
}

/// Longest run of characters without a break opportunity that is left
/// alone; hyphenation handles real words up to this length.
const LONGEST_RUN: usize = 64;

/// Inserts invisible break opportunities (U+200B) into runs of more than
/// [`LONGEST_RUN`] characters without white space, every 24 characters, in
/// all strings of the model, so a 5,000-character "word" (a pasted URL, a
/// string of symbols) wraps instead of running off the page.
pub fn break_long_runs(value: &mut Value) {
    match value {
        Value::String(s) => {
            let mut run = 0;
            if !s.chars().any(|c| {
                run = if c.is_whitespace() { 0 } else { run + 1 };
                run > LONGEST_RUN
            }) {
                return;
            }
            let mut out = String::with_capacity(s.len() + s.len() / 8);
            let mut run = 0;
            for c in s.chars() {
                if c.is_whitespace() {
                    run = 0;
                } else {
                    if run > 0 && run % 24 == 0 {
                        out.push('\u{200B}');
                    }
                    run += 1;
                }
                out.push(c);
            }
            *s = out;
        }
        Value::Array(items) => items.iter_mut().for_each(break_long_runs),
        Value::Object(map) => map.values_mut().for_each(break_long_runs),
        _ => {}
    }
}

/// Renders the templates into Typst source.
pub fn source<T: serde::Serialize>(
    hb: &Handlebars,
    k: &T,
    assets: &Assets,
) -> Result<Source, TemplateError> {
    source_of("main", hb, k, assets)
}

/// The council submission (`vorlage.typ.hbs`) as Typst source, with the
/// same style library, design values and logo as the concept.
pub fn vorlage_source<T: serde::Serialize>(
    hb: &Handlebars,
    k: &T,
    assets: &Assets,
) -> Result<Source, TemplateError> {
    source_of("vorlage", hb, k, assets)
}

fn source_of<T: serde::Serialize>(
    main: &str,
    hb: &Handlebars,
    k: &T,
    assets: &Assets,
) -> Result<Source, TemplateError> {
    // The data is converted for Handlebars once, not once per template.
    let ctx = handlebars::Context::wraps(k)
        .map_err(|e| TemplateError::from_render_in(&e, TYPST, &assets.overrides))?;
    let render = |name: &str| {
        hb.render_with_context(name, &ctx)
            .map_err(|e| TemplateError::from_render_in(&e, TYPST, &assets.overrides))
    };
    let main = render(main)?;
    let design = render("design")?;
    // The style library is plain Typst: an override replaces it as it is.
    let stil = assets
        .overrides
        .iter()
        .find(|v| v.file == TYPST_STYLE.file)
        .map_or(TYPST_STYLE.text, |v| v.text.as_str());
    let mut files = vec![
        ("/stil.typ".to_string(), stil.as_bytes().to_vec()),
        ("/design.typ".to_string(), design.into_bytes()),
    ];
    if let Some((name, bytes)) = &assets.logo {
        files.push((format!("/{name}"), bytes.clone()));
    }
    if let Some((name, bytes)) = &assets.design.titelbild {
        files.push((format!("/{name}"), bytes.clone()));
    }
    Ok(Source { main, files })
}

/// The Typst input for a source, with `today` fixed to the `stand` date.
pub fn input(
    k: &Konzept,
    src: Source,
    standard: PdfStandard,
    extra_fonts: Vec<Vec<u8>>,
) -> TypstInput {
    let s = &k.meta.stand;
    TypstInput {
        main: src.main,
        files: src.files,
        extra_fonts,
        today: (s.jahr, s.monat as u8, s.tag as u8),
        standard,
    }
}

/// Compiles the concept to PDF.
pub fn compile(input: &TypstInput) -> Result<Compiled, Vec<ty::TypstMessage>> {
    ty::compile_pdf(input)
}

/// Pixels per point for chart images: 2 (144 dpi), so one pixel is 6350 EMU
/// in the DOCX and the chart keeps its size from the PDF.
pub const CHART_PPP: f32 = 2.0;

/// Width and height of a PNG from its header.
fn png_size(png: &[u8]) -> (u32, u32) {
    let be = |i: usize| {
        png.get(i..i + 4)
            .map_or(0, |b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    };
    (be(16), be(20))
}

/// Renders every chart that has data to a PNG, in the order of the
/// `diagramme-einzeln` template.
pub fn charts(
    hb: &Handlebars,
    k: &Konzept,
    data: &Value,
    assets: &Assets,
    extra_fonts: Vec<Vec<u8>>,
) -> Result<Vec<ChartImage>, String> {
    let d = &k.diagramme;
    let present: Vec<&crate::model::Diagramm> = [
        &d.finanzen,
        &d.zeitplan,
        &d.statistik,
        &d.massnahmen,
        &d.kosten,
    ]
    .into_iter()
    .filter(|c| c.vorhanden)
    .collect();
    if present.is_empty() {
        return Ok(vec![]);
    }
    // Only the charts and the files they import: not the whole concept again.
    let src = source_of("diagramme-einzeln", hb, data, assets).map_err(|e| e.to_string())?;
    let mut inp = input(k, src, PdfStandard::None, extra_fonts);
    inp.standard = PdfStandard::None;
    let pngs = ty::render_png(&inp, CHART_PPP).map_err(|msgs| {
        msgs.iter()
            .map(|m| m.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    })?;
    Ok(present
        .into_iter()
        .zip(pngs)
        .map(|(c, png)| {
            let (width_px, height_px) = png_size(&png);
            ChartImage {
                name: c.name.clone(),
                titel: c.titel.clone(),
                alt: c.alt.clone(),
                png,
                width_px,
                height_px,
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    #[test]
    fn long_runs_get_break_opportunities() {
        let mut v = serde_json::json!({"a": "x".repeat(100), "b": ["kurz und gut"]});
        super::break_long_runs(&mut v);
        let a = v["a"].as_str().unwrap();
        assert_eq!(a.replace('\u{200B}', ""), "x".repeat(100));
        assert_eq!(a.matches('\u{200B}').count(), 4);
        assert_eq!(v["b"][0], "kurz und gut");
    }

    /// Compiles a `.typ` written by `konzept build --typst` (with the style
    /// library) to PDF, for looking at layout experiments:
    /// `KONZEPT_TYP=/pfad/x.typ cargo test --lib compile_typ_file -- --ignored`.
    #[test]
    #[ignore]
    fn compile_typ_file() {
        let path = std::env::var("KONZEPT_TYP").expect("KONZEPT_TYP");
        let main = std::fs::read_to_string(&path).unwrap();
        let dir = std::path::Path::new(&path).parent().unwrap();
        let mut files = vec![(
            "/stil.typ".to_string(),
            std::fs::read(dir.join("stil.typ")).unwrap_or_else(|_| {
                crate::embedded::templates::TYPST_STYLE
                    .text
                    .as_bytes()
                    .to_vec()
            }),
        )];
        for name in ["design.typ", "logo.png"] {
            if let Ok(b) = std::fs::read(dir.join(name)) {
                files.push((format!("/{name}"), b));
            }
        }
        let input = super::TypstInput {
            main,
            files,
            extra_fonts: vec![],
            today: (2026, 11, 15),
            standard: super::PdfStandard::A2aUa1,
        };
        let c = super::compile(&input).unwrap_or_else(|e| {
            panic!(
                "{}",
                e.iter()
                    .map(|m| m.to_string())
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        });
        std::fs::write(format!("{path}.pdf"), c.pdf).unwrap();
    }
}
