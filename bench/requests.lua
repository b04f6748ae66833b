-- wrk script: ask for the paths given after "--" in turn; with "fresh", give each request a
-- query parameter of its own, so that no cache holds the page. When done, print the
-- figures as one line of JSON.
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("number", threads)
end

function init(args)
  fresh = args[1] == "fresh"
  prefix = args[2] .. "-" .. number .. "-"
  paths = {}
  for i = 3, #args do
    paths[#paths + 1] = args[i]
  end
  counter = 0
end

function request()
  counter = counter + 1
  local path = paths[(counter - 1) % #paths + 1]
  if fresh then
    local separator = path:find("?", 1, true) and "&" or "?"
    path = path .. separator .. "nocache=" .. prefix .. counter
  end
  return wrk.format(nil, path)
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    'BENCH {"requests": %d, "seconds": %f, "p50_ms": %f, "p99_ms": %f, "bytes": %d, ' ..
    '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1e3,
    latency:percentile(99) / 1e3, summary.bytes,
    errors.connect, errors.read, errors.write, errors.status, errors.timeout))
end
