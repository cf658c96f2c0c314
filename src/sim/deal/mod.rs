//! After the handshake: the sales contract an agreed negotiation becomes, and (to come) the
//! shipping documents, payment and the deal's profit sheet.

pub mod contract;

pub use contract::{ContractParties, SalesContract};
