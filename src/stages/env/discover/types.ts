/** What discovery finds in one file and, merged, in a whole repository. */

/** How a variable is used: the language or the manifest that reads it. */
export type UseKind = 'js' | 'python' | 'ruby' | 'go' | 'compose' | 'k8s' | 'workflow' | 'schema';

/** One place a variable is read. */
export interface VariableUse {
  name: string;
  file: string;
  line: number;
  kind: UseKind;
  /** Read with a default (`?? "3000"`, `${X:-3000}`, `os.getenv("X", "info")`): absence is handled. */
  optional: boolean;
  /** Validated when the server starts (an env schema), so a missing value stops start-up. */
  startup?: boolean;
}

/** Where a variable is declared (an example file, an env-spec schema, a schema in code). */
export interface Declaration {
  name: string;
  file: string;
  line: number;
  kind: 'example' | 'schema-file' | 'schema-code';
  required?: boolean;
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

/** Everything one file tells us. */
export interface FileDiscovery {
  uses: VariableUse[];
  declarations: Declaration[];
  dynamic: DynamicAccess[];
  problems: FileProblem[];
  /** `envFrom` secret/configMap names (Kubernetes): variables we cannot enumerate. */
  envFrom: string[];
}

export function emptyDiscovery(): FileDiscovery {
  return { uses: [], declarations: [], dynamic: [], problems: [], envFrom: [] };
}
