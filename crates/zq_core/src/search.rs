//! Finding a county or project by a piece of its Chinese or English name (小鹏, Sihui, 万达).

use crate::data::Dataset;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    County(String),
    Project(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match {
    pub target: Target,
    pub name_zh: String,
    pub name_en: String,
}

/// Matches for `query`, best first: names that start with it before names that contain it,
/// counties before projects. Case-insensitive; empty queries match nothing.
pub fn search(dataset: &Dataset, query: &str, limit: usize) -> Vec<Match> {
    let query = query.trim().to_lowercase();
    if query.is_empty() {
        return Vec::new();
    }
    let rank = |zh: &str, en: &str| -> Option<u8> {
        let (zh, en) = (zh.to_lowercase(), en.to_lowercase());
        if zh.starts_with(&query) || en.starts_with(&query) {
            Some(0)
        } else if zh.contains(&query) || en.contains(&query) {
            Some(1)
        } else {
            None
        }
    };
    let counties = dataset.counties.iter().filter_map(|c| {
        rank(&c.name_zh, &c.name_en).map(|r| {
            (
                r,
                0,
                Match {
                    target: Target::County(c.adcode.clone()),
                    name_zh: c.name_zh.clone(),
                    name_en: c.name_en.clone(),
                },
            )
        })
    });
    let projects = dataset.projects.iter().filter_map(|p| {
        rank(&p.name_zh, &p.name_en).map(|r| {
            (
                r,
                1,
                Match {
                    target: Target::Project(p.id.clone()),
                    name_zh: p.name_zh.clone(),
                    name_en: p.name_en.clone(),
                },
            )
        })
    });
    let mut found: Vec<(u8, u8, Match)> = counties.chain(projects).collect();
    // Stable: file order within a rank.
    found.sort_by_key(|(rank, group, _)| (*rank, *group));
    found.into_iter().take(limit).map(|(_, _, m)| m).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_by_chinese_english_and_substring() {
        let data = Dataset::embedded().unwrap();
        let first = |q: &str| search(&data, q, 10).into_iter().next().map(|m| m.target);
        assert_eq!(first("Sihui"), Some(Target::County("441284".into())));
        assert_eq!(first("sihui"), Some(Target::County("441284".into())));
        assert_eq!(first("四会"), Some(Target::County("441284".into())));
        assert!(matches!(first("小鹏"), Some(Target::Project(id)) if id.starts_with("xpeng")));
        assert!(matches!(first("万达"), Some(Target::Project(_))));
        assert!(search(&data, "  ", 10).is_empty());
        assert!(search(&data, "no such place", 10).is_empty());
    }
}
