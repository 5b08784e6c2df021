# Source: 静岡県総合計画（後期アクションプラン）の評価「“ふじのくに”づくり白書」(平成28年度) as
#   quoted indicator by indicator in ふじのくに県民クラブ「政策体系シートに基づく川勝県政4年間の
#   評価」, http://fujinokuni-kc.jp/chiji/sheet.html — each 参考指標 with its years marked
#   (基準値)(現状値)(目標値) and 【H28県総合計画評価「B」】.
# Modelled: one small table per KPI — a caption line with the indicator's name, a row of
#   years marked （基準値） / （現状値） / （目標値）, one row of values, and the published grade;
#   three KPIs stacked on one sheet. Every figure and grade is the source's:
#   多数の者が利用する大規模建築物耐震化率 H24 86.5% … H27 89.5% → H29 92% (B);
#   土砂災害防止施設により保全された人口 H24 89,700人 … H27 92,400人 → H29 94,800人 (B);
#   想定される大規模地震犠牲者 H25 105,000人 → H28 74,000人, target 「基準値より8割減」 (H34),
#   a target written in words that no figure grammar reads: it must be reported, not dropped.
# Writer: openpyxl.
import xl

wb = xl.new_workbook()
ws = xl.sheet(wb, "参考指標", [14, 12, 12, 14, 16, 8])
xl.text(ws, 1, 1, "静岡県総合計画 後期アクションプラン評価（平成28年度）　参考指標の推移", bold=True)

xl.text(ws, 3, 1, "多数の者が利用する大規模建築物耐震化率")
xl.table(ws, 4, 1, [
    ["H24年度\n（基準値）", "H25年度", "H26年度", "H27年度\n（現状値）", "H29年度\n（目標値）", "評価"],
    ["86.5%", "88.1%", "88.9%", "89.5%", "92%", "B"],
])
xl.text(ws, 7, 1, "土砂災害防止施設により保全された人口")
xl.table(ws, 8, 1, [
    ["H24年度\n（基準値）", "H25年度", "H26年度", "H27年度\n（現状値）", "H29年度\n（目標値）", "評価"],
    ["89,700人", "91,100人", "91,700人", "92,400人", "94,800人", "B"],
])
xl.text(ws, 11, 1, "想定される大規模地震犠牲者")
xl.table(ws, 12, 1, [
    ["H25年度\n（基準値）", "H28年度\n（現状値）", "H34年度\n（目標値）", "評価"],
    ["105,000人", "74,000人", "基準値より8割減", "B"],
])
xl.save(wb, "shizuoka-fujinokuni.xlsx")
