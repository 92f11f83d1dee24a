import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';

/**
 * One page: its title in the tab and an h1 that takes the focus when the page opens, so screen
 * reader and keyboard users start at the top of what changed.
 */
export function Page({ title, children, intro }: { title: string; intro?: ComponentChildren; children?: ComponentChildren }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – ${t.appName}`;
  }, [title, t.appName]);
  useEffect(() => {
    heading.current?.focus({ preventScroll: false });
  }, []);
  return (
    <>
      <h1 tabIndex={-1} ref={heading}>
        {title}
      </h1>
      {intro ? <p class="lead">{intro}</p> : null}
      {children}
    </>
  );
}
