import { call, clientToken, personToken, type ApiResponse } from './api';
import { adminToken, randomEnterpriseNumber, randomSsin, uniqueId } from './fixtures';

/**
 * People and machine clients around one company, for the access-management and tenant-isolation
 * tests. Everything is fresh per call (unique numbers, SSINs and client ids).
 */
export const PROBLEM_JSON = 'application/problem+json';
export const BELGIF = (name: string) => `urn:problem-type:belgif:${name}`;
export const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export interface Person {
  ssin: string;
  name: string;
  token: string;
}

export interface Company {
  enterpriseNumber: string;
  name: string;
  email: string;
  managers: Person[];
  /** The first access manager. */
  manager: Person;
  /** The admin client that registered the company (actor of ACCESS_MANAGER_GRANTED). */
  adminClientId: string;
}

export async function newPerson(name = `Person ${uniqueId('p')}`, scope?: string): Promise<Person> {
  const ssin = randomSsin();
  return { ssin, name, token: await personToken(ssin, name, scope === undefined ? {} : { scope }) };
}

/** Registers a company through the admin API, with distinctive data (name, email) and its access managers. */
export async function registerCompany(options: { managers?: number; language?: 'fr' | 'nl' | 'de' | 'en' } = {}): Promise<Company> {
  const adminClientId = uniqueId('ops');
  const admin = await clientToken(adminClientId, 'ebox/admin');
  const enterpriseNumber = randomEnterpriseNumber();
  const name = `Confidential Company ${uniqueId('co')}`;
  const email = `${uniqueId('secret-inbox')}@company.example`;
  const managers = await Promise.all(Array.from({ length: options.managers ?? 1 }, (_, index) => newPerson(`Manager ${index} ${uniqueId('m')}`)));
  const response = await call('PUT', `/v1/admin/enterprises/${enterpriseNumber}`, {
    token: admin,
    body: {
      name,
      notificationEmail: email,
      language: options.language ?? 'fr',
      accessManagers: managers.map(({ ssin, name: personName }) => ({ ssin, name: personName })),
    },
  });
  if (response.status !== 200) throw new Error(`enterprise: ${response.status} ${JSON.stringify(response.body)}`);
  return { enterpriseNumber, name, email, managers, manager: managers[0]!, adminClientId };
}

/** The access manager grants USER access to a new person; returns that person (scope ebox/read). */
export async function grantUser(company: Company, name = `User ${uniqueId('u')}`): Promise<Person> {
  const person = await newPerson(name);
  const response = await call('PUT', `/v1/enterprises/${company.enterpriseNumber}/access/${person.ssin}`, {
    token: company.manager.token,
    body: { role: 'USER', name },
  });
  if (response.status !== 201) throw new Error(`grant: ${response.status} ${JSON.stringify(response.body)}`);
  return person;
}

export async function revoke(company: Company, ssin: string): Promise<void> {
  const response = await call('DELETE', `/v1/enterprises/${company.enterpriseNumber}/access/${ssin}`, { token: company.manager.token });
  if (response.status !== 204) throw new Error(`revoke: ${response.status} ${JSON.stringify(response.body)}`);
}

/** Binds a machine client to a company (its own system) and mints a token with `scope`. */
export async function companyClient(enterpriseNumber: string, scope = 'ebox/read'): Promise<{ clientId: string; token: string }> {
  const clientId = uniqueId('erp');
  const response = await call('PUT', `/v1/admin/clients/${clientId}`, { token: await adminToken(), body: { enterpriseNumber } });
  if (response.status !== 200) throw new Error(`client: ${response.status} ${JSON.stringify(response.body)}`);
  return { clientId, token: await clientToken(clientId, scope) };
}

/** Asserts a problem+json refusal of the given status and belgif type. */
export function expectProblem(response: ApiResponse, status: number, type: string): void {
  expect({ status: response.status, contentType: response.headers.get('content-type'), type: response.body.type }).toEqual({
    status,
    contentType: PROBLEM_JSON,
    type,
  });
  expect(response.body.status).toBe(status);
}
