import assert from 'node:assert/strict';
import dc from 'node:diagnostics_channel';
import type { Socket } from 'node:net';
import { afterEach } from 'node:test';

/**
 * Fails every test of the file in which a socket tried to reach an address other than loopback,
 * so fetcher tests prove they never touch the internet. Call once at the top of a test file.
 */
export function failOnForeignConnections(): void {
  const foreignAttempts: string[] = [];
  dc.subscribe('net.client.socket', (message) => {
    const { socket } = message as { socket: Socket };
    socket.on('connectionAttempt', (address: string) => {
      if (!/^(127\.|::1$|::ffff:127\.)/.test(address)) foreignAttempts.push(address);
    });
  });
  afterEach(() => assert.deepEqual(foreignAttempts.splice(0), [], 'a test tried to connect to a non-loopback address'));
}
