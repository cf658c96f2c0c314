//! The documents and payment desk: booking the sailing for a contract, presenting the shipping
//! documents (checked against the contract and the L/C rules of `sim::deal::documents`), and
//! the export proceeds: received, settled into the home currency, or falling due later (D/A).

use crate::sim::said::Said;
use std::collections::BTreeMap;

use super::{Account, Event, RuleError, World};
use crate::sim::date::Date;
use crate::sim::deal::{
    DocumentsCheck, DocumentsForm, ExportClearance, ProfitSheet, SalesContract, SheetRates, check_documents,
    profit_sheet,
};
use crate::sim::money::{BasisPoints, Money};
use crate::sim::negotiation::NegotiationCase;

/// What the documents and payment desk has recorded.
#[derive(Debug, Default)]
pub struct DocumentsDesk {
    /// Every presentation of shipping documents, by task id, in order.
    documents: BTreeMap<String, Vec<DocumentsCheck>>,
    /// Export proceeds received, by task id: in the contract currency (minor units) and as
    /// settled in the home currency.
    payments: BTreeMap<String, (i64, Money)>,
    /// Booked sailings, by negotiation task id.
    bookings: BTreeMap<String, Date>,
    /// D/A drafts falling due: (day, task, amount).
    receivables: Vec<(u32, String, Money)>,
}

impl DocumentsDesk {
    /// Books the next sailing for the contract of `task`, once the goods are ready.
    pub(super) fn book_shipment(
        &mut self,
        world: &World,
        task: &str,
        contract: Option<&SalesContract>,
    ) -> Result<Vec<Event>, RuleError> {
        let contract = contract.ok_or_else(|| RuleError::NoContract(task.to_string()))?;
        let today = world.date();
        if today < contract.goods_ready {
            return Err(RuleError::GoodsNotReady(contract.goods_ready));
        }
        let sailing = contract.next_sailing(today);
        self.bookings.insert(task.to_string(), sailing);
        Ok(vec![Event::ShipmentBooked {
            task: task.to_string(),
            sailing,
        }])
    }

    /// Checks the documents presented for the contract of `task`; documents that comply are
    /// paid as the contract's payment terms say.
    pub(super) fn present(
        &mut self,
        world: &mut World,
        task: &str,
        contract: Option<&SalesContract>,
        clearance: ExportClearance,
        form: &DocumentsForm,
    ) -> Result<Vec<Event>, RuleError> {
        let contract = contract
            .cloned()
            .ok_or_else(|| RuleError::NoContract(task.to_string()))?;
        let attempts = self.documents_attempts(task);
        if attempts.iter().any(DocumentsCheck::complies) {
            return Err(RuleError::AlreadyPaid(task.to_string()));
        }
        let product = world
            .scenario
            .product(&contract.sku)
            .cloned()
            .ok_or_else(|| RuleError::NoContract(task.to_string()))?;
        let check = check_documents(
            &contract,
            &product,
            form,
            world.date(),
            clearance,
            self.bookings.get(task).copied(),
        );
        let mut events = vec![Event::DocumentsChecked {
            task: task.to_string(),
            attempt: u32::try_from(attempts.len() + 1).unwrap_or(u32::MAX),
            discrepancies: check.discrepancies(),
            complied: check.complies(),
        }];
        if check.complies() {
            let schedule = contract.payment_schedule();
            let total = contract.amount();
            let share = |bp: BasisPoints| Money::new(bp.of(total.minor), total.currency, total.exponent);
            if schedule.on_documents.0 > 0 {
                // The balance: what has not been paid at signing.
                let paid = self.payments.get(task).map_or(0, |p| p.0);
                let due = Money::new(total.minor - paid, total.currency, total.exponent);
                if due.minor > 0 {
                    self.receive_payment(world, task, due, &mut events);
                }
            }
            if let Some(days) = schedule.deferred_days {
                let amount = share(BasisPoints(10_000));
                self.receivables.push((world.day + days, task.to_string(), amount));
                events.push(Event::PaymentScheduled {
                    task: task.to_string(),
                    amount,
                    day: world.day + days,
                });
            }
        }
        self.documents.entry(task.to_string()).or_default().push(check);
        Ok(events)
    }

    /// Export proceeds arrive and are sold for the home currency at today's rate (FX settlement).
    pub(super) fn receive_payment(&mut self, world: &mut World, task: &str, amount: Money, events: &mut Vec<Event>) {
        let settled = world.settled_at_home(amount);
        let entry = self
            .payments
            .entry(task.to_string())
            .or_insert((0, Money::new(0, settled.currency, settled.exponent)));
        entry.0 += amount.minor;
        entry.1.minor += settled.minor;
        world.book(
            Account::ExportProceeds,
            settled,
            Said::new("memo-proceeds")
                .with("task", task)
                .with("amount", amount.format()),
        );
        events.push(Event::PaymentReceived {
            task: task.to_string(),
            amount,
            settled,
        });
    }

    /// D/A drafts that fall due today are paid.
    pub(super) fn collect_receivables(&mut self, world: &mut World, events: &mut Vec<Event>) {
        let (due, later): (Vec<_>, Vec<_>) = std::mem::take(&mut self.receivables)
            .into_iter()
            .partition(|(day, _, _)| *day <= world.day);
        self.receivables = later;
        for (_, task, amount) in due {
            self.receive_payment(world, &task, amount, events);
        }
    }

    /// The profit sheet of a contract, when the negotiation states the deal's costs: at the
    /// settled amount once paid, at today's rate before.
    pub fn profit_sheet(
        &self,
        world: &World,
        task: &str,
        contract: Option<&SalesContract>,
        case: Option<&NegotiationCase>,
    ) -> Option<ProfitSheet> {
        let contract = contract?;
        let costs = case?.costs?;
        let scenario = &world.scenario;
        let unit_cost = scenario.product(&contract.sku)?.unit_cost;
        Some(profit_sheet(
            contract,
            &costs,
            unit_cost,
            SheetRates {
                home: scenario.home_currency(),
                home_exponent: scenario.exponent(scenario.home_currency()),
                today: &world.rates,
                received: self.payments.get(task).copied(),
            },
        ))
    }

    /// The sailing booked for a negotiation task's contract, if any.
    pub fn booked_sailing(&self, task: &str) -> Option<Date> {
        self.bookings.get(task).copied()
    }
    /// Every presentation of a task's shipping documents, oldest first.
    pub fn documents_attempts(&self, task: &str) -> &[DocumentsCheck] {
        self.documents.get(task).map_or(&[], Vec::as_slice)
    }
}

/// What the documents and payment desk has recorded, read with the contracts and the world.
#[derive(Clone, Copy)]
pub struct DocumentsView<'a> {
    pub(super) desk: &'a DocumentsDesk,
    pub(super) talks: &'a super::TalksDesk,
    pub(super) world: &'a World,
}

impl<'a> DocumentsView<'a> {
    /// The profit sheet of a negotiation task's contract, when the scenario states the deal's
    /// costs: at the settled amount once paid, at today's rate before.
    pub fn profit_sheet(&self, task: &str) -> Option<ProfitSheet> {
        self.desk.profit_sheet(
            self.world,
            task,
            self.talks.contract(task),
            self.talks.talks(task).map(crate::sim::negotiation::Talks::case),
        )
    }
    /// The sailing booked for a negotiation task's contract, if any.
    pub fn booked_sailing(&self, task: &str) -> Option<Date> {
        self.desk.booked_sailing(task)
    }
    /// Every presentation of a task's shipping documents, oldest first.
    pub fn documents_attempts(&self, task: &str) -> &'a [DocumentsCheck] {
        self.desk.documents_attempts(task)
    }
}
