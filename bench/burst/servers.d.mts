/** Types of servers.mjs for the TypeScript tests. */
export interface DemoServerOptions {
  freezeEveryMs?: number;
  freezeMs?: number;
  rateLimit?: { burst: number; perSecond: number; headers?: boolean };
  signupPostMs?: number;
  port?: number;
}
export interface DemoServer {
  url: string;
  close(): Promise<void>;
  stats: { requests: number };
}
export function startDemoServer(options?: DemoServerOptions): Promise<DemoServer>;
export function spawnDemoServer(args?: string[]): Promise<{ url: string; pid: number; close(): Promise<void> }>;
