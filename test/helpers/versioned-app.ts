/**
 * A small versioned web app on 127.0.0.1 for rollback drills. Which release it serves lives in a
 * state file: the drill's rollback and roll-forward shell commands really switch it by writing
 * that file (`printf %s "$LAUNCH_READY_PREVIOUS_RELEASE" > state`), as a platform CLI would
 * switch a deployment. A lag makes the switch take effect a little later, as on real platforms.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface VersionedAppOptions {
  /** The release served at start. */
  release: string;
  /** A new release in the state file is served only this long after it was first seen, ms. */
  lagMs?: number;
  /** Releases whose home page answers 500 (a bad previous release). */
  broken?: string[];
  /** How /version answers: JSON {version}, JSON {sha}, an HTML page, JSON without a version, or an `x-release` header. */
  versionMode?: 'version' | 'sha' | 'html' | 'no-version' | 'header';
  /** The first this many requests to /flaky answer 503. */
  flaky?: number;
  /** The token /private wants as `Authorization: Bearer …`, or as the password of user `probe` (basic auth). */
  token?: string;
}

export interface VersionedApp {
  url: string;
  /** The file the commands write the release into. */
  stateFile: string;
  /** A folder for the test's config and command output. */
  dir: string;
  /** The release served right now. */
  served(): string;
  /** Shell text that writes a release name held in `variable` (e.g. LAUNCH_READY_PREVIOUS_RELEASE) to the state file. */
  switchTo(variable: string): string;
  /** Requests seen, as `METHOD /path`. */
  requests: string[];
  close(): Promise<void>;
}

/** Start the app on a free loopback port. */
export async function startVersionedApp(options: VersionedAppOptions): Promise<VersionedApp> {
  const dir = mkdtempSync(join(tmpdir(), 'lr-rollback-'));
  const stateFile = join(dir, 'release.state');
  writeFileSync(stateFile, options.release);
  let serving = options.release;
  let pending: { release: string; since: number } | undefined;
  let flakyLeft = options.flaky ?? 0;
  const requests: string[] = [];

  const current = (): string => {
    let wanted = serving;
    try {
      wanted = readFileSync(stateFile, 'utf8').trim() || serving;
    } catch {
      // a command is rewriting it: keep serving what we serve
    }
    if (wanted === serving) pending = undefined;
    else if (!pending || pending.release !== wanted) pending = { release: wanted, since: Date.now() };
    if (pending && Date.now() - pending.since >= (options.lagMs ?? 0)) {
      serving = pending.release;
      pending = undefined;
    }
    return serving;
  };

  const send = (res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
    res.end(body);
  };

  const version = (res: ServerResponse, release: string) => {
    switch (options.versionMode ?? 'version') {
      case 'version':
        return send(res, 200, 'application/json', JSON.stringify({ version: release, builtAt: '2026-11-30T10:00:00Z' }));
      case 'sha':
        return send(res, 200, 'application/json', JSON.stringify({ sha: release }));
      case 'html':
        return send(res, 200, 'text/html; charset=utf-8', '<!doctype html><html><head><title>Acme</title></head><body>Not found</body></html>');
      case 'no-version':
        return send(res, 200, 'application/json', JSON.stringify({ status: 'ok' }));
      case 'header':
        return send(res, 200, 'text/plain', 'ok', { 'x-release': release });
    }
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://app').pathname;
    requests.push(`${req.method} ${path}`);
    const release = current();
    if (path === '/version') return version(res, release);
    if (path === '/') {
      if (options.broken?.includes(release)) return send(res, 500, 'text/html', '<h1>Internal Server Error</h1>');
      return send(
        res,
        200,
        'text/html; charset=utf-8',
        `<!doctype html><h1>Acme consulting</h1><a href="/book">Book a call</a><footer data-release="${release}"></footer>`,
      );
    }
    if (path === '/healthz') return send(res, 200, 'application/json', JSON.stringify({ status: 'ok', checks: [{ name: 'db', ok: true }], release }));
    if (path === '/api/login' && req.method === 'POST') return send(res, 422, 'application/json', JSON.stringify({ error: 'password required' }));
    if (path === '/old-home') return send(res, 301, 'text/plain', '', { location: '/' });
    if (path === '/flaky') {
      if (flakyLeft > 0) {
        flakyLeft--;
        return send(res, 503, 'text/plain', 'warming up');
      }
      return send(res, 200, 'text/plain', 'ready');
    }
    if (path === '/private') {
      const basic = `Basic ${Buffer.from(`probe:${options.token}`).toString('base64')}`;
      const ok = options.token !== undefined && (req.headers.authorization === `Bearer ${options.token}` || req.headers.authorization === basic);
      return ok ? send(res, 200, 'text/plain', 'welcome') : send(res, 401, 'text/plain', 'who are you');
    }
    if (path === '/slow') return setTimeout(() => send(res, 200, 'text/plain', 'finally'), 300);
    return send(res, 404, 'text/plain', 'not here');
  };

  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => handle(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stateFile,
    dir,
    served: current,
    switchTo: (variable) => `printf '%s' "$${variable}" > '${stateFile}'`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        });
      }),
  };
}
