import type { Scenario } from '../../sim/model/scenario.ts';

/**
 * What every form control gets: the scenario it shows, and `edit`, which applies a change to
 * the store's current scenario (validated, run, undoable). A change may return an invalid
 * document; the editor then shows the validator's message and the scenario stays.
 */
export interface FormApi {
  doc: Scenario;
  edit(change: (s: Scenario) => unknown): void;
}
