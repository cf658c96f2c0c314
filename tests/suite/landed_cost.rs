//! The landed-cost engine: DOMAIN.md worked examples exactly, golden outputs of
//! `tradeport landed-cost`, clear errors for bad shipment files, and properties that hold for
//! any consignment (taxes never negative, more value never less tax, rules outside their dates
//! never apply).

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use tradeport::cli::landed_cost as run_landed_cost;
use tradeport::scenario::error::render_plain;
use tradeport::scenario::file::{Channel, Incoterm};
use tradeport::scenario::{load_rule_pack_file, load_shipment_file};
use tradeport::sim::customs::landed_cost::Reason;
use tradeport::sim::customs::{Consignment, GoodsLine, LineKind, landed_cost};
use tradeport::sim::scenario::HsCode;
use tradeport::sim::{CurrencyCode, Date, Micros, RulePack};

fn cost(file: &str) -> tradeport::sim::customs::LandedCost {
    let shipment = load_shipment_file(Path::new(&format!("tests/landed-cost/{file}")))
        .unwrap_or_else(|d| panic!("{}", render_plain(&d)));
    landed_cost(&shipment.consignment())
}

#[test]
fn china_retail_infant_formula_pays_273_yuan() {
    let r = cost("cn-retail-infant-formula.shipment.ron");
    assert_eq!(r.duty, 0);
    assert_eq!(r.vat, 27_300, "¥3,000 × 13% × 70% = ¥273");
    assert_eq!(r.taxes, 27_300);
}

#[test]
fn eu_silk_and_two_wool_blouses_pay_six_euro_duty_from_july_2026() {
    let r = cost("eu-three-blouses-2026.shipment.ron");
    assert_eq!(r.duty, 600, "2 tariff subheadings × €3");
    assert_eq!(r.vat, 0, "no import VAT at the border under IOSS");
    assert!(r.vat_at_sale > 0, "VAT is charged at checkout instead");
    let before = cost("eu-three-blouses-2025.shipment.ron");
    assert_eq!(
        before.duty, 0,
        "before 1 July 2026 the same parcel was relieved of duty"
    );
}

#[test]
fn the_eu_fixed_duty_covers_a_parcel_of_exactly_150_euro() {
    let r = cost("eu-parcel-at-150.shipment.ron");
    assert_eq!(
        r.duty, 300,
        "€150.00 is 'up to and including €150': one subheading × €3"
    );
    assert_eq!(r.vat, 0);
    assert_eq!(
        r.vat_at_sale, 2_907,
        "19% of €153.00 (value + duty) charged at checkout (IOSS)"
    );
}

#[test]
fn a_low_value_b2b_consignment_pays_normal_duty_and_import_vat() {
    let r = cost("eu-b2b-low-value.shipment.ron");
    assert_eq!(r.duty, 1_200, "12% of €100.00, not the €3 for parcels to consumers");
    assert_eq!(r.vat, 2_128, "19% of €112.00 at the border");
    assert_eq!(r.vat_at_sale, 0, "IOSS does not cover B2B imports");
}

#[test]
fn an_ordinary_cream_owes_no_consumption_tax() {
    // ¥200 for 50 ml = ¥4 per ml, below the ¥10 high-end threshold (Caishui [2016] 103):
    // cross-border retail tax = 200 × 13% × 70% = ¥18.20 a jar, ¥72.80 for four.
    let r = cost("cn-retail-cosmetics.shipment.ron");
    assert_eq!(r.consumption_tax, 0);
    assert_eq!(r.vat, 7_280);
    assert_eq!(r.taxes, 7_280);
}

#[test]
fn high_end_cosmetics_keep_the_consumption_tax_grossed_up_and_reduced() {
    // Serum: ¥480 for 30 ml = ¥16 per ml ≥ ¥10. CT = 960 / 0.85 × 0.15 = 169.41 → × 70% = 118.59;
    // VAT = (960 + 169.41) × 13% = 146.82 → × 70% = 102.77.
    // Masks: ¥120 for 10 pieces = ¥12 a piece < ¥15: no CT; VAT = 120 × 13% × 70% = 10.92.
    let r = cost("cn-retail-cosmetics-high-end.shipment.ron");
    assert_eq!(r.consumption_tax, 11_859);
    assert_eq!(r.vat, 10_277 + 1_092);
    let masks_ct = r
        .lines
        .iter()
        .filter(|l| l.item == Some(1) && l.kind == LineKind::ConsumptionTax)
        .count();
    assert_eq!(masks_ct, 0, "sheet masks below ¥15 a piece are not high-end");
}

#[test]
fn us_de_minimis_ends_by_origin_and_chinese_goods_owe_section_301() {
    assert_eq!(cost("us-blouses-before-suspension.shipment.ron").duty, 0);
    let after = cost("us-blouses-after-suspension.shipment.ron");
    assert_eq!(
        after.duty,
        3_188 + 3_465,
        "6.9% MFN + 7.5% Section 301 of the $462 FOB value"
    );
    assert!(
        after
            .lines
            .iter()
            .any(|l| l.rule_id.as_deref() == Some("section-301-silk-blouses"))
    );
    let surcharge = cost("us-blouses-section-122.shipment.ron");
    assert_eq!(surcharge.duty, 3_188 + 3_465 + 4_620, "plus 10% under Section 122");
    // June 2025: Chinese goods had lost de minimis (2 May), others had not (until 29 Aug).
    let mixed = cost("us-mixed-origins-june-2025.shipment.ron");
    assert!(
        mixed
            .lines
            .iter()
            .all(|l| !matches!(l.reason, Reason::DeMinimis { .. })),
        "a consignment with a Chinese line gets no de minimis"
    );
    assert_eq!(
        mixed.duty,
        138 + 1_500,
        "the Japanese camera is free; the Chinese lens pays 2.3% + 25%"
    );
}

#[test]
fn a_consignment_of_non_chinese_goods_kept_de_minimis_until_29_august_2025() {
    let p = pack("us.rules.ron");
    let line = |origin: &str| GoodsLine {
        hs_code: HsCode::parse("9002110000").unwrap_or_else(|| panic!("hs")),
        description: "Camera lens".into(),
        quantity: 1,
        unit_value: 6_000,
        net_weight_g: 200,
        gross_weight_g: 350,
        content: None,
        origin: origin.into(),
    };
    let on = |date: &str, origin: &str| {
        let date = Date::parse(date).unwrap_or_else(|e| panic!("{e}"));
        landed_cost(&consignment(
            &p,
            date,
            Channel::Postal,
            Incoterm::DAP,
            vec![line(origin)],
            0,
        ))
        .duty
    };
    assert_eq!(on("2025-06-15", "JP"), 0, "de minimis for Japanese goods in June 2025");
    assert_eq!(
        on("2025-06-15", "CN"),
        138 + 1_500,
        "none for Chinese goods since 2 May 2025"
    );
    assert_eq!(on("2025-04-30", "CN"), 0, "Chinese goods still had it in April 2025");
    assert_eq!(on("2025-09-01", "JP"), 138, "none for any origin from 29 August 2025");
}

#[test]
fn a_preferential_rate_needs_a_proof_of_origin() {
    let without = cost("uk-camera-japan-origin.shipment.ron");
    assert_eq!(without.duty, 640, "4% UK Global Tariff without a proof of origin");
    assert!(
        without
            .lines
            .iter()
            .any(|l| matches!(l.reason, Reason::PreferenceNotClaimed { .. }))
    );
    let shipment = load_shipment_file(Path::new("tests/landed-cost/uk-camera-japan-origin.shipment.ron"))
        .unwrap_or_else(|d| panic!("{}", render_plain(&d)));
    let mut with = shipment.consignment();
    with.proof_of_origin = true;
    let r = landed_cost(&with);
    assert_eq!(r.duty, 0, "UK-Japan CEPA: 0% with a proof of origin");
    assert!(
        r.lines
            .iter()
            .any(|l| l.rule_id.as_deref() == Some("uk-japan-cepa-9006-cameras"))
    );
}

#[test]
fn insurance_as_a_rate_covers_110_percent_of_cif() {
    // CFR 30,600.00 USD, 0.3%: CIF = 30,600 / (1 − 0.0033) = 30,701.31; premium 101.31 USD,
    // at 0.865 = 87.63 EUR.
    let shipment = load_shipment_file(Path::new(
        "tests/landed-cost/eu-b2b-silk-cif-insurance-rate.shipment.ron",
    ))
    .unwrap_or_else(|d| panic!("{}", render_plain(&d)));
    assert_eq!(shipment.insurance(), 10_131);
    let r = landed_cost(&shipment.consignment());
    assert_eq!(r.customs_value, 2_646_900 + 8_763);
}

#[test]
fn a_single_item_over_the_retail_limit_pays_general_trade_taxes() {
    let r = cost("cn-retail-over-limit.shipment.ron");
    assert_eq!(
        r.duty, 74_800,
        "MFN 11% of ¥6,800 on an automatic watch (9102.21), not zero"
    );
    assert_eq!(r.vat, 98_124, "13% of ¥7,548 (value + duty) without the 70% reduction");
    assert_eq!(r.consumption_tax, 0, "a watch under ¥10,000 is not high-end");
}

#[test]
fn fob_purchase_adds_freight_and_insurance_to_reach_cif() {
    let r = cost("eu-b2b-silk-fob.shipment.ron");
    assert_eq!(r.goods_value, 4_702_140);
    assert_eq!(r.customs_value, 4_702_140 + 103_800 + 3_944);
    assert!(
        r.lines
            .iter()
            .filter(|l| l.kind == LineKind::Duty)
            .all(|l| l.rule_id.as_deref() == Some("duty-6206-womens-blouses"))
    );
}

/// Golden outputs: `tradeport landed-cost FILE` for every file in tests/landed-cost (valid or not).
/// The `*.shipment.ron` files of `dir`, sorted.
pub(crate) fn shipment_files(dir: &str) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".shipment.ron"))
        .collect();
    found.sort();
    found
}

#[test]
fn landed_cost_output_matches_the_goldens() {
    let mut files: Vec<PathBuf> = Vec::new();
    for dir in ["tests/landed-cost", "tests/landed-cost/bad"] {
        files.extend(shipment_files(dir));
    }
    assert!(
        files.len() >= 10,
        "expected the worked examples and bad files, found {}",
        files.len()
    );
    let mut failures = Vec::new();
    for file in &files {
        for json in [false, true] {
            let golden = PathBuf::from(
                file.to_string_lossy()
                    .replace(".shipment.ron", if json { ".expected.json" } else { ".expected" }),
            );
            if json && !golden.exists() {
                continue;
            }
            let mut out = Vec::new();
            let valid = run_landed_cost(file, json, &mut out).unwrap_or(false);
            let actual = String::from_utf8_lossy(&out).to_string();
            let expected = std::fs::read_to_string(&golden).unwrap_or_else(|e| panic!("{}: {e}", golden.display()));
            assert_eq!(
                valid,
                !file.to_string_lossy().contains("/bad/"),
                "{}: validity",
                file.display()
            );
            if actual != expected {
                failures.push(format!("--- {}\n{actual}", golden.display()));
            }
        }
    }
    assert!(failures.is_empty(), "golden outputs differ:\n{}", failures.join("\n"));
}

fn pack(file: &str) -> RulePack {
    load_rule_pack_file(Path::new(&format!("scenarios/rules/{file}")))
        .unwrap_or_else(|d| panic!("{}", render_plain(&d)))
}

const HS_CODES: [&str; 6] = [
    "6206100000",
    "6206200000",
    "3304990000",
    "1901101000",
    "8517130000",
    "9006530000",
];

fn consignment<'a>(
    pack: &'a RulePack,
    date: Date,
    channel: Channel,
    incoterm: Incoterm,
    lines: Vec<GoodsLine>,
    freight: i64,
) -> Consignment<'a> {
    Consignment {
        pack,
        date,
        channel,
        destination: match pack.jurisdiction() {
            "EU" => "DE".to_string(),
            "UK" => "GB".to_string(),
            other => other.to_string(),
        },
        incoterm,
        invoice_currency: pack.currency(),
        invoice_exponent: pack.exponent(),
        exchange_rate: Micros::ONE,
        freight,
        insurance: 0,
        fees: Vec::new(),
        buyer_year_to_date: 0,
        proof_of_origin: false,
        lines,
    }
}

fn arb_lines() -> impl Strategy<Value = Vec<GoodsLine>> {
    prop::collection::vec(
        (0usize..HS_CODES.len(), 1u32..20, 1i64..500_000, 1u64..20_000).prop_map(|(hs, quantity, unit_value, net)| {
            GoodsLine {
                hs_code: HsCode::parse(HS_CODES[hs]).unwrap_or_else(|| panic!("fixed HS code")),
                description: "goods".to_string(),
                quantity,
                unit_value,
                net_weight_g: net,
                gross_weight_g: net + 100,
                content: None,
                origin: String::new(),
            }
        }),
        1..6,
    )
}

fn arb_setting() -> impl Strategy<Value = (usize, i64, usize, usize)> {
    // (pack, days after 2019-01-01, channel, incoterm)
    (0usize..4, 0i64..4_000, 0usize..4, 0usize..Incoterm::ALL.len())
}

const PACKS: [&str; 4] = ["eu.rules.ron", "uk.rules.ron", "us.rules.ron", "cn-import.rules.ron"];
const CHANNELS: [Channel; 4] = [
    Channel::GeneralTrade,
    Channel::Postal,
    Channel::CrossBorderRetail,
    Channel::BondedRetail,
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn taxes_are_never_negative((p, days, ch, inc) in arb_setting(), lines in arb_lines(), freight in 0i64..100_000) {
        let pack = pack(PACKS[p]);
        let date = Date::parse("2019-01-01").map(|d| d.plus_days(days)).unwrap_or_else(|e| panic!("{e}"));
        let r = landed_cost(&consignment(&pack, date, CHANNELS[ch], Incoterm::ALL[inc], lines, freight));
        prop_assert!(r.duty >= 0 && r.consumption_tax >= 0 && r.vat >= 0 && r.vat_at_sale >= 0, "{r:?}");
        prop_assert!(r.lines.iter().filter(|l| l.kind != LineKind::Freight && l.kind != LineKind::Insurance).all(|l| l.amount >= 0), "{r:?}");
        prop_assert_eq!(r.taxes, r.duty + r.consumption_tax + r.vat + r.vat_at_sale);
    }

    #[test]
    fn more_value_never_means_less_tax_within_one_regime((p, days, ch, inc) in arb_setting(), lines in arb_lines(), extra in 1i64..10_000) {
        let pack = pack(PACKS[p]);
        let date = Date::parse("2019-01-01").map(|d| d.plus_days(days)).unwrap_or_else(|e| panic!("{e}"));
        let channel = CHANNELS[ch];
        let base = landed_cost(&consignment(&pack, date, channel, Incoterm::ALL[inc], lines.clone(), 0));
        let mut dearer_lines = lines;
        dearer_lines[0].unit_value += extra;
        let dearer = landed_cost(&consignment(&pack, date, channel, Incoterm::ALL[inc], dearer_lines, 0));
        // Thresholds (de minimis, retail limits, point-of-sale VAT) change the regime; compare
        // only when the same rules decided both results.
        let rules = |r: &tradeport::sim::customs::LandedCost| r.lines.iter().filter(|l| l.kind == LineKind::Note).map(|l| l.rule_id.clone()).collect::<Vec<_>>();
        if base.regime == dearer.regime && rules(&base) == rules(&dearer) {
            prop_assert!(dearer.taxes >= base.taxes, "base {base:?}\ndearer {dearer:?}");
        }
    }

    #[test]
    fn a_rule_outside_its_dates_never_applies((p, days, ch, inc) in arb_setting(), lines in arb_lines()) {
        let pack = pack(PACKS[p]);
        let date = Date::parse("2019-01-01").map(|d| d.plus_days(days)).unwrap_or_else(|e| panic!("{e}"));
        let r = landed_cost(&consignment(&pack, date, CHANNELS[ch], Incoterm::ALL[inc], lines, 0));
        for line in &r.lines {
            if let Some(id) = &line.rule_id {
                let rule = pack.rules().iter().find(|x| &x.id == id);
                prop_assert!(rule.is_some_and(|x| x.in_force_on(date)), "rule {id} used on {date} outside its dates");
            }
        }
    }
}

#[test]
fn shipment_currency_must_be_known() {
    let _ = CurrencyCode::parse("EUR").unwrap_or_else(|| panic!("EUR parses"));
    let mut out = Vec::new();
    let ok = run_landed_cost(
        Path::new("tests/landed-cost/bad/missing-rate-and-weights.shipment.ron"),
        false,
        &mut out,
    )
    .unwrap_or(true);
    let text = String::from_utf8_lossy(&out);
    assert!(!ok);
    assert!(text.contains("add `exchange_rate"), "{text}");
    assert!(
        text.contains("gross weight 2.500 kg is below net weight 3.000 kg"),
        "{text}"
    );
}

/// A pack written before `below_value` was renamed still loads, reads the limit as inclusive,
/// and serialises as it was written, so the content hash of a scenario using it is unchanged.
#[test]
fn a_pack_with_the_old_below_value_name_loads_and_keeps_its_form() {
    let path = "tests/fixtures/good/rules/mini-eu.rules.ron";
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{e}"));
    assert!(text.contains("below_value"), "the fixture keeps the old name");
    let file = tradeport::scenario::load::parse_rule_pack(path, &text).unwrap_or_else(|d| panic!("{d:?}"));
    let written = ron::to_string(&file).unwrap_or_else(|e| panic!("{e}"));
    assert!(written.contains("below_value") && !written.contains("up_to_value"));
    let pack = load_rule_pack_file(Path::new(path)).unwrap_or_else(|d| panic!("{}", render_plain(&d)));
    assert!(pack.rules().iter().any(|r| r.summary().contains("up to 150.00 EUR")));
}

/// China's export VAT by channel (DOMAIN.md, corrections of December 2026): a 9610 retail export
/// without purchase invoices is exempt with no refund; 9810 overseas-warehouse goods claim the
/// rebate when they leave China (2025); garments exported under general trade keep 13%.
#[test]
fn export_vat_treatment_depends_on_the_channel_and_the_invoices() {
    use tradeport::scenario::file::ExportRefund;
    use tradeport::sim::rules::RuleKind;
    let p = pack("cn-export.rules.ron");
    let date = |d: &str| Date::parse(d).unwrap_or_else(|e| panic!("{d}: {e}"));
    let treatments = |channel: Channel, on: &str| -> Vec<(ExportRefund, String)> {
        p.in_force(date(on))
            .filter(|r| r.channel == channel)
            .filter_map(|r| match &r.kind {
                RuleKind::ExportVat { refund, requires, .. } => Some((*refund, requires.clone())),
                _ => None,
            })
            .collect()
    };
    let retail = treatments(Channel::CrossBorderRetail, "2026-09-01");
    assert!(
        retail
            .iter()
            .any(|(r, req)| *r == ExportRefund::NoRefund && req.contains("no purchase invoices")),
        "{retail:?}"
    );
    assert!(
        retail.iter().any(|(r, _)| *r == ExportRefund::OnDeparture),
        "{retail:?}"
    );
    assert_eq!(
        treatments(Channel::OverseasWarehouseExport, "2026-09-01"),
        vec![(
            ExportRefund::OnDeparture,
            "purchase VAT invoices for the goods".to_string()
        )]
    );
    assert!(treatments(Channel::OverseasWarehouseExport, "2024-06-01").is_empty());
    let general = p
        .in_force(date("2026-09-01"))
        .find(|r| r.channel == Channel::GeneralTrade && matches!(r.kind, RuleKind::ExportVat { .. }))
        .unwrap_or_else(|| panic!("a general-trade export rule"));
    assert!(general.summary().contains("refunded at 13%"), "{}", general.summary());
}
