//! The sales contract that an agreed negotiation becomes: parties, goods, quantity, price,
//! Incoterm, payment, ports, the latest shipment date and, for a letter of credit, its expiry.

use crate::sim::date::Date;
use crate::sim::money::Money;
use crate::sim::negotiation::{Bid, IssueOptions, NegotiationCase};
use crate::sim::terms::{Incoterm, PaymentTerm, Side};

/// A signed export sales contract.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SalesContract {
    /// The negotiation task it came from.
    pub task: String,
    pub number: String,
    pub signed_on: Date,
    pub seller: String,
    pub buyer: String,
    pub sku: String,
    /// Goods as the invoice must describe them.
    pub description: String,
    /// ISO alpha-2 country of origin.
    pub origin: String,
    pub quantity: u32,
    pub unit_price: Money,
    /// `None` when the Incoterm was not on the table.
    pub incoterm: Option<Incoterm>,
    /// `None` when payment was not on the table.
    pub payment: Option<PaymentTerm>,
    pub port_of_loading: String,
    pub port_of_discharge: String,
    pub latest_shipment: Date,
    /// When the goods are made and packed (production takes `production_days`).
    pub goods_ready: Date,
    /// The weekday the vessel sails (Monday 0 … Sunday 6).
    pub sailing_weekday: u32,
    /// Days after shipment to present the documents (UCP 600 art. 14(c)).
    pub presentation_days: u32,
    /// For an L/C: the last day documents may be presented.
    pub lc_expiry: Option<Date>,
    /// Home currency per unit of the contract currency on the day of signing (for the FX
    /// result on the profit sheet).
    pub rate_on_signing: Option<crate::sim::money::Micros>,
}

/// When the buyer pays, by payment term: T/T in advance all at signing; a 30% T/T deposit at
/// signing and the balance against the documents; L/C at sight and D/P against the documents;
/// D/A 60 days after the documents are accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PaymentSchedule {
    pub at_signing: crate::sim::money::BasisPoints,
    pub on_documents: crate::sim::money::BasisPoints,
    /// D/A: days after the documents that the whole amount falls due.
    pub deferred_days: Option<u32>,
}

/// Who the parties are and what is sold, from the scenario.
#[derive(Debug, Clone, Copy)]
pub struct ContractParties<'a> {
    pub student_company: &'a str,
    pub counterpart: &'a str,
    pub sku: &'a str,
    pub description: &'a str,
    pub origin: &'a str,
}

impl SalesContract {
    /// The contract for the agreed `bid`, signed on `signed_on`; `None` if the negotiation has
    /// no unit price or quantity (the scenario validator requires both).
    pub fn from_deal(
        task: &str,
        case: &NegotiationCase,
        bid: Bid,
        signed_on: Date,
        sequence: usize,
        parties: ContractParties,
    ) -> Option<Self> {
        let mut unit_price = None;
        let mut quantity = None;
        let mut incoterm = None;
        let mut payment = None;
        let mut delivery_days = case.contract.delivery_days;
        for (i, issue) in case.domain.issues().iter().enumerate() {
            let o = bid.option(i);
            match issue {
                IssueOptions::UnitPrice {
                    currency,
                    exponent,
                    prices,
                } => unit_price = prices.get(o).map(|p| Money::new(*p, *currency, *exponent)),
                IssueOptions::Quantity(v) => quantity = v.get(o).copied(),
                IssueOptions::Incoterm(v) => incoterm = v.get(o).copied(),
                IssueOptions::Payment(v) => payment = v.get(o).copied(),
                IssueOptions::DeliveryDays(v) => delivery_days = v.get(o).copied().unwrap_or(delivery_days),
            }
        }
        let (seller, buyer) = match case.student_side {
            Side::Seller => (parties.student_company, parties.counterpart),
            Side::Buyer => (parties.counterpart, parties.student_company),
        };
        let latest_shipment = signed_on.plus_days(i64::from(delivery_days));
        Some(Self {
            task: task.to_string(),
            number: format!("SC{}-{:02}", signed_on.to_string().replace('-', ""), sequence + 1),
            signed_on,
            seller: seller.to_string(),
            buyer: buyer.to_string(),
            sku: parties.sku.to_string(),
            description: parties.description.to_string(),
            origin: parties.origin.to_string(),
            quantity: quantity?,
            unit_price: unit_price?,
            incoterm,
            payment,
            port_of_loading: case.contract.port_of_loading.clone(),
            port_of_discharge: case.contract.port_of_discharge.clone(),
            latest_shipment,
            goods_ready: signed_on.plus_days(i64::from(case.contract.production_days)),
            sailing_weekday: case.contract.sailing_weekday,
            presentation_days: case.contract.presentation_days,
            lc_expiry: (payment == Some(PaymentTerm::LcAtSight))
                .then(|| latest_shipment.plus_days(i64::from(case.contract.presentation_days))),
            rate_on_signing: None,
        })
    }

    /// When the money comes: the shares paid at signing and against the documents, and the
    /// days after the documents that the rest (a D/A draft) falls due.
    pub fn payment_schedule(&self) -> PaymentSchedule {
        use crate::sim::money::BasisPoints;
        let (at_signing, on_documents) = match self.payment {
            Some(PaymentTerm::TtInAdvance) => (10_000, 0),
            Some(PaymentTerm::TtDeposit30) => (3_000, 7_000),
            Some(PaymentTerm::DocumentsAgainstAcceptance) => (0, 0),
            _ => (0, 10_000),
        };
        PaymentSchedule {
            at_signing: BasisPoints(at_signing),
            on_documents: BasisPoints(on_documents),
            deferred_days: (self.payment == Some(PaymentTerm::DocumentsAgainstAcceptance)).then_some(60),
        }
    }

    /// The first sailing a container booked on `today` can make: on the service's weekday, at
    /// least two days later (the cargo cut-off), and not before the goods are ready.
    pub fn next_sailing(&self, today: Date) -> Date {
        let earliest = if today.plus_days(2) > self.goods_ready {
            today.plus_days(2)
        } else {
            self.goods_ready
        };
        let wait = (i64::from(self.sailing_weekday) - i64::from(earliest.weekday())).rem_euclid(7);
        earliest.plus_days(wait)
    }

    /// Quantity × unit price.
    pub fn amount(&self) -> Money {
        Money::new(
            self.unit_price.minor.saturating_mul(i64::from(self.quantity)),
            self.unit_price.currency,
            self.unit_price.exponent,
        )
    }
}

/// A declaration exercise that follows a negotiated deal takes the contract's facts.
impl crate::sim::scenario::declaration::DeclarationCase {
    /// This exercise rewritten for a signed contract: its number, Incoterm and currency, and one
    /// goods line with the agreed quantity and price, packed as the scenario's first line is
    /// (same pieces per carton).
    pub fn for_contract(&self, contract: &SalesContract, product: &crate::sim::scenario::Product) -> Self {
        let per_carton = self
            .lines
            .first()
            .map_or(24, |l| (l.quantity / l.cartons.max(1)).max(1));
        Self {
            contract_no: contract.number.clone(),
            invoice_no: format!("INV-{}", contract.number),
            incoterm: contract.incoterm.unwrap_or(self.incoterm),
            currency: contract.unit_price.currency,
            exponent: contract.unit_price.exponent,
            lines: vec![crate::sim::scenario::declaration::DocumentLine {
                product: contract.sku.clone(),
                quantity: contract.quantity,
                unit_price: contract.unit_price.minor,
                cartons: contract.quantity.div_ceil(per_carton),
                net_g: u64::from(product.net_weight_g) * u64::from(contract.quantity),
                gross_g: u64::from(product.gross_weight_g) * u64::from(contract.quantity),
            }],
            ..self.clone()
        }
    }
}
