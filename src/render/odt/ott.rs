//! The project's LibreOffice template applied to `styles.xml`: each of its
//! styles replaces the built-in style of the same family and name (so
//! „Überschrift 1“ of the template is the ODT's), the others are added, and
//! the fonts they name are declared.

use crate::input::odt_template::OdtTemplate;

/// The family (or element name) and name of a style element.
fn key(node: roxmltree::Node) -> Option<(String, String)> {
    const STYLE: &str = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
    let name = node.attribute((STYLE, "name"))?;
    let kind = node
        .attribute((STYLE, "family"))
        .unwrap_or(node.tag_name().name());
    Some((kind.to_string(), name.to_string()))
}

/// `styles` (the rendered `styles.xml`) with the template's styles and
/// fonts. Unchanged if it cannot be parsed (a broken override shows up in
/// the validator, not here).
pub(super) fn apply(styles: &str, v: &OdtTemplate) -> String {
    let Ok(doc) = roxmltree::Document::parse(styles) else {
        return styles.to_string();
    };
    // Byte ranges of the built-in styles the template replaces, in order.
    let mut replace: Vec<(std::ops::Range<usize>, &str)> = Vec::new();
    let mut taken = std::collections::BTreeSet::new();
    let mut styles_end = None;
    let mut fonts_end = None;
    for n in doc.descendants().filter(|n| n.is_element()) {
        match n.tag_name().name() {
            "styles" => styles_end = Some(n.range().end),
            "font-face-decls" => fonts_end = Some(n.range().end),
            _ => {}
        }
        if n.parent().map(|p| p.tag_name().name()) != Some("styles") {
            continue;
        }
        if let Some(k) = key(n) {
            if let Some((_, _, xml)) = v.stile.iter().find(|(f, s, _)| (f, s) == (&k.0, &k.1)) {
                replace.push((n.range(), xml));
                taken.insert(k);
            }
        }
    }
    let added: String = v
        .stile
        .iter()
        .filter(|(f, s, _)| !taken.contains(&(f.clone(), s.clone())))
        .map(|(_, _, xml)| xml.as_str())
        .collect();
    let fonts: String = v
        .schriften
        .iter()
        .filter(|(name, _)| !styles.contains(&format!("style:font-face style:name=\"{name}\"")))
        .map(|(_, xml)| xml.as_str())
        .collect();
    // Insert before the closing tags: `</office:styles>` and
    // `</office:font-face-decls>`.
    let close = |end: Option<usize>, tag: &str| end.map(|e| e - tag.len()..e - tag.len());
    if let Some(r) = close(styles_end, "</office:styles>") {
        replace.push((r, &added));
    }
    if let Some(r) = close(fonts_end, "</office:font-face-decls>") {
        replace.push((r, &fonts));
    }
    replace.sort_by_key(|(r, _)| r.start);
    let mut out = String::with_capacity(styles.len() + added.len());
    let mut at = 0;
    for (r, xml) in replace {
        out.push_str(&styles[at..r.start]);
        out.push_str(xml);
        at = r.end;
    }
    out.push_str(&styles[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_styles_replace_and_add() {
        let styles = "<office:document-styles xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\"><office:font-face-decls><style:font-face style:name=\"Arial\"/></office:font-face-decls><office:styles><style:style style:name=\"A\" style:family=\"paragraph\"/><style:style style:name=\"B\" style:family=\"paragraph\"/></office:styles></office:document-styles>";
        let v = OdtTemplate {
            datei: "v.ott".into(),
            stile: vec![
                (
                    "paragraph".into(),
                    "B".into(),
                    "<style:style style:name=\"B\" style:family=\"paragraph\"><x/></style:style>"
                        .into(),
                ),
                (
                    "text".into(),
                    "C".into(),
                    "<style:style style:name=\"C\" style:family=\"text\"/>".into(),
                ),
            ],
            schriften: vec![(
                "Verdana".into(),
                "<style:font-face style:name=\"Verdana\"/>".into(),
            )],
        };
        let out = apply(styles, &v);
        assert_eq!(out, "<office:document-styles xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\"><office:font-face-decls><style:font-face style:name=\"Arial\"/><style:font-face style:name=\"Verdana\"/></office:font-face-decls><office:styles><style:style style:name=\"A\" style:family=\"paragraph\"/><style:style style:name=\"B\" style:family=\"paragraph\"><x/></style:style><style:style style:name=\"C\" style:family=\"text\"/></office:styles></office:document-styles>");
    }
}
