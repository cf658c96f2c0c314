//! The HS classification exercise: the bundled nomenclature is valid and covers the bundled
//! goods, choices narrow level by level, and grading names the right code with the rule.

use std::path::Path;
use std::sync::Arc;

use tradeport::scenario::error::render_plain;
use tradeport::scenario::load_scenario_file;
use tradeport::sim::customs::hs::{Level, Nomenclature, bundled};
use tradeport::sim::scenario::HsCode;
use tradeport::sim::{Command, Event, RuleError, Session};

fn nomenclature() -> &'static Nomenclature {
    match Nomenclature::bundled() {
        Ok(_) => bundled().unwrap_or_else(|| panic!("bundled nomenclature")),
        Err(d) => panic!("{}", render_plain(&d)),
    }
}

fn code(text: &str) -> HsCode {
    HsCode::parse(text).unwrap_or_else(|| panic!("{text}"))
}

#[test]
fn bundled_nomenclature_is_valid_and_covers_the_silk_blouse() {
    let n = nomenclature();
    assert!(n.contains(&code("6206100000")));
    assert!(n.contains(&code("6206200000")));
    assert!(!n.contains(&code("0101210000")), "live horses are not in this excerpt");
}

#[test]
fn choices_narrow_level_by_level() {
    let n = nomenclature();
    let sections = n.choices(Level::Section, &[]);
    assert!(sections.len() >= 3, "several sections to choose from");
    let path = vec!["XI".to_string()];
    let chapters = n.choices(Level::Chapter, &path);
    assert!(
        chapters.iter().any(|c| c.code == "61") && chapters.iter().any(|c| c.code == "62"),
        "knitted and not knitted"
    );
    let path = vec!["XI".to_string(), "62".to_string()];
    assert!(
        n.choices(Level::Heading, &path)
            .iter()
            .all(|h| h.code.starts_with("62"))
    );
    assert!(
        n.choices(Level::Heading, &["XI".to_string(), "99".to_string()])
            .is_empty(),
        "an unknown chapter offers nothing"
    );
    assert!(!n.search("silk").is_empty());
    assert!(n.search("6206").iter().all(|(c, _)| c.starts_with("6206")));
}

fn right_path() -> Vec<String> {
    ["XI", "62", "6206", "620610", "6206100000"]
        .iter()
        .map(|s| s.to_string())
        .collect()
}

#[test]
fn a_right_classification_is_graded_right_with_the_rules() {
    let n = nomenclature();
    let graded = n
        .grade("SB-6206-IVY", &code("6206100000"), &right_path())
        .unwrap_or_else(|| panic!("gradable"));
    assert!(graded.all_correct(), "{graded:?}");
    assert!(graded.steps[0].reasoning.starts_with("GRI 1"));
    assert!(graded.steps[3].reasoning.starts_with("GRI 6"));
}

#[test]
fn knitted_instead_of_woven_is_wrong_from_the_chapter_down() {
    let n = nomenclature();
    let mut chosen = right_path();
    chosen[1] = "61".to_string();
    chosen[2] = "6106".to_string();
    let graded = n
        .grade("SB-6206-IVY", &code("6206100000"), &chosen)
        .unwrap_or_else(|| panic!("gradable"));
    assert!(graded.steps[0].ok);
    assert!(!graded.steps[1].ok && graded.steps[1].correct == "62");
    assert!(!graded.steps[2].ok);
    assert_eq!(graded.correct_steps(), 3);
}

#[test]
fn the_session_grades_classifications_and_refuses_unknown_goods() {
    let s = Arc::new(
        load_scenario_file(Path::new("scenarios/b2b-silk-blouses.scenario.ron"))
            .unwrap_or_else(|d| panic!("{}", render_plain(&d))),
    );
    let mut session = Session::new(s, None);
    let events = session.apply(Command::SubmitClassification {
        sku: "SB-6206-IVY".to_string(),
        chosen: right_path(),
    });
    assert_eq!(
        events,
        Ok(vec![Event::ClassificationGraded {
            sku: "SB-6206-IVY".to_string(),
            correct: 5,
            total: 5
        }])
    );
    assert_eq!(session.customs_desk().classifications("SB-6206-IVY").len(), 1);
    let before = session.timeline().len();
    assert_eq!(
        session.apply(Command::SubmitClassification {
            sku: "NO-SUCH".to_string(),
            chosen: right_path()
        }),
        Err(RuleError::NotClassifiable("NO-SUCH".to_string()))
    );
    assert_eq!(session.timeline().len(), before);
}

/// Every national line says what could not be verified (none was checked against the official
/// tariff), the three codes the December 2026 review found wrong are corrected, and a graded
/// classification tells the student the subdivision is not verified.
#[test]
fn unverified_national_lines_say_so_and_the_wrong_codes_are_corrected() {
    let n = nomenclature();
    for wrong in ["9006599000", "4202310000", "9002190000"] {
        assert!(n.search(wrong).is_empty(), "{wrong} was found wrong and must be gone");
    }
    for right in ["9006599090", "4202310090", "9002199000"] {
        assert!(n.contains(&code(right)), "{right}");
    }
    let lines = n.choices(Level::National, &["XVIII", "90", "9006", "900659"].map(String::from));
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0].code, "9006599090");
    assert!(lines[0].unverified.contains("secondary"), "{}", lines[0].unverified);
    assert!(
        n.choices(Level::Subheading, &["XVIII", "90", "9006"].map(String::from))
            .iter()
            .all(|c| c.unverified.is_empty()),
        "HS subheadings are international and verified"
    );
    let graded = n
        .grade("SB-6206-IVY", &code("6206100000"), &right_path())
        .unwrap_or_else(|| panic!("gradable"));
    assert!(
        graded.steps[4].reasoning.contains("National subdivision not verified"),
        "{}",
        graded.steps[4].reasoning
    );
}

/// A scenario folder may bring its own nomenclature (an instructor adds HS lines without
/// rebuilding the game): it is read from the scenario's folder only, used by the exercise and
/// the grading, and counted in the content hash; a scenario that names none keeps its hash.
#[test]
fn a_scenario_folder_can_bring_its_own_nomenclature() {
    use tradeport::scenario::{assemble_at, load};
    let dir = std::env::temp_dir().join(format!("tradeport-own-nomenclature-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("rules")).unwrap_or_else(|e| panic!("{e}"));
    for pack in ["eu", "cn-export"] {
        std::fs::copy(
            format!("scenarios/rules/{pack}.rules.ron"),
            dir.join(format!("rules/{pack}.rules.ron")),
        )
        .unwrap_or_else(|e| panic!("{e}"));
    }
    let bundled_text =
        std::fs::read_to_string("scenarios/rules/hs-2022.nomenclature.ron").unwrap_or_else(|e| panic!("{e}"));
    let own = bundled_text.replace(
        "Women's or girls' blouses and shirts of silk or silk waste\"",
        "Blouses of silk, as our class's tariff says\"",
    );
    assert_ne!(own, bundled_text, "the fixture changed a title");
    std::fs::write(dir.join("class.nomenclature.ron"), own).unwrap_or_else(|e| panic!("{e}"));

    let path = dir.join("b2b-silk-blouses.scenario.ron");
    let text = std::fs::read_to_string("scenarios/b2b-silk-blouses.scenario.ron").unwrap_or_else(|e| panic!("{e}"));
    let mut file = load::parse_scenario("b2b", &text).unwrap_or_else(|d| panic!("{d:?}"));
    assert!(
        !ron::to_string(&file).unwrap_or_default().contains("nomenclature"),
        "an absent nomenclature is not serialised, so existing hashes hold"
    );
    let plain = assemble_at(&path, &file).unwrap_or_else(|d| panic!("{}", render_plain(&d)));
    assert_eq!(
        plain.content_hash(),
        load_scenario_file(Path::new("scenarios/b2b-silk-blouses.scenario.ron"))
            .unwrap_or_else(|d| panic!("{}", render_plain(&d)))
            .content_hash()
    );

    file.setup.nomenclature = "class.nomenclature.ron".into();
    let with_own = assemble_at(&path, &file).unwrap_or_else(|d| panic!("{}", render_plain(&d)));
    assert_ne!(
        with_own.content_hash(),
        plain.content_hash(),
        "the nomenclature is hashed"
    );
    let n = with_own.nomenclature().unwrap_or_else(|| panic!("a nomenclature"));
    assert!(
        !n.search("as our class's tariff says").is_empty(),
        "the folder's own is used"
    );
    let mut session = Session::new(Arc::new(with_own), Some(1));
    let chosen: Vec<String> = right_path();
    assert!(
        session
            .apply(Command::SubmitClassification {
                sku: "SB-6206-IVY".into(),
                chosen,
            })
            .is_ok()
    );

    // Only the scenario's folder is read; a missing file is named.
    for (name, says) in [
        ("../outside.nomenclature.ron", "outside the scenario's folder"),
        ("missing.nomenclature.ron", "cannot open nomenclature"),
    ] {
        file.setup.nomenclature = name.into();
        let problems = assemble_at(&path, &file)
            .err()
            .unwrap_or_else(|| panic!("{name} accepted"));
        let text = render_plain(&problems);
        assert!(text.contains("setup.nomenclature") && text.contains(says), "{text}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
