//! The shape of `src/`, checked on every test run: the stages use only the
//! stages before them, no folder's modules use each other in a circle, and
//! no file or function grows past what one reader keeps in mind
//! (`docs/ARCHITECTURE.md`).
//!
//! The module graph is read from the source text: every `crate::…` and
//! `super::…` path outside test code is an edge. Test code (`#[cfg(test)]`
//! modules, `tests.rs` files) may use anything.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The stages in order; a module may use its own stage and those before it.
const STAGES: &[(&str, &[&str])] = &[
    ("Grundlage", &["text", "diag", "embedded"]),
    ("Lesen", &["config", "input", "schema", "project"]),
    ("Modell", &["model", "costs"]),
    ("Zusammenführen", &["merge"]),
    ("Setzen", &["render"]),
    (
        "Schreiben",
        &[
            "output", "pipeline", "annotate", "status", "watch", "new", "progress", "report",
            "serve", "cli",
        ],
    ),
];

/// Longest file in `src/` (lines).
const MAX_FILE_LINES: usize = 900;
/// Longest function (lines, signature to closing brace).
const MAX_FN_LINES: usize = 150;

struct Module {
    /// `render::docx::toc`; the crate root is "".
    path: String,
    file: PathBuf,
    /// Source without test code.
    code: String,
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

fn module_path(file: &Path) -> String {
    let rel = file.strip_prefix(src()).unwrap();
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let last = parts.pop().unwrap();
    let stem = last.trim_end_matches(".rs");
    if stem != "mod" && stem != "lib" {
        parts.push(stem.to_string());
    }
    parts.join("::")
}

/// The source without `#[cfg(test)]` items (a `mod … { … }` block up to its
/// closing brace at the same indentation, or one line).
fn without_tests(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if line.trim() == "#[cfg(test)]" {
            let indent = line.len() - line.trim_start().len();
            let next = lines.get(i + 1).copied().unwrap_or("");
            if next.trim_end().ends_with('{') {
                let close = format!("{}}}", " ".repeat(indent));
                i += 2;
                while i < lines.len() && lines[i].trim_end() != close {
                    i += 1;
                }
            } else {
                i += 1;
            }
            i += 1;
            continue;
        }
        out.push_str(line);
        out.push('\n');
        i += 1;
    }
    out
}

fn modules() -> Vec<Module> {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    files
        .into_iter()
        .filter(|f| {
            let name = f.file_name().unwrap().to_string_lossy();
            name != "main.rs" && name != "tests.rs"
        })
        .map(|file| {
            let text = std::fs::read_to_string(&file).unwrap();
            Module {
                path: module_path(&file),
                code: without_tests(&text),
                file,
            }
        })
        .collect()
}

/// Strips comments and string literals, so that paths in docs and messages
/// are not taken for uses.
fn code_only(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let mut in_str = false;
        let mut prev = ' ';
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            if in_str {
                if c == '"' && prev != '\\' {
                    in_str = false;
                }
                prev = if c == '\\' && prev == '\\' { ' ' } else { c };
                continue;
            }
            if c == '/' && chars.peek() == Some(&'/') {
                break;
            }
            if c == '"' {
                in_str = true;
                prev = ' ';
                continue;
            }
            out.push(c);
        }
        out.push('\n');
    }
    out
}

/// The modules `m` uses, as paths of existing modules (longest match).
fn uses(m: &Module, known: &BTreeSet<String>) -> BTreeSet<String> {
    let code = code_only(&m.code);
    let mut out = BTreeSet::new();
    // `use crate::a::{b, c::d}` and inline `crate::a::b::f()`.
    let mut paths: Vec<Vec<String>> = Vec::new();
    let bytes: Vec<char> = code.chars().collect();
    let text: String = bytes.iter().collect();
    for (start, _) in text
        .match_indices("crate::")
        .chain(text.match_indices("super::"))
    {
        if start > 0 {
            let before = bytes[start - 1];
            if before.is_alphanumeric() || before == '_' || before == '$' {
                continue;
            }
        }
        // Read the path, expanding one level of braces.
        let rest = &text[start..];
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
            .unwrap_or(rest.len());
        let head = &rest[..end];
        let mut segs: Vec<String> = head
            .split("::")
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect();
        // Resolve `super` against this module's path.
        let mut base: Vec<String> = if m.path.is_empty() {
            vec![]
        } else {
            m.path.split("::").map(String::from).collect()
        };
        let is_mod_rs = m
            .file
            .file_name()
            .is_some_and(|n| n == "mod.rs" || n == "lib.rs");
        if segs.first().is_some_and(|s| s == "crate") {
            segs.remove(0);
            base.clear();
        } else {
            // `super` of a file module is its parent; of `mod.rs`, the
            // parent folder's module.
            while segs.first().is_some_and(|s| s == "super") {
                segs.remove(0);
                base.pop();
            }
            let _ = is_mod_rs;
        }
        let mut full = base;
        full.extend(segs);
        if rest[end..].starts_with('{') {
            let close = rest[end..].find('}').unwrap_or(rest.len() - end);
            for item in rest[end + 1..end + close].split(',') {
                let item = item.trim().split(" as ").next().unwrap_or("").trim();
                let mut p = full.clone();
                p.extend(item.split("::").filter(|s| !s.is_empty()).map(String::from));
                paths.push(p);
            }
        } else {
            paths.push(full);
        }
    }
    for p in paths {
        for n in (1..=p.len()).rev() {
            let candidate = p[..n].join("::");
            if known.contains(&candidate) {
                if candidate != m.path {
                    out.insert(candidate);
                }
                break;
            }
        }
    }
    out
}

fn stage_of(path: &str) -> Option<usize> {
    let top = path.split("::").next().unwrap_or("");
    STAGES.iter().position(|(_, mods)| mods.contains(&top))
}

fn is_ancestor(a: &str, b: &str) -> bool {
    a.is_empty() || b.starts_with(&format!("{a}::"))
}

/// The child of `parent` whose subtree holds `path`.
fn child_of(parent: &str, path: &str) -> Option<String> {
    let rest = if parent.is_empty() {
        path
    } else {
        path.strip_prefix(&format!("{parent}::"))?
    };
    let first = rest.split("::").next()?;
    Some(if parent.is_empty() {
        first.to_string()
    } else {
        format!("{parent}::{first}")
    })
}

/// A circle in `graph`, if there is one.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        n: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        state.insert(n.to_string(), 1);
        stack.push(n.to_string());
        for m in graph.get(n).into_iter().flatten() {
            match state.get(m.as_str()).copied().unwrap_or(0) {
                1 => {
                    let at = stack.iter().position(|s| s == m).unwrap();
                    let mut cycle = stack[at..].to_vec();
                    cycle.push(m.clone());
                    return Some(cycle);
                }
                0 => {
                    if let Some(c) = visit(m, graph, state, stack) {
                        return Some(c);
                    }
                }
                _ => {}
            }
        }
        stack.pop();
        state.insert(n.to_string(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for n in graph.keys() {
        if state.get(n.as_str()).copied().unwrap_or(0) == 0 {
            let mut stack = Vec::new();
            if let Some(c) = visit(n, graph, &mut state, &mut stack) {
                return Some(c);
            }
        }
    }
    None
}

/// Every edge between modules that are not ancestor and descendant.
fn edges(mods: &[Module]) -> Vec<(String, String)> {
    let known: BTreeSet<String> = mods.iter().map(|m| m.path.clone()).collect();
    let mut out = Vec::new();
    for m in mods {
        for u in uses(m, &known) {
            if !is_ancestor(&u, &m.path) && !is_ancestor(&m.path, &u) {
                out.push((m.path.clone(), u));
            }
        }
    }
    out
}

#[test]
fn the_module_graph_reads_the_code() {
    let mods = modules();
    let e = edges(&mods);
    // A few edges that exist: the reader must see them, or the checks
    // below would pass on an empty graph.
    for (from, to) in [
        ("pipeline", "project"),
        ("project", "config"),
        ("merge", "model"),
    ] {
        assert!(
            e.iter()
                .any(|(a, b)| a.starts_with(from) && b.starts_with(to)),
            "no edge {from} → {to} found: {e:?}"
        );
    }
    assert!(mods.len() > 30, "{} modules", mods.len());
}

#[test]
fn no_stage_reaches_up() {
    let mods = modules();
    for m in &mods {
        if !m.path.is_empty() {
            assert!(
                stage_of(&m.path).is_some(),
                "das Modul `{}` gehört zu keiner Stufe; in STAGES eintragen",
                m.path
            );
        }
    }
    let wrong: Vec<String> = edges(&mods)
        .into_iter()
        .filter(|(a, b)| stage_of(b) > stage_of(a))
        .map(|(a, b)| {
            format!(
                "{a} ({}) → {b} ({})",
                STAGES[stage_of(&a).unwrap()].0,
                STAGES[stage_of(&b).unwrap()].0
            )
        })
        .collect();
    assert!(
        wrong.is_empty(),
        "Zugriffe auf spätere Stufen:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn no_modules_use_each_other_in_a_circle() {
    let mods = modules();
    let e = edges(&mods);
    // For every folder (and the crate root): its children, with an edge
    // where anything in one child's subtree uses anything in another's.
    let parents: BTreeSet<String> = mods
        .iter()
        .filter(|m| {
            let n = m.file.file_name().unwrap();
            n == "mod.rs" || n == "lib.rs"
        })
        .map(|m| m.path.clone())
        .collect();
    for parent in &parents {
        let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (a, b) in &e {
            if !(is_ancestor(parent, a) && is_ancestor(parent, b)) {
                continue;
            }
            let (Some(ca), Some(cb)) = (child_of(parent, a), child_of(parent, b)) else {
                continue;
            };
            if ca != cb {
                graph.entry(ca).or_default().insert(cb);
            }
        }
        if let Some(cycle) = find_cycle(&graph) {
            panic!(
                "Module in `{}` benutzen sich im Kreis: {}",
                if parent.is_empty() { "src" } else { parent },
                cycle.join(" → ")
            );
        }
    }
}

#[test]
fn files_and_functions_stay_short() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let mut long = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        let rel = f.strip_prefix(src()).unwrap().display().to_string();
        let n = text.lines().count();
        if n > MAX_FILE_LINES {
            long.push(format!(
                "src/{rel}: {n} Zeilen (höchstens {MAX_FILE_LINES})"
            ));
        }
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let t = line.trim_start();
            let is_fn = t.starts_with("fn ")
                || t.starts_with("pub fn ")
                || t.starts_with("pub(crate) fn ")
                || t.starts_with("pub(super) fn ")
                || t.starts_with("const fn ")
                || t.starts_with("pub const fn ");
            if !is_fn || t.ends_with(';') || t.ends_with('}') {
                continue;
            }
            let indent = line.len() - t.len();
            let close = format!("{}}}", " ".repeat(indent));
            let end = lines[i..]
                .iter()
                .position(|l| l.trim_end() == close)
                .map_or(lines.len(), |p| i + p);
            let len = end - i + 1;
            if len > MAX_FN_LINES {
                let from_fn = &t[t.find("fn ").unwrap_or(0)..];
                let name = from_fn.split('(').next().unwrap_or(from_fn);
                long.push(format!(
                    "src/{rel}:{}: `{name}` hat {len} Zeilen (höchstens {MAX_FN_LINES})",
                    i + 1
                ));
            }
        }
    }
    assert!(long.is_empty(), "zu lang:\n{}", long.join("\n"));
}
