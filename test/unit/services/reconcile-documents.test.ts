import '../fixtures/quiet-logs';
import { UlidGenerator } from '../../../shared/adapters/ulid-generator';
import type { CompanyMessage } from '../../../shared/domain/company-message';
import type { EnterpriseNumber } from '../../../shared/domain/enterprise-number';
import type { AttachmentMeta } from '../../../shared/domain/message';
import type { Pdf } from '../../../shared/ports/document-store';
import { GRACE_PERIOD_MS, reconcileDocuments } from '../../../shared/services/reconcile-documents';
import { FakeClock } from '../fakes/clock';
import { FakeCompanyMessages } from '../fakes/company-messages';
import { enterpriseNumber } from '../fakes/ids';
import { aMessage, FakeMessages } from '../fakes/messages';
import { FakeDocuments } from '../fakes/publishing';
import { slowed } from '../fakes/slowed';

const HOUR_MS = 3_600_000;
const START = '2026-03-01T09:00:00.000Z';
const ACME = enterpriseNumber('01234567');
const BRAVO = enterpriseNumber('02345678');
const PDF = Buffer.from('%PDF-1.4 reconcile');

function setup() {
  const clock = new FakeClock(START);
  const ids = new UlidGenerator();
  const documents = new FakeDocuments();
  documents.now = () => clock.now();
  const messages = new FakeMessages();
  const companyMessages = new FakeCompanyMessages();
  const deps = { documents, messages, companyMessages, ids, clock };

  /** A message's PDFs written now, under a fresh id; stored in the table too unless `stored` is false. */
  const messageFolder = async (options: { enterprise?: EnterpriseNumber; stored?: boolean; expiresAt?: string; pdfs?: number } = {}) => {
    const enterprise = options.enterprise ?? ACME;
    const messageId = ids.newId(clock.now());
    const attachments = await writePdfs(options.pdfs ?? 1, (attachmentId) => ({ of: 'message', enterpriseNumber: enterprise, messageId, attachmentId }));
    if (options.stored !== false)
      messages.addMessage(aMessage({ messageId, enterpriseNumber: enterprise, attachments, expiresAt: options.expiresAt ?? '2026-09-01T09:00:00.000Z' }));
    return { messageId, keys: attachments.map(({ attachmentId }) => `documents/${enterprise}/${messageId}/${attachmentId}.pdf`) };
  };

  /** A company message's PDFs written now; stored unless `stored` is false. */
  const companyMessageFolder = async (options: { stored?: boolean; expiresAt?: string } = {}) => {
    const id = ids.newId(clock.now());
    const attachments = await writePdfs(1, (attachmentId) => ({ of: 'companyMessage', enterpriseNumber: ACME, id, attachmentId }));
    const message: CompanyMessage = {
      id,
      from: ACME,
      to: 'onss',
      body: 'Notre siège déménage.',
      sentAt: clock.now().toISOString(),
      expiresAt: options.expiresAt ?? '2027-03-01T09:00:00.000Z',
      sentBy: { ssin: '85073003328', name: 'Anne Dupont' },
      attachments,
    };
    if (options.stored !== false) companyMessages.add(message);
    return { id, keys: attachments.map(({ attachmentId }) => `company-messages/${ACME}/${id}/${attachmentId}.pdf`) };
  };

  async function writePdfs(count: number, pdfOf: (attachmentId: string) => Pdf): Promise<AttachmentMeta[]> {
    const attachments: AttachmentMeta[] = [];
    for (let index = 0; index < count; index += 1) {
      const attachmentId = ids.newId(clock.now());
      await documents.put(pdfOf(attachmentId), PDF, 'ab');
      attachments.push({ attachmentId, fileName: `${index}.pdf`, mediaType: 'application/pdf', size: PDF.length, sha256: 'ab' });
    }
    return attachments;
  }

  const stored = () => [...documents.objects.keys()];
  return { clock, documents, messages, companyMessages, deps, messageFolder, companyMessageFolder, stored };
}

describe('reconcileDocuments', () => {
  it("deletes the PDFs of a message that is no longer stored, and keeps a stored message's", async () => {
    const { clock, deps, messageFolder, stored } = setup();
    const gone = await messageFolder({ stored: false, pdfs: 2 });
    const live = await messageFolder();
    clock.advanceDays(2);

    const report = await reconcileDocuments(deps);

    expect(stored().sort()).toEqual([...live.keys].sort());
    expect(report).toEqual({ folders: 2, recent: 0, orphans: 1, pdfsDeleted: 2 });
    expect(gone.keys.every((key) => !stored().includes(key))).toBe(true);
  });

  it('counts an expired message as gone: TTL removes it late, but no one may read it any more', async () => {
    const { clock, deps, messageFolder, stored } = setup();
    await messageFolder({ expiresAt: '2026-03-02T09:00:00.000Z' });
    const unexpired = await messageFolder({ expiresAt: '2026-03-04T09:00:00.000Z' });
    clock.advanceDays(2);

    expect(await reconcileDocuments(deps)).toMatchObject({ orphans: 1 });
    expect(stored()).toEqual(unexpired.keys);
  });

  it('does the same for company messages, in their own area', async () => {
    const { clock, deps, companyMessageFolder, messageFolder, stored } = setup();
    await companyMessageFolder({ stored: false });
    await companyMessageFolder({ expiresAt: '2026-03-02T00:00:00.000Z' });
    const live = await companyMessageFolder();
    const message = await messageFolder();
    clock.advanceDays(2);

    expect(await reconcileDocuments(deps)).toEqual({ folders: 4, recent: 0, orphans: 2, pdfsDeleted: 2 });
    expect(stored().sort()).toEqual([...live.keys, ...message.keys].sort());
  });

  it('leaves a folder alone for a day after it was made: publishing writes the PDFs before the message', async () => {
    const { clock, deps, messageFolder, messages, stored } = setup();
    const old = await messageFolder({ stored: false });
    clock.advance(GRACE_PERIOD_MS - HOUR_MS);
    const inFlight = await messageFolder({ stored: false });
    clock.advance(HOUR_MS);

    expect(await reconcileDocuments(deps)).toEqual({ folders: 2, recent: 1, orphans: 1, pdfsDeleted: 1 });
    expect(stored()).toEqual(inFlight.keys);
    // A recent folder is not even looked up.
    expect(messages.availabilityChecks).toEqual([1]);
    expect(old.keys.some((key) => stored().includes(key))).toBe(false);

    clock.advance(GRACE_PERIOD_MS);
    expect(await reconcileDocuments(deps)).toEqual({ folders: 1, recent: 0, orphans: 1, pdfsDeleted: 1 });
    expect(stored()).toEqual([]);
  });

  it('counts a recent write into an old folder as recent, and dates a folder not named by an id by its writes alone', async () => {
    const { clock, deps, documents, messageFolder, stored } = setup();
    const rewritten = await messageFolder({ stored: false });
    const foreign: Pdf = { of: 'message', enterpriseNumber: BRAVO, messageId: 'not-an-id', attachmentId: 'A1' };
    await documents.put(foreign, PDF, 'ab');
    clock.advanceDays(2);
    await documents.put({ of: 'message', enterpriseNumber: ACME, messageId: rewritten.messageId, attachmentId: 'LATE' }, PDF, 'ab');

    expect(await reconcileDocuments(deps)).toEqual({ folders: 2, recent: 1, orphans: 1, pdfsDeleted: 1 });
    expect(stored()).toHaveLength(2);
    expect(stored()).not.toContain(`documents/${BRAVO}/not-an-id/A1.pdf`);
  });

  it("checks another company's copy of an id as that company's, never as the one stored", async () => {
    const { clock, deps, documents, messageFolder, stored } = setup();
    const acme = await messageFolder();
    await documents.put({ of: 'message', enterpriseNumber: BRAVO, messageId: acme.messageId, attachmentId: 'A1' }, PDF, 'ab');
    clock.advanceDays(2);

    await reconcileDocuments(deps);
    expect(stored()).toEqual(acme.keys);
  });

  it('goes through the listing page by page, looking up each page in one batch', async () => {
    const { clock, deps, documents, messageFolder, messages, stored } = setup();
    documents.folderPageSize = 2;
    const live = [await messageFolder(), await messageFolder()];
    for (let index = 0; index < 3; index += 1) await messageFolder({ stored: false });
    clock.advanceDays(2);

    expect(await reconcileDocuments(deps)).toEqual({ folders: 5, recent: 0, orphans: 3, pdfsDeleted: 3 });
    expect(messages.availabilityChecks).toEqual([2, 2, 1]);
    expect(stored().sort()).toEqual(live.flatMap((folder) => folder.keys).sort());
  });

  it('looks up to 4 pages up at once while the listing goes on, and still reconciles every page', async () => {
    const { clock, deps, documents, messageFolder, messages, stored } = setup();
    documents.folderPageSize = 1;
    const live = [await messageFolder(), await messageFolder()];
    for (let index = 0; index < 8; index += 1) await messageFolder({ stored: false });
    clock.advanceDays(2);
    const lookups = slowed(messages.stillAvailable.bind(messages), 5);
    messages.stillAvailable = lookups.call;

    expect(await reconcileDocuments(deps)).toEqual({ folders: 10, recent: 0, orphans: 8, pdfsDeleted: 8 });
    expect(lookups.seen.most).toBe(4);
    expect(stored().sort()).toEqual(live.flatMap((folder) => folder.keys).sort());
  });

  it('fails the run when a page fails, once the pages already under way are done', async () => {
    const { clock, deps, documents, messageFolder, messages } = setup();
    documents.folderPageSize = 1;
    for (let index = 0; index < 6; index += 1) await messageFolder({ stored: false });
    clock.advanceDays(2);
    const lookups = slowed(messages.stillAvailable.bind(messages), 5, (call) => (call === 2 ? new Error('ProvisionedThroughputExceededException') : undefined));
    messages.stillAvailable = lookups.call;

    await expect(reconcileDocuments(deps)).rejects.toThrow('ProvisionedThroughputExceededException');
    expect(lookups.seen.settled).toBe(lookups.seen.started); // nothing left running behind the failure
  });

  it('deletes nothing, in no call, when every document is there; uploads are never touched', async () => {
    const { clock, deps, documents, messageFolder, companyMessageFolder } = setup();
    await messageFolder();
    await companyMessageFolder();
    await documents.put({ of: 'upload', senderId: 'onss', uploadId: 'U1' }, PDF, 'ab');
    clock.advanceDays(2);

    expect(await reconcileDocuments(deps)).toEqual({ folders: 2, recent: 0, orphans: 0, pdfsDeleted: 0 });
    expect(documents.deletes).toEqual([]);
    expect(documents.objects.has('uploads/onss/U1.pdf')).toBe(true);
  });
});
