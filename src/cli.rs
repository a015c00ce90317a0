//! Command line: clap derive, German help texts, English command names.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// konzept – erstellt aus den Arbeitsmappen der Arbeitsgruppen ein ratsfähiges
/// kommunales Integrationskonzept (PDF und DOCX).
#[derive(Debug, Parser)]
#[command(
    name = "konzept",
    version,
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true,
    subcommand_help_heading = "Befehle",
    subcommand_value_name = "BEFEHL",
    next_help_heading = "Optionen",
    help_template = "{about}\n\nAufruf: {usage}\n\n{all-args}{after-help}",
    after_help = "\nHilfe zu einem Befehl: konzept BEFEHL --help"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    /// Hilfe anzeigen
    #[arg(short = 'h', long = "help", action = clap::ArgAction::Help, global = true)]
    pub help: Option<bool>,

    /// Version anzeigen
    #[arg(short = 'V', long = "version", action = clap::ArgAction::Version)]
    pub version: Option<bool>,
}

/// The layout of every command's help (clap's own names its sections in English).
const BEFEHL_HILFE: &str = "{about}\n\nAufruf: {usage}\n\n{all-args}";

/// The project folder argument of `check`, `build` and `workbooks`.
#[derive(Debug, Args)]
pub struct ProjektOrdner {
    /// Ordner des Konzeptprojekts (mit konzept.toml); Standard: der aktuelle Ordner
    #[arg(
        value_name = "ORDNER",
        default_value = ".",
        hide_default_value = true,
        help_heading = "Argumente"
    )]
    pub dir: PathBuf,
}

/// The project folder of a path given on the command line: a path to
/// `konzept.toml` itself (e.g. dragged into the terminal) means its folder.
pub fn project_dir(path: &std::path::Path) -> PathBuf {
    let is_toml = path
        .file_name()
        .is_some_and(|n| n.eq_ignore_ascii_case(crate::config::FILE_NAME));
    if is_toml && !path.is_dir() {
        match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        }
    } else {
        path.to_path_buf()
    }
}

/// A path as it must be typed in a command shown to the user: in double
/// quotes when it contains spaces or characters a shell would interpret
/// (`konzept check "Integrationskonzept 2027"`).
pub fn shell_path(path: &std::path::Path) -> String {
    let text = path.display().to_string();
    let plain = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || "-_./\\:+,@".contains(c));
    if plain {
        text
    } else {
        format!("\"{}\"", text.replace('"', "\\\""))
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Legt ein neues Konzeptprojekt an: konzept.toml, die Arbeitsmappe der Steuerungsgruppe und je Handlungsfeld eine Arbeitsmappe mit Anleitung
    #[command(
        help_template = BEFEHL_HILFE,
        next_help_heading = "Optionen",
        override_usage = "konzept new ORDNER [--kommune NAME] [--feld NAME[=KURZ] …]\n       konzept new --example ORDNER"
    )]
    New(NewArgs),

    /// Prüft ein Konzeptprojekt: liest konzept.toml und alle Arbeitsmappen und meldet jedes Problem mit Datei, Blatt und Zelle
    #[command(
        help_template = "{about}\n\nAufruf: {usage}\n\n{all-args}{after-help}",
        next_help_heading = "Optionen",
        override_usage = "konzept check [ORDNER] [--format text|json] [--model] [--annotate ORDNER]",
        after_help = "Ausgabe: die Meldungen stehen auf der Fehlerausgabe (stderr), die Zusammenfassung „N Fehler, M Warnungen in K Dateien“ auf der Standardausgabe (stdout); mit --format json oder --model steht dort das JSON und die Zusammenfassung auf stderr.\nAlles in eine Datei: konzept check > meldungen.txt 2>&1\nKommentierte Kopien für die Arbeitsgruppen: konzept check --annotate rueckmeldungen"
    )]
    Check(CheckArgs),

    /// Erstellt das Integrationskonzept als PDF (und DOCX, ODT) im Ausgabeordner; prüft vorher wie `check`
    #[command(
        help_template = BEFEHL_HILFE,
        next_help_heading = "Optionen",
        override_usage = "konzept build [ORDNER] [--format pdf,docx,odt,vorlage] [--pdf-standard STANDARD] [--typst] [--no-submission] [--auszug NAME] [--watch]"
    )]
    Build(BuildArgs),

    /// Schreibt die eingebauten Vorlagen zum Bearbeiten nach ORDNER/vorlagen/; jede Datei dort ersetzt beim Erstellen ihr eingebautes Gegenstück
    #[command(
        help_template = BEFEHL_HILFE,
        next_help_heading = "Optionen",
        override_usage = "konzept templates [ORDNER]"
    )]
    Templates(TemplatesArgs),

    /// Schreibt für jedes Handlungsfeld der konzept.toml, zu dem noch keine Arbeitsmappe vorliegt, eine Arbeitsmappe mit Anleitung in den Ordner der Arbeitsgruppen; mit --refresh neue Formulare für alle Felder; vorhandene Dateien bleiben unverändert
    #[command(
        help_template = BEFEHL_HILFE,
        next_help_heading = "Optionen",
        override_usage = "konzept workbooks [ORDNER]\n       konzept workbooks --refresh [ORDNER] [--out ZIELORDNER]"
    )]
    Workbooks(WorkbooksArgs),

    /// Zeigt den Rücklauf der Arbeitsmappen: je Handlungsfeld Mappe, zuletzt gespeichert, Leitung, Mitglieder, Ziele, Maßnahmen, Fehler, Warnungen und Zustand
    #[command(
        next_help_heading = "Optionen",
        override_usage = "konzept status [ORDNER] [--format text|json]\n       konzept status [ORDNER] --format xlsx [DATEI]",
        after_help = "\nZustand: „fehlt“ (keine Mappe), „leer“ (noch das leere Formular oder ohne Ziele und Maßnahmen: gilt als nicht abgegeben), „mit Fehlern“, „mit Warnungen“, „vollständig“.\n„gespeichert“ kommt aus den Dokumenteigenschaften der Mappe (bei .xls aus der Dateizeit).\nExit-Code 0, auch wenn Mappen fehlen oder Fehler enthalten – es ist eine Übersicht; 1 nur, wenn das Projekt selbst nicht gelesen werden kann oder die Datei nicht geschrieben werden kann.\n",
        help_template = "{about}\n\nAufruf: {usage}\n\n{all-args}{after-help}"
    )]
    Status(StatusArgs),

    /// Sachstandsbericht nach dem Beschluss: report new (Sachstandsmappen je Handlungsfeld), report check (Mappen prüfen), report build (Sachstandsbericht, Mitteilungsvorlage und OParl-JSON)
    #[command(
        subcommand_help_heading = "Befehle",
        subcommand_value_name = "BEFEHL",
        help_template = "{about}\n\nAufruf: {usage}\n\n{all-args}",
        override_usage = "konzept report new [ORDNER] --jahr JAHR\n       konzept report check [ORDNER] [--jahr JAHR] [--model] [--annotate ORDNER]\n       konzept report build [ORDNER] [--jahr JAHR]"
    )]
    Report(ReportArgs),
    /// Startet den Server für Koordination und Arbeitsgruppen im Browser: je ein geheimer Link für die Koordination und jede Arbeitsgruppe
    #[command(
        help_template = "{about}\n\nAufruf: {usage}\n\n{all-args}{after-help}",
        next_help_heading = "Optionen",
        override_usage = "konzept serve [ORDNER] [--listen ADRESSE:PORT] [--url URL] [--jahr JAHR] [--links] [--renew ZUGANG]",
        after_help = "\nBeim Start steht je Zugang eine Zeile mit Name und Link auf der Standardausgabe (zuerst die Koordination). Die Links gelten, bis sie erneuert werden; ihre Prüfsummen und der Schlüssel liegen im Projektordner unter .konzept-serve/. Betrieb im Intranet (systemd, Reverse Proxy, Sicherung): docs/betrieb.md\n"
    )]
    Serve(ServeArgs),
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(subcommand)]
    pub command: ReportCommand,
}

#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// Hält beim ersten Mal das beschlossene Konzept fest (sachstand/beschluss.json) und schreibt je Handlungsfeld eine Sachstandsmappe nach sachstand/JAHR/; vorhandene Mappen bleiben unverändert
    #[command(help_template = BEFEHL_HILFE, next_help_heading = "Optionen", override_usage = "konzept report new [ORDNER] --jahr JAHR")]
    New(ReportNewArgs),
    /// Prüft die Sachstandsmappen eines Berichtsjahres und meldet jedes Problem mit Datei, Blatt und Zelle
    #[command(help_template = BEFEHL_HILFE, next_help_heading = "Optionen", override_usage = "konzept report check [ORDNER] [--jahr JAHR] [--model] [--annotate ORDNER]")]
    Check(ReportCheckArgs),
    /// Erstellt den Sachstandsbericht in den Formaten aus `[ausgabe] formate` (PDF, DOCX, ODT) im Ausgabeordner und, wenn dort auch „vorlage“ steht, die Mitteilungsvorlage in denselben Formaten mit ihrem OParl-JSON; prüft vorher wie `report check`
    #[command(help_template = BEFEHL_HILFE, next_help_heading = "Optionen", override_usage = "konzept report build [ORDNER] [--jahr JAHR] [--format pdf,docx,odt,vorlage] [--typst]")]
    Build(ReportBuildArgs),
}

#[derive(Debug, Args)]
pub struct ReportNewArgs {
    #[command(flatten)]
    pub projekt: ProjektOrdner,

    /// Berichtsjahr, z. B. 2028: der Stand zum 31.12. dieses Jahres
    #[arg(long, value_name = "JAHR", value_parser = parse_jahr)]
    pub jahr: i32,
}

#[derive(Debug, Args)]
pub struct ReportRoundArgs {
    #[command(flatten)]
    pub projekt: ProjektOrdner,

    /// Berichtsjahr; Standard: das jüngste Jahr unter sachstand/
    #[arg(long, value_name = "JAHR", value_parser = parse_jahr)]
    pub jahr: Option<i32>,
}

#[derive(Debug, Args)]
pub struct ReportCheckArgs {
    #[command(flatten)]
    pub round: ReportRoundArgs,

    /// Gibt das Datenmodell des Berichts als JSON aus (das, was die Vorlagen sehen: das beschlossene Konzept mit „sachstand“ und „mitteilung“)
    #[arg(long)]
    pub model: bool,

    /// Schreibt von jeder Sachstandsmappe mit Fehlern oder Warnungen eine Kopie „NAME-Meldungen.xlsx“ in diesen Ordner (er wird angelegt): jede betroffene Zelle markiert (rot: Fehler, gelb: Warnung) und kommentiert, vorn das Blatt „Meldungen“; zum Zurückschicken an die Arbeitsgruppe. Das Original bleibt unverändert; nicht der Ordner der Mappen
    #[arg(long, value_name = "ORDNER")]
    pub annotate: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ReportBuildArgs {
    #[command(flatten)]
    pub round: ReportRoundArgs,

    /// Erstellt nur diese Formate statt der aus `[ausgabe] formate`: pdf, docx, odt (OpenDocument für LibreOffice), vorlage (dazu die Mitteilungsvorlage mit OParl-JSON); mehrere mit Komma, z. B. --format pdf,odt,vorlage
    #[arg(long, value_name = "FORMAT", value_delimiter = ',', value_parser = ["pdf", "docx", "odt", "vorlage"], hide_possible_values = true)]
    pub format: Vec<String>,

    /// PDF-Standard: a-2a+ua-1 (Standard: archivierbar und barrierefrei), a-2b, a-2a, ua-1, a-2b+ua-1 oder none
    #[arg(long, value_name = "STANDARD", default_value = "a-2a+ua-1", hide_default_value = true, value_parser = parse_standard)]
    pub pdf_standard: crate::render::typst::PdfStandard,

    /// Schreibt zusätzlich den erzeugten Typst-Quelltext (.typ) neben die PDF-Dateien
    #[arg(long)]
    pub typst: bool,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub projekt: ProjektOrdner,

    /// Adresse und Port, z. B. 0.0.0.0:8080 für das ganze Intranet; Standard: 127.0.0.1 und ein freier Port
    #[arg(long, value_name = "ADRESSE:PORT")]
    pub listen: Option<String>,

    /// Anfang der Links, wenn der Server hinter einem Reverse Proxy steht, z. B. https://konzept.stadt.de
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,

    /// Zeigt nur die Links (Name und URL je Zugang) und startet den Server nicht
    #[arg(long)]
    pub links: bool,

    /// Gibt einem Zugang einen neuen Link (der alte gilt nicht mehr): „koordination“ oder ein Handlungsfeld (Name oder Kürzel)
    #[arg(long, value_name = "ZUGANG")]
    pub renew: Option<String>,

    /// Das Jahr des Sachstandsberichts, dessen Mappen der Server annimmt (Standard: das neueste unter sachstand/)
    #[arg(long, value_name = "JAHR", value_parser = parse_jahr)]
    pub jahr: Option<i32>,

    /// Größte Datei beim Hochladen in MB (Standard: 20)
    #[arg(
        long,
        value_name = "MB",
        default_value_t = 20,
        hide_default_value = true
    )]
    pub max_upload: usize,

    /// TLS-Zertifikat (PEM) für https ohne Reverse Proxy; zusammen mit --tls-key
    #[arg(long, value_name = "DATEI", requires = "tls_key")]
    pub tls_cert: Option<PathBuf>,

    /// Privater Schlüssel (PEM) zum TLS-Zertifikat
    #[arg(long, value_name = "DATEI", requires = "tls_cert")]
    pub tls_key: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    #[command(flatten)]
    pub projekt: ProjektOrdner,

    /// text (Standard: Tabelle), json (für Skripte) oder xlsx DATEI (eine Rücklauf-Mappe; ohne DATEI ruecklauf.xlsx im Projektordner)
    #[arg(long, value_name = "FORMAT", num_args = 1..=2, default_value = "text", hide_default_value = true)]
    pub format: Vec<String>,
}

#[derive(Debug, Args)]
pub struct WorkbooksArgs {
    #[command(flatten)]
    pub projekt: ProjektOrdner,

    /// Schreibt neue Formulare für jedes Handlungsfeld (leer, und wo eine Mappe zurückgekommen ist, zusätzlich vorausgefüllt) mit der aktuellen Akteursliste, Kommune, Laufzeit und Rückgabe ([rueckgabe] in konzept.toml) in den Ordner formulare/ des Projekts; die Rückläufe bleiben unverändert
    #[arg(long)]
    pub refresh: bool,

    /// Ordner für die neuen Formulare statt formulare/ im Projekt (nur mit --refresh)
    #[arg(long, value_name = "ZIELORDNER", requires = "refresh")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct TemplatesArgs {
    /// Ordner des Konzeptprojekts; die Vorlagen kommen in seinen Unterordner vorlagen/ (vorhandene Dateien bleiben unverändert); Standard: der aktuelle Ordner
    #[arg(
        value_name = "ORDNER",
        default_value = ".",
        hide_default_value = true,
        help_heading = "Argumente"
    )]
    pub dir: PathBuf,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// Ordner für das neue Projekt; er darf nicht existieren oder muss leer sein
    #[arg(value_name = "ORDNER", help_heading = "Argumente")]
    pub dir: PathBuf,

    /// Name der Kommune, z. B. "Bad Münstereifel" oder "Kreis Lippe"; Standard: aus dem Ordnernamen
    #[arg(long, value_name = "NAME", conflicts_with = "example")]
    pub kommune: Option<String>,

    /// Legt statt eines leeren Projekts das vollständige Beispiel „Musterstadt“ an
    #[arg(long)]
    pub example: bool,

    /// Ein Handlungsfeld mit Name und, nach =, Kürzel, z. B. --feld "Sport und Bewegung=SP"; mehrfach angeben, in der Reihenfolge des Konzepts; ohne --feld die sieben Felder des Leitfadens; ohne Kürzel der erste freie Buchstabe
    #[arg(long = "feld", value_name = "NAME[=KURZ]", conflicts_with = "example")]
    pub felder: Vec<String>,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub projekt: ProjektOrdner,

    /// PDF-Standard: a-2a+ua-1 (Standard: archivierbar und barrierefrei), a-2b, a-2a, ua-1, a-2b+ua-1 oder none
    #[arg(long, value_name = "STANDARD", default_value = "a-2a+ua-1", hide_default_value = true, value_parser = parse_standard)]
    pub pdf_standard: crate::render::typst::PdfStandard,

    /// Schreibt zusätzlich den erzeugten Typst-Quelltext (.typ) neben das PDF
    #[arg(long)]
    pub typst: bool,

    /// Schreibt keine Beschlussvorlage (PDF, DOCX, ODT, OParl-JSON), nur das Konzept
    #[arg(long)]
    pub no_submission: bool,

    /// Schreibt statt des Konzepts einen Auszug für eine Gemeinde, einen Sozialraum oder ein Quartier: die Maßnahmen, die diesen Ort in der Spalte „Ort“ nennen, mit ihren Zielen, in der Gestaltung des Konzepts (ohne Beschlussvorlage)
    #[arg(long, value_name = "NAME", conflicts_with = "watch")]
    pub auszug: Option<String>,

    /// Erstellt nur diese Formate statt der aus `[ausgabe] formate`: pdf, docx, odt (OpenDocument für LibreOffice), vorlage (dazu die Beschlussvorlage); mehrere mit Komma, z. B. --format pdf,odt,vorlage
    #[arg(long, value_name = "FORMAT", value_delimiter = ',', value_parser = ["pdf", "docx", "odt", "vorlage"], hide_possible_values = true)]
    pub format: Vec<String>,

    /// Beobachtet den Projektordner und erstellt die Dokumente nach jeder Änderung einer Arbeitsmappe, der konzept.toml, des Logos oder einer eigenen Vorlage (vorlagen/) neu (beenden mit Strg+C)
    #[arg(long)]
    pub watch: bool,
}

/// A report year: four digits between 2000 and 2100.
fn parse_jahr(s: &str) -> Result<i32, String> {
    s.trim()
        .parse::<i32>()
        .ok()
        .filter(|y| (2000..=2100).contains(y))
        .ok_or_else(|| "erwartet wird ein Berichtsjahr zwischen 2000 und 2100, z. B. 2028".into())
}

fn parse_standard(s: &str) -> Result<crate::render::typst::PdfStandard, String> {
    s.parse()
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub projekt: ProjektOrdner,

    /// Ausgabeformat der Meldungen: text (Standard) oder json
    #[arg(long, value_enum, default_value_t = Format::Text, value_name = "FORMAT", hide_possible_values = true, hide_default_value = true)]
    pub format: Format,

    /// Gibt das zusammengeführte Datenmodell als JSON aus (das, was die Vorlagen sehen)
    #[arg(long)]
    pub model: bool,

    /// Schreibt von jeder Arbeitsmappe mit Fehlern oder Warnungen eine Kopie „NAME-Meldungen.xlsx“ in diesen Ordner (er wird angelegt): jede betroffene Zelle markiert (rot: Fehler, gelb: Warnung) und kommentiert, vorn das Blatt „Meldungen“ mit allen Meldungen; zum Zurückschicken an die Arbeitsgruppe. Das Original bleibt unverändert; nicht der Ordner der Arbeitsmappen
    #[arg(long, value_name = "ORDNER")]
    pub annotate: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Lesbarer Text (Standard)
    Text,
    /// JSON-Liste der Meldungen
    Json,
}

/// Turns a clap error into a German message (clap's own texts are English).
pub fn german_error(e: &clap::Error) -> String {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let ctx = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    let arg = ctx(ContextKind::InvalidArg);
    let value = ctx(ContextKind::InvalidValue);
    let msg = match e.kind() {
        ErrorKind::UnknownArgument => format!("unbekanntes Argument „{arg}“"),
        ErrorKind::InvalidSubcommand => format!(
            "unbekannter Befehl „{}“",
            ctx(ContextKind::InvalidSubcommand)
        ),
        ErrorKind::ValueValidation => {
            let source = std::error::Error::source(e)
                .map(|s| s.to_string())
                .unwrap_or_default();
            format!("ungültiger Wert „{value}“ für {arg}: {source}")
        }
        ErrorKind::InvalidValue => {
            let valid = ctx(ContextKind::ValidValue);
            if valid.is_empty() {
                format!("ungültiger Wert „{value}“ für {arg}")
            } else {
                format!("ungültiger Wert „{value}“ für {arg}; erlaubt: {valid}")
            }
        }
        ErrorKind::MissingRequiredArgument if arg.contains("--refresh") => {
            "--out gilt nur zusammen mit --refresh (konzept workbooks --refresh ORDNER --out ZIELORDNER)".to_string()
        }
        ErrorKind::MissingRequiredArgument => format!("es fehlt eine Angabe: {arg}"),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "es fehlt ein Befehl (new, check, build, status, serve, templates, workbooks oder report)".to_string()
        }
        ErrorKind::ArgumentConflict => format!(
            "„{arg}“ und „{}“ passen nicht zusammen",
            ctx(ContextKind::PriorArg)
        ),
        ErrorKind::TooManyValues => {
            format!("unerwartetes Argument „{value}{arg}“")
        }
        _ => format!("ungültiger Aufruf ({})", e.kind()),
    };
    let suggestion = match e
        .get(ContextKind::SuggestedSubcommand)
        .or(e.get(ContextKind::SuggestedArg))
    {
        Some(s) => format!("\n  hinweis: meinten Sie „{s}“?"),
        None => String::new(),
    };
    format!("fehler: {msg}{suggestion}\n  hinweis: Hilfe mit `konzept --help`")
}
