-- POSTs the feedback form (urlencoded) with a CSRF cookie/token and a signed
-- start time taken from the form page, and counts how the server answered:
-- 302 = stored (redirect to the receipt), anything else = not stored.
-- The body template comes from the environment (set by feedback_bench.py).

local counter = 0
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  redirects = 0
  others = 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  wrk.headers["Cookie"] = os.getenv("BENCH_COOKIE")
  template = os.getenv("BENCH_BODY")
end

function request()
  counter = counter + 1
  -- A different subject each time, so rows are distinguishable.
  local body = string.gsub(template, "__N__", tostring(counter))
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  if status == 302 then
    redirects = redirects + 1
  else
    others = others + 1
  end
end

function done(summary, latency, requests)
  local r, o = 0, 0
  for _, thread in ipairs(threads) do
    r = r + thread:get("redirects")
    o = o + thread:get("others")
  end
  io.write(string.format("BENCH redirects=%d others=%d\n", r, o))
end
