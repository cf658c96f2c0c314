//! The shipping documents a seller prepares after shipment — commercial invoice, packing list,
//! bill of lading, insurance certificate, certificate of origin — checked field by field against
//! the sales contract, the goods and, for a letter of credit, UCP 600: presentation within 21
//! days of shipment and before expiry, insurance of at least 110% of the CIF/CIP value in the
//! credit's currency dated no later than shipment, and no data that conflicts.

use crate::sim::customs::declaration::{FieldCheck, FieldPath, Verdict, same_text};
use crate::sim::date::Date;
use crate::sim::money::{format_minor, parse_decimal};
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
            Verdict::Wrong("missing: every invoice has a number".to_string())
        } else {
            Verdict::Correct
        },
    );
    push(
        "invoice.date",
        match date(&form.invoice_date) {
            None => Verdict::Wrong("write the date as YYYY-MM-DD".to_string()),
            Some(d) if d < contract.signed_on => Verdict::Wrong(format!(
                "dated before the contract of {}: an invoice follows the sale",
                contract.signed_on
            )),
            Some(d) if d > today => Verdict::Wrong(format!("dated after today ({today})")),
            Some(_) => Verdict::Correct,
        },
    );
    push(
        "invoice.description",
        if same_text(&form.description, &contract.description) {
            Verdict::Correct
        } else if form.description.trim().is_empty() {
            Verdict::Wrong("missing: describe the goods as the contract does".to_string())
        } else {
            Verdict::Wrong(format!(
                "the invoice must describe the goods as the contract does (UCP 600 art. 18(c)): \"{}\"",
                contract.description
            ))
        },
    );
    let quantity = parse_decimal(&form.quantity, 0);
    push(
        "invoice.quantity",
        match quantity {
            Ok(q) if q == i64::from(contract.quantity) => Verdict::Correct,
            Ok(q) => Verdict::Wrong(format!(
                "{q} pieces, but the contract is for {}: a partial or excess shipment needs the buyer's consent",
                contract.quantity
            )),
            Err(_) => Verdict::Wrong("write the quantity in pieces".to_string()),
        },
    );
    let unit = parse_decimal(&form.unit_price, exp);
    push(
        "invoice.unit_price",
        match unit {
            Ok(u) if u == contract.unit_price.minor => Verdict::Correct,
            Ok(u) => Verdict::Wrong(format!(
                "{} does not match the contract price {}",
                money(u),
                money(contract.unit_price.minor)
            )),
            Err(_) => Verdict::Wrong("write the unit price as a number".to_string()),
        },
    );
    push(
        "invoice.amount",
        match (parse_decimal(&form.amount, exp), unit, quantity) {
            (Ok(a), Ok(u), Ok(q)) if a != u.saturating_mul(q) => Verdict::Wrong(format!(
                "{} is not quantity × unit price ({})",
                money(a),
                money(u.saturating_mul(q))
            )),
            (Ok(a), _, _) if a == contract.amount().minor => Verdict::Correct,
            (Ok(a), _, _) if lc && a > contract.amount().minor => Verdict::Wrong(format!(
                "{} is more than the credit amount ({}): under UCP 600 art. 18(b) a bank may accept an invoice above the credit amount, but then pays no more than the credit allows; invoice the contract amount",
                money(a),
                money(contract.amount().minor)
            )),
            (Ok(a), _, _) => Verdict::Wrong(format!(
                "{} does not match the contract amount {}",
                money(a),
                money(contract.amount().minor)
            )),
            (Err(_), _, _) => Verdict::Wrong("write the amount as a number".to_string()),
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
            Verdict::Wrong(format!("the contract is in {}", contract.unit_price.currency))
        },
    );
    push(
        "invoice.incoterm",
        match (form.incoterm, contract.incoterm) {
            (_, None) => Verdict::Correct,
            (Some(t), Some(c)) if t == c => Verdict::Correct,
            (Some(t), Some(c)) => Verdict::Wrong(format!("{t:?} conflicts with the contract's {c:?} (Incoterms 2020)")),
            (None, Some(c)) => Verdict::Wrong(format!("state the delivery term: {c:?} Incoterms 2020")),
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
            _ => Verdict::Wrong("state the number of cartons".to_string()),
        },
    );
    let kg = |v: i64| format!("{} kg", format_minor(v, 3));
    push(
        "packing.net_kg",
        match net {
            Ok(n) if n == expected_net => Verdict::Correct,
            Ok(n) => Verdict::Wrong(format!(
                "{} does not match {} pieces × {} g = {}",
                kg(n),
                contract.quantity,
                product.net_weight_g,
                kg(expected_net)
            )),
            Err(_) => Verdict::Wrong("write the net weight in kg".to_string()),
        },
    );
    push(
        "packing.gross_kg",
        match (net, gross) {
            (Ok(n), Ok(g)) if n > g => Verdict::Wrong(format!(
                "net {} is above gross {}: gross weight includes the packing",
                kg(n),
                kg(g)
            )),
            (_, Ok(g)) if g == expected_gross => Verdict::Correct,
            (_, Ok(g)) => Verdict::Wrong(format!(
                "{} does not match {} pieces × {} g = {}",
                kg(g),
                contract.quantity,
                product.gross_weight_g,
                kg(expected_gross)
            )),
            (_, Err(_)) => Verdict::Wrong("write the gross weight in kg".to_string()),
        },
    );

    // Bill of lading.
    push(
        "bl.on_board_date",
        match on_board {
            None => Verdict::Wrong("write the shipped-on-board date as YYYY-MM-DD".to_string()),
            Some(d) if d < contract.signed_on => {
                Verdict::Wrong(format!("before the contract of {}", contract.signed_on))
            }
            Some(d) if d > today => Verdict::Wrong(format!(
                "{d} is after today ({today}): documents are presented after the goods are shipped"
            )),
            Some(_) if sailing.is_none() => {
                Verdict::Wrong("book the container first: the bill of lading follows the booked vessel".to_string())
            }
            Some(d) if sailing.is_some_and(|s| s != d) => Verdict::Wrong(format!(
                "the booked vessel sails on {}: the bill of lading shows that on-board date",
                sailing.map_or_else(String::new, |s| s.to_string())
            )),
            Some(d) if d < contract.goods_ready => Verdict::Wrong(format!(
                "{d} is before the goods are ready on {}: production and packing come first",
                contract.goods_ready
            )),
            Some(_) if export == ExportClearance::Pending => Verdict::Wrong(
                "the goods have not cleared export customs: lodge the export declaration and wait for release before loading".to_string(),
            ),
            Some(d) if matches!(export, ExportClearance::Released(r) if d < r) => Verdict::Wrong(format!(
                "loaded on {d}, before customs released the goods{}",
                match export {
                    ExportClearance::Released(r) => format!(" on {r}"),
                    _ => String::new(),
                }
            )),
            Some(d) if d > contract.latest_shipment => Verdict::Wrong(format!(
                "shipped on {d}, after the latest shipment date {}: a late shipment breaches the contract{}",
                contract.latest_shipment,
                if lc { " and the credit" } else { "" }
            )),
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
                Verdict::Wrong(format!("the contract says \"{expected}\""))
            },
        );
    }
    let freight = freight_for(contract.incoterm);
    push(
        "bl.freight",
        match form.freight {
            Some(f) if f == freight => Verdict::Correct,
            Some(f) => Verdict::Wrong(format!(
                "{f:?} conflicts with {}: under it freight is {freight:?}",
                contract
                    .incoterm
                    .map_or_else(|| "the contract".to_string(), |t| format!("{t:?}"))
            )),
            None => Verdict::Wrong("mark the freight as prepaid or collect".to_string()),
        },
    );

    // Insurance certificate: the seller's document under CIF and CIP only.
    if seller_insures(contract.incoterm) {
        let minimum = insured_minimum(contract);
        push(
            "insurance.amount",
            match parse_decimal(&form.insured_amount, exp) {
                Ok(a) if a >= minimum => Verdict::Correct,
                Ok(a) => Verdict::Wrong(format!(
                    "{} is below 110% of the {} value, {} (UCP 600 art. 28(f)(ii))",
                    money(a),
                    contract.incoterm.map_or_else(String::new, |t| format!("{t:?}")),
                    money(minimum)
                )),
                Err(_) => Verdict::Wrong("write the insured amount".to_string()),
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
                Verdict::Wrong(format!(
                    "insure in the credit's currency, {} (UCP 600 art. 28(f)(i))",
                    contract.unit_price.currency
                ))
            },
        );
        push(
            "insurance.date",
            match (date(&form.insurance_date), on_board) {
                (None, _) => Verdict::Wrong("write the date of the insurance certificate".to_string()),
                (Some(i), Some(b)) if i > b => Verdict::Wrong(format!(
                    "dated {i}, after shipment on {b}: cover must start no later than shipment (UCP 600 art. 28(e))"
                )),
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
                None => Verdict::Wrong("state the Institute Cargo Clauses".to_string()),
                Some(c) if needed == CargoClauses::A && c != CargoClauses::A => Verdict::Wrong(format!(
                    "ICC ({c:?}) is too narrow: CIP under Incoterms 2020 requires Institute Cargo Clauses (A)"
                )),
                // CIF needs at least (C); wider cover is the seller's choice.
                Some(_) => Verdict::Correct,
            },
        );
    } else if !form.insured_amount.trim().is_empty() {
        push(
            "insurance.amount",
            Verdict::Warning(format!(
                "under {} the buyer insures the main carriage: no insurance certificate is needed",
                contract
                    .incoterm
                    .map_or_else(|| "this contract".to_string(), |t| format!("{t:?}"))
            )),
        );
    }

    // Certificate of origin.
    push(
        "origin.country",
        if same_text(&form.origin, &contract.origin) {
            Verdict::Correct
        } else {
            Verdict::Wrong(format!("the goods originate in {}", contract.origin))
        },
    );

    // Presentation (letter of credit).
    if lc && let Some(b) = on_board {
        let deadline = b.plus_days(i64::from(contract.presentation_days));
        let expiry = contract.lc_expiry.unwrap_or(deadline);
        push(
            "presentation",
            if today > deadline {
                Verdict::Wrong(format!(
                    "presented on {today}, more than {} days after shipment on {b} (UCP 600 art. 14(c)): stale documents",
                    contract.presentation_days
                ))
            } else if today > expiry {
                Verdict::Wrong(format!("the credit expired on {expiry} (UCP 600 art. 6(d))"))
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
