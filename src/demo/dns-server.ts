import dns2 from 'dns2';

/** One record of the demo zone. `value` is the presentation form (`10 mx.example.` for MX). */
export interface ZoneRecord {
  /** Fully qualified, without the trailing dot. */
  name: string;
  type: 'A' | 'AAAA' | 'CNAME' | 'MX' | 'TXT' | 'CAA' | 'NS';
  ttl: number;
  /** TXT: one or more character strings; MX: `priority exchange`; CAA: `flags tag value`. */
  value: string | string[];
}

/** A running authoritative server for the demo zone, on loopback, UDP and TCP on one port. */
export interface DemoDnsServer {
  /** `127.0.0.1:PORT`, as `network.resolvers` takes it. */
  address: string;
  close(): Promise<void>;
}

const { Packet } = dns2;
const NXDOMAIN = 3;
type Question = { name: string; type: number; class: number };
type Answer = dns2.Packet.Resource;

function answerOf(record: ZoneRecord): Answer {
  const base = { name: record.name, type: Packet.TYPE[record.type], class: Packet.CLASS.IN, ttl: record.ttl };
  const text = Array.isArray(record.value) ? record.value.join(' ') : record.value;
  return new Packet.Resource({ ...base, ...recordData(record, text) });
}

/** The type-specific fields of a record, as dns2 encodes them. */
function recordData(record: ZoneRecord, text: string): Partial<Answer> {
  switch (record.type) {
    case 'A':
    case 'AAAA':
      return { address: text };
    case 'CNAME':
    case 'NS':
      return { domain: text };
    case 'MX': {
      const [priority, exchange] = text.split(/\s+/);
      return { priority: Number(priority), exchange: exchange ?? '' };
    }
    case 'TXT':
      return { data: Array.isArray(record.value) ? record.value : [record.value] };
    case 'CAA': {
      const [flags, tag, ...rest] = text.split(/\s+/);
      return { flags: Number(flags), tag: tag ?? 'issue', value: rest.join(' ').replace(/^"|"$/g, '') };
    }
  }
}

/**
 * The zone's answer to one question, as an authoritative server gives it: the records of that
 * name and type; NODATA (NOERROR, no answer) when the name has other types; NXDOMAIN otherwise.
 */
export function answerQuestion(zone: readonly ZoneRecord[], question: Question): { rcode: number; answers: Answer[] } {
  const name = question.name.toLowerCase().replace(/\.$/, '');
  const sameName = zone.filter((r) => r.name.toLowerCase() === name);
  if (sameName.length === 0) return { rcode: NXDOMAIN, answers: [] };
  const cname = sameName.find((r) => r.type === 'CNAME');
  const wanted = sameName.filter((r) => Packet.TYPE[r.type] === question.type);
  if (wanted.length === 0 && cname) return { rcode: 0, answers: [answerOf(cname)] };
  return { rcode: 0, answers: wanted.map(answerOf) };
}

/** Serve `zone` over real DNS (UDP and TCP) on 127.0.0.1, on one free port. */
export async function startDemoDns(zone: readonly ZoneRecord[]): Promise<DemoDnsServer> {
  // UDP and TCP on the same number: pick one, and try another if something holds it.
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = 20000 + Math.floor(Math.random() * 40000);
    const server = zoneServer(zone);
    const failed = new Promise<false>((resolve) => server.once('error', () => resolve(false)));
    const listening = server.listen({ udp: { port, address: '127.0.0.1' }, tcp: { port, address: '127.0.0.1' } }).then(() => true);
    if (await Promise.race([listening, failed])) {
      server.on('error', () => undefined);
      return { address: `127.0.0.1:${port}`, close: () => closeServer(server) };
    }
    await closeServer(server);
  }
  throw new Error('could not find a free loopback port for the demo DNS server');
}

function zoneServer(zone: readonly ZoneRecord[]): ReturnType<typeof dns2.createServer> {
  const server = dns2.createServer({
    udp: true,
    tcp: true,
    handle: (request, send) => {
      const response = Packet.createResponseFromRequest(request);
      const [question] = request.questions;
      response.header.aa = 1;
      if (question) {
        const { rcode, answers } = answerQuestion(zone, question);
        response.header.rcode = rcode;
        response.answers.push(...answers);
      }
      send(response);
    },
  });
  server.on('requestError', () => undefined);
  return server;
}

function closeServer(server: ReturnType<typeof dns2.createServer>): Promise<void> {
  return Promise.race([
    server
      .close()
      .then(() => undefined)
      .catch(() => undefined),
    new Promise<void>((resolve) => setTimeout(resolve, 500).unref()),
  ]);
}
