import { z } from 'zod';
import { enterpriseNumberSchema, multilingualTextSchema } from '../../../shared/domain/schemas';
import { InvalidInputError } from '../../../shared/domain/errors';
import { fieldName, parseInput, toInputIssues } from '../../../shared/http/validation';

describe('fieldName', () => {
  it.each([
    [['attachments', 0, 'contentBase64'], 'attachments[0].contentBase64'],
    [['subject', 'fr'], 'subject.fr'],
    [['recipient'], 'recipient'],
    [['documentTypes', 2, 'name', 'nl'], 'documentTypes[2].name.nl'],
    [['matrix', 1, 3], 'matrix[1][3]'],
    [[0, 'fileName'], '[0].fileName'],
    [[], ''],
  ] as const)('%j → %s', (path, expected) => {
    expect(fieldName(path)).toBe(expected);
  });
});

const message = z.strictObject({
  recipient: enterpriseNumberSchema,
  subject: multilingualTextSchema(200),
  registered: z.boolean().optional(),
  validityDays: z.number().int().min(1).max(3650).optional(),
  attachments: z.array(z.strictObject({ fileName: z.string().max(255), mediaType: z.literal('application/pdf'), contentBase64: z.base64().max(120) })).max(10),
});

function issuesOf(input: unknown, location: 'body' | 'query' | 'path' | 'header' = 'body') {
  const result = message.safeParse(input);
  if (result.success) throw new Error('expected the input to be refused');
  return toInputIssues(result.error, location, input);
}

const pdf = { fileName: 'avis.pdf', mediaType: 'application/pdf', contentBase64: 'JVBERi0xLjcK' };

describe('toInputIssues', () => {
  it('names an unknown key by its path, as unknownInput, without echoing its value', () => {
    const found = issuesOf({ recipient: '0123456749', subject: { fr: 'Avis' }, attachments: [pdf], priority: 'high' });
    expect(found).toEqual([{ in: 'body', name: 'priority', kind: 'unknownInput', detail: 'priority is not a known field' }]);
  });

  it('names a nested unknown key with array indexes', () => {
    const found = issuesOf({ recipient: '0123456749', subject: { fr: 'Avis' }, attachments: [pdf, { ...pdf, password: 'secret' }] });
    expect(found).toEqual([{ in: 'body', name: 'attachments[1].password', kind: 'unknownInput', detail: 'attachments[1].password is not a known field' }]);
  });

  it('gives one issue per unknown key', () => {
    const found = issuesOf({ recipient: '0123456749', subject: { fr: 'Avis', es: 'Aviso', it: 'Avviso' }, attachments: [] });
    expect(found.map((issue) => [issue.name, issue.kind])).toEqual([
      ['subject.es', 'unknownInput'],
      ['subject.it', 'unknownInput'],
    ]);
  });

  it('echoes a short invalid string and names the field', () => {
    const found = issuesOf({ recipient: '0123456748', subject: { fr: 'Avis' }, attachments: [] });
    expect(found).toEqual([
      {
        in: 'body',
        name: 'recipient',
        value: '0123456748',
        detail: 'recipient: Invalid enterprise number: the check digits of this enterprise number are wrong',
      },
    ]);
  });

  it('echoes short numbers and booleans', () => {
    const found = issuesOf({ recipient: '0123456749', subject: { fr: 'Avis' }, attachments: [], validityDays: 4000, registered: 'yes' });
    expect(found).toEqual([expect.objectContaining({ name: 'registered', value: 'yes' }), expect.objectContaining({ name: 'validityDays', value: 4000 })]);
    const flag = issuesOf({ recipient: true, subject: { fr: 'Avis' }, attachments: [] });
    expect(flag).toEqual([expect.objectContaining({ name: 'recipient', value: true })]);
  });

  it('never echoes a string longer than 100 characters (a PDF in base64)', () => {
    const contentBase64 = 'JVBERi0xLjcK'.repeat(11); // 132 characters, above the schema's 120
    const found = issuesOf({ recipient: '0123456749', subject: { fr: 'Avis' }, attachments: [{ ...pdf, contentBase64 }] });
    expect(found).toHaveLength(1);
    expect(found[0]).toEqual({ in: 'body', name: 'attachments[0].contentBase64', detail: expect.stringMatching(/^attachments\[0\]\.contentBase64: /) });
    expect(found[0]).not.toHaveProperty('value');
    expect(JSON.stringify(found)).not.toContain('JVBERi0xLjcKJVBERi0x');
  });

  it('echoes a string of exactly 100 characters but not one of 101', () => {
    const schema = z.object({ note: z.string().max(5) });
    const at = (note: string) => {
      const result = schema.safeParse({ note });
      if (result.success) throw new Error('expected a failure');
      return toInputIssues(result.error, 'body', { note })[0];
    };
    expect(at('n'.repeat(100))).toHaveProperty('value', 'n'.repeat(100));
    expect(at('n'.repeat(101))).not.toHaveProperty('value');
  });

  it('never echoes objects or arrays', () => {
    const found = issuesOf({ recipient: { number: '0123456749' }, subject: ['Avis'], attachments: [] });
    expect(found).toEqual([
      { in: 'body', name: 'recipient', detail: expect.stringContaining('recipient: ') },
      { in: 'body', name: 'subject', detail: expect.stringContaining('subject: ') },
    ]);
  });

  it('names a missing required field without a value', () => {
    const found = issuesOf({ subject: { fr: 'Avis' }, attachments: [] });
    expect(found).toEqual([{ in: 'body', name: 'recipient', detail: expect.stringMatching(/^recipient: /) }]);
  });

  it('uses the location as the name of an issue on the whole input', () => {
    expect(issuesOf('not an object', 'query')).toEqual([{ in: 'query', name: 'query', value: 'not an object', detail: expect.stringMatching(/^query: /) }]);
    expect(issuesOf(null)).toEqual([{ in: 'body', name: 'body', detail: expect.stringMatching(/^body: /) }]);
  });

  it('names a refinement of a nested object by that object', () => {
    const found = issuesOf({ recipient: '0123456749', subject: {}, attachments: [] });
    expect(found).toEqual([{ in: 'body', name: 'subject', detail: 'subject: give the text in at least one of fr, nl, de, en' }]);
  });

  it('reports the given location on every issue', () => {
    const found = issuesOf({ subject: { fr: '' }, attachments: [], extra: 1 }, 'query');
    expect(new Set(found.map((issue) => issue.in))).toEqual(new Set(['query']));
    expect(found.map((issue) => issue.name).sort()).toEqual(['extra', 'recipient', 'subject.fr']);
  });
});

describe('parseInput', () => {
  it('returns the parsed, normalised value', () => {
    const parsed = parseInput(message, { recipient: 'BE0123.456.749', subject: { fr: ' Avis ' }, attachments: [pdf] }, 'body');
    expect(parsed).toEqual({ recipient: '0123456749', subject: { fr: 'Avis' }, attachments: [pdf] });
  });

  it('throws an InvalidInputError carrying every issue', () => {
    const params = z.strictObject({ enterpriseNumber: enterpriseNumberSchema });
    let thrown: unknown;
    try {
      parseInput(params, { enterpriseNumber: '0123456748', messageId: 'x' }, 'path');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidInputError);
    const error = thrown as InvalidInputError;
    expect(error.message).toBe('The input message is incorrect');
    expect(error.issues).toEqual([
      {
        in: 'path',
        name: 'enterpriseNumber',
        value: '0123456748',
        detail: 'enterpriseNumber: Invalid enterprise number: the check digits of this enterprise number are wrong',
      },
      { in: 'path', name: 'messageId', kind: 'unknownInput', detail: 'messageId is not a known field' },
    ]);
  });
});
