# Source: あきる野市「第2次あきる野市総合計画の進捗管理」,
#   https://www.city.akiruno.tokyo.jp/0000016060.html — the 進捗管理シート's 自己評価 on the
#   scale F 事業完了 / S 目標値以上 / A 目標値どおり / B 要改善 / C 要大幅改善 / X 未着手 /
#   Y 中止 / Z 評価困難 (judged as "このまま業務を進めることにより…見込み", a forecast).
# Modelled: the 成果目標 table of the 進捗管理シート — 指標名（単位） / 基準値（H30） /
#   令和5年度末実績 / 目標値（R6） / 自己評価 / 取組における進捗状況; the unit in brackets at the
#   end of the indicator name; state words where a figure would be (完了, 未着手, 中止,
#   評価困難, 未策定 / 策定完了). The page gives the scale and the words; the indicators and
#   figures are modelled.
# Writer: openpyxl.
import xl

wb = xl.new_workbook()
ws = xl.sheet(wb, "進捗管理シート", [34, 11, 12, 11, 8, 36])
xl.text(ws, 1, 1, "第2次あきる野市総合計画　進捗管理シート（令和5年度）", bold=True)
xl.text(ws, 3, 1, "（1）施策の成果目標")
xl.table(ws, 4, 1, [
    ["指標名（単位）", "基準値\n（H30）", "令和5年度末実績", "目標値（R6）", "自己評価", "取組における進捗状況"],
    ["市民農園の区画数（区画）", "320", "356", "380", "A", "新規農園2か所を開設した。"],
    ["公共施設個別施設計画の策定", "未策定", "完了", "策定完了", "F", "令和5年度に策定を完了した。"],
    ["観光案内所の多言語対応（か所）", "0", "未着手", "3", "X", "設置場所を検討中。"],
    ["コミュニティバスの年間利用者数（人）", "185,000", "中止", "200,000", "Y", "路線再編に伴い事業を中止した。"],
    ["市民活動団体の登録数（団体）", "95", "評価困難", "110", "Z", "登録制度の見直し中のため評価困難。"],
    ["ごみの資源化率（％）", "18.5", "17.2", "22.0", "C", "資源物の分別徹底を周知した。"],
])
xl.text(ws, 12, 1, "※自己評価　F：事業完了　S：目標値以上　A：目標値どおり　B：要改善　C：要大幅改善　X：未着手　Y：中止　Z：評価困難")
xl.save(wb, "akiruno-shinchoku-kanri.xlsx")
