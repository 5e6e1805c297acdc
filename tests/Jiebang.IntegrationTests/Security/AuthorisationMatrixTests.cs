using System.Text;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Security;

/// <summary>
/// Every operation of the committed OpenAPI document, run as every kind of caller on real resources, against the expected
/// outcomes in authorisation-matrix.txt. A caller who may not see a resource must get exactly what it gets for a resource
/// that does not exist (so neither 403 nor anything else reveals that it exists).
/// </summary>
public abstract class AuthorisationMatrixTests(JiebangHost host) : HostTests(host)
{
    [Fact]
    public async Task Every_operation_answers_every_caller_as_the_table_says_and_hides_what_the_caller_may_not_see()
    {
        var s = await SecurityScenario.OfAsync(Host);
        var callers = await Callers.SignInAsync(Host, s);
        var requests = new ValidRequests(s, Host);
        var operations = ApiOperations.Load();
        var writing = Environment.GetEnvironmentVariable(AuthorisationTable.WriteVariable) == "1";
        var table = writing ? new Dictionary<string, Dictionary<string, string>>() : AuthorisationTable.Read();
        if (!writing)
        {
            var missing = operations.Select(o => o.Id).Except(table.Keys).ToList();
            var stale = table.Keys.Except(operations.Select(o => o.Id)).ToList();
            Assert.True(missing.Count == 0 && stale.Count == 0,
                $"authorisation-matrix.txt must have one row per operation of api/openapi/jiebang.v1.json. " +
                $"Missing rows: {string.Join(", ", missing)}. Rows for operations no longer in the document: {string.Join(", ", stale)}.");
        }

        using var restore = new RestorePoint(Host.ConnectionString);
        var failures = new List<string>();
        var observed = new List<(string, IReadOnlyDictionary<string, string>)>();
        var checks = 0;
        foreach (var op in operations)
        {
            var row = new Dictionary<string, string>();
            foreach (var caller in Callers.Columns)
            {
                using var response = await callers[caller].SendAsync(await requests.BuildAsync(op, callers[caller], column: caller));
                var body = await response.Content.ReadAsStringAsync();
                var outcome = await Outcome.OfAsync(response);
                row[caller] = outcome;
                checks++;
                if (response.IsSuccessStatusCode)
                {
                    failures.AddRange(OpenApi.DocumentedHeaders.Mismatches(op, response).Select(m => $"{op.Id} as {caller}: {m}"));
                }
                if (op.IsWrite && response.IsSuccessStatusCode)
                {
                    restore.Restore();
                }
                if (!writing && table[op.Id][caller] != outcome)
                {
                    failures.Add($"{op.Id} as {caller} ({Callers.Meaning[caller]}): expected {table[op.Id][caller]}, got {outcome}: {(int)response.StatusCode} {Shorten(body)}");
                }
                if (Outcome.IsHidden(outcome) && op.PathParameters.Count > 0)
                {
                    // The same request for resources that do not exist must get the same answer, code included.
                    using var ghost = await callers[caller].SendAsync(await requests.BuildAsync(op, callers[caller], _ => Guid.NewGuid(), column: caller));
                    var ghostOutcome = await Outcome.OfAsync(ghost);
                    if (ghostOutcome != outcome)
                    {
                        failures.Add($"{op.Id} as {caller} ({Callers.Meaning[caller]}): {outcome} for the scenario's resource but " +
                                     $"{ghostOutcome} for one that does not exist — the answer reveals that the resource exists");
                    }
                }
                if (Outcome.Status(outcome) == 403 && !op.Statuses.Contains(403))
                {
                    failures.Add($"{op.Id} answers 403 but does not declare it");
                }
                if (outcome.StartsWith("HTTP", StringComparison.Ordinal) || outcome.EndsWith(":-", StringComparison.Ordinal))
                {
                    failures.Add($"{op.Id} as {caller}: {(int)response.StatusCode} without a problem code: {Shorten(body)}");
                }
            }
            observed.Add((op.Id, row));
        }

        if (writing)
        {
            AuthorisationTable.Write(observed);
        }
        var figure = $"authorisation matrix: {operations.Count} operations × {Callers.Columns.Length} callers = {checks} checks, {failures.Count} failures";
        Figures.Report(figure);
        Assert.True(failures.Count == 0, figure + "\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task Lists_show_each_caller_only_rows_it_may_open()
    {
        var s = await SecurityScenario.OfAsync(Host);
        var callers = await Callers.SignInAsync(Host, s);
        // Each list, and the single-resource read that must succeed for every row it shows.
        (string List, Func<string, string> Get)[] lists =
        [
            ("/api/v1/applications?pageSize=200", id => $"/api/v1/applications/{id}"),
            ("/api/v1/challenges?pageSize=200", id => $"/api/v1/challenges/{id}"),
            ($"/api/v1/challenges?pageSize=200&batch={s.DraftBatchId}", id => $"/api/v1/challenges/{id}"),
            ("/api/v1/organisations?pageSize=200", id => $"/api/v1/organisations/{id}"),
            ("/api/v1/batches", id => $"/api/v1/batches/{id}"),
            ("/api/v1/review/rounds", id => $"/api/v1/review/rounds/{id}"),
            ("/api/v1/review/experts", id => $"/api/v1/review/experts/{id}"),
            ("/api/v1/review/me/assignments", id => $"/api/v1/review/assignments/{id}"),
            ("/api/v1/users?pageSize=200", id => $"/api/v1/users/{id}"),
        ];
        var failures = new List<string>();
        var counts = new Dictionary<(string, string), int>();
        var rows = 0;
        foreach (var (list, get) in lists)
        {
            foreach (var caller in Callers.Columns)
            {
                using var response = await callers[caller].GetAsync(list);
                if (!response.IsSuccessStatusCode)
                {
                    continue;
                }
                var node = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                var items = (node as System.Text.Json.Nodes.JsonArray ?? node["items"]!.AsArray()).Select(i => (string)i!["id"]!).ToList();
                counts[(list, caller)] = items.Count;
                foreach (var id in items)
                {
                    rows++;
                    using var single = await callers[caller].GetAsync(get(id));
                    if (!single.IsSuccessStatusCode)
                    {
                        failures.Add($"{list} as {caller} ({Callers.Meaning[caller]}) lists {id}, which it may not open ({(int)single.StatusCode})");
                    }
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // The reviewed application: its parties, the task force, the auditor and its district see it; a draft in an open
        // window stays sealed from the issuer (and its experts) until the deadline.
        var applications = new Dictionary<string, string[]>();
        foreach (var caller in Callers.Columns.Where(c => c != "anon"))
        {
            var page = await callers[caller].GetAsync("/api/v1/applications?pageSize=200").Expect(System.Net.HttpStatusCode.OK);
            applications[caller] = page["items"]!.AsArray().Select(i => (string)i!["id"]!).ToArray();
        }
        Assert.Equal(["tf", "issA", "appA", "aud", "keyIn"], applications.Where(p => p.Value.Contains(s.ApplicationId.ToString())).Select(p => p.Key).ToArray());
        Assert.Equal(["tf", "appA", "aud", "keyIn"], applications.Where(p => p.Value.Contains(s.OpenDraftApplicationId.ToString())).Select(p => p.Key).ToArray());
        Assert.All(applications.Where(p => p.Key is "issB" or "appB" or "expA" or "expB" or "keyOut"), p => Assert.Empty(p.Value));
        // The draft challenge of issuer A: only its issuer, the task force and the auditor list it.
        var drafts = $"/api/v1/challenges?pageSize=200&batch={s.DraftBatchId}";
        Assert.Equal(["tf", "issA", "aud"], Callers.Columns.Where(c => counts.GetValueOrDefault((drafts, c)) > 0).ToArray());
        // A district key lists only the organisations of its own district.
        var keyOut = await callers["keyOut"].GetAsync("/api/v1/organisations?pageSize=200").Expect(System.Net.HttpStatusCode.OK);
        Assert.All(keyOut["items"]!.AsArray(), o => Assert.StartsWith("110105", (string)o!["regionCode"]!));
        // The assigned expert lists its assignment on the round, the unassigned one none.
        Assert.Equal(1, counts[("/api/v1/review/me/assignments", "expA")]);
        Assert.Equal(0, counts[("/api/v1/review/me/assignments", "expB")]);
        // Another issuer's change feed carries nothing about the application or its agreement.
        var feed = await callers["issB"].GetAsync("/api/v1/feed?limit=200").Expect(System.Net.HttpStatusCode.OK);
        Assert.DoesNotContain(feed["items"]!.AsArray(), e => (string?)e!["resourceId"] == s.ApplicationId.ToString() || (string?)e["resourceId"] == s.AgreementId.ToString());
        Figures.Report($"list visibility: {lists.Length} lists × {Callers.Columns.Length} callers, {rows} listed rows opened one by one, 0 not visible");
    }

    /// <summary>The operation that opens the resource of a feed event, by the event's resourceType.</summary>
    private static readonly Dictionary<string, (string Operation, Func<string, string> Url)> OpenedBy = new()
    {
        ["challenge"] = ("Challenges_Get", id => $"/api/v1/challenges/{id}"),
        ["batch"] = ("Batches_Get", id => $"/api/v1/batches/{id}"),
        ["application"] = ("Applications_Get", id => $"/api/v1/applications/{id}"),
        ["review_round"] = ("Rounds_Publication", id => $"/api/v1/review/rounds/{id}/publication"),
        ["agreement"] = ("Agreements_Get", id => $"/api/v1/agreements/{id}"),
        ["organisation"] = ("Organisations_Get", id => $"/api/v1/organisations/{id}"),
    };

    [Fact]
    public async Task The_feed_gives_each_caller_only_events_whose_resource_it_may_open_and_every_event_whose_resource_it_may_open()
    {
        var s = await SecurityScenario.OfAsync(Host);
        var callers = await Callers.SignInAsync(Host, s);
        var received = new Dictionary<string, HashSet<string>>();
        var opens = new Dictionary<(string Caller, string Url), int>();
        async Task<int> OpenAsync(string caller, string url)
        {
            if (!opens.TryGetValue((caller, url), out var status))
            {
                using var response = await callers[caller].GetAsync(url);
                opens[(caller, url)] = status = (int)response.StatusCode;
            }
            return status;
        }

        var failures = new List<string>();
        var events = 0;
        foreach (var caller in Callers.Columns)
        {
            var (items, _) = await Jiebang.IntegrationTests.Platform.Feed.FeedFollower.FollowAsync(callers[caller], limit: 500);
            received[caller] = items.Select(i => (string)i["cursor"]!).ToHashSet();
            foreach (var item in items)
            {
                events++;
                var (type, resourceType, id) = ((string)item["type"]!, (string)item["resourceType"]!, (string)item["resourceId"]!);
                if (!OpenedBy.TryGetValue(resourceType, out var opener))
                {
                    failures.Add($"{type} has resourceType '{resourceType}', which no operation is known to open: add it to {nameof(OpenedBy)}");
                    continue;
                }
                var status = await OpenAsync(caller, opener.Url(id));
                if (status == 200)
                {
                    continue;
                }
                failures.Add($"{caller} ({Callers.Meaning[caller]}) receives {type} about {resourceType} {id}, but {opener.Operation} answers it {status}");
            }
        }

        // The converse: whoever may open the resource of an event receives the event. Issuers are the one exception, by
        // decision: they learn of applications through their own list once the deadline has passed, and application events
        // written while the applications were sealed must never reach them, so no application event does.
        var (all, _) = await Jiebang.IntegrationTests.Platform.Feed.FeedFollower.FollowAsync(callers["tf"], limit: 500);
        foreach (var item in all)
        {
            var (type, resourceType, id, cursor) = ((string)item["type"]!, (string)item["resourceType"]!, (string)item["resourceId"]!, (string)item["cursor"]!);
            if (!OpenedBy.TryGetValue(resourceType, out var opener))
            {
                continue;
            }
            foreach (var caller in Callers.Columns.Where(c => !(resourceType == "application" && c is "issA" or "issB")))
            {
                if (await OpenAsync(caller, opener.Url(id)) == 200 && !received[caller].Contains(cursor))
                {
                    failures.Add($"{caller} ({Callers.Meaning[caller]}) may open {resourceType} {id} ({opener.Operation}) but does not receive its {type}");
                }
            }
        }

        // The scenario's private events reach their parties at least (so the checks above are not passing on an empty feed).
        foreach (var (caller, resource) in new[]
                 {
                     ("appA", s.ApplicationId), ("keyIn", s.ApplicationId), ("appA", s.AgreementId), ("issA", s.AgreementId),
                     ("appA", s.RoundId), ("issA", s.RoundId),
                 })
        {
            if (!all.Any(i => (string)i["resourceId"]! == resource.ToString() && received[caller].Contains((string)i["cursor"]!)))
            {
                failures.Add($"{caller} ({Callers.Meaning[caller]}) receives no event about {resource}, of which it is a party");
            }
        }

        var figure = $"feed visibility: {Callers.Columns.Length} callers, {events} received events each opened by its caller, {all.Count} events checked for every caller that may open them";
        Figures.Report(figure);
        Assert.True(failures.Count == 0, figure + "\n" + string.Join("\n", failures));
    }

    private static string Shorten(string body) => body.Length <= 300 ? body : body[..300] + "…";
}

public sealed class AuthorisationMatrixTestsOnSqlite(SecuritySqliteHost host) : AuthorisationMatrixTests(host), IClassFixture<SecuritySqliteHost>;
