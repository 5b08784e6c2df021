/**
 * Generates samples/kashiwazaki-H29-ledger.xlsx: the KPI progress report of
 * Kashiwazaki city for FY H29 (/work/shared/seeds/kashiwazaki-sogo-senryaku-H29-progress.txt)
 * as the ledger workbook its officers keep. One sheet per 節 (goal); on each, the
 * goal heading, its 地方創生の実現に向けての方向, then per 基本的方向 (direction) the
 * KPI table with a two-row header and, below it, the text blocks on the measures
 * (主要施策, 主な取組と成果, 課題と今後の展開, 主な事業) that detection must skip.
 *
 * Faithful to the report: every value is the text printed there (full-width ％ in
 * some cells and half-width % in others, years in brackets on a second line,
 * 以上 on its own line), and the grades are the published ones. Twists that the
 * report does not have belong in the fixtures (scripts/make-fixtures.ts).
 *
 * Usage: npm run sample            → samples/kashiwazaki-H29-ledger.xlsx
 *        tsx scripts/make-sample.ts <out.xlsx>
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Workbook } from 'exceljs';
import { isMainModule, newLedgerWorkbook, saveWorkbook, SheetBuilder, type CellInput } from './ledgerLayout';

export const SAMPLE_PATH = 'samples/kashiwazaki-H29-ledger.xlsx';

/** 当初 (H26), (H28), 現状 (H29), 目標値 (H31), as printed. */
type Values = readonly [baseline: string, h28: string, current: string, target: string];

interface Kpi {
  readonly no: string;
  /** Indicator text with its department note, line breaks as in the report. */
  readonly name: string;
  readonly values?: Values;
  /** The published 達成状況. */
  readonly grade?: string;
  /** Labelled sub-rows (市内高校 / 市内大学), each a KPI of its own. */
  readonly subs?: ReadonlyArray<{ readonly label: string; readonly values: Values; readonly grade: string }>;
}

interface Measure {
  /** 主要施策（１）… 担当課：… */
  readonly title: string;
  /** 主な取組と成果: paragraphs. */
  readonly results: readonly string[];
  /** 課題と今後の展開: 【課題】 and 【今後の展開】 paragraphs. */
  readonly issues: readonly string[];
  /** 主な事業 */
  readonly projects: readonly string[];
}

interface Direction {
  readonly heading: string;
  readonly kpis: readonly Kpi[];
  readonly measures: readonly Measure[];
}

interface Section {
  readonly sheet: string;
  readonly title: string;
  /** 地方創生の実現に向けての方向 */
  readonly aim: string;
  readonly directions: readonly Direction[];
}

const SECTIONS: readonly Section[] = [
  {
    sheet: '第1節 地域産業',
    title: '第１節 地域産業の振興を図り雇用の場をつくる',
    aim: '若者が将来に夢を持ち、安心して暮らし続けることができるよう、地場産業の活性化を更に進めながら、新しい産業の創出や起業育成に積極的に取り組むことにより、雇用の場の確保に努めます。',
    directions: [
      {
        heading: '基本的方向１ 雇用対策の強化を図る',
        kpis: [
          {
            no: '１',
            name: '女性の生産年齢人口（15歳から64歳まで）における就業率\n（企画政策課）',
            values: ['63.0％\n(H22 国調)', '－', '69.8％\n(H27 国調)', '65.0%\n(H32 国調)'],
            grade: 'Ｓ',
          },
          {
            no: '２',
            name: '新規学校卒業者の市内就職率（商業観光課）',
            subs: [
              { label: '市内高校', values: ['59.0％', '55.6％', '60.5％', '61.0％'], grade: 'Ｂ' },
              { label: '市内大学', values: ['13.0％', '16.0', '13.7％', '15.0％'], grade: 'Ｂ' },
            ],
          },
        ],
        measures: [
          {
            title: '主要施策（１） 若者の雇用促進 ≪重点プロジェクト≫ 担当課：商業観光課、元気発信課',
            results: [
              '３５歳未満の若者・障害者等をトライアル雇用する市内事業所に対し、国の制度に上乗せして奨励金を交付する事業を実施した（１０事業所、１９人分）。',
              '地元企業の情報提供・就労支援を実施するため、ワークサポート柏崎を開設して相談を受け付け、地元企業への就職につなげた（相談者数延べ１，３０７人、就職者数４３人）。',
              '管内企業説明会を実施し、管内への就職を支援した（５月大学生等、７月高校３年生、８月高校１，２年生）。',
            ],
            issues: [
              '【課題】',
              '若年者の離職率は他の年代に比べて高いことから、離職を防ぐためのマッチングが必要である。',
              '【今後の展開】',
              '引き続き専門知識を有する者による若者の就労支援を実施する。',
            ],
            projects: ['・大学生就職促進事業（商業観光課）', '・若年者トライアル雇用促進事業（商業観光課）', '・雇用促進事業（商業観光課）'],
          },
        ],
      },
      {
        heading: '基本的方向２ 地域産業の振興を更に進める',
        kpis: [
          {
            no: '１',
            name: '製造品出荷額における付加価値額（ものづくり振興課）',
            values: ['720億円\n(H24)', '693億円\n(H26)', '665億円\n（H28）', '770億円\n以上'],
            grade: 'Ｃ',
          },
          { no: '２', name: '観光入込客数（商業観光課）', values: ['372万人', '397万人', '356万人', '450万人\n以上'], grade: 'Ｃ' },
        ],
        measures: [
          {
            title: '主要施策（１）地域産業の活性化 担当課：ものづくり振興課、農政課、商業観光課',
            results: [
              '中小企業者の生産性向上や競争力強化を図るため、成長分野への設備投資に対して補助金を交付したほか、産学の共同研究による製品開発を支援した。（ものづくり振興課）',
              '花火や紅葉を軸として、中越地域内で連携した誘客促進に取り組んだ。外国人に対するおもてなしの実践を通じて、着地型観光コンテンツの造成に向けた検討を行った。（商業観光課）',
            ],
            issues: [
              '【課題】',
              '労働力不足を補い、競争力強化を図るため、生産性向上や高付加価値化に向けた設備更新が求められる。（ものづくり振興課）',
              '【今後の展開】',
              '来訪者の満足度の向上を図り、長期滞在やリピーターの獲得につなげる。（商業観光課）',
            ],
            projects: [
              '・企業振興・立地促進事業（中小企業者設備投資支援補助金事業を含む）（ものづくり振興課）',
              '・新技術・新製品研究開発支援事業（ものづくり振興課）',
              '・インバウンド推進事業（商業観光課）',
            ],
          },
        ],
      },
    ],
  },
  {
    sheet: '第2節 子育て',
    title: '第２節 子どもを産み育てやすいまちをつくる',
    aim: '子どもを持ちたいと望む人が安心して子どもを持ち、働きながら子育てができる環境づくりや、子育てを地域全体で支える仕組みづくりを進めます。',
    directions: [
      {
        heading: '基本的方向１ 地域で子育てを支援する',
        kpis: [
          { no: '１', name: '地域における子育て支援拠点施設（保育課）', values: ['18か所', '20か所', '21か所', '20か所\n以上'], grade: 'Ｓ' },
          { no: '２', name: 'ハッピーパートナー企業登録数（人権啓発・男女共同参画室）', values: ['27社', '35社', '38社', '40社\n以上'], grade: 'Ａ' },
        ],
        measures: [
          {
            title: '主要施策（１）子育てサービスの推進 ≪重点プロジェクト≫ 担当課：子育て支援課、保育課',
            results: [
              '柏崎さくら保育園の子育て支援室を新たに加え、支援室２０か所、元気館ジャングルキッズと合わせて２１か所の子育て支援拠点施設で事業を実施した。また、未就園児及び保護者の交流の場、子育て情報提供の場、さらに、保護者の相談助言の場でもあり、未就園児を持つ保護者の子育て不安を軽減できた。（保育課）',
            ],
            issues: [
              '【課題】',
              '子育て不安の軽減を図るため、支援室のない地区への開設検討及び地域の関連機関との連携が必要である。（保育課）',
              '【今後の展開】',
              '継続的な子育て支援及びニーズに合った子育て情報の提供を行う。（保育課）',
            ],
            projects: ['・地域子育て支援拠点事業（保育課）', '・子育て短期支援事業（子育て支援課）', '・放課後児童健全育成事業（子育て支援課）'],
          },
        ],
      },
      {
        heading: '基本的方向２ 若者の出会いの場をつくる',
        kpis: [
          {
            no: '１',
            name: '婚姻の割合（25歳～39歳）（企画政策課）',
            values: ['54.9％\n(H22 国調)', '－', '53.5％\n(H27 国調)', '56.0%以上\n(H32 国調)'],
            grade: 'Ｃ',
          },
          { no: '２', name: '結婚活動応援事業による成婚数（子育て支援課）', values: ['17組', '23組', '27組', '30組以上'], grade: 'Ａ' },
        ],
        measures: [
          {
            title: '主要施策（１）若者の交流機会の充実 （２）結婚活動への支援 担当課：子育て支援課、文化・生涯学習課',
            results: [
              'クッキング婚活など４つの事業を実施し、３４組のカップルが成立した（参加者数男性８０人、女性８１人）。スタッフの丁寧な支援によりマッチング率が高まり、事業開始の平成２２年度以来２７組の成婚につなぐことができた。（子育て支援課）',
            ],
            issues: [
              '【課題】',
              '事前セミナー及びイベントの女性参加者が少ないことから、結婚につながる効果的な取組を検討する必要がある。（子育て支援課）',
              '【今後の展開】',
              '２０代３０代の市民ニーズに応じた講座を企画する。（文化・生涯学習課）',
            ],
            projects: ['・公民館講座運営事業（エイジレス講座運営事業）（文化・生涯学習課）', '・結婚活動応援事業（子育て支援課）'],
          },
        ],
      },
    ],
  },
  {
    sheet: '第3節 人材',
    title: '第３節 地域の活力を担う人材をつくる',
    aim: '地域活動や産業活動を担う人材の確保及び技術の継承、高度化を目指して、大学や関係機関と連携しながら柏崎に愛着を持ち、将来の柏崎を担う人材の育成に取り組みます。',
    directions: [
      {
        heading: '基本的方向１ 地域産業を担う人材をつくる',
        kpis: [
          { no: '１', name: '柏崎リーダー塾の卒塾生の地域活動への参画者数\n（企画政策課）', values: ['0人', '24人', '24人', '20人以上'], grade: 'Ｓ' },
          {
            no: '２',
            name: 'ものづくりマイスターカレッジ受講者の技能検定合格者数\n（ものづくり振興課）',
            values: ['78人', '102人', '118人', '120人以上'],
            grade: 'Ａ',
          },
        ],
        measures: [
          {
            title: '主要施策（１）若者リーダーの育成 ≪重点プロジェクト≫ 担当課：企画政策課、商業観光課',
            results: [
              '次世代の柏崎のリーダーを育成するため、柏崎リーダー塾第３期生を公募し、若手リーダーの育成に努めた。また、卒塾生は、各種行政機関等の委員に就任したほか、地域課題に対し自主的な取組を進めた。',
              '創業に必要な知識を学ぶ場として、柏崎信用金庫（柏崎広域ビジネス応援ネットワーク代表機関）と共催で柏崎・社長のたまご塾を開催し、創業希望者の人材育成を進めた（Ｈ２７～２９年延べ受講者数９２人）。（商業観光課）',
            ],
            issues: [
              '【課題】',
              '塾生出身企業へのアンケート結果を受け、カリキュラム等を改善するなど、応募しやすい体制づくりが必要である。',
              '【今後の展開】',
              '第４期に向けた準備、検討を進め、地域リーダーを増やしていく。',
            ],
            projects: ['・柏崎リーダー塾事業（企画政策課）', '・大学との連携・協働事業（企画政策課）'],
          },
          {
            title: '主要施策（２）ものづくり技術の継承 担当課：ものづくり振興課',
            results: [
              'ものづくりマイスターカレッジを通じ、製造業の若手従業者の技能向上を図るとともに、工業高校生のインターンシップや実務型職業体験により、ものづくり産業・企業に対する理解促進に取り組んだ。',
            ],
            issues: [
              '【課題】',
              '若者や女性の地元就業率や定着率を高めるためにも、製造業に対するマイナスイメージの払しょく等、理解を促進する必要がある。',
            ],
            projects: ['・人材育成支援事業（ものづくりマイスターカレッジ）（ものづくり振興課）'],
          },
        ],
      },
      {
        heading: '基本的方向２ 愛着や誇りを育む人材をつくる',
        kpis: [
          {
            no: '１',
            name: '柏崎が好きと思う小中学生の割合（若者住みたい度調査）\n（企画政策課）※来年度以降調査予定',
            values: ['81.3％', '－', '－', '85.0%以上'],
            grade: '－',
          },
          {
            no: '２',
            name: '引き続き柏崎に住みたいと思う小中学生の割合（若者住みたい度調査）（企画政策課）※来年度以降調査予定',
            values: ['40.9％', '－', '－', '50.0%以上'],
            grade: '－',
          },
        ],
        measures: [
          {
            title: '主要施策（１）誇りの持てる教育の推進 担当課：学校教育課、博物館、文化・生涯学習課',
            results: [
              'キャリア講演会、職場体験学習への支援、「柏崎学」指導資料集の作成に取り組んだ。この一環として開催した「お仕事体験塾」における児童アンケートでは、８６．０％が「将来柏崎市で働きたい」と答えた（参加小学生７４１人）。また、中学生を対象とした職場体験学習の協力事業所として１３０事業所から登録いただいた。（学校教育課）',
            ],
            issues: [
              '【課題】',
              '子どもの未来を拓く「柏崎学」等推進事業では、５日間の職場体験を奨励したが、受入れ登録事業所数は不十分である。（学校教育課）',
              '【今後の展開】',
              '大人向け及び子ども向けのＷＥＢミュージアムの継続的運用とともに、新規資料画像を撮影し、更新する。（博物館）',
            ],
            projects: ['・子どもの未来を拓く「柏崎学」等推進事業（学校教育課）', '・ＷＥＢミュージアム推進事業（博物館）', '・市民大学運営事業（文化・生涯学習課）'],
          },
        ],
      },
    ],
  },
  {
    sheet: '第4節 定住',
    title: '第４節 定住を促す魅力あるまちをつくる',
    aim: '本市の地域資源を磨き上げ、良好な都市イメージを創出し、市内外へ効果的に発信していくことで、市民の柏崎への誇りや愛着の醸成を図り、人口の定着につなげていくとともに、若者の回帰や移住志向を持つ人を引き付け、定住人口の増加を進めます。',
    directions: [
      {
        heading: '基本的方向１ 柏崎らしさを創出する',
        kpis: [
          { no: '１', name: '地域ブランド調査による全国魅力度ランキング(企画政策課)', values: ['440位', '748位', '660位', '300位以内'], grade: 'Ｄ' },
          { no: '２', name: 'ふるさと応縁基金への寄附件数（元気発信課）', values: ['372件', '2,920件', '4,542件', '2,000件'], grade: 'Ｓ' },
        ],
        measures: [
          {
            title: '主要施策（１）シティセールスの強化 ≪重点プロジェクト≫ 担当課：元気発信課',
            results: [
              '柏崎シティセールス推進協議会と連携を図り、柏崎ファンクラブ会報誌を創刊し、会員への発送のほか市内全戸に配布し、会員の主体性に基づく柏崎を応援する活動を促進した。',
              'ふるさと納税は、ふるさと納税専用ポータルサイトの活用、市内高校同窓会へのＰＲ、市外イベントへの出展により３，０００件の目標に対して４，５４２件の寄附が寄せられた。',
            ],
            issues: [
              '【課題】',
              'ふるさと納税は、より一層の寄附の獲得につなげていくため、お礼品の充実のほか、寄附者からの共感を得ることができる明確な使途の設定と戦略的なプロモーションが必要である。',
              '【今後の展開】',
              'ふるさと納税は、クラウドファンディング型の手法を検討し、一層、寄附者からの共感と寄附を得ることができる仕組みの構築と運用を図る。',
            ],
            projects: ['・柏崎シティセールス推進事業（元気発信課）', '・ふるさと応縁事業（元気発信課）', '・道の駅誘客宣伝事業（商業観光課）'],
          },
        ],
      },
      {
        heading: '基本的方向２ 若者の定住を促進する',
        kpis: [
          {
            no: '１',
            name: '若者の定住率\n（企画政策課）',
            values: ['60.0％\n(H22 国調)', '－', '63.3％\n(H27 国調)', '62.0%以上'],
            grade: 'Ａ',
          },
          {
            no: '２',
            name: '若者（15歳から24歳まで）の学業・就職を理由とした転出超過数（企画政策課）',
            values: ['217人', '186人', '198人', '150人以下'],
            grade: 'Ｃ',
          },
        ],
        measures: [
          {
            title: '主要施策（１）Ｕ・Ｉターン対策の促進 担当課： 元気発進課、市民活動支援課',
            results: [
              '移住候補地としての認知向上とＵ・Ｉターン促進を目的に、Ｕ・Ｉターンを経験した庁内若手職員及び市民の協力を得て『柏崎移住ガイドブック Kashiwazaki LIfE』を作成した。（元気発進課）',
              '都市部の若い人材を地域社会の担い手として新たに受け入れ、地域活性化につなげる地域おこし協力隊に関する説明会を市内１０会場で実施した（参加者数１５２人、１０７団体）。（市民活動支援課）',
            ],
            issues: [
              '【課題】',
              '地域おこし協力隊は、地域活性化の起爆剤となり得るが、まずは地域が課題を洗い出し、受入れに向けた地域の意思統一を図れるかが重要な課題である。（市民活動支援課）',
            ],
            projects: ['・Ｕ・Ｉターン促進事業（再掲）（元気発進課）', '・地域おこし協力隊活用事業（地域活性化対策事業）（市民活動支援課）'],
          },
          {
            title: '主要施策（２）新卒者の地元定着に対する支援 担当課：商業観光課、企画政策課',
            results: [
              '少子化の進行により、学生確保を巡る大学間競争が激化している中、大学の魅力や知名度の向上を図り、学生確保を促進させるため補助を実施した。学生募集の取組の効果もあり、平成３０年度の２大学合計で入学者数は、１３人（＋９．５％）増加した。（企画政策課）',
            ],
            issues: ['【今後の展開】', 'より多くの学生が大学に集い、地域を理解してもらうため、継続して学生確保支援等を行っていく。（企画政策課）'],
            projects: ['・大学との連携・協働事業（再掲）（企画政策課）', '・大学生就職促進事業 （再掲）（商業観光課）'],
          },
        ],
      },
    ],
  },
];

/**
 * A: No (and the labels of the text blocks), B: indicator, C–F: 当初 / (H28) / 現状 / 目標値,
 * G: 達成状況. The text blocks put their label in A and their text across B–G, as the
 * report's boxes do, so a detector meets long text in the indicator column below every table.
 */
const COLUMN_WIDTHS = [12, 44, 12, 12, 12, 12, 7] as const;
const LAST_COL = COLUMN_WIDTHS.length;

/** The two header rows of every KPI table in the report. */
const HEADER: ReadonlyArray<ReadonlyArray<CellInput>> = [
  ['No', '重要業績評価指標（ＫＰＩ）', '当初', null, '現状', '目標値', '達成\n状況'],
  [null, null, '(H26)', '(H28)', '(H29)', '(H31)', null],
];
/** No, indicator and 達成状況 each span both header rows. */
const HEADER_MERGES = [
  [0, 0, 1, 0],
  [0, 1, 1, 1],
  [0, 6, 1, 6],
] as const;

/** Places one direction's KPI table at `top`; returns the next free row. */
function placeKpiTable(sheet: SheetBuilder, top: number, direction: Direction): number {
  const body: CellInput[][] = [];
  const merges: Array<readonly [number, number, number, number]> = [...HEADER_MERGES];
  for (const kpi of direction.kpis) {
    const first = HEADER.length + body.length;
    if (kpi.subs) {
      // The parent row names the indicator and holds no values; its No spans the sub-rows.
      body.push([kpi.no, kpi.name, null, null, null, null, null]);
      for (const sub of kpi.subs) body.push([null, sub.label, ...sub.values, sub.grade]);
      merges.push([first, 0, first + kpi.subs.length, 0]);
    } else {
      body.push([kpi.no, kpi.name, ...(kpi.values ?? ['', '', '', '']), kpi.grade ?? null]);
    }
  }
  const area = sheet.block({
    top,
    left: 1,
    header: HEADER,
    body,
    merges,
    align: ['center', 'left', 'center', 'center', 'center', 'center', 'center'],
  });
  return area.bottom + 1;
}

/** The 主要施策 text blocks under a table; returns the next free row. */
function placeMeasures(sheet: SheetBuilder, top: number, measures: readonly Measure[]): number {
  let row = top;
  sheet.line(row++, 'ＫＰＩの達成に係る施策の主な取組と成果、課題と今後の展開', 'label');
  for (const measure of measures) {
    sheet.line(row++, measure.title, 'plain');
    sheet.labelled(row++, '主な取組と\n成果', measure.results.join('\n'), [1, 1], [2, LAST_COL]);
    sheet.labelled(row++, '課題と今後\nの展開', measure.issues.join('\n'), [1, 1], [2, LAST_COL]);
    sheet.labelled(row++, '主な事業', measure.projects.join('\n'), [1, 1], [2, LAST_COL]);
  }
  return row;
}

function placeSection(workbook: Workbook, section: Section, first: boolean): void {
  const sheet = new SheetBuilder(workbook, section.sheet, COLUMN_WIDTHS);
  let row = 1;
  if (first) {
    // The report's chapter heading and its grading legend precede the first goal.
    sheet.line(row++, '４ 目標別の総合戦略の進行管理', 'title');
    sheet.line(
      row++,
      '達成状況の考え方（目標に対する年度ごとの状況）　Ｓ：早い　Ａ：順調　Ｂ：おおむね順調　Ｃ：やや遅れている　Ｄ：遅れている　Ｅ：未着手　－：実施時期未到来',
      'plain',
    );
    row++;
  }
  sheet.line(row++, section.title, 'title');
  row++;
  sheet.labelled(row++, '地方創生の実現\nに向けての方向', section.aim, [1, 1], [2, LAST_COL]);
  for (const direction of section.directions) {
    row++;
    sheet.line(row++, direction.heading, 'heading');
    row = placeKpiTable(sheet, row, direction);
    row++;
    row = placeMeasures(sheet, row, direction.measures);
  }
  sheet.fitRowHeights();
}

export function buildSampleWorkbook(): Workbook {
  const workbook = newLedgerWorkbook('柏崎市まち・ひと・しごと創生総合戦略 進行管理（見本）');
  SECTIONS.forEach((section, i) => placeSection(workbook, section, i === 0));
  return workbook;
}

export async function writeSample(path: string = SAMPLE_PATH): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await saveWorkbook(buildSampleWorkbook(), path);
}

if (isMainModule(import.meta.url)) {
  const out = process.argv[2] ?? SAMPLE_PATH;
  await writeSample(out);
  console.log(`wrote ${out}`);
}
