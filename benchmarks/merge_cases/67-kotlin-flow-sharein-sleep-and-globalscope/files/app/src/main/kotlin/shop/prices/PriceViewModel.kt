package shop.prices

import androidx.lifecycle.ViewModel
import kotlinx.coroutines.GlobalScope
import kotlinx.coroutines.flow.*
import kotlinx.coroutines.launch

class PriceViewModel(private val repo: PriceRepository) : ViewModel() {
    val state = MutableStateFlow<Price?>(null)

    fun watch(symbol: String) {
        GlobalScope.launch {
            repo.shared(symbol)
                .catch { }
                .collect { state.value = it }
        }
    }
}
