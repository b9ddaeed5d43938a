package net.ratelimit

import kotlin.test.Test
import kotlin.test.assertFalse
import kotlin.test.assertTrue

class TokenBucketTest {
    @Test
    fun `allows up to capacity then refuses`() {
        val bucket = TokenBucket(capacity = 2, refillPerSecond = 1, clock = { 0L })
        assertTrue(bucket.tryAcquire())
        assertTrue(bucket.tryAcquire())
        assertFalse(bucket.tryAcquire())
    }
}
