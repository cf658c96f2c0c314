//! After the handshake: the sales contract an agreed negotiation becomes, the shipping documents
//! checked against it (and UCP 600), and (to come) payment and the deal's profit sheet.

pub mod contract;
pub mod documents;
pub mod profit;

pub use contract::{ContractParties, PaymentSchedule, SalesContract};
pub use documents::{
    CargoClauses, DocumentsCheck, DocumentsForm, ExportClearance, Freight, check_documents, model_documents,
};
pub use profit::{DealCosts, ProfitLine, ProfitSheet, SheetRates, profit_sheet};
