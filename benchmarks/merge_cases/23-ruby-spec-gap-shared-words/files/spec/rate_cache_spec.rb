require "rate_cache"

RSpec.describe RateCache do
  let(:clock) { double(now: Time.at(0)) }
  let(:calls) { [] }
  let(:fetcher) { ->(from, to) { calls << [from, to]; 1.25 } }
  subject(:cache) { described_class.new(fetcher, clock: clock) }

  it "fetches a rate once" do
    expect(cache.rate("EUR", "USD")).to eq(1.25)
    expect(cache.rate("EUR", "USD")).to eq(1.25)
    expect(calls.size).to eq(1)
  end

  it "keeps pairs apart" do
    cache.rate("EUR", "USD")
    cache.rate("USD", "EUR")
    expect(calls.size).to eq(2)
  end
end
