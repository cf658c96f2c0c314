//! An online auction with proxy bidding, as auction sites run it: each bidder states a secret
//! maximum, the site bids for them by the minimum increment, and the winner pays the
//! second-highest maximum plus one increment (never more than their own maximum). Equal maxima:
//! the earlier bid wins. A reserve that is not met means no sale; buy-it-now ends the auction
//! at once while it is offered; a soft close extends the end after a late bid.
//!
//! Prices are integer minor units of the site's currency; time is [`Minute`]s since the start of
//! the scenario's first day.

use crate::sim::said::Said;

/// Minutes since 00:00 of the scenario's day 1.
pub type Minute = u32;

/// Minutes in a day.
pub const DAY_MINUTES: Minute = 24 * 60;

/// The first minute of scenario day `day` (1-based).
pub fn day_start(day: u32) -> Minute {
    day.saturating_sub(1).saturating_mul(DAY_MINUTES)
}

pub use crate::sim::scenario::auction_site::IncrementTable;

/// Who bid: an index into the caller's list of bidders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct BidderId(pub u32);

/// How the seller set the auction up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AuctionTerms {
    pub start_price: i64,
    pub reserve: Option<i64>,
    pub buy_it_now: Option<i64>,
    pub opens: Minute,
    pub closes: Minute,
    /// A bid in the last this-many minutes moves the close to that many minutes after it.
    pub soft_close: Option<u32>,
}

/// A bidder's standing maximum.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Proxy {
    bidder: BidderId,
    max: i64,
    /// When this maximum was placed (and its order among same-minute bids): earlier wins ties.
    at: Minute,
    seq: u32,
}

/// One line of the public bid history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HistoryEntry {
    pub at: Minute,
    pub bidder: BidderId,
    /// What happened.
    pub kind: HistoryKind,
    /// The current price after this bid.
    pub price: i64,
    /// Who leads after this bid.
    pub leader: BidderId,
    /// A soft close moved the end to this minute.
    pub extended_to: Option<Minute>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HistoryKind {
    Bid,
    /// The leader raised their own maximum.
    Raised,
    BuyItNow,
}

/// How the auction ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuctionResult {
    Sold {
        winner: BidderId,
        price: i64,
        at: Minute,
        bought_now: bool,
    },
    NoBids,
    /// The highest maximum stayed below the reserve: no sale. `highest` is the highest bid
    /// as shown (the current price), not the secret maximum.
    ReserveNotMet {
        highest: i64,
    },
}

/// Why a bid was refused; the auction is unchanged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum BidError {
    #[error("the auction is not open at that time")]
    Closed,
    #[error("the bid must be at least {minimum}")]
    TooLow { minimum: i64 },
    #[error("buy it now is no longer offered")]
    NoBuyItNow,
}

impl BidError {
    /// Why, in the reader's language.
    pub fn said(&self) -> Said {
        match self {
            BidError::Closed => Said::new("refused-auction-closed"),
            BidError::TooLow { minimum } => Said::new("refused-bid-too-low").with("minimum", *minimum),
            BidError::NoBuyItNow => Said::new("refused-buy-now-gone"),
        }
    }
}

/// A running (or ended) auction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Auction {
    terms: AuctionTerms,
    increments: IncrementTable,
    proxies: Vec<Proxy>,
    history: Vec<HistoryEntry>,
    closes: Minute,
    seq: u32,
    result: Option<AuctionResult>,
}

impl Auction {
    pub fn new(terms: AuctionTerms, increments: IncrementTable) -> Self {
        Self {
            closes: terms.closes,
            terms,
            increments,
            proxies: Vec::new(),
            history: Vec::new(),
            seq: 0,
            result: None,
        }
    }

    pub fn terms(&self) -> &AuctionTerms {
        &self.terms
    }
    pub fn increments(&self) -> &IncrementTable {
        &self.increments
    }
    /// When the auction ends now (after any soft-close extensions).
    pub fn closes(&self) -> Minute {
        self.closes
    }
    pub fn history(&self) -> &[HistoryEntry] {
        &self.history
    }
    pub fn result(&self) -> Option<AuctionResult> {
        self.result
    }
    /// Distinct bidders so far.
    pub fn bidder_count(&self) -> usize {
        self.proxies.len()
    }

    /// Leader first, then the others by maximum (ties by time).
    fn ranked(&self) -> Vec<Proxy> {
        let mut ranked = self.proxies.clone();
        ranked.sort_by(|a, b| b.max.cmp(&a.max).then(a.at.cmp(&b.at)).then(a.seq.cmp(&b.seq)));
        ranked
    }

    /// The leading bidder, if anyone has bid.
    pub fn leader(&self) -> Option<BidderId> {
        self.ranked().first().map(|p| p.bidder)
    }

    /// A bidder's secret maximum (the site knows it; the seller's screen must not show it).
    pub fn max_of(&self, bidder: BidderId) -> Option<i64> {
        self.proxies.iter().find(|p| p.bidder == bidder).map(|p| p.max)
    }

    /// Whether the leader's maximum reaches the reserve (always true without one).
    pub fn reserve_met(&self) -> bool {
        match (self.terms.reserve, self.ranked().first()) {
            (None, _) => true,
            (Some(reserve), Some(leader)) => leader.max >= reserve,
            (Some(_), None) => false,
        }
    }

    /// The price shown now: the start price before any bid; then the second-highest maximum
    /// plus one increment, capped at the leader's maximum (equal maxima: the leader pays their
    /// maximum); raised to the reserve once the leader's maximum meets it.
    pub fn current_price(&self) -> i64 {
        let ranked = self.ranked();
        let Some(leader) = ranked.first() else {
            return self.terms.start_price;
        };
        let mut price = match ranked.get(1) {
            None => self.terms.start_price,
            Some(second) if second.max == leader.max => leader.max,
            Some(second) => second
                .max
                .saturating_add(self.increments.at(second.max))
                .min(leader.max),
        };
        price = price.max(self.terms.start_price);
        if let Some(reserve) = self.terms.reserve
            && leader.max >= reserve
        {
            price = price.max(reserve);
        }
        price
    }

    /// The least `bidder` may bid now: the start price before any bid, above their own maximum
    /// for the leader, and the current price plus one increment for everyone else.
    pub fn minimum_bid(&self, bidder: BidderId) -> i64 {
        match self.leader() {
            None => self.terms.start_price,
            Some(leader) if leader == bidder => self.max_of(bidder).unwrap_or(0).saturating_add(1),
            Some(_) => {
                let price = self.current_price();
                let own = self.max_of(bidder).map_or(0, |m| m.saturating_add(1));
                price.saturating_add(self.increments.at(price)).max(own)
            }
        }
    }

    /// Whether buy-it-now can still be used: offered, and no bid yet (with a reserve: until
    /// a bid meets it).
    pub fn buy_it_now_open(&self) -> bool {
        self.result.is_none()
            && self.terms.buy_it_now.is_some()
            && (self.proxies.is_empty() || (self.terms.reserve.is_some() && !self.reserve_met()))
    }

    fn is_open_at(&self, at: Minute) -> bool {
        self.result.is_none() && at >= self.terms.opens && at < self.closes
    }

    /// Places (or raises) `bidder`'s maximum at minute `at`.
    ///
    /// # Errors
    /// [`BidError`] when the auction is not open or the bid is below [`Auction::minimum_bid`];
    /// nothing changes then.
    pub fn place_bid(&mut self, bidder: BidderId, max: i64, at: Minute) -> Result<(), BidError> {
        if !self.is_open_at(at) {
            return Err(BidError::Closed);
        }
        let minimum = self.minimum_bid(bidder);
        if max < minimum {
            return Err(BidError::TooLow { minimum });
        }
        let was_leader = self.leader() == Some(bidder);
        self.seq += 1;
        let proxy = Proxy {
            bidder,
            max,
            at,
            seq: self.seq,
        };
        match self.proxies.iter_mut().find(|p| p.bidder == bidder) {
            // A leader raising keeps the time of their lead for ties (they were first there).
            Some(p) if was_leader => p.max = max,
            Some(p) => *p = proxy,
            None => self.proxies.push(proxy),
        }
        let extended_to = match self.terms.soft_close {
            Some(window) if self.closes.saturating_sub(at) < window => {
                self.closes = at + window;
                Some(self.closes)
            }
            _ => None,
        };
        self.history.push(HistoryEntry {
            at,
            bidder,
            kind: if was_leader {
                HistoryKind::Raised
            } else {
                HistoryKind::Bid
            },
            price: self.current_price(),
            leader: self.leader().unwrap_or(bidder),
            extended_to,
        });
        Ok(())
    }

    /// `bidder` buys at the buy-it-now price at minute `at`, ending the auction.
    ///
    /// # Errors
    /// [`BidError`] when the auction is closed or buy-it-now is no longer offered.
    pub fn buy_it_now(&mut self, bidder: BidderId, at: Minute) -> Result<i64, BidError> {
        if !self.is_open_at(at) {
            return Err(BidError::Closed);
        }
        let price = match self.terms.buy_it_now {
            Some(price) if self.buy_it_now_open() => price,
            _ => return Err(BidError::NoBuyItNow),
        };
        self.history.push(HistoryEntry {
            at,
            bidder,
            kind: HistoryKind::BuyItNow,
            price,
            leader: bidder,
            extended_to: None,
        });
        self.result = Some(AuctionResult::Sold {
            winner: bidder,
            price,
            at,
            bought_now: true,
        });
        Ok(price)
    }

    /// Ends the auction if its (possibly extended) close is at or before `now`.
    pub fn close_if_due(&mut self, now: Minute) -> Option<AuctionResult> {
        if self.result.is_some() || now < self.closes {
            return self.result;
        }
        let ranked = self.ranked();
        self.result = Some(match ranked.first() {
            None => AuctionResult::NoBids,
            // The site shows the highest bid (the current price), never the leader's maximum.
            Some(_) if !self.reserve_met() => AuctionResult::ReserveNotMet {
                highest: self.current_price(),
            },
            Some(leader) => AuctionResult::Sold {
                winner: leader.bidder,
                price: self.current_price(),
                at: self.closes,
                bought_now: false,
            },
        });
        self.result
    }
}
