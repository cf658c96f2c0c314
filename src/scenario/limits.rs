//! Upper bounds on every number, text and list in scenario, rule-pack and shipment files
//! (checked beside the validation, so every problem shows in one pass; a file over a limit is
//! never played) and in players' commands (checked before any rule runs). They keep play bounded in time and memory
//! (a day of shoppers, an agent's concession plan, a bid table) and keep the money arithmetic
//! inside 64 bits. docs/limits.md lists them with the reasons; a test keeps the two in step.

use serde::Serialize;
use serde_json::Value;

use super::error::Diagnostic;
use crate::sim::said::Said;

/// The largest value of each whole-number field, by field name (a list of numbers is named by
/// its field or variant, e.g. `Quantity`). The smallest value is 0 unless said (`delta`);
/// fields that must be positive are checked again with the meaning.
pub const INTEGER_LIMITS: &[(&str, i64, i64)] = &[
    // (field, min, max)
    ("format", 0, 1_000),
    ("estimated_minutes", 0, 1_440),
    ("length_days", 0, 366),
    ("starting_reputation", 0, 100),
    ("rubric_total", 0, 10_000),
    ("minor_units", 0, 4),
    ("soft_close_minutes", 0, 60),
    ("buyers_per_day", 0, 1_000),
    ("transit_days", 0, 90),
    ("title_limit", 0, 500),
    ("inbound_days", 0, 120),
    ("followers", 0, 100_000_000),
    ("monthly_searches", 0, 100_000_000),
    ("reviews", 0, 10_000_000),
    ("stock", 0, 1_000_000),
    ("quality", 0, 1_000),
    ("delivery_days", 0, 365),
    ("daily_shoppers", 0, 20_000),
    ("net_weight_g", 0, 1_000_000),
    ("gross_weight_g", 0, 1_000_000),
    ("length", 0, 20_000),
    ("width", 0, 20_000),
    ("height", 0, 20_000),
    ("patience_rounds", 0, 1_000),
    ("reply_within_days", 0, 366),
    ("due_day", 0, 366),
    ("deadline_rounds", 0, 1_000),
    ("presentation_days", 0, 90),
    ("production_days", 0, 365),
    ("sailing_weekday", 0, 6),
    ("Quantity", 0, 1_000_000),
    ("DeliveryDays", 0, 366),
    ("normal_days", 0, 60),
    ("inspection_days", 0, 60),
    ("quantity", 0, 1_000_000),
    ("cartons", 0, 1_000_000),
    ("points", 0, 1_000),
    ("days", 0, 366),
    ("min_score", 0, 100),
    ("min", 0, 1_000),
    ("units", 0, 1_000_000),
    ("day", 0, 366),
    ("from_day", 0, 366),
    ("to_day", 0, 366),
    ("max_times", 0, 366),
    ("delta", -100, 100),
    ("seed", 0, i64::MAX),
];

/// Lists a market day walks for every shopper, with tighter limits than [`MAX_LIST_ITEMS`]:
/// 20,000 shoppers a day for 366 days past 100 rivals stay within the time budget.
pub const LIST_LIMITS: &[(&str, usize)] = &[("competitors", 100), ("keywords", 64)];

/// The most items the list `field` may hold.
pub fn list_limit(field: &str) -> usize {
    LIST_LIMITS
        .iter()
        .find(|(name, _)| *name == field)
        .map_or(MAX_LIST_ITEMS, |(_, max)| *max)
}

/// Longest text of one field, in characters: letters, descriptions and messages.
pub const MAX_TEXT_CHARS: usize = 20_000;
/// Longest list (products, keywords, competitors, rules …) in one field.
pub const MAX_LIST_ITEMS: usize = 500;

/// Checks every number, text and list of a parsed file against the limits, naming each value
/// out of bounds with its field path.
///
/// # Errors
/// One diagnostic per value out of bounds.
pub fn check<T: Serialize>(label: &str, file: &T) -> Result<(), Vec<Diagnostic>> {
    let value = match serde_json::to_value(file) {
        Ok(v) => v,
        Err(e) => {
            return Err(vec![Diagnostic::say(
                label,
                "",
                Said::new("check-file-cannot-inspect").with("error", e.to_string()),
            )]);
        }
    };
    let mut problems = Vec::new();
    walk(label, &value, "", "", &FILE_BOUNDS, &mut problems);
    if problems.is_empty() { Ok(()) } else { Err(problems) }
}

/// How big numbers, texts and lists may be, by field name.
struct Bounds {
    number: fn(&str) -> (i64, i64),
    list: fn(&str) -> usize,
    text_chars: usize,
}

const FILE_BOUNDS: Bounds = Bounds {
    number: |field| integer_limit(field).unwrap_or((i64::MIN, i64::MAX)),
    list: list_limit,
    text_chars: MAX_TEXT_CHARS,
};

/// Largest number a player's command may carry: an amount of money in minor units (as in a
/// file, [`crate::sim::money::MAX_MONEY_MINOR`]), a count or a number of days.
pub const MAX_COMMAND_NUMBER: i64 = crate::sim::money::MAX_MONEY_MINOR;
/// Longest text in a command (a letter's note, a listing's description).
pub const MAX_COMMAND_TEXT_CHARS: usize = 20_000;

const COMMAND_BOUNDS: Bounds = Bounds {
    number: |field| match field {
        // Units sent to stock at once, as many as a file may hold.
        "add_stock" => (0, 1_000_000),
        "days" | "handling_days" => (0, 366),
        _ => (-MAX_COMMAND_NUMBER, MAX_COMMAND_NUMBER),
    },
    list: |_| MAX_LIST_ITEMS,
    text_chars: MAX_COMMAND_TEXT_CHARS,
};

/// The first number, text or list of a player's command (typed in a form, read from a save or
/// received over the network) that is out of bounds, described; `None` when all are within.
/// Amounts bounded so keep every sum and product of the simulation inside its integers.
pub fn command_problem<T: Serialize>(command: &T) -> Option<String> {
    command_said(command).map(|said| crate::i18n::english().say(&said))
}

/// The first number or text of `command` over its limit, as a catalogue sentence with the
/// field it is in (its English is [`command_problem`]'s).
pub fn command_said<T: Serialize>(command: &T) -> Option<crate::sim::said::Said> {
    use crate::sim::said::{Fact, Said};
    let value = serde_json::to_value(command).ok()?;
    let mut problems = Vec::new();
    walk("command", &value, "", "", &COMMAND_BOUNDS, &mut problems);
    let first = problems.into_iter().next()?;
    let problem = match first.said.as_ref().and_then(|s| s.message.clone()) {
        Some(said) => Fact::Said(Box::new(said)),
        None => Fact::Text(first.message.clone()),
    };
    Some(if first.path.is_empty() {
        Said::new("refused-limit").with("problem", problem)
    } else {
        Said::new("refused-limit-at")
            .with("problem", problem)
            .with("path", first.path)
    })
}

/// The English of [`command_said`], as `command_problem` gave it before it was a sentence.
#[cfg(test)]
fn command_problem_as_before<T: Serialize>(command: &T) -> Option<String> {
    let value = serde_json::to_value(command).ok()?;
    let mut problems = Vec::new();
    walk("command", &value, "", "", &COMMAND_BOUNDS, &mut problems);
    problems.into_iter().next().map(|d| {
        if d.path.is_empty() {
            d.message
        } else {
            format!("{} ({})", d.message, d.path)
        }
    })
}

/// Runs a validation of `file` and adds the limit problems the validation did not already
/// report at the same field path (its message says more: "reputation 120 is above 100").
/// A file over a limit is never accepted, whatever the validation says.
///
/// # Errors
/// The validation's problems and the limits'.
pub fn validate_within<F: Serialize, T>(
    label: &str,
    file: &F,
    validate: impl FnOnce() -> Result<T, Vec<Diagnostic>>,
) -> Result<T, Vec<Diagnostic>> {
    let over = check(label, file).err().unwrap_or_default();
    match validate() {
        Ok(valid) if over.is_empty() => Ok(valid),
        Ok(_) => Err(over),
        Err(mut found) => {
            let reported: Vec<String> = found.iter().map(|d| d.path.clone()).collect();
            found.extend(over.into_iter().filter(|d| !reported.contains(&d.path)));
            Err(found)
        }
    }
}

/// `file` with every occurrence of the whole-number `field` set to its maximum (the largest
/// option of a list such as `Quantity`), and the fields tied to it by meaning moved with it
/// (a gross weight never below the net, a window's end not before its start); with
/// `length_days`, the scenario's length too. `None` when the file has no such field. For the
/// test and the benchmark that play every maximum.
pub fn at_maximum(
    file: &super::file::ScenarioFile,
    field: &str,
    length_days: Option<u32>,
) -> Option<super::file::ScenarioFile> {
    let (_, max) = integer_limit(field)?;
    let mut value = serde_json::to_value(file).ok()?;
    if set_field(&mut value, field, max) == 0 {
        return None;
    }
    match field {
        "net_weight_g" => {
            set_field(&mut value, "gross_weight_g", max);
        }
        "from_day" => {
            set_field(&mut value, "to_day", max);
        }
        _ => {}
    }
    if let Some(days) = length_days {
        set_field(&mut value, "length_days", i64::from(days));
    }
    serde_json::from_value(value).ok()
}

/// Sets every occurrence of `field` (a struct field, or a variant holding a list of numbers,
/// whose last option is set) to `to`; how many it set.
pub fn set_field(v: &mut Value, field: &str, to: i64) -> usize {
    match v {
        Value::Object(map) => {
            let mut n = 0;
            for (key, item) in map.iter_mut() {
                if key == field {
                    match item {
                        Value::Number(_) => {
                            *item = Value::from(to);
                            n += 1;
                            continue;
                        }
                        Value::Array(list) if !list.is_empty() && list.iter().all(Value::is_number) => {
                            if let Some(last) = list.last_mut() {
                                *last = Value::from(to);
                                n += 1;
                            }
                            continue;
                        }
                        _ => {}
                    }
                }
                n += set_field(item, field, to);
            }
            n
        }
        Value::Array(items) => items.iter_mut().map(|i| set_field(i, field, to)).sum(),
        _ => 0,
    }
}

/// The bounds of a whole-number field, if it has any.
pub fn integer_limit(field: &str) -> Option<(i64, i64)> {
    INTEGER_LIMITS
        .iter()
        .find(|(name, _, _)| *name == field)
        .map(|(_, min, max)| (*min, *max))
}

/// Values serialise with enum variants as object keys (`{"AnsweredWithin": {...}}`); a path
/// in a diagnostic names fields only, as the file does.
fn is_variant(key: &str) -> bool {
    key.starts_with(|c: char| c.is_ascii_uppercase())
}

fn walk(label: &str, value: &Value, path: &str, field: &str, bounds: &Bounds, problems: &mut Vec<Diagnostic>) {
    if problems.len() >= 50 {
        return;
    }
    match value {
        Value::Number(n) => {
            let (min, max) = (bounds.number)(field);
            let within = match (n.as_i64(), n.as_u64()) {
                (Some(v), _) => (min..=max).contains(&v),
                (None, Some(v)) => i64::try_from(v).is_ok_and(|v| (min..=max).contains(&v)) || field == "seed",
                _ => false,
            };
            if !within {
                // Bounds and values as text: they may be beyond what a catalogue number holds.
                problems.push(
                    Diagnostic::say(
                        label,
                        path,
                        Said::new("check-file-out-of-range")
                            .with("field", field)
                            .with("value", n.to_string()),
                    )
                    .with_hint_said(
                        Said::new("check-file-out-of-range-hint")
                            .with("min", min.to_string())
                            .with("max", max.to_string()),
                    ),
                );
            }
        }
        Value::String(s) => {
            if s.chars().count() > bounds.text_chars {
                problems.push(
                    Diagnostic::say(
                        label,
                        path,
                        Said::new("check-file-text-too-long")
                            .with("chars", s.chars().count())
                            .with("limit", bounds.text_chars),
                    )
                    .with_hint_said(Said::new("check-file-text-too-long-hint")),
                );
            }
        }
        Value::Array(items) => {
            let max = (bounds.list)(field);
            if items.len() > max {
                problems.push(
                    Diagnostic::say(
                        label,
                        path,
                        Said::new("check-file-list-too-long")
                            .with("items", items.len())
                            .with("limit", max),
                    )
                    .with_hint_said(Said::new("check-file-list-too-long-hint")),
                );
                return;
            }
            for (i, item) in items.iter().enumerate() {
                walk(label, item, &format!("{path}[{i}]"), field, bounds, problems);
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                if is_variant(key) {
                    // A newtype variant holding numbers (`Quantity([…])`) is named by the variant.
                    let inner = if matches!(item, Value::Array(_) | Value::Number(_)) {
                        key
                    } else {
                        field
                    };
                    walk(label, item, path, inner, bounds, problems);
                } else {
                    let child = if path.is_empty() {
                        key.clone()
                    } else {
                        format!("{path}.{key}")
                    };
                    walk(label, item, &child, key, bounds, problems);
                }
            }
        }
        Value::Null | Value::Bool(_) => {}
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_command_over_its_limits_is_said_in_both_languages_with_the_english_as_before() {
        use crate::i18n::{Catalogue, Language};
        use crate::sim::Command;
        let commands = [
            Command::MakeOffer {
                task: "negotiate-deal".into(),
                options: vec![18, 2, 0, 0],
                note: "x".repeat(1_000_000),
            },
            Command::BidAbroad {
                market: "us-buyers".into(),
                max: -crate::sim::money::MAX_MONEY_MINOR - 1,
            },
            Command::ReplyToLetter {
                task: "x".into(),
                choices: vec![],
                note: "x".repeat(20_001),
            },
        ];
        let chinese = Catalogue::new(Language::Chinese);
        for command in &commands {
            let before = command_problem_as_before(command);
            assert!(before.is_some(), "{command:?} is over a limit");
            assert_eq!(command_problem(command), before);
            let said = command_said(command).unwrap_or_else(|| panic!("said"));
            let zh = chinese.say(&said);
            assert!(zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{zh}");
            assert!(!zh.starts_with('['), "{zh}");
        }
        assert_eq!(command_said(&Command::EndDay), None);
    }

    use super::*;

    #[derive(Serialize)]
    struct Inner {
        patience_rounds: u32,
        name: String,
    }

    #[derive(Serialize)]
    enum Issue {
        Quantity(Vec<u32>),
    }

    #[derive(Serialize)]
    struct Outer {
        people: Vec<Inner>,
        issues: Vec<Issue>,
        delta: i32,
    }

    #[test]
    fn names_each_value_out_of_bounds_with_its_path() {
        let file = Outer {
            people: vec![
                Inner {
                    patience_rounds: 6,
                    name: "ok".into(),
                },
                Inner {
                    patience_rounds: 4_000_000,
                    name: "x".repeat(MAX_TEXT_CHARS + 1),
                },
            ],
            issues: vec![Issue::Quantity(vec![500, 2_000_000])],
            delta: -101,
        };
        let problems = check("f.ron", &file).unwrap_err();
        let shown: Vec<String> = problems.iter().map(|d| format!("{}: {}", d.path, d.message)).collect();
        assert_eq!(
            shown,
            [
                "delta: `delta` -101 is out of range",
                "issues[0][1]: `Quantity` 2000000 is out of range",
                "people[1].name: text of 20001 characters is over the limit of 20000",
                "people[1].patience_rounds: `patience_rounds` 4000000 is out of range",
            ]
        );
    }

    #[test]
    fn values_at_their_limits_pass() {
        let file = Outer {
            people: vec![Inner {
                patience_rounds: 1_000,
                name: String::new(),
            }],
            issues: vec![Issue::Quantity(vec![1_000_000])],
            delta: -100,
        };
        assert!(check("f.ron", &file).is_ok());
    }
}
