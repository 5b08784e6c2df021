/**
 * A progress bar for a many-file run, on stderr and only on a terminal (never with
 * --json, never into a pipe or a log file). One line redrawn in place with "\r";
 * cleared when the run ends, so the report starts on a clean line.
 */
import { createTranslator, type Lang } from '../core/i18n';

const t = createTranslator('cliProgress', {
  ja: { line: '評価中 [{{bar}}] {{done}}/{{total}} ファイル' },
  en: { line: 'Grading [{{bar}}] {{done}}/{{total}} files' },
});

const WIDTH = 24;

export interface Progress {
  update(done: number): void;
  end(): void;
}

export const noProgress: Progress = { update: () => undefined, end: () => undefined };

export function progressBar(write: (s: string) => void, total: number, lang: Lang): Progress {
  let last = '';
  const draw = (done: number) => {
    const filled = total === 0 ? WIDTH : Math.round((done / total) * WIDTH);
    const line = t(lang, 'line', { bar: '#'.repeat(filled) + '-'.repeat(WIDTH - filled), done, total });
    if (line === last) return;
    last = line;
    write(`\r${line}`);
  };
  draw(0);
  return {
    update: draw,
    end: () => write(`\r${' '.repeat(last.length * 2)}\r`), // CJK characters take two columns
  };
}
