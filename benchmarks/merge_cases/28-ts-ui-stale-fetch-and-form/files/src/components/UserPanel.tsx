import { useEffect, useState } from "react";
import { fetchUser, saveUser, User } from "../api/users";

type Props = { userId: string; onSaved: () => void };

export function UserPanel({ userId, onSaved }: Props) {
  const [user, setUser] = useState<User | null>(null);
  const [name, setName] = useState("");
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    fetchUser(userId).then((u) => {
      setUser(u);
      setName(u.name);
    });
  }, []);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setSaving(true);
    await saveUser({ ...user!, name });
    setSaving(false);
    onSaved();
  }

  if (!user) return <p>Loading…</p>;

  return (
    <form onSubmit={submit}>
      <label>
        Name
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <p dangerouslySetInnerHTML={{ __html: user.bio }} />
      <button disabled={saving}>Save</button>
    </form>
  );
}
