//! The outcome space of a negotiation seen from both sides: every bid's pair of utilities,
//! the Pareto frontier, the Nash and Kalai–Smorodinsky points, and how far an outcome is from
//! the frontier. Used by the debrief and the tournament; the tests check it against brute force.

use super::domain::{Bid, Domain, Preferences};

/// One bid and what it is worth to each side (micro-utility).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Point {
    pub seller: u32,
    pub buyer: u32,
    pub bid: Bid,
}

/// The analysed outcome space.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutcomeSpace {
    pub points: Vec<Point>,
    /// Pareto-optimal points, by seller utility descending (buyer utility ascending).
    pub frontier: Vec<Point>,
    /// Maximises (u_seller − r_seller) × (u_buyer − r_buyer) over deals both prefer to no deal.
    pub nash: Option<Point>,
    /// Maximises the smaller of the two gains, each as a share of that side's best possible gain.
    pub kalai_smorodinsky: Option<Point>,
    pub seller_reservation: u32,
    pub buyer_reservation: u32,
}

impl OutcomeSpace {
    pub fn new(domain: &Domain, seller: &Preferences, buyer: &Preferences) -> Self {
        let points: Vec<Point> = domain
            .all_bids()
            .into_iter()
            .map(|bid| Point {
                seller: seller.utility(bid),
                buyer: buyer.utility(bid),
                bid,
            })
            .collect();
        let frontier = pareto_frontier(&points);
        let (rs, rb) = (seller.reservation(), buyer.reservation());
        let nash = frontier
            .iter()
            .filter(|p| p.seller > rs && p.buyer > rb)
            .max_by_key(|p| {
                (
                    u64::from(p.seller - rs) * u64::from(p.buyer - rb),
                    std::cmp::Reverse(p.bid),
                )
            })
            .copied();
        let best_seller = points
            .iter()
            .filter(|p| p.buyer >= rb)
            .map(|p| p.seller)
            .max()
            .unwrap_or(0);
        let best_buyer = points
            .iter()
            .filter(|p| p.seller >= rs)
            .map(|p| p.buyer)
            .max()
            .unwrap_or(0);
        let kalai_smorodinsky = (best_seller > rs && best_buyer > rb)
            .then(|| {
                frontier
                    .iter()
                    .filter(|p| p.seller > rs && p.buyer > rb)
                    .max_by(|a, b| {
                        let share = |p: &Point| {
                            // min(gain_s / range_s, gain_b / range_b) compared exactly as fractions.
                            let s = (u128::from(p.seller - rs), u128::from(best_seller - rs));
                            let b = (u128::from(p.buyer - rb), u128::from(best_buyer - rb));
                            if s.0 * b.1 <= b.0 * s.1 { s } else { b }
                        };
                        let (x, y) = (share(a), share(b));
                        (x.0 * y.1).cmp(&(y.0 * x.1)).then(b.bid.cmp(&a.bid))
                    })
                    .copied()
            })
            .flatten();
        Self {
            points,
            frontier,
            nash,
            kalai_smorodinsky,
            seller_reservation: rs,
            buyer_reservation: rb,
        }
    }

    /// Euclidean distance in utility space from `(seller, buyer)` to the nearest frontier point.
    pub fn distance_to_frontier(&self, seller: u32, buyer: u32) -> u32 {
        self.frontier
            .iter()
            .map(|p| distance((seller, buyer), (p.seller, p.buyer)))
            .min()
            .unwrap_or(0)
    }

    /// Whether the bid is Pareto-optimal.
    pub fn is_pareto_optimal(&self, bid: Bid) -> bool {
        self.frontier.iter().any(|p| p.bid == bid)
    }
}

/// Euclidean distance between two utility pairs, in micro-utility.
pub fn distance(a: (u32, u32), b: (u32, u32)) -> u32 {
    let dx = u64::from(a.0.abs_diff(b.0));
    let dy = u64::from(a.1.abs_diff(b.1));
    (dx * dx + dy * dy).isqrt() as u32
}

/// The points no other point dominates (at least as good for both, better for one). Sorting by
/// seller utility descending, a point survives when its buyer utility beats every point before it
/// (points with identical utilities survive together).
pub fn pareto_frontier(points: &[Point]) -> Vec<Point> {
    let mut sorted = points.to_vec();
    sorted.sort_by(|a, b| {
        b.seller
            .cmp(&a.seller)
            .then(b.buyer.cmp(&a.buyer))
            .then(a.bid.cmp(&b.bid))
    });
    let mut frontier: Vec<Point> = Vec::new();
    let mut best_buyer: Option<u32> = None;
    for p in sorted {
        let same_as_last = frontier
            .last()
            .is_some_and(|l| l.seller == p.seller && l.buyer == p.buyer);
        if best_buyer.is_none_or(|b| p.buyer > b) || same_as_last {
            best_buyer = Some(best_buyer.map_or(p.buyer, |b| b.max(p.buyer)));
            frontier.push(p);
        }
    }
    frontier
}
