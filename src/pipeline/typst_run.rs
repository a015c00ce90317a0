//! Running Typst for a build: on its own thread with a time limit, and its
//! messages turned into diagnostics that name the template.

use super::{short, BuildReport};
use crate::diag::{Diagnostics, Location};
use crate::render::typst::{Compiled, HeadingPos, TypstInput, TypstMessage};
use std::time::Duration;

/// Why a compilation gave no PDF.
pub(crate) enum Limit {
    TimedOut,
    Failed(Vec<TypstMessage>),
}

/// Typst cannot be cancelled from inside, so it runs on its own thread; a
/// compilation that does not finish in time (a runaway template override) is
/// abandoned with an error, and the process ends after reporting it.
pub(crate) fn compile_with_limit(
    input: &TypstInput,
    limit: Duration,
    headings: Option<std::sync::mpsc::Sender<Vec<HeadingPos>>>,
) -> Result<Compiled, Limit> {
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

/// The result of a Typst compilation: the PDF, or errors reported (then
/// `None`); warnings and missing glyphs reported as warnings.
pub(crate) fn typst_result(
    r: &mut BuildReport,
    result: Result<Compiled, Limit>,
    main: &str,
    what: &str,
    limit: Duration,
) -> Option<Compiled> {
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
