//! A B2C marketplace several students' stores share (issue 19): each store is its own session
//! (its company, cash, listings, inbox and report), but the market's day is one: the AI
//! competitors and every store's listings are ranked together, the same shoppers search,
//! compare and buy, every store's bids meet in one ads auction, and stock runs out for
//! everyone. Each store's session logs that day as a `MarketDay` from the market's seat, so a
//! store's PC following its table replays it without seeing the other stores; the stores' logs
//! together (each `MarketDay` read as "the market ended the day") replay the whole market
//! exactly, so each store's report is verified against every other store's moves.

use std::sync::Arc;

use rand::SeedableRng;
use rand::rngs::ChaCha8Rng;
use serde::{Deserialize, Serialize};

use super::c2c::{ClassmateTrade, ShopEvent};
use super::market::{SharedDayResult, Store};
use super::money::BasisPoints;
use super::scenario::Scenario;
use super::session::{Command, Event, MARKET_SEAT, PlayMode, RuleError, Session};

/// Most stores in one shared market (a class's most students).
pub const MAX_STORES: usize = 200;

/// Mixed into the seed for the market's shoppers, so that their stream is not the stores' own.
const SHOPPERS_SALT: u64 = 0x5348_4f50_5045_5253;

/// The market's own state: its shoppers' random stream.
#[derive(Debug)]
pub struct MarketClock {
    rng: ChaCha8Rng,
}

impl MarketClock {
    /// The market of stores played with `seed`.
    pub fn new(seed: u64) -> Self {
        Self {
            rng: ChaCha8Rng::seed_from_u64(seed ^ SHOPPERS_SALT),
        }
    }

    /// Ends the day at every store still running (`stores` in store order): the market works
    /// out the day of all of them at once, and each store's session takes its part as a
    /// `MarketDay` from the market's seat (a store's PC following its table replays that, and
    /// sees nobody else's listings). Returns each store's events, or why it did not take part
    /// (its scenario is over).
    pub fn end_day(&mut self, stores: &mut [&mut Session]) -> Vec<Result<Vec<Event>, RuleError>> {
        let running: Vec<bool> = stores
            .iter()
            .map(|s| !s.is_finished() && s.day() < s.scenario().length_days())
            .collect();
        // Classmates' moves on each other's listings reach the sellers' shops before their day.
        let (into_sellers, mut into_buyers) = classmates_moves(stores, &running);
        let mut before: Vec<Vec<Event>> = vec![Vec::new(); stores.len()];
        for (seller, trades) in into_sellers.into_iter().enumerate() {
            if trades.is_empty() {
                continue;
            }
            let Ok(events) = stores[seller].apply_as(MARKET_SEAT, Command::ClassmateTrades(trades)) else {
                continue;
            };
            for event in &events {
                if let Event::Shop(ShopEvent::ClassmateMoveRefused { buyer, listing, why }) = event
                    && let Some(news) = into_buyers.get_mut(*buyer as usize)
                {
                    news.push(ClassmateTrade::Refused {
                        seller: u32::try_from(seller).unwrap_or(u32::MAX),
                        listing: *listing,
                        why: why.clone(),
                    });
                }
            }
            before[seller] = events;
        }
        let mut results: Vec<Vec<SharedDayResult>> = vec![Vec::new(); stores.len()];
        let first = stores.iter().zip(&running).find(|(_, r)| **r).map(|(s, _)| &**s);
        if let Some(first) = first {
            let day = first.day() + 1;
            let scenario = first.shared_scenario();
            for market in scenario.markets() {
                let Some((visits, elasticity)) = first.market_demand_tomorrow(&market.id) else {
                    continue;
                };
                let shared: Vec<(usize, &Store)> = stores
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| running[*i])
                    .filter_map(|(i, s)| s.stores_by_market().get(&market.id).map(|store| (i, store)))
                    .collect();
                let (owners, shared): (Vec<usize>, Vec<&Store>) = shared.into_iter().unzip();
                let visits = shared_visits(visits, shared.len());
                let day_results = Store::shared_day_results(&shared, day, visits, elasticity, &mut self.rng);
                for (owner, result) in owners.into_iter().zip(day_results) {
                    results[owner].push(result);
                }
            }
        }
        let mut days: Vec<Result<Vec<Event>, RuleError>> = stores
            .iter_mut()
            .zip(results)
            .zip(before)
            .map(|((s, results), mut before)| {
                let day = s.apply_as(MARKET_SEAT, Command::MarketDay(results))?;
                before.extend(day);
                Ok(before)
            })
            .collect();
        // Then each buyer's shop hears what became of its moves and purchases.
        for (buyer, mut news) in into_buyers.into_iter().enumerate() {
            news.extend(purchase_news(stores, buyer));
            if news.is_empty() || stores[buyer].is_finished() {
                continue;
            }
            let heard = stores[buyer].apply_as(MARKET_SEAT, Command::ClassmateTrades(news));
            if let (Ok(heard), Some(Ok(day))) = (heard, days.get_mut(buyer)) {
                day.extend(heard);
            }
        }
        days
    }
}

/// Each seller's share of the classmates' moves made today (in buyer order, each buyer's in
/// the order made) and their ratings of delivered items; and, for each buyer, the moves that
/// cannot reach a seller (their own shop, a shop not in the market or over).
fn classmates_moves(stores: &[&mut Session], running: &[bool]) -> (Vec<Vec<ClassmateTrade>>, Vec<Vec<ClassmateTrade>>) {
    let mut into_sellers = vec![Vec::new(); stores.len()];
    let mut into_buyers = vec![Vec::new(); stores.len()];
    for (buyer, session) in stores.iter().enumerate() {
        let Some(shop) = session.shop_desk().shop().filter(|_| running[buyer]) else {
            continue;
        };
        let buyer_id = u32::try_from(buyer).unwrap_or(u32::MAX);
        for record in shop.buyer_moves.iter().filter(|m| m.day == session.day()) {
            let seller = record.seller as usize;
            let why = if seller == buyer {
                Some("that is your own shop")
            } else if !running.get(seller).copied().unwrap_or(false) {
                Some("there is no such shop open in the class's market")
            } else {
                None
            };
            match why {
                Some(why) => into_buyers[buyer].push(ClassmateTrade::Refused {
                    seller: record.seller,
                    listing: record.listing,
                    why: why.to_string(),
                }),
                None => into_sellers[seller].push(ClassmateTrade::Move {
                    buyer: buyer_id,
                    listing: record.listing,
                    action: record.action.clone(),
                }),
            }
        }
        for purchase in &shop.bought {
            let Some(stars) = purchase
                .stars
                .filter(|_| (purchase.news.seller as usize) < stores.len())
            else {
                continue;
            };
            let order = stores[purchase.news.seller as usize]
                .shop_desk()
                .shop()
                .and_then(|s| s.orders.get(purchase.news.order as usize));
            if order.is_some_and(|o| o.feedback.is_none() && o.classmate == Some(buyer_id)) {
                into_sellers[purchase.news.seller as usize].push(ClassmateTrade::Rated {
                    buyer: buyer_id,
                    order: purchase.news.order,
                    stars,
                });
            }
        }
    }
    (into_sellers, into_buyers)
}

/// What `buyer`'s shop has not heard yet of its purchases from every other shop, in shop order.
fn purchase_news(stores: &[&mut Session], buyer: usize) -> Vec<ClassmateTrade> {
    let Some(own) = stores.get(buyer).and_then(|s| s.shop_desk().shop()) else {
        return Vec::new();
    };
    let buyer_id = u32::try_from(buyer).unwrap_or(u32::MAX);
    stores
        .iter()
        .enumerate()
        .filter(|(seller, _)| *seller != buyer)
        .filter_map(|(seller, s)| Some((seller, s.shop_desk().shop()?)))
        .flat_map(|(seller, shop)| shop.news_for(u32::try_from(seller).unwrap_or(u32::MAX), buyer_id))
        .filter(|news| own.is_news(news))
        .map(ClassmateTrade::Purchase)
        .collect()
}

/// A store's own command, not one only the market gives (its day ends with everyone's).
fn store_may_give(command: &Command) -> Result<(), RuleError> {
    match command {
        Command::EndDay | Command::MarketDay(_) | Command::ClassmateTrades(_) => Err(RuleError::SharedDay),
        _ => Ok(()),
    }
}

/// The market's shoppers on a day of `stores` stores: the scenario's daily shoppers for each
/// store, so a class's market grows with the class and a store run as well as in single player
/// can sell about as much — but only by winning its shoppers from the others and the AI.
pub fn shared_visits(visits: u32, stores: usize) -> u32 {
    visits.saturating_mul(u32::try_from(stores.max(1)).unwrap_or(u32::MAX))
}

/// A store's log as the market's log keeps it: its session's commands with each `MarketDay`
/// read as `EndDay` (the market ended the day; the replay works the day out again).
pub fn market_log(store: &Session) -> Vec<Command> {
    store.commands().iter().cloned().map(as_market_step).collect()
}

/// A command as the market's log keeps it: a market's day as `EndDay`, classmates' trades as
/// an empty `ClassmateTrades` (the replay works both out again, and checks they were there).
pub fn as_market_step(command: Command) -> Command {
    match command {
        Command::MarketDay(_) => Command::EndDay,
        Command::ClassmateTrades(_) => Command::ClassmateTrades(Vec::new()),
        other => other,
    }
}

/// Ad spend over ad sales; `None` before any ad sale.
fn acos(ad_spend: i64, ad_sales: i64) -> Option<BasisPoints> {
    (ad_sales > 0).then(|| BasisPoints(ad_spend.saturating_mul(10_000) / ad_sales))
}

/// A shared market replayed or played outside a class: its stores and its clock.
#[derive(Debug)]
pub struct SharedMarket {
    stores: Vec<Session>,
    clock: MarketClock,
}

impl SharedMarket {
    /// A market of `stores` stores (1 to [`MAX_STORES`]) of `scenario`, each on the same seed
    /// and mode, on single-player rules (the AI plays every counterpart).
    pub fn open(scenario: &Arc<Scenario>, stores: usize, seed: u64, mode: PlayMode) -> Self {
        let stores = stores.clamp(1, MAX_STORES);
        Self {
            stores: (0..stores)
                .map(|_| Session::start(Arc::clone(scenario), Some(seed), false).with_mode(mode))
                .collect(),
            clock: MarketClock::new(seed),
        }
    }

    /// A store's command from the seat whose turn it is.
    ///
    /// # Errors
    /// [`RuleError::SharedDay`] for `EndDay` and `MarketDay` (see [`SharedMarket::end_day`]),
    /// [`RuleError::NoSuchSeat`] for a store the market does not have, and whatever the store's
    /// session refuses; nothing changes then.
    pub fn apply(&mut self, store: usize, command: Command) -> Result<Vec<Event>, RuleError> {
        store_may_give(&command)?;
        let session = self
            .stores
            .get_mut(store)
            .ok_or_else(|| RuleError::NoSuchSeat(format!("store {}", store.saturating_add(1))))?;
        session.apply(command)
    }

    /// Every store ends the day together; see [`MarketClock::end_day`].
    pub fn end_day(&mut self) -> Vec<Result<Vec<Event>, RuleError>> {
        let mut stores: Vec<&mut Session> = self.stores.iter_mut().collect();
        self.clock.end_day(&mut stores)
    }

    /// Rebuilds a market from its stores' logs (see [`market_log`]).
    ///
    /// # Errors
    /// The store, the index in its log of the first command refused, and why.
    pub fn replay(
        scenario: &Arc<Scenario>,
        seed: u64,
        mode: PlayMode,
        logs: &[Vec<Command>],
    ) -> Result<Self, ReplayError> {
        if logs.is_empty() || logs.len() > MAX_STORES {
            return Err(ReplayError {
                store: 0,
                index: 0,
                error: RuleError::OutOfRange(format!("a shared market has 1 to {MAX_STORES} stores")),
            });
        }
        let mut market = Self::open(scenario, logs.len(), seed, mode);
        let mut stores: Vec<&mut Session> = market.stores.iter_mut().collect();
        market.clock.replay(&mut stores, logs)?;
        Ok(market)
    }

    pub fn stores(&self) -> &[Session] {
        &self.stores
    }

    /// Each store's log as the market keeps it.
    pub fn logs(&self) -> Vec<Vec<Command>> {
        self.stores.iter().map(market_log).collect()
    }

    /// The store's session, taken out of the market.
    pub fn into_store(self, store: usize) -> Option<Session> {
        self.stores.into_iter().nth(store)
    }

    /// Each store's standing in a marketplace (see [`standings`]).
    pub fn standings(&self, market: &str) -> Vec<Standing> {
        let stores: Vec<&Session> = self.stores.iter().collect();
        standings(&stores, market)
    }
}

/// Why a market's logs did not replay.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("command {index} of store {} was refused on replay: {error}", store + 1)]
pub struct ReplayError {
    pub store: usize,
    pub index: usize,
    pub error: RuleError,
}

impl MarketClock {
    /// Replays the stores' logs onto fresh sessions (`stores`, in store order): each store's
    /// commands up to its next `EndDay`, then the market's day for all, until every log is
    /// played. Every store still running must have ended each day the market did.
    ///
    /// # Errors
    /// The first command refused, or a log that stops short of a day the others ended.
    pub fn replay(&mut self, stores: &mut [&mut Session], logs: &[Vec<Command>]) -> Result<(), ReplayError> {
        let mut next = vec![0usize; logs.len()];
        let refused = |store: usize, index: usize, error: RuleError| ReplayError { store, index, error };
        let most_days = logs.iter().map(Vec::len).max().unwrap_or(0).saturating_add(1);
        for _ in 0..most_days {
            // Each store up to its end of the day (or of its log).
            let mut at_day_end = vec![false; logs.len()];
            for (store, (session, log)) in stores.iter_mut().zip(logs).enumerate() {
                while let Some(command) = log.get(next[store]) {
                    if matches!(command, Command::EndDay | Command::ClassmateTrades(_)) {
                        at_day_end[store] = true;
                        break;
                    }
                    store_may_give(command).map_err(|e| refused(store, next[store], e))?;
                    let seat = session.acting_seat(command);
                    session
                        .apply_as(&seat, command.clone())
                        .map_err(|e| refused(store, next[store], e))?;
                    next[store] += 1;
                }
            }
            if !at_day_end.iter().any(|e| *e) {
                return Ok(());
            }
            for (store, session) in stores.iter().enumerate() {
                if !at_day_end[store] && !session.is_finished() {
                    return Err(refused(
                        store,
                        next[store],
                        RuleError::OutOfRange("the store's log stops before a day the market ended".to_string()),
                    ));
                }
            }
            let logged_before: Vec<usize> = stores.iter().map(|s| s.commands().len()).collect();
            for (store, outcome) in self.end_day(stores).into_iter().enumerate() {
                if at_day_end[store] {
                    outcome.map_err(|e| refused(store, next[store], e))?;
                }
                // What the market gave this store must be what its log has, step for step.
                let given = stores[store].commands().get(logged_before[store]..).unwrap_or_default();
                for command in given {
                    if logs[store].get(next[store]) != Some(&as_market_step(command.clone())) {
                        return Err(refused(
                            store,
                            next[store],
                            RuleError::OutOfRange("the store's log differs from the market's day".to_string()),
                        ));
                    }
                    next[store] += 1;
                }
            }
        }
        Ok(())
    }
}

/// What a store decided on one product, for the debrief's "you beside the class".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListingDecision {
    /// The market's id and the product.
    pub market: String,
    pub sku: String,
    /// The price shoppers pay now, minor units of the market currency.
    pub price: i64,
    /// Sponsored-ads bid per click (0: no ads).
    pub bid: i64,
    pub stock: u32,
    /// The listing's quality score, 0 to 1000.
    pub quality: u16,
    pub shipping: String,
}

/// A store's results so far in a marketplace, for the class's leaderboard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Standing {
    /// The store's index in the market (the class's table).
    pub store: usize,
    /// Profit after every fee, tax, ad, promotion, parcel and the goods sold, minor units of
    /// the market currency.
    pub profit: i64,
    pub sales: i64,
    pub orders: u32,
    pub ad_spend: i64,
    pub ad_sales: i64,
    /// Ad spend over ad sales; `None` before any ad sale.
    pub acos: Option<BasisPoints>,
    /// The store's average star rating in tenths over its reviews (`None` before any review).
    pub rating_tenths: Option<u16>,
    pub reviews: u32,
    pub listings: Vec<ListingDecision>,
}

impl Standing {
    /// This standing and `other` (the same store in another market of the same currency) as
    /// one: money, orders and reviews added, ACoS and the average rating worked out again.
    pub fn merged(mut self, other: Standing) -> Standing {
        let stars = |s: &Standing| u64::from(s.rating_tenths.unwrap_or(0)) * u64::from(s.reviews);
        let all_stars = stars(&self) + stars(&other);
        self.profit = self.profit.saturating_add(other.profit);
        self.sales = self.sales.saturating_add(other.sales);
        self.orders += other.orders;
        self.ad_spend = self.ad_spend.saturating_add(other.ad_spend);
        self.ad_sales = self.ad_sales.saturating_add(other.ad_sales);
        self.reviews += other.reviews;
        self.listings.extend(other.listings);
        self.acos = acos(self.ad_spend, self.ad_sales);
        self.rating_tenths = (self.reviews > 0)
            .then(|| u16::try_from(all_stars / u64::from(self.reviews)).ok())
            .flatten();
        self
    }
}

/// Each store's standing in `market`, in store order (`stores[i]` is store `i`).
pub fn standings(stores: &[&Session], market: &str) -> Vec<Standing> {
    stores
        .iter()
        .enumerate()
        .map(|(index, session)| {
            let mut standing = Standing {
                store: index,
                profit: 0,
                sales: 0,
                orders: 0,
                ad_spend: 0,
                ad_sales: 0,
                acos: None,
                rating_tenths: None,
                reviews: 0,
                listings: Vec::new(),
            };
            let Some(store) = session.store_desk().store(market) else {
                return standing;
            };
            for day in &store.money {
                standing.profit = standing.profit.saturating_add(day.profit());
                standing.sales = standing.sales.saturating_add(day.sales - day.refunds);
                standing.ad_spend = standing.ad_spend.saturating_add(day.ad_spend);
            }
            let mut stars = 0u64;
            for own in &store.student {
                let Some(listing) = store.listings.get(own.id.0 as usize) else {
                    continue;
                };
                let ads = store.ads_result(own.id);
                standing.ad_sales = standing.ad_sales.saturating_add(ads.sales);
                standing.orders += store
                    .history
                    .iter()
                    .filter_map(|(_, s)| s.listings.get(own.id.0 as usize))
                    .map(|s| s.kept_orders())
                    .sum::<u32>();
                stars += u64::from(listing.rating_tenths) * u64::from(listing.reviews);
                standing.reviews += listing.reviews;
                standing.listings.push(ListingDecision {
                    market: market.to_string(),
                    sku: own.sku.clone(),
                    price: listing.effective_price(),
                    bid: listing.bid,
                    stock: listing.stock,
                    quality: listing.quality,
                    shipping: own.shipping.clone(),
                });
            }
            standing.acos = acos(standing.ad_spend, standing.ad_sales);
            if standing.reviews > 0 {
                standing.rating_tenths = u16::try_from(stars / u64::from(standing.reviews)).ok();
            }
            standing
        })
        .collect()
}
