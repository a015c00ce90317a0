//! `konzept report build`: the Sachstandsbericht and the Mitteilungsvorlage
//! (PDF through the concept's Typst pipeline: same style library, design
//! values, fonts, overrides, PDF/A-2a + PDF/UA-1; DOCX through the concept's
//! DOCX package with the charts drawn by Typst) and the Mitteilungsvorlage's
//! OParl `Paper`.
//!
//! The report model is the adopted concept's serialised model with two
//! parts added: `sachstand` (the figures, `figures.rs`) and `mitteilung`
//! (the council paper, shaped like the concept's `vorlage` so that
//! `render::oparl` reads it the same way). Another output format (ODT)
//! renders the same value.

use super::figures::{figures, Sachstand};
use super::intake::{check, text, Round};
use crate::diag::{Diagnostics, Location};
use crate::model::Tag;
use crate::pipeline::typst_run::{compile_with_limit, typst_result, Limit};
use crate::pipeline::{BuildOptions, BuildReport, OUR_BUG};
use crate::project::{self, Assets};
use crate::render::docx;
use crate::render::odt;
use crate::render::oparl::{self, Datei};
use crate::render::shared::{ChartImage, TemplateError, CHART_PPP};
use crate::render::typst as pdf;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

/// Builds the documents of the report round `jahr`.
pub fn build(root: &Path, jahr: i32, opts: &BuildOptions) -> BuildReport {
    let mut r = BuildReport::new();
    let round = check(root, jahr);
    r.diagnostics = round.diagnostics.clone();
    if r.diagnostics.has_errors() {
        return r;
    }
    let Some(concept) = round.concept.as_ref() else {
        return r;
    };
    let Some(files) = project_files(root, &opts.formate, &mut r.diagnostics) else {
        return r;
    };
    if !files.formats.vorlage {
        r.diagnostics
            .note(
                Location::file(crate::config::FILE_NAME),
                "ohne Mitteilungsvorlage: „vorlage“ steht nicht unter den Formaten ([ausgabe] formate bzw. --format)",
            )
            .hint = Some(
            "für die Mitteilungsvorlage \"vorlage\" in formate der konzept.toml ergänzen oder z. B. --format pdf,vorlage angeben"
                .into(),
        );
    }
    let mut model = report_model(&round, concept);
    if !files.formats.pdf {
        // The Anlage is the report in the first format that is written.
        let ext = if files.formats.docx { "docx" } else { "odt" };
        let name = text(&model["sachstand"]["dateiname"]);
        model["mitteilung"]["anlagen"][0]["datei"] = json!(format!("{name}.{ext}"));
    }
    render(&mut r, &model, &files, opts);
    r
}

/// The report model (see the module comment).
pub fn report_model(round: &Round, concept: &Value) -> Value {
    let s = figures(round, concept);
    let mut model = concept.clone();
    let datum = Tag::new(round.settings.datum);
    model["mitteilung"] = mitteilung(round, concept, &s, &datum);
    model["meta"]["stand"] = serde_json::to_value(&datum).expect("serialises");
    model["meta"]["entwurf"] = json!(round.settings.entwurf);
    // The running header of the DOCX names the report.
    model["meta"]["kurztitel"] = json!(s.titel);
    model["sachstand"] = serde_json::to_value(&s).expect("serialises");
    model
}

/// What konzept.toml of the project gives the build now.
struct ProjectFiles {
    out_dir: PathBuf,
    assets: Assets,
    formats: Formats,
}

/// konzept.toml's output folder, formats and the design files (logo, fonts,
/// overrides): those of the project now, so that a new logo or template
/// override applies; the plan comes from the snapshot.
fn project_files(root: &Path, formate: &[String], diags: &mut Diagnostics) -> Option<ProjectFiles> {
    let file = crate::config::FILE_NAME;
    let src = match std::fs::read_to_string(root.join(file)) {
        Ok(s) => s,
        Err(e) => {
            diags.error(
                Location::file(file),
                format!("die Datei kann nicht gelesen werden: {e}"),
            );
            return None;
        }
    };
    let cfg = crate::config::parse(&src, diags)?;
    let assets = project::load_assets(root, &cfg, diags);
    let out_dir = match project::project_path(root, &cfg.ausgabe.verzeichnis) {
        Ok(p) => p,
        Err(msg) => {
            diags.error(
                Location::file(file),
                format!("`ausgabe.verzeichnis`: {msg}"),
            );
            return None;
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
        return None;
    }
    let formats = Formats::of(if formate.is_empty() {
        &cfg.ausgabe.formate
    } else {
        formate
    });
    (!diags.has_errors()).then_some(ProjectFiles {
        out_dir,
        assets,
        formats,
    })
}

/// Which formats `[ausgabe] formate` (or `konzept report build --format`)
/// asks for; the Mitteilungsvorlage only with `vorlage` (as the concept's
/// Beschlussvorlage), in the same formats as the report, with its OParl
/// `Paper`. Neither of pdf, docx and odt: the PDF.
#[derive(Clone, Copy)]
struct Formats {
    pdf: bool,
    docx: bool,
    odt: bool,
    vorlage: bool,
}

impl Formats {
    fn of(formate: &[String]) -> Formats {
        let wants = |f: &str| formate.iter().any(|x| x.eq_ignore_ascii_case(f));
        let (docx, odt) = (wants("docx"), wants("odt"));
        Formats {
            pdf: wants("pdf") || !(docx || odt),
            docx,
            odt,
            vorlage: wants("vorlage"),
        }
    }
}

/// One written document of the round, for the OParl `Paper`.
struct Written {
    ext: &'static str,
    label: &'static str,
    mime: &'static str,
    bytes: Vec<u8>,
}

fn render(r: &mut BuildReport, model: &Value, files: &ProjectFiles, opts: &BuildOptions) {
    let (assets, out_dir) = (&files.assets, files.out_dir.as_path());
    let formats = files.formats;
    let hb = match pdf::registry_for(assets) {
        Ok(hb) => hb,
        Err(e) => {
            r.diagnostics.error(Location::default(), e.to_string()).hint = Some(OUR_BUG.into());
            return;
        }
    };
    let (data, uncovered) = pdf::for_typst(model, &assets.fonts);
    for u in uncovered {
        r.diagnostics.warning(
            Location::default(),
            format!(
                "für Zeichen in „{}“ gibt es keine Schrift; sie werden im Dokument als � gesetzt",
                u.text
            ),
        );
    }
    let name = text(&model["sachstand"]["dateiname"]);
    let vname = text(&model["mitteilung"]["dateiname"]);
    // (report, Mitteilungsvorlage) per format, in the order PDF, DOCX, ODT.
    let mut bericht: Vec<Written> = Vec::new();
    let mut vorlage: Vec<Written> = Vec::new();
    if formats.pdf {
        let Some((b, v)) = typeset(r, &hb, model, &data, files, opts) else {
            return;
        };
        bericht.push(written("pdf", "PDF", oparl::PDF, b));
        vorlage.extend(v.map(|v| written("pdf", "PDF", oparl::PDF, v)));
    }
    let charts = if formats.docx || formats.odt {
        match charts(&hb, model, &data, assets) {
            Ok(c) => c,
            Err(msg) => {
                r.diagnostics.warning(
                    Location::default(),
                    format!(
                        "die Diagramme für DOCX und ODT konnten nicht gezeichnet werden: {msg}"
                    ),
                );
                Vec::new()
            }
        }
    } else {
        Vec::new()
    };
    // The Mitteilungsvorlage is shaped like the concept's `vorlage`: its DOCX
    // and ODT header and `render::oparl` read it from there.
    let mut paper_model = model.clone();
    paper_model["vorlage"] = model["mitteilung"].clone();
    if formats.docx {
        let docx = |m: &Value, document, core, vorlage, charts: &[ChartImage]| {
            docx::render_document_docx(m, assets, document, core, vorlage, charts)
        };
        let b = docx(
            model,
            "sachstand-document",
            "sachstand-core",
            false,
            &charts,
        );
        let v = formats.vorlage.then(|| {
            docx(
                &paper_model,
                "mitteilung-document",
                "vorlage-core",
                true,
                &[],
            )
        });
        let Some(b) = rendered(r, b) else { return };
        bericht.push(written("docx", "DOCX", oparl::DOCX, b));
        if let Some(v) = v {
            let Some(v) = rendered(r, v) else { return };
            vorlage.push(written("docx", "DOCX", oparl::DOCX, v));
        }
    }
    if formats.odt {
        let b = odt::render(&odt::BERICHT, model, assets, &[], &charts);
        let v = formats
            .vorlage
            .then(|| odt::render(&odt::MITTEILUNG, &paper_model, assets, &[], &[]));
        let Some(b) = rendered(r, b) else { return };
        bericht.push(written("odt", "ODT", oparl::ODT, b));
        if let Some(v) = v {
            let Some(v) = rendered(r, v) else { return };
            vorlage.push(written("odt", "ODT", oparl::ODT, v));
        }
    }
    // The PDFs are written by `typeset` as soon as they are compiled.
    for (w, file, what) in bericht
        .iter()
        .map(|w| (w, &name, "Sachstandsbericht"))
        .chain(vorlage.iter().map(|w| (w, &vname, "Mitteilungsvorlage")))
        .filter(|(w, ..)| w.ext != "pdf")
    {
        r.write(
            out_dir.join(format!("{file}.{}", w.ext)),
            &w.bytes,
            format!("{what}, {}", w.label),
        );
    }
    if formats.vorlage {
        write_paper(r, &paper_model, &bericht, &vorlage, out_dir);
    }
}

/// The OParl `Paper` of the Mitteilungsvorlage, naming the files written.
fn write_paper(
    r: &mut BuildReport,
    paper_model: &Value,
    bericht: &[Written],
    vorlage: &[Written],
    out_dir: &Path,
) {
    let name = text(&paper_model["sachstand"]["dateiname"]);
    let vname = text(&paper_model["mitteilung"]["dateiname"]);
    let m = &paper_model["mitteilung"];
    let titel = format!("{}: {}", text(&m["art"]), text(&m["betreff"]));
    let anlage = format!("Anlage 1: {}", text(&paper_model["sachstand"]["titel"]));
    let mut list: Vec<Datei> = vorlage
        .iter()
        .map(|w| datei(w, &titel, &vname))
        .chain(bericht.iter().map(|w| datei(w, &anlage, &name)))
        .collect();
    // The Mitteilungsvorlage itself is the main file; the rest is attached.
    let main = (!list.is_empty()).then(|| list.remove(0));
    let json = oparl::paper(paper_model, main.as_ref(), &list);
    r.write(
        out_dir.join(format!("{vname}.oparl.json")),
        &json,
        "Mitteilungsvorlage, OParl-Paper (JSON)".into(),
    );
}

fn datei<'a>(w: &'a Written, titel: &str, file: &str) -> Datei<'a> {
    Datei {
        name: format!("{titel} ({})", w.label),
        datei: format!("{file}.{}", w.ext),
        mime: w.mime,
        bytes: &w.bytes,
    }
}

fn written(ext: &'static str, label: &'static str, mime: &'static str, bytes: Vec<u8>) -> Written {
    Written {
        ext,
        label,
        mime,
        bytes,
    }
}

/// A rendered DOCX or ODT, or its error reported.
fn rendered(r: &mut BuildReport, doc: Result<Vec<u8>, TemplateError>) -> Option<Vec<u8>> {
    match doc {
        Ok(b) => Some(b),
        Err(e) => {
            r.diagnostics.error(Location::default(), e.to_string()).hint = Some(OUR_BUG.into());
            None
        }
    }
}

/// Typesets the report's PDF and, with `vorlage` in the formats, the
/// Mitteilungsvorlage's (at the same time) and writes them: (report,
/// Mitteilungsvorlage).
fn typeset(
    r: &mut BuildReport,
    hb: &handlebars::Handlebars<'static>,
    model: &Value,
    data: &Value,
    files: &ProjectFiles,
    opts: &BuildOptions,
) -> Option<(Vec<u8>, Option<Vec<u8>>)> {
    let (assets, out_dir) = (&files.assets, files.out_dir.as_path());
    let paper = files.formats.vorlage;
    let sources = pdf::source_of("sachstand", hb, data, assets).and_then(|b| {
        let v = paper
            .then(|| pdf::source_of("mitteilung", hb, data, assets))
            .transpose()?;
        Ok((b, v))
    });
    let (bericht, vorlage) = match sources {
        Ok(s) => s,
        Err(e) => {
            r.diagnostics.error(Location::default(), e.to_string()).hint = Some(OUR_BUG.into());
            return None;
        }
    };
    let name = text(&model["sachstand"]["dateiname"]);
    let vname = text(&model["mitteilung"]["dateiname"]);
    if opts.write_typst {
        r.write(
            out_dir.join(format!("{name}.typ")),
            bericht.main.as_bytes(),
            "Typst-Quelltext des Berichts".into(),
        );
        if let Some(v) = &vorlage {
            r.write(
                out_dir.join(format!("{vname}.typ")),
                v.main.as_bytes(),
                "Typst-Quelltext der Mitteilungsvorlage".into(),
            );
        }
    }
    let fonts = assets.fonts.clone();
    let bericht = pdf::input(model, bericht, opts.standard, fonts.clone());
    let vorlage = vorlage.map(|v| pdf::input(model, v, opts.standard, fonts));
    let (b, v) = std::thread::scope(|s| {
        let v = vorlage
            .as_ref()
            .map(|v| s.spawn(|| compile_with_limit(v, opts.time_limit, None)));
        let b = compile_with_limit(&bericht, opts.time_limit, None);
        let v = v.map(|v| {
            v.join().unwrap_or_else(|_| {
                Err(Limit::Failed(vec![pdf::TypstMessage::internal(
                    "interner Fehler",
                )]))
            })
        });
        (b, v)
    });
    let b = typst_result(
        r,
        b,
        &bericht.main,
        "des Sachstandsberichts",
        opts.time_limit,
    );
    let v = match (v, &vorlage) {
        (Some(v), Some(input)) => Some(typst_result(
            r,
            v,
            &input.main,
            "der Mitteilungsvorlage",
            opts.time_limit,
        )?),
        _ => None,
    };
    let b = b?;
    r.write(
        out_dir.join(format!("{name}.pdf")),
        &b.pdf,
        format!("Sachstandsbericht, PDF, {} Seiten", b.pages),
    );
    if let Some(v) = &v {
        r.write(
            out_dir.join(format!("{vname}.pdf")),
            &v.pdf,
            format!("Mitteilungsvorlage, PDF, {} Seiten", v.pages),
        );
    }
    Some((b.pdf, v.map(|v| v.pdf)))
}

/// The report's charts as PNG for the DOCX, drawn by Typst from the same
/// template as the PDF's (`sachstand-diagramme-einzeln`), in its order.
fn charts(
    hb: &handlebars::Handlebars<'static>,
    model: &Value,
    data: &Value,
    assets: &Assets,
) -> Result<Vec<ChartImage>, String> {
    let st = &model["sachstand"];
    let mut list: Vec<&Value> = vec![&st["diagramme"]["status"], &st["diagramme"]["budget"]];
    list.extend(
        st["indikatoren"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|i| i["gemessen"] == true)
            .map(|i| &i["diagramm"]),
    );
    let src = pdf::source_of("sachstand-diagramme-einzeln", hb, data, assets)
        .map_err(|e| e.to_string())?;
    let inp = pdf::input(model, src, pdf::PdfStandard::None, assets.fonts.clone());
    let pngs = pdf::render_png(&inp, CHART_PPP).map_err(|msgs| {
        msgs.iter()
            .map(|m| m.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    })?;
    let size = |png: &[u8], at: usize| {
        png.get(at..at + 4)
            .map_or(0, |b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    };
    Ok(list
        .into_iter()
        .zip(pngs)
        .map(|(d, png)| ChartImage {
            name: text(&d["name"]),
            titel: text(&d["titel"]),
            alt: text(&d["alt"]),
            width_px: size(&png, 16),
            height_px: size(&png, 20),
            png,
        })
        .collect())
}

/// A list in German: „a, b und c“.
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} und {last}", rest.join(", ")),
    }
}

/// The Mitteilungsvorlage: an information item for the council, shaped like
/// the concept's `vorlage`; its Sachverhalt is written from the figures.
fn mitteilung(round: &Round, concept: &Value, s: &Sachstand, datum: &Tag) -> Value {
    let meta = &concept["meta"];
    let kommune = text(&meta["kommune"]["name"]);
    let jahr = round.jahr;
    let betreff = format!("Sachstandsbericht {jahr} zum {}", text(&meta["titel"]));
    let beratung: Vec<Value> = concept["vorlage"]["beratung"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|b| {
            json!({
                "gremium": b["gremium"],
                "sitzung": null,
                "oeffentlich": b["oeffentlich"],
                "oeffentlichkeit": b["oeffentlichkeit"],
                "zustaendigkeit": "zur Kenntnis",
                "entscheidung": false,
            })
        })
        .collect();
    let dateiname = super::figures::file_name(&format!("Mitteilungsvorlage-{kommune}-{jahr}"));
    json!({
        "art": "Mitteilungsvorlage",
        "nummer": round.settings.vorlage,
        "betreff": betreff,
        "datum": datum,
        "federfuehrend": meta["verantwortlich"],
        "oeffentlichkeit": "öffentlich",
        "dezernat": null,
        "aktenzeichen": null,
        "beteiligt": null,
        "bearbeitung": null,
        "vorgang": [],
        "beratung": beratung,
        "schluesselwoerter": ["Sachstandsbericht", "Integrationskonzept", "Integration", kommune],
        "kenntnisnahme": format!("Der Sachstandsbericht {jahr} zum {} wird zur Kenntnis genommen.", text(&meta["titel"])),
        "sachverhalt": sachverhalt(round, concept, s),
        "anlagen": [{"nr": 1, "titel": s.titel, "datei": format!("{}.pdf", s.dateiname)}],
        "dateiname": dateiname,
    })
}

fn sachverhalt(round: &Round, concept: &Value, s: &Sachstand) -> Vec<String> {
    let meta = &concept["meta"];
    let mut out = Vec::new();
    let beschluss = match (meta["gremium"].as_str(), meta["sitzung"]["text"].as_str()) {
        (Some(g), Some(d)) => format!(
            "Der {g} hat am {d} das {} beschlossen",
            text(&meta["titel"])
        ),
        _ => format!("Das {} wurde beschlossen", text(&meta["titel"])),
    };
    let nr = meta["vorlage"]
        .as_str()
        .map(|v| format!(" ({v})"))
        .unwrap_or_default();
    out.push(format!(
        "{beschluss}{nr}. Die Verwaltung berichtet jährlich über den Stand der Umsetzung. Der beigefügte Sachstandsbericht {} gibt den Stand zum {} wieder; er beruht auf den Meldungen der Arbeitsgruppen der Handlungsfelder.",
        round.jahr, s.stichtag.text
    ));
    let parts: Vec<String> = s
        .status
        .iter()
        .filter(|z| z.anzahl > 0)
        .map(|z| format!("{} {}", z.anzahl, z.name))
        .collect();
    out.push(format!(
        "Von den {} Maßnahmen des Konzepts sind {} ({} umgesetzt).",
        s.anzahl,
        and_list(&parts),
        s.anteil_umgesetzt
    ));
    let notable: Vec<String> = s
        .felder
        .iter()
        .flat_map(|f| &f.auffaellig)
        .map(|e| {
            format!(
                "{} „{}“ ist {}: {}",
                e.nr,
                e.titel,
                e.status,
                e.erlaeuterung.trim_end_matches('.')
            )
        })
        .collect();
    if !notable.is_empty() {
        out.push(format!("{}.", notable.join(". ")));
    }
    out.push(format!(
        "Für die Jahre bis {} sah das Konzept Mittel von {} vor (insgesamt {}); bis zum Stichtag wurden {} verausgabt.",
        round.jahr, s.summe.geplant_bis.text, s.summe.geplant.text, s.summe.verausgabt.text
    ));
    let st = &s.stellen;
    if st.vorhanden {
        let besetzt = if st.gemeldet {
            format!(
                "zum Stichtag sind {} besetzt ({})",
                st.summe_besetzt, st.anteil
            )
        } else {
            "besetzte Stellen hat keine Arbeitsgruppe gemeldet".into()
        };
        out.push(format!(
            "Für {} sieht das Konzept {} Stellen (Vollzeitäquivalente, VZÄ) vor; {besetzt}.",
            round.jahr, st.summe
        ));
    }
    let measured: Vec<_> = s
        .indikatoren
        .iter()
        .filter(|i| i.punkte.iter().any(|p| p.art == "Ist"))
        .collect();
    if !measured.is_empty() {
        let mut words: Vec<(&str, usize)> = Vec::new();
        for i in &measured {
            match words.iter_mut().find(|(w, _)| *w == i.trend) {
                Some((_, n)) => *n += 1,
                None => words.push((i.trend.as_str(), 1)),
            }
        }
        let list: Vec<String> = words.iter().map(|(w, n)| format!("{n} {w}")).collect();
        out.push(format!(
            "Für {} von {} Indikatoren liegen Messwerte vor, davon: {}.",
            measured.len(),
            s.indikatoren.len(),
            and_list(&list)
        ));
    }
    if s.aenderungen.vorhanden {
        let a = &s.aenderungen;
        let n = |k: usize| {
            if k == 1 {
                "1 Maßnahme".to_string()
            } else {
                format!("{k} Maßnahmen")
            }
        };
        out.push(format!(
            "Seit dem Bericht {}: neu umgesetzt {}, neu verzögert {}, neu entfallen {}.",
            round.jahr - 1,
            n(a.neu_umgesetzt.len()),
            n(a.neu_verzoegert.len()),
            n(a.neu_entfallen.len())
        ));
    }
    out.push("Der Sachstandsbericht ist dieser Mitteilung als Anlage beigefügt.".into());
    out
}
