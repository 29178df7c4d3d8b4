import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { RestClient } from '../rest';
import { forwardPorts, parseAddresses, parsePorts, PORT_FORWARD_PROTOCOL, tunnel } from './port-forward';
import { decodeHeaderBlock, encodeHeaderBlock, SPDY_DICTIONARY, type SpdyStream } from './spdy';

const servers: Server[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.closeAllConnections() ?? s.close()));

describe('SPDY pieces', () => {
  it('has the SPDY/3 header dictionary byte for byte', () => {
    expect(SPDY_DICTIONARY.length).toBe(1423);
    expect(createHash('sha256').update(SPDY_DICTIONARY).digest('hex')).toBe('51d27341373f923f3cd88e1eb7162aeaa3723d7585ff2399201dc06498407f02');
  });
  it('round-trips a header block with lowercased names', () => {
    expect(decodeHeaderBlock(encodeHeaderBlock({ streamType: 'data', port: '80' }))).toEqual({ streamtype: 'data', port: '80' });
  });
});

describe('port arguments', () => {
  it('parses ports as client-go does', () => {
    expect(parsePorts(['5000', '8888:5000', ':5000'])).toEqual([
      { local: 5000, remote: 5000 },
      { local: 8888, remote: 5000 },
      { local: 0, remote: 5000 },
    ]);
    expect(() => parsePorts(['1:2:3'])).toThrow("invalid port format '1:2:3'");
    expect(() => parsePorts(['x:80'])).toThrow(`error parsing local port 'x': strconv.ParseUint: parsing "x": invalid syntax`);
    expect(() => parsePorts(['80:70000'])).toThrow(`error parsing remote port '70000': strconv.ParseUint: parsing "70000": value out of range`);
    expect(() => parsePorts(['8080:0'])).toThrow('remote port must be > 0');
  });
  it('expands localhost and sorts addresses', () => {
    expect(parseAddresses(['localhost', '10.0.0.1']).map((a) => `${a.address} ${a.failureMode}`)).toEqual(['10.0.0.1 any', '127.0.0.1 all', '::1 all']);
    expect(() => parseAddresses(['nohost'])).toThrow('nohost is not a valid IP');
  });
});

/**
 * A fake kubelet: SPDY inside WebSocket, an upper-casing echo behind each data stream, the
 * stream headers it saw. `ws` refuses "/" in a subprotocol on both ends, so the offer is
 * checked and the answer written here.
 */
async function fakeKubelet(errorFor?: string) {
  const wss = new WebSocketServer({ noServer: true });
  wss.on('headers', (headers) => headers.push(`Sec-WebSocket-Protocol: ${PORT_FORWARD_PROTOCOL}`));
  const server = createServer();
  server.on('upgrade', (req, socket, head) => {
    expect(req.headers['sec-websocket-protocol']).toBe(PORT_FORWARD_PROTOCOL);
    delete req.headers['sec-websocket-protocol'];
    wss.handleUpgrade(req, socket, head, (remote) => wss.emit('connection', remote));
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const seen: Record<string, string>[] = [];
  wss.on('connection', (remote) => {
    const session = tunnel(remote, true);
    session.on('stream', (stream: SpdyStream) => {
      seen.push(stream.headers);
      if (stream.headers.streamtype === 'error') {
        stream.resume();
        stream.end(errorFor ?? '');
      } else stream.on('data', (c: Buffer) => stream.write(Buffer.from(c.toString().toUpperCase())));
    });
  });
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'c', server: `http://127.0.0.1:${(server.address() as { port: number }).port}`, skipTLSVerify: true }],
    users: [{ name: 'u' }],
    contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
    currentContext: 'x',
  });
  return { rest: RestClient.forConfig(kc), seen };
}

const collect = (s: PassThrough) => {
  const chunks: Buffer[] = [];
  s.on('data', (c: Buffer) => chunks.push(c));
  return () => Buffer.concat(chunks).toString();
};

async function open(rest: RestClient) {
  const { socket, protocol } = await rest.webSocket('/api/v1/namespaces/default/pods/p/portforward', [PORT_FORWARD_PROTOCOL]);
  expect(protocol).toBe(PORT_FORWARD_PROTOCOL);
  return socket;
}

function roundTrip(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const conn = connect(port, '127.0.0.1', () => conn.write(text));
    conn.on('data', (d) => {
      resolve(d.toString());
      conn.end();
    });
    conn.on('error', reject);
  });
}

describe('forwardPorts', () => {
  it('forwards bytes both ways over SPDY streams in the WebSocket, with kubectl headers and lines', async () => {
    const kubelet = await fakeKubelet();
    const socket = await open(kubelet.rest);
    const out = new PassThrough();
    const text = collect(out);
    const stop = new AbortController();
    const ports = [{ local: 0, remote: 80 }];
    const done = forwardPorts(socket, { addresses: parseAddresses(['127.0.0.1']), ports, out, errOut: new PassThrough(), stop: stop.signal });
    await expect.poll(() => ports[0]!.local).not.toBe(0);
    expect(await roundTrip(ports[0]!.local, 'hello')).toBe('HELLO');
    expect(await roundTrip(ports[0]!.local, 'again')).toBe('AGAIN');
    stop.abort();
    await done;
    expect(kubelet.seen).toEqual([
      { streamtype: 'error', port: '80', requestid: '0' },
      { streamtype: 'data', port: '80', requestid: '0' },
      { streamtype: 'error', port: '80', requestid: '1' },
      { streamtype: 'data', port: '80', requestid: '1' },
    ]);
    const p = ports[0]!.local;
    expect(text()).toBe(`Forwarding from 127.0.0.1:${p} -> 80\nHandling connection for ${p}\nHandling connection for ${p}\n`);
  });

  it('reports an error from the error stream and loses the connection, as kubectl does', async () => {
    const kubelet = await fakeKubelet('connection refused');
    const socket = await open(kubelet.rest);
    const errOut = new PassThrough();
    const errors = collect(errOut);
    const ports = [{ local: 0, remote: 81 }];
    const done = forwardPorts(socket, { addresses: parseAddresses(['127.0.0.1']), ports, out: new PassThrough(), errOut, stop: new AbortController().signal });
    await expect.poll(() => ports[0]!.local).not.toBe(0);
    const conn = connect(ports[0]!.local, '127.0.0.1', () => conn.end());
    await expect(done).rejects.toThrow('lost connection to pod');
    expect(errors()).toContain(`an error occurred forwarding ${ports[0]!.local} -> 81: connection refused`);
  });
});
