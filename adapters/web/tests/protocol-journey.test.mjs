// A meeting protocol of PPO-00001 from draft to signature, as the two people see it: the
// secretary works in Kazakh, the chairman in Russian. The chairman returns the first version
// with a comment, the secretary resubmits, the chairman signs in the browser with his
// PKCS#12 file, and the stored signature is then checked without the browser.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { screenshot } from './support/browser.mjs';
import { onePagePdf, textFile } from './support/files.mjs';
import { useQujat } from './support/harness.mjs';
import { chooseLanguage, heading, see, textOf, words } from './support/ui.mjs';

const run = promisify(execFile);
const q = useQujat();

const secretary = 'secretary.ppo-00001';
const chairman = 'chairman.ppo-00001';
const kk = words('kk');
const ru = words('ru');
const en = words('en');
// What the workflow definition (workflows/ppo-protocol.xml) calls things in each language.
const protocolKk = 'БПҰ жиналысының хаттамасы';
const signStep = { kk: 'Төраға мен хатшының қолы', ru: 'Подписи председателя и секретаря' };
const field = { date: 'Жиналыс өткен күн', present: 'Қатысқан мүшелер саны', agenda: 'Күн тәртібі' };

const title = 'Жиналыс хаттамасы № 7 (сынақ)';
const firstText = 'БПҰ-00001 жиналысы, 2026 жылғы 20 қараша.\nҚатысқандар: 12.\nШешім: бюджет бекітілсін.\n';
const rejection = 'Укажите повестку дня и приложите протокол в PDF.';
const secondPdf = onePagePdf('protocol-7.pdf', 'PPO-00001 meeting of 20 November 2026: protocol No. 7');
let documentId = null;

function documentCard(page, docTitle) {
  return page.getByRole('listitem').filter({ has: page.getByRole('link', { name: docTitle, exact: true }) });
}

async function openFromInbox(page, docTitle) {
  await documentCard(page, docTitle).getByRole('link', { name: docTitle, exact: true }).click();
  await heading(page, docTitle);
}

describe('a protocol from draft to signature', () => {
  it('the secretary switches to Kazakh, is told what is wrong in the form, then submits', async () => {
    const page = await q.newPage();
    await page.goto(q.url);
    await heading(page, en('signIn.title'));
    await chooseLanguage(page, 'kk');
    await heading(page, kk('signIn.title'));
    assert.notEqual(kk('signIn.title'), en('signIn.title'), 'the Kazakh sign-in screen reads as the English one');
    await q.signIn(page, secretary, 'kk');

    await page.getByRole('link', { name: kk('inbox.start'), exact: true }).click();
    await heading(page, kk('new.heading'));
    await page.getByLabel(protocolKk, { exact: true }).check();
    await page.getByLabel(kk('new.title'), { exact: true }).fill(title);
    await page.getByLabel(field.date).fill('2026-11-20');
    await page.getByLabel(field.present).fill('он екі');
    await page.getByLabel(kk('new.file'), { exact: true }).setInputFiles(textFile('hattama-7.txt', firstText));
    await page.getByRole('button', { name: kk('new.submit'), exact: true }).click();

    const summary = page.getByRole('alert').filter({ hasText: kk('form.fix') });
    await see(page, `${field.present}: ${kk('validation.integer')}`, { within: summary });
    assert.equal(await page.getByLabel(field.present).getAttribute('aria-invalid'), 'true');
    await screenshot(page, 'kk-new-document-invalid');

    await page.getByLabel(field.present).fill('12');
    await page.getByRole('button', { name: kk('new.submit'), exact: true }).click();
    await heading(page, title);
    await see(page, `${kk('outcome.submitted')} ${kk('outcome.movedTo', { step: signStep.kk })}`);
    documentId = Number(/#\/documents\/(\d+)$/.exec(page.url())?.[1]);
    assert.ok(documentId > 0, `the document's address is ${page.url()}`);

    await page.getByRole('link', { name: kk('nav.inbox'), exact: true }).click();
    await page.getByRole('link', { name: kk('inbox.mine'), exact: true }).click();
    await heading(page, kk('documents.title'));
    const card = documentCard(page, title);
    await see(page, kk('state.in-progress'), { within: card });
    await see(page, kk('doc.atStep', { step: signStep.kk }), { within: card });
    await screenshot(page, 'kk-documents-mine');
    await page.reload();
    await heading(page, kk('documents.title'));  // the language chosen is remembered
  });

  it('the chairman reads it in Russian, sees its route, and returns it with a comment', async () => {
    assert.ok(documentId, 'the secretary did not submit the protocol');
    const page = await q.newPage();
    await q.signIn(page, chairman, 'ru');
    await see(page, ru('task.kind.sign'), { within: documentCard(page, title) });
    await openFromInbox(page, title);

    const preview = page.getByLabel(ru('content.previewOf', { file: 'hattama-7.txt' }), { exact: true });
    assert.equal(await preview.innerText(), firstText);
    const route = page.getByRole('region', { name: ru('doc.route'), exact: true });
    const diagram = route.getByRole('img');
    await diagram.waitFor();
    assert.match(await diagram.getAttribute('alt'), new RegExp(signStep.ru));
    assert.ok(await diagram.evaluate((img) => img.complete && img.naturalWidth > 0), 'the route diagram did not load');
    const current = await textOf(route.locator('[aria-current="step"]'));
    assert.ok(current.startsWith(`${signStep.ru} — ${ru('route.status.current')}`), current);
    await screenshot(page, 'ru-document-to-sign');

    await page.getByLabel(ru('reject.comment'), { exact: true }).fill(rejection);
    await page.getByRole('button', { name: ru('reject.submit'), exact: true }).click();
    await see(page, `${ru('outcome.rejected')} ${ru('outcome.returned')}`);
  });

  it('the secretary sees the comment and resubmits a new version as a PDF', async () => {
    assert.ok(documentId, 'the secretary did not submit the protocol');
    const page = await q.newPage();
    await q.signIn(page, secretary, 'kk');
    await see(page, kk('task.kind.submit'), { within: documentCard(page, title) });
    await openFromInbox(page, title);

    const status = page.getByRole('region', { name: kk('doc.whereNow'), exact: true });
    await see(page, kk('state.returned'), { within: status });
    await see(page, kk.pattern('doc.returnedBy'), { within: status });
    assert.equal(await textOf(status.locator('blockquote')), rejection);
    await screenshot(page, 'kk-document-returned');

    await page.getByLabel(kk('resubmit.file')).setInputFiles(secondPdf);
    await page.getByLabel(field.agenda).fill('1. Бюджет. 2. Жаңа мүшелер.');
    await page.getByLabel(kk('resubmit.comment')).fill('Күн тәртібі қосылды, PDF тіркелді.');
    await page.getByRole('button', { name: kk('resubmit.submit'), exact: true }).click();
    await see(page, `${kk('outcome.resubmitted')} ${kk('outcome.movedTo', { step: signStep.kk })}`);
  });

  it('the chairman signs version 2 in the browser with his PKCS#12 file', async () => {
    assert.ok(documentId, 'the secretary did not submit the protocol');
    const page = await q.newPage();
    await q.signIn(page, chairman, 'ru');
    await openFromInbox(page, title);
    // The new version's PDF is framed in the page, and the browser is told to show it inline.
    const pdf = await page.locator('iframe').getAttribute('src');
    assert.match(pdf, new RegExp(`/documents/${documentId}/versions/2/content$`));
    const served = await page.request.get(new URL(pdf, q.url).href);
    assert.equal(served.headers()['content-type'], 'application/pdf');
    assert.match(served.headers()['content-disposition'], /^inline;/);

    const p12 = await q.system.p12(chairman);
    await page.getByLabel(ru('sign.keyFile')).setInputFiles(p12.path);
    await page.getByLabel(ru('sign.password'), { exact: true }).fill(p12.password);
    await page.getByRole('button', { name: ru('sign.submit'), exact: true }).click();
    await see(page, `${ru('outcome.signed')} ${ru('outcome.waitingOthers', { step: signStep.ru })}`);
    const route = page.getByRole('region', { name: ru('doc.route'), exact: true });
    await see(page, ru.pattern('route.signedBy'), { within: route });
    await screenshot(page, 'ru-document-signed');
  });

  it('the stored signature is the chairman’s, valid over version 2, in an evidence package that verifies', async () => {
    assert.ok(documentId, 'the secretary did not submit the protocol');
    const api = await q.system.api(chairman);
    const doc = await api.get(`/documents/${documentId}`);
    assert.equal(doc.version, 2);
    const signatures = doc.signatures.filter((s) => s.version === 2);
    assert.equal(signatures.length, 1, JSON.stringify(doc.signatures));
    const report = JSON.parse(signatures[0].report);
    assert.equal(report.indication, 'PASSED', signatures[0].report);
    const certificate = new X509Certificate(await readFile(q.system.pkiFile(chairman, 'cert.pem')));
    assert.equal(signatures[0].certificateSha256, certificate.fingerprint256.replaceAll(':', '').toLowerCase());

    const zip = join(q.system.root, `document-${documentId}.zip`);
    await writeFile(zip, await api.bytes(`/documents/${documentId}/evidence`));
    const verdict = await q.system.qujat('verify-package', zip);
    assert.match(verdict, new RegExp(`PASSED over versions/v2-\\S+ by ${chairman.replace('.', '\\.')}`));
    assert.match(verdict, /^result: PASSED/m);

    // And OpenSSL, which shares no code with the page's PKI.js, agrees.
    const listing = (await run('unzip', ['-Z1', zip])).stdout.split('\n');
    const signature = listing.find((name) => new RegExp(`^signatures/\\d+-${chairman}-v2\\.p7s$`).test(name));
    const content = listing.find((name) => /^versions\/v2-/.test(name));
    assert.ok(signature && content, listing.join(' '));
    await run('unzip', ['-q', zip, signature, content, 'ca-bundle.pem', '-d', join(q.system.root, 'package')]);
    const inPackage = (name) => join(q.system.root, 'package', name);
    assert.deepEqual(await readFile(inPackage(content)), secondPdf.buffer);
    await run('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', inPackage(signature),
      '-content', inPackage(content), '-CAfile', inPackage('ca-bundle.pem'), '-purpose', 'any', '-out', '/dev/null']);
  });
});
