/**
 * A loopback double of GitHub's REST API, checked against GitHub's published OpenAPI description
 * (`@octokit/openapi`, api.github.com). Every request is matched to an operation by method and path
 * template (a wrong path or verb is a violation), its path/query parameters and JSON body are
 * validated with Ajv against that operation, and every response a handler returns is validated
 * against the operation's response schema for that status. Handlers are registered by operationId,
 * so any test can serve any endpoint: `startGitHubDouble({ 'actions/list-environment-secrets': ... })`.
 * Tests assert `double.violations` is empty.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { Ajv, type ValidateFunction } from 'ajv';

type Json = Record<string, any>;

export interface DoubleRequest {
  operationId: string;
  method: string;
  /** The path without the query string. */
  path: string;
  /** Path parameters by name, as strings. */
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  headers: IncomingHttpHeaders;
}

export interface DoubleResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type OperationHandler = (request: DoubleRequest, double: GitHubDouble) => DoubleResponse | Promise<DoubleResponse>;

export interface GitHubDouble {
  /** Base URL to use as `GITHUB_API_URL`. */
  url: string;
  /** Every request that matched an operation, in order. */
  requests: DoubleRequest[];
  /** Contract breaks: unknown path/verb, bad parameter or body, a response that does not match the spec. */
  violations: string[];
  /** Register or replace the handler of an operation. */
  handle(operationId: string, handler: OperationHandler): void;
  close(): Promise<void>;
}

interface Operation {
  operationId: string;
  method: string;
  template: string;
  pattern: RegExp;
  paramNames: string[];
  literalSegments: number;
  spec: Json;
}

/** Statuses GitHub may send for any operation even where the description does not list them. */
const GENERIC_ERROR_STATUSES = new Set([401, 403, 404, 500, 502, 503]);

let loaded: { spec: Json; operations: Operation[]; ajv: Ajv } | undefined;

function load() {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const specPath = require.resolve('@octokit/openapi/generated/api.github.com.json');
  const spec = JSON.parse(readFileSync(specPath, 'utf8')) as Json;
  const operations: Operation[] = [];
  for (const [template, item] of Object.entries(spec.paths as Json)) {
    for (const [method, op] of Object.entries(item as Json)) {
      if (!['get', 'post', 'put', 'patch', 'delete', 'head'].includes(method)) continue;
      const paramNames: string[] = [];
      const source = template
        .split('/')
        .map((segment) => segment.replace(/\{([^}]+)\}/g, (_m, name: string) => (paramNames.push(name), '([^/]+)')).replace(/[.]/g, '\\.'))
        .join('/');
      operations.push({
        operationId: (op as Json).operationId,
        method: method.toUpperCase(),
        template,
        pattern: new RegExp(`^${source}$`),
        paramNames,
        literalSegments: template.split('/').filter((s) => s && !s.includes('{')).length,
        spec: op as Json,
      });
    }
  }
  // Literal segments win over parameters: /issues/comments/{id} before /issues/{number}/...
  operations.sort((a, b) => b.literalSegments - a.literalSegments);
  // OpenAPI 3.0 schemas: `nullable` is understood by Ajv; formats and examples are not checked.
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, validateSchema: false });
  ajv.addSchema({ components: { schemas: spec.components.schemas } }, 'github');
  loaded = { spec, operations, ajv };
  return loaded;
}

const validators = new Map<string, ValidateFunction>();

/** Compile a schema from the description; its `#/components/...` refs point into the description. */
function validatorFor(key: string, schema: Json): ValidateFunction {
  let validate = validators.get(key);
  if (!validate) {
    const rewritten = JSON.parse(JSON.stringify(schema).replace(/"#\/components\/schemas\//g, '"github#/components/schemas/')) as Json;
    validate = load().ajv.compile(rewritten);
    validators.set(key, validate);
  }
  return validate;
}

/** Follow a `$ref` to `#/components/{parameters,responses,requestBodies}/...`. */
function deref<T extends Json>(value: T): T {
  const ref = value?.$ref as string | undefined;
  if (!ref) return value;
  const [, , kind, name] = ref.split('/');
  return load().spec.components[kind!][name!] as T;
}

function problems(validate: ValidateFunction): string {
  return (validate.errors ?? [])
    .slice(0, 5)
    .map((e) => `${e.instancePath || '(root)'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`)
    .join('; ');
}

/** Start the double on a loopback port chosen by the OS. */
export async function startGitHubDouble(handlers: Record<string, OperationHandler> = {}): Promise<GitHubDouble> {
  const { operations } = load();
  const table = new Map(Object.entries(handlers));
  const double: GitHubDouble = {
    url: '',
    requests: [],
    violations: [],
    handle: (id, handler) => void table.set(id, handler),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  const send = (res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) => {
    const text = body === undefined ? '' : JSON.stringify(body);
    res.writeHead(status, { ...(text ? { 'content-type': 'application/json; charset=utf-8' } : {}), ...headers });
    res.end(text);
  };

  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://double');
    const method = (req.method ?? 'GET').toUpperCase();
    const raw = await new Promise<string>((resolve) => {
      let data = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (data += chunk));
      req.on('end', () => resolve(data));
    });
    const candidates = operations.filter((op) => op.pattern.test(url.pathname));
    const operation = candidates.find((op) => op.method === method);
    if (!operation) {
      const verbs = candidates.map((op) => op.method).join(', ');
      double.violations.push(
        `${method} ${url.pathname}: ${candidates.length ? `wrong verb (the description has ${verbs})` : 'no such path in the GitHub REST description'}`,
      );
      return send(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
    }
    const id = operation.operationId;
    const match = operation.pattern.exec(url.pathname)!;
    const params = Object.fromEntries(operation.paramNames.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]));
    checkParameters(operation, params, url.searchParams, double.violations);

    let body: unknown;
    const requestBody = operation.spec.requestBody ? deref(operation.spec.requestBody as Json) : undefined;
    if (raw) {
      try {
        body = JSON.parse(raw);
      } catch {
        double.violations.push(`${id}: request body is not JSON`);
      }
      const schema = requestBody?.content?.['application/json']?.schema as Json | undefined;
      if (!schema) double.violations.push(`${id}: sent a body, but the operation takes none`);
      else {
        const validate = validatorFor(`${id}:request`, schema);
        if (!validate(body)) double.violations.push(`${id}: request body: ${problems(validate)}`);
      }
    } else if (requestBody?.required) {
      double.violations.push(`${id}: request body required`);
    }

    const request: DoubleRequest = { operationId: id, method, path: url.pathname, params, query: url.searchParams, body, headers: req.headers };
    double.requests.push(request);
    const handler = table.get(id);
    if (!handler) {
      double.violations.push(`${id}: called, but the test registered no handler for it`);
      return send(res, 501, { message: `no handler for ${id}` });
    }
    const response = await handler(request, double);
    checkResponse(operation, response, double.violations);
    send(res, response.status, response.body, response.headers);
  };

  const server = createServer((req, res) => {
    serve(req, res).catch((error: unknown) => {
      double.violations.push(`double crashed: ${error instanceof Error ? error.message : String(error)}`);
      send(res, 500, { message: 'double crashed' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  double.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return double;
}

function checkParameters(operation: Operation, params: Record<string, string>, query: URLSearchParams, violations: string[]): void {
  const declared = ((operation.spec.parameters ?? []) as Json[]).map((p) => deref(p));
  for (const p of declared) {
    const value = p.in === 'path' ? params[p.name] : p.in === 'query' ? (query.get(p.name) ?? undefined) : undefined;
    if (value === undefined) continue;
    const schema = p.schema as Json;
    const typed = schema?.type === 'integer' || schema?.type === 'number' ? Number(value) : value;
    const validate = validatorFor(`${operation.operationId}:param:${p.name}`, schema ?? {});
    if (!validate(typed)) violations.push(`${operation.operationId}: parameter ${p.name}=${value}: ${problems(validate)}`);
  }
  const queryNames = new Set(declared.filter((p) => p.in === 'query').map((p) => p.name));
  for (const name of query.keys()) if (!queryNames.has(name)) violations.push(`${operation.operationId}: unknown query parameter ${name}`);
}

function checkResponse(operation: Operation, response: DoubleResponse, violations: string[]): void {
  const id = operation.operationId;
  const declared = operation.spec.responses?.[String(response.status)] as Json | undefined;
  const spec = declared
    ? deref(declared)
    : GENERIC_ERROR_STATUSES.has(response.status)
      ? { content: { 'application/json': { schema: { $ref: '#/components/schemas/basic-error' } } } }
      : undefined;
  if (!spec) {
    violations.push(
      `${id}: the handler answered ${response.status}, which the description does not list (${Object.keys(operation.spec.responses ?? {}).join(', ')})`,
    );
    return;
  }
  const schema = spec.content?.['application/json']?.schema as Json | undefined;
  if (!schema) {
    if (response.body !== undefined) violations.push(`${id}: ${response.status} has no body in the description`);
    return;
  }
  const validate = validatorFor(`${id}:response:${response.status}`, schema);
  if (!validate(response.body)) violations.push(`${id}: response ${response.status}: ${problems(validate)}`);
}
