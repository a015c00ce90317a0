//! Thin entry point: parse arguments, run the library, print diagnostics,
//! map the outcome to the exit code (0 ok, 1 problems in the input, 2 usage).

use clap::Parser;
use konzept::cli::{self, Cli, Command, Format};
use std::process::ExitCode;

fn main() -> ExitCode {
    konzept::input::workbook::install_panic_hook();
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            use clap::error::ErrorKind;
            return match e.kind() {
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
                    print!("{e}");
                    ExitCode::SUCCESS
                }
                _ => {
                    eprintln!("{}", cli::german_error(&e));
                    ExitCode::from(2)
                }
            };
        }
    };
    let mut command = cli.command;
    project_dirs(&mut command);
    match command {
        Command::Check(args) => {
            let checked = konzept::pipeline::check(&args.projekt.dir);
            let d = &checked.diagnostics;
            let json = args.model || args.format == Format::Json;
            if args.model {
                if let Some(k) = &checked.konzept {
                    println!(
                        "{}",
                        serde_json::to_string_pretty(k).expect("model serialises")
                    );
                }
            } else if args.format == Format::Json {
                print!("{}", d.render_json());
            }
            if !json || args.model {
                for problem in d.sorted() {
                    eprintln!("{problem}");
                }
            }
            let annotated = args.annotate.as_deref().map(|folder| {
                annotated(konzept::annotate::annotate(
                    &checked.root,
                    checked.config.as_ref(),
                    &checked.diagnostics,
                    folder,
                ))
            });
            // The summary goes to stdout (`konzept check > meldungen.txt` is never
            // empty), the problems to stderr as a compiler's; JSON keeps stdout.
            if json {
                eprintln!("{}", d.summary());
            } else {
                println!("{}", d.summary());
            }
            if d.has_errors() || annotated == Some(false) {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Command::New(args) => new(args),
        Command::Templates(args) => templates(&args.dir),
        Command::Workbooks(args) if args.refresh => refresh(&args.projekt.dir, args.out.as_deref()),
        Command::Workbooks(args) => workbooks(&args.projekt.dir),
        Command::Status(args) => status(&args.projekt.dir, &args.format),
        Command::Report(args) => report(args.command),
        Command::Serve(args) => serve(args),
        Command::Build(args) => {
            let opts = build_options(&args);
            if args.watch {
                // Runs until Ctrl-C; returns only if watching is impossible.
                return match konzept::watch::watch(&args.projekt.dir, &opts) {
                    Ok(()) => ExitCode::SUCCESS,
                    Err(msg) => {
                        eprintln!("fehler: {msg}");
                        ExitCode::from(1)
                    }
                };
            }
            let report = {
                let _spinner = konzept::progress::Spinner::start("erstelle das Konzept");
                konzept::pipeline::build(&args.projekt.dir, &opts)
            };
            eprint!("{}", report.diagnostics.render_text());
            for (path, what) in &report.written {
                eprintln!("geschrieben: {} ({what})", path.display());
            }
            if report.diagnostics.has_errors() {
                eprintln!("Es wurde kein Dokument erstellt, weil Fehler vorliegen.");
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
    }
}

/// A path to `konzept.toml` given for a project folder means its folder
/// (`konzept report` does this itself).
fn project_dirs(command: &mut Command) {
    match command {
        Command::Check(a) => a.projekt.dir = cli::project_dir(&a.projekt.dir),
        Command::Build(a) => a.projekt.dir = cli::project_dir(&a.projekt.dir),
        Command::Workbooks(a) => a.projekt.dir = cli::project_dir(&a.projekt.dir),
        Command::Templates(a) => a.dir = cli::project_dir(&a.dir),
        Command::Status(a) => a.projekt.dir = cli::project_dir(&a.projekt.dir),
        Command::New(_) | Command::Report(_) | Command::Serve(_) => {}
    }
}

/// `konzept new`: a new project or the example.
fn new(args: cli::NewArgs) -> ExitCode {
    let neu = match konzept::new::parse_fields(&args.felder) {
        Ok(felder) => konzept::new::Neu {
            kommune: args.kommune.clone(),
            example: args.example,
            felder,
        },
        Err(d) => {
            eprintln!("{d}");
            return ExitCode::from(1);
        }
    };
    match konzept::new::new_project(&args.dir, &neu) {
        Ok(written) => {
            for path in &written {
                eprintln!("angelegt: {}", path.display());
            }
            let dir = cli::shell_path(&args.dir);
            let folder = args.dir.display();
            if args.example {
                eprintln!(
                    "\nDas Beispielprojekt „Musterstadt“ ist angelegt. Ausprobieren:\n  \
                     konzept check {dir}\n  konzept build {dir}"
                );
            } else {
                if args.kommune.is_none() {
                    eprintln!(
                        "\nKommune: „{}“ (aus dem Ordnernamen; in konzept.toml oder mit --kommune NAME ändern)",
                        konzept::new::municipality_from_dir(&args.dir)
                    );
                }
                eprintln!(
                    "\nNächste Schritte:\n  \
                     1. konzept.toml prüfen: Kommune, Titel, Laufzeit, zuständige Stelle\n  \
                     2. je Arbeitsgruppe die Mappe aus „{folder}/{ag}“ verschicken; steuerung.xlsx füllt die Geschäftsstelle\n  \
                     3. zurückgekommene Mappen in „{folder}/{ag}“ ersetzen, dann: konzept check {dir}\n  \
                     4. das Dokument erzeugen: konzept build {dir}",
                    ag = konzept::new::AG_DIR
                );
            }
            ExitCode::SUCCESS
        }
        Err(d) => {
            eprintln!("{d}");
            ExitCode::from(1)
        }
    }
}

/// `konzept check --annotate ORDNER` (and `report check --annotate`): says
/// which annotated copies were written; false if the folder or a copy could
/// not be written.
fn annotated(report: konzept::annotate::Report) -> bool {
    for d in report.diagnostics.sorted() {
        eprintln!("{d}");
    }
    for w in &report.written {
        let rebuilt = if w.rebuilt { "; nur die Werte" } else { "" };
        eprintln!(
            "geschrieben: {} (zu {}: {}{rebuilt})",
            w.copy.display(),
            w.original,
            konzept::annotate::counts(w.errors, w.warnings)
        );
    }
    if report.written.is_empty() && !report.diagnostics.has_errors() {
        eprintln!("Keine Arbeitsmappe hat Fehler oder Warnungen; keine Kopie geschrieben.");
    }
    !report.diagnostics.has_errors()
}

/// `konzept templates`: writes the built-in templates for editing, never
/// over an existing file.
fn templates(dir: &std::path::Path) -> ExitCode {
    use konzept::embedded::templates::{self, Written};
    if !dir.is_dir() {
        eprintln!(
            "fehler: der Projektordner „{}“ existiert nicht\n  hinweis: den Ordner eines Konzeptprojekts angeben; ein neues Projekt legt `konzept new ORDNER` an",
            dir.display()
        );
        return ExitCode::from(1);
    }
    let folder = dir.join(konzept::project::DEFAULT_FOLDER);
    match templates::write_builtins(&folder) {
        Ok(files) => {
            let (mut neu, mut alt) = (0usize, 0usize);
            for f in &files {
                match f {
                    Written::Neu(p) => {
                        neu += 1;
                        eprintln!("geschrieben: {}", p.display());
                    }
                    Written::Vorhanden(p) => {
                        alt += 1;
                        eprintln!("übersprungen (schon vorhanden): {}", p.display());
                    }
                }
            }
            let dateien = |n: usize| if n == 1 { "Datei" } else { "Dateien" };
            eprintln!(
                "\n{neu} {} geschrieben, {alt} vorhandene unverändert gelassen, in {}.\n\
                 Jede Datei dort ersetzt beim nächsten `konzept build` ihr eingebautes Gegenstück;\n\
                 Dateien, die Sie nicht ändern wollen, können Sie löschen. Anleitung: {}",
                dateien(neu),
                folder.display(),
                folder.join("LIESMICH.md").display()
            );
            if !dir.join(konzept::config::FILE_NAME).exists() {
                eprintln!(
                    "hinweis: in „{}“ gibt es keine {}; die Vorlagen wirken nur in einem Projektordner",
                    dir.display(),
                    konzept::config::FILE_NAME
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!(
                "fehler: die Vorlagen können nicht nach „{}“ geschrieben werden: {e}",
                folder.display()
            );
            ExitCode::from(1)
        }
    }
}

/// `konzept workbooks`: the missing working-group workbooks, never over an
/// existing file.
fn workbooks(dir: &std::path::Path) -> ExitCode {
    let done = konzept::new::add_workbooks(dir);
    for (feld, datei) in &done.vorhanden {
        eprintln!("vorhanden: {datei} („{feld}“)");
    }
    for path in &done.written {
        eprintln!("geschrieben: {}", path.display());
    }
    for d in done.diagnostics.sorted() {
        eprintln!("{d}");
    }
    if done.diagnostics.has_errors() {
        return ExitCode::from(1);
    }
    if done.written.is_empty() {
        eprintln!("Jedes Handlungsfeld hat schon eine Arbeitsmappe; nichts geschrieben.");
    } else {
        let n = done.written.len();
        eprintln!(
            "\n{n} {}: an die Arbeitsgruppe schicken und die zurückgekommene Mappe an derselben Stelle ersetzen.",
            if n == 1 { "neue Arbeitsmappe" } else { "neue Arbeitsmappen" }
        );
    }
    ExitCode::SUCCESS
}

/// `konzept status`: the return overview as a table, JSON or workbook.
/// Exit code 0 whatever the workbooks hold; 1 only if the project cannot be
/// read or the workbook cannot be written.
fn status(dir: &std::path::Path, format: &[String]) -> ExitCode {
    use konzept::status;
    let kind = format
        .first()
        .map(|f| f.trim().to_lowercase())
        .unwrap_or_default();
    let file = format.get(1);
    if !matches!(kind.as_str(), "text" | "json" | "xlsx") {
        eprintln!("fehler: unbekanntes Format „{kind}“ für --format\n  hinweis: text, json oder xlsx DATEI angeben");
        return ExitCode::from(2);
    }
    // `konzept status --format json ORDNER`: the folder after the format.
    let (dir, file) = match file {
        Some(f) if kind != "xlsx" && dir == std::path::Path::new(".") => {
            (std::path::Path::new(f.as_str()), None)
        }
        _ => (dir, file),
    };
    if kind != "xlsx" && file.is_some() {
        eprintln!("fehler: nach --format {kind} steht noch „{}“\n  hinweis: nur --format xlsx nimmt einen Dateinamen; den Projektordner vor --format angeben: konzept status ORDNER --format {kind}", file.map(String::as_str).unwrap_or_default());
        return ExitCode::from(2);
    }
    let checked = konzept::pipeline::check(dir);
    let Some(r) = status::overview(&checked) else {
        eprint!("{}", checked.diagnostics.render_text());
        eprintln!(
            "Die Übersicht kann nicht erstellt werden, weil das Projekt nicht gelesen werden kann."
        );
        return ExitCode::from(1);
    };
    match kind.as_str() {
        "json" => out(&format!("{}\n", status::render_json(&r))),
        "xlsx" => {
            let path = match file {
                Some(f) => std::path::PathBuf::from(f),
                None => dir.join("ruecklauf.xlsx"),
            };
            if !path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
            {
                eprintln!("fehler: die Rücklauf-Mappe „{}“ muss auf .xlsx enden\n  hinweis: z. B. --format xlsx ruecklauf.xlsx", path.display());
                return ExitCode::from(2);
            }
            let written = status::render_xlsx(&r, now()).and_then(|bytes| {
                konzept::output::write_atomic(&path, &bytes).map_err(|e| e.to_string())
            });
            match written {
                Ok(()) => {
                    out(&status::render_text(&r));
                    eprintln!("geschrieben: {}", path.display());
                }
                Err(e) => {
                    eprintln!("fehler: die Rücklauf-Mappe „{}“ kann nicht geschrieben werden: {e}\n  hinweis: ist die Datei noch in Excel geöffnet? Dann schließen oder einen anderen Namen angeben", path.display());
                    return ExitCode::from(1);
                }
            }
        }
        _ => out(&status::render_text(&r)),
    }
    ExitCode::SUCCESS
}

/// `konzept serve`: runs until Ctrl-C; 1 if it cannot start.
fn serve(args: cli::ServeArgs) -> ExitCode {
    let serve = konzept::serve::Serve {
        root: cli::project_dir(&args.projekt.dir),
        listen: args.listen,
        url: args.url,
        links_only: args.links,
        renew: args.renew,
        tls: args.tls_cert.zip(args.tls_key),
        options: konzept::serve::state::Options {
            upload_limit: args.max_upload.max(1) * 1024 * 1024,
            time_limit: time_limit(),
            jahr: args.jahr,
            ..Default::default()
        },
    };
    match konzept::serve::run(serve) {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("fehler: {msg}");
            ExitCode::from(1)
        }
    }
}

/// `konzept workbooks --refresh`: new forms, never over an existing file.
fn refresh(dir: &std::path::Path, out: Option<&std::path::Path>) -> ExitCode {
    let done = konzept::new::refresh_forms(dir, out);
    for path in &done.vorhanden {
        eprintln!("übersprungen (schon vorhanden): {}", path.display());
    }
    for path in &done.written {
        eprintln!("geschrieben: {}", path.display());
    }
    for d in done.diagnostics.sorted() {
        eprintln!("{d}");
    }
    if done.diagnostics.has_errors() {
        return ExitCode::from(1);
    }
    let n = done.written.len();
    if n == 0 {
        eprintln!(
            "Alle Formulare gibt es in „{}“ schon; nichts geschrieben. Zum Erneuern die alten Formulare dort löschen oder mit --out einen anderen Ordner angeben.",
            done.folder.display()
        );
    } else {
        eprintln!(
            "\n{n} {} in „{}“: leere Formulare für jede Arbeitsgruppe, vorausgefüllte („…-vorausgefuellt.xlsx“) mit dem bisherigen Stand, wo eine Mappe zurückgekommen ist. Verschicken; die zurückgekommene Mappe ersetzt dann die alte im Ordner der Arbeitsgruppen. Dazu „steuerung-leer.xlsx“: ein leeres Formular der Steuerungsgruppe mit allen Blättern – fehlt Ihrer steuerung.xlsx ein Blatt (z. B. „Beteiligung“, „Begriffe“, „Literatur“), kopieren Sie es von dort.",
            if n == 1 { "neues Formular" } else { "neue Formulare" },
            done.folder.display()
        );
    }
    ExitCode::SUCCESS
}

/// `konzept report new|check|build`.
fn report(command: cli::ReportCommand) -> ExitCode {
    use konzept::report;
    let (dir, jahr) = match &command {
        cli::ReportCommand::New(a) => (&a.projekt.dir, Some(a.jahr)),
        cli::ReportCommand::Check(a) => (&a.round.projekt.dir, a.round.jahr),
        cli::ReportCommand::Build(a) => (&a.round.projekt.dir, a.round.jahr),
    };
    let dir = cli::project_dir(dir);
    // With --model, stdout carries the JSON and the summary goes to stderr.
    let command_model = match &command {
        cli::ReportCommand::Check(a) => Some(a.model),
        _ => None,
    };
    let Some(jahr) = jahr.or_else(|| report::latest_year(&dir)) else {
        eprintln!(
            "fehler: unter {}/ gibt es noch kein Berichtsjahr\n  hinweis: eine Runde mit `konzept report new {} --jahr JAHR` beginnen",
            report::FOLDER,
            cli::shell_path(&dir)
        );
        return ExitCode::from(1);
    };
    // `report check --annotate`: the annotated copies of the status workbooks.
    let mut copies = None;
    let (diagnostics, written) = match command {
        cli::ReportCommand::New(_) => {
            let done = report::new_round(&dir, jahr);
            if done.snapshot_written {
                eprintln!(
                    "festgehalten: {}/{} (das beschlossene Konzept; alle Berichte messen daran)",
                    report::FOLDER,
                    report::SNAPSHOT_FILE
                );
            }
            for p in &done.kept {
                eprintln!("vorhanden: {} (unverändert)", p.display());
            }
            let written = done
                .written
                .iter()
                .map(|p| (p.clone(), "Sachstandsmappe".to_string()))
                .collect();
            (done.diagnostics, written)
        }
        cli::ReportCommand::Check(a) => {
            let round = report::check(&dir, jahr);
            if let (true, Some(concept)) = (a.model, &round.concept) {
                let model = report::report_model(&round, concept);
                out(&format!(
                    "{}\n",
                    serde_json::to_string_pretty(&model).expect("JSON")
                ));
            }
            copies = a
                .annotate
                .as_deref()
                .map(|folder| report::annotate(&round, folder));
            (round.diagnostics, Vec::new())
        }
        cli::ReportCommand::Build(a) => {
            let opts = konzept::pipeline::BuildOptions {
                standard: a.pdf_standard,
                write_typst: a.typst,
                submission: true,
                time_limit: time_limit(),
                auszug: None,
                formate: a.format.clone(),
            };
            let r = {
                let _spinner = konzept::progress::Spinner::start("erstelle den Sachstandsbericht");
                report::build(&dir, jahr, &opts)
            };
            (r.diagnostics, r.written)
        }
    };
    for d in diagnostics.sorted() {
        eprintln!("{d}");
    }
    for (path, what) in &written {
        eprintln!("geschrieben: {} ({what})", path.display());
    }
    let copies_ok = copies.is_none_or(annotated);
    if matches!(&command_model, Some(true)) {
        eprintln!("{}", diagnostics.summary());
    } else {
        println!("{}", diagnostics.summary());
    }
    if diagnostics.has_errors() || !copies_ok {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Prints to stdout; a closed pipe (`| head`) is no error.
fn out(text: &str) {
    use std::io::Write;
    let _ = std::io::stdout().write_all(text.as_bytes());
}

/// The current time (UTC), for the date in the Rücklauf workbook.
fn now() -> chrono::NaiveDateTime {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    chrono::DateTime::from_timestamp(secs as i64, 0)
        .map(|t| t.naive_utc())
        .unwrap_or_default()
}

/// The options of `konzept build` from its arguments.
fn build_options(args: &konzept::cli::BuildArgs) -> konzept::pipeline::BuildOptions {
    konzept::pipeline::BuildOptions {
        standard: args.pdf_standard,
        write_typst: args.typst,
        submission: !args.no_submission,
        time_limit: time_limit(),
        auszug: args.auszug.clone(),
        formate: args.format.clone(),
    }
}

/// How long Typst may take (`KONZEPT_ZEITLIMIT` in seconds, for tests and
/// very large projects; default five minutes).
fn time_limit() -> std::time::Duration {
    let secs = std::env::var("KONZEPT_ZEITLIMIT")
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
        .filter(|s| *s > 0)
        .unwrap_or(300);
    std::time::Duration::from_secs(secs)
}
