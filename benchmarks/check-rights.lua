-- wrk script for benchmarks/check-rights.sh: every request is
-- POST /api/v1/content/check-rights/{movie} for a random (user, movie) pair, with that user's token.
-- Usage: wrk ... -s benchmarks/check-rights.lua URL -- TOKENS_FILE PAIRS_FILE [ping]
-- TOKENS_FILE: one access token per line (line n = user n). PAIRS_FILE: "n movie-uuid" per line.
-- With "ping" the requests are GET /api/v1/ping carrying the same users' tokens instead.
-- The request strings are built once in init(), so request() only picks one.

local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("thread_number", counter)
end

local requests = {}

function init(args)
  local tokens = {}
  for line in io.lines(args[1]) do
    tokens[#tokens + 1] = line
  end
  for line in io.lines(args[2]) do
    local user, movie = line:match("^%s*(%d+)%s+(%S+)")
    if user then
      local authorization = "Bearer " .. tokens[tonumber(user)]
      if args[3] == "ping" then
        requests[#requests + 1] = wrk.format("GET", "/api/v1/ping", {
          ["Authorization"] = authorization,
        })
      else
        requests[#requests + 1] = wrk.format("POST", "/api/v1/content/check-rights/" .. movie, {
          ["Authorization"] = authorization,
          ["Content-Length"] = "0",
        })
      end
    end
  end
  math.randomseed(os.time() * 100 + (thread_number or 0))
end

function request()
  return requests[math.random(#requests)]
end
