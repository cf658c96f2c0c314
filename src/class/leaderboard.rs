//! A shared marketplace's class leaderboard (issue 19): each store's profit, orders, ACoS and
//! rating, best profit first, for the dashboard and every store's view; and each store's
//! decisions beside the class's (the middle and the range of every store's price, bid and
//! stock), for the debrief. Only the class's spread goes to a student, never another
//! store's bid.

use serde::{Deserialize, Serialize};

use super::Class;
use crate::sim::marketplace::{Standing, standings};
use crate::sim::money::Money;

/// One store on the leaderboard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeaderboardRow {
    /// 1 for the best profit (equal profits share a rank).
    pub rank: usize,
    pub table: usize,
    /// The students running the store.
    pub team: Vec<String>,
    /// Profit after every fee, tax, ad, promotion, parcel and the goods, formatted.
    pub profit: String,
    pub orders: u32,
    /// Ad spend over ad sales, `"12.5%"`; `"no ad sales"` with the spend when ads sold
    /// nothing; `None` without ads.
    pub acos: Option<String>,
    /// Average stars (`"4.3"`) and how many reviews; `None` before any review.
    pub rating: Option<String>,
    pub reviews: u32,
}

/// One decision across the class's stores: the lowest, middle and highest, formatted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Spread {
    pub low: String,
    pub median: String,
    pub high: String,
}

/// A product's decisions: this store's beside the class's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionRow {
    pub sku: String,
    /// How many stores list it.
    pub stores: usize,
    /// This store's price, bid per click and stock (`None`: it does not list the product).
    pub yours: Option<(String, String, String)>,
    pub price: Spread,
    pub bid: Spread,
    pub stock: Spread,
}

/// The class's market as one store sees it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct MarketStanding {
    /// The marketplace's id and platform.
    pub market: String,
    pub platform: String,
    pub leaderboard: Vec<LeaderboardRow>,
    pub decisions: Vec<DecisionRow>,
}

/// The market's standings as the class keeps them between changes.
#[derive(Debug, Clone, Default)]
pub(super) struct Standings {
    pub(super) market: String,
    pub(super) platform: String,
    /// Money formatting: the market's currency and its exponent.
    currency: Option<(crate::sim::CurrencyCode, u32)>,
    pub(super) rows: Vec<(usize, Standing)>,
}

impl Class {
    /// Works the shared market's standings out again (after anything that may change them).
    pub(super) fn refresh_standings(&mut self) {
        if !self.shares_market() {
            return;
        }
        let Some(market) = self.scenario.markets().iter().find(|m| m.storefront.is_some()) else {
            return;
        };
        let tables: Vec<usize> = (0..self.tables.len())
            .filter(|t| self.store_index(*t).is_some())
            .collect();
        let rows = standings(&self.market_stores(), &market.id);
        self.standings = Standings {
            market: market.id.clone(),
            platform: market
                .storefront
                .as_ref()
                .map(|s| s.platform.clone())
                .unwrap_or_default(),
            currency: Some((market.currency, self.scenario.exponent(market.currency))),
            rows: tables.into_iter().zip(rows).collect(),
        };
    }

    /// The shared market's leaderboard, best profit first; empty for other classes.
    pub fn leaderboard(&self) -> Vec<LeaderboardRow> {
        let s = &self.standings;
        let money = |minor: i64| format_money(s.currency, minor);
        let mut rows: Vec<&(usize, Standing)> = s.rows.iter().collect();
        rows.sort_by(|a, b| b.1.profit.cmp(&a.1.profit).then(a.0.cmp(&b.0)));
        rows.iter()
            .map(|(table, standing)| LeaderboardRow {
                rank: 1 + s.rows.iter().filter(|(_, o)| o.profit > standing.profit).count(),
                table: *table,
                team: self
                    .present()
                    .filter(|st| st.table == *table)
                    .map(|st| st.name.clone())
                    .collect(),
                profit: money(standing.profit),
                orders: standing.orders,
                acos: match standing.acos {
                    Some(a) => Some(percent(a.0)),
                    None if standing.ad_spend > 0 => Some(format!("{} spent, no ad sales", money(standing.ad_spend))),
                    None => None,
                },
                rating: standing.rating_tenths.map(|r| format!("{}.{}", r / 10, r % 10)),
                reviews: standing.reviews,
            })
            .collect()
    }

    /// The class's market as the store at `table` sees it: the leaderboard and its decisions
    /// beside the class's; `None` for a class without a shared market.
    pub fn market_standing(&self, table: usize) -> Option<MarketStanding> {
        if !self.shares_market() {
            return None;
        }
        let s = &self.standings;
        let money = |minor: i64| format_money(s.currency, minor);
        let mine = s.rows.iter().find(|(t, _)| *t == table).map(|(_, st)| st);
        let mut skus: Vec<&str> = s
            .rows
            .iter()
            .flat_map(|(_, st)| st.listings.iter().map(|l| l.sku.as_str()))
            .collect();
        skus.sort_unstable();
        skus.dedup();
        let decisions = skus
            .into_iter()
            .map(|sku| {
                let listed: Vec<_> = s
                    .rows
                    .iter()
                    .filter_map(|(_, st)| st.listings.iter().find(|l| l.sku == sku))
                    .collect();
                let spread = |values: Vec<i64>, show: &dyn Fn(i64) -> String| {
                    let (low, median, high) = low_median_high(values);
                    Spread {
                        low: show(low),
                        median: show(median),
                        high: show(high),
                    }
                };
                let units = |n: i64| n.to_string();
                DecisionRow {
                    sku: sku.to_string(),
                    stores: listed.len(),
                    yours: mine
                        .and_then(|m| m.listings.iter().find(|l| l.sku == sku))
                        .map(|l| (money(l.price), money(l.bid), l.stock.to_string())),
                    price: spread(listed.iter().map(|l| l.price).collect(), &money),
                    bid: spread(listed.iter().map(|l| l.bid).collect(), &money),
                    stock: spread(listed.iter().map(|l| i64::from(l.stock)).collect(), &units),
                }
            })
            .collect();
        Some(MarketStanding {
            market: s.market.clone(),
            platform: s.platform.clone(),
            leaderboard: self.leaderboard(),
            decisions,
        })
    }
}

/// The lowest, the median (the lower middle of an even count) and the highest; zeros for none.
fn low_median_high(mut values: Vec<i64>) -> (i64, i64, i64) {
    values.sort_unstable();
    let Some((&low, &high)) = values.first().zip(values.last()) else {
        return (0, 0, 0);
    };
    (low, values[(values.len() - 1) / 2], high)
}

fn format_money(currency: Option<(crate::sim::CurrencyCode, u32)>, minor: i64) -> String {
    match currency {
        Some((code, exponent)) => Money::new(minor, code, exponent).format(),
        None => minor.to_string(),
    }
}

/// Basis points as a percentage with one decimal (`1250` → `"12.5%"`).
fn percent(bp: i64) -> String {
    let tenths = (bp + 5).div_euclid(10);
    format!("{}.{}%", tenths.div_euclid(10), tenths.rem_euclid(10))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_median_is_the_lower_middle_and_percentages_round() {
        assert_eq!(low_median_high(vec![30, 10, 20]), (10, 20, 30));
        assert_eq!(low_median_high(vec![40, 10, 30, 20]), (10, 20, 40));
        assert_eq!(low_median_high(Vec::new()), (0, 0, 0));
        assert_eq!(percent(1_250), "12.5%");
        assert_eq!(percent(1_234), "12.3%");
        assert_eq!(percent(0), "0.0%");
    }
}
