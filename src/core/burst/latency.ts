import { createRequire } from 'node:module';
import type { Histogram } from 'hdr-histogram-js';
import { isRecord } from '../guards.js';

type HdrModule = typeof import('hdr-histogram-js');

/** The functions of hdr-histogram-js this file calls, so a broken install fails here, by name. */
function isHdrModule(value: unknown): value is HdrModule {
  return (
    isRecord(value) &&
    typeof value.build === 'function' &&
    typeof value.encodeIntoCompressedBase64 === 'function' &&
    typeof value.decodeFromCompressedBase64 === 'function'
  );
}

// hdr-histogram-js is CommonJS; load it the same way from source (jest) and from the bundle.
const loaded: unknown = createRequire(import.meta.url)('hdr-histogram-js');
if (!isHdrModule(loaded)) throw new Error('hdr-histogram-js did not load (no build/encode/decode); reinstall the dependencies with npm ci');
const hdr = loaded;

/** Latency percentiles in milliseconds, as the burst metrics contract reports them. */
export interface LatencySummary {
  min: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
  avg: number;
}

/** Highest latency a histogram tracks: one hour in microseconds (a value above is clamped). */
const HIGHEST_US = 3_600_000_000;

/**
 * An HDR histogram of latencies in microseconds (3 significant digits: a percentile is exact to
 * 0.1%), with memory bounded by its range, not by how many values it holds. Histograms of threads
 * and shards merge exactly by adding counts, never by averaging percentiles.
 */
export class LatencyHistogram {
  readonly hdr: Histogram;

  constructor(from?: Histogram) {
    this.hdr = from ?? hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: HIGHEST_US, numberOfSignificantValueDigits: 3, autoResize: false });
  }

  /** Record one latency in milliseconds (fractions kept to the microsecond). */
  recordMs(ms: number): void {
    const us = Math.min(HIGHEST_US, Math.max(1, Math.round(ms * 1000)));
    this.hdr.recordValue(us);
  }

  get count(): number {
    return this.hdr.totalCount;
  }

  /** Add every count of `other` into this one (exact). */
  add(other: LatencyHistogram): void {
    if (other.count > 0) this.hdr.add(other.hdr);
  }

  /** Latency in ms at a percentile (0-100); 0 when empty. */
  percentileMs(percentile: number): number {
    if (this.count === 0) return 0;
    return toMs(this.hdr.getValueAtPercentile(percentile));
  }

  summary(): LatencySummary {
    if (this.count === 0) return { min: 0, p50: 0, p90: 0, p95: 0, p99: 0, max: 0, avg: 0 };
    return {
      min: toMs(this.hdr.minNonZeroValue),
      p50: this.percentileMs(50),
      p90: this.percentileMs(90),
      p95: this.percentileMs(95),
      p99: this.percentileMs(99),
      max: toMs(this.hdr.maxValue),
      avg: toMs(this.hdr.mean),
    };
  }

  /** Compact text form (HdrHistogram's compressed base64) for results, shards and thread messages. */
  encode(): string {
    return hdr.encodeIntoCompressedBase64(this.hdr);
  }

  /** Read an {@link encode}d histogram; throws on text that is not one. */
  static decode(text: string): LatencyHistogram {
    return new LatencyHistogram(hdr.decodeFromCompressedBase64(text, 32, false));
  }

  /** Merge encoded histograms exactly into one. */
  static mergeEncoded(texts: readonly string[]): LatencyHistogram {
    const out = new LatencyHistogram();
    for (const text of texts) out.add(LatencyHistogram.decode(text));
    return out;
  }
}

function toMs(us: number): number {
  return Math.round(us) / 1000;
}
