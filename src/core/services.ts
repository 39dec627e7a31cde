/**
 * Shared services a stage reaches through its context (`ctx.services`), so no stage builds its own
 * HTTP client, spawns processes its own way or talks to GitHub with a bare token. Each service has
 * one implementation in core (GitHub's in `src/github/`) and tests can pass doubles.
 */

/** One HTTP request. Redirects are not followed unless asked; bodies are always capped. */
export interface HttpRequest {
  url: string | URL;
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** Whole-request timeout (connect, headers and body), ms. */
  timeoutMs?: number;
  /** Keep at most this many bytes of the (decompressed) body; the rest is read and dropped. */
  maxBodyBytes?: number;
  /** Read and discard the body, counting its bytes (load traffic). */
  discardBody?: boolean;
  /** Follow up to this many redirects (same rules as browsers); 0 = none (the default). */
  followRedirects?: number;
  /** Verify TLS (default true); the trust stage verifies itself and passes false. */
  verifyTls?: boolean;
  /**
   * Find the address of a name yourself instead of the client's resolvers: asked after `connectTo`,
   * once per hop, on a fresh connection whose TLS name (SNI) stays the URL's host. The trust stage
   * passes its DNS client here, so an unknown DNS answer fails the request with that reason.
   */
  resolve?: (host: string) => Promise<string>;
  /**
   * Read the body only when this says so for the answer's status and headers; otherwise the
   * connection is dropped after the headers and `body` is empty (a redirect, a binary download).
   */
  bodyWanted?: (status: number, headers: HttpResponse['headers']) => boolean;
  /**
   * When the timeout passes, the signal aborts or the connection breaks while the body is arriving,
   * answer with what arrived (`truncated: true`) instead of failing: a page scanner wants its head.
   */
  keepPartialBody?: boolean;
  signal?: AbortSignal;
}

export interface HttpResponse {
  /** The URL that answered (after redirects when followed). */
  url: string;
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Up to `maxBodyBytes` of the body; empty with `discardBody`. */
  body: Uint8Array;
  /** Bytes of body received (after decompression), kept or not. */
  bodyBytes: number;
  /** True when the body was longer than `maxBodyBytes`. */
  truncated: boolean;
  /** Hops followed, in order. */
  redirects: { url: string; status: number }[];
  /** Milliseconds from the call: headers received, body done. */
  timings: { headersMs: number; totalMs: number };
}

/** Requests through one keep-alive pool of connections to one origin (load traffic). */
export interface HttpPool {
  request(request: HttpRequest): Promise<HttpResponse>;
  close(): Promise<void>;
}

/** The HTTP client every stage uses: honours `network` (connectTo, resolvers, ca). */
export interface HttpClient {
  request(request: HttpRequest): Promise<HttpResponse>;
  /** A pool of up to `connections` keep-alive sockets to `origin` (`https://host:port`). */
  pool(origin: string, options: { connections: number }): HttpPool;
}

/** A command from the repository's config (the env probe, rollback commands). */
export interface ProcessRequest {
  /** Run with `/bin/sh -c`. */
  command: string;
  cwd?: string;
  /**
   * Names of the gate's environment variables the command may see, beyond a minimal base (PATH,
   * HOME, LANG, TMPDIR...). The workflow token, `INPUT_*`, `ACTIONS_*` runner tokens and
   * launch-ready's own variables are never passed, even when named.
   */
  passEnv?: readonly string[];
  /** Variables the stage itself sets for the command (e.g. `LAUNCH_READY_CURRENT_RELEASE`). */
  env?: Record<string, string>;
  /** The command's process group is killed (TERM, then KILL) at this limit. */
  timeoutMs: number;
  signal?: AbortSignal;
  /** Each output line (stdout and stderr), already redacted, as it arrives. */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  /** How many of the last output lines to keep in the result (default 20). */
  keepLines?: number;
}

export interface ProcessResult {
  /** Null when the process was killed by a signal. */
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  aborted: boolean;
  durationMs: number;
  /** The last output lines, redacted. */
  lastLines: string[];
}

export interface ProcessRunner {
  run(request: ProcessRequest): Promise<ProcessResult>;
}

/** Poll until something holds or a deadline passes; both cancellable. */
export interface Waiter {
  /** Resolve after `ms`, or early (without throwing) when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /**
   * Call `check` every `intervalMs` until it returns a value other than `undefined`, `timeoutMs`
   * passes or `signal` aborts.
   */
  until<T>(
    check: () => Promise<T | undefined>,
    options: { timeoutMs: number; intervalMs: number; signal?: AbortSignal },
  ): Promise<{ value?: T; timedOut: boolean; aborted: boolean; elapsedMs: number }>;
}

/** Read access to the repository's GitHub API; the token stays in `src/github/`. */
export interface GitHubApi {
  owner: string;
  repo: string;
  /** GET one resource; `path` may hold `{owner}` and `{repo}`. The answer is untyped JSON: the caller narrows it. */
  get(path: string, query?: Record<string, string | number>): Promise<unknown>;
  /** GET every page of a list resource, up to `maxItems`; each item is untyped JSON the caller narrows. */
  paginate(path: string, query?: Record<string, string | number>, maxItems?: number): Promise<unknown[]>;
}

export interface StageServices {
  http: HttpClient;
  processes: ProcessRunner;
  wait: Waiter;
  /** Present when running as an action, or with GH_TOKEN/GITHUB_TOKEN and GITHUB_REPOSITORY. */
  github?: GitHubApi;
}

/** A GitHub API call that did not succeed; `status` is 0 when GitHub could not be reached. Thrown by {@link GitHubApi}. */
export class GitHubRequestError extends Error {
  override readonly name = 'GitHubRequestError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}
