import type { Grant } from '../domain/access';
import type { Caller } from '../domain/caller';
import type { EnterpriseNumber } from '../domain/enterprise-number';
import { MissingPermissionError, NotFoundError } from '../domain/errors';
import type { Ssin } from '../domain/ssin';
import type { Ports } from '../ports';
import { authorizeCompany } from './access-control';

type Deps = Pick<Ports, 'enterprises' | 'clientBindings' | 'audit' | 'clock'>;

export async function listAccess(deps: Deps, caller: Caller, enterpriseNumber: EnterpriseNumber): Promise<Grant[]> {
  await authorizeCompany(deps, caller, enterpriseNumber, 'manage');
  return deps.enterprises.grantsOfEnterprise(enterpriseNumber);
}

/**
 * An access manager grants USER access: 201 when new, 200 otherwise. Granting again what is
 * already granted changes and records nothing; a new name is recorded as an update. ACCESS_MANAGER
 * grants come from ops only, and an access manager's grant cannot be changed here.
 */
export async function grantAccess(deps: Deps, caller: Caller, enterpriseNumber: EnterpriseNumber, ssin: Ssin, request: { role: string; name: string }) {
  const { actor } = await authorizeCompany(deps, caller, enterpriseNumber, 'manage');
  if (request.role !== 'USER')
    throw new MissingPermissionError('Access managers are appointed by the e-Box administrators; an access manager grants USER access only');
  const existing = await deps.enterprises.getGrant(enterpriseNumber, ssin);
  if (existing?.role === 'ACCESS_MANAGER') throw new MissingPermissionError(`${ssin} is an access manager; only the e-Box administrators change that`);
  if (existing?.name === request.name) return { grant: existing, created: false };
  const at = deps.clock.now().toISOString();
  const grant = {
    enterpriseNumber,
    ssin,
    name: request.name,
    role: 'USER' as const,
    grantedAt: existing?.grantedAt ?? at,
    grantedBy: existing?.grantedBy ?? actor,
  };
  const audit = existing
    ? { at, actor, action: 'ACCESS_UPDATED' as const, detail: `${existing.name} → ${request.name} (${ssin})` }
    : { at, actor, action: 'ACCESS_GRANTED' as const, detail: `${request.name} (${ssin})` };
  await deps.enterprises.putUserGrant(grant, audit);
  return { grant, created: !existing };
}

/** Revokes a USER at once: the next request of that person is refused. */
export async function revokeAccess(deps: Deps, caller: Caller, enterpriseNumber: EnterpriseNumber, ssin: Ssin): Promise<void> {
  const { actor } = await authorizeCompany(deps, caller, enterpriseNumber, 'manage');
  const existing = await deps.enterprises.getGrant(enterpriseNumber, ssin);
  if (!existing) throw new NotFoundError(`${ssin} has no access to the e-Box of ${enterpriseNumber}`);
  if (existing.role === 'ACCESS_MANAGER') throw new MissingPermissionError(`${ssin} is an access manager; only the e-Box administrators revoke that`);
  await deps.enterprises.deleteUserGrant(enterpriseNumber, ssin, {
    at: deps.clock.now().toISOString(),
    actor,
    action: 'ACCESS_REVOKED',
    detail: `${existing.name} (${ssin})`,
  });
}

/** The audit trail, newest first, for access managers only. */
export async function auditTrail(deps: Deps, caller: Caller, enterpriseNumber: EnterpriseNumber, pageSize: number, cursor?: string) {
  await authorizeCompany(deps, caller, enterpriseNumber, 'manage');
  return deps.audit.page(enterpriseNumber, pageSize, cursor);
}

/** Who the caller is and which companies' e-Boxes they may open. */
export async function whoAmI(deps: Pick<Ports, 'enterprises' | 'clientBindings'>, caller: Caller) {
  if (caller.kind === 'client') {
    const binding = await deps.clientBindings.get(caller.clientId);
    const profile = binding?.enterpriseNumber ? await deps.enterprises.getProfile(binding.enterpriseNumber as EnterpriseNumber) : undefined;
    return {
      clientId: caller.clientId,
      ...(binding?.senderId ? { senderId: binding.senderId } : {}),
      enterprises: binding?.enterpriseNumber ? [{ enterpriseNumber: binding.enterpriseNumber, ...(profile?.name ? { name: profile.name } : {}) }] : [],
    };
  }
  const grants = await deps.enterprises.grantsOfPerson(caller.ssin);
  const profiles = await Promise.all(grants.map((grant) => deps.enterprises.getProfile(grant.enterpriseNumber)));
  return {
    ssin: caller.ssin,
    name: caller.name,
    enterprises: grants.map((grant, index) => ({ enterpriseNumber: grant.enterpriseNumber, name: profiles[index]?.name ?? '', role: grant.role })),
  };
}
