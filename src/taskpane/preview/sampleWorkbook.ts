/**
 * A workbook like the seed report (柏崎市 H29 progress report), for the browser
 * preview and the screenshot harness: several sheets, tables separated by
 * headings, sub-rows, census years, a rank, typed grades (two of which differ from
 * the rule, as in the seed), a Kanazawa-style list without a grade column and one
 * unreadable cell. Dev-only: the add-in never bundles it.
 */
import type { GridCell, SheetGrid } from '../../core/grid';

type Row = readonly (string | number | null)[];

function sheet(name: string, rows: readonly Row[]): SheetGrid {
  return {
    name,
    rows: rows.map((r) =>
      r.map((v): GridCell | undefined =>
        v === null || v === '' ? undefined : { text: String(v), value: v },
      ),
    ),
    merges: [],
  };
}

const HEADER: Row = ['No', '重要業績評価指標（ＫＰＩ）', '当初\n(H26)', '(H28)', '現状\n(H29)', '目標値\n(H31)', '達成\n状況'];

export function sampleWorkbook(): SheetGrid[] {
  return [
    sheet('第1節 雇用', [
      ['基本的方向１ 雇用対策の強化を図る'],
      HEADER,
      ['１', '女性の生産年齢人口（15歳から64歳まで）における就業率\n（企画政策課）', '63.0％\n(H22 国調)', '－', '69.8％\n(H27 国調)', '65.0%\n(H32 国調)', 'Ｓ'],
      ['２', '新規学校卒業者の市内就職率（商業観光課）', null, null, null, null, null],
      [null, '市内高校', '59.0％', '55.6％', '60.5％', '61.0％', 'Ｂ'],
      [null, '市内大学', '13.0％', '16.0', '13.7％', '15.0％', 'Ｂ'],
      [],
      ['ＫＰＩの達成に係る施策の主な取組と成果、課題と今後の展開'],
      [],
      ['基本的方向２ 地域産業の振興を更に進める'],
      HEADER,
      ['１', '製造品出荷額における付加価値額（ものづくり振興課）', '720億円\n(H24)', '693億円\n(H26)', '665億円\n（H28）', '770億円\n以上', 'Ｃ'],
      ['２', '観光入込客数（商業観光課）', '372万人', '397万人', '356万人', '450万人\n以上', 'Ｃ'],
    ]),
    sheet('第2節 子育て', [
      ['基本的方向１ 地域で子育てを支援する'],
      HEADER,
      ['１', '地域における子育て支援拠点施設（保育課）', '18か所', '20か所', '21か所', '20か所\n以上', 'Ｓ'],
      ['２', 'ハッピーパートナー企業登録数（人権啓発・男女共同参画室）', '27社', '35社', '38社', '40社\n以上', 'Ａ'],
      [],
      ['基本的方向２ 若者の出会いの場をつくる'],
      HEADER,
      ['１', '婚姻の割合（25歳～39歳）（企画政策課）', '54.9％\n(H22 国調)', '－', '53.5％\n(H27 国調)', '56.0%以上\n(H32 国調)', 'Ｃ'],
      ['２', '結婚活動応援事業による成婚数（子育て支援課）', '17組', '23組', '27組', '30組以上', 'Ａ'],
    ]),
    sheet('第4節 定住', [
      ['基本的方向１ 柏崎らしさを創出する'],
      HEADER,
      ['１', '地域ブランド調査による全国魅力度ランキング(企画政策課)', '440位', '748位', '660位', '300位以内', 'Ｄ'],
      ['２', 'ふるさと応縁基金への寄附件数（元気発信課）', '372件', '2,920件', '4,542件', '2,000件', 'Ｓ'],
      [],
      ['基本的方向２ 若者の定住を促進する'],
      HEADER,
      ['１', '若者の定住率\n（企画政策課）', '60.0％\n(H22 国調)', '－', '63.3％\n(H27 国調)', '62.0%以上', 'Ａ'],
      ['２', '若者（15歳から24歳まで）の学業・就職を理由とした転出超過数（企画政策課）', '217人', '186人', '198人', '150人以下', null],
    ]),
    sheet('指標一覧', [
      ['総合計画 成果指標一覧（令和6年度）'],
      ['指標名', '基準値\n(R1)', '実績値\n(R5)', '目標値\n(R6)'],
      ['市民満足度（市政全般）', '52.0%', '58.5%', '60.0%'],
      ['公共交通の利用者数', '1,200千人', '1,050千人', '1,300千人'],
      ['自主防災組織の結成率', '78.0%', '調査中です', '90.0%'],
    ]),
  ];
}

/** `kpis` indicators over several sheets of 10-row tables: for checking that large results stay responsive. */
export function largeWorkbook(kpis: number, sheets = 10): SheetGrid[] {
  const perSheet = Math.ceil(kpis / sheets);
  const out: SheetGrid[] = [];
  let made = 0;
  for (let s = 0; s < sheets && made < kpis; s++) {
    const rows: Row[] = [];
    for (let i = 0; i < perSheet && made < kpis; i += 10) {
      rows.push([`基本的方向${i / 10 + 1}`], HEADER);
      for (let k = 0; k < 10 && made < kpis; k++, made++) {
        const base = 100 + ((made * 37) % 50);
        const cur = base + ((made * 13) % 40) - 10;
        rows.push([String(k + 1), `指標 ${made + 1}（企画政策課）`, `${base}件`, '－', `${cur}件`, `${base + 30}件`, made % 7 === 0 ? 'Ｂ' : null]);
      }
      rows.push([]);
    }
    out.push(sheet(`第${s + 1}節`, rows));
  }
  return out;
}

/** Sheets with text but no KPI table: what the empty state is for. */
export function emptyWorkbook(): SheetGrid[] {
  return [
    sheet('会議メモ', [['令和6年度 第2回 推進委員会 メモ'], ['議題', '担当', '期限'], ['資料の確認', '企画政策課', '5月末']]),
    sheet('Sheet2', []),
  ];
}
