import type { Grant } from '../domain/access';
import type { AuditEntry } from '../domain/audit';
import type { EnterpriseProfile } from '../domain/enterprise';
import type { EnterpriseNumber } from '../domain/enterprise-number';
import type { Language } from '../domain/text';

/** What ops register about a company; consent and unread count are the company's own. */
export interface EnterpriseDetails {
  name: string;
  notificationEmail?: string;
  language?: Language;
}

export interface ProfileChanges {
  notificationEmail?: string;
  language?: Language;
  digitalOnly?: { value: boolean; since: string; by: string };
}

/**
 * A company's profile and the grants of its people. Every write carries the audit entries that
 * record it, and is stored with them or not at all.
 */
export interface EnterprisesRepository {
  getProfile(enterpriseNumber: EnterpriseNumber): Promise<EnterpriseProfile | undefined>;
  /** Registration by ops: name and contact details, and the access managers to (re)write. */
  register(enterpriseNumber: EnterpriseNumber, details: EnterpriseDetails, managers: Grant[], audit: AuditEntry[]): Promise<void>;
  /** Writes nothing when there is nothing to change. */
  updateProfile(enterpriseNumber: EnterpriseNumber, changes: ProfileChanges, audit: AuditEntry[]): Promise<void>;
  /** Strongly consistent: a revoked person is refused on the very next request. */
  getGrant(enterpriseNumber: string, ssin: string): Promise<Grant | undefined>;
  /** The profile and a person's grant, both strongly consistent, in one read. */
  getProfileAndGrant(enterpriseNumber: EnterpriseNumber, ssin: string): Promise<{ profile?: EnterpriseProfile; grant?: Grant }>;
  /**
   * Stores the bound before which the unread counter alone is exact (see domain/unread-count.ts),
   * unless a message was marked unread since the profile was read with `markedAt`: then nothing.
   */
  setUnreadCountExactUntil(enterpriseNumber: EnterpriseNumber, until: string, markedAt: string | undefined): Promise<void>;
  /** MissingPermissionError when the person became an access manager meanwhile. */
  putUserGrant(grant: Grant & { role: 'USER' }, audit: AuditEntry): Promise<void>;
  /** MissingPermissionError when the person is no longer a USER (appointed access manager, or gone). */
  deleteUserGrant(enterpriseNumber: string, ssin: string, audit: AuditEntry): Promise<void>;
  grantsOfEnterprise(enterpriseNumber: string): Promise<Grant[]>;
  grantsOfPerson(ssin: string): Promise<Grant[]>;
}
