import { createClient } from '@redis/client';

const create = (url: string) => createClient({ url });
export type RedisClient = ReturnType<typeof create>;

/** A connected client of its own, for the atomic primitives keyv does not offer (SET NX PX, scripts). */
export async function connectRedis(url: string): Promise<RedisClient> {
  const client = create(url);
  client.on('error', () => {
    // reconnects on its own; each command still fails loudly
  });
  await client.connect();
  return client;
}
