//! Every figure in a sortable, filterable table, with "copy as TSV" and "export CSV".

use egui::{RichText, Ui};
use egui_extras::{Column as Col, TableBuilder};

use zq_core::Model;
use zq_core::data::Kind;
use zq_core::i18n::{Lang, Msg};
use zq_core::table::{Column, Filter, Sort, cell, kind_name, rows, to_tsv};

use super::chart_view::ItemClick;

#[derive(Clone, Debug, Default)]
pub struct TableView {
    pub filter: Filter,
    pub sort: Sort,
}

/// What the user asked of the chart panel (its chart or its table).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PanelAction {
    /// Export the chart shown.
    ExportChart,
    /// Save the rows shown as CSV.
    ExportCsv,
    /// A row was clicked: select its county or project.
    Select(ItemClick),
    /// The rows shown were copied to the clipboard.
    Copied(usize),
}

impl TableView {
    pub fn ui(&mut self, ui: &mut Ui, model: &Model, lang: Lang) -> Option<PanelAction> {
        let dataset = &model.dataset;
        let mut action = None;
        self.filters_ui(ui, model, lang);
        let shown = rows(dataset, &self.filter, self.sort, lang);
        ui.horizontal(|ui| {
            ui.label(format!(
                "{} {} / {}",
                Msg::Showing.text(lang),
                shown.len(),
                dataset.figures.len()
            ));
            if ui
                .button(Msg::CopyTsv.text(lang))
                .on_hover_text(Msg::PastesIntoExcelWPS.text(lang))
                .clicked()
            {
                ui.ctx().copy_text(to_tsv(dataset, &shown, lang));
                action = Some(PanelAction::Copied(shown.len()));
            }
            if ui.button(Msg::ExportCsvEllipsis.text(lang)).clicked() {
                action = Some(PanelAction::ExportCsv);
            }
        });
        ui.separator();
        const COLUMNS: [Column; 7] = [
            Column::Value,
            Column::Subject,
            Column::County,
            Column::Period,
            Column::Kind,
            Column::Status,
            Column::Article,
        ];
        let mut clicked_row = None;
        TableBuilder::new(ui)
            .id_salt("figures_table")
            .striped(true)
            .resizable(true)
            .sense(egui::Sense::click())
            .column(Col::initial(110.0).at_least(60.0))
            .column(Col::initial(220.0).at_least(80.0).clip(true))
            .columns(Col::initial(70.0).at_least(40.0).clip(true), 4)
            .column(Col::remainder().at_least(80.0).clip(true))
            .header(24.0, |mut header| {
                for column in COLUMNS {
                    header.col(|ui| {
                        let arrow = match self.sort {
                            Sort {
                                column: c,
                                descending: false,
                            } if c == column => " ▲",
                            Sort {
                                column: c,
                                descending: true,
                            } if c == column => " ▼",
                            _ => "",
                        };
                        let text = RichText::new(format!("{}{arrow}", column.title(lang))).strong();
                        if ui.add(egui::Button::new(text).frame(false)).clicked() {
                            self.sort = Sort {
                                column,
                                descending: self.sort.column == column && !self.sort.descending,
                            };
                        }
                    });
                }
            })
            .body(|body| {
                body.rows(22.0, shown.len(), |mut row| {
                    let Some(figure) = shown.get(row.index()) else {
                        return;
                    };
                    for column in COLUMNS {
                        row.col(|ui| {
                            let text = if column == Column::Value {
                                figure.value_label()
                            } else {
                                cell(dataset, figure, column, lang)
                            };
                            ui.add(egui::Label::new(text).truncate());
                        });
                    }
                    let response = row.response();
                    let response = response.on_hover_ui(|ui| {
                        super::figure_card::figure_details_ui(ui, dataset, figure, lang);
                    });
                    if response.clicked() {
                        clicked_row = Some(ItemClick {
                            county: (!figure.is_city_wide()).then(|| figure.scope.clone()),
                            project: figure.project().map(str::to_owned),
                        });
                    }
                });
            });
        action.or(clicked_row.map(PanelAction::Select))
    }

    fn filters_ui(&mut self, ui: &mut Ui, model: &Model, lang: Lang) {
        let dataset = &model.dataset;
        ui.horizontal_wrapped(|ui| {
            let any = Msg::All.text(lang);
            let article_text = self.filter.article.as_deref().map_or(any.to_owned(), |id| {
                id.split('_').next().unwrap_or(id).to_owned()
            });
            egui::ComboBox::from_label(Msg::ArticleColumn.text(lang))
                .selected_text(article_text)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.filter.article, None, any);
                    for a in &dataset.articles {
                        let name = format!(
                            "{} {}",
                            a.id.split('_').next().unwrap_or(&a.id),
                            lang.pick(&a.headline_zh, &a.headline_en)
                        );
                        ui.selectable_value(&mut self.filter.article, Some(a.id.clone()), name);
                    }
                });
            let scope_text = match self.filter.scope.as_deref() {
                None => any.to_owned(),
                Some("city") => Msg::WholeCity.text(lang).to_owned(),
                Some(code) => dataset.county_name(code, lang).to_owned(),
            };
            egui::ComboBox::from_label(Msg::County.text(lang))
                .selected_text(scope_text)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.filter.scope, None, any);
                    ui.selectable_value(
                        &mut self.filter.scope,
                        Some("city".to_owned()),
                        Msg::WholeCity.text(lang),
                    );
                    for c in &dataset.counties {
                        ui.selectable_value(
                            &mut self.filter.scope,
                            Some(c.adcode.clone()),
                            lang.pick(&c.name_zh, &c.name_en),
                        );
                    }
                });
            egui::ComboBox::from_label(Msg::Kind.text(lang))
                .selected_text(self.filter.kind.map_or(any, |k| kind_name(k, lang)))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.filter.kind, None, any);
                    for k in Kind::ALL {
                        ui.selectable_value(&mut self.filter.kind, Some(k), kind_name(k, lang));
                    }
                });
            let mut periods: Vec<&str> = dataset
                .figures
                .iter()
                .filter_map(|f| f.period.as_deref())
                .collect();
            periods.sort_by_key(|p| zq_core::data::period::Period::parse(p));
            periods.dedup();
            egui::ComboBox::from_label(Msg::Period.text(lang))
                .selected_text(self.filter.period.clone().unwrap_or_else(|| any.to_owned()))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.filter.period, None, any);
                    for p in periods {
                        ui.selectable_value(&mut self.filter.period, Some(p.to_owned()), p);
                    }
                });
            ui.add(
                egui::TextEdit::singleline(&mut self.filter.text)
                    .hint_text(Msg::SearchMeasureQuote.text(lang))
                    .desired_width(150.0),
            );
            if self.filter != Filter::default() && ui.button(Msg::ClearFilters.text(lang)).clicked()
            {
                self.filter = Filter::default();
            }
        });
    }
}
