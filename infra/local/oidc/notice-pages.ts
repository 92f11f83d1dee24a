import { escapeHtml, layout } from './page-layout';

/** A request that cannot be answered by a redirect (unknown client or redirect URI). */
export function requestErrorPage(description: string): string {
  return layout({
    title: 'Error: sign-in request refused',
    main: `<h1>This sign-in request cannot be used</h1>
<p>${escapeHtml(description)}</p>
<p>Start again from the e-Box Enterprise portal.</p>`,
  });
}

/** The end of a logout that has no (valid) address to return to. */
export function signedOutPage(options: { portalUrl: string; refusedReturn?: string }): string {
  return layout({
    title: 'Signed out',
    main: `<h1>You are signed out</h1>
<p>This local sign-in service keeps no session of its own, so there is nothing more to close.</p>
${options.refusedReturn ? `<p>${escapeHtml(options.refusedReturn)}</p>\n` : ''}<p><a href="${escapeHtml(options.portalUrl)}">Go to the e-Box Enterprise portal</a></p>`,
  });
}
