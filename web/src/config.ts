/** The portal's runtime configuration, read from /config.json (written at deployment, or by the local runtime). */
export interface PortalConfig {
  /** The OpenID provider's issuer URL (eID/itsme through the federal authentication service). */
  issuer: string;
  /** The portal's public client id at that provider. */
  clientId: string;
}

export async function loadConfig(): Promise<PortalConfig> {
  const response = await fetch('/config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`/config.json answered ${response.status}`);
  const value: unknown = await response.json();
  if (value === null || typeof value !== 'object') throw new Error('/config.json is not an object');
  const { issuer, clientId } = value as Record<string, unknown>;
  if (typeof issuer !== 'string' || typeof clientId !== 'string') throw new Error('/config.json needs issuer and clientId');
  return { issuer, clientId };
}
