import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bookingApp, type AppFaults } from './app.js';
import { createDemoCa } from './ca.js';
import { startDemoDns, type DemoDnsServer } from './dns-server.js';
import { buildDemoRepo, demoBundle, fakeStripeLiveKey, randomToken, type DemoSecrets } from './repo.js';
import { startHttpSite, startHttpsSite, type DemoServer } from './sites.js';
import { DEMO_SUBDOMAINS, demoZone } from './zone.js';

/** The demo's apex domain: `.test` is reserved for testing (RFC 2606), so it can never leak out. */
export const DEMO_DOMAIN = 'brightbook.test';
/** The release the demo serves, and the one its rollback drill goes back to. */
export const CURRENT_RELEASE = 'v1.5.0';
export const PREVIOUS_RELEASE = 'v1.4.2';

/** A running demo launch: where its files are, its config, and how to take it down. */
export interface DemoLaunch {
  dir: string;
  configFile: string;
  fixed: boolean;
  /** Raw secrets planted in the launch (fresh each run): no report may print one whole. */
  plantedSecrets: string[];
  close(): Promise<void>;
}

/** Every fault of the launch: all on by default, all off with `--fixed`. */
function faultsOf(fixed: boolean): AppFaults {
  return { slowSignup: !fixed, noLoginLimit: !fixed, cachedAdmin: !fixed };
}

/** Start the demo launch on loopback: DNS, a CA, HTTPS with SNI for every host, the app, its repository and dotenv files. */
export async function startDemoLaunch(fixed: boolean): Promise<DemoLaunch> {
  const dir = mkdtempSync(join(tmpdir(), 'launch-ready-demo-'));
  const started: { close(): Promise<void> }[] = [];
  try {
    const secrets: DemoSecrets = { oldCommitKey: fakeStripeLiveKey(), publicBundleKey: fakeStripeLiveKey() };
    const bundle = demoBundle(fixed, secrets);
    const repoDir = join(dir, 'brightbook');
    buildDemoRepo({ dir: repoDir, fixed, secrets, bundle });
    const releaseFile = join(dir, 'release.txt');
    writeFileSync(releaseFile, CURRENT_RELEASE);

    const ca = createDemoCa();
    const hosts = [DEMO_DOMAIN, ...DEMO_SUBDOMAINS.map((sub) => `${sub}.${DEMO_DOMAIN}`)];
    // The fault: the certificate was issued before `app.` existed and does not cover it.
    const certificate = ca.issue(fixed ? hosts : hosts.filter((h) => h !== `app.${DEMO_DOMAIN}`), 90);
    writeFileSync(join(dir, 'ca.pem'), ca.rootPem);

    const dns: DemoDnsServer = await startDemoDns(demoZone(DEMO_DOMAIN, fixed));
    started.push(dns);
    const handler = bookingApp({ domain: DEMO_DOMAIN, faults: faultsOf(fixed), releaseFile, bundle, emailMs: 1200 });
    const https: DemoServer = await startHttpsSite(() => certificate, certificate, handler);
    started.push(https);
    const http: DemoServer = await startHttpSite(handler);
    started.push(http);

    writeDotenvFiles(dir, fixed);
    writeFileSync(join(dir, 'HANDOVER.md'), handoverText(fixed));
    const configFile = join(dir, 'launch-ready.yml');
    writeFileSync(configFile, demoConfig({ fixed, dns: dns.address, httpsPort: https.port, httpPort: http.port, releaseFile }));
    return {
      dir,
      configFile,
      fixed,
      plantedSecrets: [secrets.oldCommitKey, secrets.publicBundleKey],
      close: async () => {
        await Promise.all(started.map((s) => s.close()));
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await Promise.all(started.map((s) => s.close().catch(() => undefined)));
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Staging has everything. Production lacks the database URL and shares staging's secrets (the
 * faults) unless fixed, when each environment has its own values.
 */
function writeDotenvFiles(dir: string, fixed: boolean): void {
  const valuesFor = (env: string): Record<string, string> => ({
    DATABASE_URL: `postgres://brightbook:${randomToken(20)}@db-${env}.internal:5432/brightbook`,
    STRIPE_SECRET_KEY: fakeStripeLiveKey(),
    SENDGRID_API_KEY: `SG.${randomToken(22)}.${randomToken(43)}`,
    SMTP_HOST: 'smtp.sendgrid.net',
    SENTRY_DSN: `https://${randomToken(32).toLowerCase()}@o1.ingest.sentry.io/${env === 'production' ? 1 : 2}`,
    NEXT_PUBLIC_APP_URL: `https://${env === 'production' ? 'www' : 'staging'}.${DEMO_DOMAIN}`,
    NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: ['pk', 'live', randomToken(24)].join('_'),
  });
  const dotenv = (entries: Record<string, string>) =>
    `${Object.entries(entries)
      .map(([k, v]) => `${k}=${v}`)
      .join('\n')}\n`;
  const staging = valuesFor('staging');
  const production = fixed ? valuesFor('production') : { ...staging, NEXT_PUBLIC_APP_URL: `https://www.${DEMO_DOMAIN}` };
  if (!fixed) delete production.DATABASE_URL;
  writeFileSync(join(dir, '.env.staging'), dotenv(staging));
  writeFileSync(join(dir, '.env.production'), dotenv(production));
}

function handoverText(fixed: boolean): string {
  const hosts = [DEMO_DOMAIN, ...DEMO_SUBDOMAINS.map((sub) => `${sub}.${DEMO_DOMAIN}`)];
  return `# Handover: Brightbook

## Domains
${hosts.map((h) => `- ${h}`).join('\n')}

## Credentials
GitHub environment secrets (production, staging): DATABASE_URL, STRIPE_SECRET_KEY, SENDGRID_API_KEY, SENTRY_DSN.

## Deploy
1. Merge to main; CI runs the launch-ready gate.
2. The release workflow builds and promotes the release.

## Rollback
1. \`./scripts/release.sh rollback\` (drilled: under a minute).

## Monitors
- https://www.${DEMO_DOMAIN}/ (ana@${DEMO_DOMAIN})
${fixed ? `- https://www.${DEMO_DOMAIN}/signup (ana@${DEMO_DOMAIN})\n- https://www.${DEMO_DOMAIN}/login (ana@${DEMO_DOMAIN})\n- https://api.${DEMO_DOMAIN}/healthz (ana@${DEMO_DOMAIN})\n` : ''}
## Emergency contacts
- Ana Founder, CTO, ana@${DEMO_DOMAIN}, +1 555 0100
`;
}

interface ConfigInputs {
  fixed: boolean;
  dns: string;
  httpsPort: number;
  httpPort: number;
  releaseFile: string;
}

/** The demo's launch-ready.yml: every stage configured against the loopback launch. */
function demoConfig({ fixed, dns, httpsPort, httpPort, releaseFile }: ConfigInputs): string {
  const d = DEMO_DOMAIN;
  const monitor = (url: string) => `    - { url: "${url}", owner: ana@${d}, channels: ["email:ops@${d}", "slack:#alerts"], interval: 1m }`;
  const monitors = [
    monitor(`https://www.${d}/`),
    ...(fixed ? [monitor(`https://www.${d}/signup`), monitor(`https://www.${d}/login`), monitor(`https://api.${d}/healthz`)] : []),
  ];
  // The drill's commands switch what the app serves by rewriting its release file.
  const write = (release: string) => JSON.stringify(`printf '%s' ${release} > '${releaseFile}'`);
  return `# launch-ready.yml of the built-in demo launch (every address is on loopback)
failOn: blocker
network:
  resolvers: ["${dns}"]
  connectTo:
    - ":443:127.0.0.1:${httpsPort}"
    - ":80:127.0.0.1:${httpPort}"
  ca: ./ca.pem
criticalPaths:
  - { id: signup, title: Sign-up / booking, urls: ["https://www.${d}/signup"] }
  - { id: login, title: Login, urls: ["https://www.${d}/login"] }
  - { id: email, title: Email delivery, hosts: [${d}] }
  - { id: homepage, title: Homepage, urls: ["https://www.${d}/"], hosts: [${d}, www.${d}] }
  - { id: deploy, title: Deploy and rollback }
secrets:
  repo: ./brightbook
  bundles: ["dist/**/*.js"]
  logs: [build.log]
  urls: ["https://www.${d}/"]
env:
  repo: ./brightbook
  target: production
  history: false
  environments:
    production: { files: [.env.production] }
    staging: { files: [.env.staging] }
trust:
  domain: ${d}
  hostnames: [${d}, www.${d}, app.${d}, api.${d}, admin.${d}]
  canonical: https://www.${d}/
  pages: ["http://${d}/", "https://www.${d}/signup"]
  privateRoutes: ["https://admin.${d}/", "https://api.${d}/webhooks/stripe"]
  timeoutMs: 3000
  email:
    domains:
      - { name: ${d}, dkimSelectors: [s1] }
burst:
  target: https://www.${d}
  scenarios:
    launch:
      executor: ramping-vus
      startVUs: 5
      stages: [{ duration: 2s, target: 20 }, { duration: 3s, target: 20 }]
      gracefulStop: 3s
      steps:
        - { name: homepage, url: /, check: { status: 200 } }
        - { name: signup page, url: /signup, path: signup, check: { status: 200 } }
        - { name: signup, method: POST, url: /signup, path: signup, form: { email: "visitor@example.com", company: "Acme" }, check: { status: [200, 303] } }
  thresholds: ["http_req_duration{name:signup}:p(95)<800", "http_req_failed:rate<0.01"]
  abuse: { url: /login, method: POST, form: { email: "probe@example.com", password: "wrong" }, limit: 30, normalRequests: 3, normalRate: 2, cooldown: 2500ms }
rollback:
  url: https://www.${d}
  versionUrl: /version
  previousRelease: ${PREVIOUS_RELEASE}
  repo: ./brightbook
  smoke:
    - { path: /, status: 200, contains: "Book a call", maxMs: 1500 }
    - { path: /healthz, status: 200 }
  drill:
    rollbackCommand: ${write(PREVIOUS_RELEASE)}
    rollForwardCommand: ${write('"$LAUNCH_READY_CURRENT_RELEASE"')}
    waitSeconds: 10
    pollSeconds: 0.2
    budgetSeconds: 600
readiness:
  monitors:
${monitors.join('\n')}
  homepage: https://www.${d}/
  loginUrl: https://www.${d}/login
  healthUrl: https://api.${d}/healthz
  errorTracking: SENTRY_DSN
  envFiles: [.env.production]
  handover: HANDOVER.md
`;
}
