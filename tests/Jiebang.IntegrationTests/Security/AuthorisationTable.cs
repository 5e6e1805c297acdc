using System.Globalization;
using System.Text.Json.Nodes;
using Jiebang.IntegrationTests.OpenApi;

namespace Jiebang.IntegrationTests.Security;

/// <summary>
/// The cells of the matrix: what one caller gets from one operation. The four answers that say nothing about why are
/// words (<c>Ok</c>, <c>Unauth</c>, <c>Forbidden</c>, <c>NotFound</c>: 2xx, and 401/403/404 with the platform's generic
/// code); every other answer is its status and problem code, <c>409:funding.agreement_exists</c>, so a refusal by the
/// resource's state, by the caller's district or by the body are different cells.
/// </summary>
public static class Outcome
{
    public const string Ok = "Ok";
    public const string NotFound = "NotFound";
    public const string Forbidden = "Forbidden";
    public const string Unauthorized = "Unauth";

    /// <summary>The generic codes the platform gives 401, 403 and 404 (HostSetup, Problems.Forbidden, Problems.NotFound).</summary>
    private static readonly Dictionary<int, (string Code, string Cell)> Generic = new()
    {
        [401] = ("auth.required", Unauthorized),
        [403] = ("forbidden", Forbidden),
        [404] = ("not_found", NotFound),
    };

    /// <summary>The cell for an answer: a word, or <c>status:code</c> (<c>status:-</c> when the body carries no code).</summary>
    public static string Of(int status, string? code) => status switch
    {
        >= 200 and < 300 => Ok,
        _ when Generic.TryGetValue(status, out var generic) && code == generic.Code => generic.Cell,
        >= 400 and < 500 => $"{status.ToString(CultureInfo.InvariantCulture)}:{code ?? "-"}",
        _ => $"HTTP{status.ToString(CultureInfo.InvariantCulture)}",
    };

    /// <summary>The cell for a response: its status and the <c>code</c> of its problem document. Reads the body (buffered, so it can be read again).</summary>
    public static async Task<string> OfAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        return Of(status, status >= 400 ? CodeOf(await response.Content.ReadAsStringAsync()) : null);
    }

    public static string? CodeOf(string body)
    {
        try
        {
            return JsonNode.Parse(body) is JsonObject problem && problem["code"] is JsonValue code && code.TryGetValue<string>(out var text) ? text : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>The HTTP status a cell stands for (200 for Ok), or null for a cell that is no outcome.</summary>
    public static int? Status(string cell) => cell switch
    {
        Ok => 200,
        Unauthorized => 401,
        Forbidden => 403,
        NotFound => 404,
        _ when cell.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon
               && int.TryParse(cell.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var status) => status,
        _ => null,
    };

    /// <summary>
    /// The caller is let in and the request is read, but the answer is no: a 4xx other than 401, 403 and 404 — the resource's
    /// state, the body, or a precondition (what the matrix called <c>Refused</c> before it recorded the codes).
    /// </summary>
    public static bool IsRefused(string cell) => Status(cell) is >= 400 and < 500 and not (401 or 403 or 404);

    /// <summary>A 403 or 404 of any code: the caller may not do this, or may not see the resource.</summary>
    public static bool IsHidden(string cell) => Status(cell) is 403 or 404;
}

/// <summary>
/// authorisation-matrix.txt: a preamble of comment lines, a header, then one row per operationId with one cell per caller;
/// comment lines after a row are that row's notes (which rule it follows) and stay with it when the table is rewritten.
/// </summary>
public static class AuthorisationTable
{
    public const string WriteVariable = "JIEBANG_MATRIX_WRITE";

    public static string PathOf => Path.Combine(OpenApiFiles.RepositoryRoot, "tests", "Jiebang.IntegrationTests", "Security", "authorisation-matrix.txt");

    /// <summary>The expected cells, by operationId and caller.</summary>
    public static Dictionary<string, Dictionary<string, string>> Read()
    {
        var (rows, _, _) = Parse(File.ReadAllLines(PathOf), strict: true);
        return rows;
    }

    /// <summary>Rows, the notes after each row, and the preamble; <paramref name="strict"/> checks every cell is a known outcome.</summary>
    private static (Dictionary<string, Dictionary<string, string>> Rows, Dictionary<string, List<string>> Notes, string Preamble) Parse(
        IEnumerable<string> lines, bool strict)
    {
        var rows = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var notes = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var preamble = new System.Text.StringBuilder();
        string[]? header = null;
        string? last = null;
        foreach (var line in lines)
        {
            var isComment = line.TrimStart().StartsWith('#');
            if (header is null && (isComment || string.IsNullOrWhiteSpace(line)))
            {
                preamble.Append(line).Append('\n');
                continue;
            }
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            if (isComment)
            {
                if (last is not null)
                {
                    (notes.TryGetValue(last, out var list) ? list : notes[last] = []).Add(line.Trim());
                }
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
            if (strict)
            {
                var unknown = cells.Skip(1).Where(c => Outcome.Status(c) is null).ToList();
                Assert.True(unknown.Count == 0,
                    $"authorisation-matrix.txt: row {cells[0]} has cells that are no outcome ({string.Join(", ", unknown.Distinct())}). " +
                    $"A cell is Ok, Unauth, Forbidden, NotFound or status:code (the old 'Refused' recorded no code): rewrite the rows with " +
                    $"{WriteVariable}=1 and review each code against the rule.");
            }
            Assert.True(rows.TryAdd(cells[0], header.Skip(1).Zip(cells.Skip(1)).ToDictionary(p => p.First, p => p.Second)),
                $"authorisation-matrix.txt: {cells[0]} has two rows");
            last = cells[0];
        }
        return (rows, notes, preamble.ToString());
    }

    /// <summary>
    /// Writes the observed rows in the order given, under the file's preamble, each followed by the notes it had (notes of
    /// operations no longer observed are dropped). Each column is as wide as its widest cell.
    /// </summary>
    public static void Write(IReadOnlyList<(string Operation, IReadOnlyDictionary<string, string> Outcomes)> rows)
    {
        var (_, notes, preamble) = File.Exists(PathOf) ? Parse(File.ReadAllLines(PathOf), strict: false) : ([], [], "");
        var first = Math.Max("operationId".Length, rows.Max(r => r.Operation.Length)) + 2;
        var widths = Callers.Columns.ToDictionary(c => c, c => Math.Max(c.Length, rows.Max(r => r.Outcomes[c].Length)) + 2);
        string Line(string name, Func<string, string> cell) =>
            (name.PadRight(first) + string.Concat(Callers.Columns.Select(c => cell(c).PadRight(widths[c])))).TrimEnd() + "\n";

        var text = new System.Text.StringBuilder(preamble);
        text.Append(Line("operationId", c => c));
        foreach (var (operation, outcomes) in rows)
        {
            text.Append(Line(operation, c => outcomes[c]));
            foreach (var note in notes.GetValueOrDefault(operation) ?? [])
            {
                text.Append("    ").Append(note).Append('\n');
            }
        }
        File.WriteAllText(PathOf, text.ToString());
    }
}
