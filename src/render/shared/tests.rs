mod helpers {
    use super::super::helpers::*;
    use handlebars::Handlebars;
    use serde_json::json;
    use serde_json::Value;

    /// Renders `tpl` over `data` with the common helpers and XML-like
    /// escaping of `<` (so the tests see where escaping applies).
    fn r(tpl: &str, data: Value) -> String {
        let mut hb = Handlebars::new();
        hb.set_strict_mode(true);
        hb.register_escape_fn(|s| s.replace('<', "&lt;"));
        register_common(&mut hb);
        hb.render_template(tpl, &data)
            .unwrap_or_else(|e| panic!("{tpl}: {e}"))
    }

    fn err(tpl: &str, data: Value) -> String {
        let mut hb = Handlebars::new();
        hb.set_strict_mode(true);
        register_common(&mut hb);
        hb.render_template(tpl, &data).unwrap_err().to_string()
    }

    #[test]
    fn geld_formats_cents_fields_and_euros() {
        let kosten = json!({"cent": 1_250_000, "euro": 12500.0, "text": "12.500 €"});
        assert_eq!(r("{{geld k}}", json!({ "k": kosten })), "12.500 €");
        assert_eq!(r("{{geld 1250050}}", json!({})), "12.500,50 €");
        assert_eq!(r("{{geld 12500 euro=true}}", json!({})), "12.500 €");
        assert_eq!(r("{{geld 99.5 euro=true}}", json!({})), "99,50 €");
        assert_eq!(r("{{geld -500}}", json!({})), "−5 €");
        assert_eq!(r("{{geld k}}", json!({"k": null})), "");
        let leer = json!({"cent": null, "euro": 0.0, "text": "–"});
        assert_eq!(r("{{geld k}}", json!({ "k": leer })), "–");
        assert!(err("{{geld 12.5}}", json!({})).contains("euro=true"));
    }

    #[test]
    fn datum_formats_iso_dates() {
        let stand = json!({"text": "15.11.2026", "iso": "2026-11-15", "jahr": 2026});
        assert_eq!(r("{{datum \"2027-12-31\"}}", json!({})), "31.12.2027");
        assert_eq!(r("{{datum s}}", json!({ "s": stand })), "15.11.2026");
        assert_eq!(
            r("{{datum s format=\"lang\"}}", json!({ "s": stand })),
            "15. November 2026"
        );
        assert_eq!(
            r("{{datum \"2027-03-01\" format=\"monat\"}}", json!({})),
            "03/2027"
        );
        assert_eq!(
            r("{{datum \"2027-03-01\" format=\"jahr\"}}", json!({})),
            "2027"
        );
        // A period (`beginn`, `ende`) shows its own text.
        let beginn = json!({"text": "Q3 2027", "von": "2027-07-01", "bis": "2027-09-30"});
        assert_eq!(r("{{datum b}}", json!({ "b": beginn })), "Q3 2027");
        assert_eq!(r("{{datum b.von}}", json!({ "b": beginn })), "01.07.2027");
        assert!(err("{{datum \"31.12.2027\"}}", json!({})).contains("kein ISO-Datum"));
    }

    #[test]
    fn zahl_is_german() {
        assert_eq!(r("{{zahl 1234.5}}", json!({})), "1.234,5");
        assert_eq!(r("{{zahl 1234567}}", json!({})), "1.234.567");
        assert_eq!(r("{{zahl 3 2}}", json!({})), "3,00");
        assert_eq!(
            r("{{zahl z}}", json!({"z": {"wert": 0.25, "text": "0,25"}})),
            "0,25"
        );
        assert_eq!(r("{{zahl \"1.234,5\" 1}}", json!({})), "1.234,5");
        assert_eq!(r("{{zahl n}}", json!({"n": null})), "");
        assert!(err("{{zahl 1 9}}", json!({})).contains("0 bis 6"));
    }

    #[test]
    fn prozent_of_values_and_shares() {
        assert_eq!(r("{{prozent 17.5}}", json!({})), "17,5 %");
        assert_eq!(r("{{prozent 34}}", json!({})), "34 %");
        assert_eq!(r("{{prozent 33.333}}", json!({})), "33,3 %");
        assert_eq!(r("{{prozent 12 von=48}}", json!({})), "25 %");
        assert_eq!(r("{{prozent 1 2 von=3}}", json!({})), "33,33 %");
        assert_eq!(r("{{prozent 1 von=0}}", json!({})), "–");
    }

    #[test]
    fn join_escapes_each_item() {
        let d = json!({"l": ["a<b", "c"], "o": [{"name": "Jobcenter"}, {"text": "VHS"}]});
        assert_eq!(r("{{join l}}", d.clone()), "a&lt;b, c");
        assert_eq!(r("{{join l \" / \"}}", d.clone()), "a&lt;b / c");
        assert_eq!(r("{{join o}}", d.clone()), "Jobcenter, VHS");
        assert_eq!(r("{{join n}}", json!({"n": null})), "");
    }

    #[test]
    fn zahlwort_writes_small_counts_as_words() {
        assert_eq!(r("{{zahlwort 7}}", json!({})), "sieben");
        assert_eq!(r("{{zahlwort 19}}", json!({})), "19");
        assert_eq!(r("{{zahlwort 1}}", json!({})), "1");
        assert_eq!(r("{{zahlwort l}}", json!({"l": [1, 2, 3]})), "drei");
    }

    #[test]
    fn nennt_finds_values_already_in_a_text() {
        let d = json!({
            "t": {"blocks": [{"art": "absatz", "inhalt": [{"art": "text", "text": "Es gilt für die Jahre 2026 bis 2030; federführend ist das Amt für Integration."}]}]},
            "von": 2026, "bis": 2030, "amt": "Amt für  Integration", "nichts": null
        });
        let t = |tpl: &str| {
            r(
                &format!("{{{{#if {tpl}}}}}ja{{{{else}}}}nein{{{{/if}}}}"),
                d.clone(),
            )
        };
        assert_eq!(t("(nennt t von bis)"), "ja");
        assert_eq!(t("(nennt t amt)"), "ja");
        assert_eq!(t("(nennt t von 2031)"), "nein");
        assert_eq!(t("(nennt nichts von)"), "nein");
        assert_eq!(t("(nennt t)"), "nein");
    }

    #[test]
    fn plural_counts_numbers_and_lists() {
        assert_eq!(
            r("{{plural 1 \"Maßnahme\" \"Maßnahmen\"}}", json!({})),
            "1 Maßnahme"
        );
        assert_eq!(
            r("{{plural 51 \"Maßnahme\" \"Maßnahmen\"}}", json!({})),
            "51 Maßnahmen"
        );
        assert_eq!(r("{{plural 0 \"Ziel\" \"Ziele\"}}", json!({})), "0 Ziele");
        assert_eq!(
            r("{{plural 1200 \"Person\" \"Personen\"}}", json!({})),
            "1.200 Personen"
        );
        assert_eq!(
            r("{{plural l \"Ziel\" \"Ziele\"}}", json!({"l": [1]})),
            "1 Ziel"
        );
        assert_eq!(
            r(
                "{{plural l \"Ziel\" \"Ziele\" zahl=false}}",
                json!({"l": [1, 2]})
            ),
            "Ziele"
        );
    }

    #[test]
    fn summe_adds_cents_and_numbers() {
        let m = json!({"m": [
            {"kosten": {"cent": 1_000_000, "euro": 10000.0, "text": "10.000 €"}, "n": 1.5},
            {"kosten": {"cent": null, "euro": 0.0, "text": ""}, "n": null},
            {"kosten": {"cent": 250_050, "euro": 2500.5, "text": "2.500,50 €"}, "n": 2},
        ]});
        assert_eq!(r("{{summe m \"kosten\"}}", m.clone()), "1250050");
        assert_eq!(r("{{summe m \"kosten.cent\"}}", m.clone()), "1250050");
        assert_eq!(r("{{geld (summe m \"kosten\")}}", m.clone()), "12.500,50 €");
        assert_eq!(r("{{zahl (summe m \"n\")}}", m.clone()), "3,5");
        assert_eq!(r("{{summe l}}", json!({"l": [1, 2, 3]})), "6");
        assert_eq!(r("{{summe l \"x\"}}", json!({"l": []})), "0");
    }

    #[test]
    fn gruppiere_keeps_first_appearance_order() {
        let m = json!({"m": [
            {"titel": "A", "status": "geplant"},
            {"titel": "B", "status": "laufend"},
            {"titel": "C<", "status": "geplant"},
        ]});
        assert_eq!(
            r(
                "{{#each (gruppiere m \"status\")}}{{name}}: {{anzahl}} ({{#each eintraege}}{{titel}}{{/each}})|{{/each}}",
                m
            ),
            "geplant: 2 (AC&lt;)|laufend: 1 (B)|"
        );
    }

    #[test]
    fn helpers_escape_through_the_format() {
        // A value helper's result goes through the escape function like a field.
        assert_eq!(r("{{plural 2 \"<x>\" \"<y>\"}}", json!({})), "2 &lt;y>");
        assert_eq!(r("{{{plural 2 \"<x>\" \"<y>\"}}}", json!({})), "2 <y>");
    }
}

mod overrides {
    use super::super::overrides::effective_text;
    use super::super::registry::*;
    use super::super::TemplateError;
    use crate::embedded::templates::Override;
    use crate::embedded::templates::{check_syntax, TYPST};
    use handlebars::{Context, Handlebars, HelperResult, Output, RenderContext};

    fn vorlage(file: &str, text: &str) -> Override {
        Override {
            file: file.into(),
            shown: format!("vorlagen/{file}"),
            text: text.into(),
        }
    }

    #[test]
    fn an_override_replaces_only_its_twin() {
        let o = vorlage(
            "typst/kapitel-1.typ.hbs",
            "// Vorlage: templates/typst/kapitel-1.typ.hbs\n= Eigenes Kapitel\n",
        );
        let hb = registry_with(TYPST, |s| s.to_string(), &[o]).unwrap();
        let k1 = hb.get_template("kapitel-1").unwrap();
        let text = format!("{:?}", k1.elements);
        assert!(
            text.contains("// Vorlage: vorlagen/typst/kapitel-1.typ.hbs"),
            "{text}"
        );
        assert!(text.contains("Eigenes Kapitel"));
        let k2 = format!("{:?}", hb.get_template("kapitel-2").unwrap().elements);
        assert!(k2.contains("templates/typst/kapitel-2.typ.hbs"));
    }

    #[test]
    fn an_override_without_marker_gets_one_and_lines_stay_right() {
        let t = TYPST.iter().find(|t| t.name == "kapitel-1").unwrap();
        let o = vorlage("typst/kapitel-1.typ.hbs", "= A\n{{fehlt}}\n");
        let (text, offset) = effective_text(t, &o);
        assert_eq!(offset, 1);
        assert!(text.starts_with("// Vorlage: vorlagen/typst/kapitel-1.typ.hbs\n= A\n"));
        let hb = registry_with(TYPST, |s| s.to_string(), std::slice::from_ref(&o)).unwrap();
        let e = hb.render("kapitel-1", &serde_json::json!({})).unwrap_err();
        let e = TemplateError::from_render_in(&e, TYPST, &[o]);
        assert_eq!(e.file, "vorlagen/typst/kapitel-1.typ.hbs");
        assert_eq!(e.line, Some(2), "{e}");
    }

    #[test]
    fn teil_renders_like_a_partial() {
        let eins = vorlage("typst/kapitel-1.typ.hbs", "{{x}}/{{@root.y}}/{{@index}}");
        let zwei = vorlage(
            "typst/kapitel-2.typ.hbs",
            "{{#each liste}}<{{teil \"kapitel-1\"}}|{{> kapitel-1}}>{{/each}}",
        );
        let hb = registry_with(TYPST, |s| s.to_string(), &[eins, zwei]).unwrap();
        let data = serde_json::json!({"y": "Y", "liste": [{"x": "a"}, {"x": "b"}]});
        let out = hb.render("kapitel-2", &data).unwrap();
        let parts: Vec<&str> = out.split('<').skip(1).collect();
        assert_eq!(parts.len(), 2, "{out}");
        for (i, part) in parts.iter().enumerate() {
            let (teil, partial) = part.trim_end_matches('>').split_once('|').unwrap();
            assert_eq!(teil, partial);
            assert!(teil.ends_with(&format!("/Y/{i}")), "{teil}");
        }
    }

    #[test]
    fn teil_in_a_circle_is_an_error_not_a_crash() {
        let eins = vorlage("typst/kapitel-1.typ.hbs", "{{teil \"kapitel-2\"}}");
        let zwei = vorlage("typst/kapitel-2.typ.hbs", "{{teil \"kapitel-1\"}}");
        let selbst = vorlage("typst/kapitel-3.typ.hbs", "{{teil \"kapitel-3\"}}");
        let gut = vorlage("typst/anhang.typ.hbs", "{{teil \"titelseite\"}}");
        let titel = vorlage("typst/titelseite.typ.hbs", "Titel");
        let hb =
            registry_with(TYPST, |s| s.to_string(), &[eins, zwei, selbst, gut, titel]).unwrap();
        let e = hb.render("kapitel-1", &serde_json::json!({})).unwrap_err();
        assert!(e.to_string().contains("gegenseitig"), "{e}");
        let e = hb.render("kapitel-3", &serde_json::json!({})).unwrap_err();
        assert!(e.to_string().contains("bindet sich selbst ein"), "{e}");
        // The depth count is back at zero after the errors.
        let out = hb.render("anhang", &serde_json::json!({})).unwrap();
        assert!(out.ends_with("Titel"), "{out}");
    }

    #[test]
    fn teil_with_an_unknown_name_names_file_and_line() {
        let o = vorlage("typst/kapitel-1.typ.hbs", "= A\n{{teil \"kapitel-9\"}}\n");
        let hb = registry_with(TYPST, |s| s.to_string(), std::slice::from_ref(&o)).unwrap();
        let e = hb.render("kapitel-1", &serde_json::json!({})).unwrap_err();
        let e = TemplateError::from_render_in(&e, TYPST, &[o]);
        assert_eq!(e.file, "vorlagen/typst/kapitel-1.typ.hbs");
        assert_eq!(e.line, Some(2), "{e}");
        assert!(
            e.message.contains("den Teil „kapitel-9“ gibt es nicht"),
            "{e}"
        );
    }

    #[test]
    fn parsed_registries_are_reused_only_for_the_same_templates() {
        fn upper(s: &str) -> String {
            s.to_uppercase()
        }
        let render = |hb: &Handlebars<'static>| {
            hb.render("kapitel-1", &serde_json::json!({"x": "klein"}))
                .unwrap()
        };
        let eins = vorlage("typst/kapitel-1.typ.hbs", "Eins {{x}}\n");
        let zwei = vorlage("typst/kapitel-1.typ.hbs", "Zwei {{x}}\n");
        let a = registry_with(TYPST, upper, std::slice::from_ref(&eins)).unwrap();
        assert!(render(&a).ends_with("Eins KLEIN\n"), "{}", render(&a));
        // The same again comes from the cache and renders the same.
        let b = registry_with(TYPST, upper, std::slice::from_ref(&eins)).unwrap();
        assert_eq!(render(&a), render(&b));
        // A changed override text, or another escape function, is parsed anew.
        let c = registry_with(TYPST, upper, &[zwei]).unwrap();
        assert!(render(&c).ends_with("Zwei KLEIN\n"), "{}", render(&c));
        let d = registry_with(TYPST, |s| s.to_string(), &[eins]).unwrap();
        assert!(render(&d).ends_with("Eins klein\n"), "{}", render(&d));
        // Helpers registered on a copy do not reach the cached registry.
        let mut e = registry_with(TYPST, upper, &[]).unwrap();
        e.register_helper(
            "nur-hier",
            Box::new(
                |_: &handlebars::Helper,
                 _: &Handlebars,
                 _: &Context,
                 _: &mut RenderContext,
                 _: &mut dyn Output|
                 -> HelperResult { Ok(()) },
            ),
        );
        let f = registry_with(TYPST, upper, &[]).unwrap();
        let probe = "{{nur-hier}}";
        assert!(e.render_template(probe, &serde_json::json!({})).is_ok());
        assert!(f.render_template(probe, &serde_json::json!({})).is_err());
    }

    #[test]
    fn a_broken_override_names_file_and_line() {
        let o = vorlage(
            "typst/kapitel-2.typ.hbs",
            "// Vorlage: x\n= B\n\n{{#if meta.titel}}\nText\n",
        );
        let e = registry_with(TYPST, |s| s.to_string(), std::slice::from_ref(&o)).unwrap_err();
        assert_eq!(e.file, "vorlagen/typst/kapitel-2.typ.hbs");
        assert!(e.line.is_some(), "{e}");
        assert!(e.to_string().contains("Zeile"), "{e}");
        let (line, _) = check_syntax(&o.text).unwrap_err();
        assert!(line.is_some());
    }

    #[test]
    fn a_misspelt_field_in_a_helper_is_an_error() {
        let mut hb = registry(&[], |s| s.to_string()).unwrap();
        hb.register_template_string("t", "{{geld kostn}}").unwrap();
        let e = hb
            .render("t", &serde_json::json!({"kosten": 1}))
            .unwrap_err();
        assert!(e.to_string().contains("„kostn“ gibt es nicht"), "{e}");
    }
}
