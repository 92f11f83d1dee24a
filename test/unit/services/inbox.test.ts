import type { Caller } from '../../../shared/domain/caller';
import { DocumentExpiredError, MissingPermissionError } from '../../../shared/domain/errors';
import { downloadAttachment, listInbox, markMessage, readMessage } from '../../../shared/services/inbox';
import { FakeClock } from '../fakes/clock';
import { FakeCompanyMessages } from '../fakes/company-messages';
import { FakeClientBindings, FakeEnterprises } from '../fakes/enterprises';
import { enterpriseNumber, ssin } from '../fakes/ids';
import { aMessage, FakeMessages } from '../fakes/messages';
import { FakeMetrics } from '../fakes/metrics';
import { FakeDocuments } from '../fakes/publishing';

const COMPANY = enterpriseNumber('01234567');
const USER = ssin('900101001');
const STRANGER = ssin('850730034');
const person = (who: typeof USER, name: string): Caller => ({ kind: 'person', ssin: who, name, scopes: ['ebox/read'] });
const user = person(USER, 'Ursula User');
const stranger = person(STRANGER, 'Stefan Stranger');
const ATTACHMENT = { attachmentId: 'A1', fileName: 'avis.pdf', mediaType: 'application/pdf' as const, size: 10, sha256: 'ab' };

function setup() {
  const log: string[] = [];
  const enterprises = new FakeEnterprises();
  enterprises.addGrant({
    enterpriseNumber: COMPANY,
    ssin: USER,
    name: 'Ursula User',
    role: 'USER',
    grantedAt: '2026-01-01T00:00:00.000Z',
    grantedBy: { clientId: 'ops' },
  });
  const messages = new FakeMessages(log, enterprises.grants);
  messages.addMessage(aMessage({ messageId: 'M1', enterpriseNumber: COMPANY, attachments: [ATTACHMENT] }));
  messages.addMessage(aMessage({ messageId: 'OLD', enterpriseNumber: COMPANY, expiresAt: '2026-03-01T00:00:00.000Z' }));
  const companyMessages = new FakeCompanyMessages();
  const repliesRead: string[] = [];
  const repliesTo = companyMessages.repliesTo.bind(companyMessages);
  companyMessages.repliesTo = (n: string, messageId: string) => {
    repliesRead.push(messageId);
    return repliesTo(n, messageId);
  };
  const deps = {
    enterprises,
    clientBindings: new FakeClientBindings(),
    messages,
    documents: new FakeDocuments(),
    clock: new FakeClock('2026-03-10T09:00:00.000Z'),
    companyMessages,
    metrics: new FakeMetrics(),
  };
  return { deps, messages, repliesRead, enterprises, log };
}

describe('reads that run alongside the access check fail closed', () => {
  it("reads a person's grant with the message, in one read", async () => {
    const { deps, enterprises, log } = setup();
    await readMessage(deps, user, COMPANY, 'M1');
    await downloadAttachment(deps, user, COMPANY, 'M1', 'A1');
    await markMessage(deps, user, COMPANY, 'M1', false);
    expect(log).toEqual(['messages.getMessageAndGrant M1', 'messages.getMessageAndGrant M1', 'messages.getMessageAndGrant M1']);
    expect(enterprises.calls).toEqual([]);
  });

  it('refuses a person whose grant is gone although the message was read with it', async () => {
    const { deps, enterprises } = setup();
    enterprises.grants.clear();
    await expect(readMessage(deps, user, COMPANY, 'M1')).rejects.toBeInstanceOf(MissingPermissionError);
  });

  it('refuses a stranger a message that does not exist (403, not 404), and one that expired (403, not 410)', async () => {
    const { deps } = setup();
    await expect(readMessage(deps, stranger, COMPANY, 'NOPE')).rejects.toBeInstanceOf(MissingPermissionError);
    await expect(readMessage(deps, stranger, COMPANY, 'OLD')).rejects.toBeInstanceOf(MissingPermissionError);
    await expect(readMessage(deps, user, COMPANY, 'OLD')).rejects.toBeInstanceOf(DocumentExpiredError);
  });

  it('writes nothing for a stranger: no read mark, no audit entry, no link', async () => {
    const { deps, messages } = setup();
    await expect(readMessage(deps, stranger, COMPANY, 'M1')).rejects.toBeInstanceOf(MissingPermissionError);
    await expect(downloadAttachment(deps, stranger, COMPANY, 'M1', 'A1')).rejects.toBeInstanceOf(MissingPermissionError);
    await expect(markMessage(deps, stranger, COMPANY, 'M1', true)).rejects.toBeInstanceOf(MissingPermissionError);
    await expect(listInbox(deps, stranger, COMPANY, {}, 10)).rejects.toBeInstanceOf(MissingPermissionError);
    expect(messages.audit).toEqual([]);
    expect(messages.messages.get('M1')?.read).toBe(false);
  });

  it('opens a message for a person with access, reading replies only for a replyable one', async () => {
    const { deps, messages, repliesRead } = setup();
    messages.addMessage(aMessage({ messageId: 'ASK', enterpriseNumber: COMPANY, replyable: true }));
    const opened = await readMessage(deps, user, COMPANY, 'M1');
    expect(opened).toMatchObject({ message: { messageId: 'M1', read: true }, replies: [] });
    await readMessage(deps, user, COMPANY, 'ASK');
    expect(repliesRead).toEqual(['ASK']);
    expect(messages.audit.map((entry) => entry.action)).toEqual(['MESSAGE_READ', 'MESSAGE_READ']);
  });

  it('hands out a download link once the read is recorded', async () => {
    const { deps, messages } = setup();
    const link = await downloadAttachment(deps, user, COMPANY, 'M1', 'A1');
    expect(link).toMatchObject({ sha256: 'ab' });
    expect(messages.audit.map((entry) => entry.action)).toEqual(['ATTACHMENT_DOWNLOADED']);
  });
});
