//! A window with an article's full text and one quote highlighted, so a reader can check a
//! figure against the sentence it came from.

use egui::text::{CCursor, LayoutJob, TextFormat};
use egui::{Color32, FontId, RichText, ScrollArea, Ui};

use zq_core::data::Dataset;
use zq_core::data::quote::find_ignoring_whitespace;
use zq_core::i18n::{Lang, Msg};

const HIGHLIGHT: Color32 = Color32::from_rgb(0xFF, 0xE0, 0x82);

/// Which article is open, and which quote to highlight in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleView {
    pub article_id: String,
    pub quote: String,
    /// Scroll to the quote on the first frame only, then let the user scroll freely.
    scrolled: bool,
}

impl ArticleView {
    pub fn new(article_id: String, quote: String) -> Self {
        Self {
            article_id,
            quote,
            scrolled: false,
        }
    }

    /// Shows the window; returns false when the user closed it.
    pub fn window_ui(&mut self, ctx: &egui::Context, dataset: &Dataset, lang: Lang) -> bool {
        let mut open = true;
        egui::Window::new(Msg::Article.text(lang))
            .id(egui::Id::unique("article_view"))
            .open(&mut open)
            .default_size([560.0, 520.0])
            .show(ctx, |ui| self.contents_ui(ui, dataset, lang));
        open
    }

    fn contents_ui(&mut self, ui: &mut Ui, dataset: &Dataset, lang: Lang) {
        let Some(article) = dataset.article(&self.article_id) else {
            ui.label(Msg::QuoteNotFound.text(lang));
            return;
        };
        ui.heading(lang.pick(&article.headline_zh, &article.headline_en));
        ui.label(RichText::new(article.citation(lang)).weak());
        if let Some(note) = article
            .date_note
            .as_deref()
            .filter(|_| article.date.is_none())
        {
            ui.label(RichText::new(note).weak().small());
        }
        ui.separator();
        let text = article.text.trim();
        let range = find_ignoring_whitespace(text, &self.quote);
        if range.is_none() {
            ui.colored_label(Color32::DARK_RED, Msg::QuoteNotFound.text(lang));
        }
        let font = FontId::proportional(14.0);
        let color = ui.visuals().text_color();
        let mut job = LayoutJob::default();
        job.wrap.max_width = ui.available_width();
        let plain = TextFormat::simple(font.clone(), color);
        let marked = TextFormat {
            background: HIGHLIGHT,
            ..TextFormat::simple(font, Color32::BLACK)
        };
        match &range {
            Some(r) => {
                job.append(&text[..r.start], 0.0, plain.clone());
                job.append(&text[r.clone()], 0.0, marked);
                job.append(&text[r.end..], 0.0, plain);
            }
            None => job.append(text, 0.0, plain),
        }
        ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
            let galley = ui.painter().layout_job(job);
            let response = ui.label(galley.clone());
            if !self.scrolled
                && let Some(r) = &range
            {
                let start = text[..r.start].chars().count();
                let quote_rect = galley
                    .pos_from_cursor(CCursor::new(start))
                    .translate(response.rect.min.to_vec2());
                ui.scroll_to_rect(quote_rect, Some(egui::Align::Center));
                self.scrolled = true;
            }
        });
    }
}
