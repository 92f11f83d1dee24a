/** `self` and `next` links: the request's path and query, with the cursor replaced. */
export function pageLinks(path: string, query: Record<string, string | undefined>, next?: string): { self: string; next?: string } {
  const build = (cursor?: string) => {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries({ ...query, cursor })) if (value !== undefined) params.set(name, value);
    const text = params.toString();
    return text ? `${path}?${text}` : path;
  };
  return { self: build(query.cursor), ...(next ? { next: build(next) } : {}) };
}
