//! Command-line interface: `tradeport [play|check|list]`. Headless commands never open a window.

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::catalog::{self, FileKind};
use crate::scenario::error::render_plain;
use crate::scenario::{self, load, pretty};

/// How `check` prints diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckStyle {
    /// Source snippets with ANSI colours (a terminal).
    Color,
    /// Source snippets without colours.
    Snippet,
    /// One stable plain block per problem.
    Plain,
}

#[derive(Debug, Parser)]
#[command(
    name = "tradeport",
    version,
    about = "Tradeport: practise cross-border e-commerce — B2B deals, B2C stores, C2C selling and customs"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<CliCommand>,
}

#[derive(Debug, Subcommand)]
pub enum CliCommand {
    /// Open the game, optionally straight into a scenario (a file path or a bundled id).
    Play(PlayArgs),
    /// Validate scenario and rule-pack files or folders; exits 1 on any error.
    Check {
        /// Files or folders (searched for *.scenario.ron and *.rules.ron).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Plain output without source snippets: `file:line:col: error: message`, then `at:` and
        /// `hint:` lines; verdict lines start with `#`. Stable, for scripts and golden files.
        #[arg(long)]
        plain: bool,
    },
    /// List the bundled scenarios.
    List,
}

#[derive(Debug, Clone, Default, clap::Args)]
pub struct PlayArgs {
    /// Scenario file or bundled scenario id.
    pub scenario: Option<String>,
    /// Open this screen directly (see `--screen list`).
    #[arg(long)]
    pub screen: Option<String>,
    /// Save a screenshot of the screen once it has rendered, then exit.
    #[arg(long)]
    pub screenshot: Option<PathBuf>,
    /// Seed for the session's random events (default: the scenario's seed).
    #[arg(long)]
    pub seed: Option<u64>,
}

/// Runs `check`: prints each file's verdict and diagnostics; returns the number of files with errors.
pub fn check(paths: &[PathBuf], out: &mut dyn std::io::Write, style: CheckStyle) -> std::io::Result<usize> {
    let mark = if style == CheckStyle::Plain { "# " } else { "" };
    let files = catalog::expand(paths);
    let mut failed = 0;
    if files.is_empty() {
        writeln!(
            out,
            "{mark}no *.scenario.ron or *.rules.ron files found in the given paths"
        )?;
        return Ok(1);
    }
    for path in &files {
        let result = match catalog::kind_of(path) {
            Some(FileKind::RulePack) => scenario::load_rule_pack_file(path)
                .map(|p| format!("rule pack `{}`, {} rules", p.id(), p.rules().len())),
            _ => scenario::load_scenario_file(path)
                .map(|s| format!("scenario `{}` — {}", s.meta().id, s.meta().title.en)),
        };
        match result {
            Ok(summary) => writeln!(out, "{mark}ok    {}  ({summary})", path.display())?,
            Err(diagnostics) => {
                failed += 1;
                writeln!(
                    out,
                    "{mark}error {}  ({} problem{})",
                    path.display(),
                    diagnostics.len(),
                    if diagnostics.len() == 1 { "" } else { "s" }
                )?;
                if style == CheckStyle::Plain {
                    write!(out, "{}", render_plain(&diagnostics))?;
                    continue;
                }
                for d in &diagnostics {
                    let source = load::read_text(std::path::Path::new(&d.file), &d.file).ok();
                    writeln!(
                        out,
                        "{}",
                        pretty::render(d, source.as_deref(), style == CheckStyle::Color)
                    )?;
                }
            }
        }
    }
    writeln!(
        out,
        "{mark}{} file{} checked, {failed} with errors",
        files.len(),
        if files.len() == 1 { "" } else { "s" }
    )?;
    Ok(failed)
}

/// Runs `list`.
pub fn list(out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let dir = catalog::bundled_dir();
    writeln!(out, "Bundled scenarios in {}:", dir.display())?;
    for entry in catalog::load_dir(&dir) {
        let name = entry
            .path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        match entry.outcome {
            Ok(s) => {
                let m = s.meta();
                writeln!(
                    out,
                    "  {:<24} {:?}  {:<12} {:>3} min  {} / {}",
                    m.id,
                    m.mode,
                    format!("{:?}", m.difficulty),
                    m.estimated_minutes,
                    m.title.en,
                    m.title.zh
                )?;
            }
            Err(d) => writeln!(
                out,
                "  {name:<24} BROKEN: {} problem(s), run `tradeport check {}`",
                d.len(),
                entry.path.display()
            )?,
        }
    }
    Ok(())
}

/// Whether stdout is a terminal (for colours).
pub fn stdout_is_terminal() -> bool {
    std::io::stdout().is_terminal()
}
