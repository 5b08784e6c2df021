# Source: 杵築市「第2期まち・ひと・しごと創生総合戦略期末評価について」(更新日 2025-06-27),
#   https://www.city.kitsuki.lg.jp/soshiki/1/mirai/machidukuri/11740.html — 期末評価の判定
#   A 目標を上回る効果 / B 目標を80%以上達成 / C 改善や工夫が必要 / D 注視を継続 (an
#   attainment scale: the `tassei` preset is the nearest).
# Modelled: the 主要KPI table of a second-period (R2–R6) strategy at its end — 主なKPI /
#   基準値（R元年度） / R2実績 / R3実績 / R4実績 / R5実績 / 目標値（R6） / 判定: several yearly
#   actual columns, the latest filled one is the current value (one KPI has no R5 figure yet,
#   so its R4 figure is current); units written in the cells. The page gives the scale; the
#   KPIs and figures are modelled, the 判定 is the city's scale applied to them.
# Writer: openpyxl.
import xl

wb = xl.new_workbook()
ws = xl.sheet(wb, "主要KPI", [30, 12, 10, 10, 10, 10, 12, 7])
xl.text(ws, 1, 1, "第2期杵築市まち・ひと・しごと創生総合戦略　期末評価", bold=True)
xl.text(ws, 3, 1, "基本目標１　100年住みたくなる、めぐりめぐる循環型のまちづくり", bold=True)
xl.table(ws, 4, 1, [
    ["主なKPI", "基準値\n（R元年度）", "R2実績", "R3実績", "R4実績", "R5実績", "目標値（R6）", "判定"],
    ["移住者数（累計）", "85人", "120人", "210人", "305人", "398人", "400人", "B"],
    ["創業件数（累計）", "5件", "6件", "8件", "9件", None, "10件", "B"],
    ["観光入込客数", "150.2万人", "98.5万人", "110.3万人", "135.0万人", "141.8万人", "160.0万人", "B"],
    ["ふるさと納税寄附件数", "12,000件", "18,500件", "25,300件", "31,000件", "36,200件", "30,000件", "A"],
    ["地域子育て支援拠点の利用者数", "8,400人", "3,100人", "4,800人", "5,900人", "6,300人", "9,000人", "C"],
])
xl.text(ws, 11, 1, "※判定　A：目標を上回る効果　B：目標を80％以上達成　C：改善や工夫が必要　D：本格着手が可能になるまで注視を継続")
xl.save(wb, "kitsuki-sosei-kimatsu.xlsx")
