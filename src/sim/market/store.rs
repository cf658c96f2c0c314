//! A market's store as the session runs it day by day: the AI competitors' and the student's
//! listings, competitor repricing, reviews and sales velocity that feed back into ranking, and
//! the history of every day's numbers.

use rand::RngExt;
use rand::rngs::ChaCha8Rng;

use crate::scenario::file::CompetitorPricing;
use crate::sim::money::BasisPoints;

use super::day::{DayStats, simulate_day};
use super::listing::{Keyword, Listing, ListingId, Seller};
use super::quality::{ListingRules, ListingText, QualityReport, score_listing};
use super::storefront::Storefront;

/// Share of orders that leave a review.
pub const REVIEW_RATE: f64 = 0.05;

/// The student's money on one store day, in the market currency's minor units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StoreMoney {
    pub day: u32,
    pub sales: i64,
    /// Refunds for returned orders.
    pub refunds: i64,
    pub taxes: i64,
    pub referral_fees: i64,
    pub ad_spend: i64,
    pub payout_fee: i64,
    /// Cost of the goods sold, converted at the day's rate.
    pub goods_cost: i64,
}

impl StoreMoney {
    /// What the day earned after every tax, fee, ad and the goods' cost.
    pub fn profit(&self) -> i64 {
        self.sales - self.refunds - self.taxes - self.referral_fees - self.ad_spend - self.payout_fee - self.goods_cost
    }
}

/// A listing the student published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StudentListing {
    pub id: ListingId,
    pub sku: String,
    pub text: ListingText,
    pub quality: QualityReport,
}

/// One market's store.
#[derive(Debug, Clone, PartialEq)]
pub struct Store {
    pub market: String,
    pub storefront: Storefront,
    /// Competitors first (in scenario order), then the student's listings.
    pub listings: Vec<Listing>,
    pub student: Vec<StudentListing>,
    /// (day, stats) for every simulated day.
    pub history: Vec<(u32, DayStats)>,
    /// The student's money per day (market currency), booked by the session.
    pub money: Vec<StoreMoney>,
    /// Time-limited deals: (listing, last day of the deal).
    pub deals: Vec<(ListingId, u32)>,
    /// Orders per listing for the last 7 days, newest last.
    recent_orders: Vec<Vec<u32>>,
    /// Competitors' starting prices (for their repricing floors).
    base_prices: Vec<i64>,
    pricing: Vec<CompetitorPricing>,
}

impl Store {
    /// Opens the store with the competitors' listings; `reference_price(sku)` is the market's
    /// reference price for a product (0 if unknown).
    pub fn open(market: &str, storefront: &Storefront, reference_price: impl Fn(&str) -> i64) -> Self {
        let listings: Vec<Listing> = storefront
            .competitors
            .iter()
            .enumerate()
            .map(|(i, c)| Listing {
                id: ListingId(i as u32),
                seller: Seller::Competitor(i as u16),
                price: c.price,
                discount: BasisPoints(0),
                reference_price: reference_price(&c.sku).max(1),
                quality: c.quality,
                rating_tenths: c.rating_tenths,
                reviews: c.reviews,
                stock: c.stock,
                sales_7d: 0,
                keywords: c.keywords,
                bid: c.bid,
                daily_budget: c.daily_budget,
            })
            .collect();
        Self {
            market: market.to_string(),
            storefront: storefront.clone(),
            recent_orders: vec![Vec::new(); listings.len()],
            base_prices: storefront.competitors.iter().map(|c| c.price).collect(),
            pricing: storefront.competitors.iter().map(|c| c.pricing).collect(),
            listings,
            student: Vec::new(),
            history: Vec::new(),
            money: Vec::new(),
            deals: Vec::new(),
        }
    }

    pub fn keywords(&self) -> &[Keyword] {
        &self.storefront.keywords
    }

    pub fn rules(&self) -> ListingRules {
        ListingRules {
            title_limit: self.storefront.title_limit as usize,
            required_attributes: self.storefront.required_attributes.clone(),
            banned: self.storefront.banned_words.clone(),
        }
    }

    /// Publishes (or, for a SKU already listed, updates) the student's listing; returns its id.
    /// `stock` is added to what the listing already holds.
    #[allow(clippy::too_many_arguments)] // one value per field of the listing editor
    pub fn publish(
        &mut self,
        sku: &str,
        text: ListingText,
        price: i64,
        add_stock: u32,
        bid: i64,
        daily_budget: i64,
        discount: BasisPoints,
        reference_price: i64,
    ) -> ListingId {
        let quality = score_listing(&text, &self.storefront.keywords, &self.rules());
        if let Some(existing) = self.student.iter_mut().find(|l| l.sku == sku) {
            let i = existing.id.0 as usize;
            existing.text = text;
            existing.quality = quality.clone();
            let l = &mut self.listings[i];
            l.price = price;
            l.stock += add_stock;
            l.bid = bid;
            l.daily_budget = daily_budget;
            l.discount = discount;
            l.quality = quality.score;
            l.keywords = quality.keywords;
            return existing.id;
        }
        let id = ListingId(self.listings.len() as u32);
        self.listings.push(Listing {
            id,
            seller: Seller::Student,
            price,
            discount,
            reference_price: reference_price.max(1),
            quality: quality.score,
            rating_tenths: 0,
            reviews: 0,
            stock: add_stock,
            sales_7d: 0,
            keywords: quality.keywords,
            bid,
            daily_budget,
        });
        self.recent_orders.push(Vec::new());
        self.student.push(StudentListing {
            id,
            sku: sku.to_string(),
            text,
            quality,
        });
        id
    }

    /// Runs a deal on a listing: `discount` off from today through `last_day`.
    pub fn start_deal(&mut self, listing: ListingId, discount: BasisPoints, last_day: u32) {
        if let Some(l) = self.listings.get_mut(listing.0 as usize) {
            l.discount = discount;
            self.deals.retain(|(id, _)| *id != listing);
            self.deals.push((listing, last_day));
        }
    }

    /// Deals whose last day is before `day` end: the price goes back to normal.
    fn end_expired_deals(&mut self, day: u32) {
        let (ended, running): (Vec<_>, Vec<_>) = self.deals.iter().partition(|(_, last)| *last < day);
        for (id, _) in ended {
            if let Some(l) = self.listings.get_mut(id.0 as usize) {
                l.discount = BasisPoints(0);
            }
        }
        self.deals = running;
    }

    /// Competitors react to the cheapest rival selling the same product.
    fn reprice_competitors(&mut self) {
        for i in 0..self.pricing.len() {
            let pricing = self.pricing[i];
            let reference = self.listings[i].reference_price;
            let cheapest_rival = self
                .listings
                .iter()
                .enumerate()
                .filter(|(j, l)| *j != i && l.reference_price == reference && l.stock > 0)
                .map(|(_, l)| l.effective_price())
                .min();
            let Some(rival) = cheapest_rival else { continue };
            let base = self.base_prices[i];
            match pricing {
                CompetitorPricing::Steady => {}
                CompetitorPricing::Undercut => {
                    let floor = base - BasisPoints(1_500).of(base);
                    self.listings[i].price = if rival < self.listings[i].price {
                        rival.max(floor)
                    } else {
                        base.min(self.listings[i].price.max(rival))
                    };
                }
                CompetitorPricing::Premium => {
                    self.listings[i].price =
                        (rival + BasisPoints(1_000).of(rival)).max(base - BasisPoints(1_000).of(base));
                }
            }
        }
    }

    /// Runs one day: competitors reprice, shoppers visit, then reviews and sales velocity are
    /// updated from the day's orders.
    pub fn run_day(&mut self, day: u32, visits: u32, elasticity: f64, rng: &mut ChaCha8Rng) -> DayStats {
        self.end_expired_deals(day);
        self.reprice_competitors();
        let keywords = self.storefront.keywords.clone();
        let mut stats = simulate_day(&mut self.listings, &keywords, elasticity, visits, rng);
        // Returns: each order comes back with the storefront's return rate; the unit goes back
        // on sale and the price is refunded.
        let return_below =
            (self.storefront.return_rate.0.clamp(0, 10_000) as u64 * u64::from(u32::MAX) / 10_000) as u32;
        if return_below > 0 {
            for (i, s) in stats.listings.iter_mut().enumerate() {
                let orders = s.orders + s.ad_orders;
                let returned = (0..orders).filter(|_| rng.random::<u32>() < return_below).count() as u32;
                if returned > 0 && orders > 0 {
                    s.returns = returned;
                    s.refunds = s.sales * i64::from(returned) / i64::from(orders);
                    self.listings[i].stock += returned;
                }
            }
        }
        for (i, s) in stats.listings.iter().enumerate() {
            let orders = s.orders + s.ad_orders - s.returns;
            let new_reviews = (0..orders).filter(|_| rng.random::<f64>() < REVIEW_RATE).count() as u32;
            let l = &mut self.listings[i];
            if new_reviews > 0 {
                // New reviews rate the product like its listing quality suggests: 3.0 to 5.0 stars.
                let new_rating = 30 + u32::from(l.quality.min(1000)) * 20 / 1000;
                let total = l.reviews + new_reviews;
                l.rating_tenths = ((u32::from(l.rating_tenths) * l.reviews + new_rating * new_reviews) / total) as u16;
                l.reviews = total;
            }
            let window = &mut self.recent_orders[i];
            window.push(orders);
            if window.len() > 7 {
                window.remove(0);
            }
            l.sales_7d = window.iter().sum();
        }
        self.history.push((day, stats.clone()));
        stats
    }
}
