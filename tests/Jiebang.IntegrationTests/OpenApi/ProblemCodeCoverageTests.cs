using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Jiebang.IntegrationTests.OpenApi;

/// <summary>
/// Every problem code the committed document declares (<c>x-problem-codes</c> on a response) is produced by some test
/// through HTTP, and every code a test asserts is one the document declares. A test "produces" a code when it asserts it
/// as the <c>code</c> of a problem answer: <c>.ExpectProblem(HttpStatusCode.X, "code")</c>, or
/// <c>Assert.Equal("code", (string?)problem["code"])</c> where the answer is read by hand (rate limits, outages, races).
/// A code merely mentioned elsewhere (a feed event type, an eligibility rule, a comment) does not count.
/// </summary>
public sealed partial class ProblemCodeCoverageTests
{
    /// <summary>
    /// Declared codes no HTTP test can make the API answer with on this machine, each with the reason. Keep it empty unless
    /// a code truly cannot be reached; a code listed here that a test does produce fails the check (the list must not rot).
    /// </summary>
    private static readonly Dictionary<string, string> CannotBeProduced = new(StringComparer.Ordinal);

    [GeneratedRegex("""\.ExpectProblem\(\s*HttpStatusCode\.\w+\s*,\s*"(?<code>[^"]+)"\s*\)""")]
    private static partial Regex ExpectProblem();

    [GeneratedRegex("""Assert\.Equal\(\s*"(?<code>[^"]+)"\s*,\s*\(string\?\)[^;]*?\["code"\]\s*\)""")]
    private static partial Regex AssertCode();

    private static SortedSet<string> DeclaredCodes()
    {
        var document = OpenApiFiles.Load(OpenApiFiles.Committed);
        var codes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (_, path) in document["paths"]!.AsObject())
        {
            foreach (var (_, operation) in path!.AsObject())
            {
                if (operation?["responses"] is not JsonObject responses)
                {
                    continue;
                }
                foreach (var (_, response) in responses)
                {
                    codes.UnionWith(response?["x-problem-codes"]?.AsArray().Select(c => (string)c!) ?? []);
                }
            }
        }
        return codes;
    }

    /// <summary>Code → the test files (relative paths) that assert it as the code of a problem answer.</summary>
    private static SortedDictionary<string, SortedSet<string>> AssertedCodes()
    {
        var root = Path.Combine(OpenApiFiles.RepositoryRoot, "tests", "Jiebang.IntegrationTests");
        var self = Path.Combine(root, "OpenApi", nameof(ProblemCodeCoverageTests) + ".cs");
        var asserted = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file);
            if (file == self || relative.Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj")
            {
                continue;
            }
            var text = File.ReadAllText(file);
            foreach (var match in ExpectProblem().Matches(text).Concat(AssertCode().Matches(text)))
            {
                var code = match.Groups["code"].Value;
                if (!asserted.TryGetValue(code, out var files))
                {
                    asserted[code] = files = new SortedSet<string>(StringComparer.Ordinal);
                }
                files.Add(relative);
            }
        }
        return asserted;
    }

    [Fact]
    public void Every_problem_code_the_document_declares_is_produced_by_a_test()
    {
        var declared = DeclaredCodes();
        var asserted = AssertedCodes();
        Assert.True(declared.Count > 40, $"Only {declared.Count} codes read from {OpenApiFiles.Committed}: is x-problem-codes still written?");

        var missing = declared.Where(c => !asserted.ContainsKey(c) && !CannotBeProduced.ContainsKey(c)).ToList();
        Assert.True(missing.Count == 0,
            $"{missing.Count} problem code(s) the document declares are produced by no test (assert them with " +
            ".ExpectProblem(status, \"code\") through HTTP, or list them with a reason in CannotBeProduced):\n  " + string.Join("\n  ", missing));

        var stale = CannotBeProduced.Keys.Where(c => asserted.ContainsKey(c) || !declared.Contains(c)).ToList();
        Assert.True(stale.Count == 0, "CannotBeProduced lists codes a test produces or the document no longer declares: " + string.Join(", ", stale));

        Infrastructure.Figures.Report($"Problem codes: {declared.Count} declared, {declared.Count(asserted.ContainsKey)} produced by a test, " +
                                      $"{CannotBeProduced.Count} exempt.");
    }

    [Fact]
    public void Every_problem_code_a_test_asserts_is_declared_by_the_document()
    {
        var declared = DeclaredCodes();
        var undeclared = AssertedCodes().Where(a => !declared.Contains(a.Key))
            .Select(a => $"{a.Key} (in {string.Join(", ", a.Value)})").ToList();
        Assert.True(undeclared.Count == 0,
            "Tests assert problem codes the document does not declare (a typo, or a code missing from .Codes(...)):\n  " +
            string.Join("\n  ", undeclared));
    }
}
