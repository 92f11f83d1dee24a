/**
 * The layering of the code base, checked in npm test (npm run lint:deps):
 * domain ← ports ← services ← handlers; adapters implement ports and are the only code that
 * speaks AWS; the composition root (shared/container.ts) wires adapters to ports; infra/ is never
 * imported by the code that runs in Lambda.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles make load order matter and hide layering mistakes.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'The domain imports nothing but the domain (and zod for its schemas): no I/O, no ports, no services.',
      from: { path: '^shared/domain/' },
      to: { pathNot: ['^shared/domain/', '^node_modules/zod/', '^node:crypto$', '^crypto$'] },
    },
    {
      name: 'ports-speak-domain',
      severity: 'error',
      comment: 'Ports are interfaces in domain terms.',
      from: { path: '^shared/ports/' },
      to: { pathNot: ['^shared/domain/', '^shared/ports/'] },
    },
    {
      name: 'services-use-domain-and-ports',
      severity: 'error',
      comment: 'Use cases depend on the domain and on ports only (and log through the shared logger).',
      from: { path: '^shared/services/' },
      to: { pathNot: ['^shared/domain/', '^shared/ports/', '^shared/services/', '^shared/logger\\.ts$', '^node:crypto$', '^crypto$'] },
    },
    {
      name: 'only-adapters-speak-aws',
      severity: 'error',
      comment: 'AWS SDK calls live in shared/adapters (and in the local runtime and test tooling, outside Lambda code).',
      from: { path: '^(shared|functions)/', pathNot: '^shared/(adapters/|container\\.ts$)' },
      to: { path: '^node_modules/@aws-sdk/' },
    },
    {
      name: 'handlers-use-services-http-container',
      severity: 'error',
      comment: 'Handlers are thin: the HTTP stack, the use cases, the composition root, their own route, schemas and views; never an adapter.',
      from: { path: '^functions/' },
      to: { path: '^shared/adapters/' },
    },
    {
      name: 'lambda-code-never-imports-infra',
      severity: 'error',
      comment: 'infra/ (CDK, local runtime) is not part of what runs in Lambda.',
      from: { path: '^(shared|functions)/' },
      to: { path: '^infra/' },
    },
    {
      name: 'portal-stands-alone',
      severity: 'error',
      comment: 'The portal talks to the API over HTTP only; it never imports server code (its API types are generated).',
      from: { path: '^web/src/' },
      to: { path: '^(shared|functions|infra)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(cdk\\.out|web/dist|\\.local-data)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
