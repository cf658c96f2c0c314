//! Customs: the landed-cost engine (duty, consumption tax, VAT, de minimis and retail regimes).

pub mod declaration;
pub mod hs;
pub mod landed_cost;
pub mod shipment;

pub use landed_cost::{Consignment, Content, CostLine, GoodsLine, LandedCost, LineKind, landed_cost};
pub use shipment::Shipment;
