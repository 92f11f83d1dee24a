import { createHash } from 'node:crypto';
import { UlidGenerator } from '../../../shared/adapters/ulid-generator';
import {
  ConflictError,
  IdempotencyRaceError,
  InvalidInputError,
  MissingPermissionError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
} from '../../../shared/domain/errors';
import { LIMITS } from '../../../shared/domain/message';
import type { Sender } from '../../../shared/domain/sender';
import { publishMessage, type PublishRequest } from '../../../shared/services/publish-message';
import type { Caller } from '../../../shared/domain/caller';
import { FakeClock } from '../fakes/clock';
import { FakeClientBindings } from '../fakes/enterprises';
import { enterpriseNumber } from '../fakes/ids';
import { FakeMessages } from '../fakes/messages';
import { FakeDocuments, FakeSenders, FakeUploads, type CallLog } from '../fakes/publishing';
import { FakeMetrics } from '../fakes/metrics';

const DAY_MS = 86_400_000;
const T0 = '2026-03-10T09:00:00.000Z';
const RECIPIENT = enterpriseNumber('01234567');
const SENDER_ID = 'spf-finances';
/** Institutions' back offices, as the token names them (machine clients bound to a sender). */
const backOffice = (clientId: string): Caller => ({ kind: 'client', clientId, scopes: ['ebox/publish'] });
const PUBLISHER = backOffice('finances-backoffice');
const SENDER: Sender = {
  senderId: SENDER_ID,
  name: { fr: 'SPF Finances', nl: 'FOD Financiën' },
  level: 'FEDERAL',
  acceptsMessages: true,
  documentTypes: [
    { code: 'TAX_NOTICE', name: { fr: 'Avertissement-extrait de rôle', nl: 'Aanslagbiljet' }, validityDays: 60 },
    { code: 'REMINDER', name: { fr: 'Rappel' }, validityDays: 30 },
  ],
};

/** A PDF of `size` bytes (the signature, then filler). */
const pdf = (size: number, fill = 'x') => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(Math.max(0, size - 9), fill)]);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const inline = (bytes: Buffer, fileName = 'avis.pdf') => ({ fileName, mediaType: 'application/pdf', contentBase64: bytes.toString('base64') });

const request = (overrides: Partial<PublishRequest> = {}): PublishRequest => ({
  recipient: RECIPIENT,
  documentType: 'TAX_NOTICE',
  subject: { fr: 'Votre avertissement-extrait de rôle 2026' },
  body: { fr: 'Veuillez trouver ci-joint votre avertissement.' },
  registered: true,
  replyable: false,
  attachments: [inline(pdf(1000))],
  ...overrides,
});

function setup() {
  const log: CallLog = [];
  const senders = new FakeSenders().add(SENDER).add({ ...SENDER, senderId: 'onss', name: { fr: 'ONSS' } });
  const messages = new FakeMessages(log);
  const uploads = new FakeUploads();
  const documents = new FakeDocuments(log);
  const clock = new FakeClock(T0);
  const clientBindings = new FakeClientBindings()
    .bind({ clientId: 'finances-backoffice', senderId: SENDER_ID })
    .bind({ clientId: 'onss-backoffice', senderId: 'onss' })
    .bind({ clientId: 'ghost-backoffice', senderId: 'ghost' });
  const metrics = new FakeMetrics();
  return {
    log,
    messages,
    uploads,
    documents,
    clock,
    metrics,
    deps: { clientBindings, senders, messages, uploads, documents, clock, ids: new UlidGenerator(), metrics },
  };
}

async function invalidInput(promise: Promise<unknown>): Promise<InvalidInputError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof InvalidInputError)) throw new Error(`expected an InvalidInputError, got ${String(error)}`);
  return error;
}

function expectNothingStored(fakes: { messages: FakeMessages; documents: FakeDocuments }) {
  expect(fakes.messages.publishCalls).toEqual([]);
  expect(fakes.documents.puts).toEqual([]);
  expect(fakes.documents.copies).toEqual([]);
  expect(fakes.documents.objects.size).toBe(0);
}

describe('publishMessage', () => {
  it("stores the PDF, the company's message and the sender's delivery", async () => {
    const fakes = setup();
    const bytes = pdf(1234);
    const { delivery, created } = await publishMessage(fakes.deps, PUBLISHER, request({ attachments: [inline(bytes)] }));
    expect(created).toBe(true);
    expect(delivery).toMatchObject({
      senderId: SENDER_ID,
      recipient: RECIPIENT,
      documentType: 'TAX_NOTICE',
      registered: true,
      replyable: false,
      publishedAt: T0,
    });
    expect(delivery.attachments).toEqual([
      { attachmentId: expect.any(String), fileName: 'avis.pdf', mediaType: 'application/pdf', size: 1234, sha256: sha256(bytes) },
    ]);
    const attachmentId = delivery.attachments[0]?.attachmentId;
    const key = `documents/${RECIPIENT}/${delivery.messageId}/${attachmentId}.pdf`;
    expect(fakes.documents.puts.map((put) => [put.key, put.sha256])).toEqual([[key, sha256(bytes)]]);
    expect(fakes.documents.objects.get(key)?.equals(bytes)).toBe(true);

    const call = fakes.messages.publishCalls[0];
    expect(call?.message).toMatchObject({
      messageId: delivery.messageId,
      enterpriseNumber: RECIPIENT,
      senderName: SENDER.name,
      documentType: { code: 'TAX_NOTICE', name: SENDER.documentTypes[0]?.name },
      read: false,
      body: request().body,
    });
    expect(call?.delivery).toEqual(delivery);
    expect(call?.options.consumedUploads).toEqual([]);
    // the sender's record carries neither the body nor the company's read flag
    expect(delivery).not.toHaveProperty('body');
    expect(delivery).not.toHaveProperty('read');
    expect(delivery).not.toHaveProperty('senderName');
    expect(fakes.metrics.counts).toEqual({ MessagesPublished: 1 });
  });

  it("keeps the publication's trace id on the company's message (the jobs log it), not on the delivery", async () => {
    const fakes = setup();
    const { delivery } = await publishMessage(fakes.deps, PUBLISHER, request(), 'trace-publish-1');
    expect(fakes.messages.publishCalls[0]?.message.traceId).toBe('trace-publish-1');
    expect(delivery).not.toHaveProperty('traceId');
  });

  it("expires after the document type's validity by default", async () => {
    const fakes = setup();
    const { delivery } = await publishMessage(fakes.deps, PUBLISHER, request());
    expect(delivery.expiresAt).toBe(new Date(Date.parse(T0) + 60 * DAY_MS).toISOString());
    expect(fakes.messages.publishCalls[0]?.message.expiresAt).toBe(delivery.expiresAt);
  });

  it('a shorter validityDays sets expiresAt accordingly, on message and delivery', async () => {
    const fakes = setup();
    const { delivery } = await publishMessage(fakes.deps, PUBLISHER, request({ validityDays: 10 }));
    expect(delivery.expiresAt).toBe('2026-03-20T09:00:00.000Z');
    expect(fakes.messages.publishCalls[0]?.message.expiresAt).toBe('2026-03-20T09:00:00.000Z');
  });

  it("accepts validityDays equal to the type's", async () => {
    const fakes = setup();
    const { delivery } = await publishMessage(fakes.deps, PUBLISHER, request({ validityDays: 60 }));
    expect(delivery.expiresAt).toBe('2026-05-09T09:00:00.000Z');
  });

  it('refuses validityDays longer than the type allows, naming validityDays, and stores nothing', async () => {
    const fakes = setup();
    const error = await invalidInput(publishMessage(fakes.deps, PUBLISHER, request({ validityDays: 61 })));
    expect(error.issues).toEqual([expect.objectContaining({ in: 'body', name: 'validityDays', value: 61 })]);
    expectNothingStored(fakes);
  });

  it('checks validityDays against the requested type, not another of the sender', async () => {
    const fakes = setup();
    const error = await invalidInput(publishMessage(fakes.deps, PUBLISHER, request({ documentType: 'REMINDER', validityDays: 31 })));
    expect(error.issues[0]?.name).toBe('validityDays');
  });

  it('refuses an unknown document type as a referenced resource not found, naming documentType', async () => {
    const fakes = setup();
    const error = await invalidInput(publishMessage(fakes.deps, PUBLISHER, request({ documentType: 'PARKING_FINE' })));
    expect(error.issues).toEqual([expect.objectContaining({ in: 'body', name: 'documentType', kind: 'referencedResourceNotFound', value: 'PARKING_FINE' })]);
    expectNothingStored(fakes);
  });

  it("refuses another sender's document type", async () => {
    const fakes = setup();
    fakes.deps.senders = new FakeSenders()
      .add(SENDER)
      .add({ ...SENDER, senderId: 'onss', documentTypes: [{ code: 'DMFA', name: { fr: 'DmfA' }, validityDays: 90 }] });
    const error = await invalidInput(publishMessage(fakes.deps, PUBLISHER, request({ documentType: 'DMFA' })));
    expect(error.issues[0]?.name).toBe('documentType');
  });

  it('refuses an unregistered sender', async () => {
    const fakes = setup();
    await expect(publishMessage(fakes.deps, backOffice('ghost-backoffice'), request())).rejects.toThrow(MissingPermissionError);
    expectNothingStored(fakes);
  });

  it('refuses inline content that is not a PDF, and stores nothing', async () => {
    const fakes = setup();
    const png = Buffer.from('\x89PNG\r\n\x1a\n0000', 'latin1');
    await expect(publishMessage(fakes.deps, PUBLISHER, request({ attachments: [inline(pdf(100)), inline(png, 'photo.pdf')] }))).rejects.toThrow(
      UnsupportedMediaTypeError,
    );
    expectNothingStored(fakes);
  });

  it('refuses a media type other than application/pdf', async () => {
    const fakes = setup();
    await expect(publishMessage(fakes.deps, PUBLISHER, request({ attachments: [{ ...inline(pdf(100)), mediaType: 'text/plain' }] }))).rejects.toThrow(
      UnsupportedMediaTypeError,
    );
    expectNothingStored(fakes);
  });

  it('refuses more than 4 MiB of inline PDFs in total, and stores nothing', async () => {
    const fakes = setup();
    const half = LIMITS.inlineBytes / 2;
    await expect(publishMessage(fakes.deps, PUBLISHER, request({ attachments: [inline(pdf(half)), inline(pdf(half + 1))] }))).rejects.toThrow(
      PayloadTooLargeError,
    );
    expectNothingStored(fakes);
  });

  it('refuses one inline PDF of 4 MiB + 1 byte', async () => {
    const fakes = setup();
    await expect(publishMessage(fakes.deps, PUBLISHER, request({ attachments: [inline(pdf(LIMITS.inlineBytes + 1))] }))).rejects.toThrow(PayloadTooLargeError);
    expectNothingStored(fakes);
  });

  it('accepts exactly 4 MiB of inline PDFs', async () => {
    const fakes = setup();
    const half = LIMITS.inlineBytes / 2;
    const { delivery } = await publishMessage(fakes.deps, PUBLISHER, request({ attachments: [inline(pdf(half), 'a.pdf'), inline(pdf(half), 'b.pdf')] }));
    expect(delivery.attachments.map((attachment) => attachment.size)).toEqual([half, half]);
  });

  it('accepts a message without attachments', async () => {
    const fakes = setup();
    const { delivery } = await publishMessage(fakes.deps, PUBLISHER, request({ attachments: [] }));
    expect(delivery.attachments).toEqual([]);
    expect(fakes.documents.puts).toEqual([]);
  });

  it('writes every PDF before the transaction', async () => {
    const fakes = setup();
    await publishMessage(fakes.deps, PUBLISHER, request({ attachments: [inline(pdf(100), 'a.pdf'), inline(pdf(200), 'b.pdf'), inline(pdf(300), 'c.pdf')] }));
    const writes = fakes.log.filter((entry) => entry.startsWith('documents.put') || entry.startsWith('messages.publish'));
    expect(writes).toHaveLength(4);
    expect(writes[3]).toMatch(/^messages\.publish /);
  });

  it('deletes the PDFs it wrote when the transaction fails, and rethrows', async () => {
    const fakes = setup();
    const failure = Object.assign(new Error('Transaction cancelled'), { name: 'TransactionCanceledException' });
    fakes.messages.failNextPublish(failure);
    await expect(publishMessage(fakes.deps, PUBLISHER, request({ attachments: [inline(pdf(100), 'a.pdf'), inline(pdf(200), 'b.pdf')] }))).rejects.toBe(failure);
    const written = fakes.documents.puts.map((put) => put.key);
    expect(written).toHaveLength(2);
    expect(fakes.documents.deletes.flat().sort()).toEqual([...written].sort());
    expect(fakes.documents.objects.size).toBe(0);
    expect(fakes.messages.messages.size).toBe(0);
    // the clean-up comes after the failed transaction
    const publishAt = fakes.log.findIndex((entry) => entry.startsWith('messages.publish'));
    const deleteAt = fakes.log.findIndex((entry) => entry.startsWith('documents.delete'));
    expect(deleteAt).toBeGreaterThan(publishAt);
  });

  it('deletes the PDFs when the transaction fails with any other error too', async () => {
    const fakes = setup();
    fakes.messages.failNextPublish(new Error('ProvisionedThroughputExceededException'));
    await expect(publishMessage(fakes.deps, PUBLISHER, request({ externalId: 'AVIS-1' }))).rejects.toThrow('ProvisionedThroughputExceededException');
    expect(fakes.documents.objects.size).toBe(0);
    expect(fakes.documents.deletes.flat()).toEqual(fakes.documents.puts.map((put) => put.key));
  });

  it('leaves no PDF behind when writing one of the PDFs fails (documents/ has no lifecycle rule)', async () => {
    const fakes = setup();
    fakes.documents.failingWrites.add(2);
    await expect(
      publishMessage(fakes.deps, PUBLISHER, request({ attachments: [inline(pdf(100), 'a.pdf'), inline(pdf(200), 'b.pdf'), inline(pdf(300), 'c.pdf')] })),
    ).rejects.toThrow('internal error');
    expect(fakes.messages.publishCalls).toEqual([]);
    expect([...fakes.documents.objects.keys()].filter((key) => key.startsWith('documents/'))).toEqual([]);
  });
});

describe('publishMessage with an externalId', () => {
  it('returns the original for a replay with the same content, leaving no second message and no PDF of its own', async () => {
    const fakes = setup();
    const first = await publishMessage(fakes.deps, PUBLISHER, request({ externalId: 'AVIS-2026-1' }));
    const objects = [...fakes.documents.objects.keys()];
    fakes.clock.advanceDays(1);
    const again = await publishMessage(fakes.deps, PUBLISHER, request({ externalId: 'AVIS-2026-1' }));
    expect(fakes.metrics.counts).toEqual({ MessagesPublished: 1 }); // a replay publishes nothing
    expect(again).toEqual({ delivery: first.delivery, created: false });
    expect([...fakes.documents.objects.keys()]).toEqual(objects);
    expect(fakes.documents.copies).toEqual([]);
    expect(fakes.messages.publishCalls).toHaveLength(1);
    expect(fakes.messages.messages.size).toBe(1);
  });

  it('writes the PDFs while it asks whether this is a replay, not after', async () => {
    const fakes = setup();
    const events: string[] = [];
    const getIdempotency = fakes.messages.getIdempotency.bind(fakes.messages);
    fakes.messages.getIdempotency = async (senderId, externalId) => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      events.push('replay checked');
      return getIdempotency(senderId, externalId);
    };
    const put = fakes.documents.put.bind(fakes.documents);
    fakes.documents.put = async (...args) => {
      events.push('PDF written');
      return put(...args);
    };
    await publishMessage(fakes.deps, PUBLISHER, request({ externalId: 'AVIS-2026-1' }));
    expect(events).toEqual(['PDF written', 'replay checked']);
  });

  it('answers a replay before refusing it: the original was accepted when its document type still existed', async () => {
    const fakes = setup();
    const first = await publishMessage(fakes.deps, PUBLISHER, request({ externalId: 'AVIS-2026-1', documentType: 'REMINDER' }));
    fakes.deps.senders.add({ ...SENDER, documentTypes: SENDER.documentTypes.filter((type) => type.code !== 'REMINDER') });
    await expect(publishMessage(fakes.deps, PUBLISHER, request({ externalId: 'AVIS-2026-1', documentType: 'REMINDER' }))).resolves.toEqual({
      delivery: first.delivery,
      created: false,
    });
  });

  it('recognises a replay of a publication whose idempotency record hashed the base64 text (before PDFs were hashed once)', async () => {
    const fakes = setup();
    const first = await publishMessage(fakes.deps, PUBLISHER, request({ externalId: 'AVIS-OLD' }));
    const stored = fakes.messages.idempotency.get(`${first.delivery.senderId}#AVIS-OLD`);
    if (!stored) throw new Error('no idempotency record');
    const { attachments, ...rest } = request({ externalId: 'AVIS-OLD' });
    const legacy = {
      recipient: rest.recipient,
      documentType: rest.documentType,
      subject: rest.subject,
      body: rest.body ?? null,
      registered: rest.registered,
      replyable: rest.replyable,
      validityDays: rest.validityDays ?? null,
      attachments: attachments.map((attachment) =>
        'contentBase64' in attachment
          ? { fileName: attachment.fileName, mediaType: attachment.mediaType, sha256: createHash('sha256').update(attachment.contentBase64).digest('hex') }
          : attachment,
      ),
    };
    fakes.messages.idempotency.set(`${first.delivery.senderId}#AVIS-OLD`, {
      ...stored,
      contentHash: createHash('sha256').update(JSON.stringify(legacy)).digest('hex'),
    });
    await expect(publishMessage(fakes.deps, PUBLISHER, request({ externalId: 'AVIS-OLD' }))).resolves.toEqual({ delivery: first.delivery, created: false });
    await expect(publishMessage(fakes.deps, PUBLISHER, request({ externalId: 'AVIS-OLD', subject: { fr: 'Autre' } }))).rejects.toThrow(ConflictError);
  });

  it('answers externalIdConflict for the same externalId with a different subject, and leaves nothing', async () => {
    const fakes = setup();
    await publishMessage(fakes.deps, PUBLISHER, request({ externalId: 'AVIS-2026-1' }));
    const objects = [...fakes.documents.objects.keys()];
    const error: unknown = await publishMessage(fakes.deps, PUBLISHER, request({ externalId: 'AVIS-2026-1', subject: { fr: 'Autre chose' } })).catch(
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).problem).toBe('externalIdConflict');
    expect([...fakes.documents.objects.keys()]).toEqual(objects);
    expect(fakes.messages.publishCalls).toHaveLength(1);
  });

  const changes: Array<[string, Partial<PublishRequest>]> = [
    ['another PDF', { attachments: [inline(pdf(1000, 'y'))] }],
    ['another recipient', { recipient: enterpriseNumber('09876543') }],
    ['another validity', { validityDays: 5 }],
    ['the registered flag', { registered: false }],
    ['another body', { body: { fr: 'Autre corps' } }],
  ];
  it.each(changes)('treats %s as different content', async (_label, change) => {
    const fakes = setup();
    await publishMessage(fakes.deps, PUBLISHER, request({ externalId: 'AVIS-2026-1' }));
    await expect(publishMessage(fakes.deps, PUBLISHER, request({ externalId: 'AVIS-2026-1', ...change }))).rejects.toThrow(ConflictError);
  });

  it('does not mix up externalIds of different senders', async () => {
    const fakes = setup();
    const first = await publishMessage(fakes.deps, PUBLISHER, request({ externalId: 'SHARED-1' }));
    const other = await publishMessage(fakes.deps, backOffice('onss-backoffice'), request({ externalId: 'SHARED-1' }));
    expect(other.created).toBe(true);
    expect(other.delivery.messageId).not.toBe(first.delivery.messageId);
  });

  it('publishes the same content again under another externalId', async () => {
    const fakes = setup();
    const first = await publishMessage(fakes.deps, PUBLISHER, request({ externalId: 'AVIS-1' }));
    const second = await publishMessage(fakes.deps, PUBLISHER, request({ externalId: 'AVIS-2' }));
    expect(second.created).toBe(true);
    expect(second.delivery.messageId).not.toBe(first.delivery.messageId);
  });

  it('returns the winner of a race on the same externalId, removing its own PDFs', async () => {
    const fakes = setup();
    // A first publication gives the winner's records; they are removed, then put back by the "concurrent" request.
    const winner = await publishMessage(fakes.deps, PUBLISHER, request({ externalId: 'AVIS-RACE' }));
    const records = fakes.messages.publishCalls[0];
    if (!records) throw new Error('no publication recorded');
    fakes.messages.messages.clear();
    fakes.messages.deliveries.clear();
    fakes.messages.idempotency.clear();
    fakes.documents.puts.length = 0;
    fakes.messages.failNextPublish(new IdempotencyRaceError('externalId already used'), () =>
      fakes.messages.store(records.message, records.delivery, records.options.contentHash),
    );

    const result = await publishMessage(fakes.deps, PUBLISHER, request({ externalId: 'AVIS-RACE' }));
    expect(result).toEqual({ delivery: winner.delivery, created: false });
    const lost = fakes.documents.puts.map((put) => put.key);
    expect(lost).toHaveLength(1);
    expect(fakes.documents.deletes.flat()).toEqual(lost);
  });
});

describe('publishMessage with uploaded PDFs', () => {
  const UPLOAD_ID = '01JD5Z3M8Q0000000000000001';
  const objectKey = `uploads/${SENDER_ID}/${UPLOAD_ID}.pdf`;

  function withUpload(bytes: Buffer, overrides: { senderId?: string; size?: number; sha256?: string } = {}) {
    const fakes = setup();
    fakes.documents.objects.set(objectKey, bytes);
    fakes.uploads.add({
      uploadId: UPLOAD_ID,
      senderId: SENDER_ID,
      fileName: 'big.pdf',
      size: bytes.length,
      sha256: sha256(bytes),
      expiresAt: '2026-03-10T09:05:00.000Z',
      ...overrides,
    });
    return fakes;
  }

  it('copies the upload into place before the transaction, consumes it, then removes the upload object', async () => {
    const bytes = pdf(10_000);
    const fakes = withUpload(bytes);
    const { delivery } = await publishMessage(fakes.deps, PUBLISHER, request({ attachments: [{ fileName: 'big.pdf', uploadId: UPLOAD_ID }] }));
    const key = `documents/${RECIPIENT}/${delivery.messageId}/${delivery.attachments[0]?.attachmentId}.pdf`;
    expect(fakes.documents.copies).toEqual([{ from: objectKey, to: key }]);
    expect(delivery.attachments[0]).toMatchObject({ fileName: 'big.pdf', size: 10_000, sha256: sha256(bytes) });
    expect(fakes.messages.publishCalls[0]?.options.consumedUploads).toEqual([UPLOAD_ID]);
    const order = fakes.log.map((entry) => entry.split(' ')[0]);
    expect(order.indexOf('documents.copy')).toBeLessThan(order.indexOf('messages.publish'));
    expect(fakes.documents.objects.has(objectKey)).toBe(false);
    expect(fakes.documents.objects.has(key)).toBe(true);
  });

  it('refuses an upload replaced after its digest was checked, and publishes nothing', async () => {
    const fakes = withUpload(pdf(10_000));
    fakes.documents.beforeCopy = () => fakes.documents.objects.set(objectKey, pdf(10_000, 'y'));
    const error = await invalidInput(publishMessage(fakes.deps, PUBLISHER, request({ attachments: [{ fileName: 'big.pdf', uploadId: UPLOAD_ID }] })));
    expect(error.issues[0]).toMatchObject({ name: 'attachments', kind: 'referencedResourceNotFound' });
    expect(fakes.messages.publishCalls).toEqual([]);
    expect([...fakes.documents.objects.keys()]).toEqual([objectKey]);
  });

  it("refuses another sender's upload, naming the attachment's uploadId", async () => {
    const fakes = withUpload(pdf(100), { senderId: 'onss' });
    const error = await invalidInput(publishMessage(fakes.deps, PUBLISHER, request({ attachments: [{ fileName: 'big.pdf', uploadId: UPLOAD_ID }] })));
    expect(error.issues[0]).toMatchObject({ name: 'attachments[0].uploadId', kind: 'referencedResourceNotFound' });
    expect(fakes.messages.publishCalls).toEqual([]);
  });

  it('refuses an upload whose bytes do not match the announced size or digest', async () => {
    const bigger = withUpload(pdf(100), { size: 99 });
    await expect(
      invalidInput(publishMessage(bigger.deps, PUBLISHER, request({ attachments: [{ fileName: 'big.pdf', uploadId: UPLOAD_ID }] }))),
    ).resolves.toBeDefined();
    const tampered = withUpload(pdf(100), { sha256: sha256(pdf(100, 'z')) });
    await expect(
      invalidInput(publishMessage(tampered.deps, PUBLISHER, request({ attachments: [{ fileName: 'big.pdf', uploadId: UPLOAD_ID }] }))),
    ).resolves.toBeDefined();
    expect(bigger.messages.publishCalls).toEqual([]);
    expect(tampered.messages.publishCalls).toEqual([]);
  });

  it('refuses an uploaded file that is not a PDF', async () => {
    const fakes = withUpload(Buffer.from('PK\x03\x04 a docx', 'latin1'));
    await expect(publishMessage(fakes.deps, PUBLISHER, request({ attachments: [{ fileName: 'big.pdf', uploadId: UPLOAD_ID }] }))).rejects.toThrow(
      UnsupportedMediaTypeError,
    );
    expect(fakes.documents.copies).toEqual([]);
  });

  it('leaves no copied PDF behind when copying another upload fails', async () => {
    const first = pdf(100);
    const fakes = withUpload(first);
    const secondKey = `uploads/${SENDER_ID}/01JD5Z3M8Q0000000000000002.pdf`;
    const second = pdf(200);
    fakes.documents.objects.set(secondKey, second);
    fakes.uploads.add({
      uploadId: '01JD5Z3M8Q0000000000000002',
      senderId: SENDER_ID,
      fileName: 'b.pdf',
      size: second.length,
      sha256: sha256(second),
      expiresAt: '2026-03-10T09:05:00.000Z',
    });
    fakes.documents.failingWrites.add(2);
    await expect(
      publishMessage(
        fakes.deps,
        PUBLISHER,
        request({
          attachments: [
            { fileName: 'a.pdf', uploadId: UPLOAD_ID },
            { fileName: 'b.pdf', uploadId: '01JD5Z3M8Q0000000000000002' },
          ],
        }),
      ),
    ).rejects.toThrow('internal error');
    expect([...fakes.documents.objects.keys()].filter((key) => key.startsWith('documents/'))).toEqual([]);
  });

  it('keeps the upload object when the transaction fails (the sender may retry)', async () => {
    const fakes = withUpload(pdf(100));
    fakes.messages.failNextPublish(new Error('boom'));
    await expect(publishMessage(fakes.deps, PUBLISHER, request({ attachments: [{ fileName: 'big.pdf', uploadId: UPLOAD_ID }] }))).rejects.toThrow('boom');
    expect(fakes.documents.objects.has(objectKey)).toBe(true);
    expect(fakes.documents.deletes.flat()).toEqual([fakes.documents.copies[0]?.to]);
  });
});
