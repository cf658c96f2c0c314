//! Reading a reply the student wrote in their own words. Each point of a letter has a right
//! statement; the trade facts in it (amounts with their currency, the Incoterm with its named
//! place and version, quantities, days and from when they count, payment terms, samples) are
//! what a written answer must give. For each point the reader finds the student's sentence
//! that deals with it, checks its facts against the right ones, and quotes it: right (every
//! fact the point needs, none contradicted), vague (a fact missing, or a hedge such as "as soon
//! as possible"), wrong (a fact that contradicts the right one), or not found.

use crate::sim::c2c::{Statement, Verdict};
use crate::sim::scenario::letter::PointPhrases;
use crate::sim::terms::Text;

/// The longest reply read, in characters (longer ones are refused before they get here).
pub const MAX_REPLY_CHARS: usize = 4_000;
/// The longest sentence quoted back.
const MAX_QUOTE_CHARS: usize = 300;

/// A trade fact found in a text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Fact {
    /// An amount with its currency, in hundredths (`EUR 29.50` is 2950).
    Amount {
        currency: String,
        hundredths: i64,
    },
    Incoterm(String),
    /// The place named after an Incoterm, lower-case (`ningbo`).
    Place(String),
    /// The Incoterms version (`Incoterms 2020`).
    Version(u16),
    /// A number of pieces.
    Pieces(i64),
    Days(i64),
    /// What a period counts from (`contract`, `deposit`, `order`, `payment`, `sample`).
    From(String),
    Percent(i64),
    /// A payment term (`T/T`, `L/C`, `at sight`, `D/P`, `D/A`, `open account`, `deposit`).
    Payment(String),
    Sample,
}

/// Kinds of fact, in the order a point asks for them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Amount,
    Incoterm,
    Place,
    Version,
    Pieces,
    Days,
    From,
    Payment,
    Sample,
    Percent,
}

impl Fact {
    fn kind(&self) -> Kind {
        match self {
            Fact::Amount { .. } => Kind::Amount,
            Fact::Incoterm(_) => Kind::Incoterm,
            Fact::Place(_) => Kind::Place,
            Fact::Version(_) => Kind::Version,
            Fact::Pieces(_) => Kind::Pieces,
            Fact::Days(_) => Kind::Days,
            Fact::From(_) => Kind::From,
            Fact::Percent(_) => Kind::Percent,
            Fact::Payment(_) => Kind::Payment,
            Fact::Sample => Kind::Sample,
        }
    }

    /// The fact in Chinese, for the Chinese explanation (codes and amounts as written).
    fn shown_zh(&self) -> String {
        match self {
            Fact::Place(p) => capitalised(p),
            Fact::Version(v) => format!("{v} 年版贸易术语"),
            Fact::Pieces(n) => format!("{} 件", crate::sim::money::format_minor(*n, 0)),
            Fact::Days(n) => format!("{n} 天"),
            Fact::From(f) => {
                let from = match f.as_str() {
                    "contract" => "签约",
                    "deposit" => "收到定金",
                    "order" => "下单",
                    "payment" => "付款",
                    "sample" => "确认样品",
                    "approval" => "确认",
                    other => other,
                };
                format!("从{from}起算")
            }
            Fact::Payment(p) if p == "deposit" => "定金".to_string(),
            Fact::Payment(p) if p == "at sight" => "即期".to_string(),
            Fact::Payment(p) if p == "after shipment" => "装运后付款".to_string(),
            Fact::Payment(p) if p == "after arrival" => "货到后付款".to_string(),
            Fact::Sample => "样品".to_string(),
            _ => self.shown(),
        }
    }

    /// The fact as a student would write it.
    fn shown(&self) -> String {
        match self {
            Fact::Amount { currency, hundredths } => {
                format!("{currency} {}", crate::sim::money::format_minor(*hundredths, 2))
            }
            Fact::Incoterm(t) => t.clone(),
            Fact::Place(p) => capitalised(p),
            Fact::Version(v) => format!("Incoterms {v}"),
            Fact::Pieces(n) => format!("{} pcs", crate::sim::money::format_minor(*n, 0)),
            Fact::Days(n) => format!("{n} days"),
            Fact::From(f) => format!("from {f}"),
            Fact::Percent(p) => format!("{p}%"),
            Fact::Payment(p) => p.clone(),
            Fact::Sample => "samples".to_string(),
        }
    }
}

impl Kind {
    /// What is missing when a sentence lacks this kind of fact, in both languages.
    fn missing(self) -> (&'static str, &'static str) {
        match self {
            Kind::Amount => ("the amount with its currency", "带币种的金额"),
            Kind::Incoterm => ("the Incoterm", "贸易术语"),
            Kind::Place => ("the named place after the Incoterm", "贸易术语后的指定地点"),
            Kind::Version => ("the Incoterms version (2020)", "贸易术语的版本（2020）"),
            Kind::Pieces => ("the quantity in pieces", "件数"),
            Kind::Days => ("the number of days", "天数"),
            Kind::From => ("from when the days count", "天数从何时起算"),
            Kind::Payment => ("the payment term", "付款方式"),
            Kind::Sample => ("the samples", "样品"),
            Kind::Percent => ("the percentage", "百分比"),
        }
    }
}

/// `ningbo` → `Ningbo`.
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

const INCOTERMS: [&str; 11] = [
    "EXW", "FCA", "FAS", "FOB", "CFR", "CIF", "CPT", "CIP", "DAP", "DPU", "DDP",
];
const CURRENCIES: [(&str, &str); 8] = [
    ("EUR", "EUR"),
    ("USD", "USD"),
    ("GBP", "GBP"),
    ("CNY", "CNY"),
    ("RMB", "CNY"),
    ("€", "EUR"),
    ("$", "USD"),
    ("£", "GBP"),
];
const PAYMENTS: [(&str, &str); 14] = [
    ("after shipment", "after shipment"),
    ("after arrival", "after arrival"),
    ("after delivery", "after arrival"),
    ("on arrival", "after arrival"),
    ("t/t", "T/T"),
    ("telegraphic transfer", "T/T"),
    ("l/c", "L/C"),
    ("letter of credit", "L/C"),
    ("at sight", "at sight"),
    ("d/p", "D/P"),
    ("d/a", "D/A"),
    ("open account", "open account"),
    ("deposit", "deposit"),
    ("paypal", "PayPal"),
];
const ANCHORS: [&str; 6] = ["contract", "deposit", "order", "payment", "sample", "approval"];
/// Words that promise nothing: a sentence with one is vague whatever facts it gives.
const HEDGES: [&str; 7] = [
    "as soon as possible",
    "at some point",
    "maybe",
    "perhaps",
    "as usual",
    "depending on",
    "may apply",
];
/// Words that refuse what the buyer asked for: a sentence with one is wrong.
const REFUSALS: [&str; 9] = [
    "only after",
    "only possible after",
    "not possible",
    "cannot",
    "can't",
    "unable",
    "no minimum",
    "no samples",
    "not available",
];

/// A number written with optional thousands commas and decimals, at the start of `s`: its
/// value in hundredths and its length in bytes.
fn number_at(s: &str) -> Option<(i64, usize)> {
    let bytes = s.as_bytes();
    let mut end = 0;
    let mut digits = String::new();
    let mut decimals: Option<String> = None;
    while end < bytes.len() {
        let c = bytes[end] as char;
        if c.is_ascii_digit() {
            match &mut decimals {
                Some(d) => d.push(c),
                None => digits.push(c),
            }
            end += 1;
        } else if c == ','
            && decimals.is_none()
            && bytes.get(end + 1).is_some_and(u8::is_ascii_digit)
            && !digits.is_empty()
        {
            end += 1;
        } else if c == '.'
            && decimals.is_none()
            && bytes.get(end + 1).is_some_and(u8::is_ascii_digit)
            && !digits.is_empty()
        {
            decimals = Some(String::new());
            end += 1;
        } else {
            break;
        }
    }
    if digits.is_empty() || digits.len() > 12 {
        return None;
    }
    let whole: i64 = digits.parse().ok()?;
    let cents = match decimals {
        None => 0,
        Some(d) => {
            let d = format!("{d:0<2}");
            d.get(..2)?.parse::<i64>().ok()?
        }
    };
    Some((whole * 100 + cents, end))
}

/// Every trade fact in `text`, sorted and without repeats.
pub fn facts_in(text: &str) -> Vec<Fact> {
    let lower = text.to_lowercase();
    let mut found = Vec::new();
    let words: Vec<(usize, &str)> = word_spans(text);
    for (i, (at, word)) in words.iter().enumerate() {
        let next = words.get(i + 1).map(|(_, w)| *w);
        // Incoterm, its place and version.
        if INCOTERMS.contains(word) {
            found.push(Fact::Incoterm((*word).to_string()));
            // "FCA Ningbo", "FCA Port of Ningbo", "FCA the Port of Ningbo".
            let mut after = words.iter().skip(i + 1).map(|(_, w)| *w).peekable();
            while after
                .peek()
                .is_some_and(|w| ["the", "The", "Port", "port", "of"].contains(w))
            {
                after.next();
            }
            if let Some(place) = after
                .next()
                .filter(|w| w.chars().next().is_some_and(char::is_uppercase) && *w != "Incoterms")
            {
                found.push(Fact::Place(place.to_lowercase()));
            }
        }
        if word.starts_with("Incoterms") || *word == "Incoterm" {
            let after = &text[at + word.len()..];
            let after = after.trim_start_matches(['®', ' ']);
            if let Some((n, _)) = number_at(after)
                && (1990 * 100..=2100 * 100).contains(&n)
            {
                found.push(Fact::Version(u16::try_from(n / 100).unwrap_or(0)));
            }
        }
        // Amounts: a currency then a number ("EUR 29.50", "€6", "$35").
        for (written, code) in CURRENCIES {
            let symbol = !written.chars().all(|c| c.is_ascii_alphabetic());
            let matches = if symbol {
                word.starts_with(written)
            } else {
                *word == written
            };
            if !matches {
                continue;
            }
            let rest = if symbol {
                &text[at + written.len()..]
            } else {
                &text[at + word.len()..]
            };
            let rest = rest.trim_start();
            if let Some((n, _)) = number_at(rest) {
                found.push(Fact::Amount {
                    currency: code.to_string(),
                    hundredths: n,
                });
            }
        }
        // A number followed by a unit: pieces, days, percent.
        if let Some((n, len)) = number_at(word) {
            let unit_here = &word[len..];
            let unit = if unit_here.is_empty() {
                next.unwrap_or_default()
            } else {
                unit_here
            };
            // "65.98 EUR": the currency after the amount.
            if let Some((_, code)) = CURRENCIES
                .iter()
                .find(|(written, _)| written.chars().all(|c| c.is_ascii_alphabetic()) && *written == unit)
            {
                found.push(Fact::Amount {
                    currency: (*code).to_string(),
                    hundredths: n,
                });
            }
            let unit = unit.to_lowercase();
            if n % 100 == 0 {
                let whole = n / 100;
                if ["pcs", "pieces", "piece", "pc", "units"].contains(&unit.as_str()) {
                    found.push(Fact::Pieces(whole));
                }
                if ["days", "day"].contains(&unit.as_str()) {
                    found.push(Fact::Days(whole));
                }
                if unit_here.starts_with('%') || unit == "%" || unit == "percent" {
                    found.push(Fact::Percent(whole));
                }
            }
        }
        if ["sample", "samples"].contains(&word.to_lowercase().as_str()) {
            found.push(Fact::Sample);
        }
        // What a period counts from: "from (the|your) signed contract", "after your deposit".
        if ["from", "after"].contains(&word.to_lowercase().as_str()) {
            for w in words.iter().skip(i + 1).take(6) {
                let w = w.1.to_lowercase();
                if let Some(anchor) = ANCHORS.iter().find(|a| w.starts_with(**a)) {
                    found.push(Fact::From((*anchor).to_string()));
                }
            }
        }
    }
    for (written, term) in PAYMENTS {
        if contains_phrase(&lower, written) {
            found.push(Fact::Payment(term.to_string()));
        }
    }
    found.sort();
    found.dedup();
    found
}

/// The words of `text` (letters, digits and the marks inside trade words: `T/T`, `20'GP`,
/// `29.50`, `€6`) with their byte offsets.
fn word_spans(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let inside = c.is_alphanumeric()
            || matches!(c, '/' | '\'' | '€' | '$' | '£' | '%' | '®')
            || ((c == '.' || c == ',') && start.is_some());
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, text[s..i].trim_end_matches(['.', ','])));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text[s..].trim_end_matches(['.', ','])));
    }
    out
}

/// Words that deny a phrase in the same clause: before it ("you will not have to pay anything
/// to the postman") or after it ("we charge nothing").
const NEGATIONS: [&str; 7] = ["not", "no", "never", "nothing", "without", "neither", "nor"];

/// Marks that end a clause: a negation beyond them does not deny the phrase.
const CLAUSE_ENDS: [char; 8] = [',', ';', ':', '.', '!', '?', '—', '\n'];

/// Whether `words` holds a negation (`n't` included, with either apostrophe).
fn denies(words: &str) -> bool {
    words
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .any(|w| NEGATIONS.contains(&w) || w.ends_with("n't"))
}

/// Whether `phrase` occurs in `lower` as whole words and no negation in its clause denies it.
/// Typographic apostrophes (’, as word processors and input methods write them) count as '.
fn says_phrase(lower: &str, phrase: &str) -> bool {
    let lower = lower.replace('’', "'");
    lower.match_indices(phrase).any(|(i, _)| {
        let end = i + phrase.len();
        let before = lower[..i].chars().next_back();
        let after = lower[end..].chars().next();
        let whole = before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric());
        let clause_start = lower[..i].rfind(CLAUSE_ENDS).map_or(0, |at| at + 1);
        let clause_end = lower[end..].find(CLAUSE_ENDS).map_or(lower.len(), |at| end + at);
        let denied = denies(&lower[clause_start..i]) || denies(&lower[end..clause_end]);
        whole && !denied
    })
}

/// Whether `phrase` occurs in `lower` as whole words.
fn contains_phrase(lower: &str, phrase: &str) -> bool {
    lower.match_indices(phrase).any(|(i, _)| {
        let before = lower[..i].chars().next_back();
        let after = lower[i + phrase.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })
}

/// Abbreviations whose full stop does not end a sentence (without their last stop).
const ABBREVIATIONS: [&str; 11] = [
    "i.e", "e.g", "etc", "approx", "incl", "vs", "mr", "ms", "mrs", "dr", "no",
];

/// The text's sentences, trimmed: split at `.`, `?`, `!` or `;` before a space or the end,
/// and at line breaks (a decimal point stays inside its sentence).
pub fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, (i, c)) in chars.iter().enumerate() {
        let next = chars.get(k + 1).map(|(_, c)| *c);
        // "i.e." or "Mr." inside a sentence does not end it.
        let abbreviation = *c == '.' && {
            let word = text[start..*i].rsplit(char::is_whitespace).next().unwrap_or_default();
            ABBREVIATIONS.iter().any(|a| word.eq_ignore_ascii_case(a))
        };
        let ends =
            *c == '\n' || (matches!(c, '.' | '?' | '!' | ';') && next.is_none_or(char::is_whitespace) && !abbreviation);
        if ends {
            let end = i + c.len_utf8();
            let piece = text[start..end].trim();
            if !piece.is_empty() {
                out.push(piece);
            }
            start = end;
        }
    }
    let rest = text[start..].trim();
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

/// The kinds of fact a point needs, from its right statement's facts: a price needs the
/// amount, the Incoterm, its place and version (not the quantity it is quoted for); other
/// points every kind their right statement gives, but percentages, which only contradict
/// (see [`read_point`]).
fn needed(expected: &[Fact]) -> Vec<Kind> {
    let mut kinds: Vec<Kind> = expected.iter().map(Fact::kind).collect();
    kinds.sort();
    kinds.dedup();
    let quotes_a_price = kinds.contains(&Kind::Amount) && kinds.contains(&Kind::Incoterm);
    // A lead time "from your deposit" names when the days count, not a payment term.
    let counts_days = kinds.contains(&Kind::Days);
    kinds.retain(|k| {
        *k != Kind::Percent && !(quotes_a_price && *k == Kind::Pieces) && !(counts_days && *k == Kind::Payment)
    });
    kinds
}

/// How one point of a written reply reads: the student's sentence, right, vague or wrong, and
/// why; `None` when no sentence deals with the point.
pub fn read_point(text: &str, right: &Statement) -> Option<Statement> {
    read_point_with(text, right, &PointPhrases::default())
}

/// As [`read_point`], with the point's own phrases (the scenario's `written`): a passage that
/// says one of its wrong phrases is wrong for the reason the scenario gives; a passage whose
/// facts are right but that says none of its `must_say` phrases is vague. A point whose right
/// statement has no facts is found by its phrases alone.
pub fn read_point_with(text: &str, right: &Statement, phrases: &PointPhrases) -> Option<Statement> {
    let expected = facts_in(&right.text.en);
    let needs = needed(&expected);
    if needs.is_empty() && phrases.is_empty() {
        return None;
    }
    // The passage that deals with the point: the sentence (or two sentences in a row) with
    // the most of its facts, then the most facts of the kinds it needs, then the shortest.
    let all = sentences(text);
    let shared = |f: &[Fact]| {
        f.iter()
            .filter(|x| expected.contains(x) && needs.contains(&x.kind()))
            .count()
    };
    let score = |f: &[Fact]| shared(f) * 10 + f.iter().filter(|x| needs.contains(&x.kind())).count();
    let alone: Vec<usize> = all.iter().map(|s| shared(&facts_in(s))).collect();
    let mut best: Option<(usize, String, Vec<Fact>)> = None;
    for i in 0..all.len() {
        for span in 1..=2 {
            let Some(run) = all.get(i..i + span) else { continue };
            // The passage as the student wrote it, from its first sentence to its last.
            let (Some(first), Some(last)) = (run.first(), run.last()) else {
                continue;
            };
            let start = first.as_ptr() as usize - text.as_ptr() as usize;
            let end = last.as_ptr() as usize - text.as_ptr() as usize + last.len();
            let Some(passage) = text.get(start..end).map(str::to_string) else {
                continue;
            };
            let facts = facts_in(&passage);
            // Two sentences only when together they give more of the point's facts than
            // either alone (a fact split over two sentences).
            if span == 2 && shared(&facts) <= alone[i].max(alone[i + 1]) {
                continue;
            }
            let points = score(&facts);
            let better = best
                .as_ref()
                .is_none_or(|(b, text, _)| points > *b || (points == *b && passage.len() < text.len()));
            if points > 0 && better {
                best = Some((points, passage, facts));
            }
        }
    }
    // The first sentence that says one of the point's phrases, right or wrong.
    let with_a_phrase = || {
        all.iter().find(|s| {
            let lower = s.to_lowercase();
            phrases
                .must_say
                .iter()
                .chain(phrases.wrong.iter().map(|(p, _)| p))
                .any(|p| says_phrase(&lower, p))
        })
    };
    let (sentence, given) = match best {
        // A passage with the point's own facts.
        Some((_, sentence, given)) if shared(&given) > 0 || phrases.is_empty() => (sentence, given),
        // None (or only facts of the right kinds, such as another amount): a sentence saying
        // one of its phrases, else that passage.
        other => match with_a_phrase() {
            Some(said) => (said.to_string(), facts_in(said)),
            None => {
                let (_, sentence, given) = other?;
                (sentence, given)
            }
        },
    };
    let quote: String = sentence.chars().take(MAX_QUOTE_CHARS).collect();
    let text_of = |en: String, zh: String| Text { en, zh };
    // A fact of a kind the point gives (percentages too) that is not one of the right ones
    // contradicts it, when the passage gives none of the right ones of that kind: a total
    // beside the right unit price, or "instead of FOB, FCA", is no contradiction.
    let judged =
        |kind: Kind| needs.contains(&kind) || (kind == Kind::Percent && expected.iter().any(|e| e.kind() == kind));
    let has_right_of = |kind: Kind| given.iter().any(|g| g.kind() == kind && expected.contains(g));
    let unsafe_term = |f: &Fact| matches!(f, Fact::Payment(p) if p == "after shipment" || p == "after arrival");
    let contradicts: Vec<&Fact> = given
        .iter()
        .filter(|f| {
            let kind = f.kind();
            judged(kind) && !expected.contains(f) && (!has_right_of(kind) || unsafe_term(f))
        })
        .collect();
    // Every right fact of the kinds the point needs, but where the right statement offers a
    // choice: payment terms (one secure term, not a deposit alone, answers the point) and
    // quantities (the MOQ, without repeating the buyer's order).
    let mut missing: Vec<&Fact> = expected
        .iter()
        .filter(|f| {
            needs.contains(&f.kind()) && !matches!(f.kind(), Kind::Payment | Kind::Pieces) && !given.contains(f)
        })
        .collect();
    if let Some(first) = expected.iter().find(|f| f.kind() == Kind::Pieces)
        && needs.contains(&Kind::Pieces)
        && !has_right_of(Kind::Pieces)
    {
        missing.push(first);
    }
    let terms: Vec<&Fact> = expected
        .iter()
        .filter(|f| matches!(f, Fact::Payment(p) if p != "deposit"))
        .collect();
    if !terms.is_empty() && !terms.iter().any(|t| given.contains(t)) {
        missing.push(terms[0]);
    }
    let lower = sentence.to_lowercase();
    let hedge = HEDGES.iter().find(|h| contains_phrase(&lower, h));
    // A refusal matters where the buyer asked for something (samples, a quantity); "we cannot
    // accept D/A" declines a risk and is no refusal.
    let asks = needs.contains(&Kind::Sample) || needs.contains(&Kind::Pieces);
    let refusal = REFUSALS
        .iter()
        .find(|r| asks && contains_phrase(&lower, r) && !contains_phrase(&lower, &format!("{r} accept")));
    let right_facts = |zh: bool| {
        expected
            .iter()
            .filter(|f| needs.contains(&f.kind()))
            .map(|f| if zh { f.shown_zh() } else { f.shown() })
            .collect::<Vec<_>>()
            .join(if zh { "、" } else { ", " })
    };
    let wrong_phrase = phrases.wrong.iter().find(|(p, _)| says_phrase(&lower, p));
    // What the point must say may follow in the next sentence ("… this week. They are free of
    // charge.").
    let next = text
        .find(sentence.as_str())
        .and_then(|at| {
            sentences(&text[at + sentence.len()..])
                .first()
                .map(|s| s.to_lowercase())
        })
        .unwrap_or_default();
    let says_what_it_must = phrases.must_say.is_empty()
        || phrases
            .must_say
            .iter()
            .any(|p| says_phrase(&lower, p) || says_phrase(&next, p));
    let (verdict, why) = if let Some(wrong) = contradicts.first() {
        (
            Verdict::Wrong,
            text_of(
                format!(
                    "Wrong: {} does not match the facts ({}).",
                    wrong.shown(),
                    right_facts(false)
                ),
                format!("错误：{} 与事实不符（{}）。", wrong.shown_zh(), right_facts(true)),
            ),
        )
    } else if let Some((phrase, why)) = wrong_phrase {
        (
            Verdict::Wrong,
            text_of(
                format!("Wrong: \"{phrase}\". {}", why.en),
                format!(
                    "错误：“{phrase}”。{}",
                    if why.zh.trim().is_empty() { &why.en } else { &why.zh }
                ),
            ),
        )
    } else if let Some(refusal) = refusal {
        (
            Verdict::Wrong,
            text_of(
                format!(
                    "Wrong: \"{refusal}\" refuses what the buyer asked for; the facts are {}.",
                    right_facts(false)
                ),
                format!("错误：“{refusal}”拒绝了买方的要求；事实是{}。", right_facts(true)),
            ),
        )
    } else if !missing.is_empty() {
        let mut kinds: Vec<Kind> = missing.iter().map(|f| f.kind()).collect();
        kinds.dedup();
        let (en, zh): (Vec<&str>, Vec<&str>) = kinds.iter().map(|k| k.missing()).unzip();
        let facts = missing.iter().map(|f| f.shown()).collect::<Vec<_>>().join(", ");
        let facts_zh = missing.iter().map(|f| f.shown_zh()).collect::<Vec<_>>().join("、");
        (
            Verdict::Vague,
            text_of(
                format!("Vague: it does not give {} ({facts}).", en.join(", ")),
                format!("含糊：没有写明{}（{facts_zh}）。", zh.join("、")),
            ),
        )
    } else if !says_what_it_must {
        let must = &phrases.must_say[0];
        (
            Verdict::Vague,
            text_of(
                format!("Vague: it does not say \"{must}\" (or the like)."),
                format!("含糊：没有写明“{must}”（或同样意思的话）。"),
            ),
        )
    } else if let Some(hedge) = hedge {
        (
            Verdict::Vague,
            text_of(
                format!("Vague: \"{hedge}\" promises nothing the buyer can plan on."),
                format!("含糊：“{hedge}”没有给出买方可以依据的承诺。"),
            ),
        )
    } else {
        // What the student gave of the right facts.
        let gave = |zh: bool| {
            expected
                .iter()
                .filter(|f| needs.contains(&f.kind()) && given.contains(f))
                .map(|f| if zh { f.shown_zh() } else { f.shown() })
                .collect::<Vec<_>>()
                .join(if zh { "、" } else { ", " })
        };
        let found = phrases
            .must_say
            .iter()
            .find(|p| says_phrase(&lower, p) || says_phrase(&next, p));
        let (en, zh) = match (gave(false), found) {
            (facts, Some(phrase)) if facts.is_empty() => (format!("\"{phrase}\""), format!("“{phrase}”")),
            (facts, _) => (facts, gave(true)),
        };
        (
            Verdict::Right,
            text_of(format!("Right: it gives {en}."), format!("正确：写明了{zh}。")),
        )
    };
    Some(Statement {
        text: text_of(quote.clone(), quote),
        verdict,
        why,
    })
}
