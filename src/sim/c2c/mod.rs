//! C2C selling: an individual sells second-hand items abroad on an auction site, by auction
//! (proxy bidding) or at a fixed price with "make an offer", answers buyers' questions, posts
//! parcels through the destination's customs, and handles feedback and disputes.
//!
//! Every formula and modelling constant is documented in `docs/c2c-model.md`.

pub mod auction;
pub mod cn23;
pub mod haggle;
pub mod parcel;
pub mod questions;
pub mod shop;

/// The site as the scenario defines it.
pub use crate::sim::scenario::auction_site as site;
pub use crate::sim::scenario::auction_site::{AuctionSite, Bargainer, Postage, Purchase};
pub use auction::{
    Auction, AuctionResult, AuctionTerms, BidError, BidderId, HistoryEntry, HistoryKind, IncrementTable, Minute,
};
pub use cn23::{Cn23Category, Cn23Check, Cn23Field, Cn23Form, Cn23Verdict, check_cn23};
pub use haggle::{BuyerBrief, Haggle, HaggleError, HaggleMove, HaggleState};
pub use parcel::{ImportCharges, import_charges};
pub use questions::{AnswerGrade, QuestionId, Statement, Verdict, grade_answer};
pub use shop::{
    BuyerMove, BuyerMoveRecord, ClassmatePurchase, ClassmateTrade, PurchaseNews, PurchaseStatus, classmate_name,
};
pub use shop::{
    Dispute, DisputeKind, DisputeOutcome, ItemListing, ItemListingId, ItemTerms, ListingStatus, OfferId, OfferReply,
    Order, OrderId, OrderStatus, Outcome, PostTo, PurchaseGrade, Question, Resolution, SaleFormat, Shop, ShopError,
    ShopEvent, World,
};
