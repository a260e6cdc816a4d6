// Passwords are stored as argon2id hashes, as Directus stores them, so users carry over.
import { hash, verify } from '@node-rs/argon2';

export const hashPassword = (plain: string): Promise<string> => hash(plain);

export async function verifyPassword(stored: string | null, plain: string): Promise<boolean> {
  if (!stored) return false;
  try {
    return await verify(stored, plain);
  } catch {
    return false;
  }
}

// A real hash to verify against when the user does not exist, so an unknown email costs the
// same argon2 work as a wrong password (no user-enumeration by timing).
let dummy: Promise<string> | undefined;
export const dummyHash = () => (dummy ??= hash('strata-timing-equaliser'));
