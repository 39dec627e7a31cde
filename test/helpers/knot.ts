import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { promises as dns } from 'node:dns';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A running Knot DNS server on loopback, authoritative for the zones it was given. */
export interface KnotServer {
  /** `127.0.0.1:PORT`, ready for trust.resolvers. */
  address: string;
  port: number;
  stop(): Promise<void>;
}

/** The knotd binary: on PATH, or where Debian puts it (/usr/sbin is not on every user's PATH). */
function knotdPath(): string | undefined {
  return ['knotd', '/usr/sbin/knotd'].find((bin) => spawnSync(bin, ['--version'], { stdio: 'ignore' }).status === 0);
}

/** True when `knotd` is installed. Tests that need it must fail (not skip) when `CI` is set. */
export function knotAvailable(): boolean {
  return knotdPath() !== undefined;
}

/** A port free on both UDP and TCP of 127.0.0.1 (Knot listens on both). */
export async function freeDnsPort(): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const udpFree = await new Promise<boolean>((resolve) => {
      const socket = createSocket('udp4');
      socket.once('error', () => resolve(false));
      socket.bind(port, '127.0.0.1', () => socket.close(() => resolve(true)));
    });
    if (udpFree) return port;
  }
  throw new Error('no free port for Knot');
}

/**
 * Start `knotd` in the foreground with a config and zone files written to a temp folder.
 * `zones` maps an origin (`example.test`) to the records below its SOA/NS, in zone-file syntax
 * with names relative to the origin. Resolves once the server answers SOA for every zone.
 */
export async function startKnot(zones: Record<string, string>): Promise<KnotServer> {
  const knotd = knotdPath();
  if (!knotd) throw new Error('knotd is not installed: run .ci/setup.d/trust.sh (apt-get install knot)');
  const dir = mkdtempSync(join(tmpdir(), 'lr-knot-'));
  mkdirSync(join(dir, 'db'));
  const port = await freeDnsPort();
  for (const [origin, body] of Object.entries(zones)) {
    const zone = [
      `$ORIGIN ${origin}.`,
      '$TTL 300',
      `@ 300 IN SOA ns.${origin}. hostmaster.${origin}. 1 3600 600 86400 60`,
      `@ 300 IN NS ns.${origin}.`,
      'ns 300 IN A 127.0.0.1',
      body,
      '',
    ].join('\n');
    writeFileSync(join(dir, `${origin}.zone`), zone);
  }
  const conf = [
    'server:',
    `  rundir: "${dir}"`,
    `  listen: 127.0.0.1@${port}`,
    'database:',
    `  storage: "${join(dir, 'db')}"`,
    'log:',
    '  - target: stderr',
    '    any: warning',
    'template:',
    '  - id: default',
    `    storage: "${dir}"`,
    '    file: "%s.zone"',
    '    zonefile-sync: -1',
    '    journal-content: none',
    'zone:',
    ...Object.keys(zones).map((origin) => `  - domain: ${origin}`),
    '',
  ].join('\n');
  writeFileSync(join(dir, 'knot.conf'), conf);
  const child: ChildProcess = spawn(knotd, ['-c', join(dir, 'knot.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let exited = false;
  child.on('exit', () => (exited = true));
  const stop = async () => {
    if (!exited) {
      const done = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([done, new Promise((resolve) => (timer = setTimeout(resolve, 2000)))]);
      clearTimeout(timer);
      if (!exited) child.kill('SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const resolver = new dns.Resolver({ timeout: 200, tries: 1 });
  resolver.setServers([`127.0.0.1:${port}`]);
  const deadline = Date.now() + 10_000;
  for (const origin of Object.keys(zones)) {
    for (;;) {
      if (exited) {
        await stop();
        throw new Error(`knotd exited: ${stderr.trim().split('\n').slice(-3).join(' | ')}`);
      }
      try {
        await resolver.resolveSoa(origin);
        break;
      } catch {
        if (Date.now() > deadline) {
          await stop();
          throw new Error(`knotd did not answer for ${origin} within 10 s: ${stderr.trim().split('\n').slice(-3).join(' | ')}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  }
  return { address: `127.0.0.1:${port}`, port, stop };
}
