//! The scenario as the host sends it to a company's seat, so that a teacher's own file need
//! not be on the students' PCs: the scenario text with the other side's private brief taken
//! out, its rule packs and its nomenclature. The student's PC validates it like any file it
//! reads (bounded sizes, every rule) and plays its table from it move by move.
//!
//! Taken out, at a table with a counterparts' seat (another student or the class's AI):
//! each negotiation's other-side preferences (weights, values, walk-away value) and the
//! concession strategy of the counterpart it names. Neither changes how a hotseat session
//! evolves: they drive only the AI and the debrief's joint-gain analysis, which the host
//! computes on the real file.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::scenario::error::Diagnostic;
use crate::scenario::file::{ConcessionStrategy, PreferencesDef, ScenarioFile, ValueFnDef};
use crate::scenario::{NomenclatureText, RulePackText, assemble, load, read_nomenclature, read_rule_pack};
use crate::sim::Scenario;
use crate::sim::said::Said;

/// Most rule packs a package may carry.
pub const MAX_PACKS: usize = 16;

/// A scenario ready to send.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScenarioPackage {
    /// The scenario as RON text.
    pub scenario: String,
    /// Each rule pack the scenario references: (its index in `setup.rule_packs`, label, text).
    pub packs: Vec<(usize, String, String)>,
    /// The scenario's own nomenclature, when it names one.
    pub nomenclature: Option<String>,
}

/// Packs the scenario at `path` for a company's seat; `redact`: the table has a counterparts'
/// seat, so the counterparts' private brief is taken out.
///
/// # Errors
/// The file's problems, as when the host loaded it.
pub fn package(path: &Path, redact: bool) -> Result<ScenarioPackage, Vec<Diagnostic>> {
    let label = path.display().to_string();
    let text = load::read_text(path, &label).map_err(|d| vec![d])?;
    let mut file = load::parse_scenario(&label, &text)?;
    let mut packs = Vec::new();
    for (index, reference) in file.setup.rule_packs.iter().enumerate() {
        let (pack_label, pack_text) = read_rule_pack(path, &reference.id, &reference.file);
        let pack_text = pack_text.map_err(|why| vec![Diagnostic::say(&label, "setup.rule_packs", why)])?;
        // Only the file's name goes out: the host's folders are nobody's business.
        let name = Path::new(&pack_label)
            .file_name()
            .map_or_else(|| reference.id.clone(), |n| n.to_string_lossy().to_string());
        packs.push((index, name, pack_text));
    }
    let nomenclature = match read_nomenclature(path, &file) {
        None => None,
        Some(n) => Some(
            n.text
                .map_err(|why| vec![Diagnostic::say(&label, "setup.nomenclature", why)])?,
        ),
    };
    if redact {
        redact_counterparts(&mut file);
    }
    Ok(ScenarioPackage {
        scenario: ron::ser::to_string_pretty(&file, ron::ser::PrettyConfig::default()).unwrap_or_default(),
        packs,
        nomenclature,
    })
}

/// Takes out what only the counterparts may know (see the module's notes).
pub fn redact_counterparts(file: &mut ScenarioFile) {
    let mut named = Vec::new();
    for task in &mut file.setup.tasks {
        let Some(negotiation) = task.negotiation.as_mut() else {
            continue;
        };
        let theirs = match negotiation.student_side {
            crate::sim::terms::Side::Seller => &mut negotiation.buyer,
            crate::sim::terms::Side::Buyer => &mut negotiation.seller,
        };
        let issues = negotiation.issues.len();
        *theirs = PreferencesDef {
            weights: (0..issues)
                .map(|i| if i == 0 { "100%" } else { "0%" }.to_string())
                .collect(),
            values: (0..issues).map(|_| ValueFnDef::Increasing).collect(),
            reservation: "0".to_string(),
        };
        named.extend(task.counterpart.clone());
    }
    for counterpart in &mut file.setup.counterparts {
        if named.contains(&counterpart.id) {
            counterpart.personality.strategy = ConcessionStrategy::Linear;
            counterpart.personality.concession_exponent = "1".to_string();
        }
    }
}

/// The scenario a student's PC received, read and validated like a file on disk.
///
/// # Errors
/// Every problem found, or a package over the size limits.
pub fn unpack(package: &ScenarioPackage) -> Result<Scenario, Vec<Diagnostic>> {
    let label = "scenario from the host";
    let too_big = |what: &str| vec![Diagnostic::say(label, what, Said::new("check-file-package-too-large"))];
    let limit = load::MAX_FILE_BYTES as usize;
    if package.scenario.len() > limit {
        return Err(too_big("scenario"));
    }
    if package.packs.len() > MAX_PACKS || package.packs.iter().any(|(_, l, t)| t.len() > limit || l.len() > 200) {
        return Err(too_big("packs"));
    }
    if package.nomenclature.as_ref().is_some_and(|n| n.len() > limit) {
        return Err(too_big("nomenclature"));
    }
    let file = load::parse_scenario(label, &package.scenario)?;
    let packs = package
        .packs
        .iter()
        .map(|(index, pack_label, text)| RulePackText {
            index: *index,
            label: crate::escape::printable(pack_label, 80),
            text: Ok(text.clone()),
        })
        .collect();
    let nomenclature = package.nomenclature.as_ref().map(|text| NomenclatureText {
        label: "nomenclature from the host".to_string(),
        text: Ok(text.clone()),
    });
    assemble(label, &file, packs, nomenclature)
}
