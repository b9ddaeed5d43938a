namespace Notes;

public class NoteIndex
{
    private readonly Dictionary<int, string> _bodies = new();

    public void Add(int id, string body) => _bodies[id] = body;

    public IEnumerable<int> Search(string term) =>
        _bodies.Where(kv => kv.Value.Contains(term)).Select(kv => kv.Key);
}
