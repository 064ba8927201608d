-- wrk script of npm run bench:api: renew and suspend in turn, each request on its own serial (so two
-- requests never wait for each other's row lock), each with its own Idempotency-Key, as an ERP would.
-- args: serials file, API key, suspension reason id.
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  serials = {}
  for line in io.lines(args[1]) do serials[#serials + 1] = line end
  key = args[2]
  reason = args[3]
  nthreads = tonumber(args[4])
end

function request()
  counter = counter + 1
  local n = counter * nthreads + id
  local serial = serials[(n % #serials) + 1]
  local headers = {
    ["Authorization"] = "Bearer " .. key,
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = "bench-" .. id .. "-" .. counter .. "-" .. os.time(),
  }
  if counter % 2 == 0 then
    return wrk.format("POST", "/api/v1/manufacturer/subscriptions/" .. serial .. "/renew", headers, '{"periods":1}')
  end
  return wrk.format("POST", "/api/v1/manufacturer/subscriptions/" .. serial .. "/suspend", headers, '{"reasonId":"' .. reason .. '"}')
end

function done(summary, latency, requests)
  io.write(string.format("JSON{\"requests\":%d,\"seconds\":%f,\"p50\":%f,\"p99\":%f,\"non2xx\":%d,\"errors\":%d}\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
