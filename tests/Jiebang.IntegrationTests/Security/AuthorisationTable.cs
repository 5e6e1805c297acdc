using Jiebang.IntegrationTests.OpenApi;

namespace Jiebang.IntegrationTests.Security;

/// <summary>The outcome classes of the matrix.</summary>
public static class Outcome
{
    public const string Ok = "Ok";
    public const string Refused = "Refused";
    public const string NotFound = "NotFound";
    public const string Forbidden = "Forbidden";
    public const string Unauthorized = "Unauth";

    public static string Of(int status) => status switch
    {
        >= 200 and < 300 => Ok,
        401 => Unauthorized,
        403 => Forbidden,
        404 => NotFound,
        >= 400 and < 500 => Refused,
        _ => $"HTTP{status}",
    };
}

/// <summary>authorisation-matrix.txt: one row per operationId, one column per caller.</summary>
public static class AuthorisationTable
{
    public const string WriteVariable = "JIEBANG_MATRIX_WRITE";

    public static string PathOf => Path.Combine(OpenApiFiles.RepositoryRoot, "tests", "Jiebang.IntegrationTests", "Security", "authorisation-matrix.txt");

    public static Dictionary<string, Dictionary<string, string>> Read()
    {
        var rows = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        string[]? header = null;
        foreach (var line in File.ReadAllLines(PathOf))
        {
            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith('#'))
            {
                continue;
            }
            var cells = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (header is null)
            {
                header = cells;
                Assert.Equal(["operationId", .. Callers.Columns], header);
                continue;
            }
            Assert.True(cells.Length == header.Length, $"authorisation-matrix.txt: row {cells[0]} has {cells.Length - 1} outcomes for {header.Length - 1} callers");
            Assert.True(rows.TryAdd(cells[0], header.Skip(1).Zip(cells.Skip(1)).ToDictionary(p => p.First, p => p.Second)),
                $"authorisation-matrix.txt: {cells[0]} has two rows");
        }
        return rows;
    }

    public static void Write(IEnumerable<(string Operation, IReadOnlyDictionary<string, string> Outcomes)> rows, string preamble)
    {
        var width = Math.Max(32, rows.Max(r => r.Operation.Length) + 2);
        var text = new System.Text.StringBuilder(preamble);
        text.Append(("operationId".PadRight(width) + string.Concat(Callers.Columns.Select(c => c.PadRight(10)))).TrimEnd()).Append('\n');
        foreach (var (operation, outcomes) in rows)
        {
            text.Append((operation.PadRight(width) + string.Concat(Callers.Columns.Select(c => outcomes[c].PadRight(10)))).TrimEnd()).Append('\n');
        }
        File.WriteAllText(PathOf, text.ToString());
    }

    /// <summary>The comment lines at the top of the table, kept when the table is rewritten.</summary>
    public static string Preamble() =>
        File.Exists(PathOf)
            ? string.Concat(File.ReadLines(PathOf).TakeWhile(l => l.StartsWith('#') || string.IsNullOrWhiteSpace(l)).Select(l => l + "\n"))
            : "";
}
