import { Spectral } from '@stoplight/spectral-core';
import { oas } from '@stoplight/spectral-rulesets';
import { buildOpenApiDocument } from '../../../functions/openapi/document';
import * as belgif from './belgif-rules';

/**
 * The document lints clean: Spectral's `spectral:oas` ruleset (its recommended rules, plus
 * parameter descriptions), and the belgif REST guide's rules that read simply off it
 * (./belgif-rules.ts). The belgif rules not checked here were reviewed by hand (docs/api.md).
 */
const document = buildOpenApiDocument();

describe('Spectral spectral:oas', () => {
  it('finds nothing', async () => {
    const spectral = new Spectral();
    // Spectral's ruleset types and its runtime object differ in their function signatures; this is the documented use.
    spectral.setRuleset({ extends: [[oas as never, 'recommended']], rules: { 'oas3-parameter-description': 'warn' } });
    const findings = await spectral.run(JSON.stringify(document));
    expect(findings.map((finding) => `${finding.code} ${finding.path.join('.')}: ${finding.message}`)).toEqual([]);
  });

  it('is checked for real: a bare bearer scheme with scopes, and an operation without description, are findings', async () => {
    const spectral = new Spectral();
    spectral.setRuleset({ extends: [[oas as never, 'recommended']] });
    const broken = structuredClone(document);
    const publish = broken.paths['/v1/messages']?.post;
    if (!publish) throw new Error('POST /v1/messages is missing');
    delete publish.description;
    publish.security = [{ Bearer: ['ebox/publish'] }];
    const codes = (await spectral.run(JSON.stringify(broken))).map((finding) => finding.code);
    expect(codes).toEqual(expect.arrayContaining(['operation-description', 'oas3-operation-security-defined']));
  });
});

describe('belgif REST guide', () => {
  it.each([
    ['prb-defaul: a default problem response on every operation', belgif.defaultProblemResponses],
    ['hlth-res: GET /health answers 200 UP and 503 DOWN', belgif.healthResponses],
    ['col-name: collections are plural, unless waived', belgif.pluralCollections],
    ['jsn-naming: properties are lowerCamelCase', belgif.camelCaseProperties],
    ['sec-req: the scopes required are the schemes’ own', belgif.declaredScopes],
    ['oas-descr: summaries, descriptions and titles', belgif.descriptions],
    ['id-name: path identifiers say of what', belgif.namedIdentifiers],
    ['oas-comp: component names are UpperCamelCase', belgif.componentNames],
    ['cod-design: codes are lowerCamelCase, unless waived', belgif.lowerCamelCodes],
    ['uri-notat, uri-extens: paths are lowerCamelCase without extension, unless waived', belgif.pathNotation],
    ['integers are bounded below by 0 or more', belgif.nonNegativeIntegers],
    ['every parameter and named schema is described', belgif.describedParametersAndSchemas],
  ])('%s', (_rule, check) => {
    expect(check(document)).toEqual([]);
  });

  it('waives only with a reason, and only what the v1 contract published or the generator needs', () => {
    const waived = belgif.schemasOf(document).flatMap(({ pointer, schema }) => Object.keys(schema['x-ignore-rules'] ?? {}).map((rule) => `${rule} ${pointer}`));
    const onPaths = Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item['x-ignore-rules'] ?? {}).map((rule) => `${rule} ${path}`));
    expect([...waived, ...onPaths].sort()).toEqual(
      [
        'cod-design /components/schemas/DeliveryStatus',
        'cod-design /components/schemas/HealthStatusCode',
        'cod-design /components/schemas/Role',
        'cod-design /components/schemas/SenderLevel',
        'col-name /v1/enterprises/{enterpriseNumber}/audit',
        'col-name /v1/enterprises/{enterpriseNumber}/sent',
        'col-name /v1/received',
        'uri-extens /openapi.json',
        'uri-notat /openapi.json',
      ].sort(),
    );
    expect(Object.keys(document['x-ignore-rules'])).toEqual(['oas-contra']);
    expect(Object.keys(document.servers[0]?.['x-ignore-rules'] ?? {})).toEqual(['uri-format']);
    const reasons = JSON.stringify(document).match(/"x-ignore-rules":\{[^}]*\}/g) ?? [];
    for (const reason of reasons) expect(reason).toMatch(/":"[^"]{20,}"/);
  });

  it('is checked for real: a singular collection, an {id}, a missing default and a negative count are violations', () => {
    const broken = structuredClone(document);
    const received = broken.paths['/v1/received'];
    if (!received) throw new Error('/v1/received is missing');
    delete received['x-ignore-rules'];
    broken.paths['/v1/things/{id}'] = broken.paths['/v1/messages/{messageId}'] ?? {};
    const getMessage = broken.paths['/v1/messages/{messageId}']?.get;
    if (getMessage) delete getMessage.responses.default;
    const profile = broken.components.schemas.EnterpriseProfile?.properties?.unreadCount;
    if (typeof profile === 'object') delete profile.minimum;
    expect(belgif.pluralCollections(broken)).toEqual(['col-name /paths/~1v1~1received: a collection named in the singular']);
    expect(belgif.namedIdentifiers(broken)).toEqual(['id-name /paths/~1v1~1things~1{id}: {id}']);
    expect(belgif.defaultProblemResponses(broken)).toEqual(
      expect.arrayContaining(['prb-defaul /paths/~1v1~1messages~1{messageId}/get: no default problem response']),
    );
    expect(belgif.nonNegativeIntegers(broken)).toEqual(['integer /components/schemas/EnterpriseProfile/properties/unreadCount: minimum undefined']);
  });
});
