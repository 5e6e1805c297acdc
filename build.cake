// Jiebang build script (Cake 7, a local tool: `dotnet tool restore` first).
//   dotnet cake --target=Run       API on http://127.0.0.1:5080 with the embedded SQLite database and demo data
//   dotnet cake --target=Test      all test projects; PostgreSQL tests against a throw-away cluster when one can be started;
//                                  then web-admin: npm ci, Vitest, build, and the end-to-end suite when /usr/bin/chromium exists
//   dotnet cake --target=Build
//   dotnet cake --target=OpenApi   refresh api/openapi/jiebang.v1.json (and the SPA's schema.d.ts) from the host
//   dotnet cake --target=OpenApiRelease   release the committed document: refresh it, check it against the last release,
//                                  require its version's section in api/openapi/CHANGELOG.md, copy it to api/openapi/released/
//   dotnet cake --target=Migrate --provider=postgres --connection="Host=...;Database=jiebang;..."
//   dotnet cake --target=Bench --profile=M [--providers=sqlite,postgres] [--duration=10]   performance report in artifacts/perf
//   dotnet cake --target=Mutation [--projects=review,funding] [--concurrency=1] [--break=85]   Stryker.NET on the pure rules
//                                  (docs/mutation.md); HTML + JSON reports in artifacts/mutation. Not part of Test.

using System.Xml.Linq;

var target = Argument("target", "Default");

var root = MakeAbsolute(Directory("."));
var solution = root.CombineWithFilePath("Jiebang.slnx");
var testResults = root.Combine("artifacts/test-results");

const string PostgresEnv = "JIEBANG_TEST_POSTGRES";
const int PostgresPort = 54329;
const int BenchPostgresPort = 54339;

Task("Build")
    .Does(() =>
{
    DotNetBuild(solution.FullPath, new DotNetBuildSettings { Configuration = "Debug" });
});

Task("Test")
    .IsDependentOn("Build")
    .Does(() =>
{
    // The OpenAPI lint test runs Spectral from api/openapi/node_modules.
    EnsureNodeModules(root.Combine("api/openapi"));
    EnsureDirectoryExists(testResults);
    CleanDirectory(testResults);

    var env = new Dictionary<string, string>();
    TempPostgres postgres = null;
    int exitCode;
    try
    {
        if (!string.IsNullOrWhiteSpace(EnvironmentVariable(PostgresEnv)))
        {
            Information("PostgreSQL tests use the server in {0}.", PostgresEnv);
        }
        else if (FindInitDb() is { } initdb)
        {
            postgres = TempPostgres.Start(Context, initdb, PostgresPort);
            env[PostgresEnv] = postgres.ConnectionString;
            Information("PostgreSQL tests use a throw-away cluster on 127.0.0.1:{0}.", PostgresPort);
        }
        else
        {
            Warning("PostgreSQL tests will be SKIPPED: {0} is not set and no PostgreSQL server is installed " +
                    "(no /usr/lib/postgresql/*/bin/initdb). Install one (apt-get install postgresql) or set {0}.", PostgresEnv);
        }

        // Exit code 8 means "zero tests ran" in one test project; an empty project must not fail the whole run.
        exitCode = StartProcess("dotnet", new ProcessSettings
        {
            WorkingDirectory = root,
            EnvironmentVariables = env,
            Arguments = new ProcessArgumentBuilder()
                .Append("test")
                .Append("--solution").AppendQuoted(solution.FullPath)
                .Append("--no-build")
                .Append("--report-xunit-trx")
                .Append("--results-directory").AppendQuoted(testResults.FullPath)
                .Append("--ignore-exit-code").Append("8"),
        });
    }
    finally
    {
        postgres?.Stop();
    }

    var webAdminFailure = RunWebAdminTests();

    var figures = testResults.CombineWithFilePath("figures.txt");
    if (FileExists(figures))
    {
        Information("Figures measured by the tests / 测试测得的数据:");
        foreach (var line in System.IO.File.ReadAllLines(figures.FullPath).Distinct())
        {
            Information("  " + line);
        }
    }
    var summary = TestSummary.Read(GetFiles(testResults.FullPath + "/**/*.trx").Select(f => f.FullPath))
        .Add(TestSummary.ReadJunit(GetFiles(testResults.FullPath + "/**/*.junit.xml").Select(f => f.FullPath)));
    if (summary.Total == 0)
    {
        Warning("No tests ran.");
    }
    // The failed tests by name with the first lines of their message, close to the end where a truncated log still shows them.
    foreach (var failure in TestSummary.Failures(GetFiles(testResults.FullPath + "/**/*.trx").Select(f => f.FullPath),
                 GetFiles(testResults.FullPath + "/**/*.junit.xml").Select(f => f.FullPath)))
    {
        Console.WriteLine("FAILED " + failure);
    }
    // Printed as plain text (no colours) so that tools can read it as the last line of the test run.
    Console.WriteLine(summary.ToString());
    if (summary.Failed > 0 || exitCode != 0 || webAdminFailure is not null)
    {
        throw new Exception(summary.Failed > 0
            ? $"{summary.Failed} test(s) failed; reports are in {testResults}."
            : exitCode != 0
                ? $"dotnet test exited with code {exitCode}; TRX reports are in {testResults}."
                : webAdminFailure);
    }
});

Task("OpenApi")
    .IsDependentOn("Build")
    .Does(() =>
{
    // The committed document is whatever the host generates; the committed-document test writes it in this mode.
    var exitCode = StartProcess("dotnet", new ProcessSettings
    {
        WorkingDirectory = root,
        EnvironmentVariables = new Dictionary<string, string> { ["JIEBANG_OPENAPI_WRITE"] = "1" },
        Arguments = new ProcessArgumentBuilder()
            .Append("test")
            .Append("--project").AppendQuoted(root.CombineWithFilePath("tests/Jiebang.IntegrationTests/Jiebang.IntegrationTests.csproj").FullPath)
            .Append("--no-build")
            .Append("--")
            .Append("--filter-class").Append("Jiebang.IntegrationTests.OpenApi.CommittedDocumentTests"),
    });
    if (exitCode != 0)
    {
        throw new Exception($"Could not regenerate the OpenAPI document (exit code {exitCode}).");
    }
    Information("Wrote api/openapi/jiebang.v1.json.");
    var webAdmin = root.Combine("web-admin");
    if (FileExists(webAdmin.CombineWithFilePath("package.json")))
    {
        EnsureNodeModules(webAdmin);
        Npm(webAdmin, "run gen:api");
        Information("Wrote web-admin/src/api/schema.d.ts.");
    }
});

// Releasing the contract: the committed document (refreshed first) is compared with the last released copy by the
// compatibility test, which fails on breaking changes unless info.version has a new major; the breaking changes it found
// are printed for the release notes; the version needs its own section in api/openapi/CHANGELOG.md; then the committed
// document becomes api/openapi/released/jiebang.v1.json, the baseline of the next comparison. Repeatable: run it again
// after merging more changes (with the version and its notes updated) and it releases the document as it is then.
Task("OpenApiRelease")
    .IsDependentOn("OpenApi")
    .Does(() =>
{
    var committed = root.CombineWithFilePath("api/openapi/jiebang.v1.json");
    var released = root.CombineWithFilePath("api/openapi/released/jiebang.v1.json");
    var version = (string)System.Text.Json.Nodes.JsonNode.Parse(System.IO.File.ReadAllText(committed.FullPath))!["info"]!["version"];
    var exitCode = StartProcess("dotnet", new ProcessSettings
    {
        WorkingDirectory = root,
        Arguments = new ProcessArgumentBuilder()
            .Append("test")
            .Append("--project").AppendQuoted(root.CombineWithFilePath("tests/Jiebang.IntegrationTests/Jiebang.IntegrationTests.csproj").FullPath)
            .Append("--no-build")
            .Append("--")
            .Append("--filter-class").Append("Jiebang.IntegrationTests.OpenApi.CompatibilityTests"),
    });
    var report = root.CombineWithFilePath("artifacts/openapi/breaking-changes.txt");
    var breaks = FileExists(report) ? System.IO.File.ReadAllLines(report.FullPath) : new string[0];
    Information("Breaking changes against the released document ({0}):", breaks.Length);
    foreach (var line in breaks)
    {
        Information("  " + line);
    }
    if (exitCode != 0)
    {
        throw new Exception("The compatibility test failed: breaking changes need a new major version in OpenApiSetup.ContractVersion.");
    }
    var notes = System.IO.File.ReadAllText(root.CombineWithFilePath("api/openapi/CHANGELOG.md").FullPath);
    if (!notes.Contains("## " + version))
    {
        throw new Exception($"api/openapi/CHANGELOG.md has no section '## {version}': write the release notes first.");
    }
    CopyFile(committed, released);
    Information("Released OpenAPI {0}: api/openapi/released/jiebang.v1.json is the new baseline.", version);
});

// The admin SPA's tests: Vitest always (when npm is present), then the end-to-end suite in headless Chromium
// against the host just built, skipped with the reason printed when Chromium is not installed.
// Returns null when everything that ran passed, otherwise what failed.
string RunWebAdminTests()
{
    var webAdmin = root.Combine("web-admin");
    if (!FileExists(webAdmin.CombineWithFilePath("package.json")))
    {
        return null;
    }
    if (!CommandExists("npm"))
    {
        Warning("web-admin tests SKIPPED: npm is not installed (Node.js 20 is needed for the admin SPA).");
        return null;
    }
    Information("web-admin: npm ci, Vitest component tests");
    if (NpmExit(webAdmin, "ci --no-audit --no-fund") != 0)
    {
        return "npm ci failed in web-admin.";
    }
    var vitest = NpmExit(webAdmin, "run test -- --reporter=default --reporter=junit --outputFile.junit=" +
        Quote(testResults.CombineWithFilePath("web-admin-vitest.junit.xml").FullPath));
    if (NpmExit(webAdmin, "run build") != 0)
    {
        return "npm run build failed in web-admin.";
    }
    const string chromium = "/usr/bin/chromium";
    Information(FileExists(chromium)
        ? "web-admin: end-to-end suite in headless Chromium against the real host (screenshots in artifacts/screenshots)"
        : "web-admin: end-to-end suite SKIPPED: " + chromium + " is not installed (apt-get install -y chromium fonts-noto-cjk).");
    var e2e = StartProcess("npm", new ProcessSettings
    {
        WorkingDirectory = webAdmin,
        Arguments = "run e2e",
        EnvironmentVariables = new Dictionary<string, string>
        {
            ["JIEBANG_E2E_JUNIT"] = testResults.CombineWithFilePath("web-admin-e2e.junit.xml").FullPath,
        },
    });
    return vitest != 0 ? "Vitest component tests failed in web-admin."
        : e2e != 0 ? "The web-admin end-to-end suite failed; see the output above and artifacts/screenshots."
        : null;
}

static string Quote(string value) => "\"" + value + "\"";

bool CommandExists(string command) =>
    (EnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator)
        .Any(dir => System.IO.File.Exists(System.IO.Path.Combine(dir, command)));

int NpmExit(DirectoryPath directory, string arguments) =>
    StartProcess("npm", new ProcessSettings { WorkingDirectory = directory, Arguments = arguments });

Task("Run")
    .Does(() =>
{
    var webAdmin = root.Combine("web-admin");
    if (FileExists(webAdmin.CombineWithFilePath("package.json")))
    {
        var install = FileExists(webAdmin.CombineWithFilePath("package-lock.json")) ? "ci" : "install";
        Npm(webAdmin, install);
        Npm(webAdmin, "run build");
    }

    var database = root.CombineWithFilePath("data/jiebang.db");
    EnsureDirectoryExists(database.GetDirectory());
    Information("Starting the API on http://127.0.0.1:5080 (Swagger UI: http://127.0.0.1:5080/swagger), database {0}. Ctrl+C stops it.", database);
    var exitCode = StartProcess("dotnet", new ProcessSettings
    {
        WorkingDirectory = root,
        EnvironmentVariables = new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development" },
        Arguments = new ProcessArgumentBuilder()
            .Append("run")
            .Append("--project").AppendQuoted(root.Combine("api/src/Host").FullPath)
            .Append("--")
            .Append("--ConnectionStrings:Jiebang").AppendQuoted("Data Source=" + database.FullPath)
            .Append("--Attachments:Path").AppendQuoted(root.Combine("data/attachments").FullPath),
    });
    if (exitCode != 0)
    {
        throw new Exception($"The API exited with code {exitCode}.");
    }
});

Task("Migrate")
    .Does(() =>
{
    // Without arguments the runner falls back to the environment variables JIEBANG_PROVIDER and JIEBANG_CONNECTION.
    var provider = Argument<string>("provider", null);
    var connection = Argument<string>("connection", null);
    var args = new ProcessArgumentBuilder()
        .Append("run")
        .Append("--project").AppendQuoted(root.Combine("db-migrations").FullPath)
        .Append("--");
    if (!string.IsNullOrWhiteSpace(provider))
    {
        args.Append("--provider").AppendQuoted(provider);
    }
    if (!string.IsNullOrWhiteSpace(connection))
    {
        args.Append("--connection").AppendQuotedSecret(connection);
    }
    var exitCode = StartProcess("dotnet", new ProcessSettings { WorkingDirectory = root, Arguments = args });
    if (exitCode != 0)
    {
        throw new Exception($"Migrations failed (exit code {exitCode}).");
    }
});

// The performance harness (tests/perf): Release host and harness, wrk from apt, PostgreSQL from JIEBANG_TEST_POSTGRES
// or a throw-away cluster. Writes artifacts/perf/report.md and report.json. Not part of Test.
Task("Bench")
    .Does(() =>
{
    if (!FileExists("/usr/bin/wrk") && !FileExists("/usr/local/bin/wrk"))
    {
        Information("Installing wrk (the load driver) from apt.");
        if (StartProcess("apt-get", "install -y wrk") != 0)
        {
            throw new Exception("wrk is required: apt-get install -y wrk (as root).");
        }
    }
    foreach (var project in new[] { "api/src/Host/Jiebang.Host.csproj", "tests/perf/Jiebang.Perf/Jiebang.Perf.csproj" })
    {
        DotNetBuild(root.CombineWithFilePath(project).FullPath, new DotNetBuildSettings { Configuration = "Release" });
    }
    var providers = Argument("providers", "sqlite,postgres");
    var env = new Dictionary<string, string>();
    TempPostgres postgres = null;
    try
    {
        if (providers.Contains("postgres") && string.IsNullOrWhiteSpace(EnvironmentVariable(PostgresEnv)))
        {
            if (FindInitDb() is { } initdb)
            {
                postgres = TempPostgres.Start(Context, initdb, BenchPostgresPort);
                env[PostgresEnv] = postgres.ConnectionString;
            }
            else
            {
                Warning("PostgreSQL will be SKIPPED by the bench: {0} is not set and no PostgreSQL server is installed.", PostgresEnv);
            }
        }
        var exitCode = StartProcess("dotnet", new ProcessSettings
        {
            WorkingDirectory = root,
            EnvironmentVariables = env,
            Arguments = new ProcessArgumentBuilder()
                .AppendQuoted(root.CombineWithFilePath("tests/perf/Jiebang.Perf/bin/Release/net10.0/Jiebang.Perf.dll").FullPath)
                .Append("bench")
                .Append("--profile").Append(Argument("profile", "M"))
                .Append("--providers").Append(providers)
                .Append("--duration").Append(Argument("duration", "10"))
                .Append("--out").AppendQuoted(root.Combine("artifacts/perf").FullPath),
        });
        if (exitCode != 0)
        {
            throw new Exception($"The bench failed (exit code {exitCode}); see artifacts/perf/logs.");
        }
    }
    finally
    {
        postgres?.Stop();
    }
});

// Mutation testing of the pure rules (docs/mutation.md): Stryker.NET, driven by tests/Jiebang.UnitTests, one source project
// at a time with tests/Jiebang.UnitTests/stryker/<name>.json (its `mutate` globs name the rule files). Reports per project
// in artifacts/mutation/<name>/reports (mutation-report.html and .json); then the scores and every surviving mutant are
// printed and written to artifacts/mutation/summary.md. Slow on two cores (about an hour for all five here), so not part
// of Test and not run by CI. Fails when the total score is below --break (85 by default; 0 turns the check off).
Task("Mutation")
    .Does(() =>
{
    var all = new[] { "platform", "challenges", "applications", "review", "funding" };
    var chosen = Argument("projects", string.Join(",", all)).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    var concurrency = Argument("concurrency", 1);
    var breakAt = Argument("break", 85.0);
    var unitTests = root.Combine("tests/Jiebang.UnitTests");
    var output = root.Combine("artifacts/mutation");
    EnsureDirectoryExists(output);
    var results = new List<MutationResult>();
    foreach (var name in chosen)
    {
        if (!all.Contains(name))
        {
            throw new Exception($"Unknown mutation project '{name}'; known: {string.Join(", ", all)}.");
        }
        var projectOutput = output.Combine(name);
        EnsureDirectoryExists(projectOutput);
        CleanDirectory(projectOutput);
        Information("Stryker.NET: {0} (concurrency {1})", name, concurrency);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var exitCode = StartProcess("dotnet", new ProcessSettings
        {
            WorkingDirectory = unitTests,
            Arguments = new ProcessArgumentBuilder()
                .Append("stryker")
                .Append("--config-file").AppendQuoted($"stryker/{name}.json")
                .Append("--concurrency").Append(concurrency.ToString())
                .Append("--output").AppendQuoted(projectOutput.FullPath)
                .Append("--skip-version-check"),
        });
        watch.Stop();
        var report = projectOutput.CombineWithFilePath("reports/mutation-report.json");
        if (exitCode != 0 || !FileExists(report))
        {
            throw new Exception($"Stryker failed for {name} (exit code {exitCode}); see the output above and {projectOutput}.");
        }
        results.Add(MutationResult.Read(name, report.FullPath, root.FullPath, watch.Elapsed));
    }

    var summary = new System.Text.StringBuilder();
    summary.AppendLine("| Project | Killed | Survived | Timeout | No coverage | Ignored | Compile errors | Score | Time |");
    summary.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    foreach (var r in results)
    {
        summary.AppendLine(r.Row());
    }
    var total = MutationResult.Sum(results);
    summary.AppendLine(total.Row());
    summary.AppendLine();
    summary.AppendLine("Survivors and mutants without coverage:");
    summary.AppendLine();
    foreach (var line in results.SelectMany(r => r.Survivors))
    {
        summary.AppendLine("- " + line);
    }
    System.IO.File.WriteAllText(output.CombineWithFilePath("summary.md").FullPath, summary.ToString());
    Console.WriteLine();
    Console.WriteLine(summary.ToString());
    Information("Reports: {0}/<project>/reports/mutation-report.html; this summary: {0}/summary.md", output);
    if (breakAt > 0 && total.Score < breakAt)
    {
        throw new Exception($"The mutation score {total.Score:0.00} % is below {breakAt} %.");
    }
});

Task("Default")
    .IsDependentOn("Test");

RunTarget(target);

// ---------------------------------------------------------------------------------------------------------------------

void Npm(DirectoryPath directory, string arguments)
{
    var exitCode = StartProcess("npm", new ProcessSettings { WorkingDirectory = directory, Arguments = arguments });
    if (exitCode != 0)
    {
        throw new Exception($"npm {arguments} failed in {directory} (exit code {exitCode}).");
    }
}

// npm ci when the folder's packages are not installed yet, or the lock file changed since they were.
void EnsureNodeModules(DirectoryPath directory)
{
    var lockFile = directory.CombineWithFilePath("package-lock.json");
    var installed = directory.CombineWithFilePath("node_modules/.package-lock.json");
    if (FileExists(installed) && System.IO.File.ReadAllText(installed.FullPath).Length > 0
        && System.IO.File.GetLastWriteTimeUtc(installed.FullPath) >= System.IO.File.GetLastWriteTimeUtc(lockFile.FullPath))
    {
        return;
    }
    Npm(directory, "ci --no-audit --no-fund");
}

// The newest installed Debian/Ubuntu PostgreSQL server, e.g. /usr/lib/postgresql/15/bin/initdb.
static string FindInitDb()
{
    const string baseDir = "/usr/lib/postgresql";
    if (!System.IO.Directory.Exists(baseDir))
    {
        return null;
    }
    return System.IO.Directory.GetDirectories(baseDir)
        .Select(dir => (Version: int.TryParse(System.IO.Path.GetFileName(dir), out var v) ? v : 0,
                        InitDb: System.IO.Path.Combine(dir, "bin", "initdb")))
        .Where(x => System.IO.File.Exists(x.InitDb))
        .OrderByDescending(x => x.Version)
        .Select(x => x.InitDb)
        .FirstOrDefault();
}

/// <summary>A PostgreSQL cluster in a temporary folder, trust authentication, listening on 127.0.0.1 only.</summary>
sealed class TempPostgres
{
    private readonly ICakeContext _context;
    private readonly string _bin;
    private readonly string _dataDir;
    private readonly bool _asPostgresUser;

    private TempPostgres(ICakeContext context, string bin, string dataDir, bool asPostgresUser, int port)
    {
        _context = context;
        _bin = bin;
        _dataDir = dataDir;
        _asPostgresUser = asPostgresUser;
        ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Password=postgres;Database=postgres";
    }

    public string ConnectionString { get; }

    public static TempPostgres Start(ICakeContext context, string initdb, int port)
    {
        // PostgreSQL refuses to run as root: as root, the cluster belongs to the postgres OS user.
        var asPostgresUser = Environment.UserName == "root";
        var dataDir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "jiebang-pg-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(dataDir);
        var cluster = new TempPostgres(context, System.IO.Path.GetDirectoryName(initdb), dataDir, asPostgresUser, port);
        try
        {
            if (asPostgresUser)
            {
                cluster.Exec("chown", $"postgres:postgres \"{dataDir}\"", asPostgres: false);
            }
            cluster.Exec(initdb, $"-D \"{dataDir}\" -U postgres --auth=trust --no-instructions", asPostgres: asPostgresUser);
            // -l: the server logs to a file, so it does not hold on to this process's output.
            cluster.Exec(System.IO.Path.Combine(cluster._bin, "pg_ctl"),
                $"-D \"{dataDir}\" -l \"{dataDir}/server.log\" -o \"-p {port} -k {dataDir} -c listen_addresses=127.0.0.1 -c max_connections=300\" -w start",
                asPostgres: asPostgresUser,
                hint: $"Is port {port} already in use? Set {PostgresEnv} to use another server instead.");
            return cluster;
        }
        catch
        {
            cluster.Remove();
            throw;
        }
    }

    public void Stop()
    {
        try
        {
            Exec(System.IO.Path.Combine(_bin, "pg_ctl"), $"-D \"{_dataDir}\" -m fast -w stop", asPostgres: _asPostgresUser);
            _context.Log.Information("Stopped the throw-away PostgreSQL cluster.");
        }
        catch (Exception ex)
        {
            _context.Log.Warning("Could not stop the throw-away PostgreSQL cluster: {0}", ex.Message);
        }
        Remove();
    }

    private void Remove()
    {
        if (System.IO.Directory.Exists(_dataDir))
        {
            System.IO.Directory.Delete(_dataDir, recursive: true);
        }
    }

    private void Exec(string file, string arguments, bool asPostgres, string hint = "")
    {
        var settings = new ProcessSettings
        {
            Arguments = asPostgres ? $"-u postgres -- \"{file}\" {arguments}" : arguments,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var command = asPostgres ? "runuser" : file;
        var exitCode = _context.StartProcess(command, settings, out var stdout, out var stderr);
        if (exitCode != 0)
        {
            var log = System.IO.Path.Combine(_dataDir, "server.log");
            var serverLog = System.IO.File.Exists(log) ? System.IO.File.ReadAllText(log) : "";
            throw new Exception($"{System.IO.Path.GetFileName(file)} {arguments} failed (exit code {exitCode}). {hint}\n" +
                string.Join("\n", stdout.Concat(stderr)) + "\n" + serverLog);
        }
    }
}

/// <summary>Totals over the TRX reports of one test run (one report per test project).</summary>
sealed record TestSummary(int Total, int Passed, int Failed, int Skipped)
{
    public static TestSummary Read(IEnumerable<string> trxFiles)
    {
        int total = 0, passed = 0, failed = 0, skipped = 0;
        foreach (var file in trxFiles)
        {
            var counters = XDocument.Load(file).Descendants().FirstOrDefault(e => e.Name.LocalName == "Counters");
            if (counters is null)
            {
                continue;
            }
            int Count(string name) => int.TryParse((string)counters.Attribute(name), out var n) ? n : 0;
            total += Count("total");
            passed += Count("passed");
            failed += Count("failed") + Count("error") + Count("timeout") + Count("aborted");
            skipped += Count("notExecuted");
        }
        return new TestSummary(total, passed, failed, skipped);
    }

    /// <summary>Totals over JUnit reports (Vitest, the end-to-end suite): testsuite elements' tests/failures/errors/skipped.</summary>
    public static TestSummary ReadJunit(IEnumerable<string> files)
    {
        int total = 0, failed = 0, skipped = 0;
        foreach (var file in files)
        {
            foreach (var suite in XDocument.Load(file).Descendants().Where(e => e.Name.LocalName == "testsuite"))
            {
                int Count(string name) => int.TryParse((string)suite.Attribute(name), out var n) ? n : 0;
                total += Count("tests");
                failed += Count("failures") + Count("errors");
                skipped += Count("skipped");
            }
        }
        return new TestSummary(total, total - failed - skipped, failed, skipped);
    }

    /// <summary>"name: first lines of the message" for every failed test in the TRX and JUnit reports.</summary>
    public static IEnumerable<string> Failures(IEnumerable<string> trxFiles, IEnumerable<string> junitFiles)
    {
        static string Head(string message) =>
            string.Join(" | ", (message ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Take(4));
        foreach (var file in trxFiles)
        {
            foreach (var result in XDocument.Load(file).Descendants().Where(e => e.Name.LocalName == "UnitTestResult"
                         && (string)e.Attribute("outcome") is "Failed" or "Error" or "Timeout" or "Aborted"))
            {
                var message = result.Descendants().FirstOrDefault(e => e.Name.LocalName == "Message")?.Value;
                yield return $"{(string)result.Attribute("testName")}: {Head(message)}";
            }
        }
        foreach (var file in junitFiles)
        {
            foreach (var testCase in XDocument.Load(file).Descendants().Where(e => e.Name.LocalName == "testcase"))
            {
                var failure = testCase.Elements().FirstOrDefault(e => e.Name.LocalName is "failure" or "error");
                if (failure is not null)
                {
                    var message = (string)failure.Attribute("message") ?? failure.Value;
                    yield return $"{(string)testCase.Attribute("classname")} › {(string)testCase.Attribute("name")}: {Head(message)}";
                }
            }
        }
    }

    public TestSummary Add(TestSummary other) =>
        new(Total + other.Total, Passed + other.Passed, Failed + other.Failed, Skipped + other.Skipped);

    public override string ToString() =>
        Skipped > 0 ? $"{Passed} passed, {Failed} failed, {Skipped} skipped" : $"{Passed} passed, {Failed} failed";
}

/// <summary>The figures of one Stryker.NET JSON report (mutation-testing-report-schema), or of several summed.</summary>
sealed record MutationResult(string Name, int Killed, int Survived, int Timeout, int NoCoverage, int Ignored, int CompileErrors,
    int StaticSurvivors, TimeSpan Elapsed, IReadOnlyList<string> Survivors)
{
    /// <summary>Stryker's score: detected (killed and timed out) over valid mutants (compile errors and ignored ones left out).</summary>
    public double Score => Killed + Timeout + Survived + NoCoverage == 0
        ? 100
        : 100.0 * (Killed + Timeout) / (Killed + Timeout + Survived + NoCoverage);

    public static MutationResult Read(string name, string reportPath, string root, TimeSpan elapsed)
    {
        int killed = 0, survived = 0, timeout = 0, noCoverage = 0, ignored = 0, compileErrors = 0, staticSurvivors = 0;
        var survivors = new List<string>();
        var files = System.Text.Json.Nodes.JsonNode.Parse(System.IO.File.ReadAllText(reportPath))!["files"]!.AsObject();
        foreach (var (path, file) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var relative = System.IO.Path.GetRelativePath(root, path).Replace('\\', '/');
            foreach (var mutant in file!["mutants"]!.AsArray()
                .OrderBy(m => (int)m!["location"]!["start"]!["line"]!).ThenBy(m => (int)m!["location"]!["start"]!["column"]!))
            {
                var status = (string)mutant!["status"]!;
                switch (status)
                {
                    case "Killed": killed++; break;
                    case "Timeout": timeout++; break;
                    case "Ignored": ignored++; break;
                    case "CompileError": compileErrors++; break;
                    case "Survived":
                    case "NoCoverage":
                        if (status == "Survived") { survived++; } else { noCoverage++; }
                        // A mutant in a static initialiser: Stryker's MTP runner keeps one test process, so the initialiser
                        // ran before the mutant was switched on (docs/mutation.md, "Static initialisers").
                        var isStatic = (bool?)mutant["static"] == true;
                        if (isStatic) { staticSurvivors++; }
                        var replacement = ((string)mutant["replacement"] ?? "").ReplaceLineEndings(" ");
                        survivors.Add($"{relative}:{(int)mutant["location"]!["start"]!["line"]!} {status}{(isStatic ? " (static)" : "")} {mutant["mutatorName"]}: `{(replacement.Length > 100 ? replacement[..100] + "…" : replacement)}`");
                        break;
                }
            }
        }
        return new MutationResult(name, killed, survived, timeout, noCoverage, ignored, compileErrors, staticSurvivors, elapsed, survivors);
    }

    public static MutationResult Sum(IReadOnlyList<MutationResult> results) => new("total",
        results.Sum(r => r.Killed), results.Sum(r => r.Survived), results.Sum(r => r.Timeout), results.Sum(r => r.NoCoverage),
        results.Sum(r => r.Ignored), results.Sum(r => r.CompileErrors), results.Sum(r => r.StaticSurvivors),
        TimeSpan.FromTicks(results.Sum(r => r.Elapsed.Ticks)), results.SelectMany(r => r.Survivors).ToList());

    public string Row() =>
        $"| {Name} | {Killed} | {Survived} ({StaticSurvivors} static) | {Timeout} | {NoCoverage} | {Ignored} | {CompileErrors} | {Score:0.00} % | {Elapsed:h\\:mm\\:ss} |";
}
