//! `check` speaks the instructor's language: every diagnostic of every broken fixture is a
//! catalogue sentence, and in Chinese no English sentence is left outside what the file itself
//! writes (quoted ids, field paths, file names); the English output stays the golden files'.

use std::path::{Path, PathBuf};

use tradeport::cli::{CheckStyle, check_in};
use tradeport::i18n::{Catalogue, Language};

use crate::architecture::rust_files;
use crate::said::english_run;

/// `text` without what it quotes from the file or the user: `code`, "strings" and “…” spans.
pub(crate) fn without_quotes(text: &str) -> String {
    let mut out = String::new();
    let mut inside: Option<char> = None;
    for c in text.chars() {
        match inside {
            Some(close) if c == close => inside = None,
            Some(_) => {}
            None if c == '`' || c == '"' => inside = Some(c),
            None if c == '“' => inside = Some('”'),
            None => out.push(c),
        }
    }
    out
}

/// `check --plain --lang zh` of `paths`, line by line with the file's own words taken out:
/// the location before 错误, the field path after 位置, quoted text.
fn chinese_lines(paths: &[PathBuf]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let _ = check_in(paths, &mut out, CheckStyle::Plain, &Catalogue::new(Language::Chinese));
    let text = String::from_utf8_lossy(&out).to_string();
    text.lines()
        .filter(|line| !line.trim_start().starts_with("位置："))
        .map(|line| {
            let said = line.split_once("：错误：").map_or(line, |(_, message)| message);
            // File names are the instructor's own words too.
            let said: Vec<&str> = said
                .split_whitespace()
                .filter(|word| !word.contains('/') && !word.contains(".ron"))
                .collect();
            (line.to_string(), without_quotes(&said.join(" ")))
        })
        .collect()
}

#[test]
fn every_broken_fixture_is_diagnosed_in_chinese() {
    let lines = chinese_lines(&[PathBuf::from("tests/fixtures/bad")]);
    assert!(lines.len() > 200, "only {} lines: is the folder there?", lines.len());
    let english: Vec<String> = lines
        .iter()
        .filter_map(|(line, said)| english_run(said, 3).map(|run| format!("{run:?} in: {line}")))
        .collect();
    assert!(
        english.is_empty(),
        "{} English lines:\n{}",
        english.len(),
        english.join("\n")
    );
}

#[test]
fn the_bundled_folder_is_checked_in_chinese() {
    let lines = chinese_lines(&[PathBuf::from("scenarios")]);
    let last = lines.last().map(|(line, _)| line.clone()).unwrap_or_default();
    assert!(last.contains("检查了 9 个文件，0 个有错"), "{last}");
    for (line, said) in &lines {
        // A scenario's title is its own (bilingual) text: the summary shows its Chinese.
        assert!(english_run(said, 3).is_none(), "{line}");
    }
}

#[test]
fn english_diagnostics_are_unchanged_by_the_catalogue() {
    let mut english = Vec::new();
    let mut plain = Vec::new();
    let folder = [PathBuf::from("tests/fixtures/bad")];
    let _ = check_in(
        &folder,
        &mut english,
        CheckStyle::Plain,
        &Catalogue::new(Language::English),
    );
    let _ = tradeport::cli::check(&folder, &mut plain, CheckStyle::Plain);
    assert_eq!(String::from_utf8_lossy(&english), String::from_utf8_lossy(&plain));
}

/// The English-only ways of making a diagnostic are gone (`Checker::error`, `error_hint`,
/// `Diagnostic::at_path` outside its own file): every problem `check` finds is said with a
/// catalogue key (`Checker::say`, `Diagnostic::say`).
#[test]
fn no_diagnostic_is_written_as_an_english_sentence() {
    let mut files = Vec::new();
    rust_files(Path::new("src"), &mut files);
    let mut found = Vec::new();
    for file in files {
        if file.ends_with("scenario/error.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{e}"));
        // Unit tests may build a diagnostic by hand.
        let text = text.split("#[cfg(test)]").next().unwrap_or_default();
        for pattern in ["fn error(", "fn error_hint(", "Diagnostic::at_path("] {
            for (i, _) in text.match_indices(pattern) {
                let line = text[..i].lines().count();
                found.push(format!("{}:{line}: {pattern}", file.display()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "{} English-only diagnostics:\n{}",
        found.len(),
        found.join("\n")
    );
}
