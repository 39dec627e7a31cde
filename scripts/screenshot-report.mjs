// Renders an HTML report in Debian's Chromium and saves a PNG: `node scripts/screenshot-report.mjs REPORT.html OUT.png`.
// Used to refresh the README's picture of the demo report (launch-ready-demo/report.html).
import puppeteer from 'puppeteer-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node scripts/screenshot-report.mjs REPORT.html OUT.png');
  process.exit(2);
}
const profile = mkdtempSync(join(tmpdir(), 'lr-shot-'));
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  userDataDir: profile,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1100, height: 900, deviceScaleFactor: 1 });
  await page.setContent(readFileSync(input, 'utf8'), { waitUntil: 'load' });
  await page.screenshot({ path: output, fullPage: false });
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
