// The lab's per-layer activation list as its links write it, shared by the lab and the kit's
// "Open in the lab" (a module of its own, so the lab does not load the kit's link table).

/** The URL key (not 'lab.acts': the kit's readState refuses, and writeState drops, any lab.* key outside the schema). */
export const LAB_LINK_ACTS_KEY = 'labacts';

/** The per-layer list as runs of equal names (['relu', 'relu', 'tanh'] -> 'relu*2,tanh'), as lab/acts.ts reads it. */
export function encodeActs(list: readonly string[]): string {
  const runs: string[] = [];
  for (let i = 0; i < list.length; ) {
    let j = i;
    while (j < list.length && list[j] === list[i]) j++;
    runs.push(j - i > 1 ? `${list[i]}*${j - i}` : list[i]);
    i = j;
  }
  return runs.join(',');
}
