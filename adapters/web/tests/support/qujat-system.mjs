// A running Qujat for one test file: a development PKI, the demo's story in a fresh data
// directory, and `qujat serve` on a free port. Everything lives in one temporary directory
// that stop() removes.
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { env } from './env.mjs';

const run = promisify(execFile);

// Certified after the demo, as its closing lines tell a person to, so that the document
// it leaves waiting (#4) can be signed in the browser.
const lateSigner = 'chairman.ppo-00002';

export async function startQujat() {
  const root = await mkdtemp(join(tmpdir(), 'qujat-web-'));
  const system = new QujatSystem(root);
  try {
    await system.prepare();
    await system.serve();
  } catch (error) {
    await system.stop().catch(() => {});  // the first error, with the server's words, says more
    throw error;
  }
  return system;
}

class QujatSystem {
  constructor(root) {
    this.root = root;
    this.dataDir = join(root, 'data');
    this.pkiDir = join(root, 'pki');
    this.url = null;
    this.passwords = new Map();
    this.server = null;
    this.serverLog = '';
  }

  // Runs the CLI on this system's data; resolves to its stdout, rejects with its stderr.
  async qujat(...args) {
    try {
      const { stdout } = await run(env.qujatBin, ['--data', this.dataDir, ...args], { maxBuffer: 16 << 20 });
      return stdout;
    } catch (error) {
      throw new Error(`qujat ${args.join(' ')} failed (${error.code}): ${error.stderr || error.message}`);
    }
  }

  async prepare() {
    await run('bash', [env.makeDevPki, this.pkiDir]);
    await this.qujat('demo', '--pki', this.pkiDir);
    await run('bash', [env.makeDevPki, this.pkiDir, lateSigner]);
    await this.qujat('cert', 'register', lateSigner, this.pkiFile(lateSigner, 'cert.pem'));
    for (const line of (await readFile(join(this.dataDir, 'demo-sign-ins.txt'), 'utf8')).split('\n')) {
      if (!line || line.startsWith('#')) continue;
      const [login, password] = line.split('\t');
      this.passwords.set(login, password);
    }
  }

  // A file of a PKI user: cert.pem, key.pem, chain.pem, LOGIN.p12, LOGIN.p12.pass.
  pkiFile(login, name) {
    return join(this.pkiDir, 'users', login, name);
  }

  async p12(login) {
    return {
      path: this.pkiFile(login, `${login}.p12`),
      password: (await readFile(this.pkiFile(login, `${login}.p12.pass`), 'utf8')).trim(),
    };
  }

  password(login) {
    const password = this.passwords.get(login);
    if (!password) throw new Error(`the demo made no sign-in for ${login}`);
    return password;
  }

  serve() {
    const args = ['--data', this.dataDir, 'serve', '--port', '0', '--tick', '0', '--access-log', 'stderr'];
    if (env.webRoot) args.push('--web-root', env.webRoot);
    this.server = spawn(env.qujatBin, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    process.once('exit', () => this.server?.kill('SIGKILL'));
    return new Promise((resolve, reject) => {
      const fail = (why) => reject(new Error(`qujat serve ${why}:\n${this.serverLog}`));
      const timer = setTimeout(() => fail('did not start within 20 s'), 20_000);
      this.server.on('error', (error) => fail(`could not start: ${error.message}`));
      this.server.on('exit', (code, signal) => {
        clearTimeout(timer);
        fail(`exited (${signal ?? code})`);
      });
      this.server.stderr.setEncoding('utf8');
      this.server.stderr.on('data', (chunk) => {
        this.serverLog += chunk;
        const serving = this.serverLog.match(/serving (https?:\/\/\S+)/);
        if (serving && !this.url) {
          clearTimeout(timer);
          this.url = serving[1];
          resolve();
        }
      });
    });
  }

  // The HTTP API as `login` (Bearer token), for checking what the browser showed.
  async api(login) {
    const session = await this.fetchJson('/api/v1/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ login, password: this.password(login) }),
    });
    const headers = { Authorization: `Bearer ${session.token}` };
    return {
      get: (path) => this.fetchJson(`/api/v1${path}`, { headers }),
      bytes: async (path) => Buffer.from(await (await this.fetchOk(`/api/v1${path}`, { headers })).arrayBuffer()),
    };
  }

  async fetchOk(path, init) {
    const response = await fetch(new URL(path, this.url), init);
    if (!response.ok) throw new Error(`${init?.method ?? 'GET'} ${path}: ${response.status} ${await response.text()}`);
    return response;
  }

  async fetchJson(path, init) {
    return (await this.fetchOk(path, init)).json();
  }

  // What the server said besides its access log (one JSON object a line), for a report.
  logTail(lines = 100) {
    return this.serverLog.trimEnd().split('\n').filter((line) => !line.startsWith('{')).slice(-lines).join('\n');
  }

  // Stops the server with SIGTERM and removes the directory; rejects if the server had died
  // or did not stop cleanly (exit 0), e.g. when a sanitizer reported something at exit.
  async stop() {
    const server = this.server;
    let status = server ? server.signalCode ?? server.exitCode : 0;  // null: still running
    if (status === null) {
      server.removeAllListeners('exit');
      const exited = new Promise((resolve) => server.once('exit', (code, signal) => resolve(signal ?? code)));
      server.kill('SIGTERM');
      const killer = setTimeout(() => server.kill('SIGKILL'), 10_000);
      status = await exited;
      clearTimeout(killer);
    }
    await rm(this.root, { recursive: true, force: true });
    if (status !== 0) throw new Error(`qujat serve did not stop cleanly (${status}):\n${this.logTail()}`);
  }
}
