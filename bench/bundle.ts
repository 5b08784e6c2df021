/** Sizes of the production bundles, raw and gzipped (what Excel downloads). */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export function benchBundles(dist = 'dist'): BundleSize[] {
  if (!existsSync(join(dist, 'taskpane.js'))) {
    const r = spawnSync('npx', ['webpack', '--mode', 'production'], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('production build failed');
  }
  return readdirSync(dist)
    .filter((f) => f.endsWith('.js'))
    .map((file) => {
      const body = readFileSync(join(dist, file));
      return { file, bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length };
    });
}
