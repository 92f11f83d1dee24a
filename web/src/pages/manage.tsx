import { useEffect, useState } from 'preact/hooks';
import { api, unwrap, type Schemas } from '../api/client';
import { useApp } from '../app-context';
import { LANGUAGE_NAMES, LANGUAGES, useI18n } from '../i18n/i18n';
import { useCompany, type Profile } from '../layout';
import { compactSsin, formatSsin } from '../lib/format';
import type { Language } from '../lib/languages';
import { describeError, fieldErrors, type FieldErrors } from '../lib/errors';
import { Alert, ErrorPanel, Loading } from '../ui/alerts';
import { ConfirmDialog } from '../ui/dialog';
import { ErrorSummary, Field, describedBy } from '../ui/forms';
import { Page } from '../ui/page';
import { useResource } from '../ui/use-resource';

type Grant = Schemas['Grant'];
type AuditEntry = Schemas['AuditEntry'];

function NotificationSettings({ profile, onSaved }: { profile: Profile; onSaved(): void }) {
  const { t } = useI18n();
  const { enterpriseNumber } = useCompany();
  const [email, setEmail] = useState(profile.notificationEmail ?? '');
  const [language, setLanguage] = useState<Language>(profile.language);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState(false);
  const labels = { notificationEmail: { id: 'settings-email', label: t.manage.email }, language: { id: 'settings-language', label: t.manage.emailLanguage } };
  const submit = async (event: Event) => {
    event.preventDefault();
    setSaved(false);
    if (!email.trim()) return setErrors({ notificationEmail: t.errors.email });
    try {
      await unwrap(
        api.PATCH('/v1/enterprises/{enterpriseNumber}', { params: { path: { enterpriseNumber } }, body: { notificationEmail: email.trim(), language } }),
      );
      setErrors({});
      setSaved(true);
      onSaved();
    } catch (failure) {
      setErrors(fieldErrors(failure, ['notificationEmail', 'language'], t));
    }
  };
  return (
    <form class="panel" aria-labelledby="notifications-title" onSubmit={(event) => void submit(event)} noValidate>
      <h2 id="notifications-title">{t.manage.notifications}</h2>
      {saved ? <Alert kind="success">{t.manage.saved}</Alert> : null}
      <ErrorSummary errors={errors} labels={labels} />
      <Field id="settings-email" label={t.manage.email} hint={t.manage.emailHint} error={errors.notificationEmail}>
        <input
          id="settings-email"
          type="email"
          autoComplete="email"
          value={email}
          aria-invalid={errors.notificationEmail ? 'true' : undefined}
          aria-describedby={describedBy('settings-email', t.manage.emailHint, errors.notificationEmail)}
          onInput={(event) => setEmail(event.currentTarget.value)}
        />
      </Field>
      <Field id="settings-language" label={t.manage.emailLanguage} error={errors.language}>
        <select id="settings-language" value={language} onChange={(event) => setLanguage(event.currentTarget.value as Language)}>
          {LANGUAGES.map((code) => (
            <option key={code} value={code} lang={code}>
              {LANGUAGE_NAMES[code]}
            </option>
          ))}
        </select>
      </Field>
      <div class="actions">
        <button type="submit" class="button">
          {t.manage.saveNotifications}
        </button>
      </div>
    </form>
  );
}

function DigitalConsent({ profile, onSaved }: { profile: Profile; onSaved(): void }) {
  const { t, date } = useI18n();
  const { enterpriseNumber } = useCompany();
  const [checked, setChecked] = useState(profile.digitalOnly);
  const [result, setResult] = useState<{ saved: true } | { error: unknown }>();
  const submit = async (event: Event) => {
    event.preventDefault();
    try {
      await unwrap(api.PATCH('/v1/enterprises/{enterpriseNumber}', { params: { path: { enterpriseNumber } }, body: { digitalOnly: checked } }));
      setResult({ saved: true });
      onSaved();
    } catch (error) {
      setResult({ error });
    }
  };
  return (
    <form class="panel" aria-labelledby="digital-title" onSubmit={(event) => void submit(event)}>
      <h2 id="digital-title">{t.manage.digitalTitle}</h2>
      {result && 'saved' in result ? <Alert kind="success">{t.manage.saved}</Alert> : null}
      {result && 'error' in result ? <Alert kind="error">{describeError(result.error, t)}</Alert> : null}
      <div class="checkbox">
        <input
          id="digital-only"
          type="checkbox"
          checked={checked}
          aria-describedby="digital-hint digital-status"
          onChange={(event) => setChecked(event.currentTarget.checked)}
        />
        <label for="digital-only">{t.manage.digitalLabel}</label>
      </div>
      <p class="hint muted" id="digital-hint">
        {t.manage.digitalHint}
      </p>
      <p id="digital-status">
        {profile.digitalOnly && profile.digitalOnlySince ? t.manage.digitalSince(date(profile.digitalOnlySince)) : t.manage.digitalNone}
      </p>
      <div class="actions">
        <button type="submit" class="button">
          {t.manage.saveConsent}
        </button>
      </div>
    </form>
  );
}

function GrantForm({ onGranted }: { onGranted(name: string): void }) {
  const { t } = useI18n();
  const { enterpriseNumber } = useCompany();
  const [ssin, setSsin] = useState('');
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const labels = { ssin: { id: 'grant-ssin', label: t.manage.ssin }, name: { id: 'grant-name', label: t.manage.name } };
  const submit = async (event: Event) => {
    event.preventDefault();
    const missing: FieldErrors = {};
    if (!/^\d{11}$/.test(compactSsin(ssin))) missing.ssin = t.errors.ssin;
    if (!name.trim()) missing.name = t.errors.required;
    if (Object.keys(missing).length) return setErrors(missing);
    try {
      await unwrap(
        api.PUT('/v1/enterprises/{enterpriseNumber}/access/{ssin}', {
          params: { path: { enterpriseNumber, ssin: compactSsin(ssin) } },
          body: { role: 'USER', name: name.trim() },
        }),
      );
      setErrors({});
      setSsin('');
      setName('');
      onGranted(name.trim());
    } catch (failure) {
      setErrors(fieldErrors(failure, ['ssin', 'name', 'role'], t));
    }
  };
  return (
    <form class="panel" aria-labelledby="grant-title" onSubmit={(event) => void submit(event)} noValidate>
      <h3 id="grant-title">{t.manage.grantTitle}</h3>
      <p class="muted">{t.manage.grantHint}</p>
      <ErrorSummary errors={errors} labels={labels} />
      <Field id="grant-ssin" label={t.manage.ssin} hint={t.manage.ssinHint} error={errors.ssin}>
        <input
          id="grant-ssin"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          value={ssin}
          aria-invalid={errors.ssin ? 'true' : undefined}
          aria-describedby={describedBy('grant-ssin', t.manage.ssinHint, errors.ssin)}
          onInput={(event) => setSsin(event.currentTarget.value)}
        />
      </Field>
      <Field id="grant-name" label={t.manage.name} error={errors.name}>
        <input
          id="grant-name"
          type="text"
          autoComplete="off"
          maxLength={200}
          value={name}
          aria-invalid={errors.name ? 'true' : undefined}
          aria-describedby={describedBy('grant-name', undefined, errors.name)}
          onInput={(event) => setName(event.currentTarget.value)}
        />
      </Field>
      {errors[''] ? <Alert kind="error">{errors['']}</Alert> : null}
      <div class="actions">
        <button type="submit" class="button">
          {t.manage.grant}
        </button>
      </div>
    </form>
  );
}

function Access() {
  const { t, date } = useI18n();
  const { me } = useApp();
  const { enterpriseNumber } = useCompany();
  const [grants, reload] = useResource(
    async () => (await unwrap(api.GET('/v1/enterprises/{enterpriseNumber}/access', { params: { path: { enterpriseNumber } } }))).items,
    [enterpriseNumber],
  );
  const [notice, setNotice] = useState<string>();
  const [failure, setFailure] = useState<unknown>();
  const [revoking, setRevoking] = useState<Grant>();
  const myself = me.state === 'ready' ? me.data.ssin : undefined;
  const revoke = async (grant: Grant) => {
    setRevoking(undefined);
    try {
      await unwrap(api.DELETE('/v1/enterprises/{enterpriseNumber}/access/{ssin}', { params: { path: { enterpriseNumber, ssin: grant.ssin } } }));
      setFailure(undefined);
      setNotice(t.manage.revoked(grant.name));
      reload();
    } catch (error) {
      setFailure(error);
    }
  };
  const by = (grant: Grant) => grant.grantedBy.name ?? (grant.grantedBy.ssin ? formatSsin(grant.grantedBy.ssin) : t.manage.system);
  return (
    <section aria-labelledby="access-title">
      <h2 id="access-title">{t.manage.accessTitle}</h2>
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      {failure ? <ErrorPanel error={failure} /> : null}
      {grants.state === 'loading' ? <Loading /> : null}
      {grants.state === 'failed' ? <ErrorPanel error={grants.error} retry={reload} /> : null}
      {grants.state === 'ready' ? (
        <div class="table-wrap">
          <table class="responsive">
            <caption>{t.manage.accessCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.manage.columns.name}</th>
                <th scope="col">{t.manage.columns.ssin}</th>
                <th scope="col">{t.manage.columns.role}</th>
                <th scope="col">{t.manage.columns.since}</th>
                <th scope="col">{t.manage.columns.by}</th>
                <th scope="col">{t.manage.columns.actions}</th>
              </tr>
            </thead>
            <tbody>
              {grants.data.map((grant) => (
                <tr key={grant.ssin}>
                  <td data-label={t.manage.columns.name}>
                    {grant.name} {grant.ssin === myself ? <span class="muted">{t.manage.you}</span> : null}
                  </td>
                  <td data-label={t.manage.columns.ssin}>{formatSsin(grant.ssin)}</td>
                  <td data-label={t.manage.columns.role}>
                    <span class="badge role">{t.roles[grant.role]}</span>
                  </td>
                  <td data-label={t.manage.columns.since}>{date(grant.grantedAt)}</td>
                  <td data-label={t.manage.columns.by}>{by(grant)}</td>
                  <td data-label={t.manage.columns.actions}>
                    {grant.role === 'USER' ? (
                      <button type="button" class="button secondary" aria-label={t.manage.revokeLabel(grant.name)} onClick={() => setRevoking(grant)}>
                        {t.manage.revoke}
                      </button>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <GrantForm
        onGranted={(name) => {
          setFailure(undefined);
          setNotice(t.manage.granted(name));
          reload();
        }}
      />
      <ConfirmDialog
        open={revoking !== undefined}
        title={t.manage.revokeTitle}
        body={revoking ? t.manage.revokeBody(revoking.name) : ''}
        confirm={t.manage.confirmRevoke}
        onConfirm={() => revoking && void revoke(revoking)}
        onCancel={() => setRevoking(undefined)}
      />
    </section>
  );
}

function AuditTrail() {
  const { t, dateTime } = useI18n();
  const { enterpriseNumber } = useCompany();
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [cursor, setCursor] = useState<string | undefined>();
  const [more, setMore] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const load = async (from?: string) => {
    setLoading(true);
    try {
      const page = await unwrap(
        api.GET('/v1/enterprises/{enterpriseNumber}/audit', {
          params: { path: { enterpriseNumber }, query: { pageSize: 25, ...(from ? { cursor: from } : {}) } },
        }),
      );
      setEntries((previous) => (from ? [...previous, ...page.items] : page.items));
      const next = page.next ? (new URLSearchParams(page.next.split('?')[1] ?? '').get('cursor') ?? undefined) : undefined;
      setCursor(next);
      setMore(Boolean(next));
      setFailure(undefined);
    } catch (error) {
      setFailure(error);
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => void load(), [enterpriseNumber]);
  const who = (entry: AuditEntry) =>
    entry.actor.clientId === 'e-box' ? t.manage.system : (entry.actor.name ?? (entry.actor.ssin ? formatSsin(entry.actor.ssin) : (entry.actor.clientId ?? '')));
  // The consent's detail is `false → true`: said in words here.
  const detail = (entry: AuditEntry) =>
    entry.action === 'DIGITAL_ONLY_CHANGED' && entry.detail
      ? entry.detail.endsWith('true')
        ? t.manage.consentGiven
        : t.manage.consentWithdrawn
      : (entry.detail ?? '');
  const what = (action: string) => (action in t.audit ? t.audit[action as keyof typeof t.audit] : action);
  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title">{t.manage.auditTitle}</h2>
      <p class="muted">{t.manage.auditIntro}</p>
      {failure ? <ErrorPanel error={failure} retry={() => void load(cursor)} /> : null}
      <div class="table-wrap">
        <table class="responsive">
          <caption>{t.manage.auditCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.manage.auditColumns.when}</th>
              <th scope="col">{t.manage.auditColumns.who}</th>
              <th scope="col">{t.manage.auditColumns.what}</th>
              <th scope="col">{t.manage.auditColumns.detail}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry, index) => (
              <tr key={`${entry.at}-${index}`}>
                <td data-label={t.manage.auditColumns.when}>{dateTime(entry.at)}</td>
                <td data-label={t.manage.auditColumns.who}>{who(entry)}</td>
                <td data-label={t.manage.auditColumns.what}>
                  {entry.messageId ? <a href={`/enterprises/${enterpriseNumber}/messages/${entry.messageId}`}>{what(entry.action)}</a> : what(entry.action)}
                </td>
                <td data-label={t.manage.auditColumns.detail}>{detail(entry)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {loading ? <Loading /> : null}
      {more && !loading ? (
        <div class="actions">
          <button type="button" class="button secondary" onClick={() => void load(cursor)}>
            {t.manage.showMore}
          </button>
        </div>
      ) : null}
    </section>
  );
}

/** "Gestion de l'e-Box": notifications and consent for everyone; access and the audit trail for access managers. */
export function Manage() {
  const { t } = useI18n();
  const { profile, reloadProfile, role } = useCompany();
  return (
    <Page title={t.manage.title}>
      {profile.state === 'loading' ? <Loading /> : null}
      {profile.state === 'failed' ? <ErrorPanel error={profile.error} retry={reloadProfile} /> : null}
      {profile.state === 'ready' ? (
        <>
          <NotificationSettings profile={profile.data} onSaved={reloadProfile} />
          <DigitalConsent profile={profile.data} onSaved={reloadProfile} />
        </>
      ) : null}
      {role === 'ACCESS_MANAGER' ? (
        <>
          <Access />
          <AuditTrail />
        </>
      ) : null}
      {role === 'USER' ? <p class="muted">{t.manage.onlyManagers}</p> : null}
    </Page>
  );
}
