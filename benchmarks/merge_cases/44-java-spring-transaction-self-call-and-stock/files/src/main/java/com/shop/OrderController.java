package com.shop;

import org.springframework.web.bind.annotation.*;

@RestController
class OrderController {
    private final OrderService service;

    OrderController(OrderService service) { this.service = service; }

    @PostMapping("/orders")
    Order create(@RequestBody Cart cart) {
        return service.place(cart);
    }
}
