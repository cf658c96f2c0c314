//! Multi-issue B2B negotiation: the domain and utilities, AI strategies, the alternating-offers
//! protocol, outcome analysis (Pareto, Nash) and AI-vs-AI tournaments.

pub mod agent;
pub mod analysis;
pub mod case;
pub mod domain;
pub mod letter;
pub mod protocol;
pub mod talks;
pub mod tournament;

pub use agent::{Agent, BidTable, Response, Strategy};
pub use analysis::{OutcomeSpace, Point};
pub use case::NegotiationCase;
pub use domain::{Bid, Domain, IssueOptions, Preferences, Side};
pub use protocol::{Ending, Offer, negotiate};
pub use talks::{DealReview, TalkError, TalkEvent, TalkOffer, Talks, TalksEnding};
