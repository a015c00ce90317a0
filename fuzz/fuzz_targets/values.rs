//! The cell value parsers (`input::values`): never panic, and what they
//! accept is shown in a form they read back as the same value.
#![no_main]

use chrono::{Datelike, NaiveDate};
use konzept::input::values::{
    format_fixed, format_number, parse_cost, parse_date, parse_end_date, parse_list, parse_money, parse_number,
    parse_number_text, parse_priority, parse_status, parse_year, CellValue, EndDate, Money,
};
use libfuzzer_sys::fuzz_target;

fn check(cell: &CellValue) {
    let _ = cell.display();
    let _ = cell.is_empty();

    if let Ok(d) = parse_date(cell) {
        assert!((1900..=2200).contains(&d.first.year()), "{cell:?} → {d:?}");
        assert!(d.first <= d.last, "{cell:?} → {d:?}");
        let shown = d.display();
        assert_eq!(
            parse_date(&CellValue::Text(shown.clone())).as_ref(),
            Ok(&d),
            "{cell:?} shown as {shown:?} does not read back"
        );
    }
    match parse_end_date(cell) {
        // `bis 2028` is an Ende but no date, `ab 2027` a date but no Ende:
        // an Ende reads back from how it is shown.
        Ok(EndDate::Date(d)) => assert_eq!(
            parse_date(&CellValue::Text(d.display())),
            Ok(d),
            "{cell:?}"
        ),
        Ok(EndDate::Open) => assert!(matches!(cell, CellValue::Text(_))),
        Err(r) => assert!(r.hint.is_some(), "{cell:?}: no hint"),
    }
    if let Ok(c) = parse_cost(cell) {
        assert_eq!(
            parse_cost(&CellValue::Text(c.display())),
            Ok(c.clone()),
            "{cell:?} shown as {:?} does not read back",
            c.display()
        );
    }

    if let Ok(m) = parse_money(cell) {
        assert!(m.0 >= 0, "{cell:?} → {m:?}");
        let shown = m.display();
        assert_eq!(
            parse_money(&CellValue::Text(shown.clone())),
            Ok(m),
            "{cell:?} shown as {shown:?} does not read back"
        );
    }

    if let Ok(n) = parse_number(cell) {
        if n.value.is_finite() {
            let _ = format_fixed(n.value, 1);
            if let CellValue::Text(_) = cell {
                // Shown with up to 6 decimals, read back within rounding.
                let shown = format_number(n.value, 6);
                let back = parse_number_text(&shown)
                    .unwrap_or_else(|e| panic!("{cell:?} shown as {shown:?}: {e}"));
                let tol = 1e-6 + n.value.abs() * 1e-12;
                assert!(
                    (back.value - n.value).abs() <= tol,
                    "{cell:?} → {} shown as {shown:?} → {}",
                    n.value,
                    back.value
                );
            }
        } else {
            assert!(!matches!(cell, CellValue::Text(_)), "{cell:?} → {n:?}");
        }
    }

    if let Ok(y) = parse_year(cell) {
        assert!((1900..=2200).contains(&y));
    }
    if let Ok(p) = parse_priority(cell) {
        assert_eq!(parse_priority(&CellValue::Text(p.label().into())), Ok(p));
    }
    if let Ok(s) = parse_status(cell) {
        assert_eq!(parse_status(&CellValue::Text(s.label().into())), Ok(s));
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    for item in parse_list(&text) {
        assert!(!item.is_empty() && item == item.trim());
        assert!(!item.contains([';', ',', '\n']), "{item:?}");
    }
    check(&CellValue::Text(text));

    // The same bytes as a number, a percentage and a date cell.
    if let Some(b) = data.get(..8) {
        let x = f64::from_le_bytes(b.try_into().unwrap());
        let _ = format_number(x, 6);
        // Sums saturate and differences of real amounts stay far from i64::MIN.
        let _ = Money(i64::from_le_bytes(b.try_into().unwrap()) >> 1).display();
        check(&CellValue::Number(x));
        check(&CellValue::Percent(x));
    }
    if let Some(b) = data.get(..4) {
        let days = i32::from_le_bytes(b.try_into().unwrap());
        if let Some(d) = NaiveDate::from_num_days_from_ce_opt(days) {
            check(&CellValue::Date(d));
        }
    }
});
