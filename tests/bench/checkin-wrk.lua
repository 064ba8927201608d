-- wrk script for the license benchmark (tests/bench/checkin.ts writes the input file).
--   wrk -t2 -c100 -d20s -s tests/bench/checkin-wrk.lua URL -- <file> <check-in|activate>
-- check-in: a random "serial machine-id" line per request. activate: the serials in order (each
-- thread its own share, each serial once) on a new machine, i.e. a troca. Every request comes from
-- its own X-Forwarded-For IP. done() prints one JSON line the driver parses.
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  lines = {}
  for line in io.lines(args[1]) do
    lines[#lines + 1] = line
  end
  mode = args[2]
  thread_count = tonumber(args[3])
  path = mode == "activate" and "/api/v1/licenses/activate" or "/api/v1/licenses/check-in"
  sent = 0
  math.randomseed(os.time() + id * 7919)
end

function request()
  sent = sent + 1
  local n = id * 100000000 + sent
  local nonce = string.format("bench%012d%02d", sent, id)
  local ip = string.format("10.%d.%d.%d", id * 64 + math.floor(sent / 65536) % 64, math.floor(sent / 256) % 256, sent % 256)
  local body
  if mode == "activate" then
    local serial = lines[((sent - 1) * thread_count + id) % #lines + 1]
    body = string.format(
      '{"serialNumber":"%s","machine":{"id":"bench-machine-%d","name":"BENCH-%d","os":"Windows 11 Pro","appVersion":"5.4.2"},"nonce":"%s"}',
      serial, n, n, nonce)
  else
    local line = lines[math.random(#lines)]
    local serial, machine = line:match("^(%S+) (%S+)$")
    body = string.format('{"serialNumber":"%s","machineId":"%s","nonce":"%s"}', serial, machine, nonce)
  end
  return wrk.format("POST", path, { ["Content-Type"] = "application/json", ["X-Forwarded-For"] = ip }, body)
end

function done(summary, latency, requests)
  local non2xx = summary.errors.status
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format(
    'WRK_RESULT {"requests":%d,"seconds":%f,"p50":%f,"p99":%f,"non2xx":%d,"errors":%d}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000, non2xx, errors))
end
