//! One market day: shoppers arrive, each with a price sensitivity (a shopper segment) and one
//! searched keyword (by search volume), scans the
//! result page from the top, clicks at most one result and may buy it. Stock runs out and ad
//! budgets are spent as the day goes; the totals per listing feed the metrics.

use rand::RngExt;
use rand::rngs::ChaCha8Rng;

use super::listing::{Keyword, Listing};
use super::ranking::{build_pages, conversion_rate, threshold};

/// What happened to one listing today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct ListingDay {
    pub impressions: u32,
    pub clicks: u32,
    pub orders: u32,
    pub ad_impressions: u32,
    pub ad_clicks: u32,
    pub ad_orders: u32,
    /// Minor units of the market currency.
    pub ad_spend: i64,
    pub sales: i64,
    pub ad_sales: i64,
    /// Orders returned for a refund (set by the store after the day).
    pub returns: u32,
    /// Money refunded for them, minor units.
    pub refunds: i64,
    /// Visits from off-site posts (each lands on the product page) and what they bought.
    pub social_clicks: u32,
    pub social_orders: u32,
    pub social_sales: i64,
    /// Orders that used a coupon, the money the coupons took off and the platform's fees.
    pub coupon_redemptions: u32,
    pub coupon_discount: i64,
    pub coupon_fees: i64,
    /// Money the sale price or deal took off the list price on the orders.
    pub discount_given: i64,
    /// The sponsored-ads bid per click the listing had that day (0: no ads).
    pub bid: i64,
}

impl ListingDay {
    /// Orders from search (organic and sponsored) and from off-site posts.
    pub fn all_orders(&self) -> u32 {
        self.orders + self.ad_orders + self.social_orders
    }

    /// Orders kept after returns.
    pub fn kept_orders(&self) -> u32 {
        self.all_orders().saturating_sub(self.returns)
    }

    /// Product-page visits from any source.
    pub fn all_clicks(&self) -> u32 {
        self.clicks + self.ad_clicks + self.social_clicks
    }
}

/// One order: takes a unit from stock, applies the coupon while its budget lasts and books the
/// money; returns the price paid.
fn book_order(listing: &mut Listing, day: &mut ListingDay, coupon_fee: i64) -> i64 {
    let effective = listing.effective_price();
    let mut paid = effective;
    if listing.coupon.0 > 0 {
        let off = listing.coupon.of(effective);
        if listing.coupon_budget >= off + coupon_fee {
            paid -= off;
            listing.coupon_budget -= off + coupon_fee;
            day.coupon_redemptions += 1;
            day.coupon_discount += off;
            day.coupon_fees += coupon_fee;
        } else {
            // The budget is spent: the coupon comes off the listing.
            listing.coupon = crate::sim::money::BasisPoints(0);
        }
    }
    day.discount_given += listing.price - effective;
    listing.stock -= 1;
    day.sales += paid;
    paid
}

/// The day's totals, one entry per listing (same order as the listings).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DayStats {
    pub visits: u32,
    pub listings: Vec<ListingDay>,
}

/// Cumulative search volumes for picking a keyword per visit.
fn cumulative(keywords: &[Keyword]) -> Vec<u64> {
    keywords
        .iter()
        .scan(0u64, |sum, k| {
            *sum += u64::from(k.volume);
            Some(*sum)
        })
        .collect()
}

/// Shoppers differ in how much price matters to them: (percent of searches, multiplier on the
/// market's price elasticity) for bargain hunters, typical shoppers and brand-minded shoppers.
pub const SHOPPER_SEGMENTS: [(u32, f64); 3] = [(30, 1.5), (50, 1.0), (20, 0.5)];

/// What drives a market day besides the listings.
#[derive(Debug, Clone, Copy)]
pub struct DayDemand<'a> {
    pub keywords: &'a [Keyword],
    pub elasticity: f64,
    /// Shoppers who search the marketplace.
    pub visits: u32,
    /// Visitors sent straight to a listing's page from off-site posts, per listing (missing
    /// entries are 0).
    pub direct: &'a [u32],
    /// The platform's fee per redeemed coupon, minor units.
    pub coupon_fee: i64,
}

/// Simulates the day's shopper visits, then the off-site visitors. Listings' stock is reduced
/// by the orders; the ranking is built at the start of the day (a listing that sells out or
/// exhausts its ad budget drops out of the results as soon as it does).
pub fn simulate_day(listings: &mut [Listing], demand: &DayDemand, rng: &mut ChaCha8Rng) -> DayStats {
    let DayDemand {
        keywords,
        elasticity,
        visits,
        direct,
        coupon_fee,
    } = *demand;
    let mut stats: Vec<ListingDay> = listings
        .iter()
        .map(|l| ListingDay {
            bid: l.bid,
            ..ListingDay::default()
        })
        .collect();
    let total = cumulative(keywords);
    let all = total.last().copied().unwrap_or(0);
    if all > 0 {
        search_visits(
            listings, keywords, &total, elasticity, visits, coupon_fee, &mut stats, rng,
        );
    }
    for (i, &n) in direct.iter().enumerate().take(listings.len()) {
        let order_below = threshold(conversion_rate(&listings[i], elasticity));
        for _ in 0..n {
            if listings[i].stock == 0 {
                break;
            }
            let s = &mut stats[i];
            s.social_clicks += 1;
            if rng.random::<u32>() < order_below {
                s.social_orders += 1;
                s.social_sales += book_order(&mut listings[i], s, coupon_fee);
            }
        }
    }
    DayStats {
        visits,
        listings: stats,
    }
}

/// The searches of the day: each shopper picks a keyword by volume and walks its result page.
#[allow(clippy::too_many_arguments)] // the hot loop's inputs, unpacked once
fn search_visits(
    listings: &mut [Listing],
    keywords: &[Keyword],
    total: &[u64],
    elasticity: f64,
    visits: u32,
    coupon_fee: i64,
    stats: &mut [ListingDay],
    rng: &mut ChaCha8Rng,
) {
    let all = total.last().copied().unwrap_or(0);
    // One set of result pages per shopper segment: price weighs differently in each.
    let pages: Vec<_> = SHOPPER_SEGMENTS
        .iter()
        .map(|(_, sensitivity)| build_pages(listings, keywords.len(), elasticity * sensitivity))
        .collect();
    let mut budget: Vec<i64> = listings.iter().map(|l| l.daily_budget).collect();
    for _ in 0..visits {
        let pick = rng.random_range(0..all);
        let k = total.partition_point(|&c| c <= pick);
        let mut roll = rng.random_range(0..100u32);
        let mut segment = 0;
        while segment + 1 < SHOPPER_SEGMENTS.len() && roll >= SHOPPER_SEGMENTS[segment].0 {
            roll -= SHOPPER_SEGMENTS[segment].0;
            segment += 1;
        }
        let Some(page) = pages[segment].get(k) else { continue };
        for slot in &page.slots {
            let i = slot.listing;
            if listings[i].stock == 0 || (slot.sponsored && budget[i] < slot.cpc) {
                continue;
            }
            let s = &mut stats[i];
            if slot.sponsored {
                s.ad_impressions += 1;
            } else {
                s.impressions += 1;
            }
            if rng.random::<u32>() >= slot.click_below {
                continue;
            }
            // A click: the shopper looks at this listing only.
            if slot.sponsored {
                s.ad_clicks += 1;
                s.ad_spend += slot.cpc;
                budget[i] -= slot.cpc;
            } else {
                s.clicks += 1;
            }
            if rng.random::<u32>() < slot.order_below {
                let price = book_order(&mut listings[i], s, coupon_fee);
                if slot.sponsored {
                    s.ad_orders += 1;
                    s.ad_sales += price;
                } else {
                    s.orders += 1;
                }
            }
            break;
        }
    }
}
