// Web UI benchmark: the browser side of Qujat in Debian's headless Chromium, against a real
// `qujat serve` over the demo's data and a development PKI (the browser tests' own support
// modules start both), each figure compared with what the machine can do at all, measured
// in the same run:
//
//   1. signing a 100 KiB document in the page with a dev-PKI user's PKCS#12 (ECDSA P-256):
//      the built bundle's signWithPkcs12 (open the .p12 + CAdES) against a raw WebCrypto
//      ECDSA P-256/SHA-256 sign of the same bytes in the same page and `openssl speed
//      ecdsap256`; the opening of the .p12 timed apart and split into its MAC, its PBKDF2
//      runs and the rest;
//   2. the inbox for a signed-in user, navigation start to its h1 in the DOM, cold (a new
//      browser context: empty cache, only the session cookie) and warm (reload with the
//      cache), with the bytes a load transfers, against the round trip of GET /healthz
//      fetched from the same page;
//   3. chairman.ast-01's dashboard, navigation start to both charts' canvases drawn on,
//      cold and warm as in 2.
//
//   node bench/web_bench.mjs [--build DIR] [--rounds R] [--loads N]
//
// --build DIR   the build to measure: DIR/adapters/cli/qujat serving DIR/web (default: the
//               checkout's build/); `ninja -C DIR qujat qujat_web` first
// --rounds R    rounds of the signing measurements, of openssl speed too (default 5)
// --loads N     page loads per page-load series (default 10)
//
// Needs what the browser tests need: Node >= 18, /usr/bin/chromium, adapters/web/node_modules
// (npm ci there), openssl. Takes about a minute. Not a CTest test: run it by hand
// on a quiet machine (it prints the load average it started with). Every figure is the
// median over rounds or loads, [min..max] beside it; a ratio to raw WebCrypto or openssl is
// the median of the ratios of pairs measured back to back, a ratio to /healthz the ratio of
// the medians.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const sourceDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const support = join(sourceDir, 'adapters/web/tests/support');

const DOCUMENT_BYTES = 100 * 1024;
const SIGNER = 'chairman.ppo-00002';     // certified by the demo's PKI (qujat-system.mjs) and has a task
const INBOX_USER = 'chairman.ppo-00002';
const OFFICIAL = 'chairman.ast-01';
const LANG = 'en';

// ---------------------------------------------------------------------------------------
// Options; the support modules read their paths from the environment when first imported.

const options = { build: join(sourceDir, 'build'), rounds: 5, loads: 10 };
for (let i = 2; i < process.argv.length; i += 2) {
  const [flag, value] = [process.argv[i], process.argv[i + 1]];
  if (flag === '--build' && value) options.build = resolve(value);
  else if (flag === '--rounds' && Number(value) >= 1) options.rounds = Math.floor(Number(value));
  else if (flag === '--loads' && Number(value) >= 1) options.loads = Math.floor(Number(value));
  else {
    console.error('usage: node bench/web_bench.mjs [--build DIR] [--rounds R] [--loads N]');
    process.exit(2);
  }
}
process.env.QUJAT_BIN = join(options.build, 'adapters/cli/qujat');
process.env.QUJAT_WEB_ROOT = join(options.build, 'web');  // the bundle whose chunk we import
for (const needed of [process.env.QUJAT_BIN, join(process.env.QUJAT_WEB_ROOT, 'chunks')]) {
  if (!existsSync(needed)) {
    console.error(`web_bench: no ${needed}: build it first (ninja -C ${options.build} qujat qujat_web)`);
    process.exit(2);
  }
}

const { desktop, launchChromium } = await import(join(support, 'browser.mjs'));
const { startQujat } = await import(join(support, 'qujat-system.mjs'));
const { heading, signIn, words } = await import(join(support, 'ui.mjs'));
const t = words(LANG);

// ---------------------------------------------------------------------------------------
// Statistics and printing, as the C++ benches do it.

function quantile(samples, q) {
  if (!samples.length) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))];
}
const median = (samples) => quantile(samples, 0.5);
const low = (samples) => quantile(samples, 0);
const high = (samples) => quantile(samples, 1);
// The median of a[i]/b[i]: steadier on a noisy machine than the ratio of the medians.
const medianRatio = (a, b) => median(a.slice(0, b.length).map((x, i) => x / b[i]));

const f = (x, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : '—');
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

// ---------------------------------------------------------------------------------------
// 1. Signing in the page.

// One operation run back to back for `ms` in the page; its rate in operations per second.
function inPage(page, op, ms) {
  return page.evaluate(({ op, ms }) => window.qujatBench.run(op, ms), { op, ms });
}

async function pkcs12Facts(p12Path, passFile) {
  const { stdout, stderr } = await run('openssl', ['pkcs12', '-info', '-noout', '-in', p12Path, '-passin', `file:${passFile}`]);
  const text = stdout + stderr;
  const mac = text.match(/MAC: (\S+), Iteration (\d+)/);
  const pbkdf2 = [...text.matchAll(/PBKDF2, (\S+), Iteration (\d+), PRF (\w+)/g)];
  if (!mac || !pbkdf2.length) throw new Error(`unexpected openssl pkcs12 -info output:\n${text}`);
  const iterations = new Set(pbkdf2.map((m) => m[2]));
  if (iterations.size !== 1) throw new Error(`PBKDF2 runs with different iteration counts:\n${text}`);
  return {
    macDigest: mac[1], macIterations: Number(mac[2]),
    pbkdf2Runs: pbkdf2.length, pbkdf2Iterations: Number(pbkdf2[0][2]), cipher: pbkdf2[0][1], prf: pbkdf2[0][3],
  };
}

// `openssl speed -elapsed -seconds 2 ecdsap256`: raw P-256 signs per second (wall clock).
async function opensslP256SignRate() {
  const { stdout } = await run('openssl', ['speed', '-elapsed', '-seconds', '2', 'ecdsap256'], { maxBuffer: 1 << 20 });
  const line = stdout.split('\n').find((l) => l.includes('(nistp256)'));
  const numbers = line?.match(/[\d.]+/g);
  if (!numbers || numbers.length < 4) throw new Error(`unexpected openssl speed output:\n${stdout}`);
  return Number(numbers[numbers.length - 2]);  // … sign(s) verify(s) sign/s verify/s
}

function derOfPem(pem, label) {
  const match = pem.match(new RegExp(`-----BEGIN ${label}-----([^-]+)-----END ${label}-----`));
  if (!match) throw new Error(`no ${label} in the PEM`);
  return Buffer.from(match[1].replace(/\s+/g, ''), 'base64');
}

// Installs window.qujatBench in a signed-in page: the bundle's cades chunk, the files, and
// the operations to time.
async function prepareSigningPage(page, { chunk, p12, p12NoMac, password, key, document, facts }) {
  await page.evaluate(async (a) => {
    const bytes = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const cades = await import(new URL(`/chunks/${a.chunk}`, location.href).href);
    const [p12, p12NoMac, doc] = [bytes(a.p12), bytes(a.p12NoMac), bytes(a.document)];
    const subtle = crypto.subtle;
    const ecdsa = { name: 'ECDSA', namedCurve: 'P-256' };
    const key = await subtle.importKey('pkcs8', bytes(a.key), ecdsa, false, ['sign']);
    const passwordKey = await subtle.importKey('raw', new TextEncoder().encode(a.password), 'PBKDF2', false, ['deriveBits']);
    const salt = crypto.getRandomValues(new Uint8Array(16));
    const ops = {
      full: () => cades.signWithPkcs12({ pkcs12: p12, password: a.password, content: doc }),
      open: () => cades.describeCertificate({ pkcs12: p12, password: a.password }),
      openNoMac: () => cades.describeCertificate({ pkcs12: p12NoMac, password: a.password }),
      rawSign: () => subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key, doc),
      pbkdf2: () => subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: a.pbkdf2Iterations }, passwordKey, 256),
      sha256: () => subtle.digest('SHA-256', doc),
    };
    window.qujatBench = {
      async run(op, ms) {
        const fn = ops[op];
        let n = 0;
        const start = performance.now();
        let elapsed;
        do {
          await fn();
          n++;
          elapsed = performance.now() - start;
        } while (elapsed < ms);
        return (1000 * n) / elapsed;
      },
      async signOnce() {
        return btoa(String.fromCharCode(...new Uint8Array(await ops.full())));
      },
      checkNoMac: async () => (await ops.openNoMac()).sha256 === (await ops.open()).sha256,
    };
    for (const fn of Object.values(ops)) await fn();  // compile, JIT, first-use costs out of the way
  }, {
    chunk, password, pbkdf2Iterations: facts.pbkdf2Iterations,
    p12: p12.toString('base64'), p12NoMac: p12NoMac.toString('base64'),
    key: key.toString('base64'), document: document.toString('base64'),
  });
}

async function benchSigning(system, browser, errors) {
  const chunks = (await readdir(join(options.build, 'web/chunks'))).filter((n) => /^cades-.*\.js$/.test(n));
  if (chunks.length !== 1) throw new Error(`expected one cades-*.js in ${options.build}/web/chunks, found ${chunks.join(', ') || 'none'}`);
  const chunk = chunks[0];

  const { path: p12Path, password } = await system.p12(SIGNER);
  const passFile = system.pkiFile(SIGNER, `${SIGNER}.p12.pass`);
  const facts = await pkcs12Facts(p12Path, passFile);
  // The same key, certificates and encryption without the MAC: opening it costs the MAC less.
  const noMacPath = join(system.root, `${SIGNER}-nomac.p12`);
  await run('openssl', ['pkcs12', '-export', '-nomac', '-name', SIGNER,
    '-inkey', system.pkiFile(SIGNER, 'key.pem'), '-in', system.pkiFile(SIGNER, 'cert.pem'),
    '-certfile', system.pkiFile(SIGNER, 'chain.pem'), '-passout', `file:${passFile}`, '-out', noMacPath]);
  const document = Buffer.alloc(DOCUMENT_BYTES);
  for (let i = 0, x = 20261127; i < DOCUMENT_BYTES; i++) document[i] = (x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 24;

  const context = await browser.newContext({ viewport: desktop, locale: 'en-US' });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  await signIn(page, system, SIGNER, LANG);
  await prepareSigningPage(page, {
    chunk, password, facts, document,
    p12: await readFile(p12Path), p12NoMac: await readFile(noMacPath),
    key: derOfPem(await readFile(system.pkiFile(SIGNER, 'key.pem'), 'utf8'), 'PRIVATE KEY'),
  });
  if (!(await page.evaluate(() => window.qujatBench.checkNoMac()))) throw new Error('the -nomac file holds another certificate');

  // One signature from the page must be one the server would accept.
  const signaturePath = join(system.root, 'bench.p7s');
  const documentPath = join(system.root, 'bench-document.bin');
  await writeFile(signaturePath, Buffer.from(await page.evaluate(() => window.qujatBench.signOnce()), 'base64'));
  await writeFile(documentPath, document);
  const verdict = JSON.parse(await system.qujat('--json', 'signature', 'verify', '--trust', join(system.pkiDir, 'trust'),
    '--content', documentPath, signaturePath));
  const signatureBytes = (await readFile(signaturePath)).length;

  const series = { full: [], open: [], openNoMac: [], rawSign: [], pbkdf2: [], sha256: [], openssl: [] };
  const budget = { full: 700, open: 500, openNoMac: 400, rawSign: 300, pbkdf2: 300, sha256: 200 };
  for (let r = 0; r < options.rounds; r++) {
    // Interleaved, so that drift in the machine's speed touches every series alike.
    for (const [op, ms] of Object.entries(budget)) series[op].push(await inPage(page, op, ms));
    series.openssl.push(await opensslP256SignRate());
  }
  await context.close();
  return { chunk, facts, verdict, signatureBytes, series };
}

function printSigning({ chunk, facts, verdict, signatureBytes, series }) {
  console.log(`\n1. signing a ${DOCUMENT_BYTES}-byte document in the page, ${SIGNER}.p12 (ECDSA P-256), /chunks/${chunk}`);
  console.log(`   the file: MAC ${facts.macDigest} ${facts.macIterations} iterations (PKCS#12 KDF); ` +
    `${facts.pbkdf2Runs}× PBES2 ${facts.cipher} with PBKDF2 ${facts.prf} ${facts.pbkdf2Iterations} iterations`);
  console.log(`   one signature from the page: ${signatureBytes} bytes, qujat signature verify: ${verdict.indication} (${verdict.signerCommonName}, ${verdict.signatureAlgorithm})`);
  console.log(`   median of ${options.rounds} rounds (0.2–0.7 s of each in the page, openssl speed 2 s), [min..max rate]\n`);
  const raw = series.rawSign;
  console.log(`   ${pad('', 58)}${lpad('ms/op', 9)}${lpad('ops/s', 10)}  ${pad('[min..max]', 15)}${lpad('x raw WebCrypto', 16)}`);
  const row = (label, s, ratio = true) => console.log(
    `   ${pad(label, 58)}${lpad(f(1000 / median(s), 3), 9)}${lpad(f(median(s), 1), 10)}  ` +
    `${pad(`[${f(low(s), 0)}..${f(high(s), 0)}]`, 15)}${lpad(ratio ? `${f(medianRatio(s, raw), 4)}x` : '', 16)}`);
  row('signWithPkcs12: open the .p12 + CAdES (the full signing)', series.full);
  row('describeCertificate: open the .p12 only', series.open);
  row('open the same key from a .p12 without MAC (-nomac)', series.openNoMac);
  row(`WebCrypto PBKDF2-${facts.prf.replace('hmacWith', '')}, ${facts.pbkdf2Iterations} iterations, 256 bits`, series.pbkdf2, false);
  row('WebCrypto SHA-256 of the document', series.sha256, false);
  row('raw WebCrypto ECDSA P-256 SHA-256 sign of the document', raw, false);
  console.log(`   ${pad('openssl speed -elapsed -seconds 2 ecdsap256, sign', 58)}${lpad(f(1000 / median(series.openssl), 3), 9)}` +
    `${lpad(f(median(series.openssl), 0), 10)}  ${pad(`[${f(low(series.openssl), 0)}..${f(high(series.openssl), 0)}]`, 15)}` +
    `${lpad(`${f(medianRatio(series.openssl, raw), 1)}x`, 16)}`);

  const ms = (s) => 1000 / median(s);
  const full = ms(series.full), open = ms(series.open), noMac = ms(series.openNoMac);
  const mac = open - noMac, kdf = facts.pbkdf2Runs * ms(series.pbkdf2);
  const cades = full - open, sign = ms(raw), digest = ms(series.sha256);
  console.log('\n   where the full signing goes (medians, ms)');
  console.log(`     full ${f(full, 2)} = open the .p12 ${f(open, 2)} (${f(100 * open / full, 0)}%) + CAdES ${f(cades, 2)} (${f(100 * cades / full, 0)}%)`);
  console.log(`     open ${f(open, 2)} = MAC check ${f(mac, 2)} (PKI.js's PKCS#12 KDF: ${facts.macIterations} SHA-256 in JavaScript, @noble/hashes;` +
    ` ${f(mac / ms(series.pbkdf2), 0)}x a WebCrypto PBKDF2 of ${facts.pbkdf2Iterations} iterations)` +
    ` + ${facts.pbkdf2Runs} PBKDF2 ${f(kdf, 2)} (WebCrypto) + the rest ${f(noMac - kdf, 2)} (PKI.js parsing, AES, key imports, certificate match)`);
  console.log(`     CAdES ${f(cades, 2)} = 1 raw sign ${f(sign, 2)} + 1 SHA-256 of the document ${f(digest, 2)} + the rest ${f(cades - sign - digest, 2)} (PKI.js objects and DER encoding)`);
  console.log('     (MAC check = open − open without MAC; the rests by difference; the raw sign hashes the document too;\n' +
    '      describeCertificate also encodes and hashes the certificate, counted in open here, not in CAdES)');
  console.log(`     full vs the machine: ${f(medianRatio(series.full, raw), 4)}x raw WebCrypto (1/${f(1 / medianRatio(series.full, raw), 0)}), ` +
    `${f(medianRatio(series.full, series.openssl), 5)}x openssl speed; WebCrypto sign is ${f(medianRatio(raw, series.openssl), 2)}x openssl's ` +
    `(it hashes the ${DOCUMENT_BYTES / 1024} KiB; openssl signs a 20-byte digest)`);
}

// ---------------------------------------------------------------------------------------
// 2 and 3. Page loads, timed in the page from its navigation start (performance.now()).

// Runs in every document before its scripts: records when the screen's h1 first says
// `title`, when `ready` (a selector) first matches, and when each canvas is first drawn on.
function loadProbe({ title, ready }) {
  const marks = { h1: null, ready: null, canvases: new Map() };
  window.qujatMarks = marks;
  const check = () => {
    if (marks.h1 === null && document.querySelector('h1')?.textContent === title) marks.h1 = performance.now();
    if (marks.ready === null && document.querySelector(ready)) marks.ready = performance.now();
    if (marks.h1 !== null && marks.ready !== null) observer.disconnect();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, characterData: true });
  const proto = CanvasRenderingContext2D.prototype;
  for (const name of ['fill', 'fillRect', 'fillText', 'stroke', 'strokeRect', 'strokeText', 'drawImage']) {
    const original = proto[name];
    proto[name] = function (...args) {
      if (!marks.canvases.has(this.canvas)) marks.canvases.set(this.canvas, performance.now());
      return original.apply(this, args);
    };
  }
}

// A canvas shown at a size and with at least one painted pixel (as the dashboard test checks).
function drawnCanvases(count) {
  const canvases = [...document.querySelectorAll('main canvas')];
  if (canvases.length < count) return false;
  return canvases.every((canvas) => {
    const { width, height } = canvas.getBoundingClientRect();
    if (!width || !height) return false;
    const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) return true;
    return false;
  });
}

function readMarks(page) {
  return page.evaluate(() => {
    const m = window.qujatMarks;
    const nav = performance.getEntriesByType('navigation')[0];
    const resources = performance.getEntriesByType('resource');
    const end = (re) => resources.filter((r) => re.test(r.name)).reduce((x, r) => Math.max(x, r.responseEnd), null);
    return {
      h1: m.h1, ready: m.ready,
      canvases: [...m.canvases.entries()].filter(([c]) => c.closest('main')).map(([, at]) => at),
      documentEnd: nav.responseEnd, domContentLoaded: nav.domContentLoadedEventEnd,
      chartChunk: end(/\/chunks\/chartSetup-/),
      apiBeforeH1: resources.filter((r) => r.name.includes('/api/') && r.responseEnd <= m.h1).length,
    };
  });
}

// Every response of `page` until stop(): bytes of bodies as sent (gzip when it was), by kind.
function countTraffic(page) {
  const pending = [];
  const onFinished = (request) => pending.push((async () => {
    const response = await request.response();
    const sizes = await request.sizes();
    return {
      api: new URL(request.url()).pathname.startsWith('/api/'),
      status: response?.status(),
      body: sizes.responseBodySize,
      headers: sizes.responseHeadersSize,
      gzip: (await response?.headerValue('content-encoding')) === 'gzip',
    };
  })());
  page.on('requestfinished', onFinished);
  return async () => {
    page.off('requestfinished', onFinished);
    const all = await Promise.all(pending);
    const sum = (xs, key) => xs.reduce((s, x) => s + x[key], 0);
    const statics = all.filter((x) => !x.api), api = all.filter((x) => x.api);
    return {
      requests: all.length, staticRequests: statics.length, apiRequests: api.length,
      staticBody: sum(statics, 'body'), apiBody: sum(api, 'body'), headers: sum(all, 'headers'),
      notModified: all.filter((x) => x.status === 304).length, gzipped: all.filter((x) => x.gzip).length,
    };
  };
}

// The round trip of GET /healthz fetched by the page itself: what any request costs here.
function healthzRoundTrips(page, n) {
  return page.evaluate(async (n) => {
    const times = [];
    for (let i = 0; i < n + 3; i++) {
      const start = performance.now();
      const response = await fetch('/healthz', { cache: 'no-store' });
      await response.arrayBuffer();
      if (i >= 3) times.push(performance.now() - start);  // the first few warm the connection up
    }
    return times;
  }, n);
}

async function signedInState(browser, system, login) {
  const context = await browser.newContext({ viewport: desktop, locale: 'en-US' });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  await signIn(page, system, login, LANG);
  // The session cookie (and a stored language, if choosing one stored anything: with the
  // contexts' en-US locale English is the default and nothing is).
  const state = await context.storageState();
  await context.close();
  return state;
}

// `loads` cold loads (each in a new context) and `loads` warm ones (reloads of one page whose
// cache the first load filled) of `hash`, each timed in the page until `done` resolves.
async function loadSeries(browser, system, { state, hash, probe, done, errors, traffic = false }) {
  const newPage = async () => {
    const context = await browser.newContext({ viewport: desktop, locale: 'en-US', storageState: state });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
    await page.addInitScript(loadProbe, probe);
    return page;
  };
  const cold = [], warm = [], coldTraffic = [], warmTraffic = [];
  let floor = [];
  for (let i = 0; i < options.loads; i++) {
    const page = await newPage();
    const stop = traffic ? countTraffic(page) : null;
    await page.goto(system.url + hash);
    await done(page);
    cold.push(await readMarks(page));
    if (stop) {
      await page.waitForLoadState('networkidle');  // what the screen fetches after its first paint too
      coldTraffic.push(await stop());
    }
    if (i === 0) floor = await healthzRoundTrips(page, 20);
    await page.context().close();
  }
  const page = await newPage();
  await page.goto(system.url + hash);
  await done(page);
  for (let i = 0; i < options.loads; i++) {
    const stop = traffic ? countTraffic(page) : null;
    await page.reload();
    await done(page);
    warm.push(await readMarks(page));
    if (stop) {
      await page.waitForLoadState('networkidle');
      warmTraffic.push(await stop());
    }
  }
  floor = floor.concat(await healthzRoundTrips(page, 20));
  await page.context().close();
  return { cold, warm, floor, coldTraffic, warmTraffic };
}

async function benchInbox(browser, system, errors) {
  const state = await signedInState(browser, system, INBOX_USER);
  return loadSeries(browser, system, {
    state, hash: '#/inbox', traffic: true, errors,
    probe: { title: t('inbox.title'), ready: 'main p.summary' },
    done: async (page) => {
      await heading(page, t('inbox.title'));
      await page.locator('main p.summary').waitFor();
    },
  });
}

async function benchDashboard(browser, system, errors) {
  const state = await signedInState(browser, system, OFFICIAL);
  let charts;
  const result = await loadSeries(browser, system, {
    state, hash: '#/dashboard', errors,
    probe: { title: t('dashboard.title'), ready: 'main table tbody tr' },
    done: async (page) => {
      await heading(page, t('dashboard.title'));
      await page.locator('main table tbody tr').first().waitFor();
      charts ??= await page.locator('main canvas').count();
      await page.waitForFunction(drawnCanvases, charts, { polling: 'raf' });
    },
  });
  return { ...result, charts };
}

const column = (marks, key) => marks.map((m) => m[key]).filter((x) => x !== null && x !== undefined);
const range = (xs, digits = 0) => `[${f(low(xs), digits)}..${f(high(xs), digits)}]`;

function printInbox({ cold, warm, floor, coldTraffic, warmTraffic }) {
  const rtt = median(floor);
  console.log(`\n2. ${INBOX_USER}'s inbox (${LANG}), navigation start → h1 "${t('inbox.title')}" in the DOM, median of ${options.loads} loads`);
  console.log(`   ${pad('', 50)}${lpad('ms', 8)}  ${pad('[min..max]', 14)}${lpad('x /healthz', 11)}${lpad('tasks shown', 13)}${lpad('DOMContentLoaded', 18)}`);
  const row = (label, marks) => {
    const h1 = column(marks, 'h1');
    console.log(`   ${pad(label, 50)}${lpad(f(median(h1)), 8)}  ${pad(range(h1), 14)}${lpad(`${f(median(h1) / rtt, 0)}x`, 11)}` +
      `${lpad(`${f(median(column(marks, 'ready')))} ms`, 13)}${lpad(`${f(median(column(marks, 'domContentLoaded')))} ms`, 18)}`);
  };
  row('cold: new context (session cookie, no cache)', cold);
  row('warm: reload, cache revalidated', warm);
  console.log(`   ${pad('GET /healthz from the same page (the floor)', 50)}${lpad(f(rtt, 2), 8)}  ${pad(range(floor, 2), 14)}`);
  const tc = coldTraffic, tw = warmTraffic;
  const m = (xs, key) => median(xs.map((x) => x[key]));
  console.log(`\n   bytes on the wire (response bodies as sent; median over loads, until the network is idle)`);
  console.log(`     cold: ${m(tc, 'requests')} requests, ${kib(m(tc, 'staticBody') + m(tc, 'apiBody'))}: ` +
    `${m(tc, 'staticRequests')} static files ${kib(m(tc, 'staticBody'))} (${m(tc, 'gzipped')} gzip), ` +
    `${m(tc, 'apiRequests')} API calls ${kib(m(tc, 'apiBody'))}; + ${kib(m(tc, 'headers'))} of response headers`);
  console.log(`     warm: ${m(tw, 'requests')} requests, ${kib(m(tw, 'staticBody') + m(tw, 'apiBody'))}: ` +
    `${m(tw, 'notModified')} × 304 Not Modified, ${m(tw, 'apiRequests')} API calls ${kib(m(tw, 'apiBody'))}`);
  console.log(`\n   where a cold load's time goes (medians per load): app.js fetched and run (DOMContentLoaded) ` +
    `${f(median(column(cold, 'domContentLoaded')))} ms, then ${f(medianDifference(cold, 'h1', 'domContentLoaded'))} ms to the h1,\n` +
    `   in which ${median(column(cold, 'apiBeforeH1'))} API calls finish (session → user → workflow list and organisations → ` +
    `each workflow's definition), then ${f(medianDifference(cold, 'ready', 'h1'))} ms more to the tasks`);
}

// The median over loads of m[x] - m[y].
function medianDifference(marks, x, y) {
  return median(marks.map((m) => m[x] - m[y]));
}

function printDashboard({ cold, warm, floor, charts }) {
  const rtt = median(floor);
  console.log(`\n3. ${OFFICIAL}'s dashboard (${LANG}), navigation start → its ${charts} charts' canvases drawn on, median of ${options.loads} loads`);
  console.log(`   ${pad('', 50)}${lpad('ms', 8)}  ${pad('[min..max]', 14)}${lpad('x /healthz', 11)}${lpad('h1', 10)}${lpad('table', 10)}${lpad('Chart.js chunk', 16)}`);
  const row = (label, marks) => {
    const drawn = marks.map((m) => (m.canvases.length >= charts ? Math.max(...m.canvases) : null)).filter((x) => x !== null);
    console.log(`   ${pad(label, 50)}${lpad(f(median(drawn)), 8)}  ${pad(range(drawn), 14)}${lpad(`${f(median(drawn) / rtt, 0)}x`, 11)}` +
      `${lpad(`${f(median(column(marks, 'h1')))} ms`, 10)}${lpad(`${f(median(column(marks, 'ready')))} ms`, 10)}` +
      `${lpad(`${f(median(column(marks, 'chartChunk')))} ms`, 16)}`);
  };
  row('cold: new context (session cookie, no cache)', cold);
  row('warm: reload, cache revalidated', warm);
  console.log(`   ${pad('GET /healthz from the same page (the floor)', 50)}${lpad(f(rtt, 2), 8)}  ${pad(range(floor, 2), 14)}`);
  console.log('   (drawn on: the later of the canvases\' first drawing calls; Chart.js\'s default 1 s animation follows)');
}

// ---------------------------------------------------------------------------------------

const started = performance.now();
const { stdout: chromiumVersion } = await run('/usr/bin/chromium', ['--version']).catch(() => ({ stdout: 'chromium' }));
const { stdout: opensslVersion } = await run('openssl', ['version']);
console.log(`web UI benchmark: ${chromiumVersion.trim()} headless (playwright-core), Node ${process.version}, ` +
  `${opensslVersion.trim().replace(/ \(Library.*/, '')}, ${cpus().length} CPUs, load average ${loadavg()[0].toFixed(2)}`);
console.log(`build ${options.build}`);

const [systemResult, browserResult] = await Promise.allSettled([startQujat(), launchChromium()]);
const system = systemResult.value, browser = browserResult.value;
const errors = [];
let failed = false;
try {
  if (systemResult.status === 'rejected') throw systemResult.reason;
  if (browserResult.status === 'rejected') throw browserResult.reason;
  console.log(`setup: dev PKI, qujat demo and qujat serve at ${system.url}, Chromium: ${f((performance.now() - started) / 1000)} s`);
  printSigning(await benchSigning(system, browser, errors));
  printInbox(await benchInbox(browser, system, errors));
  printDashboard(await benchDashboard(browser, system, errors));
  if (errors.length) console.log(`\nscript errors in the pages:\n  ${errors.join('\n  ')}`);
} catch (error) {
  failed = true;
  console.error(`web_bench: ${error.stack || error.message}`);
  if (system) console.error(system.logTail(30));
} finally {
  const [, stopped] = await Promise.allSettled([browser?.close(), system?.stop()]);
  if (stopped.status === 'rejected') {
    failed = true;
    console.error(`web_bench: ${stopped.reason.message}`);
  } else if (!failed) {
    console.log(`\nserver exit: clean (SIGTERM); whole run ${f((performance.now() - started) / 1000)} s`);
  }
}
process.exit(failed ? 1 : 0);
