//! The listing-quality score (0 … 1,000) and the reasons behind it, as a marketplace's
//! "listing quality" panel shows them: search-term coverage, title length, attributes, images,
//! bullet points and description, and words the platform does not allow.

use super::listing::Keyword;
use crate::sim::said::Said;

pub use crate::sim::scenario::storefront::ListingText;

/// The photo shots a seller can add; the file `{sku}-{shot}.png` stands in for each image.
pub const SHOTS: [&str; 7] = ["main", "detail", "size", "in-use", "colours", "packaging", "lifestyle"];

/// The platform's rules for a listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListingRules {
    pub title_limit: usize,
    /// Attributes the category requires.
    pub required_attributes: Vec<String>,
    /// Words and phrases the platform forbids in listings (claims it cannot verify).
    pub banned: Vec<String>,
}

/// One finding, with the points it cost (0 for a good point).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub lost: u32,
    pub message: Said,
}

/// The score and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QualityReport {
    pub score: u16,
    /// Share of the market's search volume the listing's words cover, in basis points.
    pub coverage_bp: u32,
    /// The keywords (by index) the listing covers; bit `k` = keyword `k`.
    pub keywords: u64,
    pub findings: Vec<Finding>,
}

const COVERAGE_POINTS: u32 = 400;
const TITLE_POINTS: u32 = 150;
const ATTRIBUTE_POINTS: u32 = 150;
const IMAGE_POINTS: u32 = 150;
const TEXT_POINTS: u32 = 150;
const BANNED_PENALTY: u32 = 60;
const SHOUTING_PENALTY: u32 = 30;

fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// Whether every word of the keyword occurs in the listing's words.
fn covers(listing_words: &std::collections::BTreeSet<String>, keyword: &str) -> bool {
    let mut any = false;
    for w in words(keyword) {
        any = true;
        if !listing_words.contains(&w) {
            return false;
        }
    }
    any
}

/// Scores a listing against the market's search terms and the platform's rules.
pub fn score_listing(text: &ListingText, keywords: &[Keyword], rules: &ListingRules) -> QualityReport {
    let mut findings = Vec::new();
    let mut lose = |lost: u32, message: Said| findings.push(Finding { lost, message });

    // 1. Search-term coverage, weighted by volume (only the first 64 keywords can be matched).
    let all_text = format!(
        "{} {} {} {}",
        text.title,
        text.bullets.join(" "),
        text.description,
        text.search_terms
    );
    let listing_words: std::collections::BTreeSet<String> = words(&all_text).collect();
    // A keyword is relevant to this listing when it shares a word (of 3+ letters) with it:
    // a phone case is not judged on the cable searches of the same market.
    let relevant = |k: &Keyword| words(&k.text).any(|w| w.chars().count() >= 3 && listing_words.contains(&w));
    let total: u64 = keywords
        .iter()
        .filter(|k| relevant(k))
        .map(|k| u64::from(k.volume))
        .sum();
    let mut covered_volume = 0u64;
    let mut mask = 0u64;
    let mut missing: Vec<(&str, u32)> = Vec::new();
    for (i, k) in keywords.iter().enumerate().take(64) {
        if !relevant(k) {
            continue;
        }
        if covers(&listing_words, &k.text) {
            covered_volume += u64::from(k.volume);
            mask |= 1 << i;
        } else {
            missing.push((&k.text, k.volume));
        }
    }
    let coverage_bp = (covered_volume * 10_000).checked_div(total).unwrap_or(0) as u32;
    let coverage_points = COVERAGE_POINTS * coverage_bp / 10_000;
    if coverage_points < COVERAGE_POINTS {
        missing.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let top: Vec<String> = missing.iter().take(3).map(|(t, _)| format!("\"{t}\"")).collect();
        let percent = format!("{}.{:02}", coverage_bp / 100, coverage_bp % 100);
        let said = if top.is_empty() {
            // A market with no search data for the product: nothing to name as missing.
            Said::new("quality-coverage-no-searches").with("percent", percent)
        } else {
            Said::new("quality-coverage")
                .with("percent", percent)
                .with("missing", top.join(", "))
        };
        lose(COVERAGE_POINTS - coverage_points, said);
    }

    // 2. Title length.
    let title_len = text.title.chars().count();
    if title_len == 0 {
        lose(TITLE_POINTS, Said::new("quality-no-title"));
    } else if title_len > rules.title_limit {
        lose(
            TITLE_POINTS,
            Said::new("quality-title-long")
                .with("length", title_len)
                .with("limit", rules.title_limit),
        );
    } else if title_len < 40 {
        lose(
            TITLE_POINTS / 2,
            Said::new("quality-title-short").with("length", title_len),
        );
    }

    // 3. Required attributes.
    let filled = |name: &str| {
        text.attributes
            .iter()
            .any(|(n, v)| n.trim().eq_ignore_ascii_case(name) && !v.trim().is_empty())
    };
    let absent: Vec<&str> = rules
        .required_attributes
        .iter()
        .map(String::as_str)
        .filter(|a| !filled(a))
        .collect();
    if !absent.is_empty() && !rules.required_attributes.is_empty() {
        let lost = ATTRIBUTE_POINTS * absent.len() as u32 / rules.required_attributes.len() as u32;
        lose(lost, Said::new("quality-attributes").with("missing", absent.join(", ")));
    }

    // 4. Images: a main image, ideally five or more.
    let images = text.images.len() as u32;
    if images == 0 {
        lose(IMAGE_POINTS, Said::new("quality-no-images"));
    } else if images < 5 {
        lose(
            IMAGE_POINTS * (5 - images) / 5,
            Said::new("quality-few-images").with("images", images),
        );
    }

    // 5. Bullets and description.
    let bullets = text.bullets.iter().filter(|b| !b.trim().is_empty()).count() as u32;
    if bullets < 3 {
        lose(
            TEXT_POINTS / 2 * (3 - bullets) / 3,
            Said::new("quality-few-bullets").with("bullets", bullets),
        );
    }
    let description = text.description.chars().count();
    if description < 200 {
        lose(
            TEXT_POINTS / 2,
            Said::new("quality-description-short").with("length", description),
        );
    }

    // 6. Banned claims and shouting.
    let lower = all_text.to_lowercase();
    for banned in &rules.banned {
        if lower.contains(&banned.to_lowercase()) {
            lose(
                BANNED_PENALTY,
                Said::new("quality-banned").with("word", banned.as_str()),
            );
        }
    }
    let shouting: Vec<&str> = text
        .title
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 5 && w.chars().all(|c| !c.is_lowercase()))
        .collect();
    if !shouting.is_empty() {
        lose(
            SHOUTING_PENALTY,
            Said::new("quality-shouting").with("words", shouting.join(", ")),
        );
    }

    let lost: u32 = findings.iter().map(|f| f.lost).sum();
    QualityReport {
        score: 1000u32.saturating_sub(lost) as u16,
        coverage_bp,
        keywords: mask,
        findings,
    }
}
