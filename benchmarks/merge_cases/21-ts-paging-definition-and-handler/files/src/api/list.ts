import { paginate, pageCount } from "../paginate";
import { db } from "./db";

export async function listOrders(req: { query: Record<string, string> }) {
  const page = Number(req.query.page ?? "1");
  const size = Number(req.query.size ?? "20");
  const orders = await db.orders.all();
  const result = paginate(orders, page, size);
  return {
    orders: result.items,
    next: result.next,
    pages: pageCount(orders.length, size),
  };
}
