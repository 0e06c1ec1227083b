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
  /**
   * Move on a log scale (a learning rate): the thumb runs over log10 of the value in
   * `logStep` decades per notch, and each position is clamped onto the spec's grid.
   */
  log?: boolean;
  logStep?: number;
}

/** A range slider that shows its value. Arrow keys, Page Up/Down and Home/End work natively. */
export function Slider({ label, spec, value, onChange, format, disabled, log = false, logStep = 0.05 }: Props) {
  const id = useId();
  const shown = format(value);
  const range = log
    ? { min: Math.log10(Math.max(spec.min, 1e-300)), max: Math.log10(spec.max), step: logStep, value: Math.log10(Math.max(value, spec.min, 1e-300)) }
    : { min: spec.min, max: spec.max, step: spec.step, value };
  const fromInput = (x: number) => clampNumber(spec, log ? 10 ** x : x).value;
  return (
    <div class="ctl ctl-slider">
      <label for={id}>{label}</label>
      <div class="ctl-slider__row">
        <input
          id={id}
          type="range"
          min={range.min}
          max={range.max}
          step={range.step}
          value={range.value}
          disabled={disabled}
          aria-valuetext={shown}
          onInput={(e) => onChange(fromInput(Number((e.currentTarget as HTMLInputElement).value)))}
        />
        <output for={id} aria-hidden="true">{shown}</output>
      </div>
    </div>
  );
}
