// Bundles the web UI into one directory that `qujat serve` serves at /:
//   node build.mjs --out DIR
// index.html and app.css are copied; src/main.jsx and everything it imports (Preact,
// PKI.js, Chart.js) become app.js. Nothing is fetched at run time.
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outIndex = process.argv.indexOf('--out');
if (outIndex < 0 || !process.argv[outIndex + 1]) {
  console.error('usage: node build.mjs --out DIR');
  process.exit(2);
}
const out = process.argv[outIndex + 1];

await mkdir(out, { recursive: true });
await build({
  entryPoints: [join(here, 'src', 'main.jsx')],
  outfile: join(out, 'app.js'),
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
