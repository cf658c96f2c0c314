//! The checks a rubric criterion may name, which the game scores by itself (what was listed,
//! sold, answered, declared…). Grading (`sim::grading`) evaluates them against what the desks
//! recorded.

use crate::sim::money::BasisPoints;
use crate::sim::terms::Cn23Box as Cn23Field;

/// A validated check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Check {
    AllListedByDueDay,
    FormatChoice {
        auction: Vec<String>,
        fixed: Vec<String>,
    },
    FloorsCoverCosts,
    HonestDescriptions,
    CounteredLowOffer {
        below: BasisPoints,
    },
    NoSaleBelowBreakEven,
    SoldAtLeast {
        product: String,
        share: BasisPoints,
    },
    AuctionSoldAboveReserve {
        product: String,
    },
    AnsweredWithin {
        days: u32,
        min_score: u32,
    },
    ChargesExplainedTruly,
    AllTopicsAnsweredTruly,
    AnswerTone {
        min: u32,
    },
    CounterpartTookPart,
    Cn23Right {
        boxes: Vec<Cn23Field>,
    },
    ParcelDelivered,
    DeclarationFields {
        fields: Vec<String>,
    },
    DeclarationFirstTime,
    ListingQualityAtLeast {
        min: u16,
    },
    MarginAtLeast {
        share: BasisPoints,
    },
    AcosBelowMargin,
    UnitsSoldAtLeast {
        units: u32,
    },
    ListingLive,
    AcosAtMost {
        max: BasisPoints,
    },
    AdsCutWhenLosing {
        days: u32,
    },
    CostSheetRight {
        lines: Vec<crate::sim::terms::CostSheetLine>,
    },
    PricedForMarket {
        within: BasisPoints,
    },
    StoreProfitable,
    OpeningOfferWorth {
        min: u32,
    },
    ConcessionsShrink,
    LetterPointRight {
        point: String,
    },
    AgreedUtilityAtLeast {
        min: u32,
    },
    DocumentsFirstTime,
    CashGainAtLeast {
        amount: crate::sim::Money,
    },
    ContractSigned,
    ContractIncoterm {
        allowed: Vec<crate::sim::terms::Incoterm>,
    },
    ContractPayment {
        allowed: Vec<crate::sim::terms::PaymentTerm>,
    },
    ContractMarginAtLeast {
        share: BasisPoints,
    },
    All(Vec<Check>),
}

/// The fields of the export declaration form a check may name.
pub const DECLARATION_FIELDS: [&str; 22] = [
    "trade_mode",
    "consignor",
    "consignee",
    "contract_no",
    "port_of_loading",
    "destination_country",
    "transport_mode",
    "incoterm",
    "currency",
    "lines",
    "commodity_code",
    "name_and_spec",
    "brand_type",
    "export_preference",
    "first_quantity",
    "second_quantity",
    "net_kg",
    "gross_kg",
    "unit_price",
    "total_price",
    "origin",
    "destination",
];
