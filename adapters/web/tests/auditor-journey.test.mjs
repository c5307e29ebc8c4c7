// The regional auditor, in English: a signed protocol's timeline with each signature's
// verification details, the audit chain's state, and the document's evidence package
// downloaded by the browser and checked offline.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { it } from 'node:test';
import { axeCheck, screenshot } from './support/browser.mjs';
import { useQujat } from './support/harness.mjs';
import { heading, openMenu, see, textOf, words } from './support/ui.mjs';

const q = useQujat();
const auditor = 'auditor.ast';
const en = words('en');
const protocol = 1;  // the demo's first protocol: signed by the chairman and the secretary, registered

it('the auditor finds a protocol and reads its timeline with the signatures’ verification details', async () => {
  const { title, signatures: kept } = await (await q.system.api(auditor)).get(`/documents/${protocol}`);
  // The chairman's signature was time-stamped on acceptance; its report says by whom and when.
  const chairmansReport = JSON.parse(kept.find((s) => s.signer === 'chairman.ppo-00001').report);
  const stamp = chairmansReport.timeStamp;
  assert.ok(stamp, `the report records no timestamp: ${JSON.stringify(chairmansReport)}`);
  assert.match(stamp.genTime, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  assert.match(stamp.tsa, /CN=Qujat Development TSA/);
  const page = await q.newPage();
  await q.signIn(page, auditor, 'en');
  await openMenu(page, en, 'nav.documents');
  await heading(page, en('documents.title'));
  await page.getByLabel(en('documents.searchLabel'), { exact: true }).fill(title);
  await page.getByRole('button', { name: en('documents.search'), exact: true }).click();
  await page.getByRole('link', { name: title, exact: true }).click();
  await heading(page, title);

  const history = page.getByRole('region', { name: en('doc.history'), exact: true });
  await see(page, en.pattern('event.document.submit'), { within: history });
  await see(page, en.pattern('event.document.register'), { within: history });
  const signatures = history.locator('details');
  assert.equal(await signatures.count(), 2);
  const chairmans = signatures.filter({ hasText: 'CN=chairman.ppo-00001' });
  await chairmans.locator('summary').click();
  assert.equal(await textOf(chairmans.locator('summary')), en('sig.summary', { result: en('sig.result.passed') }));
  const details = await textOf(chairmans.locator('dl'));
  for (const expected of [
    `${en('sig.result')} ${en('sig.result.passed')}`,
    `${en('sig.signer')} CN=chairman.ppo-00001`,
    `${en('sig.timestampGenTime')} `,
    `(${stamp.genTime})`,
    `${en('sig.timestampAuthority')} ${stamp.tsa}`,
    'CN=Qujat Development Root CA',
    `${en('sig.revocation')} ${en('sig.revocation.crl')}`,
  ]) {
    assert.ok(details.toLowerCase().includes(expected.toLowerCase()), `“${expected}” is not in the signature details: ${details}`);
  }
  // The token's own time is shown, not the acceptance time standing in for it.
  assert.ok(!details.includes(en('sig.timestamp')), details);
  await screenshot(page, 'en-document-timeline');
  await axeCheck(page);
});

it('the auditor sees that the audit chain is intact', async () => {
  const page = await q.newPage();
  await q.signIn(page, auditor, 'en');
  await openMenu(page, en, 'nav.audit');
  await heading(page, en('audit.title'));
  const chain = page.getByRole('region', { name: en('audit.chain'), exact: true });
  await see(page, en('audit.intact'), { within: chain });
  await see(page, en.pattern('audit.intactDetail'), { within: chain });
  await page.getByRole('button', { name: en('audit.check'), exact: true }).click();
  await see(page, en('audit.intact'), { within: chain });
  await screenshot(page, 'en-audit');
  await axeCheck(page);
});

it('the auditor downloads the evidence package, which verifies offline, and the download is on record', async () => {
  const page = await q.newPage();
  await q.signIn(page, auditor, 'en');
  await page.goto(`${q.url}/#/documents/${protocol}`);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: en('doc.evidence'), exact: true }).click(),
  ]);
  assert.equal(download.suggestedFilename(), `document-${protocol}-evidence.zip`);
  const zip = join(q.system.root, download.suggestedFilename());
  await download.saveAs(zip);
  const verdict = await q.system.qujat('verify-package', zip);
  assert.match(verdict, /^result: PASSED/m);
  assert.match(verdict, /signature 1: PASSED .* by chairman\.ppo-00001/);

  await page.reload();
  await see(page, en.pattern('event.document.export'), { within: page.getByRole('region', { name: en('doc.history'), exact: true }) });
});
