# Source: 長与町「第9次長与町総合計画 数値目標の進捗状況（令和元年度）」,
#   https://webtown.nagayo.jp/kiji0032107/index.html — the town judges each 数値目標
#   mechanically: S 現在値が目標値を超えている / A 基準値を超えている / B 基準値と同水準
#   (△10%以内) / C 基準値より下落 / − 評価できない (the `kijun` preset).
# Modelled: one sheet per plan with a 基本目標１/２ heading line and a 「数値目標」 title line
#   above each table (both headings, never headers); columns 成果指標名 / 単位 / 基準値（H27） /
#   現在値（R1） / 目標値（R7） / 評価; the unit in its own column and bare numbers in the value
#   cells; a KPI with no current figure (－). The page gives the scale and the vocabulary, not
#   a table text: the indicators and figures are modelled (町 figures of this kind), the
#   published grades are what the town's own rule gives for them.
# Writer: openpyxl.
import xl

wb = xl.new_workbook()
ws = xl.sheet(wb, "数値目標の進捗", [34, 8, 12, 12, 12, 7])
xl.text(ws, 1, 1, "第9次長与町総合計画　数値目標の進捗状況（令和元年度）", bold=True)
xl.text(ws, 3, 1, "基本目標１　活力あるまちをつくる", bold=True)
xl.text(ws, 4, 1, "数値目標")
header = ["成果指標名", "単位", "基準値（H27）", "現在値（R1）", "目標値（R7）", "評価"]
xl.table(ws, 5, 1, [
    header,
    ["町内事業所の従業者数", "人", "8,650", "8,910", "9,000", "A"],
    ["観光客数", "万人", "28.5", "31.2", "30.0", "S"],
    ["町民一人当たりの年間ごみ排出量", "kg", "290", "281", "270", "A"],
])
xl.text(ws, 10, 1, "基本目標２　安心して子どもを生み育てられるまちをつくる", bold=True)
xl.text(ws, 11, 1, "数値目標")
xl.table(ws, 12, 1, [
    header,
    ["出生数", "人", "350", "322", "360", "B"],
    ["子育て支援センター利用者数", "人", "9,200", "7,900", "10,000", "C"],
    ["特定健康診査の受診率", "％", "38.5", "－", "60.0", "－"],
])
xl.text(ws, 17, 1, "※評価　S：目標値を超えている　A：基準値を超えている　B：基準値と同水準（△10％以内）　C：基準値より下落　－：評価できない")
xl.save(wb, "nagayo-sogo-keikaku.xlsx")
