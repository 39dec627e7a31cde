import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import { createSecureContext, type SecureContext } from 'node:tls';
import type { Leaf } from './tls-ca.js';

/** A loopback server the trust tests talk to. */
export interface Running {
  port: number;
  close(): Promise<void>;
}

function listen(server: Server | NetServer): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
}

function closer(server: Server | NetServer, sockets: Set<Socket>): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
}

function track(server: Server | NetServer): Set<Socket> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('secureConnection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return sockets;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, secure: boolean) => void;

/** Plain HTTP on loopback, routing by `Host` in `handler`. */
export async function startHttp(handler: Handler): Promise<Running> {
  const server = createHttpServer((req, res) => handler(req, res, false));
  const sockets = track(server);
  return { port: await listen(server), close: closer(server, sockets) };
}

/**
 * HTTPS with SNI: `certFor(servername)` picks the certificate per name (undefined = the default one).
 * `legacy: true` also accepts TLS 1.0/1.1 (OpenSSL 3 needs security level 0 for their ciphers).
 */
export async function startHttps(certFor: (servername: string) => Leaf | undefined, fallback: Leaf, handler: Handler, legacy = false): Promise<Running> {
  const contexts = new Map<string, SecureContext>();
  const contextOf = (leaf: Leaf) =>
    createSecureContext({ key: leaf.key, cert: leaf.chain, ...(legacy ? { minVersion: 'TLSv1' as const, ciphers: 'DEFAULT@SECLEVEL=0' } : {}) });
  const server = createHttpsServer(
    {
      key: fallback.key,
      cert: fallback.chain,
      ...(legacy ? { minVersion: 'TLSv1' as const, ciphers: 'DEFAULT@SECLEVEL=0' } : {}),
      SNICallback: (servername, done) => {
        const leaf = certFor(servername.toLowerCase());
        if (!leaf) return done(null, undefined);
        let context = contexts.get(servername);
        if (!context) contexts.set(servername, (context = contextOf(leaf)));
        done(null, context);
      },
    },
    (req, res) => handler(req, res, true),
  );
  const sockets = track(server);
  return { port: await listen(server), close: closer(server, sockets) };
}

/** A TCP server that resets every connection at once (a TLS server that "resets the connection"). */
export async function startResetServer(): Promise<Running> {
  const server = createNetServer((socket) => socket.resetAndDestroy());
  const sockets = track(server);
  return { port: await listen(server), close: closer(server, sockets) };
}

/** A UDP DNS "server" that answers every query with SERVFAIL, or never answers (`blackhole`). */
export async function startDnsResponder(mode: 'servfail' | 'blackhole'): Promise<Running & { address: string }> {
  const socket: UdpSocket = createSocket('udp4');
  socket.on('message', (query, peer) => {
    if (mode === 'blackhole' || query.length < 12) return;
    const answer = Buffer.from(query);
    // QR=1, opcode from query, RD copied; RA=1, RCODE=2 (SERVFAIL); no answer records.
    answer[2] = 0x80 | (query[2]! & 0x79);
    answer[3] = 0x80 | 0x02;
    answer.writeUInt16BE(0, 6);
    answer.writeUInt16BE(0, 8);
    answer.writeUInt16BE(0, 10);
    const questionEnd = endOfQuestion(query);
    socket.send(answer.subarray(0, questionEnd), peer.port, peer.address);
  });
  const port = await new Promise<number>((resolve) => socket.bind(0, '127.0.0.1', () => resolve(socket.address().port)));
  return { port, address: `127.0.0.1:${port}`, close: () => new Promise((resolve) => socket.close(() => resolve())) };
}

function endOfQuestion(query: Buffer): number {
  let offset = 12;
  while (offset < query.length && query[offset] !== 0) offset += query[offset]! + 1;
  return Math.min(offset + 5, query.length);
}

/** Answer with a body of `megabytes` MB, written with backpressure; a client that stops reading early ends it. */
export function sendHugeBody(res: ServerResponse, megabytes: number, headers: Record<string, string> = {}): void {
  res.writeHead(200, { 'content-type': 'text/html', ...headers });
  const chunk = Buffer.alloc(1 << 20, 'a');
  let sent = 0;
  const pump = () => {
    while (sent < megabytes) {
      sent++;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    res.end();
  };
  res.on('close', () => (sent = megabytes));
  pump();
}
