import { occurrences } from "./recurrence";

export function invoiceDates(signup: Date, months: number): Date[] {
  return occurrences(signup, { freq: "monthly", interval: 1, count: months });
}
