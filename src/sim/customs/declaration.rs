//! Customs declarations: the exercise a scenario sets (documents + correct facts), the form a
//! student fills in, and the field-by-field check of one against the other, the goods and the
//! rules — "correct", or what is wrong and why.

use crate::sim::money::BasisPoints;
use crate::sim::money::{format_minor, parse_decimal};
use crate::sim::said::Said;
pub use crate::sim::scenario::declaration::{Clearance, DeclarationCase, DocumentLine};
use crate::sim::scenario::{HsCode, Product};
use crate::sim::terms::{BrandType, Incoterm, TransportMode};

impl Clearance {
    /// Chance of an inspection, in basis points, for a declaration with `wrong` wrong fields.
    pub fn inspection_chance(&self, wrong: usize, undervalued: bool) -> BasisPoints {
        let errors = i64::try_from(wrong)
            .unwrap_or(i64::MAX)
            .saturating_mul(self.inspection_per_error.0);
        let under = if undervalued {
            self.undervaluation_inspection.0
        } else {
            0
        };
        BasisPoints(
            self.base_inspection
                .0
                .saturating_add(errors)
                .saturating_add(under)
                .clamp(0, 10_000),
        )
    }
}

impl DeclarationCase {
    /// How much less than the invoice the form declares, summed over lines (minor units of the
    /// case's currency); lines whose price cannot be read count as not undervalued.
    pub fn undervalued_amount(&self, form: &DeclarationForm) -> i64 {
        self.lines
            .iter()
            .zip(&form.lines)
            .filter_map(|(doc, line)| {
                let declared = parse_decimal(&line.unit_price, self.exponent).ok()?;
                // The declared price was typed by the student: widened, then saturated.
                (declared < doc.unit_price).then(|| {
                    crate::sim::money::saturate(
                        (i128::from(doc.unit_price) - i128::from(declared)) * i128::from(doc.quantity),
                    )
                })
            })
            .fold(0i64, i64::saturating_add)
    }

    pub fn invoice_total(&self) -> i64 {
        self.lines.iter().map(DocumentLine::total).sum()
    }

    pub fn money(&self, minor: i64) -> String {
        format!("{} {}", format_minor(minor, self.exponent), self.currency)
    }
}

/// One goods line of the student's declaration, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FormLine {
    pub commodity_code: String,
    pub name_and_spec: String,
    pub brand_type: Option<BrandType>,
    /// Export preference 0–3 (declaration element).
    pub export_preference: String,
    /// Quantity in the legal first unit (pieces for garments).
    pub first_quantity: String,
    /// Quantity in the legal second unit (kilograms for garments).
    pub second_quantity: String,
    pub net_kg: String,
    pub gross_kg: String,
    pub unit_price: String,
    pub total_price: String,
    pub origin: String,
    pub destination: String,
}

/// The student's declaration, as typed: strings are checked, never trusted.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DeclarationForm {
    pub trade_mode: String,
    pub consignor: String,
    pub consignee: String,
    pub contract_no: String,
    pub port_of_loading: String,
    pub destination_country: String,
    pub transport_mode: Option<TransportMode>,
    pub incoterm: Option<Incoterm>,
    pub currency: String,
    pub lines: Vec<FormLine>,
}

/// The verdict on one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Correct,
    /// Acceptable, but a professional would do it differently (and why).
    Warning(Said),
    /// Wrong: what is wrong and why it matters.
    Wrong(Said),
}

/// Which form field a verdict is about: a header field, or a field of goods line `line`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldPath {
    pub line: Option<usize>,
    pub name: &'static str,
}

impl FieldPath {
    pub fn header(name: &'static str) -> Self {
        Self { line: None, name }
    }

    pub fn line(index: usize, name: &'static str) -> Self {
        Self {
            line: Some(index),
            name,
        }
    }

    /// Whether this is the field written `trade_mode` or `lines[0].net_kg`.
    pub fn is(&self, path: &str) -> bool {
        match self.line {
            None => path == self.name,
            Some(i) => path
                .strip_prefix("lines[")
                .and_then(|rest| rest.split_once("]."))
                .is_some_and(|(index, name)| index.parse() == Ok(i) && name == self.name),
        }
    }
}

impl std::fmt::Display for FieldPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            None => f.write_str(self.name),
            Some(i) => write!(f, "lines[{i}].{}", self.name),
        }
    }
}

/// One checked field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldCheck {
    pub field: FieldPath,
    pub verdict: Verdict,
}

/// The outcome of checking a declaration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeclarationCheck {
    pub fields: Vec<FieldCheck>,
}

impl DeclarationCheck {
    pub fn wrong(&self) -> usize {
        self.fields
            .iter()
            .filter(|f| matches!(f.verdict, Verdict::Wrong(_)))
            .count()
    }
    pub fn correct(&self) -> usize {
        self.fields.iter().filter(|f| f.verdict == Verdict::Correct).count()
    }
    /// Goods clear when nothing is wrong (warnings do not stop them).
    pub fn clears(&self) -> bool {
        self.wrong() == 0
    }
    pub fn verdict(&self, field: &str) -> Option<&Verdict> {
        self.fields.iter().find(|f| f.field.is(field)).map(|f| &f.verdict)
    }
    /// The declared value is below the invoice value (undervaluation raises the risk).
    pub fn undervalued(&self) -> bool {
        self.fields
            .iter()
            .any(|f| matches!(&f.verdict, Verdict::Wrong(w) if w.is("decl-v-undervalued")))
    }
}

/// Equal ignoring case and runs of white space, without allocating.
pub(crate) fn same_text(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let same_word = |p: &str, q: &str| {
        if p.is_ascii() && q.is_ascii() {
            p.eq_ignore_ascii_case(q)
        } else {
            p.chars()
                .flat_map(char::to_lowercase)
                .eq(q.chars().flat_map(char::to_lowercase))
        }
    };
    let mut x = a.split_whitespace();
    let mut y = b.split_whitespace();
    loop {
        match (x.next(), y.next()) {
            (None, None) => return true,
            (Some(p), Some(q)) if same_word(p, q) => {}
            _ => return false,
        }
    }
}

/// Checks every field of `form` against the case's documents, the products and the rules.
pub fn check_declaration(case: &DeclarationCase, products: &[Product], form: &DeclarationForm) -> DeclarationCheck {
    let mut fields = Vec::with_capacity(12 + 14 * form.lines.len());
    let mut push = |field: FieldPath, verdict: Verdict| fields.push(FieldCheck { field, verdict });

    // Trade mode (supervision code).
    let code = form.trade_mode.trim();
    push(
        FieldPath::header("trade_mode"),
        if code == case.trade_mode {
            Verdict::Correct
        } else if code.is_empty() {
            Verdict::Wrong(Said::new("decl-v-trade-mode-missing").with("code", case.trade_mode.as_str()))
        } else {
            Verdict::Wrong(
                Said::new("decl-v-trade-mode-wrong")
                    .with("given", code)
                    .term("given_is", trade_mode_term(code))
                    .with("expected", case.trade_mode.as_str())
                    .term("expected_is", trade_mode_term(&case.trade_mode)),
            )
        },
    );
    let text_field = |expected: &str, given: &str, what: &'static str, document: &'static str| {
        if same_text(expected, given) {
            Verdict::Correct
        } else if given.trim().is_empty() {
            Verdict::Wrong(
                Said::new("decl-v-missing-copy")
                    .term("what", what)
                    .term("document", document),
            )
        } else {
            Verdict::Wrong(
                Said::new("decl-v-not-as-document")
                    .term("document", document)
                    .with("expected", expected),
            )
        }
    };
    push(
        FieldPath::header("consignor"),
        text_field(&case.consignor, &form.consignor, "term-exporter", "term-contract"),
    );
    push(
        FieldPath::header("consignee"),
        text_field(&case.consignee, &form.consignee, "term-buyer", "term-contract"),
    );
    push(
        FieldPath::header("contract_no"),
        text_field(
            &case.contract_no,
            &form.contract_no,
            "term-contract-number",
            "term-contract",
        ),
    );
    push(
        FieldPath::header("port_of_loading"),
        text_field(
            &case.port_of_loading,
            &form.port_of_loading,
            "term-port-of-loading",
            "term-contract",
        ),
    );
    push(
        FieldPath::header("destination_country"),
        text_field(
            &case.destination_country,
            &form.destination_country,
            "term-destination-country",
            "term-contract",
        ),
    );
    push(
        FieldPath::header("transport_mode"),
        match form.transport_mode {
            Some(m) if m == case.transport_mode => Verdict::Correct,
            Some(m) => Verdict::Wrong(
                Said::new("decl-v-transport-wrong")
                    .term("given", transport_term(m))
                    .term("expected", transport_term(case.transport_mode)),
            ),
            None => Verdict::Wrong(Said::new("decl-v-transport-missing")),
        },
    );
    push(
        FieldPath::header("incoterm"),
        match form.incoterm {
            Some(t) if t == case.incoterm && case.containerised && t.sea_only() => {
                Verdict::Warning(Said::new("decl-v-incoterm-container").with("term", format!("{t:?}")))
            }
            Some(t) if t == case.incoterm => Verdict::Correct,
            Some(t) => Verdict::Wrong(
                Said::new("decl-v-incoterm-wrong")
                    .with("given", format!("{t:?}"))
                    .with("expected", format!("{:?}", case.incoterm)),
            ),
            None => Verdict::Wrong(Said::new("decl-v-incoterm-missing")),
        },
    );
    push(
        FieldPath::header("currency"),
        if form.currency.trim().eq_ignore_ascii_case(case.currency.as_str()) {
            Verdict::Correct
        } else {
            Verdict::Wrong(Said::new("decl-v-currency").with("currency", case.currency.to_string()))
        },
    );

    // Goods lines.
    if form.lines.len() != case.lines.len() {
        push(
            FieldPath::header("lines"),
            Verdict::Wrong(
                Said::new("decl-v-line-count")
                    .with("invoice", case.lines.len())
                    .with("declared", form.lines.len()),
            ),
        );
    }
    for (i, (doc, line)) in case.lines.iter().zip(&form.lines).enumerate() {
        let Some(product) = products.iter().find(|pr| pr.sku == doc.product) else {
            continue;
        };
        // Commodity code: 10 digits, the product's code.
        push(
            FieldPath::line(i, "commodity_code"),
            match HsCode::parse(&line.commodity_code) {
                Some(hs) if hs.digits().len() != 10 => Verdict::Wrong(Said::new("decl-v-hs-digits")),
                Some(hs) if hs == product.hs_code => Verdict::Correct,
                Some(hs) if hs.digits()[..4] == product.hs_code.digits()[..4] => Verdict::Wrong(
                    Said::new("decl-v-hs-subheading")
                        .with("heading", &hs.digits()[..4])
                        .with("code", product.hs_code.dotted()),
                ),
                Some(_) => Verdict::Wrong(Said::new("decl-v-hs-wrong").with("code", line.commodity_code.trim())),
                None => Verdict::Wrong(Said::new("decl-v-hs-missing")),
            },
        );
        push(
            FieldPath::line(i, "name_and_spec"),
            if line.name_and_spec.trim().is_empty() {
                Verdict::Wrong(Said::new("decl-v-name-missing"))
            } else if same_text(&line.name_and_spec, &product.name.en)
                || same_text(&line.name_and_spec, &product.name.zh)
            {
                Verdict::Correct
            } else {
                Verdict::Wrong(Said::new("decl-v-name-wrong").with("expected", product.name.en.as_str()))
            },
        );
        push(
            FieldPath::line(i, "brand_type"),
            match line.brand_type {
                Some(b) if b == product.brand_type => Verdict::Correct,
                Some(b) => Verdict::Wrong(
                    Said::new("decl-v-brand-wrong")
                        .term("given", brand_term(b))
                        .term("expected", brand_term(product.brand_type)),
                ),
                None => Verdict::Wrong(Said::new("decl-v-brand-missing")),
            },
        );
        push(
            FieldPath::line(i, "export_preference"),
            match line.export_preference.trim().parse::<u8>() {
                Ok(0..=3) => Verdict::Correct,
                _ => Verdict::Wrong(Said::new("decl-v-preference")),
            },
        );
        let quantity = |parsed: Result<i64, _>, expected: i64, scale: u32, what: &'static str| match parsed {
            Ok(v) if v == expected => Verdict::Correct,
            Ok(v) => Verdict::Wrong(
                Said::new("decl-v-quantity-wrong")
                    .with("given", format_minor(v, scale))
                    .term("what", what)
                    .with("expected", format_minor(expected, scale)),
            ),
            Err(_) => Verdict::Wrong(Said::new("decl-v-not-a-number").term("what", what)),
        };
        push(
            FieldPath::line(i, "first_quantity"),
            quantity(
                parse_decimal(&line.first_quantity, 0),
                i64::from(doc.quantity),
                0,
                "term-first-quantity",
            ),
        );
        let net_g = i64::try_from(doc.net_g).unwrap_or(0);
        let gross_g = i64::try_from(doc.gross_g).unwrap_or(0);
        push(
            FieldPath::line(i, "second_quantity"),
            quantity(
                parse_decimal(&line.second_quantity, 3),
                net_g,
                3,
                "term-second-quantity",
            ),
        );
        let net = parse_decimal(&line.net_kg, 3);
        let gross = parse_decimal(&line.gross_kg, 3);
        push(FieldPath::line(i, "net_kg"), quantity(net, net_g, 3, "term-net-weight"));
        push(
            FieldPath::line(i, "gross_kg"),
            match (net, gross) {
                (Ok(n), Ok(g)) if n > g => Verdict::Wrong(
                    Said::new("decl-v-net-above-gross")
                        .with("net", format_minor(n, 3))
                        .with("gross", format_minor(g, 3)),
                ),
                _ => quantity(gross, gross_g, 3, "term-gross-weight"),
            },
        );
        let exp = case.exponent;
        let unit = parse_decimal(&line.unit_price, exp);
        push(
            FieldPath::line(i, "unit_price"),
            match unit {
                Ok(v) if v == doc.unit_price => Verdict::Correct,
                Ok(v) if v < doc.unit_price => Verdict::Wrong(
                    Said::new("decl-v-undervalued")
                        .with("given", case.money(v))
                        .with("invoice", case.money(doc.unit_price)),
                ),
                Ok(v) => Verdict::Wrong(
                    Said::new("decl-v-price-wrong")
                        .with("given", case.money(v))
                        .with("invoice", case.money(doc.unit_price)),
                ),
                Err(_) => Verdict::Wrong(Said::new("decl-v-not-a-number").term("what", "term-unit-price")),
            },
        );
        push(
            FieldPath::line(i, "total_price"),
            match (parse_decimal(&line.total_price, exp), unit) {
                (Ok(total), Ok(u)) if total != crate::sim::money::times(u, doc.quantity) => Verdict::Wrong(
                    Said::new("decl-v-total-not-product")
                        .with("given", case.money(total))
                        .with("product", case.money(crate::sim::money::times(u, doc.quantity))),
                ),
                (Ok(total), _) if total == doc.total() => Verdict::Correct,
                (Ok(total), _) => Verdict::Wrong(
                    Said::new("decl-v-total-wrong")
                        .with("given", case.money(total))
                        .with("invoice", case.money(doc.total())),
                ),
                (Err(_), _) => Verdict::Wrong(Said::new("decl-v-not-a-number").term("what", "term-total-price")),
            },
        );
        push(
            FieldPath::line(i, "origin"),
            text_field(
                &product.origin,
                &line.origin,
                "term-origin-country",
                "term-certificate-of-origin",
            ),
        );
        push(
            FieldPath::line(i, "destination"),
            text_field(
                &case.destination_country,
                &line.destination,
                "term-destination-country",
                "term-contract",
            ),
        );
    }
    DeclarationCheck { fields }
}

/// The catalogue's name of a brand type, with its code ("0 (no brand)").
pub fn brand_term(b: BrandType) -> &'static str {
    match b {
        BrandType::NoBrand => "brand-type-0",
        BrandType::DomesticOwn => "brand-type-1",
        BrandType::DomesticAcquired => "brand-type-2",
        BrandType::ForeignOem => "brand-type-3",
        BrandType::ForeignOther => "brand-type-4",
    }
}

/// The catalogue's name of a mode of transport.
pub fn transport_term(mode: TransportMode) -> &'static str {
    match mode {
        TransportMode::Sea => "transport-sea",
        TransportMode::Air => "transport-air",
        TransportMode::Rail => "transport-rail",
        TransportMode::Road => "transport-road",
        TransportMode::Post => "transport-post",
    }
}

/// The catalogue's description of a supervision code (what kind of trade it declares).
fn trade_mode_term(code: &str) -> &'static str {
    match code {
        "0110" => "trade-mode-0110",
        "9610" => "trade-mode-9610",
        "9710" => "trade-mode-9710",
        "9810" => "trade-mode-9810",
        "1210" => "trade-mode-1210",
        _ => "trade-mode-other",
    }
}

/// The declaration an expert clerk would lodge for `case`: used by tests, and later by the
/// debrief's "what an expert would have done".
pub fn model_answer(case: &DeclarationCase, products: &[Product]) -> DeclarationForm {
    let kg = |g: u64| format_minor(i64::try_from(g).unwrap_or(0), 3).replace(',', "");
    let price = |minor: i64| format_minor(minor, case.exponent).replace(',', "");
    DeclarationForm {
        trade_mode: case.trade_mode.clone(),
        consignor: case.consignor.clone(),
        consignee: case.consignee.clone(),
        contract_no: case.contract_no.clone(),
        port_of_loading: case.port_of_loading.clone(),
        destination_country: case.destination_country.clone(),
        transport_mode: Some(case.transport_mode),
        incoterm: Some(case.incoterm),
        currency: case.currency.to_string(),
        lines: case
            .lines
            .iter()
            .map(|l| {
                let product = products.iter().find(|p| p.sku == l.product);
                FormLine {
                    commodity_code: product.map(|p| p.hs_code.digits().to_string()).unwrap_or_default(),
                    name_and_spec: product.map(|p| p.name.en.clone()).unwrap_or_default(),
                    brand_type: product.map(|p| p.brand_type),
                    export_preference: "0".to_string(),
                    first_quantity: l.quantity.to_string(),
                    second_quantity: kg(l.net_g),
                    net_kg: kg(l.net_g),
                    gross_kg: kg(l.gross_g),
                    unit_price: price(l.unit_price),
                    total_price: price(l.total()),
                    origin: product.map(|p| p.origin.clone()).unwrap_or_default(),
                    destination: case.destination_country.clone(),
                }
            })
            .collect(),
    }
}
