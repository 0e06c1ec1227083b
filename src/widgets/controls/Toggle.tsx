import { useId } from 'preact/hooks';

interface Props {
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  disabled?: boolean;
}

/** An on/off switch: a checkbox with role="switch", so Space toggles it. */
export function Toggle({ label, checked, onChange, disabled }: Props) {
  const id = useId();
  return (
    <div class="ctl ctl-toggle">
      <input id={id} type="checkbox" role="switch" checked={checked} disabled={disabled} onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)} />
      <label for={id}>{label}</label>
    </div>
  );
}
