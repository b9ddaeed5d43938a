namespace Billing;

public record Line(string Sku, int Quantity, decimal UnitPrice);

public static class Invoice
{
    public static decimal Total(IReadOnlyList<Line> lines, decimal taxRate)
    {
        decimal net = 0;
        foreach (var line in lines)
            net += line.Quantity * line.UnitPrice;
        return Math.Round(net * (1 + taxRate), 2);
    }

    public static decimal Discount(decimal total, int percent)
    {
        return total - total * percent / 100;
    }
}
