//! Diagnostics: one problem in a scenario or rule-pack file, with where and how to fix it.

use std::fmt;

use crate::i18n::Catalogue;
use crate::sim::said::Said;

/// Where in the file a problem is.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    pub line: usize,
    pub col: usize,
}

/// One problem found while loading or validating a file. Problems are collected, never
/// thrown one at a time, so an instructor can fix a file in one go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file as the user named it (or as a scenario referenced it).
    pub file: String,
    /// Line and column for syntax and shape errors; `None` for semantic ones.
    pub at: Option<LineCol>,
    /// Field path such as `setup.products[2].hs_code` (empty when the whole file is at fault).
    pub path: String,
    /// The message in English (golden files, logs); see `said` for other languages.
    pub message: String,
    pub hint: Option<String>,
    /// The message and hint as catalogue sentences with their facts, put into the reader's
    /// language by [`Diagnostic::localized`] (boxed: a diagnostic travels in `Result`s).
    pub said: Option<Box<Sentences>>,
}

/// A diagnostic's message and hint as catalogue sentences.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Sentences {
    /// `None` only for text no catalogue has (none of Tradeport's own).
    pub message: Option<Said>,
    pub hint: Option<Said>,
}

impl Diagnostic {
    /// A semantic problem at a field path.
    pub fn at_path(file: &str, path: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            file: file.to_string(),
            at: None,
            path: path.into(),
            message: message.into(),
            hint: None,
            said: None,
        }
    }

    /// A problem at a field path, said as a catalogue sentence (its English is the message).
    pub fn say(file: &str, path: impl Into<String>, said: Said) -> Self {
        Self::at_path(file, path, String::new()).with_message_said(said)
    }

    #[must_use]
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        if let Some(said) = &mut self.said {
            said.hint = None;
        }
        self
    }

    /// The same problem with the hint `said` (its English is the hint).
    #[must_use]
    pub fn with_hint_said(mut self, said: Said) -> Self {
        self.hint = Some(crate::i18n::english().say(&said));
        self.said.get_or_insert_default().hint = Some(said);
        self
    }

    /// The message replaced by `said` (its English is the message).
    #[must_use]
    pub fn with_message_said(mut self, said: Said) -> Self {
        self.message = crate::i18n::english().say(&said);
        self.said.get_or_insert_default().message = Some(said);
        self
    }

    /// The same problem with its message and hint in `cat`'s language, where they are
    /// catalogue sentences (English text no catalogue has stays as it is).
    #[must_use]
    pub fn localized(&self, cat: &Catalogue) -> Self {
        let mut d = self.clone();
        if let Some(said) = self.said.as_ref().and_then(|s| s.message.as_ref()) {
            d.message = cat.say(said);
        }
        if let Some(said) = self.said.as_ref().and_then(|s| s.hint.as_ref()) {
            d.hint = Some(cat.say(said));
        }
        d
    }

    /// The same diagnostic with every text cut to [`MAX_MESSAGE_CHARS`] characters and control
    /// characters made visible: what a file says is quoted in messages, and a file can hold
    /// a 70,000-character id or a terminal escape.
    #[must_use]
    pub fn clipped(&self) -> Self {
        Self {
            file: crate::escape::printable(&self.file, MAX_MESSAGE_CHARS),
            at: self.at.clone(),
            path: crate::escape::printable(&self.path, MAX_MESSAGE_CHARS),
            message: crate::escape::printable(&self.message, MAX_MESSAGE_CHARS),
            hint: self
                .hint
                .as_ref()
                .map(|h| crate::escape::printable(h, MAX_MESSAGE_CHARS)),
            said: self.said.clone(),
        }
    }

    /// `file:line:col` or just `file`.
    pub fn location(&self) -> String {
        match &self.at {
            Some(at) => format!("{}:{}:{}", self.file, at.line, at.col),
            None => self.file.clone(),
        }
    }
}

/// Longest message, hint, path or file label shown (longer ones end in `…`).
pub const MAX_MESSAGE_CHARS: usize = 600;

impl fmt::Display for Diagnostic {
    /// The plain form used in golden files, the GUI and non-terminal output:
    /// `file:line:col: error: message` / `  at: path` / `  hint: hint`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let clipped = self.clipped();
        let this = &clipped;
        write!(f, "{}: error: {}", this.location(), this.message)?;
        if !this.path.is_empty() {
            write!(f, "\n  at: {}", this.path)?;
        }
        if let Some(hint) = &this.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

/// Renders many diagnostics in the plain form, one block each.
pub fn render_plain(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        out.push_str(&d.to_string());
        out.push('\n');
    }
    out
}

/// Renders many diagnostics in the plain form in `cat`'s language (English: as
/// [`render_plain`]); the field path stays as the file writes it.
pub fn render_plain_in(diagnostics: &[Diagnostic], cat: &Catalogue) -> String {
    if cat.language() == crate::i18n::Language::English {
        return render_plain(diagnostics);
    }
    let mut out = String::new();
    for d in diagnostics {
        let this = d.localized(cat).clipped();
        out.push_str(&cat.tr_args(
            "diagnostic-error",
            &[
                ("where", this.location().into()),
                ("message", this.message.clone().into()),
            ],
        ));
        if !this.path.is_empty() {
            out.push_str("\n  ");
            out.push_str(&cat.tr_args("diagnostic-at", &[("path", this.path.clone().into())]));
        }
        if let Some(hint) = &this.hint {
            out.push_str("\n  ");
            out.push_str(&cat.tr_args("diagnostic-hint", &[("hint", hint.clone().into())]));
        }
        out.push('\n');
    }
    out
}

/// The closest candidate to `found` by edit distance, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(found: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    closest(found, candidates).into_iter().next()
}

/// All candidates tied for closest to `found`, if close enough to be likely typos.
pub fn closest<'a>(found: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let found_lower = found.to_lowercase();
    let scored: Vec<(usize, &str)> = candidates
        .into_iter()
        .map(|c| (edit_distance(&found_lower, &c.to_lowercase()), c))
        .filter(|(d, c)| *d <= (c.chars().count().max(3) / 3).max(1) + 1)
        .collect();
    let Some(best) = scored.iter().map(|(d, _)| *d).min() else {
        return Vec::new();
    };
    scored.into_iter().filter(|(d, _)| *d == best).map(|(_, c)| c).collect()
}

/// "did you mean `a`?" or "did you mean `a` or `b`?", if anything is close.
pub fn suggestion<'a>(found: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let close = closest(found, candidates);
    if close.is_empty() {
        return None;
    }
    let names: Vec<String> = close.iter().map(|c| format!("`{c}`")).collect();
    Some(format!("did you mean {}?", names.join(" or ")))
}

/// "did you mean `a`?" (or "`a` or `b`"), if anything is close, as a catalogue sentence.
pub fn suggestion_said<'a>(found: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<Said> {
    let close = closest(found, candidates);
    if close.is_empty() {
        return None;
    }
    let names: Vec<String> = close.iter().map(|c| format!("`{c}`")).collect();
    let names = crate::sim::terms::Text {
        en: names.join(" or "),
        zh: names.join(" 或 "),
    };
    Some(Said::new("check-did-you-mean").with("names", crate::sim::said::Fact::Written(names)))
}

/// Levenshtein distance over chars.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        assert_eq!(did_you_mean("hs_cod", ["sku", "hs_code", "name"]), Some("hs_code"));
        assert_eq!(did_you_mean("colour", ["sku", "hs_code"]), None);
        assert_eq!(did_you_mean("b2x", ["B2B", "B2C", "C2C"]), Some("B2B"));
        assert_eq!(
            suggestion("B2X", ["B2B", "B2C", "C2C"]).as_deref(),
            Some("did you mean `B2B` or `B2C`?")
        );
    }

    #[test]
    fn display_has_location_path_and_hint() {
        let d = Diagnostic::at_path("a.ron", "setup.seed", "bad").with_hint("fix it");
        assert_eq!(d.to_string(), "a.ron: error: bad\n  at: setup.seed\n  hint: fix it");
    }
}
