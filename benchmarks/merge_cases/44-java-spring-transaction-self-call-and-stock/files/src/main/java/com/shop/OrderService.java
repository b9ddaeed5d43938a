package com.shop;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class OrderService {
    private final OrderRepository orders;
    private final StockRepository stock;
    private final MailClient mail;

    public OrderService(OrderRepository orders, StockRepository stock, MailClient mail) {
        this.orders = orders;
        this.stock = stock;
        this.mail = mail;
    }

    public Order place(Cart cart) {
        Order order = orders.save(Order.from(cart));
        reserve(cart);
        return order;
    }

    @Transactional
    private void reserve(Cart cart) {
        for (Item item : cart.items()) {
            int left = stock.count(item.sku());
            stock.set(item.sku(), left - item.qty());
        }
        mail.sendConfirmation(cart.email());
    }
}
