// The in-browser signing module (src/sign/) against a development PKI: its signatures must
// satisfy OpenSSL, which knows nothing of this code, and Qujat's own verifier, which
// decides approvals; what a user can get wrong must come back as a SigningError code.
// Runs on Node 18 (no global WebCrypto there: node:crypto's is passed in).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { X509Certificate, webcrypto } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describeCertificate, signWithPkcs12, SigningError } from '../src/sign/cades.js';
import { env } from './support/env.mjs';

const PROOF_OF_APPROVAL = '1.2.840.113549.1.9.16.6.5';
const signer = 'chairman.ppo-00001';
const demoDir = join(env.sourceDir, 'adapters/cli/demo');

let dir;
let pki;
let documentFile;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'qujat-signing-'));
  pki = join(dir, 'pki');
  execFileSync('bash', [env.makeDevPki, '--test-users', pki, signer], { stdio: 'ignore' });
  const demoText = readdirSync(demoDir).sort().find((name) => name.endsWith('.txt'));
  documentFile = join(demoDir, demoText);
});

after(() => rmSync(dir, { recursive: true, force: true }));

const userFile = (login, name) => join(pki, 'users', login, name);

function identity(login) {
  return {
    pkcs12: readFileSync(userFile(login, `${login}.p12`)),
    password: readFileSync(userFile(login, `${login}.p12.pass`), 'utf8').split('\n')[0],
  };
}

function openssl(...args) {
  return execFileSync('openssl', args, { stdio: ['ignore', 'pipe', 'pipe'] });
}

// Signs `contentFile` as its bytes, writes the signature next to the PKI, returns its path.
async function signFile({ pkcs12, password }, contentFile = documentFile, name = 'signature.p7s') {
  const der = await signWithPkcs12({ pkcs12, password, content: readFileSync(contentFile), crypto: webcrypto });
  assert.ok(der instanceof Uint8Array);
  const path = join(dir, name);
  writeFileSync(path, der);
  return path;
}

// OpenSSL's verdict with nothing but `caFile` trusted: the signer's issuing CA must travel
// in the signature.
function opensslVerify(signature, contentFile, caFile = join(pki, 'trust/root.pem')) {
  return spawnSync('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', signature,
    '-content', contentFile, '-CAfile', caFile, '-purpose', 'any', '-out', '/dev/null'], { encoding: 'utf8' });
}

function qujatVerify(signature, contentFile) {
  const run = spawnSync(env.qujatBin, ['--json', 'signature', 'verify', '--trust', join(pki, 'trust'),
    '--content', contentFile, signature], { encoding: 'utf8' });
  assert.equal(run.error, undefined, `cannot run ${env.qujatBin}: ${run.error?.message}`);
  return { status: run.status, report: JSON.parse(run.stdout) };
}

function pemToDer(pem) {
  return [...pem.matchAll(/-----BEGIN CERTIFICATE-----([^-]+)-----END CERTIFICATE-----/g)]
    .map((match) => Buffer.from(match[1].replace(/\s+/g, ''), 'base64').toString('hex'));
}

function sha256Of(certPem) {
  return new X509Certificate(certPem).fingerprint256.replaceAll(':', '').toLowerCase();
}

describe('signing in the browser with a PKCS#12 file', () => {
  it('signs a Kazakh/Russian text with ECDSA P-256 so that OpenSSL verifies it against the root CA alone', async () => {
    const signature = await signFile(identity(signer));
    const verdict = opensslVerify(signature, documentFile);
    assert.equal(verdict.status, 0, verdict.stderr);
    assert.match(verdict.stderr, /Verification successful/);
  });

  it('passes Qujat\'s own verifier: signer, SHA-256, ECDSA, proof-of-approval, signing time now', async () => {
    const startedAt = Date.now();
    const signature = await signFile(identity(signer));
    const { status, report } = qujatVerify(signature, documentFile);
    assert.equal(status, 0, report.message);
    assert.equal(report.indication, 'PASSED');
    assert.equal(report.signerCommonName, signer);
    assert.equal(report.certificateSha256, sha256Of(readFileSync(userFile(signer, 'cert.pem'))));
    assert.equal(report.digestAlgorithm, 'sha256');
    assert.equal(report.signatureAlgorithm, 'ecdsa-with-SHA256');
    assert.deepEqual(report.commitmentTypes, [PROOF_OF_APPROVAL]);
    const signedAt = Date.parse(report.signingTime);
    assert.ok(signedAt >= startedAt - 1000 && signedAt <= Date.now(), `signing time ${report.signingTime}`);
    assert.equal(report.chain.length, 3);
  });

  it('writes DER exactly as OpenSSL re-encodes it, detached, carrying the file\'s certificates unchanged', async () => {
    const signature = await signFile(identity(signer));
    assert.deepEqual(openssl('cms', '-cmsout', '-inform', 'DER', '-outform', 'DER', '-in', signature),
      readFileSync(signature));
    const printed = openssl('cms', '-cmsout', '-print', '-inform', 'DER', '-in', signature).toString();
    assert.match(printed, /eContent: <ABSENT>/);
    const carried = pemToDer(openssl('pkcs7', '-inform', 'DER', '-in', signature, '-print_certs').toString());
    const expected = pemToDer(readFileSync(userFile(signer, 'cert.pem'), 'utf8') +
      readFileSync(userFile(signer, 'chain.pem'), 'utf8'));
    assert.deepEqual(carried.sort(), expected.sort());
  });

  it('signs with an RSA-2048 key as sha256WithRSAEncryption', async () => {
    const signature = await signFile(identity('rsa.user'));
    const verdict = opensslVerify(signature, documentFile);
    assert.equal(verdict.status, 0, verdict.stderr);
    const { status, report } = qujatVerify(signature, documentFile);
    assert.equal(status, 0, report.message);
    assert.equal(report.signatureAlgorithm, 'sha256WithRSAEncryption');
  });

  it('signs with an ECDSA P-384 key', async () => {
    const key = join(dir, 'p384.key');
    const cert = join(dir, 'p384.pem');
    const file = join(dir, 'p384.p12');
    openssl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-384', '-nodes', '-keyout', key,
      '-out', cert, '-days', '1', '-subj', '/CN=p384.user');
    openssl('pkcs12', '-export', '-inkey', key, '-in', cert, '-passout', 'pass:p384', '-out', file);
    const signature = await signFile({ pkcs12: readFileSync(file), password: 'p384' });
    const verdict = opensslVerify(signature, documentFile, cert);
    assert.equal(verdict.status, 0, verdict.stderr);
  });

  it('a signature does not verify for other content', async () => {
    const signature = await signFile(identity(signer));
    const otherFile = join(dir, 'other.txt');
    writeFileSync(otherFile, Buffer.concat([readFileSync(documentFile), Buffer.from('\nҚосымша жол.\n')]));
    const verdict = opensslVerify(signature, otherFile);
    assert.notEqual(verdict.status, 0);
    assert.match(verdict.stderr, /content verify error/);
    const { status, report } = qujatVerify(signature, otherFile);
    assert.equal(status, 21);
    assert.equal(report.subIndication, 'HASH_FAILURE');
  });

  it('opens a file protected with a Kazakh password', async () => {
    const password = 'Құпия сөз — пароль 2026';
    const file = join(dir, 'kazakh-password.p12');
    openssl('pkcs12', '-export', '-inkey', userFile(signer, 'key.pem'), '-in', userFile(signer, 'cert.pem'),
      '-certfile', userFile(signer, 'chain.pem'), '-passout', `pass:${password}`, '-out', file);
    const signature = await signFile({ pkcs12: readFileSync(file), password });
    assert.equal(opensslVerify(signature, documentFile).status, 0);
  });

  it('describes whom the file signs as', async () => {
    const tsv = readFileSync(join(pki, 'users.tsv'), 'utf8').split('\n').map((line) => line.split('\t'));
    const [, iin, sha256] = tsv.find(([login]) => login === signer);
    const x509 = new X509Certificate(readFileSync(userFile(signer, 'cert.pem')));
    const description = await describeCertificate({ ...identity(signer), crypto: webcrypto });
    assert.deepEqual(description, {
      commonName: signer,
      serialNumber: iin,
      issuerCommonName: 'Qujat Development Issuing CA',
      notBefore: new Date(x509.validFrom),
      notAfter: new Date(x509.validTo),
      sha256,
    });
  });
});

describe('what the signer can get wrong', () => {
  const rejectsWith = (code, promise) => assert.rejects(promise, (error) => {
    assert.ok(error instanceof SigningError, `not a SigningError: ${error.stack}`);
    assert.equal(error.code, code, error.message);
    return true;
  });
  const sign = (options) => signWithPkcs12({ content: 'Хаттама', crypto: webcrypto, ...options });

  it('a wrong password is bad-password', async () => {
    await rejectsWith('bad-password', sign({ ...identity(signer), password: 'not the password' }));
    await rejectsWith('bad-password', describeCertificate({ ...identity(signer), password: '', crypto: webcrypto }));
  });

  it('a file that is not PKCS#12 is not-pkcs12', async () => {
    for (const notPkcs12 of [readFileSync(documentFile), readFileSync(userFile(signer, 'cert.pem')), new Uint8Array()])
      await rejectsWith('not-pkcs12', sign({ pkcs12: notPkcs12, password: 'x' }));
  });

  it('a key weaker than the verifier accepts (RSA-1024) is unsupported-key', async () => {
    await rejectsWith('unsupported-key', sign(identity('weak.user')));
  });

  it('a file without a key is no-key, a key without its certificate no-certificate', async () => {
    const certificatesOnly = join(dir, 'certificates-only.p12');
    openssl('pkcs12', '-export', '-nokeys', '-in', userFile(signer, 'cert.pem'), '-passout', 'pass:x', '-out', certificatesOnly);
    await rejectsWith('no-key', sign({ pkcs12: readFileSync(certificatesOnly), password: 'x' }));
    const keyOnly = join(dir, 'key-only.p12');
    openssl('pkcs12', '-export', '-nocerts', '-inkey', userFile(signer, 'key.pem'), '-passout', 'pass:x', '-out', keyOnly);
    await rejectsWith('no-certificate', sign({ pkcs12: readFileSync(keyOnly), password: 'x' }));
  });

  it('a file in the legacy PBE-SHA1-3DES encryption, which WebCrypto lacks, is unsupported-pkcs12', async () => {
    const legacy = join(dir, 'legacy.p12');
    openssl('pkcs12', '-export', '-inkey', userFile(signer, 'key.pem'), '-in', userFile(signer, 'cert.pem'),
      '-keypbe', 'PBE-SHA1-3DES', '-certpbe', 'PBE-SHA1-3DES', '-macalg', 'sha1', '-passout', 'pass:x', '-out', legacy);
    await rejectsWith('unsupported-pkcs12', sign({ pkcs12: readFileSync(legacy), password: 'x' }));
  });

  it('a page without WebCrypto (plain HTTP) is no-webcrypto', async () => {
    await rejectsWith('no-webcrypto', sign({ ...identity(signer), crypto: {} }));
  });
});

it('the module bundles for the browser: no Node.js built-ins', async () => {
  const result = await build({
    entryPoints: [new URL('../src/sign/cades.js', import.meta.url).pathname],
    bundle: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent',
  });
  assert.equal(result.errors.length, 0);
});
