//! What the seller owes for one marketplace sale, through the landed-cost engine: the VAT
//! contained in the VAT-inclusive shelf price at the destination's rate, and the duty. A parcel
//! from China is a low-value consignment to a consumer (IOSS VAT at checkout, the EU's EUR 3 per
//! tariff subheading from 1 July 2026); a unit from an overseas warehouse was imported in bulk
//! (normal duty on its import value) and is sold as a domestic sale with local VAT.

use crate::sim::customs::LineKind;
use crate::sim::customs::landed_cost::{Reason, landed_cost};
use crate::sim::date::Date;
use crate::sim::scenario::{Market, Product, Scenario};

/// Taxes the seller owes on one parcel of one unit sold at the VAT-inclusive `price` (market
/// currency), from the market's rule pack through the landed-cost engine: the VAT contained in
/// the price at the destination's rate when VAT is charged at sale (or at the border), plus
/// any duty on the parcel.
pub fn tax_per_parcel(scenario: &Scenario, market: &Market, product: &Product, price: i64, date: Date) -> i64 {
    let (vat, duty) = vat_and_duty(scenario, market, product, price, date, Fulfilment::Parcel);
    vat + duty
}

/// How a sold unit reaches its buyer, which decides its taxes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fulfilment {
    /// A parcel posted from China to the buyer: a low-value consignment to a consumer (in the
    /// EU: IOSS VAT at checkout and, from 1 July 2026, EUR 3 per tariff subheading).
    Parcel,
    /// A unit sold from stock in an overseas warehouse (FBA, exported under 9810). The stock was
    /// imported in bulk as a B2B consignment: normal duty on `import_value` (one unit's customs
    /// value: its cost plus inbound freight, market currency) and import VAT, which the seller's
    /// local VAT registration reclaims. The sale is a domestic supply with local VAT, collected
    /// by the marketplace as deemed supplier (VAT Directive art. 14a(2)); no IOSS, no EUR 3.
    Warehouse { import_value: i64 },
}

impl Fulfilment {
    /// The fulfilment of a listing shipped by `option`, whose unit costs `import_value` landed
    /// at the warehouse.
    pub fn of(option: Option<&crate::sim::market::ShippingOption>, import_value: i64) -> Self {
        match option.map(|o| o.kind) {
            Some(crate::sim::terms::ShippingKind::OverseasWarehouse) => Fulfilment::Warehouse { import_value },
            _ => Fulfilment::Parcel,
        }
    }
}

/// The VAT contained in the VAT-inclusive `price` and the duty per unit sold, for a unit
/// fulfilled as `fulfilment` says, from the market's rule pack.
pub fn vat_and_duty(
    scenario: &Scenario,
    market: &Market,
    product: &Product,
    price: i64,
    date: Date,
    fulfilment: Fulfilment,
) -> (i64, i64) {
    let Some(pack) = scenario.rule_pack(&market.rule_pack) else {
        return (0, 0);
    };
    let mut consignment = crate::sim::c2c::parcel::parcel_consignment(pack, scenario, market, product, price, date);
    if let Fulfilment::Warehouse { import_value } = fulfilment {
        // The bulk import of the unit: general trade, valued CIF at the border.
        consignment.channel = crate::sim::terms::Channel::GeneralTrade;
        consignment.incoterm = crate::sim::terms::Incoterm::CIF;
        for line in &mut consignment.lines {
            line.unit_value = import_value;
        }
    }
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
