import type { AuditEntry } from '../domain/audit';
import type { Caller } from '../domain/caller';
import { callerId } from '../domain/caller';
import { DEFAULT_LANGUAGE, type EnterpriseProfile } from '../domain/enterprise';
import type { EnterpriseNumber } from '../domain/enterprise-number';
import { NotFoundError } from '../domain/errors';
import type { Language } from '../domain/text';
import type { Ports } from '../ports';
import type { ProfileChanges } from '../ports/enterprises-repository';
import { authorizeCompany, authorizeInstitution } from './access-control';

type Deps = Pick<Ports, 'enterprises' | 'clientBindings' | 'messages' | 'clock'>;

/** The stored counter still counts unread messages that expired but TTL has not removed yet. */
async function withLiveUnreadCount(deps: Deps, profile: EnterpriseProfile): Promise<EnterpriseProfile> {
  if (profile.unreadCount === 0) return profile;
  const expired = await deps.messages.countExpiredUnread(profile.enterpriseNumber, deps.clock.now());
  return { ...profile, unreadCount: Math.max(0, profile.unreadCount - expired) };
}

/** Any company with a valid number can receive, so an unregistered one still has a (blank) profile. */
const blankProfile = (enterpriseNumber: EnterpriseNumber): EnterpriseProfile => ({
  enterpriseNumber,
  language: DEFAULT_LANGUAGE,
  digitalOnly: false,
  unreadCount: 0,
});

export async function getProfile(deps: Deps, caller: Caller, enterpriseNumber: EnterpriseNumber): Promise<EnterpriseProfile> {
  await authorizeCompany(deps, caller, enterpriseNumber, 'mailbox');
  const profile = await deps.enterprises.getProfile(enterpriseNumber);
  return profile ? withLiveUnreadCount(deps, profile) : blankProfile(enterpriseNumber);
}

export interface ProfilePatch {
  notificationEmail?: string;
  language?: Language;
  digitalOnly?: boolean;
}

/** Users and access managers keep the notification email, language and consent; each change is audited. */
export async function patchProfile(deps: Deps, caller: Caller, enterpriseNumber: EnterpriseNumber, patch: ProfilePatch): Promise<EnterpriseProfile> {
  const { actor } = await authorizeCompany(deps, caller, enterpriseNumber, 'act');
  const current = await deps.enterprises.getProfile(enterpriseNumber);
  if (!current) throw new NotFoundError(`Enterprise ${enterpriseNumber} is not registered`);
  const at = deps.clock.now().toISOString();
  const changes: ProfileChanges = {};
  const audit: AuditEntry[] = [];
  if (patch.notificationEmail !== undefined && patch.notificationEmail !== current.notificationEmail) {
    changes.notificationEmail = patch.notificationEmail;
    audit.push({ at, actor, action: 'NOTIFICATION_EMAIL_CHANGED', detail: `${current.notificationEmail ?? '(none)'} → ${patch.notificationEmail}` });
  }
  if (patch.language !== undefined && patch.language !== current.language) {
    changes.language = patch.language;
    audit.push({ at, actor, action: 'LANGUAGE_CHANGED', detail: `${current.language} → ${patch.language}` });
  }
  if (patch.digitalOnly !== undefined && patch.digitalOnly !== current.digitalOnly) {
    changes.digitalOnly = { value: patch.digitalOnly, since: at, by: callerId(caller) };
    audit.push({ at, actor, action: 'DIGITAL_ONLY_CHANGED', detail: `${current.digitalOnly} → ${patch.digitalOnly}` });
  }
  await deps.enterprises.updateProfile(enterpriseNumber, changes, audit);
  return withLiveUnreadCount(deps, { ...current, ...patch, ...(changes.digitalOnly ? { digitalOnlySince: at } : {}) });
}

/** What institutions may know: whether the company asked to receive everything digitally. */
export async function getPreferences(deps: Pick<Ports, 'enterprises' | 'clientBindings'>, caller: Caller, enterpriseNumber: EnterpriseNumber) {
  await authorizeInstitution(deps, caller);
  const profile = await deps.enterprises.getProfile(enterpriseNumber);
  return {
    enterpriseNumber,
    digitalOnly: profile?.digitalOnly ?? false,
    ...(profile?.digitalOnly && profile.digitalOnlySince ? { digitalOnlySince: profile.digitalOnlySince } : {}),
  };
}
