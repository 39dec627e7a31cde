import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { GateResult } from '../../src/core/result.js';
import { SecretRegistry } from '../../src/core/redaction.js';
import { renderReport } from '../../src/report/index.js';
import { chromiumInstalled, launchChromium, type TestBrowser } from '../helpers/browser.js';

const SECRET = ['sk', 'live', 'Zr4Q9xWm2LpT7vNc8KdY3bHs'].join('_');

/** A gate with a blocker, critical paths, a table, a latency series and a drill timeline. */
function gate(): GateResult {
  return {
    version: 1,
    tool: { name: 'launch-ready', version: '9.9.9' },
    status: 'fail',
    failOn: 'blocker',
    durationMs: 4200,
    criticalPaths: [
      { id: 'signup', title: 'Sign-up / booking', ok: false, blockers: ['F1'], checkedBy: ['secrets'] },
      { id: 'homepage', title: 'Homepage', ok: true, blockers: [], checkedBy: ['burst'] },
      { id: 'email', title: 'Email delivery', ok: false, blockers: [], checkedBy: [] },
    ],
    stages: [
      {
        id: 'secrets',
        title: 'Secrets',
        phase: 'passive',
        status: 'fail',
        summary: `scanned 3 commits: 1 secret found (${SECRET})`,
        durationMs: 120,
        metrics: {},
        findings: [
          {
            id: 'F1',
            stage: 'secrets',
            ruleId: 'stripe-secret-key',
            severity: 'blocker',
            title: 'Stripe live secret key in src/pay.ts <script>alert(1)</script>',
            fix: 'rotate it in the Stripe dashboard',
            paths: ['signup'],
            location: { file: 'src/pay.ts', line: 3 },
            evidence: 'sk_l…(32 chars)',
            fingerprint: 'x',
          },
        ],
      },
      {
        id: 'burst',
        title: 'Launch burst',
        phase: 'load',
        status: 'pass',
        summary: '1,200 requests',
        durationMs: 5000,
        metrics: {},
        findings: [],
        blocks: [
          {
            kind: 'table',
            title: 'Routes',
            columns: ['Route', 'Requests', 'p95'],
            rows: [
              ['GET /', 800, '120 ms'],
              ['POST /signup', 400, '1,250 ms'],
            ],
          },
          {
            kind: 'series',
            title: 'Latency over time',
            xLabel: 'seconds',
            yLabel: 'ms',
            x: [1, 2, 3, 4, 5],
            series: [
              { name: 'p95', values: [100, 180, 420, 900, 1250] },
              { name: 'p50', values: [40, 60, 90, null, 300] },
            ],
          },
        ],
      },
      {
        id: 'rollback',
        title: 'Rollback',
        phase: 'change',
        status: 'pass',
        summary: 'drill in 14 s',
        durationMs: 14000,
        metrics: {},
        findings: [],
        blocks: [
          {
            kind: 'timeline',
            title: 'Rollback drill',
            budgetSeconds: 600,
            steps: [
              { name: 'roll back', startSeconds: 0, seconds: 4, ok: true },
              { name: 'smoke', startSeconds: 4, seconds: 1, ok: true },
              { name: 'roll forward', startSeconds: 5, seconds: 8, ok: true },
            ],
          },
        ],
      },
    ],
  };
}

const describeInBrowser = chromiumInstalled() ? describe : describe.skip;

describeInBrowser('the HTML report in a real browser (Debian Chromium)', () => {
  let chromium: TestBrowser;
  const html = () => {
    const secrets = new SecretRegistry();
    secrets.add(SECRET);
    return renderReport(gate(), 'html', { secrets });
  };

  beforeAll(async () => {
    chromium = await launchChromium();
  }, 60_000);
  afterAll(async () => chromium?.close());

  it('shows the first blocker, the critical paths, the chart and the drill timeline, and keeps a screenshot', async () => {
    const page = await chromium.browser.newPage();
    await page.setViewport({ width: 1100, height: 1400 });
    // Offline by construction: any request the page makes (CDN, font, image) would be a failure.
    const requests: string[] = [];
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      requests.push(request.url());
      void request.abort();
    });
    await page.setContent(html(), { waitUntil: 'load' });
    const first = await page.$eval('[data-testid="first-finding"]', (el) => (el as HTMLElement).innerText);
    expect(first).toContain('F1');
    expect(first).toContain('Stripe live secret key');
    expect(await page.$eval('[data-testid="first-finding"]', (el) => el.querySelectorAll('script').length)).toBe(0);
    const paths = await page.$eval('[data-testid="critical-paths"]', (el) => (el as HTMLElement).innerText);
    expect(paths).toMatch(/Sign-up \/ booking\s+no/);
    expect(paths).toMatch(/Homepage\s+yes/);
    expect(paths).toMatch(/Email delivery\s+not checked/);
    // The chart is drawn: two polylines with points, inside a box of real size.
    const chart = await page.$eval('[data-testid="chart"]', (svg) => ({
      lines: [...svg.querySelectorAll('polyline')].map((p) => p.getAttribute('points')?.split(' ').length ?? 0),
      box: svg.getBoundingClientRect().width,
    }));
    expect(chart.lines).toEqual([5, 4]);
    expect(chart.box).toBeGreaterThan(300);
    const bars = await page.$$eval('[data-testid="timeline"] .bar', (els) => els.map((el) => el.getBoundingClientRect().width));
    expect(bars).toHaveLength(3);
    expect(bars.every((w) => w > 0)).toBe(true);
    mkdirSync(join(process.cwd(), 'test-artifacts'), { recursive: true });
    await page.screenshot({ path: join(process.cwd(), 'test-artifacts', 'report.png'), fullPage: true });
    expect(requests.filter((url) => !url.startsWith('about:') && !url.startsWith('data:'))).toEqual([]);
    await page.close();
  }, 60_000);

  it('has no secret value anywhere in the DOM', async () => {
    const page = await chromium.browser.newPage();
    await page.setContent(html(), { waitUntil: 'load' });
    const dom = await page.content();
    expect(dom).not.toContain(SECRET);
    // Positive control: the redacted form is there, so the check looked at the right text.
    expect(dom).toContain('sk_l…(32 chars)');
    await page.close();
  }, 60_000);
});

describe('the HTML report as text', () => {
  it('is one self-contained page: no external script, stylesheet or image', () => {
    const html = renderReport(gate(), 'html', { secrets: new SecretRegistry() });
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|src=|https?:\/\/(?!www\.w3\.org)/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
