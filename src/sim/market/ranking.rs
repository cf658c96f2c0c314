//! How a search ranks listings: the organic score (price against the reference price, rating,
//! reviews, sales velocity, listing quality) and the sponsored auction (bid × quality, second
//! price). Computed once per keyword per day; a shopper's visit then only walks the page.

use super::listing::Listing;

/// Sponsored slots at the top of a result page.
pub const AD_SLOTS: usize = 2;
/// Organic results on the first page.
pub const ORGANIC_SLOTS: usize = 10;
/// Chance that a shopper clicks a result at each position of the page, before the listing's own
/// appeal (documented in `docs/market-model.md`).
pub const POSITION_CTR: [f64; AD_SLOTS + ORGANIC_SLOTS] = [
    0.08, 0.06, 0.20, 0.12, 0.08, 0.06, 0.045, 0.035, 0.03, 0.025, 0.02, 0.018,
];
/// Chance that a click becomes an order for an average listing at the reference price.
pub const BASE_CVR: f64 = 0.10;
/// The lowest cost per click the marketplace accepts, minor units.
pub const RESERVE_CPC: i64 = 10;

/// Click boost of a deal badge on the results page.
pub const DEAL_BADGE: f64 = 1.15;
/// Click boost of a coupon badge.
pub const COUPON_BADGE: f64 = 1.10;
/// Delivery time (days) at which the delivery factor is 1.
pub const DELIVERY_PIVOT_DAYS: f64 = 5.0;

/// Price competitiveness: (reference / price)^elasticity, kept within 0.2 … 3, on the price the
/// shopper pays (after discount and coupon).
pub fn price_factor(listing: &Listing, elasticity: f64) -> f64 {
    let price = listing.shopper_price().max(1) as f64;
    (listing.reference_price.max(1) as f64 / price)
        .powf(elasticity)
        .clamp(0.2, 3.0)
}

/// Rating: (stars / 5)², and 0.8 for a listing without reviews yet.
pub fn rating_factor(listing: &Listing) -> f64 {
    if listing.reviews == 0 {
        0.8
    } else {
        let stars = f64::from(listing.rating_tenths.min(50)) / 50.0;
        stars * stars
    }
}

/// Listing quality: 0.5 (empty) … 1.5 (perfect).
pub fn quality_factor(listing: &Listing) -> f64 {
    0.5 + f64::from(listing.quality.min(1000)) / 1000.0
}

/// The organic ranking score: every factor rises with what shoppers want.
pub fn organic_score(listing: &Listing, elasticity: f64) -> f64 {
    let reviews = 1.0 + (1.0 + f64::from(listing.reviews)).ln() / 10.0;
    let velocity = 1.0 + (1.0 + f64::from(listing.sales_7d)).ln() / 10.0;
    price_factor(listing, elasticity) * rating_factor(listing) * quality_factor(listing) * reviews * velocity
}

/// Delivery promise: (pivot + 10) / (days + 10), so 2 days → 1.25, 5 → 1, 14 → 0.625,
/// kept within 0.4 … 1.3.
pub fn delivery_factor(listing: &Listing) -> f64 {
    ((DELIVERY_PIVOT_DAYS + 10.0) / (f64::from(listing.delivery_days) + 10.0)).clamp(0.4, 1.3)
}

/// Badges on the results page: a deal and a coupon each draw more clicks.
pub fn badge_factor(listing: &Listing) -> f64 {
    let deal = if listing.deal { DEAL_BADGE } else { 1.0 };
    let coupon = if listing.coupon.0 > 0 { COUPON_BADGE } else { 1.0 };
    deal * coupon
}

/// Appeal on the results page: how much more (or less) than average a shopper clicks it.
fn appeal(listing: &Listing, elasticity: f64) -> f64 {
    (price_factor(listing, elasticity).sqrt() * rating_factor(listing) / 0.8 * badge_factor(listing)).clamp(0.3, 2.0)
}

/// Conversion rate after a click on the product page: price, rating, listing quality and how
/// soon the parcel arrives.
pub fn conversion_rate(listing: &Listing, elasticity: f64) -> f64 {
    (BASE_CVR * price_factor(listing, elasticity) * rating_factor(listing) / 0.8
        * quality_factor(listing)
        * delivery_factor(listing))
    .min(0.6)
}

/// One position on a result page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Slot {
    /// Index into the market's listings.
    pub listing: usize,
    pub sponsored: bool,
    /// Cost per click for a sponsored slot (second price), minor units.
    pub cpc: i64,
    /// Click and conversion chances as thresholds on a uniform u32 draw.
    pub click_below: u32,
    pub order_below: u32,
}

/// The first result page for one keyword: sponsored slots, then organic ones.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ResultPage {
    pub slots: Vec<Slot>,
}

/// A probability as a threshold on a uniform `u32` draw.
pub fn threshold(p: f64) -> u32 {
    (p.clamp(0.0, 1.0) * f64::from(u32::MAX)) as u32
}

/// Builds every keyword's page for the day. Listings out of stock do not appear; a sponsored
/// listing needs a bid, a budget and stock. Ties keep the listing order (stable sort).
pub fn build_pages(listings: &[Listing], keywords: usize, elasticity: f64) -> Vec<ResultPage> {
    (0..keywords)
        .map(|k| {
            let candidates: Vec<usize> = (0..listings.len())
                .filter(|&i| listings[i].matches(k) && listings[i].stock > 0)
                .collect();
            // Sponsored: rank by bid × quality; pay just enough to beat the next one.
            let mut ads: Vec<(usize, f64)> = candidates
                .iter()
                .copied()
                .filter(|&i| listings[i].bid >= RESERVE_CPC && listings[i].daily_budget >= RESERVE_CPC)
                .map(|i| (i, listings[i].bid as f64 * quality_factor(&listings[i])))
                .collect();
            ads.sort_by(|a, b| b.1.total_cmp(&a.1));
            let mut slots = Vec::with_capacity(AD_SLOTS + ORGANIC_SLOTS);
            for (rank, &(i, _)) in ads.iter().take(AD_SLOTS).enumerate() {
                let next = ads.get(rank + 1).map_or(RESERVE_CPC as f64, |n| n.1);
                let cpc =
                    ((next / quality_factor(&listings[i])).floor() as i64 + 1).clamp(RESERVE_CPC, listings[i].bid);
                let pos = slots.len();
                slots.push(Slot {
                    listing: i,
                    sponsored: true,
                    cpc,
                    click_below: threshold(POSITION_CTR[pos] * appeal(&listings[i], elasticity)),
                    order_below: threshold(conversion_rate(&listings[i], elasticity)),
                });
            }
            let mut organic: Vec<(usize, f64)> = candidates
                .iter()
                .map(|&i| (i, organic_score(&listings[i], elasticity)))
                .collect();
            organic.sort_by(|a, b| b.1.total_cmp(&a.1));
            for &(i, _) in organic.iter().take(ORGANIC_SLOTS) {
                let pos = slots.len();
                slots.push(Slot {
                    listing: i,
                    sponsored: false,
                    cpc: 0,
                    click_below: threshold(POSITION_CTR[pos] * appeal(&listings[i], elasticity)),
                    order_below: threshold(conversion_rate(&listings[i], elasticity)),
                });
            }
            ResultPage { slots }
        })
        .collect()
}

/// A listing's organic position (0 = first) for a keyword, or `None` if not on the first page.
pub fn organic_rank(pages: &[ResultPage], keyword: usize, listing: usize) -> Option<usize> {
    pages
        .get(keyword)?
        .slots
        .iter()
        .filter(|s| !s.sponsored)
        .position(|s| s.listing == listing)
}
