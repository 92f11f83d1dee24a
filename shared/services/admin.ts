import type { Grant } from '../domain/access';
import type { AuditEntry } from '../domain/audit';
import type { ClientBinding } from '../domain/client-binding';
import type { EnterpriseProfile } from '../domain/enterprise';
import type { EnterpriseNumber } from '../domain/enterprise-number';
import { InvalidInputError } from '../domain/errors';
import type { Sender } from '../domain/sender';
import type { Ssin } from '../domain/ssin';
import type { Language } from '../domain/text';
import type { Ports } from '../ports';
import { authorizeOperator } from './access-control';
import type { Caller } from '../domain/caller';

/**
 * Ops register institutions, bind machine clients and register companies with their first access
 * managers. The ebox/admin scope, checked for every route from its contract, is an operator's
 * whole right: there is no grant to look up (authorizeOperator only names the actor).
 */
export async function putSender(deps: Pick<Ports, 'senders'>, sender: Sender): Promise<Sender> {
  const seen = new Set<string>();
  sender.documentTypes.forEach((type, index) => {
    if (seen.has(type.code)) {
      throw new InvalidInputError([
        { in: 'body', name: `documentTypes[${index}].code`, detail: `document type ${type.code} is listed twice`, value: type.code },
      ]);
    }
    seen.add(type.code);
  });
  await deps.senders.put(sender);
  return sender;
}

export async function putClient(deps: Pick<Ports, 'senders' | 'clientBindings'>, binding: ClientBinding): Promise<ClientBinding> {
  if (binding.senderId && !(await deps.senders.get(binding.senderId))) {
    throw new InvalidInputError([
      { in: 'body', name: 'senderId', kind: 'referencedResourceNotFound', detail: `no institution ${binding.senderId} is registered`, value: binding.senderId },
    ]);
  }
  await deps.clientBindings.put(binding);
  return binding;
}

export interface EnterpriseRegistration {
  name: string;
  notificationEmail?: string;
  language?: Language;
  accessManagers: Array<{ ssin: Ssin; name: string }>;
}

export async function putEnterprise(
  deps: Pick<Ports, 'enterprises' | 'clock'>,
  caller: Caller,
  enterpriseNumber: EnterpriseNumber,
  registration: EnterpriseRegistration,
): Promise<EnterpriseProfile> {
  const actor = authorizeOperator(caller);
  const at = deps.clock.now().toISOString();
  // Registering again keeps the grants that already stand (and their history): only what changes is written and recorded.
  const current = new Map((await deps.enterprises.grantsOfEnterprise(enterpriseNumber)).map((grant) => [grant.ssin, grant]));
  const managers: Grant[] = registration.accessManagers
    .filter((person) => {
      const existing = current.get(person.ssin);
      return existing?.role !== 'ACCESS_MANAGER' || existing.name !== person.name;
    })
    .map((person) => {
      const existing = current.get(person.ssin);
      const since =
        existing?.role === 'ACCESS_MANAGER' ? { grantedAt: existing.grantedAt, grantedBy: existing.grantedBy } : { grantedAt: at, grantedBy: actor };
      return { enterpriseNumber, ssin: person.ssin, name: person.name, role: 'ACCESS_MANAGER', ...since };
    });
  const audit: AuditEntry[] = managers.map((grant) => ({
    at,
    actor,
    action: current.get(grant.ssin)?.role === 'ACCESS_MANAGER' ? 'ACCESS_UPDATED' : 'ACCESS_MANAGER_GRANTED',
    detail: `${grant.name} (${grant.ssin})`,
  }));
  await deps.enterprises.register(
    enterpriseNumber,
    { name: registration.name, notificationEmail: registration.notificationEmail, language: registration.language },
    managers,
    audit,
  );
  const profile = await deps.enterprises.getProfile(enterpriseNumber);
  if (!profile) throw new Error(`enterprise ${enterpriseNumber} vanished after registration`);
  return profile;
}
