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
