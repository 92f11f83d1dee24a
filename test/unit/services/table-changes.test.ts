import '../fixtures/quiet-logs';
import type { EnterpriseNumber } from '../../../shared/domain/enterprise-number';
import type { TableChange } from '../../../shared/ports/table-changes';
import { handleTableChanges } from '../../../shared/services/table-changes';
import { FakeClock } from '../fakes/clock';
import { aMessage } from '../fakes/messages';
import { FakeMetrics } from '../fakes/metrics';
import { FakeNotifications, FakeQueue } from '../fakes/notifications';
import { FakeDocuments } from '../fakes/publishing';

const ACME = '0123456749' as EnterpriseNumber;
const OTHER = '0403170701' as EnterpriseNumber;

function setup() {
  const queue = new FakeQueue();
  const documents = new FakeDocuments();
  const notifications = new FakeNotifications();
  const metrics = new FakeMetrics();
  return {
    queue,
    documents,
    notifications,
    metrics,
    deps: { notificationQueue: queue, documents, notifications, clock: new FakeClock('2026-06-02T00:00:00.000Z'), metrics },
  };
}

const inserted = (messageId: string, enterpriseNumber: EnterpriseNumber, traceId?: string): TableChange => ({
  item: 'message',
  change: 'INSERT',
  message: aMessage({ messageId, enterpriseNumber, ...(traceId ? { traceId } : {}) }),
  countedUnread: true,
  sequenceNumber: `seq-${messageId}`,
});

describe('handleTableChanges', () => {
  it("queues one job per company that carries its publications' trace ids to the notifier", async () => {
    const { deps, queue } = setup();
    const failedAt = await handleTableChanges(deps, [inserted('M1', ACME, 'trace-1'), inserted('M2', OTHER, 'trace-2'), inserted('M3', ACME)]);
    expect(failedAt).toBeUndefined();
    expect(queue.jobs).toEqual([
      { kind: 'NEW_MESSAGES', enterpriseNumber: ACME, messageIds: ['M1', 'M3'], traceIds: ['trace-1'] },
      { kind: 'NEW_MESSAGES', enterpriseNumber: OTHER, messageIds: ['M2'], traceIds: ['trace-2'] },
    ]);
  });

  it('deletes the PDFs of an expired message and counts the deletion once done', async () => {
    const { deps, documents, metrics } = setup();
    const message = aMessage({
      messageId: 'M9',
      enterpriseNumber: ACME,
      attachments: [{ attachmentId: 'A1', fileName: 'avis.pdf', mediaType: 'application/pdf', size: 10, sha256: 'ab' }],
    });
    await handleTableChanges(deps, [{ item: 'message', change: 'REMOVE', message, countedUnread: true, sequenceNumber: 'seq-9' }]);
    expect(documents.deletes).toEqual([[`documents/${ACME}/M9/A1.pdf`]]);
    expect(metrics.counts).toEqual({ MessagesDeleted: 1 });
  });

  it('takes a removed message out of the unread count only if it still counted there', async () => {
    const { deps, notifications } = setup();
    const counted = aMessage({ messageId: 'M1', enterpriseNumber: ACME });
    const takenOutAtExpiry = aMessage({ messageId: 'M2', enterpriseNumber: ACME });
    await handleTableChanges(deps, [
      { item: 'message', change: 'REMOVE', message: counted, countedUnread: true, sequenceNumber: 'seq-1' },
      { item: 'message', change: 'REMOVE', message: takenOutAtExpiry, countedUnread: false, sequenceNumber: 'seq-2' },
    ]);
    expect([...notifications.removals.values()].map(({ message, countedUnread }) => [message.messageId, countedUnread])).toEqual([
      ['M1', true],
      ['M2', false],
    ]);
  });

  it('counts nothing and reports the change when the clean-up fails', async () => {
    const { deps, documents, metrics } = setup();
    documents.delete = async () => {
      throw new Error('S3 is down');
    };
    const message = aMessage({ messageId: 'M9', enterpriseNumber: ACME });
    const failedAt = await handleTableChanges(deps, [{ item: 'message', change: 'REMOVE', message, countedUnread: true, sequenceNumber: 'seq-9' }]);
    expect(failedAt).toBe('seq-9');
    expect(metrics.counts).toEqual({});
  });
});
