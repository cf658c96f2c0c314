//! Day-by-day charts for the store screens (egui_plot): bars and lines over store days, with a
//! legend and hover read-outs. Values are converted to floating point for drawing only.

use egui::Color32;
use egui_plot::{AxisHints, Bar, BarChart, GridInput, GridMark, Line, Plot, PlotPoints};

/// How a series is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Bars,
    Line,
}

/// One named series of (day, value) points.
#[derive(Debug, Clone)]
pub struct Series {
    pub name: String,
    pub color: Color32,
    pub mark: Mark,
    pub points: Vec<(u32, f64)>,
}

impl Series {
    pub fn new(name: impl Into<String>, color: Color32, mark: Mark, points: Vec<(u32, f64)>) -> Self {
        Self {
            name: name.into(),
            color,
            mark,
            points,
        }
    }
}

/// Minor units as a decimal amount, for plotting.
pub fn major(minor: i64, exponent: u32) -> f64 {
    minor as f64 / 10f64.powi(exponent as i32)
}

/// A chart of series over store days, with its key above it (so it never hides data). Bars of
/// several series sit side by side within a day.
pub fn day_chart(ui: &mut egui::Ui, id: &str, x_label: &str, y_label: &str, series: &[Series], height: f32) {
    ui.horizontal_wrapped(|ui| {
        for s in series {
            let mark = match s.mark {
                Mark::Bars => "■",
                Mark::Line => "━",
            };
            ui.label(egui::RichText::new(mark).color(s.color));
            ui.label(egui::RichText::new(&s.name).small());
            ui.add_space(8.0);
        }
    });
    let bar_series = series.iter().filter(|s| s.mark == Mark::Bars).count().max(1);
    let bar_width = 0.8 / bar_series as f64;
    Plot::new(id)
        .height(height)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_drag(false)
        .allow_boxed_zoom(false)
        .include_y(0.0)
        .custom_x_axes(vec![
            AxisHints::new_x().label(x_label.to_string()).label_spacing(24.0..=40.0),
        ])
        .custom_y_axes(vec![
            AxisHints::new_y().label(y_label.to_string()).label_spacing(14.0..=20.0),
        ])
        .x_grid_spacer(day_marks)
        .show(ui, |plot| {
            let mut bar_index = 0usize;
            for s in series {
                match s.mark {
                    Mark::Line => {
                        let points: PlotPoints = s.points.iter().map(|(d, v)| [f64::from(*d), *v]).collect();
                        plot.line(Line::new(s.name.clone(), points).color(s.color).width(2.0));
                    }
                    Mark::Bars => {
                        let offset = (bar_index as f64 - (bar_series as f64 - 1.0) / 2.0) * bar_width;
                        bar_index += 1;
                        let bars = s
                            .points
                            .iter()
                            .map(|(d, v)| {
                                Bar::new(f64::from(*d) + offset, *v)
                                    .width(bar_width * 0.9)
                                    .fill(s.color)
                                    .stroke(egui::Stroke::new(1.0, s.color))
                            })
                            .collect();
                        plot.bar_chart(BarChart::new(s.name.clone(), bars).color(s.color));
                    }
                }
            }
        });
}

/// Grid lines on whole days, stronger every 5 and 10 days (labels follow the strongest that fit).
fn day_marks(input: GridInput) -> Vec<GridMark> {
    let (low, high) = input.bounds;
    let first = low.ceil().max(0.0) as i64;
    let last = high.floor().max(0.0) as i64;
    (first..=last.min(first + 1_000))
        .map(|day| GridMark {
            value: day as f64,
            step_size: if day % 10 == 0 {
                10.0
            } else if day % 5 == 0 {
                5.0
            } else {
                1.0
            },
        })
        .collect()
}

/// The points to draw for a dense cloud: the first point in each `cell`-sized square of `rect`
/// (points outside it are dropped). A deal review can hold 200,000 possible deals; drawn one
/// by one they cost a frame's budget, while a dot per 3-pixel cell looks the same.
pub fn one_per_cell(points: impl IntoIterator<Item = egui::Pos2>, rect: egui::Rect, cell: f32) -> Vec<egui::Pos2> {
    let cell = cell.max(1.0);
    // Sizes in whole cells; a degenerate rect keeps nothing.
    let cols = (rect.width() / cell).ceil().max(0.0) as usize + 1;
    let rows = (rect.height() / cell).ceil().max(0.0) as usize + 1;
    let mut taken = vec![false; cols.saturating_mul(rows)];
    let mut kept = Vec::new();
    for p in points {
        if !rect.contains(p) {
            continue;
        }
        let col = ((p.x - rect.left()) / cell) as usize;
        let row = ((p.y - rect.top()) / cell) as usize;
        if let Some(slot) = taken.get_mut(row * cols + col.min(cols - 1))
            && !*slot
        {
            *slot = true;
            kept.push(p);
        }
    }
    kept
}
