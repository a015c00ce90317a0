//! The Markdown subset (`input::markdown`): never panics, and no character
//! other than markup (`*`, list markers, line structure) is lost.
#![no_main]

use konzept::input::markdown::parse;
use libfuzzer_sys::fuzz_target;

/// Length of the list marker (`- `, `• `, `12. `) the line starts with, after
/// leading white space, as the parser recognises it.
fn marker_len(line: &str) -> Option<usize> {
    let t = line.trim_start();
    let indent = line.len() - t.len();
    if t.starts_with("- ") {
        return Some(indent + 2);
    }
    if t.starts_with("• ") {
        return Some(indent + "• ".len());
    }
    let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if (1..=4).contains(&digits) && t[digits..].starts_with(". ") {
        return Some(indent + digits + 2);
    }
    None
}

fn visible(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '*')
        .collect()
}

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let plain = parse(s).plain();

    // Every character that is not white space, a star or a list marker
    // reaches the plain text, in order.
    let expected: String = s
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| visible(&l[marker_len(l).unwrap_or(0)..]))
        .collect();
    assert_eq!(visible(&plain), expected, "input {s:?} → plain {plain:?}");

    // Without any markup the text comes back line by line.
    if !s.contains('*') && s.lines().all(|l| marker_len(l).is_none()) {
        let lines = |t: &str| -> Vec<String> {
            t.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .collect()
        };
        assert_eq!(lines(&plain), lines(s), "input {s:?} → plain {plain:?}");
    }
});
