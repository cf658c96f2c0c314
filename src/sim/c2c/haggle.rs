//! "Make an offer" haggling over one issue, the price, with the negotiation engine's AI
//! (`negotiation::Agent`): the buyer opens at its target share of the listing price and
//! concedes by its strategy towards its private limit, which it never exceeds.
//!
//! The price options are 64 steps from 40% to 120% of the listing price; the buyer's utility
//! is 1 at or below its target and falls linearly to 0 at the top option, and its reservation
//! utility is that of its limit. The seller's counter is judged as the first option at or above
//! it, so an accepted counter is never above the limit.

use crate::sim::said::Said;
use std::sync::Arc;

use rand::rngs::ChaCha8Rng;

use crate::sim::money::CurrencyCode;
use crate::sim::negotiation::domain::{Domain, FULL, IssueOptions, MAX_OPTIONS, Preferences};
use crate::sim::negotiation::{Agent, BidTable, Response, Strategy};

/// A buyer's side of the haggle: who they are and what they will pay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BuyerBrief {
    /// What they would like to pay (minor units).
    pub target: i64,
    /// The most they will pay: their private value.
    pub limit: i64,
    pub strategy: Strategy,
    /// Offers they make before their last word.
    pub patience: u32,
}

/// One move in the haggle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HaggleMove {
    BuyerOffers(i64),
    SellerCounters(i64),
    SellerAccepts(i64),
    BuyerAccepts(i64),
    SellerDeclines,
    /// The buyer would not go higher and left.
    BuyerLeaves,
    /// The seller did not answer in time.
    Expired,
    /// The item sold to someone else first.
    SoldElsewhere,
}

/// How a haggle stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HaggleState {
    /// The buyer's offer waits for the seller.
    AwaitingSeller {
        offer: i64,
    },
    /// The seller's counter-offer waits for a classmate's answer.
    AwaitingBuyer {
        counter: i64,
    },
    Agreed {
        price: i64,
    },
    Ended,
}

/// Why a seller's move was refused; nothing changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum HaggleError {
    #[error("this offer is no longer open")]
    NotOpen,
    #[error("a counter-offer must be above the buyer's offer and at most the listing price")]
    BadCounter,
}

impl HaggleError {
    /// Why, in the reader's language.
    pub fn said(&self) -> Said {
        match self {
            HaggleError::NotOpen => Said::new("refused-offer-not-open"),
            HaggleError::BadCounter => Said::new("refused-bad-counter"),
        }
    }
}

/// A make-an-offer negotiation between the student (seller) and one buyer: an AI buyer, or a
/// classmate (a class of a C2C scenario) who answers a counter-offer themselves.
#[derive(Debug, Clone)]
pub struct Haggle {
    list_price: i64,
    prices: Vec<i64>,
    domain: Domain,
    buyer: BuyerBrief,
    agent: Agent,
    /// The buyer is a classmate: a counter waits for their answer instead of the agent's.
    classmate: bool,
    round: u32,
    moves: Vec<HaggleMove>,
    state: HaggleState,
}

impl Haggle {
    /// The buyer makes its opening offer at once (its target, at most the limit). `None` only
    /// if the price options cannot form a domain (they always can for a positive price).
    pub fn open(
        list_price: i64,
        currency: CurrencyCode,
        exponent: u32,
        buyer: BuyerBrief,
        rng: &mut ChaCha8Rng,
    ) -> Option<Self> {
        let list_price = list_price.max(1);
        // A grid from 40% to 120% of the price, with the buyer's own target and limit on it.
        let steps = (MAX_OPTIONS - 3) as i64;
        let low = list_price * 40 / 100;
        let high = list_price * 120 / 100;
        let mut prices: Vec<i64> = (0..=steps).map(|i| low + (high - low) * i / steps).collect();
        prices.push(buyer.target.min(buyer.limit).clamp(low, high));
        prices.push(buyer.limit.clamp(low, high));
        prices.sort_unstable();
        prices.dedup();
        let target = buyer.target.min(buyer.limit).max(0);
        let top = *prices.last().unwrap_or(&high);
        // Utility 1 at or below the target, falling linearly to 0 at the top option.
        let value = |p: i64| -> u32 {
            if p <= target {
                FULL
            } else if p >= top {
                0
            } else {
                u32::try_from(i64::from(FULL) * (top - p) / (top - target).max(1)).unwrap_or(0)
            }
        };
        let values: Vec<u32> = prices.iter().map(|p| value(*p)).collect();
        // The reservation is the utility of the dearest option within the limit.
        let reservation = prices
            .iter()
            .filter(|p| **p <= buyer.limit)
            .map(|p| value(*p))
            .min()
            .unwrap_or(FULL);
        let domain = Domain::new(vec![IssueOptions::UnitPrice {
            currency,
            exponent,
            prices: prices.clone(),
        }])?;
        let prefs = Preferences::new(&domain, &[10_000], &[values], reservation)?;
        let table = BidTable::new(&domain, &prefs);
        let mut agent = Agent::new(Arc::new(table), buyer.strategy, buyer.patience.max(1));
        let mut haggle = Self {
            list_price,
            prices,
            domain,
            buyer,
            agent: agent.clone(),
            classmate: false,
            round: 0,
            moves: Vec::new(),
            state: HaggleState::Ended,
        };
        let opening = match agent.respond(None, 0, rng) {
            Response::Offer(bid) => haggle.price_of(bid.option(0)).min(buyer.limit),
            _ => target,
        };
        haggle.agent = agent;
        haggle.round = 1;
        haggle.moves.push(HaggleMove::BuyerOffers(opening));
        haggle.state = HaggleState::AwaitingSeller { offer: opening };
        Some(haggle)
    }

    fn price_of(&self, option: usize) -> i64 {
        self.prices.get(option).copied().unwrap_or(self.list_price)
    }

    pub fn list_price(&self) -> i64 {
        self.list_price
    }
    pub fn state(&self) -> HaggleState {
        self.state
    }
    pub fn moves(&self) -> &[HaggleMove] {
        &self.moves
    }
    /// The buyer's private brief (for the debrief and tests; the seller's screen hides it).
    pub fn buyer(&self) -> &BuyerBrief {
        &self.buyer
    }
    /// A classmate's offer of `offer` on a listing at `list_price` (1 to the price): the same
    /// haggle, but a counter-offer waits for the classmate's answer
    /// ([`Haggle::classmate_answers`]). `None` for an offer out of range.
    pub fn with_classmate(
        list_price: i64,
        offer: i64,
        currency: CurrencyCode,
        exponent: u32,
        rng: &mut ChaCha8Rng,
    ) -> Option<Self> {
        if offer <= 0 || offer >= list_price {
            return None;
        }
        let brief = BuyerBrief {
            target: offer,
            limit: offer,
            strategy: Strategy::TimeDependent { e_milli: 1_000 },
            patience: 1,
        };
        let mut haggle = Self::open(list_price, currency, exponent, brief, rng)?;
        haggle.classmate = true;
        haggle.moves = vec![HaggleMove::BuyerOffers(offer)];
        haggle.state = HaggleState::AwaitingSeller { offer };
        Some(haggle)
    }

    /// Whether the buyer is a classmate.
    pub fn is_classmate(&self) -> bool {
        self.classmate
    }

    /// The seller's counter-offer waiting for a classmate's answer.
    pub fn counter_waiting(&self) -> Option<i64> {
        match self.state {
            HaggleState::AwaitingBuyer { counter } => Some(counter),
            _ => None,
        }
    }

    /// A classmate answers the seller's counter-offer: `amount` equal to it accepts, an amount
    /// between their last offer and the counter offers that instead.
    ///
    /// # Errors
    /// [`HaggleError::NotOpen`] when no counter waits for a classmate, [`HaggleError::BadCounter`]
    /// for an amount outside that range; nothing changes then.
    pub fn classmate_answers(&mut self, amount: i64) -> Result<HaggleMove, HaggleError> {
        let counter = self.counter_waiting().ok_or(HaggleError::NotOpen)?;
        let last = self
            .moves
            .iter()
            .rev()
            .find_map(|m| match m {
                HaggleMove::BuyerOffers(p) => Some(*p),
                _ => None,
            })
            .unwrap_or(0);
        let answer = if amount == counter {
            self.state = HaggleState::Agreed { price: counter };
            HaggleMove::BuyerAccepts(counter)
        } else if amount > last && amount < counter {
            self.state = HaggleState::AwaitingSeller { offer: amount };
            HaggleMove::BuyerOffers(amount)
        } else {
            return Err(HaggleError::BadCounter);
        };
        self.moves.push(answer);
        Ok(answer)
    }

    /// The buyer's offer waiting for an answer.
    pub fn offer(&self) -> Option<i64> {
        match self.state {
            HaggleState::AwaitingSeller { offer } => Some(offer),
            _ => None,
        }
    }

    /// The seller accepts the buyer's offer.
    ///
    /// # Errors
    /// [`HaggleError::NotOpen`] when no offer waits.
    pub fn accept(&mut self) -> Result<i64, HaggleError> {
        let offer = self.offer().ok_or(HaggleError::NotOpen)?;
        self.moves.push(HaggleMove::SellerAccepts(offer));
        self.state = HaggleState::Agreed { price: offer };
        Ok(offer)
    }

    /// The seller declines; the buyer goes.
    ///
    /// # Errors
    /// [`HaggleError::NotOpen`] when no offer waits.
    pub fn decline(&mut self) -> Result<(), HaggleError> {
        self.offer().ok_or(HaggleError::NotOpen)?;
        self.moves.push(HaggleMove::SellerDeclines);
        self.state = HaggleState::Ended;
        Ok(())
    }

    /// The seller (or a classmate, for a counter) did not answer in time; the offer lapses.
    pub fn expire(&mut self) {
        if self.offer().is_some() || self.counter_waiting().is_some() {
            self.moves.push(HaggleMove::Expired);
            self.state = HaggleState::Ended;
        }
    }

    /// The item sold to another buyer; this offer ends.
    pub fn withdraw(&mut self) {
        if self.offer().is_some() || self.counter_waiting().is_some() {
            self.moves.push(HaggleMove::SoldElsewhere);
            self.state = HaggleState::Ended;
        }
    }

    /// The seller counters with `price`; the buyer answers at once: accepts, offers more, or
    /// leaves. Returns the buyer's move.
    ///
    /// # Errors
    /// [`HaggleError`] when no offer waits or the counter is not between the offer and the
    /// listing price; nothing changes then.
    pub fn counter(&mut self, price: i64, rng: &mut ChaCha8Rng) -> Result<HaggleMove, HaggleError> {
        let offer = self.offer().ok_or(HaggleError::NotOpen)?;
        if price <= offer || price > self.list_price {
            return Err(HaggleError::BadCounter);
        }
        self.moves.push(HaggleMove::SellerCounters(price));
        if self.classmate {
            self.state = HaggleState::AwaitingBuyer { counter: price };
            return Ok(HaggleMove::SellerCounters(price));
        }
        // Judged as the first option at or above the counter, never below it.
        let option = self
            .prices
            .iter()
            .position(|p| *p >= price)
            .unwrap_or(self.prices.len() - 1);
        let response = match self.domain.bid(&[option]) {
            Some(bid) => self.agent.respond(Some(bid), self.round, rng),
            None => Response::WalkAway,
        };
        self.round += 1;
        let answer = match response {
            Response::Accept if price <= self.buyer.limit => {
                self.state = HaggleState::Agreed { price };
                HaggleMove::BuyerAccepts(price)
            }
            Response::Offer(next) => {
                let next = self.price_of(next.option(0)).min(self.buyer.limit).max(offer);
                if next >= price {
                    self.state = HaggleState::Agreed { price };
                    HaggleMove::BuyerAccepts(price)
                } else {
                    self.state = HaggleState::AwaitingSeller { offer: next };
                    HaggleMove::BuyerOffers(next)
                }
            }
            Response::Accept | Response::WalkAway => {
                self.state = HaggleState::Ended;
                HaggleMove::BuyerLeaves
            }
        };
        self.moves.push(answer);
        Ok(answer)
    }
}
