/**
 * Roles a person holds on a company. ACCESS_MANAGER is granted by ops (admin API) and may grant
 * and revoke USER access; a USER reads the mailbox and keeps the company's contact preferences.
 */
export const ROLES = ['ACCESS_MANAGER', 'USER'] as const;
export type Role = (typeof ROLES)[number];

export const SCOPES = {
  publish: 'ebox/publish',
  read: 'ebox/read',
  admin: 'ebox/admin',
} as const;
export type Scope = (typeof SCOPES)[keyof typeof SCOPES];
