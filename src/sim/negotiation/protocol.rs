//! The alternating-offers protocol between two negotiators: the opener offers, the other side
//! accepts or counters, and so on for `deadline` rounds; after the last round the opener may
//! still accept the final counter-offer, or the talks end without a deal.

use rand::rngs::ChaCha8Rng;

use super::agent::{Agent, Response};
use super::domain::{Bid, Side};

/// One offer made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Offer {
    pub by: Side,
    /// 0-based round: each round has one offer from each side.
    pub round: u32,
    pub bid: Bid,
}

/// How the talks ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    Agreement {
        bid: Bid,
        round: u32,
        accepted_by: Side,
    },
    /// The deadline passed (or a side walked away) without a deal.
    NoAgreement {
        round: u32,
    },
}

impl Ending {
    pub fn agreement(&self) -> Option<Bid> {
        match self {
            Ending::Agreement { bid, .. } => Some(*bid),
            Ending::NoAgreement { .. } => None,
        }
    }

    pub fn round(&self) -> u32 {
        match self {
            Ending::Agreement { round, .. } | Ending::NoAgreement { round } => *round,
        }
    }
}

/// Runs one complete AI-vs-AI negotiation. `history` is cleared and receives every offer (pass
/// the same vector again to avoid reallocating in a tournament).
pub fn negotiate(
    seller: &mut Agent,
    buyer: &mut Agent,
    opener: Side,
    deadline: u32,
    rng: &mut ChaCha8Rng,
    history: &mut Vec<Offer>,
) -> Ending {
    history.clear();
    let mut on_table: Option<Bid> = None;
    for round in 0..=deadline {
        for side in [opener, opener.other()] {
            let agent = match side {
                Side::Seller => &mut *seller,
                Side::Buyer => &mut *buyer,
            };
            // In the extra round only the opener answers the last counter-offer.
            if round == deadline && side != opener {
                break;
            }
            match agent.respond(on_table, round, rng) {
                Response::Accept => {
                    if let Some(bid) = on_table {
                        return Ending::Agreement {
                            bid,
                            round,
                            accepted_by: side,
                        };
                    }
                }
                Response::Offer(bid) => {
                    history.push(Offer { by: side, round, bid });
                    on_table = Some(bid);
                }
                Response::WalkAway => return Ending::NoAgreement { round },
            }
        }
    }
    Ending::NoAgreement { round: deadline }
}
