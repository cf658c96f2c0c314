//! A variant of a scenario for each student of a class: the class code and the student number
//! derive the session's seed, and every range in the file's `variants` draws its number from
//! that seed. The variant is written into the file in memory (the drawn numbers and
//! `setup.seed`) and validated like any scenario, so its content hash names exactly what the
//! student played: a save played on one student's variant never verifies as another's.
//!
//! Without a class code nothing here runs and the scenario is exactly as written.

use std::path::Path;

use rand::rngs::ChaCha8Rng;
use rand::{RngExt, SeedableRng};
use serde_json::Value;

use super::error::Diagnostic;
use super::file::{ScenarioFile, VariantRange};
use crate::sim::Scenario;
use crate::sim::said::Said;
use crate::sim::scenario::VariantKey;

/// Longest class code (letters, digits and `-`).
pub const MAX_CLASS_CODE_CHARS: usize = 32;
/// Most ranges a scenario's `variants` may list.
pub const MAX_RANGES: usize = 50;
/// Most values one range may hold.
pub const MAX_STEPS: i128 = 100_000;

/// Why a class code cannot be used, if it cannot: 1 to 32 letters, digits and `-`.
pub fn class_code_problem(code: &str) -> Option<String> {
    class_code_said(code).map(|said| crate::i18n::english().say(&said))
}

/// [`class_code_problem`] as a catalogue sentence.
pub fn class_code_said(code: &str) -> Option<Said> {
    let code = code.trim();
    if code.is_empty()
        || code.chars().count() > MAX_CLASS_CODE_CHARS
        || !code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    {
        return Some(Said::new("check-file-class-code").with("max", MAX_CLASS_CODE_CHARS));
    }
    None
}

/// A problem of a file's `variants`: the field path, the message and the hint.
pub type Problem = (String, Said, Option<Said>);

/// The seed of `key`'s variant of a scenario whose own seed is `base`.
pub fn variant_seed(base: u64, key: &VariantKey) -> u64 {
    let mut hasher = blake3::Hasher::new();
    hasher.update(b"tradeport variant 1\0");
    hasher.update(&base.to_le_bytes());
    hasher.update(key.class_code.as_bytes());
    hasher.update(b"\0");
    hasher.update(key.student_id.as_bytes());
    let bytes = hasher.finalize();
    let mut first = [0u8; 8];
    first.copy_from_slice(&bytes.as_bytes()[..8]);
    u64::from_le_bytes(first)
}

/// The order a student's variant shows `count` answer options in: a permutation of
/// `0..count` drawn from the session's `seed` and the question's `label` (each question its
/// own order).
pub fn answer_order(seed: u64, label: &str, count: usize) -> Vec<usize> {
    let salt = blake3::hash(label.as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(&salt.as_bytes()[..8]);
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ u64::from_le_bytes(first));
    let mut order: Vec<usize> = (0..count).collect();
    for i in (1..count).rev() {
        order.swap(i, rng.random_range(0..=i));
    }
    order
}

/// A number as a file writes it: `"0.40"`, `"-2%"`, `"23.00"` or `1200`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Written {
    /// The digits without the point.
    units: i128,
    decimals: u32,
    percent: bool,
}

fn parse_number(text: &str) -> Option<Written> {
    let text = text.trim();
    let (body, percent) = match text.strip_suffix('%') {
        Some(body) => (body.trim_end(), true),
        None => (text, false),
    };
    let (negative, digits) = match body.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, body),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    if whole.is_empty() || whole.len() > 15 || fraction.len() > 9 {
        return None;
    }
    if !whole.bytes().chain(fraction.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let units: i128 = format!("{whole}{fraction}").parse().ok()?;
    Some(Written {
        units: if negative { -units } else { units },
        decimals: fraction.len() as u32,
        percent,
    })
}

fn scaled(w: Written, decimals: u32) -> i128 {
    w.units * 10_i128.pow(decimals - w.decimals)
}

fn format_number(units: i128, decimals: u32, percent: bool) -> String {
    let sign = if units < 0 { "-" } else { "" };
    let abs = units.unsigned_abs();
    let text = if decimals == 0 {
        abs.to_string()
    } else {
        let scale = 10_u128.pow(decimals);
        format!("{}.{:0width$}", abs / scale, abs % scale, width = decimals as usize)
    };
    format!("{sign}{text}{}", if percent { "%" } else { "" })
}

/// A range read: its values are `from + k·step` for k in 0..=`count`, in units of `decimals`.
struct Range {
    pointer: String,
    from: i128,
    step: i128,
    count: i128,
    decimals: u32,
    percent: bool,
}

/// `setup.tasks[1].negotiation.seller.reservation` as a JSON pointer.
fn pointer(field: &str) -> Option<String> {
    let mut out = String::new();
    for part in field.split('.') {
        let (name, mut rest) = part.split_once('[').map_or((part, ""), |(n, r)| (n, r));
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return None;
        }
        out.push('/');
        out.push_str(name);
        while !rest.is_empty() {
            let (index, after) = rest.split_once(']')?;
            let index: usize = index.parse().ok()?;
            out.push_str(&format!("/{index}"));
            rest = after.strip_prefix('[').unwrap_or(after);
            if !after.is_empty() && !after.starts_with('[') {
                return None;
            }
        }
    }
    Some(out)
}

fn read_range(i: usize, range: &VariantRange, file: &Value) -> Result<Range, Problem> {
    let at = |field: &str, message: Said, hint: Said| (format!("variants[{i}].{field}"), message, Some(hint));
    let example = || Said::new("check-file-variant-example");
    let Some(pointer) = pointer(&range.field) else {
        return Err(at(
            "field",
            Said::new("check-file-variant-not-path").with("field", range.field.as_str()),
            Said::new("check-file-variant-not-path-hint"),
        ));
    };
    let leaf = file.pointer(&pointer);
    let current = match leaf {
        Some(Value::String(s)) => parse_number(s),
        Some(Value::Number(n)) => n.as_i64().map(|n| Written {
            units: i128::from(n),
            decimals: 0,
            percent: false,
        }),
        _ => None,
    };
    let Some(current) = current else {
        return Err(at(
            "field",
            Said::new("check-file-variant-not-number").with("field", range.field.as_str()),
            Said::new("check-file-variant-not-number-hint"),
        ));
    };
    let parsed = [&range.from, &range.to, &range.step].map(|t| parse_number(t));
    let [Some(from), Some(to), Some(step)] = parsed else {
        return Err(at("from", Said::new("check-file-variant-not-numbers"), example()));
    };
    if from.percent != current.percent || to.percent != current.percent {
        let written = if current.percent {
            "check-file-variant-with-percent"
        } else {
            "check-file-variant-without-percent"
        };
        return Err(at(
            "from",
            Said::new(written).with("field", range.field.as_str()),
            Said::new("check-file-variant-percent-hint"),
        ));
    }
    if matches!(leaf, Some(Value::Number(_))) && [from, to, step].iter().any(|w| w.decimals > 0) {
        return Err(at(
            "step",
            Said::new("check-file-variant-whole"),
            Said::new("check-file-variant-whole-hint"),
        ));
    }
    let decimals = from.decimals.max(to.decimals).max(step.decimals);
    let (lo, hi, st) = (scaled(from, decimals), scaled(to, decimals), scaled(step, decimals));
    if st <= 0 || lo > hi {
        return Err(at("step", Said::new("check-file-variant-order"), example()));
    }
    let count = (hi - lo) / st;
    if count + 1 > MAX_STEPS {
        return Err(at(
            "step",
            Said::new("check-file-variant-too-many-values")
                .with("count", (count + 1).to_string())
                .with("max", MAX_STEPS.to_string()),
            Said::new("check-file-variant-too-many-values-hint"),
        ));
    }
    Ok(Range {
        pointer,
        from: lo,
        step: st,
        count,
        decimals,
        percent: current.percent,
    })
}

/// Which value of each range a variant takes.
enum Pick<'a> {
    Lowest,
    Highest,
    Drawn(&'a mut ChaCha8Rng),
}

/// The file with each range's value picked, and its seed set to `seed` (when given).
fn with_values(file: &ScenarioFile, pick: Pick<'_>, seed: Option<u64>) -> Result<ScenarioFile, Vec<Problem>> {
    let unusable = |e: serde_json::Error| Said::new("check-file-variant-unusable").with("error", e.to_string());
    let mut value = serde_json::to_value(file).map_err(|e| vec![(String::new(), unusable(e), None)])?;
    let snapshot = value.clone();
    let mut problems = Vec::new();
    let mut pick = pick;
    for (i, range) in file.variants.iter().take(MAX_RANGES).enumerate() {
        match read_range(i, range, &snapshot) {
            Err(p) => problems.push(p),
            Ok(r) => {
                let k = match &mut pick {
                    Pick::Lowest => 0,
                    Pick::Highest => r.count,
                    Pick::Drawn(rng) => i128::from(rng.random_range(0..=r.count as u64)),
                };
                let units = r.from + k * r.step;
                if let Some(leaf) = value.pointer_mut(&r.pointer) {
                    *leaf = match leaf {
                        Value::Number(_) => i64::try_from(units).map_or(Value::Null, Value::from),
                        _ => Value::String(format_number(units, r.decimals, r.percent)),
                    };
                }
            }
        }
    }
    if file.variants.len() > MAX_RANGES {
        problems.push((
            "variants".to_string(),
            Said::new("check-file-variant-too-many-ranges")
                .with("count", file.variants.len())
                .with("max", MAX_RANGES),
            Some(Said::new("check-file-variant-too-many-ranges-hint")),
        ));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    if let (Some(seed), Some(setup)) = (seed, value.get_mut("setup")) {
        setup["seed"] = Value::from(seed);
    }
    serde_json::from_value(value).map_err(|e| vec![("variants".to_string(), unusable(e), None)])
}

/// `key`'s variant of the parsed `file`.
///
/// # Errors
/// The problems of the file's `variants` (field path, message, hint).
pub fn apply(file: &ScenarioFile, key: &VariantKey) -> Result<ScenarioFile, Vec<Problem>> {
    let seed = variant_seed(file.setup.seed, key);
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    with_values(file, Pick::Drawn(&mut rng), Some(seed))
}

/// The problems of a file's `variants`: each range read, and the scenario validated with every
/// range at its lowest and at its highest value (a variant must be as valid as the file).
pub fn check(label: &str, path: &Path, file: &ScenarioFile) -> Vec<Diagnostic> {
    if file.variants.is_empty() {
        return Vec::new();
    }
    let to_diagnostic = |problem: Problem| diagnostic(label, problem);
    let mut out = Vec::new();
    for (pick, end) in [
        (Pick::Lowest, "check-file-variant-lowest"),
        (Pick::Highest, "check-file-variant-highest"),
    ] {
        match with_values(file, pick, None) {
            Err(problems) => return problems.into_iter().map(to_diagnostic).collect(),
            Ok(mut varied) => {
                varied.variants.clear();
                if let Err(problems) = super::assemble_at(path, &varied) {
                    out.extend(
                        problems
                            .into_iter()
                            .map(|d| within(d, |message| Said::new(end).with("message", message))),
                    );
                }
            }
        }
    }
    // Ranges mix: a sample of students' variants, each drawn as in class, must be valid too
    // (a late due day with a short scenario is valid at both ends but not together).
    for key in sample_keys() {
        let Ok(mut varied) = apply(file, &key) else { continue };
        varied.variants.clear();
        if let Err(problems) = super::assemble_at(path, &varied) {
            for d in problems {
                let d = within(d, |message| {
                    Said::new("check-file-variant-sample")
                        .with("student", key.student_id.as_str())
                        .with("class", key.class_code.as_str())
                        .with("message", message)
                });
                if !out.iter().any(|o| o.path == d.path) {
                    out.push(d);
                }
            }
        }
    }
    out
}

/// A problem of the file's `variants` as a diagnostic of the file `label`.
fn diagnostic(label: &str, (field, message, hint): Problem) -> Diagnostic {
    let d = Diagnostic::say(label, field, message);
    match hint {
        Some(hint) => d.with_hint_said(hint),
        None => d,
    }
}

/// `d` with its message quoted in the sentence `said` makes of it (which variant the problem
/// is found in), in each language; its hint stays.
fn within(d: Diagnostic, said: impl FnOnce(crate::sim::said::Fact) -> Said) -> Diagnostic {
    let said = said(super::worded_message(&d));
    d.with_message_said(said)
}

/// Students whose variants `check` tries besides the ranges' ends.
pub const SAMPLE_STUDENTS: u32 = 12;

/// The keys of the sample students `check` tries (class `CHECK`, students 1 to 12).
pub fn sample_keys() -> impl Iterator<Item = VariantKey> {
    (1..=SAMPLE_STUDENTS).map(|n| VariantKey::new("CHECK", &n.to_string()))
}

/// Reads the scenario file at `path` and builds `key`'s variant of it.
///
/// # Errors
/// Every problem of the file, or of its variant.
pub fn load(path: &Path, key: &VariantKey) -> Result<Scenario, Vec<Diagnostic>> {
    let label = path.display().to_string();
    if let Some(problem) = class_code_said(&key.class_code) {
        return Err(vec![Diagnostic::say(&label, "", problem)]);
    }
    let text = super::load::read_text(path, &label).map_err(|d| vec![d])?;
    let file = super::load::parse_scenario(&label, &text)?;
    let varied = apply(&file, key)
        .map_err(|problems| problems.into_iter().map(|p| diagnostic(&label, p)).collect::<Vec<_>>())?;
    let mut scenario = super::assemble_at(path, &varied)?;
    scenario.set_variant(key.clone());
    Ok(scenario)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_and_write_as_the_file_does() {
        for text in ["0.40", "-2%", "23.00", "19%", "1200", "0.005"] {
            let w = parse_number(text).unwrap_or_else(|| unreachable!("{text}"));
            assert_eq!(format_number(w.units, w.decimals, w.percent), text);
        }
        for text in ["", "1e5", "abc", "1.2.3", "--1", "1.0000000001"] {
            assert!(parse_number(text).is_none(), "{text}");
        }
    }

    #[test]
    fn field_paths_become_pointers() {
        assert_eq!(
            pointer("setup.tasks[1].negotiation.seller.reservation").as_deref(),
            Some("/setup/tasks/1/negotiation/seller/reservation")
        );
        assert_eq!(pointer("a.b[2][3].c").as_deref(), Some("/a/b/2/3/c"));
        for bad in ["", "a..b", "a[x]", "a[1", "a/b", "a[1]b"] {
            assert!(pointer(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn answer_orders_are_permutations_that_differ_by_seed_and_question() {
        let a = answer_order(1, "Price", 5);
        let mut sorted = a.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, vec![0, 1, 2, 3, 4]);
        assert_eq!(a, answer_order(1, "Price", 5));
        let others: Vec<Vec<usize>> = (2..12).map(|s| answer_order(s, "Price", 5)).collect();
        assert!(others.iter().any(|o| *o != a), "seeds give other orders");
        assert!((2..12).any(|s| answer_order(s, "MOQ", 5) != answer_order(s, "Price", 5)));
        assert!(answer_order(3, "x", 0).is_empty());
    }

    #[test]
    fn the_seed_depends_on_the_class_code_and_the_student() {
        let a = variant_seed(7, &VariantKey::new("gz-2026-a", "S01"));
        assert_eq!(a, variant_seed(7, &VariantKey::new(" GZ-2026-A ", "S01 ")));
        assert_ne!(a, variant_seed(7, &VariantKey::new("GZ-2026-A", "S02")));
        assert_ne!(a, variant_seed(7, &VariantKey::new("GZ-2026-B", "S01")));
        assert_ne!(a, variant_seed(8, &VariantKey::new("GZ-2026-A", "S01")));
    }

    #[test]
    fn a_problem_found_in_a_variant_says_which_in_the_readers_language() {
        let inner = Diagnostic::say(
            "s.ron",
            "meta.tags",
            Said::new("check-file-list-too-long")
                .with("items", 3_u32)
                .with("limit", 2_u32),
        )
        .with_hint_said(Said::new("check-file-list-too-long-hint"));
        let d = within(inner, |message| {
            Said::new("check-file-variant-lowest").with("message", message)
        });
        assert_eq!(
            d.to_string(),
            "s.ron: error: with every `variants` range at its lowest value: list of 3 items is over the limit of 2\n  \
             at: meta.tags\n  hint: split the scenario into smaller ones"
        );
        let zh = d.localized(&crate::i18n::Catalogue::new(crate::i18n::Language::Chinese));
        assert_eq!(
            zh.message,
            "当 `variants` 的每个范围都取最小值时：列表有 3 项，超过了 2 的上限"
        );
        assert_eq!(zh.hint.as_deref(), Some("请把情景拆成几个较小的情景"));
    }
}
