//! The student as buyer: the landed cost of an item from abroad (price and postage at today's
//! rate, plus the home country's tax on personal parcels unless it is small enough to be
//! waived), and an auction for that item in which the student bids against AI rivals.

use crate::sim::said::Said;
use rand::RngExt;
use rand::rngs::ChaCha8Rng;

use crate::sim::c2c::auction::{
    Auction, AuctionResult, AuctionTerms, BidError, BidderId, DAY_MINUTES, Minute, day_start,
};

use super::*;

/// Rivals bidding against the student for the item abroad.
pub const PURCHASE_RIVALS: usize = 4;
/// Days the item's auction runs after the student's first bid.
pub const PURCHASE_DAYS: u32 = 2;
/// The student bids at noon of the day they decide.
const STUDENT_BIDS_AT: Minute = 12 * 60;

/// What the item costs landed at home, home currency minor units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Landed {
    pub price_home: i64,
    pub postage_home: i64,
    pub tax: i64,
    pub tax_waived: bool,
    pub total: i64,
}

/// How the student's auction abroad ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PurchaseOutcome {
    pub won: bool,
    /// The hammer price (market currency), won or not.
    pub price: i64,
    /// What the student paid landed, if they won.
    pub landed: Option<Landed>,
    /// Whether the student's maximum bid kept the landed cost within the budget.
    pub max_within_budget: bool,
}

/// Another bidder for the item abroad.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rival {
    pub name: String,
    /// Their secret maximum.
    pub max: i64,
    /// When they bid.
    pub at: Minute,
    /// Whether their bid has been placed (or they found it above their maximum).
    pub done: bool,
}

/// The auction abroad the student bids in.
#[derive(Debug, Clone)]
pub struct PurchaseAuction {
    pub market: String,
    pub auction: Auction,
    pub rivals: Vec<Rival>,
    pub student_max: i64,
    pub outcome: Option<PurchaseOutcome>,
}

impl PurchaseAuction {
    /// The student is bidder 0, rivals 1….
    pub fn bidder_name(&self, bidder: BidderId) -> Option<&str> {
        match bidder.0 {
            0 => None,
            n => self.rivals.get(n as usize - 1).map(|r| r.name.as_str()),
        }
    }

    /// Places, in time order, the rivals' bids due before `until`; a rival whose maximum is
    /// below the minimum bid by then only watches.
    fn place_rivals_before(&mut self, until: Minute) {
        let mut due: Vec<(Minute, usize)> = self
            .rivals
            .iter()
            .enumerate()
            .filter(|(_, r)| !r.done && r.at < until)
            .map(|(i, r)| (r.at, i))
            .collect();
        due.sort_unstable();
        for (at, i) in due {
            let bidder = BidderId(u32::try_from(i + 1).unwrap_or(u32::MAX));
            let max = self.rivals[i].max;
            if max >= self.auction.minimum_bid(bidder) {
                let _ = self.auction.place_bid(bidder, max, at);
            }
            self.rivals[i].done = true;
        }
    }
}

/// The landed cost of the buying exercise's item bought at `price` (market currency).
pub fn landed_at(world: &World, market: &str, price: i64) -> Option<Landed> {
    let m = world.market(market)?;
    let purchase = world.site(market)?.purchase.as_ref()?;
    let home = world.scenario.home_currency();
    let exponent = world.scenario.exponent(m.currency);
    let price_home = (world.convert)(Money::new(price, m.currency, exponent), home)?;
    let postage_home = (world.convert)(Money::new(purchase.postage, m.currency, exponent), home)?;
    let tax_due = purchase.import_tax.of(price_home + postage_home);
    let waived_limit = (world.convert)(purchase.tax_waived_up_to, home)?;
    let tax_waived = tax_due <= waived_limit;
    let tax = if tax_waived { 0 } else { tax_due };
    Some(Landed {
        price_home,
        postage_home,
        tax,
        tax_waived,
        total: price_home + postage_home + tax,
    })
}

/// The landed cost of the buying exercise at its expected price, graded against `estimate`
/// (correct within 3%).
pub fn purchase_grade(world: &World, market: &str, estimate: i64) -> Option<PurchaseGrade> {
    let purchase = world.site(market)?.purchase.as_ref()?;
    let landed = landed_at(world, market, purchase.price)?;
    Some(PurchaseGrade {
        market: market.to_string(),
        price_home: landed.price_home,
        postage_home: landed.postage_home,
        tax: landed.tax,
        tax_waived: landed.tax_waived,
        landed: landed.total,
        estimate,
        correct: (estimate - landed.total).abs() * 100 <= landed.total.abs() * 3,
    })
}

impl Shop {
    /// The student places (or raises) a maximum bid on the item abroad; the first bid opens
    /// its auction, which runs [`PURCHASE_DAYS`] days against rivals valuing it by the site's
    /// value spread.
    ///
    /// # Errors
    /// [`ShopError`] when the market has no buying exercise, the auction is over, or the bid is
    /// below the minimum; nothing changes then.
    pub fn bid_abroad(
        &mut self,
        world: &World,
        market: &str,
        max: i64,
        day: u32,
        rng: &mut ChaCha8Rng,
    ) -> Result<Outcome, ShopError> {
        let site = world
            .site(market)
            .ok_or_else(|| ShopError::NoPurchase(market.to_string()))?;
        let purchase = site
            .purchase
            .as_ref()
            .ok_or_else(|| ShopError::NoPurchase(market.to_string()))?;
        if !(1..=MAX_AMOUNT).contains(&max) {
            return Err(ShopError::BadTerms("a bid is an amount above zero"));
        }
        let at = day_start(day) + STUDENT_BIDS_AT;
        let student = BidderId(0);
        // The minimum in the market's money, not in its smallest unit.
        let refused = |e: BidError| match e {
            BidError::TooLow { minimum } => ShopError::BidTooLow(world.money(market, minimum)),
            other => ShopError::Bid(other),
        };
        if let Some(run) = self.bids_abroad.iter_mut().find(|r| r.market == market) {
            // Rivals who bid earlier today come first; checked on a copy, so a refused bid
            // changes nothing.
            let mut checked = run.clone();
            checked.place_rivals_before(at);
            checked.auction.place_bid(student, max, at).map_err(refused)?;
            checked.student_max = max;
            *run = checked;
        } else {
            let unit = 10i64.pow(world.scenario.exponent(world.money(market, 0).currency));
            let start = (purchase.price / 2 / unit * unit).max(unit);
            let opens = at;
            let closes = at + PURCHASE_DAYS * DAY_MINUTES;
            let mut auction = Auction::new(
                AuctionTerms {
                    start_price: start,
                    reserve: None,
                    buy_it_now: None,
                    opens,
                    closes,
                    soft_close: None,
                },
                site.increments.clone(),
            );
            auction.place_bid(student, max, at).map_err(refused)?;
            let (low, mode, high) = (
                site.values.0.0 as f64 / 1e6,
                site.values.1.0 as f64 / 1e6,
                site.values.2.0 as f64 / 1e6,
            );
            // Rivals bid after the student, one of them in the last minutes.
            let rivals = (0..PURCHASE_RIVALS)
                .map(|i| {
                    let value = (purchase.price as f64 * buyers::triangular(low, mode, high, rng)).round() as i64;
                    let when = if i == 0 {
                        closes - rng.random_range(1..=3u32)
                    } else {
                        rng.random_range(opens + 1..closes)
                    };
                    Rival {
                        name: buyers::crowd_name(rng),
                        max: value / unit * unit,
                        at: when,
                        done: false,
                    }
                })
                .collect();
            self.bids_abroad.push(PurchaseAuction {
                market: market.to_string(),
                auction,
                rivals,
                student_max: max,
                outcome: None,
            });
        }
        Ok(Outcome::default())
    }

    /// Rivals' bids of the day and, at the close, the purchase: the student pays the price,
    /// postage and tax if they won.
    pub(super) fn run_bids_abroad(&mut self, world: &World, day: u32, outcome: &mut Outcome) {
        let end = day_start(day + 1);
        for run in &mut self.bids_abroad {
            if run.outcome.is_some() {
                continue;
            }
            run.place_rivals_before(end);
            let Some(result) = run.auction.close_if_due(end) else {
                continue;
            };
            let (won, price) = match result {
                AuctionResult::Sold { winner, price, .. } => (winner == BidderId(0), price),
                AuctionResult::NoBids | AuctionResult::ReserveNotMet { .. } => (false, 0),
            };
            let landed = if won {
                landed_at(world, &run.market, price)
            } else {
                None
            };
            if let Some(l) = landed {
                let home = world.scenario.home_currency();
                outcome.postings.push((
                    PostTo::Purchase,
                    Money::new(-l.total, home, world.scenario.exponent(home)),
                    Said::new("memo-bought-abroad")
                        .with("market", run.market.as_str())
                        .with("price", world.money(&run.market, price).format()),
                ));
            }
            run.outcome = Some(PurchaseOutcome {
                won,
                price,
                landed,
                max_within_budget: world
                    .site(&run.market)
                    .and_then(|s| s.purchase.as_ref())
                    .and_then(|p| (world.convert)(p.budget, world.scenario.home_currency()))
                    .zip(landed_at(world, &run.market, run.student_max))
                    .is_some_and(|(budget, l)| l.total <= budget),
            });
            outcome.events.push(ShopEvent::BoughtAbroad {
                market: run.market.clone(),
                won,
                price: world.money(&run.market, price),
            });
        }
    }
}
