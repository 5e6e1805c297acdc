using System.Text;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Security;

/// <summary>
/// What the committed document declares about request bodies is what the host enforces, for EVERY write operation: its
/// valid request (<see cref="ValidRequests"/>) answers as the authorisation matrix says, and each break of the document
/// (<see cref="BadInput.Contract"/>: an undeclared property, a required property left out, a number as a string, at every
/// level of the body; <see cref="BadInput.Bodyless"/>; <see cref="BadInput.IdempotencyKeys"/>) gets the answer the document
/// implies and changes nothing. Unlike the fuzzer, nothing is sampled: every case of every operation is sent.
/// </summary>
public abstract class DocumentStrictnessTests(JiebangHost host) : HostTests(host)
{
    [Fact]
    public async Task Every_write_operation_refuses_what_its_document_does_not_allow_and_accepts_its_valid_request()
    {
        var s = await SecurityScenario.OfAsync(Host);
        var callers = await Callers.SignInAsync(Host, s);
        var requests = new ValidRequests(s, Host);
        var table = AuthorisationTable.Read();
        using var restore = new RestorePoint(Host.ConnectionString);
        var baseline = await DatabaseSnapshot.TakeAsync(Host);
        var failures = new List<string>();
        var report = new StringBuilder();
        var sent = 0;
        var operations = ApiOperations.Load().Where(o => o.IsWrite).ToList();
        foreach (var op in operations)
        {
            var caller = Callers.Columns.FirstOrDefault(c => table[op.Id][c] == Outcome.Ok)
                         ?? Callers.Columns.FirstOrDefault(c => Outcome.IsRefused(table[op.Id][c]));
            if (caller is null)
            {
                failures.Add($"{op.Id}: no caller may perform it on the scenario, so its body is never read");
                continue;
            }
            var client = callers[caller];
            using (var valid = await client.SendAsync(await requests.BuildAsync(op, client)))
            {
                sent++;
                var outcome = await Outcome.OfAsync(valid);
                if (outcome != table[op.Id][caller])
                {
                    failures.Add($"{op.Id} as {caller}: the valid request answered {(int)valid.StatusCode}, the matrix says {table[op.Id][caller]}: " +
                                 Shorten(await valid.Content.ReadAsStringAsync()));
                }
                if (valid.IsSuccessStatusCode)
                {
                    restore.Restore();
                }
            }
            var probe = await requests.BuildAsync(op, client);
            var ifMatch = probe.Headers.TryGetValues("If-Match", out var tags) ? tags.Single() : null;
            var input = new BadInput(op, requests.Url(op), requests.Body(op), ifMatch, emptyHeadersArrive: true);
            var cases = input.Contract().Concat(input.Bodyless()).Concat(input.IdempotencyKeys()).ToList();
            foreach (var mutation in cases)
            {
                using var response = await client.SendAsync(mutation.Build());
                sent++;
                var status = (int)response.StatusCode;
                var body = await response.Content.ReadAsStringAsync();
                var where = $"{op.Id} as {caller}, {mutation.Name}";
                if (mutation.Check(status, body) is { } wrong)
                {
                    failures.Add($"{where}: {wrong}: {Shorten(body)}");
                }
                if (response.IsSuccessStatusCode)
                {
                    restore.Restore();
                    continue;
                }
                if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Add($"{where}: {status} without a problem document");
                }
                if (await DatabaseSnapshot.TakeAsync(Host) != baseline)
                {
                    failures.Add($"{where}: refused with {status}, but the database changed");
                    restore.Restore();
                }
            }
            report.AppendLine($"{op.Id,-36} {caller,-6} {cases.Count,4} cases");
        }
        TestContext.Current.TestOutputHelper?.WriteLine(report.ToString());
        var figure = $"document strictness: {operations.Count} write operations, {sent} requests, {failures.Count} failures";
        Figures.Report(figure);
        Assert.True(failures.Count == 0, figure + "\n" + string.Join("\n", failures.Take(200)));
    }

    private static string Shorten(string body) => body.Length <= 300 ? body : body[..300] + "…";
}

// Over real sockets, so that what a portal sends (an empty header, no body at all) reaches the host as it would in production.
public sealed class DocumentStrictnessTestsOnSqlite(SecuritySqliteOverSocketsHost host) : DocumentStrictnessTests(host), IClassFixture<SecuritySqliteOverSocketsHost>;
