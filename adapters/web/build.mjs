// Bundles the web UI into one directory that `qujat serve` serves at /:
//   node build.mjs --out DIR
// index.html and app.css are copied; src/main.jsx and everything it imports become app.js,
// except what is imported on demand (PKI.js for signing, Chart.js for the dashboard), which
// become chunks/*.js. Nothing is fetched from elsewhere at run time.
import { build } from 'esbuild';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outIndex = process.argv.indexOf('--out');
if (outIndex < 0 || !process.argv[outIndex + 1]) {
  console.error('usage: node build.mjs --out DIR');
  process.exit(2);
}
const out = process.argv[outIndex + 1];

await rm(join(out, 'chunks'), { recursive: true, force: true });  // hashed names: old ones would pile up
await mkdir(out, { recursive: true });
await build({
  entryPoints: { app: join(here, 'src', 'main.jsx') },
  outdir: out,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  format: 'esm',
  target: ['chrome100', 'firefox100', 'safari15'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  minify: true,
  sourcemap: 'linked',
  legalComments: 'linked',
  logLevel: 'warning',
});
for (const file of ['index.html', 'app.css']) await copyFile(join(here, 'src', file), join(out, file));
