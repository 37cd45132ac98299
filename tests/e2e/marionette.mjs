// A minimal Marionette client: Firefox's built-in remote protocol, enabled with `-marionette` and
// the pref `marionette.port`. Frames are `<byte length>:<JSON>`; the server first sends
// {"applicationType":"gecko","marionetteProtocol":3}, then answers each command
// [0, id, name, params] with [1, id, error, result]. No geckodriver, no WebDriver HTTP layer.

import net from 'node:net';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A free TCP port on 127.0.0.1 (closed again before Firefox binds it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

export class MarionetteError extends Error {
  constructor(name, error) {
    super(`${name}: ${error?.error ?? 'error'}: ${error?.message ?? JSON.stringify(error)}`);
    this.data = error;
  }
}

/**
 * Connect to Marionette on `port`, retrying until `deadline` (Firefox opens the port a moment after
 * it starts). Resolves to { send(name, params, timeoutMs), close() }.
 */
export async function connectMarionette(port, deadline) {
  let socket;
  for (;;) {
    try {
      socket = await new Promise((resolve, reject) => {
        const s = net.connect(port, '127.0.0.1');
        s.once('connect', () => resolve(s));
        s.once('error', reject);
      });
      break;
    } catch (e) {
      if (Date.now() > deadline) throw new Error(`Marionette did not listen on port ${port}: ${e.message}`);
      await sleep(200);
    }
  }

  let buffer = Buffer.alloc(0);
  let nextId = 0;
  const pending = new Map();
  let greeting;
  const greeted = new Promise((resolve) => (greeting = resolve));
  let closedError = null;

  socket.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const colon = buffer.indexOf(0x3a);
      if (colon < 0) return;
      const length = Number(buffer.subarray(0, colon).toString('ascii'));
      if (!Number.isFinite(length) || buffer.length < colon + 1 + length) return;
      const packet = JSON.parse(buffer.subarray(colon + 1, colon + 1 + length).toString('utf8'));
      buffer = buffer.subarray(colon + 1 + length);
      if (!Array.isArray(packet)) {
        greeting(packet);
        continue;
      }
      const [, id, error, result] = packet;
      const waiter = pending.get(id);
      if (!waiter) continue;
      pending.delete(id);
      clearTimeout(waiter.timer);
      if (error) waiter.reject(new MarionetteError(waiter.name, error));
      else waiter.resolve(result);
    }
  });
  const fail = (e) => {
    closedError = e;
    for (const waiter of pending.values()) {
      clearTimeout(waiter.timer);
      waiter.reject(e);
    }
    pending.clear();
  };
  socket.on('error', (e) => fail(new Error(`Marionette connection failed: ${e.message}`)));
  socket.on('close', () => fail(new Error('Marionette connection closed')));

  const hello = await Promise.race([greeted, sleep(Math.max(1000, deadline - Date.now())).then(() => null)]);
  if (!hello || hello.marionetteProtocol !== 3) throw new Error(`unexpected Marionette greeting ${JSON.stringify(hello)}`);

  return {
    send(name, params = {}, timeoutMs = 30_000) {
      if (closedError) return Promise.reject(closedError);
      return new Promise((resolve, reject) => {
        const id = ++nextId;
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`${name}: no answer from Marionette after ${timeoutMs} ms`));
        }, timeoutMs);
        pending.set(id, { name, resolve, reject, timer });
        const body = Buffer.from(JSON.stringify([0, id, name, params]), 'utf8');
        socket.write(`${body.length}:`);
        socket.write(body);
      });
    },
    close() {
      socket.destroy();
    },
  };
}
