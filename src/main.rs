//! Thin entry point: parse arguments, run the library, print diagnostics,
//! map the outcome to the exit code (0 ok, 1 problems in the input, 2 usage).

use clap::Parser;
use konzept::cli::{self, Cli, Command, Format};
use std::process::ExitCode;

fn main() -> ExitCode {
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
    match cli.command {
        Command::Check(args) => {
            let checked = konzept::project::check(&args.dir);
            let d = &checked.diagnostics;
            if args.model {
                if let Some(k) = &checked.konzept {
                    println!(
                        "{}",
                        serde_json::to_string_pretty(k).expect("model serialises")
                    );
                }
                eprint!("{}", d.render_text());
            } else {
                match args.format {
                    Format::Text => eprint!("{}", d.render_text()),
                    Format::Json => print!("{}", d.render_json()),
                }
            }
            if d.has_errors() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Command::Build(args) => {
            let opts = konzept::pipeline::BuildOptions {
                standard: args.pdf_standard,
                write_typst: args.typst,
                ..Default::default()
            };
            let report = konzept::pipeline::build(&args.dir, &opts);
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
