//! HS classification: the validated nomenclature excerpt and grading of a student's
//! step-by-step classification (section → chapter → heading → subheading → national code),
//! with the reasoning by the General Interpretative Rules.

use crate::scenario::error::Diagnostic;
use crate::scenario::nomenclature::NomenclatureFile;
use crate::sim::check::Checker;
use crate::sim::scenario::HsCode;
use crate::sim::terms::Text;

/// The nomenclature bundled with the game (validated by tests and at first use).
pub const BUNDLED: &str = include_str!("../../../scenarios/rules/hs-2022.nomenclature.ron");

/// The bundled nomenclature, validated once; `None` if the bundled file is broken.
pub fn bundled() -> Option<&'static Nomenclature> {
    static BUNDLED_NOMENCLATURE: std::sync::OnceLock<Option<Nomenclature>> = std::sync::OnceLock::new();
    BUNDLED_NOMENCLATURE
        .get_or_init(|| Nomenclature::bundled().ok())
        .as_ref()
}

/// A nomenclature excerpt whose codes nest correctly. Built only by [`Nomenclature::validate`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nomenclature {
    file: NomenclatureFile,
}

/// The levels a student classifies at, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Section,
    Chapter,
    Heading,
    Subheading,
    National,
}

impl Level {
    pub const ALL: [Level; 5] = [
        Level::Section,
        Level::Chapter,
        Level::Heading,
        Level::Subheading,
        Level::National,
    ];
}

/// One choice offered at a level: its code (section number for sections) and title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice<'a> {
    pub code: &'a str,
    pub title: &'a Text,
    /// For a national line that could not be verified: what is known of it. Empty otherwise.
    pub unverified: &'a str,
}

/// The verdict for one level, with the rule that decides it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepResult {
    pub level: Level,
    pub chosen: String,
    pub correct: String,
    pub ok: bool,
    pub reasoning: String,
}

/// A graded classification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Classification {
    pub sku: String,
    pub steps: Vec<StepResult>,
}

impl Classification {
    pub fn correct_steps(&self) -> usize {
        self.steps.iter().filter(|s| s.ok).count()
    }
    pub fn all_correct(&self) -> bool {
        self.steps.iter().all(|s| s.ok)
    }
}

fn digits(code: &str, len: usize) -> bool {
    code.len() == len && code.chars().all(|c| c.is_ascii_digit())
}

impl Nomenclature {
    /// The bundled excerpt.
    ///
    /// # Errors
    /// The bundled file's problems (a test keeps it valid).
    pub fn bundled() -> Result<Self, Vec<Diagnostic>> {
        let label = "scenarios/rules/hs-2022.nomenclature.ron";
        let file = crate::scenario::load::parse_ron(label, BUNDLED).map_err(|d| vec![d])?;
        Self::validate(label, file)
    }

    /// Checks that codes have the right length and nest (chapter ⊂ heading ⊂ subheading ⊂
    /// national line), and that every level has entries.
    ///
    /// # Errors
    /// Every problem with its path.
    pub fn validate(label: &str, file: NomenclatureFile) -> Result<Self, Vec<Diagnostic>> {
        let mut c = Checker::new(label);
        if file.format != 1 {
            c.error(
                "format",
                format!("unsupported format version {}", file.format),
                Some("write `format: 1`"),
            );
        }
        if file.sections.is_empty() {
            c.error("sections", "no sections", Some("add at least one section"));
        }
        for (si, s) in file.sections.iter().enumerate() {
            let sp = format!("sections[{si}]");
            c.text(&format!("{sp}.title"), &s.title);
            for (ci, ch) in s.chapters.iter().enumerate() {
                let cp = format!("{sp}.chapters[{ci}]");
                if !digits(&ch.code, 2) {
                    c.error(
                        &format!("{cp}.code"),
                        format!("chapter code `{}` is not two digits", ch.code),
                        None,
                    );
                }
                for (hi, h) in ch.headings.iter().enumerate() {
                    let hp = format!("{cp}.headings[{hi}]");
                    if !digits(&h.code, 4) || !h.code.starts_with(&ch.code) {
                        c.error(
                            &format!("{hp}.code"),
                            format!("heading `{}` is not four digits in chapter {}", h.code, ch.code),
                            None,
                        );
                    }
                    for (bi, sub) in h.subheadings.iter().enumerate() {
                        let bp = format!("{hp}.subheadings[{bi}]");
                        if !digits(&sub.code, 6) || !sub.code.starts_with(&h.code) {
                            c.error(
                                &format!("{bp}.code"),
                                format!("subheading `{}` is not six digits under {}", sub.code, h.code),
                                None,
                            );
                        }
                        if sub.national.is_empty() {
                            c.error(
                                &format!("{bp}.national"),
                                "no national line",
                                Some("add the 10-digit code(s)"),
                            );
                        }
                        for (ni, n) in sub.national.iter().enumerate() {
                            if !digits(&n.code, 10) || !n.code.starts_with(&sub.code) {
                                c.error(
                                    &format!("{bp}.national[{ni}].code"),
                                    format!("national code `{}` is not ten digits under {}", n.code, sub.code),
                                    None,
                                );
                            }
                        }
                    }
                }
            }
        }
        c.finish(Self { file })
    }

    pub fn edition(&self) -> &str {
        &self.file.edition
    }

    pub fn national_extension(&self) -> &str {
        &self.file.national_extension
    }

    /// Whether the excerpt contains this 10-digit code (so the goods can be an exercise).
    pub fn contains(&self, hs: &HsCode) -> bool {
        self.correct_path(hs).is_some()
    }

    /// The choices at `level`, given the codes chosen at the levels above (`path[i]` for level i).
    pub fn choices(&self, level: Level, path: &[String]) -> Vec<Choice<'_>> {
        let section = || {
            self.file
                .sections
                .iter()
                .find(|s| path.first().is_some_and(|p| *p == s.number))
        };
        let chapter = || section().and_then(|s| s.chapters.iter().find(|c| path.get(1).is_some_and(|p| *p == c.code)));
        let heading = || chapter().and_then(|c| c.headings.iter().find(|h| path.get(2).is_some_and(|p| *p == h.code)));
        let sub = || heading().and_then(|h| h.subheadings.iter().find(|s| path.get(3).is_some_and(|p| *p == s.code)));
        match level {
            Level::Section => self
                .file
                .sections
                .iter()
                .map(|s| Choice {
                    code: &s.number,
                    title: &s.title,
                    unverified: "",
                })
                .collect(),
            Level::Chapter => section()
                .map(|s| {
                    s.chapters
                        .iter()
                        .map(|c| Choice {
                            code: &c.code,
                            title: &c.title,
                            unverified: "",
                        })
                        .collect()
                })
                .unwrap_or_default(),
            Level::Heading => chapter()
                .map(|c| {
                    c.headings
                        .iter()
                        .map(|h| Choice {
                            code: &h.code,
                            title: &h.title,
                            unverified: "",
                        })
                        .collect()
                })
                .unwrap_or_default(),
            Level::Subheading => heading()
                .map(|h| {
                    h.subheadings
                        .iter()
                        .map(|s| Choice {
                            code: &s.code,
                            title: &s.title,
                            unverified: "",
                        })
                        .collect()
                })
                .unwrap_or_default(),
            Level::National => sub()
                .map(|s| {
                    s.national
                        .iter()
                        .map(|n| Choice {
                            code: &n.code,
                            title: &n.title,
                            unverified: n.unverified.trim(),
                        })
                        .collect()
                })
                .unwrap_or_default(),
        }
    }

    /// Entries whose code starts with, or whose English or Chinese title contains, `query`.
    pub fn search(&self, query: &str) -> Vec<(String, &Text)> {
        let q = query.trim().to_lowercase();
        let mut out = Vec::new();
        if q.is_empty() {
            return out;
        }
        let hit = |code: &str, t: &Text| code.starts_with(&q) || t.en.to_lowercase().contains(&q) || t.zh.contains(&q);
        for s in &self.file.sections {
            for c in &s.chapters {
                for h in &c.headings {
                    if hit(&h.code, &h.title) {
                        out.push((h.code.clone(), &h.title));
                    }
                    for sub in &h.subheadings {
                        if hit(&sub.code, &sub.title) {
                            out.push((sub.code.clone(), &sub.title));
                        }
                        for n in &sub.national {
                            if hit(&n.code, &n.title) {
                                out.push((n.code.clone(), &n.title));
                            }
                        }
                    }
                }
            }
        }
        out
    }

    /// The correct code at each level for a 10-digit code, if the excerpt has it.
    fn correct_path(&self, hs: &HsCode) -> Option<[String; 5]> {
        let code = hs.digits();
        for s in &self.file.sections {
            for c in &s.chapters {
                for h in &c.headings {
                    for sub in &h.subheadings {
                        for n in &sub.national {
                            if n.code == code || (code.len() < 10 && n.code.starts_with(code)) {
                                return Some([
                                    s.number.clone(),
                                    c.code.clone(),
                                    h.code.clone(),
                                    sub.code.clone(),
                                    n.code.clone(),
                                ]);
                            }
                        }
                    }
                }
            }
        }
        None
    }

    /// Grades a classification of `sku` (whose correct code is `hs`) given the codes chosen at
    /// each level; missing levels count as wrong. `None` if the excerpt lacks the code.
    pub fn grade(&self, sku: &str, hs: &HsCode, chosen: &[String]) -> Option<Classification> {
        let correct = self.correct_path(hs)?;
        let section = self.file.sections.iter().find(|s| s.number == correct[0])?;
        let chapter = section.chapters.iter().find(|c| c.code == correct[1])?;
        let heading = chapter.headings.iter().find(|h| h.code == correct[2])?;
        let sub = heading.subheadings.iter().find(|s| s.code == correct[3])?;
        let notes = |notes: &[Text]| notes.iter().map(|n| n.en.as_str()).collect::<Vec<_>>().join(" ");
        let reasoning = [
            format!(
                "GRI 1: classification follows the terms of the headings and the section and chapter notes; titles are for reference only. Section {} ({}). {}",
                section.number,
                section.title.en,
                notes(&section.notes)
            ),
            format!(
                "GRI 1: chapter {} — {}. {}",
                chapter.code,
                chapter.title.en,
                notes(&chapter.notes)
            ),
            format!(
                "GRI 1: heading {} — {}: its terms describe these goods.",
                heading.code, heading.title.en
            ),
            format!(
                "GRI 6: subheadings are compared only with subheadings at the same level under heading {}: {} — {}.",
                heading.code, sub.code, sub.title.en
            ),
            match sub
                .national
                .iter()
                .find(|n| n.code == correct[4])
                .map(|n| n.unverified.trim())
            {
                Some(why) if !why.is_empty() => format!(
                    "National extension ({}): {}. National subdivision not verified: {why}",
                    self.file.national_extension, correct[4]
                ),
                _ => format!("National extension ({}): {}.", self.file.national_extension, correct[4]),
            },
        ];
        let steps = Level::ALL
            .iter()
            .enumerate()
            .map(|(i, level)| {
                let given = chosen.get(i).cloned().unwrap_or_default();
                StepResult {
                    level: *level,
                    ok: given == correct[i],
                    chosen: given,
                    correct: correct[i].clone(),
                    reasoning: reasoning[i].clone(),
                }
            })
            .collect();
        Some(Classification {
            sku: sku.to_string(),
            steps,
        })
    }
}
