import type { LabStatus } from './status.ts';

interface Props {
  text: string;
  status: LabStatus | null;
  step: number;
  loss: number;
}

/** The plain-language verdict above the charts; its raw numbers are on data attributes for tests. */
export function StatusLine({ text, status, step, loss }: Props) {
  return (
    <p class={`lab-status lab-status--${status?.kind ?? 'none'}`} data-status={status?.kind} data-step={step} data-loss={loss} data-ratio={status?.ratio}>
      {text}
    </p>
  );
}
