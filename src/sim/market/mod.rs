//! The B2C marketplace: listings, how shoppers' searches rank them (organic and sponsored),
//! the day's visits, impressions, clicks and orders, and the advertising metrics.
//!
//! Every formula is documented in `docs/market-model.md`; the day is deterministic for a seed.

pub mod checkout;
pub mod cost_sheet;
pub mod day;
pub mod fees;
pub mod listing;
pub mod margin;
pub mod metrics;
pub mod quality;
pub mod ranking;
pub mod store;

/// The marketplace as the scenario defines it.
pub use crate::sim::scenario::storefront;
pub use crate::sim::scenario::storefront::{Competitor, Influencer, Season, ShippingOption, Storefront};
pub use day::{DayDemand, DayStats, ListingDay, simulate_day};
pub use listing::{Keyword, Listing, ListingId, Seller};
pub use margin::OrderMargin;
pub use quality::{Finding, ListingRules, ListingText, QualityReport, score_listing};
pub use ranking::{ResultPage, Slot, build_pages, organic_score};
pub use store::{
    Campaign, CampaignKind, CampaignResult, InboundShipment, ListingAfterDay, ListingError, ListingTerms, PublishPlan,
    SharedDayResult, Store, StoreMoney, StudentListing,
};
