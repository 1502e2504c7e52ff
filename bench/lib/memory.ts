/**
 * Peak memory of this process. `resourceUsage().maxRSS` is the kernel's high-water mark for
 * the whole run; a sampler adds the peak within one phase (RSS and JS heap).
 */
export function processPeakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024; // kilobytes on Linux
}

export function samplePeakMemory(intervalMs = 25) {
  let rss = 0;
  let heap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    stop(): { rssMb: number; heapMb: number } {
      clearInterval(timer);
      sample();
      return { rssMb: rss / 1048576, heapMb: heap / 1048576 };
    },
  };
}
