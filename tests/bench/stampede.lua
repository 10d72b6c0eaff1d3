-- wrk script for the stampede round: counts answers rendered anew (no Age header: not from the
-- output cache) and server errors, summed over wrk's threads.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  renders = 0
  errors = 0
end

function response(status, headers, body)
  if status >= 500 then
    errors = errors + 1
  elseif status == 200 and headers["Age"] == nil then
    renders = renders + 1
  end
end

function done(summary, latency, requests)
  local r, e = 0, 0
  for _, thread in ipairs(threads) do
    r = r + thread:get("renders")
    e = e + thread:get("errors")
  end
  io.write(string.format("STAMPEDE renders=%d errors=%d\n", r, e))
end
