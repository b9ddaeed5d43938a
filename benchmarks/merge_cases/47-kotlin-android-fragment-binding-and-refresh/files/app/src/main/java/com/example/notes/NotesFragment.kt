package com.example.notes

import android.os.Bundle
import android.view.View
import androidx.fragment.app.Fragment
import androidx.fragment.app.viewModels
import androidx.lifecycle.lifecycleScope
import com.example.notes.databinding.FragmentNotesBinding
import kotlinx.coroutines.launch

class NotesFragment : Fragment(R.layout.fragment_notes) {
    private var binding: FragmentNotesBinding? = null
    private val viewModel: NotesViewModel by viewModels()
    private val adapter = NotesAdapter()

    override fun onViewCreated(view: View, savedInstanceState: Bundle?) {
        binding = FragmentNotesBinding.bind(view)
        binding!!.list.adapter = adapter
        lifecycleScope.launch {
            viewModel.notes.collect { notes ->
                adapter.submitList(notes)
                binding!!.empty.visibility = if (notes.isEmpty()) View.VISIBLE else View.GONE
            }
        }
        binding!!.refresh.setOnRefreshListener { viewModel.reload() }
    }
}
