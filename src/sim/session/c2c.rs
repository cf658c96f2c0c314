//! The session's side of the C2C shop: commands in, and the shop's outcomes (money, reputation,
//! inbox messages, events) applied to the company.

use std::sync::Arc;

use crate::sim::c2c::questions::Statement;
use crate::sim::c2c::shop::{Landed, landed_at, purchase_grade};
use crate::sim::c2c::{
    ImportCharges, ItemListingId, Outcome, PostTo, PurchaseGrade, QuestionId, Shop, World, import_charges,
};
use crate::sim::money::Money;
use crate::sim::terms::{QuestionTopic, Text};

use super::{Account, Command, Effect, Event, LedgerEntry, Message, MessageId, RuleError, Session, money_in};

impl Session {
    /// Runs `step` on the shop with a view of the world as it is now.
    fn with_shop<T>(
        &mut self,
        step: impl FnOnce(&mut Shop, &World, &mut rand::rngs::ChaCha8Rng) -> T,
    ) -> Result<T, RuleError> {
        let scenario = Arc::clone(&self.scenario);
        let rates = self.rates.clone();
        let convert = |money: Money, currency| money_in(&scenario, &rates, money, currency);
        let world = World {
            scenario: &scenario,
            reputation: self.reputation,
            convert: &convert,
        };
        let shop = self.shop.as_mut().ok_or(RuleError::NoShop)?;
        Ok(step(shop, &world, &mut self.rng))
    }

    /// Runs `look` with a view of the world as it is now.
    fn with_world<T>(&self, look: impl FnOnce(&World) -> T) -> T {
        let convert = |money: Money, currency| money_in(&self.scenario, &self.rates, money, currency);
        let world = World {
            scenario: &self.scenario,
            reputation: self.reputation,
            convert: &convert,
        };
        look(&world)
    }

    /// The statements the answer composer offers for each topic of a question.
    pub fn answer_options(&self, question: QuestionId) -> Vec<(QuestionTopic, Vec<Statement>)> {
        match &self.shop {
            Some(shop) => self.with_world(|world| shop.answer_options(world, question)),
            None => Vec::new(),
        }
    }

    /// For each topic of a question, the index of its true statement: what a model answer
    /// chooses (demonstrations, tests, benchmarks).
    pub fn true_choices(&self, question: QuestionId) -> Vec<Option<usize>> {
        self.answer_options(question)
            .iter()
            .map(|(_, list)| list.iter().position(|s| s.verdict == crate::sim::c2c::Verdict::Right))
            .collect()
    }

    /// What the destination charges on a listing's parcel at its shown price, today.
    pub fn listing_import_charges(&self, listing: ItemListingId) -> Option<ImportCharges> {
        let shop = self.shop.as_ref()?;
        let l = shop.listing(listing)?;
        let market = self.scenario.markets().iter().find(|m| m.id == l.terms.market)?;
        let site = market.auction_site.as_ref()?;
        let product = self.scenario.product(&l.terms.sku)?;
        Some(import_charges(
            &self.scenario,
            market,
            product,
            l.shown_price(),
            site.collection_fee.minor,
            self.date(),
        ))
    }

    /// The buying exercise's landed cost at today's rates, graded against `estimate`.
    pub fn purchase_preview(&self, market: &str, estimate: i64) -> Option<PurchaseGrade> {
        self.with_world(|world| purchase_grade(world, market, estimate))
    }

    /// The lowest price (market currency) at which selling `sku` on `market`'s auction site by
    /// `postage` covers the item's cost and the postage after the site's final value fee, at
    /// today's rates: (cost + postage) ÷ (1 − fee), rounded up to the next minor unit. With
    /// `duty_paid` the seller also pays the duty and import VAT on that price, found by three
    /// rounds of fixed-point iteration (the charges depend on the price).
    pub fn break_even(&self, market: &str, sku: &str, postage: &str, duty_paid: bool) -> Option<i64> {
        let found = self.scenario.markets().iter().find(|m| m.id == market)?;
        let site = found.auction_site.as_ref()?;
        let product = self.scenario.product(sku)?;
        let parcel = site.postage(postage)?.price(product.gross_weight_g);
        let costs = self.in_currency(product.unit_cost, found.currency)? + self.in_currency(parcel, found.currency)?;
        let keep = 10_000 - site.final_value_fee.0;
        if keep <= 0 {
            return None;
        }
        let mut floor = costs * 10_000 / keep + 1;
        if duty_paid {
            for _ in 0..3 {
                let charges = import_charges(&self.scenario, found, product, floor, 0, self.date());
                floor = (costs + charges.duty + charges.border_vat) * 10_000 / keep + 1;
            }
        }
        Some(floor)
    }

    /// The correct CN23 for an order (for demonstrations, tests and the debrief; the form on
    /// screen starts empty).
    pub fn model_cn23(&self, order: crate::sim::c2c::OrderId) -> Option<crate::sim::c2c::Cn23Form> {
        let o = self.shop.as_ref()?.order(order)?;
        let product = self.scenario.product(&o.sku)?;
        let currency = self.scenario.markets().iter().find(|m| m.id == o.market)?.currency;
        let price = Money::new(o.price, currency, self.scenario.exponent(currency));
        Some(crate::sim::c2c::Cn23Form::model(product, price))
    }

    /// The buying exercise's item landed at home if bought for `price` (market currency), at
    /// today's rates.
    pub fn landed_abroad(&self, market: &str, price: i64) -> Option<Landed> {
        self.with_world(|world| landed_at(world, market, price))
    }

    /// Carries out a C2C command; errors change nothing.
    pub(super) fn apply_shop(&mut self, command: &Command) -> Result<Vec<Event>, RuleError> {
        let day = self.day;
        let outcome = match command {
            Command::ListItem { terms } => {
                let break_even = self.break_even(&terms.market, &terms.sku, &terms.postage, terms.duty_paid);
                let outcome = self.with_shop(|shop, world, _| shop.list(world, (**terms).clone(), day))??;
                if let Some(listing) = self.shop.as_mut().and_then(|s| s.listings.last_mut()) {
                    listing.break_even_at_listing = break_even;
                }
                outcome
            }
            Command::ReplyToOffer { offer, reply } => {
                self.with_shop(|shop, world, rng| shop.reply_to_offer(world, *offer, *reply, day, rng))??
            }
            Command::AnswerQuestion {
                question,
                choices,
                note,
            } => {
                self.with_shop(|shop, world, _| shop.answer(world, *question, choices.clone(), note.clone(), day))??
            }
            Command::PostParcel { order, form } => {
                self.with_shop(|shop, world, rng| shop.post_parcel(world, *order, form, day, rng))??
            }
            Command::ResolveDispute { order, resolution } => {
                self.with_shop(|shop, world, _| shop.resolve(world, *order, *resolution, day))??
            }
            Command::EstimatePurchase { market, estimate } => {
                self.with_shop(|shop, world, _| shop.estimate_purchase(world, market, *estimate))??
            }
            Command::BidAbroad { market, max } => {
                self.with_shop(|shop, world, rng| shop.bid_abroad(world, market, *max, day, rng))??
            }
            _ => return Ok(Vec::new()),
        };
        let mut events = Vec::new();
        self.apply_outcome(outcome, &mut events);
        Ok(events)
    }

    /// The day that has just ended, in the shop.
    pub(super) fn run_shop(&mut self, events: &mut Vec<Event>) {
        let ended = self.day.saturating_sub(1).max(1);
        if let Ok(outcome) = self.with_shop(|shop, world, rng| shop.run_day(world, ended, rng)) {
            self.apply_outcome(outcome, events);
        }
    }

    /// A scripted question: into the shop when there is one, else a plain message.
    pub(super) fn ask_question(
        &mut self,
        from: &str,
        sku: &str,
        topics: &[QuestionTopic],
        subject: &Text,
        body: &Text,
        events: &mut Vec<Event>,
    ) {
        let scenario = Arc::clone(&self.scenario);
        let counterpart = scenario.counterpart(from);
        let market = counterpart.and_then(|c| c.market.clone()).unwrap_or_default();
        let name = counterpart.map_or(from.to_string(), |c| c.name.clone());
        let day = self.day;
        let asked = self.shop.as_mut().map(|shop| {
            shop.ask(
                &name,
                Some(from.to_string()),
                &market,
                sku,
                topics.to_vec(),
                day,
                subject.clone(),
                body.clone(),
            )
        });
        match asked {
            Some((_, outcome)) => self.apply_outcome(outcome, events),
            None => self.run_effect(
                &Effect::Message {
                    from: Some(from.to_string()),
                    subject: subject.clone(),
                    body: body.clone(),
                },
                events,
            ),
        }
    }

    fn apply_outcome(&mut self, outcome: Outcome, events: &mut Vec<Event>) {
        let home = self.scenario.home_currency();
        let home_exp = self.scenario.exponent(home);
        for (to, money, memo) in outcome.postings {
            let account = match to {
                PostTo::Sales => Account::Marketplace,
                PostTo::Postage => Account::Logistics,
                PostTo::ImportCharges => Account::CustomsFees,
                PostTo::Refunds => Account::Refunds,
                PostTo::Purchase => Account::Purchases,
            };
            // Settled in the home currency at today's rate.
            let Some(minor) = money_in(&self.scenario, &self.rates, money, home) else {
                continue;
            };
            if minor == 0 {
                continue;
            }
            super::book_cash(&mut self.cash, home, minor);
            self.ledger.push(LedgerEntry {
                day: self.day,
                account,
                money: Money::new(minor, home, home_exp),
                memo,
            });
        }
        for event in outcome.events {
            events.push(Event::Shop(event));
        }
        for (delta, reason) in outcome.reputation {
            self.run_effect(&Effect::ReputationChange { delta, reason }, events);
        }
        for (from, subject, body, question) in outcome.messages {
            let id = MessageId(u32::try_from(self.inbox.len()).unwrap_or(u32::MAX));
            self.inbox.push(Message {
                id,
                day: self.day,
                from,
                subject,
                body,
                read: false,
                question,
            });
            events.push(Event::MessageArrived { id });
        }
    }
}
