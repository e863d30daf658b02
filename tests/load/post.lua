-- wrk script: POST the GraphQL document in $BODY_FILE as JSON to the endpoint.
local f = assert(io.open(os.getenv("BODY_FILE"), "r"))
wrk.method = "POST"
wrk.body = f:read("*a")
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/graphql-response+json"
f:close()

-- Count non-200 answers so a fast stream of errors is never mistaken for throughput.
-- Each thread counts its own; done() sums them over the threads.
local threads = {}
setup = function(thread) table.insert(threads, thread) end
bad = 0
unavailable = 0
response = function(status, headers, body)
  if status ~= 200 then bad = bad + 1 end
  if status == 503 then unavailable = unavailable + 1 end
end
done = function(summary, latency, requests)
  local non200, n503 = 0, 0
  for _, thread in ipairs(threads) do
    non200 = non200 + thread:get("bad")
    n503 = n503 + thread:get("unavailable")
  end
  io.write(string.format("RESULT req_per_s=%.1f p50_ms=%.2f p99_ms=%.2f requests=%d non200=%d n503=%d errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, non200, n503, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
