-- wrk script for run.sh. Each request carries the next of the logged-in sessions (SESSIONS_FILE, one SESSION cookie
-- value a line; threads start at different places), so concurrent requests act like different people rather than
-- one person in 50 tabs. done() prints one machine-readable line: latency percentiles (microseconds), requests per
-- second and errors (summary.errors.status counts answers of 400 and above). With THINK_MS set, each user waits a
-- think time drawn uniformly between half and one and a half times it before each next request, as people do between
-- pages; wrk's latencies never include that wait.
local sessions = {}
local next_index = 1
local threads = 0

function setup(thread)
  thread:set("thread_number", threads)
  threads = threads + 1
end

function init(args)
  local file = io.open(os.getenv("SESSIONS_FILE") or "sessions.txt", "r")
  for line in file:lines() do
    if line ~= "" then
      table.insert(sessions, line)
    end
  end
  file:close()
  next_index = ((thread_number or 0) * 7) % #sessions + 1
  math.randomseed(os.time() + (thread_number or 0))
end

local think_ms = tonumber(os.getenv("THINK_MS") or "0") or 0
if think_ms > 0 then
  function delay()
    return math.random(math.floor(think_ms / 2), math.floor(think_ms * 3 / 2))
  end
end

function request()
  local cookie = "SESSION=" .. sessions[next_index]
  next_index = next_index % #sessions + 1
  return wrk.format(nil, nil, { ["Cookie"] = cookie })
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1000000
  io.write(string.format("RESULT p50=%d p95=%d p99=%d max=%d requests=%d rps=%.1f errors=%d status_errors=%d\n",
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max, summary.requests,
    summary.requests / seconds,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
