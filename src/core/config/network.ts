/**
 * The top-level `network:` section (resolvers, connectTo, ca), which every stage honours. The same
 * keys in the `trust` section are an alias kept for configs written before `network:` existed.
 * Read and checked once, here: the CA file is read once and handed to every stage as PEM text.
 */
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { splitHostPort } from '../network.js';
import type { ConfigProblem, NetworkOptions } from '../stage.js';
import { readBoundedText } from '../files.js';

type Section = Record<string, unknown> | undefined;

const MAX_CA_BYTES = 1024 * 1024;

/** Where each network key was set: the `network` section, else the `trust` alias. */
export function networkSectionOf(
  network: Section,
  trust: Section,
): { section: Record<string, unknown>; from: Record<string, 'network' | 'trust'>; problems: ConfigProblem[] } {
  const section: Record<string, unknown> = {};
  const from: Record<string, 'network' | 'trust'> = {};
  const problems: ConfigProblem[] = [];
  for (const key of ['resolvers', 'connectTo', 'ca']) {
    const own = network?.[key];
    const alias = trust?.[key];
    if (own !== undefined && alias !== undefined) {
      problems.push({ path: ['trust', key], message: `set in both network and trust; keep network.${key} and remove trust.${key} (an alias)` });
    }
    if (own !== undefined) {
      section[key] = own;
      from[key] = 'network';
    } else if (alias !== undefined) {
      section[key] = alias;
      from[key] = 'trust';
    }
  }
  return { section, from, problems };
}

/** Check the section (already schema-valid) and read the CA file; problems carry paths from the top. */
export function readNetworkOptions(data: { network?: Section; trust?: Section }, baseDir: string): { network: NetworkOptions; problems: ConfigProblem[] } {
  const { section, from, problems } = networkSectionOf(data.network, data.trust);
  const resolvers = stringList(section.resolvers);
  resolvers.forEach((value, index) => {
    const problem = resolverProblem(value);
    if (problem) problems.push({ path: [from.resolvers!, 'resolvers', index], message: problem });
  });
  const network: NetworkOptions = { resolvers, connectTo: stringList(section.connectTo), ca: [] };
  if (typeof section.ca === 'string') {
    const read = readCa(resolve(baseDir, section.ca), section.ca);
    if (typeof read === 'string') network.ca.push(read);
    else problems.push({ path: [from.ca!, 'ca'], message: read.problem });
  }
  return { network, problems };
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Why a resolver entry is unusable (not an IP address, a port out of range), or undefined. */
export function resolverProblem(value: string): string | undefined {
  const { host, port } = splitHostPort(value, 53);
  if (port < 1 || port > 65535) return `port ${port} is out of range; use 1-65535, e.g. 127.0.0.1:5353`;
  // Names would need a resolver to find the resolver: ask for the address the user means.
  if (isIP(host) === 0) return `"${value}" is not an IP address; give the DNS server's address, e.g. 1.1.1.1 or 127.0.0.1:5353`;
  return undefined;
}

function readCa(path: string, shown: string): string | { problem: string } {
  const read = readBoundedText(path, { maxBytes: MAX_CA_BYTES });
  if (read.kind === 'missing')
    return { problem: `"${shown}" cannot be read; give the path of a PEM file of extra trusted roots, relative to launch-ready.yml, e.g. ./ca.pem` };
  if (read.kind !== 'text')
    return { problem: `cannot read ${shown} (${'reason' in read ? read.reason : 'binary'}); give a readable PEM file of extra trusted roots` };
  if (!read.text.includes('-----BEGIN CERTIFICATE-----'))
    return { problem: `"${shown}" holds no PEM certificate; export the root as PEM (-----BEGIN CERTIFICATE-----)` };
  return read.text;
}
