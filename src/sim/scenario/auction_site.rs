//! A market's auction / second-hand site as the scenario defines it (the C2C desk,
//! `sim::c2c`, runs the shop on it): bid increments, fees, how many buyers come
//! and what they will pay, the bargainers' kinds, postage and the buying exercise.

use crate::sim::money::{BasisPoints, Micros, Money};
use crate::sim::terms::{ShippingKind, Text};

use super::negotiation::Strategy;

/// A kind of make-an-offer buyer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bargainer {
    /// Share of the listing price aimed at.
    pub target: Micros,
    pub share: BasisPoints,
    pub strategy: Strategy,
}

/// A postal or express service, priced by weight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Postage {
    pub id: String,
    pub kind: ShippingKind,
    pub name: Text,
    pub first_500g: Money,
    pub per_extra_500g: Money,
    pub transit_days: u32,
    pub tracked: bool,
    pub lost_chance: BasisPoints,
    pub duty_paid_option: bool,
}

impl Postage {
    /// The price of a parcel of `grams`: the first 500 g, then each further 500 g or part.
    pub fn price(&self, grams: u32) -> Money {
        let extra = grams.saturating_sub(500).div_ceil(500);
        Money::new(
            self.first_500g.minor + self.per_extra_500g.minor * i64::from(extra),
            self.first_500g.currency,
            self.first_500g.exponent,
        )
    }
}

/// The buying exercise: an item on this site, to be delivered to the student's home.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Purchase {
    pub item: Text,
    pub hs_code: String,
    /// Market currency minor units.
    pub price: i64,
    pub postage: i64,
    pub import_tax: BasisPoints,
    pub tax_waived_up_to: Money,
    /// The most the student means to spend, landed.
    pub budget: Money,
    pub source: String,
}

/// The auction / second-hand site of one market.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuctionSite {
    pub platform: String,
    pub increments: IncrementTable,
    pub final_value_fee: BasisPoints,
    /// What in the fees is illustrative, to show beside them.
    pub illustrative_fees: Option<crate::sim::terms::Text>,
    pub soft_close_minutes: u32,
    pub buyers_per_day: u32,
    /// Private values as fractions of the reference price: (low, mode, high).
    pub values: (Micros, Micros, Micros),
    pub bargainers: Vec<Bargainer>,
    /// Chance that an interested buyer asks a question before deciding.
    pub question_chance: BasisPoints,
    pub postage: Vec<Postage>,
    pub collection_fee: Money,
    pub purchase: Option<Purchase>,
}

impl AuctionSite {
    pub fn postage(&self, id: &str) -> Option<&Postage> {
        self.postage.iter().find(|p| p.id == id)
    }
}

/// Minimum bid increments by price level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncrementTable {
    /// (from price, increment), ascending `from`, the first from 0.
    steps: Vec<(i64, i64)>,
}

impl IncrementTable {
    /// `None` unless the steps start at 0, rise strictly and every increment is positive.
    pub fn new(steps: Vec<(i64, i64)>) -> Option<Self> {
        let starts_at_zero = steps.first().is_some_and(|(from, _)| *from == 0);
        let rising = steps.windows(2).all(|w| w[0].0 < w[1].0);
        let positive = steps.iter().all(|(_, step)| *step > 0);
        (starts_at_zero && rising && positive).then_some(Self { steps })
    }

    /// The increment that applies when the current price is `price`.
    pub fn at(&self, price: i64) -> i64 {
        self.steps
            .iter()
            .rev()
            .find(|(from, _)| *from <= price)
            .map_or(1, |(_, step)| *step)
    }
}
