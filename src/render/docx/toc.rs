//! The headings of the DOCX and its table of contents, filled in with the
//! page numbers of the PDF (LibreOffice and python-docx never update fields
//! and would otherwise show an empty table).

use super::escape::{clean, runs, RunStyle};
use super::params::{hash_str, value_text};
use super::state::{DocHeading, State};
use crate::render::typst::HeadingPos;
use handlebars::Helper;

/// The marker `{{{inhaltsverzeichnis}}}` leaves, replaced once all headings are known.
pub(super) const TOC_MARKER: &str = "<!--konzept:inhaltsverzeichnis-->";

fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn heading_matches(h: &DocHeading, p: &HeadingPos) -> bool {
    if h.level != p.level {
        return false;
    }
    let title = normalise(&h.title);
    let full = match &h.number {
        Some(n) => normalise(&format!("{n} {}", h.title)),
        None => title.clone(),
    };
    let p_title = normalise(&p.title);
    let p_full = match &p.numbering {
        Some(n) => normalise(&format!("{} {}", n.trim_end_matches('.'), p.title)),
        None => p_title.clone(),
    };
    p_title == title || p_full == full || p_title == full
}

/// The page of each DOCX heading, from the PDF's headings: matched in order
/// by level and title, so that extra or missing headings on either side
/// (e.g. the PDF's outline title) only leave that entry without a page.
pub fn pages_for(docx: &[DocHeading], pdf: &[HeadingPos]) -> Vec<Option<usize>> {
    let mut cursor = 0;
    docx.iter()
        .map(|h| {
            let found = (cursor..pdf.len()).find(|&i| heading_matches(h, &pdf[i]));
            found.map(|i| {
                cursor = i + 1;
                pdf[i].page
            })
        })
        .collect()
}

fn field(instr: &str, result: &str) -> String {
    format!(
        "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> {instr} </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>{result}</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
    )
}

/// The "Inhalt" title and a TOC field whose cached result is already the
/// finished table: entries linked to the headings' bookmarks, page numbers
/// from the PDF. Marked dirty so that Word refreshes it on opening.
pub(super) fn toc(headings: &[DocHeading], pdf: &[HeadingPos]) -> String {
    let mut out = String::from(
        "<w:p><w:pPr><w:pStyle w:val=\"TOCHeading\"/></w:pPr><w:r><w:t>Inhalt</w:t></w:r></w:p>",
    );
    let begin = "<w:r><w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> TOC \\o \"1-3\" \\h \\z \\u </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>";
    let end = "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
    if headings.is_empty() {
        out.push_str(&format!("<w:p>{begin}{end}</w:p>"));
        return out;
    }
    let pages = pages_for(headings, pdf);
    let last = headings.len() - 1;
    for (i, (h, page)) in headings.iter().zip(pages).enumerate() {
        out.push_str(&format!(
            "<w:p><w:pPr><w:pStyle w:val=\"TOC{}\"/></w:pPr>",
            h.level.clamp(1, 3)
        ));
        if i == 0 {
            out.push_str(begin);
        }
        out.push_str(&format!(
            "<w:hyperlink w:anchor=\"{}\" w:history=\"1\">",
            h.bookmark
        ));
        if let Some(n) = &h.number {
            out.push_str(&runs(n, RunStyle::default()));
            out.push_str("<w:r><w:tab/></w:r>");
        }
        out.push_str(&runs(&h.title, RunStyle::default()));
        if let Some(page) = page {
            out.push_str("<w:r><w:tab/></w:r>");
            out.push_str(&field(
                &format!("PAGEREF {} \\h", h.bookmark),
                &page.to_string(),
            ));
        }
        out.push_str("</w:hyperlink>");
        if i == last {
            out.push_str(end);
        }
        out.push_str("</w:p>");
    }
    out
}

/// `{{{ueberschrift level title [nummeriert=false] [nummer="A"] [seitenumbruch=false]}}}`:
/// a heading paragraph with a bookmark for the table of contents.
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
    let id = st.headings.len() + 1;
    st.headings.push(DocHeading {
        level,
        number,
        title: clean(&title),
        bookmark: bookmark.clone(),
    });
    let mut ppr = format!("<w:pStyle w:val=\"Heading{level}\"/>");
    match h
        .hash_get("seitenumbruch")
        .and_then(|v| v.value().as_bool())
    {
        Some(false) => ppr.push_str("<w:pageBreakBefore w:val=\"0\"/>"),
        Some(true) => ppr.push_str("<w:pageBreakBefore/>"),
        None => {}
    }
    if !numbered {
        ppr.push_str(&format!(
            "<w:numPr><w:ilvl w:val=\"{}\"/><w:numId w:val=\"0\"/></w:numPr>",
            level - 1
        ));
        if literal.is_none() {
            ppr.push_str("<w:ind w:left=\"0\" w:firstLine=\"0\"/>");
        }
    }
    let mut text = String::new();
    if let Some(n) = &literal {
        text.push_str(&runs(n, RunStyle::default()));
        text.push_str("<w:r><w:tab/></w:r>");
    }
    text.push_str(&runs(&title, RunStyle::default()));
    Ok(format!(
        "<w:p><w:pPr>{ppr}</w:pPr><w:bookmarkStart w:id=\"{id}\" w:name=\"{bookmark}\"/>{text}<w:bookmarkEnd w:id=\"{id}\"/></w:p>"
    ))
}
