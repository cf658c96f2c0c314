//! Look and feel: fonts (with Chinese glyphs), colours and spacing shared by every screen.

use egui::{Color32, FontData, FontDefinitions, FontFamily};

pub const ACCENT: Color32 = Color32::from_rgb(0x1f, 0x6f, 0xb2);
pub const GOOD: Color32 = Color32::from_rgb(0x2e, 0x8b, 0x57);
pub const WARN: Color32 = Color32::from_rgb(0xc2, 0x7c, 0x0e);
pub const BAD: Color32 = Color32::from_rgb(0xc0, 0x39, 0x2b);
pub const MUTED: Color32 = Color32::from_rgb(0x6b, 0x72, 0x80);

/// Adds the CJK font (Noto Sans CJK SC, OFL; see assets/fonts/) after egui's own fonts, so
/// Latin text keeps its look and Chinese falls back: the full font from `assets/fonts/`, or
/// the compiled-in GB2312 cut when it is not there (see [`crate::authoring::font`]).
pub fn install_fonts(ctx: &egui::Context) {
    let font = crate::authoring::font::interface_font();
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        "noto-sans-sc".to_owned(),
        std::sync::Arc::new(FontData::from_static(font.bytes)),
    );
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push("noto-sans-sc".to_owned());
    }
    ctx.set_fonts(fonts);
}

/// Light theme with slightly larger text, for classrooms and projectors.
pub fn apply_style(ctx: &egui::Context) {
    ctx.set_visuals(egui::Visuals::light());
    ctx.all_styles_mut(|style| {
        // Rows and cards are clickable as a whole; selectable text would swallow their clicks.
        style.interaction.selectable_labels = false;
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.spacing.button_padding = egui::vec2(10.0, 5.0);
        for (text_style, font) in style.text_styles.iter_mut() {
            font.size = match text_style {
                egui::TextStyle::Heading => 22.0,
                egui::TextStyle::Small => 11.0,
                egui::TextStyle::Monospace => 13.0,
                _ => 15.0,
            };
        }
    });
}

/// A small coloured tag, e.g. the trade mode in the scenario list.
pub fn badge(ui: &mut egui::Ui, text: impl Into<String>, color: Color32) {
    let text = egui::RichText::new(text.into()).small().color(Color32::WHITE).strong();
    egui::Frame::new()
        .fill(color)
        .corner_radius(4.0)
        .inner_margin(egui::Margin::symmetric(6, 2))
        .show(ui, |ui| {
            ui.label(text);
        });
}
