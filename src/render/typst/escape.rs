//! Escaping user text for Typst source.
//!
//! Two forms, chosen by where the text lands in a template:
//!
//! - [`escape_str`] gives a complete Typst *string literal* (`"…"`), for code
//!   positions: `#text({{x}})`, `#heading({{x}})`, `(name: {{x}})`.
//! - [`escape_markup`] gives *markup* in which every ASCII punctuation character is
//!   backslash-escaped, for text directly inside `[...]` or the document body.
//!
//! Both normalise line ends (`\r\n`, `\r`, U+0085, U+2028, U+2029 become `\n`),
//! turn a tab into a space and drop all other C0/C1 control characters and the
//! non-characters U+FFFE/U+FFFF, which no one types on purpose and which would
//! only show up as tofu or break PDF/A text extraction.

/// What a character becomes after normalisation.
enum Norm {
    Keep(char),
    Newline,
    Drop,
}

fn normalise(c: char, prev_was_cr: bool) -> Norm {
    match c {
        '\r' => Norm::Newline,
        // `\r\n`: the `\r` already produced the line end.
        '\n' if prev_was_cr => Norm::Drop,
        '\n' | '\u{85}' | '\u{2028}' | '\u{2029}' => Norm::Newline,
        '\t' => Norm::Keep(' '),
        '\u{FFFE}' | '\u{FFFF}' => Norm::Drop,
        c if c.is_control() => Norm::Drop,
        c => Norm::Keep(c),
    }
}

/// Iterates over the normalised characters of `s` (`'\n'` for every line end).
fn normalised(s: &str) -> impl Iterator<Item = char> + '_ {
    let mut prev_was_cr = false;
    s.chars().filter_map(move |c| {
        let norm = normalise(c, prev_was_cr);
        prev_was_cr = c == '\r';
        match norm {
            Norm::Keep(c) => Some(c),
            Norm::Newline => Some('\n'),
            Norm::Drop => None,
        }
    })
}

/// The text as Typst will print it after escaping: line ends normalised to `\n`,
/// tabs as spaces, other control characters removed.
pub fn clean_text(s: &str) -> String {
    normalised(s).collect()
}

/// Turns any user text into a Typst string literal, quotes included.
///
/// `\` and `"` are escaped, line ends become the escape `\n` (which Typst prints as
/// a line break when the string is shown as text), and control characters are
/// removed (see the module documentation). Everything else, including RTL text,
/// combining marks, emoji and zero-width characters, is kept verbatim.
///
/// ```
/// use konzept::render::typst::escape_str;
/// assert_eq!(escape_str("a \"b\"\\c\nd"), r#""a \"b\"\\c\nd""#);
/// ```
pub fn escape_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in normalised(s) {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Turns any user text into Typst markup that prints exactly that text.
///
/// Every ASCII punctuation character gets a backslash (`#` → `\#`, `*` → `\*`,
/// `/` → `\/`, …), so no markup syntax (headings, lists, emphasis, labels,
/// references, math, comments, code, shorthands like `--` or `~`, smart quotes,
/// links) can be triggered. A line end becomes a Typst line break: `\` followed by
/// a newline. Other than that, the usual markup rules for spaces apply: runs of
/// spaces collapse into one, and spaces at the start and end of a paragraph are
/// not printed. Use [`escape_str`] where spaces must be kept exactly.
///
/// ```
/// use konzept::render::typst::escape_markup;
/// assert_eq!(escape_markup("= 1. *a*"), r"\= 1\. \*a\*");
/// assert_eq!(escape_markup("a\nb"), "a\\\nb");
/// ```
pub fn escape_markup(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 4);
    for c in normalised(s) {
        match c {
            '\n' => out.push_str("\\\n"),
            c if c.is_ascii_punctuation() => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn str_escapes_quotes_backslashes_and_newlines() {
        assert_eq!(escape_str(""), "\"\"");
        assert_eq!(escape_str("a\"b"), "\"a\\\"b\"");
        assert_eq!(escape_str("a\\b"), "\"a\\\\b\"");
        assert_eq!(escape_str("a\r\nb\rc\nd"), "\"a\\nb\\nc\\nd\"");
        assert_eq!(
            escape_str("a\u{0}b\u{7}c\u{1b}d\u{9f}e\u{feff}"),
            "\"abcde\u{feff}\""
        );
        assert_eq!(escape_str("x\u{FFFE}\u{FFFF}y"), "\"xy\"");
        assert_eq!(escape_str("a\tb"), "\"a b\"");
        assert_eq!(escape_str("#$*_<@{{]//"), "\"#$*_<@{{]//\"");
    }

    #[test]
    fn markup_escapes_all_ascii_punctuation() {
        for b in 0x21u8..0x7f {
            let c = b as char;
            let escaped = escape_markup(&c.to_string());
            if c.is_ascii_punctuation() {
                assert_eq!(escaped, format!("\\{c}"));
            } else {
                assert_eq!(escaped, c.to_string());
            }
        }
        assert_eq!(escape_markup("a\r\nb"), "a\\\nb");
        assert_eq!(escape_markup("ä\u{2028}ö"), "ä\\\nö");
        assert_eq!(escape_markup("a\u{1}b"), "ab");
    }

    #[test]
    fn clean_text_matches_escape_rules() {
        assert_eq!(clean_text("a\r\n\tb\u{85}c\u{0}"), "a\n b\nc");
    }
}
