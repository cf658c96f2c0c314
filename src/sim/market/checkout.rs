//! What the seller owes at checkout for one marketplace parcel, through the landed-cost engine:
//! the VAT contained in the VAT-inclusive shelf price at the destination's rate (IOSS / VAT at
//! the point of sale) and any duty on the parcel (e.g. the EU's €3 per tariff subheading from
//! 1 July 2026).

use crate::sim::customs::LineKind;
use crate::sim::customs::landed_cost::{Reason, landed_cost};
use crate::sim::date::Date;
use crate::sim::scenario::{Market, Product, Scenario};

/// Taxes the seller owes on one parcel of one unit sold at the VAT-inclusive `price` (market
/// currency), from the market's rule pack through the landed-cost engine: the VAT contained in
/// the price at the destination's rate when VAT is charged at sale (or at the border), plus
/// any duty on the parcel.
pub fn tax_per_parcel(scenario: &Scenario, market: &Market, product: &Product, price: i64, date: Date) -> i64 {
    let (vat, duty) = vat_and_duty_per_parcel(scenario, market, product, price, date);
    vat + duty
}

/// [`tax_per_parcel`] in its two parts: the VAT contained in the price, and the duty.
pub fn vat_and_duty_per_parcel(
    scenario: &Scenario,
    market: &Market,
    product: &Product,
    price: i64,
    date: Date,
) -> (i64, i64) {
    let Some(pack) = scenario.rule_pack(&market.rule_pack) else {
        return (0, 0);
    };
    let consignment = crate::sim::c2c::parcel::parcel_consignment(pack, scenario, market, product, price, date);
    let cost = landed_cost(&consignment);
    let rate = cost.lines.iter().find_map(|l| match (&l.kind, &l.reason) {
        (LineKind::Vat | LineKind::VatAtSale, Reason::Vat { rate, .. }) => Some(*rate),
        _ => None,
    });
    // The shelf price already contains the VAT: its share is price × r / (1 + r).
    let vat = rate.map_or(0, |r| {
        i64::try_from(i128::from(price) * i128::from(r.0) / i128::from(10_000 + r.0)).unwrap_or(0)
    });
    (vat, cost.duty)
}
