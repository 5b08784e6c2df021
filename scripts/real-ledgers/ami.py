# Source: 阿見町「施策評価を実施しています（令和6年度施策評価（令和5年度結果））」,
#   https://www.town.ami.lg.jp/0000008596.html — 第6次総合計画の53施策の施策評価シート,
#   grades A 順調 / B 概ね順調 / C 一部遅れている / D 大幅に遅れている (A9 / B37 / C7 / D0).
# Modelled: sheet 施策評価シート — a plan block (主な指標 / 単位 / 基準値（R元年度） / 目標値（R9）)
#   with the yearly results block below it (策定時, R2 … R5 across; 実績値 / 達成率 / 評価
#   down per indicator); sheet 重点プロジェクト — the indicator's name and its target in one
#   cell (「就業相談者数\n１００人」) under a combined header 指標名／目標値（R9） (the header is
#   modelled: it names both things the cell holds), with full-width figures. The page gives the sheet's
#   existence and scale; layouts in the style of such sheets, indicators and figures modelled.
# Writer: openpyxl.
import xl

wb = xl.new_workbook()
ws = xl.sheet(wb, "施策評価シート", [30, 9, 11, 11, 9, 9, 9])
xl.text(ws, 1, 1, "令和6年度 施策評価シート（令和5年度結果）　施策1-1 地域コミュニティの活性化", bold=True)
xl.text(ws, 3, 1, "■成果指標")
xl.table(ws, 4, 1, [
    ["主な指標", "単位", "基準値\n（R元年度）", "目標値（R9）"],
    ["町の住みやすさ満足度", "%", "62.4", "70.0"],
    ["地域活動に参加した町民の割合", "%", "31.0", "40.0"],
])
xl.text(ws, 8, 1, "■実績の推移")
xl.table(ws, 9, 1, [
    ["主な指標", "区分", "策定時", "R2", "R3", "R4", "R5"],
    ["町の住みやすさ満足度", "実績値", "62.4", "63.0", "64.1", "63.5", "65.8"],
    [None, "達成率", "89.1%", "90.0%", "91.6%", "90.7%", "94.0%"],
    [None, "評価", None, "B", "B", "B", "B"],
    ["地域活動に参加した町民の割合", "実績値", "31.0", "24.5", "26.0", "27.9", "28.8"],
    [None, "達成率", "77.5%", "61.3%", "65.0%", "69.8%", "72.0%"],
    [None, "評価", None, "C", "C", "C", "C"],
], merges=[(1, 0, 3, 0), (4, 0, 6, 0)])

ws2 = xl.sheet(wb, "重点プロジェクト", [30, 13, 11, 7])
xl.text(ws2, 1, 1, "重点プロジェクト　指標の状況（令和5年度）", bold=True)
xl.table(ws2, 3, 1, [
    ["指標名／目標値（R9）", "基準値（R3）", "R5実績", "評価"],
    ["就業相談者数\n１００人", "６２人", "８１人", "A"],
    ["移住定住相談件数\n１２０件", "４５件", "５２件", "C"],
    ["町内での創業件数（累計）\n３０件", "４件", "１５件", "A"],
])
xl.save(wb, "ami-shisaku-hyoka.xlsx")
