//! XML text for OOXML parts: escaping, removal of characters XML 1.0 forbids,
//! and plain text turned into WordprocessingML runs.
//!
//! One U+0001 in `document.xml` makes LibreOffice reject the whole file, so
//! every value passes through [`clean`] before it is written.

/// Whether XML 1.0 allows `c` in a document. C1 controls are allowed but
/// invisible and meaningless in a council document, so they go too.
fn allowed(c: char) -> bool {
    matches!(c,
        '\t' | '\n' | '\r'
        | '\u{20}'..='\u{7E}'
        | '\u{A0}'..='\u{D7FF}'
        | '\u{E000}'..='\u{FFFD}'
        | '\u{10000}'..='\u{10FFFF}')
}

/// Text without the characters XML 1.0 forbids (and C1 controls). Vertical
/// tab becomes a line break: Excel writes it for Alt+Enter in old files.
pub fn clean(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            '\u{B}' => Some('\n'),
            c if allowed(c) => Some(c),
            _ => None,
        })
        .collect()
}

/// Escapes for XML text and attribute values (after [`clean`]): the escape
/// function of the DOCX registry, so `{{x}}` is always safe.
pub fn escape_xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in clean(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // In attributes a raw line break would be normalised to a space.
            '\n' => out.push_str("&#10;"),
            '\r' => {}
            '\t' => out.push_str("&#9;"),
            c => out.push(c),
        }
    }
    out
}

/// Whether `c` belongs to a right-to-left script (Arabic, Hebrew, Syriac,
/// Thaana and the Arabic presentation forms).
fn is_rtl(c: char) -> bool {
    matches!(c,
        '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// Whether `c` carries its own direction (a letter or digit), as opposed to
/// spaces and punctuation that take the direction of their neighbours.
fn is_strong(c: char) -> bool {
    c.is_alphanumeric()
}

/// Run properties shared by the runs of one piece of text.
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub struct RunStyle {
    pub bold: bool,
    pub italic: bool,
    /// White text (table header cells on the accent colour).
    pub white: bool,
    /// Grey text (labels, small print): the character style `Grau`.
    pub grau: bool,
    /// Accent-coloured text: the character style `Akzent`.
    pub akzent: bool,
}

impl RunStyle {
    fn props(self, rtl: bool) -> String {
        let mut p = String::new();
        if self.akzent {
            p.push_str("<w:rStyle w:val=\"Akzent\"/>");
        } else if self.grau {
            p.push_str("<w:rStyle w:val=\"Grau\"/>");
        }
        if self.bold {
            p.push_str("<w:b/><w:bCs/>");
        }
        if self.italic {
            p.push_str("<w:i/><w:iCs/>");
        }
        if self.white {
            p.push_str("<w:color w:val=\"FFFFFF\"/>");
        }
        if rtl {
            p.push_str("<w:rtl/><w:lang w:bidi=\"ar-SA\"/>");
        }
        if p.is_empty() {
            p
        } else {
            format!("<w:rPr>{p}</w:rPr>")
        }
    }
}

/// `text` as `<w:r>` runs: escaped, forbidden characters removed, line
/// breaks (also U+000B, U+2028) as `<w:br/>`, tabs as `<w:tab/>`, every text
/// element with `xml:space="preserve"`, and right-to-left stretches in their
/// own runs marked `<w:rtl/>` so that Word and LibreOffice shape Arabic.
pub fn runs(text: &str, style: RunStyle) -> String {
    let text = clean(text)
        .replace("\r\n", "\n")
        .replace(['\r', '\u{2028}'], "\n");
    let mut out = String::new();
    // Split into direction segments; neutral characters stay with the
    // segment they follow.
    let mut segments: Vec<(bool, String)> = Vec::new();
    for c in text.chars() {
        let rtl = if is_strong(c) {
            is_rtl(c)
        } else {
            segments.last().is_some_and(|s| s.0) && !matches!(c, '\n' | '\t')
        };
        match segments.last_mut() {
            Some((dir, s)) if *dir == rtl || !is_strong(c) => s.push(c),
            _ => segments.push((rtl, c.to_string())),
        }
    }
    for (rtl, seg) in segments {
        out.push_str("<w:r>");
        out.push_str(&style.props(rtl));
        let mut buf = String::new();
        let flush = |buf: &mut String, out: &mut String| {
            if !buf.is_empty() {
                out.push_str("<w:t xml:space=\"preserve\">");
                out.push_str(&escape_xml(buf));
                out.push_str("</w:t>");
                buf.clear();
            }
        };
        for c in seg.chars() {
            match c {
                '\n' => {
                    flush(&mut buf, &mut out);
                    out.push_str("<w:br/>");
                }
                '\t' => {
                    flush(&mut buf, &mut out);
                    out.push_str("<w:tab/>");
                }
                // Word reads an optional hyphen only as its own element.
                '\u{AD}' => {
                    flush(&mut buf, &mut out);
                    out.push_str("<w:softHyphen/>");
                }
                c => buf.push(c),
            }
        }
        flush(&mut buf, &mut out);
        out.push_str("</w:r>");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forbidden_characters_are_removed() {
        assert_eq!(clean("a\u{1}b\u{FFFE}c\u{85}d"), "abcd");
        assert_eq!(clean("a\u{B}b"), "a\nb");
    }

    #[test]
    fn escapes_markup_and_braces_stay() {
        assert_eq!(
            escape_xml("&<>\"' {{x}}"),
            "&amp;&lt;&gt;&quot;&apos; {{x}}"
        );
    }

    #[test]
    fn runs_break_lines_and_tabs() {
        assert_eq!(
            runs("a\nb\tc", RunStyle::default()),
            "<w:r><w:t xml:space=\"preserve\">a</w:t><w:br/><w:t xml:space=\"preserve\">b</w:t><w:tab/><w:t xml:space=\"preserve\">c</w:t></w:r>"
        );
    }

    #[test]
    fn arabic_gets_its_own_rtl_run() {
        let r = runs("Verein مرحبا بكم e.V.", RunStyle::default());
        assert_eq!(r.matches("<w:r>").count(), 3, "{r}");
        assert!(r.contains("<w:rtl/>"));
        assert!(r.contains("مرحبا بكم"));
    }
}
