//! `konzept build --watch`: build, then rebuild whenever a file of the
//! project changes (a workbook, `konzept.toml`, the logo, own templates or
//! fonts), until Ctrl-C.
//!
//! A rebuild reads only the workbooks whose modification time or size
//! changed ([`WorkbookCache`]) and keeps the Typst worlds alive, so Typst
//! reuses its memoized work for everything that stayed the same
//! ([`crate::render::typst::set_incremental`]). A build with errors writes
//! nothing: the last good documents stay, and watching goes on.

use crate::pipeline::{self, BuildOptions, BuildReport};
use crate::project::WorkbookCache;
use crate::render::typst as ty;
use notify::{EventKind, RecursiveMode, Watcher};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Quiet time after the last change before a rebuild starts: programs save
/// in several steps (temporary file, rename).
const DEBOUNCE: Duration = Duration::from_millis(120);

/// Longest wait for quiet before building anyway.
const MAX_DEBOUNCE: Duration = Duration::from_secs(2);

/// Memoized Typst results unused for this many builds are dropped (builds
/// whose input did not change do not count, see `ty::evict_cache`).
const KEEP_BUILDS: usize = 3;

/// Files whose change is no reason to rebuild: Office lock files, editor
/// backups and swap files, temporary files.
fn ignored_name(name: &str) -> bool {
    name.starts_with("~$")
        || name.starts_with(".~lock.")
        || name.starts_with(".#")
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name.starts_with(".konzept-")
        || name == "4913"
}

/// Whether a changed path is a reason to rebuild.
fn relevant(path: &Path, outputs: &HashSet<PathBuf>) -> bool {
    if path.ancestors().any(|dir| outputs.contains(dir)) {
        return false;
    }
    path.file_name()
        .map(|n| !ignored_name(&n.to_string_lossy()))
        .unwrap_or(false)
}

/// Output folders of a report (where it wrote).
fn output_dirs(report: &BuildReport, outputs: &mut HashSet<PathBuf>) {
    for (path, _) in &report.written {
        if let Some(dir) = path.parent() {
            outputs.insert(dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf()));
        }
    }
}

/// One build with its report on stderr.
fn build_once(root: &Path, opts: &BuildOptions, cache: &WorkbookCache, first: bool) -> BuildReport {
    let start = Instant::now();
    let report = pipeline::build_cached(root, opts, Some(cache));
    let ms = start.elapsed().as_millis();
    ty::evict_cache(KEEP_BUILDS);
    if std::env::var_os("KONZEPT_ZEITEN").is_some() {
        // For measuring (BENCHMARKS.md): the time of every stage.
        for (stage, took) in &report.timings {
            eprintln!("  {stage}: {} ms", took.as_millis());
        }
    }
    eprint!("{}", report.diagnostics.render_text());
    if report.diagnostics.has_errors() {
        eprintln!(
            "Es wurde kein Dokument erstellt, weil Fehler vorliegen ({ms} ms); die vorigen Ausgaben bleiben unverändert."
        );
    } else {
        let verb = if first { "geschrieben" } else { "aktualisiert" };
        // Each file with the time it was on disk: the PDF comes first,
        // while the DOCX and ODT are still being made.
        for ((path, what), after) in report.written.iter().zip(&report.written_after) {
            let ms = after.as_millis();
            eprintln!("{verb}: {} ({what}, {ms} ms)", path.display());
        }
        eprintln!("fertig nach {ms} ms");
    }
    report
}

/// Builds the project in `root`, then rebuilds on every change until the
/// process is ended (Ctrl-C). Returns only if watching is impossible.
pub fn watch(root: &Path, opts: &BuildOptions) -> Result<(), String> {
    let root = root.canonicalize().map_err(|e| {
        format!(
            "der Projektordner „{}“ kann nicht beobachtet werden: {e}",
            root.display()
        )
    })?;
    ty::set_incremental(true);
    let cache = WorkbookCache::new();

    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        let _ = tx.send(res);
    })
    .map_err(|e| format!("Dateiänderungen können nicht beobachtet werden: {e}"))?;
    watcher
        .watch(&root, RecursiveMode::Recursive)
        .map_err(|e| format!("der Projektordner kann nicht beobachtet werden: {e}"))?;

    let mut outputs = HashSet::new();
    // The default output folder, also before the first successful build.
    outputs.insert(root.join("ausgabe"));
    let report = build_once(&root, opts, &cache, true);
    output_dirs(&report, &mut outputs);
    eprintln!(
        "beobachte {} – Änderungen werden sofort übernommen; beenden mit Strg+C",
        root.display()
    );

    loop {
        // Wait for a relevant change.
        let mut changed: Vec<PathBuf> = Vec::new();
        while changed.is_empty() {
            match rx.recv() {
                Ok(Ok(event)) => collect(&event, &outputs, &mut changed),
                Ok(Err(e)) => eprintln!("warnung: Beobachten der Dateien: {e}"),
                Err(_) => return Err("die Dateibeobachtung wurde beendet".into()),
            }
        }
        // Wait until the saving program is done.
        let first = Instant::now();
        while first.elapsed() < MAX_DEBOUNCE {
            match rx.recv_timeout(DEBOUNCE) {
                Ok(Ok(event)) => collect(&event, &outputs, &mut changed),
                Ok(Err(_)) => {}
                Err(mpsc::RecvTimeoutError::Timeout) => break,
                Err(mpsc::RecvTimeoutError::Disconnected) => {
                    return Err("die Dateibeobachtung wurde beendet".into())
                }
            }
        }
        changed.sort();
        changed.dedup();
        // Name what is there now: editors save through temporary files
        // that are gone by now (a deleted workbook is still named if it is
        // all that changed).
        let present: Vec<&PathBuf> = changed.iter().filter(|p| p.exists()).collect();
        let shown = if present.is_empty() {
            changed.iter().collect()
        } else {
            present
        };
        let names: Vec<String> = shown
            .iter()
            .map(|p| {
                p.strip_prefix(&root)
                    .unwrap_or(p)
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        eprintln!("\ngeändert: {}", names.join(", "));
        let report = build_once(&root, opts, &cache, false);
        output_dirs(&report, &mut outputs);
    }
}

fn collect(event: &notify::Event, outputs: &HashSet<PathBuf>, changed: &mut Vec<PathBuf>) {
    if matches!(event.kind, EventKind::Access(_)) {
        return;
    }
    changed.extend(event.paths.iter().filter(|p| relevant(p, outputs)).cloned());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lock_and_output_files_are_ignored() {
        let outputs: HashSet<PathBuf> = [PathBuf::from("/p/ausgabe")].into();
        assert!(relevant(Path::new("/p/steuerung.xlsx"), &outputs));
        assert!(relevant(Path::new("/p/arbeitsgruppen/ag.ods"), &outputs));
        assert!(!relevant(Path::new("/p/ausgabe/x.pdf"), &outputs));
        assert!(!relevant(Path::new("/p/ausgabe"), &outputs));
        assert!(!relevant(
            Path::new("/p/arbeitsgruppen/~$ag.xlsx"),
            &outputs
        ));
        assert!(!relevant(Path::new("/p/.~lock.ag.xlsx#"), &outputs));
        assert!(!relevant(Path::new("/p/konzept.toml~"), &outputs));
    }
}
