import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import { api, unwrap, type Schemas } from './api/client';
import type { PortalConfig } from './config';
import { useResource, type Resource } from './ui/use-resource';

export type Me = Schemas['PersonIdentity'];

interface AppState {
  config: PortalConfig;
  /** Who is signed in and the companies they may open (GET /v1/me). */
  me: Resource<Me>;
}

const AppContext = createContext<AppState | undefined>(undefined);

export function AppProvider({ config, signedIn, children }: { config: PortalConfig; signedIn: boolean; children: ComponentChildren }) {
  const [me] = useResource<Me>(async () => {
    if (!signedIn) throw new Error('signed out');
    const identity = await unwrap(api.GET('/v1/me'));
    // The portal is for people; a machine client's token has no business here.
    if (!('ssin' in identity)) throw new Error('not a person');
    return identity;
  }, [signedIn]);
  return <AppContext.Provider value={{ config, me }}>{children}</AppContext.Provider>;
}

export function useApp(): AppState {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp outside AppProvider');
  return value;
}
