package net.ratelimit

import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.coroutineScope

class PartnerClient(private val http: Http, private val bucket: TokenBucket) {
    suspend fun fetchAll(ids: List<String>): List<Response> = coroutineScope {
        ids.map { id ->
            async(Dispatchers.IO) {
                bucket.acquire()
                fetchOne(id)
            }
        }.awaitAll()
    }

    private suspend fun fetchOne(id: String): Response {
        val response = http.get("/partners/$id")
        if (response.status == 429) {
            return fetchOne(id)
        }
        return response
    }
}
