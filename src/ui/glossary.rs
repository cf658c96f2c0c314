//! The glossary window (Chinese–English trade terms with short definitions and sources, opened
//! from every desk) and glossed English text: a letter's trade terms underlined, explained in
//! the player's language on hover.

use egui::RichText;

use super::Action;
use super::theme::{ACCENT, MUTED};
use crate::glossary::{Glossary, Group, Piece, Term};
use crate::i18n::{Catalogue, Language};

/// The glossary window's state (UI state).
#[derive(Debug, Clone, Default)]
pub struct GlossaryDraft {
    pub open: bool,
    pub search: String,
}

pub struct GlossaryView<'a> {
    pub cat: &'a Catalogue,
    pub glossary: &'a Glossary,
}

/// The glossary: a search field and the matching terms by group. Changes only the draft.
pub fn draw(ui: &mut egui::Ui, view: &GlossaryView, draft: &mut GlossaryDraft) -> Option<Action> {
    let cat = view.cat;
    ui.horizontal(|ui| {
        let label = ui.label(cat.tr("glossary-search"));
        ui.add(
            egui::TextEdit::singleline(&mut draft.search)
                .desired_width(220.0)
                .hint_text(cat.tr("glossary-search-hint")),
        )
        .labelled_by(label.id);
    });
    ui.label(RichText::new(cat.tr("glossary-intro")).small().color(MUTED));
    ui.separator();
    let found = view.glossary.search(&draft.search);
    if found.is_empty() {
        ui.label(RichText::new(cat.tr("glossary-none")).color(MUTED));
        return None;
    }
    egui::ScrollArea::vertical()
        .id_salt("glossary-terms")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for group in Group::ALL {
                let terms: Vec<&&Term> = found.iter().filter(|t| t.group == group).collect();
                if terms.is_empty() {
                    continue;
                }
                ui.add_space(6.0);
                ui.label(RichText::new(cat.tr(group.key())).strong().color(ACCENT));
                for term in terms {
                    entry(ui, cat, term);
                }
            }
        });
    None
}

/// One term: both names, the definition in the player's language (and the English one under a
/// Chinese definition, for practice), and its source.
fn entry(ui: &mut egui::Ui, cat: &Catalogue, term: &Term) {
    ui.add_space(4.0);
    ui.label(RichText::new(format!("{}  ·  {}", term.en, term.zh)).strong());
    definition(ui, cat, term);
    ui.label(
        RichText::new(cat.tr_args(
            "glossary-source",
            &[("source", super::pick(&term.source, cat.language()).into())],
        ))
        .small()
        .color(MUTED),
    );
}

fn definition(ui: &mut egui::Ui, cat: &Catalogue, term: &Term) {
    match cat.language() {
        Language::Chinese => {
            ui.label(&term.definition.zh);
            ui.label(RichText::new(&term.definition.en).small().color(MUTED));
        }
        Language::English => {
            ui.label(&term.definition.en);
        }
    }
}

/// The glossary's terms in `text`, each once, in the order they first appear.
pub fn terms_in<'g>(glossary: &'g Glossary, text: &str) -> Vec<&'g Term> {
    let mut found: Vec<&Term> = Vec::new();
    for piece in glossary.gloss(text) {
        if let Piece::Term(_, term) = piece
            && !found.iter().any(|t| std::ptr::eq(*t, term))
        {
            found.push(term);
        }
    }
    found
}

/// What hovering a glossed sentence shows: each of its terms with both names and the
/// definition in the reader's language.
pub fn explain_terms(ui: &mut egui::Ui, cat: &Catalogue, terms: &[&Term]) {
    ui.set_max_width(360.0);
    for term in terms {
        ui.label(RichText::new(format!("{}  ·  {}", term.en, term.zh)).strong());
        definition(ui, cat, term);
    }
}

/// `text` (English) with the glossary's terms underlined; hovering one shows its Chinese
/// name and definition.
pub fn glossed_text(ui: &mut egui::Ui, cat: &Catalogue, glossary: &Glossary, text: &str) {
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 0.0;
        for piece in glossary.gloss(text) {
            match piece {
                Piece::Plain(words) => {
                    ui.label(words);
                }
                Piece::Term(words, term) => {
                    ui.add(
                        egui::Label::new(RichText::new(words).underline().color(ACCENT)).sense(egui::Sense::hover()),
                    )
                    .on_hover_ui(|ui| {
                        ui.set_max_width(360.0);
                        ui.label(RichText::new(format!("{}  ·  {}", term.en, term.zh)).strong());
                        definition(ui, cat, term);
                    });
                }
            }
        }
    });
}
