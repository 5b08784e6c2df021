/**
 * The whole seed report (Kashiwazaki, FY H29, section ４) on one sheet: eight KPI tables
 * with headings, free text, chart data and lists of measures around them, laid out the way
 * the PDF shows them. Every one of the 17 KPI rows must be found, with its published grade.
 */
import { describe, expect, it } from 'vitest';
import { detectKpiTables } from '../../../src/core/detect';
import { cellAddress, type SheetGrid } from '../../../src/core/grid';
import { buildGrid, type CellInput } from '../../support/gridBuilder';

type Row = CellInput[];

const LONG_TEXT =
  '３５歳未満の若者・障害者等をトライアル雇用する市内事業所に対し、国の制度に上乗せして奨励金を交付する事業を実施した（１０事業所、１９人分）。';

/** Builds the seed sheet: rows and merges, the merges written as they fall. */
function seedSheet(): SheetGrid {
  const rows: Row[] = [];
  const merges: string[] = [];
  const at = () => rows.length + 1; // the 1-based sheet row the next row lands on

  const text = (t: string) => {
    merges.push(`A${at()}:G${at()}`);
    rows.push([t]);
  };
  const header = (direction: string) => {
    rows.push([direction]);
    merges.push(`A${at()}:B${at() + 1}`, `G${at()}:G${at() + 1}`);
    rows.push(['重要業績評価指標（ＫＰＩ）', '', '当初', '', '現状', '目標値', '達成\n状況']);
    rows.push(['', '', '(H26)', '(H28)', '(H29)', '(H31)', '']);
  };
  const kpi = (no: string, name: string, ...cells: string[]) => rows.push([no, name, ...cells]);
  const after = (withSss: boolean) => {
    if (withSss) rows.push(['ｓｓｓｓｓｓｓｓｓｓｓｓｓｓｓ']);
    else rows.push([]);
    text('ＫＰＩの達成に係る施策の主な取組と成果、課題と今後の展開');
    text('主要施策（１） 若者の雇用促進 ≪重点プロジェクト≫ 担当課：商業観光課、元気発信課');
    rows.push(['主な取組と\n成果', LONG_TEXT]);
    merges.push(`B${at() - 1}:G${at() - 1}`);
    rows.push([
      '課題と今後\nの展開',
      '【課題】\n若年者の離職率は他の年代に比べて高いことから、離職を防ぐためのマッチングが必要である。',
    ]);
    merges.push(`B${at() - 1}:G${at() - 1}`);
    rows.push(['主な事業', '・介護職員就支援事業（介護高齢課）\n・看護師就職支援事業（国保医療課）']);
    rows.push([]);
  };

  text('４ 目標別の総合戦略の進行管理');
  text('第１節 地域産業の振興を図り雇用の場をつくる');
  rows.push([
    '地方創生の実現\nに向けての方向',
    '若者が将来に夢を持ち、安心して暮らし続けることができるよう、雇用の場の確保に努めます。',
  ]);
  rows.push([]);
  header('基本的方向１ 雇用対策の強化を図る');
  kpi(
    '１',
    '女性の生産年齢人口（15歳から 64歳まで）における就業率\n（企画政策課）',
    '63.0％\n(H22 国調)',
    '－',
    '69.8％\n(H27 国調)',
    '65.0%\n(H32 国調)',
    'Ｓ',
  );
  merges.push(`A${at()}:A${at() + 2}`, `B${at()}:G${at()}`);
  kpi('２', '新規学校卒業者の市内就職率（商業観光課）');
  kpi('', '市内高校', '59.0％', '55.6％', '60.5％', '61.0％', 'Ｂ');
  kpi('', '市内大学', '13.0％', '16.0', '13.7％', '15.0％', 'Ｂ');
  after(false);
  // Chart data the PDF carries under the text.
  rows.push(['', '59.0%', '59.3%', '55.6%', '60.5%', '61.0%']);
  rows.push(['', 'H26', 'H27', 'H28', 'H29', 'H30', 'H31']);
  rows.push(['新規学校卒業者の市内就職率（高校生）']);
  rows.push([]);

  header('基本的方向２ 地域産業の振興を更に進める');
  kpi(
    '１',
    '製造品出荷額における付加価値額（ものづくり振興課）',
    '720億円\n(H24)',
    '693億円\n(H26)',
    '665億円\n（H28）',
    '770億円\n以上',
    'Ｃ',
  );
  kpi('２', '観光入込客数（商業観光課）', '372万人', '397万人', '356万人', '450万人\n以上', 'Ｃ');
  after(true);

  text('第２節 子どもを産み育てやすいまちをつくる');
  header('基本的方向１ 地域で子育てを支援する');
  kpi('１', '地域における子育て支援拠点施設（保育課）', '18か所', '20か所', '21か所', '20か所\n以上', 'Ｓ');
  kpi('２', 'ハッピーパートナー企業登録数（人権啓発・男女共同参画\n室）', '27社', '35社', '38社', '40社\n以上', 'Ａ');
  after(false);
  header('基本的方向２ 若者の出会いの場をつくる');
  kpi(
    '１',
    '婚姻の割合（25歳～39歳）（企画政策課）',
    '54.9％\n(H22 国調)',
    '－',
    '53.5％\n(H27 国調)',
    '56.0%以上\n(H32 国調)',
    'Ｃ',
  );
  kpi('２', '結婚活動応援事業による成婚数（子育て支援課）', '17組', '23組', '27組', '30組以上', 'Ａ');
  after(true);

  text('第３節 地域の活力を担う人材をつくる');
  header('基本的方向１ 地域産業を担う人材をつくる');
  kpi('１', '柏崎リーダー塾の卒塾生の地域活動への参画者数\n（企画政策課）', '0人', '24人', '24人', '20人以上', 'Ｓ');
  kpi(
    '２',
    'ものづくりマイスターカレッジ受講者の技能検定合格者数\n（ものづくり振興課）',
    '78人',
    '102人',
    '118人',
    '120人以上',
    'Ａ',
  );
  after(false);
  header('基本的方向２ 愛着や誇りを育む人材をつくる');
  kpi(
    '１',
    '柏崎が好きと思う小中学生の割合（若者住みたい度調査）\n（企画政策課）※来年度以降調査予定',
    '81.3％',
    '－',
    '－',
    '85.0%以上',
    '－',
  );
  kpi(
    '２',
    '引き続き柏崎に住みたいと思う小中学生の割合（若者住み\nたい度調査）（企画政策課）※来年度以降調査予定',
    '40.9％',
    '－',
    '－',
    '50.0%以上',
    '－',
  );
  after(true);

  text('第４節 定住を促す魅力あるまちをつくる');
  header('基本的方向１ 柏崎らしさを創出する');
  kpi('１', '地域ブランド調査による全国魅力度ランキング(企画政策課)', '440位', '748位', '660位', '300位以内', 'Ｄ');
  kpi('２', 'ふるさと応縁基金への寄附件数（元気発信課）', '372件', '2,920件', '4,542件', '2,000件', 'Ｓ');
  after(false);
  header('基本的方向２ 若者の定住を促進する');
  kpi('１', '若者の定住率\n（企画政策課）', '60.0％\n(H22 国調)', '－', '63.3％\n(H27 国調)', '62.0%以上', 'Ａ');
  kpi(
    '２',
    '若者（15歳から 24歳まで）の学業・就職を理由とした\n転出超過数（企画政策課）',
    '217人',
    '186人',
    '198人',
    '150人以下',
    'Ｃ',
  );
  after(false);

  return buildGrid('総合戦略', rows, { merges });
}

describe('the whole seed report on one sheet', () => {
  const grid = seedSheet();
  const { tables, problems } = detectKpiTables(grid);
  const kpis = tables.flatMap((t) => t.kpis);

  it('finds the eight KPI tables and nothing else', () => {
    expect(tables).toHaveLength(8);
    expect(problems).toEqual([]);
    for (const t of tables) expect(t.headerRows.bottom - t.headerRows.top).toBe(1);
  });

  it('reads the 17 KPI rows with their published grades', () => {
    expect(kpis.map((k) => k.gradeCell?.text).join('')).toBe('ＳＢＢＣＣＳＡＣＡＳＡ－－ＤＳＡＣ');
    expect(kpis.map((k) => k.name)).toEqual([
      '女性の生産年齢人口(15歳から64歳まで)における就業率',
      '新規学校卒業者の市内就職率／市内高校',
      '新規学校卒業者の市内就職率／市内大学',
      '製造品出荷額における付加価値額',
      '観光入込客数',
      '地域における子育て支援拠点施設',
      'ハッピーパートナー企業登録数',
      '婚姻の割合(25歳~39歳)',
      '結婚活動応援事業による成婚数',
      '柏崎リーダー塾の卒塾生の地域活動への参画者数',
      'ものづくりマイスターカレッジ受講者の技能検定合格者数',
      '柏崎が好きと思う小中学生の割合(若者住みたい度調査)',
      '引き続き柏崎に住みたいと思う小中学生の割合(若者住みたい度調査)',
      '地域ブランド調査による全国魅力度ランキング',
      'ふるさと応縁基金への寄附件数',
      '若者の定住率',
      '若者(15歳から24歳まで)の学業・就職を理由とした転出超過数',
    ]);
  });

  it('gives every KPI a department, a target and a current cell', () => {
    for (const k of kpis) {
      expect(k.department, k.name).toBeTruthy();
      expect(k.target.reading.kind, k.name).toBe('number');
      expect(k.current, k.name).toBeDefined();
      expect(k.baseline?.reading.kind, k.name).toBe('number');
    }
  });

  it('points every grade cell at column G of its own row', () => {
    for (const k of kpis) expect(cellAddress(k.gradeCell!.row, k.gradeCell!.col)).toBe(`G${k.row + 1}`);
  });

  it('ends each table at its last KPI row', () => {
    for (const t of tables) expect(t.range.bottom).toBe(t.kpis[t.kpis.length - 1]!.row);
  });
});
