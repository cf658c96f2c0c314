//! The shop desk: the C2C shop on a market's auction site (listing second-hand items, offers,
//! buyers' questions, parcels and CN23s, disputes, the buying exercise), its day, and the shop's
//! outcomes (money, reputation, inbox messages, events) applied to the company. The rules are
//! in `sim::c2c`.

use std::sync::Arc;

use crate::sim::c2c::questions::Statement;
use crate::sim::c2c::shop::{Landed, landed_at, purchase_grade};
use crate::sim::c2c::{
    ImportCharges, ItemListingId, Outcome, PostTo, PurchaseGrade, QuestionId, Shop, World, import_charges,
};
use crate::sim::money::Money;
use crate::sim::terms::{QuestionTopic, Text};

use super::world::money_in;
use super::{Account, Command, Event, RuleError, World as Company};

/// What the shop desk has recorded: the shop, when a market has an auction site.
#[derive(Debug, Default)]
pub struct ShopDesk {
    shop: Option<Shop>,
}

impl ShopDesk {
    /// Opens the shop when a market has an auction site.
    pub(super) fn open(company: &Company) -> Self {
        let any_site = company.scenario.markets().iter().any(|m| m.auction_site.is_some());
        Self {
            shop: any_site.then(|| Shop::open(&company.scenario)),
        }
    }

    /// The C2C shop, if the scenario has an auction site.
    pub fn shop(&self) -> Option<&Shop> {
        self.shop.as_ref()
    }

    /// Runs `step` on the shop with a view of the company as it is now.
    fn with_shop<T>(
        &mut self,
        company: &mut Company,
        step: impl FnOnce(&mut Shop, &World, &mut rand::rngs::ChaCha8Rng) -> T,
    ) -> Result<T, RuleError> {
        let scenario = Arc::clone(&company.scenario);
        let rates = company.rates.clone();
        let convert = |money: Money, currency| money_in(&scenario, &rates, money, currency);
        let world = World {
            scenario: &scenario,
            reputation: company.reputation,
            convert: &convert,
        };
        let shop = self.shop.as_mut().ok_or(RuleError::NoShop)?;
        Ok(step(shop, &world, &mut company.rng))
    }

    /// Runs `look` with a view of the world as it is now.
    fn with_world<T>(company: &Company, look: impl FnOnce(&World) -> T) -> T {
        let convert = |money: Money, currency| money_in(&company.scenario, &company.rates, money, currency);
        let world = World {
            scenario: &company.scenario,
            reputation: company.reputation,
            convert: &convert,
        };
        look(&world)
    }

    /// The statements the answer composer offers for each topic of a question.
    pub fn answer_options(&self, company: &Company, question: QuestionId) -> Vec<(QuestionTopic, Vec<Statement>)> {
        match &self.shop {
            Some(shop) => Self::with_world(company, |world| shop.answer_options(world, question)),
            None => Vec::new(),
        }
    }

    /// For each topic of a question, the index of its true statement: what a model answer
    /// chooses (demonstrations, tests, benchmarks).
    pub fn true_choices(&self, company: &Company, question: QuestionId) -> Vec<Option<usize>> {
        self.answer_options(company, question)
            .iter()
            .map(|(_, list)| list.iter().position(|s| s.verdict == crate::sim::c2c::Verdict::Right))
            .collect()
    }

    /// What the destination charges on a listing's parcel at its shown price, today.
    pub fn listing_import_charges(&self, company: &Company, listing: ItemListingId) -> Option<ImportCharges> {
        let shop = self.shop.as_ref()?;
        let l = shop.listing(listing)?;
        let market = company.scenario.markets().iter().find(|m| m.id == l.terms.market)?;
        let site = market.auction_site.as_ref()?;
        let product = company.scenario.product(&l.terms.sku)?;
        Some(import_charges(
            &company.scenario,
            market,
            product,
            l.shown_price(),
            site.collection_fee.minor,
            company.date(),
        ))
    }

    /// The buying exercise's landed cost at today's rates, graded against `estimate`.
    pub fn purchase_preview(company: &Company, market: &str, estimate: i64) -> Option<PurchaseGrade> {
        Self::with_world(company, |world| purchase_grade(world, market, estimate))
    }

    /// The lowest price (market currency) at which selling `sku` on `market`'s auction site by
    /// `postage` covers the item's cost and the postage after the site's final value fee, at
    /// today's rates: (cost + postage) ÷ (1 − fee), rounded up to the next minor unit. With
    /// `duty_paid` the seller also pays the duty and import VAT on that price, found by three
    /// rounds of fixed-point iteration (the charges depend on the price).
    pub fn break_even(company: &Company, market: &str, sku: &str, postage: &str, duty_paid: bool) -> Option<i64> {
        let found = company.scenario.markets().iter().find(|m| m.id == market)?;
        let site = found.auction_site.as_ref()?;
        let product = company.scenario.product(sku)?;
        let parcel = site.postage(postage)?.price(product.gross_weight_g);
        let costs =
            company.in_currency(product.unit_cost, found.currency)? + company.in_currency(parcel, found.currency)?;
        let keep = 10_000 - site.final_value_fee.0;
        if keep <= 0 {
            return None;
        }
        let mut floor = costs * 10_000 / keep + 1;
        if duty_paid {
            for _ in 0..3 {
                let charges = import_charges(&company.scenario, found, product, floor, 0, company.date());
                floor = (costs + charges.duty + charges.border_vat) * 10_000 / keep + 1;
            }
        }
        Some(floor)
    }

    /// The correct CN23 for an order (for demonstrations, tests and the debrief; the form on
    /// screen starts empty).
    pub fn model_cn23(&self, company: &Company, order: crate::sim::c2c::OrderId) -> Option<crate::sim::c2c::Cn23Form> {
        let o = self.shop.as_ref()?.order(order)?;
        let product = company.scenario.product(&o.sku)?;
        let currency = company.scenario.markets().iter().find(|m| m.id == o.market)?.currency;
        let price = Money::new(o.price, currency, company.scenario.exponent(currency));
        Some(crate::sim::c2c::Cn23Form::model(product, price))
    }

    /// The buying exercise's item landed at home if bought for `price` (market currency), at
    /// today's rates.
    pub fn landed_abroad(company: &Company, market: &str, price: i64) -> Option<Landed> {
        Self::with_world(company, |world| landed_at(world, market, price))
    }

    /// Carries out a C2C command; errors change nothing.
    pub(super) fn apply(&mut self, company: &mut Company, command: &Command) -> Result<Vec<Event>, RuleError> {
        let day = company.day;
        let outcome = match command {
            Command::ListItem { terms } => {
                let break_even = Self::break_even(company, &terms.market, &terms.sku, &terms.postage, terms.duty_paid);
                let outcome = self.with_shop(company, |shop, world, _| shop.list(world, (**terms).clone(), day))??;
                if let Some(listing) = self.shop.as_mut().and_then(|s| s.listings.last_mut()) {
                    listing.break_even_at_listing = break_even;
                }
                outcome
            }
            Command::ReplyToOffer { offer, reply } => self.with_shop(company, |shop, world, rng| {
                shop.reply_to_offer(world, *offer, *reply, day, rng)
            })??,
            Command::AnswerQuestion {
                question,
                choices,
                note,
            } => self.with_shop(company, |shop, world, _| {
                shop.answer(world, *question, choices.clone(), note.clone(), day)
            })??,
            Command::PostParcel { order, form } => self.with_shop(company, |shop, world, rng| {
                shop.post_parcel(world, *order, form, day, rng)
            })??,
            Command::ResolveDispute { order, resolution } => {
                self.with_shop(company, |shop, world, _| shop.resolve(world, *order, *resolution, day))??
            }
            Command::EstimatePurchase { market, estimate } => self.with_shop(company, |shop, world, _| {
                shop.estimate_purchase(world, market, *estimate)
            })??,
            Command::BidAbroad { market, max } => self.with_shop(company, |shop, world, rng| {
                shop.bid_abroad(world, market, *max, day, rng)
            })??,
            Command::BuyFromClassmate { shop, listing, action } => {
                let (seller, listing) = (*shop, *listing);
                self.with_shop(company, |shop, _, _| {
                    shop.record_buyer_move(seller, listing, action.clone(), day)
                })??;
                Outcome::default()
            }
            Command::RateClassmate { purchase, stars } => {
                self.with_shop(company, |shop, _, _| shop.rate_purchase(*purchase, *stars))??;
                Outcome::default()
            }
            Command::ClassmateTrades(trades) => {
                self.with_shop(company, |shop, world, rng| shop.take_trades(world, trades, day, rng))?
            }
            _ => return Ok(Vec::new()),
        };
        let mut events = Vec::new();
        apply_outcome(company, outcome, &mut events);
        Ok(events)
    }

    /// The day that has just ended, in the shop.
    pub(super) fn run_day(&mut self, company: &mut Company, events: &mut Vec<Event>) {
        let ended = company.day.saturating_sub(1).max(1);
        if let Ok(outcome) = self.with_shop(company, |shop, world, rng| shop.run_day(world, ended, rng)) {
            apply_outcome(company, outcome, events);
        }
    }

    /// A scripted question: into the shop when there is one, else a plain message.
    pub(super) fn ask_question(
        &mut self,
        company: &mut Company,
        from: &str,
        sku: &str,
        topics: &[QuestionTopic],
        subject: &Text,
        body: &Text,
        events: &mut Vec<Event>,
    ) {
        let scenario = Arc::clone(&company.scenario);
        let counterpart = scenario.counterpart(from);
        let market = counterpart.and_then(|c| c.market.clone()).unwrap_or_default();
        let name = counterpart.map_or(from.to_string(), |c| c.name.clone());
        let day = company.day;
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
            Some((_, outcome)) => apply_outcome(company, outcome, events),
            None => company.deliver(Some(from.to_string()), subject.clone(), body.clone(), None, events),
        }
    }
}

/// The shop's outcome applied to the company: postings settled in the home currency at
/// today's rate, events, reputation and messages, in that order.
fn apply_outcome(company: &mut Company, outcome: Outcome, events: &mut Vec<Event>) {
    let home = company.scenario.home_currency();
    let home_exp = company.scenario.exponent(home);
    for (to, money, memo) in outcome.postings {
        let account = match to {
            PostTo::Sales => Account::Marketplace,
            PostTo::Postage => Account::Logistics,
            PostTo::ImportCharges => Account::CustomsFees,
            PostTo::Refunds => Account::Refunds,
            PostTo::Purchase => Account::Purchases,
        };
        let Some(minor) = money_in(&company.scenario, &company.rates, money, home) else {
            continue;
        };
        if minor == 0 {
            continue;
        }
        company.book(account, Money::new(minor, home, home_exp), memo);
    }
    for event in outcome.events {
        events.push(Event::Shop(event));
    }
    for (delta, reason) in outcome.reputation {
        company.change_reputation(delta, &reason, events);
    }
    for (from, subject, body, question) in outcome.messages {
        company.deliver(from, subject, body, question, events);
    }
}

/// The shop desk's records and calculators, read at today's rates and rules.
#[derive(Clone, Copy)]
pub struct ShopView<'a> {
    pub(super) desk: &'a ShopDesk,
    pub(super) world: &'a Company,
}

impl<'a> ShopView<'a> {
    /// The C2C shop, if the scenario has an auction site.
    pub fn shop(&self) -> Option<&'a Shop> {
        self.desk.shop()
    }
    /// The statements the answer composer offers for each topic of a question.
    pub fn answer_options(&self, question: QuestionId) -> Vec<(QuestionTopic, Vec<Statement>)> {
        self.desk.answer_options(self.world, question)
    }
    /// For each topic of a question, the index of its true statement.
    pub fn true_choices(&self, question: QuestionId) -> Vec<Option<usize>> {
        self.desk.true_choices(self.world, question)
    }
    /// What the destination charges on a listing's parcel at its shown price, today.
    pub fn listing_import_charges(&self, listing: ItemListingId) -> Option<ImportCharges> {
        self.desk.listing_import_charges(self.world, listing)
    }
    /// The buying exercise's landed cost at today's rates, graded against `estimate`.
    pub fn purchase_preview(&self, market: &str, estimate: i64) -> Option<PurchaseGrade> {
        ShopDesk::purchase_preview(self.world, market, estimate)
    }
    /// The lowest price that covers cost, postage and fees (see [`ShopDesk::break_even`]).
    pub fn break_even(&self, market: &str, sku: &str, postage: &str, duty_paid: bool) -> Option<i64> {
        ShopDesk::break_even(self.world, market, sku, postage, duty_paid)
    }
    /// The correct CN23 for an order.
    pub fn model_cn23(&self, order: crate::sim::c2c::OrderId) -> Option<crate::sim::c2c::Cn23Form> {
        self.desk.model_cn23(self.world, order)
    }
    /// The buying exercise's item landed at home if bought for `price`, at today's rates.
    pub fn landed_abroad(&self, market: &str, price: i64) -> Option<Landed> {
        ShopDesk::landed_abroad(self.world, market, price)
    }
}
