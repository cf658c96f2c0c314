//! The class as the host keeps it on disk, so that a host restarted after a crash or a
//! shutdown resumes the class: who sits where (with their tokens, which stay on the
//! instructor's PC) and every table's command log with the seat of each command. Replaying the
//! logs rebuilds every session exactly. Also the end of class: every student's verifiable
//! report and one CSV gradebook.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::{Class, Student, StudentId, Table, Token};
use crate::sim::marketplace::{MarketClock, as_market_step, market_log};
use crate::sim::save::{MAX_LOGGED_COMMANDS, MarketSave, ReportFile, TeamRecord};
use crate::sim::{Command, Scenario};

/// The only class-file format this build reads.
pub const CLASS_FORMAT: u32 = 1;

/// A class written to disk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClassFile {
    pub format: u32,
    pub scenario_id: String,
    pub scenario_hash: String,
    pub locked: bool,
    /// Practice or exam (class files without it: practice).
    #[serde(default)]
    pub mode: crate::sim::session::PlayMode,
    /// Students who ended today and wait for the others.
    #[serde(default)]
    pub ready: Vec<u32>,
    /// Students the instructor removed.
    #[serde(default)]
    pub removed: Vec<u32>,
    pub students: Vec<StudentRecord>,
    pub tables: Vec<TableRecord>,
    /// Students a seat takes (absent: one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team_size: Option<usize>,
}

/// A student and their seat.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StudentRecord {
    pub name: String,
    pub number: String,
    /// The secret token, as 32 hex digits.
    pub token: String,
    pub table: usize,
    pub seat: String,
}

/// A table: its seats' students (`None`: the AI or nobody; a team's students each have an
/// entry), and, once started, its log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableRecord {
    pub seats: Vec<(String, Option<u32>)>,
    /// Who gave each student's command: (its index in `commands`, the student).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub by: Vec<(usize, u32)>,
    pub started: bool,
    /// The counterparts' seat the AI took at the start; its moves are in `commands`.
    #[serde(default)]
    pub ai_seat: Option<String>,
    pub commands: Vec<(String, Command)>,
}

/// Why a class file cannot be resumed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ResumeError {
    #[error("the class file is damaged or from another version: {0}")]
    Unreadable(String),
    #[error("the class was run on another version of the scenario (`{0}`)")]
    WrongScenario(String),
    #[error("the class file is out of bounds: {0}")]
    OutOfBounds(String),
    #[error("command {index} of table {table} was refused on replay: {error}")]
    Replay { table: usize, index: usize, error: String },
}

impl Class {
    /// The class as it stands, for the autosave.
    pub fn record(&self) -> ClassFile {
        ClassFile {
            format: CLASS_FORMAT,
            scenario_id: self.scenario.meta().id.clone(),
            scenario_hash: self.scenario.content_hash().to_string(),
            locked: self.locked,
            mode: self.mode,
            ready: self.ready.iter().map(|s| s.0).collect(),
            removed: self.removed.iter().map(|s| s.0).collect(),
            students: self
                .students
                .iter()
                .map(|s| StudentRecord {
                    name: s.name.clone(),
                    number: s.number.clone(),
                    token: s.token.to_hex(),
                    table: s.table,
                    seat: s.seat.clone(),
                })
                .collect(),
            tables: self
                .tables
                .iter()
                .map(|t| TableRecord {
                    seats: t
                        .seats
                        .iter()
                        .flat_map(|(seat, team)| {
                            let held: Vec<(String, Option<u32>)> =
                                team.iter().map(|s| (seat.clone(), Some(s.0))).collect();
                            if held.is_empty() {
                                vec![(seat.clone(), None)]
                            } else {
                                held
                            }
                        })
                        .collect(),
                    by: t.by.iter().map(|(i, s)| (*i, s.0)).collect(),
                    started: t.session.is_some(),
                    ai_seat: t.ai_seat.clone(),
                    // A shared market's days are worked out again on resuming.
                    commands: if self.market.is_some() {
                        t.log(0)
                            .into_iter()
                            .map(|(seat, c)| (seat, as_market_step(c)))
                            .collect()
                    } else {
                        t.log(0)
                    },
                })
                .collect(),
            team_size: (self.team_size > 1).then_some(self.team_size),
        }
    }

    /// The class file as RON text.
    pub fn record_text(&self) -> String {
        ron::ser::to_string_pretty(&self.record(), ron::ser::PrettyConfig::default()).unwrap_or_default()
    }

    /// Rebuilds a class from its file on `scenario`, replaying every table's log from the
    /// seats that gave each command.
    ///
    /// # Errors
    /// [`ResumeError`] for an unreadable or out-of-bounds file, another scenario, or a log the
    /// rules refuse.
    pub fn resume(scenario: Arc<Scenario>, text: &str) -> Result<Self, ResumeError> {
        let file: ClassFile = ron::from_str(text).map_err(|e| ResumeError::Unreadable(e.to_string()))?;
        if file.format != CLASS_FORMAT {
            return Err(ResumeError::Unreadable(format!("format {}", file.format)));
        }
        if file.scenario_id != scenario.meta().id || file.scenario_hash != scenario.content_hash() {
            return Err(ResumeError::WrongScenario(file.scenario_id));
        }
        let mut class = Class::new(scenario)
            .with_mode(file.mode)
            .with_team_size(file.team_size.unwrap_or(1));
        class.locked = file.locked;
        if file.students.len() > super::MAX_STUDENTS || file.tables.len() > super::MAX_STUDENTS {
            return Err(ResumeError::OutOfBounds("too many students or tables".to_string()));
        }
        for (i, s) in file.students.iter().enumerate() {
            let fits = |t: &str| !t.trim().is_empty() && t.chars().count() <= super::MAX_NAME_CHARS;
            let token = Token::from_hex(&s.token);
            let seated = file.removed.contains(&(i as u32))
                || file.tables.get(s.table).is_some_and(|t| {
                    t.seats
                        .iter()
                        .any(|(seat, who)| *seat == s.seat && *who == Some(i as u32))
                });
            let (true, true, Some(token), true) = (fits(&s.name), fits(&s.number), token, seated) else {
                return Err(ResumeError::OutOfBounds(format!("student {i}")));
            };
            class.students.push(Student {
                id: StudentId(i as u32),
                name: s.name.clone(),
                number: s.number.clone(),
                token,
                table: s.table,
                seat: s.seat.clone(),
            });
        }
        for id in &file.removed {
            if (*id as usize) >= class.students.len() {
                return Err(ResumeError::OutOfBounds(format!("removed student {id}")));
            }
            class.removed.insert(StudentId(*id));
        }
        for id in &file.ready {
            if (*id as usize) >= class.students.len() {
                return Err(ResumeError::OutOfBounds(format!("ready student {id}")));
            }
            class.ready.insert(StudentId(*id));
        }
        for (t, record) in file.tables.iter().enumerate() {
            let known = record.seats.iter().all(|(seat, who)| {
                class.seat_ids.contains(seat) && who.is_none_or(|w| (w as usize) < class.students.len())
            }) && record
                .ai_seat
                .as_ref()
                .is_none_or(|s| record.seats.iter().any(|(seat, who)| seat == s && who.is_none()));
            if !known || record.commands.len() > MAX_LOGGED_COMMANDS {
                return Err(ResumeError::OutOfBounds(format!("table {t}")));
            }
            let mut table = Table::new(&[]);
            for (seat, who) in &record.seats {
                let team = table.seats.entry(seat.clone()).or_default();
                team.extend(who.map(StudentId));
            }
            if table.seats.values().any(|team| team.len() > class.team_size)
                || record
                    .by
                    .iter()
                    .any(|(i, s)| *i >= record.commands.len() || *s as usize >= class.students.len())
            {
                return Err(ResumeError::OutOfBounds(format!("table {t}")));
            }
            table.by = record.by.iter().map(|(i, s)| (*i, StudentId(*s))).collect();
            table.ai_seat = record.ai_seat.clone();
            if record.started && class.shares_market() {
                // Replayed with the whole market below.
                table.session = Some(class.table_session());
            } else if record.started {
                let mut session = class.table_session();
                for (index, (seat, command)) in record.commands.iter().enumerate() {
                    session
                        .apply_as(seat, command.clone())
                        .map_err(|e| ResumeError::Replay {
                            table: t,
                            index,
                            error: e.to_string(),
                        })?;
                }
                if table.ai_seat.is_some() {
                    table.ai = super::ai_seat::AiSeat::for_table(&session);
                    for ai in &mut table.ai {
                        ai.catch_up(&session);
                    }
                }
                table.session = Some(session);
            }
            class.tables.push(table);
        }
        if class.shares_market() && class.is_started() {
            class.resume_market(&file)?;
        }
        class.refresh_standings();
        Ok(class)
    }

    /// Replays a shared market's stores together from the tables' logs (each market day is
    /// worked out again), which must give the very logs recorded.
    fn resume_market(&mut self, file: &ClassFile) -> Result<(), ResumeError> {
        let started: Vec<(usize, &TableRecord)> = file.tables.iter().enumerate().filter(|(_, t)| t.started).collect();
        let logs: Vec<Vec<Command>> = started
            .iter()
            .map(|(_, t)| t.commands.iter().map(|(_, c)| as_market_step(c.clone())).collect())
            .collect();
        let mut clock = MarketClock::new(self.scenario.seed());
        let mut stores: Vec<&mut crate::sim::Session> =
            self.tables.iter_mut().filter_map(|t| t.session.as_mut()).collect();
        clock.replay(&mut stores, &logs).map_err(|e| ResumeError::Replay {
            table: started.get(e.store).map_or(e.store, |(t, _)| *t),
            index: e.index,
            error: e.error.to_string(),
        })?;
        for ((table, record), store) in started.iter().zip(&stores) {
            let replayed: Vec<(String, Command)> =
                store.command_seats().iter().cloned().zip(market_log(store)).collect();
            if replayed != record.commands {
                return Err(ResumeError::Replay {
                    table: *table,
                    index: replayed.len().min(record.commands.len()),
                    error: "the shared market's days replay differently from the class file".to_string(),
                });
            }
        }
        self.market = Some(clock);
        self.refresh_standings();
        Ok(())
    }

    /// Every student with their verifiable report, in join order: the company's report for
    /// the company's seat, the counterparts' own (graded from their brief) for theirs.
    pub fn collect_reports(&self) -> Vec<(&Student, ReportFile)> {
        // A shared market's stores are verified against every store's log.
        let logs: Vec<Vec<Command>> = if self.market.is_some() {
            self.market_stores().into_iter().map(market_log).collect()
        } else {
            Vec::new()
        };
        self.present()
            .filter_map(|s| {
                let session = self.tables.get(s.table)?.session.as_ref()?;
                let store = self.store_index(s.table).filter(|_| self.market.is_some());
                let mut file = if let Some(store) = store {
                    ReportFile::of_market_store(session, student_record(s), MarketSave::new(store, logs.clone()))
                } else if self.is_company_seat(&s.seat) {
                    ReportFile::of(session, student_record(s))
                } else {
                    ReportFile::for_counterparts(session, &s.seat, student_record(s))
                };
                // A team's students each get the team's report with their own commands listed.
                if self.team_size > 1 {
                    let given = self.tables.get(s.table).map(|t| t.by.as_slice()).unwrap_or_default();
                    file.team = Some(TeamRecord {
                        members: self.team_of(s.id).into_iter().map(student_record).collect(),
                        own_commands: given.iter().filter(|(_, by)| *by == s.id).map(|(i, _)| *i).collect(),
                    });
                }
                Some((s, file))
            })
            .collect()
    }

    /// One CSV gradebook of every collected report (header and a row per student), each row
    /// graded as `verify` grades that report.
    pub fn gradebook_csv(&self) -> String {
        let mut csv = crate::export::csv_header();
        csv.push('\n');
        for (student, file) in self.collect_reports() {
            let session = self.tables.get(student.table).and_then(|t| t.session.as_ref());
            let Some(report) = session.and_then(|s| file.graded(s).ok()) else {
                continue;
            };
            csv.push_str(&crate::export::csv_row(&report, &file.save));
            csv.push('\n');
        }
        csv
    }
}

/// The student as a save and a report name them.
fn student_record(student: &Student) -> crate::sim::save::Student {
    crate::sim::save::Student {
        name: student.name.clone(),
        id: student.number.clone(),
    }
}
