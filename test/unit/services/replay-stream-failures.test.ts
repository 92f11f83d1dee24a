import '../fixtures/quiet-logs';
import type { Message } from '../../../shared/domain/message';
import type { TableChange } from '../../../shared/ports/table-changes';
import { replayStreamFailures } from '../../../shared/services/replay-stream-failures';
import { FakeClock } from '../fakes/clock';
import { enterpriseNumber } from '../fakes/ids';
import { aMessage } from '../fakes/messages';
import { FakeMetrics } from '../fakes/metrics';
import { FakeNotifications, FakeQueue } from '../fakes/notifications';
import { FakeDocuments } from '../fakes/publishing';
import { FakeStreamFailures } from '../fakes/stream-failures';

const ACME = enterpriseNumber('01234567');
const PDF = Buffer.from('%PDF-1.4 replay');

function setup() {
  const documents = new FakeDocuments();
  const notifications = new FakeNotifications();
  const queue = new FakeQueue();
  const failures = new FakeStreamFailures();
  const deps = { notificationQueue: queue, documents, notifications, clock: new FakeClock('2026-03-10T09:00:00.000Z'), metrics: new FakeMetrics() };
  return { documents, notifications, queue, failures, deps };
}

/** An expired message with one PDF, stored in the fake bucket. */
async function expired(documents: FakeDocuments, messageId: string): Promise<Message> {
  await documents.put({ of: 'message', enterpriseNumber: ACME, messageId, attachmentId: 'A1' }, PDF, 'ab');
  return aMessage({
    messageId,
    enterpriseNumber: ACME,
    expiresAt: '2026-03-08T09:00:00.000Z',
    attachments: [{ attachmentId: 'A1', fileName: 'avis.pdf', mediaType: 'application/pdf', size: PDF.length, sha256: 'ab' }],
  });
}

const removal = (message: Message, sequenceNumber: string): TableChange => ({
  item: 'message',
  change: 'REMOVE',
  message,
  countedUnread: !message.read,
  sequenceNumber,
});
const insertion = (messageId: string, sequenceNumber: string): TableChange => ({
  item: 'message',
  change: 'INSERT',
  message: aMessage({ messageId, enterpriseNumber: ACME }),
  countedUnread: true,
  sequenceNumber,
});

describe('replayStreamFailures', () => {
  it("does the stream consumer's work for a kept batch, then forgets the batch", async () => {
    const { deps, documents, notifications, queue, failures } = setup();
    const gone = await expired(documents, 'M1');
    failures.keep('batch-1', [insertion('M2', 's1'), removal(gone, 's2')]);

    expect(await replayStreamFailures(deps, failures)).toEqual({ batches: 1, replayed: 1, failed: 0 });
    expect(documents.objects.size).toBe(0);
    expect([...notifications.removals.keys()]).toEqual(['M1']);
    expect(queue.jobs).toEqual([expect.objectContaining({ kind: 'NEW_MESSAGES', enterpriseNumber: ACME, messageIds: ['M2'] })]);
    expect(failures.removed).toEqual(['batch-1']);
    expect(await replayStreamFailures(deps, failures)).toEqual({ batches: 0, replayed: 0, failed: 0 });
  });

  it('keeps a batch that fails again, and goes on with the others', async () => {
    const { deps, documents, failures } = setup();
    failures.keep('batch-1', [removal(await expired(documents, 'M1'), 's1')]);
    failures.keep('batch-2', [insertion('M2', 's2')]);
    const realDelete = documents.delete.bind(documents);
    documents.delete = async () => {
      throw Object.assign(new Error('Service Unavailable'), { name: 'ServiceUnavailable' });
    };

    expect(await replayStreamFailures(deps, failures)).toEqual({ batches: 2, replayed: 1, failed: 1 });
    expect(failures.removed).toEqual(['batch-2']);
    expect(documents.objects.size).toBe(1);

    documents.delete = realDelete;
    expect(await replayStreamFailures(deps, failures)).toEqual({ batches: 1, replayed: 1, failed: 0 });
    expect(documents.objects.size).toBe(0);
  });

  it('keeps a batch it cannot read, and goes on with the others', async () => {
    const { deps, failures } = setup();
    failures.keepUnreadable('batch-1', 'payload: not JSON');
    failures.keep('batch-2', [insertion('M2', 's2')]);

    expect(await replayStreamFailures(deps, failures)).toEqual({ batches: 2, replayed: 1, failed: 1 });
    expect([...failures.batches.keys()]).toEqual(['batch-1']);
  });

  it('is safe to repeat: a removal already recorded is not recorded again, and the PDFs stay deleted', async () => {
    const { deps, documents, notifications, failures } = setup();
    const gone = await expired(documents, 'M1');
    failures.keep('batch-1', [removal(gone, 's1')]);
    failures.keep('batch-2', [removal(gone, 's1')]);

    expect(await replayStreamFailures(deps, failures)).toEqual({ batches: 2, replayed: 2, failed: 0 });
    expect(notifications.removals.size).toBe(1);
    expect(documents.objects.size).toBe(0);
  });

  it('stops, forgetting nothing, when the kept batches cannot be read at all', async () => {
    const { deps, failures } = setup();
    failures.keep('batch-1', [insertion('M2', 's2')]);
    failures.failure = Object.assign(new Error('Access Denied'), { name: 'AccessDenied' });

    await expect(replayStreamFailures(deps, failures)).rejects.toThrow('Access Denied');
    expect(failures.removed).toEqual([]);
  });
});
