/**
 * Holds a table that may be wider than the screen (at 320 px): the table scrolls sideways inside
 * it rather than the page (WCAG 1.4.10 lets data tables scroll). While it does scroll, the wrapper
 * is a named, focusable region, so keyboard users can scroll it too; otherwise it adds no tab stop.
 */
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

export function TableWrapper({ label, children }: { label: string; children: ComponentChildren }) {
  const root = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useLayoutEffect(() => {
    const el = root.current;
    if (!el) return;
    const check = () => setScrolls(el.scrollWidth > el.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      class="app-table-wrapper"
      ref={root}
      tabIndex={scrolls ? 0 : undefined}
      role={scrolls ? 'region' : undefined}
      aria-label={scrolls ? `${label} (scrolls sideways)` : undefined}
    >
      {children}
    </div>
  );
}
