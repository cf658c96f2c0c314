//! The student's cost sheet for a listing: what one single-item order at a VAT-inclusive
//! price leaves after goods, shipping, the platform's fee, the VAT inside the price and the
//! duty, and the break-even and target ACoS for advertising it. Each line is checked against
//! the landed-cost engine's own figures for the same price and shipping option.

use super::margin::OrderMargin;
use crate::sim::money::BasisPoints;
pub use crate::sim::terms::CostSheetLine;

/// Money lines may be off by this many minor units (rounding of currency conversion).
pub const MONEY_TOLERANCE: i64 = 2;
/// The break-even ACoS may be off by this much.
pub const ACOS_TOLERANCE: BasisPoints = BasisPoints(50);

/// What the student wrote, amounts in the market currency's minor units.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CostSheet {
    /// The VAT-inclusive shelf price the sheet works from.
    pub price: i64,
    /// The storefront's shipping option.
    pub shipping: String,
    /// The goods per unit (with any head-haul freight), converted at today's rate.
    pub goods: i64,
    pub shipping_cost: i64,
    pub fee: i64,
    /// The VAT contained in the price: price × rate ÷ (1 + rate).
    pub vat: i64,
    pub duty: i64,
    pub margin: i64,
    /// The ACoS at which ads eat the whole margin (the margin's share of the price).
    pub break_even_acos: Option<BasisPoints>,
    /// The ACoS the campaign aims for: below break-even.
    pub target_acos: Option<BasisPoints>,
}

impl CostSheet {
    /// The sheet that matches the engine's figures `m` for `price` by `shipping`, with a
    /// target ACoS of `target_share` of the break-even one (the model answer).
    pub fn from_margin(m: &OrderMargin, price: i64, shipping: &str, target_share: BasisPoints) -> Self {
        let share = m.share().unwrap_or(BasisPoints(0));
        Self {
            price,
            shipping: shipping.to_string(),
            goods: m.cost,
            shipping_cost: m.shipping,
            fee: m.fee,
            vat: m.vat,
            duty: m.duty,
            margin: m.margin,
            break_even_acos: Some(share),
            target_acos: Some(BasisPoints(target_share.of(share.0))),
        }
    }
}

/// A checked sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CostSheetCheck {
    pub market: String,
    pub sku: String,
    pub day: u32,
    pub sheet: CostSheet,
    /// The engine's figures for the same price and shipping.
    pub expected: OrderMargin,
    /// Each line and whether it is right.
    pub lines: Vec<(CostLineVerdict, bool)>,
}

/// A line of the sheet as checked: which line, what was written, what was expected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CostLineVerdict {
    pub line: CostSheetLine,
    /// Money in minor units, or ACoS in basis points; `None` when left empty.
    pub written: Option<i64>,
    pub expected: i64,
}

impl CostSheetCheck {
    pub fn right(&self, line: CostSheetLine) -> bool {
        self.lines.iter().any(|(v, ok)| v.line == line && *ok)
    }
    pub fn wrong(&self) -> usize {
        self.lines.iter().filter(|(_, ok)| !ok).count()
    }
}

/// Checks `sheet` against the engine's `expected` figures, line by line.
pub fn check_sheet(sheet: &CostSheet, expected: &OrderMargin) -> Vec<(CostLineVerdict, bool)> {
    let share = expected.share().unwrap_or(BasisPoints(0));
    let money = |line, written: i64, truth: i64, tolerance: i64| {
        (
            CostLineVerdict {
                line,
                written: Some(written),
                expected: truth,
            },
            written.abs_diff(truth) <= tolerance.unsigned_abs(),
        )
    };
    let break_even = sheet.break_even_acos;
    let target_ok = match (sheet.target_acos, break_even) {
        (Some(t), Some(b)) => t.0 > 0 && t.0 < b.0 && t.0 < share.0,
        _ => false,
    };
    vec![
        money(CostSheetLine::Goods, sheet.goods, expected.cost, MONEY_TOLERANCE),
        money(
            CostSheetLine::Shipping,
            sheet.shipping_cost,
            expected.shipping,
            MONEY_TOLERANCE,
        ),
        money(CostSheetLine::Fee, sheet.fee, expected.fee, MONEY_TOLERANCE),
        money(CostSheetLine::Vat, sheet.vat, expected.vat, MONEY_TOLERANCE),
        money(CostSheetLine::Duty, sheet.duty, expected.duty, MONEY_TOLERANCE),
        money(
            CostSheetLine::Margin,
            sheet.margin,
            expected.margin,
            2 * MONEY_TOLERANCE,
        ),
        (
            CostLineVerdict {
                line: CostSheetLine::BreakEvenAcos,
                written: break_even.map(|b| b.0),
                expected: share.0,
            },
            break_even.is_some_and(|b| b.0.abs_diff(share.0) <= ACOS_TOLERANCE.0.unsigned_abs()),
        ),
        (
            CostLineVerdict {
                line: CostSheetLine::TargetAcos,
                written: sheet.target_acos.map(|t| t.0),
                expected: share.0,
            },
            target_ok,
        ),
    ]
}
