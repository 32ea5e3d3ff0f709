/** The p-th percentile (nearest rank) of ascending `sorted` timings; every bench script reports with it. */
export const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
