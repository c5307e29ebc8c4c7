// The chairman of district branch AST-01, in Kazakh, looks at his branch's dashboard: the
// figures must be the ones the API gives, and the charts must actually be drawn.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { axeCheck, screenshot } from './support/browser.mjs';
import { useQujat } from './support/harness.mjs';
import { heading, openMenu, textOf, words } from './support/ui.mjs';

const q = useQujat();
const official = 'chairman.ast-01';
const kk = words('kk');
const number = new Intl.NumberFormat('kk-KZ').format;

// A canvas shown at a size and with at least one painted pixel.
function drawn(canvas) {
  const { width, height } = canvas.getBoundingClientRect();
  if (!width || !height) return false;
  const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) return true;
  return false;
}

it('the branch chairman’s dashboard shows the API’s figures and draws its charts', async () => {
  const board = await (await q.system.api(official)).get('/dashboard');
  const page = await q.newPage();
  await q.signIn(page, official, 'kk');
  await openMenu(page, kk, 'nav.dashboard');
  await heading(page, kk('dashboard.title'));

  const totals = page.getByRole('region', { name: kk('dashboard.totals'), exact: true });
  for (const key of ['inProgress', 'overdueTasks', 'returned', 'completed']) {
    const total = totals.getByRole('listitem').filter({ has: page.getByText(kk(`dashboard.${key}`), { exact: true }) });
    assert.equal(await textOf(total), `${number(board.totals[key])} ${kk(`dashboard.${key}`)}`);
  }

  const table = page.getByRole('region', { name: kk('dashboard.table'), exact: true }).getByRole('table');
  const rows = table.locator('tbody tr');
  assert.equal(await rows.count(), board.organisations.length);
  for (const org of board.organisations) {
    const cells = await rows.filter({ hasText: `(${org.code})` }).getByRole('cell').allInnerTexts();
    assert.deepEqual(cells.slice(0, 4), [org.inProgress, org.overdueTasks, org.returned, org.completed].map(number), org.code);
  }

  for (const section of ['dashboard.byOrg', 'dashboard.perDay']) {
    const chart = await page.getByRole('region', { name: kk(section), exact: true }).locator('canvas').elementHandle();
    // Chart.js draws on animation frames: wait for the first painted pixel.
    await page.waitForFunction(drawn, chart).catch((error) => {
      throw new Error(`the ${section} chart is not drawn: ${error.message}`);
    });
  }
  await screenshot(page, 'kk-dashboard-district');
  await axeCheck(page);
});
