// The document the demo leaves waiting (#4, a protocol of PPO-00002) signed by its chairman
// in the browser, in English: a mistyped key password first, which must be said plainly and
// send nothing, then the right one.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { axeCheck, screenshot } from './support/browser.mjs';
import { useQujat } from './support/harness.mjs';
import { heading, see, words } from './support/ui.mjs';

const q = useQujat();
const chairman = 'chairman.ppo-00002';
const en = words('en');
const signStep = 'Chairman and secretary sign';

it('the chairman of PPO-00002 signs document #4 in the browser after mistyping the key password', async () => {
  const api = await q.system.api(chairman);
  const before = await api.get('/documents/4');
  assert.equal(before.step, 'sign');
  assert.deepEqual(before.signatures, []);

  const page = await q.newPage();
  await q.signIn(page, chairman, 'en');
  await page.getByRole('link', { name: before.title, exact: true }).click();
  await heading(page, before.title);
  await see(page, en('doc.yourTurn'));

  const p12 = await q.system.p12(chairman);
  await page.getByLabel(en('sign.keyFile')).setInputFiles(p12.path);
  await page.getByLabel(en('sign.password'), { exact: true }).fill(`${p12.password}-typo`);
  await page.getByRole('button', { name: en('sign.submit'), exact: true }).click();
  const problem = page.getByRole('alert').filter({ hasText: en('sign.error.badPassword') });
  await problem.waitFor();
  assert.doesNotMatch(await problem.innerText(), /[{}]|urn:|status/, 'the message shows technical text');
  await screenshot(page, 'en-sign-wrong-password');
  await axeCheck(page);
  assert.deepEqual((await api.get('/documents/4')).signatures, [], 'a signature was sent despite the wrong password');

  await page.getByLabel(en('sign.password'), { exact: true }).fill(p12.password);
  await page.getByRole('button', { name: en('sign.submit'), exact: true }).click();
  await see(page, `${en('outcome.signed')} ${en('outcome.waitingOthers', { step: signStep })}`);
  await see(page, en.pattern('route.signedBy'), { within: page.getByRole('region', { name: en('doc.route'), exact: true }) });

  const after = await api.get('/documents/4');
  assert.equal(after.signatures.length, 1);
  const report = JSON.parse(after.signatures[0].report);
  assert.equal(report.indication, 'PASSED', after.signatures[0].report);
  assert.match(report.signerSubject, new RegExp(`CN=${chairman.replace('.', '\\.')}`));
});
