import { call, clientToken, personToken } from './support/api';
import { job } from './support/aws-inspect';
import { publish, setupEnterprise, setupSender, type EnterpriseSetup, type SenderSetup } from './support/fixtures';

/**
 * The unread count against what the inbox shows, after every step of seeded random sequences of
 * what changes it: publications valid 1 to 3 days, openings, marks as read and unread, the clock
 * moving 20 minutes to 14 hours (past the counter's bound, its one-hour mark margin and expiries),
 * and TTL's removal with its stream records. The count must equal the unread messages the inbox
 * lists, whether or not the request read the unread index. Moves the shared clock forward by
 * about two weeks per sequence and mints fresh tokens after each move.
 */
jest.setTimeout(300_000);

const STEPS = 60;
const HOUR_S = 3_600;

/** A small deterministic generator (mulberry32): the same steps on every run of a seed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe.each([7, 19, 42])('the unread count over a random sequence (seed %i)', (seed) => {
  let sender: SenderSetup;
  let company: EnterpriseSetup;
  let reader: string;
  const published: string[] = [];

  beforeAll(async () => {
    [sender, company] = await Promise.all([setupSender(), setupEnterprise()]);
    reader = company.manager.token;
  });

  const path = () => `/v1/enterprises/${company.enterpriseNumber}`;
  const unreadListed = async () => {
    let count = 0;
    let next: string | undefined = `${path()}/messages?read=false&pageSize=100`;
    while (next) {
      const page: { status: number; body: { items: unknown[]; next?: string } } = await call('GET', next, { token: reader });
      expect(page.status).toBe(200);
      count += page.body.items.length;
      next = page.body.next;
    }
    return count;
  };

  it('always equals the unread messages the inbox lists', async () => {
    const next = random(seed);
    const pickFrom = (ids: string[]) => ids[Math.floor(next() * ids.length)] ?? '';
    /** Messages last seen read: marking one of them unread is what can bring back an early expiry. */
    const read = new Set<string>();
    const steps: string[] = [];
    for (let step = 0; step < STEPS; step += 1) {
      const roll = next();
      if (roll < 0.25 || published.length === 0) {
        const validityDays = 1 + Math.floor(next() * 3);
        const message = await publish(sender, company.enterpriseNumber, { documentType: 'REMINDER', validityDays, attachments: [], body: { fr: 'Suite' } });
        published.push(message.messageId);
        steps.push(`publish ${validityDays}d`);
      } else if (roll < 0.4) {
        const messageId = pickFrom(published);
        const opened = await call('GET', `${path()}/messages/${messageId}`, { token: reader });
        if (opened.status === 200) read.add(messageId);
        steps.push(`open ${opened.status}`);
      } else if (roll < 0.6) {
        const unread = read.size > 0 && next() < 0.7;
        const messageId = unread ? pickFrom([...read]) : pickFrom(published);
        const marked = await call('PATCH', `${path()}/messages/${messageId}`, { token: reader, body: { read: !unread } });
        if (marked.status === 200 && unread) read.delete(messageId);
        if (marked.status === 200 && !unread) read.add(messageId);
        steps.push(`mark ${unread ? 'unread' : 'read'} ${marked.status}`);
      } else if (roll < 0.95) {
        const seconds = Math.floor(HOUR_S / 3 + next() * 14 * HOUR_S);
        await call('POST', '/local/clock', { body: { advanceSeconds: seconds } });
        reader = await personToken(company.manager.ssin, company.manager.name);
        sender.token = await clientToken(sender.clientId, 'ebox/publish');
        steps.push(`clock +${(seconds / HOUR_S).toFixed(1)} h`);
      } else {
        await job('ttl');
        await job('stream');
        steps.push('ttl');
      }
      const shown = await call<{ unreadCount: number }>('GET', path(), { token: reader });
      expect(shown.status).toBe(200);
      const listed = await unreadListed();
      if (shown.body.unreadCount !== listed) throw new Error(`after ${steps.join(', ')}: unreadCount ${shown.body.unreadCount}, listed ${listed}`);
    }
  });
});
