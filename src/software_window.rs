//! The window drawn on the CPU, for machines whose only graphics adapter is a software one
//! (Mesa's lavapipe or llvmpipe: virtual desktops, remote sessions, Xvfb, missing drivers).
//!
//! There wgpu's renderer fills every pixel of the window every frame, about 55 ms at 1280×800
//! on two cores, however little changed. This window runs the same app on winit and egui-winit,
//! as eframe does (input, IME, clipboard, drag and drop, AccessKit, the settings file and
//! egui's memory), but
//! draws with the exporter's rasterizer into a [`Canvas`] that redraws only what changed since
//! the last frame, and puts only those rectangles on screen through softbuffer. With a GPU
//! eframe's wgpu window is used as before (`main.rs` chooses).

use std::rc::Rc;
use std::time::{Duration, Instant};

use egui::{ViewportBuilder, ViewportId, ViewportInfo};
use egui_cpu_raster::{Canvas, PixelRect};
use egui_winit::accesskit_winit;
use winit::application::ApplicationHandler;
use winit::event::WindowEvent;
use winit::event_loop::{ActiveEventLoop, ControlFlow, EventLoop, EventLoopProxy};
use winit::window::{Window, WindowId};

use crate::storage_file::StorageFile;

/// What the window runs: the app's frame and what it keeps between runs.
pub trait WindowApp {
    fn ui(&mut self, ui: &mut egui::Ui);
    fn save(&mut self, storage: &mut dyn eframe::Storage);
}

/// How often settings are saved while the window is open, as eframe does.
const SAVE_EVERY: Duration = Duration::from_secs(30);

/// The largest texture the canvas takes (the map picture's limit): egui's default of 2048
/// is a GPU's, and a picture of a wide window with its overscan is larger.
const MAX_TEXTURE_SIDE: usize = 8192;

/// The wait after a frame that changed nothing, where the screen does not say its refresh rate.
const DEFAULT_REFRESH: Duration = Duration::from_nanos(16_666_667);

/// Where eframe keeps egui's memory (open sections, scroll places) in the settings file.
const EGUI_MEMORY_KEY: &str = "egui";

/// Events from other threads and AccessKit.
#[derive(Debug)]
pub enum UserEvent {
    Repaint(Instant),
    AccessKit(accesskit_winit::Event),
}

impl From<accesskit_winit::Event> for UserEvent {
    fn from(event: accesskit_winit::Event) -> Self {
        Self::AccessKit(event)
    }
}

/// Opens the window and runs `create`'s app until it is closed. Err: the window could not be
/// opened or drawn (no display, no shared memory), in words for the user.
pub fn run<A, F>(viewport: ViewportBuilder, app_id: &str, create: F) -> Result<(), String>
where
    A: WindowApp,
    F: FnOnce(&egui::Context, Option<&dyn eframe::Storage>) -> A,
{
    let event_loop = EventLoop::<UserEvent>::with_user_event()
        .build()
        .map_err(|err| err.to_string())?;
    let mut runner = Runner {
        create: Some(create),
        viewport,
        proxy: event_loop.create_proxy(),
        ctx: egui::Context::default(),
        storage: StorageFile::for_app(app_id),
        running: None,
        error: None,
    };
    event_loop
        .run_app(&mut runner)
        .map_err(|err| err.to_string())?;
    runner.error.map_or(Ok(()), Err)
}

struct Runner<A, F> {
    create: Option<F>,
    viewport: ViewportBuilder,
    proxy: EventLoopProxy<UserEvent>,
    ctx: egui::Context,
    storage: Option<StorageFile>,
    running: Option<Running<A>>,
    error: Option<String>,
}

struct Running<A> {
    app: A,
    window: Rc<Window>,
    surface: softbuffer::Surface<Rc<Window>, Rc<Window>>,
    state: egui_winit::State,
    canvas: Canvas,
    info: ViewportInfo,
    /// Whether `info` may be out of date: the window was resized, moved, focused or told to
    /// change. Only then is it asked again; on X11 that is a dozen round trips to the server.
    info_stale: bool,
    /// egui's points per pixel at the last frame: its zoom (Ctrl+±) changes what `info` says in
    /// points, with no window event.
    pixels_per_point: f32,
    /// The window's size in pixels, as its last resize said.
    size: winit::dpi::PhysicalSize<u32>,
    /// When the next frame is due, if one is.
    repaint_at: Option<Instant>,
    pacer: Pacer,
    last_save: Instant,
    /// Whether the window has been shown (it opens hidden until its first frame is drawn).
    shown: bool,
    /// Whether the next redraw is one this window asked for. One it did not ask for comes
    /// from the system (an X11 expose), which lost the window's pixels: all are presented.
    asked: bool,
    /// Texture changes not yet drawn (the window was minimized), applied with the next frame.
    textures: egui::TexturesDelta,
}

impl<A, F> Runner<A, F>
where
    A: WindowApp,
    F: FnOnce(&egui::Context, Option<&dyn eframe::Storage>) -> A,
{
    fn open(&mut self, event_loop: &ActiveEventLoop) -> Result<Running<A>, String> {
        let builder = self.viewport.clone().with_visible(false);
        let window = Rc::new(
            egui_winit::create_window(&self.ctx, event_loop, &builder)
                .map_err(|err| err.to_string())?,
        );
        let context = softbuffer::Context::new(Rc::clone(&window)).map_err(|e| e.to_string())?;
        let surface =
            softbuffer::Surface::new(&context, Rc::clone(&window)).map_err(|e| e.to_string())?;
        let mut state = egui_winit::State::new(
            self.ctx.clone(),
            ViewportId::ROOT,
            event_loop,
            Some(window.scale_factor() as f32),
            event_loop.system_theme(),
            Some(MAX_TEXTURE_SIDE),
        );
        state.init_accesskit(event_loop, &window, self.proxy.clone());
        let proxy = self.proxy.clone();
        self.ctx.set_request_repaint_callback(move |info| {
            // The loop is gone once the window closes; nothing is left to repaint then.
            // A delay too long to add to now is no repaint at all.
            if let Some(at) = Instant::now().checked_add(info.delay) {
                let _ = proxy.send_event(UserEvent::Repaint(at));
            }
        });
        let mut info = ViewportInfo::default();
        egui_winit::update_viewport_info(&mut info, &self.ctx, &window, true);
        let create = self.create.take().ok_or("the window was opened twice")?;
        let storage = self.storage.as_ref().map(|s| s as &dyn eframe::Storage);
        if let Some(memory) = storage.and_then(|s| eframe::get_value(s, EGUI_MEMORY_KEY)) {
            self.ctx.memory_mut(|m| *m = memory);
        }
        let app = create(&self.ctx, storage);
        let pacer = Pacer::for_window(&window);
        let size = window.inner_size();
        Ok(Running {
            app,
            window,
            surface,
            state,
            canvas: Canvas::new(egui::Color32::from_rgba_unmultiplied(12, 12, 12, 180)),
            info,
            info_stale: false,
            pixels_per_point: self.ctx.pixels_per_point(),
            size,
            repaint_at: None,
            pacer,
            last_save: Instant::now(),
            shown: false,
            asked: false,
            textures: egui::TexturesDelta::default(),
        })
    }

    fn save(&mut self) {
        if let (Some(running), Some(storage)) = (&mut self.running, &mut self.storage) {
            self.ctx
                .memory(|m| eframe::set_value(storage, EGUI_MEMORY_KEY, m));
            running.app.save(storage);
            eframe::Storage::flush(storage);
            running.last_save = Instant::now();
        }
    }

    /// Draws a frame and, if the app asked to close or drawing failed, ends the loop (whose
    /// `exiting` saves).
    fn redraw(&mut self, event_loop: &ActiveEventLoop) {
        let Some(running) = &mut self.running else {
            return;
        };
        match running.frame(&self.ctx, event_loop) {
            Ok(false) => {
                if running.last_save.elapsed() >= SAVE_EVERY {
                    self.save();
                }
            }
            Ok(true) => event_loop.exit(),
            Err(err) => {
                self.error = Some(err);
                event_loop.exit();
            }
        }
    }
}

impl<A: WindowApp> Running<A> {
    fn request_redraw(&mut self) {
        self.asked = true;
        self.window.request_redraw();
    }

    /// A frame asked for at `at` by the app, egui or another thread (not by input, which is
    /// drawn at once): due then, or one refresh after the last frame if that is later.
    fn schedule(&mut self, at: Instant) {
        let at = self.pacer.due(at);
        self.repaint_at = Some(self.repaint_at.map_or(at, |t| t.min(at)));
    }

    /// Runs one frame of the app and puts what changed on screen. Returns whether the app
    /// asked to close.
    fn frame(&mut self, ctx: &egui::Context, event_loop: &ActiveEventLoop) -> Result<bool, String> {
        self.repaint_at = None;
        let started = Instant::now();
        let exposed = !std::mem::take(&mut self.asked);
        if std::mem::take(&mut self.info_stale) {
            egui_winit::update_viewport_info(&mut self.info, ctx, &self.window, false);
        }
        let mut input = self.state.take_egui_input(&self.window);
        input.viewports = std::iter::once((ViewportId::ROOT, self.info.clone())).collect();
        let mut output = ctx.run_ui(input, |ui| self.app.ui(ui));
        self.info.events.clear();
        self.state.handle_platform_output_with_event_loop(
            &self.window,
            event_loop,
            std::mem::take(&mut output.platform_output),
        );
        let mut actions = Vec::new();
        let mut wanted = None;
        for (id, viewport) in std::mem::take(&mut output.viewport_output) {
            if id != ViewportId::ROOT {
                continue;
            }
            self.info_stale |= !viewport.commands.is_empty();
            egui_winit::process_viewport_commands(
                ctx,
                &mut self.info,
                viewport.commands,
                &self.window,
                &mut actions,
            );
            wanted = Instant::now().checked_add(viewport.repaint_delay);
        }
        self.info_stale |= output.pixels_per_point != self.pixels_per_point;
        self.pixels_per_point = output.pixels_per_point;
        let close = self.info.events.contains(&egui::ViewportEvent::Close);
        let size = self.size;
        self.textures
            .append(std::mem::take(&mut output.textures_delta));
        let (Some(width), Some(height)) = (
            std::num::NonZeroU32::new(size.width),
            std::num::NonZeroU32::new(size.height),
        ) else {
            // Minimized: nothing to draw.
            self.pacer.quiet = Some(started);
            if let Some(at) = wanted {
                self.schedule(at);
            }
            return Ok(close);
        };
        let primitives =
            ctx.tessellate(std::mem::take(&mut output.shapes), output.pixels_per_point);
        let rects = self.canvas.paint(
            primitives,
            &mut self.textures,
            [width.get(), height.get()],
            output.pixels_per_point,
        );
        self.present(width, height, &rects, exposed)?;
        self.pacer.quiet = (rects.is_empty() && !exposed).then_some(started);
        if let Some(at) = wanted {
            self.schedule(at);
        }
        if !self.shown {
            self.window.set_visible(true);
            self.shown = true;
        }
        Ok(close)
    }

    /// Copies the redrawn rectangles into the window's buffer and shows them; `all` shows the
    /// whole image (the system lost what was on screen).
    fn present(
        &mut self,
        width: std::num::NonZeroU32,
        height: std::num::NonZeroU32,
        rects: &[PixelRect],
        all: bool,
    ) -> Result<(), String> {
        self.surface
            .resize(width, height)
            .map_err(|err| err.to_string())?;
        let mut buffer = self.surface.buffer_mut().map_err(|err| err.to_string())?;
        let image = self.canvas.image();
        let whole = [PixelRect {
            min: [0, 0],
            max: [width.get(), height.get()],
        }];
        // Only a buffer shown last time holds the last frame: any other (never shown, or one
        // of several that Wayland cycles through) gets the whole image.
        let rects = if all || buffer.age() != 1 {
            &whole[..]
        } else {
            rects
        };
        let stride = width.get() as usize;
        let pixels: &[u8] = image.as_raw();
        for rect in rects {
            for y in rect.min[1]..rect.max[1] {
                let row = y as usize * stride;
                let (from, to) = (row + rect.min[0] as usize, row + rect.max[0] as usize);
                let (source, _) = pixels[from * 4..to * 4].as_chunks::<4>();
                for (out, [r, g, b, _]) in buffer[from..to].iter_mut().zip(source) {
                    *out = u32::from(*r) << 16 | u32::from(*g) << 8 | u32::from(*b);
                }
            }
        }
        let damage: Vec<softbuffer::Rect> = rects
            .iter()
            .filter_map(|r| {
                Some(softbuffer::Rect {
                    x: r.min[0],
                    y: r.min[1],
                    width: std::num::NonZeroU32::new(r.width())?,
                    height: std::num::NonZeroU32::new(r.height())?,
                })
            })
            .collect();
        if damage.is_empty() {
            return Ok(());
        }
        buffer
            .present_with_damage(&damage)
            .map_err(|err| err.to_string())
    }
}

impl<A, F> ApplicationHandler<UserEvent> for Runner<A, F>
where
    A: WindowApp,
    F: FnOnce(&egui::Context, Option<&dyn eframe::Storage>) -> A,
{
    fn resumed(&mut self, event_loop: &ActiveEventLoop) {
        if self.running.is_some() {
            return;
        }
        match self.open(event_loop) {
            // The first frame is drawn now, not on a redraw request: Windows sends none to a
            // window that is not shown yet, and the window is shown once it has its frame.
            Ok(running) => {
                self.running = Some(running);
                self.redraw(event_loop);
            }
            Err(err) => {
                self.error = Some(err);
                event_loop.exit();
            }
        }
    }

    fn window_event(&mut self, event_loop: &ActiveEventLoop, _id: WindowId, event: WindowEvent) {
        let Some(running) = &mut self.running else {
            return;
        };
        match event {
            WindowEvent::RedrawRequested => self.redraw(event_loop),
            WindowEvent::CloseRequested => event_loop.exit(),
            event => {
                if matches!(
                    event,
                    WindowEvent::Occluded(false) | WindowEvent::Resized(_)
                ) {
                    running.canvas.invalidate();
                }
                if let WindowEvent::Resized(size) = event {
                    running.size = size;
                }
                running.info_stale |= !is_input(&event);
                if running
                    .state
                    .on_window_event(&running.window, &event)
                    .repaint
                {
                    running.request_redraw();
                }
            }
        }
    }

    fn user_event(&mut self, _event_loop: &ActiveEventLoop, event: UserEvent) {
        let Some(running) = &mut self.running else {
            return;
        };
        match event {
            UserEvent::Repaint(at) => running.schedule(at),
            UserEvent::AccessKit(event) => match event.window_event {
                accesskit_winit::WindowEvent::InitialTreeRequested => {
                    self.ctx.enable_accesskit();
                    running.request_redraw();
                }
                accesskit_winit::WindowEvent::ActionRequested(request) => {
                    running.state.on_accesskit_action_request(request);
                    running.request_redraw();
                }
                accesskit_winit::WindowEvent::AccessibilityDeactivated => {
                    self.ctx.disable_accesskit();
                }
            },
        }
    }

    fn about_to_wait(&mut self, event_loop: &ActiveEventLoop) {
        let Some(running) = &mut self.running else {
            return;
        };
        match running.repaint_at {
            Some(at) if at <= Instant::now() => {
                running.repaint_at = None;
                running.request_redraw();
                event_loop.set_control_flow(ControlFlow::Wait);
            }
            Some(at) => event_loop.set_control_flow(ControlFlow::WaitUntil(at)),
            // Nothing is due: the loop sleeps until an event comes (no CPU at rest).
            None => event_loop.set_control_flow(ControlFlow::Wait),
        }
    }

    fn exiting(&mut self, _event_loop: &ActiveEventLoop) {
        self.save();
    }
}

/// Whether the event is the user's input (pointer, keys, text), which leaves the window's size,
/// place, focus and state as they were.
fn is_input(event: &WindowEvent) -> bool {
    matches!(
        event,
        WindowEvent::CursorMoved { .. }
            | WindowEvent::CursorEntered { .. }
            | WindowEvent::CursorLeft { .. }
            | WindowEvent::MouseWheel { .. }
            | WindowEvent::MouseInput { .. }
            | WindowEvent::KeyboardInput { .. }
            | WindowEvent::ModifiersChanged(_)
            | WindowEvent::Ime(_)
            | WindowEvent::Touch(_)
            | WindowEvent::AxisMotion { .. }
            | WindowEvent::PinchGesture { .. }
            | WindowEvent::PanGesture { .. }
            | WindowEvent::RotationGesture { .. }
            | WindowEvent::DoubleTapGesture { .. }
            | WindowEvent::TouchpadPressure { .. }
    )
}

/// Paces the frames that follow a frame which changed nothing on screen, and that no input
/// asked for, to the screen's refresh. egui asks for two more frames after each one with input
/// (to let responses a frame late settle); they seldom change anything, and run back to back
/// with a drag's moves they kept the main thread busy when the next move came, which then
/// waited; a move that comes first is drawn at once and settles what was waiting. Frames
/// that change the screen (an animation, the wheel's zoom) follow one another at once.
struct Pacer {
    interval: Duration,
    /// When the last frame started, if it changed nothing on screen.
    quiet: Option<Instant>,
}

impl Pacer {
    fn for_window(window: &Window) -> Self {
        let refresh = window
            .current_monitor()
            .and_then(|monitor| monitor.refresh_rate_millihertz())
            .filter(|&millihertz| (30_000..=360_000).contains(&millihertz))
            .map_or(DEFAULT_REFRESH, |millihertz| {
                Duration::from_secs_f64(1000.0 / f64::from(millihertz))
            });
        Self {
            interval: refresh,
            quiet: None,
        }
    }

    /// When a frame asked for at `at` is drawn.
    fn due(&self, at: Instant) -> Instant {
        match self.quiet.and_then(|last| last.checked_add(self.interval)) {
            Some(next) => at.max(next),
            None => at,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn after_a_frame_that_changed_nothing_the_next_waits_a_refresh() {
        let start = Instant::now();
        let refresh = Duration::from_millis(16);
        let mut pacer = Pacer {
            interval: refresh,
            quiet: None,
        };
        assert_eq!(
            pacer.due(start),
            start,
            "after a frame that changed the screen"
        );
        pacer.quiet = Some(start);
        assert_eq!(
            pacer.due(start),
            start + refresh,
            "after one that changed nothing"
        );
        let later = start + Duration::from_millis(500);
        assert_eq!(pacer.due(later), later, "a tooltip's delay is kept");
    }
}
