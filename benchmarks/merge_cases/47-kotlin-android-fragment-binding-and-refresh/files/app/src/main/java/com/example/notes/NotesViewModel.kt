package com.example.notes

import androidx.lifecycle.ViewModel
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.flow

class NotesViewModel(private val repo: NotesRepository = NotesRepository()) : ViewModel() {
    private val refreshes = MutableStateFlow(0)
    val notes = flow { emit(repo.load()) }

    fun reload() {
        refreshes.value++
    }
}
