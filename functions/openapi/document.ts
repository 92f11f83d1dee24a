import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { SCOPES, type Scope } from '../../shared/domain/roles';
import type { BelgifWaivers, ErrorStatus, ResponseHeader, SuccessResponse, Tag } from '../../shared/http/route-contract';
import { ROUTES, type RouteDefinition } from '../routes';
import { gatewayErrorSchema, problemSchema } from './problem-schema';
import { type DocumentSettings, documentSettings } from './settings';

/**
 * The OpenAPI 3.1 document, generated from the routes' contracts (ROUTES) and the zod schemas the
 * handlers validate with. zod 4 writes JSON Schema draft 2020-12, the dialect of OpenAPI 3.1:
 * request schemas as their input type (before transforms and defaults), responses as output.
 * Schemas with a `.meta({ id })` land in components/schemas and are referenced from there.
 *
 * It follows the belgif REST guide (belgif/rest-guide-validator's rules); what it keeps apart on
 * purpose carries the validator's `x-ignore-rules`, with the reason, on the object concerned.
 */

export type JsonSchema = z.core.JSONSchema.BaseSchema;

export interface Reference {
  $ref: string;
  description?: string;
}

export interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  description?: string;
  schema: JsonSchema;
}

/** belgif/rest-guide-validator's waivers: rule → why it does not apply here. */
type IgnoreRules = Readonly<Record<string, string>>;

interface HeaderObject {
  description: string;
  schema: JsonSchema;
}

interface MediaTypeObject {
  schema: JsonSchema;
}

export interface ResponseObject {
  description: string;
  headers?: Record<string, HeaderObject | Reference>;
  content?: Record<string, MediaTypeObject>;
}

export interface OperationObject {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  security: Array<Record<string, string[]>>;
  parameters?: Array<ParameterObject | Reference>;
  requestBody?: { required: boolean; content: Record<string, MediaTypeObject> };
  responses: Record<string, ResponseObject | Reference>;
}

export type HttpMethod = 'get' | 'put' | 'post' | 'patch' | 'delete';
type PathItemObject = Partial<Record<HttpMethod, OperationObject>> & { 'x-ignore-rules'?: IgnoreRules };

interface OAuthFlow {
  tokenUrl: string;
  authorizationUrl?: string;
  scopes: Record<string, string>;
}

interface SecuritySchemeObject {
  type: 'oauth2';
  description: string;
  flows: { clientCredentials?: OAuthFlow; authorizationCode?: OAuthFlow & { authorizationUrl: string } };
}

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string; contact: { name: string; email: string } };
  servers: Array<{ url: string; description: string; 'x-ignore-rules': IgnoreRules }>;
  tags: Array<{ name: string; description: string }>;
  paths: Record<string, PathItemObject>;
  components: {
    schemas: Record<string, JsonSchema>;
    responses: Record<string, ResponseObject>;
    parameters: Record<string, ParameterObject>;
    headers: Record<string, HeaderObject>;
    securitySchemes: Record<SecurityScheme, SecuritySchemeObject>;
  };
  'x-ignore-rules': IgnoreRules;
}

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';
const JSON_MEDIA_TYPE = 'application/json';
const SCHEMAS = '#/components/schemas/';

/** What each scope opens, as the security schemes describe it. */
const SCOPE_DESCRIPTIONS: Readonly<Record<Scope, string>> = {
  [SCOPES.publish]: "Publish to companies, follow what was published and read what companies sent (institutions' back offices)",
  [SCOPES.read]: "Read and manage a company's e-Box (its people, and its own systems for reading)",
  [SCOPES.admin]: 'Register institutions, machine clients and companies (the e-Box operators)',
};

/**
 * Who gets a token, and how: machine clients by client credentials, people by signing in through
 * the portal (authorization code + PKCE). A route's scope is required of every scheme that can
 * carry it, so an operation lists one requirement per scheme and scope, any one sufficing.
 */
export const SECURITY_SCHEMES = {
  MachineClient: [SCOPES.publish, SCOPES.read, SCOPES.admin],
  Person: [SCOPES.read],
} as const satisfies Record<string, readonly Scope[]>;
type SecurityScheme = keyof typeof SECURITY_SCHEMES;

const TAGS: Readonly<Record<Tag, string>> = {
  Service: 'Health and the contract itself (no token)',
  Admin: 'Institutions, machine clients and companies, for the e-Box operators (scope ebox/admin)',
  Delivery: "Publishing to companies, for institutions' back offices (a client bound to a sender, scope ebox/publish)",
  Retrieval: "A company's e-Box, for its people (with a grant) and its own systems (scope ebox/read)",
  'Access management': "Who may open a company's e-Box, for its access managers (scope ebox/read)",
};

/** `GET /v1/me`, as error messages name an operation. */
const operationKey = (route: Pick<RouteDefinition, 'method' | 'path'>): string => `${route.method} ${route.path}`;

/** `functions/delivery/publish-message/handler.ts` → `publishMessage`: one handler per route, so unique. */
const operationId = (route: Pick<RouteDefinition, 'handler'>): string => {
  const name = route.handler.split('/').at(-2) ?? route.handler;
  return name.replace(/-(\w)/g, (_match, letter: string) => letter.toUpperCase());
};

/** Names of the `{placeholders}` of an API Gateway path. */
export const pathParameterNames = (path: string): string[] => [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '');

/** Every operation's `default`: what API Gateway answers before or around the function, anywhere. */
const DEFAULT_RESPONSE = 'DefaultProblem';

const ERROR_RESPONSES: Readonly<Record<ErrorStatus | 500, { name: string; description: string }>> = {
  400: { name: 'BadRequest', description: 'badRequest: the input is invalid; `issues` names each offending field (`in`, `name`)' },
  401: { name: 'Unauthorized', description: 'noAccessToken, invalidAccessToken or expiredAccessToken' },
  403: { name: 'Forbidden', description: 'missingScope (with `requiredScopes`), or missingPermission: the caller may not do this' },
  404: { name: 'NotFound', description: 'resourceNotFound' },
  409: { name: 'Conflict', description: 'An e-Box conflict: externalIdConflict, notReplyable or messagesNotAccepted' },
  410: { name: 'Gone', description: 'documentExpired: the message expired and was deleted' },
  413: { name: 'PayloadTooLarge', description: 'payloadTooLarge' },
  415: { name: 'UnsupportedMediaType', description: 'unsupportedMediaType: only PDF documents are accepted' },
  500: { name: 'InternalServerError', description: 'internalServerError: quote the BelGov-Trace-Id header when reporting it' },
};

type HeaderName = ResponseHeader | 'BelGov-Trace-Id' | 'BelGov-Related-Trace-Id';

const HEADERS: Readonly<Record<HeaderName, HeaderObject>> = {
  'BelGov-Trace-Id': { description: 'Generated by the server for every response', schema: { type: 'string' } },
  'BelGov-Related-Trace-Id': {
    description: 'The BelGov-Trace-Id the client sent, if it is a plain token (at most 128 characters of A-Z a-z 0-9 . _ : -)',
    schema: { type: 'string' },
  },
  Location: { description: "The resource's address (for a 302, the short-lived download URL)", schema: { type: 'string' } },
  'Repr-Digest': {
    description: 'The SHA-256 of the document (RFC 9530)',
    schema: { type: 'string', example: 'sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:' },
  },
  'Cache-Control': { description: 'The download URL must not be cached', schema: { type: 'string', const: 'no-store' } },
};

/** `Repr-Digest` → `ReprDigest`: component names are UpperCamelCase (belgif oas-comp); the header keeps its name in each response. */
const componentName = (header: HeaderName): string => header.replaceAll('-', '');
const headerRef = (name: HeaderName): Reference => ({ $ref: `#/components/headers/${componentName(name)}` });
const traceHeaders = (): Record<string, Reference> => ({
  'BelGov-Trace-Id': headerRef('BelGov-Trace-Id'),
  'BelGov-Related-Trace-Id': headerRef('BelGov-Related-Trace-Id'),
});

/** Rewrites zod's local `#/$defs/X` references to `#/components/schemas/X`. */
function relocateRefs<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => relocateRefs(item)) as T;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([key, item]: [string, unknown]) => [
      key,
      key === '$ref' && typeof item === 'string' ? item.replace(/^#\/\$defs\//, SCHEMAS) : relocateRefs(item),
    ]);
    return Object.fromEntries(entries) as T;
  }
  return value;
}

/** Converts zod schemas and gathers the ones with an id into components/schemas. */
class SchemaComponents {
  readonly schemas: Record<string, JsonSchema> = {};

  convert(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
    // `unrepresentable: 'any'`: a transform seen as output (none today) becomes {} rather than crashing the document.
    const { $schema: _dialect, $defs, ...json } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' });
    for (const [id, definition] of Object.entries($defs ?? {})) this.add(id, relocateRefs(definition));
    return relocateRefs(json);
  }

  private add(id: string, schema: JsonSchema): void {
    const existing = this.schemas[id];
    if (existing !== undefined && !isDeepStrictEqual(existing, schema)) {
      throw new Error(`Two different schemas use the id ${id} (a request and a response shape, or two versions of one): give them distinct ids`);
    }
    this.schemas[id] = schema;
  }
}

function parametersOf(components: SchemaComponents, schema: z.ZodType, location: 'path' | 'query', key: string): ParameterObject[] {
  const json = components.convert(schema, 'input');
  if (json.type !== 'object' || json.properties === undefined) throw new Error(`${key}: the ${location} parameters must be a zod object`);
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties).map(([name, property]) => {
    const description = typeof property === 'object' ? property.description : undefined;
    return {
      name,
      in: location,
      required: location === 'path' || required.has(name),
      ...(description ? { description } : {}),
      schema: typeof property === 'object' ? property : {},
    };
  });
}

function successResponse(components: SchemaComponents, response: SuccessResponse): ResponseObject {
  const headers: Record<string, Reference> = { ...traceHeaders() };
  for (const name of response.headers ?? []) headers[name] = headerRef(name);
  return {
    description: response.description,
    headers,
    ...(response.schema ? { content: { [JSON_MEDIA_TYPE]: { schema: components.convert(response.schema, 'output') } } } : {}),
  };
}

function securityOf(route: RouteDefinition): Array<Record<string, string[]>> {
  // Each requirement alone suffices (OR): the token must carry one of the scopes, from whichever scheme can carry it.
  if (route.security === 'public') return [];
  const schemes = Object.entries(SECURITY_SCHEMES) as Array<[SecurityScheme, readonly Scope[]]>;
  return route.security.flatMap((scope) => schemes.filter(([, scopes]) => scopes.includes(scope)).map(([scheme]) => ({ [scheme]: [scope] })));
}

function securitySchemes(settings: DocumentSettings): Record<SecurityScheme, SecuritySchemeObject> {
  const scopes = (scheme: SecurityScheme) => Object.fromEntries(SECURITY_SCHEMES[scheme].map((scope) => [scope, SCOPE_DESCRIPTIONS[scope]]));
  const claims = 'The access token is a JWT from the OpenID issuer, verified by the API (signature, issuer, audience, expiry).';
  return {
    MachineClient: {
      type: 'oauth2',
      description: `Machine clients (institutions' back offices, companies' own systems, operators): the \`client_id\` claim, bound to an institution or a company by the operators. ${claims}`,
      flows: { clientCredentials: { tokenUrl: settings.tokenUrl, scopes: scopes('MachineClient') } },
    },
    Person: {
      type: 'oauth2',
      description: `People of companies, signed in through the e-Box portal (eID/itsme at the issuer; PKCE): the \`ssin\` and \`name\` claims. ${claims}`,
      flows: { authorizationCode: { authorizationUrl: settings.authorizationUrl, tokenUrl: settings.tokenUrl, scopes: scopes('Person') } },
    },
  };
}

const ignoreRules = (waivers: BelgifWaivers | undefined): { 'x-ignore-rules'?: IgnoreRules } =>
  waivers && Object.keys(waivers).length ? { 'x-ignore-rules': { ...waivers } } : {};

function operationObject(components: SchemaComponents, route: RouteDefinition): OperationObject {
  const key = operationKey(route);
  const parameters: Array<ParameterObject | Reference> = [
    ...(route.params ? parametersOf(components, route.params, 'path', key) : []),
    ...(route.query ? parametersOf(components, route.query, 'query', key) : []),
    { $ref: '#/components/parameters/BelGovTraceId' },
  ];
  const declared = parameters.flatMap((parameter) => ('in' in parameter && parameter.in === 'path' ? [parameter.name] : []));
  const expected = pathParameterNames(route.path);
  if (!isDeepStrictEqual([...declared].sort(), [...expected].sort())) {
    throw new Error(`${key}: the path parameters schema declares [${declared.join(', ')}], the path has [${expected.join(', ')}]`);
  }

  const responses: Record<string, ResponseObject | Reference> = {};
  for (const response of route.responses) responses[String(response.status)] = successResponse(components, response);
  for (const status of [...route.errors, 500 as const]) {
    const note = status === 500 ? undefined : route.errorNotes?.[status];
    responses[String(status)] = { $ref: `#/components/responses/${ERROR_RESPONSES[status].name}`, ...(note ? { description: note } : {}) };
  }
  responses.default = { $ref: `#/components/responses/${DEFAULT_RESPONSE}` };

  return {
    operationId: operationId(route),
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    tags: [route.tag],
    security: securityOf(route),
    parameters,
    ...(route.body ? { requestBody: { required: true, content: { [JSON_MEDIA_TYPE]: { schema: components.convert(route.body, 'input') } } } } : {}),
    responses,
  };
}

/**
 * Builds the whole document; throws when a route's path parameters and its params schema disagree.
 * Without settings, the URLs are the local runtime's (the portal's types and the tests need no configuration).
 */
export function buildOpenApiDocument(routes: readonly RouteDefinition[] = ROUTES, settings: DocumentSettings = documentSettings()): OpenApiDocument {
  const components = new SchemaComponents();
  const problem = components.convert(problemSchema, 'output');
  const gatewayError = components.convert(gatewayErrorSchema, 'output');

  const paths: Record<string, PathItemObject> = {};
  for (const route of routes) {
    paths[route.path] = {
      ...paths[route.path],
      ...ignoreRules({ ...paths[route.path]?.['x-ignore-rules'], ...route.waivers }),
      [route.method.toLowerCase() as HttpMethod]: operationObject(components, route),
    };
  }

  const responses: Record<string, ResponseObject> = {};
  for (const { name, description } of Object.values(ERROR_RESPONSES)) {
    responses[name] = { description, headers: traceHeaders(), content: { [PROBLEM_MEDIA_TYPE]: { schema: problem } } };
  }
  responses[DEFAULT_RESPONSE] = {
    description:
      'Any other problem, on any operation: API Gateway refuses what it throttles (429) or cannot pass on (413, 5xx) with its own JSON `{"message"}`; ' +
      'the functions answer their failures as problem+json',
    content: { [PROBLEM_MEDIA_TYPE]: { schema: problem }, [JSON_MEDIA_TYPE]: { schema: gatewayError } },
  };

  return {
    openapi: '3.1.0',
    'x-ignore-rules': {
      'oas-contra': "OpenAPI 3.1 on purpose: zod 4 generates JSON Schema 2020-12, 3.1's own dialect; 3.0's subset would need a lossy conversion",
    },
    info: {
      title: 'e-Box Enterprise',
      version: '1.0.0',
      contact: { name: 'e-Box Enterprise operators', email: settings.contactEmail },
      description:
        'The secure electronic mailbox between public institutions and companies. JSON bodies, camelCase, UTF-8; times are ISO 8601 UTC with milliseconds. ' +
        'Enterprise numbers are accepted as 0123456749, 0123.456.749 or BE0123456749 and always returned as 10 digits. ' +
        'Errors are application/problem+json (RFC 9457) with the belgif problem types. Lists page with `pageSize` and an opaque `cursor`; `next` is absent on the last page.',
    },
    servers: [
      {
        url: settings.serverUrl,
        description: 'The e-Box API, on the same origin as the portal',
        'x-ignore-rules': { 'uri-format': 'the published v1 paths carry the version themselves (/v1/...), so the server is the bare origin' },
      },
    ],
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
    paths,
    components: {
      schemas: components.schemas,
      responses,
      parameters: {
        BelGovTraceId: {
          name: 'BelGov-Trace-Id',
          in: 'header',
          required: false,
          description:
            "The client's own trace id: logged with the request and echoed as BelGov-Related-Trace-Id when it is at most 128 characters of A-Z a-z 0-9 . _ : - (otherwise ignored)",
          schema: { type: 'string' },
        },
      },
      headers: Object.fromEntries(Object.entries(HEADERS).map(([name, header]) => [componentName(name as HeaderName), header])),
      securitySchemes: securitySchemes(settings),
    },
  };
}
