import type { MessageKey } from '../i18n';

/** The API's password policy (api/src/Platform/Auth/PasswordPolicy.cs), checked before sending. */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

/**
 * What the console can tell before asking: length and the user name. The API also refuses common passwords; its
 * answer is shown next to the same field.
 */
export function passwordProblem(password: string | undefined, userName?: string): MessageKey | null {
  const value = password ?? '';
  if (value.length < PASSWORD_MIN) return 'password.tooShort';
  if (value.length > PASSWORD_MAX) return 'password.tooLong';
  const name = (userName ?? '').trim().toLowerCase();
  const lower = value.toLowerCase();
  if (name && (lower === name || (name.length >= 4 && lower.includes(name)))) return 'password.containsUserName';
  if (new Set(lower).size <= 2) return 'password.tooCommon';
  return null;
}
