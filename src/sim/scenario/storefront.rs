//! A market's marketplace as the scenario defines it (the store desk, `sim::market`, sells on
//! it): platform rules and fees, search keywords, seasons and the
//! AI competitors' starting listings.

use crate::sim::date::Date;
use crate::sim::money::{BasisPoints, Money};
use crate::sim::terms::{CompetitorPricing, ShippingKind, Text};

/// A period with more (or fewer) shoppers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Season {
    pub name: Text,
    pub from: Date,
    pub to: Date,
    /// Shoppers as a share of a normal day (10,000 = 100%).
    pub traffic: BasisPoints,
}

/// An AI competitor's starting listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Competitor {
    pub id: String,
    pub name: String,
    pub sku: String,
    pub price: i64,
    pub rating_tenths: u16,
    pub reviews: u32,
    pub stock: u32,
    pub quality: u16,
    pub keywords: u64,
    pub bid: i64,
    pub daily_budget: i64,
    pub pricing: CompetitorPricing,
    pub delivery_days: u16,
}

/// A way to get the student's parcels to buyers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShippingOption {
    pub id: String,
    pub kind: ShippingKind,
    pub name: Text,
    pub cost_per_parcel: Money,
    pub transit_days: u16,
    /// Overseas warehouse: freight per unit sent in and the days it takes (zero otherwise).
    pub inbound_per_unit: Option<Money>,
    pub inbound_days: u32,
}

impl ShippingOption {
    /// Days from order to door: the seller's handling time plus transit (a warehouse ships the
    /// same day, so handling does not apply).
    pub fn delivery_days(&self, handling_days: u32) -> u16 {
        match self.kind {
            ShippingKind::OverseasWarehouse => self.transit_days,
            ShippingKind::Postal | ShippingKind::Express => self
                .transit_days
                .saturating_add(u16::try_from(handling_days).unwrap_or(u16::MAX)),
        }
    }
}

/// A creator who can promote a listing off the marketplace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Influencer {
    pub id: String,
    pub name: String,
    pub channel: String,
    pub followers: u32,
    pub engagement: BasisPoints,
    /// Fee per sponsored post, market currency minor units.
    pub fee: i64,
    /// SKUs their audience cares about.
    pub fits: Vec<String>,
}

/// A referral-fee category with its price bands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferralFee {
    pub category: String,
    pub products: Vec<String>,
    /// (highest price of the band, rate), ascending; the last band has no limit.
    pub bands: Vec<(Option<i64>, BasisPoints)>,
    pub by_portion: bool,
    pub source: String,
    pub unverified: String,
}

/// The marketplace of one market.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Storefront {
    pub platform: String,
    pub title_limit: u32,
    pub referral_fee: BasisPoints,
    /// Referral fees by category, for the products they list.
    pub referral_fees: Vec<ReferralFee>,
    /// What in the fees is illustrative, to show next to them.
    pub illustrative_fees: Option<crate::sim::terms::Text>,
    pub payout_fee: BasisPoints,
    pub required_attributes: Vec<String>,
    pub banned_words: Vec<String>,
    pub keywords: Vec<Keyword>,
    pub seasons: Vec<Season>,
    pub competitors: Vec<Competitor>,
    /// Share of orders returned for a refund.
    pub return_rate: BasisPoints,
    pub shipping: Vec<ShippingOption>,
    /// Fee per redeemed coupon, market currency minor units.
    pub coupon_fee: i64,
    pub influencers: Vec<Influencer>,
    /// The instructor's model listing text per product (images are the product's).
    pub model_listings: Vec<(String, ListingText)>,
}

impl Storefront {
    /// Shoppers' traffic on `date` as a share of a normal day: the strongest season in force.
    pub fn traffic_on(&self, date: Date) -> BasisPoints {
        self.seasons
            .iter()
            .filter(|s| s.from <= date && date <= s.to)
            .map(|s| s.traffic)
            .max()
            .unwrap_or(BasisPoints(10_000))
    }

    /// The shipping option with this id.
    pub fn shipping_option(&self, id: &str) -> Option<&ShippingOption> {
        self.shipping.iter().find(|o| o.id == id)
    }
}

/// A search term shoppers use, with its share of the market's searches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keyword {
    pub text: String,
    /// Relative search volume (any unit; shares are volume / total).
    pub volume: u32,
}

/// What the student wrote in the listing editor.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ListingText {
    pub title: String,
    pub bullets: Vec<String>,
    pub description: String,
    /// Hidden search terms.
    pub search_terms: String,
    /// Attribute name → value (e.g. "Material" → "TPU").
    pub attributes: Vec<(String, String)>,
    pub images: Vec<String>,
}
