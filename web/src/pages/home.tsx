import { useLocation } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../app-context';
import { completeSignIn, startSignIn } from '../auth/oidc';
import { readSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { formatEnterpriseNumber, formatSsin } from '../lib/format';
import { Alert, ErrorPanel, Loading } from '../ui/alerts';
import { Page } from '../ui/page';

/** Starts the sign-in, remembering where to come back. */
function SignInButton({ returnTo = '/' }: { returnTo?: string }) {
  const { t, lang } = useI18n();
  const { config } = useApp();
  const [failed, setFailed] = useState(false);
  return (
    <>
      {failed ? <Alert kind="error">{t.home.signInFailed}</Alert> : null}
      <button type="button" class="button" onClick={() => startSignIn(config, returnTo, lang).catch(() => setFailed(true))}>
        {t.home.signInButton}
      </button>
    </>
  );
}

function Landing() {
  const { t } = useI18n();
  return (
    <Page title={t.home.title}>
      <div class="hero">
        <p class="lead">{t.home.intro}</p>
        <p>{t.home.howTo}</p>
        <SignInButton />
      </div>
    </Page>
  );
}

/** `/`: the landing page, or, once signed in, the company chooser (straight to the inbox when there is one company). */
export function Home() {
  const { t } = useI18n();
  const { me } = useApp();
  const { route } = useLocation();
  const single = me.state === 'ready' && me.data.enterprises.length === 1 ? me.data.enterprises[0] : undefined;
  useEffect(() => {
    if (single) route(`/enterprises/${single.enterpriseNumber}/messages`, true);
  }, [single?.enterpriseNumber]);
  if (!readSession()) return <Landing />;
  if (me.state === 'loading' || single) return <Loading />;
  if (me.state === 'failed') return <ErrorPanel error={me.error} />;
  if (me.data.enterprises.length === 0) {
    return (
      <Page title={t.chooser.noAccessTitle}>
        <p>{t.chooser.noAccessBody(formatSsin(me.data.ssin))}</p>
      </Page>
    );
  }
  return (
    <Page title={t.chooser.title} intro={t.chooser.intro}>
      <ul class="cards">
        {me.data.enterprises.map((company) => (
          <li class="card" key={company.enterpriseNumber}>
            <a class="stretched" href={`/enterprises/${company.enterpriseNumber}/messages`}>
              {company.name || formatEnterpriseNumber(company.enterpriseNumber)}
            </a>
            <p class="muted">
              {formatEnterpriseNumber(company.enterpriseNumber)} · <span class="badge role">{t.roles[company.role]}</span>
            </p>
          </li>
        ))}
      </ul>
    </Page>
  );
}

/** `/callback`: the provider sends the person back here with a code. */
export function Callback() {
  const { t } = useI18n();
  const { config } = useApp();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    completeSignIn(config, new URL(window.location.href)).then(
      // A full load: the app starts again signed in, and the code leaves the address bar and history.
      (returnTo) => window.location.replace(returnTo),
      () => setFailed(true),
    );
  }, []);
  if (!failed) return <Loading />;
  return (
    <Page title={t.home.signInFailed}>
      <SignInButton />
    </Page>
  );
}

export function SignedOut() {
  const { t } = useI18n();
  return (
    <Page title={t.home.signedOutTitle}>
      <p>{t.home.signedOutBody}</p>
      <SignInButton />
    </Page>
  );
}

export function NotFound() {
  const { t } = useI18n();
  return (
    <Page title={t.notFound.title}>
      <p>{t.notFound.body}</p>
      <p>
        <a href="/">{t.notFound.home}</a>
      </p>
    </Page>
  );
}

/** Company pages need a session: without one, the sign-in starts and brings the person back here (deep links from emails). */
export function RequireSession({ children }: { children: preact.ComponentChildren }) {
  const { t, lang } = useI18n();
  const { config } = useApp();
  const { url } = useLocation();
  const signedIn = Boolean(readSession());
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!signedIn) startSignIn(config, url, lang).catch(() => setFailed(true));
  }, [signedIn]);
  if (signedIn) return <>{children}</>;
  return failed ? <Alert kind="error">{t.home.signInFailed}</Alert> : <p role="status">{t.home.signingIn}</p>;
}
