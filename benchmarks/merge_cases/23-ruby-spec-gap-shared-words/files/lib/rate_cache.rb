class RateCache
  TTL = 300

  def initialize(fetcher, clock: Time)
    @fetcher = fetcher
    @clock = clock
    @entries = {}
  end

  def rate(from, to)
    key = [from, to]
    entry = @entries[key]
    return entry[:value] if entry && @clock.now - entry[:at] < TTL

    value = @fetcher.call(from, to)
    @entries[key] = { value: value, at: @clock.now }
    value
  end

  def size
    @entries.size
  end
end
