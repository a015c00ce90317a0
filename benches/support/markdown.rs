//! The same content as Markdown, for the comparison with pandoc + LibreOffice:
//! texts, per field the findings, goals (table) and every measure (heading,
//! description, table of its details), and the recommendations.

use serde_json::Value;
use std::fmt::Write;

fn s(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Null => String::new(),
        Value::Array(items) => items.iter().map(s).collect::<Vec<_>>().join(", "),
        Value::Object(o) => o.get("text").map(s).unwrap_or_default(),
        Value::Bool(b) => b.to_string(),
    }
}

fn cell(v: &Value) -> String {
    s(v).replace('|', "\\|").replace('\n', " ")
}

/// All text of an inline list (formatting dropped).
fn inline_text(v: &Value, out: &mut String) {
    match v {
        Value::Array(items) => items.iter().for_each(|i| inline_text(i, out)),
        Value::Object(o) => {
            if let Some(Value::String(t)) = o.get("text") {
                out.push_str(t);
            }
            if let Some(inner) = o.get("inhalt") {
                inline_text(inner, out);
            }
        }
        _ => {}
    }
}

fn rich(v: &Value, out: &mut String) {
    let Some(blocks) = v.get("blocks").and_then(Value::as_array) else {
        if let Value::String(t) = v {
            let _ = writeln!(out, "{t}\n");
        }
        return;
    };
    for b in blocks {
        match b.get("art").and_then(Value::as_str) {
            Some("absatz") => {
                let mut t = String::new();
                inline_text(&b["inhalt"], &mut t);
                let _ = writeln!(out, "{t}\n");
            }
            Some(kind) => {
                for (i, p) in b["punkte"].as_array().into_iter().flatten().enumerate() {
                    let mut t = String::new();
                    inline_text(p, &mut t);
                    if kind == "nummerierung" {
                        let _ = writeln!(out, "{}. {t}", i + 1);
                    } else {
                        let _ = writeln!(out, "- {t}");
                    }
                }
                out.push('\n');
            }
            None => {}
        }
    }
}

fn table(out: &mut String, head: &[&str], rows: impl Iterator<Item = Vec<String>>) {
    let _ = writeln!(out, "| {} |", head.join(" | "));
    let _ = writeln!(out, "|{}", "---|".repeat(head.len()));
    for r in rows {
        let _ = writeln!(out, "| {} |", r.join(" | "));
    }
    out.push('\n');
}

pub fn markdown(k: &Value) -> String {
    let mut out = String::new();
    let meta = &k["meta"];
    let _ = writeln!(
        out,
        "---\ntitle: \"{}\"\nsubtitle: \"{}\"\nlang: de\n---\n",
        s(&meta["titel"]),
        s(&meta["untertitel"])
    );
    if let Value::Object(texte) = &k["texte"] {
        for (name, v) in texte {
            let _ = writeln!(out, "# {name}\n");
            rich(v, &mut out);
        }
    }
    for (i, f) in k["felder"].as_array().into_iter().flatten().enumerate() {
        let _ = writeln!(out, "# {} {}\n", i + 1, s(&f["name"]));
        if let Value::Object(befund) = &f["befund"] {
            for (name, v) in befund {
                let _ = writeln!(out, "## {name}\n");
                rich(v, &mut out);
            }
        }
        let _ = writeln!(out, "## Ziele\n");
        table(
            &mut out,
            &["Nr", "Ziel", "Indikator", "Verlauf", "Zieljahr"],
            f["ziele"].as_array().into_iter().flatten().map(|z| {
                ["nr", "ziel", "indikator", "verlauf", "zieljahr"]
                    .iter()
                    .map(|c| cell(&z[*c]))
                    .collect()
            }),
        );
        let _ = writeln!(out, "## Maßnahmen\n");
        for m in f["massnahmen"].as_array().into_iter().flatten() {
            let _ = writeln!(out, "### {} {}\n", s(&m["nr"]), s(&m["titel"]));
            let _ = writeln!(out, "{}\n", s(&m["beschreibung"]));
            table(
                &mut out,
                &["Angabe", "Wert"],
                [
                    ("Ziele", "ziele"),
                    ("Zielgruppe", "zielgruppe"),
                    ("Federführung", "federfuehrung"),
                    ("Partner", "partner"),
                    ("Zeitraum", "zeitraum"),
                    ("Kosten", "kosten"),
                    ("Finanzierung", "finanzierung"),
                    ("Priorität", "prioritaet"),
                    ("Status", "status"),
                ]
                .into_iter()
                .map(|(label, key)| vec![label.to_string(), cell(&m[key])]),
            );
        }
        let _ = writeln!(out, "## Empfehlungen\n");
        table(
            &mut out,
            &["Nr", "Empfehlung", "Adressat", "Priorität"],
            f["empfehlungen"].as_array().into_iter().flatten().map(|e| {
                ["nr", "empfehlung", "adressat", "prioritaet"]
                    .iter()
                    .map(|c| cell(&e[*c]))
                    .collect()
            }),
        );
    }
    out
}
