import type { AuditEntry } from '../domain/audit';
import type { Caller } from '../domain/caller';
import { callerId } from '../domain/caller';
import { DEFAULT_LANGUAGE, type EnterpriseProfile } from '../domain/enterprise';
import type { EnterpriseNumber } from '../domain/enterprise-number';
import { NotFoundError } from '../domain/errors';
import type { Language } from '../domain/text';
import { logger } from '../logger';
import type { Ports } from '../ports';
import type { ProfileChanges } from '../ports/enterprises-repository';
import type { ExpiredUnread } from '../ports/messages-repository';
import { counterAloneIsExact, exactUntil } from '../domain/unread-count';
import { alongsideCheck, authorizeCompany, authorizeInstitution } from './access-control';

type Deps = Pick<Ports, 'enterprises' | 'clientBindings' | 'messages' | 'clock'>;

/**
 * The profile with its exact unread count. While the counter's bound holds (domain/unread-count.ts)
 * the stored counter is exact as it is. Otherwise the unread index tells which counted messages
 * expired: they are subtracted, then taken out of the counter, each once, so that the next readers
 * read the counter alone however long TTL takes to delete them; and once none is left, a new bound
 * spares the next readers the index until the next expiry.
 */
async function withLiveUnreadCount(deps: Deps, profile: EnterpriseProfile, now: Date): Promise<EnterpriseProfile> {
  if (counterAloneIsExact(profile, now)) return profile;
  const expired = await deps.messages.expiredStillCounted(profile.enterpriseNumber, now);
  // The count is exact already: a failure below only leaves the work to the next reader.
  await keepCounterExact(deps, profile, now, expired).catch((error: unknown) => {
    logger.warn('could not update the unread count after reading what expired', { error: error as Error, expired: expired.total });
  });
  return { ...profile, unreadCount: Math.max(0, profile.unreadCount - expired.total) };
}

async function keepCounterExact(deps: Deps, profile: EnterpriseProfile, now: Date, expired: ExpiredUnread): Promise<void> {
  const takenOut = await deps.messages.uncountExpired(profile.enterpriseNumber, expired.first);
  // A bound only once every expired message is out of the counter (after a mass expiry, the next readers take out the rest).
  if (!takenOut || expired.total > expired.first.length || !expired.next.known) return;
  const until = exactUntil(profile, now, expired.next.expiresAt);
  if (until !== undefined) await deps.enterprises.setUnreadCountExactUntil(profile.enterpriseNumber, until, profile.unreadMarkedAt);
}

/** Any company with a valid number can receive, so an unregistered one still has a (blank) profile. */
const blankProfile = (enterpriseNumber: EnterpriseNumber): EnterpriseProfile => ({
  enterpriseNumber,
  language: DEFAULT_LANGUAGE,
  digitalOnly: false,
  unreadCount: 0,
});

/** The profile with its live unread count; the expired messages it finds are taken out of the stored counter. */
export async function getProfile(deps: Deps, caller: Caller, enterpriseNumber: EnterpriseNumber): Promise<EnterpriseProfile> {
  const now = deps.clock.now();
  // A person's grant comes with the profile, in one consistent read.
  const stored =
    caller.kind === 'person'
      ? deps.enterprises.getProfileAndGrant(enterpriseNumber, caller.ssin)
      : deps.enterprises.getProfile(enterpriseNumber).then((profile) => ({ profile, grant: undefined }));
  const [, { profile }] = await alongsideCheck(
    authorizeCompany(
      deps,
      caller,
      enterpriseNumber,
      'mailbox',
      stored.then(({ grant }) => grant),
    ),
    () => stored,
  );
  return profile ? withLiveUnreadCount(deps, profile, now) : blankProfile(enterpriseNumber);
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
  return withLiveUnreadCount(deps, { ...current, ...patch, ...(changes.digitalOnly ? { digitalOnlySince: at } : {}) }, deps.clock.now());
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
