//! The `*.shipment.ron` format read by `tradeport landed-cost`: one consignment to cost.

use serde::{Deserialize, Serialize};

/// Shipment files share the scenario format's version.
pub use super::file::FORMAT_VERSION;
use super::file::{Channel, ContentUnit, Incoterm};

/// A consignment for the landed-cost calculator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShipmentFile {
    /// Must be 1.
    pub format: u32,
    /// Path of the rule pack, relative to this file (e.g. `"../scenarios/rules/eu.rules.ron"`).
    pub rule_pack: String,
    /// Declaration date `YYYY-MM-DD`: selects the rules in force.
    pub date: String,
    pub channel: Channel,
    /// Destination country (ISO alpha-2) for country VAT rates, e.g. `"DE"`.
    #[serde(default)]
    pub destination: String,
    pub incoterm: Incoterm,
    /// Invoice currency (ISO 4217).
    pub currency: String,
    /// Units of the pack's currency per unit of the invoice currency on the declaration date;
    /// required when the two differ.
    #[serde(default)]
    pub exchange_rate: Option<String>,
    /// Main-carriage freight in the invoice currency (default `"0"`).
    #[serde(default = "zero")]
    pub freight: String,
    /// Cargo insurance in the invoice currency (default `"0"`).
    #[serde(default = "zero")]
    pub insurance: String,
    /// The insurance premium rate, instead of an `insurance` amount (e.g. `"0.3%"`): cover is
    /// 110% of CIF, so CIF = (FOB + freight) / (1 − 1.1 × rate).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub insurance_rate: Option<String>,
    /// Country of origin (ISO alpha-2) of every line that does not name its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
    /// Whether a proof of origin (e.g. an origin statement on the invoice) comes with the goods,
    /// for preferential rates that need one.
    #[serde(default, skip_serializing_if = "is_false")]
    pub proof_of_origin: bool,
    #[serde(default)]
    pub fees: Vec<FeeDef>,
    /// China retail: what this buyer already bought this year, in the pack's currency.
    #[serde(default)]
    pub buyer_year_to_date: Option<String>,
    pub lines: Vec<ShipmentLineDef>,
}

fn is_false(value: &bool) -> bool {
    !*value
}

pub fn zero() -> String {
    "0".to_string()
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeeDef {
    pub name: String,
    /// In the invoice currency.
    pub amount: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShipmentLineDef {
    /// 6, 8 or 10 digits; dots allowed.
    pub hs_code: String,
    pub description: String,
    pub quantity: u32,
    /// Price of one unit in the invoice currency.
    pub unit_value: String,
    /// Net weight of the whole line in kilograms, up to 3 decimals.
    pub net_kg: String,
    /// Gross weight of the whole line in kilograms, up to 3 decimals.
    pub gross_kg: String,
    /// What one unit contains (`(amount: "50", unit: Millilitre)` for a 50 ml jar), for price
    /// tests such as China's high-end cosmetics rule. Absent: one piece.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<ContentDef>,
    /// Country of origin of this line (ISO alpha-2), overriding the file's `origin`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
}

/// The content of one unit: an amount (up to 3 decimals) of a [`ContentUnit`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContentDef {
    pub amount: String,
    pub unit: ContentUnit,
}
