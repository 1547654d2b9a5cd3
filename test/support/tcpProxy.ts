import net from 'node:net';

// A TCP hop between the service and Azurite that a test can break: refuse new connections (storage
// down), or pass a request on and cut the connection before the answer comes back (storage gone
// mid-request: the write may or may not have happened, the caller cannot know), or take requests and
// never answer (storage hangs, as a paused emulator or a stuck network path does).

export type ProxyMode = 'pass' | 'refuse' | 'cutAfterRequest' | 'hang';

export interface TcpProxy {
  port: number;
  mode: ProxyMode;
  /** Switches mode and drops the connections open now (the SDK keeps some alive between requests). */
  set(mode: ProxyMode): void;
  /** Requests that reached the other side while cutting. */
  cutRequests: number;
  /** In cutAfterRequest: only requests whose bytes match are cut (e.g. /\$batch/, the transactions); others pass. */
  cutMatching?: RegExp;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const proxy: TcpProxy = {
    port: 0,
    mode: 'pass',
    cutRequests: 0,
    set(mode) {
      proxy.mode = mode;
      for (const socket of sockets) socket.destroy();
    },
    close: async () => {},
  };
  const server = net.createServer((client) => {
    track(client);
    if (proxy.mode === 'refuse') {
      client.destroy();
      return;
    }
    if (proxy.mode === 'hang') {
      client.resume();
      return;
    }
    const upstream = net.connect(target.port, target.host);
    track(upstream);
    let doomed = false;
    client.on('data', (chunk: Buffer) => {
      if (proxy.mode === 'cutAfterRequest' && (!proxy.cutMatching || proxy.cutMatching.test(chunk.toString('latin1')))) doomed = true;
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (doomed) {
        proxy.cutRequests++;
        client.destroy();
        upstream.destroy();
      } else client.write(chunk);
    });
    upstream.on('close', () => client.destroy());
    client.on('close', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.port = (server.address() as net.AddressInfo).port;
  proxy.close = () => {
    for (const socket of sockets) socket.destroy();
    return new Promise((resolve) => server.close(() => resolve()));
  };
  return proxy;
}
