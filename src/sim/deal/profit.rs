//! The deal's profit sheet, in the home currency: export proceeds (and the FX gain or loss
//! since signing), the cost of the goods, the export VAT rebate, inland costs, freight and
//! insurance the seller pays under its Incoterm, and bank charges.

use std::collections::BTreeMap;

use crate::sim::money::{BasisPoints, CurrencyCode, Micros, Money, convert};

use super::contract::SalesContract;
pub use crate::sim::scenario::negotiation::DealCosts;

use super::documents::{insured_minimum, seller_insures};

/// What a profit-sheet line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ProfitLine {
    /// Proceeds at the rate they were (or would be, today) settled at.
    Proceeds,
    /// Of which: gain (+) or loss (−) against the rate on the contract day.
    FxResult,
    GoodsCost,
    VatRebate,
    Inland,
    Freight,
    Insurance,
    BankCharges,
}

/// The sheet: lines in the home currency (signed: + income, − cost) and the result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfitSheet {
    pub lines: Vec<(ProfitLine, Money)>,
    pub profit: Money,
    /// Profit as a share of the proceeds.
    pub margin: BasisPoints,
    /// Whether the proceeds have actually been received (otherwise valued at today's rate).
    pub paid: bool,
}

/// Home-currency facts the sheet needs.
#[derive(Debug, Clone, Copy)]
pub struct SheetRates<'a> {
    pub home: CurrencyCode,
    pub home_exponent: u32,
    /// Units of home currency per unit of each currency, today.
    pub today: &'a BTreeMap<CurrencyCode, Micros>,
    /// What has been received so far: in the contract currency, and as settled in the home
    /// currency. The rest is valued at today's rate.
    pub received: Option<(i64, Money)>,
}

/// Builds the profit sheet of `contract`; `unit_cost` is the goods' cost per piece.
pub fn profit_sheet(contract: &SalesContract, costs: &DealCosts, unit_cost: Money, rates: SheetRates) -> ProfitSheet {
    let exp = rates.home_exponent;
    let home = |m: Money| -> i64 {
        if m.currency == rates.home {
            m.minor
        } else {
            rates
                .today
                .get(&m.currency)
                .map_or(0, |r| convert(m.minor, m.exponent, *r, exp))
        }
    };
    let money = |minor: i64| Money::new(minor, rates.home, exp);
    let amount = contract.amount();
    let (received_foreign, received_home) = rates.received.map_or((0, 0), |(f, h)| (f, h.minor));
    let outstanding = Money::new(amount.minor - received_foreign, amount.currency, amount.exponent);
    let proceeds = received_home + home(outstanding);
    let at_signing = contract
        .rate_on_signing
        .map_or(proceeds, |r| convert(amount.minor, amount.exponent, r, exp));
    let goods = home(Money::new(
        unit_cost.minor.saturating_mul(i64::from(contract.quantity)),
        unit_cost.currency,
        unit_cost.exponent,
    ));
    // The rebate is on the purchase cost net of the VAT it includes.
    let net_of_vat =
        i64::try_from(i128::from(goods) * 10_000 / i128::from(10_000 + costs.vat_rate.0.max(0))).unwrap_or(0);
    let rebate = costs.vat_rebate.of(net_of_vat);
    let freight = if contract
        .incoterm
        .is_some_and(crate::sim::terms::Incoterm::price_includes_freight)
    {
        home(costs.freight)
    } else {
        0
    };
    let insurance = if seller_insures(contract.incoterm) {
        home(Money::new(
            costs.insurance_rate.of(insured_minimum(contract)),
            amount.currency,
            amount.exponent,
        ))
    } else {
        0
    };
    let bank = costs.bank_charges.of(proceeds);
    let lines = vec![
        (ProfitLine::Proceeds, money(proceeds)),
        (ProfitLine::FxResult, money(proceeds - at_signing)),
        (ProfitLine::GoodsCost, money(-goods)),
        (ProfitLine::VatRebate, money(rebate)),
        (ProfitLine::Inland, money(-home(costs.inland))),
        (ProfitLine::Freight, money(-freight)),
        (ProfitLine::Insurance, money(-insurance)),
        (ProfitLine::BankCharges, money(-bank)),
    ];
    // The FX line is part of the proceeds, not added again.
    let profit: i64 = lines
        .iter()
        .filter(|(k, _)| *k != ProfitLine::FxResult)
        .map(|(_, m)| m.minor)
        .sum();
    let margin = if proceeds == 0 {
        BasisPoints(0)
    } else {
        BasisPoints(i64::try_from(i128::from(profit) * 10_000 / i128::from(proceeds)).unwrap_or(0))
    };
    ProfitSheet {
        lines,
        profit: money(profit),
        margin,
        paid: received_foreign >= amount.minor,
    }
}
