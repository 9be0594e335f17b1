//! Short messages in the window's corner: what was saved where, what went wrong. Errors stay
//! until dismissed; other messages fade after a few seconds. Everything shown is also logged to
//! standard error.

use egui::{Color32, RichText};

const SHOW_SECONDS: f64 = 6.0;

#[derive(Clone, Debug)]
struct Toast {
    text: String,
    error: bool,
    /// When it was posted, in egui's time.
    since: Option<f64>,
}

#[derive(Clone, Debug, Default)]
pub struct Toasts {
    toasts: Vec<Toast>,
}

impl Toasts {
    pub fn info(&mut self, text: impl Into<String>) {
        let text = text.into();
        eprintln!("zhaoqing-explorer: {text}");
        self.toasts.push(Toast {
            text,
            error: false,
            since: None,
        });
    }

    pub fn error(&mut self, text: impl Into<String>) {
        let text = text.into();
        eprintln!("zhaoqing-explorer: error: {text}");
        self.toasts.push(Toast {
            text,
            error: true,
            since: None,
        });
    }

    /// The messages currently shown, oldest first (for tests and accessibility).
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.toasts.iter().map(|t| t.text.as_str())
    }

    pub fn ui(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|i| i.time);
        for toast in &mut self.toasts {
            toast.since.get_or_insert(now);
        }
        self.toasts
            .retain(|t| t.error || t.since.is_none_or(|s| now - s < SHOW_SECONDS));
        if self.toasts.is_empty() {
            return;
        }
        ctx.request_repaint_after(std::time::Duration::from_millis(500));
        let mut dismissed = None;
        egui::Area::new(egui::Id::unique("toasts"))
            .anchor(egui::Align2::RIGHT_BOTTOM, egui::vec2(-12.0, -36.0))
            .show(ctx, |ui| {
                for (i, toast) in self.toasts.iter().enumerate() {
                    egui::Frame::popup(ui.style()).show(ui, |ui| {
                        ui.set_max_width(420.0);
                        // A long message (a file's path and the step that helps) wraps
                        // within the width rather than running off the window's left edge.
                        ui.horizontal_top(|ui| {
                            let color = if toast.error {
                                Color32::from_rgb(0xA0, 0x10, 0x10)
                            } else {
                                Color32::from_rgb(0x20, 0x20, 0x20)
                            };
                            let width = ui.available_width() - if toast.error { 24.0 } else { 0.0 };
                            ui.scope(|ui| {
                                ui.set_max_width(width);
                                ui.add(
                                    egui::Label::new(RichText::new(&toast.text).color(color))
                                        .wrap(),
                                );
                            });
                            if toast.error && ui.small_button("×").clicked() {
                                dismissed = Some(i);
                            }
                        });
                    });
                }
            });
        if let Some(i) = dismissed {
            self.toasts.remove(i);
        }
    }
}
