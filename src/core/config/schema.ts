import type { JsonSchema, StageDefinition } from '../stage.js';
import { FAIL_ON_VALUES } from '../severity.js';

/** Keys every stage honours: the top-level `network` section, also accepted in `trust` (an alias). */
export const NETWORK_PROPERTIES: Record<string, JsonSchema> = {
  resolvers: {
    type: 'array',
    items: { type: 'string', pattern: '^(\\[[0-9a-fA-F:.]+\\]|[^\\s:]+|[0-9a-fA-F:]+)(:[0-9]{1,5})?$' },
    description: 'DNS servers to ask, as an IP address or `ip:port` (IPv6 as `[::1]:53`). Default: the system resolvers.',
    errorMessage: 'expected a list of DNS server IP addresses, optionally with :port; e.g. ["1.1.1.1", "127.0.0.1:5353"]',
  },
  connectTo: {
    type: 'array',
    items: { type: 'string', pattern: '^[^:\\s]*:[0-9]*:[^\\s]*:[0-9]*$' },
    description: 'Like curl --connect-to: `HOST1:PORT1:HOST2:PORT2` sends HOST1:PORT1 traffic to HOST2:PORT2 (empty HOST1/PORT1 = any).',
    errorMessage: 'expected a list of HOST1:PORT1:HOST2:PORT2 rules as in curl --connect-to; e.g. [":443:127.0.0.1:8443"]',
  },
  ca: {
    type: 'string',
    description: 'PEM file of extra trusted root certificates, relative to launch-ready.yml.',
    errorMessage: 'expected the path of a PEM file; e.g. ./ca.pem',
  },
};

const CRITICAL_PATH: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: {
    id: { type: 'string', pattern: '^[a-z][a-z0-9-]*$', errorMessage: 'expected a short lowercase id; e.g. signup' },
    title: { type: 'string', description: 'Shown in the PR comment.' },
    hosts: { type: 'array', items: { type: 'string' }, description: 'Findings on these hosts break this path.' },
    urls: { type: 'array', items: { type: 'string' }, description: 'Findings at URLs starting with one of these break this path.' },
  },
};

/**
 * The JSON Schema of `launch-ready.yml`, composed from the core keys and each stage's section.
 * Written to `launch-ready.schema.json` by the build so editors (yaml-language-server) complete it.
 */
export function buildConfigSchema(stages: readonly StageDefinition<unknown>[], version: string): JsonSchema {
  const properties: Record<string, JsonSchema> = {
    $schema: { type: 'string', description: 'Editor hint; ignored.' },
    failOn: {
      enum: [...FAIL_ON_VALUES],
      default: 'blocker',
      description: 'Lowest severity that fails the gate (`never` reports without failing).',
      errorMessage: `expected one of ${FAIL_ON_VALUES.join(', ')}`,
    },
    criticalPaths: {
      type: 'array',
      items: CRITICAL_PATH,
      description: 'Critical paths, heaviest first; replaces the default list (signup, checkout, login, email, homepage, deploy).',
      errorMessage: 'expected a list of paths; e.g. [{id: signup, urls: ["https://app.example.com/signup"]}]',
    },
    network: {
      type: 'object',
      additionalProperties: false,
      properties: NETWORK_PROPERTIES,
      description: 'DNS servers, connect-to rules and extra trusted roots every stage honours (the same keys in `trust` are an alias).',
      errorMessage: 'expected a mapping; e.g. {resolvers: ["1.1.1.1"], connectTo: [":443:127.0.0.1:8443"], ca: ./ca.pem}',
    },
  };
  for (const stage of stages) {
    const section = stage.configSchema;
    const own = (section.properties ?? {}) as Record<string, JsonSchema>;
    const extra = stage.id === 'trust' ? NETWORK_PROPERTIES : {};
    properties[stage.id] = {
      ...section,
      type: 'object',
      additionalProperties: false,
      description: `${stage.title}: ${stage.description}`,
      properties: {
        enabled: { type: 'boolean', default: true, description: 'Set false to leave this stage out of `check`.' },
        maxMinutes: {
          type: 'number',
          exclusiveMinimum: 0,
          maximum: 360,
          default: 15,
          description: 'The most this stage may take; past it the stage is stopped and reports `error`, and the rest of the gate still reports.',
          errorMessage: 'expected minutes above 0 and at most 360; e.g. 15',
        },
        ...extra,
        ...own,
      },
      errorMessage: section.errorMessage ?? `expected a mapping of ${stage.id} settings`,
    };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `https://launch-ready.dev/schema/v${version.split('.')[0]}/launch-ready.schema.json`,
    title: 'launch-ready.yml',
    description: 'Configuration of the launch-ready pre-deploy gate.',
    type: 'object',
    additionalProperties: false,
    properties,
  };
}
