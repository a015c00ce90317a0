//! Measure costs spread over calendar years (spec: document.md).
//!
//! A measure's `Kosten` is its total over the period Beginn..Ende. It is
//! assigned to years pro rata by days: a Beginn given as a month, quarter or
//! year starts on its first day, an Ende on its last day; an open end runs to
//! the end of the Laufzeit, and so does a missing Ende; a missing Beginn
//! starts with the Laufzeit. Whole euros (or cents, for a total with
//! cents) are distributed by largest remainder so the years always add up to
//! the total exactly.

use crate::input::values::{Cost, DateValue, EndDate, Money, Per};
use chrono::{Datelike, NaiveDate};

/// The footnote printed under every table that uses this rule.
pub const RULE: &str =
    "Die Kosten einer Maßnahme sind ihre Gesamtkosten über den ganzen Zeitraum. \
Sie werden taggenau anteilig auf die Kalenderjahre von Beginn bis Ende verteilt; \
eine Maßnahme ohne Ende oder mit offenem Ende („fortlaufend“) zählt bis zum Ende der Laufzeit, \
eine ohne Beginn ab dem Beginn der Laufzeit.";

/// The period a measure runs, as first and last day.
pub fn period(
    beginn: Option<&DateValue>,
    ende: Option<&EndDate>,
    laufzeit: (i32, i32),
) -> (NaiveDate, NaiveDate) {
    let lz_first = NaiveDate::from_ymd_opt(laufzeit.0, 1, 1).expect("valid year");
    let lz_last = NaiveDate::from_ymd_opt(laufzeit.1, 12, 31).expect("valid year");
    let first = beginn.map(|b| b.first).unwrap_or(lz_first);
    let last = match ende {
        Some(EndDate::Date(d)) => d.last,
        Some(EndDate::Open) | None => lz_last.max(first),
    };
    (first, last.max(first))
}

/// Recurring costs added to [`RULE`] when a plan has any.
pub const RULE_RECURRING: &str =
    "Laufende Kosten („5.000 € jährlich“, „400 € monatlich“) zählen mit ihrem Betrag je Jahr bzw. \
je Monat für jeden Monat des Zeitraums (angebrochene Monate anteilig nach Tagen); \
ohne Ende bis zum Ende der Laufzeit.";

/// A measure's costs per calendar year of `first..=last`: a total split
/// by [`allocate`], an amount per year or month counted for each month.
pub fn allocate_cost(cost: &Cost, first: NaiveDate, last: NaiveDate) -> Vec<(i32, Money)> {
    match cost.per {
        Per::Total => allocate(cost.amount, first, last),
        Per::Year => recurring(cost.amount.0 as f64 / 12.0, first, last),
        Per::Month => recurring(cost.amount.0 as f64, first, last),
    }
}

/// `per_month` cents for every month of `first..=last`, a month begun or
/// ended inside counted by its share of days; rounded to cents per year.
fn recurring(per_month: f64, first: NaiveDate, last: NaiveDate) -> Vec<(i32, Money)> {
    let last = last.max(first);
    let mut out = Vec::new();
    for year in first.year()..=last.year() {
        let mut months = 0.0;
        for month in 1..=12u32 {
            let Some(start) = NaiveDate::from_ymd_opt(year, month, 1) else {
                continue;
            };
            let end = if month == 12 {
                NaiveDate::from_ymd_opt(year, 12, 31)
            } else {
                NaiveDate::from_ymd_opt(year, month + 1, 1).and_then(|d| d.pred_opt())
            }
            .unwrap_or(start);
            let (a, b) = (start.max(first), end.min(last));
            if a <= b {
                let days = (b - a).num_days() + 1;
                let len = (end - start).num_days() + 1;
                months += days as f64 / len as f64;
            }
        }
        out.push((year, Money((per_month * months).round() as i64)));
    }
    out
}

/// Splits `total` over the calendar years of `first..=last`, by days.
pub fn allocate(total: Money, first: NaiveDate, last: NaiveDate) -> Vec<(i32, Money)> {
    // A total in whole euros is split into whole euros (planning tables
    // without cents); otherwise into cents.
    let unit: i64 = if total.0 % 100 == 0 { 100 } else { 1 };
    allocate_units(Money(total.0 / unit), first, last)
        .into_iter()
        .map(|(y, m)| (y, Money(m.0 * unit)))
        .collect()
}

fn allocate_units(total: Money, first: NaiveDate, last: NaiveDate) -> Vec<(i32, Money)> {
    let last = last.max(first);
    let days_total = (last - first).num_days() + 1;
    let mut shares: Vec<(i32, i64, i128)> = Vec::new(); // (year, cents, remainder)
    for year in first.year()..=last.year() {
        let ys = NaiveDate::from_ymd_opt(year, 1, 1)
            .expect("valid")
            .max(first);
        let ye = NaiveDate::from_ymd_opt(year, 12, 31)
            .expect("valid")
            .min(last);
        let days = (ye - ys).num_days() + 1;
        let exact = total.0 as i128 * days as i128;
        shares.push((
            year,
            (exact / days_total as i128) as i64,
            exact % days_total as i128,
        ));
    }
    let assigned: i64 = shares.iter().map(|s| s.1).sum();
    let mut missing = total.0 - assigned;
    let mut order: Vec<usize> = (0..shares.len()).collect();
    order.sort_by(|&a, &b| shares[b].2.cmp(&shares[a].2).then(a.cmp(&b)));
    for i in order {
        if missing <= 0 {
            break;
        }
        shares[i].1 += 1;
        missing -= 1;
    }
    shares.into_iter().map(|(y, c, _)| (y, Money(c))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cost(euros: i64, per: Per) -> Cost {
        Cost {
            amount: Money(euros * 100),
            per,
            approx: false,
            word: None,
        }
    }

    #[test]
    fn recurring_costs_count_per_year_and_month() {
        let a = allocate_cost(&cost(5000, Per::Year), ymd(2026, 1, 1), ymd(2029, 12, 31));
        assert_eq!(a, [2026, 2027, 2028, 2029].map(|y| (y, Money(500_000))));
        // From July: half a year.
        let a = allocate_cost(&cost(5000, Per::Year), ymd(2026, 7, 1), ymd(2027, 12, 31));
        assert_eq!(a, [(2026, Money(250_000)), (2027, Money(500_000))]);
        // 400 € a month from March to December: ten months.
        let a = allocate_cost(&cost(400, Per::Month), ymd(2027, 3, 1), ymd(2027, 12, 31));
        assert_eq!(a, [(2027, Money(400_000))]);
        // A total stays a total.
        let a = allocate_cost(&cost(5000, Per::Total), ymd(2026, 1, 1), ymd(2027, 12, 31));
        assert_eq!(a, [(2026, Money(250_000)), (2027, Money(250_000))]);
    }

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn whole_years_split_evenly() {
        let a = allocate(Money(30_000_000), ymd(2026, 1, 1), ymd(2028, 12, 31));
        // 365 + 365 + 366 days
        assert_eq!(
            a.iter().map(|x| x.0).collect::<Vec<_>>(),
            [2026, 2027, 2028]
        );
        let sum: i64 = a.iter().map(|x| x.1 .0).sum();
        assert_eq!(sum, 30_000_000);
        assert_eq!(a[0].1 .0, 9_990_900, "whole euros: {a:?}");
    }

    #[test]
    fn half_year() {
        let a = allocate(Money(1_200_050), ymd(2026, 7, 1), ymd(2027, 6, 30));
        assert_eq!(a.len(), 2);
        assert_eq!(a[0].1 .0 + a[1].1 .0, 1_200_050);
        // 184 of 365 days fall in 2026; a total with cents is split in cents
        assert_eq!(a[0].1 .0, 604_957);
    }

    #[test]
    fn cents_always_add_up() {
        for total in [1, 2, 3, 7, 99, 100_001, 123_456_789] {
            let a = allocate(Money(total), ymd(2025, 3, 17), ymd(2031, 2, 2));
            assert_eq!(a.iter().map(|x| x.1 .0).sum::<i64>(), total);
        }
    }

    #[test]
    fn single_day() {
        assert_eq!(
            allocate(Money(500), ymd(2027, 5, 5), ymd(2027, 5, 5)),
            [(2027, Money(500))]
        );
    }

    #[test]
    fn period_rules() {
        let b = DateValue::quarter(2027, 3).unwrap();
        assert_eq!(
            period(Some(&b), Some(&EndDate::Open), (2026, 2030)),
            (ymd(2027, 7, 1), ymd(2030, 12, 31))
        );
        assert_eq!(
            period(None, None, (2026, 2030)),
            (ymd(2026, 1, 1), ymd(2030, 12, 31))
        );
        let e = EndDate::Date(DateValue::month(2028, 2).unwrap());
        assert_eq!(
            period(None, Some(&e), (2026, 2030)),
            (ymd(2026, 1, 1), ymd(2028, 2, 29))
        );
    }
}
