/**
 * OAuth request parameters as RFC 6749 §3.1 reads them: a parameter sent without a value counts as
 * omitted, and none may be sent twice (which could smuggle a second redirect_uri past a check).
 */
export interface OAuthParameters {
  values: Record<string, string>;
  /** Names sent more than once. */
  repeated: string[];
}

export function readParameters(source: URLSearchParams): OAuthParameters {
  const values: Record<string, string> = Object.create(null) as Record<string, string>;
  const repeated = new Set<string>();
  for (const [name, value] of source) {
    if (source.getAll(name).length > 1) repeated.add(name);
    else if (value !== '') values[name] = value;
  }
  return { values, repeated: [...repeated] };
}

/** A form-urlencoded body, or undefined when the request declares another content type. */
export function formBody(body: Buffer, contentType: string | undefined): URLSearchParams | undefined {
  if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(contentType ?? '')) return undefined;
  return new URLSearchParams(body.toString('utf8'));
}
