import DataLoader from "dataloader";
import { db } from "../db";

export const authorLoader = new DataLoader(async (ids: readonly string[]) => {
  const rows = await db.query("SELECT * FROM users WHERE id = ANY($1)", [ids]);
  return rows;
});
