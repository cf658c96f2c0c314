//! The world every desk shares: the scenario, the clock, the company's cash and ledger, its
//! reputation, today's exchange rates, the inbox and the session's one random stream. Desks
//! change it only through these operations, so a booking always has its ledger line and a
//! message always its event.

use crate::sim::said::Said;
use std::collections::BTreeMap;
use std::sync::Arc;

use rand::SeedableRng;
use rand::rngs::ChaCha8Rng;

use super::{Account, Event, LedgerEntry, Message, MessageId, RuleError};
use crate::sim::c2c::QuestionId;
use crate::sim::date::Date;
use crate::sim::money::{BasisPoints, CurrencyCode, Micros, Money};
use crate::sim::scenario::Scenario;
use crate::sim::terms::Text;

/// A bill to pay: the account it is booked to, the amount and the ledger's memo.
pub type Bill = (Account, Money, Said);

/// The shared part of a session. Not `Clone`: the random stream is not meant to be forked.
#[derive(Debug)]
pub struct World {
    pub(super) scenario: Arc<Scenario>,
    pub(super) seed: u64,
    /// The session's only source of chance, drawn in a fixed order.
    pub(super) rng: ChaCha8Rng,
    /// Today, 1-based.
    pub(super) day: u32,
    pub(super) finished: bool,
    /// The player chose to stop before the scenario's last day was over.
    pub(super) ended_early: bool,
    pub(super) cash: BTreeMap<CurrencyCode, i64>,
    pub(super) reputation: u32,
    pub(super) rates: BTreeMap<CurrencyCode, Micros>,
    pub(super) inbox: Vec<Message>,
    pub(super) ledger: Vec<LedgerEntry>,
}

impl World {
    /// Day 1 of `scenario`: its starting cash, reputation and rates, the random stream seeded
    /// with `seed`.
    pub(super) fn start(scenario: Arc<Scenario>, seed: u64) -> Self {
        let mut cash: BTreeMap<CurrencyCode, i64> = scenario.starting_cash().clone();
        cash.entry(scenario.home_currency()).or_insert(0);
        let rates = scenario.exchange_rates().iter().map(|(c, fx)| (*c, fx.rate)).collect();
        Self {
            reputation: scenario.starting_reputation(),
            scenario,
            seed,
            rng: ChaCha8Rng::seed_from_u64(seed),
            day: 1,
            finished: false,
            ended_early: false,
            cash,
            rates,
            inbox: Vec::new(),
            ledger: Vec::new(),
        }
    }

    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }
    /// Today, 1-based.
    pub fn day(&self) -> u32 {
        self.day
    }
    pub fn date(&self) -> Date {
        self.scenario.start_date().plus_days(i64::from(self.day) - 1)
    }
    /// The calendar date of scenario day `day`.
    pub fn date_of(&self, day: u32) -> Date {
        self.scenario.start_date().plus_days(i64::from(day) - 1)
    }
    pub fn cash(&self) -> &BTreeMap<CurrencyCode, i64> {
        &self.cash
    }
    pub fn reputation(&self) -> u32 {
        self.reputation
    }
    pub fn rates(&self) -> &BTreeMap<CurrencyCode, Micros> {
        &self.rates
    }
    /// Today's rate: units of the home currency per unit of `currency`.
    pub fn rate(&self, currency: CurrencyCode) -> Option<Micros> {
        self.rates.get(&currency).copied()
    }
    /// The cash held in each currency, as money.
    pub fn cash_money(&self) -> Vec<Money> {
        self.cash
            .iter()
            .map(|(c, m)| Money::new(*m, *c, self.scenario.exponent(*c)))
            .collect()
    }
    pub fn inbox(&self) -> &[Message] {
        &self.inbox
    }
    pub fn unread_count(&self) -> usize {
        self.inbox.iter().filter(|m| !m.read).count()
    }
    pub fn ledger(&self) -> &[LedgerEntry] {
        &self.ledger
    }

    /// `money` in `currency` (minor units) at today's rates; `None` when a rate is missing.
    pub fn in_currency(&self, money: Money, currency: CurrencyCode) -> Option<i64> {
        money_in(&self.scenario, &self.rates, money, currency)
    }

    /// `money` settled in the home currency at today's rate (as it is when there is no rate).
    pub(super) fn settled_at_home(&self, money: Money) -> Money {
        let home = self.scenario.home_currency();
        match self.rates.get(&money.currency) {
            Some(rate) if money.currency != home => {
                let exponent = self.scenario.exponent(home);
                Money::new(
                    crate::sim::money::convert(money.minor, money.exponent, *rate, exponent),
                    home,
                    exponent,
                )
            }
            _ => money,
        }
    }

    /// Fails if the company's cash in any currency cannot pay these bills.
    pub(super) fn check_cash(&self, bills: &[Bill]) -> Result<(), RuleError> {
        let mut needed: BTreeMap<CurrencyCode, Money> = BTreeMap::new();
        for (_, money, _) in bills {
            needed
                .entry(money.currency)
                .or_insert(Money::new(0, money.currency, money.exponent))
                .minor += money.minor;
        }
        for (currency, need) in needed {
            let available = Money::new(self.cash.get(&currency).copied().unwrap_or(0), currency, need.exponent);
            if need.minor > available.minor {
                return Err(RuleError::NotEnoughCash {
                    needed: need,
                    available,
                });
            }
        }
        Ok(())
    }

    /// Pays bills already checked with [`World::check_cash`], each with a ledger entry.
    pub(super) fn pay_bills(&mut self, bills: Vec<Bill>) {
        for (account, money, memo) in bills {
            if money.minor == 0 {
                continue;
            }
            self.book(account, Money::new(-money.minor, money.currency, money.exponent), memo);
        }
    }

    /// Adds `money` (negative: takes it) to the cash and writes the ledger line.
    pub(super) fn book(&mut self, account: Account, money: Money, memo: Said) {
        book_cash(&mut self.cash, money.currency, money.minor);
        self.ledger.push(LedgerEntry {
            day: self.day,
            account,
            money,
            memo,
        });
    }

    /// Changes the cash without a ledger line (a scenario's cash event; the timeline has it).
    pub(super) fn change_cash(&mut self, money: Money, reason: &Text, events: &mut Vec<Event>) {
        book_cash(&mut self.cash, money.currency, money.minor);
        events.push(Event::CashChanged {
            money,
            reason: reason.clone(),
        });
    }

    /// Moves the reputation by `delta`, within 0 to 100.
    pub(super) fn change_reputation(&mut self, delta: i32, reason: &Text, events: &mut Vec<Event>) {
        let from = self.reputation;
        let to = u32::try_from((i64::from(from) + i64::from(delta)).clamp(0, 100)).unwrap_or(0);
        self.reputation = to;
        events.push(Event::ReputationChanged {
            from,
            to,
            reason: reason.clone(),
        });
    }

    /// A new unread message in the inbox.
    pub(super) fn deliver(
        &mut self,
        from: Option<String>,
        subject: Text,
        body: Text,
        question: Option<QuestionId>,
        events: &mut Vec<Event>,
    ) {
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

    /// Marks a message read.
    pub(super) fn mark_read(&mut self, id: MessageId) -> Result<Vec<Event>, RuleError> {
        let message = self
            .inbox
            .iter_mut()
            .find(|m| m.id == id)
            .ok_or(RuleError::NoSuchMessage(id))?;
        if message.read {
            Ok(Vec::new())
        } else {
            message.read = true;
            Ok(vec![Event::MessageRead { id }])
        }
    }

    /// Moves a rate by `change`, within the limits that keep conversions inside 64 bits.
    pub(super) fn move_rate(&mut self, currency: CurrencyCode, change: BasisPoints, events: &mut Vec<Event>) {
        let Some(rate) = self.rates.get_mut(&currency) else {
            return;
        };
        let from = *rate;
        let to = Micros(
            from.0
                .saturating_add(change.of(from.0))
                .clamp(crate::sim::money::MIN_RATE.0, crate::sim::money::MAX_RATE.0),
        );
        *rate = to;
        if from != to {
            events.push(Event::RateMoved { currency, from, to });
        }
    }

    /// Every drifting rate moves by its trend plus a uniform random step within ±daily_max.
    pub(super) fn drift_rates(&mut self, events: &mut Vec<Event>) {
        use rand::RngExt;
        let scenario = Arc::clone(&self.scenario);
        for (currency, fx) in scenario.exchange_rates() {
            if fx.daily_max.0 == 0 && fx.daily_trend.0 == 0 {
                continue;
            }
            let step = fx.daily_trend.0 + self.rng.random_range(-fx.daily_max.0..=fx.daily_max.0);
            self.move_rate(*currency, BasisPoints(step), events);
        }
    }

    /// All cash valued in the home currency at today's rates.
    pub fn net_cash_in_home(&self) -> Money {
        let home = self.scenario.home_currency();
        let home_exp = self.scenario.exponent(home);
        let total = self
            .cash
            .iter()
            .map(|(c, minor)| {
                if *c == home {
                    *minor
                } else {
                    let rate = self.rates.get(c).copied().unwrap_or(Micros(0));
                    crate::sim::money::convert(*minor, self.scenario.exponent(*c), rate, home_exp)
                }
            })
            .sum();
        Money::new(total, home, home_exp)
    }
}

/// `money` in `currency` (minor units) at `rates`, which are quoted in the scenario's home
/// currency; `None` when a rate is missing.
pub(super) fn money_in(
    scenario: &Scenario,
    rates: &BTreeMap<CurrencyCode, Micros>,
    money: Money,
    currency: CurrencyCode,
) -> Option<i64> {
    if money.currency == currency {
        return Some(money.minor);
    }
    let home = scenario.home_currency();
    let home_exp = scenario.exponent(home);
    let in_home = if money.currency == home {
        money.minor
    } else {
        crate::sim::money::convert(money.minor, money.exponent, *rates.get(&money.currency)?, home_exp)
    };
    if currency == home {
        return Some(in_home);
    }
    crate::sim::money::convert_inverse(in_home, home_exp, *rates.get(&currency)?, scenario.exponent(currency))
}

/// Adds `minor` (negative: takes it) to the cash in `currency`, saturating: every amount is
/// bounded, but a year of them is added up here.
pub(crate) fn book_cash(cash: &mut BTreeMap<CurrencyCode, i64>, currency: CurrencyCode, minor: i64) {
    let held = cash.entry(currency).or_insert(0);
    *held = held.saturating_add(minor);
}
