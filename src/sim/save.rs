//! A saved session is the scenario (id and content hash), the seed, the mode, the student and
//! the command log: replaying the log on the same scenario and seed rebuilds the session
//! exactly. Saves are versioned RON; a report carries the same facts and a digest of the log,
//! so that an instructor can re-simulate it and check every number.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::marketplace::{MAX_STORES, SharedMarket, market_log};
use super::report::Report;
use super::said::Said;
use super::scenario::Scenario;
use super::session::{Command, Session};

/// The save format this version writes and reads.
pub const SAVE_FORMAT: u32 = 1;

/// Who played.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Student {
    pub name: String,
    pub id: String,
}

/// Everything needed to rebuild a session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SaveFile {
    pub format: u32,
    pub scenario_id: String,
    /// BLAKE3 of the scenario and its rule packs as parsed.
    pub scenario_hash: String,
    pub seed: u64,
    #[serde(default)]
    pub hotseat: bool,
    /// Practice (hints on) or exam (hints off); saves from before modes are practice.
    #[serde(default)]
    pub mode: crate::sim::session::PlayMode,
    #[serde(default)]
    pub student: Student,
    /// The commands the session accepted, in order.
    pub commands: Vec<Command>,
    /// A store in a class's shared marketplace: the whole market's log, which replays every
    /// store (this one is `store`). Absent for every other session, whose saves keep their
    /// exact text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub market: Option<MarketSave>,
    /// The class code of a session played on a student's variant of the scenario (its seed
    /// and numbers drawn from the class code and the student number). Absent otherwise, so
    /// other saves keep their exact text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub class_code: Option<String>,
}

/// A store's place in a shared marketplace and the market's log (see `sim::marketplace`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarketSave {
    /// Which store this save is (0-based).
    pub store: u32,
    /// Every store's log, each `EndDay` a day the market ended ([`market_log`]).
    pub logs: Vec<Vec<Command>>,
}

impl MarketSave {
    /// The save of store `store` of a market whose stores' logs are `logs`.
    pub fn new(store: usize, logs: Vec<Vec<Command>>) -> Self {
        Self {
            store: u32::try_from(store).unwrap_or(u32::MAX),
            logs,
        }
    }
}

/// Longest student name a save or report may carry, in characters.
pub const MAX_STUDENT_NAME_CHARS: usize = 80;
/// Longest student number, in characters.
pub const MAX_STUDENT_ID_CHARS: usize = 40;
/// Most commands a save's log may hold (a whole scenario of a year is a few thousand).
pub const MAX_LOGGED_COMMANDS: usize = 50_000;

impl Student {
    /// Refuses names and numbers over their limits.
    ///
    /// # Errors
    /// [`SaveError::Corrupted`] naming the limit.
    pub fn check_limits(&self) -> Result<(), SaveError> {
        if self.name.chars().count() > MAX_STUDENT_NAME_CHARS {
            return Err(SaveError::Corrupted(format!(
                "the student name is longer than {MAX_STUDENT_NAME_CHARS} characters"
            )));
        }
        if self.id.chars().count() > MAX_STUDENT_ID_CHARS {
            return Err(SaveError::Corrupted(format!(
                "the student number is longer than {MAX_STUDENT_ID_CHARS} characters"
            )));
        }
        Ok(())
    }
}

/// Only the version, read first so that a newer file is recognised as newer, not as broken.
#[derive(Deserialize)]
struct Header {
    format: u32,
}

/// RON with nested structures on their own lines.
fn pretty<T: Serialize>(value: &T) -> String {
    let config = ron::ser::PrettyConfig::new().depth_limit(3);
    ron::ser::to_string_pretty(value, config).unwrap_or_default()
}

/// Reads a versioned file: a newer format is reported as newer, anything else unreadable as
/// damaged.
fn parse_versioned<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, SaveError> {
    let header: Header = ron::from_str(text).map_err(|e| SaveError::Corrupted(e.to_string()))?;
    if header.format > SAVE_FORMAT {
        return Err(SaveError::TooNew {
            found: header.format,
            supported: SAVE_FORMAT,
        });
    }
    ron::from_str(text).map_err(|e| SaveError::Corrupted(e.to_string()))
}

/// Why a save could not be read or replayed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SaveError {
    #[error("the save is damaged and cannot be read ({0})")]
    Corrupted(String),
    #[error("the save was written by a newer Tradeport (format {found}; this version reads up to {supported})")]
    TooNew { found: u32, supported: u32 },
    #[error(
        "{}the save is for scenario `{expected}` ({expected_hash}), but `{found}` ({found_hash}) is loaded",
        if expected == found { "played on an older version of the scenario (or an edited copy of it): " } else { "" }
    )]
    WrongScenario {
        expected: String,
        expected_hash: String,
        found: String,
        found_hash: String,
    },
    #[error("command {index} of the log was refused on replay: {error}")]
    Replay { index: usize, error: String },
    #[error(
        "the save was not played on the variant of class `{class_code}` for student number `{student_id}`: it is another student's variant (or the scenario changed since)"
    )]
    OtherVariant { class_code: String, student_id: String },
}

impl SaveFile {
    /// The save of a session as it stands.
    pub fn of(session: &Session, student: Student) -> Self {
        Self {
            format: SAVE_FORMAT,
            scenario_id: session.scenario().meta().id.clone(),
            scenario_hash: session.scenario().content_hash().to_string(),
            seed: session.seed(),
            hotseat: session.is_hotseat(),
            mode: session.mode(),
            student,
            commands: session.commands().to_vec(),
            market: None,
            class_code: session.scenario().variant().map(|v| v.class_code.clone()),
        }
    }

    /// Whose variant of the scenario this save was played on, if any.
    pub fn variant_key(&self) -> Option<crate::sim::scenario::VariantKey> {
        self.class_code
            .as_deref()
            .map(|code| crate::sim::scenario::VariantKey::new(code, &self.student.id))
    }

    /// The save of store `market.store` of a shared marketplace (`session` is that store).
    pub fn of_market_store(session: &Session, student: Student, market: MarketSave) -> Self {
        Self {
            market: Some(market),
            ..Self::of(session, student)
        }
    }

    /// The save as RON text.
    pub fn to_text(&self) -> String {
        pretty(self)
    }

    /// Reads a save.
    ///
    /// # Errors
    /// [`SaveError::TooNew`] for a newer format, [`SaveError::Corrupted`] for anything that is
    /// not a complete save.
    pub fn parse(text: &str) -> Result<Self, SaveError> {
        let save: Self = parse_versioned(text)?;
        save.check_limits()?;
        Ok(save)
    }

    /// Refuses a save whose student or log is over its limits.
    fn check_limits(&self) -> Result<(), SaveError> {
        self.student.check_limits()?;
        if let Some(code) = &self.class_code
            && let Some(problem) = crate::scenario::variant::class_code_problem(code)
        {
            return Err(SaveError::Corrupted(format!("the class code: {problem}")));
        }
        if self.commands.len() > MAX_LOGGED_COMMANDS {
            return Err(SaveError::Corrupted(format!(
                "the log has {} commands, over the limit of {MAX_LOGGED_COMMANDS}",
                self.commands.len()
            )));
        }
        if let Some(market) = &self.market {
            let stores = market.logs.len();
            if stores == 0 || stores > MAX_STORES || market.store as usize >= stores {
                return Err(SaveError::Corrupted(format!(
                    "the save is store {} of a market of {stores} stores (1 to {MAX_STORES})",
                    u64::from(market.store) + 1,
                )));
            }
            let steps: usize = market.logs.iter().map(Vec::len).sum();
            if market.logs.iter().any(|l| l.len() > MAX_LOGGED_COMMANDS) || steps > MAX_LOGGED_COMMANDS * 10 {
                return Err(SaveError::Corrupted(format!(
                    "the market's logs have {steps} commands, over the limit of {MAX_LOGGED_COMMANDS} a store and {} in all",
                    MAX_LOGGED_COMMANDS * 10
                )));
            }
        }
        Ok(())
    }

    /// BLAKE3 (hex) of the command log.
    pub fn log_digest(&self) -> String {
        let mut log = ron::to_string(&self.commands).unwrap_or_default();
        // A store of a shared market: the whole market's log too (others' moves change its
        // numbers). Other saves' digests are as they always were.
        if let Some(market) = &self.market {
            log.push_str(&ron::to_string(market).unwrap_or_default());
        }
        blake3::hash(log.as_bytes()).to_hex().to_string()
    }

    /// Rebuilds the session by replaying the log on `scenario`.
    ///
    /// # Errors
    /// [`SaveError::WrongScenario`] when the scenario's id or content differ, and
    /// [`SaveError::Replay`] when a logged command is refused (the log does not belong to this
    /// scenario and seed).
    pub fn replay(&self, scenario: Arc<Scenario>) -> Result<Session, SaveError> {
        let other_variant = || SaveError::OtherVariant {
            class_code: self.class_code.clone().unwrap_or_default(),
            student_id: self.student.id.clone(),
        };
        // A variant is the named student's: its content hash covers the numbers and the seed
        // drawn for them, and the save must be of that seed.
        let variant_named = scenario.variant() == self.variant_key().as_ref();
        if self.class_code.is_some()
            && variant_named
            && scenario.meta().id == self.scenario_id
            && scenario.content_hash() != self.scenario_hash
        {
            return Err(other_variant());
        }
        if scenario.meta().id != self.scenario_id || scenario.content_hash() != self.scenario_hash {
            return Err(SaveError::WrongScenario {
                expected: self.scenario_id.clone(),
                expected_hash: self.scenario_hash.clone(),
                found: scenario.meta().id.clone(),
                found_hash: scenario.content_hash().to_string(),
            });
        }
        if !variant_named || (self.class_code.is_some() && self.seed != scenario.seed()) {
            return Err(other_variant());
        }
        if let Some(market) = &self.market {
            return self.replay_market_store(&scenario, market);
        }
        // A shared market's day is only believed from the market's own log.
        if let Some(index) = self
            .commands
            .iter()
            .position(|c| matches!(c, Command::MarketDay(_) | Command::ClassmateTrades(_)))
        {
            return Err(SaveError::Replay {
                index,
                error: "a shared market's day without the market's log".to_string(),
            });
        }
        let mut session = Session::start(scenario, Some(self.seed), self.hotseat).with_mode(self.mode);
        for (index, command) in self.commands.iter().enumerate() {
            session.apply(command.clone()).map_err(|e| SaveError::Replay {
                index,
                error: e.to_string(),
            })?;
        }
        Ok(session)
    }
}

impl SaveFile {
    /// Replays the whole shared market and takes this save's store, which must have accepted
    /// exactly the save's own commands.
    fn replay_market_store(&self, scenario: &Arc<Scenario>, market: &MarketSave) -> Result<Session, SaveError> {
        let replayed =
            SharedMarket::replay(scenario, self.seed, self.mode, &market.logs).map_err(|e| SaveError::Replay {
                index: e.index,
                error: format!("store {}: {}", e.store + 1, e.error),
            })?;
        let session = replayed
            .into_store(market.store as usize)
            .ok_or_else(|| SaveError::Corrupted(format!("the market has no store {}", market.store)))?;
        if session.commands() != self.commands.as_slice()
            || market.logs.get(market.store as usize) != Some(&market_log(&session))
        {
            return Err(SaveError::Corrupted(
                "the store's commands are not the ones the market's log gives it".to_string(),
            ));
        }
        Ok(session)
    }
}

/// The numbers a report claims, as an instructor checks them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claims {
    pub total_earned: u32,
    pub total_possible: u32,
    pub days_played: u32,
    pub finished: bool,
    /// Practice or exam (reports from before modes: practice).
    #[serde(default)]
    pub mode: crate::sim::session::PlayMode,
    /// Cash at the end in the home currency, minor units.
    pub cash_end: i64,
    pub reputation_end: u32,
    /// Points per task: (task id, earned, possible).
    pub tasks: Vec<(String, u32, u32)>,
}

impl Claims {
    pub fn of(report: &Report) -> Self {
        Self {
            total_earned: report.total_earned,
            total_possible: report.total_possible,
            days_played: report.days_played,
            finished: report.finished,
            mode: report.mode,
            cash_end: report.cash_end_home.minor,
            reputation_end: report.reputation_end,
            tasks: report
                .tasks
                .iter()
                .map(|t| (t.id.clone(), t.earned(), t.possible()))
                .collect(),
        }
    }
}

/// A report a student hands in: what it claims, and the save it claims it for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportFile {
    pub format: u32,
    pub scenario_id: String,
    pub scenario_hash: String,
    pub seed: u64,
    /// BLAKE3 of the command log.
    pub log_digest: String,
    pub student: Student,
    pub claims: Claims,
    pub save: SaveFile,
    /// The seat graded, when it is not the company's (in class, the counterparts' seat of a
    /// two-student table: its claims come from [`Report::for_counterparts`]). Absent in
    /// single-player reports, which keep their exact text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seat: Option<String>,
    /// A seat a team held (in class): the team's students and which commands of the log this
    /// student gave. Absent otherwise, so other reports keep their exact text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team: Option<TeamRecord>,
}

/// Most students a report's team may name.
pub const MAX_TEAM_MEMBERS: usize = 3;

/// A team's report: who held the seat together, and this student's own commands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TeamRecord {
    pub members: Vec<Student>,
    /// Indices into the save's `commands` of the commands this student gave.
    pub own_commands: Vec<usize>,
}

impl ReportFile {
    /// The report of a session.
    pub fn of(session: &Session, student: Student) -> Self {
        let save = SaveFile::of(session, student.clone());
        Self {
            format: SAVE_FORMAT,
            scenario_id: save.scenario_id.clone(),
            scenario_hash: save.scenario_hash.clone(),
            seed: save.seed,
            log_digest: save.log_digest(),
            student,
            claims: Claims::of(&Report::of(session)),
            save,
            seat: None,
            team: None,
        }
    }

    /// The report of store `market.store` of a shared marketplace (`session` is that store).
    pub fn of_market_store(session: &Session, student: Student, market: MarketSave) -> Self {
        let save = SaveFile::of_market_store(session, student.clone(), market);
        Self {
            log_digest: save.log_digest(),
            save,
            ..Self::of(session, student)
        }
    }

    /// The report of the counterparts' seat `seat` of a session where a student played it.
    pub fn for_counterparts(session: &Session, seat: &str, student: Student) -> Self {
        Self {
            claims: Claims::of(&Report::for_counterparts(session)),
            seat: Some(seat.to_string()),
            ..Self::of(session, student)
        }
    }

    /// The report this file's claims are checked against: the company's, or the counterparts'
    /// when the file names a counterparts' seat that the scenario has and a student played.
    ///
    /// # Errors
    /// [`SaveError::Corrupted`] for a seat the scenario does not give a student.
    pub fn graded(&self, session: &Session) -> Result<Report, SaveError> {
        let Some(seat) = &self.seat else {
            return Ok(Report::of(session));
        };
        let counterparts = session
            .scenario()
            .seats()
            .iter()
            .any(|s| &s.id == seat && s.plays == crate::sim::terms::SeatPlays::Counterparts);
        if counterparts && session.is_hotseat() {
            Ok(Report::for_counterparts(session))
        } else {
            Err(SaveError::Corrupted(format!(
                "the report is for seat `{}`, which no student plays in this scenario",
                crate::escape::printable(seat, 40)
            )))
        }
    }

    pub fn to_text(&self) -> String {
        pretty(self)
    }

    /// Reads a report file.
    ///
    /// # Errors
    /// As [`SaveFile::parse`].
    pub fn parse(text: &str) -> Result<Self, SaveError> {
        let report: Self = parse_versioned(text)?;
        report.student.check_limits()?;
        report.save.check_limits()?;
        if report.seat.as_ref().is_some_and(|s| s.chars().count() > 40) {
            return Err(SaveError::Corrupted(
                "the seat id is longer than 40 characters".to_string(),
            ));
        }
        if let Some(team) = &report.team {
            if team.members.len() > MAX_TEAM_MEMBERS || team.own_commands.len() > MAX_LOGGED_COMMANDS {
                return Err(SaveError::Corrupted(format!(
                    "the team has {} students (at most {MAX_TEAM_MEMBERS}) and {} commands of its own",
                    team.members.len(),
                    team.own_commands.len()
                )));
            }
            for member in &team.members {
                member.check_limits()?;
            }
        }
        Ok(report)
    }

    /// Re-simulates the embedded save on `scenario` and lists every claim that does not hold;
    /// an empty list means the report is verified.
    ///
    /// # Errors
    /// [`SaveError`] when the save cannot be replayed on this scenario.
    pub fn verify(&self, scenario: Arc<Scenario>) -> Result<Vec<String>, SaveError> {
        Ok(self
            .verify_said(scenario)?
            .iter()
            .map(|said| crate::i18n::english().say(said))
            .collect())
    }

    /// As [`ReportFile::verify`], each claim that does not hold as a catalogue sentence.
    ///
    /// # Errors
    /// [`SaveError`] when the save cannot be replayed on this scenario.
    pub fn verify_said(&self, scenario: Arc<Scenario>) -> Result<Vec<Said>, SaveError> {
        let session = self.save.replay(scenario)?;
        let mut problems = Vec::new();
        let mut differ = |term: &'static str, claimed: String, actual: String| {
            if claimed != actual {
                problems.push(
                    Said::new("cli-claim-differs")
                        .term("what", term)
                        .with("claimed", claimed)
                        .with("actual", actual),
                );
            }
        };
        differ(
            "cli-claim-scenario",
            format!("{} {}", self.scenario_id, self.scenario_hash),
            format!("{} {}", self.save.scenario_id, self.save.scenario_hash),
        );
        differ("cli-claim-seed", self.seed.to_string(), self.save.seed.to_string());
        differ("cli-claim-log-digest", self.log_digest.clone(), self.save.log_digest());
        differ(
            "cli-claim-student",
            format!("{:?}", self.student),
            format!("{:?}", self.save.student),
        );
        let actual = Claims::of(&self.graded(&session)?);
        let claimed = &self.claims;
        differ(
            "cli-claim-total-points",
            claimed.total_earned.to_string(),
            actual.total_earned.to_string(),
        );
        differ(
            "cli-claim-points-possible",
            claimed.total_possible.to_string(),
            actual.total_possible.to_string(),
        );
        differ(
            "cli-claim-days-played",
            claimed.days_played.to_string(),
            actual.days_played.to_string(),
        );
        differ(
            "cli-claim-finished",
            claimed.finished.to_string(),
            actual.finished.to_string(),
        );
        differ(
            "cli-claim-mode",
            format!("{:?}", claimed.mode),
            format!("{:?}", actual.mode),
        );
        differ(
            "cli-claim-cash-end",
            claimed.cash_end.to_string(),
            actual.cash_end.to_string(),
        );
        differ(
            "cli-claim-reputation-end",
            claimed.reputation_end.to_string(),
            actual.reputation_end.to_string(),
        );
        differ(
            "cli-claim-tasks",
            format!("{:?}", claimed.tasks),
            format!("{:?}", actual.tasks),
        );
        if let Some(team) = &self.team {
            if !team.members.contains(&self.student) {
                problems.push(Said::new("cli-claim-not-in-team"));
            }
            if let Some(i) = team.own_commands.iter().find(|i| **i >= self.save.commands.len()) {
                problems.push(Said::new("cli-claim-command-not-in-log").with("index", i.to_string()));
            }
        }
        Ok(problems)
    }
}
