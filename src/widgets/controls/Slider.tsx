import { useId } from 'preact/hooks';
import { clampNumber, type ParamSpec } from '../kit/params.ts';

type NumberSpec = Extract<ParamSpec, { kind: 'number' }>;

interface Props {
  label: string;
  spec: NumberSpec;
  value: number;
  onChange(value: number): void;
  /** How the value is shown next to the slider and read out by screen readers. */
  format(value: number): string;
  disabled?: boolean;
}

/** A range slider that shows its value. Arrow keys, Page Up/Down and Home/End work natively. */
export function Slider({ label, spec, value, onChange, format, disabled }: Props) {
  const id = useId();
  const shown = format(value);
  return (
    <div class="ctl ctl-slider">
      <label for={id}>{label}</label>
      <div class="ctl-slider__row">
        <input
          id={id}
          type="range"
          min={spec.min}
          max={spec.max}
          step={spec.step}
          value={value}
          disabled={disabled}
          aria-valuetext={shown}
          onInput={(e) => onChange(clampNumber(spec, Number((e.currentTarget as HTMLInputElement).value)).value)}
        />
        <output for={id} aria-hidden="true">{shown}</output>
      </div>
    </div>
  );
}
