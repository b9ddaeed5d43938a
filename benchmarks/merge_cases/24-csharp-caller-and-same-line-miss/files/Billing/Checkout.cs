namespace Billing;

public class Checkout
{
    private readonly ITaxTable _taxes;

    public Checkout(ITaxTable taxes) => _taxes = taxes;

    public decimal Charge(Cart cart, string region)
    {
        var rate = _taxes.RateFor(region);
        var total = Invoice.Total(cart.Lines, rate);
        if (cart.Coupon is { } coupon)
            total = Invoice.Discount(total, coupon.Percent);
        return total;
    }
}
