//! The scenario file format: reading `*.scenario.ron` and `*.rules.ron`, with diagnostics.
//! Depends on nothing graphical; `sim` turns these raw files into validated types.

pub mod error;
pub mod file;
pub mod load;
pub mod nomenclature;
pub mod pretty;
pub mod shipment;

use std::path::{Path, PathBuf};

use crate::sim::{LoadedRulePacks, RulePack, Scenario};
use error::Diagnostic;
use file::ScenarioFile;

/// File name endings Tradeport recognises.
pub const SCENARIO_SUFFIX: &str = ".scenario.ron";
pub const RULE_PACK_SUFFIX: &str = ".rules.ron";

/// A referenced rule pack as read from wherever the caller reads files.
pub struct RulePackText {
    /// Index into `setup.rule_packs`.
    pub index: usize,
    /// The pack's label in diagnostics (its path).
    pub label: String,
    /// The text, or why it could not be read.
    pub text: Result<String, String>,
}

/// Parses and validates a scenario and the rule packs it references, collecting every problem.
/// `packs` must hold one entry per `setup.rule_packs` item that the caller could locate.
///
/// # Errors
/// Every problem in the scenario and its rule packs.
pub fn assemble(label: &str, file: &ScenarioFile, packs: Vec<RulePackText>) -> Result<Scenario, Vec<Diagnostic>> {
    let mut diagnostics = Vec::new();
    let mut loaded = LoadedRulePacks::default();
    // The content hash covers the scenario and its packs as parsed, in reference order.
    let mut hasher = blake3::Hasher::new();
    hasher.update(ron::to_string(file).unwrap_or_default().as_bytes());
    for pack in packs {
        let Some(reference) = file.setup.rule_packs.get(pack.index) else {
            continue;
        };
        let outcome = match pack.text {
            Err(why) => Err(vec![
                Diagnostic::at_path(
                    label,
                    format!("setup.rule_packs[{}].file", pack.index),
                    format!(
                        "cannot open rule pack `{}` ({why}; looked for {})",
                        reference.file,
                        pack.label.replace('\\', "/")
                    ),
                )
                .with_hint("the path is relative to the scenario file, e.g. \"rules/eu.rules.ron\""),
            ]),
            Ok(text) => load::parse_rule_pack(&pack.label, &text).and_then(|f| {
                hasher.update(b"\0pack\0");
                hasher.update(ron::to_string(&f).unwrap_or_default().as_bytes());
                RulePack::validate(&pack.label, &f)
            }),
        };
        match outcome {
            Ok(valid) if valid.id() != reference.id => {
                diagnostics.push(
                    Diagnostic::at_path(
                        label,
                        format!("setup.rule_packs[{}].id", pack.index),
                        format!(
                            "rule pack `{}` declares id `{}`, but the scenario calls it `{}`",
                            reference.file,
                            valid.id(),
                            reference.id
                        ),
                    )
                    .with_hint(format!(
                        "use `id: \"{}\"` here (and in every market that refers to it)",
                        valid.id()
                    )),
                );
            }
            Ok(valid) => {
                loaded.valid.insert(reference.id.clone(), valid);
            }
            Err(mut d) => {
                diagnostics.append(&mut d);
            }
        }
    }
    match Scenario::validate(label, file, &loaded) {
        Ok(mut scenario) if diagnostics.is_empty() => {
            scenario.set_content_hash(hasher.finalize().to_hex().to_string());
            Ok(scenario)
        }
        Ok(_) => Err(diagnostics),
        Err(mut d) => {
            diagnostics.append(&mut d);
            Err(diagnostics)
        }
    }
}

/// Where a referenced rule pack lives, relative to the scenario's folder.
pub fn rule_pack_path(scenario_path: &Path, reference: &str) -> PathBuf {
    scenario_path.parent().unwrap_or(Path::new(".")).join(reference)
}

/// Reads, parses and validates a scenario file from disk, with its rule packs.
///
/// # Errors
/// Every problem found, in file order where possible.
pub fn load_scenario_file(path: &Path) -> Result<Scenario, Vec<Diagnostic>> {
    let label = path.display().to_string();
    let text = load::read_text(path, &label).map_err(|d| vec![d])?;
    let file = load::parse_scenario(&label, &text)?;
    let packs = file
        .setup
        .rule_packs
        .iter()
        .enumerate()
        .map(|(index, r)| {
            let pack_path = rule_pack_path(path, &r.file);
            let pack_label = pack_path.display().to_string().replace('\\', "/");
            let text = load::read_text(&pack_path, &pack_label).map_err(|d| d.message);
            RulePackText {
                index,
                label: pack_label,
                text,
            }
        })
        .collect();
    assemble(&label, &file, packs)
}

/// Reads, parses and validates a `*.shipment.ron` file and the rule pack it names.
///
/// # Errors
/// Every problem in the shipment and its rule pack.
pub fn load_shipment_file(path: &Path) -> Result<crate::sim::customs::Shipment, Vec<Diagnostic>> {
    let label = path.display().to_string();
    let text = load::read_text(path, &label).map_err(|d| vec![d])?;
    let file: shipment::ShipmentFile = load::parse_ron(&label, &text).map_err(|d| vec![d])?;
    let pack_path = rule_pack_path(path, &file.rule_pack);
    let pack_label = pack_path.display().to_string();
    let pack_text = load::read_text(&pack_path, &pack_label).map_err(|d| {
        vec![
            Diagnostic::at_path(
                &label,
                "rule_pack",
                format!(
                    "cannot open rule pack `{}` ({}; looked for {pack_label})",
                    file.rule_pack, d.message
                ),
            )
            .with_hint("the path is relative to the shipment file, e.g. \"../scenarios/rules/eu.rules.ron\""),
        ]
    })?;
    let pack_file = load::parse_rule_pack(&pack_label, &pack_text)?;
    let pack = RulePack::validate(&pack_label, &pack_file)?;
    crate::sim::customs::Shipment::validate(&label, &file, pack)
}

/// Reads, parses and validates a rule pack on its own.
///
/// # Errors
/// Every problem found.
pub fn load_rule_pack_file(path: &Path) -> Result<RulePack, Vec<Diagnostic>> {
    let label = path.display().to_string();
    let text = load::read_text(path, &label).map_err(|d| vec![d])?;
    let file = load::parse_rule_pack(&label, &text)?;
    RulePack::validate(&label, &file)
}
