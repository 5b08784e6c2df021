# Source: 長野県 企画振興部「【訂正版】信州創生戦略の政策評価（対象：29年度）の結果を公表します」
#   (press release, 2018-09-20), table 「基本目標の進捗状況（6指標）」,
#   https://www.pref.nagano.lg.jp/kikaku/happyou/180920-2press.html
# Modelled: the table as published — columns 指標名 / 目安値 / 実績値 / 進捗区分 / 前年度; the
#   baseline and the target written inside the indicator cell after a line break
#   (「合計特殊出生率\nH26年1.54→H31年1.68」); the 目安値 (the straight-line expected value) with
#   its year below it (「1.62\n(H29年)」); the 実績値 with a national rank below it
#   (「1.56\n(全国16位)」); negatives written ▲ (社会増減); a grade with a bracketed second
#   grade (「C\n(A※1)」) and the note ※1 under the table. Every figure and grade is the
#   report's. Left out: 健康寿命 (target 「延伸」, no figure).
# Second sheet — Source: 長野県「しあわせ信州創造プラン3.0」主要目標 (指標名 / 現状 / 目標),
#   https://nagano-plan3.com/policy, and its progress pages 「しあわせ信州創造プラン 進捗状況」,
#   https://tokei.pref.nagano.lg.jp/kpi_genre/kpi07 (figures with 「(2022年度実績)」).
# Modelled: a plan block (基準値 / 基準年度 / 目標値 / 目標年度, each KPI with its own years)
#   beside a results block (実績値（R5年度） / 見込（R6） / 達成率 / 前年度評価 / 評価) under a
#   two-row header with the group labels 計画 / 進捗; a bound 以下 in a target; a current value
#   with its own year in the cell (「251.0人\n(2022年)」) overriding the header year; the
#   office's 達成率 column. Baselines, base years, targets and target years are the plan's
#   (再生可能エネルギー生産量 2.9万TJ 2020年度 → 3.7万TJ 2027年度, 民有林における造林面積 277ha
#   2021年度 → 1,000ha 2027年度, 公共交通機関利用者数 69,077千人 2020年度 → 100,000千人 2026年度,
#   医療施設従事医師数 243.8人 2020年 → 264.6人 2026年, 交通事故死者数 46人 2022年 → 45人以下
#   2025年, 自殺死亡率 16.3人 2021年 → 12.2人); the R5 figures, forecasts and grades are modelled.
# Writer: openpyxl.
import xl

wb = xl.new_workbook()
ws = xl.sheet(wb, "基本目標の進捗状況", [46, 14, 14, 10, 9])
xl.text(ws, 1, 1, "信州創生戦略の政策評価（対象：平成29年度）", bold=True)
xl.text(ws, 3, 1, "評価の概要")
xl.text(ws, 4, 1, "基本目標の進捗状況（6指標）")
xl.table(ws, 5, 1, [
    ["指標名", "目安値", "実績値", "進捗区分", "前年度"],
    ["合計特殊出生率\nH26年1.54→H31年1.68", "1.62\n(H29年)", "1.56\n(全国16位)", "C", "A"],
    ["社会増減（人）\nH26年▲3,703→H31年▲2,000", "▲2,700\n(H29年)", "▲2,530", "A", "A"],
    ["労働生産性（千円/人）\nH24年度8,012→H29年度8,220", "8,137\n(H27年度)", "7,612\n(全国23位)", "C\n(A※1)", "B"],
    ["就業率\nH26年59.5→H31年60.0", "59.8\n(H29年)", "61.2\n(全国5位)", "A", "A"],
    ["県民一人当たり公共交通機関利用回数（回/人）\nH25年度48.2→H30年度49.9", "49.3\n(H28年度)", "50.0", "A", "A"],
])
xl.text(ws, 11, 1, "※1 労働生産性の算出根拠となる県民経済計算が遡及改定され、目標設定時よりも低く算定。"
        "H27年度は基準年度(H24年度)に比べて6.4%増(7,153千円/人→7,612千円/人)と、"
        "目標設定時の想定の1.6%増(8,012千円/人→8,137千円/人)を上回りました。")

ws2 = xl.sheet(wb, "主要目標の進捗", [40, 11, 9, 12, 9, 13, 11, 9, 9, 7])
xl.text(ws2, 1, 1, "しあわせ信州創造プラン3.0　主要目標の進捗状況（令和5年度）", bold=True)
xl.table(ws2, 3, 1, [
    ["計画", None, None, None, None, "進捗", None, None, None, None],
    ["指標名", "基準値", "基準年度", "目標値", "目標年度", "実績値（R5年度）", "見込（R6）", "達成率", "前年度評価", "評価"],
    ["再生可能エネルギー生産量", "2.9万TJ", "2020年度", "3.7万TJ", "2027年度", "3.2万TJ", None, "86.5%", "B", "B"],
    ["民有林における造林面積", "277ha", "2021年度", "1,000ha", "2027年度", "402ha", "650ha", "65.0%", "C", "A"],
    ["公共交通機関利用者数", "69,077千人", "2020年度", "100,000千人", "2026年度", "84,500千人", None, "84.5%", "C", "B"],
    ["医療施設従事医師数（人口10万人当たり）", "243.8人", "2020年", "264.6人", "2026年", "251.0人\n(2022年)", None, "94.9%", "B", "A"],
    ["交通事故死者数", "46人", "2022年", "45人以下", "2025年", "52人", None, "86.5%", "A", "D"],
    ["自殺死亡率（人口10万人当たり）", "16.3人", "2021年", "12.2人", "2027年", "15.1人", None, "80.8%", "B", "B"],
], header_rows=2, merges=[(0, 0, 0, 4), (0, 5, 0, 9)])
xl.save(wb, "nagano-shinshu-sosei.xlsx")
