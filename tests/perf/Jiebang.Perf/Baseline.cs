using Dapper;
using Jiebang.Challenges.Contracts;
using Jiebang.Challenges.Domain;
using Jiebang.Challenges.Data;
using Jiebang.Challenges.Views;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Paging;
using Jiebang.Review.Contracts;
using Jiebang.Review.Data;
using ListData = Jiebang.Challenges.Features.Challenges.ListChallenges.Data;

namespace Jiebang.Perf;

/// <summary>
/// The raw baseline: a bare minimal API that answers the anonymous challenge list and detail with the module's own SQL
/// and JSON shape, through Dapper, without FastEndpoints, authentication, validation or the mediator.
/// What the real host spends beyond this is the framework's cost.
/// </summary>
internal static class Baseline
{
    public static async Task<int> RunAsync(Options options)
    {
        var urls = options.Required("urls");
        var provider = DatabaseOptions.ParseProvider(options.Required("provider"));
        var connection = options.Required("connection");

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(urls);
        builder.Services.ConfigureHttpJsonOptions(o => JsonDefaults.Apply(o.SerializerOptions));
        builder.Services.AddSingleton(new DbConnectionFactory(new DatabaseOptions { Provider = provider, ConnectionString = connection, MigrateOnStartup = false }));
        builder.Services.AddSingleton(TimeProvider.System);
        var app = builder.Build();

        app.MapGet("/health/ready", () => Results.Text("Healthy"));
        app.MapGet("/api/v1/challenges", ListAsync);
        app.MapGet("/api/v1/challenges/{id:guid}", DetailAsync);
        app.MapGet("/api/v1/review/rounds/{id:guid}/results", ResultsAsync);
        await app.RunAsync();
        return 0;
    }

    /// <summary>The anonymous branch of Challenges_List: published challenges only, the same filters, order, page and total.</summary>
    private static async Task<IResult> ListAsync(HttpRequest request, DbConnectionFactory db, TimeProvider clock, CancellationToken ct)
    {
        var query = request.Query;
        var page = int.TryParse(query["page"], out var p) ? p : 1;
        var pageSize = int.TryParse(query["pageSize"], out var s) ? s : 20;
        Guid? batch = Guid.TryParse(query["batch"], out var b) ? b : null;
        Guid? organisation = Guid.TryParse(query["organisation"], out var o) ? o : null;
        ChallengeField? field = Enum.TryParse<ChallengeField>(query["field"], true, out var f) ? f : null;
        ChallengeStatus? status = Enum.TryParse<ChallengeStatus>(query["status"], true, out var st) ? st : null;
        ApplicationPhase? phase = Enum.TryParse<ApplicationPhase>(query["phase"], true, out var ph) ? ph : null;
        string? q = query["q"];
        string? sort = query["sort"];

        var now = clock.GetUtcNow();
        var where = new Conditions();
        where.And($"c.status IN {ChallengeLifecycle.PublicStatusesSql}");
        where.AndIf(batch is not null, "c.batch_id = @Batch")
            .AndIf(field is not null, "c.field = @Field")
            .AndIf(status is not null, "c.status = @Status")
            .AndIf(organisation is not null, "c.organisation_id = @Organisation")
            .AndIf(phase == ApplicationPhase.NotYetOpen, "b.opens_at > @Now")
            .AndIf(phase == ApplicationPhase.Open, "b.opens_at <= @Now AND b.closes_at > @Now")
            .AndIf(phase == ApplicationPhase.Closed, "b.closes_at <= @Now");
        if (!string.IsNullOrWhiteSpace(q))
        {
            var d = db.Dialect;
            where.And($"{d.ContainsIgnoreCase("c.title", "@Q")} OR {d.ContainsIgnoreCase("c.code", "@Q")} OR {d.ContainsIgnoreCase("c.background", "@Q")}");
        }
        var sortKey = sort?.TrimStart('-') ?? "code";
        var direction = sort?.StartsWith('-') == true ? "DESC" : "ASC";
        var order = $"{ListData.SortColumns[sortKey]} {direction}, c.id {direction}";
        var args = new
        {
            OwnOrganisation = (Guid?)null,
            Batch = batch,
            Field = field?.ToString(),
            Status = status?.ToString(),
            Organisation = organisation,
            Now = now,
            Q = q is null ? null : SqlDialect.ContainsPattern(q.Trim()),
            Skip = (Math.Max(page, 1) - 1) * pageSize,
            Take = pageSize,
        };
        await using var connection = await db.OpenAsync(ct);
        var total = await connection.ExecuteScalarAsync<int>($"SELECT COUNT(*) {ListData.From} {where.Sql}", args);
        var rows = await connection.QueryAsync<ListData.Row>($"SELECT {ListData.Columns} {ListData.From} {where.Sql} ORDER BY {order} {db.Dialect.Page}", args);
        var items = rows.Select(r => new ChallengeSummary
        {
            Id = r.Id, Code = r.Code, Title = r.Title, TitleEn = r.TitleEn, Field = r.Field, FieldName = ChallengeFields.NameZh(r.Field),
            OrganisationId = r.OrganisationId, IssuerName = r.IssuerName, BatchId = r.BatchId, BatchCode = r.BatchCode,
            Status = r.Status, Phase = ApplicationWindow.PhaseAt(r.OpensAt, r.ClosesAt, now),
            OpensOn = ChallengeStore.ParseDay(r.OpensOnText), ClosesOn = ChallengeStore.ParseDay(r.ClosesOnText), ClosesAt = r.ClosesAt,
            RdMonths = r.RdMonths, PlannedInvestmentFen = r.PlannedInvestmentFen, PublishedAt = r.PublishedAt, IsDemo = r.IsDemo,
            Version = r.Version,
        }).ToList();
        return Results.Ok(new Paged<ChallengeSummary> { Items = items, Total = total, Page = page, PageSize = pageSize });
    }

    /// <summary>Challenges_Get for an anonymous caller: published challenges, with indicators and the ETag.</summary>
    private static async Task<IResult> DetailAsync(Guid id, HttpContext context, DbConnectionFactory db, TimeProvider clock, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await ChallengeStore.LoadAsync(connection, id);
        if (row is null || !ChallengeLifecycle.IsPublic(row.Status))
        {
            return Problems.NotFound("challenge");
        }
        var detail = ChallengeStore.ToDetail(row, await ChallengeStore.IndicatorsAsync(connection, id), clock.GetUtcNow());
        context.Response.Headers.ETag = Versioning.ETag(detail.Version);
        return Results.Ok(detail);
    }

    /// <summary>Rounds_Results without the role check: the round, its items and every submitted score, the same arithmetic.</summary>
    private static async Task<IResult> ResultsAsync(Guid id, DbConnectionFactory db, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var round = await RoundStore.LoadAsync(connection, id);
        if (round is null)
        {
            return Problems.NotFound("round");
        }
        if (round.Status is ReviewRoundStatus.Draft or ReviewRoundStatus.Assigning or ReviewRoundStatus.Scoring)
        {
            return Problems.Conflict("review.round_not_closed", "评分尚未结束", "Results are available once scoring is closed");
        }
        return Results.Ok(await Review.Features.Rounds.GetResults.Endpoint.ComputeAsync(connection, round));
    }
}
