import { useEffect, useId, useState } from 'preact/hooks';
import { clampNumber, type ParamSpec } from '../kit/params.ts';
import { tr, type Strings } from '../kit/strings.ts';

type NumberSpec = Extract<ParamSpec, { kind: 'number' }>;

interface Props {
  label: string;
  spec: NumberSpec;
  value: number;
  onChange(value: number): void;
  strings: Strings;
  format(value: number): string;
  disabled?: boolean;
}

/**
 * A typed number. The value is committed on Enter or when focus leaves; anything out of
 * range or off the step grid is clamped, and a message says what happened.
 */
export function NumberInput({ label, spec, value, onChange, strings, format, disabled }: Props) {
  const id = useId();
  const [text, setText] = useState(String(value));
  const [message, setMessage] = useState('');
  useEffect(() => setText(String(value)), [value]);
  const commit = () => {
    const raw = text.trim().replace(',', '.');
    const x = raw === '' ? NaN : Number(raw);
    const { value: v, adjusted } = clampNumber(spec, x);
    if (Number.isNaN(x)) setMessage(tr(strings, 'kit.control.invalid', { label, value: format(v) }));
    else if (adjusted === 'below') setMessage(tr(strings, 'kit.control.clampedBelow', { label, min: format(spec.min) }));
    else if (adjusted === 'above') setMessage(tr(strings, 'kit.control.clampedAbove', { label, max: format(spec.max) }));
    else if (adjusted === 'step') setMessage(tr(strings, 'kit.control.clampedStep', { label, value: format(v) }));
    else setMessage('');
    setText(String(v));
    if (v !== value) onChange(v);
  };
  return (
    <div class="ctl ctl-number">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        value={text}
        disabled={disabled}
        aria-describedby={message ? `${id}-msg` : undefined}
        onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
            e.preventDefault();
            const next = clampNumber(spec, value + (e.key === 'ArrowUp' ? spec.step : -spec.step)).value;
            setMessage('');
            onChange(next);
          }
        }}
      />
      <p id={`${id}-msg`} class="ctl-message" role="status">{message}</p>
    </div>
  );
}
