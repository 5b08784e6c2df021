// `npm start` / `npm run stop`: sideload the add-in into Excel for debugging.
//
//   node scripts/start.mjs          Windows/macOS: build, serve on https://localhost:3000 and open Excel
//                                   with the add-in sideloaded (office-addin-debugging).
//                                   Linux: start the https dev server for Excel on the web.
//   node scripts/start.mjs stop     Windows/macOS: stop the server and unregister the add-in.
//
// office-addin-debugging is run through npx at a pinned version instead of being a
// dependency: it cannot be installed on Linux CI without extra system packages and an npm
// override, and it cannot sideload on Linux anyway.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DEBUGGING = 'office-addin-debugging@7.0.0';
const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const command = process.argv[2] ?? 'start';

/** Runs a command with inherited stdio, passes Ctrl+C on, and exits with its exit code. */
function runAndExit(cmd, args, options = {}) {
  const child = spawn(cmd, args, { cwd: projectDir, stdio: 'inherit', ...options });
  const forward = (signal) => {
    if (!child.killed) child.kill(signal);
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('error', (error) => {
    console.error(`起動できませんでした / Could not start ${cmd}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    process.exit(code ?? (signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1));
  });
}

function npx(args) {
  // npx is npx.cmd on Windows, which only runs through a shell.
  const win = process.platform === 'win32';
  runAndExit(win ? 'npx.cmd' : 'npx', ['--yes', DEBUGGING, ...args], { shell: win });
}

const linuxMessage = `
────────────────────────────────────────────────────────────────────────────
Linux では Excel デスクトップ版へのサイドロードはできません（Excel for Linux がないため）。
代わりに開発サーバー https://localhost:3000/ を起動します。Excel on the web で試すには:
  1. このマシンのブラウザーで https://localhost:3000/taskpane.html を開き、
     自己署名証明書の警告を「詳細設定 → 続行」で許可します。
  2. 同じブラウザーで Excel on the web のブックを開き、
     [ホーム] → [アドイン] → [その他のアドイン] → [個人用アドイン] → [マイ アドインのアップロード]
     で、このフォルダーの manifest.xml を選びます。
  停止するには Ctrl+C を押してください。

Desktop Excel cannot sideload on Linux (there is no Excel for Linux).
Starting the dev server on https://localhost:3000/ instead. To try the add-in in Excel on the web:
  1. In a browser on this machine open https://localhost:3000/taskpane.html and accept the
     self-signed certificate warning (Advanced → Proceed).
  2. In the same browser open a workbook in Excel on the web and choose
     Home → Add-ins → More Add-ins → My Add-ins → Upload My Add-in, then pick this folder's manifest.xml.
  Press Ctrl+C to stop.
────────────────────────────────────────────────────────────────────────────
`;

if (command !== 'start' && command !== 'stop') {
  console.error(`使い方 / usage: node scripts/start.mjs [start|stop]  (got "${command}")`);
  process.exit(2);
}

if (process.platform === 'win32' || process.platform === 'darwin') {
  if (command === 'start') npx(['start', 'manifest.xml', 'desktop', '--app', 'excel']);
  else npx(['stop', 'manifest.xml']);
} else if (command === 'stop') {
  console.log('Linux ではサイドロードしていないので、止めるものはありません。開発サーバーは Ctrl+C で止まります。');
  console.log('Nothing was sideloaded on Linux, so there is nothing to stop; the dev server stops with Ctrl+C.');
} else {
  console.log(linuxMessage);
  const webpackCli = path.join(projectDir, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
  runAndExit(process.execPath, [webpackCli, 'serve', '--mode', 'development']);
}
