//! Plain text as ODF paragraph content: escaped, the characters XML 1.0
//! forbids removed (as for the DOCX), runs of spaces as `text:s`, tabs and
//! line breaks as their elements, styled text in a `text:span`.

use crate::render::docx::{clean, escape_xml, RunStyle};

/// The text style of a [`RunStyle`] (defined in `styles.xml.hbs`), if any.
pub(super) fn style_name(s: RunStyle) -> Option<String> {
    let mut n = String::new();
    if s.white {
        n.push_str("Weiss");
    } else if s.akzent {
        n.push_str("Akzent");
    } else if s.grau {
        n.push_str("Grau");
    }
    if s.bold {
        n.push_str("Fett");
    }
    if s.italic {
        n.push_str("Kursiv");
    }
    (!n.is_empty()).then_some(n)
}

/// Every text style name [`style_name`] gives, with its properties, for
/// `styles.xml`: (name, bold, italic, colour).
pub(super) fn text_styles(farbe: &str) -> Vec<(String, bool, bool, Option<String>)> {
    let mut out = Vec::new();
    for (farbe_name, colour) in [
        ("", None),
        ("Weiss", Some("#FFFFFF".to_string())),
        ("Akzent", Some(format!("#{farbe}"))),
        ("Grau", Some("#5F5F5F".to_string())),
    ] {
        for (bold, italic) in [(false, false), (true, false), (false, true), (true, true)] {
            if farbe_name.is_empty() && !bold && !italic {
                continue;
            }
            let name = format!(
                "{farbe_name}{}{}",
                if bold { "Fett" } else { "" },
                if italic { "Kursiv" } else { "" }
            );
            out.push((name, bold, italic, colour.clone()));
        }
    }
    out
}

/// `text` as paragraph content: escaped, control characters removed, line
/// breaks (also U+000B, U+2028) as `text:line-break`, tabs as `text:tab`,
/// runs of spaces as `text:s`, in a `text:span` of the style if it has one.
pub fn spans(text: &str, style: RunStyle) -> String {
    let text = clean(text)
        .replace("\r\n", "\n")
        .replace(['\r', '\u{2028}'], "\n");
    let mut out = String::new();
    let mut spaces = 0usize;
    let flush = |spaces: &mut usize, out: &mut String| {
        // The first space of a run stays a space, except at the start
        // (where a reader would drop it).
        match (*spaces, out.is_empty()) {
            (0, _) => {}
            (1, false) => out.push(' '),
            (n, false) => out.push_str(&format!(" <text:s text:c=\"{}\"/>", n - 1)),
            (1, true) => out.push_str("<text:s/>"),
            (n, true) => out.push_str(&format!("<text:s text:c=\"{n}\"/>")),
        }
        *spaces = 0;
    };
    for c in text.chars() {
        match c {
            ' ' => spaces += 1,
            '\n' | '\t' => {
                flush(&mut spaces, &mut out);
                out.push_str(if c == '\n' {
                    "<text:line-break/>"
                } else {
                    "<text:tab/>"
                });
            }
            c => {
                flush(&mut spaces, &mut out);
                out.push_str(&escape_xml(c.encode_utf8(&mut [0; 4])));
            }
        }
    }
    flush(&mut spaces, &mut out);
    match style_name(style) {
        Some(n) if !out.is_empty() => {
            format!("<text:span text:style-name=\"{n}\">{out}</text:span>")
        }
        _ => out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_tabs_and_breaks_become_elements() {
        assert_eq!(
            spans("  a   b\tc\nd", RunStyle::default()),
            "<text:s text:c=\"2\"/>a <text:s text:c=\"2\"/>b<text:tab/>c<text:line-break/>d"
        );
    }

    #[test]
    fn markup_is_escaped_and_controls_removed() {
        assert_eq!(
            spans("<a>&\u{1}{{x}}", RunStyle::default()),
            "&lt;a&gt;&amp;{{x}}"
        );
    }

    #[test]
    fn styled_text_is_a_span_of_a_defined_style() {
        let s = RunStyle {
            bold: true,
            akzent: true,
            ..RunStyle::default()
        };
        assert_eq!(
            spans("x", s),
            "<text:span text:style-name=\"AkzentFett\">x</text:span>"
        );
        let names: Vec<String> = text_styles("005CA9").into_iter().map(|t| t.0).collect();
        assert!(names.contains(&"AkzentFett".to_string()));
        assert_eq!(names.len(), 15);
    }
}
