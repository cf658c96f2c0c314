//! An individual's parcel through the destination's customs, from the market's rule pack via
//! the landed-cost engine: VAT charged at checkout (UK up to £135), or duty and VAT collected
//! at the door with the carrier's collection fee, or paid in advance by the seller.

use crate::sim::customs::landed_cost::landed_cost;
use crate::sim::customs::{Consignment, GoodsLine};
use crate::sim::date::Date;
use crate::sim::money::{Micros, Money};
use crate::sim::scenario::{Market, Product, Scenario};
use crate::sim::terms::{Channel, Incoterm, Text};

/// What the destination charges on one parcel, market currency minor units.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportCharges {
    /// VAT the site collects from the buyer at checkout (UK ≤ £135).
    pub vat_at_checkout: i64,
    pub duty: i64,
    /// VAT (and other taxes) collected at the border.
    pub border_vat: i64,
    /// The carrier's fee for collecting duty and VAT (only when there is some to collect).
    pub collection_fee: i64,
    pub exponent: u32,
    pub currency: crate::sim::money::CurrencyCode,
}

impl ImportCharges {
    /// Duty + border VAT + collection fee: what someone pays when the parcel arrives.
    pub fn at_door(&self) -> i64 {
        self.duty + self.border_vat + self.collection_fee
    }

    fn money(&self, minor: i64) -> String {
        Money::new(minor, self.currency, self.exponent).format()
    }

    /// What a buyer is told: who pays what, and when.
    pub fn explain(&self, duty_paid_by_seller: bool) -> Text {
        if self.vat_at_checkout > 0 && self.at_door() == 0 {
            return Text {
                en: format!(
                    "The site adds import VAT of {} at checkout; there is nothing to pay on delivery.",
                    self.money(self.vat_at_checkout)
                ),
                zh: format!(
                    "平台在结账时代收进口增值税{}；收货时无需再付费。",
                    self.money(self.vat_at_checkout)
                ),
            };
        }
        if self.at_door() == 0 {
            return Text {
                en: "No duty or import VAT is due on this parcel; nothing to pay on delivery.".to_string(),
                zh: "这个包裹不需缴纳关税或进口增值税；收货时无需付费。".to_string(),
            };
        }
        if duty_paid_by_seller {
            return Text {
                en: format!(
                    "I pay the import charges ({} duty and VAT) in advance; nothing to pay on delivery.",
                    self.money(self.duty + self.border_vat)
                ),
                zh: format!(
                    "进口税费（关税和增值税{}）由我预付；收货时无需付费。",
                    self.money(self.duty + self.border_vat)
                ),
            };
        }
        Text {
            en: format!(
                "On delivery you pay about {}: duty {}, import VAT {} and the carrier's fee {}.",
                self.money(self.at_door()),
                self.money(self.duty),
                self.money(self.border_vat),
                self.money(self.collection_fee)
            ),
            zh: format!(
                "收货时你需支付约{}：关税{}，进口增值税{}，承运人手续费{}。",
                self.money(self.at_door()),
                self.money(self.duty),
                self.money(self.border_vat),
                self.money(self.collection_fee)
            ),
        }
    }
}

/// A parcel of one unit of `product` sold into `market` for `price` (market currency), posted
/// on `date`: delivered at place (DAP), by post, valued in the market's currency.
pub fn parcel_consignment<'a>(
    pack: &'a crate::sim::rules::RulePack,
    scenario: &Scenario,
    market: &Market,
    product: &Product,
    price: i64,
    date: Date,
) -> Consignment<'a> {
    Consignment {
        pack,
        date,
        channel: Channel::Postal,
        destination: market.country.clone(),
        incoterm: Incoterm::DAP,
        invoice_currency: market.currency,
        invoice_exponent: scenario.exponent(market.currency),
        exchange_rate: Micros::ONE,
        freight: 0,
        insurance: 0,
        fees: Vec::new(),
        buyer_year_to_date: 0,
        proof_of_origin: false,
        lines: vec![GoodsLine {
            hs_code: product.hs_code,
            description: product.name.en.clone(),
            quantity: 1,
            unit_value: price,
            net_weight_g: u64::from(product.net_weight_g),
            gross_weight_g: u64::from(product.gross_weight_g),
            content: None,
            origin: product.origin.clone(),
        }],
    }
}

/// The import charges on one used item sold for `price` (market currency, postage included)
/// and posted on `date`.
pub fn import_charges(
    scenario: &Scenario,
    market: &Market,
    product: &Product,
    price: i64,
    collection_fee: i64,
    date: Date,
) -> ImportCharges {
    let exponent = scenario.exponent(market.currency);
    let mut charges = ImportCharges {
        vat_at_checkout: 0,
        duty: 0,
        border_vat: 0,
        collection_fee: 0,
        exponent,
        currency: market.currency,
    };
    let Some(pack) = scenario.rule_pack(&market.rule_pack) else {
        return charges;
    };
    let consignment = parcel_consignment(pack, scenario, market, product, price, date);
    let cost = landed_cost(&consignment);
    charges.vat_at_checkout = cost.vat_at_sale;
    charges.duty = cost.duty;
    charges.border_vat = cost.vat + cost.consumption_tax;
    if charges.duty + charges.border_vat > 0 {
        charges.collection_fee = collection_fee;
    }
    charges
}
