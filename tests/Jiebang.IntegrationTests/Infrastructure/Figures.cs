namespace Jiebang.IntegrationTests.Infrastructure;

/// <summary>
/// Figures a test measures (requests sent, writes lost, ...), kept in artifacts/test-results/figures.txt so the test
/// command can print them after its summary, and in the test's own output.
/// </summary>
public static class Figures
{
    private static readonly Lock Gate = new();

    public static void Report(string line)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        var root = AppContext.BaseDirectory;
        for (var dir = new DirectoryInfo(root); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Jiebang.slnx")))
            {
                var folder = Path.Combine(dir.FullName, "artifacts", "test-results");
                Directory.CreateDirectory(folder);
                lock (Gate)
                {
                    File.AppendAllText(Path.Combine(folder, "figures.txt"), $"{line}{Environment.NewLine}");
                }
                return;
            }
        }
    }
}
