// Browser tests: the built task pane in headless Chromium over the workbook double.
//   npm run test:e2e
// tests/e2e/globalSetup.ts builds the add-in once (or reuses a fresh build), bundles the
// office.js stub and serves the build on 127.0.0.1.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/globalSetup.ts'],
    // One browser at a time: the machines have two cores, and the files share one server.
    fileParallelism: false,
    // A cold production build takes one to two minutes on two cores.
    hookTimeout: 600_000,
    testTimeout: 120_000,
    teardownTimeout: 30_000,
  },
});
