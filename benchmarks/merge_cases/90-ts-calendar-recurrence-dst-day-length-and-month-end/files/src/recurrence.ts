const DAY_MS = 24 * 60 * 60 * 1000;

export type Rule = { freq: "daily" | "weekly" | "monthly"; interval: number; count: number };

export function occurrences(start: Date, rule: Rule): Date[] {
  const out: Date[] = [];
  let current = new Date(start);
  for (let i = 0; i < rule.count; i++) {
    out.push(new Date(current));
    current = step(current, rule);
  }
  return out;
}

function step(d: Date, rule: Rule): Date {
  switch (rule.freq) {
    case "daily":
      return new Date(d.getTime() + rule.interval * DAY_MS);
    case "weekly":
      return new Date(d.getTime() + rule.interval * 7 * DAY_MS);
    case "monthly": {
      const next = new Date(d);
      next.setMonth(next.getMonth() + rule.interval);
      return next;
    }
  }
}
