//! The charts the program offers: which figures each draws and the question it answers.
//! Only ids and words live here; every number comes from the dataset. A bar panel holds only
//! figures that may share an axis (`tests/charts.rs` holds every chart to that rule).

use super::{ChartDef, ItemDef, Layout, PanelDef, PanelStyle, Select, Text};

const fn t(zh: &'static str, en: &'static str) -> Text {
    Text { zh, en }
}

/// An item with a short label for this chart (the panel title already says what is measured).
const fn fig_as(id: &'static str, zh: &'static str, en: &'static str) -> ItemDef {
    ItemDef {
        figure: id,
        label: Some(t(zh, en)),
    }
}

/// An item labelled with its figure's full subject.
const fn fig(id: &'static str) -> ItemDef {
    ItemDef {
        figure: id,
        label: None,
    }
}

/// Bars on one axis: the items must be comparable.
const fn bars(title: Text, items: &'static [ItemDef]) -> PanelDef {
    PanelDef {
        title,
        style: PanelStyle::Bars,
        items,
    }
}

/// Cards, one per figure: for figures that answer the question but measure unlike things.
const fn facts(title: Text, items: &'static [ItemDef]) -> PanelDef {
    PanelDef {
        title,
        style: PanelStyle::Facts,
        items,
    }
}

pub const CHARTS: &[ChartDef] = &[
    ChartDef {
        id: "pipeline_2020",
        title: t(
            "肇庆2020年以来产业项目：引进、开工、竣工",
            "Zhaoqing's industrial projects since 2020: introduced, started, completed",
        ),
        subtitle: t(
            "计划投资与实际投资分列，不可相加比较",
            "Planned and actual investment are shown apart; they are not comparable",
        ),
        question: t(
            "2020年以来肇庆引进、开工、竣工了多少产业项目，投资多少？",
            "How many industrial projects did Zhaoqing bring in, start and complete since 2020, and with how much investment?",
        ),
        layout: Layout::Bars,
        select: Select::Panels(&[
            bars(
                t("项目数量", "Number of projects"),
                &[
                    fig_as("new_projects_2020_count", "新引进", "Newly introduced"),
                    fig_as("projects_started_2020_count", "新增开工", "Newly started"),
                    fig_as(
                        "projects_completed_2020_count",
                        "新增竣工",
                        "Newly completed",
                    ),
                ],
            ),
            bars(
                t(
                    "计划投资总额（新引进项目）",
                    "Planned investment (newly introduced projects)",
                ),
                &[fig_as(
                    "new_projects_2020_planned_investment",
                    "新引进（计划）",
                    "Newly introduced (planned)",
                )],
            ),
            bars(
                t("实际投资额", "Actual investment"),
                &[
                    fig_as(
                        "projects_started_2020_investment",
                        "新增开工",
                        "Newly started",
                    ),
                    fig_as(
                        "projects_completed_2020_investment",
                        "新增竣工",
                        "Newly completed",
                    ),
                ],
            ),
        ]),
    },
    ChartDef {
        id: "flagship_investment",
        title: t("重点项目所述投资", "Flagship projects: stated investment"),
        subtitle: t(
            "每个项目一次；按计划或承诺额显示，文中未说明已投入多少；“超百亿级”只说明不少于100亿元",
            "Each project once; planned or committed amounts (the texts do not say how much has been spent); the 'over 10 billion' class gives only a floor",
        ),
        question: t(
            "文章所述投资最大的是哪些项目？",
            "Which projects do the articles give the largest investment for?",
        ),
        layout: Layout::Bars,
        select: Select::ProjectInvestment,
    },
    ChartDef {
        id: "industry_q1_2021",
        title: t(
            "肇庆2021年一季度规模以上工业",
            "Zhaoqing's industry above designated size, Q1 2021",
        ),
        subtitle: t(
            "增加值、同比增速与制造业拉动",
            "Value added, year-on-year growth and manufacturing's contribution",
        ),
        question: t(
            "2021年一季度肇庆工业增长多快？",
            "How fast did Zhaoqing's industry grow in Q1 2021?",
        ),
        layout: Layout::Bars,
        // Three figures in three units: cards, each with its own value, not three bars that
        // would each fill their own axis.
        select: Select::Panels(&[facts(
            t("2021年一季度，全市", "Q1 2021, whole city"),
            &[
                fig_as(
                    "q1_2021_industrial_value_added",
                    "规模以上工业增加值",
                    "Value added of industry above designated size",
                ),
                fig_as(
                    "q1_2021_industrial_value_added_yoy",
                    "同比增长",
                    "Year-on-year growth",
                ),
                fig_as(
                    "q1_2021_manufacturing_contribution_pp",
                    "制造业增加值拉动增长",
                    "Growth contributed by manufacturing value added",
                ),
            ],
        )]),
    },
    ChartDef {
        id: "industry_clusters",
        title: t(
            "东部地区的千亿级与500亿级产业",
            "The eastern area's 100-billion and 50-billion-yuan industries",
        ),
        subtitle: t(
            "文中称“已初步构建成型”；规模级别只给出下限，未说明口径（产值或营收），也未说明已达该规模；2025年初的报道，仅指东部地区",
            "The text says they have 'initially taken shape'; a scale class gives only a floor, and the text says neither of what (output or revenue) nor that it has been reached; reported early 2025, eastern area only",
        ),
        question: t(
            "肇庆东部地区哪些产业已达千亿级、500亿级？",
            "Which industries of Zhaoqing's eastern area have reached the 100-billion or 50-billion-yuan class?",
        ),
        layout: Layout::Bars,
        // Cards, not bars: a class the text says has "initially taken shape" is no measured size.
        select: Select::Panels(&[facts(
            t("产业规模级别（每个产业）", "Scale class (each industry)"),
            &[
                fig_as(
                    "thousand_yi_clusters_level",
                    "新能源汽车、金属加工（各）",
                    "New-energy vehicles, metal processing (each)",
                ),
                fig_as(
                    "five_hundred_yi_industries_level",
                    "新型储能、电子信息（各）",
                    "New energy storage, electronic information (each)",
                ),
            ],
        )]),
    },
    ChartDef {
        id: "villages_collective",
        title: t(
            "“百千万工程”：强村公司与达标村庄",
            "The 'Hundred-Thousand-Ten-Thousand' programme: village-strengthening companies and villages meeting the standards",
        ),
        subtitle: t(
            "已报告的数量（非预计）；两组时间不同，分列",
            "Counts reported as done (no forecasts); the two dates differ, so they are shown apart",
        ),
        question: t(
            "肇庆有多少强村公司和达标自然村？",
            "How many village-strengthening companies and natural villages meeting the standards does Zhaoqing have?",
        ),
        layout: Layout::Bars,
        select: Select::Panels(&[
            bars(
                t(
                    "强村公司（截至2024年底）",
                    "Village-strengthening companies (强村公司), end of 2024",
                ),
                &[
                    fig_as("village_companies_end_2024", "全市", "Whole city"),
                    fig_as(
                        "village_level_companies_end_2024",
                        "其中村级",
                        "of which village-level",
                    ),
                ],
            ),
            bars(
                t(
                    "达标自然村（文中“截至今年6月”，据文章时间为2023年）",
                    "Natural villages meeting the standard ('as of June this year': 2023, from the article's date)",
                ),
                &[
                    fig_as(
                        "boutique_natural_villages_2023_06",
                        "特色精品村",
                        "Boutique villages",
                    ),
                    fig_as(
                        "livable_natural_villages_2023_06",
                        "美丽宜居村",
                        "Beautiful, livable villages",
                    ),
                ],
            ),
        ]),
    },
    ChartDef {
        id: "agriculture_food",
        title: t("现代农业与预制菜", "Modern agriculture and prepared food"),
        subtitle: t(
            "各数字口径、范围与时间不同，逐条列出，不作比较",
            "The figures differ in what, where and when they measure: listed one by one, not compared",
        ),
        question: t(
            "文章对农业和预制菜产业报告了哪些数字？",
            "What figures do the articles give for farming and prepared food?",
        ),
        layout: Layout::Bars,
        select: Select::Panels(&[
            facts(
                t("产值", "Output"),
                &[fig("prepared_food_output_2022"), fig("agri_output_target")],
            ),
            facts(
                t("德庆贡柑", "Deqing Gonggan mandarins (贡柑)"),
                &[fig("gonggan_adoption_output"), fig("gonggan_exports")],
            ),
            facts(
                t("土地", "Land"),
                &[
                    fig("farmland_transferred"),
                    fig("ecological_restoration_area"),
                    fig("huaiji_land_transferred"),
                    fig("prepared_food_park_area_planned"),
                ],
            ),
        ]),
    },
    ChartDef {
        id: "growth_rates",
        title: t(
            "肇庆农村集体“三资”管理：三项指标的增幅",
            "Zhaoqing's rural collective assets: growth of three indicators",
        ),
        subtitle: t(
            "同一句话报告的三项增幅，基期未说明；见2025年初对2024年的回顾",
            "Three increases reported in one sentence, base period not stated; from a review of 2024 published early 2025",
        ),
        question: t(
            "农村集体“三资”管理的哪项指标增长最快？",
            "Which indicator of rural collective-asset management grew fastest?",
        ),
        layout: Layout::Bars,
        select: Select::Panels(&[bars(
            t("增幅", "Increase"),
            &[
                fig_as(
                    "collective_platform_trading_growth",
                    "平台交易量",
                    "Platform trading volume",
                ),
                fig_as(
                    "collective_fixed_assets_growth",
                    "核定农村集体固定资产",
                    "Verified collective fixed assets",
                ),
                fig_as(
                    "collective_contracts_managed_growth",
                    "在管合同",
                    "Contracts under management",
                ),
            ],
        )]),
    },
    ChartDef {
        id: "county_figures",
        title: t("县区概况", "County fact sheet"),
        subtitle: t(
            "所选县区的全部数据，按主题分组；可比的数据才并列成图",
            "Every figure for the selected county, by theme; only comparable figures share a chart",
        ),
        question: t(
            "文章对所选县区报告了哪些数字？",
            "What numbers do the articles report for the selected county?",
        ),
        layout: Layout::Bars,
        select: Select::County,
    },
    ChartDef {
        id: "timeline",
        title: t("数据时间线", "Timeline of the figures"),
        subtitle: t(
            "有明确时间的数据，每项一次；跨年累计画作时段，按类别着色",
            "Every figure with a stated period, each fact once; multi-year totals drawn as spans, coloured by kind",
        ),
        question: t(
            "这些数字分别是哪段时间的？",
            "Which period does each figure describe?",
        ),
        layout: Layout::Timeline,
        select: Select::Dated,
    },
];
