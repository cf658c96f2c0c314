//! Transitional read accessors on the session (to be replaced by the desks' own).

use std::collections::BTreeMap;
use std::sync::Arc;

use super::letters;
use super::{LedgerEntry, Message, MessageId, Session};
use crate::sim::c2c::shop::Landed;
use crate::sim::c2c::{ImportCharges, ItemListingId, PurchaseGrade, QuestionId, Statement};
use crate::sim::customs::declaration::{DeclarationCase, DeclarationCheck};
use crate::sim::customs::hs::Classification;
use crate::sim::date::Date;
use crate::sim::deal::{DocumentsCheck, ExportClearance, ProfitSheet, SalesContract};
use crate::sim::market::OrderMargin;
use crate::sim::money::{BasisPoints, CurrencyCode, Micros, Money};
use crate::sim::negotiation::Talks;
use crate::sim::scenario::{Scenario, Task};
use crate::sim::terms::{QuestionTopic, Text};

impl Session {
    pub fn scenario(&self) -> &Scenario {
        &self.world.scenario
    }
    pub fn shared_scenario(&self) -> Arc<Scenario> {
        Arc::clone(&self.world.scenario)
    }
    pub fn scenario_arc(&self) -> Arc<Scenario> {
        Arc::clone(&self.world.scenario)
    }
    pub fn day(&self) -> u32 {
        self.world.day
    }
    pub fn date(&self) -> Date {
        self.world.date()
    }
    pub fn letter_message(&self, task: &str) -> Option<&Message> {
        letters::letter_message(&self.world, task)
    }
    pub fn letter_task_of(&self, message: MessageId) -> Option<&Task> {
        letters::letter_task_of(&self.world, message)
    }
    pub fn letter_options(&self, task: &str) -> Vec<(String, Text, Vec<Statement>)> {
        super::LettersDesk::options(&self.world, self.store.stores(), task)
    }
    pub fn margin_on(&self, market: &str, sku: &str, day: u32) -> Option<BasisPoints> {
        self.store.margin_on(market, sku, day)
    }
    pub fn cost_sheets(&self) -> &[crate::sim::market::cost_sheet::CostSheetCheck] {
        self.store.cost_sheets()
    }
    pub fn letter_reply(&self, task: &str) -> Option<&crate::sim::letters::LetterReply> {
        self.letters.reply_to(task)
    }
    pub fn talks(&self, task: &str) -> Option<&Talks> {
        self.talks.talks(task)
    }
    pub fn declaration_case(&self, task: &str) -> Option<DeclarationCase> {
        super::CustomsDesk::declaration_case(&self.world.scenario, task, |t| self.talks.contract(t))
    }
    pub fn export_clearance(&self, negotiation_task: &str) -> ExportClearance {
        self.customs.export_clearance(&self.world, negotiation_task)
    }
    pub fn profit_sheet(&self, task: &str) -> Option<ProfitSheet> {
        self.documents.profit_sheet(
            &self.world,
            task,
            self.talks.contract(task),
            self.talks.talks(task).map(Talks::case),
        )
    }
    pub fn booked_sailing(&self, task: &str) -> Option<Date> {
        self.documents.booked_sailing(task)
    }
    pub fn documents_attempts(&self, task: &str) -> &[DocumentsCheck] {
        self.documents.documents_attempts(task)
    }
    pub fn in_currency(&self, money: Money, currency: CurrencyCode) -> Option<i64> {
        self.world.in_currency(money, currency)
    }
    pub fn order_margin(&self, market: &str, sku: &str) -> Option<OrderMargin> {
        self.store.order_margin(&self.world, market, sku)
    }
    pub fn margin_at(&self, market: &str, sku: &str, price: i64, shipping: &str) -> Option<OrderMargin> {
        self.store.margin_at(&self.world, market, sku, price, shipping)
    }
    pub fn shop(&self) -> Option<&crate::sim::c2c::Shop> {
        self.shop.shop()
    }
    pub fn store(&self, market: &str) -> Option<&crate::sim::market::Store> {
        self.store.store_of(market)
    }
    pub fn contract(&self, task: &str) -> Option<&SalesContract> {
        self.talks.contract(task)
    }
    pub fn rate(&self, currency: CurrencyCode) -> Option<Micros> {
        self.world.rates.get(&currency).copied()
    }
    pub fn cash(&self) -> &BTreeMap<CurrencyCode, i64> {
        self.world.cash()
    }
    pub fn cash_money(&self) -> Vec<Money> {
        self.world
            .cash
            .iter()
            .map(|(c, m)| Money::new(*m, *c, self.world.scenario.exponent(*c)))
            .collect()
    }
    pub fn reputation(&self) -> u32 {
        self.world.reputation
    }
    pub fn rates(&self) -> &BTreeMap<CurrencyCode, Micros> {
        self.world.rates()
    }
    pub fn inbox(&self) -> &[Message] {
        self.world.inbox()
    }
    pub fn unread_count(&self) -> usize {
        self.world.inbox.iter().filter(|m| !m.read).count()
    }
    pub fn released_on(&self, task: &str) -> Option<u32> {
        self.customs.released_on(task)
    }
    pub fn release_due_on(&self, task: &str) -> Option<u32> {
        self.customs.release_due_on(task)
    }
    pub fn classifications(&self, sku: &str) -> &[Classification] {
        self.customs.classifications(sku)
    }
    pub fn ledger(&self) -> &[LedgerEntry] {
        self.world.ledger()
    }
    pub fn declaration_attempts(&self, task: &str) -> &[DeclarationCheck] {
        self.customs.declaration_attempts(task)
    }
    pub fn net_cash_in_home(&self) -> Money {
        self.world.net_cash_in_home()
    }
    pub fn answer_options(&self, question: QuestionId) -> Vec<(QuestionTopic, Vec<Statement>)> {
        self.shop.answer_options(&self.world, question)
    }
    pub fn true_choices(&self, question: QuestionId) -> Vec<Option<usize>> {
        self.shop.true_choices(&self.world, question)
    }
    pub fn listing_import_charges(&self, listing: ItemListingId) -> Option<ImportCharges> {
        self.shop.listing_import_charges(&self.world, listing)
    }
    pub fn purchase_preview(&self, market: &str, estimate: i64) -> Option<PurchaseGrade> {
        super::ShopDesk::purchase_preview(&self.world, market, estimate)
    }
    pub fn break_even(&self, market: &str, sku: &str, postage: &str, duty_paid: bool) -> Option<i64> {
        super::ShopDesk::break_even(&self.world, market, sku, postage, duty_paid)
    }
    pub fn model_cn23(&self, order: crate::sim::c2c::OrderId) -> Option<crate::sim::c2c::Cn23Form> {
        self.shop.model_cn23(&self.world, order)
    }
    pub fn landed_abroad(&self, market: &str, price: i64) -> Option<Landed> {
        super::ShopDesk::landed_abroad(&self.world, market, price)
    }
}
