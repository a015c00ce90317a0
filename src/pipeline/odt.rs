//! Writing the concept's ODT (rendered beside the DOCX, with the page
//! numbers of this build's PDF layout in its table of contents).

use super::{BuildReport, Plan, TimedDocx, OUR_BUG};
use crate::diag::Location;
use crate::render::shared::{ChartImage, TemplateError};

/// Warns that the charts could not be drawn (when no DOCX does).
pub(super) fn chart_warning(r: &mut BuildReport, charts: Result<Vec<ChartImage>, String>) {
    if let Err(msg) = charts {
        r.diagnostics.warning(
            Location::default(),
            format!("die Diagramme für das ODT konnten nicht gezeichnet werden: {msg}"),
        );
    }
}

/// Writes the concept's ODT; returns its bytes for the OParl file.
pub(super) fn write_odt(
    r: &mut BuildReport,
    plan: &Plan,
    odt: Option<TimedDocx>,
) -> Option<Vec<u8>> {
    let odt = odt.map_or_else(
        || {
            Err(TemplateError {
                file: "ODT".into(),
                line: None,
                message: "das Inhaltsverzeichnis des ODT hat keine Seitenzahlen erhalten".into(),
            })
        },
        |(odt, took)| {
            r.timings.push(("ODT", took));
            odt
        },
    );
    match odt {
        Ok(bytes) => {
            r.stage("ODT schreiben", |r| {
                r.write(plan.file("odt"), &bytes, "ODT".into())
            });
            Some(bytes)
        }
        Err(e) => {
            r.diagnostics.error(Location::default(), e.to_string()).hint = Some(OUR_BUG.into());
            None
        }
    }
}
