import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A leaf certificate and its key, PEM. `chain` is leaf + intermediate (what a server should send). */
export interface Leaf {
  key: string;
  cert: string;
  chain: string;
}

/** A throwaway CA made with the openssl CLI: root → intermediate → leaves. */
export interface TestCa {
  dir: string;
  rootPem: string;
  intermediatePem: string;
  /** Issue a leaf for `names` (SAN DNS entries) valid `days` days; `days: -1` is already expired. */
  leaf(names: string[], days: number): Leaf;
  /** A self-signed certificate for `names` (not chained to the root). */
  selfSigned(names: string[]): Leaf;
  cleanup(): void;
}

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

const KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];

/** Create the CA in a temp folder; call `cleanup()` in `afterAll`. */
export function createTestCa(): TestCa {
  const dir = mkdtempSync(join(tmpdir(), 'lr-trust-ca-'));
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  openssl(['req', '-x509', ...KEY, '-keyout', 'root.key', '-out', 'root.pem', '-subj', '/O=Launch Ready Test/CN=Test Root CA', '-days', '3650'], dir);
  writeFileSync(
    join(dir, 'ca.ext'),
    'basicConstraints=critical,CA:true\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n',
  );
  openssl(['req', '-new', ...KEY, '-keyout', 'int.key', '-out', 'int.csr', '-subj', '/O=Launch Ready Test/CN=Test Intermediate CA'], dir);
  openssl(
    ['x509', '-req', '-in', 'int.csr', '-CA', 'root.pem', '-CAkey', 'root.key', '-CAcreateserial', '-days', '3650', '-extfile', 'ca.ext', '-out', 'int.pem'],
    dir,
  );
  const intermediatePem = read('int.pem');
  let serial = 0;
  const issue = (names: string[], days: number, selfSigned: boolean): Leaf => {
    const id = `leaf${++serial}`;
    writeFileSync(
      join(dir, `${id}.ext`),
      `basicConstraints=CA:false\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=${names.map((n) => `DNS:${n}`).join(',')}\n`,
    );
    if (selfSigned) {
      openssl(
        [
          'req',
          '-x509',
          ...KEY,
          '-keyout',
          `${id}.key`,
          '-out',
          `${id}.pem`,
          '-subj',
          `/CN=${names[0]}`,
          '-days',
          String(days),
          '-addext',
          `subjectAltName=${names.map((n) => `DNS:${n}`).join(',')}`,
        ],
        dir,
      );
    } else {
      openssl(['req', '-new', ...KEY, '-keyout', `${id}.key`, '-out', `${id}.csr`, '-subj', `/CN=${names[0]}`], dir);
      openssl(
        [
          'x509',
          '-req',
          '-in',
          `${id}.csr`,
          '-CA',
          'int.pem',
          '-CAkey',
          'int.key',
          '-CAcreateserial',
          '-days',
          String(days),
          '-extfile',
          `${id}.ext`,
          '-out',
          `${id}.pem`,
        ],
        dir,
      );
    }
    const cert = read(`${id}.pem`);
    return { key: read(`${id}.key`), cert, chain: selfSigned ? cert : cert + intermediatePem };
  };
  return {
    dir,
    rootPem: read('root.pem'),
    intermediatePem,
    leaf: (names, days) => issue(names, days, false),
    selfSigned: (names) => issue(names, 365, true),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
