//! The built-in templates, embedded from `templates/` (`include_str!`), so a
//! bare machine renders the same document: the catalogue of every format's
//! files, what `konzept templates` writes, and the Handlebars syntax check
//! that the project's overrides (read in `project/overrides.rs`) and the
//! render registries share.

use handlebars::Handlebars;

/// A built-in template: its name (as used in `{{> name}}`) and its text.
pub struct Builtin {
    pub name: &'static str,
    /// File name inside `templates/`, for messages and for `konzept templates`.
    pub file: &'static str,
    pub text: &'static str,
}

/// `builtin!("name", "typst/file.typ.hbs")`: a built-in template embedded
/// from `templates/` (used by every format's template list).
macro_rules! builtin {
    ($name:literal, $file:literal) => {
        $crate::embedded::templates::Builtin {
            name: $name,
            file: $file,
            text: include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/", $file)),
        }
    };
}

/// The Typst templates: the main document, one partial per chapter, the
/// charts (also rendered on their own for the DOCX), and the council
/// submission (`vorlage`, a document of its own).
pub const TYPST: &[Builtin] = &[
    builtin!("main", "typst/main.typ.hbs"),
    builtin!("design", "typst/design.typ.hbs"),
    builtin!("diagramme", "typst/diagramme.typ.hbs"),
    builtin!("diagramme-einzeln", "typst/diagramme-einzeln.typ.hbs"),
    builtin!("titelseite", "typst/titelseite.typ.hbs"),
    builtin!("ueberblick", "typst/ueberblick.typ.hbs"),
    builtin!("kapitel-1", "typst/kapitel-1.typ.hbs"),
    builtin!("kapitel-2", "typst/kapitel-2.typ.hbs"),
    builtin!("beteiligung", "typst/beteiligung.typ.hbs"),
    builtin!("kapitel-3", "typst/kapitel-3.typ.hbs"),
    builtin!("handlungsfeld", "typst/handlungsfeld.typ.hbs"),
    builtin!("zielsystem", "typst/zielsystem.typ.hbs"),
    builtin!("querschnittsthemen", "typst/querschnittsthemen.typ.hbs"),
    builtin!("auszug", "typst/auszug.typ.hbs"),
    builtin!("anhang", "typst/anhang.typ.hbs"),
    builtin!("verzeichnisse", "typst/verzeichnisse.typ.hbs"),
    builtin!("vorlage", "typst/vorlage.typ.hbs"),
    builtin!("sachstand", "typst/sachstand.typ.hbs"),
    builtin!("sachstand-diagramme", "typst/sachstand-diagramme.typ.hbs"),
    builtin!(
        "sachstand-diagramme-einzeln",
        "typst/sachstand-diagramme-einzeln.typ.hbs"
    ),
    builtin!("mitteilung", "typst/mitteilung.typ.hbs"),
];

/// The plain Typst style library imported by the generated source.
pub const TYPST_STYLE: Builtin = builtin!("stil", "typst/stil.typ");

/// The DOCX templates: one per package part, plus the chapter partials of
/// `document.xml`.
pub const DOCX: &[Builtin] = &[
    builtin!("content-types", "docx/content-types.xml.hbs"),
    builtin!("rels", "docx/rels.xml.hbs"),
    builtin!("core", "docx/core.xml.hbs"),
    builtin!("app", "docx/app.xml.hbs"),
    builtin!("document", "docx/document.xml.hbs"),
    builtin!("sektion", "docx/sektion.xml.hbs"),
    builtin!("titelseite", "docx/titelseite.xml.hbs"),
    builtin!("ueberblick", "docx/ueberblick.xml.hbs"),
    builtin!("kapitel-1", "docx/kapitel-1.xml.hbs"),
    builtin!("kapitel-2", "docx/kapitel-2.xml.hbs"),
    builtin!("beteiligung", "docx/beteiligung.xml.hbs"),
    builtin!("kapitel-3", "docx/kapitel-3.xml.hbs"),
    builtin!("handlungsfeld", "docx/handlungsfeld.xml.hbs"),
    builtin!("zielsystem", "docx/zielsystem.xml.hbs"),
    builtin!("querschnittsthemen", "docx/querschnittsthemen.xml.hbs"),
    builtin!("auszug", "docx/auszug.xml.hbs"),
    builtin!("anhang", "docx/anhang.xml.hbs"),
    builtin!("verzeichnisse", "docx/verzeichnisse.xml.hbs"),
    builtin!("document-rels", "docx/document.xml.rels.hbs"),
    builtin!("styles", "docx/styles.xml.hbs"),
    builtin!("numbering", "docx/numbering.xml.hbs"),
    builtin!("settings", "docx/settings.xml.hbs"),
    builtin!("font-table", "docx/fontTable.xml.hbs"),
    builtin!("header", "docx/header.xml.hbs"),
    builtin!("header-titel", "docx/header-titel.xml.hbs"),
    builtin!("footer", "docx/footer.xml.hbs"),
    builtin!("footer-titel", "docx/footer-titel.xml.hbs"),
    builtin!("wasserzeichen", "docx/wasserzeichen.xml.hbs"),
    builtin!("vorlage-document", "docx/vorlage-document.xml.hbs"),
    builtin!("vorlage-kopf", "docx/vorlage-kopf.xml.hbs"),
    builtin!("vorlage-core", "docx/vorlage-core.xml.hbs"),
    builtin!("sachstand-document", "docx/sachstand-document.xml.hbs"),
    builtin!("sachstand-core", "docx/sachstand-core.xml.hbs"),
    builtin!("mitteilung-document", "docx/mitteilung-document.xml.hbs"),
];

/// The ODT templates: one per package part, the page headers and the
/// watermark (partials of `styles.xml`), the body of each document kind
/// and the chapter partials of the concept's body.
pub const ODT: &[Builtin] = &[
    builtin!("content", "odt/content.xml.hbs"),
    builtin!("styles", "odt/styles.xml.hbs"),
    builtin!("meta", "odt/meta.xml.hbs"),
    builtin!("settings", "odt/settings.xml.hbs"),
    builtin!("manifest", "odt/manifest.xml.hbs"),
    builtin!("kopf", "odt/kopf.xml.hbs"),
    builtin!("wasserzeichen", "odt/wasserzeichen.xml.hbs"),
    builtin!("inhalt", "odt/inhalt.xml.hbs"),
    builtin!("titelseite", "odt/titelseite.xml.hbs"),
    builtin!("ueberblick", "odt/ueberblick.xml.hbs"),
    builtin!("kapitel-1", "odt/kapitel-1.xml.hbs"),
    builtin!("kapitel-2", "odt/kapitel-2.xml.hbs"),
    builtin!("beteiligung", "odt/beteiligung.xml.hbs"),
    builtin!("kapitel-3", "odt/kapitel-3.xml.hbs"),
    builtin!("handlungsfeld", "odt/handlungsfeld.xml.hbs"),
    builtin!("zielsystem", "odt/zielsystem.xml.hbs"),
    builtin!("querschnittsthemen", "odt/querschnittsthemen.xml.hbs"),
    builtin!("auszug", "odt/auszug.xml.hbs"),
    builtin!("anhang", "odt/anhang.xml.hbs"),
    builtin!("verzeichnisse", "odt/verzeichnisse.xml.hbs"),
    builtin!("vorlage-inhalt", "odt/vorlage-inhalt.xml.hbs"),
    builtin!("vorlage-kopf", "odt/vorlage-kopf.xml.hbs"),
    builtin!("vorlage-meta", "odt/vorlage-meta.xml.hbs"),
    builtin!("bericht-inhalt", "odt/bericht-inhalt.xml.hbs"),
    builtin!("bericht-meta", "odt/bericht-meta.xml.hbs"),
    builtin!("mitteilung-inhalt", "odt/mitteilung-inhalt.xml.hbs"),
];

/// A template file from the project's override folder (`vorlagen/`), read
/// once when the project is loaded. It replaces the built-in with the same
/// file name, one file at a time; every other template stays built in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Override {
    /// The built-in's file name inside `templates/`: `typst/kapitel-1.typ.hbs`.
    pub file: String,
    /// The file as messages name it: `vorlagen/typst/kapitel-1.typ.hbs`.
    pub shown: String,
    pub text: String,
}

/// Every built-in file, as `konzept templates` writes it and as an override
/// must be named: Typst templates, the Typst style library, DOCX and ODT
/// templates.
pub fn all_builtins() -> Vec<&'static Builtin> {
    TYPST
        .iter()
        .chain(std::iter::once(&TYPST_STYLE))
        .chain(DOCX.iter())
        .chain(ODT.iter())
        .collect()
}

/// The short German guide written to `vorlagen/LIESMICH.md`.
pub const LIESMICH: &str = include_str!("../../templates/LIESMICH.md");

/// What `konzept templates` did with one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Written {
    /// Written (path as given).
    Neu(std::path::PathBuf),
    /// Already there; left alone.
    Vorhanden(std::path::PathBuf),
}

/// `konzept templates`: writes every built-in template and `LIESMICH.md`
/// into `folder` (`vorlagen/` of the project), keeping files that already
/// exist, so an edited template is never lost.
pub fn write_builtins(folder: &std::path::Path) -> std::io::Result<Vec<Written>> {
    let mut files: Vec<(String, &str)> = all_builtins()
        .into_iter()
        .map(|t| (t.file.to_string(), t.text))
        .collect();
    files.push(("LIESMICH.md".into(), LIESMICH));
    let mut out = Vec::new();
    for (rel, text) in files {
        let path = folder.join(rel);
        if path.exists() || path.is_symlink() {
            out.push(Written::Vorhanden(path));
            continue;
        }
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        // `create_new`: a file that appeared meanwhile is never overwritten.
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut f) => {
                use std::io::Write;
                f.write_all(text.as_bytes())?;
                out.push(Written::Neu(path));
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                out.push(Written::Vorhanden(path))
            }
            Err(e) => return Err(e),
        }
    }
    Ok(out)
}

/// Checks a template text (an override) the way the registry will read it: `Err((line,
/// message))` for a Handlebars syntax error.
pub fn check_syntax(text: &str) -> Result<(), (Option<usize>, String)> {
    let mut hb = Handlebars::new();
    hb.register_template_string("vorlage", text)
        .map_err(|e| syntax_error(text, e.pos().map(|p| p.0), e.reason().to_string()))
}

/// A syntax error's line and message. The parser reports a block that is
/// never closed at the end of the file; the line of the block itself helps
/// more.
pub fn syntax_error(text: &str, line: Option<usize>, message: String) -> (Option<usize>, String) {
    let at_end = line.is_none_or(|l| l >= text.lines().count());
    match unclosed_block(text) {
        Some((l, tag)) if at_end => {
            let name = tag
                .split_whitespace()
                .next()
                .unwrap_or("")
                .trim_start_matches('#');
            (
                Some(l),
                format!("„{{{{{tag}}}}}“ wird nicht mit „{{{{/{name}}}}}“ geschlossen"),
            )
        }
        _ => (line, message),
    }
}

/// The line and tag of the innermost block (`{{#if …}}`, `{{#each …}}`)
/// that is never closed.
fn unclosed_block(text: &str) -> Option<(usize, String)> {
    let mut open: Vec<(usize, String)> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let mut rest = line;
        while let Some(pos) = rest.find("{{") {
            let tag = rest[pos + 2..].trim_start_matches(['{', '~']);
            let inner = tag.split("}}").next().unwrap_or("").trim_end_matches('~');
            if tag.starts_with('#') && !tag.starts_with("#>") {
                open.push((i + 1, inner.trim().to_string()));
            } else if tag.starts_with('/') {
                open.pop();
            }
            rest = &rest[pos + 2..];
        }
    }
    open.pop()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unclosed_block_finds_the_open_block() {
        assert_eq!(
            unclosed_block("a\n{{#if x}}\n{{#each y}}{{/each}}\n"),
            Some((2, "#if x".to_string()))
        );
        assert_eq!(unclosed_block("{{#if x}}{{/if}}"), None);
        let (line, msg) = check_syntax("a\n{{#if x}}\nb\n").unwrap_err();
        assert_eq!(line, Some(2));
        assert_eq!(msg, "„{{#if x}}“ wird nicht mit „{{/if}}“ geschlossen");
    }

    #[test]
    fn builtins_written_once_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("vorlagen");
        let first = write_builtins(&folder).unwrap();
        assert!(first.iter().all(|w| matches!(w, Written::Neu(_))));
        assert_eq!(first.len(), all_builtins().len() + 1);
        std::fs::write(folder.join("typst/kapitel-1.typ.hbs"), "eigen").unwrap();
        let second = write_builtins(&folder).unwrap();
        assert!(second.iter().all(|w| matches!(w, Written::Vorhanden(_))));
        assert_eq!(
            std::fs::read_to_string(folder.join("typst/kapitel-1.typ.hbs")).unwrap(),
            "eigen"
        );
    }
}
