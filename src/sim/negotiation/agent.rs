//! AI negotiators for the alternating-offers protocol: time-dependent concession (Boulware,
//! linear, conceder), tit-for-tat, hard-headed and random. Each bids at its target utility,
//! choosing among the bids near that target the one closest to the opponent's last offer, and
//! accepts an offer worth at least its own next offer (at the very end: anything above its
//! reservation value).

use std::sync::Arc;

use rand::RngExt;
use rand::rngs::ChaCha8Rng;

pub use crate::sim::scenario::negotiation::Strategy;

use super::domain::{Bid, Domain, FULL, IssueOptions, MAX_ISSUES, Preferences};

impl Strategy {
    /// The strategy a scenario's counterpart plays.
    pub fn of(personality: &crate::sim::scenario::Personality) -> Self {
        use crate::sim::terms::ConcessionStrategy as C;
        let e_milli = u32::try_from(personality.concession_exponent.0 / 1000)
            .unwrap_or(1000)
            .max(1);
        match personality.strategy {
            C::Boulware | C::Conceder => Strategy::TimeDependent { e_milli },
            C::Linear => Strategy::TimeDependent { e_milli: 1000 },
            C::TitForTat => Strategy::TitForTat,
            C::HardHeaded => Strategy::HardHeaded,
            C::Random => Strategy::Random,
        }
    }

    pub fn name(&self) -> String {
        match self {
            Strategy::TimeDependent { e_milli } if *e_milli < 1000 => format!("Boulware (e={})", milli(*e_milli)),
            Strategy::TimeDependent { e_milli } if *e_milli == 1000 => "Linear (e=1)".to_string(),
            Strategy::TimeDependent { e_milli } => format!("Conceder (e={})", milli(*e_milli)),
            Strategy::TitForTat => "Tit-for-tat".to_string(),
            Strategy::HardHeaded => "Hard-headed".to_string(),
            Strategy::Random => "Random".to_string(),
        }
    }
}

fn milli(v: u32) -> String {
    let text = format!("{}.{:03}", v / 1000, v % 1000);
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// One side's bids sorted by its own utility, best first; built once per preference profile
/// and shared by every negotiation that profile takes part in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BidTable {
    prefs: Preferences,
    by_utility: Vec<(u32, Bid)>,
    /// Per-issue distance between options x and y at `offsets[i] + x·nᵢ + y` (symmetric, so row
    /// x is also column x): ordinal issues (price, quantity, days) count index steps, nominal
    /// ones (Incoterm, payment) count a mismatch as a full step.
    distances: Vec<u32>,
    offsets: [usize; MAX_ISSUES],
    sizes: [usize; MAX_ISSUES],
    issues: usize,
}

impl BidTable {
    pub fn new(domain: &Domain, prefs: &Preferences) -> Self {
        let mut by_utility: Vec<(u32, Bid)> = domain.all_bids().into_iter().map(|b| (prefs.utility(b), b)).collect();
        by_utility.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut distances = Vec::new();
        let mut offsets = [0usize; MAX_ISSUES];
        let mut sizes = [0usize; MAX_ISSUES];
        for (i, issue) in domain.issues().iter().enumerate() {
            let n = issue.len();
            let step = if n > 1 { FULL / (n as u32 - 1) } else { 0 };
            let ordinal = !matches!(issue, IssueOptions::Incoterm(_) | IssueOptions::Payment(_));
            offsets[i] = distances.len();
            sizes[i] = n;
            for x in 0..n {
                for y in 0..n {
                    distances.push(match (ordinal, x == y) {
                        (true, _) => step * x.abs_diff(y) as u32,
                        (false, true) => 0,
                        (false, false) => FULL,
                    });
                }
            }
        }
        Self {
            prefs: prefs.clone(),
            by_utility,
            distances,
            offsets,
            sizes,
            issues: domain.issues().len(),
        }
    }

    /// The preferences the bids are sorted by.
    pub fn preferences(&self) -> &Preferences {
        &self.prefs
    }

    pub fn best(&self) -> (u32, Bid) {
        self.by_utility.first().copied().unwrap_or((0, Bid::default()))
    }

    /// How many bids are worth at least `target`.
    #[inline]
    fn count_at_least(&self, target: u32) -> usize {
        self.by_utility.partition_point(|(u, _)| *u >= target)
    }

    /// A bid worth at least `target` (the best bid if none is): among the bids just above the
    /// target, the one closest to `near`.
    pub fn bid_at(&self, target: u32, near: Option<Bid>) -> Bid {
        self.choose(self.count_at_least(target), near)
    }

    /// [`BidTable::bid_at`] for the target that `above` bids reach.
    fn choose(&self, above: usize, near: Option<Bid>) -> Bid {
        /// Bids within this much utility of the lowest one above target count as "at" it.
        const WINDOW: u32 = 20_000;
        const CANDIDATES: usize = 16;
        if above == 0 {
            return self.best().1;
        }
        let (floor, first) = self.by_utility[above - 1];
        let Some(near) = near else {
            return first;
        };
        // Each issue's row of distances from `near`'s option, found once for all candidates.
        let mut rows: [&[u32]; MAX_ISSUES] = [&[]; MAX_ISSUES];
        for (i, row) in rows.iter_mut().enumerate().take(self.issues) {
            let start = self.offsets[i] + near.option(i) * self.sizes[i];
            *row = self.distances.get(start..start + self.sizes[i]).unwrap_or(&[]);
        }
        let rows = &rows[..self.issues];
        let distance_to_near = |bid: Bid| -> u32 {
            rows.iter()
                .enumerate()
                .map(|(i, row)| row.get(bid.option(i)).copied().unwrap_or(0))
                .sum()
        };
        let mut chosen = first;
        let mut chosen_distance = distance_to_near(first);
        for &(u, bid) in self.by_utility[..above - 1].iter().rev().take(CANDIDATES - 1) {
            if u > floor.saturating_add(WINDOW) || chosen_distance == 0 {
                break;
            }
            let d = distance_to_near(bid);
            if d < chosen_distance {
                chosen = bid;
                chosen_distance = d;
            }
        }
        chosen
    }

    /// A uniformly random bid among the best `above`.
    fn random_among_best(&self, above: usize, rng: &mut ChaCha8Rng) -> Bid {
        self.by_utility[rng.random_range(0..above.clamp(1, self.by_utility.len()))].1
    }
}

/// What a negotiator does with the offer on the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Response {
    Accept,
    Offer(Bid),
    /// No deal: the deadline has passed and the offer is worse than walking away.
    WalkAway,
}

/// An AI negotiator for one negotiation.
#[derive(Debug, Clone)]
pub struct Agent {
    table: Arc<BidTable>,
    strategy: Strategy,
    deadline: u32,
    /// Time-dependent targets per round, 0..=deadline, with how many bids reach each.
    targets: Vec<(u32, usize)>,
    /// Tit-for-tat's current target.
    tft_target: u32,
    /// How many bids reach the current non-time-dependent target (tit-for-tat's, the best
    /// bid's for hard-headed, the reservation value's for random), kept with the target.
    steady_above: usize,
    /// The opponent's previous offer's utility to this agent.
    previous_incoming: Option<u32>,
    /// The last choice made: (bids reaching the target, offer answered) → bid. Targets move
    /// slowly and opponents repeat offers, so the same choice is often asked for again.
    last_choice: Option<(usize, Option<Bid>, Bid)>,
}

impl Agent {
    /// `deadline`: rounds in which this agent may make an offer (at least 1).
    pub fn new(table: Arc<BidTable>, strategy: Strategy, deadline: u32) -> Self {
        let deadline = deadline.max(1);
        let best = table.best().0;
        let reservation = table.prefs.reservation().min(best);
        let targets = match strategy {
            Strategy::TimeDependent { e_milli } => {
                let exponent = 1000.0 / f64::from(e_milli.max(1));
                let last = f64::from(deadline.saturating_sub(1).max(1));
                (0..=deadline)
                    .map(|round| {
                        let t = (f64::from(round) / last).min(1.0);
                        let concession = f64::from(best - reservation) * t.powf(exponent);
                        let target = best - (concession.round() as u32).min(best - reservation);
                        (target, table.count_at_least(target))
                    })
                    .collect()
            }
            _ => Vec::new(),
        };
        let steady_above = table.count_at_least(match strategy {
            Strategy::Random => reservation,
            _ => best,
        });
        Self {
            table,
            strategy,
            deadline,
            targets,
            tft_target: best,
            steady_above,
            previous_incoming: None,
            last_choice: None,
        }
    }

    pub fn strategy(&self) -> Strategy {
        self.strategy
    }

    /// The agent's utility for a bid.
    pub fn utility(&self, bid: Bid) -> u32 {
        self.table.prefs.utility(bid)
    }

    /// The utility this agent aims for in `round` (before seeing the offer, for time-dependent
    /// agents; tit-for-tat's target moves with the opponent).
    pub fn target(&self, round: u32) -> u32 {
        match self.strategy {
            Strategy::TimeDependent { .. } => self
                .targets
                .get(round as usize)
                .map_or(self.table.prefs.reservation(), |(target, _)| *target),
            Strategy::TitForTat => self.tft_target,
            Strategy::HardHeaded => self.table.best().0,
            Strategy::Random => self.table.prefs.reservation(),
        }
    }

    /// Answers the offer on the table (`None` when this agent opens) in `round`
    /// (0-based). From round `deadline` on it may no longer offer, only accept or walk away.
    pub fn respond(&mut self, incoming: Option<Bid>, round: u32, rng: &mut ChaCha8Rng) -> Response {
        let reservation = self.table.prefs.reservation();
        let incoming_utility = incoming.map(|b| self.table.prefs.utility(b));
        if round >= self.deadline {
            return match incoming_utility {
                Some(u) if u >= reservation => Response::Accept,
                _ => Response::WalkAway,
            };
        }
        if self.strategy == Strategy::TitForTat
            && let (Some(now), Some(before)) = (incoming_utility, self.previous_incoming)
            && now > before
        {
            self.tft_target = self
                .tft_target
                .saturating_sub(now - before)
                .max(reservation.min(self.table.best().0));
            self.steady_above = self.table.count_at_least(self.tft_target);
        }
        if incoming_utility.is_some() {
            self.previous_incoming = incoming_utility;
        }
        let next = match self.strategy {
            Strategy::Random => self.table.random_among_best(self.steady_above, rng),
            _ => {
                let above = match self.targets.get(round as usize) {
                    Some((_, above)) => *above,
                    None => self.steady_above,
                };
                match self.last_choice {
                    Some((a, near, bid)) if a == above && near == incoming => bid,
                    _ => {
                        let bid = self.table.choose(above, incoming);
                        self.last_choice = Some((above, incoming, bid));
                        bid
                    }
                }
            }
        };
        let next_utility = self.table.prefs.utility(next);
        if let Some(u) = incoming_utility
            && u >= next_utility
            && u >= reservation
        {
            return Response::Accept;
        }
        Response::Offer(next)
    }
}
