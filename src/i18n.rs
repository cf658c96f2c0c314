//! The message catalogue: every UI string comes from Fluent files under `assets/i18n/`.
//!
//! The files are compiled in, so the game shows text even when run from an odd folder.
//! A language without a translation of some message falls back to English (en-US).

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// The languages the game offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize)]
pub enum Language {
    #[default]
    English,
    Chinese,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::English, Language::Chinese];

    pub fn tag(self) -> &'static str {
        match self {
            Language::English => "en-US",
            Language::Chinese => "zh-CN",
        }
    }

    /// The language a locale name asks for (`zh_CN.UTF-8`, `zh-TW`, `en_GB`, `en`), if it is
    /// one of the game's: any Chinese is Chinese, any English English.
    pub fn from_locale(locale: &str) -> Option<Language> {
        let lowered = locale.trim().to_ascii_lowercase();
        let primary = lowered.split(['_', '-', '.', '@']).next().unwrap_or_default();
        match primary {
            "zh" => Some(Language::Chinese),
            "en" => Some(Language::English),
            _ => None,
        }
    }

    /// The system's language: from `LC_ALL`, `LC_MESSAGES` or `LANG` (the first one set), as
    /// POSIX reads them; when none is set (Windows, a macOS app started from the Finder), the
    /// operating system's own user locale (`GetUserPreferredUILanguages` on Windows,
    /// `CFLocaleCopyPreferredLanguages` on macOS, through the `sys-locale` crate). English when neither names a
    /// language of the game.
    pub fn from_system() -> Language {
        let environment = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| std::env::var(name).ok())
            .find(|value| !value.is_empty());
        Language::chosen_by(environment, sys_locale::get_locale)
    }

    /// The language the environment's locale names, else the one the operating system's
    /// locale (asked only when the environment names none) names, else English.
    pub fn chosen_by(environment: Option<String>, operating_system: impl FnOnce() -> Option<String>) -> Language {
        match environment {
            Some(value) => Language::from_locale(&value),
            None => operating_system().and_then(|value| Language::from_locale(&value)),
        }
        .unwrap_or(Language::English)
    }

    /// The language's own name, as shown in the selector.
    pub fn native_name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::Chinese => "简体中文",
        }
    }
}

#[cfg(test)]
mod locale_tests {
    use super::Language;

    #[test]
    fn locale_names_choose_the_language() {
        for (locale, language) in [
            ("zh_CN.UTF-8", Some(Language::Chinese)),
            ("zh-TW", Some(Language::Chinese)),
            ("zh", Some(Language::Chinese)),
            ("en_GB.UTF-8", Some(Language::English)),
            ("EN", Some(Language::English)),
            ("C.UTF-8", None),
            ("POSIX", None),
            ("de_DE", None),
            ("", None),
        ] {
            assert_eq!(Language::from_locale(locale), language, "{locale}");
        }
    }

    #[test]
    fn the_environment_comes_first_then_the_operating_system() {
        let asked = std::cell::Cell::new(false);
        let windows_chinese = || {
            asked.set(true);
            Some("zh-Hans-CN".to_string())
        };
        assert_eq!(
            Language::chosen_by(Some("en_US.UTF-8".into()), windows_chinese),
            Language::English
        );
        assert!(
            !asked.get(),
            "the system is not asked when the environment names a locale"
        );
        assert_eq!(Language::chosen_by(None, windows_chinese), Language::Chinese);
        assert_eq!(Language::chosen_by(None, || Some("zh-TW".into())), Language::Chinese);
        assert_eq!(Language::chosen_by(None, || Some("de-DE".into())), Language::English);
        assert_eq!(Language::chosen_by(None, || None), Language::English);
        assert_eq!(
            Language::chosen_by(Some("C.UTF-8".into()), || Some("zh-CN".into())),
            Language::English
        );
    }
}

/// Fluent sources compiled into the binary: (language tag, file name, text).
/// `check.ftl` holds what `check` says of scenario files (loading and validating them),
/// `cli.ftl` the rest of the command line.
const SOURCES: &[(&str, &str, &str)] = &[
    ("en-US", "main.ftl", include_str!("../assets/i18n/en-US/main.ftl")),
    ("en-US", "check.ftl", include_str!("../assets/i18n/en-US/check.ftl")),
    (
        "en-US",
        "check-desks.ftl",
        include_str!("../assets/i18n/en-US/check-desks.ftl"),
    ),
    (
        "en-US",
        "check-files.ftl",
        include_str!("../assets/i18n/en-US/check-files.ftl"),
    ),
    ("en-US", "cli.ftl", include_str!("../assets/i18n/en-US/cli.ftl")),
    ("zh-CN", "main.ftl", include_str!("../assets/i18n/zh-CN/main.ftl")),
    ("zh-CN", "check.ftl", include_str!("../assets/i18n/zh-CN/check.ftl")),
    (
        "zh-CN",
        "check-desks.ftl",
        include_str!("../assets/i18n/zh-CN/check-desks.ftl"),
    ),
    (
        "zh-CN",
        "check-files.ftl",
        include_str!("../assets/i18n/zh-CN/check-files.ftl"),
    ),
    ("zh-CN", "cli.ftl", include_str!("../assets/i18n/zh-CN/cli.ftl")),
];

/// A bilingual text in `language`: its Chinese, or its English when it has none.
pub fn in_language(text: &crate::sim::terms::Text, language: Language) -> &str {
    match language {
        Language::Chinese if !text.zh.trim().is_empty() => &text.zh,
        _ => &text.en,
    }
}

/// The English catalogue, made once: the English of what the simulation says goes into
/// logs, golden files and records from here.
pub fn english() -> &'static Catalogue {
    shared(Language::English)
}

/// The catalogue of `language`, made once (for texts the simulation writes in both
/// languages at once, such as an inbox message).
pub fn shared(language: Language) -> &'static Catalogue {
    static ENGLISH: std::sync::OnceLock<Catalogue> = std::sync::OnceLock::new();
    static CHINESE: std::sync::OnceLock<Catalogue> = std::sync::OnceLock::new();
    match language {
        Language::English => ENGLISH.get_or_init(|| Catalogue::new(Language::English)),
        Language::Chinese => CHINESE.get_or_init(|| Catalogue::new(Language::Chinese)),
    }
}

/// Looks up UI strings in the chosen language, falling back to English.
pub struct Catalogue {
    language: Language,
    primary: FluentBundle<FluentResource>,
    fallback: FluentBundle<FluentResource>,
}

impl std::fmt::Debug for Catalogue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Catalogue({})", self.language.tag())
    }
}

fn bundle_for(tag: &str) -> FluentBundle<FluentResource> {
    let id: LanguageIdentifier = tag.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Unicode isolation marks render as boxes in egui.
    bundle.set_use_isolating(false);
    for (_, _, text) in SOURCES.iter().filter(|(t, _, _)| *t == tag) {
        // Files are checked by tests; a broken entry is skipped rather than losing the rest.
        let resource = FluentResource::try_new((*text).to_string()).unwrap_or_else(|(partial, _)| partial);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

impl Catalogue {
    pub fn new(language: Language) -> Self {
        Self {
            language,
            primary: bundle_for(language.tag()),
            fallback: bundle_for(Language::English.tag()),
        }
    }

    pub fn language(&self) -> Language {
        self.language
    }

    /// The message `key`, or the key itself in brackets when no language has it.
    pub fn tr(&self, key: &str) -> String {
        self.format(key, None)
    }

    /// The message `key` with arguments, e.g. `tr_args("day-of", &[("day", 3.into()), ("total", 20.into())])`.
    pub fn tr_args(&self, key: &str, args: &[(&str, Arg)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Text(s) => fluent_args.set(*name, FluentValue::from(s.clone())),
                Arg::Number(n) => fluent_args.set(*name, FluentValue::from(*n)),
            }
        }
        self.format(key, Some(&fluent_args))
    }

    fn format(&self, key: &str, args: Option<&FluentArgs>) -> String {
        for bundle in [&self.primary, &self.fallback] {
            if let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                return bundle.format_pattern(pattern, args, &mut errors).into_owned();
            }
        }
        format!("[{key}]")
    }

    /// What the simulation said, in this language: each fact as written, each term put into
    /// words here too.
    pub fn say(&self, said: &crate::sim::said::Said) -> String {
        use crate::sim::said::Fact;
        let args: Vec<(&str, Arg)> = said
            .facts
            .iter()
            .map(|(name, fact)| {
                let value = match fact {
                    Fact::Text(text) => Arg::Text(text.clone()),
                    Fact::Number(n) => Arg::Number(*n),
                    Fact::Term(key) => Arg::Text(self.tr(key)),
                    Fact::Written(text) => Arg::Text(self.text(text).to_string()),
                    Fact::Said(inner) => Arg::Text(self.say(inner)),
                };
                (name.as_ref(), value)
            })
            .collect();
        self.tr_args(&said.key, &args)
    }

    /// A bilingual text in this language (its English when it has no Chinese).
    pub fn text<'a>(&self, text: &'a crate::sim::terms::Text) -> &'a str {
        in_language(text, self.language)
    }

    /// Whether `key` exists in this catalogue's language itself (not via fallback).
    pub fn has_own(&self, key: &str) -> bool {
        self.primary.has_message(key)
    }
}

/// A Fluent argument value.
#[derive(Debug, Clone)]
pub enum Arg {
    Text(String),
    Number(i64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_string())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}

impl From<u32> for Arg {
    fn from(n: u32) -> Self {
        Arg::Number(i64::from(n))
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Number(n)
    }
}

/// Every message id defined in a language's files, sorted (for tests and tooling).
pub fn message_ids(tag: &str) -> Vec<String> {
    let mut ids = Vec::new();
    for (_, _, text) in SOURCES.iter().filter(|(t, _, _)| *t == tag) {
        for line in text.lines() {
            if let Some((id, _)) = line.split_once(" =")
                && !id.is_empty()
                && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            {
                ids.push(id.to_string());
            }
        }
    }
    ids.sort();
    ids
}

/// Parse errors in the compiled-in Fluent files, as `tag/file: error` lines.
pub fn source_errors() -> Vec<String> {
    SOURCES
        .iter()
        .filter_map(|(tag, file, text)| {
            FluentResource::try_new((*text).to_string())
                .err()
                .map(|(_, errors)| format!("{tag}/{file}: {errors:?}"))
        })
        .collect()
}
