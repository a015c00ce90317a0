//! The council submission's files: its PDF, DOCX and ODT, and the OParl `Paper`
//! that lists them with the concept's files.

use super::{BuildReport, OUR_BUG};
use crate::diag::Location;
use crate::model::Konzept;
use crate::render::shared::TemplateError;
use crate::render::typst::Compiled;
use std::path::Path;
use std::time::Duration;

/// Writes the council submission: its PDF (already compiled), its DOCX, ODT and
/// the OParl `Paper` (from the serialised `model`) that lists them with the
/// concept's files.
#[allow(clippy::too_many_arguments)]
pub(super) fn write_submission(
    r: &mut BuildReport,
    konzept: &Konzept,
    model: &serde_json::Value,
    out_dir: &Path,
    pdf: Option<&Compiled>,
    docx: Option<(Result<Vec<u8>, TemplateError>, Duration)>,
    odt: Option<(Result<Vec<u8>, TemplateError>, Duration)>,
    concept_pdf: Option<&[u8]>,
    concept_docx: Option<&[u8]>,
    concept_odt: Option<&[u8]>,
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
    let vorlage_odt = if let Some((odt, took)) = odt {
        r.timings.push(("Beschlussvorlage (ODT)", took));
        match odt {
            Ok(bytes) => {
                r.write(path("odt"), &bytes, "Beschlussvorlage, ODT".into());
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
    if let Some(b) = &vorlage_odt {
        files.push(Datei {
            name: format!("{titel} (ODT)"),
            datei: format!("{}.odt", v.dateiname),
            mime: oparl::ODT,
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
    let konzept_odt = format!("{}.odt", konzept.meta.dateiname);
    if let Some(b) = concept_odt {
        files.push(Datei {
            name: format!("{anlage} (ODT)"),
            datei: konzept_odt,
            mime: oparl::ODT,
            bytes: b,
        });
    }
    // The submission itself is the main file; everything else is attached.
    let main = (!files.is_empty()).then(|| files.remove(0));
    let json = oparl::paper(model, main.as_ref(), &files);
    r.write(
        path("oparl.json"),
        &json,
        "Beschlussvorlage, OParl-Paper (JSON)".into(),
    );
}
