// Build of the Excel add-in: task pane, custom functions and ribbon commands.
//
//   npm run build                 production build into dist/
//   npm run build:dev             development build (source maps)
//   npm run dev-server            https://localhost:3000 for sideloading
//   ADDIN_BASE_URL=https://host/path/ npm run build
//                                 same build, with dist/manifest.xml pointing at that base URL
//
// Shared runtime: the manifest's Runtime, the custom functions Page and the FunctionFile are
// all taskpane.html, so that page loads the functions and commands bundles as well as the task
// pane (as the OfficeDev shared-runtime template does). `taskpane` depends on `functions`, so
// code both use (src/core) is bundled and instantiated once; functions.js stays self-contained
// for the manifest's <Script> element.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import CopyWebpackPlugin from 'copy-webpack-plugin';
import CustomFunctionsMetadataPlugin from 'custom-functions-metadata-plugin';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import webpack from 'webpack';

const projectDir = path.dirname(fileURLToPath(import.meta.url));

/** The base URL written in manifest.xml; the build swaps it for ADDIN_BASE_URL. */
export const DEV_BASE_URL = 'https://localhost:3000/';
const DEV_ORIGIN = 'https://localhost:3000';
const DEV_PORT = 3000;

/**
 * Reads ADDIN_BASE_URL. Returns undefined when unset (keep the dev URLs), the URL when it is
 * an https URL ending with '/', and throws otherwise: Office only loads add-ins over https,
 * and every manifest URL is built by appending a file name to this base.
 */
export function resolveBaseUrl(raw) {
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = raw.trim();
  const problem = (why) =>
    new Error(
      [
        `ADDIN_BASE_URL が正しくありません: ${why.ja}`,
        `  受け取った値: "${value}"`,
        '  https:// で始まり / で終わる URL を指定してください（例: https://kpi.example.lg.jp/addin/）。',
        `ADDIN_BASE_URL is not usable: ${why.en}`,
        `  Got: "${value}"`,
        '  Give an https:// URL that ends with "/" (for example https://kpi.example.lg.jp/addin/).',
      ].join('\n'),
    );
  let url;
  try {
    url = new URL(value);
  } catch {
    throw problem({ ja: 'URL として読めません。', en: 'it is not a URL.' });
  }
  if (url.protocol !== 'https:') {
    throw problem({ ja: 'https ではありません。Office は https のアドインしか読み込みません。', en: 'it is not https; Office loads add-ins only over https.' });
  }
  if (!value.endsWith('/')) {
    throw problem({ ja: '末尾が / ではありません。', en: 'it does not end with "/".' });
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw problem({ ja: 'クエリ・フラグメント・認証情報は使えません。', en: 'a query, fragment or credentials are not allowed.' });
  }
  return value;
}

/**
 * Points every manifest URL at `baseUrl`: file URLs (https://localhost:3000/…) get the base,
 * and the bare origin (AppDomain) gets the base's origin.
 */
export function rewriteManifest(xml, baseUrl) {
  if (baseUrl === undefined) return xml;
  const origin = new URL(baseUrl).origin;
  return xml.split(DEV_BASE_URL).join(baseUrl).split(DEV_ORIGIN).join(origin);
}

/**
 * functions.json as Excel must get it, from what custom-functions-metadata generated.
 *
 * - `allowErrorForDataTypeAny: true`: without it Excel does not call a function at all when an
 *   argument holds an error value, so one #DIV/0! in a range gives the whole spilled result an
 *   error instead of "that row's error, the other rows computed". The generator cannot set it
 *   (custom-functions-errors, "Errors as custom function inputs": "only with manually created
 *   JSON metadata"; Office-Addin-Scripts PR #632 asked for it and was closed), so it is added here.
 * - `allowCustomDataForDataTypeAny`, which the generator adds by default (Office-Addin-Scripts
 *   PR #829), is dropped: no KPI function takes data types (a linked entity is "not a value",
 *   src/functions/args.ts), it needs CustomFunctionsRuntime 1.4, and volume-licensed Office 2021
 *   crashes on metadata that has both flags (office-js issue #4385).
 * Both flags are top-level: they apply to every `any` parameter, and every KPI parameter is `any`.
 */
export function finishFunctionsMetadata(json) {
  const metadata = JSON.parse(json);
  delete metadata.allowCustomDataForDataTypeAny;
  return JSON.stringify({ allowErrorForDataTypeAny: true, ...metadata }, null, 4);
}

/**
 * Rewrites the functions.json that CustomFunctionsMetadataPlugin put in each compilation (see
 * finishFunctionsMetadata). Listed after that plugin, so its compilation hook runs after the one
 * that adds the asset, in child compilations (html-webpack-plugin's) too: every copy of the file
 * is the finished one, and webpack sees no conflicting contents.
 */
class FinishFunctionsMetadataPlugin {
  constructor(file) {
    this.file = file;
  }

  apply(compiler) {
    compiler.hooks.compilation.tap('FinishFunctionsMetadataPlugin', (compilation) => {
      const generated = compilation.assets[this.file];
      // Missing only when the generator failed, and then it has already reported why.
      if (!generated) return;
      const json = finishFunctionsMetadata(generated.source().toString());
      compilation.assets[this.file] = new webpack.sources.RawSource(json);
    });
  }
}

/**
 * https for the dev server. On Windows and macOS office-addin-dev-certs makes (and trusts) a
 * localhost certificate. On Linux it cannot trust its CA (it shells out to sudo), so use its
 * certificate only if one was already made, otherwise webpack-dev-server's own self-signed one:
 * the browser will warn, but the server starts.
 */
async function devServerHttps() {
  const certDir = path.join(homedir(), '.office-addin-dev-certs');
  const files = { ca: 'ca.crt', cert: 'localhost.crt', key: 'localhost.key' };
  const existing = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, path.join(certDir, f)]));
  if (process.platform === 'linux') {
    if (Object.values(existing).every((f) => existsSync(f))) {
      return { type: 'https', options: Object.fromEntries(Object.entries(existing).map(([k, f]) => [k, readFileSync(f)])) };
    }
    return 'https';
  }
  try {
    const { default: devCerts } = await import('office-addin-dev-certs');
    return { type: 'https', options: await devCerts.getHttpsServerOptions() };
  } catch (error) {
    console.warn(
      `開発用証明書を用意できなかったため、自己署名証明書で起動します / Could not set up the Office dev certificate; using a self-signed one: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 'https';
  }
}

export default async (env = {}, options = {}) => {
  const dev = options.mode === 'development';
  let baseUrl;
  try {
    baseUrl = resolveBaseUrl(process.env.ADDIN_BASE_URL);
  } catch (error) {
    // The message says everything; webpack-cli would otherwise bury it under a stack trace.
    error.stack = error.message;
    throw error;
  }
  const functionsEntry = path.join(projectDir, 'src/functions/functions.ts');

  return {
    context: projectDir,
    mode: dev ? 'development' : 'production',
    devtool: dev ? 'source-map' : false,
    entry: {
      functions: './src/functions/functions.ts',
      commands: './src/commands/commands.ts',
      taskpane: { import: './src/taskpane/index.tsx', dependOn: 'functions' },
    },
    output: {
      path: path.join(projectDir, 'dist'),
      filename: '[name].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
      // Source written with NodeNext-style '.js' specifiers still resolves to the .ts file.
      extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              // Type checking is `npm run typecheck`; the build only strips types.
              transpileOnly: true,
              // ES2020 keeps ?. and ?? but lowers class fields and static blocks for the older
              // Safari WebKit that Excel on Mac embeds.
              compilerOptions: { noEmit: false, target: 'ES2020', sourceMap: dev },
            },
          },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: functionsEntry }),
      new FinishFunctionsMetadataPlugin('functions.json'),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['functions', 'commands', 'taskpane'],
        chunksSortMode: 'manual',
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'assets/help.html', to: 'help.html' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: { transformer: (content) => rewriteManifest(content.toString('utf8'), baseUrl), cache: false },
          },
        ],
      }),
    ],
    // The size budget (task pane ≤ 300 KB gzipped) is checked on gzipped output by
    // tests/build/build.test.ts; webpack's own hints measure raw bytes.
    performance: { hints: false },
    devServer: env.WEBPACK_SERVE
      ? {
          host: 'localhost',
          port: DEV_PORT,
          server: await devServerHttps(),
          headers: { 'Access-Control-Allow-Origin': '*' },
          static: false,
          client: { overlay: { warnings: false } },
        }
      : undefined,
  };
};
