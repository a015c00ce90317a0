//! Benchmark: `konzept build` and `konzept check` at 1×, 10× and 50× the
//! measures of a typical concept (140, 1,400, 7,000) and for a district that
//! merges the workbooks of 20 municipalities (140 working-group workbooks,
//! 2,800 measures), per stage, against Typst alone and against pandoc +
//! LibreOffice.
//!
//! ```sh
//! cargo bench --bench skalierung                          # 1×, 10×, Kreis, 50×
//! KONZEPT_BENCH_FAKTOREN=1 cargo bench --bench skalierung # nur 1×
//! KONZEPT_BENCH_FAKTOREN=1,kreis cargo bench --bench skalierung
//! KONZEPT_BENCH_MD=tabelle.md cargo bench --bench skalierung
//! ```
//!
//! Environment: `KONZEPT_BENCH_FAKTOREN` (comma-separated factors and
//! `kreis`, default `1,10,kreis,50`), `KONZEPT_BENCH_LAEUFE` (runs per measurement, default 3; the
//! median is shown), `KONZEPT_BENCH_OHNE_OFFICE=1` (skip pandoc and
//! LibreOffice), `KONZEPT_BENCH_MD` (also write the tables to this file),
//! `KONZEPT_BENCH_BEHALTEN` (keep the generated projects in this folder).

#[path = "support/generator.rs"]
mod generator;
#[path = "support/markdown.rs"]
mod markdown;

use konzept::pipeline::{self, BuildOptions};
use konzept::render::typst as pdf;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// Measures per field at 1×: 7 fields × 20 = 140.
const PER_FIELD: usize = 20;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn secs(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s < 1.0 {
        format!("{:.0} ms", s * 1000.0)
    } else {
        format!("{s:.2} s")
    }
}

fn env_or(name: &str, default: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| default.to_string())
}

fn on_path(cmd: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|p| std::env::split_paths(&p).any(|d| d.join(cmd).is_file()))
}

/// Wall time and peak resident memory (KiB) of a command, through `/usr/bin/time`.
fn run_timed(cmd: &mut Command) -> (Duration, Option<u64>, bool) {
    let start = Instant::now();
    let out = cmd.output().expect("Programm startet");
    let wall = start.elapsed();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let rss = stderr
        .lines()
        .rev()
        .find_map(|l| l.strip_prefix("KONZEPT_RSS_KB "))
        .and_then(|v| v.trim().parse().ok());
    if !out.status.success() {
        eprintln!("{:?} fehlgeschlagen:\n{stderr}", cmd);
    }
    (wall, rss, out.status.success())
}

fn timed_command(program: &str) -> Command {
    if Path::new("/usr/bin/time").exists() {
        let mut c = Command::new("/usr/bin/time");
        c.args(["-f", "KONZEPT_RSS_KB %M", program]);
        c
    } else {
        Command::new(program)
    }
}

/// A generated project to measure.
#[derive(Clone, Copy)]
enum Case {
    /// The example with `factor` × 20 measures in each of its 7 fields.
    Scaled(usize),
    /// A district: 20 municipalities × 7 fields, one workbook each
    /// (140 workbooks, 2,800 measures).
    Kreis,
}

impl Case {
    fn label(self) -> String {
        match self {
            Case::Scaled(f) => format!("{f}×"),
            Case::Kreis => format!("Kreis, {} Gemeinden", generator::GEMEINDEN.len()),
        }
    }

    fn slug(self) -> String {
        match self {
            Case::Scaled(f) => format!("{f}x"),
            Case::Kreis => "kreis".into(),
        }
    }
}

/// One size: everything measured for it.
#[derive(Default)]
struct Result {
    label: String,
    measures: usize,
    workbooks: usize,
    pages: usize,
    /// In-process stages (median over runs).
    stages: BTreeMap<&'static str, Duration>,
    /// In-process `pipeline::build`, whole.
    build: Duration,
    /// Our generated `.typ` compiled and exported alone (same World, fonts).
    typst_alone: Duration,
    typst_alone_layout: Duration,
    /// The `konzept` binary: `check` and `build`, wall time; peak memory of build.
    cli_check: Duration,
    cli_build: Duration,
    cli_build_rss_kb: Option<u64>,
    pandoc: Option<Duration>,
    soffice: Option<Duration>,
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let example = root.join("examples/musterstadt");
    let bin = env!("CARGO_BIN_EXE_konzept");
    let cases: Vec<Case> = env_or("KONZEPT_BENCH_FAKTOREN", "1,10,kreis,50")
        .split(',')
        .filter_map(|f| match f.trim() {
            "kreis" => Some(Case::Kreis),
            n => n.parse().ok().map(Case::Scaled),
        })
        .collect();
    let runs: usize = env_or("KONZEPT_BENCH_LAEUFE", "3")
        .parse()
        .unwrap_or(3)
        .max(1);
    let office = std::env::var_os("KONZEPT_BENCH_OHNE_OFFICE").is_none()
        && on_path("pandoc")
        && on_path("soffice");
    let tmp = tempfile::tempdir().expect("temp dir");
    let base: PathBuf = std::env::var_os("KONZEPT_BENCH_BEHALTEN")
        .map(PathBuf::from)
        .unwrap_or_else(|| tmp.path().to_path_buf());
    let lo_profile = tmp.path().join("lo-profil");

    let mut results = Vec::new();
    for &case in &cases {
        let label = case.label();
        let dir = base.join(format!("projekt-{}", case.slug()));
        let _ = std::fs::remove_dir_all(&dir);
        let t = Instant::now();
        match case {
            Case::Scaled(factor) => generator::generate(&example, &dir, PER_FIELD * factor),
            Case::Kreis => {
                generator::generate_district(&example, &dir, generator::GEMEINDEN.len(), PER_FIELD)
            }
        }
        .expect("Projekt erzeugen");
        eprintln!(
            "{label}: Projekt erzeugt in {} ({})",
            secs(t.elapsed()),
            dir.display()
        );
        let mut r = Result {
            label,
            ..Default::default()
        };

        // The model (also for the Markdown of the comparison).
        let checked = konzept::pipeline::check(&dir);
        assert!(
            !checked.diagnostics.has_errors(),
            "erzeugtes Projekt hat Fehler:\n{}",
            checked.diagnostics.render_text()
        );
        let k = checked.konzept.as_ref().expect("Modell");
        let model = serde_json::to_value(k).expect("model serialises");
        r.measures = model["felder"].as_array().map_or(0, |f| {
            f.iter()
                .map(|f| f["massnahmen"].as_array().map_or(0, Vec::len))
                .sum()
        });
        r.workbooks = checked.diagnostics.files.saturating_sub(1);

        // Reading alone (all workbooks, in parallel as `check` does).
        let mut stages: BTreeMap<&'static str, Vec<Duration>> = BTreeMap::new();
        let files: Vec<PathBuf> = std::iter::once(dir.join("steuerung.xlsx"))
            .chain(
                std::fs::read_dir(dir.join("arbeitsgruppen"))
                    .unwrap()
                    .flatten()
                    .map(|e| e.path()),
            )
            .collect();
        for _ in 0..runs {
            use rayon::prelude::*;
            let t = Instant::now();
            files.par_iter().for_each(|p| {
                konzept::input::workbook::read_workbook(p, "x").expect("lesbar");
            });
            stages.entry("Lesen").or_default().push(t.elapsed());
            let t = Instant::now();
            let c = konzept::pipeline::check(&dir);
            stages
                .entry("check (Lesen + Prüfen)")
                .or_default()
                .push(t.elapsed());
            drop(c);
        }

        // The whole build in-process, stage by stage; Typst's memo cache is
        // emptied before each run so nothing is reused between runs.
        let opts = BuildOptions::default();
        let mut builds = Vec::new();
        for _ in 0..runs {
            typst::comemo::evict(0);
            let t = Instant::now();
            let report = pipeline::build(&dir, &opts);
            builds.push(t.elapsed());
            assert!(
                !report.diagnostics.has_errors(),
                "{}",
                report.diagnostics.render_text()
            );
            for (name, d) in &report.timings {
                stages.entry(name).or_default().push(*d);
            }
            if let Some((_, what)) = report.written.iter().find(|(p, _)| {
                p.extension().is_some_and(|e| e == "pdf")
                    && !p.to_string_lossy().contains("Vorlage")
            }) {
                r.pages = what
                    .split_whitespace()
                    .find_map(|w| w.parse().ok())
                    .unwrap_or(r.pages);
            }
        }
        r.build = median(builds);
        r.stages = stages.into_iter().map(|(k, v)| (k, median(v))).collect();

        // Typst alone: the generated source, compiled and exported to PDF.
        let hb = pdf::registry().expect("Vorlagen");
        let src = pdf::source(&hb, &model, &checked.assets).expect("Quelle");
        let input = pdf::input(&model, src, opts.standard, vec![]);
        let mut alone = Vec::new();
        let mut alone_layout = Vec::new();
        for _ in 0..runs {
            typst::comemo::evict(0);
            let t = Instant::now();
            let c = pdf::compile(&input).expect("Typst");
            alone.push(t.elapsed());
            alone_layout.push(c.layout_time);
        }
        r.typst_alone = median(alone);
        r.typst_alone_layout = median(alone_layout);
        typst::comemo::evict(0);

        // The binary, as a user runs it.
        let mut checks = Vec::new();
        let mut cli_builds = Vec::new();
        for _ in 0..runs {
            let (d, _, ok) = run_timed(Command::new(bin).arg("check").arg(&dir));
            assert!(ok);
            checks.push(d);
            let (d, rss, ok) = run_timed(timed_command(bin).arg("build").arg(&dir));
            assert!(ok);
            cli_builds.push(d);
            r.cli_build_rss_kb = r.cli_build_rss_kb.max(rss);
        }
        r.cli_check = median(checks);
        r.cli_build = median(cli_builds);

        // pandoc + LibreOffice on the same content.
        if office {
            let md = dir.join("vergleich.md");
            std::fs::write(&md, markdown::markdown(&model)).unwrap();
            let docx = dir.join("vergleich.docx");
            let profile = format!("-env:UserInstallation=file://{}", lo_profile.display());
            let pandoc_cmd = || {
                let mut c = Command::new("pandoc");
                c.arg(&md).arg("-o").arg(&docx);
                c
            };
            let soffice_cmd = |outdir: &Path| {
                let mut c = Command::new("soffice");
                c.args([
                    profile.as_str(),
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                ])
                .arg(outdir)
                .arg(&docx);
                c
            };
            if results.is_empty() {
                // LibreOffice's first start sets up its profile: not measured.
                let _ = pandoc_cmd().output();
                let _ = soffice_cmd(tmp.path()).output();
            }
            let office_runs = if r.measures >= 1000 { 1 } else { runs };
            let mut pandoc = Vec::new();
            let mut soffice = Vec::new();
            for _ in 0..office_runs {
                let (d, _, ok) = run_timed(&mut pandoc_cmd());
                assert!(ok, "pandoc");
                pandoc.push(d);
                let (d, _, ok) = run_timed(&mut soffice_cmd(&dir));
                assert!(ok, "soffice");
                soffice.push(d);
            }
            r.pandoc = Some(median(pandoc));
            r.soffice = Some(median(soffice));
        }
        eprintln!(
            "{}: {} Maßnahmen, {} Seiten, build {}",
            r.label,
            r.measures,
            r.pages,
            secs(r.cli_build)
        );
        results.push(r);
    }

    let table = tables(&results, runs, office);
    println!("{table}");
    if let Ok(path) = std::env::var("KONZEPT_BENCH_MD") {
        std::fs::write(&path, &table).expect("Tabelle schreiben");
    }
}

fn tables(results: &[Result], runs: usize, office: bool) -> String {
    let mut out = String::new();
    let cols: String = results
        .iter()
        .map(|r| format!(" {} ({} Maßnahmen) |", r.label, r.measures))
        .collect();
    let sep = "---:|".repeat(results.len());
    let row = |out: &mut String, name: &str, f: &dyn Fn(&Result) -> String| {
        let cells: String = results.iter().map(|r| format!(" {} |", f(r))).collect();
        let _ = writeln!(out, "| {name} |{cells}");
    };
    let _ = writeln!(
        out,
        "Median aus {runs} Läufen, {} Kerne.\n",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    let _ = writeln!(out, "### Stufen (im Prozess, `pipeline::build`)\n");
    let _ = writeln!(out, "| Stufe |{cols}\n|---|{sep}");
    row(&mut out, "Arbeitsmappen", &|r| r.workbooks.to_string());
    row(&mut out, "Seiten (PDF)", &|r| r.pages.to_string());
    let names: Vec<&str> = {
        let mut n: Vec<&str> = Vec::new();
        for r in results {
            for k in r.stages.keys() {
                if !n.contains(k) {
                    n.push(k);
                }
            }
        }
        let order = [
            "Lesen",
            "check (Lesen + Prüfen)",
            "Lesen und Prüfen",
            "Vorlagen",
            "Typst (PDF und Diagramme)",
            "Typst-Satz",
            "PDF-Export",
        ];
        n.sort_by_key(|k| order.iter().position(|o| o == k).unwrap_or(order.len()));
        n
    };
    for name in names {
        let label = match name {
            "Typst-Satz" | "PDF-Export" => format!("  davon {name} (Konzept-PDF)"),
            "Typst (PDF und Diagramme)" => "Typst (PDF, Diagramme, Vorlage parallel)".to_string(),
            other => other.to_string(),
        };
        row(&mut out, &label, &|r| {
            r.stages.get(name).map_or("–".into(), |d| secs(*d))
        });
    }
    row(&mut out, "**build gesamt**", &|r| {
        format!("**{}**", secs(r.build))
    });

    let _ = writeln!(out, "\n### Ziele\n");
    let _ = writeln!(out, "| Messung |{cols}\n|---|{sep}");
    row(&mut out, "`konzept check` (Programm)", &|r| {
        secs(r.cli_check)
    });
    row(
        &mut out,
        "`konzept build` (Programm, PDF + DOCX + ODT)",
        &|r| secs(r.cli_build),
    );
    row(&mut out, "Spitzenspeicher `konzept build`", &|r| {
        r.cli_build_rss_kb
            .map_or("–".into(), |kb| format!("{} MB", kb / 1024))
    });
    row(&mut out, "Typst allein (erzeugte .typ → PDF)", &|r| {
        secs(r.typst_alone)
    });
    row(&mut out, "  davon Satz", &|r| secs(r.typst_alone_layout));
    row(&mut out, "build / Typst allein (Ziel ≤ 1,3)", &|r| {
        format!("{:.2}", r.build.as_secs_f64() / r.typst_alone.as_secs_f64())
    });
    if office {
        row(&mut out, "pandoc Markdown → DOCX", &|r| {
            r.pandoc.map_or("–".into(), secs)
        });
        row(&mut out, "LibreOffice DOCX → PDF", &|r| {
            r.soffice.map_or("–".into(), secs)
        });
        row(
            &mut out,
            "pandoc + LibreOffice",
            &|r| match (r.pandoc, r.soffice) {
                (Some(a), Some(b)) => secs(a + b),
                _ => "–".into(),
            },
        );
        row(
            &mut out,
            "pandoc + LibreOffice / `konzept build` (Ziel ≥ 10)",
            &|r| match (r.pandoc, r.soffice) {
                (Some(a), Some(b)) => {
                    format!("{:.1}", (a + b).as_secs_f64() / r.cli_build.as_secs_f64())
                }
                _ => "–".into(),
            },
        );
    }
    let first = results.first();
    row(
        &mut out,
        "Zeit je Maßnahme `konzept build` (linear?)",
        &|r| {
            format!(
                "{:.2} ms",
                r.cli_build.as_secs_f64() * 1000.0 / r.measures.max(1) as f64
            )
        },
    );
    if let Some(f) = first {
        row(&mut out, "`konzept build` relativ zu 1×", &|r| {
            format!(
                "{:.1}×",
                r.cli_build.as_secs_f64() / f.cli_build.as_secs_f64()
            )
        });
    }
    out
}
