//! The talks desk: every negotiation of the scenario (against an AI counterpart, or a second
//! student in hotseat), the strategy guess, and the sales contract an agreed deal becomes. The
//! rules are in `sim::negotiation` and `sim::deal::contract`.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::{Event, RuleError, World};
use crate::sim::deal::{ContractParties, SalesContract};
use crate::sim::money::Money;
use crate::sim::negotiation::{Agent, BidTable, Strategy, TalkError, TalkEvent, Talks, TalksEnding};
use crate::sim::terms::{ConcessionStrategy, Text};

/// Reputation points lost when a counterpart gives up waiting for the student's reply.
const REPUTATION_LOST_BY_SILENCE: i32 = 5;

/// What the talks desk has recorded.
#[derive(Debug, Default)]
pub struct TalksDesk {
    /// Negotiations by task id.
    talks: BTreeMap<String, Talks>,
    /// Sales contracts signed, by negotiation task id.
    contracts: BTreeMap<String, SalesContract>,
}

/// A negotiation's moves as session events.
fn talk_events(task: &str, moved: Vec<TalkEvent>) -> Vec<Event> {
    moved
        .into_iter()
        .map(|event| Event::Negotiation {
            task: task.to_string(),
            event,
        })
        .collect()
}

impl TalksDesk {
    /// Opens every negotiation; an AI that opens makes its first offer now. In hotseat a second
    /// student plays the other side.
    pub(super) fn open(world: &mut World, hotseat: bool, events: &mut Vec<Event>) -> Self {
        let mut desk = Self::default();
        let scenario = Arc::clone(&world.scenario);
        for task in scenario.tasks() {
            let Some(case) = &task.negotiation else {
                continue;
            };
            let ai = match (
                hotseat,
                task.counterpart.as_deref().and_then(|id| scenario.counterpart(id)),
            ) {
                (false, Some(counterpart)) => {
                    let side = case.student_side.other();
                    let table = Arc::new(BidTable::new(&case.domain, case.preferences(side)));
                    Some(Agent::new(
                        table,
                        Strategy::of(&counterpart.personality),
                        case.deadline_rounds,
                    ))
                }
                _ => None,
            };
            let talks = Talks::new(case.clone(), ai, world.day, &mut world.rng);
            if let Some(first) = talks.offers().first() {
                events.push(Event::Negotiation {
                    task: task.id.clone(),
                    event: TalkEvent::OfferMade {
                        by: first.by,
                        round: first.round,
                    },
                });
            }
            desk.talks.insert(task.id.clone(), talks);
        }
        desk
    }

    fn talks_mut(&mut self, task: &str) -> Result<&mut Talks, RuleError> {
        self.talks
            .get_mut(task)
            .ok_or_else(|| RuleError::NoNegotiation(task.to_string()))
    }

    /// The side to move offers `options`.
    pub(super) fn offer(
        &mut self,
        world: &mut World,
        task: &str,
        options: &[usize],
        note: &str,
    ) -> Result<Vec<Event>, RuleError> {
        let day = world.day;
        let talks = self.talks_mut(task)?;
        let side = talks.to_move().ok_or(TalkError::Over)?;
        Ok(talk_events(
            task,
            talks.offer(side, options, note, day, &mut world.rng)?,
        ))
    }

    /// The side to move accepts the offer on the table.
    pub(super) fn accept(&mut self, world: &World, task: &str) -> Result<Vec<Event>, RuleError> {
        let talks = self.talks_mut(task)?;
        let side = talks.to_move().ok_or(TalkError::Over)?;
        Ok(talk_events(task, talks.accept(side, world.day)?))
    }

    /// The side to move walks away.
    pub(super) fn walk_away(&mut self, world: &World, task: &str) -> Result<Vec<Event>, RuleError> {
        let talks = self.talks_mut(task)?;
        let side = talks.to_move().ok_or(TalkError::Over)?;
        Ok(talk_events(task, talks.walk_away(side, world.day)?))
    }

    /// The student names the counterpart's strategy, once the talks are over.
    pub(super) fn guess_strategy(&mut self, task: &str, guess: ConcessionStrategy) -> Result<Vec<Event>, RuleError> {
        let correct = self.talks_mut(task)?.guess_strategy(guess)?;
        Ok(vec![Event::StrategyGuessed {
            task: task.to_string(),
            correct,
        }])
    }

    /// Turns an agreed negotiation into a sales contract (once). Returns what the buyer pays at
    /// signing, if anything: the payments desk receives it.
    pub(super) fn sign_if_agreed(&mut self, world: &World, task: &str, events: &mut Vec<Event>) -> Option<Money> {
        let talks = self.talks.get(task)?;
        let Some(TalksEnding::Agreed { bid, .. }) = talks.ending() else {
            return None;
        };
        if self.contracts.contains_key(task) {
            return None;
        }
        let scenario = &world.scenario;
        let definition = scenario.tasks().iter().find(|t| t.id == task)?;
        let product = definition.product.as_deref().and_then(|sku| scenario.product(sku))?;
        let counterpart = definition
            .counterpart
            .as_deref()
            .and_then(|id| scenario.counterpart(id))?;
        let parties = ContractParties {
            student_company: &scenario.role().company.name.en,
            counterpart: &counterpart.name,
            sku: &product.sku,
            description: &product.name.en,
            origin: &product.origin,
        };
        let mut contract =
            SalesContract::from_deal(task, talks.case(), bid, world.date(), self.contracts.len(), parties)?;
        contract.rate_on_signing = world.rates.get(&contract.unit_price.currency).copied();
        events.push(Event::ContractSigned {
            task: task.to_string(),
            number: contract.number.clone(),
        });
        let upfront = contract.payment_schedule().at_signing;
        let total = contract.amount();
        self.contracts.insert(task.to_string(), contract);
        (upfront.0 > 0).then(|| Money::new(upfront.of(total.minor), total.currency, total.exponent))
    }

    /// An AI counterpart whose offer has waited longer than its `reply_within_days` for an
    /// answer walks away, and the company's reputation suffers.
    pub(super) fn lose_patience(&mut self, world: &mut World, events: &mut Vec<Event>) {
        let scenario = Arc::clone(&world.scenario);
        for task in scenario.tasks() {
            let Some(talks) = self.talks.get_mut(&task.id) else {
                continue;
            };
            let Some(counterpart) = task.counterpart.as_deref().and_then(|id| scenario.counterpart(id)) else {
                continue;
            };
            let student = talks.case().student_side;
            let waited = talks
                .on_table()
                .filter(|o| o.by != student)
                .map(|o| world.day.saturating_sub(o.day));
            if waited.is_some_and(|w| w > counterpart.personality.reply_within_days) {
                let Ok(moved) = talks.give_up(student.other(), world.day) else {
                    continue;
                };
                events.extend(talk_events(&task.id, moved));
                let reason = Text {
                    en: format!("{} gave up waiting for your reply", counterpart.name),
                    zh: format!("{}等不到你的回复，放弃了谈判", counterpart.name),
                };
                world.change_reputation(-REPUTATION_LOST_BY_SILENCE, &reason, events);
            }
        }
    }

    /// A counterpart whose letter went unanswered buys elsewhere: each of their negotiations
    /// where the student has not yet made an offer ends.
    pub(super) fn buyer_went_elsewhere(&mut self, world: &World, counterpart: Option<&str>, events: &mut Vec<Event>) {
        for other in world.scenario.tasks() {
            if other.counterpart.as_deref() != counterpart || other.negotiation.is_none() {
                continue;
            }
            let Some(talks) = self.talks.get_mut(&other.id) else {
                continue;
            };
            let student = talks.case().student_side;
            if talks.ending().is_some() || talks.offers().iter().any(|o| o.by == student) {
                continue;
            }
            if let Ok(moved) = talks.give_up(student.other(), world.day) {
                events.extend(talk_events(&other.id, moved));
            }
        }
    }

    /// The negotiation of a task, if it has one.
    pub fn talks(&self, task: &str) -> Option<&Talks> {
        self.talks.get(task)
    }
    /// The sales contract a negotiation task ended in, if it did.
    pub fn contract(&self, task: &str) -> Option<&SalesContract> {
        self.contracts.get(task)
    }
}
