//! The charts the program offers: which figures each draws and the question it answers.
//! Only ids and words live here; every number comes from the dataset. A bar panel holds only
//! figures that may share an axis (`tests/charts.rs` holds every chart to that rule).

use super::{ChartDef, ItemDef, Layout, PanelDef, PanelStyle, Select};
use crate::i18n::Msg;

/// An item with a short label for this chart (the panel title already says what is measured).
const fn fig_as(id: &'static str, label: Msg) -> ItemDef {
    ItemDef {
        figure: id,
        label: Some(label),
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
const fn bars(title: Msg, items: &'static [ItemDef]) -> PanelDef {
    PanelDef {
        title,
        style: PanelStyle::Bars,
        items,
    }
}

/// Cards, one per figure: for figures that answer the question but measure unlike things.
const fn facts(title: Msg, items: &'static [ItemDef]) -> PanelDef {
    PanelDef {
        title,
        style: PanelStyle::Facts,
        items,
    }
}

pub const CHARTS: &[ChartDef] = &[
    ChartDef {
        id: "pipeline_2020",
        title: Msg::ChartZhaoqingSIndustrialProjectsSince,
        subtitle: Msg::ChartPlannedActualInvestmentAreShown,
        question: Msg::ChartHowManyIndustrialProjectsDid,
        layout: Layout::Bars,
        select: Select::Panels(&[
            bars(
                Msg::NumberProjects,
                &[
                    fig_as("new_projects_2020_count", Msg::ItemNewlyIntroduced),
                    fig_as("projects_started_2020_count", Msg::ItemNewlyStarted),
                    fig_as("projects_completed_2020_count", Msg::ItemNewlyCompleted),
                ],
            ),
            bars(
                Msg::ChartPlannedInvestmentNewlyIntroducedProjects,
                &[fig_as(
                    "new_projects_2020_planned_investment",
                    Msg::ItemNewlyIntroducedPlanned,
                )],
            ),
            bars(
                Msg::ChartActualInvestment,
                &[
                    fig_as("projects_started_2020_investment", Msg::ItemNewlyStarted),
                    fig_as(
                        "projects_completed_2020_investment",
                        Msg::ItemNewlyCompleted,
                    ),
                ],
            ),
        ]),
    },
    ChartDef {
        id: "flagship_investment",
        title: Msg::ChartFlagshipProjectsStatedInvestment,
        subtitle: Msg::ChartEachProjectOncePlannedCommitted,
        question: Msg::ChartWhichProjectsDoArticlesGive,
        layout: Layout::Bars,
        select: Select::ProjectInvestment,
    },
    ChartDef {
        id: "industry_q1_2021",
        title: Msg::ChartZhaoqingSIndustryAboveDesignated,
        subtitle: Msg::ChartValueAddedYearYearGrowth,
        question: Msg::ChartHowFastDidZhaoqingS,
        layout: Layout::Bars,
        // Three figures in three units: cards, each with its own value, not three bars that
        // would each fill their own axis.
        select: Select::Panels(&[facts(
            Msg::ChartQ12021WholeCity,
            &[
                fig_as(
                    "q1_2021_industrial_value_added",
                    Msg::ItemValueAddedIndustryAboveDesignated,
                ),
                fig_as(
                    "q1_2021_industrial_value_added_yoy",
                    Msg::ItemYearYearGrowth,
                ),
                fig_as(
                    "q1_2021_manufacturing_contribution_pp",
                    Msg::ItemGrowthContributedManufacturingValueAdded,
                ),
            ],
        )]),
    },
    ChartDef {
        id: "industry_clusters",
        title: Msg::ChartEasternAreaS100Billion,
        subtitle: Msg::ChartTextSaysTheyHaveInitially,
        question: Msg::ChartWhichIndustriesZhaoqingSEastern,
        layout: Layout::Bars,
        // Cards, not bars: a class the text says has "initially taken shape" is no measured size.
        select: Select::Panels(&[facts(
            Msg::ChartScaleClassEachIndustry,
            &[
                fig_as(
                    "thousand_yi_clusters_level",
                    Msg::ItemNewEnergyVehiclesMetalProcessing,
                ),
                fig_as(
                    "five_hundred_yi_industries_level",
                    Msg::ItemNewEnergyStorageElectronicInformation,
                ),
            ],
        )]),
    },
    ChartDef {
        id: "villages_collective",
        title: Msg::ChartHundredThousandTenThousandProgramme,
        subtitle: Msg::ChartCountsReportedDoneNoForecasts,
        question: Msg::ChartHowManyVillageStrengtheningCompanies,
        layout: Layout::Bars,
        select: Select::Panels(&[
            bars(
                Msg::ChartVillageStrengtheningCompaniesEnd2024,
                &[
                    fig_as("village_companies_end_2024", Msg::CityWide),
                    fig_as(
                        "village_level_companies_end_2024",
                        Msg::ItemWhichVillageLevel,
                    ),
                ],
            ),
            bars(
                Msg::ChartNaturalVillagesMeetingStandardJune,
                &[
                    fig_as(
                        "boutique_natural_villages_2023_06",
                        Msg::ItemBoutiqueVillages,
                    ),
                    fig_as(
                        "livable_natural_villages_2023_06",
                        Msg::ItemBeautifulLivableVillages,
                    ),
                ],
            ),
        ]),
    },
    ChartDef {
        id: "agriculture_food",
        title: Msg::ChartModernAgriculturePreparedFood,
        subtitle: Msg::ChartFiguresDifferWhatWhereWhen,
        question: Msg::ChartWhatFiguresDoArticlesGive,
        layout: Layout::Bars,
        select: Select::Panels(&[
            facts(
                Msg::ChartOutput,
                &[fig("prepared_food_output_2022"), fig("agri_output_target")],
            ),
            facts(
                Msg::ChartDeqingGongganMandarins,
                &[fig("gonggan_adoption_output"), fig("gonggan_exports")],
            ),
            facts(
                Msg::ChartLand,
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
        title: Msg::ChartZhaoqingSRuralCollectiveAssets,
        subtitle: Msg::ChartThreeIncreasesReportedOneSentence,
        question: Msg::ChartWhichIndicatorRuralCollectiveAsset,
        layout: Layout::Bars,
        select: Select::Panels(&[bars(
            Msg::ChartIncrease,
            &[
                fig_as(
                    "collective_platform_trading_growth",
                    Msg::ItemPlatformTradingVolume,
                ),
                fig_as(
                    "collective_fixed_assets_growth",
                    Msg::ItemVerifiedCollectiveFixedAssets,
                ),
                fig_as(
                    "collective_contracts_managed_growth",
                    Msg::ItemContractsUnderManagement,
                ),
            ],
        )]),
    },
    ChartDef {
        id: "county_figures",
        title: Msg::ChartCountyFactSheet,
        subtitle: Msg::ChartEveryFigureSelectedCountyTheme,
        question: Msg::ChartWhatNumbersDoArticlesReport,
        layout: Layout::Bars,
        select: Select::County,
    },
    ChartDef {
        id: "timeline",
        title: Msg::ChartTimelineFigures,
        subtitle: Msg::ChartEveryFigureStatedPeriodEach,
        question: Msg::ChartWhichPeriodDoesEachFigure,
        layout: Layout::Timeline,
        select: Select::Dated,
    },
];
