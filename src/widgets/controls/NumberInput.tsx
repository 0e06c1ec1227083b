import { useId, useState } from 'preact/hooks';
import type { Lang } from '../../i18n/index.ts';
import { formatForInput, parseLocaleNumber } from '../kit/format.ts';
import { clampNumber, type ParamSpec } from '../kit/params.ts';
import { tr, type Strings } from '../kit/strings.ts';

type NumberSpec = Extract<ParamSpec, { kind: 'number' }>;

interface Props {
  label: string;
  spec: NumberSpec;
  value: number;
  onChange(value: number): void;
  strings: Strings;
  /** The figure's language: the field reads numbers as its readers write them (en 9,999; es 0,5). */
  lang?: Lang;
  format(value: number): string;
  disabled?: boolean;
}

/** What a commit did to the typed text, as the message under the field says it. */
export function numberMessage(spec: NumberSpec, typed: number, current: number, label: string, s: Strings, format: (x: number) => string): { value: number; message: string } {
  // Text that is not a number changes nothing: the setting keeps the value it had.
  if (Number.isNaN(typed)) return { value: current, message: tr(s, 'kit.control.invalid', { label, value: format(current) }) };
  const { value, adjusted } = clampNumber(spec, typed);
  if (adjusted === 'below') return { value, message: tr(s, 'kit.control.clampedBelow', { label, min: format(spec.min) }) };
  if (adjusted === 'above') return { value, message: tr(s, 'kit.control.clampedAbove', { label, max: format(spec.max) }) };
  if (adjusted === 'step') return { value, message: tr(s, 'kit.control.clampedStep', { label, value: format(value) }) };
  return { value, message: '' };
}

/**
 * A typed number. The value is committed on Enter or when focus leaves; anything out of
 * range or off the step grid is clamped, and a message says what happened.
 *
 * The field shows the reader's draft while they type and the committed value otherwise. It
 * never copies the value into the draft from an effect: effects run after paint, and on a
 * busy page such a copy could land after the reader had typed again and overwrite it.
 */
export function NumberInput({ label, spec, value, onChange, strings, lang = 'en', format, disabled }: Props) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const commit = () => {
    if (draft === null) return;
    const next = numberMessage(spec, parseLocaleNumber(draft, lang), value, label, strings, format);
    setMessage(next.message);
    setDraft(null);
    if (next.value !== value) onChange(next.value);
  };
  return (
    <div class="ctl ctl-number">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        value={draft ?? formatForInput(value, lang)}
        disabled={disabled}
        aria-describedby={message ? `${id}-msg` : undefined}
        onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
            e.preventDefault();
            const next = clampNumber(spec, value + (e.key === 'ArrowUp' ? spec.step : -spec.step)).value;
            setMessage('');
            setDraft(null);
            onChange(next);
          }
        }}
      />
      <p id={`${id}-msg`} class="ctl-message" role="status">{message}</p>
    </div>
  );
}
