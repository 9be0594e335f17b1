//! The charts the program offers: which figures each draws and the question it answers.
//! Only ids and words live here; every number comes from the dataset.

use super::{ChartDef, ItemDef, Layout, PanelDef, Select, Text};

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

/// Items drawn in two charts, labelled the same in both.
const PREPARED_FOOD_OUTPUT: ItemDef = fig_as(
    "prepared_food_output_2022",
    "预制菜工业总产值（2022）",
    "Prepared food output (2022)",
);
const AGRI_OUTPUT_TARGET: ItemDef = fig_as(
    "agri_output_target",
    "农林牧渔业总产值（目标）",
    "Farm, forestry and fishery output (goal)",
);

pub const CHARTS: &[ChartDef] = &[
    ChartDef {
        id: "pipeline_2020",
        title: t(
            "2020年以来产业项目：引进、开工、竣工",
            "Industrial projects since 2020: introduced, started, completed",
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
            PanelDef {
                title: t("项目数量", "Number of projects"),
                items: &[
                    fig_as("new_projects_2020_count", "新引进", "Newly introduced"),
                    fig_as("projects_started_2020_count", "新增开工", "Newly started"),
                    fig_as(
                        "projects_completed_2020_count",
                        "新增竣工",
                        "Newly completed",
                    ),
                ],
            },
            PanelDef {
                title: t(
                    "计划投资总额（新引进项目）",
                    "Planned investment (newly introduced projects)",
                ),
                items: &[fig_as(
                    "new_projects_2020_planned_investment",
                    "新引进（计划）",
                    "Newly introduced (planned)",
                )],
            },
            PanelDef {
                title: t("实际投资额", "Actual investment"),
                items: &[
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
            },
        ]),
    },
    ChartDef {
        id: "flagship_investment",
        title: t("重点项目投资规模", "Flagship projects: size of investment"),
        subtitle: t(
            "均为计划或承诺投入，非已完成投资",
            "All are planned or committed amounts, not money spent",
        ),
        question: t(
            "肇庆的龙头项目投资有多大？",
            "How large are Zhaoqing's flagship investments?",
        ),
        layout: Layout::Bars,
        select: Select::Panels(&[PanelDef {
            title: t("单个项目投资", "Investment per project"),
            items: &[
                fig_as(
                    "fenghua_expansion_investment",
                    "风华高科增资扩产",
                    "Fenghua Advanced expansion",
                ),
                fig_as(
                    "four_100yi_projects_2021_level",
                    "风华、小鹏、万达、宁德时代（各）",
                    "Fenghua, XPeng, Wanda, CATL (each)",
                ),
                fig_as(
                    "three_100yi_projects_2020_level",
                    "2020年落地的三个单体项目（各）",
                    "Three single projects landed since 2020 (each)",
                ),
                fig_as(
                    "guangning_eod_credit",
                    "广宁EOD项目（贷款授信）",
                    "Guangning EOD project (credit line)",
                ),
                fig_as(
                    "dx_cluster_project_size",
                    "大型产业集聚区引进项目（各）",
                    "Projects brought into the large industrial cluster (each)",
                ),
            ],
        }]),
    },
    ChartDef {
        id: "industry_q1_2021",
        title: t(
            "2021年一季度规模以上工业",
            "Industry above designated size, Q1 2021",
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
        select: Select::Panels(&[
            PanelDef {
                title: t("规模以上工业增加值", "Industrial value added"),
                items: &[fig_as(
                    "q1_2021_industrial_value_added",
                    "2021年一季度",
                    "Q1 2021",
                )],
            },
            PanelDef {
                title: t("同比增长", "Year-on-year growth"),
                items: &[fig_as(
                    "q1_2021_industrial_value_added_yoy",
                    "2021年一季度",
                    "Q1 2021",
                )],
            },
            PanelDef {
                title: t("制造业增加值拉动增长", "Contribution of manufacturing"),
                items: &[fig_as(
                    "q1_2021_manufacturing_contribution_pp",
                    "2021年一季度",
                    "Q1 2021",
                )],
            },
        ]),
    },
    ChartDef {
        id: "industry_clusters",
        title: t("产业集群规模", "Industry clusters by scale"),
        subtitle: t(
            "“千亿级”“500亿级”为规模下限；农林牧渔业总产值为目标",
            "'1000-yi' and '500-yi' levels are lower bounds; the farm output figure is a goal",
        ),
        question: t(
            "肇庆有哪些大产业，规模多大？",
            "Which large industries does Zhaoqing have, and how large are they?",
        ),
        layout: Layout::Bars,
        select: Select::Panels(&[
            PanelDef {
                title: t("产业规模", "Scale"),
                items: &[
                    fig_as(
                        "thousand_yi_clusters_level",
                        "新能源汽车、金属加工（各）",
                        "New-energy vehicles, metal processing (each)",
                    ),
                    fig_as(
                        "five_hundred_yi_industries_level",
                        "新型储能、电子信息（各）",
                        "New energy storage, electronics (each)",
                    ),
                    PREPARED_FOOD_OUTPUT,
                    AGRI_OUTPUT_TARGET,
                ],
            },
            PanelDef {
                title: t("集群数量", "Number of clusters"),
                items: &[
                    fig_as(
                        "thousand_yi_clusters_count",
                        "千亿级产业集群",
                        "1000-yi clusters",
                    ),
                    fig_as(
                        "five_hundred_yi_industries_count",
                        "500亿级产业",
                        "500-yi industries",
                    ),
                    fig_as(
                        "agri_industry_clusters",
                        "农业产业集群（打造中）",
                        "Farm clusters (being built)",
                    ),
                ],
            },
        ]),
    },
    ChartDef {
        id: "villages_collective",
        title: t(
            "“百千万工程”与村集体经济",
            "The 'Hundred-Thousand-Ten-Thousand' programme and village collectives",
        ),
        subtitle: t(
            "强村公司、村集体收入与村庄建设",
            "Village companies, collective income and village renewal",
        ),
        question: t(
            "县镇村发展取得了哪些成果？",
            "What has the county–town–village programme achieved?",
        ),
        layout: Layout::Bars,
        select: Select::Panels(&[
            PanelDef {
                title: t(
                    "强村公司（截至2024年底）",
                    "Village companies (end of 2024)",
                ),
                items: &[
                    fig_as("village_companies_end_2024", "全市", "All"),
                    fig_as(
                        "village_level_companies_end_2024",
                        "其中村级",
                        "of which village-level",
                    ),
                ],
            },
            PanelDef {
                title: t("村集体收入", "Village collective income"),
                items: &[
                    fig_as(
                        "village_operating_income_avg_forecast",
                        "经营性收入平均（预计）",
                        "Average operating income (forecast)",
                    ),
                    fig_as(
                        "village_income_min_forecast",
                        "所有村集体收入（预计）",
                        "Every village (forecast)",
                    ),
                    fig_as(
                        "assisted_village_collective_income",
                        "帮扶镇八成以上行政村",
                        "Over 80% of villages in assisted towns",
                    ),
                ],
            },
            PanelDef {
                title: t(
                    "达标自然村（截至2023年6月）",
                    "Natural villages meeting the standard (June 2023)",
                ),
                items: &[
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
            },
        ]),
    },
    ChartDef {
        id: "agriculture_food",
        title: t("现代农业与预制菜", "Modern agriculture and prepared food"),
        subtitle: t("产值、出口与土地", "Output, exports and land"),
        question: t(
            "农业和预制菜产业有多大规模？",
            "How large are farming and the prepared-food industry?",
        ),
        layout: Layout::Bars,
        select: Select::Panels(&[
            PanelDef {
                title: t("产值", "Output"),
                items: &[PREPARED_FOOD_OUTPUT, AGRI_OUTPUT_TARGET],
            },
            PanelDef {
                title: t("德庆贡柑", "Deqing tribute oranges"),
                items: &[fig_as(
                    "gonggan_adoption_output",
                    "认养活动产值",
                    "Tree-adoption output",
                )],
            },
            PanelDef {
                title: t(
                    "德庆贡柑累计出口",
                    "Deqing tribute orange exports (cumulative)",
                ),
                items: &[fig_as("gonggan_exports", "累计出口", "Exports")],
            },
            PanelDef {
                title: t("土地", "Land"),
                items: &[
                    fig_as(
                        "prepared_food_park_area_planned",
                        "预制菜产业园（谋划）",
                        "Prepared-food park (planned)",
                    ),
                    fig_as(
                        "huaiji_land_transferred",
                        "怀集县流转土地",
                        "Land transferred in Huaiji",
                    ),
                    fig_as(
                        "farmland_transferred",
                        "全市流转耕地",
                        "Farmland transferred, city",
                    ),
                    fig_as(
                        "ecological_restoration_area",
                        "生态修复",
                        "Ecological restoration",
                    ),
                ],
            },
        ]),
    },
    ChartDef {
        id: "growth_rates",
        title: t("增长率", "Growth rates"),
        subtitle: t(
            "文章报告的同比或累计增幅",
            "Year-on-year or cumulative increases the articles report",
        ),
        question: t("哪些指标增长最快？", "Which measures grew fastest?"),
        layout: Layout::Bars,
        select: Select::Panels(&[PanelDef {
            title: t("增幅", "Increase"),
            items: &[
                fig_as(
                    "xpeng_may_2021_deliveries_yoy",
                    "小鹏汽车5月交付量（2021）",
                    "XPeng May deliveries (2021)",
                ),
                fig_as(
                    "q1_2021_industrial_value_added_yoy",
                    "规模以上工业增加值（2021Q1）",
                    "Industrial value added (Q1 2021)",
                ),
                fig_as(
                    "collective_platform_trading_growth",
                    "农村集体资产平台交易量",
                    "Collective-asset platform trading",
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
        }]),
    },
    ChartDef {
        id: "county_figures",
        title: t("县区数据", "Figures by county"),
        subtitle: t(
            "所选县区的全部数据，按单位分组",
            "Every figure for the selected county, grouped by unit",
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
            "有明确时间的全部数据，按类别着色",
            "Every figure with a stated period, coloured by kind",
        ),
        question: t(
            "这些数字分别是哪一年的？",
            "Which year does each figure describe?",
        ),
        layout: Layout::Timeline,
        select: Select::Dated,
    },
];
