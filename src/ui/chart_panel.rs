//! The chart area beside the map: pick a chart, see it, or see every figure as a table.

use egui::{RichText, ScrollArea, Ui};

use zq_core::Model;
use zq_core::charts::{CHARTS, Chart, ChartDef, ChartError};
use zq_core::i18n::{Lang, Msg};

use super::chart_view::{ChartContext, chart_ui};
use super::table_view::{PanelAction, TableView};

/// The chart shown first: it follows the county selected on the map.
pub const DEFAULT_CHART: &str = "county_figures";

pub struct ChartPanel {
    pub chart_id: &'static str,
    /// Show every figure as a table instead of a chart.
    pub show_table: bool,
    pub table: TableView,
    /// The last built chart (or why it could not be built), kept while neither the chart nor
    /// the county changes.
    cache: Option<(&'static str, Option<String>, Result<Chart, ChartError>)>,
}

impl Default for ChartPanel {
    fn default() -> Self {
        Self {
            chart_id: DEFAULT_CHART,
            show_table: false,
            table: TableView::default(),
            cache: None,
        }
    }
}

impl ChartPanel {
    /// Switches to a chart by id; unknown ids are ignored.
    pub fn show_chart(&mut self, id: &str) {
        if let Some(def) = ChartDef::by_id(id) {
            self.chart_id = def.id;
        }
    }

    fn chart(&mut self, model: &Model, county: Option<&str>) -> Option<&Result<Chart, ChartError>> {
        let def = ChartDef::by_id(self.chart_id)?;
        let county = county.filter(|_| def.follows_county());
        let fresh =
            matches!(&self.cache, Some((id, c, _)) if *id == def.id && c.as_deref() == county);
        if !fresh {
            let chart = def.build(&model.dataset, county);
            self.cache = Some((def.id, county.map(str::to_owned), chart));
        }
        self.cache.as_ref().map(|(_, _, chart)| chart)
    }

    /// Forgets the built chart, after the data changed.
    pub fn invalidate(&mut self) {
        self.cache = None;
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        model: &Model,
        county: Option<&str>,
        project: Option<&str>,
        lang: Lang,
    ) -> Option<PanelAction> {
        ui.horizontal(|ui| {
            ui.selectable_value(
                &mut self.show_table,
                false,
                RichText::new(Msg::Charts.text(lang)).strong(),
            );
            ui.selectable_value(
                &mut self.show_table,
                true,
                RichText::new(Msg::Table.text(lang)).strong(),
            );
        });
        if self.show_table {
            ui.separator();
            return self.table.ui(ui, model, lang);
        }
        let export = ui
            .horizontal(|ui| {
                let current = ChartDef::by_id(self.chart_id).map_or("", |d| d.title.text(lang));
                let (picker, export) = (Msg::PickChart.text(lang), Msg::ExportChart.text(lang));
                // The list takes what the label and the button leave, in either language.
                let text_width = |text: &str| {
                    let font = egui::TextStyle::Button.resolve(ui.style());
                    ui.painter()
                        .layout_no_wrap(text.to_owned(), font, egui::Color32::PLACEHOLDER)
                        .size()
                        .x
                };
                let spacing = ui.spacing();
                let others = text_width(picker)
                    + text_width(export)
                    + 2.0 * spacing.button_padding.x
                    + 3.0 * spacing.item_spacing.x
                    + spacing.icon_width;
                egui::ComboBox::new("chart_picker", picker)
                    .selected_text(current)
                    .width((ui.available_width() - others).max(120.0))
                    .show_ui(ui, |ui| {
                        for def in CHARTS {
                            ui.selectable_value(&mut self.chart_id, def.id, def.title.text(lang))
                                .on_hover_text(def.question.text(lang));
                        }
                    });
                let shortcut = ui.ctx().format_shortcut(&super::shortcuts::EXPORT);
                ui.button(export)
                    .on_hover_text(format!("{} ({shortcut})", Msg::PngOrSvg.text(lang)))
                    .clicked()
            })
            .inner;
        if export {
            return Some(PanelAction::ExportChart);
        }
        if let Some(def) = ChartDef::by_id(self.chart_id) {
            ui.label(RichText::new(def.question.text(lang)).italics().weak());
        }
        ui.separator();
        let chart = match self.chart(model, county)? {
            Ok(chart) => chart,
            Err(err) => {
                ui.colored_label(egui::Color32::DARK_RED, err.to_string());
                return None;
            }
        };
        let cx = ChartContext {
            dataset: &model.dataset,
            lang,
            selected_county: county,
            selected_project: project,
            interactive: true,
            follows_county: false,
            any_highlighted: false,
            page: None,
        };
        ScrollArea::vertical()
            .auto_shrink(false)
            .show(ui, |ui| chart_ui(ui, chart, &cx))
            .inner
            .map(PanelAction::Select)
    }
}
