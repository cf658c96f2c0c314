//! The scenario file format: reading `*.scenario.ron` and `*.rules.ron`, with diagnostics.
//! Depends on nothing graphical; `sim` turns these raw files into validated types.

pub mod error;
pub mod file;
pub mod limits;
pub mod load;
pub mod nomenclature;
pub mod pretty;
pub mod scaffold;
pub mod shipment;
pub mod variant;

use std::path::{Path, PathBuf};

use crate::i18n::Catalogue;
use crate::sim::said::{Fact, Said};
use crate::sim::terms::Text;
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
    pub text: Result<String, Said>,
}

/// A scenario's own nomenclature file, as read for [`assemble`].
pub struct NomenclatureText {
    /// Its label in diagnostics (its path).
    pub label: String,
    /// The text, or why it could not be read.
    pub text: Result<String, Said>,
}

/// A sentence put into words in each language, as the fact of another sentence that quotes
/// it (the reason in "cannot open rule pack `x` (file not found)", a problem in a variant).
pub fn worded(said: &Said) -> Fact {
    Fact::Written(Text {
        en: crate::i18n::english().say(said),
        zh: chinese().say(said),
    })
}

/// A diagnostic's message as the fact of another sentence: in each language when it is a
/// catalogue sentence, else as written.
pub fn worded_message(d: &Diagnostic) -> Fact {
    match d.said.as_ref().and_then(|s| s.message.as_ref()) {
        Some(said) => worded(said),
        None => Fact::Text(d.message.clone()),
    }
}

/// The Chinese catalogue, made once (as [`crate::i18n::english`]).
pub(crate) fn chinese() -> &'static Catalogue {
    static CHINESE: std::sync::OnceLock<Catalogue> = std::sync::OnceLock::new();
    CHINESE.get_or_init(|| Catalogue::new(crate::i18n::Language::Chinese))
}

/// Parses and validates a scenario and the rule packs it references, collecting every problem.
/// `packs` must hold one entry per `setup.rule_packs` item that the caller could locate.
///
/// # Errors
/// Every problem in the scenario and its rule packs.
pub fn assemble(
    label: &str,
    file: &ScenarioFile,
    packs: Vec<RulePackText>,
    nomenclature: Option<NomenclatureText>,
) -> Result<Scenario, Vec<Diagnostic>> {
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
            Err(why) => {
                let named = if reference.file.is_empty() {
                    &reference.id
                } else {
                    &reference.file
                };
                Err(vec![
                    Diagnostic::say(
                        label,
                        format!("setup.rule_packs[{}].file", pack.index),
                        Said::new("check-file-pack-unreadable")
                            .with("pack", named.as_str())
                            .with("why", worded(&why)),
                    )
                    .with_hint_said(Said::new("check-file-pack-where-hint")),
                ])
            }
            Ok(text) => load::parse_rule_pack(&pack.label, &text).and_then(|f| {
                hasher.update(b"\0pack\0");
                hasher.update(ron::to_string(&f).unwrap_or_default().as_bytes());
                validate_rule_pack(&pack.label, &f)
            }),
        };
        match outcome {
            Ok(valid) if valid.id() != reference.id => {
                diagnostics.push(
                    Diagnostic::say(
                        label,
                        format!("setup.rule_packs[{}].id", pack.index),
                        Said::new("check-file-pack-id-mismatch")
                            .with("file", reference.file.as_str())
                            .with("declared", valid.id())
                            .with("called", reference.id.as_str()),
                    )
                    .with_hint_said(Said::new("check-file-pack-id-hint").with("declared", valid.id())),
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
    // The scenario folder's own nomenclature, when it names one: hashed after the packs, so a
    // scenario without one keeps its hash.
    let mut own_nomenclature = None;
    match (file.setup.nomenclature.is_empty(), nomenclature) {
        (true, _) => {}
        (false, None) => diagnostics.push(
            Diagnostic::say(
                label,
                "setup.nomenclature",
                Said::new("check-file-nomenclature-not-read"),
            )
            .with_hint_said(Said::new("check-file-nomenclature-not-read-hint")),
        ),
        (false, Some(n)) => match n.text {
            Err(why) => diagnostics.push(
                Diagnostic::say(
                    label,
                    "setup.nomenclature",
                    Said::new("check-file-nomenclature-unreadable")
                        .with("file", crate::escape::printable(&file.setup.nomenclature, 80))
                        .with("why", worded(&why)),
                )
                .with_hint_said(Said::new("check-file-nomenclature-hint")),
            ),
            Ok(text) => match load::parse_ron::<nomenclature::NomenclatureFile>(&n.label, &text) {
                Err(d) => diagnostics.push(d),
                Ok(parsed) => {
                    hasher.update(b"\0nomenclature\0");
                    hasher.update(ron::to_string(&parsed).unwrap_or_default().as_bytes());
                    match crate::sim::customs::hs::Nomenclature::validate(&n.label, parsed) {
                        Ok(valid) => own_nomenclature = Some(valid),
                        Err(mut d) => diagnostics.append(&mut d),
                    }
                }
            },
        },
    }
    match limits::validate_within(label, file, || Scenario::validate(label, file, &loaded)) {
        Ok(mut scenario) if diagnostics.is_empty() => {
            scenario.set_content_hash(hasher.finalize().to_hex().to_string());
            if let Some(own) = own_nomenclature {
                scenario.set_nomenclature(own);
            }
            Ok(scenario)
        }
        Ok(_) => Err(diagnostics),
        Err(mut d) => {
            diagnostics.append(&mut d);
            Err(diagnostics)
        }
    }
}

/// The bundled `scenarios/` folder: `$TRADEPORT_SCENARIOS`, next to the executable (or two
/// levels up, for `target/debug`), the source tree it was built from, or `./scenarios`.
pub fn bundled_dir() -> PathBuf {
    installed_dir().unwrap_or_else(|| PathBuf::from("scenarios"))
}

/// The bundled `scenarios/` folder as [`bundled_dir`] finds it, but never the current
/// folder's `scenarios/`: what `verify` trusts. A student's submission unpacked in the
/// current folder may hold a `scenarios/` of its own.
pub fn installed_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("TRADEPORT_SCENARIOS") {
        return Some(PathBuf::from(dir));
    }
    let mut candidates = Vec::new();
    if let Ok(exe) = std::env::current_exe()
        && let Some(exe_dir) = exe.parent()
    {
        candidates.push(exe_dir.join("scenarios"));
        candidates.extend(exe_dir.ancestors().skip(1).take(3).map(|a| a.join("scenarios")));
    }
    candidates.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios"));
    candidates.into_iter().find(|c| c.is_dir())
}

/// Longest rule-pack id a file may name (ids are short names such as `cn-export`).
pub const MAX_ID_CHARS: usize = 64;

/// Whether `id` is a well-formed id: 1 to [`MAX_ID_CHARS`] lowercase letters, digits and `-`.
pub fn is_plain_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_CHARS
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Where a rule pack named by a scenario (or shipment) file is read from: a bundled pack by
/// its id when `file` is empty or itself a plain id, otherwise a file *inside the referring
/// file's folder* (relative, no `..`, not through a link that leaves the folder). A file can
/// never make the game read anything else.
///
/// # Errors
/// A sentence saying why the reference is refused or where it was looked for.
pub fn locate_rule_pack(referrer: &Path, id: &str, file: &str) -> Result<PathBuf, String> {
    locate_rule_pack_said(referrer, id, file).map_err(|why| crate::i18n::english().say(&why))
}

/// [`locate_rule_pack`], saying why as a catalogue sentence.
///
/// # Errors
/// Why the reference is refused.
pub fn locate_rule_pack_said(referrer: &Path, id: &str, file: &str) -> Result<PathBuf, Said> {
    let by_id = if file.is_empty() { id } else { file };
    if is_plain_id(by_id) {
        let path = bundled_dir().join("rules").join(format!("{by_id}{RULE_PACK_SUFFIX}"));
        return if path.is_file() {
            Ok(path)
        } else {
            Err(Said::new("check-file-no-bundled-pack").with("id", by_id))
        };
    }
    let relative = Path::new(file);
    if !is_inside(relative)
        && let Some(bundled) = bundled_pack_at(&folder_of(referrer).join(relative))
    {
        // `../rules/eu.rules.ron` from a scenario beside the bundled ones names a bundled
        // pack: such files (and their content hashes) stay valid.
        return Ok(bundled);
    }
    locate_in_folder_said(referrer, file)
}

/// Whether a relative path stays below its folder (only plain names and `.`).
fn is_inside(relative: &Path) -> bool {
    relative
        .components()
        .all(|c| matches!(c, std::path::Component::Normal(_) | std::path::Component::CurDir))
}

/// The folder `referrer` is in (`.` for a bare file name).
fn folder_of(referrer: &Path) -> &Path {
    match referrer.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    }
}

/// The file `file` names relative to `referrer`'s folder, if it stays inside that folder (no
/// `..`, no absolute path, no link leading out).
///
/// # Errors
/// Why the file is not read.
pub fn locate_in_folder(referrer: &Path, file: &str) -> Result<PathBuf, String> {
    locate_in_folder_said(referrer, file).map_err(|why| crate::i18n::english().say(&why))
}

/// [`locate_in_folder`], saying why as a catalogue sentence.
///
/// # Errors
/// Why the file is not read.
pub fn locate_in_folder_said(referrer: &Path, file: &str) -> Result<PathBuf, Said> {
    let relative = Path::new(file);
    let folder = folder_of(referrer);
    if !is_inside(relative) || file.contains('\\') {
        return Err(Said::new("check-file-outside-folder").with("file", crate::escape::printable(file, 80)));
    }
    let path = folder.join(relative);
    // A link inside the folder must not lead out of it.
    if let (Ok(real_folder), Ok(real_path)) = (std::fs::canonicalize(folder), std::fs::canonicalize(&path))
        && !real_path.starts_with(&real_folder)
    {
        return Err(Said::new("check-file-links-outside").with("file", crate::escape::printable(file, 80)));
    }
    Ok(path)
}

/// `path` if it is a rule pack in the installed bundled `rules/` folder (links resolved).
fn bundled_pack_at(path: &Path) -> Option<PathBuf> {
    let real = std::fs::canonicalize(path).ok()?;
    let rules = std::fs::canonicalize(installed_dir()?.join("rules")).ok()?;
    let name = real.file_name()?.to_string_lossy().to_string();
    (real.parent() == Some(rules.as_path()) && name.ends_with(RULE_PACK_SUFFIX) && real.is_file()).then_some(real)
}

/// Reads a rule pack that `referrer` names, under [`locate_rule_pack`]'s rules; the label for
/// diagnostics and the text (or why there is none).
pub fn read_rule_pack(referrer: &Path, id: &str, file: &str) -> (String, Result<String, Said>) {
    match locate_rule_pack_said(referrer, id, file) {
        Err(why) => (crate::escape::printable(file, 80), Err(why)),
        Ok(path) => {
            let label = path.display().to_string().replace('\\', "/");
            let text = load::read_text(&path, &label).map_err(|d| looked_for(&d, &label));
            (label, text)
        }
    }
}

/// Why a file was not read, and where it was looked for.
fn looked_for(d: &Diagnostic, label: &str) -> Said {
    Said::new("check-file-looked-for")
        .with("why", worded_message(d))
        .with("path", label)
}

/// The text of the nomenclature a scenario names (a file in its folder), or `None` when it
/// names none.
pub fn read_nomenclature(referrer: &Path, file: &ScenarioFile) -> Option<NomenclatureText> {
    let name = &file.setup.nomenclature;
    if name.is_empty() {
        return None;
    }
    Some(match locate_in_folder_said(referrer, name) {
        Err(why) => NomenclatureText {
            label: crate::escape::printable(name, 80),
            text: Err(why),
        },
        Ok(path) => {
            let label = path.display().to_string().replace('\\', "/");
            let text = load::read_text(&path, &label).map_err(|d| looked_for(&d, &label));
            NomenclatureText { label, text }
        }
    })
}

/// Reads, parses and validates a scenario file from disk, with its rule packs.
///
/// # Errors
/// Every problem found, in file order where possible.
pub fn load_scenario_file(path: &Path) -> Result<Scenario, Vec<Diagnostic>> {
    let label = path.display().to_string();
    let text = load::read_text(path, &label).map_err(|d| vec![d])?;
    let file = load::parse_scenario(&label, &text)?;
    assemble_at(path, &file)
}

/// Validates a parsed scenario as if it were the file at `path`: its rule packs are read
/// from that file's folder or the bundled packs (for tools that change a file in memory).
///
/// # Errors
/// Every problem in the scenario and its rule packs.
pub fn assemble_at(path: &Path, file: &ScenarioFile) -> Result<Scenario, Vec<Diagnostic>> {
    let label = path.display().to_string();
    let packs = file
        .setup
        .rule_packs
        .iter()
        .enumerate()
        .map(|(index, r)| {
            let (pack_label, text) = read_rule_pack(path, &r.id, &r.file);
            RulePackText {
                index,
                label: pack_label,
                text,
            }
        })
        .collect();
    let variant_problems = variant::check(&label, path, file);
    match assemble(&label, file, packs, read_nomenclature(path, file)) {
        Ok(scenario) if variant_problems.is_empty() => Ok(scenario),
        Ok(_) => Err(variant_problems),
        Err(mut problems) => {
            problems.extend(variant_problems);
            Err(problems)
        }
    }
}

/// Reads, parses and validates a `*.shipment.ron` file and the rule pack it names.
///
/// # Errors
/// Every problem in the shipment and its rule pack.
pub fn load_shipment_file(path: &Path) -> Result<crate::sim::customs::Shipment, Vec<Diagnostic>> {
    let label = path.display().to_string();
    let text = load::read_text(path, &label).map_err(|d| vec![d])?;
    shipment_from_text(path, &text)
}

/// Parses and validates shipment text as if it were the file at `path` (its rule pack is
/// looked up from there).
///
/// # Errors
/// Every problem in the shipment and its rule pack.
pub fn shipment_from_text(path: &Path, text: &str) -> Result<crate::sim::customs::Shipment, Vec<Diagnostic>> {
    let label = path.display().to_string();
    let file: shipment::ShipmentFile = load::parse_ron(&label, text).map_err(|d| vec![d])?;
    let (pack_label, pack_text) = read_rule_pack(path, "", &file.rule_pack);
    let pack_text = pack_text.map_err(|why| {
        vec![
            Diagnostic::say(
                &label,
                "rule_pack",
                Said::new("check-file-pack-unreadable")
                    .with("pack", crate::escape::printable(&file.rule_pack, 80))
                    .with("why", worded(&why)),
            )
            .with_hint_said(Said::new("check-file-shipment-pack-hint")),
        ]
    })?;
    let pack_file = load::parse_rule_pack(&pack_label, &pack_text)?;
    let pack = validate_rule_pack(&pack_label, &pack_file)?;
    limits::validate_within(&label, &file, || {
        crate::sim::customs::Shipment::validate(&label, &file, pack)
    })
}

/// Reads, parses and validates a rule pack on its own.
///
/// # Errors
/// Every problem found.
pub fn load_rule_pack_file(path: &Path) -> Result<RulePack, Vec<Diagnostic>> {
    let label = path.display().to_string();
    let text = load::read_text(path, &label).map_err(|d| vec![d])?;
    let file = load::parse_rule_pack(&label, &text)?;
    validate_rule_pack(&label, &file)
}

/// Validates a parsed rule pack, within the [`limits`].
///
/// # Errors
/// Every problem found.
pub fn validate_rule_pack(label: &str, file: &file::RulePackFile) -> Result<RulePack, Vec<Diagnostic>> {
    limits::validate_within(label, file, || RulePack::validate(label, file))
}
