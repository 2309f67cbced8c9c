import type { FilePrint, SubmissionPrint } from './fingerprint.js';

export interface MatchRegion {
  file: string;
  aLines: [number, number];
  bLines: [number, number];
  /** The lines, numbered (`12 | code`), to show side by side. */
  aText: string;
  bText: string;
}

export interface SimilarPair {
  a: string;
  b: string;
  /** Shared fingerprints over the smaller submission's fingerprints (0..1), starter code excluded. */
  similarity: number;
  shared: number;
  regions: MatchRegion[];
}

export interface SimilarityOptions {
  /** Flag pairs at or above this similarity. */
  threshold: number;
  /** ... and sharing at least this many fingerprints (tiny files say nothing). */
  minShared: number;
  /**
   * A fingerprint found in more than `maxHolders` submissions and in more than `maxShare` of
   * the class is common idiom (or the slide's code), not copying, and is ignored (MOSS's `-m`).
   */
  maxHolders: number;
  maxShare: number;
  maxRegions: number;
}

export const DEFAULT_SIMILARITY: SimilarityOptions = { threshold: 0.5, minShared: 8, maxHolders: 10, maxShare: 0.5, maxRegions: 8 };

/**
 * The pairs of submissions whose fingerprints overlap at or above the threshold, the most
 * similar first. Fingerprints also found in the starter code are removed first, so handing in
 * the starter (or keeping its comments and signatures) never makes two students similar. Only
 * files of the same name are compared.
 */
export function findSimilarPairs(
  prints: ReadonlyMap<string, SubmissionPrint>,
  starter: SubmissionPrint,
  options: SimilarityOptions = DEFAULT_SIMILARITY,
): SimilarPair[] {
  const starterHashes = new Set(Object.values(starter).flatMap((f) => f.prints.map((p) => p[0])));
  // Per student, the distinct (file, hash) keys that remain.
  const keys = new Map<string, Set<string>>();
  const holders = new Map<string, string[]>();
  for (const [student, files] of prints) {
    const own = new Set<string>();
    for (const [file, fp] of Object.entries(files)) for (const [h] of fp.prints) if (!starterHashes.has(h)) own.add(`${file}:${h}`);
    keys.set(student, own);
    for (const key of own) (holders.get(key) ?? holders.set(key, []).get(key)!).push(student);
  }
  const common = Math.max(options.maxHolders, Math.floor(options.maxShare * prints.size));
  const sharedCount = new Map<string, number>();
  for (const students of holders.values()) {
    if (students.length < 2 || students.length > common) continue;
    for (let i = 0; i < students.length; i++) {
      for (let j = i + 1; j < students.length; j++) {
        const pair = pairKey(students[i], students[j]);
        sharedCount.set(pair, (sharedCount.get(pair) ?? 0) + 1);
      }
    }
  }
  const size = (s: string) => [...keys.get(s)!].filter((k) => (holders.get(k)?.length ?? 0) <= common).length;
  const pairs: SimilarPair[] = [];
  for (const [pair, shared] of sharedCount) {
    const [a, b] = JSON.parse(pair) as [string, string];
    const smaller = Math.min(size(a), size(b));
    const similarity = smaller === 0 ? 0 : shared / smaller;
    if (similarity < options.threshold || shared < options.minShared) continue;
    const isShared = (key: string) => keys.get(a)!.has(key) && keys.get(b)!.has(key) && holders.get(key)!.length <= common;
    pairs.push({ a, b, similarity: Math.round(similarity * 1000) / 1000, shared, regions: matchRegions(prints.get(a)!, prints.get(b)!, isShared, options.maxRegions) });
  }
  return pairs.sort((x, y) => y.similarity - x.similarity || (pairKey(x.a, x.b) < pairKey(y.a, y.b) ? -1 : 1));
}

function pairKey(a: string, b: string): string {
  return JSON.stringify(a < b ? [a, b] : [b, a]);
}

/** Matching fingerprints grouped into runs of lines, in the order they appear in `a`. */
function matchRegions(a: SubmissionPrint, b: SubmissionPrint, isShared: (key: string) => boolean, max: number): MatchRegion[] {
  const regions: MatchRegion[] = [];
  for (const file of Object.keys(a).sort()) {
    const fb = b[file];
    if (!fb) continue;
    const inB = new Map<number, [number, number]>();
    for (const [h, s, e] of fb.prints) if (!inB.has(h)) inB.set(h, [s, e]);
    let current: { a: [number, number]; b: [number, number] } | undefined;
    const flush = () => {
      if (current) regions.push(region(file, a[file], fb, current.a, current.b));
      current = undefined;
    };
    for (const [h, s, e] of a[file].prints) {
      const match = inB.get(h);
      if (!match || !isShared(`${file}:${h}`)) continue;
      if (current && s <= current.a[1] + 2 && match[0] <= current.b[1] + 2 && match[1] >= current.b[0] - 2) {
        current.a[1] = Math.max(current.a[1], e);
        current.b = [Math.min(current.b[0], match[0]), Math.max(current.b[1], match[1])];
      } else {
        flush();
        current = { a: [s, e], b: [match[0], match[1]] };
      }
    }
    flush();
  }
  return regions.sort((x, y) => y.aLines[1] - y.aLines[0] - (x.aLines[1] - x.aLines[0])).slice(0, max);
}

function region(file: string, a: FilePrint, b: FilePrint, aLines: [number, number], bLines: [number, number]): MatchRegion {
  return { file, aLines, bLines, aText: `${file}\n${numbered(a.lines, aLines)}`, bText: `${file}\n${numbered(b.lines, bLines)}` };
}

function numbered(lines: string[], [from, to]: [number, number]): string {
  const width = String(to).length;
  return lines.slice(from - 1, Math.min(to, from + 59)).map((l, i) => `${String(from + i).padStart(width)} | ${l}`).join('\n');
}
