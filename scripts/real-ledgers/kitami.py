# Source: 北見市「平成27年度 事務事業評価シート（中間・事後）【シートの見方】」,
#   https://expydoc.com/doc/7816172/ (the city's own guide to its evaluation sheet).
# Modelled: the sheet's 成果指標 block as the guide lays it out — 成果指標名 / 単位 / 区分 /
#   25年度 / 26年度 / 27年度 / 最終目標値 / 目標年度, and each indicator in two rows, 区分
#   目標値 above 実績値 (years across, kinds of value down); years written without an era
#   (「25年度」 is 平成25年度); the final target and its year in their own columns (目標年度),
#   merged over the indicator's two rows, as are its name and unit; figures stored as
#   numbers. The guide shows the frame only: the indicators and figures are modelled.
#   The sheet has no grade column for the indicators.
# Writer: openpyxl.
import xl

wb = xl.new_workbook()
ws = xl.sheet(wb, "事務事業評価シート", [30, 8, 9, 10, 10, 10, 11, 9])
xl.text(ws, 1, 1, "平成27年度　事務事業評価シート（中間・事後）", bold=True)
xl.text(ws, 3, 1, "事務事業名　市民活動推進事業")
rows = [
    ["成果指標名", "単位", "区分", "25年度", "26年度", "27年度", "最終目標値", "目標年度"],
    ["市民活動団体の登録数", "団体", "目標値", 120, 125, 130, 140, "H29"],
    [None, None, "実績値", 118, 124, 131, None, None],
    ["市民活動講座受講者の満足度", "％", "目標値", 80.0, 82.0, 84.0, 90.0, "H29"],
    [None, None, "実績値", 78.5, 77.0, 76.9, None, None],
    ["市民活動センターの利用者数", "人", "目標値", 45000, 46000, 47000, 47000, "H27"],
    [None, None, "実績値", 44210, 45980, 47300, None, None],
]
merges = []
for top in (1, 3, 5):
    for col in (0, 1, 6, 7):
        merges.append((top, col, top + 1, col))
xl.table(ws, 5, 1, rows, merges=merges)
for r in range(6, 12):
    for c in (4, 5, 6, 7):
        cell = ws.cell(row=r, column=c)
        if isinstance(cell.value, float):
            cell.number_format = "0.0"
        elif isinstance(cell.value, int):
            cell.number_format = "#,##0"
xl.save(wb, "kitami-jimu-jigyo.xlsx")
