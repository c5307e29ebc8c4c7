// Debian's Chromium driven by playwright-core, plus what every journey needs from a page:
// screenshots and an accessibility check.
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { env } from './env.mjs';

export const desktop = { width: 1280, height: 800 };
export const phone = { width: 360, height: 740 };

export function launchChromium() {
  return chromium.launch({
    executablePath: env.chromium,
    headless: true,
    // As root Chromium needs --no-sandbox; the rest stop it reaching for a network CI lacks.
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export async function screenshot(page, name) {
  await mkdir(env.screenshotDir, { recursive: true });
  await page.screenshot({ path: join(env.screenshotDir, `${name}.png`), fullPage: true });
}

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let axeSource;

// Runs axe-core in the page and throws if it finds anything serious or critical. The script
// goes in through the DevTools protocol, which the page's CSP does not govern.
export async function axeCheck(page, { exclude = [] } = {}) {
  axeSource ??= await readFile(axePath, 'utf8');
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(axeSource);
  const violations = await page.evaluate(
    (excluded) => window.axe.run({ exclude: excluded.map((selector) => [selector]) }).then((r) => r.violations),
    exclude,
  );
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length) throw new Error(`accessibility problems on ${page.url()}:\n${bad.map(describeViolation).join('\n')}`);
}

function describeViolation(v) {
  const where = v.nodes.slice(0, 5).map((n) => `    at ${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`);
  const more = v.nodes.length > 5 ? [`    … and ${v.nodes.length - 5} more`] : [];
  return [`  ${v.impact} ${v.id}: ${v.help} (${v.helpUrl})`, ...where, ...more].join('\n');
}

// The page fits the viewport's width: nothing makes a phone scroll sideways.
export function horizontalOverflow(page) {
  return page.evaluate(() => {
    const { scrollWidth, clientWidth } = document.documentElement;
    return scrollWidth > clientWidth ? `${scrollWidth}px of content in ${clientWidth}px` : null;
  });
}
