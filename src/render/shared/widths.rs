//! Column widths of a DOCX or ODT table from its cells' text, as the PDF's
//! `breiten` in `stil.typ` computes them (one rule for both word-processor
//! formats, in twips; the ODT converts to cm): each column gets at least its
//! longest word (amounts and dates whole; words up to [`WORD_MAX`] letters,
//! longer ones hyphenate), then its longest header word, and the rest of the
//! width goes by the mean text length. A column without text cells (the time
//! line's years, rich content) keeps the width the template gave it.

/// Longest run of letters a column is made wide enough for.
const WORD_MAX: usize = 13;
/// Units a word may keep whole when the longest words do not fit.
const WORD_SHORT: f64 = 6.0;
/// Longest mean text a column asks room for.
const MEAN_MAX: usize = 60;
/// Cell margins left and right (2 × 85 twips, `KonzeptTabelle`) and a little air.
const PAD: f64 = 200.0;

/// What the cells of one column hold.
#[derive(Debug, Clone, Default)]
pub struct ColumnText {
    /// Width of the longest word of a body cell, in units ([`char_units`]).
    pub longest: f64,
    /// Width of the longest word with a digit (an amount, a date): it never
    /// breaks.
    pub number: f64,
    /// Width of the longest header word, in units.
    pub header: f64,
    /// Characters of all body cells, and how many there are.
    pub total: usize,
    pub cells: usize,
}

/// The width of a character in units of an average one (digits and most
/// lower-case letters of a sans-serif font are 1).
fn char_units(c: char) -> f64 {
    match c {
        '.' | ',' | ':' | ';' | '!' | '|' | '\'' | 'i' | 'l' | 'j' | 'I' | 't' | 'f' | 'r'
        | ' ' | '\u{a0}' | '(' | ')' | '-' | '/' => 0.5,
        'm' | 'w' | 'M' | 'W' => 1.5,
        c if c.is_uppercase() => 1.2,
        _ => 1.0,
    }
}

/// A word's width in units (see [`char_units`]); a word without digits
/// counts at most [`WORD_MAX`] characters (it may hyphenate).
fn word_units(w: &str) -> f64 {
    let units = |cs: &mut dyn Iterator<Item = char>| cs.map(char_units).sum::<f64>();
    if w.chars().any(|c| c.is_ascii_digit()) {
        units(&mut w.chars())
    } else {
        units(&mut w.chars().take(WORD_MAX))
    }
}

/// The width of the longest word of `text` in units (words split at
/// spaces; a non-breaking space joins).
pub fn longest_word(text: &str) -> f64 {
    text.split([' ', '\n', '\t'])
        .map(word_units)
        .fold(0.0, f64::max)
}

impl ColumnText {
    pub fn add_cell(&mut self, text: &str) {
        self.longest = self.longest.max(longest_word(text));
        let numbers = text
            .split([' ', '\n', '\t'])
            .filter(|w| w.chars().any(|c| c.is_ascii_digit()));
        self.number = numbers.map(word_units).fold(self.number, f64::max);
        self.total += text.chars().count();
        self.cells += 1;
    }
}

/// The width of a unit ([`char_units`]) in bold table text, in twips: a
/// digit of 9 pt (8 pt for small tables) Arial or its metric twins, wider
/// for the wide sans-serifs (DejaVu Sans, Verdana), with some air for a
/// font substituted by the reader's word processor.
pub fn unit_twips(font: &str, small: bool) -> f64 {
    let size = if small { 8.0 } else { 9.0 };
    let f = font.to_lowercase();
    let em = if f.contains("dejavu") || f.contains("verdana") || f.contains("tahoma") {
        0.70
    } else {
        0.60
    };
    size * em * 20.0
}

/// The widths in twips: `given` (the template's, summing to the table
/// width) for columns without text, the content's for the others.
/// `char_w`: the width of a unit ([`char_units`]) in bold, in twips.
pub fn content_widths(given: &[u32], cols: &[ColumnText], char_w: f64) -> Vec<u32> {
    let total: f64 = given.iter().map(|&w| f64::from(w)).sum();
    let measured: Vec<usize> = (0..given.len())
        .filter(|&j| cols.get(j).is_some_and(|c| c.cells > 0))
        .collect();
    if measured.is_empty() {
        return given.to_vec();
    }
    let fixed: f64 = (0..given.len())
        .filter(|j| !measured.contains(j))
        .map(|j| f64::from(given[j]))
        .sum();
    let width = total - fixed;
    let must: Vec<f64> = measured
        .iter()
        .map(|&j| cols[j].longest * char_w + PAD)
        .collect();
    let should: Vec<f64> = measured
        .iter()
        .zip(&must)
        .map(|(&j, m)| m.max(cols[j].header * char_w + PAD))
        .collect();
    let want: Vec<f64> = measured
        .iter()
        .zip(&should)
        .map(|(&j, s)| {
            let mean = cols[j].total / cols[j].cells.max(1);
            s.max(mean.min(MEAN_MAX) as f64 * char_w + PAD)
        })
        .collect();
    let fill = |low: &[f64], high: &[f64]| -> Vec<f64> {
        let rest = width - low.iter().sum::<f64>();
        let more: Vec<f64> = high.iter().zip(low).map(|(h, l)| h - l).collect();
        let sum: f64 = more.iter().sum();
        low.iter()
            .zip(&more)
            .map(|(l, m)| {
                if sum <= 0.0 {
                    l + rest / low.len() as f64
                } else {
                    l + rest * m / sum
                }
            })
            .collect()
    };
    // When even the longest words do not fit, words hyphenate after
    // [`WORD_SHORT`] characters; amounts and dates still never break.
    let hard: Vec<f64> = measured
        .iter()
        .zip(&must)
        .map(|(&j, m)| {
            m.min(WORD_SHORT * char_w + PAD)
                .max(cols[j].number * char_w + PAD)
        })
        .collect();
    let computed = if hard.iter().sum::<f64>() >= width {
        let sum: f64 = hard.iter().sum();
        hard.iter().map(|m| m / sum * width).collect()
    } else if must.iter().sum::<f64>() >= width {
        fill(&hard, &must)
    } else if should.iter().sum::<f64>() >= width {
        fill(&must, &should)
    } else {
        fill(&should, &want)
    };
    let mut out = given.to_vec();
    for (k, &j) in measured.iter().enumerate() {
        out[j] = computed[k].floor() as u32;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn col(cells: &[&str], header: &str) -> ColumnText {
        let mut c = ColumnText {
            header: longest_word(header),
            ..Default::default()
        };
        cells.iter().for_each(|t| c.add_cell(t));
        c
    }

    #[test]
    fn widths_follow_the_content_not_the_header() {
        let cols = [
            col(
                &["Einwohnerinnen und Einwohner mit langer Erklärung"; 3],
                "Merkmal",
            ),
            col(&["–", "–", "–"], "Mit Migrationshintergrund"),
            col(&["1.050.000\u{a0}€"; 3], "Summe"),
        ];
        let w = content_widths(&[3000, 3000, 3000], &cols, 100.0);
        assert!((8997..=9000).contains(&w.iter().sum::<u32>()), "{w:?}");
        assert!(w[0] > w[1] && w[0] > w[2], "{w:?}");
        assert!(f64::from(w[2]) >= 9.0 * 100.0 + PAD, "{w:?}");
    }

    #[test]
    fn columns_without_text_keep_their_width() {
        let cols = [col(&["a b"], "x"), ColumnText::default()];
        assert_eq!(content_widths(&[1000, 500], &cols, 100.0), vec![1000, 500]);
    }
}
