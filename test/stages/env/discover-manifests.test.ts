import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { discoverFile } from '../../../src/stages/env/discover/index.js';

const fixtures = fileURLToPath(new URL('../../fixtures/env/manifests/', import.meta.url));
const read = (path: string) => discoverFile(path, readFileSync(fixtures + path, 'utf8'));
const summary = (path: string) => read(path).uses.map((u) => `${u.name}:${u.optional ? 'optional' : 'required'}:${u.line}`);

describe('env discovery: manifests', () => {
  it('reads docker-compose interpolation (only ${X:?} is required) and pass-through environment entries (optional)', () => {
    expect(summary('docker-compose.yml').sort()).toEqual(
      [
        'IMAGE_TAG:optional:3',
        'DATABASE_URL:optional:5',
        'SENTRY_DSN:required:8',
        'WORKERS:optional:13',
        'STRIPE_SECRET_KEY:optional:6',
        'REDIS_URL:optional:12',
      ].sort(),
    );
  });

  it('reads Kubernetes env entries (a literal value is optional, valueFrom is required) and notes envFrom', () => {
    const found = read('k8s/deployment.yaml');
    expect(found.uses.map((u) => `${u.name}:${u.optional ? 'optional' : 'required'}:${u.line}`)).toEqual(['SMTP_PASSWORD:required:12', 'APP_MODE:optional:15']);
    expect(found.envFrom).toEqual(['Secret app-secrets']);
  });

  it('reads workflow env maps: a key fed from secrets or vars must exist, a literal one is optional', () => {
    expect(summary('.github/workflows/deploy.yml')).toEqual(['NODE_VERSION:optional:4', 'DEPLOY_TOKEN:required:10', 'API_BASE:required:14']);
  });

  it('does not read a YAML file that is neither compose, a workflow nor Kubernetes', () => {
    expect(discoverFile('config/settings.yml', 'env:\n  - name: NOT_K8S\n').uses).toEqual([]);
  });

  it('reads declarations from an example file and reports its malformed line by number', () => {
    const found = read('.env.example');
    expect(found.declarations.map((d) => `${d.name}:${d.line}`)).toEqual(['DATABASE_URL:2', 'STRIPE_SECRET_KEY:3', 'LOG_LEVEL:4']);
    expect(found.problems).toEqual([{ file: '.env.example', line: 5, message: 'not KEY=VALUE (no "=")' }]);
  });

  it('reads env-spec decorators from a .env.schema file', () => {
    const found = read('.env.schema');
    expect(found.declarations.map((d) => `${d.name}:${d.required ? 'required' : 'optional'}:${d.sensitive ? 'sensitive' : 'plain'}`)).toEqual([
      'SESSION_SECRET:required:sensitive',
      'ANALYTICS_KEY:optional:sensitive',
      'PUBLIC_URL:required:plain',
    ]);
  });

  it('reads Prisma schema env() calls', () => {
    expect(discoverFile('prisma/schema.prisma', 'datasource db {\n  url = env("DATABASE_URL")\n}\n').uses.map((u) => u.name)).toEqual(['DATABASE_URL']);
  });
});
