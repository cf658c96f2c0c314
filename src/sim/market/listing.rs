//! A marketplace listing as the ranking sees it, and the search keywords of a market.

use crate::sim::money::BasisPoints;

/// A listing's id within its market.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub struct ListingId(pub u32);

/// Who sells: the student's store or an AI competitor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Seller {
    Student,
    Competitor(u16),
}

pub use crate::sim::scenario::storefront::Keyword;

/// One listing in a market. Prices are VAT-inclusive, in the market currency's minor units.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listing {
    pub id: ListingId,
    pub seller: Seller,
    pub price: i64,
    /// Price cut currently applied (a sale price or a time-limited deal).
    pub discount: BasisPoints,
    /// A time-limited deal is running (the results page shows a deal badge).
    pub deal: bool,
    /// A clip-on coupon taken off at checkout (0 = none); it shows a coupon badge.
    pub coupon: BasisPoints,
    /// What is left of the coupon's budget (discounts plus fees), minor units.
    pub coupon_budget: i64,
    /// Days from order to the buyer's door (handling plus transit).
    pub delivery_days: u16,
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

    /// What a shopper pays: the effective price less any coupon.
    pub fn shopper_price(&self) -> i64 {
        let price = self.effective_price();
        price - self.coupon.of(price)
    }

    pub fn matches(&self, keyword: usize) -> bool {
        keyword < 64 && self.keywords & (1u64 << keyword) != 0
    }
}
