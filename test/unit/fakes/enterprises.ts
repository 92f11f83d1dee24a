import type { EnterprisesRepository, ProfileChanges } from '../../../shared/adapters/dynamodb/enterprises-repository';
import type { ClientBinding, ClientsRepository } from '../../../shared/adapters/dynamodb/senders-repository';
import type { Grant } from '../../../shared/domain/access';
import type { AuditEntry } from '../../../shared/domain/audit';
import type { EnterpriseProfile } from '../../../shared/domain/enterprise';
import type { EnterpriseNumber } from '../../../shared/domain/enterprise-number';

type EnterprisePort = Pick<EnterprisesRepository, 'getProfile' | 'updateProfile' | 'getGrant' | 'putUserGrant' | 'deleteUserGrant' | 'grantsOfEnterprise' | 'grantsOfPerson'>;

export interface RecordedAudit {
  enterpriseNumber: string;
  entry: AuditEntry;
}

/**
 * Profiles and grants in memory. Like the real repository, every write carries its audit
 * entries, and updateProfile writes nothing when there is nothing to change.
 */
export class FakeEnterprises implements EnterprisePort {
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

  async updateProfile(enterpriseNumber: EnterpriseNumber, changes: ProfileChanges, audit: AuditEntry[]): Promise<void> {
    this.calls.push('updateProfile');
    this.updateCalls.push({ enterpriseNumber, changes: structuredClone(changes), audit: structuredClone(audit) });
    if (changes.notificationEmail === undefined && changes.language === undefined && changes.digitalOnly === undefined) return;
    const current = this.profiles.get(enterpriseNumber);
    if (!current) throw Object.assign(new Error('The conditional request failed'), { name: 'TransactionCanceledException' });
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
    return this.calls.filter((name) => name === 'putUserGrant' || name === 'deleteUserGrant' || name === 'updateProfile');
  }

  get port(): EnterprisesRepository {
    return this as unknown as EnterprisesRepository;
  }
}

/** Machine clients bound to a sender or to a company. */
export class FakeClientBindings implements Pick<ClientsRepository, 'get'> {
  readonly bindings = new Map<string, ClientBinding>();

  bind(binding: ClientBinding): this {
    this.bindings.set(binding.clientId, binding);
    return this;
  }

  async get(clientId: string): Promise<ClientBinding | undefined> {
    const binding = this.bindings.get(clientId);
    return binding ? { ...binding } : undefined;
  }

  get port(): ClientsRepository {
    return this as unknown as ClientsRepository;
  }
}
