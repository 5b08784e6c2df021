/**
 * Debian's Chromium, headless, driven by playwright-core: the one way this repo
 * starts a browser (icons, task pane screenshots, browser tests). The flags keep
 * Chromium off the network, which is closed here; each launch gets a fresh
 * --user-data-dir (playwright takes it as launchPersistentContext's first argument).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type LaunchOptions } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface HeadlessChromium {
  readonly context: BrowserContext;
  /** Closes the browser and removes its profile. */
  close(): Promise<void>;
}

type ContextOptions = Omit<Parameters<typeof chromium.launchPersistentContext>[1], keyof LaunchOptions>;

export async function launchHeadlessChromium(options: ContextOptions = {}): Promise<HeadlessChromium> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'kpi-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      ...options,
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_ARGS],
    });
  } catch (error) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw new Error(
      `Chromium を起動できません（${CHROMIUM_PATH}）。apt-get install -y chromium fonts-noto-cjk を実行してください / cannot start Chromium: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
