//! A customs declaration exercise as the scenario sets it: the documents (invoice and packing
//! lines), the facts of the shipment and the clearance risk model. The customs desk
//! (`sim::customs::declaration`) checks a student's form against it.

use crate::sim::money::{BasisPoints, CurrencyCode, Money};
use crate::sim::terms::{Incoterm, TradeDirection, TransportMode};

/// One invoice / packing-list line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentLine {
    pub product: String,
    pub quantity: u32,
    /// Minor units of the case's currency.
    pub unit_price: i64,
    pub cartons: u32,
    pub net_g: u64,
    pub gross_g: u64,
}

impl DocumentLine {
    pub fn total(&self) -> i64 {
        crate::sim::money::times(self.unit_price, self.quantity)
    }
}

/// A validated declaration exercise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeclarationCase {
    pub direction: TradeDirection,
    pub rule_pack: String,
    pub trade_mode: String,
    pub consignor: String,
    pub consignee: String,
    pub contract_no: String,
    pub invoice_no: String,
    pub port_of_loading: String,
    pub port_of_discharge: String,
    pub destination_country: String,
    pub transport_mode: TransportMode,
    pub containerised: bool,
    pub incoterm: Incoterm,
    pub currency: CurrencyCode,
    pub exponent: u32,
    pub lines: Vec<DocumentLine>,
    pub clearance: Clearance,
    /// The negotiation task whose contract this declaration follows, if any.
    pub follows_contract_of: Option<String>,
}

/// The validated risk model and clearance times of a declaration exercise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clearance {
    pub normal_days: u32,
    pub base_inspection: BasisPoints,
    pub inspection_per_error: BasisPoints,
    pub undervaluation_inspection: BasisPoints,
    pub inspection_days: u32,
    pub inspection_fee: Money,
    pub correction_fee: Money,
    pub undervaluation_penalty: BasisPoints,
}
