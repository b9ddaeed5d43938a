package com.acme.web;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Account {
    @Id
    private Long id;
    private String owner;
    private String pinHash;
    private double balance;

    public double getBalance() { return balance; }
    public void setBalance(double balance) { this.balance = balance; }
    public String getOwner() { return owner; }
    public String getPinHash() { return pinHash; }
}
