//! The trade glossary: Chinese–English terms with short definitions and their sources
//! (assets/glossary/glossary.ron, compiled in), searched on the glossary screen and found in
//! English letters and documents to gloss them on hover.

use std::sync::OnceLock;

use crate::sim::terms::Text;

/// Where a term belongs, for the glossary screen's sections.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Deserialize)]
pub enum Group {
    Incoterms,
    Payment,
    Documents,
    Customs,
    Selling,
    Online,
}

impl Group {
    pub const ALL: [Group; 6] = [
        Group::Incoterms,
        Group::Payment,
        Group::Documents,
        Group::Customs,
        Group::Selling,
        Group::Online,
    ];

    /// The catalogue key of the group's heading.
    pub fn key(self) -> &'static str {
        match self {
            Group::Incoterms => "glossary-group-incoterms",
            Group::Payment => "glossary-group-payment",
            Group::Documents => "glossary-group-documents",
            Group::Customs => "glossary-group-customs",
            Group::Selling => "glossary-group-selling",
            Group::Online => "glossary-group-online",
        }
    }
}

/// One term.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub id: String,
    pub group: Group,
    pub en: String,
    pub zh: String,
    /// The English forms a letter may use: abbreviations (no lowercase letter, or a `/`) match
    /// as written, phrases in any case; always whole words.
    pub matches: Vec<String>,
    pub definition: Text,
    /// Where the definition comes from (a rule's name stays as written; a Chinese gloss when
    /// the source is a phrase).
    pub source: Text,
}

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields, rename = "Glossary")]
struct GlossaryFile {
    terms: Vec<Term>,
}

/// The validated glossary, with every match form sorted longest first.
#[derive(Debug, Default)]
pub struct Glossary {
    terms: Vec<Term>,
    /// (form, term index), longest form first.
    forms: Vec<(String, usize)>,
}

/// A run of a text: as written, or a glossary term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'t, 'g> {
    Plain(&'t str),
    Term(&'t str, &'g Term),
}

/// The most terms and forms a glossary may hold, and the longest text of any field.
const MAX_TERMS: usize = 500;
const MAX_FORMS: usize = 20;
const MAX_CHARS: usize = 1_000;

impl Glossary {
    /// Parses and checks a glossary file: ids unique and plain, names, forms, definitions in
    /// both languages and sources present, sizes bounded.
    pub fn parse(text: &str) -> Result<Glossary, String> {
        let file: GlossaryFile = ron::from_str(text).map_err(|e| e.to_string())?;
        if file.terms.len() > MAX_TERMS {
            return Err(format!("at most {MAX_TERMS} terms"));
        }
        let mut ids = std::collections::BTreeSet::new();
        for t in &file.terms {
            let fields = [&t.en, &t.zh, &t.definition.en, &t.definition.zh, &t.source.en];
            if !crate::scenario::is_plain_id(&t.id) || !ids.insert(t.id.as_str()) {
                return Err(format!("term `{}`: ids are unique lowercase words joined by `-`", t.id));
            }
            if fields
                .iter()
                .any(|f| f.trim().is_empty() || f.chars().count() > MAX_CHARS)
            {
                return Err(format!(
                    "term `{}`: names, definitions and source are required, at most {MAX_CHARS} characters",
                    t.id
                ));
            }
            if t.matches.is_empty()
                || t.matches.len() > MAX_FORMS
                || t.matches.iter().any(|m| m.trim().is_empty() || m.len() > 100)
            {
                return Err(format!("term `{}`: 1 to {MAX_FORMS} English forms, none empty", t.id));
            }
        }
        let mut forms: Vec<(String, usize)> = file
            .terms
            .iter()
            .enumerate()
            .flat_map(|(i, t)| t.matches.iter().map(move |m| (m.clone(), i)))
            .collect();
        forms.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        Ok(Glossary {
            terms: file.terms,
            forms,
        })
    }

    pub fn terms(&self) -> &[Term] {
        &self.terms
    }

    /// Terms whose names, forms or definitions contain `query` (any case, either language),
    /// in glossary order; all of them for an empty query.
    pub fn search(&self, query: &str) -> Vec<&Term> {
        let query = query.trim().to_lowercase();
        self.terms
            .iter()
            .filter(|t| {
                query.is_empty()
                    || [&t.en, &t.zh, &t.definition.en, &t.definition.zh]
                        .iter()
                        .any(|f| f.to_lowercase().contains(&query))
                    || t.matches.iter().any(|m| m.to_lowercase().contains(&query))
            })
            .collect()
    }

    /// `text` cut into plain runs and the glossary terms it uses (the longest form at each
    /// place, whole words only).
    pub fn gloss<'t>(&self, text: &'t str) -> Vec<Piece<'t, '_>> {
        let mut pieces = Vec::new();
        let mut plain_from = 0;
        let mut at = 0;
        while at < text.len() {
            let starts_word = text[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
            let found = starts_word
                .then(|| {
                    self.forms
                        .iter()
                        .find(|(form, _)| matches_at(text, at, form))
                        .map(|(form, i)| (form.len(), &self.terms[*i]))
                })
                .flatten();
            match found {
                Some((len, term)) => {
                    if plain_from < at {
                        pieces.push(Piece::Plain(&text[plain_from..at]));
                    }
                    pieces.push(Piece::Term(&text[at..at + len], term));
                    at += len;
                    plain_from = at;
                }
                None => at += text[at..].chars().next().map_or(1, char::len_utf8),
            }
        }
        if plain_from < text.len() {
            pieces.push(Piece::Plain(&text[plain_from..]));
        }
        pieces
    }
}

/// Whether `form` is written at byte `at` of `text` as a whole word: as written when it is an
/// abbreviation, in any case when it is a phrase.
fn matches_at(text: &str, at: usize, form: &str) -> bool {
    let Some(candidate) = text.get(at..at + form.len()) else {
        return false;
    };
    let abbreviation = form.contains('/') || !form.chars().any(|c| c.is_lowercase());
    let same = if abbreviation {
        candidate == form
    } else {
        candidate.eq_ignore_ascii_case(form)
    };
    same && text[at + form.len()..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric())
}

const BUNDLED: &str = include_str!("../assets/glossary/glossary.ron");

/// The bundled glossary (empty if it does not parse: a test requires that it does).
pub fn bundled() -> &'static Glossary {
    static GLOSSARY: OnceLock<Glossary> = OnceLock::new();
    GLOSSARY.get_or_init(|| Glossary::parse(BUNDLED).unwrap_or_default())
}

/// Why the bundled glossary does not parse, if it does not (for tests).
pub fn bundled_problem() -> Option<String> {
    Glossary::parse(BUNDLED).err()
}
