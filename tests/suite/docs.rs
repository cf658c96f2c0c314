//! The docs describe every field and variant of the file formats: the schemas are traced from
//! the Rust types, so a new field without documentation fails here.

use serde_reflection::{ContainerFormat, Registry, Tracer, TracerConfig, VariantFormat};
use tradeport::scenario::file::*;
use tradeport::scenario::shipment::ShipmentFile;

/// Traces each type into `tracer`. Enums nested inside structs are only fully explored when
/// traced on their own, so every such enum is listed.
macro_rules! trace {
    ($tracer:ident: $($t:ty),* $(,)?) => {$(
        $tracer.trace_simple_type::<$t>().unwrap_or_else(|e| panic!("tracing {}: {e}", stringify!($t)));
    )*};
}

fn schema() -> Registry {
    let mut tracer = Tracer::new(TracerConfig::default());
    trace!(tracer:
        SeatPlays,
        AwaySeat,
        TradeMode,
        Difficulty,
        BrandType,
        CounterpartKind,
        ConcessionStrategy,
        Activity,
        Competency,
        CriterionKind,
        EffectDef,
        Channel,
        RuleKind,
        DutyRateDef,
        MeasureUnit,
        Relief,
        ContentUnit,
        ExportRefund,
        Valuation,
        Incoterm,
        TradeDirection,
        TransportMode,
        Side,
        IssueDef,
        ValueFnDef,
        PaymentTerm,
        CompetitorPricing,
        ShippingKind,
        ConditionGrade,
        QuestionTopic,
        Cn23Box,
        StatementVerdict,
        ComputedPointDef,
        CostSheetLine,
        CheckDef,
        ScenarioFile,
        RulePackFile
    );
    tracer
        .registry()
        .unwrap_or_else(|e| panic!("incomplete schema trace: {e}"))
}

fn shipment_schema() -> Registry {
    let mut tracer = Tracer::new(TracerConfig::default());
    tracer.trace_simple_type::<Channel>().unwrap_or_else(|e| panic!("{e}"));
    tracer.trace_simple_type::<Incoterm>().unwrap_or_else(|e| panic!("{e}"));
    tracer
        .trace_simple_type::<ContentUnit>()
        .unwrap_or_else(|e| panic!("{e}"));
    tracer
        .trace_simple_type::<ShipmentFile>()
        .unwrap_or_else(|e| panic!("{e}"));
    tracer
        .registry()
        .unwrap_or_else(|e| panic!("incomplete schema trace: {e}"))
}

/// The name of every whole-number field of the scenario, rule-pack and shipment formats (a
/// variant holding a list of numbers, such as `Quantity`, is named by the variant).
pub fn integer_fields() -> std::collections::BTreeSet<String> {
    use serde_reflection::Format;
    fn is_integer(f: &Format) -> bool {
        match f {
            Format::U8
            | Format::U16
            | Format::U32
            | Format::U64
            | Format::I8
            | Format::I16
            | Format::I32
            | Format::I64 => true,
            Format::Seq(inner) | Format::Option(inner) => is_integer(inner),
            _ => false,
        }
    }
    let mut out = std::collections::BTreeSet::new();
    for registry in [schema(), shipment_schema()] {
        for format in registry.values() {
            match format {
                ContainerFormat::Struct(fields) => {
                    out.extend(fields.iter().filter(|f| is_integer(&f.value)).map(|f| f.name.clone()));
                }
                ContainerFormat::Enum(variants) => {
                    for v in variants.values() {
                        match &v.value {
                            VariantFormat::Struct(fields) => {
                                out.extend(fields.iter().filter(|f| is_integer(&f.value)).map(|f| f.name.clone()));
                            }
                            VariantFormat::NewType(inner) if is_integer(inner) => {
                                out.insert(v.name.clone());
                            }
                            _ => {}
                        }
                    }
                }
                _ => {}
            }
        }
    }
    out
}

/// The text of the `### Name` section, up to the next heading of level 1–3.
fn section<'a>(doc: &'a str, name: &str) -> Option<&'a str> {
    let heading = format!("### {name}\n");
    let start = doc.find(&heading)? + heading.len();
    let rest = &doc[start..];
    let end = rest.find("\n### ").or_else(|| rest.find("\n## ")).unwrap_or(rest.len());
    Some(&rest[..end])
}

/// `Type: field` for every field or variant in `registry` missing from its section in `path`.
fn undocumented(path: &str, registry: &Registry, skip: &[&str]) -> Vec<String> {
    let doc = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut missing = Vec::new();
    for (type_name, format) in registry {
        if skip.contains(&type_name.as_str()) {
            continue;
        }
        let Some(text) = section(&doc, type_name) else {
            missing.push(format!("no `### {type_name}` section"));
            continue;
        };
        let mut names = Vec::new();
        match format {
            ContainerFormat::Struct(fields) => names.extend(fields.iter().map(|f| f.name.clone())),
            ContainerFormat::Enum(variants) => {
                for v in variants.values() {
                    names.push(v.name.clone());
                    if let VariantFormat::Struct(fields) = &v.value {
                        names.extend(fields.iter().map(|f| f.name.clone()));
                    }
                }
            }
            _ => {}
        }
        for name in names {
            if !text.contains(&format!("`{name}`")) {
                missing.push(format!("{type_name}: `{name}`"));
            }
        }
    }
    missing
}

#[test]
fn every_schema_field_and_variant_is_documented() {
    let registry = schema();
    assert!(
        registry.len() >= 30,
        "schema trace looks too small: {} types",
        registry.len()
    );
    let missing = undocumented("docs/scenario-format.md", &registry, &[]);
    assert!(
        missing.is_empty(),
        "undocumented in docs/scenario-format.md:\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_shipment_field_is_documented() {
    // Channel, Incoterm and ContentUnit are documented once, in the scenario format.
    let missing = undocumented(
        "docs/landed-cost.md",
        &shipment_schema(),
        &["Channel", "Incoterm", "ContentUnit"],
    );
    assert!(
        missing.is_empty(),
        "undocumented in docs/landed-cost.md:\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_nomenclature_field_is_documented() {
    let mut tracer = Tracer::new(TracerConfig::default());
    tracer
        .trace_simple_type::<tradeport::scenario::nomenclature::NomenclatureFile>()
        .unwrap_or_else(|e| panic!("{e}"));
    let registry = tracer.registry().unwrap_or_else(|e| panic!("{e}"));
    let missing = undocumented("docs/nomenclature.md", &registry, &["Text"]);
    assert!(
        missing.is_empty(),
        "undocumented in docs/nomenclature.md:\n{}",
        missing.join("\n")
    );
}

#[test]
fn the_section_finder_really_finds_gaps() {
    let doc = "### A\n`x`\n### B\n`y`\n";
    assert_eq!(section(doc, "A"), Some("`x`"));
    assert!(section(doc, "C").is_none());
    assert!(!section(doc, "B").unwrap_or_default().contains("`x`"));
}

/// The command vocabulary (saves, replays and the classroom protocol depend on it), traced from
/// the Rust types: every command, its fields and the types inside them are in docs/commands.md.
fn command_schema() -> Registry {
    use tradeport::sim::Command;
    let mut tracer = Tracer::new(TracerConfig::default());
    trace!(tracer:
        ConcessionStrategy,
        Incoterm,
        TransportMode,
        BrandType,
        PaymentTerm,
        ConditionGrade,
        tradeport::sim::c2c::Cn23Category,
        tradeport::sim::c2c::SaleFormat,
        tradeport::sim::c2c::Resolution,
        tradeport::sim::c2c::OfferReply,
        tradeport::sim::c2c::PurchaseStatus,
        tradeport::sim::terms::QuestionTopic,
        tradeport::sim::c2c::BuyerMove,
        tradeport::sim::c2c::ClassmateTrade,
        tradeport::sim::deal::Freight,
        tradeport::sim::deal::CargoClauses,
        Command
    );
    tracer
        .registry()
        .unwrap_or_else(|e| panic!("incomplete command trace: {e}"))
}

#[test]
fn every_command_and_its_fields_are_documented() {
    let registry = command_schema();
    let names: Vec<&String> = registry.keys().collect();
    assert!(registry.len() >= 10, "command trace looks too small: {names:?}");
    // Enums of the scenario format are documented there already.
    let skip = [
        "ConcessionStrategy",
        "Incoterm",
        "TransportMode",
        "BrandType",
        "PaymentTerm",
        "ConditionGrade",
    ];
    let missing = undocumented("docs/commands.md", &registry, &skip);
    assert!(
        missing.is_empty(),
        "undocumented in docs/commands.md:\n{}",
        missing.join("\n")
    );
}

/// The variants of `pub enum NAME` in the Rust source `file`, read from its text (these enums
/// are not serialised, so serde cannot trace them).
fn enum_variants(file: &str, name: &str) -> Vec<String> {
    let text = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{file}: {e}"));
    let start = text
        .find(&format!("pub enum {name} {{"))
        .unwrap_or_else(|| panic!("no `pub enum {name}` in {file}"));
    let mut depth = 0usize;
    let mut variants = Vec::new();
    for line in text[start..].lines() {
        let trimmed = line.trim();
        if depth == 1 && !trimmed.starts_with("///") && !trimmed.starts_with("#[") {
            let word: String = trimmed.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
            if word.starts_with(|c: char| c.is_ascii_uppercase()) {
                variants.push(word);
            }
        }
        depth += line.matches('{').count();
        depth = depth.saturating_sub(line.matches('}').count());
        if depth == 0 && !variants.is_empty() {
            break;
        }
    }
    variants
}

#[test]
fn every_event_account_and_refusal_is_documented() {
    let doc = std::fs::read_to_string("docs/commands.md").unwrap_or_else(|e| panic!("{e}"));
    let events = doc
        .find("\n## Events\n")
        .map(|at| &doc[at..])
        .unwrap_or_else(|| panic!("docs/commands.md has no Events section"));
    let mut missing = Vec::new();
    for (file, name) in [
        ("src/sim/session/event.rs", "Event"),
        ("src/sim/session/event.rs", "Account"),
        ("src/sim/session/event.rs", "RuleError"),
        ("src/sim/negotiation/talks.rs", "TalkEvent"),
        ("src/sim/c2c/shop/mod.rs", "ShopEvent"),
    ] {
        let variants = enum_variants(file, name);
        assert!(variants.len() >= 3, "read the variants of {name}: {variants:?}");
        for v in variants {
            if !events.contains(&format!("`{v}")) {
                missing.push(format!("{name}::{v}"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "not in docs/commands.md's Events section: {missing:?}"
    );
}

#[test]
fn the_enum_reader_finds_every_variant_and_only_variants() {
    let event = enum_variants("src/sim/session/event.rs", "Event");
    assert_eq!(event.first().map(String::as_str), Some("DayStarted"));
    assert!(event.contains(&"Shop".to_string()) && event.contains(&"CostSheetChecked".to_string()));
    assert!(
        !event.iter().any(|v| v == "Date" || v == "MessageId"),
        "field types are not variants: {event:?}"
    );
    assert_eq!(
        enum_variants("src/sim/negotiation/talks.rs", "TalkEvent"),
        ["OfferMade", "Agreed", "WalkedAway"]
    );
}
