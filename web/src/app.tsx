import { LocationProvider, Route, Router } from 'preact-iso';
import { whenSignedOut } from './api/client';
import { AppProvider } from './app-context';
import { startSignIn } from './auth/oidc';
import { clearSession, readSession } from './auth/session';
import type { PortalConfig } from './config';
import { I18nProvider } from './i18n/i18n';
import { Layout } from './layout';
import { Callback, Home, NotFound, RequireSession, SignedOut } from './pages/home';
import { Inbox } from './pages/inbox';
import { Manage } from './pages/manage';
import { MessagePage } from './pages/message';
import { Senders } from './pages/senders';
import { Sent } from './pages/sent';

const signedIn = (Page: () => preact.JSX.Element) => () => (
  <RequireSession>
    <Page />
  </RequireSession>
);

/** The portal's pages; the company pages are the addresses the notification emails link to. */
export function App({ config }: { config: PortalConfig }) {
  // A token the API refuses (expired, or the local clock moved on): sign in again and come back.
  whenSignedOut(() => {
    clearSession();
    void startSignIn(config, window.location.pathname + window.location.search, document.documentElement.lang);
  });
  return (
    <I18nProvider>
      <LocationProvider>
        <AppProvider config={config} signedIn={Boolean(readSession())}>
          <Layout>
            <Router>
              <Route path="/" component={Home} />
              <Route path="/callback" component={Callback} />
              <Route path="/signed-out" component={SignedOut} />
              <Route path="/enterprises/:enterpriseNumber/messages" component={signedIn(Inbox)} />
              <Route path="/enterprises/:enterpriseNumber/messages/:messageId" component={signedIn(MessagePage)} />
              <Route path="/enterprises/:enterpriseNumber/sent" component={signedIn(Sent)} />
              <Route path="/enterprises/:enterpriseNumber/senders" component={signedIn(Senders)} />
              <Route path="/enterprises/:enterpriseNumber/manage" component={signedIn(Manage)} />
              <Route default component={NotFound} />
            </Router>
          </Layout>
        </AppProvider>
      </LocationProvider>
    </I18nProvider>
  );
}
