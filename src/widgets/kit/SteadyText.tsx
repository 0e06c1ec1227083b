import type { ComponentChildren, JSX } from 'preact';
import { useRef } from 'preact/hooks';
import { useNoShrink } from './hooks.ts';

type Props = Omit<JSX.HTMLAttributes<HTMLParagraphElement>, 'ref'> & { children?: ComponentChildren };

/** A paragraph of live text that does not shrink back while it updates (useNoShrink). */
export function SteadyText({ children, ...rest }: Props) {
  const ref = useRef<HTMLParagraphElement>(null);
  useNoShrink(ref);
  return (
    <p {...rest} ref={ref}>
      {children}
    </p>
  );
}
