namespace Jiebang.Platform.Database;

/// <summary>
/// Builds a WHERE clause from fixed SQL fragments for the filters a caller actually gave
/// (values are always bound parameters; no "@X IS NULL OR" tricks, which PostgreSQL cannot type).
/// </summary>
public sealed class Conditions
{
    private readonly List<string> _parts = [];

    public Conditions And(string fragment)
    {
        _parts.Add(fragment);
        return this;
    }

    public Conditions AndIf(bool condition, string fragment) => condition ? And(fragment) : this;

    public string Sql => _parts.Count == 0 ? "" : "WHERE " + string.Join(" AND ", _parts.Select(p => $"({p})"));
}
