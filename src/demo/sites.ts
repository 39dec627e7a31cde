import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Socket } from 'node:net';
import { createSecureContext, type SecureContext } from 'node:tls';
import type { DemoCertificate } from './ca.js';

/** A loopback server of the demo launch. */
export interface DemoServer {
  port: number;
  close(): Promise<void>;
}

export type DemoHandler = (req: IncomingMessage, res: ServerResponse, secure: boolean) => void;

/** Listen on a free loopback port; `close()` also ends kept-alive connections (load leaves many). */
function serve(server: Server): Promise<DemoServer> {
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };
  server.on('connection', track);
  server.on('secureConnection', track);
  server.on('clientError', (_error, socket) => socket.destroy());
  server.keepAliveTimeout = 5_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = address !== null && typeof address === 'object' ? address.port : 0;
      resolve({
        port,
        close: () =>
          new Promise((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

/** Plain HTTP (port 80's stand-in): the handler redirects to HTTPS. */
export function startHttpSite(handler: DemoHandler): Promise<DemoServer> {
  return serve(createHttpServer((req, res) => handler(req, res, false)));
}

/** HTTPS with SNI: each host name gets the certificate `certificateFor` picks (as a CDN edge would). */
export function startHttpsSite(certificateFor: (host: string) => DemoCertificate, fallback: DemoCertificate, handler: DemoHandler): Promise<DemoServer> {
  const contexts = new Map<string, SecureContext>();
  const contextFor = (host: string) => {
    const certificate = certificateFor(host.toLowerCase());
    let context = contexts.get(certificate.cert);
    if (!context) {
      context = createSecureContext({ key: certificate.key, cert: certificate.chain });
      contexts.set(certificate.cert, context);
    }
    return context;
  };
  const server = createHttpsServer({ key: fallback.key, cert: fallback.chain, SNICallback: (host, done) => done(null, contextFor(host)) }, (req, res) =>
    handler(req, res, true),
  );
  return serve(server);
}
