//! The shipping documents a seller prepares after shipment — commercial invoice, packing list,
//! bill of lading, insurance certificate, certificate of origin — checked field by field against
//! the sales contract, the goods and, for a letter of credit, UCP 600: presentation within 21
//! days of shipment and before expiry, insurance of at least 110% of the CIF/CIP value in the
//! credit's currency dated no later than shipment, and no data that conflicts.

use crate::sim::customs::declaration::{FieldCheck, FieldPath, Verdict, same_text};
use crate::sim::date::Date;
use crate::sim::money::{format_minor, parse_decimal};
use crate::sim::said::Said;
use crate::sim::scenario::Product;
use crate::sim::terms::{Incoterm, PaymentTerm};

use super::contract::SalesContract;

/// Who pays the main carriage, as the bill of lading states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub enum Freight {
    Prepaid,
    Collect,
}

/// Institute Cargo Clauses: (A) all risks, (B) and (C) named perils, (C) the narrowest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub enum CargoClauses {
    A,
    B,
    C,
}

/// Where the goods stand with export customs when the documents are presented.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportClearance {
    /// The scenario has no export declaration for this deal.
    NotRequired,
    /// Declared (or not yet) but not released: the goods cannot be on board.
    Pending,
    /// Released on this date: loading can only follow.
    Released(Date),
}

/// The documents as the student typed them: strings are checked, never trusted.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DocumentsForm {
    pub invoice_no: String,
    pub invoice_date: String,
    pub description: String,
    pub quantity: String,
    pub unit_price: String,
    pub amount: String,
    pub currency: String,
    pub incoterm: Option<Incoterm>,
    pub packages: String,
    pub net_kg: String,
    pub gross_kg: String,
    pub on_board_date: String,
    pub port_of_loading: String,
    pub port_of_discharge: String,
    pub freight: Option<Freight>,
    pub insured_amount: String,
    pub insurance_currency: String,
    pub insurance_date: String,
    pub clauses: Option<CargoClauses>,
    pub origin: String,
}

/// The outcome of presenting the documents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentsCheck {
    pub fields: Vec<FieldCheck>,
    /// The day they were presented.
    pub presented_on: Date,
}

impl DocumentsCheck {
    pub fn discrepancies(&self) -> usize {
        self.fields
            .iter()
            .filter(|f| matches!(f.verdict, Verdict::Wrong(_)))
            .count()
    }
    /// Complying documents: nothing wrong (warnings do not stop payment).
    pub fn complies(&self) -> bool {
        self.discrepancies() == 0
    }
    pub fn verdict(&self, field: &str) -> Option<&Verdict> {
        self.fields.iter().find(|f| f.field.is(field)).map(|f| &f.verdict)
    }
}

/// The catalogue's name of a freight marking.
pub fn freight_term(freight: Freight) -> &'static str {
    match freight {
        Freight::Prepaid => "freight-prepaid",
        Freight::Collect => "freight-collect",
    }
}

/// Names the contract's Incoterm as the fact `incoterm`, or "the contract" when it has none.
trait IncotermOrContract {
    fn incoterm_or_contract(self, incoterm: Option<Incoterm>) -> Self;
}

impl IncotermOrContract for Said {
    fn incoterm_or_contract(self, incoterm: Option<Incoterm>) -> Self {
        match incoterm {
            Some(t) => self.with("incoterm", format!("{t:?}")),
            None => self.term("incoterm", "term-the-contract"),
        }
    }
}

/// Whether the seller must insure the goods (CIF and CIP only).
pub fn seller_insures(incoterm: Option<Incoterm>) -> bool {
    matches!(incoterm, Some(Incoterm::CIF | Incoterm::CIP))
}

/// What a correct set of documents says, for a shipment on `on_board` (for teaching screens
/// and tests).
pub fn model_documents(contract: &SalesContract, product: &Product, on_board: Date) -> DocumentsForm {
    let exp = contract.unit_price.exponent;
    let insured = insured_minimum(contract);
    DocumentsForm {
        invoice_no: format!("INV-{}", contract.number),
        invoice_date: on_board.to_string(),
        description: contract.description.clone(),
        quantity: contract.quantity.to_string(),
        unit_price: format_minor(contract.unit_price.minor, exp).replace(',', ""),
        amount: format_minor(contract.amount().minor, exp).replace(',', ""),
        currency: contract.unit_price.currency.to_string(),
        incoterm: contract.incoterm,
        packages: contract.quantity.div_ceil(24).to_string(),
        net_kg: format_minor(i64::from(product.net_weight_g) * i64::from(contract.quantity), 3).replace(',', ""),
        gross_kg: format_minor(i64::from(product.gross_weight_g) * i64::from(contract.quantity), 3).replace(',', ""),
        on_board_date: on_board.to_string(),
        port_of_loading: contract.port_of_loading.clone(),
        port_of_discharge: contract.port_of_discharge.clone(),
        freight: Some(freight_for(contract.incoterm)),
        insured_amount: if seller_insures(contract.incoterm) {
            format_minor(insured, exp).replace(',', "")
        } else {
            String::new()
        },
        insurance_currency: if seller_insures(contract.incoterm) {
            contract.unit_price.currency.to_string()
        } else {
            String::new()
        },
        insurance_date: if seller_insures(contract.incoterm) {
            on_board.to_string()
        } else {
            String::new()
        },
        clauses: match contract.incoterm {
            Some(Incoterm::CIP) => Some(CargoClauses::A),
            Some(Incoterm::CIF) => Some(CargoClauses::C),
            _ => None,
        },
        origin: contract.origin.clone(),
    }
}

/// The freight note a bill of lading should carry under the Incoterm.
pub fn freight_for(incoterm: Option<Incoterm>) -> Freight {
    if incoterm.is_some_and(Incoterm::price_includes_freight) {
        Freight::Prepaid
    } else {
        Freight::Collect
    }
}

/// 110% of the invoice (CIF/CIP) value, rounded up to the currency's minor unit.
pub fn insured_minimum(contract: &SalesContract) -> i64 {
    let tenfold = contract.amount().minor.saturating_mul(11);
    tenfold / 10 + i64::from(tenfold % 10 > 0)
}

/// Checks every field of the documents presented on `today`.
pub fn check_documents(
    contract: &SalesContract,
    product: &Product,
    form: &DocumentsForm,
    today: Date,
    export: ExportClearance,
    sailing: Option<Date>,
) -> DocumentsCheck {
    let mut fields = Vec::with_capacity(24);
    let mut push = |name: &'static str, verdict: Verdict| {
        fields.push(FieldCheck {
            field: FieldPath::header(name),
            verdict,
        })
    };
    let exp = contract.unit_price.exponent;
    let money = |minor: i64| format!("{} {}", format_minor(minor, exp), contract.unit_price.currency);
    let lc = contract.payment == Some(PaymentTerm::LcAtSight);
    let date = |text: &str| Date::parse(text.trim()).ok();
    let on_board = date(&form.on_board_date);

    // Commercial invoice.
    push(
        "invoice.number",
        if form.invoice_no.trim().is_empty() {
            Verdict::Wrong(Said::new("docs-v-invoice-number"))
        } else {
            Verdict::Correct
        },
    );
    push(
        "invoice.date",
        match date(&form.invoice_date) {
            None => Verdict::Wrong(Said::new("docs-v-date-format")),
            Some(d) if d < contract.signed_on => Verdict::Wrong(
                Said::new("docs-v-invoice-before-contract").with("signed", contract.signed_on.to_string()),
            ),
            Some(d) if d > today => Verdict::Wrong(Said::new("docs-v-after-today").with("today", today.to_string())),
            Some(_) => Verdict::Correct,
        },
    );
    push(
        "invoice.description",
        if same_text(&form.description, &contract.description) {
            Verdict::Correct
        } else if form.description.trim().is_empty() {
            Verdict::Wrong(Said::new("docs-v-description-missing"))
        } else {
            Verdict::Wrong(Said::new("docs-v-description-wrong").with("expected", contract.description.as_str()))
        },
    );
    let quantity = parse_decimal(&form.quantity, 0);
    push(
        "invoice.quantity",
        match quantity {
            Ok(q) if q == i64::from(contract.quantity) => Verdict::Correct,
            Ok(q) => Verdict::Wrong(
                Said::new("docs-v-quantity-wrong")
                    .with("given", q)
                    .with("contract", contract.quantity),
            ),
            Err(_) => Verdict::Wrong(Said::new("docs-v-quantity-number")),
        },
    );
    let unit = parse_decimal(&form.unit_price, exp);
    push(
        "invoice.unit_price",
        match unit {
            Ok(u) if u == contract.unit_price.minor => Verdict::Correct,
            Ok(u) => Verdict::Wrong(
                Said::new("docs-v-price-wrong")
                    .with("given", money(u))
                    .with("contract", money(contract.unit_price.minor)),
            ),
            Err(_) => Verdict::Wrong(Said::new("decl-v-not-a-number").term("what", "term-unit-price")),
        },
    );
    push(
        "invoice.amount",
        match (parse_decimal(&form.amount, exp), unit, quantity) {
            (Ok(a), Ok(u), Ok(q)) if a != u.saturating_mul(q) => Verdict::Wrong(
                Said::new("decl-v-total-not-product")
                    .with("given", money(a))
                    .with("product", money(u.saturating_mul(q))),
            ),
            (Ok(a), _, _) if a == contract.amount().minor => Verdict::Correct,
            (Ok(a), _, _) if lc && a > contract.amount().minor => Verdict::Wrong(
                Said::new("docs-v-above-credit")
                    .with("given", money(a))
                    .with("credit", money(contract.amount().minor)),
            ),
            (Ok(a), _, _) => Verdict::Wrong(
                Said::new("docs-v-amount-wrong")
                    .with("given", money(a))
                    .with("contract", money(contract.amount().minor)),
            ),
            (Err(_), _, _) => Verdict::Wrong(Said::new("decl-v-not-a-number").term("what", "term-amount")),
        },
    );
    push(
        "invoice.currency",
        if form
            .currency
            .trim()
            .eq_ignore_ascii_case(contract.unit_price.currency.as_str())
        {
            Verdict::Correct
        } else {
            Verdict::Wrong(Said::new("docs-v-currency").with("currency", contract.unit_price.currency.to_string()))
        },
    );
    push(
        "invoice.incoterm",
        match (form.incoterm, contract.incoterm) {
            (_, None) => Verdict::Correct,
            (Some(t), Some(c)) if t == c => Verdict::Correct,
            (Some(t), Some(c)) => Verdict::Wrong(
                Said::new("docs-v-incoterm-wrong")
                    .with("given", format!("{t:?}"))
                    .with("contract", format!("{c:?}")),
            ),
            (None, Some(c)) => Verdict::Wrong(Said::new("docs-v-incoterm-missing").with("contract", format!("{c:?}"))),
        },
    );

    // Packing list.
    let net = parse_decimal(&form.net_kg, 3);
    let gross = parse_decimal(&form.gross_kg, 3);
    let expected_net = i64::from(product.net_weight_g) * i64::from(contract.quantity);
    let expected_gross = i64::from(product.gross_weight_g) * i64::from(contract.quantity);
    push(
        "packing.packages",
        match parse_decimal(&form.packages, 0) {
            Ok(n) if n > 0 => Verdict::Correct,
            _ => Verdict::Wrong(Said::new("docs-v-cartons")),
        },
    );
    let kg = |v: i64| format!("{} kg", format_minor(v, 3));
    push(
        "packing.net_kg",
        match net {
            Ok(n) if n == expected_net => Verdict::Correct,
            Ok(n) => Verdict::Wrong(
                Said::new("docs-v-weight-wrong")
                    .with("given", kg(n))
                    .with("pieces", contract.quantity)
                    .with("grams", product.net_weight_g)
                    .with("expected", kg(expected_net)),
            ),
            Err(_) => Verdict::Wrong(Said::new("decl-v-not-a-number").term("what", "term-net-kg")),
        },
    );
    push(
        "packing.gross_kg",
        match (net, gross) {
            (Ok(n), Ok(g)) if n > g => Verdict::Wrong(
                Said::new("docs-v-net-above-gross")
                    .with("net", kg(n))
                    .with("gross", kg(g)),
            ),
            (_, Ok(g)) if g == expected_gross => Verdict::Correct,
            (_, Ok(g)) => Verdict::Wrong(
                Said::new("docs-v-weight-wrong")
                    .with("given", kg(g))
                    .with("pieces", contract.quantity)
                    .with("grams", product.gross_weight_g)
                    .with("expected", kg(expected_gross)),
            ),
            (_, Err(_)) => Verdict::Wrong(Said::new("decl-v-not-a-number").term("what", "term-gross-kg")),
        },
    );

    // Bill of lading.
    push(
        "bl.on_board_date",
        match on_board {
            None => Verdict::Wrong(Said::new("docs-v-on-board-format")),
            Some(d) if d < contract.signed_on => {
                Verdict::Wrong(Said::new("docs-v-before-contract").with("signed", contract.signed_on.to_string()))
            }
            Some(d) if d > today => Verdict::Wrong(
                Said::new("docs-v-shipped-after-today")
                    .with("date", d.to_string())
                    .with("today", today.to_string()),
            ),
            Some(_) if sailing.is_none() => Verdict::Wrong(Said::new("docs-v-book-first")),
            Some(d) if sailing.is_some_and(|s| s != d) => Verdict::Wrong(
                Said::new("docs-v-vessel-sails").with("sails", sailing.map_or_else(String::new, |s| s.to_string())),
            ),
            Some(d) if d < contract.goods_ready => Verdict::Wrong(
                Said::new("docs-v-before-ready")
                    .with("date", d.to_string())
                    .with("ready", contract.goods_ready.to_string()),
            ),
            Some(_) if export == ExportClearance::Pending => Verdict::Wrong(Said::new("docs-v-not-cleared")),
            Some(d)
                if let ExportClearance::Released(r) = export
                    && d < r =>
            {
                Verdict::Wrong(
                    Said::new("docs-v-loaded-before-release")
                        .with("date", d.to_string())
                        .with("released", r.to_string()),
                )
            }
            Some(d) if d > contract.latest_shipment => Verdict::Wrong(
                Said::new(if lc {
                    "docs-v-late-shipment-lc"
                } else {
                    "docs-v-late-shipment"
                })
                .with("date", d.to_string())
                .with("latest", contract.latest_shipment.to_string()),
            ),
            Some(_) => Verdict::Correct,
        },
    );
    for (name, given, expected) in [
        ("bl.port_of_loading", &form.port_of_loading, &contract.port_of_loading),
        (
            "bl.port_of_discharge",
            &form.port_of_discharge,
            &contract.port_of_discharge,
        ),
    ] {
        push(
            name,
            if same_text(given, expected) {
                Verdict::Correct
            } else {
                Verdict::Wrong(Said::new("docs-v-contract-says").with("expected", expected.as_str()))
            },
        );
    }
    let freight = freight_for(contract.incoterm);
    push(
        "bl.freight",
        match form.freight {
            Some(f) if f == freight => Verdict::Correct,
            Some(f) => Verdict::Wrong(
                Said::new("docs-v-freight-wrong")
                    .term("given", freight_term(f))
                    .term("expected", freight_term(freight))
                    .incoterm_or_contract(contract.incoterm),
            ),
            None => Verdict::Wrong(Said::new("docs-v-freight-missing")),
        },
    );

    // Insurance certificate: the seller's document under CIF and CIP only.
    if seller_insures(contract.incoterm) {
        let minimum = insured_minimum(contract);
        push(
            "insurance.amount",
            match parse_decimal(&form.insured_amount, exp) {
                Ok(a) if a >= minimum => Verdict::Correct,
                Ok(a) => Verdict::Wrong(
                    Said::new("docs-v-insured-below")
                        .with("given", money(a))
                        .with("minimum", money(minimum))
                        .incoterm_or_contract(contract.incoterm),
                ),
                Err(_) => Verdict::Wrong(Said::new("docs-v-insured-missing")),
            },
        );
        push(
            "insurance.currency",
            if form
                .insurance_currency
                .trim()
                .eq_ignore_ascii_case(contract.unit_price.currency.as_str())
            {
                Verdict::Correct
            } else {
                Verdict::Wrong(
                    Said::new("docs-v-insurance-currency").with("currency", contract.unit_price.currency.to_string()),
                )
            },
        );
        push(
            "insurance.date",
            match (date(&form.insurance_date), on_board) {
                (None, _) => Verdict::Wrong(Said::new("docs-v-insurance-date-missing")),
                (Some(i), Some(b)) if i > b => Verdict::Wrong(
                    Said::new("docs-v-insurance-late")
                        .with("date", i.to_string())
                        .with("shipped", b.to_string()),
                ),
                (Some(_), _) => Verdict::Correct,
            },
        );
        let needed = if contract.incoterm == Some(Incoterm::CIP) {
            CargoClauses::A
        } else {
            CargoClauses::C
        };
        push(
            "insurance.clauses",
            match form.clauses {
                None => Verdict::Wrong(Said::new("docs-v-clauses-missing")),
                Some(c) if needed == CargoClauses::A && c != CargoClauses::A => {
                    Verdict::Wrong(Said::new("docs-v-clauses-narrow").with("given", format!("{c:?}")))
                }
                // CIF needs at least (C); wider cover is the seller's choice.
                Some(_) => Verdict::Correct,
            },
        );
    } else if !form.insured_amount.trim().is_empty() {
        push(
            "insurance.amount",
            Verdict::Warning(Said::new("docs-v-buyer-insures").incoterm_or_contract(contract.incoterm)),
        );
    }

    // Certificate of origin.
    push(
        "origin.country",
        if same_text(&form.origin, &contract.origin) {
            Verdict::Correct
        } else {
            Verdict::Wrong(Said::new("docs-v-origin").with("origin", contract.origin.as_str()))
        },
    );

    // Presentation (letter of credit).
    if lc && let Some(b) = on_board {
        let deadline = b.plus_days(i64::from(contract.presentation_days));
        let expiry = contract.lc_expiry.unwrap_or(deadline);
        push(
            "presentation",
            if today > deadline {
                Verdict::Wrong(
                    Said::new("docs-v-stale")
                        .with("today", today.to_string())
                        .with("days", contract.presentation_days)
                        .with("shipped", b.to_string()),
                )
            } else if today > expiry {
                Verdict::Wrong(Said::new("docs-v-expired").with("expiry", expiry.to_string()))
            } else {
                Verdict::Correct
            },
        );
    }
    DocumentsCheck {
        fields,
        presented_on: today,
    }
}
