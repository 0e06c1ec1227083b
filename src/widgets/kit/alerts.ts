// The training alert lives with the runner now (src/widgets/runner/alerts.ts). This
// re-export keeps the training figures building until they import it from there.
export { trainingAlert } from '../runner/alerts.ts';
