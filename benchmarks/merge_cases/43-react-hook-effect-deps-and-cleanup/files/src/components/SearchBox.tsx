import { useState } from "react";
import { useSearch } from "../hooks/useSearch";

export function SearchBox() {
  const [query, setQuery] = useState("");
  const { results, loading } = useSearch(query);
  return (
    <div>
      <input value={query} onChange={(e) => setQuery(e.target.value)} />
      {loading ? <p>Loading…</p> : results.map((r) => <li>{r}</li>)}
    </div>
  );
}
