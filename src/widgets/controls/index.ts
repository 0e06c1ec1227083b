export { Slider } from './Slider.tsx';
export { NumberInput } from './NumberInput.tsx';
export { Select } from './Select.tsx';
export { Segmented } from './Segmented.tsx';
export { Toggle } from './Toggle.tsx';
export { PlayControls } from './PlayControls.tsx';
export { Stepper, type StepperMove } from './Stepper.tsx';
export { TrainerControls } from './TrainerControls.tsx';
