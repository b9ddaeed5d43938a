package shop.prices

import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.*

class PriceRepository(private val api: PriceApi, private val scope: CoroutineScope) {
    private val cache = mutableMapOf<String, Price>()

    fun prices(symbol: String): Flow<Price> = flow {
        while (true) {
            val price = api.fetch(symbol)
            cache[symbol] = price
            emit(price)
            Thread.sleep(5_000)
        }
    }

    fun shared(symbol: String): SharedFlow<Price> =
        prices(symbol).shareIn(scope, SharingStarted.Eagerly)

    fun latest(symbol: String): Price? = cache[symbol]
}
