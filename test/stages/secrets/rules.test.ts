import { describe, expect, it } from '@jest/globals';
import { DEFAULT_RULES } from '../../../src/stages/secrets/rules/index.js';
import { hasValidChecksum } from '../../../src/stages/secrets/rules/checksum.js';
import { scanText } from '../../../src/stages/secrets/scan.js';
import { alnum, base64, brokenChecksum, checksummed, digits, hex, jwt, letters, pemKey, stripeKey, upper, uuid } from './fakes.js';

interface RuleCase {
  rule: string;
  /** Text holding a secret the rule must find. */
  ok: string;
  /** A near miss the rule must not report. */
  ng: string;
  severity?: string;
}

const ghp = checksummed('ghp_');
const npm = checksummed('npm_');
const cases: RuleCase[] = [
  { rule: 'github-pat', ok: `GITHUB_TOKEN=${ghp}`, ng: `GITHUB_TOKEN=${brokenChecksum(ghp)}`, severity: 'blocker' },
  { rule: 'github-oauth', ok: `token: ${checksummed('gho_')}`, ng: `token: ${brokenChecksum(checksummed('gho_'))}` },
  { rule: 'github-app-token', ok: `"${checksummed('ghs_')}"`, ng: `"ghs_${alnum(35)}"` },
  { rule: 'github-refresh-token', ok: `refresh=${checksummed('ghr_')}`, ng: `refresh=${brokenChecksum(checksummed('ghr_'))}` },
  { rule: 'github-fine-grained-pat', ok: `pat = github_pat_${alnum(22)}_${alnum(59)}`, ng: `pat = github_pat_${alnum(22)}_${alnum(40)}` },
  { rule: 'gitlab-pat', ok: `GL=glpat-${alnum(20)}`, ng: `GL=glpat-${alnum(10)}` },
  { rule: 'gitlab-runner-token', ok: `runner: glrt-${alnum(20)}`, ng: `runner: glrx-${alnum(20)}` },
  { rule: 'npm-access-token', ok: `//registry.npmjs.org/:_authToken=${npm}`, ng: `//registry.npmjs.org/:_authToken=${brokenChecksum(npm)}` },
  { rule: 'slack-bot-token', ok: `SLACK=xoxb-${digits(11)}-${digits(12)}-${alnum(24)}`, ng: 'SLACK=xoxb-not-a-token' },
  { rule: 'slack-user-token', ok: `xoxp-${digits(11)}-${digits(11)}-${digits(12)}-${hex(32)}`, ng: 'xoxp-12-short' },
  { rule: 'slack-app-token', ok: `xapp-1-A${upper(10)}-${digits(13)}-${hex(64)}`, ng: `xapp-1-A${upper(10)}-${digits(13)}-${hex(8)}` },
  {
    rule: 'slack-webhook-url',
    ok: `https://hooks.slack.com/services/T${upper(10)}/B${upper(10)}/${alnum(24)}`,
    ng: 'https://hooks.slack.com/services/T000/B0',
  },
  {
    rule: 'discord-webhook-url',
    ok: `https://discord.com/api/webhooks/${digits(18)}/${alnum(68)}`,
    ng: `https://discord.com/api/webhooks/${digits(18)}/${alnum(10)}`,
  },
  { rule: 'discord-api-token', ok: `DISCORD_BOT=M${alnum(25)}.${alnum(6)}.${alnum(38)}`, ng: `BOT=M${alnum(25)}.${alnum(6)}.${alnum(38)}` },
  { rule: 'telegram-bot-api-token', ok: `bot${digits(10)}:AA${alnum(33)}`, ng: `bot${digits(10)}:AB${alnum(33)}` },
  { rule: 'stripe-access-token', ok: `STRIPE_SECRET_KEY=${stripeKey()}`, ng: `STRIPE_SECRET_KEY=${['sk', 'live', alnum(10)].join('_')}`, severity: 'blocker' },
  { rule: 'stripe-webhook-secret', ok: `STRIPE_WEBHOOK_SECRET=whsec_${alnum(32)}`, ng: `STRIPE_WEBHOOK_SECRET=whsec_${alnum(10)}` },
  { rule: 'shopify-access-token', ok: `shpat_${hex(32)}`, ng: `shpat_${alnum(31)}` },
  { rule: 'shopify-access-token', ok: `shpca_${alnum(32)}`, ng: `shpca_${alnum(33)}` },
  { rule: 'shopify-shared-secret', ok: `shpss_${hex(32)}`, ng: `shpss_${hex(31)}` },
  { rule: 'openai-api-key', ok: `OPENAI_API_KEY=sk-proj-${alnum(40)}T3BlbkFJ${alnum(40)}`, ng: `OPENAI=sk-proj-${alnum(88)}` },
  { rule: 'anthropic-api-key', ok: `ANTHROPIC_API_KEY=sk-ant-api03-${alnum(93)}AA`, ng: `ANTHROPIC=sk-ant-api03-${alnum(20)}` },
  { rule: 'huggingface-access-token', ok: `HF_TOKEN=hf_${letters(34)}`, ng: `HF_TOKEN=hf_${letters(20)}` },
  { rule: 'sendgrid-api-token', ok: `SG.${alnum(22)}.${alnum(43)}`, ng: `SG.${alnum(22)}.${alnum(20)}` },
  { rule: 'twilio-api-key', ok: `SK${hex(32)}`, ng: `SK${hex(31)}` },
  { rule: 'twilio-auth-token', ok: `TWILIO_AUTH_TOKEN=${hex(32)}`, ng: `TWILIO_AUTH_TOKEN=${hex(16)}` },
  { rule: 'mailgun-private-api-token', ok: `MAILGUN_KEY=key-${hex(32)}`, ng: `MAILGUN_KEY=key-${hex(20)}` },
  { rule: 'postmark-server-token', ok: `POSTMARK_SERVER_TOKEN=${uuid()}`, ng: `REQUEST_ID=${uuid()}` },
  { rule: 'resend-api-key', ok: `RESEND_API_KEY=re_${alnum(8)}_${alnum(24)}`, ng: `RESEND_API_KEY=re_${alnum(32)}` },
  {
    rule: 'aws-access-token',
    ok: `aws_access_key_id = AKIA${upper(16).replace(/[0189]/g, '2')}`,
    ng: 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
    severity: 'high',
  },
  {
    rule: 'aws-secret-access-key',
    ok: `aws_secret_access_key = ${base64(40)}`,
    ng: 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    severity: 'blocker',
  },
  { rule: 'gcp-api-key', ok: `key=AIza${alnum(35)}`, ng: `key=AIza${alnum(20)}` },
  {
    rule: 'gcp-service-account',
    ok: `{"type": "service_account", "project_id": "acme", "private_key_id": "${hex(40)}"}`,
    ng: `{"type": "authorized_user", "private_key_id": "${hex(40)}"}`,
  },
  { rule: 'cloudflare-api-key', ok: `CLOUDFLARE_API_TOKEN=${alnum(40)}`, ng: 'CLOUDFLARE_API_TOKEN=${{ secrets.CLOUDFLARE_API_TOKEN }}' },
  { rule: 'cloudflare-origin-ca-key', ok: `v1.0-${hex(24)}-${hex(146)}`, ng: `v1.0-${hex(24)}-${hex(20)}` },
  { rule: 'vercel-access-token', ok: `VERCEL_TOKEN=${alnum(24)}`, ng: `VERCEL_TOKEN=${alnum(12)}` },
  { rule: 'doppler-api-token', ok: `DOPPLER_TOKEN=dp.pt.${alnum(43)}`, ng: `DOPPLER_TOKEN=dp.pt.${alnum(20)}` },
  {
    rule: 'supabase-service-role-key',
    ok: `SUPABASE_SERVICE_ROLE_KEY=${jwt({ iss: 'supabase', role: 'service_role' })}`,
    ng: `SUPABASE_ANON_KEY=${jwt({ iss: 'supabase', role: 'anon' })}`,
  },
  {
    rule: 'database-url-password',
    ok: `DATABASE_URL=postgres://app:${alnum(16)}@db.prod.example.com:5432/app`,
    ng: 'DATABASE_URL=postgres://app:${DB_PASSWORD}@db.prod.example.com/app',
    severity: 'blocker',
  },
  { rule: 'private-key', ok: pemKey(), ng: '-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----' },
  { rule: 'private-key', ok: pemKey('OPENSSH PRIVATE KEY'), ng: '-----BEGIN OPENSSH PRIVATE KEY-----\n<your key here>\n-----END OPENSSH PRIVATE KEY-----' },
  {
    rule: 'public-env-secret',
    ok: `NEXT_PUBLIC_STRIPE_SECRET=${alnum(30)}`,
    ng: `NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY=pk_live_${alnum(24)}`,
    severity: 'blocker',
  },
  { rule: 'authorization-header', ok: `> Authorization: Bearer ${alnum(40)}`, ng: '> Authorization: Bearer $API_TOKEN' },
  {
    rule: 'github-url-token',
    ok: `git clone https://${hex(40)}:x-oauth-basic@github.com/acme/app.git`,
    ng: 'git clone https://user:x-oauth-basic@github.com/acme/app.git',
  },
  { rule: 'github-token-unverified', ok: `GITHUB_TOKEN=${brokenChecksum(ghp)}`, ng: `GITHUB_TOKEN=${ghp}`, severity: 'low' },
  { rule: 'npm-token-unverified', ok: `NPM_TOKEN=${brokenChecksum(npm)}`, ng: `NPM_TOKEN=${npm}`, severity: 'low' },
  { rule: 'npm-legacy-token', ok: `//registry.npmjs.org/:_authToken=${uuid()}`, ng: `//registry.npmjs.org/:_authToken=\${NPM_TOKEN}` },
  { rule: 'discord-client-secret', ok: `DISCORD_CLIENT_SECRET=${alnum(32)}`, ng: `DISCORD_CLIENT_ID=${digits(18)}` },
  { rule: 'telegram-bot-token-named', ok: `telegram_bot_token: "${digits(9)}:B${alnum(34)}"`, ng: `token: "${digits(9)}:B${alnum(34)}"` },
  { rule: 'netlify-access-token', ok: `NETLIFY_AUTH_TOKEN=nfp_${alnum(36)}`, ng: `NETLIFY_AUTH_TOKEN=nfp_${alnum(20)}` },
  { rule: 'netlify-access-token-named', ok: `netlify_token = "${alnum(43)}"`, ng: `netlify_site = "${alnum(43)}"` },
  { rule: 'heroku-api-key', ok: `HEROKU_API_KEY=HRKU-AA${alnum(58)}`, ng: `HEROKU_APP_ID=${alnum(20)}` },
  { rule: 'sentry-access-token', ok: `SENTRY_AUTH_TOKEN=sntryu_${hex(64)}`, ng: `SENTRY_AUTH_TOKEN=sntryu_${hex(30)}` },
  { rule: 'sentry-legacy-token', ok: `SENTRY_TOKEN=${hex(64)}`, ng: `SENTRY_RELEASE=${hex(40)}` },
  { rule: 'datadog-access-token', ok: `DATADOG_API_KEY=${hex(32)}`, ng: `DATADOG_SITE=datadoghq.eu` },
  { rule: 'linear-api-key', ok: `LINEAR_API_KEY=lin_api_${alnum(40)}`, ng: `LINEAR_API_KEY=lin_api_${alnum(20)}` },
  { rule: 'linear-client-secret', ok: `LINEAR_CLIENT_SECRET=${hex(32)}`, ng: `LINEAR_CLIENT_SECRET=${hex(20)}` },
  { rule: 'notion-api-token', ok: `NOTION_TOKEN=ntn_${digits(11)}${alnum(35)}`, ng: `NOTION_TOKEN=ntn_${alnum(20)}` },
  {
    rule: 'clerk-secret-key',
    ok: `CLERK_SECRET_KEY=${['sk', 'live', alnum(40)].join('_')}`,
    ng: `CLERK_PUBLISHABLE_KEY=${['pk', 'live', alnum(40)].join('_')}`,
  },
  { rule: 'auth0-client-secret', ok: `AUTH0_CLIENT_SECRET=${alnum(64)}`, ng: `AUTH0_DOMAIN=acme.eu.auth0.com` },
  { rule: 'square-access-token', ok: `SQUARE_TOKEN=sq0atp-${alnum(22)}`, ng: `SQUARE_TOKEN=sq0atp-${alnum(10)}` },
  { rule: 'square-access-token-named', ok: `SQUARE_ACCESS_TOKEN=EAAA${alnum(60)}`, ng: `OTHER=EAAA${alnum(60)}` },
  { rule: 'square-secret', ok: `SQUARE_SECRET=sq0csp-${alnum(43)}`, ng: `SQUARE_SECRET=sq0csp-${alnum(20)}` },
  { rule: 'braintree-access-token', ok: `BT=access_token$production$${digits(16)}$${hex(32)}`, ng: `BT=access_token$production$${digits(16)}$${hex(10)}` },
  { rule: 'braintree-private-key', ok: `BRAINTREE_PRIVATE_KEY=${hex(32)}`, ng: `BRAINTREE_MERCHANT_ID=${digits(10)}` },
  { rule: 'paypal-client-secret', ok: `PAYPAL_CLIENT_SECRET=E${alnum(6)}-${alnum(72)}`, ng: 'PAYPAL_MODE=live' },
  { rule: 'paypal-client-secret-named', ok: `paypal_secret = "${alnum(30)}-${alnum(12)}"`, ng: 'paypal_secret = "${{ secrets.PAYPAL }}"' },
  { rule: 'mailgun-signing-key', ok: `MAILGUN_WEBHOOK_SIGNING_KEY=${hex(32)}`, ng: `MAILGUN_DOMAIN=${hex(8)}.mailgun.org` },
  { rule: 'aws-bedrock-api-key', ok: `BEDROCK_KEY=ABSK${base64(132)}`, ng: `BEDROCK_KEY=ABSK${base64(40)}` },
  {
    rule: 'azure-storage-account-key',
    ok: `DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=${base64(86)}==;EndpointSuffix=core.windows.net`,
    ng: `AccountKey=${base64(40)}==`,
  },
  { rule: 'azure-ad-client-secret', ok: `AZURE_CLIENT_SECRET=${alnum(3)}8Q~${alnum(34)}`, ng: `AZURE_CLIENT_SECRET=${alnum(3)}8X~${alnum(34)}` },
  { rule: 'cloudflare-prefixed-token', ok: `CF_API_TOKEN=cfut_${alnum(40)}${hex(8)}`, ng: `CF_API_TOKEN=cfut_${alnum(20)}` },
  { rule: 'cloudflare-global-api-key-near', ok: `# cloudflare global key\nGLOBAL=${hex(37)}`, ng: `# global key\nGLOBAL=${hex(37)}` },
  { rule: 'digitalocean-token', ok: `DIGITALOCEAN_TOKEN=dop_v1_${hex(64)}`, ng: `DIGITALOCEAN_TOKEN=dop_v1_${hex(30)}` },
  { rule: 'curl-auth-user', ok: `curl -u deploy:${alnum(16)} https://api.example.com`, ng: 'curl -u deploy:$DEPLOY_PASSWORD https://api.example.com' },
  { rule: 'generic-api-key', ok: `const apiSecret = "${alnum(32)}";`, ng: 'const apiSecret = process.env.API_SECRET_VALUE;', severity: 'medium' },
];

const ruleIds = (text: string) => scanText(text, DEFAULT_RULES).map((m) => m.rule.id);

describe('secret rules', () => {
  it('has a case for every built-in rule', () => {
    const covered = new Set(cases.map((c) => c.rule));
    expect(DEFAULT_RULES.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  describe.each(cases.map((c, i) => [`${c.rule} #${i}`, c] as const))('%s', (_name, c) => {
    it('finds the secret', () => {
      const matches = scanText(c.ok, DEFAULT_RULES).filter((m) => m.rule.id === c.rule);
      expect(matches).toHaveLength(1);
      if (c.severity) expect(matches[0]!.severity).toBe(c.severity);
      expect(c.ok).toContain(matches[0]!.secret);
    });
    it('ignores the near miss', () => {
      expect(ruleIds(c.ng)).not.toContain(c.rule);
    });
  });

  it('validates GitHub and npm checksums (base62 CRC32 of the random part)', () => {
    expect(hasValidChecksum(ghp)).toBe(true);
    expect(hasValidChecksum(npm)).toBe(true);
    expect(hasValidChecksum(brokenChecksum(ghp))).toBe(false);
  });

  it('rates Stripe test-mode keys high and live keys blocker', () => {
    const [test] = scanText(`STRIPE=${stripeKey('test')}`, DEFAULT_RULES);
    const [live] = scanText(`STRIPE=${stripeKey('live')}`, DEFAULT_RULES);
    expect(test?.severity).toBe('high');
    expect(live?.severity).toBe('blocker');
    expect(live?.rule.paths).toContain('checkout');
  });

  it('rates a database password on localhost or a compose service low', () => {
    const [local] = scanText(`postgres://app:${alnum(16)}@localhost:5432/app`, DEFAULT_RULES);
    const [compose] = scanText(`postgres://app:${alnum(16)}@db:5432/app`, DEFAULT_RULES);
    expect(local?.severity).toBe('low');
    expect(compose?.severity).toBe('low');
  });

  it('reports the line and column of a secret', () => {
    const text = `first line\nsecond line\n  token: ${ghp}\n`;
    const [match] = scanText(text, DEFAULT_RULES);
    expect(match).toMatchObject({ line: 3, column: 10 });
  });

  it('keeps the provider rule when the generic rule sees the same value', () => {
    expect(ruleIds(`API_TOKEN="${ghp}"`)).toEqual(['github-pat']);
  });

  it('skips a line marked gitleaks:allow', () => {
    expect(ruleIds(`GITHUB_TOKEN=${ghp} # gitleaks:allow`)).toEqual([]);
    expect(ruleIds(`GITHUB_TOKEN=${ghp}\nother=1 # gitleaks:allow`)).toEqual(['github-pat']);
  });
});

describe('the generic secret-named-key rule', () => {
  const generic = (text: string) => ruleIds(text).includes('generic-api-key');
  it.each([
    ['a UUID under a lookup-key name', `idempotency_key: "${uuid()}"`],
    ['a UUID under an id name', `client_id: "${uuid()}"`],
    ['a 32-hex value (an MD5, a public search key)', `apiKey: "${hex(32)}"`],
    ['a git or sha256 hash', `secret_hash = "${hex(64)}"`],
    ['a lockfile integrity string', `"integrity": "sha512-${base64(86)}=="`],
    ['an xxxx placeholder', 'API_KEY=xxxxxxxxxxxxxxxxxxxxxxxx'],
    ['YOUR_API_KEY', 'apiKey: "YOUR_API_KEY_HERE_123"'],
    ['changeme', 'password = "changeme12345"'],
    ['the documented AWS example', 'secret_key = "AKIAIOSFODNN7EXAMPLE"'],
    ['process.env', 'const token = process.env.GITHUB_TOKEN_2;'],
    ['a GitHub Actions secret reference', 'token: ${{ secrets.DEPLOY_TOKEN_2 }}'],
    ['a shell variable', 'export API_TOKEN=$DEPLOY_TOKEN_2'],
    ['a public key name', `NEXT_PUBLIC_SITE_KEY=${alnum(32)}`],
    ['an identifier', 'passwordField: getPasswordFromVault'],
  ])('does not fire on %s', (_what, text) => {
    expect(generic(text)).toBe(false);
  });

  it.each([
    ['a quoted assignment', `SECRET_KEY = '${alnum(40)}'`],
    ['a YAML value', `  client_secret: ${alnum(32)}`],
    ['a JSON value', `{"authToken": "${alnum(32)}"}`],
    ['a 64-hex client secret', `"client_secret" : "${hex(64)}"`],
    ['a UUID API token', `api_token = "${uuid()}"`],
    ['a Go typed declaration', `var apiToken string = "${alnum(32)}"`],
    ['a Makefile conditional assignment', `API_TOKEN ?= "${alnum(32)}"`],
    ['a PHP append', `$apiToken .= "${alnum(32)}";`],
    ['a Java system property', `System.setProperty("API_TOKEN", "${alnum(32)}")`],
    ['an XML element', `<apiToken>\n    ${alnum(32)}\n</apiToken>`],
  ])('fires on %s', (_what, text) => {
    expect(generic(text)).toBe(true);
  });
});

describe('base64 values of Kubernetes Secret manifests', () => {
  const token = checksummed('ghp_');
  const manifest = (kind: string) =>
    [
      'apiVersion: v1',
      `kind: ${kind}`,
      'metadata:',
      '  name: deploy-credentials',
      'data:',
      `  GITHUB_TOKEN: ${Buffer.from(token).toString('base64')}`,
      `  LOG_LEVEL: ${Buffer.from('info-verbose').toString('base64')}`,
    ].join('\n');

  it("decodes and rescans data: values, reporting the encoded value's line", () => {
    const matches = scanText(manifest('Secret'), DEFAULT_RULES);
    expect(matches.map((m) => [m.rule.id, m.secret === token, m.line])).toEqual([['github-pat', true, 6]]);
  });

  it('leaves base64 in other kinds alone', () => {
    expect(ruleIds(manifest('ConfigMap'))).not.toContain('github-pat');
  });
});

describe('identifiers and documentation values', () => {
  it.each([
    ['a versioned identifier', "export const FINGERPRINT_KEY = 'launchReadyFingerprint/v1';"],
    ['a member call', 'privateKeyBuf = Buffer2.concat([a, b]);'],
    ['a snake_case name', 'session_key = user_session_cookie_name'],
  ])('the generic rule skips %s', (_what, text) => {
    expect(ruleIds(text)).toEqual([]);
  });

  it('drops provider-shaped placeholders', () => {
    expect(ruleIds(`key = ${['sk', 'live', 'x'.repeat(24)].join('_')}`)).toEqual([]);
    expect(ruleIds(`key = ${['sk', 'live', 'abcdefghijklmnopqrstuvwx'].join('_')}`)).toEqual([]);
  });
});

describe('private keys', () => {
  it('are located at their -----BEGIN line, PEM and OpenSSH alike', () => {
    for (const kind of ['RSA PRIVATE KEY', 'OPENSSH PRIVATE KEY', 'PRIVATE KEY']) {
      const [match] = scanText(`# deploy key\n\n  ${pemKey(kind)}\n`, DEFAULT_RULES);
      expect({ kind, line: match?.line, column: match?.column }).toEqual({ kind, line: 3, column: 3 });
    }
  });
});
