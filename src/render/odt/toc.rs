//! Headings on the outline, footnotes, and the table of contents filled in
//! with the page numbers of the PDF (as the DOCX's), so that the document
//! opens with a finished table; „Verzeichnis aktualisieren“ in LibreOffice
//! rebuilds it from the same headings.

use super::escape::spans;
use super::params::{first, hash_str, value_text};
use super::state::State;
use crate::render::docx::{clean, pages_for, DocHeading, RunStyle};
use crate::render::typst::HeadingPos;
use handlebars::Helper;

/// The marker `{{{inhaltsverzeichnis}}}` leaves, replaced once all headings are known.
pub(super) const TOC_MARKER: &str = "<!--konzept:inhaltsverzeichnis-->";

/// How LibreOffice builds an entry when the table is updated: number, tab,
/// title, dotted tab to the right margin, page number, all one link.
const ENTRY_TEMPLATE: &str = "<text:index-entry-link-start/><text:index-entry-chapter/><text:index-entry-tab-stop style:type=\"left\" style:position=\"{pos}\"/><text:index-entry-text/><text:index-entry-tab-stop style:type=\"right\" style:leader-char=\".\"/><text:index-entry-page-number/><text:index-entry-link-end/>";

/// The table of contents: its source (how LibreOffice updates it) and its
/// body, pre-filled with linked entries and the PDF's page numbers.
pub(super) fn toc(headings: &[DocHeading], pdf: &[HeadingPos]) -> String {
    let mut out = String::from("<text:table-of-content text:style-name=\"Verzeichnis\" text:protected=\"true\" text:name=\"Inhaltsverzeichnis\"><text:table-of-content-source text:outline-level=\"3\" text:use-index-marks=\"false\"><text:index-title-template text:style-name=\"Contents_20_Heading\">Inhalt</text:index-title-template>");
    for (level, pos) in [(1, "1cm"), (2, "1.5cm"), (3, "1.75cm")] {
        out.push_str(&format!(
            "<text:table-of-content-entry-template text:outline-level=\"{level}\" text:style-name=\"Contents_20_{level}\">{}</text:table-of-content-entry-template>",
            ENTRY_TEMPLATE.replace("{pos}", pos)
        ));
    }
    out.push_str("</text:table-of-content-source><text:index-body><text:index-title text:style-name=\"Verzeichnis\" text:name=\"Inhaltsverzeichnis_Titel\"><text:p text:style-name=\"Contents_20_Heading\">Inhalt</text:p></text:index-title>");
    let pages = pages_for(headings, pdf);
    for (h, page) in headings.iter().zip(pages) {
        out.push_str(&format!(
            "<text:p text:style-name=\"Contents_20_{}\"><text:a xlink:type=\"simple\" xlink:href=\"#{}\" text:style-name=\"Verzeichnislink\" text:visited-style-name=\"Verzeichnislink\">",
            h.level.clamp(1, 3),
            h.bookmark
        ));
        if let Some(n) = &h.number {
            out.push_str(&spans(n, RunStyle::default()));
        }
        out.push_str("<text:tab/>");
        out.push_str(&spans(&h.title, RunStyle::default()));
        out.push_str("<text:tab/>");
        if let Some(p) = page {
            out.push_str(&p.to_string());
        }
        out.push_str("</text:a></text:p>");
    }
    if headings.is_empty() {
        out.push_str("<text:p text:style-name=\"Contents_20_1\"/>");
    }
    out.push_str("</text:index-body></text:table-of-content>");
    out
}

/// `{{{ueberschrift level title [nummeriert=false] [nummer="A"] [seitenumbruch=false] [seite="quer"]}}}`:
/// a heading on the outline (numbered by the outline style, or a list
/// header with its literal number), with a bookmark for the table of
/// contents.
pub(super) fn heading(h: &Helper, st: &mut State) -> Result<String, String> {
    let level = h
        .param(0)
        .and_then(|p| p.value().as_u64())
        .filter(|l| (1..=3).contains(l))
        .ok_or("Ebene 1–3 erwartet")? as usize;
    let title = value_text(&h.param(1).map(|p| p.value().clone()).unwrap_or_default());
    let literal = hash_str(h, "nummer");
    let numbered = literal.is_none()
        && h.hash_get("nummeriert")
            .is_none_or(|v| v.value().as_bool() != Some(false));
    let number = if numbered {
        st.counters[level - 1] += 1;
        for c in &mut st.counters[level..] {
            *c = 0;
        }
        Some(
            st.counters[..level]
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("."),
        )
    } else {
        literal.clone()
    };
    let bookmark = format!("_Toc{:08}", st.headings.len() + 1);
    st.headings.push(DocHeading {
        level,
        number,
        title: clean(&title),
        bookmark: bookmark.clone(),
    });
    // `seite`: the heading starts pages of another page style (the
    // landscape pages of Anhang A and back).
    let style = match (
        hash_str(h, "seite").as_deref(),
        h.hash_get("seitenumbruch")
            .and_then(|v| v.value().as_bool()),
    ) {
        (Some("quer"), _) => format!("H{level}_Quer"),
        (Some("hoch"), _) => format!("H{level}_Hoch"),
        (Some(s), _) => return Err(format!("seite=\"{s}\": „quer“ oder „hoch“ erwartet")),
        (None, Some(false)) => format!("H{level}_ohne_Umbruch"),
        (None, Some(true)) => format!("H{level}_Umbruch"),
        (None, None) => format!("Heading_20_{level}"),
    };
    let header = if numbered {
        ""
    } else {
        " text:is-list-header=\"true\""
    };
    let mut text = String::new();
    if let Some(n) = &literal {
        text.push_str(&spans(n, RunStyle::default()));
        text.push_str("<text:tab/>");
    }
    text.push_str(&spans(&title, RunStyle::default()));
    Ok(format!(
        "<text:h text:style-name=\"{style}\" text:outline-level=\"{level}\"{header}><text:bookmark text:name=\"{bookmark}\"/>{text}</text:h>"
    ))
}

/// `{{{fussnote text}}}`: a footnote (its mark where the helper stands).
pub(super) fn footnote(h: &Helper, st: &mut State) -> Result<String, String> {
    Ok(footnote_text(&value_text(&first(h)), st))
}

/// A footnote of `text`, numbered on.
pub(super) fn footnote_text(text: &str, st: &mut State) -> String {
    st.fussnoten += 1;
    let n = st.fussnoten;
    format!(
        "<text:note text:id=\"ftn{n}\" text:note-class=\"footnote\"><text:note-citation>{n}</text:note-citation><text:note-body><text:p text:style-name=\"Footnote\">{}</text:p></text:note-body></text:note>",
        spans(text, RunStyle::default())
    )
}
