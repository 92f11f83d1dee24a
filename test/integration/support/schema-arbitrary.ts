import fc from 'fast-check';

/**
 * fast-check arbitraries made from the JSON Schemas of the OpenAPI document, which the project
 * generates from the very zod schemas its handlers validate with. Half the values are well-formed
 * (so requests reach the use cases and the table, not only the validation); the other half carry
 * one mutation at a random place: any JSON in place of a value, a field dropped, an unknown field
 * added.
 */
export type JsonSchema = Record<string, unknown>;

export interface OpenApiLike {
  components: { schemas: Record<string, JsonSchema> };
}

/** Domain-aware values for fields a schema alone describes poorly (enterprise numbers, PDFs…), by property name. */
export type Overrides = Readonly<Record<string, fc.Arbitrary<unknown>>>;

const anything = fc.jsonValue({ maxDepth: 2 });

export class SchemaArbitraries {
  constructor(
    private readonly document: OpenApiLike,
    private readonly overrides: Overrides = {},
  ) {}

  /** A value of `schema`: well-formed, or well-formed but for one mutation. */
  value(schema: JsonSchema): fc.Arbitrary<unknown> {
    const wellFormed = this.derive(schema);
    const mutated = fc
      .tuple(wellFormed, fc.nat(), fc.constantFrom('replace', 'drop', 'add') as fc.Arbitrary<Mutation>, anything)
      .map(([value, at, kind, other]) => mutate(value, at, kind, other));
    return fc.oneof(wellFormed, mutated);
  }

  /** Query or path parameters as the text a URL carries, from their schemas; unknown names now and then. */
  query(parameters: ReadonlyArray<{ name: string; in: string; schema?: JsonSchema }>): fc.Arbitrary<string> {
    const fields = parameters.filter((parameter) => parameter.in === 'query');
    const entries = fields.map((parameter) =>
      fc.option(
        fc.oneof(
          { arbitrary: this.property(parameter.schema ?? {}, parameter.name).map(asText), weight: 6 },
          { arbitrary: fc.string({ maxLength: 30 }), weight: 1 },
        ),
        { nil: undefined, freq: 2 },
      ),
    );
    const unknownName = fc.tuple(fc.constantFrom('__proto__', 'constructor', 'unknown', 'page', 'limit', 'toString'), fc.string({ maxLength: 10 }));
    const unknown = fc.oneof({ arbitrary: fc.constant(undefined), weight: 7 }, { arbitrary: unknownName, weight: 1 });
    return fc.tuple(fc.tuple(...entries), unknown).map(([values, extra]) => {
      const params = new URLSearchParams();
      values.forEach((value, index) => {
        if (value !== undefined) params.append(fields[index]?.name ?? '', value);
      });
      if (extra) params.append(extra[0], extra[1]);
      const text = params.toString();
      return text ? `?${text}` : '';
    });
  }

  private resolve(schema: JsonSchema): JsonSchema {
    const ref = schema.$ref;
    if (typeof ref !== 'string') return schema;
    const resolved = this.document.components.schemas[ref.replace('#/components/schemas/', '')];
    if (!resolved) throw new Error(`unresolved ${ref}`);
    return this.resolve(resolved);
  }

  private derive(input: JsonSchema): fc.Arbitrary<unknown> {
    const schema = this.resolve(input);
    if (Array.isArray(schema.anyOf)) return fc.oneof(...(schema.anyOf as JsonSchema[]).map((member) => this.derive(member)));
    if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
    if ('const' in schema) return fc.constant(schema.const);
    switch (schema.type) {
      case 'string':
        return this.string(schema);
      case 'integer':
        return fc.integer({ min: numberOr(schema.minimum, -1000), max: numberOr(schema.maximum, 100_000) });
      case 'number':
        return fc.double({ min: numberOr(schema.minimum, -1000), max: numberOr(schema.maximum, 100_000), noNaN: true });
      case 'boolean':
        return fc.boolean();
      case 'array':
        return fc.array(this.derive((schema.items as JsonSchema | undefined) ?? {}), {
          minLength: numberOr(schema.minItems, 0),
          maxLength: Math.min(numberOr(schema.maxItems, 3), 3),
        });
      case 'object':
        return this.object(schema);
      default:
        return anything;
    }
  }

  /** Strings the schema describes (pattern, format, example), else any text within its lengths; mutations bring the rest. */
  private string(schema: JsonSchema): fc.Arbitrary<string> {
    const options: Array<fc.Arbitrary<string>> = [];
    if (typeof schema.pattern === 'string') {
      const pattern = new RegExp(schema.pattern);
      options.push(fc.stringMatching(pattern).filter((text) => pattern.test(text) && text.length <= numberOr(schema.maxLength, 1000)));
    }
    if (schema.format === 'date-time')
      options.push(fc.date({ min: new Date('1960-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((date) => date.toISOString()));
    if (schema.format === 'email') options.push(fc.emailAddress());
    if (typeof schema.example === 'string') options.push(fc.constant(schema.example));
    if (options.length === 0) {
      const minLength = numberOr(schema.minLength, 0);
      options.push(
        fc
          .string({ minLength, maxLength: Math.max(minLength, Math.min(numberOr(schema.maxLength, 40), 300)) })
          .filter((text) => text.trim().length >= Math.min(minLength, 1)),
      );
    }
    return fc.oneof(...options);
  }

  private property(schema: JsonSchema, name: string): fc.Arbitrary<unknown> {
    const override = this.overrides[name];
    return override ? fc.oneof(override, this.derive(schema)) : this.derive(schema);
  }

  private object(schema: JsonSchema): fc.Arbitrary<unknown> {
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((schema.required ?? []) as string[]);
    const names = Object.keys(properties);
    if (names.length === 0) return fc.dictionary(fc.constantFrom('fr', 'nl', 'de', 'en', 'xx'), fc.string({ maxLength: 20 }), { maxKeys: 3 });
    return fc.record(Object.fromEntries(names.map((name) => [name, this.property(properties[name] ?? {}, name)])), {
      requiredKeys: names.filter((name) => required.has(name)),
    });
  }
}

type Mutation = 'replace' | 'drop' | 'add';

/** The value with one change at its `at`-th node (depth first): replaced, dropped from its object, or given an unknown field. */
function mutate(value: unknown, at: number, kind: Mutation, other: unknown): unknown {
  const nodes: Array<{ parent?: Record<string, unknown> | unknown[]; key?: string | number; node: unknown }> = [];
  const walk = (node: unknown, parent?: Record<string, unknown> | unknown[], key?: string | number) => {
    nodes.push({ node, ...(parent ? { parent, key } : {}) });
    if (Array.isArray(node)) for (const [index, item] of node.entries()) walk(item, node, index);
    else if (node !== null && typeof node === 'object') for (const [name, item] of Object.entries(node)) walk(item, node as Record<string, unknown>, name);
  };
  const copy: unknown = structuredClone(value);
  walk(copy);
  const target = nodes[at % nodes.length];
  if (!target?.parent || target.key === undefined) return kind === 'add' && isObject(copy) ? withField(copy, other) : other;
  if (kind === 'add' && isObject(target.node)) {
    setAt(target.parent, target.key, withField(target.node, other));
  } else if (kind === 'drop' && !Array.isArray(target.parent)) {
    delete target.parent[target.key as string];
  } else {
    setAt(target.parent, target.key, other);
  }
  return copy;
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

function setAt(parent: Record<string, unknown> | unknown[], key: string | number, value: unknown): void {
  if (Array.isArray(parent)) parent[key as number] = value;
  else parent[key as string] = value;
}

/** An unknown field, `__proto__` included, as an own property (as JSON.parse would make it). */
function withField(object: Record<string, unknown>, value: unknown): Record<string, unknown> {
  const names = ['__proto__', 'extra', 'constructor', 'Recipient'];
  const name = names[Object.keys(object).length % names.length] ?? 'extra';
  return Object.defineProperty({ ...object }, name, { value, enumerable: true, configurable: true, writable: true });
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function asText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
