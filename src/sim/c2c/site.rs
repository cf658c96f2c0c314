//! A market's validated auction / second-hand site: bid increments, fees, how many buyers come
//! and what they will pay, the bargainers' kinds, postage and the buying exercise.

use crate::scenario::file::{AuctionSiteDef, MoneyDef};

use crate::sim::check::Checker;
use crate::sim::money::{BasisPoints, CurrencyCode, Micros, Money, parse_amount};
use crate::sim::negotiation::Strategy;
use crate::sim::terms::{ConcessionStrategy, ShippingKind, Text};

use super::auction::IncrementTable;

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

    /// Validates the auction site of market `p`, whose prices are in `currency`.
    pub fn validate(
        c: &mut Checker,
        p: &str,
        def: &AuctionSiteDef,
        currency: Option<(CurrencyCode, u32)>,
    ) -> Option<Self> {
        let (code, exponent) = currency?;
        let in_market = |c: &mut Checker, path: &str, m: &MoneyDef| -> Option<i64> {
            let money = c.money(path, m, false)?;
            if money.currency != code {
                c.error_hint(
                    path,
                    format!("{} is not in the market's currency", money.format()),
                    format!("give it in {code}"),
                );
                return None;
            }
            Some(money.minor)
        };
        let mut steps = Vec::new();
        for (i, step) in def.increments.iter().enumerate() {
            let ip = format!("{p}.increments[{i}]");
            let from = parse_amount(step.from.trim(), exponent);
            let by = parse_amount(step.step.trim(), exponent);
            match (from, by) {
                (Ok(from), Ok(by)) => steps.push((from, by)),
                _ => c.error(
                    &ip,
                    format!("`{}` / `{}` are not amounts", step.from, step.step),
                    Some("write decimals in the market's currency, e.g. (from: \"50.00\", step: \"2.00\")"),
                ),
            }
        }
        let increments = IncrementTable::new(steps.clone());
        if increments.is_none() && steps.len() == def.increments.len() {
            c.error(
                &format!("{p}.increments"),
                "the increment table must start from 0.00, rise step by step, and have increments above zero",
                Some("e.g. [(from: \"0.00\", step: \"1.00\"), (from: \"50.00\", step: \"2.00\")]"),
            );
        }
        let final_value_fee = c.percent(&format!("{p}.final_value_fee"), &def.final_value_fee, 0, 5_000);
        if def.soft_close_minutes > 60 {
            c.error(
                &format!("{p}.soft_close_minutes"),
                format!("{} minutes", def.soft_close_minutes),
                Some("sites that extend do so by a few minutes, e.g. 5; 0 means the site ends auctions at a fixed time (eBay)"),
            );
        }
        if def.buyers_per_day == 0 || def.buyers_per_day > 1_000 {
            c.error(
                &format!("{p}.buyers_per_day"),
                format!("{} buyers a day per listing", def.buyers_per_day),
                Some("use 1 to 1000; a second-hand item draws a handful, e.g. 6"),
            );
        }
        let fraction = |c: &mut Checker, field: &str, text: &str| {
            c.decimal(&format!("{p}.values.{field}"), text, Micros(0), Micros(5_000_000))
        };
        let low = fraction(c, "low", &def.values.low);
        let mode = fraction(c, "mode", &def.values.mode);
        let high = fraction(c, "high", &def.values.high);
        if let (Some(l), Some(m), Some(h)) = (low, mode, high)
            && !(l.0 <= m.0 && m.0 <= h.0 && l.0 < h.0)
        {
            c.error(
                &format!("{p}.values"),
                "values must satisfy low ≤ mode ≤ high, with low below high",
                Some("e.g. (low: \"0.60\", mode: \"0.95\", high: \"1.30\")"),
            );
        }
        let mut bargainers = Vec::new();
        let mut shares = 0;
        for (i, b) in def.bargainers.iter().enumerate() {
            let bp = format!("{p}.bargainers[{i}]");
            let target = c.decimal(&format!("{bp}.target"), &b.target, Micros(100_000), Micros(1_500_000));
            let share = c.percent(&format!("{bp}.share"), &b.share, 0, 10_000);
            let e = c.decimal(
                &format!("{bp}.concession_exponent"),
                &b.concession_exponent,
                Micros(10_000),
                Micros(50_000_000),
            );
            if let (Some(target), Some(share), Some(e)) = (target, share, e) {
                shares += share.0;
                let e_milli = u32::try_from(e.0 / 1_000).unwrap_or(1_000).max(1);
                let strategy = match b.strategy {
                    ConcessionStrategy::Boulware | ConcessionStrategy::Conceder | ConcessionStrategy::Linear => {
                        Strategy::TimeDependent { e_milli }
                    }
                    ConcessionStrategy::TitForTat => Strategy::TitForTat,
                    ConcessionStrategy::HardHeaded => Strategy::HardHeaded,
                    ConcessionStrategy::Random => Strategy::Random,
                };
                bargainers.push(Bargainer {
                    target,
                    share,
                    strategy,
                });
            }
        }
        if bargainers.len() == def.bargainers.len() && shares != 10_000 {
            c.error(
                &format!("{p}.bargainers"),
                format!("the shares add up to {}", BasisPoints(shares)),
                Some("make the bargainers' shares add up to 100%"),
            );
        }
        let question_chance = match &def.question_chance {
            Some(text) => c.percent(&format!("{p}.question_chance"), text, 0, 10_000),
            None => Some(BasisPoints(2_000)),
        };
        c.unique(
            &format!("{p}.postage"),
            "id",
            "postage id",
            def.postage.iter().map(|x| x.id.as_str()),
        );
        if def.postage.is_empty() {
            c.error(
                &format!("{p}.postage"),
                "no postage service",
                Some("list at least one way to post a parcel to this market"),
            );
        }
        let mut postage = Vec::new();
        for (i, d) in def.postage.iter().enumerate() {
            let pp = format!("{p}.postage[{i}]");
            c.id(&format!("{pp}.id"), &d.id);
            c.text(&format!("{pp}.name"), &d.name);
            if d.kind == ShippingKind::OverseasWarehouse {
                c.error(
                    &format!("{pp}.kind"),
                    "an individual's parcel goes by post or express",
                    Some("use Postal or Express"),
                );
            }
            let first = c.money(&format!("{pp}.first_500g"), &d.first_500g, false);
            let extra = c.money(&format!("{pp}.per_extra_500g"), &d.per_extra_500g, false);
            if let (Some(f), Some(e)) = (first, extra)
                && f.currency != e.currency
            {
                c.error(
                    &format!("{pp}.per_extra_500g"),
                    "the two weight prices are in different currencies",
                    Some("give both in the same currency"),
                );
            }
            if !(1..=90).contains(&d.transit_days) {
                c.error(
                    &format!("{pp}.transit_days"),
                    format!("{} days in transit", d.transit_days),
                    Some("use 1 to 90 days"),
                );
            }
            let lost = c.percent(&format!("{pp}.lost_chance"), &d.lost_chance, 0, 2_000);
            if let (Some(first_500g), Some(per_extra_500g), Some(lost_chance)) = (first, extra, lost) {
                postage.push(Postage {
                    id: d.id.clone(),
                    kind: d.kind,
                    name: d.name.clone(),
                    first_500g,
                    per_extra_500g,
                    transit_days: d.transit_days,
                    tracked: d.tracked,
                    lost_chance,
                    duty_paid_option: d.duty_paid_option,
                });
            }
        }
        let collection_fee = in_market(c, &format!("{p}.collection_fee"), &def.collection_fee);
        let purchase = match &def.purchase {
            None => None,
            Some(d) => {
                let pp = format!("{p}.purchase");
                c.text(&format!("{pp}.item"), &d.item);
                let price = in_market(c, &format!("{pp}.price"), &d.price);
                let post = in_market(c, &format!("{pp}.postage"), &d.postage);
                let tax = c.percent(&format!("{pp}.import_tax"), &d.import_tax, 0, 10_000);
                let waived = c.money(&format!("{pp}.tax_waived_up_to"), &d.tax_waived_up_to, false);
                let budget = c.money(&format!("{pp}.budget"), &d.budget, false);
                if d.source.trim().is_empty() {
                    c.error(
                        &format!("{pp}.source"),
                        "the tax rule has no source",
                        Some("name the regulation the rate comes from"),
                    );
                }
                match (price, post, tax, waived, budget) {
                    (Some(price), Some(postage), Some(import_tax), Some(tax_waived_up_to), Some(budget)) => {
                        Some(Purchase {
                            item: d.item.clone(),
                            hs_code: d.hs_code.clone(),
                            price,
                            postage,
                            import_tax,
                            tax_waived_up_to,
                            budget,
                            source: d.source.clone(),
                        })
                    }
                    _ => return None,
                }
            }
        };
        Some(Self {
            platform: def.platform.clone(),
            increments: increments?,
            final_value_fee: final_value_fee?,
            illustrative_fees: def.illustrative_fees.clone(),
            soft_close_minutes: def.soft_close_minutes,
            buyers_per_day: def.buyers_per_day,
            values: (low?, mode?, high?),
            bargainers,
            question_chance: question_chance?,
            postage,
            collection_fee: Money::new(collection_fee?, code, exponent),
            purchase,
        })
    }
}
