/**
 * Generated KPI ledgers, held as in-memory SheetGrids, for the engine benchmark (bench/engine.ts).
 *
 * Laid out like the seed report (Kashiwazaki H29) and the ledgers the spec lists: on every sheet
 * a title, then for each 基本的方向 (direction) a heading, a KPI table of about ten KPIs, and the
 * text blocks on its measures (主な取組と成果 …) that detection must pass over; now and then a
 * budget table (予算・決算), which is no KPI table. The tables vary as real ones do:
 *   - the seed's two-row header ("当初" over "(H26)", No / indicator / 達成状況 merged down),
 *     a one-row header with the year in the cell ("基準値\n(R1)"), a header whose indicator cell
 *     is merged over the unheaded No column, and a Kanazawa-style list with no grade column;
 *   - values as officers write them: "63.0％", "65.0%\n(H32 国調)", "２，９２０件", "720億円\n(H24)",
 *     "300位以内", "20か所\n以上", "450万人\n以上", "150人以下", bare "16.0", "－", 未実施, 未着手,
 *     策定完了 / 未策定, and percentages held as numbers with a "0.0%" format;
 *   - indicator names with the department in brackets, on the same line or the next, ※ notes,
 *     and numbered parents with labelled sub-rows (市内高校 / 市内大学), each sub-row a KPI.
 * The figures of a row are drawn for a grade (Ｓ … Ｅ, －) and most rows carry that grade as an
 * officer typed it; about one in ten carries a neighbouring grade (officers' judgement), so
 * the engine also reports hand-typed grades that differ, as on a real ledger.
 *
 * Deterministic: the same options give the same grids (a seeded PRNG, no clock). Every sheet
 * holds exactly `kpisPerSheet` KPIs as the engine counts them (a parent with sub-rows counts as
 * its sub-rows). Cheap to build: 100,000 KPIs in well under a second.
 */
import type { CellRange, GridCell, SheetGrid } from '../src/core/grid';

export interface LedgerOptions {
  readonly sheets: number;
  readonly kpisPerSheet: number;
  readonly seed?: number;
  /** Every grade cell empty, as in a ledger graded for the first time (default: about half the tables graded by hand). */
  readonly emptyGrades?: boolean;
}

// ───────────────────────────── randomness ─────────────────────────────

/** mulberry32: small, fast, and the same sequence on every platform. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
const between = (rand: Rand, lo: number, hi: number): number => lo + rand() * (hi - lo);
const chance = (rand: Rand, p: number): boolean => rand() < p;

// ───────────────────────────── vocabulary ─────────────────────────────

const DEPARTMENTS = [
  '企画政策課', '商業観光課', 'ものづくり振興課', '農政課', '保育課', '子育て支援課', '学校教育課',
  '文化・生涯学習課', '人権啓発・男女共同参画室', '元気発信課', '健康推進課', '福祉課', '環境政策課',
  '都市整備課', '防災・原子力課', '市民活動支援課', 'スポーツ振興課', '博物館', '情報政策課', '商工振興課',
];

const SUBJECTS = [
  '女性の生産年齢人口（15歳から64歳まで）における就業率', '新規学校卒業者の市内就職率', '製造品出荷額等',
  '観光入込客数', '地域における子育て支援拠点施設', 'ハッピーパートナー企業登録数', '婚姻の割合（25歳～39歳）',
  '結婚活動応援事業による成婚数', '市内企業への就職者数', '技能検定合格者数', 'ふるさと納税の寄附件数',
  '住みよさランキング順位', '若者の定住率', 'Ｕ・Ｉターン相談件数', '移住者数', '空き家バンク登録件数',
  '健康診断受診率', '特定保健指導実施率', '待機児童数', '放課後児童クラブ利用者数', '図書館の貸出冊数',
  '市民活動団体数', '自主防災組織の組織率', '再生可能エネルギー導入量', '公共交通の利用者数',
  '創業支援による創業件数', '企業誘致件数', '農産物直売所の売上額', '新規就農者数', '文化施設の利用者数',
  'スポーツ施設の利用者数', 'ボランティア登録者数', 'シティセールス推進事業の参加者数', '地域おこし協力隊員数',
];

const SUB_LABELS: ReadonlyArray<readonly string[]> = [
  ['市内高校', '市内大学'],
  ['男性', '女性'],
  ['小学生', '中学生', '高校生'],
  ['中心市街地', '郊外'],
  ['日帰り客', '宿泊客'],
];

const HEADINGS = [
  '雇用対策の強化を図る', '地域産業の振興を更に進める', '地域で子育てを支援する', '若者の出会いの場をつくる',
  '地域産業を担う人材をつくる', '愛着や誇りを育む人材をつくる', '柏崎らしさを創出する', '若者の定住を促進する',
  '健康で安心して暮らせるまちをつくる', '持続可能な地域づくりを進める',
];

const PARAGRAPHS = [
  '中小企業者の生産性向上や競争力強化を図るため、成長分野への設備投資に対して補助金を交付したほか、産学の共同研究による製品開発を支援した。（ものづくり振興課）',
  '花火や紅葉を軸として、中越地域内で連携した誘客促進に取り組んだ。外国人に対するおもてなしの実践を通じて、着地型観光コンテンツの造成に向けた検討を行った。（商業観光課）',
  '柏崎さくら保育園の子育て支援室を新たに加え、支援室２０か所、元気館ジャングルキッズと合わせて２１か所の子育て支援拠点施設で事業を実施した。（保育課）',
  'クッキング婚活など４つの事業を実施し、３４組のカップルが成立した（参加者数男性８０人、女性８１人）。（子育て支援課）',
  '【課題】\n労働力不足を補い、競争力強化を図るため、生産性向上や高付加価値化に向けた設備更新が求められる。（ものづくり振興課）\n【今後の展開】\n来訪者の満足度の向上を図り、長期滞在やリピーターの獲得につなげる。（商業観光課）',
  '【課題】\n子育て不安の軽減を図るため、支援室のない地区への開設検討及び地域の関連機関との連携が必要である。\n【今後の展開】\n継続的な子育て支援及びニーズに合った子育て情報の提供を行う。（保育課）',
  '・企業振興・立地促進事業（中小企業者設備投資支援補助金事業を含む）（ものづくり振興課）\n・新技術・新製品研究開発支援事業（ものづくり振興課）\n・インバウンド推進事業（商業観光課）',
  '・地域子育て支援拠点事業（保育課）\n・子育て短期支援事業（子育て支援課）\n・放課後児童健全育成事業（子育て支援課）',
];

const PROJECTS = [
  '大学連携・協働事業', '大学生就職促進事業', '企業振興・立地促進事業', 'インバウンド推進事業', '地域子育て支援拠点事業',
  '結婚活動応援事業', '移住定住促進事業', '空き家活用推進事業', '健康づくり推進事業', '地域公共交通確保維持事業',
];

const FULL_GRADE: Readonly<Record<Scenario, string>> = { S: 'Ｓ', A: 'Ａ', B: 'Ｂ', C: 'Ｃ', D: 'Ｄ', E: 'Ｅ', '-': '－' };
const NEIGHBOUR: Readonly<Record<Scenario, Scenario>> = { S: 'A', A: 'B', B: 'A', C: 'B', D: 'C', E: '-', '-': 'E' };

// ───────────────────────────── cells ─────────────────────────────

type Row = (GridCell | undefined)[];

const textCell = (text: string): GridCell => ({ text, value: text });

/** A percentage Excel holds as a number with a "0.0%" format (0.63 shows as "63.0%"). */
function percentNumberCell(percent: number): GridCell {
  return { text: `${percent.toFixed(1)}%`, value: Math.round(percent * 10) / 1000, numberFormat: '0.0%' };
}

/** 2920 → "2,920". */
function withCommas(n: number): string {
  const s = String(Math.round(n));
  if (s.length <= 3) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && (s.length - i) % 3 === 0) out += ',';
    out += s[i];
  }
  return out;
}

/** Half-width digits, comma, period and % to their full-width forms: "2,920" → "２，９２０". */
function fullWidth(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += (c >= 0x30 && c <= 0x39) || c === 0x2c || c === 0x2e || c === 0x25 ? String.fromCharCode(c + 0xfee0) : s[i];
  }
  return out;
}

// ───────────────────────────── figures for a grade ─────────────────────────────

type Scenario = 'S' | 'A' | 'B' | 'C' | 'D' | 'E' | '-';

/** Grades of the seed's scale, weighted as a ledger's mix: mostly on track, a few late or not due. */
const SCENARIOS: readonly Scenario[] = ['S', 'S', 'A', 'A', 'A', 'B', 'B', 'C', 'D', 'E', '-'];

/**
 * Baseline, current and target on the planned line for a scenario (higher is better; callers
 * mirror it for lower-is-better rows). The elapsed ratio of the tables is 0.5 to 0.6, and the
 * progress bands keep clear of it: Ａ p ≥ 0.7, Ｂ 0.35–0.45, Ｃ 0.05–0.2, Ｄ 20 % below the baseline.
 */
function lineFigures(rand: Rand, scenario: Scenario, base: number, span: number): { b: number; c: number; t: number } {
  const b = base;
  const t = base + span;
  let p: number;
  switch (scenario) {
    case 'S':
      p = between(rand, 1.05, 1.4);
      break;
    case 'A':
      p = between(rand, 0.7, 0.95);
      break;
    case 'B':
      p = between(rand, 0.35, 0.45);
      break;
    case 'C':
      p = between(rand, 0.05, 0.2);
      break;
    case 'D':
      return { b, c: base * between(rand, 0.6, 0.8), t };
    default:
      p = 0.5; // Ｅ and － do not use the current figure
  }
  return { b, c: b + span * p, t };
}

interface RowValues {
  baseline: GridCell | undefined;
  intermediate: GridCell | undefined;
  current: GridCell | undefined;
  target: GridCell;
}

const DASH = textCell('－');

/** One KPI's value cells in one of the forms officers use. */
function rowValues(rand: Rand, scenario: Scenario): RowValues {
  const kind = Math.floor(rand() * 11);
  const currentOverride = scenario === 'E' ? textCell('未着手') : scenario === '-' ? DASH : undefined;
  switch (kind) {
    case 0:
    case 1: {
      // Percentages: full- or half-width ％, some with census notes, some held as numbers.
      const { b, c, t } = lineFigures(rand, scenario, Math.round(between(rand, 30, 70) * 10) / 10, Math.round(between(rand, 4, 15) * 10) / 10);
      const census = chance(rand, 0.3);
      const asNumber = !census && chance(rand, 0.35);
      const pct = (x: number, note: string): GridCell => {
        if (asNumber) return percentNumberCell(x);
        const sign = chance(rand, 0.6) ? '％' : '%';
        return textCell(`${x.toFixed(1)}${sign}${census ? `\n(${note} 国調)` : ''}`);
      };
      const bound = chance(rand, 0.3) ? '以上' : '';
      return {
        baseline: pct(b, 'H22'),
        intermediate: census ? DASH : chance(rand, 0.2) ? textCell(((b + c) / 2).toFixed(1)) : pct((b + c) / 2, 'H22'),
        current: currentOverride ?? pct(c, 'H27'),
        target: asNumber
          ? percentNumberCell(t)
          : textCell(`${t.toFixed(1)}%${bound}${census ? '\n(H32 国調)' : ''}`),
      };
    }
    case 2: {
      // Counts with full-width digits and comma: "２，９２０件".
      const { b, c, t } = lineFigures(rand, scenario, Math.round(between(rand, 300, 3000)), Math.round(between(rand, 200, 2000)));
      const unit = pick(rand, ['件', '人', '社', '組', '回']);
      const fw = (x: number) => textCell(`${fullWidth(withCommas(x))}${unit}`);
      return {
        baseline: fw(b),
        intermediate: fw((b + c) / 2),
        current: currentOverride ?? fw(c),
        target: chance(rand, 0.4) ? textCell(`${fullWidth(withCommas(t))}${unit}\n以上`) : fw(t),
      };
    }
    case 3: {
      // 億円 with their own years: "720億円\n(H24)".
      const { b, c, t } = lineFigures(rand, scenario, Math.round(between(rand, 300, 900)), Math.round(between(rand, 40, 200)));
      return {
        baseline: textCell(`${Math.round(b)}億円\n(H24)`),
        intermediate: DASH,
        current: currentOverride ?? textCell(`${Math.round(c)}億円\n（H28）`),
        target: textCell(`${Math.round(t)}億円\n以上`),
      };
    }
    case 4: {
      // Ranks: lower is better, "300位以内".
      const { b, c, t } = lineFigures(rand, scenario, Math.round(between(rand, 400, 700)), Math.round(between(rand, 150, 300)));
      // Mirror: the line runs from a high rank down to a lower (better) one.
      const mirror = (x: number) => Math.round(2 * b - x);
      return {
        baseline: textCell(`${Math.round(b)}位`),
        intermediate: textCell(`${mirror((b + c) / 2)}位`),
        current: currentOverride ?? textCell(`${mirror(c)}位`),
        target: textCell(`${mirror(t)}位以内`),
      };
    }
    case 5: {
      // Places, the bound on its own line: "20か所\n以上".
      const { b, c, t } = lineFigures(rand, scenario, Math.round(between(rand, 10, 30)), Math.round(between(rand, 6, 12)));
      return {
        baseline: textCell(`${Math.round(b)}か所`),
        intermediate: textCell(`${Math.round((b + c) / 2)}か所`),
        current: currentOverride ?? textCell(`${Math.round(c)}か所`),
        target: textCell(`${Math.round(t)}か所\n以上`),
      };
    }
    case 6: {
      // 万人 with a bare number in between: the row's unit applies.
      const { b, c, t } = lineFigures(rand, scenario, Math.round(between(rand, 200, 400)), Math.round(between(rand, 40, 100)));
      return {
        baseline: textCell(`${Math.round(b)}万人`),
        intermediate: textCell(`${Math.round((b + c) / 2)}`),
        current: currentOverride ?? textCell(`${Math.round(c)}万人`),
        target: textCell(`${Math.round(t)}万人\n以上`),
      };
    }
    case 7: {
      // Lower is better with a bound: "150人以下".
      const { b, c, t } = lineFigures(rand, scenario, Math.round(between(rand, 150, 300)), Math.round(between(rand, 40, 80)));
      const mirror = (x: number) => Math.round(2 * b - x);
      return {
        baseline: textCell(`${Math.round(b)}人`),
        intermediate: DASH,
        current: currentOverride ?? textCell(`${mirror(c)}人`),
        target: textCell(`${mirror(t)}人以下`),
      };
    }
    case 8: {
      // A measure that did not exist yet: baseline 未実施 (0).
      const t = Math.round(between(rand, 10, 40));
      const c = scenario === 'S' ? t + 3 : scenario === 'A' ? Math.round(t * 0.8) : Math.round(t * 0.4);
      return {
        baseline: textCell('未実施'),
        intermediate: textCell(`${Math.round(c / 2)}人`),
        current: currentOverride ?? textCell(`${c}人`),
        target: textCell(`${t}人以上`),
      };
    }
    case 9: {
      // A qualitative target: 未策定 → 策定完了.
      return {
        baseline: textCell('未策定'),
        intermediate: textCell('策定中'),
        current: currentOverride ?? textCell(scenario === 'S' ? '策定完了' : '策定中'),
        target: textCell('策定完了'),
      };
    }
    default: {
      // Plain decimals, half-width, the unit in the name.
      const { b, c, t } = lineFigures(rand, scenario, Math.round(between(rand, 5, 20) * 10) / 10, Math.round(between(rand, 2, 6) * 10) / 10);
      return {
        baseline: textCell(b.toFixed(1)),
        intermediate: chance(rand, 0.5) ? DASH : undefined,
        current: currentOverride ?? textCell(c.toFixed(1)),
        target: textCell(t.toFixed(1)),
      };
    }
  }
}

/** What an officer typed in the grade column: the grade of the figures, sometimes a neighbour. */
function typedGrade(rand: Rand, scenario: Scenario, fresh: boolean): GridCell | undefined {
  const neighbour = chance(rand, 0.1); // drawn either way: emptyGrades changes nothing else
  if (fresh) return undefined;
  return textCell(FULL_GRADE[neighbour ? NEIGHBOUR[scenario] : scenario]);
}

function indicatorName(rand: Rand, serial: number): string {
  const subject = pick(rand, SUBJECTS);
  const department = pick(rand, DEPARTMENTS);
  const name = `${subject}${serial % 7 === 0 ? `（第${serial}号）` : ''}`;
  const r = rand();
  if (r < 0.45) return `${name}（${department}）`;
  if (r < 0.8) return `${name}\n（${department}）`;
  if (r < 0.9) return `${name}（${department}）\n※来年度以降調査予定`;
  return name;
}

// ───────────────────────────── tables ─────────────────────────────

type HeaderStyle = 'seed' | 'oneRow' | 'mergedIndicator' | 'noGrade';
const HEADER_STYLES: readonly HeaderStyle[] = ['seed', 'seed', 'seed', 'oneRow', 'oneRow', 'mergedIndicator', 'noGrade'];

/** Where the columns of a KPI table sit, by header style; columns count from A = 0. */
interface Shape {
  readonly header: ReadonlyArray<ReadonlyArray<string | null>>;
  /** Merges relative to the header's top-left: [r1, c1, r2, c2]. */
  readonly merges: ReadonlyArray<readonly [number, number, number, number]>;
  readonly baseline: number;
  readonly intermediate?: number;
  readonly current: number;
  readonly target: number;
  readonly grade?: number;
}

const SHAPES: Readonly<Record<HeaderStyle, Shape>> = {
  seed: {
    header: [
      ['No', '重要業績評価指標（ＫＰＩ）', '当初', null, '現状', '目標値', '達成\n状況'],
      [null, null, '(H26)', '(H28)', '(H29)', '(H31)', null],
    ],
    merges: [
      [0, 0, 1, 0],
      [0, 1, 1, 1],
      [0, 6, 1, 6],
    ],
    baseline: 2,
    intermediate: 3,
    current: 4,
    target: 5,
    grade: 6,
  },
  oneRow: {
    header: [['No', '指標名', '基準値\n(R1)', '中間値\n(R3)', '実績値\n(R4)', '目標値\n(R6)', '評価']],
    merges: [],
    baseline: 2,
    intermediate: 3,
    current: 4,
    target: 5,
    grade: 6,
  },
  // The seed's other layout: the indicator header merged over the unheaded No column.
  mergedIndicator: {
    header: [
      ['重要業績評価指標（ＫＰＩ）', null, '当初', null, '現状', '目標値', '達成\n状況'],
      [null, null, '(H26)', '(H28)', '(H29)', '(H31)', null],
    ],
    merges: [
      [0, 0, 1, 1],
      [0, 6, 1, 6],
    ],
    baseline: 2,
    intermediate: 3,
    current: 4,
    target: 5,
    grade: 6,
  },
  // Kanazawa-style list: no grade column (the engine offers to add one).
  noGrade: {
    header: [['番号', '成果指標', '策定時\n(2019年度)', '現状値\n(2023年度)', '目標値\n(2026年度)']],
    merges: [],
    baseline: 2,
    current: 3,
    target: 4,
  },
};

class SheetWriter {
  readonly rows: Row[] = [];
  readonly merges: CellRange[] = [];
  row = 0;

  put(row: number, col: number, cell: GridCell | undefined): void {
    if (cell === undefined) return;
    const r = (this.rows[row] ??= []);
    r[col] = cell;
  }

  merge(top: number, left: number, bottom: number, right: number): void {
    this.merges.push({ top, left, bottom, right });
  }

  /** A line of text merged across A..G, as the report's titles and headings are. */
  line(text: string, right = 6): void {
    this.put(this.row, 0, textCell(text));
    if (right > 0) this.merge(this.row, 0, this.row, right);
    this.row++;
  }

  /** A boxed label in A and its text across B..G (主な取組と成果 …). */
  labelled(label: string, text: string): void {
    this.put(this.row, 0, textCell(label));
    this.put(this.row, 1, textCell(text));
    this.merge(this.row, 1, this.row, 6);
    this.row++;
  }

  blank(): void {
    this.rows[this.row] ??= [];
    this.row++;
  }
}

/** Writes one KPI table of exactly `kpis` KPIs at the writer's row. */
function writeKpiTable(w: SheetWriter, rand: Rand, kpis: number, serial: { n: number }, emptyGrades: boolean): void {
  const style = pick(rand, HEADER_STYLES);
  const shape = SHAPES[style];
  const top = w.row;
  shape.header.forEach((cells, r) => cells.forEach((text, c) => text !== null && w.put(top + r, c, textCell(text))));
  for (const [r1, c1, r2, c2] of shape.merges) w.merge(top + r1, c1, top + r2, c2);
  w.row += shape.header.length;

  // A freshly opened ledger has an empty grade column; one already graded by hand has grades.
  const fresh = chance(rand, 0.4) || emptyGrades;
  let no = 1;
  let left = kpis;
  const numbered = (n: number) => textCell(chance(rand, 0.7) ? fullWidth(String(n)) : String(n));
  const putValues = (row: number, values: RowValues, scenario: Scenario) => {
    w.put(row, shape.baseline, values.baseline);
    if (shape.intermediate !== undefined) w.put(row, shape.intermediate, values.intermediate);
    w.put(row, shape.current, values.current);
    w.put(row, shape.target, values.target);
    if (shape.grade !== undefined) w.put(row, shape.grade, typedGrade(rand, scenario, fresh));
  };

  while (left > 0) {
    const labels = left >= 2 && chance(rand, 0.12) ? pick(rand, SUB_LABELS) : undefined;
    if (labels && labels.length <= left) {
      // A numbered parent without figures; its sub-rows follow, the No merged down over them.
      const first = w.row;
      w.put(first, 0, numbered(no++));
      w.put(first, 1, textCell(indicatorName(rand, serial.n++)));
      w.row++;
      for (const label of labels) {
        const scenario = pick(rand, SCENARIOS);
        w.put(w.row, 1, textCell(label));
        putValues(w.row, rowValues(rand, scenario), scenario);
        w.row++;
      }
      w.merge(first, 0, first + labels.length, 0);
      left -= labels.length;
      continue;
    }
    const scenario = pick(rand, SCENARIOS);
    w.put(w.row, 0, numbered(no++));
    w.put(w.row, 1, textCell(indicatorName(rand, serial.n++)));
    putValues(w.row, rowValues(rand, scenario), scenario);
    w.row++;
    left--;
  }
}

/** A budget table (事業名 / 予算額 / 決算額): no indicator or target header, so no KPI table. */
function writeBudgetTable(w: SheetWriter, rand: Rand): void {
  w.line('主な事業の予算・決算（単位：千円）');
  w.put(w.row, 0, textCell('No'));
  w.put(w.row, 1, textCell('事業名'));
  w.put(w.row, 2, textCell('予算額\n(H29)'));
  w.put(w.row, 3, textCell('決算額\n(H29)'));
  w.put(w.row, 4, textCell('執行率'));
  w.put(w.row, 5, textCell('担当課'));
  w.row++;
  const n = 3 + Math.floor(rand() * 4);
  for (let i = 0; i < n; i++) {
    const budget = Math.round(between(rand, 1000, 90000));
    const spent = Math.round(budget * between(rand, 0.7, 1));
    w.put(w.row, 0, textCell(String(i + 1)));
    w.put(w.row, 1, textCell(pick(rand, PROJECTS)));
    w.put(w.row, 2, { text: withCommas(budget), value: budget, numberFormat: '#,##0' });
    w.put(w.row, 3, { text: withCommas(spent), value: spent, numberFormat: '#,##0' });
    w.put(w.row, 4, percentNumberCell((spent / budget) * 100));
    w.put(w.row, 5, textCell(pick(rand, DEPARTMENTS)));
    w.row++;
  }
}

/** The text blocks on the measures under a KPI table, which detection must skip. */
function writeMeasures(w: SheetWriter, rand: Rand, section: number): void {
  w.line('ＫＰＩの達成に係る施策の主な取組と成果、課題と今後の展開');
  const measures = 1 + Math.floor(rand() * 2);
  for (let m = 1; m <= measures; m++) {
    w.line(`主要施策（${m}）${pick(rand, HEADINGS)} 担当課：${pick(rand, DEPARTMENTS)}`);
    w.labelled('主な取組と\n成果', pick(rand, PARAGRAPHS));
    w.labelled('課題と今後\nの展開', pick(rand, PARAGRAPHS));
    w.labelled('主な事業', pick(rand, PARAGRAPHS));
  }
  if (section % 5 === 4) {
    w.blank();
    writeBudgetTable(w, rand);
  }
}

function generateSheet(index: number, kpisPerSheet: number, emptyGrades: boolean, rand: Rand): SheetGrid {
  const w = new SheetWriter();
  const serial = { n: 1 };
  w.line(`第${index + 1}節 ${pick(rand, HEADINGS)}`);
  w.line('達成状況の考え方（目標に対する年度ごとの状況）　Ｓ：早い　Ａ：順調　Ｂ：おおむね順調　Ｃ：やや遅れている　Ｄ：遅れている　Ｅ：未着手　－：実施時期未到来');
  w.blank();
  w.labelled('地方創生の実現\nに向けての方向', pick(rand, PARAGRAPHS));
  let left = kpisPerSheet;
  for (let direction = 0; left > 0; direction++) {
    const kpis = Math.min(left, 8 + Math.floor(rand() * 5));
    w.blank();
    w.line(`基本的方向${fullWidth(String(direction + 1))} ${pick(rand, HEADINGS)}`);
    writeKpiTable(w, rand, kpis, serial, emptyGrades);
    w.blank();
    writeMeasures(w, rand, direction);
    left -= kpis;
  }
  return { name: `第${index + 1}節`, rows: w.rows, merges: w.merges };
}

/** `sheets` ledger sheets of exactly `kpisPerSheet` KPIs each; the same grids for the same options. */
export function generateLedgerGrids(opts: LedgerOptions): SheetGrid[] {
  const rand = prng(opts.seed ?? 20180901);
  const grids: SheetGrid[] = [];
  for (let s = 0; s < opts.sheets; s++) grids.push(generateSheet(s, opts.kpisPerSheet, opts.emptyGrades ?? false, rand));
  return grids;
}
