// Where the browser tests find Qujat: CTest passes these in the environment; without them
// (`node --test adapters/web/tests/` in a checkout) the default build directory is used.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const sourceDir = process.env.QUJAT_SOURCE_DIR ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

export const env = {
  sourceDir,
  qujatBin: process.env.QUJAT_BIN ?? join(sourceDir, 'build/adapters/cli/qujat'),
  // Unset: the server serves its build's own web directory.
  webRoot: process.env.QUJAT_WEB_ROOT,
  screenshotDir: process.env.QUJAT_SCREENSHOTS ?? join(sourceDir, 'build/web-screenshots'),
  chromium: '/usr/bin/chromium',
  makeDevPki: join(sourceDir, 'certs/make-dev-pki.sh'),
};
