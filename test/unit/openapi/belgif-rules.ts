import type { OpenApiDocument } from '../../../functions/openapi/document';

/**
 * The belgif REST guide's rules that read simply off the document, after
 * belgif/rest-guide-validator's own (its Drools rules cannot run here: no Maven Central). Each
 * check returns its violations as `<rule> <JSON pointer>: <what>`; an object carrying the rule in
 * its `x-ignore-rules` (with a reason) is exempt, as with the validator.
 */

type Json = Record<string, unknown>;

export interface SchemaSite {
  pointer: string;
  schema: Json;
  /** Under components/schemas directly (the validator's TOP_LEVEL), else inline. */
  topLevel: boolean;
}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const pointerSegment = (segment: string) => segment.replaceAll('~', '~0').replaceAll('/', '~1');
const ignores = (node: Json, rule: string): boolean => isObject(node['x-ignore-rules']) && typeof node['x-ignore-rules'][rule] === 'string';

/** Every schema of the document (components, parameters, bodies, responses, headers), nested ones included. */
export function schemasOf(document: OpenApiDocument): SchemaSite[] {
  const sites: SchemaSite[] = [];
  const visit = (schema: unknown, pointer: string, topLevel: boolean): void => {
    if (!isObject(schema)) return;
    sites.push({ pointer, schema, topLevel });
    for (const [name, property] of Object.entries(isObject(schema.properties) ? schema.properties : {}))
      visit(property, `${pointer}/properties/${pointerSegment(name)}`, false);
    for (const key of ['items', 'additionalProperties', 'propertyNames', 'not']) visit(schema[key], `${pointer}/${key}`, false);
    for (const key of ['anyOf', 'oneOf', 'allOf', 'prefixItems']) {
      const list = schema[key];
      if (Array.isArray(list)) for (const [index, item] of list.entries()) visit(item, `${pointer}/${key}/${index}`, false);
    }
  };
  // Outside components/schemas, a schema sits under a `schema` key (parameters, media types, headers).
  const find = (node: unknown, pointer: string): void => {
    if (Array.isArray(node)) for (const [index, item] of node.entries()) find(item, `${pointer}/${index}`);
    if (!isObject(node)) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'schema') visit(value, `${pointer}/schema`, false);
      else find(value, `${pointer}/${pointerSegment(key)}`);
    }
  };
  for (const [name, schema] of Object.entries(document.components.schemas)) visit(schema, `/components/schemas/${pointerSegment(name)}`, true);
  const { schemas: _schemas, ...otherComponents } = document.components;
  find(otherComponents, '/components');
  find(document.paths, '/paths');
  return sites;
}

const LOWER_CAMEL = /^[a-z][a-z0-9]*([A-Z][a-z0-9]+)*$/;
const UPPER_CAMEL = /^[A-Z][a-z0-9]*([A-Z][a-z0-9]+)*$/;

interface Operation {
  pointer: string;
  path: string;
  method: string;
  operation: Json;
}

function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => ['get', 'put', 'post', 'patch', 'delete'].includes(method))
      .map(([method, operation]) => ({ pointer: `/paths/${pointerSegment(path)}/${method}`, path, method, operation: operation as unknown as Json })),
  );
}

/** Follows a local `$ref`. */
function resolve(document: OpenApiDocument, node: unknown): Json | undefined {
  if (!isObject(node)) return undefined;
  if (typeof node.$ref !== 'string') return node;
  const target = node.$ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>((at, segment) => (isObject(at) ? at[segment.replaceAll('~1', '/').replaceAll('~0', '~')] : undefined), document);
  return resolve(document, target);
}

/** [prb-defaul] Each operation has a `default` response in application/problem+json whose schema is a $ref to Problem. */
export function defaultProblemResponses(document: OpenApiDocument): string[] {
  return operationsOf(document).flatMap(({ pointer, operation }) => {
    const response = resolve(document, (operation.responses as Json).default);
    const content = isObject(response?.content) ? response.content : {};
    const schema = (content['application/problem+json'] as Json | undefined)?.schema as Json | undefined;
    return typeof schema?.$ref === 'string' && schema.$ref.endsWith('/Problem') ? [] : [`prb-defaul ${pointer}: no default problem response`];
  });
}

/** [hlth-res] GET /health answers 200 (UP) and 503 (DOWN) with a `status` string. */
export function healthResponses(document: OpenApiDocument): string[] {
  const health = document.paths['/health']?.get as unknown as Json | undefined;
  if (!health) return ['hlth-res /paths: no GET /health'];
  return ['200', '503'].flatMap((status) => {
    const response = resolve(document, (health.responses as Json)[status]);
    const schema = resolve(document, ((response?.content as Json | undefined)?.['application/json'] as Json | undefined)?.schema);
    const property = resolve(document, (schema?.properties as Json | undefined)?.status);
    return property?.type === 'string' ? [] : [`hlth-res /paths/~1health/get/responses/${status}: no JSON body with a status string`];
  });
}

/** [col-name] A collection (a GET answering `items`, or a path with a parameter after it) has a plural name. */
export function pluralCollections(document: OpenApiDocument): string[] {
  const paths = Object.keys(document.paths);
  return Object.entries(document.paths).flatMap(([path, item]) => {
    const get = item.get as unknown as Json | undefined;
    if (!get || path.endsWith('}') || path.endsWith('s') || ignores(item as Json, 'col-name')) return [];
    const ok = resolve(document, (get.responses as Json)['200']);
    const schema = resolve(document, ((ok?.content as Json | undefined)?.['application/json'] as Json | undefined)?.schema);
    const answersItems = resolve(document, (schema?.properties as Json | undefined)?.items)?.type === 'array';
    const parameterAfter = paths.some((other) => other.startsWith(`${path}/{`));
    return answersItems || parameterAfter ? [`col-name /paths/${pointerSegment(path)}: a collection named in the singular`] : [];
  });
}

/** [jsn-naming] Property names are lowerCamelCase. */
export function camelCaseProperties(document: OpenApiDocument): string[] {
  return schemasOf(document).flatMap(({ pointer, schema }) =>
    Object.keys(isObject(schema.properties) ? schema.properties : {})
      .filter((name) => !LOWER_CAMEL.test(name))
      .map((name) => `jsn-naming ${pointer}: property ${name}`),
  );
}

/** [sec-req] The scopes an operation requires are declared by a flow of the scheme it names. */
export function declaredScopes(document: OpenApiDocument): string[] {
  return operationsOf(document).flatMap(({ pointer, operation }) =>
    (operation.security as Array<Record<string, string[]>>).flatMap((requirement) =>
      Object.entries(requirement).flatMap(([name, scopes]) => {
        const scheme = (document.components.securitySchemes as unknown as Record<string, Json | undefined>)[name];
        const flows = Object.values(isObject(scheme?.flows) ? scheme.flows : {}) as Json[];
        const declared = new Set(flows.flatMap((flow) => Object.keys(isObject(flow.scopes) ? flow.scopes : {})));
        return scopes
          .filter((scope) => scheme?.type !== 'oauth2' || !declared.has(scope))
          .map((scope) => `sec-req ${pointer}: ${name} does not declare ${scope}`);
      }),
    ),
  );
}

/** [oas-descr] Operations have a summary (and, here, a description); inline object schemas a title; a component's title is its name. */
export function descriptions(document: OpenApiDocument): string[] {
  const operations = operationsOf(document).flatMap(({ pointer, operation }) =>
    ['summary', 'description'].filter((key) => !(typeof operation[key] === 'string' && operation[key] !== '')).map((key) => `oas-descr ${pointer}: no ${key}`),
  );
  const schemas = schemasOf(document).flatMap(({ pointer, schema, topLevel }) => {
    const name = pointer.split('/').at(-1);
    if (topLevel) return schema.title === undefined || schema.title === name ? [] : [`oas-descr ${pointer}: title ${String(schema.title)} is not the name`];
    if (schema.type === 'object' && schema.title === undefined && !/\/(allOf|anyOf)\/\d+$/.test(pointer))
      return [`oas-descr ${pointer}: inline object without title`];
    return typeof schema.title === 'string' && !UPPER_CAMEL.test(schema.title) ? [`oas-descr ${pointer}: title ${schema.title} is not UpperCamelCase`] : [];
  });
  return [...operations, ...schemas];
}

/** [id-name] Path parameters named `id` or `code` say of what. */
export function namedIdentifiers(document: OpenApiDocument): string[] {
  return Object.keys(document.paths).flatMap((path) =>
    [...path.matchAll(/\{(id|code)\}/g)].map((match) => `id-name /paths/${pointerSegment(path)}: {${match[1]}}`),
  );
}

/** [oas-comp] Component names are UpperCamelCase. */
export function componentNames(document: OpenApiDocument): string[] {
  return Object.entries(document.components).flatMap(([kind, entries]) =>
    Object.keys(entries)
      .filter((name) => !UPPER_CAMEL.test(name))
      .map((name) => `oas-comp /components/${kind}/${pointerSegment(name)}`),
  );
}

/** [cod-design] String codes (enums) are lowerCamelCase. */
export function lowerCamelCodes(document: OpenApiDocument): string[] {
  return schemasOf(document).flatMap(({ pointer, schema }) =>
    schema.type === 'string' && Array.isArray(schema.enum) && !ignores(schema, 'cod-design') && !schema.enum.every((code) => LOWER_CAMEL.test(String(code)))
      ? [`cod-design ${pointer}: ${schema.enum.join(', ')}`]
      : [],
  );
}

/** [uri-notat], [uri-extens] Path segments are lowerCamelCase, without extension; /doc/openapi.json is the exception. */
export function pathNotation(document: OpenApiDocument): string[] {
  return Object.entries(document.paths).flatMap(([path, item]) => {
    if (path === '/doc/openapi.json') return [];
    const segments = path.split('/').filter((segment) => segment !== '' && !segment.startsWith('{'));
    return [
      ...(segments.every((segment) => LOWER_CAMEL.test(segment)) || ignores(item as Json, 'uri-notat') ? [] : [`uri-notat /paths/${pointerSegment(path)}`]),
      ...(!/\.[^/]+$/.test(path) || ignores(item as Json, 'uri-extens') ? [] : [`uri-extens /paths/${pointerSegment(path)}`]),
    ];
  });
}

/** Counts are never negative: every integer has a lower bound of 0 or more (zod alone bounds them at ±2^53). */
export function nonNegativeIntegers(document: OpenApiDocument): string[] {
  return schemasOf(document).flatMap(({ pointer, schema }) =>
    schema.type === 'integer' && !(typeof schema.minimum === 'number' && schema.minimum >= 0) ? [`integer ${pointer}: minimum ${String(schema.minimum)}`] : [],
  );
}

/** Every parameter and every named schema says what it is (inline objects have their title, above). */
export function describedParametersAndSchemas(document: OpenApiDocument): string[] {
  const schemas = Object.entries(document.components.schemas).flatMap(([name, schema]) =>
    typeof schema.description === 'string' && schema.description !== '' ? [] : [`description /components/schemas/${pointerSegment(name)}`],
  );
  const parameters = operationsOf(document).flatMap(({ pointer, operation }) =>
    ((operation.parameters as unknown[] | undefined) ?? []).flatMap((parameter, index) => {
      const resolved = resolve(document, parameter);
      return typeof resolved?.description === 'string' && resolved.description !== '' ? [] : [`description ${pointer}/parameters/${index}`];
    }),
  );
  return [...schemas, ...parameters];
}
