//! A shared marketplace's class leaderboard (issue 19): each store's profit, orders, ACoS and
//! rating, best profit first, for the dashboard and every store's view; and each store's
//! decisions beside the class's (the middle and the range of every store's price, bid and
//! stock), for the debrief. Only the class's spread goes to a student, never another
//! store's bid.

use std::sync::Arc;

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

/// A product's decisions in one market: this store's beside the class's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionRow {
    /// The market's name (a class's leaderboard may count several of its stores) and id.
    pub market: crate::sim::terms::Text,
    pub market_id: String,
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
    /// The shoppers who searched the shared market on its last day (every store's share of
    /// them together), once a day has been played.
    #[serde(default)]
    pub shoppers_last_day: Option<u32>,
}

/// The market's standings as the class keeps them between changes.
#[derive(Debug, Clone, Default)]
pub(super) struct Standings {
    pub(super) market: String,
    pub(super) platform: String,
    /// Money formatting: the market's currency and its exponent.
    currency: Option<(crate::sim::CurrencyCode, u32)>,
    pub(super) rows: Vec<(usize, Standing)>,
    /// The markets counted, with their names.
    market_names: Vec<(String, crate::sim::terms::Text)>,
    /// What every store is shown, worked out at the last change.
    shown: Option<MarketStanding>,
    /// A C2C class: every shop's open listings as buyers see them, at the last change.
    pub(super) classmates: Vec<super::classmates::ClassmateListing>,
}

impl Class {
    /// Marks the shared market's standings as changed (after anything that may change them):
    /// they are worked out again once, by [`Class::settle_standings`] or the next read.
    pub(super) fn refresh_standings(&mut self) {
        self.standings_stale = true;
    }

    /// Works the standings out again if anything changed since (the host does it once per
    /// tick, however many commands the tick carried).
    pub fn settle_standings(&mut self) {
        if self.standings_stale {
            self.standings = self.compute_standings();
            self.standings_stale = false;
        }
    }

    /// The standings as they are now.
    pub(super) fn current_standings(&self) -> std::borrow::Cow<'_, Standings> {
        if self.standings_stale {
            std::borrow::Cow::Owned(self.compute_standings())
        } else {
            std::borrow::Cow::Borrowed(&self.standings)
        }
    }

    /// The shared market's standings worked out from every store, and (a C2C class) every
    /// shop's open listings as buyers see them.
    fn compute_standings(&self) -> Standings {
        let mut standings = self.compute_store_standings();
        if self.trades_between_shops() {
            standings.classmates = super::classmates::public_listings(&self.shops_with_names());
        }
        standings
    }

    /// The storefront stores' standings.
    fn compute_store_standings(&self) -> Standings {
        if !self.shares_market() {
            return Standings::default();
        }
        // Every storefront market in the first one's currency (the bundled scenario's German
        // and French stores, both in EUR) counts: one profit per store.
        let scenario = Arc::clone(&self.scenario);
        let Some(first) = scenario.markets().iter().find(|m| m.storefront.is_some()) else {
            return Standings::default();
        };
        let markets: Vec<&crate::sim::scenario::Market> = scenario
            .markets()
            .iter()
            .filter(|m| m.storefront.is_some() && m.currency == first.currency)
            .collect();
        let tables: Vec<usize> = (0..self.tables.len())
            .filter(|t| self.store_index(*t).is_some())
            .collect();
        let stores = self.market_stores();
        let mut rows = standings(&stores, &first.id);
        for market in markets.iter().skip(1) {
            rows = rows
                .into_iter()
                .zip(standings(&stores, &market.id))
                .map(|(a, b)| a.merged(b))
                .collect();
        }
        let platforms: Vec<String> = markets
            .iter()
            .filter_map(|m| m.storefront.as_ref().map(|s| s.platform.clone()))
            .collect();
        let mut standings = Standings {
            market: first.id.clone(),
            platform: platforms.join(" + "),
            currency: Some((first.currency, scenario.exponent(first.currency))),
            rows: tables.into_iter().zip(rows).collect(),
            market_names: markets.iter().map(|m| (m.id.clone(), m.name.clone())).collect(),
            shown: None,
            classmates: Vec::new(),
        };
        standings.shown = Some(self.build_market_standing(&standings));
        standings
    }

    /// The shared market's leaderboard, best profit first; empty for other classes.
    pub fn leaderboard(&self) -> Vec<LeaderboardRow> {
        self.current_standings()
            .shown
            .as_ref()
            .map(|m| m.leaderboard.clone())
            .unwrap_or_default()
    }

    /// The class's market as the store at `table` sees it: the leaderboard and its decisions
    /// beside the class's; `None` for a class without a shared market. (Worked out once per
    /// change, not once per student and tick.)
    pub fn market_standing(&self, table: usize) -> Option<MarketStanding> {
        let current = self.current_standings();
        let s = current.as_ref();
        let mut shown = s.shown.clone()?;
        let money = |minor: i64| format_money(s.currency, minor);
        let mine = s.rows.iter().find(|(t, _)| *t == table).map(|(_, st)| st);
        for row in &mut shown.decisions {
            row.yours = mine
                .and_then(|m| {
                    m.listings
                        .iter()
                        .find(|l| l.sku == row.sku && l.market == row.market_id)
                })
                .map(|l| (money(l.price), money(l.bid), l.stock.to_string()));
        }
        Some(shown)
    }

    fn build_leaderboard(&self, s: &Standings) -> Vec<LeaderboardRow> {
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

    /// The class's market with the class's decisions (no store's own).
    fn build_market_standing(&self, s: &Standings) -> MarketStanding {
        let money = |minor: i64| format_money(s.currency, minor);
        // Products in the order of the markets, then by SKU.
        let mut skus: Vec<(usize, &str, &str)> = s
            .rows
            .iter()
            .flat_map(|(_, st)| st.listings.iter())
            .map(|l| {
                let order = s
                    .market_names
                    .iter()
                    .position(|(id, _)| *id == l.market)
                    .unwrap_or(usize::MAX);
                (order, l.market.as_str(), l.sku.as_str())
            })
            .collect();
        skus.sort_unstable();
        skus.dedup();
        let decisions = skus
            .into_iter()
            .map(|(_, market, sku)| {
                let listed: Vec<_> = s
                    .rows
                    .iter()
                    .filter_map(|(_, st)| st.listings.iter().find(|l| l.sku == sku && l.market == market))
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
                    market: s
                        .market_names
                        .iter()
                        .find(|(id, _)| id == market)
                        .map(|(_, name)| name.clone())
                        .unwrap_or_default(),
                    sku: sku.to_string(),
                    stores: listed.len(),
                    market_id: market.to_string(),
                    yours: None,
                    price: spread(listed.iter().map(|l| l.price).collect(), &money),
                    bid: spread(listed.iter().map(|l| l.bid).collect(), &money),
                    stock: spread(listed.iter().map(|l| i64::from(l.stock)).collect(), &units),
                }
            })
            .collect();
        let shoppers_last_day = self
            .market_stores()
            .first()
            .and_then(|store| store.store_desk().store(&s.market))
            .and_then(|store| store.history.last())
            .map(|(_, day)| day.visits);
        MarketStanding {
            market: s.market.clone(),
            platform: s.platform.clone(),
            leaderboard: self.build_leaderboard(s),
            decisions,
            shoppers_last_day,
        }
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
