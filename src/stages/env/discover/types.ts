/** What discovery finds in one file and, merged, in a whole repository. */

/** How a variable is used: the language or the manifest that reads it. */
export type UseKind = 'js' | 'python' | 'ruby' | 'go' | 'compose' | 'k8s' | 'workflow' | 'schema' | 'prisma';

/** One place a variable is read. */
export interface VariableUse {
  name: string;
  file: string;
  line: number;
  kind: UseKind;
  /** Read with a default (`?? "3000"`, `${X:-3000}`, `os.getenv("X", "info")`): absence is handled. */
  optional: boolean;
  /** Validated when the server starts (an env schema, compose `:?`, a read that throws at module level), so a missing value stops start-up. */
  startup?: boolean;
  /** Read only on some branch (inside an `if`, `try`, a loop): the app may never need it, so it is not a sure requirement. */
  conditional?: boolean;
  /** Read by a schema library's mapping (`runtimeEnv: { X: process.env.X }`): the schema decides, not this read. */
  mapping?: boolean;
  /** Why this read makes the variable required or optional, in the user's words. */
  why?: string;
}

/** Where a variable is declared (an example file, an env-spec schema, a schema in code). */
export interface Declaration {
  name: string;
  file: string;
  line: number;
  kind: 'example' | 'schema-file' | 'schema-code';
  required?: boolean;
  /** A commented-out line of an example file (`# SENTRY_DSN=`): declared, optional. */
  commented?: boolean;
  /** The example gives no value (`KEY=`): someone must fill it in. */
  emptyValue?: boolean;
  /** Why the schema makes it required or optional (`z.string()` without `.optional()`). */
  why?: string;
  sensitive?: boolean;
}

/** `process.env[name]`: a read whose name is not static; reported, never guessed. */
export interface DynamicAccess {
  file: string;
  line: number;
  /** The access form, e.g. `process.env[…]`. */
  form: string;
}

/** A problem in a file discovery read (a malformed line in an example file). */
export interface FileProblem {
  file: string;
  line: number;
  message: string;
}

/** A project function that reads the variable named by its own parameter (`function env(name) { return process.env[name] }`). */
export interface HelperDefinition {
  name: string;
  file: string;
  line: number;
  language: 'js' | 'python';
  /** It throws (or exits) when the variable is unset, so a call without a default is a sure requirement. */
  throws: boolean;
  /** It reads with a getter (`os.getenv(name)`) that returns nothing when unset: its calls are optional. */
  getter?: boolean;
}

/** A call with a literal variable name (`env('X')`) that is a read when its callee is a helper. */
export interface HelperCall {
  callee: string;
  name: string;
  file: string;
  line: number;
  language: 'js' | 'python';
  /** More than the name is passed: a default (`envbool('X', False)`). */
  withDefault: boolean;
  conditional?: boolean;
}

/** Everything one file tells us. */
export interface FileDiscovery {
  uses: VariableUse[];
  declarations: Declaration[];
  dynamic: DynamicAccess[];
  problems: FileProblem[];
  /** `envFrom` secret/configMap names (Kubernetes): variables we cannot enumerate. */
  envFrom: string[];
  helpers: HelperDefinition[];
  calls: HelperCall[];
}

export function emptyDiscovery(): FileDiscovery {
  return { uses: [], declarations: [], dynamic: [], problems: [], envFrom: [], helpers: [], calls: [] };
}

/** Lines longer than this are generated or minified; only their start is scanned, so no scan grows with a line. */
export const MAX_LINE = 16 * 1024;

/** `line`, cut at {@link MAX_LINE}. */
export function capLine(line: string): string {
  return line.length > MAX_LINE ? line.slice(0, MAX_LINE) : line;
}
