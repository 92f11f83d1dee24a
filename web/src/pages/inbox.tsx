import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { api, unwrap, type Schemas } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { useCompany } from '../layout';
import { dayToInstant } from '../lib/format';
import { ErrorPanel, Loading } from '../ui/alerts';
import { Localized } from '../ui/localized';
import { Page } from '../ui/page';
import { useResource } from '../ui/use-resource';

type Summary = Schemas['MessageSummary'];
type Sender = Schemas['Sender'];

const PAGE_SIZE = 20;

/** The inbox's filters as they stand in the portal's own address (so Back and bookmarks keep them). */
interface Filters {
  unread: boolean;
  registered: boolean;
  senderId: string;
  documentType: string;
  from: string;
  until: string;
}

const filtersOf = (query: Record<string, string>): Filters => ({
  unread: query.unread === 'true',
  registered: query.registered === 'true',
  senderId: query.senderId ?? '',
  documentType: query.documentType ?? '',
  from: query.from ?? '',
  until: query.until ?? '',
});

function addressOf(base: string, filters: Filters, cursor?: string): string {
  const query = new URLSearchParams();
  if (filters.unread) query.set('unread', 'true');
  if (filters.registered) query.set('registered', 'true');
  for (const name of ['senderId', 'documentType', 'from', 'until'] as const) if (filters[name]) query.set(name, filters[name]);
  if (cursor) query.set('cursor', cursor);
  const text = query.toString();
  return text ? `${base}?${text}` : base;
}

/** The API's query for the filters: a day in Belgium becomes the instants that bound it. */
function apiQuery(filters: Filters, cursor: string | undefined) {
  const after = filters.from ? dayToInstant(filters.from) : undefined;
  const before = filters.until ? dayToInstant(filters.until, true) : undefined;
  return {
    pageSize: PAGE_SIZE,
    ...(filters.unread ? { read: 'false' as const } : {}),
    ...(filters.registered ? { registered: 'true' as const } : {}),
    ...(filters.senderId ? { senderId: filters.senderId } : {}),
    ...(filters.documentType ? { documentType: filters.documentType } : {}),
    // publishedAfter is exclusive: a millisecond earlier keeps documents of the first midnight.
    ...(after ? { publishedAfter: new Date(Date.parse(after) - 1).toISOString() } : {}),
    ...(before ? { publishedBefore: before } : {}),
    ...(cursor ? { cursor } : {}),
  };
}

const cursorOf = (next: string | undefined) => (next ? (new URLSearchParams(next.split('?')[1] ?? '').get('cursor') ?? undefined) : undefined);

function FilterForm({ filters, senders, onApply }: { filters: Filters; senders: Sender[]; onApply(filters: Filters): void }) {
  const { t, text } = useI18n();
  const [draft, setDraft] = useState(filters);
  const set = <K extends keyof Filters>(name: K, value: Filters[K]) => setDraft({ ...draft, [name]: value });
  const types = new Map<string, Sender['documentTypes'][number]['name']>();
  for (const sender of senders)
    if (!draft.senderId || sender.senderId === draft.senderId) for (const type of sender.documentTypes) types.set(type.code, type.name);
  return (
    <details class="panel" open={Object.values(filters).some(Boolean)}>
      <summary>{t.inbox.filters}</summary>
      <form
        aria-label={t.inbox.filters}
        onSubmit={(event) => {
          event.preventDefault();
          onApply(draft);
        }}
      >
        <div class="filters">
          <div class="field">
            <label for="filter-sender">{t.inbox.sender}</label>
            <select
              id="filter-sender"
              value={draft.senderId}
              onChange={(event) => setDraft({ ...draft, senderId: event.currentTarget.value, documentType: '' })}
            >
              <option value="">{t.inbox.anySender}</option>
              {senders.map((sender) => (
                <option key={sender.senderId} value={sender.senderId}>
                  {text(sender.name).text}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="filter-type">{t.inbox.documentType}</label>
            <select id="filter-type" value={draft.documentType} onChange={(event) => set('documentType', event.currentTarget.value)}>
              <option value="">{t.inbox.anyType}</option>
              {[...types].map(([code, name]) => (
                <option key={code} value={code}>
                  {text(name).text}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="filter-from">{t.inbox.receivedFrom}</label>
            <input id="filter-from" type="date" value={draft.from} onInput={(event) => set('from', event.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="filter-until">{t.inbox.receivedUntil}</label>
            <input id="filter-until" type="date" value={draft.until} onInput={(event) => set('until', event.currentTarget.value)} />
          </div>
        </div>
        <div class="checkbox">
          <input id="filter-unread" type="checkbox" checked={draft.unread} onChange={(event) => set('unread', event.currentTarget.checked)} />
          <label for="filter-unread">{t.inbox.unreadOnly}</label>
        </div>
        <div class="checkbox">
          <input id="filter-registered" type="checkbox" checked={draft.registered} onChange={(event) => set('registered', event.currentTarget.checked)} />
          <label for="filter-registered">{t.inbox.registeredOnly}</label>
        </div>
        <div class="actions">
          <button type="submit" class="button">
            {t.inbox.apply}
          </button>
          <button
            type="button"
            class="button secondary"
            onClick={() => {
              const cleared = filtersOf({});
              setDraft(cleared);
              onApply(cleared);
            }}
          >
            {t.inbox.clear}
          </button>
        </div>
      </form>
    </details>
  );
}

function Row({ message, base }: { message: Summary; base: string }) {
  const { t, date } = useI18n();
  return (
    <tr class={message.read ? undefined : 'unread'}>
      <td data-label={t.inbox.columns.status}>
        {message.read ? <span class="badge read">{t.inbox.readMark}</span> : <span class="badge unread">{t.inbox.unreadMark}</span>}
        {message.registered ? <span class="badge registered">{t.inbox.registeredMark}</span> : null}
        {message.expiresSoon ? <span class="badge expiring">{t.inbox.expiresSoon(date(message.expiresAt))}</span> : null}
      </td>
      <td data-label={t.inbox.columns.sender}>
        <Localized value={message.sender.name} />
      </td>
      <td data-label={t.inbox.columns.subject}>
        <a href={`${base}/${message.messageId}`}>
          <Localized value={message.subject} />
        </a>
        <br />
        <span class="muted">
          <Localized value={message.documentType.name} />
          {message.attachmentCount ? ` · ${t.inbox.attachments(message.attachmentCount)}` : null}
        </span>
      </td>
      <td data-label={t.inbox.columns.received}>{date(message.publishedAt)}</td>
      <td data-label={t.inbox.columns.availableUntil}>{date(message.expiresAt)}</td>
    </tr>
  );
}

export function Inbox() {
  const { t } = useI18n();
  const { enterpriseNumber, profile } = useCompany();
  const { query, route } = useLocation();
  const base = `/enterprises/${enterpriseNumber}/messages`;
  const filters = filtersOf(query);
  const cursor = query.cursor;
  const filtered = Object.values(filters).some(Boolean);
  const [senders] = useResource(async () => (await unwrap(api.GET('/v1/senders'))).items, []);
  const [page, reload] = useResource(
    () => unwrap(api.GET('/v1/enterprises/{enterpriseNumber}/messages', { params: { path: { enterpriseNumber }, query: apiQuery(filters, cursor) } })),
    [enterpriseNumber, JSON.stringify(filters), cursor],
  );
  const unread = profile.state === 'ready' ? profile.data.unreadCount : undefined;
  const email = profile.state === 'ready' ? profile.data.notificationEmail : undefined;
  return (
    <Page title={t.inbox.title} intro={unread === undefined ? undefined : t.inbox.unread(unread)}>
      <FilterForm
        key={JSON.stringify(filters)}
        filters={filters}
        senders={senders.state === 'ready' ? senders.data : []}
        onApply={(next) => route(addressOf(base, next))}
      />
      {page.state === 'loading' ? <Loading /> : null}
      {page.state === 'failed' ? <ErrorPanel error={page.error} retry={reload} /> : null}
      {page.state === 'ready' && page.data.items.length === 0 ? (
        <div class="empty">
          {filtered || cursor ? (
            <p>{t.inbox.emptyFiltered}</p>
          ) : (
            <>
              <h2>{t.inbox.emptyTitle}</h2>
              <p>{t.inbox.emptyBody}</p>
              <p>{email ? t.inbox.emptyEmail(email) : <a href={`/enterprises/${enterpriseNumber}/manage`}>{t.inbox.emptyNoEmail}</a>}</p>
            </>
          )}
        </div>
      ) : null}
      {page.state === 'ready' && page.data.items.length > 0 ? (
        <div class="table-wrap">
          <table class="responsive">
            <caption>{t.inbox.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.inbox.columns.status}</th>
                <th scope="col">{t.inbox.columns.sender}</th>
                <th scope="col">{t.inbox.columns.subject}</th>
                <th scope="col">{t.inbox.columns.received}</th>
                <th scope="col">{t.inbox.columns.availableUntil}</th>
              </tr>
            </thead>
            <tbody>
              {page.data.items.map((message) => (
                <Row key={message.messageId} message={message} base={base} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {page.state === 'ready' && (page.data.next || cursor) ? (
        <nav class="pager" aria-label={t.inbox.caption}>
          {cursor ? (
            <a class="button secondary" href={addressOf(base, filters)}>
              {t.inbox.firstPage}
            </a>
          ) : null}
          {page.data.next ? (
            <a class="button secondary" href={addressOf(base, filters, cursorOf(page.data.next))}>
              {t.inbox.nextPage}
            </a>
          ) : null}
        </nav>
      ) : null}
    </Page>
  );
}
