import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { api, unwrap, type Schemas } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { useCompany } from '../layout';
import { Alert, ErrorPanel, Loading } from '../ui/alerts';
import { PdfPicker, toAttachments, type PickedPdf } from '../ui/files';
import { fieldErrors, type FieldErrors } from '../lib/errors';
import { ErrorSummary, Field, describedBy } from '../ui/forms';
import { Page } from '../ui/page';
import { useResource } from '../ui/use-resource';

type Sender = Schemas['Sender'];

function WriteForm({ enterpriseNumber, institutions, onSent }: { enterpriseNumber: string; institutions: Sender[]; onSent(name: string): void }) {
  const { t, text } = useI18n();
  const [to, setTo] = useState('');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<PickedPdf[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const labels = {
    to: { id: 'write-to', label: t.sent.institution },
    subject: { id: 'write-subject', label: t.sent.subject },
    body: { id: 'write-body', label: t.sent.text },
    attachments: { id: 'write-files', label: t.sent.attachments },
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    const missing: FieldErrors = {};
    if (!to) missing.to = t.errors.required;
    if (!subject.trim()) missing.subject = t.errors.required;
    if (!body.trim()) missing.body = t.errors.required;
    if (Object.keys(missing).length) return setErrors(missing);
    setBusy(true);
    try {
      await unwrap(
        api.POST('/v1/enterprises/{enterpriseNumber}/sent', {
          params: { path: { enterpriseNumber } },
          body: { to, subject, body, attachments: toAttachments(files) },
        }),
      );
      const institution = institutions.find((candidate) => candidate.senderId === to);
      setTo('');
      setSubject('');
      setBody('');
      setFiles([]);
      setErrors({});
      onSent(institution ? text(institution.name).text : to);
    } catch (failure) {
      setErrors(fieldErrors(failure, ['to', 'subject', 'body', 'attachments'], t));
    } finally {
      setBusy(false);
    }
  };
  if (institutions.length === 0) return <p class="muted">{t.sent.noneAccepts}</p>;
  return (
    <form class="panel" aria-labelledby="write-title" onSubmit={(event) => void submit(event)} noValidate>
      <h2 id="write-title">{t.sent.writeTitle}</h2>
      <ErrorSummary errors={errors} labels={labels} />
      <Field id="write-to" label={t.sent.institution} error={errors.to}>
        <select
          id="write-to"
          value={to}
          required
          aria-invalid={errors.to ? 'true' : undefined}
          aria-describedby={describedBy('write-to', undefined, errors.to)}
          onChange={(event) => setTo(event.currentTarget.value)}
        >
          <option value="">{t.sent.chooseInstitution}</option>
          {institutions.map((institution) => (
            <option key={institution.senderId} value={institution.senderId}>
              {text(institution.name).text}
            </option>
          ))}
        </select>
      </Field>
      <Field id="write-subject" label={t.sent.subject} error={errors.subject}>
        <input
          id="write-subject"
          type="text"
          value={subject}
          required
          maxLength={200}
          aria-invalid={errors.subject ? 'true' : undefined}
          aria-describedby={describedBy('write-subject', undefined, errors.subject)}
          onInput={(event) => setSubject(event.currentTarget.value)}
        />
      </Field>
      <Field id="write-body" label={t.sent.text} error={errors.body}>
        <textarea
          id="write-body"
          value={body}
          required
          maxLength={20000}
          aria-invalid={errors.body ? 'true' : undefined}
          aria-describedby={describedBy('write-body', undefined, errors.body)}
          onInput={(event) => setBody(event.currentTarget.value)}
        />
      </Field>
      <PdfPicker
        id="write-files"
        label={t.sent.attachments}
        hint={t.message.replyAttachmentsHint}
        files={files}
        error={errors.attachments}
        onChange={setFiles}
        onProblem={(problem) => setErrors(problem ? { attachments: problem } : {})}
      />
      <div class="actions">
        <button type="submit" class="button" disabled={busy}>
          {t.sent.send}
        </button>
      </div>
    </form>
  );
}

export function Sent() {
  const { t, text, dateTime } = useI18n();
  const { enterpriseNumber } = useCompany();
  const { query } = useLocation();
  const cursor = query.cursor;
  const base = `/enterprises/${enterpriseNumber}/sent`;
  const [notice, setNotice] = useState<string>();
  const [senders] = useResource(async () => (await unwrap(api.GET('/v1/senders'))).items, []);
  const [page, reload] = useResource(
    () =>
      unwrap(
        api.GET('/v1/enterprises/{enterpriseNumber}/sent', { params: { path: { enterpriseNumber }, query: { pageSize: 20, ...(cursor ? { cursor } : {}) } } }),
      ),
    [enterpriseNumber, cursor],
  );
  const names = new Map(senders.state === 'ready' ? senders.data.map((sender) => [sender.senderId, text(sender.name).text]) : []);
  const next = page.state === 'ready' && page.data.next ? new URLSearchParams(page.data.next.split('?')[1] ?? '').get('cursor') : null;
  return (
    <Page title={t.sent.title} intro={t.sent.intro}>
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      {senders.state === 'ready' ? (
        <WriteForm
          enterpriseNumber={enterpriseNumber}
          institutions={senders.data.filter((sender) => sender.acceptsMessages)}
          onSent={(name) => {
            setNotice(t.sent.sentTo(name));
            reload();
          }}
        />
      ) : null}
      {page.state === 'loading' ? <Loading /> : null}
      {page.state === 'failed' ? <ErrorPanel error={page.error} retry={reload} /> : null}
      {page.state === 'ready' && page.data.items.length === 0 ? <p class="empty">{t.sent.none}</p> : null}
      {page.state === 'ready' && page.data.items.length > 0 ? (
        <div class="table-wrap">
          <table class="responsive">
            <caption>{t.sent.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.sent.columns.to}</th>
                <th scope="col">{t.sent.columns.subject}</th>
                <th scope="col">{t.sent.columns.sentOn}</th>
                <th scope="col">{t.sent.columns.by}</th>
                <th scope="col">{t.sent.columns.documents}</th>
              </tr>
            </thead>
            <tbody>
              {page.data.items.map((item) => (
                <tr key={item.id}>
                  <td data-label={t.sent.columns.to}>{names.get(item.to) ?? item.to}</td>
                  <td data-label={t.sent.columns.subject}>
                    {item.inReplyTo ? <a href={`/enterprises/${enterpriseNumber}/messages/${item.inReplyTo}`}>{t.sent.replyTo}</a> : item.subject}
                    <br />
                    <span class="muted">{item.body.length > 120 ? `${item.body.slice(0, 120)}…` : item.body}</span>
                  </td>
                  <td data-label={t.sent.columns.sentOn}>{dateTime(item.sentAt)}</td>
                  <td data-label={t.sent.columns.by}>{item.sentBy.name}</td>
                  <td data-label={t.sent.columns.documents}>{item.attachments.map((attachment) => attachment.fileName).join(', ') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {cursor || next ? (
        <nav class="pager" aria-label={t.sent.caption}>
          {cursor ? (
            <a class="button secondary" href={base}>
              {t.inbox.firstPage}
            </a>
          ) : null}
          {next ? (
            <a class="button secondary" href={`${base}?cursor=${encodeURIComponent(next)}`}>
              {t.inbox.nextPage}
            </a>
          ) : null}
        </nav>
      ) : null}
    </Page>
  );
}
