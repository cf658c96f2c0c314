//! Multi-issue B2B negotiation: the domain and utilities, AI strategies, the alternating-offers
//! protocol, outcome analysis (Pareto, Nash) and AI-vs-AI tournaments.

pub mod agent;
pub mod analysis;
/// The domain (issues, bids, utilities) is part of the scenario's definition of the task.
pub use crate::sim::scenario::negotiation as domain;
pub mod letter;
pub mod protocol;
pub mod talks;
pub mod tournament;

pub use crate::sim::scenario::negotiation::NegotiationCase;
pub use agent::{Agent, BidTable, Response, Strategy};
pub use analysis::{OutcomeSpace, Point};
pub use domain::{Bid, Domain, IssueOptions, Preferences, Side};
pub use protocol::{Ending, Offer, negotiate};
pub use talks::{DealReview, TalkError, TalkEvent, TalkOffer, Talks, TalksEnding};
