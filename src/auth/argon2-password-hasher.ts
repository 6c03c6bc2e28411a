import { hash, verify } from '@node-rs/argon2';

/** Algorithm.Argon2id of @node-rs/argon2 (a const enum, which isolated modules cannot import). */
const ARGON2ID = 2;
import type { PasswordHasher } from '../app/staff-ports.js';

/**
 * argon2id with OWASP's recommended minimum (19 MiB memory, 2 iterations, 1 lane); the
 * parameters are stored in each hash, so raising them later keeps old hashes verifiable.
 */
export const argon2PasswordHasher: PasswordHasher = {
  hash: (password) => hash(password, { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 }),
  async verify(stored, password) {
    try {
      return await verify(stored, password);
    } catch {
      // A malformed stored hash is a failed sign-in, not a crash.
      return false;
    }
  },
};
