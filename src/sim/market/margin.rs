//! What one order in a store leaves: price, taxes, fee, goods, shipping and the margin.

use crate::sim::money::BasisPoints;

/// One order's economics in a store, in the market currency's minor units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrderMargin {
    pub price: i64,
    /// VAT and duty: the VAT contained in the VAT-inclusive price, and the parcel's duty.
    pub taxes: i64,
    pub vat: i64,
    pub duty: i64,
    pub fee: i64,
    /// The goods (and any head-haul freight to the warehouse).
    pub cost: i64,
    /// The parcel's postage, courier or fulfilment fee.
    pub shipping: i64,
    /// Price − taxes − fee − cost − shipping.
    pub margin: i64,
}

impl OrderMargin {
    /// The margin as a share of the price.
    pub fn share(&self) -> Option<BasisPoints> {
        (self.price != 0).then(|| BasisPoints(self.margin * 10_000 / self.price))
    }
}
