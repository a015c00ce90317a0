//! Markers in rendered markup whose text is known only later: a table's
//! column widths, header alignment and keep-with-next rows are decided when
//! the table closes, so its cells carry `\u{E000}…\u{E001}` markers (private
//! use characters, never in user text) that the closing block helper fills
//! in. One pass over the text with a map of the markers: replacing each
//! marker by its own pass made a table with 1,400 rows cost seconds in the
//! DOCX (each pass over all the table's markup).

use std::collections::HashMap;

/// Where a marker starts and ends.
pub const OPEN: char = '\u{E000}';
pub const CLOSE: char = '\u{E001}';

/// `text` with every marker of `replacements` (each including its `OPEN`
/// and `CLOSE`) replaced by its text; other markers stay as they are.
pub fn fill_markers(text: &str, replacements: &HashMap<String, String>) -> String {
    if replacements.is_empty() || !text.contains(OPEN) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(OPEN) {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        let marker = tail.find(CLOSE).map(|end| &tail[..end + CLOSE.len_utf8()]);
        match marker.and_then(|m| Some((m, replacements.get(m)?))) {
            Some((marker, with)) => {
                out.push_str(with);
                rest = &tail[marker.len()..];
            }
            // Not one of ours (or a private use character in the text):
            // kept, and the search goes on right after it.
            None => {
                out.push(OPEN);
                rest = &tail[OPEN.len_utf8()..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The opening markup and the content of a closing block with the markers
/// `pairs` (marker, text) filled in.
pub fn fill_block(pairs: Vec<(String, String)>, open: &str, inner: &str) -> (String, String) {
    let map: HashMap<String, String> = pairs.into_iter().collect();
    (fill_markers(open, &map), fill_markers(inner, &map))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_are_filled_in_one_pass_and_unknown_ones_stay() {
        let map: HashMap<String, String> = [
            ("\u{E000}w1:0\u{E001}".to_string(), "2400".to_string()),
            ("\u{E000}k1:1\u{E001}".to_string(), String::new()),
        ]
        .into();
        let text = "a\u{E000}w1:0\u{E001}b\u{E000}k1:1\u{E001}c\u{E000}w2:0\u{E001}d\u{E000}offen";
        assert_eq!(
            fill_markers(text, &map),
            "a2400bc\u{E000}w2:0\u{E001}d\u{E000}offen"
        );
        assert_eq!(fill_markers("ohne", &map), "ohne");
        // A stray start character before a real marker does not hide it.
        assert_eq!(
            fill_markers("x\u{E000}y\u{E000}w1:0\u{E001}", &map),
            "x\u{E000}y2400"
        );
    }
}
