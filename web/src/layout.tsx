import { createContext, type ComponentChildren } from 'preact';
import { useLocation } from 'preact-iso';
import { useContext } from 'preact/hooks';
import { api, unwrap, type Schemas } from './api/client';
import { useApp } from './app-context';
import { signOut } from './auth/oidc';
import { readSession } from './auth/session';
import { LANGUAGE_NAMES, LANGUAGES, useI18n } from './i18n/i18n';
import { formatEnterpriseNumber } from './lib/format';
import { useResource, type Resource } from './ui/use-resource';

export type Profile = Schemas['EnterpriseProfile'];
type Role = 'ACCESS_MANAGER' | 'USER';

interface CompanyState {
  enterpriseNumber: string;
  /** The signed-in person's role here (from /v1/me), once known. */
  role?: Role;
  profile: Resource<Profile>;
  /** After something that changes the unread count or the settings. */
  reloadProfile(): void;
}

const CompanyContext = createContext<CompanyState | undefined>(undefined);

export function useCompany(): CompanyState {
  const value = useContext(CompanyContext);
  if (!value) throw new Error('useCompany outside a company page');
  return value;
}

const SECTIONS = ['messages', 'sent', 'senders', 'manage'] as const;

function Header() {
  const { t, lang, setLanguage } = useI18n();
  const { config } = useApp();
  const session = readSession();
  return (
    <header class="site-header">
      <div class="bar">
        <a class="brand" href="/">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span>
            {t.appName} <small>{t.tagline}</small>
          </span>
        </a>
        <div class="header-tools">
          <ul class="languages" aria-label={t.languageSwitcher}>
            {LANGUAGES.map((language) => (
              <li key={language}>
                <button
                  type="button"
                  lang={language}
                  aria-pressed={language === lang ? 'true' : 'false'}
                  aria-label={LANGUAGE_NAMES[language]}
                  onClick={() => setLanguage(language)}
                >
                  {language}
                </button>
              </li>
            ))}
          </ul>
          {session ? (
            <>
              <span class="user">{t.signedInAs(session.name)}</span>
              <button type="button" class="button secondary" onClick={() => void signOut(config)}>
                {t.signOut}
              </button>
            </>
          ) : null}
        </div>
      </div>
    </header>
  );
}

function CompanyBar({ enterpriseNumber, section, profile }: { enterpriseNumber: string; section: string; profile: Resource<Profile> }) {
  const { t } = useI18n();
  const { me } = useApp();
  const companies = me.state === 'ready' ? me.data.enterprises : [];
  const known = companies.find((company) => company.enterpriseNumber === enterpriseNumber);
  const name = profile.state === 'ready' && profile.data.name ? profile.data.name : (known?.name ?? '');
  const unread = profile.state === 'ready' ? profile.data.unreadCount : undefined;
  const labels: Record<(typeof SECTIONS)[number], string> = { messages: t.nav.inbox, sent: t.nav.sent, senders: t.nav.senders, manage: t.nav.manage };
  return (
    <div class="company-bar">
      <div class="inner">
        <p class="company-name">
          {name ? t.company(name, formatEnterpriseNumber(enterpriseNumber)) : formatEnterpriseNumber(enterpriseNumber)}
          {companies.length > 1 ? <a href="/">{t.otherCompany}</a> : null}
        </p>
        <nav aria-label={t.mainNavigation}>
          <ul class="tabs">
            {SECTIONS.map((name) => (
              <li key={name}>
                <a href={`/enterprises/${enterpriseNumber}/${name}`} aria-current={section === name ? 'page' : undefined}>
                  {labels[name]}
                  {name === 'messages' && unread ? (
                    <span class="count">
                      {unread}
                      <span class="visually-hidden"> ({t.inbox.unread(unread)})</span>
                    </span>
                  ) : null}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </div>
  );
}

/** Header, the company's bar and sections when a company page is open, the page itself, footer. */
export function Layout({ children }: { children: ComponentChildren }) {
  const { t } = useI18n();
  const { me } = useApp();
  const { path } = useLocation();
  const match = /^\/enterprises\/(\d{10})(?:\/([a-z]+))?/.exec(path);
  const enterpriseNumber = match?.[1];
  const signedIn = Boolean(readSession());
  const [profile, reloadProfile] = useResource<Profile>(
    () =>
      enterpriseNumber && signedIn
        ? unwrap(api.GET('/v1/enterprises/{enterpriseNumber}', { params: { path: { enterpriseNumber } } }))
        : Promise.reject(new Error('no company, or not signed in')),
    [enterpriseNumber, signedIn],
  );
  const role = me.state === 'ready' ? me.data.enterprises.find((company) => company.enterpriseNumber === enterpriseNumber)?.role : undefined;
  const content = (
    <>
      <a class="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <Header />
      {enterpriseNumber ? <CompanyBar enterpriseNumber={enterpriseNumber} section={match?.[2] ?? 'messages'} profile={profile} /> : null}
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer class="site-footer">
        <p>{t.footer}</p>
      </footer>
    </>
  );
  return enterpriseNumber ? (
    <CompanyContext.Provider value={{ enterpriseNumber, profile, reloadProfile, ...(role ? { role } : {}) }}>{content}</CompanyContext.Provider>
  ) : (
    content
  );
}
