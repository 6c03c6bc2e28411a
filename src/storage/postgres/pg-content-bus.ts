import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { ContentChange, ContentEvents } from '../../app/content-events.js';

const CHANNEL = 'dateline_content_changes';
/** PostgreSQL caps a NOTIFY payload at 8000 bytes; larger changes are sent as "drop everything". */
const MAX_PAYLOAD = 7900;
const RECONNECT_MS = 2000;

interface Message { node: string; tags: string[] | null }

/** A ContentEvents that also tells the other app nodes sharing the database, over LISTEN/NOTIFY. */
export interface PgContentBus extends ContentEvents {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Several stateless app nodes each keep a page cache; a change committed on one must drop the
 * pages on all. Each node LISTENs on one channel and NOTIFYs its own changes; a node ignores
 * its own messages (it has already applied them locally). When the listening connection drops,
 * the node cannot know what it missed, so it tells its listeners to drop everything on reconnect.
 */
export function createPgContentBus(options: { connectionString: string; schema?: string | null; local: ContentEvents }): PgContentBus {
  const node = randomUUID();
  const { local } = options;
  const pool = new pg.Pool({ connectionString: options.connectionString, max: 2 });
  // The channel is per schema, so sites sharing one server do not invalidate each other.
  const channel = options.schema ? `${CHANNEL}_${options.schema}` : CHANNEL;
  let listener: pg.Client | null = null;
  let stopped = false;
  let reconnectTimer: NodeJS.Timeout | null = null;

  const connect = async (isReconnect: boolean): Promise<void> => {
    const client = new pg.Client({ connectionString: options.connectionString });
    client.on('notification', (message) => {
      if (message.channel !== channel || !message.payload) return;
      let parsed: Message;
      try {
        parsed = JSON.parse(message.payload) as Message;
      } catch {
        return;
      }
      if (parsed.node === node) return;
      local.publish({ tags: parsed.tags ?? ['*'] });
    });
    client.on('error', () => scheduleReconnect());
    client.on('end', () => scheduleReconnect());
    await client.connect();
    await client.query(`LISTEN "${channel}"`);
    listener = client;
    if (isReconnect) local.publish({ tags: ['*'] });
  };

  const scheduleReconnect = () => {
    if (stopped || reconnectTimer) return;
    listener = null;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = null;
      connect(true).catch(() => scheduleReconnect());
    }, RECONNECT_MS);
    reconnectTimer.unref();
  };

  return {
    subscribe: (fn) => local.subscribe(fn),
    publish(change: ContentChange) {
      local.publish(change);
      let payload = JSON.stringify({ node, tags: change.tags } satisfies Message);
      if (Buffer.byteLength(payload) > MAX_PAYLOAD) payload = JSON.stringify({ node, tags: null } satisfies Message);
      pool.query('SELECT pg_notify($1, $2)', [channel, payload]).catch((error: unknown) => {
        // Other nodes keep stale pages until their next change; say so rather than fail the write that already committed.
        console.error('Could not tell other app nodes about a change; their caches may be stale until the next one.', error);
      });
    },
    async start() {
      await connect(false);
    },
    async stop() {
      stopped = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      const client = listener;
      listener = null;
      await client?.end().catch(() => undefined);
      await pool.end();
    },
  };
}
