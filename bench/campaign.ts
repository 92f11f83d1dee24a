import type { Api } from './api';
import type { CallCounter } from './call-counter';
import { type Company, company, inParallel, type Institution, institution, publish } from './fixtures';
import { seededRandom } from './stats';

/**
 * A publication campaign at reduced scale: one institution publishes to companies drawn with a
 * seeded generator (some get two or three documents, as in a real campaign), 8 at a time, through
 * the API. Every write is counted per partition key (table `pk` and index keys), then checked:
 * - a company's keys take no more than its share: its publications × what one publication writes
 *   to the recipient's partition;
 * - a key shared by the whole campaign (the institution's index partition, the expiry index's
 *   shards) stays, projected to the real campaign (250,000 publications in one hour), under
 *   DynamoDB's 1,000 write units per second per partition.
 */
export interface CampaignResult {
  publications: number;
  companies: number;
  seed: number;
  /** Writes to the recipient's partition (`pk=ENT#…`) by one publication. */
  perPublication: number;
  overShare: string[];
  shared: Array<{ key: string; writes: number; share: number; projectedPerSecond: number }>;
  totalWrites: number;
  distinctKeys: number;
}

export const REAL_CAMPAIGN = { publications: 250_000, seconds: 3_600 };
const PARTITION_WRITE_UNITS = 1_000;

/** Company numbers used by the campaign start here, away from the request-path fixtures. */
const FIRST_COMPANY = 1_000;

export async function simulateCampaign(
  api: Api,
  admin: string,
  counter: CallCounter,
  scale: { companies: number; publications: number; seed: number },
): Promise<CampaignResult> {
  const random = seededRandom(scale.seed);
  const from: Institution = await institution(api, admin, `bench-campaign-${scale.seed}`);
  const companies: Company[] = [];
  await inParallel(scale.companies, 8, async (index) => {
    companies[index] = await company(api, admin, FIRST_COMPANY + index);
  });
  const recipients = Array.from({ length: scale.publications }, () => (companies[Math.floor(random() * companies.length)] as Company).enterpriseNumber);
  const received = new Map<string, number>();
  for (const n of recipients) received.set(n, (received.get(n) ?? 0) + 1);

  // One publication alone: what it writes to the recipient's own partition.
  const probe = companies[0] as Company;
  counter.start();
  await publish(api, from, probe.enterpriseNumber, `campaign-probe-${scale.seed}`);
  const perPublication = counter.stop().writesByKey.get(`pk=ENT#${probe.enterpriseNumber}`) ?? 0;

  counter.start();
  await inParallel(recipients.length, 8, (index) => publish(api, from, recipients[index] as string, `campaign-${scale.seed}-${index}`));
  const { writesByKey } = counter.stop();

  const overShare: string[] = [];
  const shared: CampaignResult['shared'] = [];
  const maxPerCompany = Math.max(...received.values());
  for (const [key, writes] of writesByKey) {
    const company = /^(pk=ENT#|unreadPk=UNREAD#)(\d{10})$/.exec(key)?.[2];
    if (company) {
      const share = (received.get(company) ?? 0) * Math.max(perPublication, 1);
      if (writes > share) overShare.push(`${key}: ${writes} writes, share ${share}`);
    } else if (writes > maxPerCompany * Math.max(perPublication, 1)) {
      // Written by more publications than any one company received: a key of the whole campaign.
      const fraction = writes / scale.publications;
      shared.push({ key, writes, share: fraction, projectedPerSecond: (fraction * REAL_CAMPAIGN.publications) / REAL_CAMPAIGN.seconds });
    }
  }
  shared.sort((a, b) => b.writes - a.writes);
  return {
    publications: scale.publications,
    companies: scale.companies,
    seed: scale.seed,
    perPublication,
    overShare,
    shared,
    totalWrites: [...writesByKey.values()].reduce((sum, count) => sum + count, 0),
    distinctKeys: writesByKey.size,
  };
}

export function campaignReport(result: CampaignResult): { rows: string[]; passed: boolean } {
  const hot = result.shared.filter((key) => key.projectedPerSecond > PARTITION_WRITE_UNITS);
  const passed = result.overShare.length === 0 && hot.length === 0;
  const rows = [
    `${result.publications} publications from one institution to ${result.companies} companies (seed ${result.seed}), 8 at a time: ${result.totalWrites} writes to ${result.distinctKeys} partition keys (an item put counts once for its table key and once for each index key it carries); one publication writes ${result.perPublication} items to the recipient's partition.`,
    '',
    `- Company keys over their share: ${result.overShare.length === 0 ? 'none' : result.overShare.join('; ')}.`,
    `- Keys shared by the whole campaign, projected to ${REAL_CAMPAIGN.publications.toLocaleString('en')} publications in one hour (limit ${PARTITION_WRITE_UNITS} write units/s per partition):`,
    '',
    '| key | writes | per publication | projected writes/s | under the limit |',
    '| --- | --- | --- | --- | --- |',
    ...result.shared
      .slice(0, 12)
      .map(
        (key) =>
          `| \`${key.key}\` | ${key.writes} | ${key.share.toFixed(3)} | ${key.projectedPerSecond.toFixed(1)} | ${key.projectedPerSecond <= PARTITION_WRITE_UNITS ? 'yes' : '**no**'} |`,
      ),
    '',
    `Check: ${passed ? 'passed' : '**failed**'}.`,
  ];
  return { rows, passed };
}
