# Source: 江津市「江津市版総合戦略の令和3年度評価」(KPI評価),
#   http://www.city.gotsu.lg.jp/soshiki/2/22046.html — the city evaluates each year's KPIs of
#   its 総合戦略 and reports them with the previous evaluation.
# Modelled: a first-period (H27–H31) KPI sheet as evaluated in the strategy's last year —
#   KPI（平成32年3月まで） / 基準値（H26） / 目標値（H31） / H30実績 / R1実績見込 / 増減 /
#   達成区分 / 前回評価: the R1 figure is a forecast (実績見込) and is the current value where
#   given, else the H30 actual is; 増減 holds signed changes (+23, ▲0.19) that are never
#   values; 前回評価 is last year's grade (history). The page names the practice; the KPIs
#   and figures are modelled.
# Writer: openpyxl.
import xl

wb = xl.new_workbook()
ws = xl.sheet(wb, "KPI評価", [30, 11, 11, 11, 11, 9, 9, 9])
xl.text(ws, 1, 1, "江津市版総合戦略　KPI評価（令和元年度）", bold=True)
xl.text(ws, 3, 1, "基本目標１　産業振興による雇用の創出", bold=True)
xl.table(ws, 4, 1, [
    ["KPI（平成32年3月まで）", "基準値\n（H26）", "目標値\n（H31）", "H30実績", "R1実績見込", "増減", "達成区分", "前回評価"],
    ["新規企業立地件数（累計）", "0件", "10件", "7件", "10件", "+3", "S", "B"],
    ["UIターン者数", "180人", "250人", "232人", "255人", "+23", "S", "A"],
    ["観光入込客数", "1,050千人", "1,200千人", "1,010千人", "－", "－", "C", "C"],
    ["合計特殊出生率", "1.66", "1.80", "1.64", "1.45", "▲0.19", "D", "C"],
    ["市内事業所の従業者数", "10,450人", "10,500人", "10,120人", "9,300人", "▲820", "D", "C"],
])
xl.text(ws, 10, 1, "※増減はH30実績との比較。R1実績見込は令和2年3月時点の見込値。")
xl.save(wb, "gotsu-kpi-hyoka.xlsx")
