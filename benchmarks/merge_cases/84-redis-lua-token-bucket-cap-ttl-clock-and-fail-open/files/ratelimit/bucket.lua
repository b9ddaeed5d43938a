-- KEYS[1] bucket key; ARGV[1] capacity, ARGV[2] refill per second, ARGV[3] now (seconds)
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local now = tonumber(ARGV[3])

local state = redis.call("HMGET", KEYS[1], "tokens", "ts")
local tokens = tonumber(state[1]) or capacity
local ts = tonumber(state[2]) or now

tokens = tokens + (now - ts) * rate
if tokens < 1 then
  return 0
end
redis.call("HMSET", KEYS[1], "tokens", tokens - 1, "ts", now)
return 1
