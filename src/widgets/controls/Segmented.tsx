import { useId } from 'preact/hooks';

interface Props<T extends string> {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange(value: T): void;
  disabled?: boolean;
}

/** Segmented buttons, built as a radio group so arrow keys move between options. */
export function Segmented<T extends string>({ label, value, options, onChange, disabled }: Props<T>) {
  const name = useId();
  return (
    <fieldset class="ctl ctl-segmented" disabled={disabled}>
      <legend>{label}</legend>
      <div class="ctl-segmented__options">
        {options.map((o) => (
          <label key={o.value} class={o.value === value ? 'is-selected' : undefined}>
            <input type="radio" name={name} value={o.value} checked={o.value === value} onChange={() => onChange(o.value)} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
