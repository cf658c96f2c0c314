//! The `*.nomenclature.ron` format: an excerpt of the HS with national extensions, for the
//! classification exercise.

use serde::{Deserialize, Serialize};

use super::file::Text;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NomenclatureFile {
    pub format: u32,
    /// E.g. `"HS 2022"`.
    pub edition: String,
    /// E.g. `"China 2026 tariff (10-digit)"`.
    pub national_extension: String,
    pub source: String,
    pub sections: Vec<SectionDef>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionDef {
    /// Roman numeral, e.g. `"XI"`.
    pub number: String,
    pub title: Text,
    #[serde(default)]
    pub notes: Vec<Text>,
    pub chapters: Vec<ChapterDef>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChapterDef {
    /// Two digits.
    pub code: String,
    pub title: Text,
    #[serde(default)]
    pub notes: Vec<Text>,
    pub headings: Vec<HeadingDef>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HeadingDef {
    /// Four digits, starting with the chapter.
    pub code: String,
    pub title: Text,
    pub subheadings: Vec<SubheadingDef>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubheadingDef {
    /// Six digits, starting with the heading.
    pub code: String,
    pub title: Text,
    pub national: Vec<NationalLineDef>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NationalLineDef {
    /// Ten digits, starting with the subheading.
    pub code: String,
    pub title: Text,
    /// What could not be verified about this national line, and why; the exercise shows the
    /// line as "national subdivision not verified". Empty: verified against the tariff.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unverified: String,
}
