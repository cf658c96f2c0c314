//! HS classification: the validated nomenclature excerpt and grading of a student's
//! step-by-step classification (section → chapter → heading → subheading → national code),
//! with the reasoning by the General Interpretative Rules.

use crate::sim::scenario::HsCode;
pub use crate::sim::scenario::nomenclature::{BUNDLED, Nomenclature, bundled};
use crate::sim::terms::Text;

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

impl Nomenclature {
    /// Whether the excerpt contains this 10-digit code (so the goods can be an exercise).
    pub fn contains(&self, hs: &HsCode) -> bool {
        self.correct_path(hs).is_some()
    }

    /// The choices at `level`, given the codes chosen at the levels above (`path[i]` for level i).
    pub fn choices(&self, level: Level, path: &[String]) -> Vec<Choice<'_>> {
        let section = || {
            self.sections
                .iter()
                .find(|s| path.first().is_some_and(|p| *p == s.number))
        };
        let chapter = || section().and_then(|s| s.chapters.iter().find(|c| path.get(1).is_some_and(|p| *p == c.code)));
        let heading = || chapter().and_then(|c| c.headings.iter().find(|h| path.get(2).is_some_and(|p| *p == h.code)));
        let sub = || heading().and_then(|h| h.subheadings.iter().find(|s| path.get(3).is_some_and(|p| *p == s.code)));
        match level {
            Level::Section => self
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
        for s in &self.sections {
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
        for s in &self.sections {
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
        let section = self.sections.iter().find(|s| s.number == correct[0])?;
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
                    self.national_extension, correct[4]
                ),
                _ => format!("National extension ({}): {}.", self.national_extension, correct[4]),
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
