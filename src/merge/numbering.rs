//! The numbering scheme of goals and measures (`dokument.nummerierung`):
//! „feld“ keeps the numbers as read (field letter and number: B1), the
//! default; „ziel.massnahme“ numbers the goals 1, 2 … through the concept in
//! field order and each measure by the first goal it serves: 2.4 is the
//! fourth measure of goal 2 (Kempten's scheme). A measure without a goal
//! keeps its number (B7).

use crate::model::Feld;
use std::collections::HashMap;

/// Renumbers the goals and measures of all fields in place, with every
/// reference between them; returns the new number of each goal by its old.
pub(super) fn renumber(felder: &mut [Feld], scheme: Option<&str>) -> HashMap<String, String> {
    let mut goals: HashMap<String, String> = HashMap::new();
    if scheme.map(str::trim) != Some("ziel.massnahme") {
        return goals;
    }
    let mut g = 0;
    for f in felder.iter() {
        for z in &f.ziele {
            g += 1;
            goals.insert(z.nr.clone(), g.to_string());
        }
    }
    let mut per_goal: HashMap<String, usize> = HashMap::new();
    for f in felder.iter_mut() {
        let mut measures: HashMap<String, String> = HashMap::new();
        for m in &mut f.massnahmen {
            let first = m.ziele.iter().find_map(|z| goals.get(z));
            if let Some(goal) = first {
                let k = per_goal.entry(goal.clone()).or_default();
                *k += 1;
                let new = format!("{goal}.{k}");
                measures.insert(m.nr.clone(), new.clone());
                m.nr = new;
            }
            for z in &mut m.ziele {
                if let Some(new) = goals.get(z) {
                    *z = new.clone();
                }
            }
        }
        // In number order, as the scheme reads: 1.1, 1.2, 2.1 …; measures
        // without a goal after them, as in the sheet.
        f.massnahmen.sort_by_key(|m| order_key(&m.nr));
        for z in &mut f.ziele {
            if let Some(new) = goals.get(&z.nr) {
                z.nr = new.clone();
            }
            for m in &mut z.massnahmen {
                if let Some(new) = measures.get(m) {
                    *m = new.clone();
                }
            }
        }
    }
    goals
}

/// „2.4“ → (2, 4); any other number after all of them.
fn order_key(nr: &str) -> (usize, usize) {
    let mut parts = nr.split('.').map(str::parse::<usize>);
    match (parts.next(), parts.next(), parts.next()) {
        (Some(Ok(g)), Some(Ok(k)), None) => (g, k),
        _ => (usize::MAX, 0),
    }
}

#[cfg(test)]
mod tests {
    use super::order_key;

    #[test]
    fn numbers_sort_by_goal_then_measure() {
        let mut v = vec!["2.1", "B7", "1.10", "1.2"];
        v.sort_by_key(|n| order_key(n));
        assert_eq!(v, ["1.2", "1.10", "2.1", "B7"]);
    }
}
