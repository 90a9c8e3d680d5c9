//! Reading a skills inventory from a spreadsheet saved as CSV: the columns are matched to
//! fields (guessed from the headings, changeable), and every line that cannot be read is
//! reported by number with the reason, while the readable lines are imported.
//!
//! Accepted: comma, semicolon or tab between columns (whichever the heading line uses),
//! quoted fields with doubled quotes and line breaks inside, a byte order mark, blank lines.
//! A skills cell lists skills separated by `;`, `,` or `|`, each optionally followed by a
//! level 1-3 ("Budgeting 3", "Budgeting: 3", "Budgeting (3)"); without one the level is 2.

use super::inventory::{clean_label, normalise, MAX_LABEL};
use super::Mentoring;
use crate::domain::pairing::{Side, MAX_LEVEL};
use crate::domain::roster::Participant;
use crate::domain::workspace::Workspace;
use crate::domain::{DomainError, Id};
use std::collections::{BTreeMap, BTreeSet};

/// Biggest file read at once (a few thousand people fit easily).
pub const MAX_IMPORT_BYTES: usize = 2_000_000;
pub const MAX_IMPORT_ROWS: usize = 5_000;
/// Every dimension is bounded before any work depends on it, so a hostile file is refused
/// at once instead of hanging the page: columns per line, characters per cell, skills per
/// cell (a skills file needs a handful of columns and short cells).
pub const MAX_IMPORT_COLUMNS: usize = 60;
pub const MAX_CELL_CHARS: usize = 4_000;
pub const MAX_SKILLS_PER_CELL: usize = 100;
/// Level used when a skill is listed without one.
pub const DEFAULT_LEVEL: u8 = 2;

/// Why a whole skills file was refused (nothing of it is imported).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("That file is too big ({kb} KB). Please import at most {max_kb} KB at a time.")]
    TooBig { kb: usize, max_kb: usize },
    #[error(
        "Line {line} has a cell longer than {max} characters, which is more than a skills file \
         needs. Please check the file."
    )]
    CellTooLong { line: usize, max: usize },
    #[error(
        "Line {line} has more than {max} columns, which is more than a skills file needs. \
         Please keep only the name, skills, days, team and role columns."
    )]
    TooManyColumns { line: usize, max: usize },
    #[error("That file has more than {max} lines. Please split it.")]
    TooManyLines { max: usize },
    #[error(
        "That file is empty. Please choose a CSV file with a heading line and one line per \
         person."
    )]
    Empty,
    #[error("Please choose which column holds the names.")]
    NoNameColumn,
    #[error(
        "The file names {0} or more new skills, more than the list can hold. Please merge \
         similar skills in the file first."
    )]
    TooManyNewSkills(usize),
}

/// Why one line of a skills file is left out (the other lines are still imported). Each
/// sentence follows "Line N: ".
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LineReason {
    #[error(
        "a quotation mark is never closed, so this line and the rest of the file could not be \
         read."
    )]
    QuoteNotClosed,
    #[error("there is no name.")]
    NoName,
    #[error("nobody called “{0}” is on the roster.")]
    NotOnRoster(String),
    /// The name matches two or more people (spelled alike, or alike once folded): refused,
    /// never guessed.
    #[error(
        "more than one person on the roster is called “{0}”; please enter their skills by \
         hand."
    )]
    SeveralOnRoster(String),
    #[error("“{name}” was already read on line {first}.")]
    ReadAlready { name: String, first: usize },
    #[error("more than {max} skills are listed in one cell.")]
    TooManySkills { max: usize },
    #[error("the skill “{name}” has no name or a name longer than {max} characters.")]
    SkillName { name: String, max: usize },
    #[error("the level “{level}” for “{skill}” is not 1, 2 or 3.")]
    Level { level: String, skill: String },
    #[error("“{0}” is not a day of the week.")]
    NotADay(String),
    #[error("the team name is longer than {max} characters.")]
    TeamTooLong { max: usize },
    #[error("“{0}” is not mentor or protege.")]
    NotASide(String),
}

/// The file split into a heading and rows, each row with the line it starts on.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    pub headings: Vec<String>,
    pub rows: Vec<(usize, Vec<String>)>,
    /// Lines that could not be split into columns.
    pub problems: Vec<LineProblem>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineProblem {
    pub line: usize,
    pub reason: LineReason,
}

impl std::fmt::Display for LineProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Line {}: {}", self.line, self.reason)
    }
}

/// Which column (by position) holds each field; `None` leaves that field as it is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Mapping {
    pub name: Option<usize>,
    pub offers: Option<usize>,
    pub wants: Option<usize>,
    pub days: Option<usize>,
    pub team: Option<usize>,
    pub side: Option<usize>,
}

/// The fields a column can be matched to, for the mapping step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Name,
    Offers,
    Wants,
    Days,
    Team,
    Side,
}

impl Field {
    pub const ALL: [Field; 6] = [
        Field::Name,
        Field::Offers,
        Field::Wants,
        Field::Days,
        Field::Team,
        Field::Side,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Field::Name => "Name (as on the roster)",
            Field::Offers => "Skills they can offer",
            Field::Wants => "Skills they want to develop",
            Field::Days => "Days they are free",
            Field::Team => "Team or department",
            Field::Side => "Mentor or protege",
        }
    }

    fn words(self) -> &'static [&'static str] {
        match self {
            Field::Name => &["name", "person", "who"],
            Field::Offers => &["offer", "can help", "teach", "strength"],
            Field::Wants => &["want", "develop", "learn", "need"],
            Field::Days => &["day", "avail", "free"],
            Field::Team => &["team", "department", "dept", "unit"],
            Field::Side => &["role", "side", "mentor"],
        }
    }
}

impl Mapping {
    pub fn get(&self, field: Field) -> Option<usize> {
        match field {
            Field::Name => self.name,
            Field::Offers => self.offers,
            Field::Wants => self.wants,
            Field::Days => self.days,
            Field::Team => self.team,
            Field::Side => self.side,
        }
    }

    pub fn set(&mut self, field: Field, column: Option<usize>) {
        let slot = match field {
            Field::Name => &mut self.name,
            Field::Offers => &mut self.offers,
            Field::Wants => &mut self.wants,
            Field::Days => &mut self.days,
            Field::Team => &mut self.team,
            Field::Side => &mut self.side,
        };
        *slot = column;
    }

    /// Matches headings to fields by the words they contain; each column is used once.
    pub fn guess(headings: &[String]) -> Mapping {
        let mut mapping = Mapping::default();
        let mut used = BTreeSet::new();
        for field in Field::ALL {
            let found = headings.iter().enumerate().find(|(i, h)| {
                let h = normalise(h);
                !used.contains(i) && field.words().iter().any(|w| h.contains(w))
            });
            if let Some((i, _)) = found {
                used.insert(i);
                mapping.set(field, Some(i));
            }
        }
        mapping
    }
}

/// Splits a CSV file into cells. Never fails on content: a line that cannot be split is
/// reported and the lines before it are kept.
pub fn parse_csv(text: &str) -> Result<Table, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooBig {
            kb: text.len() / 1000,
            max_kb: MAX_IMPORT_BYTES / 1000,
        });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text
        .split(['\n', '\r'])
        .find(|l| !l.trim().is_empty())
        .unwrap_or("");
    let delimiter = [',', ';', '\t']
        .into_iter()
        .max_by_key(|d| (first.matches(*d).count(), matches!(d, ',')))
        .unwrap_or(',');
    let mut table = Table::default();
    let mut records: Vec<(usize, Vec<String>)> = Vec::new();
    let mut chars = text.chars().peekable();
    let mut line = 1usize;
    loop {
        let start = line;
        let mut cells = Vec::new();
        let mut cell = String::new();
        let mut cell_chars = 0usize;
        let mut quoted = false;
        let mut ended = false;
        loop {
            let Some(mut c) = chars.next() else {
                ended = true;
                break;
            };
            // Old Mac files end lines with a lone CR; Windows ones with CR LF.
            if c == '\r' {
                if chars.peek() == Some(&'\n') {
                    continue;
                }
                c = '\n';
            }
            cell_chars += 1;
            if cell_chars > MAX_CELL_CHARS {
                return Err(ImportError::CellTooLong {
                    line,
                    max: MAX_CELL_CHARS,
                });
            }
            if quoted {
                match c {
                    '"' if chars.peek() == Some(&'"') => {
                        chars.next();
                        cell.push('"');
                    }
                    '"' => quoted = false,
                    '\n' => {
                        line += 1;
                        cell.push('\n');
                    }
                    c => cell.push(c),
                }
            } else if c == '"' && cell.trim().is_empty() {
                cell.clear();
                quoted = true;
            } else if c == delimiter {
                cells.push(std::mem::take(&mut cell));
                cell_chars = 0;
                if cells.len() >= MAX_IMPORT_COLUMNS {
                    return Err(ImportError::TooManyColumns {
                        line: start,
                        max: MAX_IMPORT_COLUMNS,
                    });
                }
            } else if c == '\n' {
                line += 1;
                break;
            } else {
                cell.push(c);
            }
        }
        if quoted {
            table.problems.push(LineProblem {
                line: start,
                reason: LineReason::QuoteNotClosed,
            });
            break;
        }
        cells.push(cell);
        if cells.iter().any(|c| !c.trim().is_empty()) {
            if records.len() > MAX_IMPORT_ROWS {
                return Err(ImportError::TooManyLines {
                    max: MAX_IMPORT_ROWS,
                });
            }
            records.push((
                start,
                cells.into_iter().map(|c| c.trim().to_string()).collect(),
            ));
        }
        if ended {
            break;
        }
    }
    let mut records = records.into_iter();
    match records.next() {
        Some((_, headings)) => table.headings = headings,
        None if table.problems.is_empty() => return Err(ImportError::Empty),
        None => {}
    }
    table.rows = records.collect();
    Ok(table)
}

/// What one readable line changes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RowUpdate {
    pub person: Id,
    pub offers: Option<Vec<(String, u8)>>,
    pub wants: Option<Vec<(String, u8)>>,
    pub days: Option<BTreeSet<u8>>,
    pub team: Option<String>,
    pub side: Option<Side>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportPlan {
    pub updates: Vec<RowUpdate>,
    pub problems: Vec<LineProblem>,
    /// Skills named in the file that are not in the list yet, in first-seen order.
    pub new_skills: Vec<String>,
}

impl ImportPlan {
    pub fn summary(&self) -> String {
        let people = match self.updates.len() {
            1 => "1 person".to_string(),
            n => format!("{n} people"),
        };
        let mut text = format!("Read the skills of {people}.");
        match self.new_skills.len() {
            0 => {}
            1 => text.push_str(" Added 1 new skill to the list."),
            n => text.push_str(&format!(" Added {n} new skills to the list.")),
        }
        match self.problems.len() {
            0 => {}
            1 => text.push_str(" 1 line could not be read:"),
            n => text.push_str(&format!(" {n} lines could not be read:")),
        }
        text
    }
}

/// Reads every row with `mapping`. A row with any problem is left out whole and reported.
pub fn plan_import(
    table: &Table,
    mapping: &Mapping,
    mentoring: &Mentoring,
    roster: &[Participant],
) -> Result<ImportPlan, ImportError> {
    let Some(name_col) = mapping.name else {
        return Err(ImportError::NoNameColumn);
    };
    // An exact spelling (case and spaces aside) first; failing that, the roster's own fold
    // (accents too), so "Maria Lopez" from a system without accents finds "María López".
    let mut by_name: BTreeMap<String, Vec<Id>> = BTreeMap::new();
    let mut by_fold: BTreeMap<String, Vec<Id>> = BTreeMap::new();
    for p in roster {
        by_name
            .entry(roster_key(&p.display_name))
            .or_default()
            .push(p.id);
        by_fold
            .entry(crate::domain::fold::fold_name(&p.display_name))
            .or_default()
            .push(p.id);
    }
    let mut plan = ImportPlan {
        problems: table.problems.clone(),
        ..ImportPlan::default()
    };
    let mut seen: BTreeMap<Id, usize> = BTreeMap::new();
    let mut new_skills: Vec<String> = Vec::new();
    let mut new_skill_keys: BTreeSet<String> = BTreeSet::new();
    for (line, cells) in &table.rows {
        let cell = |col: Option<usize>| col.map(|c| cells.get(c).map_or("", String::as_str));
        let row = (|| -> Result<(RowUpdate, Vec<String>), LineReason> {
            let name = cell(Some(name_col)).unwrap_or("");
            let shown = short(name);
            let found = by_name
                .get(&roster_key(name))
                .or_else(|| by_fold.get(&crate::domain::fold::fold_name(name)));
            let person = match found.map(Vec::as_slice) {
                _ if name.trim().is_empty() => return Err(LineReason::NoName),
                None | Some([]) => return Err(LineReason::NotOnRoster(shown)),
                Some([one]) => *one,
                Some(_) => return Err(LineReason::SeveralOnRoster(shown)),
            };
            if let Some(first) = seen.get(&person) {
                return Err(LineReason::ReadAlready {
                    name: shown,
                    first: *first,
                });
            }
            let mut found = Vec::new();
            let mut skills = |text: Option<&str>| -> Result<Option<Vec<(String, u8)>>, LineReason> {
                let Some(text) = text else { return Ok(None) };
                let list = parse_skills(text)?;
                for (name, _) in &list {
                    if mentoring.skill_named(name).is_none() {
                        found.push(name.clone());
                    }
                }
                Ok(Some(list))
            };
            let offers = skills(cell(mapping.offers))?;
            let wants = skills(cell(mapping.wants))?;
            let days = cell(mapping.days).map(parse_days).transpose()?;
            let team = cell(mapping.team)
                .map(|t| {
                    if t.chars().count() > MAX_LABEL {
                        Err(LineReason::TeamTooLong { max: MAX_LABEL })
                    } else {
                        Ok(t.to_string())
                    }
                })
                .transpose()?;
            let side = cell(mapping.side).map(parse_side).transpose()?;
            Ok((
                RowUpdate {
                    person,
                    offers,
                    wants,
                    days,
                    team,
                    side,
                },
                found,
            ))
        })();
        match row {
            Ok((update, found)) => {
                seen.insert(update.person, *line);
                for name in found {
                    if new_skill_keys.insert(normalise(&name)) {
                        new_skills.push(name);
                    }
                }
                // Refused as soon as the list would overflow, not after reading it all.
                if mentoring.skills.len() + new_skills.len() > crate::domain::pairing::MAX_SKILLS {
                    return Err(ImportError::TooManyNewSkills(new_skills.len()));
                }
                plan.updates.push(update);
            }
            Err(reason) => plan.problems.push(LineProblem {
                line: *line,
                reason,
            }),
        }
    }
    crate::domain::sort::sort_by_key(&mut plan.problems, |p| p.line);
    plan.new_skills = new_skills;
    Ok(plan)
}

/// A roster name as the import matches it first: its spelling, case and spaces aside
/// (`domain::fold::spelling_key`). Failing an exact match, the base name fold
/// (`domain::fold::fold_name`) is used, accents and all.
pub fn roster_key(name: &str) -> String {
    crate::domain::fold::spelling_key(name)
}

/// A name as quoted back in a report: at most 40 characters.
fn short(text: &str) -> String {
    let text = text.trim();
    if text.chars().count() > 40 {
        format!("{}…", text.chars().take(40).collect::<String>())
    } else {
        text.to_string()
    }
}

/// "Budgeting 3; Public speaking" → [("Budgeting", 3), ("Public speaking", 2)].
pub fn parse_skills(text: &str) -> Result<Vec<(String, u8)>, LineReason> {
    let mut list: Vec<(String, u8)> = Vec::new();
    for item in text.split([';', ',', '|', '\n']) {
        let item = item.trim();
        if item.is_empty() {
            continue;
        }
        if list.len() >= MAX_SKILLS_PER_CELL {
            return Err(LineReason::TooManySkills {
                max: MAX_SKILLS_PER_CELL,
            });
        }
        let (name, level) = split_level(item)?;
        let name = clean_label(name, "the skill").map_err(|_| LineReason::SkillName {
            name: short(item),
            max: MAX_LABEL,
        })?;
        match list
            .iter_mut()
            .find(|(n, _)| normalise(n) == normalise(&name))
        {
            Some(entry) => entry.1 = entry.1.max(level),
            None => list.push((name, level)),
        }
    }
    Ok(list)
}

/// Splits a trailing level off a skill: "Budgeting (3)", "Budgeting: 3", "Budgeting 3".
fn split_level(item: &str) -> Result<(&str, u8), LineReason> {
    let body = item.trim_end_matches(')').trim_end();
    let digits = body.len() - body.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || digits == body.len() {
        return Ok((item, DEFAULT_LEVEL));
    }
    let (name, number) = body.split_at(body.len() - digits);
    let name = name
        .trim_end()
        .trim_end_matches(['(', ':', '=', '-'])
        .trim_end();
    match number.parse::<u8>() {
        Ok(level) if (1..=MAX_LEVEL).contains(&level) => Ok((name, level)),
        _ => Err(LineReason::Level {
            level: short(number),
            skill: short(name),
        }),
    }
}

/// "Mon, Wed" or "Monday/Thursday" → {0, 2} / {0, 3}.
pub fn parse_days(text: &str) -> Result<BTreeSet<u8>, LineReason> {
    const NAMES: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let mut days = BTreeSet::new();
    let words = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty() && !["and", "or"].contains(&w.to_lowercase().as_str()));
    for word in words {
        let w = word.to_lowercase();
        let day = NAMES
            .iter()
            .position(|n| w.len() >= 2 && n.starts_with(&w) || *n == w)
            .filter(|_| w.len() >= 2);
        match day {
            Some(d) => {
                days.insert(d as u8);
            }
            None => return Err(LineReason::NotADay(short(word))),
        }
    }
    Ok(days)
}

fn parse_side(text: &str) -> Result<Side, LineReason> {
    match normalise(text).as_str() {
        "" | "peer" | "both" => Ok(Side::Unassigned),
        "mentor" => Ok(Side::Mentor),
        "protege" | "protégé" | "mentee" => Ok(Side::Protege),
        other => Err(LineReason::NotASide(short(other))),
    }
}

impl Workspace {
    /// Applies an import plan: new skills first (with fresh ids), then each person's fields.
    pub fn apply_import(&mut self, programme: Id, plan: &ImportPlan) -> Result<(), DomainError> {
        self.programme(programme)
            .ok_or(DomainError::NotFound("programme"))?;
        for name in &plan.new_skills {
            let id = self.fresh_id();
            let m = &mut self.programme_mut(programme)?.mentoring;
            if m.skill_named(name).is_none() {
                m.add_skill(id, name)?;
            }
        }
        let m = &mut self.programme_mut(programme)?.mentoring;
        let levels = |m: &Mentoring, list: &[(String, u8)]| {
            list.iter()
                .filter_map(|(name, level)| {
                    m.skill_named(name)
                        .map(|s| crate::domain::pairing::SkillLevel {
                            skill: s.id,
                            level: *level,
                        })
                })
                .collect::<Vec<_>>()
        };
        for u in &plan.updates {
            let offers = u.offers.as_deref().map(|l| levels(m, l));
            let wants = u.wants.as_deref().map(|l| levels(m, l));
            let profile = m.profile_mut(u.person);
            if let Some(offers) = offers {
                profile.offers = offers;
            }
            if let Some(wants) = wants {
                profile.wants = wants;
            }
            if let Some(days) = &u.days {
                profile.availability = days.clone();
            }
            if let Some(team) = &u.team {
                profile.team = team.clone();
            }
            if let Some(side) = u.side {
                profile.side = side;
            }
        }
        Ok(())
    }
}
