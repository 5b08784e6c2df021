/**
 * Draws the add-in icon and renders it to the PNGs the manifest names.
 *
 *   npm run icons          (needs Debian's chromium: apt-get install -y chromium)
 *
 * The icon: an Excel-green rounded tile, three white bars rising to the right (KPI
 * progress), and a yellow badge with a check mark (graded) cut into the lower right.
 * Every size is drawn on its own pixel grid so bar edges land on whole pixels; 16 px
 * gets a hand-tuned drawing with two bars and a bigger badge, because three bars and a
 * check do not fit in 14 pixels.
 *
 * Output (commit these): assets/icon.svg and assets/icon-{16,32,64,80,128}.png.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchHeadlessChromium } from './chromium';

const assetsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'assets');

/** Excel's own greens, so the tile sits naturally on the Excel ribbon. */
const palette = {
  tileLight: '#21A366',
  tileDark: '#107C41',
  bar: '#FFFFFF',
  badge: '#FFC83D',
  check: '#0B5A2E',
} as const;

export const pngSizes = [16, 32, 64, 80, 128] as const;

interface Bar {
  readonly x: number;
  readonly width: number;
  readonly top: number;
}

interface Drawing {
  readonly size: number;
  readonly tile: { readonly inset: number; readonly radius: number };
  readonly bars: readonly Bar[];
  readonly baseline: number;
  readonly barRadius: number;
  /** The yellow disc behind the check; null draws the check straight on the tile. */
  readonly badge: { readonly cx: number; readonly cy: number; readonly r: number; readonly gap: number } | null;
  /** Polyline points of the check, its stroke width and colour. */
  readonly check: {
    readonly points: readonly (readonly [number, number])[];
    readonly width: number;
    readonly color: string;
  };
}

/**
 * The design on a 64-unit grid. `snap` rounds a length to the target size's pixels, so a
 * bar that is 8 units wide is exactly 4 px at 32 px and 10 px at 80 px.
 */
function designFor(size: number): Drawing {
  const k = size / 64;
  const snap = (v: number): number => Math.round(v * k);
  const bar = (x: number, top: number): Bar => ({ x: snap(x), width: snap(x + 9) - snap(x), top: snap(top) });
  return {
    size,
    tile: { inset: Math.max(1, snap(2)), radius: 12 * k },
    bars: [bar(11, 36), bar(24, 26), bar(37, 14)],
    baseline: snap(50),
    barRadius: 1.5 * k,
    badge: { cx: 46 * k, cy: 46 * k, r: 12.5 * k, gap: 3.5 * k },
    check: {
      points: [
        [39.5 * k, 46.5 * k],
        [44 * k, 51 * k],
        [52.5 * k, 41.5 * k],
      ],
      width: 4 * k,
      color: palette.check,
    },
  };
}

/** 16 px, drawn pixel by pixel: two bars, a badge that fills the corner, a 1.6 px check. */
function design16(): Drawing {
  return {
    size: 16,
    tile: { inset: 1, radius: 2.5 },
    bars: [
      { x: 3, width: 2, top: 9 },
      { x: 6, width: 2, top: 4 },
    ],
    baseline: 13,
    barRadius: 0.3,
    badge: null,
    check: {
      points: [
        [9, 9.5],
        [11, 11.5],
        [13.5, 7],
      ],
      width: 2,
      color: palette.badge,
    },
  };
}

export function drawingFor(size: number): Drawing {
  return size === 16 ? design16() : designFor(size);
}

const fmt = (v: number): string => String(Math.round(v * 1000) / 1000);

export function iconSvg(d: Drawing): string {
  const { size, tile, badge, check } = d;
  const inner = size - 2 * tile.inset;
  const bars = d.bars
    .map(
      (b) =>
        `<rect x="${fmt(b.x)}" y="${fmt(b.top)}" width="${fmt(b.width)}" height="${fmt(d.baseline - b.top)}" rx="${fmt(d.barRadius)}"/>`,
    )
    .join('');
  const checkPoints = check.points.map(([x, y]) => `${fmt(x)},${fmt(y)}`).join(' ');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">`,
    `<title>KPI進捗評価 / KPI Progress Grader</title>`,
    `<defs>`,
    `<linearGradient id="tile" x1="0" y1="0" x2="1" y2="1">`,
    `<stop offset="0" stop-color="${palette.tileLight}"/><stop offset="1" stop-color="${palette.tileDark}"/>`,
    `</linearGradient>`,
    `</defs>`,
    `<rect x="${fmt(tile.inset)}" y="${fmt(tile.inset)}" width="${fmt(inner)}" height="${fmt(inner)}" rx="${fmt(tile.radius)}" fill="url(#tile)"/>`,
    badge
      ? [
          // The bars are cut away around the badge so it reads as a sticker on the chart.
          `<mask id="cut" maskUnits="userSpaceOnUse" x="0" y="0" width="${size}" height="${size}">`,
          `<rect width="${size}" height="${size}" fill="#fff"/>`,
          `<circle cx="${fmt(badge.cx)}" cy="${fmt(badge.cy)}" r="${fmt(badge.r + badge.gap)}" fill="#000"/>`,
          `</mask>`,
          `<g fill="${palette.bar}" mask="url(#cut)">${bars}</g>`,
          `<circle cx="${fmt(badge.cx)}" cy="${fmt(badge.cy)}" r="${fmt(badge.r)}" fill="${palette.badge}"/>`,
        ].join('')
      : `<g fill="${palette.bar}">${bars}</g>`,
    `<polyline points="${checkPoints}" fill="none" stroke="${check.color}" stroke-width="${fmt(check.width)}" stroke-linecap="round" stroke-linejoin="round"/>`,
    `</svg>`,
  ].join('');
}

async function render(svgs: ReadonlyMap<number, string>): Promise<Map<number, Buffer>> {
  const { context, close } = await launchHeadlessChromium({ deviceScaleFactor: 1 });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const out = new Map<number, Buffer>();
    for (const [size, svg] of svgs) {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(
        `<!doctype html><html><head><style>html,body{margin:0;padding:0;background:transparent}svg{display:block}</style></head><body>${svg}</body></html>`,
      );
      out.set(size, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
    }
    return out;
  } finally {
    await close();
  }
}

async function main(): Promise<void> {
  const svgs = new Map(pngSizes.map((size) => [size, iconSvg(drawingFor(size))] as const));
  const pngs = await render(svgs);
  await writeFile(path.join(assetsDir, 'icon.svg'), `${iconSvg(drawingFor(64))}\n`, 'utf8');
  for (const [size, png] of pngs) {
    await writeFile(path.join(assetsDir, `icon-${size}.png`), png);
  }
  console.log(`assets/icon.svg, ${pngSizes.map((s) => `icon-${s}.png`).join(', ')} を書き出しました / written`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error('アイコンを作れませんでした / Could not render the icons:', error);
    console.error('Debian の chromium が必要です: apt-get install -y chromium (or set CHROMIUM_PATH)');
    process.exit(1);
  });
}
