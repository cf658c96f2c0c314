//! The HS nomenclature excerpt a scenario's classification exercise uses (the bundled HS 2022
//! excerpt, or the scenario folder's own). The customs desk (`sim::customs::hs`) walks and
//! grades a student's classification through it.

use crate::scenario::error::Diagnostic;
use crate::scenario::nomenclature::NomenclatureFile;
use crate::sim::check::Checker;
use crate::sim::said::Said;
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
    /// The HS edition, e.g. `"HS 2022"`.
    pub(in crate::sim) edition: String,
    /// Whose national lines the 10-digit codes are, e.g. China's tariff.
    pub(in crate::sim) national_extension: String,
    pub(in crate::sim) sections: Vec<Section>,
}

/// A section (Roman numeral) with its notes and chapters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub number: String,
    pub title: Text,
    pub notes: Vec<Text>,
    pub chapters: Vec<Chapter>,
}

/// A chapter (two digits) with its notes and headings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chapter {
    pub code: String,
    pub title: Text,
    pub notes: Vec<Text>,
    pub headings: Vec<Heading>,
}

/// A heading (four digits) with its subheadings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub code: String,
    pub title: Text,
    pub subheadings: Vec<Subheading>,
}

/// A subheading (six digits) with its national lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subheading {
    pub code: String,
    pub title: Text,
    pub national: Vec<NationalLine>,
}

/// A national tariff line (ten digits).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NationalLine {
    pub code: String,
    pub title: Text,
    /// What could not be verified about this line, and why (empty: verified).
    pub unverified: String,
}

impl Nomenclature {
    /// The checked file as the excerpt's own types.
    fn from_file(file: NomenclatureFile) -> Self {
        let sections = file
            .sections
            .into_iter()
            .map(|s| Section {
                number: s.number,
                title: s.title,
                notes: s.notes,
                chapters: s
                    .chapters
                    .into_iter()
                    .map(|c| Chapter {
                        code: c.code,
                        title: c.title,
                        notes: c.notes,
                        headings: c
                            .headings
                            .into_iter()
                            .map(|h| Heading {
                                code: h.code,
                                title: h.title,
                                subheadings: h
                                    .subheadings
                                    .into_iter()
                                    .map(|sub| Subheading {
                                        code: sub.code,
                                        title: sub.title,
                                        national: sub
                                            .national
                                            .into_iter()
                                            .map(|n| NationalLine {
                                                code: n.code,
                                                title: n.title,
                                                unverified: n.unverified,
                                            })
                                            .collect(),
                                    })
                                    .collect(),
                            })
                            .collect(),
                    })
                    .collect(),
            })
            .collect();
        Self {
            edition: file.edition,
            national_extension: file.national_extension,
            sections,
        }
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
            c.say(
                "format",
                Said::new("check-format-version").with("version", file.format.to_string()),
                Some(Said::new("check-format-hint")),
            );
        }
        if file.sections.is_empty() {
            c.say(
                "sections",
                Said::new("check-no-sections"),
                Some(Said::new("check-no-sections-hint")),
            );
        }
        for (si, s) in file.sections.iter().enumerate() {
            let sp = format!("sections[{si}]");
            c.text(&format!("{sp}.title"), &s.title);
            for (ci, ch) in s.chapters.iter().enumerate() {
                let cp = format!("{sp}.chapters[{ci}]");
                if !digits(&ch.code, 2) {
                    c.say(
                        &format!("{cp}.code"),
                        Said::new("check-chapter-code").with("code", ch.code.as_str()),
                        None,
                    );
                }
                for (hi, h) in ch.headings.iter().enumerate() {
                    let hp = format!("{cp}.headings[{hi}]");
                    if !digits(&h.code, 4) || !h.code.starts_with(&ch.code) {
                        c.say(
                            &format!("{hp}.code"),
                            Said::new("check-heading-code")
                                .with("code", h.code.as_str())
                                .with("chapter", ch.code.as_str()),
                            None,
                        );
                    }
                    for (bi, sub) in h.subheadings.iter().enumerate() {
                        let bp = format!("{hp}.subheadings[{bi}]");
                        if !digits(&sub.code, 6) || !sub.code.starts_with(&h.code) {
                            c.say(
                                &format!("{bp}.code"),
                                Said::new("check-subheading-code")
                                    .with("code", sub.code.as_str())
                                    .with("heading", h.code.as_str()),
                                None,
                            );
                        }
                        if sub.national.is_empty() {
                            c.say(
                                &format!("{bp}.national"),
                                Said::new("check-no-national-line"),
                                Some(Said::new("check-no-national-line-hint")),
                            );
                        }
                        for (ni, n) in sub.national.iter().enumerate() {
                            if !digits(&n.code, 10) || !n.code.starts_with(&sub.code) {
                                c.say(
                                    &format!("{bp}.national[{ni}].code"),
                                    Said::new("check-national-code")
                                        .with("code", n.code.as_str())
                                        .with("subheading", sub.code.as_str()),
                                    None,
                                );
                            }
                        }
                    }
                }
            }
        }
        c.finish(Self::from_file(file))
    }

    pub fn edition(&self) -> &str {
        &self.edition
    }

    pub fn national_extension(&self) -> &str {
        &self.national_extension
    }
}
