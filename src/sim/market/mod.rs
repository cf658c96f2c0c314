//! The B2C marketplace: listings, how shoppers' searches rank them (organic and sponsored),
//! the day's visits, impressions, clicks and orders, and the advertising metrics.
//!
//! Every formula is documented in `docs/market-model.md`; the day is deterministic for a seed.

pub mod checkout;
pub mod cost_sheet;
pub mod day;
pub mod listing;
pub mod margin;
pub mod metrics;
pub mod quality;
pub mod ranking;
pub mod store;
pub mod storefront;

pub use day::{DayDemand, DayStats, ListingDay, simulate_day};
pub use listing::{Keyword, Listing, ListingId, Seller};
pub use margin::OrderMargin;
pub use quality::{Finding, ListingRules, ListingText, QualityReport, score_listing};
pub use ranking::{ResultPage, Slot, build_pages, organic_score};
pub use store::{
    Campaign, CampaignKind, CampaignResult, InboundShipment, ListingError, ListingTerms, PublishPlan, Store,
    StoreMoney, StudentListing,
};
pub use storefront::{Competitor, Influencer, Season, ShippingOption, Storefront};
