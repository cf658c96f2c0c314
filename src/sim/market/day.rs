//! One market day: shoppers arrive, each searches one keyword (by search volume), scans the
//! result page from the top, clicks at most one result and may buy it. Stock runs out and ad
//! budgets are spent as the day goes; the totals per listing feed the metrics.

use rand::RngExt;
use rand::rngs::ChaCha8Rng;

use super::listing::{Keyword, Listing};
use super::ranking::build_pages;

/// What happened to one listing today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
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
}

/// The day's totals, one entry per listing (same order as the listings).
#[derive(Debug, Clone, PartialEq, Eq)]
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

/// Simulates `visits` shopper visits. Listings' stock is reduced by the orders; the ranking is
/// built at the start of the day (a listing that sells out or exhausts its ad budget drops out
/// of the results as soon as it does).
pub fn simulate_day(
    listings: &mut [Listing],
    keywords: &[Keyword],
    elasticity: f64,
    visits: u32,
    rng: &mut ChaCha8Rng,
) -> DayStats {
    let mut stats = vec![ListingDay::default(); listings.len()];
    let total = cumulative(keywords);
    let Some(&all) = total.last() else {
        return DayStats {
            visits,
            listings: stats,
        };
    };
    if all == 0 {
        return DayStats {
            visits,
            listings: stats,
        };
    }
    let pages = build_pages(listings, keywords.len(), elasticity);
    let mut budget: Vec<i64> = listings.iter().map(|l| l.daily_budget).collect();
    for _ in 0..visits {
        let pick = rng.random_range(0..all);
        let k = total.partition_point(|&c| c <= pick);
        let Some(page) = pages.get(k) else { continue };
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
            let price = listings[i].effective_price();
            if slot.sponsored {
                s.ad_clicks += 1;
                s.ad_spend += slot.cpc;
                budget[i] -= slot.cpc;
            } else {
                s.clicks += 1;
            }
            if rng.random::<u32>() < slot.order_below {
                listings[i].stock -= 1;
                s.sales += price;
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
    DayStats {
        visits,
        listings: stats,
    }
}
