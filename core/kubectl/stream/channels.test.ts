import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { attachStreams, channelMessage, decodeErrorChannel, EXEC_PROTOCOL, ExitCodeError } from './channels';
import { remoteCommandPath } from './remote-command';

const servers: WebSocketServer[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

/** A fake kubelet speaking v5 channels: `script` plays the remote side of one session. */
async function session(script: (remote: WebSocket, received: Buffer[]) => void) {
  const server = new WebSocketServer({ port: 0, handleProtocols: (p) => (p.has(EXEC_PROTOCOL) ? EXEC_PROTOCOL : false) });
  servers.push(server);
  await new Promise((r) => server.once('listening', r));
  const received: Buffer[] = [];
  server.on('connection', (remote) => {
    remote.on('message', (m: Buffer) => received.push(m));
    script(remote, received);
  });
  const socket = new WebSocket(`ws://127.0.0.1:${(server.address() as { port: number }).port}`, [EXEC_PROTOCOL]);
  await new Promise<void>((r) => socket.once('open', () => (socket.pause(), r()))); // as RestClient.webSocket hands it over
  return { socket, received };
}

const collect = (s: PassThrough) => {
  const chunks: Buffer[] = [];
  s.on('data', (c: Buffer) => chunks.push(c));
  return () => Buffer.concat(chunks).toString();
};

const exitStatus = (code: number) =>
  JSON.stringify({ kind: 'Status', status: 'Failure', reason: 'NonZeroExitCode', message: `command terminated with non-zero exit code`, details: { causes: [{ reason: 'ExitCode', message: String(code) }] } });

describe('v5 channel client', () => {
  it('demultiplexes stdout and stderr and succeeds on a Success status', async () => {
    const { socket } = await session((remote) => {
      remote.send(channelMessage(1, 'out1 '));
      remote.send(channelMessage(2, 'err'));
      remote.send(channelMessage(1, 'out2'));
      remote.send(channelMessage(3, JSON.stringify({ status: 'Success' })));
      remote.close();
    });
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const [out, err] = [collect(stdout), collect(stderr)];
    await attachStreams(socket, { stdout, stderr });
    expect(out()).toBe('out1 out2');
    expect(err()).toBe('err');
  });

  it('rejects with the exit code from the error channel', async () => {
    const { socket } = await session((remote) => {
      remote.send(channelMessage(3, exitStatus(3)));
      remote.close();
    });
    const failure = await attachStreams(socket, {}).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ExitCodeError);
    expect((failure as ExitCodeError).code).toBe(3);
    expect((failure as Error).message).toBe('command terminated with exit code 3');
  });

  it('forwards stdin on channel 0 and closes it with 255 0 at its end', async () => {
    const { socket, received } = await session((remote) => {
      remote.on('message', (m: Buffer) => {
        if (m[0] === 255) {
          remote.send(channelMessage(1, 'bye'));
          remote.close();
        }
      });
    });
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    const out = collect(stdout);
    const done = attachStreams(socket, { stdin, stdout });
    stdin.write('hello\n');
    stdin.end();
    await done;
    expect(received.map((m) => [...m])).toEqual([[0, ...Buffer.from('hello\n')], [255, 0]]);
    expect(out()).toBe('bye');
  });

  it('sends terminal sizes on the resize channel, the current one first', async () => {
    let resize!: (w: number, h: number) => void;
    const { socket, received } = await session((remote) => {
      setTimeout(() => {
        resize(100, 40);
        setTimeout(() => remote.close(), 20);
      }, 20);
    });
    await attachStreams(socket, {
      sizes: (send) => {
        send({ width: 80, height: 24 });
        resize = (width, height) => send({ width, height });
        return () => undefined;
      },
    });
    expect(received.map((m) => `${m[0]} ${m.subarray(1).toString()}`)).toEqual(['4 {"Width":80,"Height":24}', '4 {"Width":100,"Height":40}']);
  });
});

describe('decodeErrorChannel', () => {
  it('reads statuses as client-go does', () => {
    expect(decodeErrorChannel('')).toBeUndefined();
    expect(decodeErrorChannel('{"status":"Success"}')).toBeUndefined();
    expect(decodeErrorChannel('{"status":"Failure","message":"container not found (\\"x\\")"}')?.message).toBe('container not found ("x")');
    expect(decodeErrorChannel('{"status":"Failure","reason":"NonZeroExitCode"}')?.message).toBe('error stream protocol error: details must be set');
    expect(decodeErrorChannel('{"status":"Failure","reason":"NonZeroExitCode","details":{}}')?.message).toBe('error stream protocol error: no ExitCode cause given');
    expect(decodeErrorChannel(exitStatus(137))).toEqual(new ExitCodeError(137));
  });
});

describe('remoteCommandPath', () => {
  it('encodes the options as client-go does: keys sorted, false flags left out, one command per word', () => {
    expect(remoteCommandPath({ namespace: 'default', pod: 'solo', subresource: 'exec', container: 'solo', command: ['ls', '-l', 'a b'], stdin: false, stdout: true, stderr: true, tty: false })).toBe(
      '/api/v1/namespaces/default/pods/solo/exec?command=ls&command=-l&command=a+b&container=solo&stderr=true&stdout=true',
    );
    expect(remoteCommandPath({ namespace: 'ns', pod: 'p', subresource: 'attach', container: 'c', stdin: true, stdout: true, stderr: false, tty: true })).toBe(
      '/api/v1/namespaces/ns/pods/p/attach?container=c&stdin=true&stdout=true&tty=true',
    );
  });
});
