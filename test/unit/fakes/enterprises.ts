import type { ClientBinding } from '../../../shared/domain/client-binding';
import type { Grant } from '../../../shared/domain/access';
import type { AuditEntry } from '../../../shared/domain/audit';
import { DEFAULT_LANGUAGE, type EnterpriseProfile } from '../../../shared/domain/enterprise';
import type { EnterpriseNumber } from '../../../shared/domain/enterprise-number';
import type { ClientBindingsRepository } from '../../../shared/ports/client-bindings-repository';
import type { EnterpriseDetails, EnterprisesRepository, ProfileChanges } from '../../../shared/ports/enterprises-repository';

export interface RecordedAudit {
  enterpriseNumber: string;
  entry: AuditEntry;
}

/**
 * Profiles and grants in memory. Like the real repository, every write carries its audit
 * entries, and updateProfile writes nothing when there is nothing to change.
 */
export class FakeEnterprises implements EnterprisesRepository {
  readonly profiles = new Map<string, EnterpriseProfile>();
  readonly grants = new Map<string, Grant>();
  readonly audit: RecordedAudit[] = [];
  readonly updateCalls: Array<{ enterpriseNumber: string; changes: ProfileChanges; audit: AuditEntry[] }> = [];
  /** Every method call, in order, by name. */
  readonly calls: string[] = [];

  addProfile(profile: Partial<EnterpriseProfile> & Pick<EnterpriseProfile, 'enterpriseNumber'>): EnterpriseProfile {
    const full: EnterpriseProfile = { language: 'fr', digitalOnly: false, unreadCount: 0, ...profile };
    this.profiles.set(full.enterpriseNumber, full);
    return full;
  }

  addGrant(grant: Grant): Grant {
    this.grants.set(`${grant.enterpriseNumber}#${grant.ssin}`, grant);
    return grant;
  }

  async getProfile(enterpriseNumber: EnterpriseNumber): Promise<EnterpriseProfile | undefined> {
    this.calls.push('getProfile');
    const profile = this.profiles.get(enterpriseNumber);
    return profile ? structuredClone(profile) : undefined;
  }

  async register(enterpriseNumber: EnterpriseNumber, details: EnterpriseDetails, managers: Grant[], audit: AuditEntry[]): Promise<void> {
    this.calls.push('register');
    const current = this.profiles.get(enterpriseNumber);
    this.profiles.set(enterpriseNumber, {
      enterpriseNumber,
      digitalOnly: false,
      unreadCount: 0,
      ...current,
      name: details.name,
      language: details.language ?? current?.language ?? DEFAULT_LANGUAGE,
      ...(details.notificationEmail !== undefined ? { notificationEmail: details.notificationEmail } : {}),
    });
    for (const grant of managers) this.addGrant(structuredClone(grant));
    this.audit.push(...audit.map((entry) => ({ enterpriseNumber, entry: structuredClone(entry) })));
  }

  async updateProfile(enterpriseNumber: EnterpriseNumber, changes: ProfileChanges, audit: AuditEntry[]): Promise<void> {
    this.calls.push('updateProfile');
    this.updateCalls.push({ enterpriseNumber, changes: structuredClone(changes), audit: structuredClone(audit) });
    if (changes.notificationEmail === undefined && changes.language === undefined && changes.digitalOnly === undefined) return;
    const current = this.profiles.get(enterpriseNumber);
    if (!current) throw new Error(`no profile of ${enterpriseNumber} to update`);
    const next: EnterpriseProfile = { ...current };
    if (changes.notificationEmail !== undefined) next.notificationEmail = changes.notificationEmail;
    if (changes.language !== undefined) next.language = changes.language;
    if (changes.digitalOnly !== undefined) {
      next.digitalOnly = changes.digitalOnly.value;
      next.digitalOnlySince = changes.digitalOnly.since;
      next.digitalOnlyBy = changes.digitalOnly.by;
    }
    this.profiles.set(enterpriseNumber, next);
    this.audit.push(...audit.map((entry) => ({ enterpriseNumber, entry })));
  }

  async getGrant(enterpriseNumber: string, ssin: string): Promise<Grant | undefined> {
    this.calls.push('getGrant');
    const grant = this.grants.get(`${enterpriseNumber}#${ssin}`);
    return grant ? structuredClone(grant) : undefined;
  }

  async getProfileAndGrant(enterpriseNumber: EnterpriseNumber, ssin: string): Promise<{ profile?: EnterpriseProfile; grant?: Grant }> {
    this.calls.push('getProfileAndGrant');
    const profile = this.profiles.get(enterpriseNumber);
    const grant = this.grants.get(`${enterpriseNumber}#${ssin}`);
    return { ...(profile ? { profile: structuredClone(profile) } : {}), ...(grant ? { grant: structuredClone(grant) } : {}) };
  }

  async setUnreadCountExactUntil(enterpriseNumber: EnterpriseNumber, until: string, markedAt: string | undefined): Promise<void> {
    this.calls.push('setUnreadCountExactUntil');
    const profile = this.profiles.get(enterpriseNumber);
    if (profile && profile.unreadMarkedAt === markedAt) this.profiles.set(enterpriseNumber, { ...profile, unreadCountExactUntil: until });
  }

  async putUserGrant(grant: Grant & { role: 'USER' }, audit: AuditEntry): Promise<void> {
    this.calls.push('putUserGrant');
    this.grants.set(`${grant.enterpriseNumber}#${grant.ssin}`, structuredClone(grant));
    this.audit.push({ enterpriseNumber: grant.enterpriseNumber, entry: structuredClone(audit) });
  }

  async deleteUserGrant(enterpriseNumber: string, ssin: string, audit: AuditEntry): Promise<void> {
    this.calls.push('deleteUserGrant');
    this.grants.delete(`${enterpriseNumber}#${ssin}`);
    this.audit.push({ enterpriseNumber, entry: structuredClone(audit) });
  }

  async grantsOfEnterprise(enterpriseNumber: string): Promise<Grant[]> {
    this.calls.push('grantsOfEnterprise');
    return [...this.grants.values()].filter((grant) => grant.enterpriseNumber === enterpriseNumber).map((grant) => structuredClone(grant));
  }

  async grantsOfPerson(ssin: string): Promise<Grant[]> {
    this.calls.push('grantsOfPerson');
    return [...this.grants.values()].filter((grant) => grant.ssin === ssin).map((grant) => structuredClone(grant));
  }

  /** The calls that changed something (writes), by name. */
  get writes(): string[] {
    return this.calls.filter((name) => ['register', 'updateProfile', 'putUserGrant', 'deleteUserGrant'].includes(name));
  }
}

/** Machine clients bound to a sender or to a company. */
export class FakeClientBindings implements ClientBindingsRepository {
  readonly bindings = new Map<string, ClientBinding>();

  bind(binding: ClientBinding): this {
    this.bindings.set(binding.clientId, binding);
    return this;
  }

  async put(binding: ClientBinding): Promise<void> {
    this.bind({ ...binding });
  }

  async get(clientId: string): Promise<ClientBinding | undefined> {
    const binding = this.bindings.get(clientId);
    return binding ? { ...binding } : undefined;
  }
}
