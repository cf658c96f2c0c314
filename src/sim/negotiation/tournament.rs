//! AI-vs-AI tournaments: every seller strategy against every buyer strategy on one negotiation,
//! many times, with agreement rate, utilities, welfare, rounds and distance to the Pareto
//! frontier and the Nash point. Instructors use it to tune counterparts.

use std::sync::Arc;

use rand::SeedableRng;
use rand::rngs::ChaCha8Rng;

use super::NegotiationCase;
use super::agent::{Agent, BidTable, Strategy};
use super::analysis::{OutcomeSpace, distance};
use super::protocol::negotiate;

/// The strategies every tournament includes, plus the scenario's own counterparts'.
pub fn standard_roster() -> Vec<Strategy> {
    vec![
        Strategy::TimeDependent { e_milli: 200 },
        Strategy::TimeDependent { e_milli: 1000 },
        Strategy::TimeDependent { e_milli: 5000 },
        Strategy::TitForTat,
        Strategy::HardHeaded,
        Strategy::Random,
    ]
}

/// Totals for one pairing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PairResult {
    pub seller: Strategy,
    pub buyer: Strategy,
    pub runs: u32,
    pub agreements: u32,
    /// Sums over agreements, in micro-utility (divide by `agreements` for means).
    pub seller_utility: u64,
    pub buyer_utility: u64,
    pub pareto_distance: u64,
    pub nash_distance: u64,
    /// Sum over all runs of the round the talks ended in (1-based).
    pub rounds: u64,
}

impl PairResult {
    pub fn agreement_rate(&self) -> f64 {
        ratio(u64::from(self.agreements), u64::from(self.runs))
    }
    pub fn mean_seller_utility(&self) -> f64 {
        ratio(self.seller_utility, u64::from(self.agreements)) / 1e6
    }
    pub fn mean_buyer_utility(&self) -> f64 {
        ratio(self.buyer_utility, u64::from(self.agreements)) / 1e6
    }
    pub fn mean_welfare(&self) -> f64 {
        self.mean_seller_utility() + self.mean_buyer_utility()
    }
    pub fn mean_pareto_distance(&self) -> f64 {
        ratio(self.pareto_distance, u64::from(self.agreements)) / 1e6
    }
    pub fn mean_nash_distance(&self) -> f64 {
        ratio(self.nash_distance, u64::from(self.agreements)) / 1e6
    }
    pub fn mean_rounds(&self) -> f64 {
        ratio(self.rounds, u64::from(self.runs))
    }
}

fn ratio(a: u64, b: u64) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Everything a tournament found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tournament {
    pub deadline_rounds: u32,
    /// Whether any deal beats walking away for both sides (else there is no Nash point and
    /// the Nash distances are meaningless).
    pub has_nash_point: bool,
    pub outcomes: usize,
    pub pairs: Vec<PairResult>,
}

impl Tournament {
    pub fn negotiations(&self) -> u64 {
        self.pairs.iter().map(|p| u64::from(p.runs)).sum()
    }
}

/// Plays every (seller, buyer) pairing of `strategies` `runs` times on `case`, with the
/// deadline `deadline_rounds` (the case's own if `None`). Deterministic for a given `seed`.
pub fn run_tournament(
    case: &NegotiationCase,
    strategies: &[Strategy],
    runs: u32,
    deadline_rounds: Option<u32>,
    seed: u64,
) -> Tournament {
    let deadline = deadline_rounds.unwrap_or(case.deadline_rounds).max(1);
    let space = OutcomeSpace::new(&case.domain, &case.seller, &case.buyer);
    // Distances of each deal reached, computed the first time it is reached.
    let nash = space.nash.map(|p| (p.seller, p.buyer));
    let mut distances: Vec<Option<(u32, u32)>> = vec![None; space.points.len()];
    let seller_table = Arc::new(BidTable::new(&case.domain, &case.seller));
    let buyer_table = Arc::new(BidTable::new(&case.domain, &case.buyer));
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut history = Vec::with_capacity(2 * deadline as usize + 2);
    let mut pairs = Vec::new();
    for &s in strategies {
        for &b in strategies {
            let mut result = PairResult {
                seller: s,
                buyer: b,
                runs,
                agreements: 0,
                seller_utility: 0,
                buyer_utility: 0,
                pareto_distance: 0,
                nash_distance: 0,
                rounds: 0,
            };
            let template_seller = Agent::new(Arc::clone(&seller_table), s, deadline);
            let template_buyer = Agent::new(Arc::clone(&buyer_table), b, deadline);
            for _ in 0..runs {
                let mut seller = template_seller.clone();
                let mut buyer = template_buyer.clone();
                let ending = negotiate(&mut seller, &mut buyer, case.opener, deadline, &mut rng, &mut history);
                result.rounds += u64::from(ending.round().min(deadline - 1) + 1);
                if let Some(bid) = ending.agreement() {
                    let p = space.points[case.domain.index(bid)];
                    let (to_frontier, to_nash) = *distances[case.domain.index(bid)].get_or_insert_with(|| {
                        (
                            space.distance_to_frontier(p.seller, p.buyer),
                            nash.map_or(0, |n| distance((p.seller, p.buyer), n)),
                        )
                    });
                    result.agreements += 1;
                    result.seller_utility += u64::from(p.seller);
                    result.buyer_utility += u64::from(p.buyer);
                    result.pareto_distance += u64::from(to_frontier);
                    result.nash_distance += u64::from(to_nash);
                }
            }
            pairs.push(result);
        }
    }
    Tournament {
        deadline_rounds: deadline,
        has_nash_point: nash.is_some(),
        outcomes: space.points.len(),
        pairs,
    }
}
