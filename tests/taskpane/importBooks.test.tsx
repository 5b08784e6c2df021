// @vitest-environment jsdom
/**
 * 「他のブックから取り込む」 in the pane over the in-memory host: two department files picked at
 * once come in under their own names and are graded with the workbook's own sheet (the pane
 * grades the whole workbook again); a file that is not a workbook, a password-protected one
 * and one too big are named with what to do while the others still come in; 「取り込んだシートを
 * 削除」 removes only those sheets and asks first when one was changed; the consistency review
 * shows across the files; without ExcelApi 1.13 the button says why it is off.
 *
 * The files are the fixtures graded by hand in tests/cli/fixtures.test.ts: reiwa-kijun (sheet
 * KPI評価（R5）: 新規就農者数 Ｓ, 観光入込客数 Ｄ …, typed grades half-width) and
 * western-target-first (sheet 成果指標: 待機児童数 Ｓ, 公共交通利用者数 Ｃ …).
 */
import { readFileSync } from 'node:fs';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../src/taskpane/state/bookFile';
import { readWorkbook } from '../../src/xlsx/readWorkbook';
import type { FakeHost } from '../support/fakeHost';
import { evaluateAll, kpiRow, kpiRows, renderPane, seedSheet } from './render';

afterEach(cleanup);

const readBook = (base64: string) => readWorkbook(new Uint8Array(Buffer.from(base64, 'base64'))).grids;
const fixture = (name: string, as: string) => new File([readFileSync(`tests/fixtures/${name}.xlsx`)], as);

function pick(files: File[]) {
  const input = screen.getByTestId('import-books-input') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  fireEvent.change(input);
}

const section = () => screen.getByRole('region', { name: '他のブックから取り込む' });
const importButton = () => within(section()).getByRole('button', { name: '他のブックから取り込む' });

async function importTwo(host: FakeHost) {
  pick([fixture('reiwa-kijun', '企画課.xlsx'), fixture('western-target-first', '商工課.xlsx')]);
  await within(section()).findByText('2ファイルから 2シートを取り込み、評価し直しました。', undefined, { timeout: 5000 });
  await waitFor(() => expect(host.calls.readGrids.length).toBeGreaterThanOrEqual(1));
  await screen.findByRole('region', { name: '評価結果' }, { timeout: 5000 });
  await waitFor(() => expect(kpiRows().length).toBe(3 + 6 + 4));
}

describe('他のブックから取り込む', () => {
  it('brings two files in at the end and grades them with the rest', async () => {
    const { host } = renderPane([seedSheet()], { readBook });
    expect(importButton().getAttribute('aria-disabled')).toBeNull();
    await importTwo(host);
    expect(host.sheetNames()).toEqual(['第1節', 'KPI評価（R5）', '成果指標']);
    expect(host.calls.importBook.map((b) => [b.fileName, b.worksheets])).toEqual([
      ['企画課.xlsx', ['KPI評価（R5）']],
      ['商工課.xlsx', ['成果指標']],
    ]);
    // Graded by the rule, as worked out by hand in tests/cli/fixtures.test.ts.
    expect(kpiRow('新規就農者数').textContent).toContain('Ｓ');
    expect(kpiRow('待機児童数').textContent).toContain('Ｓ');
    expect(kpiRow('公共交通利用者数').textContent).toContain('Ｃ');
    // The workbook's own sheet is graded as before.
    expect(kpiRow('女性の就業率').textContent).toContain('Ｓ');
  });

  it('gives a sheet whose name the workbook has " (2)" and says so', async () => {
    const { host } = renderPane([seedSheet('KPI評価（R5）')], { readBook });
    pick([fixture('reiwa-kijun', '企画課.xlsx')]);
    await within(section()).findByText(/1ファイルから 1シートを取り込み/, undefined, { timeout: 5000 });
    expect(host.sheetNames()).toEqual(['KPI評価（R5）', 'KPI評価（R5） (2)']);
    expect(within(section()).getByText('「企画課.xlsx」: 「KPI評価（R5） (2)」（元の名前: 「KPI評価（R5）」）')).toBeTruthy();
  });

  it('names each file it refuses, says what to do, and still imports the others', async () => {
    const { host } = renderPane([seedSheet()], { readBook });
    const encrypted = new Uint8Array(2048);
    encrypted.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    encrypted.set(new Uint8Array(Buffer.from('EncryptedPackage', 'utf16le')), 1152);
    const big = new File([new Uint8Array(MAX_IMPORT_BYTES + 1)], '大きい.xlsx');
    pick([new File(['施策,目標\n'], 'メモ.xlsx'), new File([encrypted], '保護.xlsx'), big, fixture('western-target-first', '商工課.xlsx')]);
    const warning = await within(section()).findByRole('alert', undefined, { timeout: 5000 });
    expect(within(warning).getByText('取り込めなかったファイル（3件）')).toBeTruthy();
    expect(warning.textContent).toContain('「メモ.xlsx」は Excel ブック（.xlsx）ではないため、取り込みませんでした。');
    expect(warning.textContent).toContain('「保護.xlsx」はパスワードで保護されているため、読めませんでした。Excel でパスワードを外して保存してから');
    expect(warning.textContent).toContain('「大きい.xlsx」は大きすぎるため、取り込みませんでした（3.5 MB。一度に取り込めるのは 3.5 MB まで）');
    expect(host.calls.importBook.map((b) => b.fileName)).toEqual(['商工課.xlsx']);
    expect(host.sheetNames()).toEqual(['第1節', '成果指標']);
  });

  it('tells, by file, what Excel refused, and goes on with the next file', async () => {
    const { host } = renderPane([seedSheet()], { readBook });
    host.failNext('importBook', Object.assign(new Error('The request payload size has exceeded the limit.'), { code: 'RequestPayloadSizeLimitExceeded' }));
    pick([fixture('reiwa-kijun', '企画課.xlsx'), fixture('western-target-first', '商工課.xlsx')]);
    const warning = await within(section()).findByRole('alert', undefined, { timeout: 5000 });
    expect(warning.textContent).toContain('「企画課.xlsx」を取り込めませんでした。ファイルが大きすぎて Excel が受け取れませんでした。');
    expect(warning.textContent).not.toContain('RequestPayloadSizeLimitExceeded');
    expect(host.sheetNames()).toEqual(['第1節', '成果指標']);
  });

  it('取り込んだシートを削除 removes only the imported sheets and grades again', async () => {
    const { host } = renderPane([seedSheet()], { readBook });
    await importTwo(host);
    const reads = host.calls.readGrids.length;
    fireEvent.click(within(section()).getByRole('button', { name: '取り込んだシートを削除' }));
    await within(section()).findByText('取り込んだシート（「KPI評価（R5）」・「成果指標」）を削除しました。');
    expect(host.sheetNames()).toEqual(['第1節']);
    await waitFor(() => expect(host.calls.readGrids.length).toBe(reads + 1));
    await waitFor(() => expect(kpiRows().length).toBe(3));
    expect(within(section()).queryByRole('button', { name: '取り込んだシートを削除' })).toBeNull();
  });

  it('asks before deleting a sheet changed since the import, and keeps it when told to', async () => {
    const { host } = renderPane([seedSheet()], { readBook });
    await importTwo(host);
    host.typeInto('成果指標', 'H5', '要確認');
    fireEvent.click(within(section()).getByRole('button', { name: '取り込んだシートを削除' }));
    const ask = await within(section()).findByText(/「成果指標」 は取り込んだ後に変更されています/);
    expect(ask).toBeTruthy();
    expect(host.sheetNames()).toEqual(['第1節', 'KPI評価（R5）', '成果指標']);
    fireEvent.click(within(section()).getByRole('button', { name: '残す' }));
    expect(host.sheetNames()).toEqual(['第1節', 'KPI評価（R5）', '成果指標']);
    fireEvent.click(within(section()).getByRole('button', { name: '取り込んだシートを削除' }));
    await within(section()).findByText(/は取り込んだ後に変更されています/);
    fireEvent.click(within(section()).getByRole('button', { name: '削除する' }));
    await within(section()).findByText(/を削除しました。/);
    expect(host.sheetNames()).toEqual(['第1節']);
  });

  it('shows the consistency review across the workbook and the files', async () => {
    const { host } = renderPane([seedSheet()], { readBook });
    await importTwo(host);
    const review = screen.getByRole('region', { name: '各課の評価の整合性（取り込んだファイルとこのブック）' });
    // The seed types Ｓ and Ｂ full-width; reiwa-kijun types its grades half-width (A, B, C).
    expect(review.textContent).toContain('評価の書き方がファイルによって異なります。全角（Ｓ）: このブック ／ 半角（S）: 企画課.xlsx。');
    // reiwa-kijun: 3 typed grades, all as the rule grades them (A, B, C).
    expect(review.textContent).toContain('企画課.xlsx: 3件中 0件（0%）');
    // The seed: Ｓ as the rule, Ｂ where the rule gives Ａ (harsher).
    expect(review.textContent).toContain('このブック: 2件中 1件（50%）— 規則より甘い 0・厳しい 1');
  });

  it('says in words why the button is off in an Excel without ExcelApi 1.13', () => {
    renderPane([seedSheet()], { readBook, importSupported: false });
    expect(importButton().getAttribute('aria-disabled')).toBe('true');
    expect(within(section()).getByText(/この Excel では他のブックのシートを取り込めません/)).toBeTruthy();
  });

  it('after evaluating, without imports, keeps the review away', async () => {
    renderPane([seedSheet()], { readBook });
    await evaluateAll();
    expect(screen.queryByRole('region', { name: /各課の評価の整合性/ })).toBeNull();
  });
});
