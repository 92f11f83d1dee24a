import type { Actor, Grant } from '../domain/access';
import type { Caller } from '../domain/caller';
import type { EnterpriseNumber } from '../domain/enterprise-number';
import { MissingPermissionError } from '../domain/errors';
import type { Ports } from '../ports';

export type CompanyNeed =
  /** Read the mailbox, mark messages: people with a grant and the company's own clients. */
  | 'mailbox'
  /** Change the contact preferences, reply, send: people with a grant. */
  | 'act'
  /** Grant, revoke, read the audit trail: access managers. */
  | 'manage';

export interface CompanyAccess {
  actor: Actor;
  grant?: Grant;
}

type Deps = Pick<Ports, 'enterprises' | 'clientBindings'>;

const actorOf = (caller: Caller): Actor =>
  caller.kind === 'person' ? { ssin: caller.ssin, ...(caller.name ? { name: caller.name } : {}) } : { clientId: caller.clientId };

/**
 * The e-Box's own authorisation: who may do what on a company's e-Box. Grants are read with a
 * strongly consistent read on every request, so a revocation takes effect on the very next one.
 */
export async function authorizeCompany(
  deps: Deps,
  caller: Caller,
  enterpriseNumber: EnterpriseNumber,
  need: CompanyNeed,
  /** The person's grant, when it was read along with other data (one consistent read); read here otherwise. */
  grantRead?: Promise<Grant | undefined>,
): Promise<CompanyAccess> {
  const refuse = (detail: string) => new MissingPermissionError(detail);
  if (caller.kind === 'client') {
    const binding = await deps.clientBindings.get(caller.clientId);
    if (binding?.enterpriseNumber !== enterpriseNumber) throw refuse(`Client ${caller.clientId} is not bound to enterprise ${enterpriseNumber}`);
    if (need !== 'mailbox') throw refuse('A machine client may read the mailbox but not act for the company or manage its access');
    return { actor: actorOf(caller) };
  }
  const read = await (grantRead ?? deps.enterprises.getGrant(enterpriseNumber, caller.ssin));
  // Fail closed on a grant read for someone or somewhere else.
  const grant = read?.ssin === caller.ssin && read.enterpriseNumber === enterpriseNumber ? read : undefined;
  if (!grant) throw refuse(`You have no access to the e-Box of enterprise ${enterpriseNumber}`);
  if (need === 'manage' && grant.role !== 'ACCESS_MANAGER') throw refuse(`Only an access manager of enterprise ${enterpriseNumber} may do this`);
  return { actor: actorOf(caller), grant };
}

/**
 * Runs a read alongside the authorisation check, failing closed: the read must have no effect,
 * and nothing it found or refused reaches the caller unless the check passed (a refusal wins over
 * whatever the read gave).
 */
export async function alongsideCheck<A, T>(check: Promise<A>, read: () => Promise<T>): Promise<[A, T]> {
  const [granted, data] = await Promise.allSettled([check, Promise.resolve().then(read)]);
  if (granted.status === 'rejected') throw granted.reason;
  if (data.status === 'rejected') throw data.reason;
  return [granted.value, data.value];
}

/** An institution's back office: the institution it acts for, and itself as the actor. */
export interface InstitutionAccess {
  senderId: string;
  clientId: string;
}

/** The institution a machine client acts for (delivery side); people and company clients are refused. */
export async function authorizeInstitution(deps: Pick<Ports, 'clientBindings'>, caller: Caller): Promise<InstitutionAccess> {
  if (caller.kind !== 'client') throw new MissingPermissionError("Only an institution's back office (a machine client) may use the delivery API");
  const binding = await deps.clientBindings.get(caller.clientId);
  if (!binding?.senderId) throw new MissingPermissionError(`Client ${caller.clientId} is not bound to an institution`);
  return { senderId: binding.senderId, clientId: caller.clientId };
}

/**
 * An e-Box operator (admin side). The ebox/admin scope, which the route requires, is the
 * operator's whole right: nothing to look up, the actor is what the audit trail records.
 */
export function authorizeOperator(caller: Caller): Actor {
  return actorOf(caller);
}

/** For what only a person may do for a company (reply, send): the person, once authorised. */
export async function authorizeCompanyPerson(deps: Deps, caller: Caller, enterpriseNumber: EnterpriseNumber, need: 'act' | 'manage') {
  if (caller.kind !== 'person') throw new MissingPermissionError('Only a person with access to the company may do this, not a machine client');
  const { actor } = await authorizeCompany(deps, caller, enterpriseNumber, need);
  return { actor, person: { ssin: caller.ssin, name: caller.name } };
}
