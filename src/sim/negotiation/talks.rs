//! One negotiation as the game plays it: the student against an AI counterpart (or, in
//! hotseat mode, a second student), offer by offer, with the letters written, the deal or the
//! break-up, and the review the debrief shows. Validates every move before changing anything.

use crate::sim::said::Said;
use std::sync::{Arc, OnceLock};

use rand::rngs::ChaCha8Rng;

use crate::sim::terms::ConcessionStrategy;

use super::NegotiationCase;
use super::agent::{Agent, Response, Strategy};
use super::analysis::{OutcomeSpace, distance};
use super::domain::{Bid, Side};

/// An offer made in the talks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TalkOffer {
    pub by: Side,
    /// The offering side's own count of offers before this one (0 for its first).
    pub round: u32,
    pub day: u32,
    pub bid: Bid,
    /// Free text the sender added to the letter.
    pub note: String,
}

/// How the talks ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TalksEnding {
    /// `by` accepted the other side's offer on the table.
    Agreed { bid: Bid, by: Side, day: u32 },
    /// `by` walked away (at the deadline or before it).
    Broken { by: Side, day: u32 },
}

/// Why a move was refused; the talks are unchanged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TalkError {
    #[error("the talks are over")]
    Over,
    #[error("it is the {0:?}'s turn")]
    NotYourTurn(Side),
    #[error("the {0:?} has made every offer the deadline allows: accept the offer on the table or walk away")]
    NoOffersLeft(Side),
    #[error("there is no offer from the other side to accept")]
    NothingToAccept,
    #[error("that offer does not fit the issues on the table")]
    InvalidBid,
    #[error("the talks are not over yet")]
    NotOver,
    #[error("the counterpart's strategy has already been guessed")]
    AlreadyGuessed,
    #[error("in hotseat mode both sides are students: there is no AI strategy to guess")]
    NoAi,
}

impl TalkError {
    /// Why, in the reader's language.
    pub fn said(&self) -> Said {
        let side = |s: &Side| match s {
            Side::Seller => "side-seller",
            Side::Buyer => "side-buyer",
        };
        match self {
            TalkError::Over => Said::new("refused-talks-over"),
            TalkError::NotYourTurn(s) => Said::new("refused-not-your-turn").term("side", side(s)),
            TalkError::NoOffersLeft(s) => Said::new("refused-no-offers-left").term("side", side(s)),
            TalkError::NothingToAccept => Said::new("refused-nothing-to-accept"),
            TalkError::InvalidBid => Said::new("refused-invalid-bid"),
            TalkError::NotOver => Said::new("refused-talks-not-over"),
            TalkError::AlreadyGuessed => Said::new("refused-already-guessed"),
            TalkError::NoAi => Said::new("refused-no-ai"),
        }
    }
}

/// What happened in one move.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TalkEvent {
    OfferMade { by: Side, round: u32 },
    Agreed { by: Side },
    WalkedAway { by: Side },
}

/// A negotiation in play.
#[derive(Debug, Clone)]
pub struct Talks {
    case: NegotiationCase,
    /// The AI playing the side the student does not, or `None` in hotseat mode.
    ai: Option<Agent>,
    offers: Vec<TalkOffer>,
    ending: Option<TalksEnding>,
    guess: Option<(ConcessionStrategy, bool)>,
    /// Every possible deal analysed, computed on the first review.
    space: OnceLock<Arc<OutcomeSpace>>,
}

impl Talks {
    /// Opens the talks; if the AI opens, its first offer is made on `day`.
    pub fn new(case: NegotiationCase, ai: Option<Agent>, day: u32, rng: &mut ChaCha8Rng) -> Self {
        let mut talks = Self {
            case,
            ai,
            offers: Vec::new(),
            ending: None,
            guess: None,
            space: OnceLock::new(),
        };
        if talks.ai.is_some() && talks.case.opener != talks.case.student_side {
            talks.ai_moves(day, rng);
        }
        talks
    }

    pub fn case(&self) -> &NegotiationCase {
        &self.case
    }
    pub fn offers(&self) -> &[TalkOffer] {
        &self.offers
    }
    pub fn ending(&self) -> Option<TalksEnding> {
        self.ending
    }
    pub fn is_hotseat(&self) -> bool {
        self.ai.is_none()
    }
    /// The AI's strategy (for the debrief, once the talks are over).
    pub fn ai_strategy(&self) -> Option<Strategy> {
        self.ai.as_ref().map(Agent::strategy)
    }
    pub fn guess(&self) -> Option<(ConcessionStrategy, bool)> {
        self.guess
    }

    /// The side to move now, or `None` when the talks are over.
    pub fn to_move(&self) -> Option<Side> {
        if self.ending.is_some() {
            return None;
        }
        Some(self.offers.last().map_or(self.case.opener, |o| o.by.other()))
    }

    /// Offers `side` may still make before the deadline.
    pub fn offers_left(&self, side: Side) -> u32 {
        let made = self.offers.iter().filter(|o| o.by == side).count() as u32;
        self.case.deadline_rounds.saturating_sub(made)
    }

    /// The other side's offer waiting for `side`'s answer.
    pub fn on_table(&self) -> Option<&TalkOffer> {
        self.offers.last().filter(|o| Some(o.by.other()) == self.to_move())
    }

    /// The last offer `side` made.
    pub fn last_offer_by(&self, side: Side) -> Option<&TalkOffer> {
        self.offers.iter().rev().find(|o| o.by == side)
    }

    fn check_turn(&self, side: Side) -> Result<(), TalkError> {
        match self.to_move() {
            None => Err(TalkError::Over),
            Some(s) if s != side => Err(TalkError::NotYourTurn(s)),
            Some(_) => Ok(()),
        }
    }

    /// `side` makes an offer (option index per issue); the AI, if any, answers at once.
    ///
    /// # Errors
    /// When it is not `side`'s turn, the deadline allows no more offers or the bid is invalid.
    pub fn offer(
        &mut self,
        side: Side,
        options: &[usize],
        note: &str,
        day: u32,
        rng: &mut ChaCha8Rng,
    ) -> Result<Vec<TalkEvent>, TalkError> {
        self.check_turn(side)?;
        if self.offers_left(side) == 0 {
            return Err(TalkError::NoOffersLeft(side));
        }
        let bid = self.case.domain.bid(options).ok_or(TalkError::InvalidBid)?;
        let round = self.case.deadline_rounds - self.offers_left(side);
        self.offers.push(TalkOffer {
            by: side,
            round,
            day,
            bid,
            note: note.trim().to_string(),
        });
        let mut events = vec![TalkEvent::OfferMade { by: side, round }];
        if self.ai.is_some() {
            events.extend(self.ai_moves(day, rng));
        }
        Ok(events)
    }

    /// `side` accepts the offer on the table.
    ///
    /// # Errors
    /// When it is not `side`'s turn or there is no offer from the other side.
    pub fn accept(&mut self, side: Side, day: u32) -> Result<Vec<TalkEvent>, TalkError> {
        self.check_turn(side)?;
        let bid = self.on_table().map(|o| o.bid).ok_or(TalkError::NothingToAccept)?;
        self.ending = Some(TalksEnding::Agreed { bid, by: side, day });
        Ok(vec![TalkEvent::Agreed { by: side }])
    }

    /// `side` breaks off the talks.
    ///
    /// # Errors
    /// When the talks are already over or it is not `side`'s turn.
    pub fn walk_away(&mut self, side: Side, day: u32) -> Result<Vec<TalkEvent>, TalkError> {
        self.check_turn(side)?;
        self.ending = Some(TalksEnding::Broken { by: side, day });
        Ok(vec![TalkEvent::WalkedAway { by: side }])
    }

    /// The AI side gives up (the student left its offer unanswered too long): the talks end
    /// with `side` walking away, whoever's turn it was.
    ///
    /// # Errors
    /// When the talks are already over.
    pub fn give_up(&mut self, side: Side, day: u32) -> Result<Vec<TalkEvent>, TalkError> {
        if self.ending.is_some() {
            return Err(TalkError::Over);
        }
        self.ending = Some(TalksEnding::Broken { by: side, day });
        Ok(vec![TalkEvent::WalkedAway { by: side }])
    }

    /// The student names the strategy they think the AI used; graded against the real one.
    ///
    /// # Errors
    /// Before the talks end, in hotseat mode, or when already guessed.
    pub fn guess_strategy(&mut self, guess: ConcessionStrategy) -> Result<bool, TalkError> {
        if self.ending.is_none() {
            return Err(TalkError::NotOver);
        }
        if self.guess.is_some() {
            return Err(TalkError::AlreadyGuessed);
        }
        let actual = self.ai_strategy().ok_or(TalkError::NoAi)?;
        let correct = strategy_family(actual) == guess;
        self.guess = Some((guess, correct));
        Ok(correct)
    }

    /// The AI answers the offer on the table (or opens).
    fn ai_moves(&mut self, day: u32, rng: &mut ChaCha8Rng) -> Vec<TalkEvent> {
        let side = self.case.student_side.other();
        let incoming = self.on_table().map(|o| o.bid);
        let round = self.case.deadline_rounds - self.offers_left(side);
        let Some(ai) = self.ai.as_mut() else {
            return Vec::new();
        };
        match ai.respond(incoming, round, rng) {
            Response::Accept => match incoming {
                Some(bid) => {
                    self.ending = Some(TalksEnding::Agreed { bid, by: side, day });
                    vec![TalkEvent::Agreed { by: side }]
                }
                None => Vec::new(),
            },
            Response::Offer(bid) => {
                self.offers.push(TalkOffer {
                    by: side,
                    round,
                    day,
                    bid,
                    note: String::new(),
                });
                vec![TalkEvent::OfferMade { by: side, round }]
            }
            Response::WalkAway => {
                self.ending = Some(TalksEnding::Broken { by: side, day });
                vec![TalkEvent::WalkedAway { by: side }]
            }
        }
    }

    /// What the debrief shows: both utilities, welfare, distances to the Pareto frontier and
    /// the Nash point, and rounds used.
    pub fn review(&self) -> DealReview {
        // The outcome space depends only on the case: analysed once, shared by every review.
        let space = Arc::clone(self.space.get_or_init(|| {
            Arc::new(OutcomeSpace::new(
                &self.case.domain,
                &self.case.seller,
                &self.case.buyer,
            ))
        }));
        let deal = match self.ending {
            Some(TalksEnding::Agreed { bid, .. }) => Some(bid),
            _ => None,
        };
        let utilities = deal.map(|bid| (self.case.seller.utility(bid), self.case.buyer.utility(bid)));
        DealReview {
            deal,
            seller_utility: utilities.map(|u| u.0),
            buyer_utility: utilities.map(|u| u.1),
            to_frontier: utilities.map(|(s, b)| space.distance_to_frontier(s, b)),
            to_nash: utilities.and_then(|u| space.nash.map(|n| distance(u, (n.seller, n.buyer)))),
            offers: self.offers.len() as u32,
            space,
        }
    }
}

/// The family a strategy belongs to, as a student would name it.
pub fn strategy_family(strategy: Strategy) -> ConcessionStrategy {
    match strategy {
        Strategy::TimeDependent { e_milli } if e_milli < 1000 => ConcessionStrategy::Boulware,
        Strategy::TimeDependent { e_milli: 1000 } => ConcessionStrategy::Linear,
        Strategy::TimeDependent { .. } => ConcessionStrategy::Conceder,
        Strategy::TitForTat => ConcessionStrategy::TitForTat,
        Strategy::HardHeaded => ConcessionStrategy::HardHeaded,
        Strategy::Random => ConcessionStrategy::Random,
    }
}

/// The negotiation's outcome, analysed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DealReview {
    pub deal: Option<Bid>,
    pub seller_utility: Option<u32>,
    pub buyer_utility: Option<u32>,
    pub to_frontier: Option<u32>,
    pub to_nash: Option<u32>,
    pub offers: u32,
    pub space: Arc<OutcomeSpace>,
}

impl DealReview {
    pub fn welfare(&self) -> Option<u32> {
        Some(self.seller_utility? + self.buyer_utility?)
    }
}
