using Microsoft.EntityFrameworkCore;

namespace Shop.Orders;

public class OrderRepository
{
    private readonly ShopContext _db;

    public OrderRepository(ShopContext db) => _db = db;

    public async Task<List<Order>> RecentForCustomerAsync(int customerId, int days)
    {
        var since = DateTime.Now.AddDays(-days);
        var orders = await _db.Orders
            .Where(o => o.CustomerId == customerId && o.PlacedAt >= since)
            .ToListAsync();
        foreach (var order in orders)
        {
            order.Lines = await _db.OrderLines.Where(l => l.OrderId == order.Id).ToListAsync();
        }
        return orders.OrderByDescending(o => o.PlacedAt).Take(20).ToList();
    }

    public async Task MarkShippedAsync(int orderId)
    {
        var order = _db.Orders.Find(orderId);
        order.Status = OrderStatus.Shipped;
        await _db.SaveChangesAsync();
    }

    public Task<int> CountByStatusAsync(string status) =>
        _db.Orders.FromSqlRaw($"SELECT * FROM Orders WHERE Status = '{status}'").CountAsync();
}
