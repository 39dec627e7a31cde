import { generateKeyPairSync } from 'node:crypto';
import forge from 'node-forge';

/** A certificate and its key, PEM; `chain` is what a server sends (the leaf, then the root). */
export interface DemoCertificate {
  key: string;
  cert: string;
  chain: string;
}

/** A throwaway certificate authority for the demo launch, made in memory (no openssl needed). */
export interface DemoCa {
  rootPem: string;
  /** A certificate for `names` (its SAN entries) valid `days` days from yesterday. */
  issue(names: readonly string[], days: number): DemoCertificate;
}

const DAY_MS = 86_400_000;

function keyPair(): { privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey; pem: string } {
  // Node's generator is fast; forge only signs.
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return {
    privateKey: forge.pki.privateKeyFromPem(pem),
    publicKey: forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString()),
    pem,
  };
}

function validFor(cert: forge.pki.Certificate, days: number): void {
  cert.validity.notBefore = new Date(Date.now() - DAY_MS);
  cert.validity.notAfter = new Date(Date.now() + days * DAY_MS);
}

/** Create the demo CA. */
export function createDemoCa(organization = 'Launch Ready demo'): DemoCa {
  const root = keyPair();
  const rootCert = forge.pki.createCertificate();
  const rootName = [
    { name: 'organizationName', value: organization },
    { name: 'commonName', value: `${organization} root CA` },
  ];
  rootCert.publicKey = root.publicKey;
  rootCert.serialNumber = '01';
  validFor(rootCert, 3650);
  rootCert.setSubject(rootName);
  rootCert.setIssuer(rootName);
  rootCert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  rootCert.sign(root.privateKey, forge.md.sha256.create());
  const rootPem = forge.pki.certificateToPem(rootCert);
  let serial = 1;
  return {
    rootPem,
    issue(names, days) {
      const leaf = keyPair();
      const cert = forge.pki.createCertificate();
      cert.publicKey = leaf.publicKey;
      cert.serialNumber = (++serial).toString(16).padStart(2, '0');
      validFor(cert, days);
      cert.setSubject([{ name: 'commonName', value: names[0] ?? 'localhost' }]);
      cert.setIssuer(rootName);
      cert.setExtensions([
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
        { name: 'extKeyUsage', serverAuth: true },
        { name: 'subjectAltName', altNames: names.map((value) => ({ type: 2, value })) },
        { name: 'authorityKeyIdentifier', keyIdentifier: rootCert.generateSubjectKeyIdentifier().getBytes() },
      ]);
      cert.sign(root.privateKey, forge.md.sha256.create());
      const pem = forge.pki.certificateToPem(cert);
      return { key: leaf.pem, cert: pem, chain: pem + rootPem };
    },
  };
}
