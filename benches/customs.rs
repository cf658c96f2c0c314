//! Customs throughput: checking a 50-line declaration against its documents and costing a
//! 50-line consignment (target: both together under 50 µs on one core).
//!
//! Run: `cargo bench --no-default-features --bench customs`

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use tradeport::scenario::file::{Channel, Incoterm};
use tradeport::scenario::{load_rule_pack_file, load_scenario_file};
use tradeport::sim::customs::declaration::{DeclarationCase, DocumentLine, check_declaration, model_answer};
use tradeport::sim::customs::{Consignment, GoodsLine, landed_cost};
use tradeport::sim::scenario::HsCode;
use tradeport::sim::{Date, Micros};

const LINES: usize = 50;

fn bench_customs(c: &mut Criterion) {
    let scenario = match load_scenario_file(Path::new("scenarios/b2b-silk-blouses.scenario.ron")) {
        Ok(s) => s,
        Err(d) => panic!("bundled scenario: {d:?}"),
    };
    let mut case: DeclarationCase = match scenario.tasks().iter().find_map(|t| t.declaration.clone()) {
        Some(case) => case,
        None => panic!("the B2B scenario has a declaration"),
    };
    let template = case.lines.clone();
    case.lines = (0..LINES)
        .map(|i| {
            let t = &template[i % template.len()];
            DocumentLine {
                quantity: 100 + u32::try_from(i).unwrap_or(0),
                ..t.clone()
            }
        })
        .collect();
    let form = model_answer(&case, scenario.products());

    let pack = match load_rule_pack_file(Path::new("scenarios/rules/eu.rules.ron")) {
        Ok(p) => p,
        Err(d) => panic!("eu pack: {d:?}"),
    };
    let codes = ["6206100000", "6206200000", "6104430000", "8517130000", "3926909090"];
    let lines: Vec<GoodsLine> = (0..LINES)
        .map(|i| GoodsLine {
            hs_code: HsCode::parse(codes[i % codes.len()]).unwrap_or_else(|| panic!("fixed code")),
            description: format!("item {i}"),
            quantity: 10 + u32::try_from(i).unwrap_or(0),
            unit_value: 2_450 + i64::try_from(i).unwrap_or(0) * 10,
            net_weight_g: 1_800,
            gross_weight_g: 2_600,
            content: None,
            origin: String::new(),
        })
        .collect();
    let consignment = Consignment {
        pack: &pack,
        date: Date::parse("2026-09-15").unwrap_or_else(|e| panic!("{e}")),
        channel: Channel::GeneralTrade,
        destination: "DE".to_string(),
        incoterm: Incoterm::FOB,
        invoice_currency: pack.currency(),
        invoice_exponent: 2,
        exchange_rate: Micros::ONE,
        freight: 120_000,
        insurance: 4_560,
        fees: vec![("Customs broker".to_string(), 8_500)],
        buyer_year_to_date: 0,
        proof_of_origin: false,
        lines,
    };

    c.bench_function("check a 50-line declaration", |b| {
        b.iter(|| check_declaration(black_box(&case), scenario.products(), black_box(&form)))
    });
    c.bench_function("landed cost of 50 lines", |b| {
        b.iter(|| landed_cost(black_box(&consignment)))
    });
    c.bench_function("check and cost 50 lines", |b| {
        b.iter(|| {
            let check = check_declaration(black_box(&case), scenario.products(), black_box(&form));
            let cost = landed_cost(black_box(&consignment));
            (check.clears(), cost.taxes)
        })
    });
}

criterion_group!(benches, bench_customs);
criterion_main!(benches);
