using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Jiebang.IntegrationTests.OpenApi;

/// <summary>Where the committed and released documents live, and the one way both are written (stable, readable JSON).</summary>
public static class OpenApiFiles
{
    public const string RefreshVariable = "JIEBANG_OPENAPI_WRITE";
    public const string RefreshCommand = "dotnet cake --target=OpenApi";

    private static readonly JsonSerializerOptions Pretty = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string RepositoryRoot { get; } = FindRoot();

    public static string Committed => Path.Combine(RepositoryRoot, "api", "openapi", "jiebang.v1.json");

    public static string Released => Path.Combine(RepositoryRoot, "api", "openapi", "released", "jiebang.v1.json");

    public static string Format(JsonNode document) => document.ToJsonString(Pretty).Replace("\r\n", "\n") + "\n";

    public static JsonNode Load(string path) => JsonNode.Parse(File.ReadAllText(path))!;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Jiebang.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Jiebang.slnx not found above " + AppContext.BaseDirectory);
    }
}
