//! The municipality's LibreOffice template (`gestaltung.odt_vorlage`, an
//! `.ott` or `.odt`): its paragraph, text, list and default styles and the
//! fonts they name, read once when the project is read — the ODT twin of
//! [`super::word_template`]. `render/odt/ott.rs` puts them in place of the
//! built-in styles of the same name.
//!
//! The styles are written anew from the parsed XML, keeping only what ODF
//! 1.3 itself defines: LibreOffice's own extensions (`loext:`, `officeooo:`)
//! and anything else outside the standard's namespaces are left out, so the
//! ODT stays strict ODF.

use std::io::Read;

/// What konzept takes from a LibreOffice template.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OdtTemplate {
    /// The path as given in `konzept.toml`, for messages.
    pub datei: String,
    /// The common styles of `office:styles`: (family or element, name,
    /// the element as ODF XML with the standard prefixes).
    pub stile: Vec<(String, String, String)>,
    /// The `style:font-face` elements the styles need.
    pub schriften: Vec<(String, String)>,
}

/// The ODF namespaces and the prefixes konzept's templates use for them.
const NAMESPACES: &[(&str, &str)] = &[
    ("urn:oasis:names:tc:opendocument:xmlns:office:1.0", "office"),
    ("urn:oasis:names:tc:opendocument:xmlns:style:1.0", "style"),
    ("urn:oasis:names:tc:opendocument:xmlns:text:1.0", "text"),
    ("urn:oasis:names:tc:opendocument:xmlns:table:1.0", "table"),
    ("urn:oasis:names:tc:opendocument:xmlns:drawing:1.0", "draw"),
    (
        "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
        "fo",
    ),
    ("http://www.w3.org/1999/xlink", "xlink"),
    (
        "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
        "svg",
    ),
];

fn prefix(ns: Option<&str>) -> Option<&'static str> {
    let ns = ns?;
    NAMESPACES.iter().find(|(u, _)| *u == ns).map(|(_, p)| *p)
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The element as XML with konzept's prefixes, without what lies outside
/// the ODF namespaces (elements, attributes) and without text content
/// (styles have none that matters).
fn write(node: roxmltree::Node, out: &mut String) {
    let Some(p) = prefix(node.tag_name().namespace()) else {
        return;
    };
    out.push('<');
    out.push_str(p);
    out.push(':');
    out.push_str(node.tag_name().name());
    for a in node.attributes() {
        if let Some(ap) = prefix(a.namespace()) {
            out.push_str(&format!(" {ap}:{}=\"{}\"", a.name(), escape(a.value())));
        }
    }
    let children: Vec<_> = node.children().filter(|c| c.is_element()).collect();
    if children.is_empty() {
        out.push_str("/>");
        return;
    }
    out.push('>');
    for c in children {
        write(c, out);
    }
    out.push_str(&format!("</{p}:{}>", node.tag_name().name()));
}

/// A zip part as text, if present and not too large.
fn part(zip: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>, name: &str) -> Option<String> {
    let f = zip.by_name(name).ok()?;
    if f.size() > super::workbook::MAX_FILE_SIZE {
        return None;
    }
    let mut out = String::new();
    f.take(super::workbook::MAX_FILE_SIZE)
        .read_to_string(&mut out)
        .ok()?;
    Some(out)
}

/// Reads an `.ott`/`.odt`; `warn` gets what is not taken over.
pub fn read(
    datei: &str,
    bytes: &[u8],
    warn: &mut dyn FnMut(String),
) -> Result<OdtTemplate, String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|_| "die Datei ist keine OpenDocument-Datei (kein ZIP-Paket)".to_string())?;
    let styles = part(&mut zip, "styles.xml").ok_or("das Paket enthält kein styles.xml")?;
    let doc = roxmltree::Document::parse(&styles)
        .map_err(|e| format!("styles.xml ist fehlerhaft: {e}"))?;
    let mut v = OdtTemplate {
        datei: datei.to_string(),
        ..Default::default()
    };
    let office = NAMESPACES[0].0;
    let style_ns = NAMESPACES[1].0;
    for n in doc.descendants().filter(|n| n.is_element()) {
        let parent = n.parent().map(|p| p.tag_name().name()).unwrap_or_default();
        let name = n.attribute((style_ns, "name")).unwrap_or_default();
        if n.tag_name().namespace() != Some(office) && parent == "styles" && !name.is_empty() {
            let kind = n
                .attribute((style_ns, "family"))
                .unwrap_or(n.tag_name().name());
            // Not the outline style: the headings keep the PDF's numbers.
            if ["paragraph", "text", "list-style"].contains(&kind) {
                let mut xml = String::new();
                write(n, &mut xml);
                v.stile.push((kind.to_string(), name.to_string(), xml));
            }
        } else if n.tag_name().name() == "font-face" && !name.is_empty() {
            let mut xml = String::new();
            write(n, &mut xml);
            v.schriften.push((name.to_string(), xml));
        }
    }
    if v.stile.is_empty() {
        return Err("sie enthält keine Absatz- oder Zeichenvorlagen".into());
    }
    if doc
        .descendants()
        .any(|n| n.tag_name().name() == "master-page")
    {
        warn("Seitenvorlagen (Kopf- und Fußzeilen, Ränder) werden nicht übernommen; die Ränder stehen in `gestaltung.raender`".into());
    }
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An `.ott` with the given `styles.xml`.
    pub(crate) fn ott(styles: &str) -> Vec<u8> {
        use std::io::Write;
        let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let o = zip::write::SimpleFileOptions::default();
        w.start_file("mimetype", o).unwrap();
        w.write_all(b"application/vnd.oasis.opendocument.text-template")
            .unwrap();
        w.start_file("styles.xml", o).unwrap();
        w.write_all(styles.as_bytes()).unwrap();
        w.finish().unwrap().into_inner()
    }

    #[test]
    fn styles_are_taken_without_extensions() {
        let xml = r##"<?xml version="1.0"?><office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:s="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"><office:font-face-decls><s:font-face s:name="Verdana" svg:font-family="Verdana"/></office:font-face-decls><office:styles><s:style s:name="Heading_20_1" s:family="paragraph" loext:x="1"><s:text-properties fo:color="#C00000" s:font-name="Verdana"/><loext:graphic-properties/></s:style><s:style s:name="Rahmen" s:family="graphic"/></office:styles><office:master-styles><s:master-page s:name="Standard"/></office:master-styles></office:document-styles>"##;
        let mut warnings = Vec::new();
        let v = read("v.ott", &ott(xml), &mut |w| warnings.push(w)).unwrap();
        assert_eq!(v.stile.len(), 1);
        assert_eq!(
            v.stile[0].2,
            "<style:style style:name=\"Heading_20_1\" style:family=\"paragraph\"><style:text-properties fo:color=\"#C00000\" style:font-name=\"Verdana\"/></style:style>"
        );
        assert_eq!(v.schriften[0].0, "Verdana");
        assert_eq!(warnings.len(), 1);
        assert!(read("v.ott", b"kein zip", &mut |_| {}).is_err());
    }
}
