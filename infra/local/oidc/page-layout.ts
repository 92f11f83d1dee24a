/** Everything echoed into a page goes through this (text and attribute values alike). */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

export const STYLESHEET_PATH = '/local/sign-in.css';

/**
 * The frame of the provider's pages: no script at all and one external stylesheet, so they run
 * under a Content-Security-Policy without 'unsafe-inline'. `main` is trusted, already escaped HTML.
 */
export function layout(options: { title: string; main: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(options.title)} – e-Box Enterprise (local)</title>
<link rel="stylesheet" href="${STYLESHEET_PATH}">
</head>
<body>
<header class="banner">
<p class="banner__name">e-Box Enterprise</p>
<p class="banner__note">Local sign-in for development – not the federal authentication service</p>
</header>
<main>
${options.main}
</main>
</body>
</html>
`;
}
