//! Business letters the student answers point by point: an importer's inquiry, a forwarder's
//! quotation, a shopper's question about charges. For each point the student picks one
//! statement (the scenario's, or ones computed from the session, like a parcel's total) and
//! writes a note; the answer is graded like a buyer's question: points right 70, tone 30.

use crate::sim::c2c::{AnswerGrade, Statement, Verdict, grade_answer};
use crate::sim::customs::landed_cost::landed_cost;
use crate::sim::money::Money;
pub use crate::sim::scenario::letter::{Letter, LetterPoint, PointSource};
use crate::sim::terms::Text;

/// The answer as it was sent, graded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LetterReply {
    pub day: u32,
    /// The day the letter arrived.
    pub asked_day: u32,
    /// Per point: its id, its label and the statement sent (if any).
    pub sent: Vec<(String, Text, Option<Statement>)>,
    pub note: String,
    pub grade: AnswerGrade,
}

impl LetterReply {
    /// Whether the statement sent on point `id` was the right one.
    pub fn right_on(&self, id: &str) -> Option<bool> {
        self.sent
            .iter()
            .find(|(p, _, _)| p == id)
            .map(|(_, _, s)| s.as_ref().is_some_and(|s| s.verdict == Verdict::Right))
    }
}

/// What a letter's computed statements are worked out from: the scenario, today's date and the
/// student's stores (the prices they list at).
pub struct LetterFacts<'a> {
    pub scenario: &'a crate::sim::scenario::Scenario,
    pub today: crate::sim::date::Date,
    pub stores: &'a std::collections::BTreeMap<String, crate::sim::market::Store>,
}

impl<'a> LetterFacts<'a> {
    pub fn new(
        scenario: &'a crate::sim::scenario::Scenario,
        today: crate::sim::date::Date,
        stores: &'a std::collections::BTreeMap<String, crate::sim::market::Store>,
    ) -> Self {
        Self {
            scenario,
            today,
            stores,
        }
    }
}

/// The statements of each point of `task`'s letter as they stand now.
pub fn options(facts: &LetterFacts, task: &crate::sim::scenario::Task) -> Vec<(String, Text, Vec<Statement>)> {
    let Some(letter) = &task.letter else {
        return Vec::new();
    };
    letter
        .points
        .iter()
        .map(|p| {
            let statements = match &p.source {
                PointSource::Written(list) => list.clone(),
                PointSource::ParcelTotal { products } => task
                    .market
                    .as_deref()
                    .map(|m| parcel_total_statements(facts, m, products))
                    .unwrap_or_default(),
            };
            (p.id.clone(), p.label.clone(), statements)
        })
        .collect()
}

/// One parcel of `products` bought from `market` now: each at the student's VAT-inclusive
/// listing price (the market's reference price if not listed). The shopper pays the sum at
/// checkout, VAT included; the seller pays the parcel's duty (through the landed-cost engine:
/// the EU's EUR 3 per distinct subheading from 1 July 2026) and nothing is due on delivery.
/// Returns the right total and three usual mistakes, in an order that depends on the total.
pub fn parcel_total_statements(facts: &LetterFacts, market: &str, products: &[String]) -> Vec<Statement> {
    let scenario = facts.scenario;
    let Some(found) = scenario.markets().iter().find(|m| m.id == market) else {
        return Vec::new();
    };
    let exponent = scenario.exponent(found.currency);
    let money = |minor: i64| Money::new(minor, found.currency, exponent).format();
    let mut items: Vec<(&crate::sim::scenario::Product, i64)> = Vec::new();
    for sku in products {
        let Some(product) = scenario.product(sku) else { continue };
        let listed = facts.stores.get(market).and_then(|store| {
            let mine = store.student_listing(sku)?;
            store.listings.get(mine.id.0 as usize).map(|l| l.shopper_price())
        });
        let reference = found
            .reference_prices
            .iter()
            .find(|(p, _)| p == sku)
            .map(|(_, m)| m.minor);
        if let Some(price) = listed.or(reference) {
            items.push((product, price));
        }
    }
    if items.is_empty() {
        return Vec::new();
    }
    let total: i64 = items.iter().map(|(_, p)| p).sum();
    // The parcel's duty, VAT rate and whether VAT is charged at checkout, from the rules in
    // force.
    let (duty, vat_rate, vat_at_door) = scenario
        .rule_pack(&found.rule_pack)
        .and_then(|pack| {
            let (first, first_price) = items.first()?;
            let mut consignment =
                crate::sim::c2c::parcel::parcel_consignment(pack, scenario, found, first, *first_price, facts.today);
            for (product, price) in items.iter().skip(1) {
                let mut line = consignment.lines.first()?.clone();
                line.hs_code = product.hs_code;
                line.description = product.name.en.clone();
                line.unit_value = *price;
                line.net_weight_g = u64::from(product.net_weight_g);
                line.gross_weight_g = u64::from(product.gross_weight_g);
                consignment.lines.push(line);
            }
            let cost = landed_cost(&consignment);
            let rate = cost.lines.iter().find_map(|l| match &l.reason {
                crate::sim::customs::landed_cost::Reason::Vat { rate, .. } => Some(*rate),
                _ => None,
            });
            // Over the low-value limit (EUR 150 in the EU) VAT is not taken at checkout: the
            // carrier collects it, with the duty, at the door.
            Some((cost.duty, rate, cost.vat_at_sale == 0 && cost.vat > 0))
        })
        .unwrap_or((0, None, false));
    let listed: Vec<String> = items
        .iter()
        .map(|(product, price)| format!("{} {}", product.name.en, money(*price)))
        .collect();
    let rate = vat_rate.unwrap_or(crate::sim::money::BasisPoints(2_000));
    let vat_again = total + rate.of(total);
    if vat_at_door {
        return over_limit_statements(total, &listed, money);
    }
    let mut statements = vec![
        Statement {
            text: Text {
                en: format!(
                    "Your total at checkout is {}: {}, VAT included. Nothing more is due on delivery.",
                    money(total),
                    listed.join(" and ")
                ),
                zh: String::new(),
            },
            verdict: Verdict::Right,
            why: Text {
                en: format!(
                    "Right: our prices already include VAT and we pay the parcel's {} duty at checkout, so {} is all the buyer pays.",
                    money(duty),
                    money(total)
                ),
                zh: format!("正确：价格已含增值税，包裹的{}关税由我们在结账时支付，买家只需支付{}。", money(duty), money(total)),
            },
        },
        Statement {
            text: Text {
                en: format!(
                    "Your total at checkout is {}: {} plus {rate} VAT.",
                    money(vat_again),
                    money(total)
                ),
                zh: String::new(),
            },
            verdict: Verdict::Wrong,
            why: Text {
                en: "Wrong: shop prices for consumers already include VAT; adding it again overcharges the buyer."
                    .to_string(),
                zh: "错误：面向消费者的标价已含增值税，再加一次会多收买家的钱。".to_string(),
            },
        },
        Statement {
            text: Text {
                en: format!(
                    "Your total at checkout is {}: {} plus {} customs duty.",
                    money(total + duty),
                    money(total),
                    money(duty)
                ),
                zh: String::new(),
            },
            verdict: Verdict::Wrong,
            why: Text {
                en: "Wrong: the duty is ours to pay at checkout (it is in our costs, not added to the shelf price)."
                    .to_string(),
                zh: "错误：关税由我们在结账时支付（计入我们的成本），不加在标价上。".to_string(),
            },
        },
        Statement {
            text: Text {
                en: format!(
                    "You pay {} now and the postman collects VAT and duty on delivery.",
                    money(total)
                ),
                zh: String::new(),
            },
            verdict: Verdict::Wrong,
            why: Text {
                en: "Wrong: that was the rule before July 2021; under IOSS the VAT is paid at checkout and nothing is collected at the door."
                    .to_string(),
                zh: "错误：那是2021年7月之前的规则；通过IOSS，增值税在结账时已缴纳，派送时不再收取。".to_string(),
            },
        },
    ];
    if duty == 0 {
        // Without a duty, "plus the duty" would read the same as the right total.
        statements.remove(2);
    }
    // A fixed order (not the amounts'), so a statement chosen keeps its place if a price
    // changes before the reply is sent.
    let turn = products.len() % statements.len();
    statements.rotate_left(turn);
    statements
}

/// The statements for a parcel over the low-value limit: VAT and duty are collected at the
/// door, so "nothing more to pay" is the mistake.
fn over_limit_statements(total: i64, listed: &[String], money: impl Fn(i64) -> String) -> Vec<Statement> {
    let text = |en: String| Text { en, zh: String::new() };
    vec![
        Statement {
            text: text(format!(
                "Your total at checkout is {}: {}. Nothing more is due on delivery.",
                money(total),
                listed.join(" and ")
            )),
            verdict: Verdict::Wrong,
            why: Text {
                en: "Wrong: over EUR 150 the parcel is cleared in full, and the carrier collects import VAT and duty at the door.".to_string(),
                zh: "错误：超过150欧元的包裹须正式清关，承运人会在派送时收取进口增值税和关税。".to_string(),
            },
        },
        Statement {
            text: text(format!(
                "You pay {} at checkout; as the parcel is over EUR 150, the carrier will collect import VAT and duty on delivery.",
                money(total)
            )),
            verdict: Verdict::Right,
            why: Text {
                en: "Right: over EUR 150 IOSS does not apply; VAT and duty are paid at import.".to_string(),
                zh: "正确：超过150欧元不适用IOSS，增值税和关税在进口时缴纳。".to_string(),
            },
        },
    ]
}

/// Grades a reply written in the student's own words: each point's sentence found in `text`
/// and judged against the facts of the point's right statement (see [`crate::sim::writing`]),
/// the tone judged on the whole text.
pub fn grade_written(
    options: &[(String, Text, Vec<Statement>)],
    points: &[crate::sim::scenario::letter::LetterPoint],
    text: &str,
) -> (Vec<(String, Text, Option<Statement>)>, AnswerGrade) {
    let no_phrases = crate::sim::scenario::letter::PointPhrases::default();
    let sent: Vec<(String, Text, Option<Statement>)> = options
        .iter()
        .map(|(id, label, list)| {
            let phrases = points.iter().find(|p| &p.id == id).map_or(&no_phrases, |p| &p.phrases);
            let read = list
                .iter()
                .find(|s| s.verdict == Verdict::Right)
                .and_then(|right| crate::sim::writing::read_point_with(text, right, phrases));
            (id.clone(), label.clone(), read)
        })
        .collect();
    let verdicts: Vec<Option<Verdict>> = sent.iter().map(|(_, _, s)| s.as_ref().map(|s| s.verdict)).collect();
    let grade =
        crate::sim::c2c::questions::grade_answer_of_length(&verdicts, text, crate::sim::writing::MAX_REPLY_CHARS);
    (sent, grade)
}

/// Grades a reply: the statements chosen (one index per point, or none) and the note.
pub fn grade(
    options: &[(String, Text, Vec<Statement>)],
    choices: &[Option<usize>],
    note: &str,
) -> (Vec<(String, Text, Option<Statement>)>, AnswerGrade) {
    let sent: Vec<(String, Text, Option<Statement>)> = options
        .iter()
        .zip(choices)
        .map(|((id, label, list), choice)| (id.clone(), label.clone(), choice.and_then(|j| list.get(j).cloned())))
        .collect();
    let verdicts: Vec<Option<Verdict>> = sent.iter().map(|(_, _, s)| s.as_ref().map(|s| s.verdict)).collect();
    let grade = grade_answer(&verdicts, note);
    (sent, grade)
}
