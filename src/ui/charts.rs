//! Day-by-day charts for the store screens (egui_plot): bars and lines over store days, with a
//! legend and hover read-outs. Values are converted to floating point for drawing only.

use egui::Color32;
use egui_plot::{Bar, BarChart, Legend, Line, Plot, PlotPoints};

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

/// A chart of series over store days. Bars of several series sit side by side within a day.
pub fn day_chart(ui: &mut egui::Ui, id: &str, x_label: &str, y_label: &str, series: &[Series], height: f32) {
    let bar_series = series.iter().filter(|s| s.mark == Mark::Bars).count().max(1);
    let bar_width = 0.8 / bar_series as f64;
    Plot::new(id)
        .height(height)
        .legend(Legend::default())
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_drag(false)
        .allow_boxed_zoom(false)
        .include_y(0.0)
        .x_axis_label(x_label.to_string())
        .y_axis_label(y_label.to_string())
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
                            .map(|(d, v)| Bar::new(f64::from(*d) + offset, *v).width(bar_width * 0.9))
                            .collect();
                        plot.bar_chart(BarChart::new(s.name.clone(), bars).color(s.color));
                    }
                }
            }
        });
}
