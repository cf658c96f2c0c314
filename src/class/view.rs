//! What the host sends one seat: only what that seat may see. The company's seat sees its
//! company (cash, reputation, inbox subjects) and its side of each negotiation; the
//! counterparts' seat sees only its side of the negotiations. Each side's utilities and
//! walk-away value are computed from its own preferences; the other side's never leave the
//! host.

use serde::{Deserialize, Serialize};

use crate::sim::negotiation::Side;
use crate::sim::terms::{SeatPlays, Text};
use crate::sim::{Command, Session};

/// One seat's view of its table, as sent over the network.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeatView {
    pub seat: String,
    pub day: u32,
    pub finished: bool,
    /// The company's state: only for the company's seat.
    pub company: Option<CompanyView>,
    pub negotiations: Vec<NegotiationView>,
    /// A shared marketplace's leaderboard and this store's decisions beside the class's
    /// (absent in other classes).
    #[serde(default)]
    pub market: Option<super::leaderboard::MarketStanding>,
    /// A class of a C2C scenario: the classmates' shops as this student sees them as a buyer
    /// (absent in other classes).
    #[serde(default)]
    pub classmates: Option<super::classmates::ClassmatesView>,
}

/// The company's cash and standing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanyView {
    /// Cash by currency, formatted (`"50,000.00 CNY"`).
    pub cash: Vec<String>,
    pub reputation: u32,
    /// The inbox's subjects, oldest first, with whether each was read.
    pub inbox: Vec<(Text, bool)>,
}

/// One negotiation from one side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NegotiationView {
    pub task: String,
    /// The task's title (its description is the company's brief and stays on the host).
    #[serde(default)]
    pub title: Text,
    /// The side this seat plays.
    pub side: Side,
    /// Whose move it is, or `None` once the talks are over.
    pub to_move: Option<Side>,
    /// How the talks ended, once they have: agreed (`true`) or broken off, and by whom (who
    /// accepted, or who walked away).
    #[serde(default)]
    pub ending: Option<(bool, Side)>,
    /// Every offer so far: who made it, the options chosen per issue, the note, and what it
    /// is worth to this seat's side (micro-utility, 1,000,000 = best).
    pub offers: Vec<OfferView>,
    /// What no deal is worth to this seat's side.
    pub own_walk_away: u32,
    /// Offers this seat's side may still make before the deadline.
    pub offers_left: u32,
    /// Offers each side may make in all.
    pub deadline_rounds: u32,
    /// The issues on the table and their options, as the forms show them.
    pub issues: Vec<IssueView>,
    /// This seat's own brief: each issue's weight (basis points, adding up to 10,000) and each
    /// option's value (micro-utility). A bid is worth the sum of weight × value / 10,000.
    pub own_weights: Vec<u32>,
    pub own_values: Vec<Vec<u32>>,
}

/// One issue and its options' labels.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssueView {
    pub title: String,
    pub options: Vec<String>,
}

impl NegotiationView {
    /// What `options` (one per issue) are worth to this seat, as the host computes it;
    /// `None` for a bid that does not fit the issues.
    pub fn worth(&self, options: &[usize]) -> Option<u32> {
        if options.len() != self.own_weights.len() || options.len() != self.own_values.len() {
            return None;
        }
        let mut total = 0u64;
        for (i, option) in options.iter().enumerate() {
            let value = self.own_values.get(i)?.get(*option)?;
            total += u64::from(*self.own_weights.get(i)?) * u64::from(*value) / 10_000;
        }
        u32::try_from(total).ok()
    }
}

/// One offer as a seat sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferView {
    pub by: Side,
    pub options: Vec<usize>,
    pub note: String,
    pub worth_to_me: u32,
}

/// What `seat` may see of `session`; `None` for a seat the scenario does not have.
pub fn seat_view(session: &Session, seat: &str) -> Option<SeatView> {
    let plays = session.scenario().seats().iter().find(|s| s.id == seat)?.plays;
    let world = session.world();
    let company = (plays == SeatPlays::Company).then(|| CompanyView {
        cash: world.cash_money().iter().map(|m| m.format()).collect(),
        reputation: world.reputation(),
        inbox: world.inbox().iter().map(|m| (m.subject.clone(), m.read)).collect(),
    });
    let negotiations = session
        .scenario()
        .tasks()
        .iter()
        .filter_map(|task| {
            let talks = session.talks_desk().talks(&task.id)?;
            let case = talks.case();
            let side = match plays {
                SeatPlays::Company => case.student_side,
                SeatPlays::Counterparts => case.student_side.other(),
            };
            let mine = case.preferences(side);
            let issues = case.domain.issues().len();
            Some(NegotiationView {
                task: task.id.clone(),
                title: task.title.clone(),
                side,
                to_move: talks.to_move(),
                ending: talks.ending().map(|e| match e {
                    crate::sim::negotiation::talks::TalksEnding::Agreed { by, .. } => (true, by),
                    crate::sim::negotiation::talks::TalksEnding::Broken { by, .. } => (false, by),
                }),
                offers: talks
                    .offers()
                    .iter()
                    .map(|o| OfferView {
                        by: o.by,
                        options: (0..issues).map(|i| o.bid.option(i)).collect(),
                        note: o.note.clone(),
                        worth_to_me: mine.utility(o.bid),
                    })
                    .collect(),
                own_walk_away: mine.reservation(),
                offers_left: talks.offers_left(side),
                deadline_rounds: case.deadline_rounds,
                issues: case
                    .domain
                    .issues()
                    .iter()
                    .map(|issue| IssueView {
                        title: issue.title().to_string(),
                        options: (0..issue.len()).map(|o| issue.label(o)).collect(),
                    })
                    .collect(),
                own_weights: (0..issues).map(|i| mine.weight(i)).collect(),
                own_values: (0..issues)
                    .map(|i| (0..case.domain.issues()[i].len()).map(|o| mine.value(i, o)).collect())
                    .collect(),
            })
        })
        .collect();
    Some(SeatView {
        seat: seat.to_string(),
        day: session.day(),
        finished: session.is_finished(),
        company,
        negotiations,
        market: None,
        classmates: None,
    })
}

/// A team member's own commands in the store's log, in words with the day each was given on:
/// (day, what). Indices outside the log are skipped.
pub fn team_actions(commands: &[Command], own: &[usize]) -> Vec<(u32, crate::sim::said::Said)> {
    own.iter()
        .filter_map(|&i| {
            let command = commands.get(i)?;
            let days_ended = commands
                .get(..i)?
                .iter()
                .filter(|c| matches!(c, Command::EndDay | Command::MarketDay(_)))
                .count();
            let what = super::dashboard::describe(None, command);
            Some((u32::try_from(days_ended).unwrap_or(u32::MAX).saturating_add(1), what))
        })
        .collect()
}

/// Most tasks and criteria per task a debrief carries (the scenario limits are lower).
pub const MAX_DEBRIEF_ITEMS: usize = 64;

/// One task of a student's debrief at the end of class: what each criterion earned and why,
/// with the rule and the hint, graded on the host as the student's report is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DebriefTask {
    pub title: Text,
    pub earned: u32,
    pub possible: u32,
    pub criteria: Vec<DebriefCriterion>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DebriefCriterion {
    pub description: Text,
    pub earned: u32,
    pub possible: u32,
    pub reason: Text,
    pub rule: Option<Text>,
    pub hint: Option<Text>,
}

/// The debrief of a graded report, bounded.
pub fn debrief_of(report: &crate::sim::Report) -> Vec<DebriefTask> {
    report
        .tasks
        .iter()
        .take(MAX_DEBRIEF_ITEMS)
        .map(|task| DebriefTask {
            title: task.title.clone(),
            earned: task.earned(),
            possible: task.possible(),
            criteria: task
                .criteria
                .iter()
                .take(MAX_DEBRIEF_ITEMS)
                .map(|c| DebriefCriterion {
                    description: c.description.clone(),
                    earned: c.earned,
                    possible: c.possible,
                    reason: c.reason.clone(),
                    rule: c.rule.clone(),
                    hint: c.hint.clone(),
                })
                .collect(),
        })
        .collect()
}
