-- GETs with a session cookie taken from the environment (BENCH_COOKIE), for
-- pages behind the admin login (bench/feedback_admin_bench.py).
function init(args)
  wrk.headers["Cookie"] = os.getenv("BENCH_COOKIE")
end
