// dive's image efficiency (wagoodman/dive, dive/filetree/efficiency.go), reproduced so that a
// `.dive-ci` gate means the same thing here: each path is observed once per layer whose tree has
// it as a leaf; efficiency = Σ smallest size observed per path ÷ Σ all sizes observed; a path
// observed in two or more layers is "inefficient" and all its observed sizes add to the
// inefficient (dive: "wasted") bytes, the first copy included.
import type { InefficientPath } from '../model';

interface PathObservations {
  count: number;
  totalBytes: number;
  smallestBytes: number;
}

export class DiveEfficiency {
  private readonly paths = new Map<string, PathObservations>();

  observe(path: string, sizeBytes: number): void {
    const seen = this.paths.get(path);
    if (!seen) {
      this.paths.set(path, { count: 1, totalBytes: sizeBytes, smallestBytes: sizeBytes });
      return;
    }
    seen.count++;
    seen.totalBytes += sizeBytes;
    if (sizeBytes < seen.smallestBytes) seen.smallestBytes = sizeBytes;
  }

  result(): { efficiency: number; inefficientBytes: number; inefficientPaths: InefficientPath[] } {
    let smallest = 0;
    let total = 0;
    let inefficientBytes = 0;
    const inefficientPaths: InefficientPath[] = [];
    for (const [path, seen] of this.paths) {
      smallest += seen.smallestBytes;
      total += seen.totalBytes;
      if (seen.count >= 2) {
        inefficientBytes += seen.totalBytes;
        inefficientPaths.push({ path, count: seen.count, sizeBytes: seen.totalBytes });
      }
    }
    inefficientPaths.sort((a, b) => b.sizeBytes - a.sizeBytes || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { efficiency: total === 0 ? 1 : smallest / total, inefficientBytes, inefficientPaths };
  }
}
