/** What one `npm run bench` run measures, as the report writer reads it. */
import type { Measured } from './measure.ts';
import type { QueryResult } from './queries.ts';

/**
 * The generated plans a run builds: `sinh`, the ordinary generator's;
 * `van-mau`, its boilerplate mode (`npm run gen -- --van-mau`), where the
 * common words are in most plans. `co-san`: a site built before the run
 * (`--chi-tim-kiem`), measured as it is.
 */
export type Corpus = 'sinh' | 'van-mau' | 'co-san';

export const CORPUS_LABELS: Record<Corpus, string> = {
  sinh: 'Kho sinh',
  'van-mau': 'Kho văn mẫu',
  'co-san': 'Bản dựng có sẵn',
};

export interface OutputStats {
  files: number;
  bytes: number;
  /** Pagefind's bundles (pagefind/). */
  pagefindBytes: number;
  pagefindFiles: number;
  /** The archive's own search index (chi-muc/). */
  indexBytes: number;
  indexFiles: number;
  /** Its filter file, which the search page fetches for the filter counts once the reader reaches for the filters. */
  filterBytes?: number;
}

export interface BuildReport {
  measured?: Measured;
  /** Runs in order (the bare reference has two: Astro, then the Pagefind CLI). */
  steps?: Measured[];
  output?: OutputStats;
  error?: string;
}

export interface CorpusReport {
  corpus: Corpus;
  genMs?: number;
  /** Absent when only the search was measured (`--chi-tim-kiem`). */
  ours?: BuildReport;
  bare?: BuildReport;
  /** Plans in the search index (its manifest). */
  plans?: number;
  /** Cold and warm with text gzipped; cold only with every file as it is. */
  gzip?: QueryResult[];
  plain?: QueryResult[];
  searchError?: string;
}

export interface BenchReport {
  /** Generated plans per corpus; absent for `--chi-tim-kiem`. */
  count?: number;
  realCount?: number;
  seed?: number;
  /** The folder measured by `--chi-tim-kiem`, as the command named it. */
  site?: string;
  command: string;
  startedAt: Date;
  machine: string;
  /** The commit measured, and whether tracked files differed from it. */
  commit: string;
  corpora: CorpusReport[];
  /** Runs of the query list; each query's figures are those of its run of median time. */
  runs: number;
  /** The machine's 1-minute load average at the start and the end of the run. */
  load?: [number, number];
  /** Whether the bare reference was skipped (--khong-tham-chieu). */
  noBare?: boolean;
}
