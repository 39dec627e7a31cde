import { createHttpClient } from '../../src/core/http.js';
import { createProcessRunner } from '../../src/core/process.js';
import { SecretRegistry } from '../../src/core/redaction.js';
import type { NetworkOptions, StageContext } from '../../src/core/stage.js';
import { createWaiter } from '../../src/core/wait.js';

/** A stage context as the core builds it, with the real shared services, for calling `stage.run` directly. */
export function stageContext<O>(options: O, extra: Partial<Omit<StageContext<O>, 'options'>> & { baseDir: string }): StageContext<O> {
  const network: NetworkOptions = extra.network ?? { resolvers: [], connectTo: [], ca: [] };
  const secrets = extra.secrets ?? new SecretRegistry();
  const env = extra.env ?? {};
  return {
    options,
    network,
    signal: new AbortController().signal,
    secrets,
    progress: () => undefined,
    env,
    services: { http: createHttpClient(network), processes: createProcessRunner({ secrets, env }), wait: createWaiter() },
    ...extra,
  };
}
