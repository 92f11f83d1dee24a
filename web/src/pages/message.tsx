import { useRoute } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { api, unwrap, type Schemas } from '../api/client';
import { ApiError } from '../lib/problems';
import { useI18n } from '../i18n/i18n';
import { useCompany } from '../layout';
import { describeError, fieldErrors, type FieldErrors } from '../lib/errors';
import { Alert, ErrorPanel, Loading } from '../ui/alerts';
import { PdfPicker, toAttachments, type PickedPdf } from '../ui/files';
import { ErrorSummary, Field, describedBy } from '../ui/forms';
import { Localized } from '../ui/localized';
import { Page } from '../ui/page';
import { useResource } from '../ui/use-resource';

type Message = Schemas['Message'];
type Attachment = Message['attachments'][number];

function DownloadButton({
  enterpriseNumber,
  messageId,
  attachment,
  onDone,
}: {
  enterpriseNumber: string;
  messageId: string;
  attachment: Attachment;
  onDone(): void;
}) {
  const { t, size } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const download = async () => {
    setBusy(true);
    setError(undefined);
    try {
      // The API answers the short-lived link as JSON when asked (a page cannot read a redirect).
      const link = await unwrap(
        api.GET('/v1/enterprises/{enterpriseNumber}/messages/{messageId}/attachments/{attachmentId}/content', {
          params: { path: { enterpriseNumber, messageId, attachmentId: attachment.attachmentId } },
          headers: { Accept: 'application/json' },
        }),
      );
      if (!link) throw new Error('no link');
      window.location.assign(link.url); // served as an attachment: the browser saves it and stays here
      onDone();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button
        type="button"
        class="button secondary"
        disabled={busy}
        aria-label={t.message.downloadLabel(attachment.fileName, size(attachment.size))}
        onClick={() => void download()}
      >
        {busy ? t.message.downloading : t.message.download}
      </button>
      {error ? <ErrorPanel error={error} /> : null}
    </>
  );
}

function ReplyForm({ enterpriseNumber, message, onSent }: { enterpriseNumber: string; message: Message; onSent(): void }) {
  const { t, text } = useI18n();
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<PickedPdf[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const labels = { body: { id: 'reply-body', label: t.message.replyText }, attachments: { id: 'reply-files', label: t.message.replyAttachments } };
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!body.trim()) return setErrors({ body: t.errors.required });
    setBusy(true);
    try {
      await unwrap(
        api.POST('/v1/enterprises/{enterpriseNumber}/messages/{messageId}/replies', {
          params: { path: { enterpriseNumber, messageId: message.messageId } },
          body: { body, attachments: toAttachments(files) },
        }),
      );
      setBody('');
      setFiles([]);
      setErrors({});
      onSent();
    } catch (failure) {
      setErrors(fieldErrors(failure, ['body', 'attachments'], t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="panel" aria-labelledby="reply-title" onSubmit={(event) => void submit(event)} noValidate>
      <h2 id="reply-title">{t.message.replyTitle(text(message.sender.name).text)}</h2>
      <ErrorSummary errors={errors} labels={labels} />
      <Field id="reply-body" label={t.message.replyText} error={errors.body}>
        <textarea
          id="reply-body"
          value={body}
          required
          maxLength={20000}
          aria-invalid={errors.body ? 'true' : undefined}
          aria-describedby={describedBy('reply-body', undefined, errors.body)}
          onInput={(event) => setBody(event.currentTarget.value)}
        />
      </Field>
      <PdfPicker
        id="reply-files"
        label={t.message.replyAttachments}
        hint={t.message.replyAttachmentsHint}
        files={files}
        error={errors.attachments}
        onChange={setFiles}
        onProblem={(problem) => setErrors(problem ? { attachments: problem } : {})}
      />
      <div class="actions">
        <button type="submit" class="button" disabled={busy}>
          {t.message.sendReply}
        </button>
      </div>
    </form>
  );
}

function Gone({ error }: { error: ApiError }) {
  const { t, date } = useI18n();
  const expired = error.problem.status === 410;
  return (
    <Page title={expired ? t.message.expiredTitle : t.message.notFoundTitle}>
      <p>{expired && error.problem.expiredAt ? t.message.expiredBody(date(error.problem.expiredAt)) : t.message.notFoundBody}</p>
    </Page>
  );
}

export function MessagePage() {
  const { t, date, dateTime, size, text } = useI18n();
  const { enterpriseNumber, reloadProfile } = useCompany();
  const { params } = useRoute();
  const messageId = params.messageId ?? '';
  const [notice, setNotice] = useState<string>();
  const [markError, setMarkError] = useState<unknown>();
  const [resource, reload] = useResource(
    () => unwrap(api.GET('/v1/enterprises/{enterpriseNumber}/messages/{messageId}', { params: { path: { enterpriseNumber, messageId } } })),
    [enterpriseNumber, messageId],
  );
  // Opening the message marked it read: the unread count in the navigation follows.
  useEffect(() => {
    if (resource.state === 'ready') reloadProfile();
  }, [resource.state]);
  const back = (
    <p>
      <a href={`/enterprises/${enterpriseNumber}/messages`}>← {t.message.backToInbox}</a>
    </p>
  );
  if (resource.state === 'loading') return <Loading />;
  if (resource.state === 'failed') {
    const { error } = resource;
    const gone = error instanceof ApiError && (error.problem.status === 404 || error.problem.status === 410);
    return (
      <>
        {back}
        {gone ? <Gone error={error} /> : <ErrorPanel error={error} retry={reload} />}
      </>
    );
  }
  const message = resource.data;
  const markUnread = async () => {
    try {
      await unwrap(
        api.PATCH('/v1/enterprises/{enterpriseNumber}/messages/{messageId}', { params: { path: { enterpriseNumber, messageId } }, body: { read: false } }),
      );
      setNotice(t.message.markedUnread);
      reloadProfile();
    } catch (failure) {
      setMarkError(failure);
    }
  };
  return (
    <>
      {back}
      <Page title={text(message.subject).text}>
        {notice ? <Alert kind="success">{notice}</Alert> : null}
        {markError ? <Alert kind="error">{describeError(markError, t)}</Alert> : null}
        <dl class="meta">
          <dt>{t.message.from}</dt>
          <dd>
            <Localized value={message.sender.name} />
          </dd>
          <dt>{t.message.documentType}</dt>
          <dd>
            <Localized value={message.documentType.name} />
            {message.registered ? <span class="badge registered"> {t.inbox.registeredMark}</span> : null}
          </dd>
          <dt>{t.message.received}</dt>
          <dd>{dateTime(message.publishedAt)}</dd>
          <dt>{t.message.availableUntil}</dt>
          <dd>{date(message.expiresAt)}</dd>
          {message.readAt ? (
            <>
              <dt>{t.message.readOn}</dt>
              <dd>{dateTime(message.readAt)}</dd>
            </>
          ) : null}
        </dl>
        {message.registered ? (
          <Alert kind="info" title={t.message.registeredTitle}>
            <p>{t.message.registeredBody}</p>
          </Alert>
        ) : null}
        {message.expiresSoon ? <Alert kind="warning">{t.message.expiryNotice(date(message.expiresAt))}</Alert> : null}
        {message.body ? (
          <div class="body-text">
            <Localized value={message.body} />
          </div>
        ) : null}
        <h2>{t.message.documents}</h2>
        {message.attachments.length === 0 ? <p class="muted">{t.message.noDocuments}</p> : null}
        <ul class="attachments">
          {message.attachments.map((attachment) => (
            <li key={attachment.attachmentId}>
              <span>
                <span class="file-name">{attachment.fileName}</span> <span class="muted">(PDF, {size(attachment.size)})</span>
              </span>
              <DownloadButton enterpriseNumber={enterpriseNumber} messageId={messageId} attachment={attachment} onDone={reloadProfile} />
            </li>
          ))}
        </ul>
        {!message.expiresSoon ? <p class="muted">{t.message.expiryNotice(date(message.expiresAt))}</p> : null}
        <div class="actions">
          <button type="button" class="button secondary" onClick={() => void markUnread()}>
            {t.message.markUnread}
          </button>
        </div>
        {message.replies.length ? (
          <>
            <h2>{t.message.replies}</h2>
            <ul class="cards">
              {message.replies.map((reply) => (
                <li class="card" key={reply.id}>
                  <p class="muted">{t.message.replyBy(reply.sentBy.name, dateTime(reply.sentAt))}</p>
                  <p class="body-text">{reply.body}</p>
                  {reply.attachments.length ? <p class="muted">{reply.attachments.map((attachment) => attachment.fileName).join(', ')}</p> : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {message.replyable ? (
          <ReplyForm
            enterpriseNumber={enterpriseNumber}
            message={message}
            onSent={() => {
              setNotice(t.message.replySent);
              reload();
            }}
          />
        ) : (
          <p class="muted">{t.message.notReplyable}</p>
        )}
      </Page>
    </>
  );
}
