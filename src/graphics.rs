//! Which graphics backends the window tries, in what order. The first one a machine offers can
//! fail where another would draw: Wine's DX12 without vkd3d, a virtual machine or remote desktop
//! with no GPU driver, an old driver. The window tries each in turn (`main.rs`), and when none
//! works it says in a dialog what it tried and what each said: a program without a console must
//! never just vanish.

use std::sync::Arc;

use eframe::egui_wgpu::{self, wgpu};
use zq_core::i18n::{Lang, Msg};

/// One way of drawing the window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Dx12,
    Vulkan,
    Metal,
    Gl,
    /// DX12's software renderer, which every Windows 10/11 has: slow but always there.
    Warp,
}

impl Backend {
    /// The name people and driver vendors use.
    pub fn name(self) -> &'static str {
        match self {
            Self::Dx12 => "DirectX 12",
            Self::Vulkan => "Vulkan",
            Self::Metal => "Metal",
            Self::Gl => "OpenGL",
            Self::Warp => "DirectX 12 WARP",
        }
    }

    fn backends(self) -> wgpu::Backends {
        match self {
            Self::Dx12 | Self::Warp => wgpu::Backends::DX12,
            Self::Vulkan => wgpu::Backends::VULKAN,
            Self::Metal => wgpu::Backends::METAL,
            Self::Gl => wgpu::Backends::GL,
        }
    }

    /// The backend a `WGPU_BACKEND` word names: wgpu's own words, and `warp`, which is ours.
    fn from_env_word(word: &str) -> Option<Self> {
        match word.trim().to_ascii_lowercase().as_str() {
            "dx12" | "d3d12" => Some(Self::Dx12),
            "vulkan" | "vk" => Some(Self::Vulkan),
            "metal" | "mtl" => Some(Self::Metal),
            "gl" | "gles" | "opengl" => Some(Self::Gl),
            "warp" => Some(Self::Warp),
            _ => None,
        }
    }
}

/// The backends to try, first to last, on `os` (`std::env::consts::OS`). `wgpu_backend` is the
/// `WGPU_BACKEND` variable: when it names backends (`vulkan`, `gl,dx12`, …) only those are tried,
/// in its order, so a user or a test can pin one.
pub fn attempts(os: &str, wgpu_backend: Option<&str>) -> Vec<Backend> {
    let named: Vec<Backend> = wgpu_backend
        .into_iter()
        .flat_map(|list| list.split(','))
        .filter_map(Backend::from_env_word)
        .collect();
    if !named.is_empty() {
        return named;
    }
    match os {
        "windows" => vec![Backend::Dx12, Backend::Vulkan, Backend::Gl, Backend::Warp],
        "macos" => vec![Backend::Metal],
        _ => vec![Backend::Vulkan, Backend::Gl],
    }
}

/// How the window's pixels are drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Renderer {
    /// eframe's window, through wgpu on the adapter it finds.
    Gpu,
    /// The window of `software_window.rs`: the CPU rasterizer, redrawing only what changed.
    Software,
}

/// Which renderer the window uses. `ZHAOQING_RENDERER` (`software` or `gpu`) decides when set;
/// otherwise, on Linux and the BSDs, the software window is used when every adapter wgpu finds
/// is a software one (`adapters` lists their types; none found leaves eframe to say what
/// failed). Elsewhere the GPU window stays: the software one has not been measured there.
pub fn renderer(
    os: &str,
    renderer_env: Option<&str>,
    adapters: impl FnOnce() -> Vec<wgpu::DeviceType>,
) -> Renderer {
    match renderer_env
        .map(|v| v.trim().to_ascii_lowercase())
        .as_deref()
    {
        Some("software" | "cpu") => return Renderer::Software,
        Some("gpu" | "wgpu") => return Renderer::Gpu,
        _ => {}
    }
    if !matches!(os, "linux" | "freebsd" | "openbsd" | "netbsd" | "dragonfly") {
        return Renderer::Gpu;
    }
    let adapters = adapters();
    if !adapters.is_empty() && adapters.iter().all(|t| *t == wgpu::DeviceType::Cpu) {
        Renderer::Software
    } else {
        Renderer::Gpu
    }
}

/// The types of the adapters wgpu offers through `backends` (asked without a window).
pub fn adapter_types(backends: &[Backend]) -> Vec<wgpu::DeviceType> {
    let backends = backends
        .iter()
        .fold(wgpu::Backends::empty(), |all, b| all | b.backends());
    let instance = wgpu::Instance::new(wgpu::InstanceDescriptor {
        backends,
        ..wgpu::InstanceDescriptor::new_without_display_handle()
    });
    pollster::block_on(instance.enumerate_adapters(backends))
        .iter()
        .map(|adapter| adapter.get_info().device_type)
        .collect()
}

/// eframe's wgpu set-up for one backend.
pub fn wgpu_configuration(backend: Backend) -> egui_wgpu::WgpuConfiguration {
    let mut setup = egui_wgpu::WgpuSetupCreateNew::without_display_handle();
    setup.instance_descriptor.backends = backend.backends();
    if backend == Backend::Warp {
        setup.native_adapter_selector = Some(Arc::new(|adapters, _surface| {
            adapters
                .iter()
                .find(|adapter| adapter.get_info().device_type == wgpu::DeviceType::Cpu)
                .cloned()
                .ok_or_else(|| "DirectX 12 offers no software adapter (WARP)".to_owned())
        }));
    }
    egui_wgpu::WgpuConfiguration {
        wgpu_setup: setup.into(),
        ..Default::default()
    }
}

/// What the dialog says when no backend could draw: each one tried and its error, then what the
/// user can do.
pub fn failure_message(lang: Lang, failures: &[(Backend, String)]) -> String {
    let tried = failures
        .iter()
        .map(|(backend, error)| format!("• {}: {error}", backend.name()))
        .collect::<Vec<_>>()
        .join("\n");
    zq_core::fill!(Msg::GraphicsFailed, lang, tried = tried)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_tries_dx12_then_vulkan_then_gl_then_warp() {
        assert_eq!(
            attempts("windows", None),
            [Backend::Dx12, Backend::Vulkan, Backend::Gl, Backend::Warp]
        );
        assert_eq!(attempts("linux", None), [Backend::Vulkan, Backend::Gl]);
    }

    #[test]
    fn wgpu_backend_pins_the_backends_in_its_order() {
        assert_eq!(attempts("windows", Some("vulkan")), [Backend::Vulkan]);
        assert_eq!(
            attempts("windows", Some("GL, dx12")),
            [Backend::Gl, Backend::Dx12]
        );
        // Words wgpu would not know leave the platform's order in place.
        assert_eq!(
            attempts("linux", Some("fast")),
            [Backend::Vulkan, Backend::Gl]
        );
    }

    #[test]
    fn the_software_window_is_for_software_adapters_only() {
        use wgpu::DeviceType::{Cpu, DiscreteGpu, IntegratedGpu};
        let linux = |adapters: Vec<wgpu::DeviceType>| renderer("linux", None, || adapters);
        assert_eq!(linux(vec![Cpu]), Renderer::Software);
        assert_eq!(linux(vec![Cpu, Cpu]), Renderer::Software);
        assert_eq!(linux(vec![IntegratedGpu, Cpu]), Renderer::Gpu);
        assert_eq!(linux(vec![DiscreteGpu]), Renderer::Gpu);
        // No adapter at all: eframe's window tries each backend and says what failed.
        assert_eq!(linux(vec![]), Renderer::Gpu);
        assert_eq!(renderer("windows", None, || vec![Cpu]), Renderer::Gpu);
        // The variable decides, and then no adapter is asked for.
        let unasked = || -> Vec<wgpu::DeviceType> { unreachable!() };
        assert_eq!(
            renderer("windows", Some("software"), unasked),
            Renderer::Software
        );
        assert_eq!(renderer("linux", Some(" GPU "), unasked), Renderer::Gpu);
        assert_eq!(
            renderer("linux", Some("other"), || vec![DiscreteGpu]),
            Renderer::Gpu
        );
    }

    #[test]
    fn the_failure_message_names_every_backend_tried_and_its_error() {
        let failures = [
            (Backend::Dx12, "Parent device is lost".to_owned()),
            (Backend::Vulkan, "no suitable adapter".to_owned()),
        ];
        for lang in [Lang::Zh, Lang::En] {
            let text = failure_message(lang, &failures);
            assert!(text.contains("DirectX 12: Parent device is lost"), "{text}");
            assert!(text.contains("Vulkan: no suitable adapter"), "{text}");
        }
        assert!(failure_message(Lang::Zh, &failures).contains("图形"));
    }
}
