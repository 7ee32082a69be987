"""Deadlines of task tables (重点任务分工表): each row's 完成时限 cell dates its task."""

from __future__ import annotations

import pytest

from plantext.extractors.schedules import extract_schedule_deadlines, schedule_columns
from plantext.extractors.tables import RawRow, RawTable, read_tables
from plantext.ingest.text import read_text
from plantext.layout import analyse

TASK_TABLE = (
    "  洛阳市臭氧污染防治攻坚行动实施方案\n\n"
    "          （2023—2025 年）\n\n"
    "  一、总体要求\n\n"
    "  到2025年，全市细颗粒物浓度控制在40微克/立方米以下。\n\n"
    "\f     附件\n\n"
    "          洛阳市臭氧污染防治攻坚行动重点任务分工表\n"
    "序号   重点任务                  牵头单位    配合单位        完成时限\n"
    "1    完成全市“两高”项目清单动态       市发展改革委   市工业和信息化局、   2023 年 12\n"
    "     更新                            市生态环境局       月底前\n"
    "2    推广使用低（无）VOCs 含量原辅    市工业和信息   市生态环境局、市市   长期坚持\n"
    "     材料                     化局     场监管局\n"
    "3    修订重污染天气应急减排清单        市生态环境局   市工业和信息化局     每年9月底前\n"
    "4    完成低效 VOCs 治理设施升级改造    市生态环境局   各县（市、区）政府   2024 年底\n"
    "                                                  前\n"
)


def tables_of(tmp_path, text):
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return read_tables(analyse(read_text(path)))


@pytest.mark.parametrize(
    "headers,columns",
    [
        (["序号", "重点任务", "牵头单位", "配合单位", "完成时限"], (1, 4)),
        (["序号", "工作任务", "责任单位", "完成时间"], (1, 3)),
        # the time column's header may name the task too
        (["序号", "主要任务", "任务完成时限"], (1, 2)),
        # an indicator table has no time column
        (["序号", "指标", "单位", "2020年", "2025年", "属性"], None),
        # a header that is a task word wins over one that holds it
        (["序号", "任务类别", "工作任务", "责任单位", "完成时限"], (2, 4)),
        # a table of projects and the years they are built in
        (["序号", "项目名称", "建设内容", "建设期限"], (1, 3)),
        # a time column without a task column is no task table
        (["序号", "考核内容", "完成时限"], None),
    ],
)
def test_schedule_columns_are_the_task_and_the_time_it_is_due(headers, columns):
    assert schedule_columns(headers) == columns


def test_each_dated_row_of_a_task_table_is_a_deadline_of_its_task(tmp_path):
    deadlines = extract_schedule_deadlines(tables_of(tmp_path, TASK_TABLE), plan_start=2023)
    assert [(d.raw, d.date, d.kind, d.text, d.page) for d in deadlines] == [
        ("2023年12月底前", "2023-12-31", "by", "完成全市“两高”项目清单动态更新", 2),
        ("2024年底前", "2024-12-31", "by", "完成低效VOCs治理设施升级改造", 2),
    ]


def test_a_due_time_before_the_plans_period_is_the_past(tmp_path):
    assert extract_schedule_deadlines(tables_of(tmp_path, TASK_TABLE), plan_start=2025) == []


def test_a_table_of_projects_dates_each_project_by_its_years_of_construction(tmp_path):
    text = (
        "某市“十五五”生态环境保护规划\n\n第三章 重点工程\n\n"
        "            专栏 1   “十五五”生态环境保护重点项目\n"
        "序号    项目名称                建设内容                建设期限\n"
        "1     曹娥江流域水生态修复工程        修复河道岸线 45 公里。       2026—2028年\n"
        "2     滨海新区污水处理厂提标改造工程     新增处理规模 10 万吨/日。     2027 年\n"
    )
    deadlines = extract_schedule_deadlines(tables_of(tmp_path, text), plan_start=2026)
    assert [(d.raw, d.date, d.text) for d in deadlines] == [
        ("2026—2028年", "2028-12-31", "曹娥江流域水生态修复工程"),
        ("2027年", "2027-12-31", "滨海新区污水处理厂提标改造工程"),
    ]


PROJECT_TABLE = (
    "某区“十四五”生态环境保护规划\n\n第五章 保障措施\n\n"
    "         附表 1   重点项目表\n"
    "序号   项目名称                               总投资     {header}       责任单位\n"
    "1      溪口工业园区污水处理厂提标改造工程     8600       2021—2023年    区住建局\n"
    "3      挥发性有机物综合治理工程               3200       2022年         区生态环境分局\n"
)


@pytest.mark.parametrize(
    "header,kinds",
    [
        # The years a project is built in: a single year is the one it is built during.
        ("建设年限", ["during", "during"]),
        ("建设期限", ["during", "during"]),
        # The time it is due: a year is completion by its end.
        ("完成时限", ["during", "by"]),
    ],
)
def test_a_bare_year_of_construction_is_the_year_the_project_is_built_during(tmp_path, header, kinds):
    deadlines = extract_schedule_deadlines(tables_of(tmp_path, PROJECT_TABLE.format(header=header)), plan_start=2021)
    assert [(d.raw, d.date, d.kind) for d in deadlines] == [
        ("2021—2023年", "2023-12-31", kinds[0]),
        ("2022年", "2022-12-31", kinds[1]),
    ]


def test_the_year_labels_of_a_table_whose_rows_are_years_are_no_deadlines():
    # 附件 1 of 青水县…三年行动实施方案: 2023年 labels a row of targets, it dates no task.
    table = RawTable(
        "附件 1",
        "青水县农村生活污水治理三年行动主要目标",
        5,
        ["年度", "农村生活污水治理率（%）", "设施运维覆盖率（%）"],
        [RawRow(["2022年（基期）", "38", "70"], [], 5), RawRow(["2023年", "45", "85"], [], 5), RawRow(["2025年", "≥60", "100"], [], 5)],
    )
    assert extract_schedule_deadlines([table], plan_start=2023) == []
