-- wrk script of npm run bench:api: renew and suspend in turn, each request on its own serial (so two
-- requests never wait for each other's row lock), each with its own Idempotency-Key, as an ERP would.
-- args: a file of "key reasonId serial" lines, the number of wrk threads.
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  targets = {}
  for line in io.lines(args[1]) do
    local key, reason, serial = line:match("^(%S+) (%S+) (%S+)$")
    if key then targets[#targets + 1] = { key = key, reason = reason, serial = serial } end
  end
  nthreads = tonumber(args[2])
  started = os.time()
end

function request()
  counter = counter + 1
  local n = counter * nthreads + id
  local target = targets[(n % #targets) + 1]
  local headers = {
    ["Authorization"] = "Bearer " .. target.key,
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = "bench-" .. started .. "-" .. id .. "-" .. counter,
  }
  local path = "/api/v1/manufacturer/subscriptions/" .. target.serial
  if n % 2 == 0 then
    return wrk.format("POST", path .. "/renew", headers, '{"periods":1}')
  end
  return wrk.format("POST", path .. "/suspend", headers, '{"reasonId":"' .. target.reason .. '"}')
end

function done(summary, latency, requests)
  io.write(string.format("JSON{\"requests\":%d,\"seconds\":%f,\"p50\":%f,\"p99\":%f,\"non2xx\":%d,\"errors\":%d}\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
