-- wrk script: prints one machine-readable line with the latency percentiles (microseconds), requests per second and
-- the errors (summary.errors.status counts answers of 400 and above), for run.sh to put in its table.
function done(summary, latency, requests)
  local seconds = summary.duration / 1000000
  io.write(string.format("RESULT p50=%d p95=%d p99=%d max=%d requests=%d rps=%.1f errors=%d status_errors=%d\n",
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max, summary.requests,
    summary.requests / seconds,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
