//! Typst escaping (`render::typst::escape`): the escaped text, parsed back by
//! Typst's own parser, has no syntax errors and gives the (cleaned) input.
#![no_main]

use konzept::render::typst::{clean_text, escape_markup, escape_str};
use libfuzzer_sys::fuzz_target;
use typst_syntax::{ast, SyntaxKind, SyntaxNode};

fn find(node: &SyntaxNode, kind: SyntaxKind) -> Vec<&SyntaxNode> {
    let mut out = Vec::new();
    if node.kind() == kind {
        out.push(node);
    }
    for c in node.children() {
        out.extend(find(c, kind));
    }
    out
}

fn check_str(input: &str) {
    let lit = escape_str(input);
    let src = format!("#let x = {lit}\n#x");
    let root = typst_syntax::parse(&src);
    let diags = root.errors_and_warnings();
    assert!(
        diags.0.is_empty() && diags.1.is_empty(),
        "{input:?} → {lit:?}: {diags:?}"
    );
    let strs = find(&root, SyntaxKind::Str);
    assert_eq!(strs.len(), 1, "{input:?} → {lit:?}: {root:#?}");
    assert_eq!(
        strs[0].leaf_text().as_str(),
        lit,
        "{input:?}: literal split"
    );
    let value = strs[0].cast::<ast::Str>().expect("a string").get();
    assert_eq!(value.as_str(), clean_text(input), "{input:?} → {lit:?}");
}

fn check_markup(input: &str) {
    let escaped = escape_markup(input);
    let root = typst_syntax::parse(&escaped);
    let diags = root.errors_and_warnings();
    assert!(
        diags.0.is_empty() && diags.1.is_empty(),
        "{input:?} → {escaped:?}: {diags:?}"
    );
    assert_eq!(root.kind(), SyntaxKind::Markup);
    // Only text, escapes, spaces and line breaks: no markup was triggered.
    let mut text = String::new();
    for node in root.children() {
        match node.kind() {
            SyntaxKind::Text => text.push_str(node.leaf_text()),
            SyntaxKind::Escape => text.push(node.cast::<ast::Escape>().unwrap().get()),
            // A space node holds the spaces and line ends as typed.
            SyntaxKind::Space => text.push_str(node.leaf_text()),
            // `\` before a line end; the line end follows as a space node.
            SyntaxKind::Linebreak => assert_eq!(node.leaf_text().as_str(), "\\"),
            other => panic!("{input:?} → {escaped:?}: {other:?} node {node:?}"),
        }
    }
    assert_eq!(text, clean_text(input), "{input:?} → {escaped:?}");
}

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    check_str(s);
    check_markup(s);
});
