package net.ratelimit

class TokenBucket(
    private val capacity: Int,
    private val refillPerSecond: Int,
    private val clock: () -> Long = System::currentTimeMillis,
) {
    private var tokens = capacity
    private var lastRefill = clock()

    fun tryAcquire(): Boolean {
        refill()
        if (tokens > 0) {
            tokens -= 1
            return true
        }
        return false
    }

    private fun refill() {
        val now = clock()
        val elapsedSeconds = (now - lastRefill) / 1000
        tokens = minOf(capacity, tokens + (elapsedSeconds * refillPerSecond).toInt())
        lastRefill = now
    }

    suspend fun acquire() {
        while (!tryAcquire()) {
            Thread.sleep(50)
        }
    }
}
