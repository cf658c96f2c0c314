//! The customs desk: HS classifications and export declarations, customs' response to each
//! (inspection, fees, penalties) and the release of the goods. The rules it applies are in
//! `sim::customs`; this desk keeps the attempts and the release days.

use crate::sim::said::Said;
use std::collections::BTreeMap;

use rand::RngExt;

use super::{Account, Event, RuleError, World};
use crate::sim::customs::declaration::{DeclarationCase, DeclarationCheck, DeclarationForm, check_declaration};
use crate::sim::customs::hs::Classification;
use crate::sim::deal::{ExportClearance, SalesContract};
use crate::sim::money::Money;
use crate::sim::scenario::Scenario;

/// What the customs desk has recorded.
#[derive(Debug, Default)]
pub struct CustomsDesk {
    /// Every checked declaration, by task id, in order.
    declarations: BTreeMap<String, Vec<DeclarationCheck>>,
    /// Accepted declarations waiting for release: task → release day.
    pending_release: BTreeMap<String, u32>,
    /// Released goods: task → day.
    released: BTreeMap<String, u32>,
    /// Graded classifications, by SKU, in order.
    classifications: BTreeMap<String, Vec<Classification>>,
}

impl CustomsDesk {
    /// Grades a step-by-step classification of `sku`.
    pub(super) fn classify(&mut self, world: &World, sku: &str, chosen: &[String]) -> Result<Vec<Event>, RuleError> {
        let graded = world
            .scenario
            .product(sku)
            .and_then(|p| {
                world
                    .scenario
                    .nomenclature()
                    .and_then(|n| n.grade(sku, &p.hs_code, chosen))
            })
            .ok_or_else(|| RuleError::NotClassifiable(sku.to_string()))?;
        let event = Event::ClassificationGraded {
            sku: sku.to_string(),
            correct: graded.correct_steps(),
            total: graded.steps.len(),
        };
        self.classifications.entry(sku.to_string()).or_default().push(graded);
        Ok(vec![event])
    }

    /// Checks a declaration of `task` against `case` (the exercise as it stands) and lets
    /// customs respond.
    pub(super) fn declare(
        &mut self,
        world: &mut World,
        task: &str,
        case: Option<DeclarationCase>,
        form: &DeclarationForm,
    ) -> Result<Vec<Event>, RuleError> {
        let case = case.ok_or_else(|| RuleError::NoDeclaration(task.to_string()))?;
        let attempts = self.declaration_attempts(task);
        if attempts.iter().any(DeclarationCheck::clears) {
            return Err(RuleError::AlreadyCleared(task.to_string()));
        }
        let check = check_declaration(&case, world.scenario.products(), form);
        let mut events = vec![Event::DeclarationChecked {
            task: task.to_string(),
            attempt: u32::try_from(attempts.len() + 1).unwrap_or(u32::MAX),
            correct: check.correct(),
            wrong: check.wrong(),
            cleared: check.clears(),
        }];
        self.respond(world, task, &case, form, &check, &mut events);
        self.declarations.entry(task.to_string()).or_default().push(check);
        Ok(events)
    }

    /// Customs' response: a risk-based inspection, fees and penalties for errors, and release
    /// after the normal time for an accepted declaration. The roll is always drawn, so a run's
    /// luck does not depend on whether the form was right.
    fn respond(
        &mut self,
        world: &mut World,
        task: &str,
        case: &DeclarationCase,
        form: &DeclarationForm,
        check: &DeclarationCheck,
        events: &mut Vec<Event>,
    ) {
        let k = &case.clearance;
        let undervalued = case.undervalued_amount(form);
        let chance = k.inspection_chance(check.wrong(), undervalued > 0);
        let inspected = world.rng.random_range(0..10_000i64) < chance.0;
        if inspected {
            events.push(Event::InspectionOrdered {
                task: task.to_string(),
                days: k.inspection_days,
            });
            charge(
                world,
                task,
                Account::CustomsFees,
                k.inspection_fee,
                "memo-inspection-fee",
                events,
            );
        }
        if !check.clears() {
            charge(
                world,
                task,
                Account::CustomsFees,
                k.correction_fee,
                "memo-amendment-fee",
                events,
            );
        }
        if undervalued > 0 {
            let penalty = Money::new(k.undervaluation_penalty.of(undervalued), case.currency, case.exponent);
            charge(
                world,
                task,
                Account::CustomsPenalties,
                penalty,
                "memo-undervaluation-penalty",
                events,
            );
        }
        if check.clears() {
            let day = world.day + k.normal_days + if inspected { k.inspection_days } else { 0 };
            self.pending_release.insert(task.to_string(), day);
            events.push(Event::ReleaseScheduled {
                task: task.to_string(),
                day,
            });
            self.release_due(world.day, events);
        }
    }

    /// Releases goods whose day has come, in task order.
    pub(super) fn release_due(&mut self, today: u32, events: &mut Vec<Event>) {
        let due: Vec<String> = self
            .pending_release
            .iter()
            .filter(|(_, d)| **d <= today)
            .map(|(t, _)| t.clone())
            .collect();
        for task in due {
            self.pending_release.remove(&task);
            self.released.insert(task.clone(), today);
            events.push(Event::GoodsReleased { task });
        }
    }

    /// The declaration exercise of a customs task as it stands now: when it follows a
    /// negotiation that ended in a contract, rewritten for that contract.
    pub fn declaration_case<'a>(
        scenario: &Scenario,
        task: &str,
        contract_of: impl Fn(&str) -> Option<&'a SalesContract>,
    ) -> Option<DeclarationCase> {
        let base = scenario.tasks().iter().find(|t| t.id == task)?.declaration.as_ref()?;
        let contract = base.follows_contract_of.as_deref().and_then(contract_of);
        match contract.and_then(|c| scenario.product(&c.sku).map(|p| (c, p))) {
            Some((contract, product)) => Some(base.for_contract(contract, product)),
            None => Some(base.clone()),
        }
    }

    /// Whether the goods of a negotiation task's contract have cleared export customs: the
    /// customs task whose declaration follows that contract, if the scenario has one.
    pub fn export_clearance(&self, world: &World, negotiation_task: &str) -> ExportClearance {
        let declaring = world.scenario.tasks().iter().find(|t| {
            t.declaration
                .as_ref()
                .is_some_and(|d| d.follows_contract_of.as_deref() == Some(negotiation_task))
        });
        match declaring {
            None => ExportClearance::NotRequired,
            Some(t) => match self.released.get(&t.id) {
                Some(day) => ExportClearance::Released(world.date_of(*day)),
                None => ExportClearance::Pending,
            },
        }
    }

    /// The day the goods of `task` were released, if they were.
    pub fn released_on(&self, task: &str) -> Option<u32> {
        self.released.get(task).copied()
    }
    /// The day the goods of `task` are due for release, if accepted and waiting.
    pub fn release_due_on(&self, task: &str) -> Option<u32> {
        self.pending_release.get(task).copied()
    }
    /// Graded classifications of a product, oldest first.
    pub fn classifications(&self, sku: &str) -> &[Classification] {
        self.classifications.get(sku).map_or(&[], Vec::as_slice)
    }
    /// The checked declarations of a customs task, oldest first.
    pub fn declaration_attempts(&self, task: &str) -> &[DeclarationCheck] {
        self.declarations.get(task).map_or(&[], Vec::as_slice)
    }
}

/// Pays `money` (converted to the home currency at today's rate when possible) and books it.
fn charge(world: &mut World, task: &str, account: Account, money: Money, memo: &'static str, events: &mut Vec<Event>) {
    if money.minor == 0 {
        return;
    }
    let paid = world.settled_at_home(money);
    world.book(
        account,
        Money::new(-paid.minor, paid.currency, paid.exponent),
        Said::new(memo).with("task", task),
    );
    events.push(Event::CustomsCharged {
        task: task.to_string(),
        account,
        money: paid,
    });
}

/// What the customs desk has recorded, read with the world and the contracts it depends on.
#[derive(Clone, Copy)]
pub struct CustomsView<'a> {
    pub(super) desk: &'a CustomsDesk,
    pub(super) talks: &'a super::TalksDesk,
    pub(super) world: &'a World,
}

impl<'a> CustomsView<'a> {
    /// The declaration exercise of a customs task as it stands now (see
    /// [`CustomsDesk::declaration_case`]).
    pub fn declaration_case(&self, task: &str) -> Option<DeclarationCase> {
        CustomsDesk::declaration_case(&self.world.scenario, task, |t| self.talks.contract(t))
    }
    /// Whether the goods of a negotiation task's contract have cleared export customs.
    pub fn export_clearance(&self, negotiation_task: &str) -> ExportClearance {
        self.desk.export_clearance(self.world, negotiation_task)
    }
    /// The day the goods of `task` were released, if they were.
    pub fn released_on(&self, task: &str) -> Option<u32> {
        self.desk.released_on(task)
    }
    /// The day the goods of `task` are due for release, if accepted and waiting.
    pub fn release_due_on(&self, task: &str) -> Option<u32> {
        self.desk.release_due_on(task)
    }
    /// Graded classifications of a product, oldest first.
    pub fn classifications(&self, sku: &str) -> &'a [Classification] {
        self.desk.classifications(sku)
    }
    /// The checked declarations of a customs task, oldest first.
    pub fn declaration_attempts(&self, task: &str) -> &'a [DeclarationCheck] {
        self.desk.declaration_attempts(task)
    }
}
