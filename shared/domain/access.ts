import type { EnterpriseNumber } from './enterprise-number';
import type { Role } from './roles';
import type { Ssin } from './ssin';

export interface Actor {
  ssin?: string;
  clientId?: string;
  name?: string;
}

/** A person's access to one company's e-Box. */
export interface Grant {
  enterpriseNumber: EnterpriseNumber;
  ssin: Ssin;
  name: string;
  role: Role;
  grantedAt: string;
  grantedBy: Actor;
}
