// directus_settings.auth_password_policy: a regular expression every new password must match
// (written plain or as /.../). Directus echoes the refused password back in the error's
// `invalid` extension; Strata leaves it out.
import { DirectusError } from '../errors.js';

export function checkPasswordPolicy(policy: string | null | undefined, password: string): void {
  if (!policy) return;
  const wrapped = policy.length > 1 && policy.startsWith('/') && policy.endsWith('/');
  let re: RegExp;
  try {
    re = new RegExp(wrapped ? policy.slice(1, -1) : policy);
  } catch {
    return; // an invalid expression is ignored (Directus fails every password write with a 500)
  }
  if (!re.test(password)) {
    throw new DirectusError('FAILED_VALIDATION', `Validation failed for field "password". Value doesn't have the correct format.`, {
      field: 'password', path: [], type: 'regex',
    });
  }
}
