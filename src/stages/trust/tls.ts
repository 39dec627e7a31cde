import { checkServerIdentity, connect, rootCertificates, type DetailedPeerCertificate, type SecureVersion, type TLSSocket } from 'node:tls';
import { reasonOf } from '../../core/errors.js';
import { errorCode } from '../../core/guards.js';
import { parseConnectRules, routeConnection, type AddressResolver } from '../../core/network.js';
import { describeNetworkError } from './redirects.js';

/** What a TLS handshake with SNI showed about a host's certificate. */
export interface TlsProbe {
  host: string;
  /** Handshake done; when false, `error` says why. */
  connected: boolean;
  error?: string;
  /** OpenSSL's verdict on the chain against system roots + `ca` (`CERT_HAS_EXPIRED`...), undefined when valid. */
  chainError?: string;
  /** Why the certificate does not cover the name, undefined when it does. */
  nameError?: string;
  issuer?: string;
  subject?: string;
  notAfter?: string;
  /** The expiry as the certificate states it when the runtime cannot read it as a date ("Bad time value"). */
  badDate?: string;
  san?: string;
  protocol?: string;
  /** Certificates the server sent (leaf first). */
  chainLength?: number;
}

export interface TlsProbeOptions {
  /** `network.connectTo`: the same routing as core's HTTP client. */
  connectTo: readonly string[];
  /** Where a name is, by the stage's own DNS (see `addressResolver`). */
  resolve: AddressResolver;
  /** Extra trusted roots (PEM). */
  ca: string[];
  timeoutMs: number;
}

/** Handshake with `host` over SNI (TLS 1.2+), not rejecting bad chains so they can be described. */
export async function probeTls(host: string, options: TlsProbeOptions, port = 443, via?: string): Promise<TlsProbe> {
  let target: { address: string; port: number };
  try {
    // `via`: dial this address instead of the host's own (connectTo rules still apply to it).
    target = await routeConnection(parseConnectRules(options.connectTo), via ?? host, port, options.resolve);
  } catch (error) {
    return { host, connected: false, error: error instanceof Error ? error.message : String(error) };
  }
  return new Promise((resolve) => {
    const socket = connect({
      host: target.address,
      port: target.port,
      servername: host,
      ca: [...rootCertificates, ...options.ca],
      rejectUnauthorized: false,
      minVersion: 'TLSv1.2',
    });
    const finish = (probe: TlsProbe) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(probe);
    };
    const timer = setTimeout(() => finish({ host, connected: false, error: `no TLS handshake within ${options.timeoutMs} ms` }), options.timeoutMs);
    socket.on('error', (error) => finish({ host, connected: false, error: describeNetworkError(error) }));
    socket.on('secureConnect', () => {
      // Everything below reads what the server sent: a value the runtime cannot parse becomes the probe's
      // error, never an exception thrown out of a socket handler (which would end the process).
      try {
        finish(describeHandshake(socket, host));
      } catch (error) {
        finish({ host, connected: false, error: `the certificate could not be read: ${reasonOf(error)}` });
      }
    });
  });
}

/** An ISO date from the certificate's `valid_to`, or undefined when the runtime cannot parse it ("Bad time value"). */
export function certificateDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value);
  return Number.isFinite(time) ? new Date(time).toISOString() : undefined;
}

function describeHandshake(socket: TLSSocket, host: string): TlsProbe {
  const cert = socket.getPeerCertificate(true);
  const probe: TlsProbe = { host, connected: true, protocol: socket.getProtocol() ?? undefined };
  // Node reports a name mismatch as the authorization error too; the name check below covers it.
  const chainError = socket.authorizationError ? String(socket.authorizationError) : undefined;
  if (!socket.authorized && chainError && chainError !== 'ERR_TLS_CERT_ALTNAME_INVALID') probe.chainError = chainError;
  if (cert && Object.keys(cert).length > 0) {
    probe.issuer = nameOf(cert.issuer);
    probe.subject = nameOf(cert.subject);
    const notAfter = certificateDate(cert.valid_to);
    if (notAfter) probe.notAfter = notAfter;
    else probe.badDate = cert.valid_to ? String(cert.valid_to).slice(0, 60) : 'missing';
    if (cert.subjectaltname) probe.san = cert.subjectaltname;
    const identity = checkServerIdentity(host, cert);
    if (identity) probe.nameError = identity.message;
    probe.chainLength = chainLengthOf(cert);
  }
  return probe;
}

/** Does the server still complete a TLS 1.0 or 1.1 handshake? `undefined` when it could not be told. */
export async function acceptsLegacyTls(host: string, options: TlsProbeOptions, port = 443): Promise<{ accepted: boolean; version?: string } | undefined> {
  let target: { address: string; port: number };
  try {
    target = await routeConnection(parseConnectRules(options.connectTo), host, port, options.resolve);
  } catch {
    return undefined;
  }
  const attempt = (version: SecureVersion) =>
    new Promise<boolean | undefined>((resolve) => {
      const socket = connect({
        host: target.address,
        port: target.port,
        servername: host,
        rejectUnauthorized: false,
        minVersion: version,
        maxVersion: version,
        // OpenSSL 3 refuses TLS 1.0/1.1 ciphers at the default security level: without this the
        // probe would wrongly report the old versions as off.
        ciphers: 'DEFAULT@SECLEVEL=0',
      });
      const finish = (value: boolean | undefined) => {
        clearTimeout(timer);
        socket.destroy();
        resolve(value);
      };
      const timer = setTimeout(() => finish(undefined), options.timeoutMs);
      socket.on('secureConnect', () => finish(true));
      socket.on('error', (error) => finish(/ECONNREFUSED|ETIMEDOUT|EHOSTUNREACH/.test(String(errorCode(error))) ? undefined : false));
    });
  const [v10, v11] = await Promise.all([attempt('TLSv1'), attempt('TLSv1.1')]);
  if (v10) return { accepted: true, version: 'TLS 1.0' };
  if (v11) return { accepted: true, version: 'TLS 1.1' };
  if (v10 === undefined && v11 === undefined) return undefined;
  return { accepted: false };
}

function nameOf(name: Record<string, string | string[] | undefined> | undefined): string {
  if (!name) return '';
  const pick = (key: string): string | undefined => {
    const value = name[key];
    return Array.isArray(value) ? value.join(', ') : value;
  };
  return pick('O') ? `${pick('CN') ?? ''}${pick('CN') ? ' / ' : ''}${pick('O')}` : (pick('CN') ?? '');
}

function chainLengthOf(cert: DetailedPeerCertificate): number {
  let length = 1;
  let current = cert;
  const seen = new Set([cert.fingerprint256]);
  while (current.issuerCertificate && !seen.has(current.issuerCertificate.fingerprint256)) {
    current = current.issuerCertificate;
    seen.add(current.fingerprint256);
    length++;
  }
  return length;
}
