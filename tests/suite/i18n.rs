//! Every UI string the code asks for exists in English; Chinese has no stray ids; files parse.

use tradeport::i18n::{Catalogue, Language, message_ids, source_errors};

/// Message ids used in `src/ui` as string literals passed to `tr`/`tr_args`, plus the ids built
/// from `activity_key(..)` + "-intro".
fn used_ids() -> Vec<String> {
    let mut ids = Vec::new();
    for entry in std::fs::read_dir("src/ui").into_iter().flatten().flatten() {
        let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
        for pattern in ["tr(\"", "tr_args(\"", "=> \""] {
            for (i, _) in text.match_indices(pattern) {
                let after = &text[i + pattern.len()..];
                let id: String = after.chars().take_while(|c| *c != '"').collect();
                // Message ids are lowercase words joined by `-`; this skips other strings.
                let looks_like_id = id.starts_with(|c: char| c.is_ascii_lowercase()) && id.contains('-');
                if looks_like_id
                    && id
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                {
                    ids.push(id);
                }
            }
        }
        for (i, _) in text.match_indices('"') {
            let after = &text[i + 1..];
            let id: String = after.chars().take_while(|c| *c != '"').collect();
            let prefixed = [
                "weekday-",
                "col-",
                "doc-",
                "desk-",
                "decl-",
                "talks-",
                "review-",
                "strategy-",
                "chart-",
                "side-",
                "contract-",
                "docs-",
                "profit-",
                "listing-",
                "store-",
                "research-",
                "promo-",
                "c2c-",
                "progress-",
            ]
            .iter()
            .any(|p| id.starts_with(p));
            if prefixed && id.chars().all(|c| c.is_ascii_lowercase() || c == '-') && !ids.contains(&id) {
                ids.push(id);
            }
        }
    }
    for key in [
        "activity-customs",
        "activity-negotiation",
        "activity-storefront",
        "activity-promotion",
        "activity-c2c",
        "activity-inbox",
    ] {
        ids.push(format!("{key}-intro"));
    }
    ids.sort();
    ids.dedup();
    ids
}

#[test]
fn fluent_files_parse() {
    assert!(source_errors().is_empty(), "{:?}", source_errors());
}

#[test]
fn every_used_message_exists_in_english() {
    let defined = message_ids("en-US");
    let used = used_ids();
    assert!(
        used.len() > 60,
        "the scan found too few ids ({}), it is probably broken",
        used.len()
    );
    let missing: Vec<&String> = used.iter().filter(|id| !defined.contains(id)).collect();
    assert!(
        missing.is_empty(),
        "used but not in assets/i18n/en-US/main.ftl: {missing:?}"
    );
}

#[test]
fn chinese_defines_only_known_ids_and_translates_the_menu() {
    let english = message_ids("en-US");
    let chinese = message_ids("zh-CN");
    let stray: Vec<&String> = chinese.iter().filter(|id| !english.contains(id)).collect();
    assert!(stray.is_empty(), "zh-CN ids unknown in en-US: {stray:?}");
    let zh = Catalogue::new(Language::Chinese);
    assert!(zh.has_own("menu-start"));
    assert_ne!(zh.tr("menu-start"), Catalogue::new(Language::English).tr("menu-start"));
}

#[test]
fn arguments_are_filled_in_without_isolation_marks() {
    let en = Catalogue::new(Language::English);
    let text = en.tr_args("day-of", &[("day", 3u32.into()), ("total", 20u32.into())]);
    assert_eq!(text, "Day 3 of 20");
    assert_eq!(en.tr("no-such-id"), "[no-such-id]");
}

#[test]
fn every_english_message_has_its_chinese_with_the_same_arguments() {
    let english = message_ids("en-US");
    let chinese = message_ids("zh-CN");
    let missing: Vec<&String> = english.iter().filter(|id| !chinese.contains(id)).collect();
    assert!(missing.is_empty(), "in en-US but not zh-CN: {missing:?}");
    // Each translation takes the same arguments as its English message.
    let arguments = |tag: &str| -> std::collections::BTreeMap<String, std::collections::BTreeSet<String>> {
        let text = std::fs::read_to_string(format!("assets/i18n/{tag}/main.ftl")).unwrap_or_else(|e| panic!("{e}"));
        let mut out = std::collections::BTreeMap::new();
        let mut current = String::new();
        for line in text.lines() {
            if let Some((id, _)) = line.split_once(" = ")
                && !line.starts_with([' ', '#'])
            {
                current = id.trim().to_string();
            }
            let entry: &mut std::collections::BTreeSet<String> = out.entry(current.clone()).or_default();
            for piece in line.split("{ $").skip(1) {
                if let Some(name) = piece.split([' ', '}']).next() {
                    entry.insert(name.to_string());
                }
            }
        }
        out
    };
    let (en, zh) = (arguments("en-US"), arguments("zh-CN"));
    let differ: Vec<&String> = en.keys().filter(|id| zh.get(*id) != en.get(*id)).collect();
    assert!(differ.is_empty(), "arguments differ in zh-CN: {differ:?}");
}

#[test]
fn the_bundled_font_draws_every_character_of_both_catalogues_and_the_bundled_scenarios() {
    let mut missing = std::collections::BTreeSet::new();
    let mut files = vec![
        "assets/i18n/en-US/main.ftl".to_string(),
        "assets/i18n/zh-CN/main.ftl".to_string(),
    ];
    for id in ["b2b-silk-blouses", "b2c-eu-storefront", "c2c-vintage-cameras"] {
        files.push(format!("scenarios/{id}.scenario.ron"));
    }
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{e}"));
        for c in text.chars().filter(|c| !tradeport::authoring::font::can_draw(*c)) {
            missing.insert((file.clone(), c));
        }
    }
    assert!(
        missing.is_empty(),
        "characters the bundled font cannot draw: {missing:?}"
    );
}

#[test]
fn the_glossary_parses_and_names_every_incoterm_in_both_languages() {
    use tradeport::glossary::{Piece, bundled, bundled_problem};
    assert_eq!(bundled_problem(), None);
    let glossary = bundled();
    assert!(glossary.terms().len() >= 40, "{}", glossary.terms().len());
    for code in ["EXW", "FCA", "FOB", "CFR", "CIF", "CPT", "CIP", "DAP", "DPU", "DDP"] {
        let quote = format!("Price: EUR 29.50 {code} Ningbo");
        let found = glossary.gloss(&quote);
        assert!(
            found
                .iter()
                .any(|p| matches!(p, Piece::Term(t, term) if *t == code && !term.zh.is_empty())),
            "{code}: {found:?}"
        );
    }
    // Whole words, abbreviations as written, phrases in any case, the longest form first.
    let text = "Payment by Letter of Credit at sight; the commercial invoice and B/L. Not a fobbing cif.";
    let terms: Vec<(&str, &str)> = glossary
        .gloss(text)
        .into_iter()
        .filter_map(|p| match p {
            Piece::Term(t, term) => Some((t, term.id.as_str())),
            Piece::Plain(_) => None,
        })
        .collect();
    assert_eq!(
        terms,
        [
            ("Letter of Credit", "lc"),
            ("at sight", "at-sight"),
            ("commercial invoice", "invoice"),
            ("B/L", "bl")
        ]
    );
    // The pieces put back together are the text.
    let joined: String = glossary
        .gloss(text)
        .into_iter()
        .map(|p| match p {
            Piece::Plain(t) | Piece::Term(t, _) => t,
        })
        .collect();
    assert_eq!(joined, text);
    // Search finds a term by its Chinese name or its definition.
    assert!(glossary.search("信用证").iter().any(|t| t.id == "lc"));
    assert!(glossary.search("ship's rail").is_empty());
    assert_eq!(glossary.search("").len(), glossary.terms().len());
}

#[test]
fn every_english_letter_of_the_bundled_scenarios_has_a_gloss() {
    use tradeport::glossary::{Piece, bundled};
    let mut letters = 0;
    let mut bare = Vec::new();
    for id in ["b2b-silk-blouses", "b2c-eu-storefront", "c2c-vintage-cameras"] {
        let path = format!("scenarios/{id}.scenario.ron");
        let scenario = std::sync::Arc::new(
            tradeport::scenario::load_scenario_file(std::path::Path::new(&path))
                .unwrap_or_else(|d| panic!("{}", tradeport::scenario::error::render_plain(&d))),
        );
        let run = tradeport::sim::expert::play(scenario, 7);
        for m in run.session.world().inbox().iter().filter(|m| m.from.is_some()) {
            letters += 1;
            let glossed = bundled().gloss(&m.body.en).iter().any(|p| matches!(p, Piece::Term(..)));
            if !glossed {
                bare.push(format!("{id}: {}", m.subject.en));
            }
        }
    }
    assert!(letters >= 5, "only {letters} letters");
    assert!(bare.is_empty(), "letters with no glossary term: {bare:#?}");
}
