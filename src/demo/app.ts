import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** What the demo launch's booking app does wrong; `--fixed` turns every fault off. */
export interface AppFaults {
  /** The signup POST sends the confirmation e-mail synchronously (slow). */
  slowSignup: boolean;
  /** Login has no rate limiter. */
  noLoginLimit: boolean;
  /** The admin area is served with `Cache-Control: public`. */
  cachedAdmin: boolean;
}

export interface AppOptions {
  domain: string;
  faults: AppFaults;
  /** File holding the release currently served; the rollback commands rewrite it. */
  releaseFile: string;
  /** The public bundle's text (served at /static/app.js). */
  bundle: string;
  /** How long the synchronous e-mail send takes, ms. */
  emailMs: number;
}

const HSTS = { 'strict-transport-security': 'max-age=31536000; includeSubDomains' };
const LOGIN_LIMIT = 10;
const LOGIN_WINDOW_MS = 2_000;

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title><script src="/static/app.js" defer></script></head><body><h1>${title}</h1>${body}</body></html>`;

const SIGNUP_FORM = '<form method="post" action="/signup"><input name="email" type="email"><input name="company"><button>Book a call</button></form>';

/** The served release, read per request so a rollback command takes effect at once. */
function servedRelease(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim() || 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * The booking app behind every demo host: a homepage, a signup form whose POST may send e-mail
 * synchronously, a login that may lack a rate limiter, a health endpoint (health+json), a version
 * endpoint, an admin page and a webhook. Plain HTTP answers redirect to HTTPS on the canonical host.
 */
export function bookingApp(options: AppOptions): (req: IncomingMessage, res: ServerResponse, secure: boolean) => void {
  const loginHits: number[] = [];
  const { domain, faults } = options;
  const canonical = `www.${domain}`;
  return (req, res, secure) => {
    const host = (req.headers.host ?? '').split(':')[0]!.toLowerCase();
    const path = (req.url ?? '/').split('?')[0]!;
    const release = servedRelease(options.releaseFile);
    const send = (status: number, headers: Record<string, string>, body = '') => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'x-release': release, ...headers });
      res.end(body);
    };
    // Drain request bodies so keep-alive connections stay usable under load.
    req.resume();
    if (!secure) return send(301, { location: `https://${host === domain ? canonical : host}${req.url ?? '/'}` });
    if (host === domain) return send(301, { ...HSTS, location: `https://${canonical}${req.url ?? '/'}` });
    if (path === '/healthz') {
      return send(
        200,
        { ...HSTS, 'content-type': 'application/health+json', 'cache-control': 'no-store' },
        JSON.stringify({ status: 'pass', version: release, checks: { 'database:responseTime': [{ status: 'pass' }], 'email:smtp': [{ status: 'pass' }] } }),
      );
    }
    if (path === '/version')
      return send(200, { ...HSTS, 'content-type': 'application/json', 'cache-control': 'no-store' }, JSON.stringify({ version: release }));
    if (path === '/static/app.js')
      return send(200, { ...HSTS, 'content-type': 'application/javascript', 'cache-control': 'public, max-age=31536000, immutable' }, options.bundle);
    if (host === `admin.${domain}`) {
      return send(
        200,
        { ...HSTS, 'cache-control': faults.cachedAdmin ? 'public, max-age=600' : 'private, no-store' },
        page('Admin', '<p>Bookings today: 3</p>'),
      );
    }
    if (path.startsWith('/webhooks/')) return send(200, { ...HSTS, 'content-type': 'application/json', 'cache-control': 'no-store' }, '{"ok":true}');
    if (path === '/signup' && req.method === 'POST') {
      const answer = () => send(303, { ...HSTS, location: '/signup/thanks', 'cache-control': 'no-store' });
      if (faults.slowSignup) return void setTimeout(answer, options.emailMs);
      return answer();
    }
    if (path === '/login' && req.method === 'POST') return login(loginHits, faults.noLoginLimit, send);
    if (path === '/signup') return send(200, { ...HSTS, 'cache-control': 'no-store' }, page('Book a call', SIGNUP_FORM));
    if (path === '/signup/thanks') return send(200, { ...HSTS, 'cache-control': 'no-store' }, page('Thanks', '<p>We will be in touch.</p>'));
    if (path === '/login')
      return send(
        200,
        { ...HSTS, 'cache-control': 'no-store' },
        page('Log in', '<form method="post" action="/login"><input name="email"><input name="password" type="password"></form>'),
      );
    if (path === '/')
      return send(
        200,
        { ...HSTS, 'cache-control': 'public, max-age=60' },
        page('Brightbook: book a call with an advisor', `<p>Release ${release}</p><a href="/signup">Book a call</a>`),
      );
    return send(404, { ...HSTS }, page('Not found', ''));
  };
}

function login(hits: number[], unlimited: boolean, send: (status: number, headers: Record<string, string>, body?: string) => void): void {
  const now = Date.now();
  while (hits.length > 0 && hits[0]! < now - LOGIN_WINDOW_MS) hits.shift();
  hits.push(now);
  if (!unlimited && hits.length > LOGIN_LIMIT) {
    return send(429, { ...HSTS, 'retry-after': '2', 'ratelimit-policy': `${LOGIN_LIMIT};w=2`, 'cache-control': 'no-store' }, 'slow down');
  }
  send(401, { ...HSTS, 'content-type': 'application/json', 'cache-control': 'no-store' }, '{"error":"invalid credentials"}');
}
