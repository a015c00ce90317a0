//! The value forms people type into cells (spec: input.md, "Value types"),
//! each parsed from a typed cell or from text, and each shown again in its
//! German form.
//!
//! Every parser returns `Err(expected)` with a German description of the
//! accepted forms; the caller adds the place and the value found.

mod cost;
mod date_words;
mod dates;
mod keywords;
mod money;
mod numbers;

pub use cost::{parse_cost, Cost, Per};
pub use dates::{parse_begin, parse_date, parse_end_date, DateValue, EndDate, Precision};
pub use keywords::{parse_priority, parse_status, Priority, Status};
pub use money::{parse_money, Money};
pub use numbers::{
    format_fixed, format_number, parse_number, parse_number_text, parse_year, Number,
};

use chrono::NaiveDate;

/// Why a value was rejected: the accepted forms (`expected`) and a concrete
/// hint built from what was typed („meinten Sie 03/2027?“).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejected {
    pub expected: String,
    pub hint: Option<String>,
}

impl Rejected {
    pub fn new(expected: impl Into<String>, hint: impl Into<String>) -> Self {
        Rejected {
            expected: expected.into(),
            hint: Some(hint.into()),
        }
    }
}

impl From<String> for Rejected {
    fn from(expected: String) -> Self {
        Rejected {
            expected,
            hint: None,
        }
    }
}

impl std::fmt::Display for Rejected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.expected)?;
        if let Some(h) = &self.hint {
            write!(f, " ({h})")?;
        }
        Ok(())
    }
}

/// A cell as read from any workbook format, before interpretation.
#[derive(Debug, Clone, PartialEq)]
pub enum CellValue {
    Empty,
    Text(String),
    Number(f64),
    /// A number cell formatted as percent: the stored fraction (0.175 for 17,5 %).
    Percent(f64),
    Bool(bool),
    Date(NaiveDate),
    /// A formula error such as `#DIV/0!`.
    Error(String),
}

impl CellValue {
    pub fn is_empty(&self) -> bool {
        match self {
            CellValue::Empty => true,
            CellValue::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The value as a user would read it in the cell, for messages and for
    /// columns that are plain text.
    pub fn display(&self) -> String {
        match self {
            CellValue::Empty => String::new(),
            CellValue::Text(t) => t.clone(),
            CellValue::Number(n) => format_number(*n, 6),
            CellValue::Percent(p) => format!("{} %", format_number(round(p * 100.0, 8), 6)),
            CellValue::Bool(b) => if *b { "WAHR" } else { "FALSCH" }.to_string(),
            CellValue::Date(d) => d.format("%d.%m.%Y").to_string(),
            CellValue::Error(e) => e.clone(),
        }
    }
}

fn round(x: f64, decimals: i32) -> f64 {
    let f = 10f64.powi(decimals);
    (x * f).round() / f
}

/// Several values separated by `;`, `,` or line breaks.
pub fn parse_list(text: &str) -> Vec<String> {
    text.split([';', ',', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_split_on_all_separators() {
        assert_eq!(parse_list("a; b, c\nd;;"), ["a", "b", "c", "d"]);
        assert!(parse_list(" ; ").is_empty());
    }
}
