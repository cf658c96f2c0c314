//! The trade vocabulary shared by scenario files, the simulation and saves: texts in two
//! languages, Incoterms, payment terms, sides, channels and the other closed lists a scenario
//! names. These are valid as soon as they parse, so the file format reads them directly.

use serde::{Deserialize, Serialize};

/// A text in English and Simplified Chinese.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields, from = "WrittenText")]
pub struct Text {
    /// English text (for a text whose file leaves `en` out, the Chinese marked
    /// [`CHINESE_ONLY`], so an English screen shows it and says why).
    pub en: String,
    /// Simplified Chinese text (may be empty while a translation is pending).
    pub zh: String,
}

/// What an English screen shows before a text the scenario gives only in Chinese.
pub const CHINESE_ONLY: &str = "[Chinese only] ";

/// A text as a file writes it: English, Chinese or both.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "Text")]
struct WrittenText {
    /// [`ABSENT`] when the file leaves it out (a text written only in Chinese). Not an
    /// `Option`: saves and class messages in compact formats always carry `en`, so their
    /// shape stays what it was.
    #[serde(default = "absent")]
    en: String,
    #[serde(default)]
    zh: String,
}

/// What `en` reads as when a file leaves it out (control characters no one types).
const ABSENT: &str = "\u{1}\u{2}absent";

fn absent() -> String {
    ABSENT.to_string()
}

impl From<WrittenText> for Text {
    fn from(written: WrittenText) -> Self {
        // Only a text that leaves `en` out is Chinese-only: one written `en: ""` stays as it
        // always read (and its file keeps its content hash).
        let en = match written.en.as_str() {
            ABSENT if !written.zh.trim().is_empty() => format!("{CHINESE_ONLY}{}", written.zh),
            ABSENT => String::new(),
            _ => written.en,
        };
        Self { en, zh: written.zh }
    }
}

/// Which kind of cross-border trade the scenario practises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum TradeMode {
    B2B,
    B2C,
    C2C,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Difficulty {
    Beginner,
    Intermediate,
    Advanced,
}

/// Condition grades used by second-hand camera dealers, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ConditionGrade {
    Mint,
    Excellent,
    VeryGood,
    Good,
    Fair,
    ForParts,
}

/// What a buyer asks about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum QuestionTopic {
    /// Size, weight, fit or compatibility.
    Size,
    Condition,
    ShippingTime,
    ImportCharges,
}

impl QuestionTopic {
    /// The topic in Chinese (English reasons keep the topic's name as written).
    pub fn name_zh(self) -> &'static str {
        match self {
            QuestionTopic::Size => "尺寸和重量",
            QuestionTopic::Condition => "成色",
            QuestionTopic::ShippingTime => "运送时间",
            QuestionTopic::ImportCharges => "进口税费",
        }
    }
}

/// The logistics model behind a shipping option.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ShippingKind {
    /// Direct mail from China (e.g. China Post small packet, 9610 export).
    Postal,
    /// Direct express courier from China.
    Express,
    /// Stock sent ahead to a warehouse in the market (9810 export); parcels leave from there.
    OverseasWarehouse,
}

/// A competitor's pricing behaviour.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum CompetitorPricing {
    /// Keeps its price.
    #[default]
    Steady,
    /// Matches a cheaper rival, down to 85% of its starting price.
    Undercut,
    /// Stays 10% above the cheapest rival (a premium brand).
    Premium,
}

/// Brand type as a Chinese declaration element (0–4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum BrandType {
    NoBrand,
    DomesticOwn,
    DomesticAcquired,
    ForeignOem,
    ForeignOther,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum CounterpartKind {
    Buyer,
    Seller,
    Bidder,
    Supplier,
    Forwarder,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ConcessionStrategy {
    Boulware,
    Linear,
    Conceder,
    TitForTat,
    /// Never concedes; at the very end takes any deal better than none.
    HardHeaded,
    /// Offers random bids it prefers to no deal.
    Random,
}

/// A party to a deal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Side {
    Seller,
    Buyer,
}

impl Side {
    pub fn other(self) -> Side {
        match self {
            Side::Seller => Side::Buyer,
            Side::Buyer => Side::Seller,
        }
    }
}

/// Terms of payment in an export contract, from safest to riskiest for the seller.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum PaymentTerm {
    /// Telegraphic transfer of the full amount before production or shipment.
    TtInAdvance,
    /// 30% T/T deposit, 70% balance against a copy of the bill of lading.
    TtDeposit30,
    /// Letter of credit payable at sight (UCP 600).
    LcAtSight,
    /// Documents against payment (collection through banks).
    DocumentsAgainstPayment,
    /// Documents against acceptance of a time draft (the buyer pays later).
    DocumentsAgainstAcceptance,
}

impl PaymentTerm {
    pub fn label(self) -> &'static str {
        match self {
            PaymentTerm::TtInAdvance => "T/T in advance",
            PaymentTerm::TtDeposit30 => "T/T 30% deposit, 70% against B/L copy",
            PaymentTerm::LcAtSight => "L/C at sight",
            PaymentTerm::DocumentsAgainstPayment => "D/P at sight",
            PaymentTerm::DocumentsAgainstAcceptance => "D/A 60 days",
        }
    }

    /// The term in Chinese (the codes kept, as Chinese traders write them).
    pub fn label_zh(self) -> &'static str {
        match self {
            PaymentTerm::TtInAdvance => "T/T 全额预付",
            PaymentTerm::TtDeposit30 => "T/T 30% 定金，70% 凭提单副本支付",
            PaymentTerm::LcAtSight => "即期信用证（L/C）",
            PaymentTerm::DocumentsAgainstPayment => "即期付款交单（D/P）",
            PaymentTerm::DocumentsAgainstAcceptance => "60 天承兑交单（D/A）",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum TradeDirection {
    Export,
    Import,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum TransportMode {
    Sea,
    Air,
    Rail,
    Road,
    Post,
}

/// The activity screen where a task is carried out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Activity {
    Customs,
    Negotiation,
    Storefront,
    Promotion,
    C2C,
    Inbox,
}

/// Employer-defined competences the rubric maps to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Competency {
    ImportExportHandling,
    CustomsDeclaration,
    MarketResearchMarketing,
    StoreOperation,
    BusinessEnglish,
}

/// How good a statement is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum StatementVerdict {
    /// True and specific.
    Right,
    /// Says little.
    Vague,
    /// Untrue.
    Wrong,
    /// Proposes breaking the law.
    Unlawful,
}

/// A line of the B2C cost sheet, for [`CheckDef::CostSheetRight`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum CostSheetLine {
    Goods,
    Shipping,
    Fee,
    Vat,
    Duty,
    Margin,
    BreakEvenAcos,
    TargetAcos,
}

impl CostSheetLine {
    /// The line's name in Chinese (reasons keep the English name as it was written).
    pub fn name_zh(self) -> &'static str {
        match self {
            CostSheetLine::Goods => "货值",
            CostSheetLine::Shipping => "运费",
            CostSheetLine::Fee => "平台佣金",
            CostSheetLine::Vat => "价格中含的增值税",
            CostSheetLine::Duty => "关税",
            CostSheetLine::Margin => "利润",
            CostSheetLine::BreakEvenAcos => "盈亏平衡 ACoS",
            CostSheetLine::TargetAcos => "目标 ACoS",
        }
    }
}

/// A box of the CN23, for [`CheckDef::Cn23Right`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Cn23Box {
    Category,
    Description,
    Quantity,
    NetWeight,
    Value,
    HsCode,
    Origin,
    GrossWeight,
}

impl Cn23Box {
    /// The box in Chinese (English reasons keep the box's name as written).
    pub fn name_zh(self) -> &'static str {
        match self {
            Cn23Box::Category => "物品类别",
            Cn23Box::Description => "内件详细说明",
            Cn23Box::Quantity => "数量",
            Cn23Box::NetWeight => "净重",
            Cn23Box::Value => "价值",
            Cn23Box::HsCode => "HS 编码",
            Cn23Box::Origin => "原产国",
            Cn23Box::GrossWeight => "总重量",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum CriterionKind {
    /// Points for doing the work the right way.
    Process,
    /// Points for the result.
    Outcome,
}

/// What the customs value includes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
pub enum Valuation {
    /// Cost, insurance and freight to the importing country's border.
    #[default]
    Cif,
    /// Free on board at export: international freight and insurance are left out.
    Fob,
}

/// Incoterms 2020.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Incoterm {
    EXW,
    FCA,
    CPT,
    CIP,
    DAP,
    DPU,
    DDP,
    FAS,
    FOB,
    CFR,
    CIF,
}

impl Incoterm {
    pub const ALL: [Incoterm; 11] = [
        Incoterm::EXW,
        Incoterm::FCA,
        Incoterm::CPT,
        Incoterm::CIP,
        Incoterm::DAP,
        Incoterm::DPU,
        Incoterm::DDP,
        Incoterm::FAS,
        Incoterm::FOB,
        Incoterm::CFR,
        Incoterm::CIF,
    ];

    /// Whether the seller's price already includes main-carriage freight to the destination.
    pub fn price_includes_freight(self) -> bool {
        !matches!(self, Incoterm::EXW | Incoterm::FCA | Incoterm::FAS | Incoterm::FOB)
    }

    /// Whether the seller's price already includes cargo insurance.
    pub fn price_includes_insurance(self) -> bool {
        matches!(
            self,
            Incoterm::CIP | Incoterm::CIF | Incoterm::DAP | Incoterm::DPU | Incoterm::DDP
        )
    }

    /// Sea and inland waterway only (FAS, FOB, CFR, CIF): wrong for containers and air.
    pub fn sea_only(self) -> bool {
        matches!(self, Incoterm::FAS | Incoterm::FOB | Incoterm::CFR | Incoterm::CIF)
    }
}

/// The customs channel a rule applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Channel {
    Any,
    GeneralTrade,
    CrossBorderRetail,
    BondedRetail,
    B2bDirectExport,
    OverseasWarehouseExport,
    Postal,
}

/// Whether an exporter gets back the input VAT paid on exported goods.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ExportRefund {
    /// Exempt from output VAT, input VAT refunded (at the rebate rate) once the goods have left
    /// the country.
    OnDeparture,
    /// Exempt from output VAT, input VAT not refunded: it stays a cost.
    NoRefund,
}

/// What a unit of goods contains, for price tests: millilitres, grams, or pieces (sheets).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ContentUnit {
    Millilitre,
    Gram,
    Piece,
}

impl ContentUnit {
    /// Short symbol: `ml`, `g`, `piece`.
    pub fn symbol(self) -> &'static str {
        match self {
            ContentUnit::Millilitre => "ml",
            ContentUnit::Gram => "g",
            ContentUnit::Piece => "piece",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum MeasureUnit {
    Kilogram,
    Unit,
    Litre,
    Pair,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Relief {
    Duty,
    Vat,
    DutyAndVat,
}

/// The seat the instructor gives commands from in a class (`FireEvent`); a scenario's seat
/// may never have this id.
pub const INSTRUCTOR_SEAT: &str = "instructor";

/// The seat a class's shared marketplace ends each store's day from (`MarketDay`); a
/// scenario's seat may never have this id.
pub const MARKET_SEAT: &str = "market";

/// What a seat plays: the student's company (every activity of the scenario's `role`), or the
/// counterparts' side of the negotiations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum SeatPlays {
    Company,
    Counterparts,
}
