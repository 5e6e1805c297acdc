using System.Diagnostics;
using System.Text;
using Dapper;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Security;

/// <summary>
/// A schema-driven fuzzer: every write operation of the committed document, sent by a caller allowed to perform it on the
/// scenario's resources, with bad input generated from its request schema. Every answer must be a problem document with a
/// code (4xx) or a legitimate success, never a 5xx, a stack trace or SQL; after every refusal the database is unchanged;
/// and where the document decides the answer (<see cref="Mutation.Check"/>: undeclared or missing properties, numbers as
/// strings, unusable Idempotency-Keys, no body at all), it is that answer.
/// Seeded and bounded: at most <see cref="PerOperation"/> requests per operation (about a minute on SQLite), and a safety stop
/// at <see cref="TimeBound"/> on a machine too loaded to finish — the operations it did not reach are then named in the figure.
/// </summary>
public abstract class FuzzerTests(JiebangHost host) : HostTests(host)
{
    public const int Seed = 20261128;
    public const int PerOperation = 70;
    public static readonly TimeSpan TimeBound = TimeSpan.FromMinutes(3);

    private static readonly string[] Leaks =
    [
        "Exception", "   at ", "StackTrace", "SQLite Error", "SqliteException", "Npgsql", "PostgresException", "SqlException", "syntax error",
        "FROM platform_", "FROM challenges_", "FROM applications_", "FROM review_", "FROM funding_", "INSERT INTO", "UPDATE platform_",
        "System.", "Microsoft.", "Jiebang.", "Dapper",
    ];

    [Fact]
    public async Task Bad_input_on_every_write_operation_gets_a_problem_document_or_a_success_and_refusals_change_nothing()
    {
        var s = await SecurityScenario.OfAsync(Host);
        var callers = await Callers.SignInAsync(Host, s);
        var requests = new ValidRequests(s, Host, openWindow: true);
        var table = AuthorisationTable.Read();
        await EverySnapshotTableIsCoveredAsync();
        using var restore = new RestorePoint(Host.ConnectionString);
        var baseline = await DatabaseSnapshot.TakeAsync(Host);
        var random = new Random(Seed);
        var clock = Stopwatch.StartNew();
        var failures = new List<string>();
        var byStatus = new SortedDictionary<int, int>();
        var report = new StringBuilder();
        var sent = 0;
        var timedOut = false;
        var notReached = new List<string>();

        foreach (var op in ApiOperations.Load().Where(o => o.IsWrite))
        {
            if (timedOut)
            {
                notReached.Add(op.Id);
                continue;
            }
            // The first caller the matrix lets through (Ok), or else one it authorises but the state refuses.
            var caller = Callers.Columns.FirstOrDefault(c => table[op.Id][c] == Outcome.Ok)
                         ?? Callers.Columns.FirstOrDefault(c => Outcome.IsRefused(table[op.Id][c]));
            if (caller is null)
            {
                failures.Add($"{op.Id}: no caller may perform it on the scenario, so its validation is never reached");
                continue;
            }
            var client = callers[caller];
            var valid = await requests.BuildAsync(op, client);
            var ifMatch = valid.Headers.TryGetValues("If-Match", out var tags) ? tags.Single() : null;
            var mutations = new BadInput(op, requests.Url(op), requests.Body(op), ifMatch).All().ToList();
            var chosen = mutations.Count <= PerOperation ? mutations : mutations.OrderBy(_ => random.Next()).Take(PerOperation).ToList();
            var statuses = new SortedDictionary<int, int>();
            foreach (var mutation in chosen)
            {
                if (clock.Elapsed > TimeBound)
                {
                    timedOut = true;
                    break;
                }
                HttpResponseMessage response;
                try
                {
                    response = await client.SendAsync(mutation.Build());
                }
                catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or FormatException)
                {
                    continue; // the client itself refuses to send it (e.g. a header it considers invalid)
                }
                using (response)
                {
                    sent++;
                    var status = (int)response.StatusCode;
                    statuses[status] = statuses.GetValueOrDefault(status) + 1;
                    byStatus[status] = byStatus.GetValueOrDefault(status) + 1;
                    var body = await response.Content.ReadAsStringAsync();
                    var where = $"{op.Id} as {caller}, {mutation.Name}";
                    if (status >= 500)
                    {
                        failures.Add($"{where}: {status} {Shorten(body)}");
                    }
                    if (Leaks.FirstOrDefault(l => body.Contains(l, StringComparison.Ordinal)) is { } leak && status >= 400)
                    {
                        failures.Add($"{where}: the body shows \"{leak}\": {Shorten(body)}");
                    }
                    if (mutation.Check(status, body) is { } wrong)
                    {
                        // The document decides this answer (an undeclared property, a missing one, a number as a string, an unusable key, no body).
                        failures.Add($"{where}: {wrong}: {Shorten(body)}");
                    }
                    if (response.IsSuccessStatusCode)
                    {
                        restore.Restore();
                        continue;
                    }
                    if (status is >= 400 and < 500)
                    {
                        var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                                      && System.Text.Json.Nodes.JsonNode.Parse(body)?["code"] is not null;
                        if (!problem)
                        {
                            failures.Add($"{where}: {status} without a problem document with a code ({response.Content.Headers.ContentType}): {Shorten(body)}");
                        }
                        if (await DatabaseSnapshot.TakeAsync(Host) != baseline)
                        {
                            failures.Add($"{where}: refused with {status}, but the database changed");
                            restore.Restore();
                        }
                    }
                }
            }
            report.AppendLine($"{op.Id,-36} {caller,-6} {statuses.Values.Sum(),4} sent  " + string.Join(" ", statuses.Select(p => $"{p.Key}×{p.Value}")));
        }

        TestContext.Current.TestOutputHelper?.WriteLine(report.ToString());
        var fives = byStatus.Where(p => p.Key >= 500).Sum(p => p.Value);
        var figure = $"fuzzer: {sent} requests in {clock.Elapsed.TotalSeconds:0} s, by status {string.Join(" ", byStatus.Select(p => $"{p.Key}×{p.Value}"))}, 5xx: {fives}" +
                     (timedOut ? $" (stopped at the {TimeBound.TotalMinutes:0}-minute bound; not reached: {string.Join(", ", notReached)})" : "");
        Figures.Report(figure);
        Assert.True(failures.Count == 0, figure + "\n" + string.Join("\n", failures.Take(200)));
    }

    /// <summary>A table the snapshot does not cover would let a refusal's write go unnoticed.</summary>
    private async Task EverySnapshotTableIsCoveredAsync()
    {
        await using var connection = await Host.Db.OpenAsync();
        var tables = await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
        var uncovered = tables.Except(DatabaseSnapshot.Tables).Except(["VersionInfo", "platform_login_throttle", "platform_throttle"]).ToList();
        Assert.True(uncovered.Count == 0, "DatabaseSnapshot does not cover: " + string.Join(", ", uncovered));
    }

    private static string Shorten(string body) => body.Length <= 400 ? body : body[..400] + "…";
}

public sealed class FuzzerTestsOnSqlite(SecuritySqliteHost host) : FuzzerTests(host), IClassFixture<SecuritySqliteHost>;
