//! The letters desk: business letters the student answers point by point, graded when sent,
//! and the cost to the company's reputation when one goes unanswered too long. The statements
//! and the grading are in `sim::letters`.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use super::{Event, Message, MessageId, RuleError, World};
use crate::sim::c2c::Statement;
use crate::sim::letters::{LetterFacts, LetterReply};
use crate::sim::market::Store;
use crate::sim::scenario::Task;
use crate::sim::terms::Text;

/// Reputation lost when a letter goes unanswered past its writer's waiting time.
const REPUTATION_LOST_BY_UNANSWERED_LETTER: i32 = 3;

/// What the letters desk has recorded.
#[derive(Debug, Default)]
pub struct LettersDesk {
    /// Letters answered, by task id.
    replies: BTreeMap<String, LetterReply>,
    /// Letters whose writer stopped waiting for an answer, by task id.
    lapsed: BTreeSet<String>,
}

impl LettersDesk {
    /// Sends the answer to the task's letter: one statement (or none) per point, and a note.
    pub(super) fn reply(
        &mut self,
        world: &World,
        stores: &BTreeMap<String, Store>,
        task: &str,
        choices: &[Option<usize>],
        note: &str,
    ) -> Result<Vec<Event>, RuleError> {
        let (asked_day, options) = self.open_letter(world, stores, task)?;
        let fits = choices.len() == options.len()
            && choices
                .iter()
                .zip(&options)
                .all(|(c, (_, _, list))| c.is_none_or(|j| j < list.len()));
        if !fits {
            return Err(RuleError::BadLetterChoices(options.len()));
        }
        let (sent, grade) = crate::sim::letters::grade(&options, choices, note);
        Ok(self.record(world, task, asked_day, sent, note, grade))
    }

    /// Sends an answer written in the student's own words: each point found in the text and
    /// checked against its facts, the tone judged on the whole.
    pub(super) fn reply_written(
        &mut self,
        world: &World,
        stores: &BTreeMap<String, Store>,
        task: &str,
        text: &str,
    ) -> Result<Vec<Event>, RuleError> {
        let chars = text.chars().count();
        if chars > crate::sim::writing::MAX_REPLY_CHARS {
            return Err(RuleError::ReplyTooLong {
                max: crate::sim::writing::MAX_REPLY_CHARS,
                chars,
            });
        }
        let (asked_day, options) = self.open_letter(world, stores, task)?;
        let points = world
            .scenario
            .tasks()
            .iter()
            .find(|t| t.id == task)
            .and_then(|t| t.letter.as_ref())
            .map_or(&[][..], |letter| letter.points.as_slice());
        let (sent, grade) = crate::sim::letters::grade_written(&options, points, text);
        Ok(self.record(world, task, asked_day, sent, text, grade))
    }

    /// The day the task's letter arrived and its points, if it may be answered now.
    fn open_letter(
        &self,
        world: &World,
        stores: &BTreeMap<String, Store>,
        task: &str,
    ) -> Result<(u32, Vec<(String, Text, Vec<Statement>)>), RuleError> {
        let found = world
            .scenario
            .tasks()
            .iter()
            .find(|t| t.id == task && t.letter.is_some())
            .ok_or_else(|| RuleError::NoLetter(task.to_string()))?;
        let asked_day = letter_message(world, task)
            .map(|m| m.day)
            .ok_or_else(|| RuleError::LetterNotArrived(task.to_string()))?;
        if self.replies.contains_key(task) {
            return Err(RuleError::AlreadyAnswered(task.to_string()));
        }
        Ok((asked_day, crate::sim::letters::options(&facts(world, stores), found)))
    }

    fn record(
        &mut self,
        world: &World,
        task: &str,
        asked_day: u32,
        sent: Vec<(String, Text, Option<Statement>)>,
        note: &str,
        grade: crate::sim::c2c::AnswerGrade,
    ) -> Vec<Event> {
        let score = grade.score;
        self.replies.insert(
            task.to_string(),
            LetterReply {
                day: world.day,
                asked_day,
                sent,
                note: note.to_string(),
                grade,
            },
        );
        vec![Event::LetterSent {
            task: task.to_string(),
            score,
        }]
    }

    /// Letters still unanswered when their writer's waiting time is over: the company's
    /// reputation suffers, once per letter (a late reply is still possible and graded).
    /// `then` runs for each such letter, in task order, with its writer (who may buy elsewhere).
    pub(super) fn lapse_unanswered(
        &mut self,
        world: &mut World,
        events: &mut Vec<Event>,
        mut then: impl FnMut(&mut World, Option<&str>, &mut Vec<Event>),
    ) {
        let scenario = Arc::clone(&world.scenario);
        for task in scenario.tasks() {
            let Some(letter) = &task.letter else { continue };
            if self.replies.contains_key(&task.id) || self.lapsed.contains(&task.id) {
                continue;
            }
            let Some(asked) = letter_message(world, &task.id).map(|m| m.day) else {
                continue;
            };
            if world.day <= asked.saturating_add(letter.reply_within_days) {
                continue;
            }
            self.lapsed.insert(task.id.clone());
            let who = task.counterpart.as_deref();
            let name = who
                .and_then(|id| scenario.counterpart(id))
                .map_or_else(String::new, |c| c.name.clone());
            let reason = Text {
                en: format!(
                    "the letter from {name} went unanswered for {} days",
                    letter.reply_within_days
                ),
                zh: format!("{name}的来信{}天未获回复", letter.reply_within_days),
            };
            world.change_reputation(-REPUTATION_LOST_BY_UNANSWERED_LETTER, &reason, events);
            then(world, who, events);
        }
    }

    /// The answer sent to the task's letter.
    pub fn reply_to(&self, task: &str) -> Option<&LetterReply> {
        self.replies.get(task)
    }

    /// The statements of each point of the task's letter, as they stand now.
    pub fn options(world: &World, stores: &BTreeMap<String, Store>, task: &str) -> Vec<(String, Text, Vec<Statement>)> {
        let task = world.scenario.tasks().iter().find(|t| t.id == task);
        task.map(|t| crate::sim::letters::options(&facts(world, stores), t))
            .unwrap_or_default()
    }
}

/// What the letters desk works its statements out from.
fn facts<'a>(world: &'a World, stores: &'a BTreeMap<String, Store>) -> LetterFacts<'a> {
    LetterFacts::new(&world.scenario, world.date(), stores)
}

/// The letter a task asks to answer: the first message from the task's counterpart, once it
/// has arrived.
pub fn letter_message<'a>(world: &'a World, task: &str) -> Option<&'a Message> {
    let t = world
        .scenario
        .tasks()
        .iter()
        .find(|t| t.id == task && t.letter.is_some())?;
    let from = t.counterpart.as_deref()?;
    world.inbox.iter().find(|m| m.from.as_deref() == Some(from))
}

/// The task whose letter `message` is, if it is one.
pub fn letter_task_of(world: &World, message: MessageId) -> Option<&Task> {
    world
        .scenario
        .tasks()
        .iter()
        .find(|t| letter_message(world, &t.id).is_some_and(|m| m.id == message))
}

/// The letters desk's records, read with the inbox and the student's stores.
#[derive(Clone, Copy)]
pub struct LettersView<'a> {
    pub(super) desk: &'a LettersDesk,
    pub(super) world: &'a World,
    pub(super) stores: &'a BTreeMap<String, Store>,
}

impl<'a> LettersView<'a> {
    /// The answer sent to the task's letter.
    pub fn letter_reply(&self, task: &str) -> Option<&'a LetterReply> {
        self.desk.reply_to(task)
    }
    /// The statements of each point of the task's letter, as they stand now.
    pub fn letter_options(&self, task: &str) -> Vec<(String, Text, Vec<Statement>)> {
        LettersDesk::options(self.world, self.stores, task)
    }
    /// The letter a task asks to answer, once it has arrived.
    pub fn letter_message(&self, task: &str) -> Option<&'a Message> {
        letter_message(self.world, task)
    }
    /// The task whose letter `message` is, if it is one.
    pub fn letter_task_of(&self, message: MessageId) -> Option<&'a Task> {
        letter_task_of(self.world, message)
    }
}
