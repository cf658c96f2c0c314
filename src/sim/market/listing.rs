//! A marketplace listing as the ranking sees it, and the search keywords of a market.

use crate::sim::money::BasisPoints;

/// A listing's id within its market.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ListingId(pub u32);

/// Who sells: the student's store or an AI competitor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Seller {
    Student,
    Competitor(u16),
}

/// A search term shoppers use, with its share of the market's searches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keyword {
    pub text: String,
    /// Relative search volume (any unit; shares are volume / total).
    pub volume: u32,
}

/// One listing in a market. Prices are VAT-inclusive, in the market currency's minor units.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listing {
    pub id: ListingId,
    pub seller: Seller,
    pub price: i64,
    /// Coupon or deal discount currently applied to the price.
    pub discount: BasisPoints,
    /// The price shoppers expect for this kind of product.
    pub reference_price: i64,
    /// Listing quality 0 … 1,000 (title, keywords, attributes, images).
    pub quality: u16,
    /// Average rating in tenths of a star (0 … 50); meaningless while `reviews` is 0.
    pub rating_tenths: u16,
    pub reviews: u32,
    pub stock: u32,
    /// Orders in the last 7 days (sales velocity).
    pub sales_7d: u32,
    /// Keywords the listing is relevant for: bit `k` set = keyword `k` of the market.
    pub keywords: u64,
    /// Sponsored-search bid per click (0 = no ads), minor units.
    pub bid: i64,
    /// Daily ad budget, minor units.
    pub daily_budget: i64,
}

impl Listing {
    /// The price after the discount, rounded half away from zero.
    pub fn effective_price(&self) -> i64 {
        self.price - self.discount.of(self.price)
    }

    pub fn matches(&self, keyword: usize) -> bool {
        keyword < 64 && self.keywords & (1u64 << keyword) != 0
    }
}
