namespace Jiebang.ArchitectureTests;

/// <summary>A line of C# in api/src fits in 160 characters, so a diff and a side-by-side review stay readable.</summary>
public sealed class LineLengthTests
{
    private const int Limit = 160;

    [Fact]
    public void No_line_of_api_source_is_longer_than_160_characters()
    {
        var violations = new List<string>();
        foreach (var file in SourceTree.Files(SourceTree.Api))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].Length > Limit)
                {
                    violations.Add($"{SourceTree.At(file, i + 1)}: {lines[i].Length} characters");
                }
            }
        }
        Assert.True(violations.Count == 0, SourceTree.Report($"Wrap C# lines at {Limit} characters", violations));
    }
}
