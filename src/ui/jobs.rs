//! Long work off the UI thread: an export, a batch of exports, opening a large file. The window
//! shows progress and a cancel button and stays responsive; the result comes back as a message.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// What a job's thread can see: how far it is, and whether the user cancelled.
#[derive(Clone, Default)]
pub struct Progress {
    /// Parts per thousand done.
    done: Arc<AtomicU32>,
    cancelled: Arc<AtomicBool>,
}

impl Progress {
    pub fn set(&self, fraction: f32) {
        self.done.store(
            (fraction.clamp(0.0, 1.0) * 1000.0) as u32,
            Ordering::Relaxed,
        );
    }

    pub fn fraction(&self) -> f32 {
        self.done.load(Ordering::Relaxed) as f32 / 1000.0
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }

    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }
}

/// A running job and where its result will arrive.
pub struct Job<T> {
    pub title: String,
    pub progress: Progress,
    rx: Receiver<T>,
}

impl<T: Send + 'static> Job<T> {
    /// Runs `work` on its own thread; `ctx` is asked to repaint when it finishes.
    pub fn spawn(
        title: impl Into<String>,
        ctx: &egui::Context,
        work: impl FnOnce(&Progress) -> T + Send + 'static,
    ) -> Self {
        let (tx, rx) = channel();
        let progress = Progress::default();
        let thread_progress = progress.clone();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let result = work(&thread_progress);
            // The receiver is gone only if the app closed meanwhile; nothing to report then.
            let _ = tx.send(result);
            ctx.request_repaint();
        });
        Self {
            title: title.into(),
            progress,
            rx,
        }
    }

    /// While the job runs, its progress window; once it is done, its outcome, taken out of
    /// `slot` so that the next job can start.
    pub fn finished(
        slot: &mut Option<Self>,
        ctx: &egui::Context,
        cancel_text: &str,
    ) -> Option<Result<T, String>> {
        let job = slot.as_ref()?;
        let outcome = job.poll();
        if outcome.is_none() {
            job.window_ui(ctx, cancel_text);
        } else {
            *slot = None;
        }
        outcome
    }

    /// The result, once the thread is done.
    fn poll(&self) -> Option<Result<T, String>> {
        match self.rx.try_recv() {
            Ok(result) => Some(Ok(result)),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                Some(Err("the work stopped unexpectedly".to_owned()))
            }
        }
    }

    /// A small window with the progress bar and a cancel button.
    fn window_ui(&self, ctx: &egui::Context, cancel_text: &str) {
        ctx.request_repaint_after(std::time::Duration::from_millis(100));
        egui::Window::new(&self.title)
            .id(egui::Id::unique("job_window"))
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_BOTTOM, egui::vec2(0.0, -60.0))
            .show(ctx, |ui| {
                ui.add(
                    egui::ProgressBar::new(self.progress.fraction())
                        .show_percentage()
                        .desired_width(320.0),
                );
                if ui.button(cancel_text).clicked() {
                    self.progress.cancel();
                }
            });
    }
}
