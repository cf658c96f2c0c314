//! The scenario workshop's model, without graphics: a scenario file opened for editing its key
//! numbers and texts in forms (the "knobs"), checked again after every change (problems and
//! warnings as `check` gives them), a quick `simulate`, and saving the result as a new file
//! beside the original. The workshop screen (`ui::workshop`) draws it.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde_json::Value;

use crate::scenario::error::Diagnostic;
use crate::scenario::file::ScenarioFile;
use crate::sim::Scenario;
use crate::sim::players::Player;
use crate::sim::simulate::{Distribution, balance_warnings, criteria, play_runs};

/// What kind of value a knob holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KnobKind {
    /// Free text (a title, a date, an amount written as a string).
    Text,
    /// A whole number.
    Number,
    /// One of these names.
    Choice(Vec<&'static str>),
}

/// One editable value of the scenario.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Knob {
    /// Where it is in the file, as `check` names fields (`setup.products[0].unit_cost.amount`).
    pub field: String,
    /// The section of the form it belongs to (the scenario, rates, products, counterparts, or
    /// one task).
    pub group: String,
    /// What it is, in English (the form's label; the field path is shown beside it).
    pub label: String,
    pub kind: KnobKind,
    /// Its value as the form shows it.
    pub value: String,
}

/// The concession strategies a counterpart may follow (see docs/scenario-format.md).
const STRATEGIES: [&str; 5] = ["Boulware", "Linear", "Conceder", "TitForTat", "HardHeaded"];

/// A scenario file open in the workshop.
#[derive(Debug, Clone)]
pub struct Workbench {
    /// The file it was opened from (rule packs are read beside it).
    pub path: PathBuf,
    pub file: ScenarioFile,
    /// The file's problems as `check` gives them (empty: it is valid).
    pub problems: Vec<Diagnostic>,
    /// Its warnings (worked out only while it has no problems).
    pub warnings: Vec<super::Warning>,
    /// Whether it changed since it was opened or saved.
    pub changed: bool,
}

impl Workbench {
    /// Opens the scenario file at `path`.
    ///
    /// # Errors
    /// The problems that keep it from being read at all (a syntax error: fix it in a text
    /// editor, where the message points).
    pub fn open(path: &Path) -> Result<Self, Vec<Diagnostic>> {
        let label = path.display().to_string();
        let text = crate::scenario::load::read_text(path, &label).map_err(|d| vec![d])?;
        let file = crate::scenario::load::parse_scenario(&label, &text)?;
        let mut bench = Self {
            path: path.to_path_buf(),
            file,
            problems: Vec::new(),
            warnings: Vec::new(),
            changed: false,
        };
        bench.recheck();
        Ok(bench)
    }

    /// The scenario as it stands, if it is valid.
    pub fn scenario(&self) -> Option<Arc<Scenario>> {
        crate::scenario::assemble_at(&self.path, &self.file).ok().map(Arc::new)
    }

    /// Checks the file again: its problems, and when it has none its warnings.
    pub fn recheck(&mut self) {
        match crate::scenario::assemble_at(&self.path, &self.file) {
            Ok(scenario) => {
                self.problems.clear();
                self.warnings = super::warnings(&Arc::new(scenario), None);
            }
            Err(problems) => {
                self.problems = problems;
                self.warnings.clear();
            }
        }
    }

    /// Every knob of the file: dates and length, rates, products' costs, counterparts'
    /// strategies and reservation values, negotiation briefs, due days and rubric points.
    pub fn knobs(&self) -> Vec<Knob> {
        let Ok(value) = serde_json::to_value(&self.file) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut add = |field: String, group: &str, label: String, kind: KnobKind| {
            if let Some(leaf) = value.pointer(&pointer_of(&field)) {
                let shown = match leaf {
                    Value::String(s) => s.clone(),
                    Value::Number(n) => n.to_string(),
                    _ => return,
                };
                out.push(Knob {
                    field,
                    group: group.to_string(),
                    label,
                    kind,
                    value: shown,
                });
            }
        };
        add(
            "meta.title.en".into(),
            "Scenario",
            "Title (English)".into(),
            KnobKind::Text,
        );
        add(
            "meta.title.zh".into(),
            "Scenario",
            "Title (Chinese)".into(),
            KnobKind::Text,
        );
        add(
            "setup.start_date".into(),
            "Scenario",
            "First day (YYYY-MM-DD)".into(),
            KnobKind::Text,
        );
        add("setup.length_days".into(), "Scenario", "Days".into(), KnobKind::Number);
        add("setup.seed".into(), "Scenario", "Seed".into(), KnobKind::Number);
        for (i, rate) in self.file.setup.exchange_rates.iter().enumerate() {
            add(
                format!("setup.exchange_rates[{i}].rate"),
                "Rates",
                format!("{} per 1 {}", self.file.setup.home_currency, rate.currency),
                KnobKind::Text,
            );
        }
        for (i, p) in self.file.setup.products.iter().enumerate() {
            add(
                format!("setup.products[{i}].unit_cost.amount"),
                "Products",
                format!("{} unit cost ({})", p.sku, p.unit_cost.currency),
                KnobKind::Text,
            );
        }
        for (i, c) in self.file.setup.counterparts.iter().enumerate() {
            add(
                format!("setup.counterparts[{i}].personality.strategy"),
                "Counterparts",
                format!("{}: strategy", c.name),
                KnobKind::Choice(STRATEGIES.to_vec()),
            );
            add(
                format!("setup.counterparts[{i}].personality.reservation"),
                "Counterparts",
                format!("{}: walk-away (share of list price)", c.name),
                KnobKind::Text,
            );
            add(
                format!("setup.counterparts[{i}].personality.patience_rounds"),
                "Counterparts",
                format!("{}: patience (rounds)", c.name),
                KnobKind::Number,
            );
        }
        for (t, task) in self.file.setup.tasks.iter().enumerate() {
            let group = format!("Task `{}`: {}", task.id, task.title.en);
            add(
                format!("setup.tasks[{t}].due_day"),
                &group,
                "Due day".into(),
                KnobKind::Number,
            );
            for side in ["seller", "buyer"] {
                add(
                    format!("setup.tasks[{t}].negotiation.{side}.reservation"),
                    &group,
                    format!("The {side}'s walk-away value (0 to 1)"),
                    KnobKind::Text,
                );
            }
            add(
                format!("setup.tasks[{t}].negotiation.deadline_rounds"),
                &group,
                "Rounds before the deadline".into(),
                KnobKind::Number,
            );
            for (c, criterion) in task.rubric.iter().enumerate() {
                add(
                    format!("setup.tasks[{t}].rubric[{c}].points"),
                    &group,
                    format!("Points: {}", criterion.description.en),
                    KnobKind::Number,
                );
            }
        }
        add(
            "setup.rubric_total".into(),
            "Rubric",
            "Rubric total (the criteria's points add up to it)".into(),
            KnobKind::Number,
        );
        out
    }

    /// Sets the knob at `field` to `value` and checks the file again.
    ///
    /// # Errors
    /// Why the value cannot go there (not a whole number, not one of the choices); the file
    /// is then unchanged.
    pub fn set(&mut self, field: &str, value: &str) -> Result<(), String> {
        let Some(knob) = self.knobs().into_iter().find(|k| k.field == field) else {
            return Err(format!("`{field}` is not a field the workshop edits"));
        };
        let new = match &knob.kind {
            KnobKind::Number => value
                .trim()
                .parse::<u64>()
                .map(Value::from)
                .map_err(|_| format!("{}: a whole number, e.g. 20", knob.label))?,
            KnobKind::Choice(names) => {
                if !names.contains(&value) {
                    return Err(format!("{}: one of {}", knob.label, names.join(", ")));
                }
                Value::String(value.to_string())
            }
            KnobKind::Text => {
                if value.chars().count() > crate::scenario::limits::MAX_TEXT_CHARS {
                    return Err(format!("{}: too long", knob.label));
                }
                Value::String(value.to_string())
            }
        };
        let mut whole = serde_json::to_value(&self.file).map_err(|e| e.to_string())?;
        let Some(leaf) = whole.pointer_mut(&pointer_of(field)) else {
            return Err(format!("`{field}` is not in this scenario"));
        };
        *leaf = new;
        self.file = serde_json::from_value(whole).map_err(|e| format!("{}: {e}", knob.label))?;
        self.changed = true;
        self.recheck();
        Ok(())
    }

    /// A quick `simulate`: `runs` runs of each player from the scenario's seed on `threads`
    /// threads; `None` while the scenario has problems.
    pub fn quick_simulate(&self, runs: u32, threads: usize) -> Option<QuickSimulation> {
        let scenario = self.scenario()?;
        let criteria = criteria(&scenario);
        let players: Vec<(Player, Distribution)> = Player::ALL
            .iter()
            .map(|p| {
                let played = play_runs(&scenario, *p, runs, scenario.seed(), threads, &|_| {});
                (*p, Distribution::of(&played.runs, &criteria))
            })
            .collect();
        let warnings = balance_warnings(&players, &criteria, runs);
        Some(QuickSimulation {
            runs,
            players,
            warnings,
        })
    }

    /// Saves the scenario as a new file `name` (`ID.scenario.ron`) beside the original: its id
    /// becomes the file's (and its title, if unchanged, says the id), and it never overwrites
    /// a file. The original's comments are not
    /// carried over (the new file says so at its top).
    ///
    /// # Errors
    /// Why it was not saved (a bad name, an existing file, the scenario's problems, I/O).
    pub fn save_as(&mut self, name: &str) -> Result<PathBuf, String> {
        let id = crate::scenario::scaffold::id_from_file_name(name.trim())?;
        let mut file = self.file.clone();
        // Two files of one title look the same in the menu: a copy whose title was left as
        // it was names its id after the title.
        let opened = crate::scenario::load::read_text(&self.path, "")
            .ok()
            .and_then(|t| crate::scenario::load::parse_scenario("", &t).ok())
            .map(|f| f.meta.title);
        if opened.as_ref() == Some(&file.meta.title) {
            file.meta.title.en = format!("{} ({id})", file.meta.title.en);
            if !file.meta.title.zh.is_empty() {
                file.meta.title.zh = format!("{}（{id}）", file.meta.title.zh);
            }
        }
        file.meta.id = id;
        let target = self.path.parent().unwrap_or(Path::new(".")).join(name.trim());
        crate::scenario::assemble_at(&target, &file).map_err(|problems| {
            format!(
                "the scenario has {} problem(s); fix them first (the first: {})",
                problems.len(),
                problems.first().map(ToString::to_string).unwrap_or_default()
            )
        })?;
        let original = self
            .path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().to_string());
        let text = format!(
            "// Written by Tradeport's scenario workshop from {original}.\n\
             // The original's comments are not carried over: read them in {original}.\n{}\n",
            to_ron(&file)
        );
        let mut out = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&target)
            .map_err(|e| match e.kind() {
                std::io::ErrorKind::AlreadyExists => format!("{} exists: choose another name", name.trim()),
                _ => e.to_string(),
            })?;
        std::io::Write::write_all(&mut out, text.as_bytes())
            .and_then(|()| out.sync_all())
            .map_err(|e| e.to_string())?;
        self.changed = false;
        Ok(target)
    }
}

/// A quick simulation's result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuickSimulation {
    pub runs: u32,
    pub players: Vec<(Player, Distribution)>,
    pub warnings: Vec<String>,
}

/// The scenario as RON text, nested structures on their own lines.
pub fn to_ron(file: &ScenarioFile) -> String {
    let config = ron::ser::PrettyConfig::new()
        .depth_limit(6)
        .struct_names(false)
        .separate_tuple_members(false);
    ron::ser::to_string_pretty(file, config).unwrap_or_default()
}

/// `setup.tasks[1].negotiation` as a JSON pointer (`/setup/tasks/1/negotiation`).
fn pointer_of(field: &str) -> String {
    field
        .split('.')
        .flat_map(|part| part.split('['))
        .map(|p| format!("/{}", p.trim_end_matches(']')))
        .collect()
}
