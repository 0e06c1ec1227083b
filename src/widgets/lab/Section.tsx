import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

interface Props {
  id: string;
  title: string;
  children: ComponentChildren;
  /** Open on wide screens from the start; on phones every group starts closed, under the charts. */
  openWide?: boolean;
}

/** One group of the lab's controls, as a disclosure, so a phone shows the charts first. */
export function Section({ id, title, children, openWide = true }: Props) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (openWide && ref.current && matchMedia('(min-width: 48rem)').matches) ref.current.open = true;
  }, []);
  return (
    <details class="lab-section" ref={ref} data-section={id}>
      <summary>{title}</summary>
      <div class="lab-section__body">{children}</div>
    </details>
  );
}
