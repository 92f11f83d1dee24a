import { SYSTEM_ACTOR, type AuditAction } from '../domain/audit';
import { composeEmail } from '../domain/email-texts';
import { isExpired } from '../domain/message';
import type { NotificationJob, NotificationKind } from '../domain/notification';
import { logger } from '../logger';
import type { Ports } from '../ports';

type Deps = Pick<Ports, 'enterprises' | 'notifications' | 'mailer' | 'audit' | 'clock' | 'settings' | 'metrics'>;

export interface QueuedJob {
  /** The queue's id for the record, reported back when it failed. */
  recordId: string;
  job: NotificationJob;
}

/** What the company's audit trail records for each message named in an email. */
const SENT_ACTION: Record<NotificationKind, AuditAction> = { NEW_MESSAGES: 'NOTIFICATION_SENT', EXPIRY_WARNING: 'EXPIRY_WARNING_SENT' };

/**
 * Sends the notification emails of a batch: one email per company and kind, naming every
 * message; each message is emailed once per kind, even when a batch is retried (claims).
 * Returns the ids of the records to retry.
 */
export async function sendNotifications(deps: Deps, queued: QueuedJob[]): Promise<string[]> {
  const groups = new Map<string, Digest & { recordIds: string[] }>();
  for (const { recordId, job } of queued) {
    const key = `${job.kind}#${job.enterpriseNumber}`;
    const group = groups.get(key) ?? { kind: job.kind, enterpriseNumber: job.enterpriseNumber, recordIds: [], messageIds: new Set(), traceIds: new Set() };
    group.recordIds.push(recordId);
    for (const id of job.messageIds) group.messageIds.add(id);
    for (const id of job.traceIds ?? []) group.traceIds.add(id);
    groups.set(key, group);
  }
  const failed: string[] = [];
  for (const group of groups.values()) {
    try {
      await sendDigest(deps, group);
    } catch (error) {
      deps.metrics.count('EmailsFailed');
      logger.error('notification failed; the queue will retry it', {
        error: error as Error,
        enterpriseNumber: group.enterpriseNumber,
        kind: group.kind,
        traceIds: [...group.traceIds],
      });
      failed.push(...group.recordIds);
    }
  }
  return failed;
}

/** One email's worth: a company, a kind, the messages it names and the trace ids that led to it. */
interface Digest {
  kind: NotificationKind;
  enterpriseNumber: NotificationJob['enterpriseNumber'];
  messageIds: Set<string>;
  traceIds: Set<string>;
}

async function sendDigest(deps: Deps, digest: Digest): Promise<void> {
  const { kind, enterpriseNumber } = digest;
  const messageIds = [...digest.messageIds];
  const traceIds = [...digest.traceIds];
  const now = deps.clock.now();
  const profile = await deps.enterprises.getProfile(enterpriseNumber);
  if (!profile?.notificationEmail) {
    logger.warn('no notification email: notification skipped', { enterpriseNumber, kind, messages: messageIds.length, traceIds });
    if (profile) {
      await deps.audit.append(enterpriseNumber, {
        at: now.toISOString(),
        actor: SYSTEM_ACTOR,
        action: 'NOTIFICATION_SKIPPED',
        detail: `${kind} (${messageIds.length})`,
      });
    }
    return;
  }
  const claimed: string[] = [];
  try {
    for (const messageId of messageIds) if (await deps.notifications.claim(messageId, kind, now)) claimed.push(messageId);
    if (claimed.length === 0) return;
    const messages = (await deps.notifications.messages(enterpriseNumber, claimed)).filter((message) => !isExpired(message.expiresAt, now));
    if (messages.length > 0) {
      messages.sort((a, b) => a.messageId.localeCompare(b.messageId));
      const email = composeEmail(
        kind,
        profile.language,
        profile.name ?? enterpriseNumber,
        messages.map((message) => ({ senderName: message.senderName, subject: message.subject, registered: message.registered, expiresAt: message.expiresAt })),
        `${deps.settings.portalUrl.replace(/\/$/, '')}/enterprises/${enterpriseNumber}/messages`,
      );
      const emailId = await deps.mailer.send({ to: profile.notificationEmail, ...email });
      deps.metrics.count('EmailsSent');
      logger.info('notification sent', { enterpriseNumber, kind, messages: messages.length, emailId, traceIds });
      const at = now.toISOString();
      const named = new Set(messages.map((message) => message.messageId));
      const detail = profile.notificationEmail;
      const confirmed = claimed.map((messageId) => ({
        messageId,
        ...(named.has(messageId) ? { audit: { at, actor: SYSTEM_ACTOR, action: SENT_ACTION[kind], messageId, detail } } : {}),
      }));
      await deps.notifications.confirm(enterpriseNumber, confirmed, kind, at, emailId);
      return;
    }
    await deps.notifications.confirm(
      enterpriseNumber,
      claimed.map((messageId) => ({ messageId })),
      kind,
      now.toISOString(),
    );
  } catch (error) {
    await deps.notifications.release(claimed, kind);
    throw error;
  }
}
