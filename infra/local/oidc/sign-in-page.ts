import { requestFields, type AuthorizationRequest } from './authorization-request';
import { escapeHtml, layout } from './page-layout';

export type SignInField = 'ssin' | 'name';

export interface SignInForm {
  /** What was typed, kept on error so nobody types it twice. */
  values?: Partial<Record<SignInField, string>>;
  errors?: Partial<Record<SignInField, string>>;
}

const FIELDS: ReadonlyArray<{ id: SignInField; label: string; hint: string; attributes: string }> = [
  {
    id: 'ssin',
    label: 'National number (SSIN)',
    hint: '11 digits, with or without dots, dashes or spaces, for example 85.07.30-033.28',
    // No autofill token exists for a national number, and a browser should not offer to keep one.
    attributes: 'inputmode="numeric" autocomplete="off" spellcheck="false"',
  },
  { id: 'name', label: 'Name', hint: 'As e-Box shows it, for example Anne Dupont', attributes: 'autocomplete="name" spellcheck="false"' },
];

function field(definition: (typeof FIELDS)[number], form: SignInForm): string {
  const { id } = definition;
  const error = form.errors?.[id];
  const describedBy = error ? `${id}-hint ${id}-error` : `${id}-hint`;
  return `<div class="field${error ? ' field--error' : ''}">
<label for="${id}">${escapeHtml(definition.label)}</label>
<p class="hint" id="${id}-hint">${escapeHtml(definition.hint)}</p>
${error ? `<p class="error-message" id="${id}-error"><span class="visually-hidden">Error:</span> ${escapeHtml(error)}</p>\n` : ''}<input id="${id}" name="${id}" type="text" ${definition.attributes} value="${escapeHtml(form.values?.[id] ?? '')}" aria-describedby="${describedBy}"${error ? ' aria-invalid="true"' : ''}>
</div>`;
}

function errorSummary(errors: Partial<Record<SignInField, string>>): string {
  const items = FIELDS.flatMap(({ id }) => (errors[id] ? [`<li><a href="#${id}">${escapeHtml(errors[id])}</a></li>`] : []));
  if (!items.length) return '';
  return `<div class="error-summary" role="alert" aria-labelledby="error-summary-title">
<h2 id="error-summary-title">There is a problem</h2>
<ul>
${items.join('\n')}
</ul>
</div>
`;
}

/**
 * The page the federal authentication service would show (eID card reader or itsme), reduced to
 * what a developer needs: who to be. It posts the authorization request back with the answer.
 */
export function signInPage(request: AuthorizationRequest, form: SignInForm = {}): string {
  const summary = errorSummary(form.errors ?? {});
  const hidden = requestFields(request)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n');
  const returnTo = new URL(request.redirectUri).origin;
  return layout({
    title: `${summary ? 'Error: ' : ''}Sign in`,
    main: `${summary}<h1>Sign in to e-Box Enterprise</h1>
<p>On this machine, this page stands in for the federal authentication service (eID card reader or itsme). There is no card, app or password: any valid national number signs you in as that person.</p>
<form method="post" action="/local/authorize" novalidate>
${hidden}
${FIELDS.map((definition) => field(definition, form)).join('\n')}
<button type="submit">Sign in</button>
</form>
<p class="small">You will then return to ${escapeHtml(returnTo)}.</p>`,
  });
}
