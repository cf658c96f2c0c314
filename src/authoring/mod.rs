//! Instructors' tools over a valid scenario: the warnings `check` prints for what is valid but
//! cannot work in play (a rubric criterion no play earns, a check on a task of the wrong
//! kind, a letter nobody writes, no zone of agreement, inconsistent weights, a consignor who
//! is not the company, events without effect, characters the font cannot draw). Events
//! after the last day are errors already, found by validation. Each warning names the field it
//! is about, and says what is wrong as a catalogue sentence (assets/i18n/*/check-files.ftl),
//! put into the reader's language where it is shown.

pub mod font;
pub mod workbench;

use std::sync::Arc;

use crate::i18n::Catalogue;
use crate::sim::Scenario;
use crate::sim::said::Said;
use crate::sim::scenario::rubric::Check;
use crate::sim::scenario::{Effect, Task};
use crate::sim::terms::{Activity, TradeDirection};

/// A warning: what is valid but will not work as meant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The field it is about, as `check` names fields (empty: the file, or a place the
    /// sentence names itself).
    pub path: String,
    pub said: Said,
}

impl Warning {
    fn at(path: impl Into<String>, said: Said) -> Self {
        Self {
            path: path.into(),
            said,
        }
    }

    /// The warning in `cat`'s language: `path: sentence`, the path as the file writes it.
    pub fn text(&self, cat: &Catalogue) -> String {
        let said = cat.say(&self.said);
        if self.path.is_empty() {
            said
        } else {
            cat.tr_args(
                "check-warn-at",
                &[("path", self.path.clone().into()), ("warning", said.into())],
            )
        }
    }
}

impl std::fmt::Display for Warning {
    /// The warning in English (as logs and `check --lang en` give it).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(crate::i18n::english()))
    }
}

/// Every warning for `scenario`; `source` is its file's text, for the characters the font
/// cannot draw (left out when `None`).
pub fn warnings(scenario: &Arc<Scenario>, source: Option<&str>) -> Vec<Warning> {
    let mut out = Vec::new();
    for (t, task) in scenario.tasks().iter().enumerate() {
        wrong_activity(t, task, &mut out);
        silent_letter(scenario, t, task, &mut out);
        no_agreement(scenario, t, task, &mut out);
        declaration(scenario, t, task, &mut out);
    }
    events(scenario, &mut out);
    if let Some(text) = source {
        undrawable(text, &mut out);
    }
    expert_misses(scenario, &mut out);
    out
}

/// The warnings of a sample of students' variants of a file with `variants` (see
/// `crate::scenario::variant::sample_keys`): a range can leave some students with no zone of
/// agreement or a point nobody can earn. Each distinct warning once, naming the first sample
/// student it showed in.
pub fn variant_warnings(path: &std::path::Path, file: &crate::scenario::file::ScenarioFile) -> Vec<Warning> {
    let mut out: Vec<Warning> = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for key in crate::scenario::variant::sample_keys() {
        let Ok(mut varied) = crate::scenario::variant::apply(file, &key) else {
            continue;
        };
        varied.variants.clear();
        let Ok(scenario) = crate::scenario::assemble_at(path, &varied) else {
            continue;
        };
        for warning in warnings(&Arc::new(scenario), None) {
            // The same warning with other numbers is one finding.
            let shape: String = warning.to_string().chars().filter(|c| !c.is_ascii_digit()).collect();
            if seen.insert(shape) {
                let worded = crate::sim::terms::Text {
                    en: warning.to_string(),
                    zh: warning.text(crate::scenario::chinese()),
                };
                out.push(Warning::at(
                    "",
                    Said::new("check-warn-variant")
                        .with("student", key.student_id.as_str())
                        .with("class", key.class_code.as_str())
                        .with("warning", crate::sim::said::Fact::Written(worded)),
                ));
            }
        }
    }
    out
}

/// Every check a criterion names, `All` unfolded.
fn checks(check: &Check) -> Vec<&Check> {
    match check {
        Check::All(list) => list.iter().flat_map(checks).collect(),
        other => vec![other],
    }
}

/// What a check reads (a catalogue term), when it needs a part of the task the task may lack.
fn needs(check: &Check) -> Option<(&'static str, fn(&Task) -> bool)> {
    match check {
        Check::DeclarationFields { .. } | Check::DeclarationFirstTime => {
            Some(("check-warn-needs-declaration", |t| t.declaration.is_some()))
        }
        Check::ContractSigned
        | Check::ContractIncoterm { .. }
        | Check::ContractPayment { .. }
        | Check::ContractMarginAtLeast { .. }
        | Check::OpeningOfferWorth { .. }
        | Check::ConcessionsShrink
        | Check::AgreedUtilityAtLeast { .. }
        | Check::DocumentsFirstTime => Some(("check-warn-needs-negotiation", |t| t.negotiation.is_some())),
        Check::LetterPointRight { .. } => Some(("check-warn-needs-letter", |t| t.letter.is_some())),
        Check::ListingQualityAtLeast { .. }
        | Check::MarginAtLeast { .. }
        | Check::AcosBelowMargin
        | Check::UnitsSoldAtLeast { .. }
        | Check::ListingLive
        | Check::PricedForMarket { .. }
        | Check::CostSheetRight { .. }
        | Check::AdsCutWhenLosing { .. }
        | Check::AcosAtMost { .. }
        | Check::StoreProfitable => Some(("check-warn-needs-listing", |t| {
            matches!(t.activity, Activity::Storefront | Activity::Promotion)
        })),
        _ => None,
    }
}

fn check_name(check: &Check) -> String {
    let debug = format!("{check:?}");
    debug
        .split(|c: char| !c.is_ascii_alphanumeric())
        .next()
        .unwrap_or_default()
        .to_string()
}

fn wrong_activity(t: usize, task: &Task, out: &mut Vec<Warning>) {
    for (c, criterion) in task.rubric.iter().enumerate() {
        for check in criterion.check.iter().flat_map(checks) {
            if let Some((what, has)) = needs(check)
                && !has(task)
            {
                out.push(Warning::at(
                    format!("setup.tasks[{t}].rubric[{c}]"),
                    Said::new("check-warn-wrong-activity")
                        .with("check", check_name(check))
                        .term("what", what)
                        .with("task", task.id.as_str())
                        .with("activity", format!("{:?}", task.activity)),
                ));
            }
        }
    }
}

/// A letter is the first message from the task's counterpart; warn when none ever comes.
fn silent_letter(scenario: &Scenario, t: usize, task: &Task, out: &mut Vec<Warning>) {
    if task.letter.is_none() {
        return;
    }
    let Some(who) = task.counterpart.as_deref() else {
        out.push(Warning::at(
            format!("setup.tasks[{t}]"),
            Said::new("check-warn-letter-no-counterpart").with("task", task.id.as_str()),
        ));
        return;
    };
    let writes = |effect: &Effect| match effect {
        Effect::Message { from, .. } => from.as_deref() == Some(who),
        Effect::Question { from, .. } => from == who,
        _ => false,
    };
    // The letter must come by the day the reply is due (or the last day).
    let by = task.due_day.unwrap_or(u32::MAX).min(scenario.length_days());
    let scheduled = scenario
        .scheduled_events()
        .iter()
        .any(|e| e.day <= by && writes(&e.effect));
    let randomly = scenario
        .random_events()
        .iter()
        .any(|e| e.from_day <= by && e.daily_chance.0 > 0 && e.max_times > 0 && writes(&e.effect));
    let talks = scenario
        .tasks()
        .iter()
        .any(|other| other.negotiation.is_some() && other.counterpart.as_deref() == Some(who));
    if !scheduled && !talks {
        let key = if randomly {
            "check-warn-letter-maybe-written"
        } else {
            "check-warn-letter-never-written"
        };
        out.push(Warning::at(
            format!("setup.tasks[{t}]"),
            Said::new(key)
                .with("task", task.id.as_str())
                .with("who", who)
                .with("day", by),
        ));
    }
}

/// A negotiation where no bid is worth its walk-away to both sides, or whose prices are all
/// below the product's cost.
fn no_agreement(scenario: &Arc<Scenario>, t: usize, task: &Task, out: &mut Vec<Warning>) {
    use crate::sim::negotiation::IssueOptions;
    let Some(case) = &task.negotiation else { return };
    let bids = case.domain.all_bids();
    let both = bids.iter().any(|b| {
        case.seller.utility(*b) >= case.seller.reservation() && case.buyer.utility(*b) >= case.buyer.reservation()
    });
    if !both {
        out.push(Warning::at(
            format!("setup.tasks[{t}].negotiation"),
            Said::new("check-warn-no-agreement"),
        ));
    }
    let Some(product) = task.product.as_deref().and_then(|sku| scenario.product(sku)) else {
        return;
    };
    let session = crate::sim::Session::new(Arc::clone(scenario), Some(scenario.seed()));
    let home = scenario.home_currency();
    let Some(cost) = session.world().in_currency(product.unit_cost, home) else {
        return;
    };
    for issue in case.domain.issues() {
        if let IssueOptions::UnitPrice {
            currency,
            exponent,
            prices,
        } = issue
        {
            let best = prices
                .iter()
                .filter_map(|p| {
                    session
                        .world()
                        .in_currency(crate::sim::Money::new(*p, *currency, *exponent), home)
                })
                .max();
            if best.is_some_and(|b| b <= cost) {
                out.push(Warning::at(
                    format!("setup.tasks[{t}].negotiation"),
                    Said::new("check-warn-price-below-cost").with("sku", product.sku.as_str()),
                ));
            }
        }
    }
}

/// Declaration lines whose weights do not follow from the product, and a consignor (or, on
/// import, a consignee) who is not the student's company.
fn declaration(scenario: &Scenario, t: usize, task: &Task, out: &mut Vec<Warning>) {
    let Some(case) = &task.declaration else { return };
    let company = &scenario.role().company.name;
    let (party, name) = match case.direction {
        TradeDirection::Export => ("consignor", &case.consignor),
        TradeDirection::Import => ("consignee", &case.consignee),
    };
    let same = |a: &str, b: &str| !b.trim().is_empty() && a.trim().eq_ignore_ascii_case(b.trim());
    if !same(name, &company.en) && !same(name, &company.zh) {
        out.push(Warning::at(
            format!("setup.tasks[{t}].declaration.{party}"),
            Said::new("check-warn-not-the-company")
                .with("name", name.as_str())
                .with("company", company.en.as_str()),
        ));
    }
    for (l, line) in case.lines.iter().enumerate() {
        let Some(product) = scenario.product(&line.product) else {
            continue;
        };
        let expected = u64::from(product.net_weight_g) * u64::from(line.quantity);
        // A tenth either way allows for rounding on the packing list.
        let off = |declared: u64, expected: u64| declared * 10 < expected * 9 || declared * 10 > expected * 11;
        if expected > 0 && off(line.net_g, expected) {
            out.push(Warning::at(
                format!("setup.tasks[{t}].declaration.lines[{l}].net_kg"),
                Said::new("check-warn-net-weight")
                    .with("declared", kg(line.net_g))
                    .with("quantity", line.quantity)
                    .with("sku", product.sku.as_str())
                    .with("each", product.net_weight_g)
                    .with("expected", kg(expected)),
            ));
        }
        let least_gross = u64::from(product.gross_weight_g) * u64::from(line.quantity);
        if line.gross_g < line.net_g || (least_gross > 0 && line.gross_g * 10 < least_gross * 9) {
            out.push(Warning::at(
                format!("setup.tasks[{t}].declaration.lines[{l}].gross_kg"),
                Said::new("check-warn-gross-weight")
                    .with("declared", kg(line.gross_g))
                    .with("net", kg(line.net_g))
                    .with("least", kg(least_gross)),
            ));
        }
    }
}

fn kg(grams: u64) -> String {
    format!("{}.{:03}", grams / 1000, grams % 1000)
}

fn events(scenario: &Scenario, out: &mut Vec<Warning>) {
    let no_effect = |effect: &Effect| match effect {
        Effect::ExchangeRateShock { change, .. } => change.0 == 0,
        Effect::CashChange { money, .. } => money.minor == 0,
        Effect::ReputationChange { delta, .. } => *delta == 0,
        Effect::Message { .. } | Effect::Question { .. } => false,
    };
    // An event after the last day is already an error (validation); here, what is valid but
    // does nothing.
    for (i, event) in scenario.scheduled_events().iter().enumerate() {
        if no_effect(&event.effect) {
            out.push(Warning::at(
                format!("setup.events.scheduled[{i}]"),
                Said::new("check-warn-event-no-change"),
            ));
        }
    }
    for (i, event) in scenario.random_events().iter().enumerate() {
        if event.daily_chance.0 == 0 || event.max_times == 0 {
            out.push(Warning::at(
                format!("setup.events.random[{i}]"),
                Said::new("check-warn-event-no-chance").with("event", event.id.as_str()),
            ));
        }
        if no_effect(&event.effect) {
            out.push(Warning::at(
                format!("setup.events.random[{i}]"),
                Said::new("check-warn-random-no-change").with("event", event.id.as_str()),
            ));
        }
    }
}

/// Characters in quoted text that the bundled font cannot draw, by line and column: the first
/// place of each, at most [`MAX_UNDRAWABLE`] of them. One pass over the text, comments
/// (`//` and `/* */`) skipped.
fn undrawable(text: &str, out: &mut Vec<Warning>) {
    let mut found: Vec<(usize, usize, char)> = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    let (mut line, mut col) = (1usize, 0usize);
    let (mut quoted, mut escaped, mut line_comment, mut block_comment) = (false, false, false, false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        col += 1;
        if c == '\n' {
            (line, col, line_comment) = (line + 1, 0, false);
            continue;
        }
        if line_comment {
            continue;
        }
        if block_comment {
            if c == '*' && chars.peek() == Some(&'/') {
                chars.next();
                col += 1;
                block_comment = false;
            }
            continue;
        }
        if !quoted {
            match (c, chars.peek()) {
                ('/', Some('/')) => line_comment = true,
                ('/', Some('*')) => {
                    chars.next();
                    col += 1;
                    block_comment = true;
                }
                ('"', _) => quoted = true,
                _ => {}
            }
            continue;
        }
        match (escaped, c) {
            (true, _) => escaped = false,
            (false, '\\') => escaped = true,
            (false, '"') => quoted = false,
            _ if !font::can_draw(c) && seen.insert(c) => {
                found.push((line, col, c));
                if found.len() == MAX_UNDRAWABLE {
                    break;
                }
            }
            _ => {}
        }
    }
    for (line, col, c) in &found {
        out.push(Warning::at(
            "",
            Said::new("check-warn-undrawable")
                .with("line", *line)
                .with("col", *col)
                .with("char", crate::escape::printable(&c.to_string(), 4))
                .with("code", format!("{:04X}", u32::from(*c))),
        ));
    }
}

/// Most characters the font cannot draw that one check names.
const MAX_UNDRAWABLE: usize = 20;

/// A rubric no play can earn: the AI expert plays the scenario on its seed, and every
/// criterion it misses is named, with why.
fn expert_misses(scenario: &Arc<Scenario>, out: &mut Vec<Warning>) {
    use crate::sim::said::Fact;
    let run = crate::sim::expert::play(Arc::clone(scenario), scenario.seed());
    for task in &run.report.tasks {
        for c in task.criteria.iter().filter(|c| c.scored && c.earned < c.possible) {
            out.push(Warning::at(
                "",
                Said::new("check-warn-expert-misses")
                    .with("earned", c.earned)
                    .with("possible", c.possible)
                    .with("criterion", Fact::Written(c.description.clone()))
                    .with("task", Fact::Written(task.title.clone()))
                    .with("reason", Fact::Written(c.reason.clone())),
            ));
        }
    }
}
