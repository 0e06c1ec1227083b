import type { ComponentChildren } from 'preact';

export interface StepperMove {
  label: string;
  onPress(): void;
  /** The move cannot go further (first or last position, or the run stopped). */
  disabled?: boolean;
  primary?: boolean;
}

interface Props {
  /** The group's accessible name, e.g. "Order of computation". */
  label: string;
  /** The buttons that move through the steps, in the order shown. */
  moves: StepperMove[];
  resetLabel: string;
  onReset(): void;
  resetDisabled?: boolean;
  /** Where the figure is now, e.g. "Step 3 of 6: hidden unit 2". */
  counter: string;
  /** Extra buttons that belong with the stepper (e.g. "restore the example"). */
  children?: ComponentChildren;
}

/**
 * Step-through buttons for figures that advance by hand (forward pass, backprop, gradient
 * descent): the moves, a reset, and a counter that says where the figure is.
 */
export function Stepper({ label, moves, resetLabel, onReset, resetDisabled, counter, children }: Props) {
  return (
    <div class="ctl ctl-play" role="group" aria-label={label}>
      {moves.map((m) => (
        <button key={m.label} type="button" class={m.primary ? 'btn btn--primary' : 'btn'} onClick={m.onPress} disabled={m.disabled}>
          {m.label}
        </button>
      ))}
      <button type="button" class="btn" onClick={onReset} disabled={resetDisabled}>
        {resetLabel}
      </button>
      {children}
      <span class="ctl-play__counter" data-testid="step-counter">{counter}</span>
    </div>
  );
}
