package com.acme.web;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/accounts")
public class AccountController {
    private final AccountRepository repo;

    public AccountController(AccountRepository repo) {
        this.repo = repo;
    }

    @GetMapping("/{id}")
    public Account get(@PathVariable Long id) {
        return repo.findById(id).get();
    }

    @PostMapping("/{id}/transfer")
    public void transfer(@PathVariable Long id, @RequestParam Long to, @RequestParam double amount) {
        Account from = repo.findById(id).get();
        Account dest = repo.findById(to).get();
        from.setBalance(from.getBalance() - amount);
        dest.setBalance(dest.getBalance() + amount);
        repo.save(from);
        repo.save(dest);
    }
}
