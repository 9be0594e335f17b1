//! Checks that tie the dataset together and to its sources: every id resolves, every quote is in
//! its article and holds its number, every qualifier matches its bound, every point lies in its
//! county. A reader must be able to trust each figure, so the embedded data is checked in tests
//! and any opened file is checked before it is shown.

use std::collections::{HashMap, HashSet};

use geo::Coord;

use super::error::LoadError;
use crate::data::figures::{Bound, Figure, Kind, format_value};
use crate::data::quote::{Unspaced, contains_ignoring_whitespace};
use crate::data::{Dataset, Project};
use crate::geometry::Boundaries;

impl Dataset {
    /// Every problem found, each naming the file, the item and the field. Empty when all is well.
    pub fn validate(&self, boundaries: &Boundaries) -> Vec<LoadError> {
        let mut problems = Vec::new();
        self.check_articles(&mut problems);
        self.check_measures(&mut problems);
        problems.extend(self.validate_figures(&self.files.figures, &self.figures));
        problems.extend(self.validate_projects(&self.files.projects, &self.projects, boundaries));
        self.check_project_listings(&mut problems);
        self.check_counties(boundaries, &mut problems);
        problems
    }

    fn check_articles(&self, problems: &mut Vec<LoadError>) {
        let file = &self.files.articles;
        check_unique(
            file,
            "article",
            self.articles.iter().map(|a| a.id.as_str()),
            problems,
        );
        for a in &self.articles {
            let at = |field: &str| format!("article {}: {field}", a.id);
            if a.text.is_empty() {
                problems.push(LoadError::new(
                    file,
                    at("id"),
                    "no article text with this id is shipped",
                ));
            }
            if let Some(date) = &a.date
                && !is_iso_date(date)
            {
                problems.push(LoadError::new(
                    file,
                    at("date"),
                    format!("{date:?} is not YYYY-MM-DD"),
                ));
            }
            if let Some(month) = &a.date_not_before
                && !(month.len() == 7 && is_period(month))
            {
                problems.push(LoadError::new(
                    file,
                    at("date_not_before"),
                    format!("{month:?} is not YYYY-MM"),
                ));
            }
            if a.date.is_none() && a.date_note.as_deref().is_none_or(str::is_empty) {
                problems.push(LoadError::new(
                    file,
                    at("date_note"),
                    "the date is not stated, so a note must say what the content implies",
                ));
            }
        }
    }

    /// Checks a list of figures (the dataset's own, or a file the user opened) against this
    /// dataset's articles, counties and projects; each problem names `file`.
    pub fn validate_figures(&self, file: &str, figures: &[Figure]) -> Vec<LoadError> {
        let mut problems = Vec::new();
        check_unique(
            file,
            "figure",
            figures.iter().map(|f| f.id.as_str()),
            &mut problems,
        );
        let scopes = self.known_scopes();
        // Built once: a user's file may hold many figures per article.
        let texts: HashMap<&str, Unspaced> = self
            .articles
            .iter()
            .map(|a| (a.id.as_str(), Unspaced::new(&a.text)))
            .collect();
        for f in figures {
            let at = |field: &str| format!("figure {}: {field}", f.id);
            if !scopes.contains(f.scope.as_str()) {
                // A county written by name: suggest its code.
                let named = self.counties.iter().find(|c| {
                    let scope = f.scope.trim();
                    c.name_zh == scope
                        || c.name_en.eq_ignore_ascii_case(scope)
                        || (scope.chars().count() >= 2 && c.name_zh.starts_with(scope))
                });
                problems.push(
                    LoadError::new(
                        file,
                        at("scope"),
                        format!(
                            "{:?} is not \"city\", \"company\" or a county adcode",
                            f.scope
                        ),
                    )
                    .with_hint_opt(
                        named.map(|c| {
                            format!("write the county's code {} ({})", c.adcode, c.name_zh)
                        }),
                    ),
                );
            }
            if let Some(period) = &f.period
                && !is_period(period)
            {
                let month = crate::data::period::from_spreadsheet_date(period);
                problems.push(
                    LoadError::new(
                        file,
                        at("period"),
                        format!(
                            "{period:?} is not a period like 2020, 2021-Q1, 2021-05 or 2021-2025"
                        ),
                    )
                    .with_hint_opt(month.map(|m| {
                        format!(
                            "the sheet turned the period into a date; write {m} (in Excel, \
                             format the column as Text before typing)"
                        )
                    })),
                );
            }
            let mut problem = |field: &str, message: String| {
                problems.push(LoadError::new(file, at(field), message));
            };
            if !f.value.is_finite() {
                problem("value", "the value is not a finite number".into());
            }
            for project in &f.projects {
                if self.project(project).is_none() {
                    problem("project", format!("no project has the id {project:?}"));
                }
            }
            if f.projects.len() > 1 && !f.each {
                problem(
                    "project",
                    "a figure about several projects must hold for each of them (each: true)"
                        .into(),
                );
            }
            if let Some(measure) = &f.measure
                && self.measure(measure).is_none()
            {
                problem("measure", format!("no measure has the id {measure:?}"));
            }
            if let Some(message) = same_as_mismatch(f, figures) {
                problem("same_as", message);
            }
            if f.kind == Kind::Rank && (f.value < 1.0 || f.value.fract() != 0.0) {
                problem(
                    "value",
                    "a rank is a place in a list: a whole number from 1".into(),
                );
            }
            if f.kind == Kind::Rank && f.unit != "位" {
                problem(
                    "unit",
                    format!("a rank's unit is 位 (a place), not {:?}", f.unit),
                );
            }
            if let Some(message) = sign_mismatch(f) {
                problem("value", message);
            }
            let Some(text) = texts.get(f.source.article.as_str()) else {
                problem(
                    "source.article",
                    format!("no article has the id {:?}", f.source.article),
                );
                continue;
            };
            if !text.contains(&f.source.quote) {
                problem(
                    "source.quote",
                    format!("the quote does not occur in article {}", f.source.article),
                );
            }
            if !contains_ignoring_whitespace(&f.source.quote, &f.printed) {
                problem(
                    "printed",
                    format!("{:?} does not occur in the quote", f.printed),
                );
            }
            if !number_forms(f.value.abs())
                .iter()
                .any(|form| f.printed.contains(form.as_str()))
            {
                problem(
                    "value",
                    format!(
                        "{} does not appear in the printed form {:?}",
                        format_value(f.value),
                        f.printed
                    ),
                );
            }
            if let Some(message) = bound_mismatch(f) {
                problem("bound", message);
            }
        }
        problems
    }

    /// Checks a list of project points (the dataset's own, or a file the user opened): ids unique,
    /// every figure and article they name exists, every point lies in its county.
    pub fn validate_projects(
        &self,
        file: &str,
        projects: &[Project],
        boundaries: &Boundaries,
    ) -> Vec<LoadError> {
        let mut problems = Vec::new();
        check_unique(
            file,
            "project",
            projects.iter().map(|p| p.id.as_str()),
            &mut problems,
        );
        for p in projects {
            let at = |field: &str| format!("project {}: {field}", p.id);
            for id in &p.figures {
                match self.figure(id) {
                    None => problems.push(LoadError::new(
                        file,
                        at("figures"),
                        format!("no figure has the id {id:?}"),
                    )),
                    Some(f) if !f.names_project(&p.id) => problems.push(LoadError::new(
                        file,
                        at("figures"),
                        format!("figure {id} does not name this project as its project"),
                    )),
                    Some(_) => {}
                }
            }
            for id in &p.articles {
                if self.article(id).is_none() {
                    problems.push(LoadError::new(
                        file,
                        at("articles"),
                        format!("no article has the id {id:?}"),
                    ));
                }
            }
            match boundaries.region_by_code(&p.county) {
                None => problems.push(LoadError::new(
                    file,
                    at("county"),
                    format!("{:?} is not a county adcode", p.county),
                )),
                Some(region) if !region.contains(p.lonlat) => problems.push(LoadError::new(
                    file,
                    at("geometry"),
                    format!(
                        "the point ({:.5}, {:.5}) lies outside {} ({})",
                        p.lonlat.x, p.lonlat.y, region.name_zh, region.code
                    ),
                )),
                Some(_) => {}
            }
        }
        problems
    }

    /// Every figure that names a project is listed by it (the reverse of `validate_projects`'
    /// figure check, which only the dataset as a whole can make).
    fn check_project_listings(&self, problems: &mut Vec<LoadError>) {
        for f in &self.figures {
            for pid in &f.projects {
                if let Some(p) = self.project(pid)
                    && !p.figures.contains(&f.id)
                {
                    problems.push(LoadError::new(
                        &self.files.projects,
                        format!("project {pid}: figures"),
                        format!("figure {} names this project but is not listed", f.id),
                    ));
                }
            }
        }
    }

    fn check_counties(&self, boundaries: &Boundaries, problems: &mut Vec<LoadError>) {
        let file = &self.files.counties;
        check_unique(
            file,
            "county",
            self.counties.iter().map(|c| c.adcode.as_str()),
            problems,
        );
        for c in &self.counties {
            let at = |field: &str| format!("county {}: {field}", c.adcode);
            let Some(region) = boundaries.region_by_code(&c.adcode) else {
                problems.push(LoadError::new(
                    file,
                    at("adcode"),
                    "no boundary has this adcode",
                ));
                continue;
            };
            let seat = Coord {
                x: c.seat.lon,
                y: c.seat.lat,
            };
            if !region.contains(seat) {
                problems.push(LoadError::new(
                    file,
                    at("seat"),
                    format!("the seat lies outside {}", region.name_zh),
                ));
            }
            let expected: HashSet<&str> = self
                .figures_in_scope(&c.adcode)
                .map(|f| f.id.as_str())
                .collect();
            let listed: HashSet<&str> = c.figures.iter().map(String::as_str).collect();
            for missing in expected.difference(&listed) {
                problems.push(LoadError::new(
                    file,
                    at("figures"),
                    format!("figure {missing} is scoped to this county but not listed"),
                ));
            }
            for extra in listed.difference(&expected) {
                problems.push(LoadError::new(
                    file,
                    at("figures"),
                    format!("figure {extra} is listed but not scoped to this county"),
                ));
            }
            for id in &c.projects {
                match self.project(id) {
                    Some(p) if p.county == c.adcode => {}
                    Some(_) => problems.push(LoadError::new(
                        file,
                        at("projects"),
                        format!("project {id} lies in another county"),
                    )),
                    None => problems.push(LoadError::new(
                        file,
                        at("projects"),
                        format!("no project has the id {id:?}"),
                    )),
                }
            }
            for (i, fact) in c.facts.iter().enumerate() {
                match self.article(&fact.article) {
                    None => problems.push(LoadError::new(
                        file,
                        at(&format!("facts[{i}].article")),
                        format!("no article has the id {:?}", fact.article),
                    )),
                    Some(a) if !contains_ignoring_whitespace(&a.text, &fact.text_zh) => problems
                        .push(LoadError::new(
                            file,
                            at(&format!("facts[{i}].text_zh")),
                            format!("the text does not occur in article {}", a.id),
                        )),
                    Some(_) => {}
                }
            }
        }
    }

    /// Ids unique, and each measure used by some figure (an unused one is a leftover).
    fn check_measures(&self, problems: &mut Vec<LoadError>) {
        let file = &self.files.measures;
        check_unique(
            file,
            "measure",
            self.measures.iter().map(|m| m.id.as_str()),
            problems,
        );
        for m in &self.measures {
            if !self
                .figures
                .iter()
                .any(|f| f.measure.as_deref() == Some(m.id.as_str()))
            {
                problems.push(LoadError::new(
                    file,
                    format!("measure {}: id", m.id),
                    "no figure has this measure",
                ));
            }
        }
    }

    /// `"city"`, `"company"` and every county adcode.
    fn known_scopes(&self) -> HashSet<&str> {
        [
            crate::data::figures::CITY_SCOPE,
            crate::data::figures::COMPANY_SCOPE,
        ]
        .into_iter()
        .chain(self.counties.iter().map(|c| c.adcode.as_str()))
        .collect()
    }
}

fn check_unique<'a>(
    file: &str,
    what: &str,
    ids: impl Iterator<Item = &'a str>,
    problems: &mut Vec<LoadError>,
) {
    let mut seen = HashMap::new();
    for id in ids {
        *seen.entry(id).or_insert(0) += 1;
        if seen[id] == 2 {
            problems.push(LoadError::new(
                file,
                format!("{what} {id}: id"),
                "the id is used more than once",
            ));
        }
    }
}

/// A repeat of a fact must name a figure that is not itself a repeat, and say the same: the same
/// measure, unit, value and scope (the bound may differ with the wording).
fn same_as_mismatch(f: &Figure, figures: &[Figure]) -> Option<String> {
    let id = f.same_as.as_deref()?;
    let Some(primary) = figures.iter().find(|p| p.id == id) else {
        return Some(format!("no figure has the id {id:?}"));
    };
    if primary.id == f.id {
        return Some("a figure cannot be a repeat of itself".into());
    }
    if primary.same_as.is_some() {
        return Some(format!(
            "{id} is itself a repeat: name the figure it repeats instead"
        ));
    }
    let differs = |what: &str, a: String, b: String| {
        (a != b).then(|| format!("the {what} differs from {id}'s ({a} against {b})"))
    };
    differs(
        "measure",
        format!("{:?}", f.measure),
        format!("{:?}", primary.measure),
    )
    .or_else(|| differs("unit", f.unit.clone(), primary.unit.clone()))
    .or_else(|| differs("value", format_value(f.value), format_value(primary.value)))
    .or_else(|| differs("scope", f.scope.clone(), primary.scope.clone()))
}

/// A decline (下降20%, 直降65%) is a negative growth, and only a decline is negative.
fn sign_mismatch(f: &Figure) -> Option<String> {
    const DECLINE: &[&str] = &["降", "减", "下跌"];
    let says_decline = DECLINE.iter().any(|w| f.printed.contains(w));
    if f.value < 0.0 && (f.kind != Kind::Growth || !says_decline) {
        Some(format!(
            "a negative value must be a growth figure printed as a decline (降, 减), not {:?}",
            f.printed
        ))
    } else if f.value > 0.0 && f.kind == Kind::Growth && says_decline {
        Some(format!(
            "{:?} is a decline, so the value must be negative",
            f.printed
        ))
    } else {
        None
    }
}

/// The bound a printed qualifier implies: 超200亿元 is at least 200, 约2.5亿元 about 2.5.
fn implied_bound(printed: &str) -> Bound {
    const AT_MOST: &[&str] = &["不足", "不到", "以下", "以内", "内"];
    const AT_LEAST: &[&str] = &["超", "逾", "突破", "多", "余", "以上", "级"];
    const APPROX: &[&str] = &["约", "近", "左右"];
    if AT_MOST.iter().any(|q| printed.contains(q)) {
        Bound::AtMost
    } else if AT_LEAST.iter().any(|q| printed.contains(q)) {
        Bound::AtLeast
    } else if APPROX.iter().any(|q| printed.contains(q)) {
        Bound::Approx
    } else {
        Bound::Exact
    }
}

fn bound_mismatch(f: &Figure) -> Option<String> {
    // A range (1至2个) gives its lower end as at least and its upper end as at most.
    let is_range = ["至", "到", "~", "～"]
        .iter()
        .any(|m| f.printed.contains(m));
    if is_range && matches!(f.bound, Bound::AtLeast | Bound::AtMost) {
        return None;
    }
    let implied = implied_bound(&f.printed);
    (implied != f.bound).then(|| {
        format!(
            "the printed form {:?} reads as {implied:?}, but the bound is {:?}",
            f.printed, f.bound
        )
    })
}

/// The ways an article may print `value`: digits, and Chinese numerals for small integers and
/// the 百/千/万 levels (两个千亿级, 三个超百亿元).
fn number_forms(value: f64) -> Vec<String> {
    let mut forms = vec![format_value(value)];
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    if value.fract() == 0.0 && value > 0.0 && value < 100.0 {
        let n = value as usize;
        let (tens, ones) = (n / 10, n % 10);
        let mut zh = String::new();
        if tens > 1 {
            zh.push_str(DIGITS[tens]);
        }
        if tens > 0 {
            zh.push('十');
        }
        if ones > 0 {
            zh.push_str(DIGITS[ones]);
        }
        if n == 2 {
            forms.push("两".into());
        }
        forms.push(zh);
    }
    for (level, zh) in [(100.0, "百"), (1000.0, "千"), (10000.0, "万")] {
        if value == level {
            forms.push(zh.into());
        }
    }
    if value == 1.0 {
        // 首位 (first place); 超亿元 (over one 亿): Chinese leaves a single unit's "one" unsaid.
        forms.extend(["首", "亿", "万"].map(String::from));
    }
    forms
}

fn is_iso_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    matches!(parts.as_slice(), [y, m, d]
        if y.len() == 4 && m.len() == 2 && d.len() == 2
        && [y, m, d].iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()))
        && (1..=12).contains(&m.parse::<u32>().unwrap_or(0))
        && (1..=31).contains(&d.parse::<u32>().unwrap_or(0)))
}

fn is_period(s: &str) -> bool {
    crate::data::period::Period::parse(s).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qualifiers_imply_bounds() {
        assert_eq!(implied_bound("超200亿元"), Bound::AtLeast);
        assert_eq!(implied_bound("5万多盆"), Bound::AtLeast);
        assert_eq!(implied_bound("不到4天"), Bound::AtMost);
        assert_eq!(implied_bound("约2.5亿元"), Bound::Approx);
        assert_eq!(implied_bound("156.96亿元"), Bound::Exact);
    }

    #[test]
    fn numbers_in_words_are_recognised() {
        assert!(number_forms(2.0).contains(&"两".to_owned()));
        assert!(number_forms(18.0).contains(&"十八".to_owned()));
        assert!(number_forms(1000.0).contains(&"千".to_owned()));
        assert_eq!(number_forms(156.96), vec!["156.96".to_owned()]);
    }

    #[test]
    fn periods_and_dates() {
        for p in ["2020", "2021-Q1", "2023-H1", "2021-05", "2021-2025"] {
            assert!(is_period(p), "{p}");
        }
        for p in ["20", "2021-13", "2021-Q5", "今年", "2021-2020"] {
            assert!(!is_period(p), "{p}");
        }
        assert!(is_iso_date("2021-01-14"));
        assert!(!is_iso_date("2021-1-14"));
    }
}
